"""The NetworkX backend: the same results as NetworkX, through NetworkX's own dispatch."""

import inspect

import pytest

nx = pytest.importorskip("networkx")

import relgraph  # noqa: E402
from relgraph.backend import BackendInterface  # noqa: E402


def _close(got, expected, tolerance=1e-9):
    assert set(got) == set(expected)
    worst = max((abs(got[n] - expected[n]) for n in expected), default=0.0)
    assert worst < tolerance, worst


def _graphs():
    ba = nx.barabasi_albert_graph(300, 3, seed=7)
    weighted = ba.copy()
    for i, (u, v) in enumerate(weighted.edges()):
        weighted[u][v]["weight"] = 1 + (i * 7919) % 13
    directed = nx.gnp_random_graph(200, 0.03, seed=3, directed=True)
    return {"ba": ba, "weighted": weighted, "directed": directed, "karate": nx.karate_club_graph()}


GRAPHS = _graphs()
nx.config.warnings_to_ignore.add("cache")


def test_the_backend_is_registered():
    assert "relgraph" in nx.utils.backends.backends
    info = nx.utils.backends.backend_info["relgraph"]
    assert "betweenness_centrality" in info["functions"]


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("normalized", [True, False])
def test_betweenness_equals_networkx(name, normalized):
    G = GRAPHS[name]
    weight = "weight" if name in ("weighted", "karate") else None
    expected = nx.betweenness_centrality(G, normalized=normalized, weight=weight)
    got = nx.betweenness_centrality(G, normalized=normalized, weight=weight, backend="relgraph")
    _close(got, expected)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_measures_equal_networkx(name):
    G = GRAPHS[name]
    distance = "weight" if name == "weighted" else None
    for function, kwargs, tolerance in [
        (nx.closeness_centrality, {"distance": distance}, 1e-9),
        (nx.harmonic_centrality, {"distance": distance}, 1e-9),
        (nx.degree_centrality, {}, 1e-12),
        (nx.pagerank, {}, 1e-5),
        (nx.eigenvector_centrality, {"max_iter": 100}, 1e-5),
        (nx.katz_centrality, {}, 1e-5),
    ]:
        if function is nx.katz_centrality and name in ("ba", "weighted"):
            # Katz's default alpha exceeds 1/λmax on this graph: NetworkX does not converge.
            continue
        expected = function(G, **kwargs)
        got = function(G, backend="relgraph", **kwargs)
        _close(got, expected, tolerance)


def test_connected_components_equal_networkx():
    G = nx.union(GRAPHS["ba"], nx.path_graph(5), rename=("a", "b"))
    G.add_node("lone")
    expected = sorted(map(sorted, map(list, nx.connected_components(G))))
    got = sorted(map(sorted, map(list, nx.connected_components(G, backend="relgraph"))))
    assert got == expected


def test_unsupported_arguments_fall_back():
    G = GRAPHS["ba"]
    assert BackendInterface.can_run("betweenness_centrality", (G,), {}) is True
    assert BackendInterface.can_run("betweenness_centrality", (G,), {"endpoints": True}) is not True
    assert BackendInterface.can_run("pagerank", (G,), {"alpha": 0.9}) is True
    assert BackendInterface.can_run("pagerank", (G,), {"personalization": {0: 1}}) is not True
    assert BackendInterface.can_run("katz_centrality", (G,), {"beta": {n: 1 for n in G}}) is not True
    assert BackendInterface.can_run("closeness_centrality", (nx.MultiGraph(G),), {}) is not True
    negative = G.copy()
    next(iter(negative.edges(data=True)))[2]["weight"] = -1
    assert BackendInterface.can_run("betweenness_centrality", (negative,), {"weight": "weight"}) is not True
    # Asked for by name, the backend refuses what it cannot do ...
    with pytest.raises(NotImplementedError):
        nx.betweenness_centrality(G, endpoints=True, backend="relgraph")
    # ... and as the preferred backend, it leaves it to NetworkX.
    expected = nx.betweenness_centrality(G, endpoints=True)
    saved = list(nx.config.backend_priority.algos)
    nx.config.backend_priority.algos = ["relgraph"]
    try:
        got = nx.betweenness_centrality(G, endpoints=True)
    finally:
        nx.config.backend_priority.algos = saved
    _close(got, expected)


@pytest.mark.parametrize("name", ["ba", "weighted", "directed"])
@pytest.mark.parametrize("normalized", [True, False])
def test_sampled_betweenness_uses_networkx_pivots(name, normalized):
    G = GRAPHS[name]
    weight = "weight" if name == "weighted" else None
    expected = nx.betweenness_centrality(G, k=25, seed=11, normalized=normalized, weight=weight)
    got = nx.betweenness_centrality(G, k=25, seed=11, normalized=normalized, weight=weight, backend="relgraph")
    _close(got, expected)


def test_pagerank_and_katz_parameters():
    G = GRAPHS["directed"]
    _close(nx.pagerank(G, alpha=0.9, backend="relgraph"), nx.pagerank(G, alpha=0.9, tol=1e-12), 1e-9)
    K = GRAPHS["karate"]
    expected = nx.katz_centrality(K, alpha=0.05, beta=2.0, tol=1e-12)
    _close(nx.katz_centrality(K, alpha=0.05, beta=2.0, backend="relgraph"), expected, 1e-9)


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("normalized", [True, False])
@pytest.mark.parametrize("sample", [None, 20])
def test_edge_betweenness_equals_networkx(name, normalized, sample):
    G = GRAPHS[name]
    weight = "weight" if name in ("weighted", "karate") else None
    kwargs = {"normalized": normalized, "weight": weight, "k": sample, "seed": 5}
    expected = nx.edge_betweenness_centrality(G, **kwargs)
    got = nx.edge_betweenness_centrality(G, backend="relgraph", **kwargs)
    # The same edges, keyed and ordered as NetworkX lists them.
    assert list(got) == list(expected)
    worst = max(abs(got[e] - expected[e]) for e in expected)
    assert worst < 1e-9 * max(1.0, max(expected.values())), worst


def _lengths_equal(got, expected):
    assert set(got) == set(expected)
    for node, length in expected.items():
        assert type(got[node]) is type(length), (node, got[node], length)
        assert abs(got[node] - length) < 1e-9, (node, got[node], length)


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("method", ["dijkstra", "bellman-ford"])
def test_shortest_path_length_equals_networkx(name, method):
    G = GRAPHS[name]
    nodes = list(G)
    for weight in (None, "weight"):
        kwargs = {"weight": weight, "method": method}
        # Neither end: a generator of (source, {target: length}), sources in node order.
        got = nx.shortest_path_length(G, backend="relgraph", **kwargs)
        assert inspect.isgenerator(got)
        got, expected = list(got), list(nx.shortest_path_length(G, **kwargs))
        assert [s for s, _ in got] == [s for s, _ in expected]
        for (_, g), (_, e) in zip(got, expected):
            _lengths_equal(g, e)
        for end in nodes[:5]:
            # From a source, and to a target (along ties' direction on a directed graph).
            _lengths_equal(
                nx.shortest_path_length(G, source=end, backend="relgraph", **kwargs),
                nx.shortest_path_length(G, source=end, **kwargs),
            )
            _lengths_equal(
                nx.shortest_path_length(G, target=end, backend="relgraph", **kwargs),
                nx.shortest_path_length(G, target=end, **kwargs),
            )
            for other in nodes[-5:]:
                try:
                    expected = nx.shortest_path_length(G, end, other, **kwargs)
                except nx.NetworkXNoPath as error:
                    with pytest.raises(nx.NetworkXNoPath, match=str(error)):
                        nx.shortest_path_length(G, end, other, backend="relgraph", **kwargs)
                    continue
                got = nx.shortest_path_length(G, end, other, backend="relgraph", **kwargs)
                assert type(got) is type(expected) and abs(got - expected) < 1e-9


def test_shortest_path_length_types_follow_the_weights():
    G = nx.Graph([(0, 1, {"w": 0.5}), (1, 2, {"w": 0.25}), (2, 3, {"w": 2})])
    G.add_node(4)
    assert nx.shortest_path_length(G, 0, 2, weight="w", backend="relgraph") == 0.75
    assert nx.shortest_path_length(G, 0, 3, backend="relgraph") == 3
    assert type(nx.shortest_path_length(G, 0, 3, backend="relgraph")) is int
    assert nx.shortest_path_length(G, 0, 0, weight="w", backend="relgraph") == 0
    assert nx.shortest_path_length(G, source=4, backend="relgraph") == {4: 0}
    with pytest.raises(nx.NetworkXNoPath, match="No path between 0 and 4."):
        nx.shortest_path_length(G, 0, 4, backend="relgraph")


def test_unsupported_path_arguments_fall_back():
    G = GRAPHS["weighted"]
    can_run = BackendInterface.can_run
    assert can_run("shortest_path_length", (G,), {"source": 0, "weight": "weight"}) is True
    assert can_run("shortest_path_length", (G,), {"source": "absent"}) is not True
    assert can_run("shortest_path_length", (G,), {"target": [1]}) is not True
    assert can_run("shortest_path_length", (G,), {"method": "a*"}) is not True
    assert can_run("shortest_path_length", (G,), {"weight": lambda u, v, d: 1}) is not True
    assert can_run("edge_betweenness_centrality", (nx.MultiGraph(G),), {}) is not True
    zero = G.copy()
    next(iter(zero.edges(data=True)))[2]["weight"] = 0
    assert can_run("shortest_path_length", (zero,), {"weight": "weight"}) is not True
    assert can_run("edge_betweenness_centrality", (zero,), {"weight": "weight"}) is not True
    # As the preferred backend, relgraph leaves those to NetworkX, which gives its answers
    # and raises its errors.
    saved = list(nx.config.backend_priority.algos)
    nx.config.backend_priority.algos = ["relgraph"]
    try:
        assert nx.shortest_path_length(zero, 0, 1, weight="weight") == 0
        with pytest.raises(nx.NodeNotFound):
            nx.shortest_path_length(G, source="absent")
        with pytest.raises(ValueError, match="method not supported"):
            nx.shortest_path_length(G, 0, 1, method="a*")
        multi = nx.MultiGraph([(0, 1), (0, 1), (1, 2)])
        assert nx.edge_betweenness_centrality(multi) == nx.edge_betweenness_centrality(multi, backend="networkx")
    finally:
        nx.config.backend_priority.algos = saved
