#!/bin/sh
# Regenerates the diagrams in docs/ from the shipped Japan–Russia model:
#   sh docs/gallery.sh
# Uses the built-in renderer so the pictures are the same on every machine, with or
# without Graphviz. Run from anywhere; writes into docs/.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
relgraph=target/release/relgraph
model=graphs/japan_russia_2014.ron
draw() { "$relgraph" export "$model" --format svg --renderer builtin "$@"; }

draw --cluster-by country -o docs/japan_russia_2014.svg
draw --focus "Kuril Islands dispute" --depth 1 -o docs/kuril_focus.svg
draw --highlight-path Canada "Kuril Islands dispute" --strongest -k 2 -o docs/canada_kuril_path.svg
draw --at 2014-03-17 --node-kind country,leader,organization,agreement --size-by betweenness -o docs/before_crimea.svg
draw --at 2014-07-31 --node-kind country,leader,organization,agreement --size-by betweenness -o docs/after_crimea.svg
