//! Integration tests: the analysis and export subcommands (`path`, `centrality`,
//! `components`, `brokers`, `ego`, `balance`, `timeline`, `diff`, `export`, `import`), run
//! as the real binary. Every value is checked against an independent source: the library
//! computing it separately, a brute-force count written here, a hand-worked model, or the
//! NetworkX reference values under `tests/fixtures/networkx/`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;

use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use relgraph::analysis::centrality::{self, CentralityOptions, Measure};
use relgraph::analysis::{GraphView, ViewOptions};
use relgraph::model::PartialDate;
use relgraph::{EdgeKind, Model, NodeKind};
use serde_json::Value;

use crate::common::{self, array, graph, id_of, json, ok, relgraph, stderr, temp_model};

// ---------------------------------------------------------------- helpers

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}"))
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or_else(|| panic!("not a number: {value}"))
}

fn fixture_dir() -> PathBuf {
    common::repo().join("tests/fixtures/networkx")
}

/// A NetworkX fixture: its JSON and the path of its edge list.
fn fixture(name: &str) -> (Value, String) {
    let text = std::fs::read_to_string(fixture_dir().join(format!("{name}.json"))).expect("fixture JSON");
    let value: Value = serde_json::from_str(&text).expect("fixture JSON parses");
    let file = fixture_dir().join(text_of(&value["file"]));
    (value, file.display().to_string())
}

fn text_of(value: &Value) -> String {
    text(value).to_owned()
}

/// `id → score` of a `centrality --json` listing.
fn scores(listing: &Value) -> BTreeMap<String, f64> {
    array(listing).iter().map(|row| (text_of(&row["id"]), number(&row["score"]))).collect()
}

/// The string an attribute value or node id holds, without DOT quotes.
fn id_text(id: &Id) -> String {
    let raw = match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s,
    };
    raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(raw).to_owned()
}

fn attr(attributes: &[Attribute], key: &str) -> Option<String> {
    attributes.iter().find(|Attribute(k, _)| id_text(k) == key).map(|Attribute(_, v)| id_text(v))
}

/// Every node and edge statement of a DOT graph, subgraphs included.
fn dot_statements(stmts: &[Stmt], nodes: &mut Vec<(String, Vec<Attribute>)>, edges: &mut Vec<DotEdge>) {
    let vertex = |v: &Vertex| match v {
        Vertex::N(NodeId(id, _)) => id_text(id),
        Vertex::S(s) => id_text(&s.id),
    };
    for stmt in stmts {
        match stmt {
            Stmt::Node(n) => nodes.push((id_text(&n.id.0), n.attributes.clone())),
            Stmt::Edge(e) => {
                let ends = match &e.ty {
                    EdgeTy::Pair(a, b) => vec![vertex(a), vertex(b)],
                    EdgeTy::Chain(chain) => chain.iter().map(vertex).collect(),
                };
                edges.push((ends, e.attributes.clone()));
            }
            Stmt::Subgraph(s) => dot_statements(&s.stmts, nodes, edges),
            _ => {}
        }
    }
}

/// A DOT edge statement: its ends and attributes.
type DotEdge = (Vec<String>, Vec<Attribute>);

/// Parses DOT with graphviz-rust: `(node id → attributes, edges)`.
fn parse_dot(dot: &str) -> (BTreeMap<String, Vec<Attribute>>, Vec<DotEdge>) {
    let parsed = graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{dot}"));
    let (Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. }) = parsed;
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    dot_statements(&stmts, &mut nodes, &mut edges);
    (nodes.into_iter().collect(), edges)
}

/// Parses XML with quick-xml, failing on any error; returns the text of every `<title>`.
fn xml_titles(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (mut titles, mut in_title, mut depth) = (Vec::new(), false, 0i64);
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed XML at {}: {e}", reader.buffer_position()))
        {
            Event::Start(tag) => {
                depth += 1;
                in_title = tag.name().as_ref() == b"title";
                if in_title {
                    titles.push(String::new());
                }
            }
            Event::End(_) => {
                depth -= 1;
                in_title = false;
            }
            Event::Text(t) if in_title => {
                let piece = t.decode().expect("UTF-8 text");
                let piece = quick_xml::escape::unescape(&piece).expect("valid escapes").into_owned();
                titles.last_mut().expect("inside a title").push_str(&piece);
            }
            Event::GeneralRef(r) if in_title => {
                let name = r.decode().expect("UTF-8 reference");
                let resolved = quick_xml::escape::unescape(&format!("&{name};")).expect("a known entity").into_owned();
                titles.last_mut().expect("inside a title").push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced XML");
    titles
}

/// Connected components of the model, edges taken both ways, optionally without one node.
fn brute_components(model: &Model, without: Option<usize>) -> Vec<BTreeSet<usize>> {
    let graph = model.graph();
    let n = graph.node_count();
    let mut adjacent = vec![Vec::new(); n];
    for e in graph.raw_edges() {
        let (a, b) = (e.source().index(), e.target().index());
        adjacent[a].push(b);
        adjacent[b].push(a);
    }
    let mut seen = vec![false; n];
    let mut parts = Vec::new();
    for start in 0..n {
        if seen[start] || Some(start) == without {
            continue;
        }
        let mut part = BTreeSet::new();
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(u) = queue.pop_front() {
            part.insert(u);
            for &v in &adjacent[u] {
                if !seen[v] && Some(v) != without {
                    seen[v] = true;
                    queue.push_back(v);
                }
            }
        }
        parts.push(part);
    }
    parts
}

fn ids_of(model: &Model, indices: &BTreeSet<usize>) -> BTreeSet<String> {
    indices.iter().map(|&i| model.graph()[petgraph::graph::NodeIndex::new(i)].id.clone()).collect()
}

fn id_set(value: &Value) -> BTreeSet<String> {
    array(value).iter().map(text_of).collect()
}

/// A path's edges as `(from, to, kind)`.
fn path_edges(path: &Value) -> Vec<(String, String, String)> {
    array(&path["edges"]).iter().map(|e| (text_of(&e["from"]), text_of(&e["to"]), text_of(&e["kind"]))).collect()
}

/// Checks a `path --json` path against the model: it starts at `from`, ends at `to`, and
/// every step is a model edge of the listed kind joining the two nodes (either way).
/// Returns, for each step, the weights of the model edges it could be.
fn check_path(model: &Model, path: &Value, from: &str, to: &str) -> Vec<Vec<f64>> {
    let nodes: Vec<String> = array(&path["nodes"]).iter().map(text_of).collect();
    let edges = path_edges(path);
    assert_eq!(nodes.first().map(String::as_str), Some(from), "{path}");
    assert_eq!(nodes.last().map(String::as_str), Some(to), "{path}");
    assert_eq!(edges.len() + 1, nodes.len(), "{path}");
    let distinct: BTreeSet<&String> = nodes.iter().collect();
    assert_eq!(distinct.len(), nodes.len(), "a path repeats a node: {path}");
    nodes
        .windows(2)
        .zip(&edges)
        .map(|(pair, (f, t, kind))| {
            let joins = (f == &pair[0] && t == &pair[1]) || (f == &pair[1] && t == &pair[0]);
            assert!(joins, "edge {f}–{t} does not join {} and {}: {path}", pair[0], pair[1]);
            let weights: Vec<f64> = model
                .edges()
                .filter(|e| e.from == *f && e.to == *t && e.kind.as_str() == kind)
                .map(|e| e.weight())
                .collect();
            assert!(!weights.is_empty(), "no model edge {f} —{kind}→ {t}");
            weights
        })
        .collect()
}

fn costs(paths: &Value) -> Vec<f64> {
    array(paths).iter().map(|p| number(&p["cost"])).collect()
}

/// Three countries: A + B, then the B–C and A–C ties as given.
fn triad(bc: &str, ac: &str) -> String {
    format!(
        r#"Model(
    title: "Triad",
    nodes: [
        Node(id: "a", kind: country, name: "A"),
        Node(id: "b", kind: country, name: "B"),
        Node(id: "c", kind: country, name: "C"),
    ],
    edges: [
        Edge(from: "a", to: "b", kind: cooperates_with),
        Edge(from: "b", to: "c", kind: {bc}),
        Edge(from: "a", to: "c", kind: {ac}),
    ],
)
"#
    )
}

// ---------------------------------------------------------------- path

#[test]
fn path_json_steps_are_model_edges_from_start_to_end() {
    let model = common::load_japan_russia();
    let (from, to) = (id_of(&model, "Canada"), id_of(&model, "Kuril Islands dispute"));
    let paths = json(&["path", &graph(), "Canada", "Kuril Islands dispute", "--json"]);
    assert_eq!(array(&paths).len(), 1);
    for p in array(&paths) {
        check_path(&model, p, &from, &to);
        assert_eq!(number(&p["cost"]), path_edges(p).len() as f64, "hop cost is the number of edges: {p}");
    }
    let five = json(&["path", &graph(), "Canada", "kuril_dispute", "-k", "5", "--json"]);
    assert_eq!(array(&five).len(), 5);
    for p in array(&five) {
        check_path(&model, p, &from, &to);
        assert_eq!(number(&p["cost"]), path_edges(p).len() as f64, "{p}");
    }
    let c = costs(&five);
    assert!(c.windows(2).all(|w| w[0] <= w[1]), "-k costs not non-decreasing: {c:?}");
    assert_eq!(c[0], costs(&paths)[0], "the first of -k 5 is the shortest");
    let listed: BTreeSet<Vec<(String, String, String)>> = array(&five).iter().map(path_edges).collect();
    assert_eq!(listed.len(), 5, "-k paths repeat");
}

#[test]
fn path_strongest_cost_is_the_product_of_the_step_strengths() {
    let model = common::load_japan_russia();
    let (from, to) = (id_of(&model, "Canada"), "kuril_dispute");
    let paths = json(&["path", &graph(), "Canada", to, "--strongest", "-k", "5", "--json"]);
    assert_eq!(array(&paths).len(), 5);
    for p in array(&paths) {
        check_path(&model, p, &from, to);
        let product: f64 = array(&p["edges"]).iter().map(|e| number(&e["strength"])).product();
        assert!((number(&p["cost"]) - product).abs() < 1e-12, "{p}: product {product}");
    }
    let c = costs(&paths);
    assert!(c.windows(2).all(|w| w[0] >= w[1]), "strongest costs not non-increasing: {c:?}");

    // Weights as distances on the square: the hand-worked values.
    let file = temp_model(common::WEIGHTED.as_bytes());
    let path = file.path().display().to_string();
    let weighted = costs(&json(&["path", &path, "A", "D", "--weighted", "-k", "3", "--json"]));
    for (g, w) in weighted.iter().zip([0.3, 1.5, 1.8]) {
        assert!((g - w).abs() < 1e-12, "weighted: got {weighted:?}");
    }
    assert_eq!(costs(&json(&["path", &path, "A", "D", "--json"])), [1.0]);
}

#[test]
fn path_weighted_on_les_miserables_equals_networkx() {
    let (expected, file) = fixture("lesmis");
    let model = relgraph::io::edgelist::read(Path::new(&file)).expect("edge list reads");
    let pairs: Vec<&Value> = array(&expected["paths"]).iter().filter(|p| !p["weighted"].is_null()).collect();
    assert!(pairs.len() >= 10, "too few reachable pairs in the fixture");
    for pair in pairs {
        let (s, t) = (text(&pair["source"]), text(&pair["target"]));
        let found = json(&["path", &file, s, t, "--weighted", "-k", "5", "--json"]);
        let got = costs(&found);
        let want: Vec<f64> = array(&pair["k_weighted"]).iter().map(number).collect();
        assert_eq!(got.len(), want.len(), "{s} → {t}: {got:?} vs NetworkX {want:?}");
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() < 1e-9, "{s} → {t}: {got:?} vs NetworkX {want:?}");
        }
        assert!((got[0] - number(&pair["weighted"])).abs() < 1e-9);
        for p in array(&found) {
            let sum: f64 = check_path(&model, p, s, t).iter().map(|w| w[0]).sum();
            assert!((number(&p["cost"]) - sum).abs() < 1e-9, "{p}: sum of weights {sum}");
        }
    }
}

#[test]
fn path_between_components_is_an_empty_list_and_exit_0() {
    let model = common::load_japan_russia();
    let miller = id_of(&model, "J. Berkshire Miller");
    let parts = brute_components(&model, None);
    let part_of = |id: &str| parts.iter().position(|p| ids_of(&model, p).contains(id)).expect("in a part");
    assert_ne!(part_of(&miller), part_of("japan"), "the two must be in different components");
    assert_eq!(json(&["path", &graph(), "Japan", &miller, "--json"]), Value::Array(Vec::new()));
    let human = ok(&["path", &graph(), "Japan", &miller]);
    assert!(human.starts_with("no path from Japan to J. Berkshire Miller"), "{human}");
}

#[test]
fn path_all_cut_at_the_limit_says_so() {
    let model = common::load_japan_russia();
    let out = ok(&["path", &graph(), "Japan", "Russia", "--all", "--max-hops", "2", "--limit", "3"]);
    assert!(out.contains("listing cut at --limit 3"), "{out}");
    assert_eq!(out.matches(" hops ").count(), 3, "{out}");
    let listed = json(&["path", &graph(), "Japan", "Russia", "--all", "--max-hops", "2", "--limit", "3", "--json"]);
    assert_eq!(array(&listed).len(), 3);
    for p in array(&listed) {
        check_path(&model, p, "japan", "russia");
        assert!(path_edges(p).len() <= 2);
    }
    // Without the cut there are more than three.
    let all = json(&["path", &graph(), "Japan", "Russia", "--all", "--max-hops", "2", "--json"]);
    assert!(array(&all).len() > 3);
    let uncut = ok(&["path", &graph(), "Japan", "Russia", "--all", "--max-hops", "2", "--limit", "100000"]);
    assert!(!uncut.contains("listing cut"), "{uncut}");
}

#[test]
fn path_constraints_are_respected() {
    let model = common::load_japan_russia();
    let node_ids = |p: &Value| -> Vec<String> { array(&p["nodes"]).iter().map(text_of).collect() };
    let plain = json(&["path", &graph(), "Canada", "kuril_dispute", "--json"]);
    let plain_nodes = node_ids(&array(&plain)[0]);
    let middle = plain_nodes[1].clone();

    let avoiding = json(&["path", &graph(), "Canada", "kuril_dispute", "--avoid", &middle, "-k", "3", "--json"]);
    assert!(!array(&avoiding).is_empty());
    for p in array(&avoiding) {
        check_path(&model, p, "canada", "kuril_dispute");
        assert!(!node_ids(p).contains(&middle), "--avoid {middle}: {p}");
    }

    let kind_of = |id: &str| model.node(id).expect("a node").kind;
    let no_countries = json(&["path", &graph(), "Canada", "kuril_dispute", "--avoid-kind", "country", "--json"]);
    assert_eq!(array(&no_countries).len(), 1);
    let nodes = node_ids(&array(&no_countries)[0]);
    check_path(&model, &array(&no_countries)[0], "canada", "kuril_dispute");
    assert!(nodes[1..nodes.len() - 1].iter().all(|n| kind_of(n) != NodeKind::Country), "{nodes:?}");
    assert!(plain_nodes[1..plain_nodes.len() - 1].iter().any(|n| kind_of(n) == NodeKind::Country), "not a real test");

    let abe = id_of(&model, "Abe");
    assert!(!plain_nodes.contains(&abe), "not a real test");
    let via = json(&["path", &graph(), "Canada", "kuril_dispute", "--via", "Abe", "--json"]);
    let nodes = node_ids(&array(&via)[0]);
    check_path(&model, &array(&via)[0], "canada", "kuril_dispute");
    assert!(nodes.contains(&abe), "--via Abe: {nodes:?}");
}

#[test]
fn path_human_output_draws_the_chain() {
    let model = common::load_japan_russia();
    let out = ok(&["path", &graph(), "Canada", "kuril_dispute"]);
    assert!(out.contains('—') && out.contains('→'), "{out}");
    let canada = &model.node("canada").expect("canada").name;
    let dispute = &model.node("kuril_dispute").expect("dispute").name;
    let chain = out.lines().nth(1).expect("a chain line").trim();
    assert!(chain.starts_with(canada.as_str()) && chain.ends_with(dispute.as_str()), "{out}");
}

// ---------------------------------------------------------------- centrality

#[test]
fn centrality_json_lists_every_node_sorted_and_equal_to_the_library() {
    let model = common::load_japan_russia();
    let view = GraphView::new(&model, &ViewOptions::undirected());
    for (name, measure) in [("betweenness", Measure::Betweenness), ("degree", Measure::Degree)] {
        let listing = json(&["centrality", &graph(), "--measure", name, "--json"]);
        let rows = array(&listing);
        assert_eq!(rows.len(), model.node_count());
        for row in rows {
            let node = model.node(text(&row["id"])).expect("a model node");
            assert_eq!(row["name"], node.name.as_str());
            assert_eq!(row["kind"], node.kind.as_str());
        }
        let order: Vec<(f64, &str)> = rows.iter().map(|r| (number(&r["score"]), text(&r["id"]))).collect();
        for w in order.windows(2) {
            assert!(w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1), "{name}: {:?} before {:?}", w[0], w[1]);
        }
        let library = centrality::compute(&view, measure, &CentralityOptions::default()).expect("computes");
        let printed = scores(&listing);
        assert_eq!(printed.len(), model.node_count(), "ids repeat");
        for (i, node) in model.nodes().enumerate() {
            let want = library.values()[i];
            assert!((printed[&node.id] - want).abs() < 1e-12, "{name} {}: {} vs {want}", node.id, printed[&node.id]);
        }
    }
}

#[test]
fn centrality_on_networkx_fixtures_equals_networkx() {
    let measures = ["betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "degree", "katz"];
    for name in ["karate", "florentine", "lesmis"] {
        let (expected, file) = fixture(name);
        let weighted = expected["weighted"].as_bool().expect("weighted flag");
        for measure in measures {
            let mut runs = vec![(measure.to_owned(), false)];
            if weighted && expected["centrality"].get(format!("{measure}_weighted")).is_some() {
                runs.push((format!("{measure}_weighted"), true));
            }
            for (key, with_weights) in runs {
                let want = &expected["centrality"][&key];
                let Some(want) = want.as_object() else { continue };
                let mut args = vec!["centrality", &file, "--measure", measure, "--json"];
                if with_weights {
                    args.push("--weighted");
                }
                let got = scores(&json(&args));
                assert_eq!(got.len(), want.len(), "{name} {key}: node count");
                let tol = 1e-9;
                for (id, w) in want {
                    let g = got.get(id).unwrap_or_else(|| panic!("{name} {key}: {id} missing"));
                    assert!((g - number(w)).abs() <= tol, "{name} {key} {id}: {g} vs NetworkX {w}");
                }
            }
        }
    }
}

#[test]
fn centrality_top_all_and_sampling() {
    let (expected, file) = fixture("karate");
    let full = json(&["centrality", &file, "--measure", "betweenness", "--json"]);
    let top = json(&["centrality", &file, "--measure", "betweenness", "--top", "3", "--json"]);
    assert_eq!(array(&top).len(), 3);
    assert_eq!(array(&top)[..], array(&full)[..3]);

    let all = json(&["centrality", &file, "--measure", "all", "--json"]);
    assert_eq!(array(&all).len(), 34);
    for row in array(&all) {
        let id = text(&row["id"]);
        let table = row["scores"].as_object().unwrap_or_else(|| panic!("no scores object: {row}"));
        for key in ["degree", "betweenness", "closeness", "harmonic"] {
            let want = number(&expected["centrality"][key][id]);
            assert!((number(&table[key]) - want).abs() < 1e-9, "all/{key} {id}");
        }
        assert!((number(&table["pagerank"]) - number(&expected["centrality"]["pagerank"][id])).abs() < 1e-9);
    }

    let sampled = ["centrality", &file, "--measure", "betweenness", "--sample", "8", "--seed", "7", "--json"];
    let once = ok(&sampled);
    assert_eq!(once, ok(&sampled), "the same seed must give the same estimate");
    let estimate = scores(&serde_json::from_str(&once).expect("JSON"));
    let exact = expected["centrality"]["betweenness"].as_object().expect("exact values");
    assert!(exact.iter().any(|(id, w)| (estimate[id] - number(w)).abs() > 1e-9), "8 of 34 pivots cannot be exact");

    let everyone = scores(&json(&["centrality", &file, "--measure", "betweenness", "--sample", "34", "--json"]));
    for (id, w) in exact {
        assert!((everyone[id] - number(w)).abs() < 1e-9, "--sample n {id}: {} vs {w}", everyone[id]);
    }
}

// ---------------------------------------------------------------- structure

#[test]
fn components_sizes_sum_to_the_node_count_and_match_a_search() {
    let model = common::load_japan_russia();
    let listing = json(&["components", &graph(), "--json"]);
    let sizes: Vec<usize> = array(&listing).iter().map(|c| c["size"].as_u64().expect("a size") as usize).collect();
    assert_eq!(sizes.iter().sum::<usize>(), model.node_count());
    let printed: BTreeSet<BTreeSet<String>> = array(&listing)
        .iter()
        .map(|c| {
            let nodes = id_set(&c["nodes"]);
            assert_eq!(nodes.len(), c["size"].as_u64().expect("a size") as usize);
            nodes
        })
        .collect();
    let searched: BTreeSet<BTreeSet<String>> =
        brute_components(&model, None).iter().map(|p| ids_of(&model, p)).collect();
    assert_eq!(printed, searched);
    assert!(printed.len() >= 2 && printed.iter().any(|p| p.contains("miller")), "{printed:?}");
}

#[test]
fn brokers_are_exactly_the_nodes_whose_removal_splits_their_component() {
    let model = common::load_japan_russia();
    let listing = json(&["brokers", &graph(), "--json"]);
    let whole = brute_components(&model, None);
    let mut expected = BTreeMap::new();
    for v in 0..model.node_count() {
        let without = brute_components(&model, Some(v));
        let home = whole.iter().find(|p| p.contains(&v)).expect("v is somewhere");
        let pieces: BTreeSet<BTreeSet<String>> =
            without.iter().filter(|p| p.is_subset(home)).map(|p| ids_of(&model, p)).collect();
        if pieces.len() > 1 {
            expected.insert(model.graph()[petgraph::graph::NodeIndex::new(v)].id.clone(), pieces);
        }
    }
    assert!(!expected.is_empty());
    let printed: BTreeMap<String, BTreeSet<BTreeSet<String>>> = array(&listing["articulation_points"])
        .iter()
        .map(|c| (text_of(&c["id"]), array(&c["parts"]).iter().map(id_set).collect()))
        .collect();
    assert_eq!(printed.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    assert_eq!(printed, expected);
}

#[test]
fn ego_writes_the_centre_and_its_neighbours_as_a_valid_model() {
    let model = common::load_japan_russia();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("ego.ron");
    let out_text = out.display().to_string();
    ok(&["ego", &graph(), "Kuril Islands dispute", "--depth", "1", "-o", &out_text]);
    let check = ok(&["check", &out_text]);
    assert!(check.contains(": ok ("), "{check}");
    let centre = model.index_of("kuril_dispute").expect("the dispute");
    let mut expected: BTreeSet<String> =
        model.incident(centre).into_iter().map(|(_, other, _)| model.graph()[other].id.clone()).collect();
    expected.insert("kuril_dispute".to_owned());
    let ego = relgraph::io::ron::load(&out).expect("the ego model loads");
    let got: BTreeSet<String> = ego.nodes().map(|n| n.id.clone()).collect();
    assert_eq!(got, expected);
    assert!(got.len() > 2 && got.len() < model.node_count());
    let induced: Vec<&relgraph::Edge> =
        model.edges().filter(|e| expected.contains(&e.from) && expected.contains(&e.to)).collect();
    assert_eq!(ego.edges().collect::<Vec<_>>(), induced, "the ego model keeps every tie among its nodes");
}

#[test]
fn ego_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("model.ron");
    std::fs::copy(common::japan_russia(), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let path = input.display().to_string();
    let output = relgraph(&["ego", &path, "Japan", "-o", &path]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("overwrite"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&input).expect("read"), before);
}

// ---------------------------------------------------------------- balance

#[test]
fn balance_counts_are_consistent_and_unbalanced_triangles_have_odd_negatives() {
    let report = json(&["balance", &graph(), "--json"]);
    let triangles = report["triangles"].as_u64().expect("triangles");
    let balanced = report["balanced"].as_u64().expect("balanced");
    let unbalanced = array(&report["unbalanced"]);
    assert!(triangles > 0 && balanced <= triangles);
    assert_eq!(balanced + unbalanced.len() as u64, triangles);
    assert!((number(&report["share_balanced"]) - balanced as f64 / triangles as f64).abs() < 1e-12);
    assert!(!unbalanced.is_empty(), "the shipped graph has unbalanced triangles");
    for t in unbalanced {
        let negatives = array(&t["ties"]).iter().filter(|tie| tie["sign"] == -1).count();
        assert_eq!(negatives % 2, 1, "an unbalanced triangle needs an odd number of conflictual ties: {t}");
        let nodes = id_set(&t["nodes"]);
        let ends: BTreeSet<String> =
            array(&t["ties"]).iter().flat_map(|tie| [text_of(&tie["a"]), text_of(&tie["b"])]).collect();
        assert_eq!(nodes, ends, "{t}");
    }
}

#[test]
fn balance_of_hand_made_triads() {
    let camps = |report: &Value| -> BTreeSet<BTreeSet<String>> {
        array(&report["bipartition"]["camps"]).iter().map(id_set).collect()
    };
    let friends_against_c = temp_model(triad("opposes", "opposes").as_bytes());
    let report = json(&["balance", &friends_against_c.path().display().to_string(), "--json"]);
    assert_eq!((report["triangles"].as_u64(), report["balanced"].as_u64()), (Some(1), Some(1)));
    assert_eq!(report["share_balanced"].as_f64(), Some(1.0));
    assert!(array(&report["unbalanced"]).is_empty());
    assert_eq!(report["bipartition"]["balanced"], true);
    assert!(array(&report["bipartition"]["frustrated"]).is_empty());
    let want: BTreeSet<BTreeSet<String>> =
        [["a", "b"].iter().map(|s| s.to_string()).collect(), ["c".to_string()].into()].into();
    assert_eq!(camps(&report), want);

    let one_enemy = temp_model(triad("cooperates_with", "opposes").as_bytes());
    let report = json(&["balance", &one_enemy.path().display().to_string(), "--json"]);
    assert_eq!((report["triangles"].as_u64(), report["balanced"].as_u64()), (Some(1), Some(0)));
    assert_eq!(report["share_balanced"].as_f64(), Some(0.0));
    let unbalanced = array(&report["unbalanced"]);
    assert_eq!(unbalanced.len(), 1);
    assert_eq!(id_set(&unbalanced[0]["nodes"]), ["a", "b", "c"].iter().map(|s| s.to_string()).collect());
    assert_eq!(report["bipartition"]["balanced"], false);
    assert_eq!(array(&report["bipartition"]["frustrated"]).len(), 1, "one tie stands in the way");
}

// ---------------------------------------------------------------- timeline and diff

#[test]
fn timeline_json_is_sorted_by_date_and_lists_every_dated_end() {
    let model = common::load_japan_russia();
    let events = json(&["timeline", &graph(), "--json"]);
    let dates: Vec<PartialDate> = array(&events).iter().map(|e| text(&e["date"]).parse().expect("a date")).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "timeline not sorted by date");
    let starts = model.edges().filter(|e| e.since.is_some()).count();
    let ends = model.edges().filter(|e| e.until.is_some()).count();
    assert_eq!(array(&events).iter().filter(|e| e["event"] == "started").count(), starts);
    assert_eq!(array(&events).iter().filter(|e| e["event"] == "ended").count(), ends);
    assert!(starts > 1);
}

#[test]
fn diff_appeared_and_ended_are_the_ties_in_force_at_one_date_only() {
    let model = common::load_japan_russia();
    let (from, to): (PartialDate, PartialDate) =
        ("2014-03-17".parse().expect("date"), "2014-07-31".parse().expect("date"));
    let report = json(&["diff", &graph(), "--from", "2014-03-17", "--to", "2014-07-31", "--json"]);
    let listed = |key: &str| -> Vec<Tie> {
        array(&report[key])
            .iter()
            .map(|e| (text_of(&e["from"]), text_of(&e["to"]), text_of(&e["kind"]), e.get("since").map(text_of)))
            .collect()
    };
    // A tie is part of the model on a date when it and both its ends are in force then,
    // exactly what Model::at keeps.
    let present = |e: &relgraph::Edge, at: &PartialDate| {
        let node = |id: &str| model.node_by_id(id).is_some_and(|n| n.in_force(at));
        e.in_force(at) && node(&e.from) && node(&e.to)
    };
    let appeared = library_of(&model, &|e| !present(e, &from) && present(e, &to));
    assert!(!appeared.is_empty());
    assert_eq!(listed("appeared"), appeared);
    assert_eq!(listed("ended"), library_of(&model, &|e| present(e, &from) && !present(e, &to)));
    // Cross-check with Model::at: the ties of the model at `to` that were not there at `from`.
    let at_from = library_of(&model.at(&from), &|_| true);
    let at_to: Vec<Tie> = library_of(&model.at(&to), &|_| true).into_iter().filter(|t| !at_from.contains(t)).collect();
    assert_eq!(listed("appeared"), at_to);
}

type Tie = (String, String, String, Option<String>);

fn library_of(model: &Model, keep: &dyn Fn(&relgraph::Edge) -> bool) -> Vec<Tie> {
    model
        .edges()
        .filter(|e| keep(e))
        .map(|e| (e.from.clone(), e.to.clone(), e.kind.as_str().to_owned(), e.since.map(|d| d.to_string())))
        .collect()
}

// ---------------------------------------------------------------- export

#[test]
fn export_dot_parses_and_names_every_node() {
    let model = common::load_japan_russia();
    let dot = ok(&["export", &graph(), "--format", "dot"]);
    let (nodes, edges) = parse_dot(&dot);
    let tooltips: BTreeSet<String> = nodes.values().filter_map(|a| attr(a, "tooltip")).collect();
    for node in model.nodes() {
        assert!(tooltips.contains(&node.name), "{} missing from the DOT", node.name);
    }
    assert!(edges.len() >= model.edge_count() / 2, "too few edges: {}", edges.len());
}

#[test]
fn export_builtin_svg_is_xml_naming_every_node() {
    let model = common::load_japan_russia();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.svg");
    ok(&["export", &graph(), "-o", &out.display().to_string(), "--renderer", "builtin"]);
    let svg = std::fs::read_to_string(&out).expect("the SVG is written");
    let titles: BTreeSet<String> = xml_titles(&svg).into_iter().collect();
    for node in model.nodes() {
        assert!(titles.contains(&node.name), "{} missing from the SVG", node.name);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "output mode {mode:o}");
    }
}

#[test]
fn export_focus_draws_only_the_neighbourhood() {
    let model = common::load_japan_russia();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("kuril.svg");
    let args = ["export", &graph(), "--focus", "Kuril Islands dispute", "--depth", "1", "--renderer", "builtin", "-o"];
    ok(&[&args[..], &[&out.display().to_string()]].concat());
    let svg = std::fs::read_to_string(&out).expect("the SVG is written");
    let titles: BTreeSet<String> = xml_titles(&svg).into_iter().collect();
    assert!(titles.contains("Kuril Islands dispute"), "{titles:?}");
    assert!(!svg.contains("J. Berkshire Miller"));
    let centre = model.index_of("kuril_dispute").expect("the dispute");
    for (_, other, _) in model.incident(centre) {
        assert!(titles.contains(&model.graph()[other].name), "{} missing", model.graph()[other].name);
    }
}

#[test]
fn export_highlight_path_draws_the_path_bold() {
    let model = common::load_japan_russia();
    let plain = ok(&["export", &graph(), "--format", "dot"]);
    let marked =
        ok(&["export", &graph(), "--format", "dot", "--highlight-path", "Canada", "kuril_dispute", "--strongest"]);
    assert_ne!(plain, marked);
    let path = json(&["path", &graph(), "Canada", "kuril_dispute", "--strongest", "--json"]);
    let name = |id: &str| model.node(id).expect("a node").name.clone();
    let want: BTreeSet<BTreeSet<String>> =
        path_edges(&array(&path)[0]).into_iter().map(|(f, t, _)| [name(&f), name(&t)].into()).collect();
    assert!(!want.is_empty());
    let bold = |dot: &str| -> BTreeSet<BTreeSet<String>> {
        let (nodes, edges) = parse_dot(dot);
        let label = |id: &String| nodes.get(id).and_then(|a| attr(a, "tooltip")).unwrap_or_else(|| id.clone());
        edges
            .iter()
            .filter(|(_, a)| attr(a, "style").is_some_and(|s| s.split(',').any(|p| p == "bold")))
            .map(|(ends, _)| ends.iter().map(label).collect())
            .collect()
    };
    assert!(bold(&plain).is_empty(), "nothing is bold without --highlight-path");
    assert_eq!(bold(&marked), want);
}

#[test]
fn export_graphviz_without_graphviz_fails_with_an_install_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("g.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["export", &graph(), "--renderer", "graphviz", "-o", &out.display().to_string()])
        .env("PATH", dir.path())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("not found on PATH") && err.contains("install graphviz"), "{err}");
    assert!(!out.exists());
}

#[test]
fn export_graphviz_svg_is_xml_when_graphviz_is_installed() {
    if !relgraph::export::graphviz::is_installed() {
        println!("skipped: Graphviz `dot` is not on PATH");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("g.svg");
    let args = ["export", &graph(), "--focus", "Canada", "--renderer", "graphviz", "--layout", "dot", "-o"];
    ok(&[&args[..], &[&out.display().to_string()]].concat());
    let svg = std::fs::read_to_string(&out).expect("the SVG is written");
    let titles = xml_titles(&svg);
    assert!(svg.contains("<svg") && !titles.is_empty());
}

#[test]
fn export_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("japan_russia_2014.ron");
    std::fs::copy(common::japan_russia(), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let path = input.display().to_string();
    let sneaky = dir.path().join(".").join("japan_russia_2014.ron").display().to_string();
    for target in [&path, &sneaky] {
        let output = relgraph(&["export", &path, "-o", target]);
        assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
        assert!(stderr(&output).contains("refusing to overwrite"), "{}", stderr(&output));
        assert_eq!(std::fs::read(&input).expect("read"), before);
    }
}

#[test]
fn export_neo4j_without_an_output_folder_is_a_usage_error() {
    let output = relgraph(&["export", &graph(), "--format", "neo4j"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("-o"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[test]
fn export_then_import_gives_back_the_same_model() {
    let model = common::load_japan_russia();
    let dir = tempfile::tempdir().expect("temp dir");
    for extension in ["graphml", "json"] {
        let exported = dir.path().join(format!("model.{extension}"));
        let back = dir.path().join(format!("back-{extension}.ron"));
        ok(&["export", &graph(), "-o", &exported.display().to_string()]);
        ok(&["import", &exported.display().to_string(), "-o", &back.display().to_string()]);
        let again = relgraph::io::ron::load(&back).expect("the imported model loads");
        assert_eq!(again, model, "{extension} round trip");
    }
}

#[test]
fn import_of_an_edge_list_gives_actors_and_related_to_ties() {
    let (_, file) = fixture("karate");
    let ron = ok(&["import", &file]);
    let model = relgraph::io::ron::parse(&ron, Path::new("import.ron")).unwrap_or_else(|d| panic!("{}", d.render()));
    // Read the file independently: data lines after the header.
    let lines: Vec<(String, String)> = std::fs::read_to_string(&file)
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let mut fields = l.split('\t');
            (fields.next().expect("source").to_owned(), fields.next().expect("target").to_owned())
        })
        .collect();
    let names: BTreeSet<&String> = lines.iter().flat_map(|(a, b)| [a, b]).collect();
    assert_eq!(model.node_count(), names.len());
    assert!(model.nodes().all(|n| n.kind == NodeKind::Actor && names.contains(&n.id) && n.name == n.id));
    let edges: Vec<(String, String)> = model.edges().map(|e| (e.from.clone(), e.to.clone())).collect();
    assert_eq!(edges, lines);
    assert!(model.edges().all(|e| e.kind == EdgeKind::RelatedTo));
}

// ---------------------------------------------------------------- help

#[test]
fn every_analysis_subcommand_help_has_examples() {
    for command in
        ["path", "centrality", "components", "brokers", "ego", "balance", "timeline", "diff", "export", "import"]
    {
        let out = ok(&[command, "--help"]);
        assert!(out.contains("Examples"), "`{command} --help` has no examples:\n{out}");
        assert!(out.contains(&format!("relgraph {command} ")), "`{command} --help` examples do not run {command}");
    }
}

// ---------------------------------------------------------------- threads

#[test]
fn results_are_the_same_on_one_thread_and_on_many() {
    for name in ["karate", "lesmis", "scale_free_directed"] {
        let (_, file) = fixture(name);
        for extra in [&[][..], &["--weighted"][..], &["--directed"][..]] {
            let mut args = vec!["centrality", file.as_str(), "--measure", "all", "--json"];
            args.extend_from_slice(extra);
            let many = ok(&args);
            args.extend_from_slice(&["--threads", "1"]);
            assert_eq!(ok(&args), many, "{name} {extra:?}");
        }
    }
}
