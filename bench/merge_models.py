"""Write two seeded RON models of 500,000 ties each (by default) that share part of their
nodes and ties, for timing `relgraph merge` (BENCHMARKS.md, issue 23).

Model A has nodes n0 .. n(N-1), model B nodes n(N/2) .. n(3N/2 - 1): half of each model's
nodes are the other's too (the same id, name and kind, B adding an alias and a tag). Ties
are drawn between a model's own nodes with a skewed choice of ends, a kind from a few
built-in ones and a year; B restates every tie of A between shared nodes (the same ends,
kind and year; about 9 % of A's ties), which the merge corroborates, and every tenth tie
carries a quote.

    python3 bench/merge_models.py OUT_DIR [TIES] && \\
        /usr/bin/time -v target/release/relgraph merge OUT_DIR/a.ron OUT_DIR/b.ron -o OUT_DIR/merged.ron
"""

import random
import sys
from pathlib import Path

EDGE_KINDS = ["cooperates_with", "invests_in", "competes_with", "sanctions", "meets", "supports"]


def node(f, i, extra):
    f.write(f'        Node(id: "n{i}", kind: country, name: "Country {i}"{extra}),\n')


def edge(f, a, b, kind, year, source, quote):
    evidence = f', evidence: [Evidence(source: "{source}", quote: "Tie {a}-{b} stated in {year}.")]' if quote else ""
    f.write(f'        Edge(from: "n{a}", to: "n{b}", kind: {kind}, since: "{year}"{evidence}),\n')


def write(path, title, source, nodes, ties, extra):
    with path.open("w") as f:
        f.write("#![enable(implicit_some)]\nModel(\n")
        f.write(f'    title: "{title}",\n')
        f.write(f'    sources: [Source(id: "{source}", title: "{title}", date: "2024")],\n')
        f.write("    nodes: [\n")
        for i in nodes:
            node(f, i, extra(i))
        f.write("    ],\n    edges: [\n")
        for n, (a, b, kind, year) in enumerate(ties):
            edge(f, a, b, kind, year, source, n % 10 == 0)
        f.write("    ],\n)\n")


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    ties = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    n = max(ties // 5, 4)
    rng = random.Random(23)

    def draw(lo, hi):
        # Skewed: low offsets (hubs) are picked more often.
        span = hi - lo
        return lo + min(int(span * rng.random() ** 2), span - 1)

    def tie(lo, hi):
        a = draw(lo, hi)
        b = draw(lo, hi)
        while b == a:
            b = draw(lo, hi)
        return (a, b, rng.choice(EDGE_KINDS), rng.randint(1990, 2024))

    a_ties = [tie(0, n) for _ in range(ties)]
    shared = [t for t in a_ties if t[0] >= n // 2 and t[1] >= n // 2]
    restated = shared[: ties // 2]
    b_ties = restated + [tie(n // 2, n // 2 + n) for _ in range(ties - len(restated))]
    rng.shuffle(b_ties)
    write(out / "a.ron", "Model A", "source_a", range(0, n), a_ties, lambda i: "")
    write(
        out / "b.ron",
        "Model B",
        "source_b",
        range(n // 2, n // 2 + n),
        b_ties,
        lambda i: f', aliases: ["C{i}"], tags: ["b"]' if i % 3 == 0 else "",
    )
    print(f"{out}/a.ron, {out}/b.ron: {n} nodes and {ties} ties each, {len(restated)} ties restated by B")


if __name__ == "__main__":
    main()
