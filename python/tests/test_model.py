"""The Python API on the shipped model, checked against the command line's --json and
against NetworkX."""

import math
import threading
import time

import pytest

import relgraph

from conftest import SHIPPED


def test_load_counts(model):
    assert len(model.nodes()) == 95
    assert len(model.edges()) == 232
    assert (model.node_count, model.edge_count) == (95, 232)


def test_nodes_and_edges_are_the_cli_json(model, cli):
    assert model.nodes() == cli("nodes")
    assert model.edges() == cli("edges")


def test_lookup_by_id_name_and_alias(model):
    by_alias = model.node("Northern Territories")
    assert "Northern Territories" in by_alias["aliases"]
    assert model.node(by_alias["id"]) == by_alias
    assert model.node(by_alias["name"].upper()) == by_alias
    with pytest.raises(KeyError):
        model.node("Atlantis")


def test_three_strongest_paths_are_the_cli_json(model, cli):
    paths = model.path("Canada", "Kuril Islands dispute", strongest=True, k=3)
    assert len(paths) == 3
    assert paths.json == cli("path", "Canada", "Kuril Islands dispute", "--strongest", "-k", "3")
    assert str(paths).startswith("strongest influence paths")
    strengths = [p["strength"] for p in paths.json]
    assert strengths == sorted(strengths, reverse=True)
    svg = paths._repr_svg_()
    assert "<svg" in svg and "Canada" in svg


def test_views_and_influence_are_the_cli_json(model, cli):
    after = model.at("2014-07-31")
    report = after.influence_on("Russia", top=5)
    assert report.json == cli("influence", "--on", "Russia", "--at", "2014-07-31", "--top", "5")
    # top=5 keeps five of each group: outsiders, those acting through their own state,
    # and Russia's own (internal).
    outside = [r for r in report.json if not r["internal"] and r.get("through") is None]
    assert len(outside) == 5
    assert {"putin", "lavrov"} <= {r["id"] for r in report.json if r["internal"]}
    conflictual = model.filter(polarity=["conflictual"])
    assert conflictual.edges() == cli("edges", "--polarity", "conflictual")
    assert {e["polarity"] for e in conflictual.edges()} == {"conflictual"}
    countries = model.filter(node_kinds=["country"])
    assert {n["kind"] for n in countries.nodes()} == {"country"}
    with pytest.raises(ValueError):
        model.at("July 2014")


@pytest.mark.parametrize("measure", ["betweenness", "pagerank", "closeness", "degree"])
def test_centrality_is_the_cli_json(model, cli, measure):
    scores = model.centrality(measure)
    rows = cli("centrality", "--measure", measure)
    assert model.centrality_report(measure).json == rows
    from_cli = {row["id"]: row["score"] for row in rows}
    assert scores == from_cli
    assert list(scores) == [row["id"] for row in rows]


def test_directed_view_is_the_cli_json(model, cli):
    assert model.directed().centrality_report("pagerank").json == cli(
        "centrality", "--measure", "pagerank", "--directed"
    )


def test_brokers_balance_diff_timeline_components_are_the_cli_json(model, cli):
    assert model.brokers().json == cli("brokers")
    assert model.balance().json == cli("balance")
    assert model.diff("2013", "2015").json == cli("diff", "--from", "2013", "--to", "2015")
    assert model.timeline() == cli("timeline")
    assert model.timeline("Japan") == cli("timeline", "--node", "Japan")
    assert model.components() == [c["nodes"] if isinstance(c, dict) else c for c in cli("components")]


def test_betweenness_equals_networkx(model):
    nx = pytest.importorskip("networkx")
    G = nx.Graph(model.to_networkx().to_undirected())
    expected = nx.betweenness_centrality(G)
    got = model.centrality("betweenness")
    assert set(got) == set(expected)
    assert max(abs(got[n] - expected[n]) for n in got) < 1e-9


def test_to_networkx_has_kinds_and_attributes(model):
    nx = pytest.importorskip("networkx")
    G = model.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert (G.number_of_nodes(), G.number_of_edges()) == (95, 232)
    node = model.node("Northern Territories")
    assert G.nodes[node["id"]]["kind"] == node["kind"]
    assert G.nodes[node["id"]]["aliases"] == node["aliases"]
    first = model.edges()[0]
    attrs = G.edges[first["from"], first["to"], 0]
    assert attrs["kind"] == first["kind"]
    assert attrs["polarity"] == first["polarity"]
    kinds = {d["kind"] for _, _, d in G.edges(data=True)}
    assert {"leads", "member_of"} <= kinds


def test_from_networkx_karate_club():
    nx = pytest.importorskip("networkx")
    karate = nx.karate_club_graph()
    model = relgraph.from_networkx(karate)
    assert (model.node_count, model.edge_count) == (34, 78)
    assert model.node("0")["kind"] == "actor"
    expected = nx.betweenness_centrality(karate)
    got = model.centrality("betweenness")
    assert max(abs(got[str(n)] - expected[n]) for n in karate) < 1e-9


def test_jupyter_reprs(model):
    svg = model._repr_svg_()
    assert svg.lstrip().startswith(("<svg", "<?xml")) and svg.rstrip().endswith("</svg>")
    html = model._repr_html_()
    assert html.startswith("<iframe") and 'sandbox="allow-scripts"' in html
    # The whole document sits escaped inside srcdoc: no raw tag of it reaches the notebook.
    inner = html[html.index('srcdoc="') + 8 : html.rindex('"></iframe>')]
    assert "<" not in inner and '"' not in inner and "&lt;script" in inner
    assert "<pre>" in model.brokers()._repr_html_()


def test_export_bytes_and_files(model, tmp_path):
    assert model.export("png")[:8] == b"\x89PNG\r\n\x1a\n"
    target = tmp_path / "model.pdf"
    assert model.export("pdf", target) is None
    assert target.read_bytes()[:5] == b"%PDF-"
    assert model.export("graphml").lstrip().startswith(b"<?xml")
    again = tmp_path / "again.json"
    model.export("json", again)
    assert relgraph.load(again).edges() == model.edges()
    with pytest.raises(ValueError):
        model.export("bmp")


def test_edges_as_dataframe(model):
    pd = pytest.importorskip("pandas")
    frame = model.edges(as_frame=True)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 232
    assert {"from", "to", "kind", "polarity"} <= set(frame.columns)
    assert len(model.nodes(as_frame=True)) == 95


def test_broken_file_raises_model_error(tmp_path):
    broken = tmp_path / "broken.ron"
    broken.write_text("oops")
    with pytest.raises(relgraph.ModelError) as caught:
        relgraph.load(broken)
    error = caught.value
    assert isinstance(error, ValueError)
    assert "broken.ron:1:" in str(error)
    assert (error.path, error.line, error.column) == (str(broken), 1, 1)
    bad_kind = tmp_path / "kind.ron"
    bad_kind.write_text('(\n  title: "x",\n  nodes: [ (id: "a", kind: Countryy, name: "A") ],\n)\n')
    with pytest.raises(relgraph.ModelError) as caught:
        relgraph.load(bad_kind)
    assert (caught.value.line, caught.value.column) == (3, 28)
    assert "kind.ron:3:28: error: unknown node kind" in str(caught.value)
    with pytest.raises(OSError):
        relgraph.load(tmp_path / "missing.ron")


def test_other_formats_load(tmp_path):
    tsv = tmp_path / "ties.tsv"
    tsv.write_text("a\tb\t2\nb\tc\n")
    model = relgraph.load(tsv)
    assert (model.node_count, model.edge_count) == (3, 2)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nc\n")
    with pytest.raises(relgraph.ModelError) as caught:
        relgraph.load(bad)
    assert caught.value.line == 2 and "bad.csv:2:" in str(caught.value)
    graphml = tmp_path / "m.graphml"
    relgraph.load(SHIPPED).export("graphml", graphml)
    assert relgraph.load(graphml).edge_count == 232


def _big_graph(n):
    nx = pytest.importorskip("networkx")
    G = nx.barabasi_albert_graph(n, 3, seed=1)
    edges = list(G.edges())
    return relgraph.Graph(n, [u for u, _ in edges], [v for _, v in edges])


def test_long_analysis_releases_the_gil():
    graph = _big_graph(3000)
    done = threading.Event()
    ticks = 0

    def work():
        graph.centrality("betweenness")
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    thread.join()
    # The main thread kept running Python while the analysis ran.
    assert ticks > 10


def test_ctrl_c_interrupts_a_long_analysis():
    import _thread
    import signal

    # About 1 s of work on two idle cores; interrupted after 0.2 s. (The abandoned
    # computation finishes in the background.) A process started in the background by a
    # shell without job control inherits SIGINT ignored, and then interrupt_main does
    # nothing: the test installs Python's own handler, as an interactive session has it.
    graph = _big_graph(8000)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer = threading.Timer(0.2, _thread.interrupt_main)
        start = time.perf_counter()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            graph.centrality("betweenness")
        assert time.perf_counter() - start < 1.0
    finally:
        signal.signal(signal.SIGINT, previous)
