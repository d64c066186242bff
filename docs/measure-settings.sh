#!/usr/bin/env bash
# Measures a settings change as a PM makes it: in the real dashboard in a
# 160×45 tmux session, on the Stock pane, `,` opens the settings, enter
# edits service_level_a, the value is typed, and the time runs from the
# enter that saves it to the status line that reports it ("… · u undoes"),
# polled every 10 ms; then the process's RSS and peak RSS. The change is
# planned in memory (planner.Snapshot.WithSettings) off the Update loop, so
# keys stay live meanwhile. Needs tmux and bash 5 ($EPOCHREALTIME).
#
#   docs/measure-settings.sh CATALOGUE.db [VALUE]     # VALUE: 97 (%) by default
#   STOCKROOM_BIN=/path/to/stockroom docs/measure-settings.sh CATALOGUE.db
#
# It writes to CATALOGUE.db (the setting, and its audit row): use a copy,
# and run it twice with two values to change something both times.
set -euo pipefail
db=${1:?usage: docs/measure-settings.sh CATALOGUE.db [VALUE]}
value=${2:-97}
bin=${STOCKROOM_BIN:-}
work=$(mktemp -d)
session=stockroom-settings
trap 'tmux kill-session -t $session 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin=$work/stockroom
	go build -o "$bin" "$(dirname "$0")/.."
fi
trace=$work/trace
tmux kill-session -t $session 2>/dev/null || true
tmux new -d -s $session -x 160 -y 45 "exec env STOCKROOM_TRACE=$trace $bin --db $db"
pid=$(tmux display -p -t $session '#{pane_pid}')
for _ in $(seq 600); do grep -q '^first frame' "$trace" 2>/dev/null && break; sleep 0.1; done
# the Stock pane, once its search texts and views are built
tmux send-keys -t $session 2
sleep 3
tmux send-keys -t $session ,
sleep 1
tmux send-keys -t $session Enter
sleep 0.3
tmux send-keys -t $session C-u "$value"
sleep 0.5
start=$EPOCHREALTIME
tmux send-keys -t $session Enter
for _ in $(seq 3000); do
	tmux capture-pane -p -t $session | tail -2 | grep -q "undoes" && break
	sleep 0.01
done
end=$EPOCHREALTIME
ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
echo "settings change: $ms ms to \"$(tmux capture-pane -p -t $session | tail -1 | sed 's/  *$//')\""
sleep 3
echo "RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status) MB, peak $(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB"
tmux send-keys -t $session q
sleep 1
