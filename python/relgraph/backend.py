"""The NetworkX backend ``relgraph``: ``nx.betweenness_centrality(G, backend="relgraph")``.

NetworkX (3.2 and later) finds this module through the ``networkx.backends`` entry point
and calls ``BackendInterface.convert_from_nx`` on the graph, then the function of the same
name here. The graph is handed to relgraph as node indices and ties (``relgraph.Graph``),
and the scores come from the library's own measures, which reproduce NetworkX's
definitions; this module only maps NetworkX's arguments and node keys.

``can_run`` answers False for arguments relgraph does not support (multigraphs, a weight
given as a function, non-positive weights, ``endpoints=True``, other
iteration parameters than the defaults, a ``source`` or ``target`` not in the graph, ...),
so NetworkX runs its own code for those when
``nx.config.fallback_to_nx`` is on (or when the backend was not asked for by name).
"""

import inspect
import math

from ._relgraph import Graph

__all__ = ["BackendInterface", "get_info"]


class RelgraphGraph:
    """A NetworkX graph converted for relgraph: its nodes in order, and the relgraph
    ``Graph`` of their ties with the weights one edge attribute gives."""

    __networkx_backend__ = "relgraph"

    def __init__(self, original, nodes, graph, weight, directed, integral=True):
        self.original = original
        self.nodes = nodes
        self.graph = graph
        self.weight = weight
        self.directed = directed
        # Whether every weight is an int, so that summed lengths are ints, as in NetworkX.
        self.integral = integral
        self._index = None

    @property
    def index(self):
        """Node key -> index, built on first use."""
        if self._index is None:
            self._index = {node: i for i, node in enumerate(self.nodes)}
        return self._index

    def length(self, value, weighted):
        """A path length as NetworkX gives it: an int for hops or whole weights."""
        return int(value) if not weighted or self.integral else value

    def lengths(self, found, weighted):
        """``{node: length}`` from the (indices, lengths) lists relgraph returns."""
        indices, values = found
        nodes = self.nodes
        if not weighted or self.integral:
            return {nodes[i]: int(d) for i, d in zip(indices, values)}
        return {nodes[i]: d for i, d in zip(indices, values)}

    def is_directed(self):
        return self.directed

    def is_multigraph(self):
        return False

    def __len__(self):
        return len(self.nodes)

    def number_of_nodes(self):
        return len(self.nodes)

    def scores(self, values):
        return {node: float(value) for node, value in zip(self.nodes, values)}


def _convert(G, weight=None, default=1):
    """Nodes, indices and weighted ties of a NetworkX graph."""
    if G.is_multigraph():
        raise NotImplementedError("relgraph does not take multigraphs")
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    sources, targets, weights = [], [], [] if weight is not None else None
    integral = True
    if weight is None:
        for u, v in G.edges():
            sources.append(index[u])
            targets.append(index[v])
    else:
        for u, v, w in G.edges(data=weight, default=default):
            if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w) or w <= 0:
                raise NotImplementedError("relgraph takes positive, finite numeric weights")
            sources.append(index[u])
            targets.append(index[v])
            weights.append(float(w))
            integral = integral and isinstance(w, int)
    graph = Graph(len(nodes), sources, targets, weights, G.is_directed())
    return RelgraphGraph(G, nodes, graph, weight, G.is_directed(), integral)


def _networkx_function(name):
    import networkx as nx

    return getattr(nx, name)


def _bound(name, args, kwargs):
    signature = inspect.signature(_networkx_function(name))
    kwargs = {k: v for k, v in kwargs.items() if k != "backend"}
    bound = signature.bind_partial(*args, **kwargs)
    bound.apply_defaults()
    return bound.arguments


def _weights_ok(G, weight):
    if weight is None:
        return True
    if callable(weight) or not isinstance(weight, str):
        return False
    for _, _, w in G.edges(data=weight, default=1):
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w) or w <= 0:
            return False
    return True


# Arguments relgraph takes, with the values it supports (None: any value).
_DEFAULTS = {
    "betweenness_centrality": {"endpoints": [False]},
    "edge_betweenness_centrality": {},
    "closeness_centrality": {"wf_improved": [True]},
    "harmonic_centrality": {"nbunch": [None], "sources": [None]},
    # The library iterates to within 1e-10 of the fixed point, so any `tol` is met; other
    # iteration limits and starting vectors are left to NetworkX.
    "eigenvector_centrality": {"max_iter": [100], "nstart": [None]},
    "katz_centrality": {"max_iter": [1000], "nstart": [None], "normalized": [True]},
    "pagerank": {"personalization": [None], "max_iter": [100], "nstart": [None], "dangling": [None]},
    "degree_centrality": {},
    "in_degree_centrality": {},
    "out_degree_centrality": {},
    "connected_components": {},
    # Other methods are NetworkX's error to raise.
    "shortest_path_length": {"method": ["dijkstra", "bellman-ford"]},
}

# Arguments that must be plain numbers (a dict of per-node values is left to NetworkX).
_NUMBERS = {"katz_centrality": ("alpha", "beta"), "pagerank": ("alpha",), "betweenness_centrality": ()}


_WEIGHT_ARGUMENT = {
    "betweenness_centrality": "weight",
    "edge_betweenness_centrality": "weight",
    "shortest_path_length": "weight",
    "closeness_centrality": "distance",
    "harmonic_centrality": "distance",
    "eigenvector_centrality": "weight",
    "katz_centrality": "weight",
    "pagerank": "weight",
}


def _same(value, allowed):
    return any(value is a or (type(value) is type(a) and value == a) for a in allowed)


def _rescale(nodes, sums, normalized, directed, sampled):
    """NetworkX's rescaling of betweenness sums (``_rescale`` with ``endpoints=False``): by
    the number of (source, target) pairs when normalised, halved on undirected graphs when
    not, and for ``k`` sampled sources by k(n - 2), or (k - 1)(n - 2) for the sources."""
    N = len(nodes) - 1
    if N < 2:
        return sums
    correction = 1 if directed else 2
    if sampled is None:
        scale = 1 / (N * (N - 1)) if normalized else 1 / correction
        return [v * scale for v in sums]
    k = len(sampled)
    if normalized:
        source = 1 / ((k - 1) * (N - 1)) if k > 1 else math.nan
        other = 1 / (k * (N - 1))
    else:
        source = N / ((k - 1) * correction) if k > 1 else math.nan
        other = N / (k * correction)
    pivots = set(sampled)
    return [v * (source if node in pivots else other) for node, v in zip(nodes, sums)]


def _converge(measure, max_iter, run):
    try:
        return run()
    except ValueError as error:
        if "did not converge" in str(error):
            import networkx as nx

            raise nx.PowerIterationFailedConvergence(max_iter) from None
        raise


class BackendInterface:
    """What NetworkX calls: conversion, ``can_run``/``should_run``, and the functions."""

    @staticmethod
    def convert_from_nx(
        G,
        edge_attrs=None,
        node_attrs=None,
        preserve_edge_attrs=False,
        preserve_node_attrs=False,
        preserve_graph_attrs=False,
        name=None,
        graph_name=None,
    ):
        if isinstance(G, RelgraphGraph):
            return G
        if preserve_edge_attrs:
            raise NotImplementedError("relgraph reads one numeric edge attribute")
        weight, default = None, 1
        if edge_attrs:
            if len(edge_attrs) > 1:
                raise NotImplementedError("relgraph reads one numeric edge attribute")
            ((weight, default),) = edge_attrs.items()
            if default is None:
                default = 1
        return _convert(G, weight, default)

    @staticmethod
    def convert_to_nx(obj, *, name=None):
        if isinstance(obj, RelgraphGraph):
            return obj.original
        return obj

    @staticmethod
    def can_run(name, args, kwargs):
        if name not in _DEFAULTS:
            return False
        try:
            arguments = _bound(name, args, kwargs)
        except TypeError:
            return False
        G = arguments.get("G")
        if isinstance(G, RelgraphGraph):
            G = G.original
        if G is None or not hasattr(G, "is_multigraph"):
            return False
        if G.is_multigraph():
            return "relgraph does not take multigraphs"
        if len(G) == 0:
            return "an empty graph is left to NetworkX"
        for argument, allowed in _DEFAULTS[name].items():
            if argument in arguments and not _same(arguments[argument], allowed):
                wanted = f"={allowed[0]!r}" if len(allowed) == 1 else f" in {allowed!r}"
                return f"relgraph supports only {argument}{wanted}"
        for argument in _NUMBERS.get(name, ()):
            value = arguments.get(argument)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                return f"relgraph takes a number as {argument}"
        if name == "pagerank" and not 0 <= arguments.get("alpha", 0.85) < 1:
            return "alpha outside [0, 1) is left to NetworkX"
        if name in ("betweenness_centrality", "edge_betweenness_centrality"):
            k = arguments.get("k")
            if k is not None and (isinstance(k, bool) or not isinstance(k, int)):
                return "relgraph takes an integer k"
        if name == "shortest_path_length":
            for end in ("source", "target"):
                node = arguments.get(end)
                try:
                    missing = node is not None and node not in G
                except TypeError:
                    missing = True
                if missing:
                    # NetworkX raises NodeNotFound, with the message of the method asked for.
                    return f"a {end} not in the graph is left to NetworkX"
        weight_argument = _WEIGHT_ARGUMENT.get(name)
        if weight_argument and not _weights_ok(G, arguments.get(weight_argument)):
            return "relgraph takes one attribute of positive, finite numeric weights"
        return True

    @staticmethod
    def should_run(name, args, kwargs):
        return True

    # --- the functions, with NetworkX's signatures -------------------------------------

    @staticmethod
    def betweenness_centrality(G, k=None, normalized=True, weight=None, endpoints=False, seed=None):
        if endpoints:
            raise NotImplementedError("relgraph: endpoints=True is left to NetworkX")
        n = len(G.nodes)
        if k == n:
            k = None
        sampled = None
        if k is not None:
            # The pivots NetworkX would draw, from the same seeded generator.
            sampled = seed.sample(G.nodes, k)
            index = {node: i for i, node in enumerate(G.nodes)}
            sums = G.graph.betweenness_sums([index[node] for node in sampled], weight is not None)
        else:
            sums = G.graph.betweenness_sums(None, weight is not None)
        return G.scores(_rescale(G.nodes, sums, normalized, G.directed, sampled))

    @staticmethod
    def edge_betweenness_centrality(G, k=None, normalized=True, weight=None, seed=None):
        sources = None
        if k is not None:
            # The pivots NetworkX would draw, from the same seeded generator.
            sources = [G.index[node] for node in seed.sample(list(G.nodes), k)]
        values = G.graph.edge_betweenness(sources, weight is not None, normalized)
        return dict(zip(G.original.edges(), values))

    @staticmethod
    def shortest_path_length(G, source=None, target=None, weight=None, method="dijkstra"):
        if method not in ("dijkstra", "bellman-ford"):
            raise ValueError(f"method not supported: {method}")
        weighted = weight is not None
        graph, index = G.graph, G.index
        if source is None and target is None:
            return ((node, G.lengths(graph.distances_from(i, weighted), weighted)) for i, node in enumerate(G.nodes))
        if target is None:
            return G.lengths(graph.distances_from(index[source], weighted), weighted)
        if source is None:
            return G.lengths(graph.distances_to(index[target], weighted), weighted)
        if source == target:
            return 0
        found = graph.distance(index[source], index[target], weighted)
        if found is None:
            import networkx as nx

            if not weighted:
                raise nx.NetworkXNoPath(f"No path between {source} and {target}.")
            if method == "dijkstra":
                raise nx.NetworkXNoPath(f"Node {target} not reachable from {source}")
            raise nx.NetworkXNoPath(f"node {target} not reachable from {source}")
        return G.length(found, weighted)

    @staticmethod
    def closeness_centrality(G, u=None, distance=None, wf_improved=True):
        if not wf_improved:
            raise NotImplementedError("relgraph: wf_improved=False is left to NetworkX")
        scores = G.scores(G.graph.centrality("closeness", distance is not None))
        if u is not None:
            return scores[u]
        return scores

    @staticmethod
    def harmonic_centrality(G, nbunch=None, distance=None, sources=None):
        if nbunch is not None or sources is not None:
            raise NotImplementedError("relgraph: nbunch and sources are left to NetworkX")
        return G.scores(G.graph.centrality("harmonic", distance is not None))

    @staticmethod
    def eigenvector_centrality(G, max_iter=100, tol=1e-06, nstart=None, weight=None):
        return G.scores(_converge("eigenvector", max_iter, lambda: G.graph.centrality("eigenvector", weight is not None)))

    @staticmethod
    def katz_centrality(G, alpha=0.1, beta=1.0, max_iter=1000, tol=1e-06, nstart=None, normalized=True, weight=None):
        run = lambda: G.graph.katz(float(alpha), float(beta), weight is not None)  # noqa: E731
        return G.scores(_converge("katz", max_iter, run))

    @staticmethod
    def pagerank(G, alpha=0.85, personalization=None, max_iter=100, tol=1e-06, nstart=None, weight="weight", dangling=None):
        run = lambda: G.graph.pagerank(float(alpha), weight is not None)  # noqa: E731
        return G.scores(_converge("pagerank", max_iter, run))

    @staticmethod
    def degree_centrality(G):
        return G.scores(G.graph.centrality("degree"))

    @staticmethod
    def in_degree_centrality(G):
        return G.scores(G.graph.centrality("in-degree"))

    @staticmethod
    def out_degree_centrality(G):
        return G.scores(G.graph.centrality("out-degree"))

    @staticmethod
    def connected_components(G):
        nodes = G.nodes
        return (set(nodes[i] for i in part) for part in G.graph.components())


def get_info():
    """The ``networkx.backend_info`` entry point: what the backend implements."""
    note = "Runs relgraph's Rust implementation; other arguments fall back to NetworkX."
    return {
        "backend_name": "relgraph",
        "project": "relgraph",
        "package": "relgraph",
        "short_summary": "relgraph's parallel Rust graph analyses.",
        "functions": {name: {"additional_docs": note} for name in _DEFAULTS},
        "default_config": {},
    }
