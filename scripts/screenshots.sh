#!/usr/bin/env bash
# Redraw the README's pictures: the outline page and the comparison page at a desktop width
# (1280 px) and a phone's (390 px), and the SVG drawing, with headless Chromium
# (apt-get install chromium fonts-wqy-zenhei). Run from anywhere; writes docs/*.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
  echo "screenshots: no chromium (apt-get install chromium fonts-wqy-zenhei)" >&2
  exit 1
}
cargo build --release --quiet
bin=target/release/tigang
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" extract --format html examples/district_meeting.txt >"$tmp/extract.html"
"$bin" compare --format html examples/spring_plan_2023.txt examples/spring_plan_2024.txt >"$tmp/compare.html"
"$bin" extract --format svg examples/district_meeting.txt >"$tmp/outline.svg"

shot() { # page width height png
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --window-size="$2,$3" --screenshot="$4" "file://$1" \
    >/dev/null 2>&1
  echo "screenshots: $4 (${2}x$3)"
}

for page in extract compare; do
  shot "$tmp/$page.html" 1280 900 "docs/$page-html-1280.png"
  shot "$tmp/$page.html" 390 844 "docs/$page-html-390.png"
done
# The drawing at its own size.
size=$(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$tmp/outline.svg" | head -1)
read -r w h <<<"$size"
shot "$tmp/outline.svg" "${w%.*}" "${h%.*}" docs/outline-svg.png
