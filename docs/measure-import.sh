#!/usr/bin/env bash
# Measures `stockroom import orders` on a demo Shopify orders export of
# LINES order lines (default 1,000,000) selling a 20,000-SKU demo catalogue,
# against the floor of the sqlite3 shell's .import of the same file into a
# plain table: parsing CSV and inserting rows, with no checks, no lookups
# and no indexes. Prints wall time and peak memory of each and their ratio.
#
#   docs/measure-import.sh [LINES]
set -euo pipefail
lines=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && go build -o "$tmp/stockroom" . && go build -o "$tmp/gen-orders" ./tools/gen-orders)
"$tmp/stockroom" demo --db "$tmp/c.db" --skus 20000 --end 2026-11-22 2>/dev/null
"$tmp/gen-orders" -db "$tmp/c.db" -lines "$lines" -o "$tmp/orders.csv"
size=$(stat -c %s "$tmp/orders.csv")
echo "orders.csv: $lines lines, $((size / 1000000)) MB ($size bytes)"

# seconds FILE prints the wall seconds from a /usr/bin/time -f '%e s, %M KB'
# report; its last line, because time puts a note on a failed command first.
seconds() { tail -n 1 "$1" | awk '{print $1}'; }

# a. stockroom. The catalogue file is in the page cache from the demo run,
# and the CSV from being written, so both runs read from memory.
# Two cases: a first import into a catalogue with products but no sales,
# and the demo catalogue itself, whose last year of history the orders
# replace (every SKU-day in that year is compared, most are rewritten).
a="failed"
if command -v sqlite3 >/dev/null; then
	cp "$tmp/c.db" "$tmp/first.db"
	sqlite3 "$tmp/first.db" 'DELETE FROM sales_daily; DELETE FROM sales_weekly; DELETE FROM forecasts; VACUUM;'
	/usr/bin/time -f '%e s, %M KB' -o "$tmp/time-first" \
		"$tmp/stockroom" import orders "$tmp/orders.csv" --db "$tmp/first.db" >"$tmp/first.log" 2>&1 &&
		echo "first import, no sales before: $(tail -n 1 "$tmp/time-first")"
fi
if /usr/bin/time -f '%e s, %M KB' -o "$tmp/time-a" \
	"$tmp/stockroom" import orders "$tmp/orders.csv" --db "$tmp/c.db" >"$tmp/import.log" 2>&1; then
	a=$(tail -n 1 "$tmp/time-a")
	tail -n 5 "$tmp/import.log"
	echo "stockroom import orders, replacing a year of history: $a"
else
	echo "stockroom import orders failed; its output:"
	head -n 5 "$tmp/import.log" | sed 's/^/    /'
	echo "continuing with sqlite3 alone"
fi

b="skipped"
if command -v sqlite3 >/dev/null; then
	/usr/bin/time -f '%e s, %M KB' -o "$tmp/time-b" \
		sqlite3 "$tmp/plain.db" -cmd '.mode csv' '.import "'"$tmp/orders.csv"'" orders'
	b=$(tail -n 1 "$tmp/time-b")
	rows=$(sqlite3 "$tmp/plain.db" 'SELECT count(*) FROM orders')
	echo "sqlite3 .import: $b ($rows rows)"
else
	echo "sqlite3 is not installed (apt-get install sqlite3); skipping its .import"
fi

if [[ $a != failed && $b != skipped ]]; then
	ratio=$(awk -v a="$(seconds "$tmp/time-a")" -v b="$(seconds "$tmp/time-b")" \
		'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }')
	echo "$lines lines: stockroom $a, sqlite3 $b, stockroom ÷ sqlite3 = $ratio"
else
	echo "$lines lines: stockroom $a, sqlite3 $b"
fi
