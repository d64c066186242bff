#!/usr/bin/env bash
# Compares Stockroom's forecasts with R's forecast package (ets, croston and
# an "auto" pick by demand class) on the same backtest: Stockroom writes its
# series, docs/compare-r.R forecasts the held-out weeks, and
# `stockroom backtest --score` prints one accuracy table with both. Needs R
# with the forecast package.
#
#   docs/compare-r.sh CATALOGUE.db [AS_OF]
#   SAMPLE=200 docs/compare-r.sh CATALOGUE.db   # only 200 series (R is slow)
#   HOLDOUT=13 docs/compare-r.sh CATALOGUE.db   # weeks held out (backtest's default otherwise)
#   LEVEL=subcategory docs/compare-r.sh CATALOGUE.db   # summed demand per
#                                       # subcategory (or category), where R's stlf is the yardstick
set -euo pipefail
db=${1:?usage: docs/compare-r.sh CATALOGUE.db [AS_OF]}
as_of=${2:-}
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v Rscript >/dev/null ||
	! Rscript -e 'suppressPackageStartupMessages(library(forecast))' >/dev/null 2>&1; then
	echo "compare-r: needs R with the forecast package: apt-get install r-cran-forecast" >&2
	exit 1
fi

tmp=$(mktemp -d)
# Keep the intermediate files when something fails, to look at.
cleanup() {
	if [ "$1" -eq 0 ]; then
		rm -rf "$tmp"
	else
		echo "compare-r: failed; files kept in $tmp" >&2
	fi
}
trap 'cleanup $?' EXIT

(cd "$here/.." && go build -o "$tmp/stockroom" .)

# Stockroom's own table is printed again, next to R's rows, by --score.
"$tmp/stockroom" backtest --db "$db" ${as_of:+--as-of "$as_of"} ${SAMPLE:+--sample "$SAMPLE"} ${LEVEL:+--level "$LEVEL"} ${HOLDOUT:+--holdout "$HOLDOUT"} \
	--write-series "$tmp/series.csv" >"$tmp/stockroom.txt"

if ! Rscript "$here/compare-r.R" "$tmp/series.csv" "$tmp/r.csv" 2>"$tmp/r.log"; then
	cat "$tmp/r.log" >&2
	exit 1
fi

"$tmp/stockroom" backtest --db "$db" ${as_of:+--as-of "$as_of"} ${SAMPLE:+--sample "$SAMPLE"} ${LEVEL:+--level "$LEVEL"} ${HOLDOUT:+--holdout "$HOLDOUT"} \
	--score "$tmp/r.csv"
echo
grep '^R ' "$tmp/r.log"

# The speed ratio on the same series, both on one core: R's ets per series
# against Stockroom's whole automatic choice (every method backtested).
go_ms=$(sed -n 's/^The automatic choice took \([0-9.]*\) ms per [A-Za-z]*.*/\1/p' "$tmp/stockroom.txt")
r_ms=$(sed -n 's/^R ets: .*(\([0-9.]*\) ms per series).*/\1/p' "$tmp/r.log")
if [ -n "$go_ms" ] && [ -n "$r_ms" ]; then
	awk -v g="$go_ms" -v r="$r_ms" 'BEGIN { printf "Per series on one core: Stockroom automatic %.3f ms, R ets %.1f ms: R takes %.0f× as long.\n", g, r, r / g }'
fi
