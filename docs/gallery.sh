#!/bin/sh
# Regenerates the diagrams in docs/ from the shipped Japan–Russia model:
#   sh docs/gallery.sh
# Uses the built-in renderer so the pictures are the same on every machine, with or
# without Graphviz. Run from anywhere; writes docs/NAME.svg and docs/NAME.png for each view.
# tests/export/diagrams.rs reads the `draw` lines below and checks every view for overlaps.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
relgraph=target/release/relgraph
model=graphs/japan_russia_2014.ron
draw() {
    name=$1
    shift
    "$relgraph" export "$model" --renderer builtin "$@" -o "docs/$name.svg"
    "$relgraph" export "$model" --renderer builtin "$@" --scale 1 -o "docs/$name.png"
}

draw japan_russia_2014 --cluster-by country
draw kuril_focus --focus "Kuril Islands dispute" --depth 1
draw canada_kuril_path --highlight-path Canada "Kuril Islands dispute" --strongest -k 2
draw before_crimea --at 2014-03-17 --node-kind country,leader,organization,agreement --size-by betweenness
draw after_crimea --at 2014-07-31 --node-kind country,leader,organization,agreement --size-by betweenness

# The adjacency matrix (rows and columns in reverse Cuthill–McKee order), and before and
# after Crimea as one figure with a panel per date (new ties bold, ended ties faint).
"$relgraph" export "$model" --view matrix -o docs/matrix.svg
"$relgraph" export "$model" --view matrix --scale 1 -o docs/matrix.png
"$relgraph" export "$model" --at 2013-12-31 --at 2014-07-31 -o docs/crimea_small_multiple.svg
"$relgraph" export "$model" --at 2013-12-31 --at 2014-07-31 --scale 1 -o docs/crimea_small_multiple.png
