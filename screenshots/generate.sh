#!/usr/bin/env bash
# Regenerates the PNGs in screenshots/ from the 2,000-SKU demo catalogue at
# 160×45: the panes are rendered by ui's TestWriteScreens and turned into
# images by freeze, then halved by tools/shrink.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run . demo --db "$work/demo.db" --skus 2000 --seed 1 --end 2026-11-22 >/dev/null
STOCKROOM_SCREENS="$work" STOCKROOM_SCREENS_DB="$work/demo.db" go test ./ui -run TestWriteScreens -count=1 >/dev/null
for f in "$work"/*.ansi; do
	name=$(basename "$f" .ansi)
	go run github.com/charmbracelet/freeze@v0.2.2 "$f" \
		--font.size 12 --padding 10 --margin 0 --window=false \
		-o "screenshots/$name.png" >/dev/null
	go run ./tools/shrink "screenshots/$name.png"
	chmod 644 "screenshots/$name.png"
	echo "screenshots/$name.png"
done
