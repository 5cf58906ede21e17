#!/usr/bin/env python3
"""Layout quality of the built-in renderer against Graphviz `neato` and `sfdp` (issue 22).

Draws the gallery's views of the shipped model and the second article's whole model with
each renderer, reads every figure back with the same counter (`relgraph export … --stats`,
which measures the SVG whoever drew it), and measures stability the way tests/figure.rs
does: the median displacement of the nodes two drawings share, after removing the overall
shift (the median shift on each axis), as a share of the larger drawing's diagonal.

- before/after: `--at 2013-12-31` against `--at 2014-07-31`;
- edit: the whole model against the same model plus three ties (the edit of
  tests/figure.rs), both drawn fresh, without a positions file;
- seeded edits: the same for fifty edits of three ties each, drawn with fixed seeds as
  tests/figure.rs draws them (`three_ties`), and for thirty edits of the second article's
  model: the median, the worst, and how many move the median node 5 % or more.

Prints a Markdown table. Needs Graphviz (`dot -V`) and a release build; not part of CI.

    cargo build --release
    python3 bench/layout_compare.py
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELGRAPH = os.path.join(ROOT, "target", "release", "relgraph")
JAPAN_RUSSIA = os.path.join(ROOT, "graphs", "japan_russia_2014.ron")
SENKAKU = os.path.join(ROOT, "graphs", "senkaku_2012.ron")

# The gallery's views (docs/gallery.sh), and the second article's whole model.
VIEWS = [
    ("whole model", JAPAN_RUSSIA, ["--cluster-by", "country"]),
    ("Kuril focus", JAPAN_RUSSIA, ["--focus", "Kuril Islands dispute", "--depth", "1"]),
    ("Canada → Kuril path", JAPAN_RUSSIA, ["--highlight-path", "Canada", "Kuril Islands dispute", "--strongest", "-k", "2"]),
    ("before Crimea", JAPAN_RUSSIA, ["--at", "2014-03-17", "--node-kind", "country,leader,organization,agreement", "--size-by", "betweenness"]),
    ("after Crimea", JAPAN_RUSSIA, ["--at", "2014-07-31", "--node-kind", "country,leader,organization,agreement", "--size-by", "betweenness"]),
    ("senkaku_2012, whole", SENKAKU, []),
]

# Seeded edits of three ties measured for stability (tests/figure.rs draws the same fifty),
# and of the second article's model.
SEEDED = 50
SENKAKU_SEEDED = 30

RENDERERS = [
    ("relgraph built-in", ["--renderer", "builtin"]),
    ("Graphviz `neato`", ["--renderer", "graphviz", "--layout", "neato"]),
    ("Graphviz `sfdp`", ["--renderer", "graphviz", "--layout", "sfdp"]),
]

# The three ties tests/figure.rs adds.
THREE_TIES = (
    '        Edge(from: "italy", to: "canada", kind: cooperates_with),\n'
    '        Edge(from: "letta", to: "kishida", kind: meets),\n'
    '        Edge(from: "tepco", to: "g7", kind: supports),\n'
)


def three_ties(nodes, edges, seed):
    """Three plausible new ties, as tests/figure.rs's `three_ties` draws them: each copies
    the kind of a random tie and joins two random nodes of the kinds that tie joins, not
    yet tied either way (a 64-bit linear congruential generator, seeded)."""
    mask = (1 << 64) - 1
    state = [seed * 2654435761 & mask]

    def draw():
        state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) & mask
        return state[0] >> 33

    kind = dict(nodes)
    tied = {frozenset((a, b)) for a, b, _ in edges}
    out = []
    while len(out) < 3:
        a0, b0, k = edges[draw() % len(edges)]
        froms = [n for n, kk in nodes if kk == kind[a0]]
        tos = [n for n, kk in nodes if kk == kind[b0]]
        a, b = froms[draw() % len(froms)], tos[draw() % len(tos)]
        if a != b and frozenset((a, b)) not in tied:
            tied.add(frozenset((a, b)))
            out.append(f'        Edge(from: "{a}", to: "{b}", kind: {k}),\n')
    return "".join(out)


def export(model, args, out):
    """Draws a view and returns `--stats` as a dict of its lines."""
    run = subprocess.run(
        [RELGRAPH, "export", model, *args, "--no-legend", "-o", out, "--stats"],
        capture_output=True, text=True, check=True,
    )
    stats = {}
    for line in run.stdout.splitlines():
        key, _, value = line.partition("  ")
        stats[key.strip()] = value.strip()
    return stats


def centres(svg):
    """Node label anchors by node title, and the drawing's diagonal. Both renderers put a
    node's `<title>` first in its group and its label's first text line after it; the label
    moves exactly as its node does."""
    text = open(svg, encoding="utf-8").read()
    out = {}
    for part in re.split(r'<g [^>]*class="node[ "]', text)[1:]:
        title = re.search(r"<title>(.*?)</title>", part, re.S)
        anchor = re.search(r'<(?:text|tspan)\b[^>]*?\bx="([-\d.]+)"[^>]*?\by="([-\d.]+)"', part)
        if title and anchor:
            out[title.group(1)] = (float(anchor.group(1)), float(anchor.group(2)))
    box = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', text)
    return out, (float(box.group(1)) ** 2 + float(box.group(2)) ** 2) ** 0.5


def moved(a, b):
    """Median displacement of shared nodes after removing the median shift, as a share of
    the larger diagonal."""
    (pa, da), (pb, db) = centres(a), centres(b)
    shared = [k for k in pa if k in pb]
    dx = statistics.median(pb[k][0] - pa[k][0] for k in shared)
    dy = statistics.median(pb[k][1] - pa[k][1] for k in shared)
    shifts = sorted(((pb[k][0] - pa[k][0] - dx) ** 2 + (pb[k][1] - pa[k][1] - dy) ** 2) ** 0.5 for k in shared)
    # The upper median, as tests/figure.rs takes it.
    return shifts[len(shifts) // 2] / max(da, db), len(shared)


def main():
    if subprocess.run(["dot", "-V"], capture_output=True).returncode != 0:
        sys.exit("layout_compare: Graphviz is not installed (apt-get install graphviz)")
    if not os.path.exists(RELGRAPH):
        sys.exit("layout_compare: build first: cargo build --release")
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    with tempfile.TemporaryDirectory() as tmp:
        edited = os.path.join(tmp, "edited.ron")
        text = open(JAPAN_RUSSIA, encoding="utf-8").read()
        at = text.index("        Edge(")
        open(edited, "w", encoding="utf-8").write(text[:at] + THREE_TIES + text[at:])

        print(f"Graphviz: {version}\n")
        print("| view | renderer | crossings | edges through nodes | label on label | label on node | width × height |")
        print("|---|---|---:|---:|---:|---:|---|")
        for view, model, args in VIEWS:
            for k, (renderer, flags) in enumerate(RENDERERS):
                out = os.path.join(tmp, "view.svg")
                s = export(model, args + flags, out)
                through = s["edges through nodes"].replace(" curves", "")
                overlaps = re.match(r"(\d+) \(label on label\), (\d+) \(label on node\)", s["label overlaps"])
                size = s["area"].split(" = ")[0]
                name = view if k == 0 else ""
                print(f"| {name} | {renderer} | {s['edge crossings']} | {through} | {overlaps.group(1)} | {overlaps.group(2)} | {size} |")

        seeded = edited_copies(JAPAN_RUSSIA, SEEDED, tmp, "seeded")
        senkaku = edited_copies(SENKAKU, SENKAKU_SEEDED, tmp, "senkaku")

        print("\n| renderer | before/after Crimea: median node moved | three ties added: median node moved "
              f"| {SEEDED} seeded three-tie edits: median, worst, at 5 % or more "
              f"| senkaku_2012, {SENKAKU_SEEDED} seeded edits: the same |")
        print("|---|---:|---:|---:|---:|")
        for renderer, flags in RENDERERS:
            files = {}
            for name, model, args in [
                ("before", JAPAN_RUSSIA, ["--at", "2013-12-31"]),
                ("after", JAPAN_RUSSIA, ["--at", "2014-07-31"]),
                ("whole", JAPAN_RUSSIA, []),
                ("edited", edited, []),
            ]:
                files[name] = os.path.join(tmp, name + ".svg")
                export(model, args + flags, files[name])
            crimea, n1 = moved(files["before"], files["after"])
            edit, n2 = moved(files["whole"], files["edited"])
            files["senkaku"] = os.path.join(tmp, "senkaku.svg")
            export(SENKAKU, flags, files["senkaku"])
            print(f"| {renderer} | {crimea * 100:.1f} % ({n1} shared nodes) | {edit * 100:.1f} % ({n2} nodes) "
                  f"| {spread(files['whole'], seeded, flags, tmp)} | {spread(files['senkaku'], senkaku, flags, tmp)} |")


def edited_copies(model, count, tmp, prefix):
    """`count` copies of `model`, each with the three ties of one seed added."""
    text = open(model, encoding="utf-8").read()
    at = text.index("        Edge(")
    nodes = re.findall(r'Node\(\s*id: "([^"]+)",\s*kind: (\w+)', text)
    edges = re.findall(r'Edge\(\s*from: "([^"]+)",\s*to: "([^"]+)",\s*kind: (\w+)', text)
    paths = []
    for seed in range(1, count + 1):
        path = os.path.join(tmp, f"{prefix}{seed}.ron")
        open(path, "w", encoding="utf-8").write(text[:at] + three_ties(nodes, edges, seed) + text[at:])
        paths.append(path)
    return paths


def spread(original, edited, flags, tmp):
    """How far the median node moves between `original` (an SVG) and each edited model
    drawn fresh: the median edit, the worst, and how many reach 5 % of the diagonal."""
    shares = []
    for path in edited:
        out = os.path.join(tmp, "edited.svg")
        export(path, flags, out)
        shares.append(moved(original, out)[0])
    shares.sort()
    # The upper median, as tests/figure.rs takes it.
    typical, worst = shares[len(shares) // 2], shares[-1]
    far = sum(1 for s in shares if s >= 0.05)
    return f"{typical * 100:.1f} %, {worst * 100:.1f} %, {far} of {len(shares)}"


if __name__ == "__main__":
    main()
