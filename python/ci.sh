#!/usr/bin/env bash
# CI for the Python package: a fresh virtual environment, `pip install ./python`, the
# package's tests, then NetworkX's own test modules for the functions the NetworkX backend
# implements, run through the backend (`--backend relgraph --fallback-to-nx`, options of
# NetworkX's conftest.py, which `--rootdir` at the NetworkX package loads).
# Skips, saying why, when there is no python3 with venv. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null || ! python3 -c "import venv, ensurepip" 2>/dev/null; then
    echo "ci: skipping the Python package: no python3 with venv and ensurepip"
    exit 0
fi
started=$(date +%s)
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['target_directory'])")
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
# `pip install ./python` builds the wheel with maturin in release mode. In the repository's
# own target directory, the library and its dependencies are the ones `cargo build --release`
# already compiled (same versions and release profile), so only the binding compiles.
CARGO_TARGET_DIR="$target_dir" "$venv/bin/python" -m pip install -q ./python pytest networkx pandas numpy scipy
# The tests compare with the command line's --json: the binary `cargo test` built.
cargo build --quiet --bin relgraph
export RELGRAPH_BIN="$target_dir/debug/relgraph"
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests

nx_dir=$("$venv/bin/python" -c "import networkx, os; print(os.path.dirname(networkx.__file__))")
modules=(
    algorithms/centrality/tests/test_betweenness_centrality.py
    algorithms/centrality/tests/test_closeness_centrality.py
    algorithms/centrality/tests/test_harmonic_centrality.py
    algorithms/centrality/tests/test_eigenvector_centrality.py
    algorithms/centrality/tests/test_katz_centrality.py
    algorithms/centrality/tests/test_degree_centrality.py
    algorithms/link_analysis/tests/test_pagerank.py
    algorithms/components/tests/test_connected.py
    algorithms/shortest_paths/tests/test_generic.py
    algorithms/shortest_paths/tests/test_unweighted.py
    algorithms/shortest_paths/tests/test_weighted.py
)
(cd "$(dirname "$venv")" && "$venv/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$nx_dir" \
    "${modules[@]/#/$nx_dir/}" --backend relgraph --fallback-to-nx)
echo "ci: the Python package took $(( $(date +%s) - started )) s"
