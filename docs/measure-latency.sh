#!/usr/bin/env bash
# Measures the dashboard as a PM feels it: how long a key takes to reach
# the screen, in the real program (its Bubble Tea loop, its terminal
# output) in a 160×45 tmux session. Needs tmux and bash 5 ($EPOCHREALTIME).
#
#   docs/measure-latency.sh CATALOGUE.db [KEYS]
#   STOCKROOM_BIN=/path/to/stockroom docs/measure-latency.sh CATALOGUE.db
#                       # another build (it must write the key trace)
#   FORECASTING=0 docs/measure-latency.sh CATALOGUE.db   # skip the second run
#
# Two runs. Idle: on CATALOGUE.db as it is, once no forecast runs, KEYS
# cursor moves (j on the Stock pane, paced like a held key), KEYS filter
# keystrokes ("kettle" typed and erased, at typing speed), then the CPU
# the process uses over 10 s with nothing to do. Forecasting: on a copy
# whose forecast horizon is changed, so every forecast is stale and the
# dashboard forecasts them all in the background right after its first
# frame, the same keys at once, then the idle CPU once they are done.
#
# Per kind of key, median / p95 / max of three figures, in ms:
#   drawn     from Update receiving the key to the frame showing its effect
#             drawn (View): the program's own work
#   program   from Update receiving the key to the write that hands the
#             first frame showing its effect to the terminal (for a filter
#             keystroke: its rows); adds the wait for the renderer's next
#             flush (60 a second); STOCKROOM_TRACE records these moments
#   sent      from the moment the script hands the key to tmux (through
#             one control-mode client, so no process starts per key) to
#             that write: adds tmux, the terminal and the program's input
#             queue
# A key whose frame changed nothing (j on the last row) is left out.
set -euo pipefail
db=${1:?usage: docs/measure-latency.sh CATALOGUE.db [KEYS]}
n=${2:-150}
bin=${STOCKROOM_BIN:-}
work=$(mktemp -d)
trap 'tmux kill-session -t stockroom-latency 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin=$work/stockroom
	go build -o "$bin" "$(dirname "$0")/.."
fi
session=stockroom-latency
cursor_pace=0.03 # plus a few ms: about 30 moves a second, a held key
typing_pace=0.1  # a quick typist

# start DB TRACE: the dashboard on DB, once its first frame is drawn
start() {
	tmux kill-session -t $session 2>/dev/null || true
	tmux new -d -s $session -x 160 -y 45 "exec env STOCKROOM_TRACE=$2 $bin --db $1"
	pid=$(tmux display -p -t $session '#{pane_pid}')
	coproc control { tmux -C attach -t $session >/dev/null; }
	for _ in $(seq 600); do grep -q '^first frame' "$2" 2>/dev/null && return; sleep 0.1; done
	echo "no first frame after 60 s" >&2
	exit 1
}

# send PACE SENDS KEY...: each key, its send time appended to SENDS
send() {
	local pace=$1 sends=$2
	shift 2
	for k in "$@"; do
		echo "$EPOCHREALTIME" >>"$sends"
		echo "send-keys -t $session $k" >&"${control[1]}"
		sleep "$pace"
	done
}

cursor() { # cursor moves on the Stock pane
	tmux send-keys -t $session 2
	sleep 1
	local keys=()
	for _ in $(seq "$n"); do keys+=(j); done
	send $cursor_pace "$work/cursor.sent" "${keys[@]}"
	sleep 0.5
}

filter() { # "kettle" typed and erased until KEYS keystrokes
	tmux send-keys -t $session /
	sleep 0.5
	local keys=() word=(k e t t l e)
	while [ ${#keys[@]} -lt "$n" ]; do
		keys+=("${word[@]}" BSpace BSpace BSpace BSpace BSpace BSpace)
	done
	send $typing_pace "$work/filter.sent" "${keys[@]:0:$n}"
	sleep 0.5
	tmux send-keys -t $session Escape
	sleep 1
}

idle_cpu() { # share of one core over 10 s, from /proc/PID/stat
	local a b
	a=$(awk '{print $14+$15}' /proc/"$pid"/stat)
	sleep 10
	b=$(awk '{print $14+$15}' /proc/"$pid"/stat)
	echo "idle CPU over 10 s: $(awk -v t="$(getconf CLK_TCK)" -v d=$((b - a)) 'BEGIN {printf "%.1f", 100 * d / t / 10}') % of a core"
}

quit() {
	echo "peak RSS so far: $(awk '/VmHWM/ {print int($2 / 1024)}' /proc/"$pid"/status) MB"
	tmux send-keys -t $session q
	for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	# the control client ends with the session; bash then drops its fds
	if [ -n "${control[1]:-}" ]; then exec {control[1]}>&-; fi
	wait "${control_PID:-}" 2>/dev/null || true
}

# report TRACE: the figures per kind of key
report() {
	# the measured keys' trace lines in the order they came, paired with
	# their send times (the same order)
	grep '^key ' "$1" | sort -t= -k4,4n | awk '
		$3 == "mode=normal" && $2 == "j" { print "cursor", $0; next }
		$3 == "mode=filter" && $2 == "backspace" { print "backspace", $0; next }
		$3 == "mode=filter" && length($2) == 1 { print "typing", $0 }' >"$work/keys"
	awk '$1 == "cursor"' "$work/keys" | paste - "$work/cursor.sent" >"$work/paired"
	awk '$1 != "cursor"' "$work/keys" | paste - "$work/filter.sent" >>"$work/paired"
	awk '{
		kind = $1; fc = $5; split($6, r, "="); split($7, d, "="); split($8, w, "=")
		if (w[2] == "unchanged" || $NF == "") next
		sub("forecasting=", "", fc); sub("ms", "", d[2]); sub("ms", "", w[2])
		label = kind (fc == "true" ? " while forecasting" : "")
		print label "\tdrawn\t" d[2]
		print label "\tprogram\t" w[2]
		print label "\tsent\t" (r[2] - $NF) * 1000 + w[2]
	}' "$work/paired" | sort -t$'\t' -k1,2 -k3,3n | awk -F'\t' '
		function flush() {
			if (cnt == 0) return
			printf "  %-28s %-8s median %7.1f  p95 %7.1f  max %7.1f  (%d keys)\n", k1, k2, v[int((cnt + 1) / 2)], v[int(cnt * 0.95 + 0.999)], v[cnt], cnt
		}
		$1 != k1 || $2 != k2 { flush(); k1 = $1; k2 = $2; cnt = 0 }
		{ v[++cnt] = $3 }
		END { flush() }'
	if [ "$(awk '$1 == "cursor"' "$work/keys" | wc -l)" != "$(wc -l <"$work/cursor.sent")" ] ||
		[ "$(awk '$1 != "cursor"' "$work/keys" | wc -l)" != "$(wc -l <"$work/filter.sent")" ]; then
		echo "  (warning: keys traced and keys sent differ in number: the sent figures are not paired right)"
	fi
	grep '^background forecasts' "$1" | sed 's/^/  /' || true
}

echo "idle ($db, $n keys of each kind):"
trace=$work/idle.trace
start "$db" "$trace"
# wait for any background forecast to finish: idle means idle
for _ in $(seq 1200); do tmux capture-pane -p -t $session | grep -q 'forecasting ▕' || break; sleep 0.1; done
sleep 2
cursor
filter
idle_cpu
quit
report "$trace"

[ "${FORECASTING:-1}" = 0 ] && exit 0
rm -f "$work"/*.sent
cp "$db" "$work/stale.db"
# a horizon the cached forecasts were not made for: every one is stale
case $("$bin" set --db "$work/stale.db" --setting forecast_weeks=25) in
*"25 weeks → 25 weeks"*) "$bin" set --db "$work/stale.db" --setting forecast_weeks=27 >/dev/null ;;
esac
echo "while forecasting (a copy with every forecast stale, $n keys of each kind):"
trace=$work/forecast.trace
start "$work/stale.db" "$trace"
cursor
filter
for _ in $(seq 1200); do grep -q '^background forecasts' "$trace" && break; sleep 0.1; done
sleep 5 # the forecasts' cache write
idle_cpu
quit
report "$trace"
