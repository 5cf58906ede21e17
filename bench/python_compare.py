#!/usr/bin/env python3
"""Betweenness from Python, in one process, conversion included (issue 26).

Two comparisons on seeded Barabási–Albert graphs (NetworkX's generator, m = 3):

- NetworkX backend: ``nx.betweenness_centrality(G, backend="relgraph")`` (which converts the
  NetworkX graph for relgraph on every call) against NetworkX's own, on n = 2,000;
- relgraph against python-igraph on n = 10,000: each tool gets the NetworkX graph and
  builds its own graph from the edge list (``relgraph.Graph`` / ``igraph.Graph``), then
  computes betweenness (relgraph normalised as NetworkX, igraph raw; the results are
  checked against each other after rescaling).

Runs alternate tools, the median of --runs is reported, with the machine. Each figure is
wall time with the process's CPU time (all threads) in brackets, and both ratios: relgraph
uses every core (rayon; ``--threads N`` caps it) and igraph and NetworkX one, so the CPU
ratio is the per-core gain and "cores" (CPU time / wall time) shows how many were busy.
Not part of CI.

    pip install ./python networkx igraph
    python3 bench/python_compare.py --runs 3
    python3 bench/python_compare.py --runs 3 --threads 1   # relgraph on one thread too
"""

import argparse
import os
import platform
import statistics
import time

import networkx as nx

nx.config.warnings_to_ignore.add("cache")


def timed(function):
    """Wall time, process CPU time (all threads) and the result."""
    start, cpu = time.perf_counter(), time.process_time()
    value = function()
    return (time.perf_counter() - start, time.process_time() - cpu), value


def median(runs):
    """Per-column median of (wall, cpu) pairs."""
    return tuple(statistics.median(column) for column in zip(*runs))


def relgraph_betweenness(G):
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    sources, targets = [], []
    for u, v in G.edges():
        sources.append(index[u])
        targets.append(index[v])
    graph = relgraph.Graph(len(nodes), sources, targets)
    return dict(zip(nodes, graph.centrality("betweenness")))


def igraph_betweenness(G):
    import igraph

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    return dict(zip(nodes, graph.betweenness(directed=False)))


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical cores, Python {platform.python_version()}, NetworkX {nx.__version__}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="relgraph's threads (default: all cores)")
    args = parser.parse_args()
    if args.threads:
        # Read by rayon when relgraph first runs in parallel, so set before the first call.
        os.environ["RAYON_NUM_THREADS"] = str(args.threads)
    global relgraph
    import relgraph
    print(f"machine: {machine()}\n")

    small = nx.barabasi_albert_graph(2000, 3, seed=42)
    nx_times, backend_times = [], []
    for _ in range(args.runs):
        t, expected = timed(lambda: nx.betweenness_centrality(small))
        nx_times.append(t)
        t, got = timed(lambda: nx.betweenness_centrality(small, backend="relgraph"))
        backend_times.append(t)
        assert max(abs(got[n] - expected[n]) for n in small) < 1e-9
    nx_median, backend_median = median(nx_times), median(backend_times)

    big = nx.barabasi_albert_graph(10000, 3, seed=42)
    ig_times, rg_times = [], []
    n = len(big)
    for _ in range(args.runs):
        t, raw = timed(lambda: igraph_betweenness(big))
        ig_times.append(t)
        t, got = timed(lambda: relgraph_betweenness(big))
        rg_times.append(t)
        scale = 2 / ((n - 1) * (n - 2))
        assert max(abs(got[v] - raw[v] * scale) for v in big) < 1e-9
    ig_median, rg_median = median(ig_times), median(rg_times)

    print("| comparison | graph | other tool: wall (CPU) | relgraph: wall (CPU), cores | wall ratio | CPU ratio |")
    print("|---|---|---:|---:|---:|---:|")
    rows = [
        ("NetworkX `betweenness_centrality` vs `backend=\"relgraph\"`", "BA n=2,000, m=3", nx_median, backend_median),
        (
            "python-igraph `betweenness()` vs `relgraph.Graph(…).centrality(\"betweenness\")`",
            "BA n=10,000, m=3",
            ig_median,
            rg_median,
        ),
    ]
    for what, graph, other, ours in rows:
        print(
            f"| {what} | {graph} | {other[0]:.3f} s ({other[1]:.3f} s) "
            f"| {ours[0]:.3f} s ({ours[1]:.3f} s), {ours[1] / ours[0]:.1f} "
            f"| {other[0] / ours[0]:.1f}x | {other[1] / ours[1]:.1f}x |"
        )
    threads = os.environ.get("RAYON_NUM_THREADS", f"all {os.cpu_count()}")
    print(
        f"\nmedian of {args.runs} runs, conversion from the NetworkX graph included; relgraph threads: {threads}; "
        f"load average {os.getloadavg()}"
    )


if __name__ == "__main__":
    main()
