#!/usr/bin/env bash
# Runs relgraph's fuzz targets one after another, on one core (docs/fuzzing.md).
#
#   fuzz/run.sh SECONDS [TARGET...]          fuzz each target for SECONDS
#   fuzz/run.sh --smoke SECONDS [TARGET...]  CI smoke run: fail on the first finding
#
# Every target starts from its committed corpus (corpus/TARGET) and its seeds
# (seeds/TARGET). A full run adds new inputs to corpus/TARGET (minimise it afterwards with
# `cargo +nightly fuzz cmin`), keeps going after a crash, timeout or out-of-memory (fork
# mode with one worker) and writes them to artifacts/TARGET/, the log to logs/TARGET.log.
# A smoke run leaves the corpus as it is and stops with an error at the first finding.
set -euo pipefail
cd "$(dirname "$0")"
smoke=false
if [ "${1:-}" = --smoke ]; then
    smoke=true
    shift
fi
seconds=${1:?usage: fuzz/run.sh [--smoke] SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ron_model edge_list graphml json profile export)
limits=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10)
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "seeds/$t" "artifacts/$t"
    if $smoke; then
        scratch=$(mktemp -d)
        echo "fuzz: smoke run of $t for ${seconds}s"
        status=0
        cargo +nightly fuzz run -O "$t" "$scratch" "corpus/$t" "seeds/$t" -- "${limits[@]}" \
            -artifact_prefix="artifacts/$t/" >"logs/$t.log" 2>&1 || status=$?
        rm -rf "$scratch"
        grep -E '^(Done|#[0-9]+: *(DONE|pulse|NEW))' "logs/$t.log" | tail -1 || true
        if [ "$status" -ne 0 ]; then
            tail -n 60 "logs/$t.log"
            echo "fuzz: $t failed (exit $status); the input is in fuzz/artifacts/$t/"
            exit 1
        fi
    else
        echo "fuzz: $t for ${seconds}s"
        cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- "${limits[@]}" \
            -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
            -artifact_prefix="artifacts/$t/" >"logs/$t.log" 2>&1 || echo "fuzz: $t exited with $?"
        grep -E '^#[0-9]+: cov' "logs/$t.log" | tail -1 || true
        ls "artifacts/$t" | sed "s|^|fuzz: $t found |"
    fi
done
