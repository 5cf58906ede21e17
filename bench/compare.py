#!/usr/bin/env python3
"""Side-by-side timings of relgraph against igraph, rustworkx and NetworkX (issue 8).

Writes seeded Barabási–Albert graphs as edge lists, runs the same measure in every tool as a
whole process (interpreter start, import, reading the same file, computing, writing the
values), alternating the tools run after run, checks that the results agree, and prints a
Markdown table of median wall time, peak memory (max RSS) and ratios. Not part of CI.

    pip install networkx igraph rustworkx
    cargo build --release
    python3 bench/compare.py                 # the issue's graphs, 3 runs each
    python3 bench/compare.py --big           # also the 1M-node, 10M-edge list
    python3 bench/compare.py --runs 5 --only closeness,pagerank

NetworkX runs on small graphs only (it takes minutes on the others). Needs Linux's
/usr/bin/time (GNU time) for peak memory.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_ba(path, n, m, seed, weighted=False):
    """Barabási–Albert by the repeated-nodes method (as NetworkX's generator): m isolated
    seed nodes; each new node links to m distinct earlier nodes drawn with probability
    proportional to degree. Lines `source<TAB>target[<TAB>weight]`, no header, integer
    labels, weights 1..10 from a second seeded stream. Streams to disk."""
    if os.path.exists(path):
        return
    rng = random.Random(seed)
    wrng = random.Random(seed + 1)
    targets = list(range(m))
    repeated = []
    tmp = path + ".part"
    with open(tmp, "w") as f:
        for source in range(m, n):
            if weighted:
                f.write("".join(f"{source}\t{t}\t{wrng.randint(1, 10)}\n" for t in targets))
            else:
                f.write("".join(f"{source}\t{t}\n" for t in targets))
            repeated.extend(targets)
            repeated.extend([source] * m)
            chosen = set()
            while len(chosen) < m:
                chosen.add(repeated[int(rng.random() * len(repeated))])
            targets = sorted(chosen)
    os.replace(tmp, path)


# Each tool reads `path` and writes {label: value} as JSON to `out`.
PY_PRELUDE = "import sys, json\npath, out = sys.argv[1], sys.argv[2]\n"

IGRAPH = {
    "load": "g = ig.Graph.Read_Ncol(path, names=True, weights='if_present', directed=False)\nvals = [0.0] * g.vcount()",
    "betweenness": "g = ig.Graph.Read_Ncol(path, names=True, directed=False)\nn = g.vcount()\n"
    "vals = [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness()]",
    "betweenness_weighted": "g = ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)\nn = g.vcount()\n"
    "vals = [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness(weights='weight')]",
    "closeness": "g = ig.Graph.Read_Ncol(path, names=True, directed=False)\nvals = g.closeness()",
    "pagerank": "g = ig.Graph.Read_Ncol(path, names=True, directed=False)\nvals = g.pagerank()",
}
IGRAPH_TAIL = "json.dump(dict(zip(g.vs['name'], vals)), open(out, 'w'))\n"

RUSTWORKX = {
    "betweenness": "g = rx.PyGraph.read_edge_list(path, deliminator='\\t')\nres = rx.betweenness_centrality(g)",
    "closeness": "g = rx.PyGraph.read_edge_list(path, deliminator='\\t')\nres = rx.closeness_centrality(g)",
    "pagerank": "g = rx.PyGraph.read_edge_list(path, deliminator='\\t').to_directed()\nres = rx.pagerank(g, tol=1e-12)",
}
RUSTWORKX_TAIL = "json.dump({str(k): v for k, v in res.items()}, open(out, 'w'))\n"

NETWORKX = {
    "betweenness": "g = read(False)\nres = nx.betweenness_centrality(g)",
    "betweenness_weighted": "g = read(True)\nres = nx.betweenness_centrality(g, weight='weight')",
    "closeness": "g = read(False)\nres = nx.closeness_centrality(g)",
    "pagerank": "g = read(False)\nres = nx.pagerank(g, tol=1e-13, max_iter=10000)",
}
NETWORKX_READ = (
    "def read(weighted):\n"
    "    g = nx.Graph()\n"
    "    for line in open(path):\n"
    "        p = line.split()\n"
    "        g.add_edge(p[0], p[1], weight=float(p[2]) if weighted and len(p) > 2 else 1.0)\n"
    "    return g\n"
)

RELGRAPH = {
    "load": ["info"],
    "components": ["components"],
    "betweenness": ["centrality", "-m", "betweenness", "--json"],
    "betweenness_weighted": ["centrality", "-m", "betweenness", "--weighted", "--json"],
    "betweenness_500": ["centrality", "-m", "betweenness", "--sample", "500", "--seed", "1", "--json", "--top", "10"],
    "closeness": ["centrality", "-m", "closeness", "--json"],
    "pagerank": ["centrality", "-m", "pagerank", "--json"],
}


def command(tool, task, path, out):
    if tool == "relgraph":
        exe = os.path.join(ROOT, "target", "release", "relgraph")
        if task == "render":
            return [exe, "export", path, "--renderer", "builtin", "-o", out + ".svg"]
        args = RELGRAPH[task]
        return [exe, args[0], path] + args[1:]
    if tool == "igraph":
        body = "import igraph as ig\n" + PY_PRELUDE + IGRAPH[task] + "\n" + IGRAPH_TAIL
    elif tool == "rustworkx":
        body = "import rustworkx as rx\n" + PY_PRELUDE + RUSTWORKX[task] + "\n" + RUSTWORKX_TAIL
    else:
        body = "import networkx as nx\n" + PY_PRELUDE + NETWORKX_READ + NETWORKX[task] + "\n" + RUSTWORKX_TAIL
    return [sys.executable, "-c", body, path, out]


def timed(cmd, stdout_path):
    """Runs a command under GNU time; returns (seconds, peak MB)."""
    stats = stdout_path + ".time"
    with open(stdout_path, "w") as so:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", stats] + cmd, stdout=so, check=True)
    wall, rss = open(stats).read().split()[-2:]
    return float(wall), int(rss) / 1024


def values(tool, out, stdout_path):
    if tool == "relgraph":
        try:
            rows = json.load(open(stdout_path))
        except (json.JSONDecodeError, FileNotFoundError):
            return None
        return {r["id"]: r["score"] for r in rows} if isinstance(rows, list) and rows and "score" in rows[0] else None
    try:
        return json.load(open(out))
    except (json.JSONDecodeError, FileNotFoundError):
        return None


def agree(ref, other):
    """Largest absolute difference over the nodes both have, or None."""
    if not ref or not other:
        return None
    common = [k for k in ref if k in other]
    if not common:
        return None
    return max(abs(ref[k] - other[k]) for k in common)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big", action="store_true", help="also the 1M-node, 10M-edge graph")
    ap.add_argument("--only", default="", help="comma-separated row names to run")
    ap.add_argument("--slow", action="store_true", help="also NetworkX on the 10k graph (minutes)")
    ap.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "relgraph-bench"))
    args = ap.parse_args()
    os.makedirs(args.data, exist_ok=True)
    data = lambda name: os.path.join(args.data, name)
    graphs = {
        "ba10k": (10_000, 5, 1, False),
        "ba2kw": (2_000, 3, 2, True),
        "ba100k": (100_000, 5, 3, False),
        "ba2k2": (2_000, 2, 5, False),
    }
    if args.big:
        graphs["ba1m"] = (1_000_000, 10, 4, False)
    for name, (n, m, seed, weighted) in graphs.items():
        write_ba(data(name + ".tsv"), n, m, seed, weighted)
    slow = ["networkx"] if args.slow else []
    # (row, graph, task, tools)
    rows = [
        ("closeness", "ba10k", "closeness", ["relgraph", "igraph", "rustworkx"] + slow),
        ("betweenness", "ba10k", "betweenness", ["relgraph", "igraph", "rustworkx"] + slow),
        ("betweenness_weighted", "ba2kw", "betweenness_weighted", ["relgraph", "igraph", "networkx"]),
        ("closeness_2k", "ba2kw", "closeness", ["relgraph", "igraph", "networkx"]),
        ("betweenness_2k", "ba2kw", "betweenness", ["relgraph", "igraph", "networkx"]),
        ("pagerank", "ba100k", "pagerank", ["relgraph", "igraph", "rustworkx"]),
        ("load", "ba100k", "load", ["relgraph", "igraph"]),
        ("betweenness_500", "ba100k", "betweenness_500", ["relgraph"]),
        ("render", "ba2k2", "render", ["relgraph"]),
    ]
    if args.big:
        rows += [
            ("big_load", "ba1m", "load", ["relgraph"]),
            ("big_components", "ba1m", "components", ["relgraph"]),
            ("big_pagerank", "ba1m", "pagerank", ["relgraph", "igraph"]),
        ]
    only = set(filter(None, args.only.split(",")))
    rows = [r for r in rows if not only or r[0] in only]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    version = subprocess.run(command("relgraph", "load", "", "")[:1] + ["--version"], capture_output=True, text=True)
    print(f"{cpu}, {os.cpu_count()} cores; python {platform.python_version()}; {version.stdout.strip()}")
    print(f"{args.runs} runs per tool, alternating, median wall time; peak = largest max RSS")
    for mod in ["igraph", "rustworkx", "networkx"]:
        try:
            print(f"{mod} {__import__(mod).__version__}")
        except ImportError:
            print(f"{mod} not installed")
    print()
    print("| work | graph | tool | median s | peak MB | relgraph is | max abs diff vs relgraph |")
    print("|---|---|---|---|---|---|---|")
    for row, graph, task, tools in rows:
        # Tools that take minutes here run once; the others alternate for every run.
        once = {"networkx"} | ({"rustworkx"} if task == "betweenness" else set()) | ({"igraph"} if graph == "ba1m" else set())
        path = data(graph + ".tsv")
        times = {t: [] for t in tools}
        mems = {t: [] for t in tools}
        results = {}
        for run in range(args.runs):
            order = tools if run % 2 == 0 else list(reversed(tools))
            for tool in order:
                if tool in once and run > 0:
                    continue  # minutes per run: once is enough
                out = data(f"{row}.{tool}.json")
                stdout_path = data(f"{row}.{tool}.stdout")
                try:
                    wall, mb = timed(command(tool, task, path, out), stdout_path)
                except (subprocess.CalledProcessError, KeyError) as e:
                    print(f"<!-- {row} {tool} failed: {e} -->", file=sys.stderr)
                    continue
                times[tool].append(wall)
                mems[tool].append(mb)
                if run == 0:
                    results[tool] = values(tool, out, stdout_path)
                print(f"  {row} {tool} run {run + 1}: {wall:.2f} s, {mb:.0f} MB", file=sys.stderr, flush=True)
        ref = results.get("relgraph")
        base = statistics.median(times["relgraph"]) if times.get("relgraph") else None
        for tool in tools:
            if not times[tool]:
                continue
            t = statistics.median(times[tool])
            mb = max(mems[tool])
            ratio = "" if tool == "relgraph" or not base else f"{t / base:.2f}x faster"
            if ratio and t < base:
                ratio = f"{base / t:.2f}x slower"
            diff = agree(ref, results.get(tool)) if tool != "relgraph" else None
            shown = "" if diff is None else f"{diff:.1e}"
            print(f"| {row} | {graph} | {tool} | {t:.2f} | {mb:.0f} | {ratio} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
