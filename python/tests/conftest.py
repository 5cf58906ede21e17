"""Shared fixtures: the shipped model, and the relgraph command line to compare against.

The command line is found in $RELGRAPH_BIN, else in the repository's target/release or
target/debug (`cargo build` makes it); tests that compare with it skip, saying so, when
there is none.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

import relgraph

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "graphs" / "japan_russia_2014.ron"


def _binary():
    given = os.environ.get("RELGRAPH_BIN")
    if given:
        return Path(given)
    for profile in ("release", "debug"):
        candidate = ROOT / "target" / profile / "relgraph"
        if candidate.exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def model():
    return relgraph.load(SHIPPED)


@pytest.fixture(scope="session")
def cli():
    """Runs `relgraph ARGS... --json` on the shipped model and returns the parsed JSON."""
    binary = _binary()
    if binary is None:
        pytest.skip("no relgraph binary: run `cargo build` or set RELGRAPH_BIN")

    def run(command, *args):
        done = subprocess.run(
            [str(binary), command, str(SHIPPED), *args, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout)

    return run
