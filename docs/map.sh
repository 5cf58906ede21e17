#!/bin/sh
# Makes docs/map.png, the README's picture of the interactive map: exports the shipped model
# as HTML and photographs it in headless Chromium (needs chromium, chromium-driver and
# python3 with selenium), with Japan selected.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet -- export graphs/japan_russia_2014.ron --cluster-by country -o "$work/map.html"
cat > "$work/job.json" <<JSON
{"scenario": "screenshot", "file": "$work/map.html", "png": "$PWD/docs/map.png",
 "chromium": "$(command -v chromium)", "chromedriver": "$(command -v chromedriver)",
 "width": 1400, "height": 860, "scripts": ["relgraph.select('japan');"]}
JSON
SE_AVOID_STATS=true python3 tests/viewer/driver.py "$work/job.json" >/dev/null
echo "wrote docs/map.png"
