#!/usr/bin/env bash
# Measures the dashboard as a user starts it: time from launch to the first
# frame that shows rows (STOCKROOM_TRACE) and the process's peak memory
# (/usr/bin/time -v), in a 160×45 tmux session. Needs tmux.
#
#   docs/measure-dashboard.sh CATALOGUE.db [RUNS]
#   STOCKROOM_BIN=/path/to/stockroom docs/measure-dashboard.sh CATALOGUE.db
#                       # another build (for example main before a change)
set -euo pipefail
db=${1:?usage: docs/measure-dashboard.sh CATALOGUE.db [RUNS]}
runs=${2:-5}
bin=${STOCKROOM_BIN:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/stockroom
	go build -o "$bin" "$(dirname "$0")/.."
fi
for _ in $(seq "$runs"); do
	trace=$(mktemp) times=$(mktemp)
	tmux kill-session -t stockroom-measure 2>/dev/null || true
	tmux new -d -s stockroom-measure -x 160 -y 45
	tmux send-keys -t stockroom-measure "STOCKROOM_TRACE=$trace /usr/bin/time -v -o $times $bin --db $db" Enter
	for _ in $(seq 100); do [ -s "$trace" ] && break; sleep 0.1; done
	sleep 1 # let the background cache write finish before quitting
	tmux send-keys -t stockroom-measure q
	for _ in $(seq 50); do grep -q Maximum "$times" 2>/dev/null && break; sleep 0.1; done
	echo "$(grep '^first frame' "$trace" | tr -d '\n'); peak RSS $(awk '/Maximum resident/ {print int($6/1024)}' "$times") MB"
	rm -f "$trace" "$times"
done
tmux kill-session -t stockroom-measure
