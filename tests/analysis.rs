//! Integration tests: analysis results against NetworkX reference values.
//!
//! `tests/fixtures/networkx/generate.py` wrote each graph as an edge list (`.tsv` or quoted
//! `.csv`; Les Misérables' labels hold spaces and accents) and
//! NetworkX's results as `<name>.json`. These tests read the edge list with relgraph's own
//! reader and compare every value within 1e-9, the power iterations (eigenvector,
//! PageRank, Katz) included: both sides run them to the fixed point.

use std::path::PathBuf;

use relgraph::analysis::centrality::{self, CentralityOptions, Measure};
use relgraph::analysis::path::{self, Path, PathMode, PathQuery};
use relgraph::analysis::{structure, GraphView, ViewOptions};
use relgraph::io::edgelist;
use relgraph::Model;
use serde_json::Value;

const GRAPHS: [&str; 5] = ["karate", "florentine", "lesmis", "gnp_directed", "scale_free_directed"];

struct Fixture {
    name: &'static str,
    model: Model,
    view: GraphView,
    json: Value,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/networkx")
}

fn fixture(name: &'static str) -> Fixture {
    let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).expect("json exists");
    let json: Value = serde_json::from_str(&text).expect("json parses");
    let file = json["file"].as_str().expect("json names its edge list");
    let model = edgelist::read(&dir().join(file)).expect("edge list reads");
    assert_eq!(model.node_count(), json["nodes"].as_array().unwrap().len(), "{name}: nodes");
    let directed = json["directed"].as_bool().unwrap();
    // Edge-list ties are `related_to`, symmetric by schema: follow the file's direction.
    let view = GraphView::new(&model, &ViewOptions::directed().with_strict_direction(true));
    let view = if directed { view } else { GraphView::new(&model, &ViewOptions::undirected()) };
    Fixture { name, model, view, json }
}

/// Counts compared values and the largest absolute difference seen.
#[derive(Default)]
struct Tally {
    compared: usize,
    /// Largest difference among the path-based values.
    max_diff: f64,
    /// Largest difference among the power-iteration values.
    max_diff_iterative: f64,
}

impl Tally {
    fn check(&mut self, what: &str, got: f64, want: f64, tol: f64, iterative: bool) {
        let diff = (got - want).abs();
        assert!(diff <= tol, "{what}: got {got}, NetworkX {want} (diff {diff:e} > {tol:e})");
        self.compared += 1;
        if iterative {
            self.max_diff_iterative = self.max_diff_iterative.max(diff);
        } else {
            self.max_diff = self.max_diff.max(diff);
        }
    }
}

fn measure_of(key: &str) -> (Measure, bool) {
    let weighted = key.ends_with("_weighted");
    let measure = match key.trim_end_matches("_weighted") {
        "degree" => Measure::Degree,
        "in_degree" => Measure::InDegree,
        "out_degree" => Measure::OutDegree,
        "betweenness" => Measure::Betweenness,
        "closeness" => Measure::Closeness,
        "harmonic" => Measure::Harmonic,
        "eigenvector" => Measure::Eigenvector,
        "pagerank" => Measure::PageRank,
        "katz" => Measure::Katz,
        other => panic!("unknown measure {other}"),
    };
    (measure, weighted)
}

fn check_centrality(f: &Fixture, tally: &mut Tally) {
    let table = f.json["centrality"].as_object().unwrap();
    assert!(table.len() >= 7, "{}: too few measures", f.name);
    for (key, expected) in table {
        let (measure, weighted) = measure_of(key);
        let options = CentralityOptions::default().with_weighted(weighted);
        let result = centrality::compute(&f.view, measure, &options);
        if expected.as_str() == Some("error") {
            assert!(result.is_err(), "{} {key}: NetworkX fails to converge, relgraph should too", f.name);
            tally.compared += 1;
            continue;
        }
        let scores = result.unwrap_or_else(|e| panic!("{} {key}: {e}", f.name));
        let iterative = matches!(measure, Measure::Eigenvector | Measure::PageRank | Measure::Katz);
        let expected = expected.as_object().unwrap();
        assert_eq!(expected.len(), f.model.node_count(), "{} {key}: node count", f.name);
        for (id, want) in expected {
            let node = f.model.index_of(id).unwrap_or_else(|| panic!("{}: node {id} missing", f.name));
            let got = scores.get(node).unwrap();
            tally.check(&format!("{} {key} {id}", f.name), got, want.as_f64().unwrap(), 1e-9, iterative);
        }
        // Sampling with k = n must give the exact result.
        if matches!(measure, Measure::Betweenness | Measure::Closeness) {
            let sampled = centrality::compute(&f.view, measure, &options.with_sample(Some((f.model.node_count(), 42))));
            assert_eq!(sampled.unwrap(), scores, "{} {key}: k = n sampling", f.name);
        }
    }
}

#[test]
fn centrality_matches_networkx() {
    let mut tally = Tally::default();
    for name in GRAPHS {
        check_centrality(&fixture(name), &mut tally);
    }
    assert!(tally.compared > 1500, "only {} values compared", tally.compared);
    eprintln!(
        "centrality: {} values compared, max abs diff {:e} (power iterations {:e})",
        tally.compared, tally.max_diff, tally.max_diff_iterative
    );
}

/// Asserts that consecutive nodes are joined by the reported model edge (either way on an
/// undirected view) and returns the path's cost recomputed from the edges.
fn check_real_path(model: &Model, view: &GraphView, p: &Path, mode: PathMode) {
    assert_eq!(p.edges.len() + 1, p.nodes.len());
    let graph = model.graph();
    for (pair, e) in p.nodes.windows(2).zip(&p.edges) {
        let (a, b) = graph.edge_endpoints(*e).expect("edge exists");
        let joins = (a, b) == (pair[0], pair[1]) || (!view.is_directed() && (b, a) == (pair[0], pair[1]));
        assert!(joins, "edge {e:?} does not join {pair:?}");
    }
    let weights = p.edges.iter().map(|&e| graph[e].weight());
    let cost = match mode {
        PathMode::Hops => p.edges.len() as f64,
        PathMode::Weighted => weights.sum(),
        PathMode::Strongest => weights.product(),
    };
    assert!((cost - p.cost).abs() < 1e-12, "cost {} vs edges {cost}", p.cost);
}

fn check_paths(f: &Fixture, tally: &mut Tally) {
    let modes = [("hops", PathMode::Hops), ("weighted", PathMode::Weighted), ("strongest", PathMode::Strongest)];
    for pair in f.json["paths"].as_array().unwrap() {
        let from = f.model.index_of(pair["source"].as_str().unwrap()).unwrap();
        let to = f.model.index_of(pair["target"].as_str().unwrap()).unwrap();
        for (key, mode) in modes {
            let Some(want) = pair.get(key) else { continue };
            let what = format!("{} {key} {from:?}->{to:?}", f.name);
            let q = PathQuery::new(mode);
            let best = path::shortest_path(&f.model, &f.view, from, to, &q).unwrap();
            match (want.as_f64(), &best) {
                (None, None) => tally.compared += 1,
                (Some(w), Some(p)) => tally.check(&what, p.cost, w, 1e-9, false),
                _ => panic!("{what}: NetworkX {want}, relgraph {best:?}"),
            }
            let k_want: Vec<f64> =
                pair[format!("k_{key}")].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
            let k_got = path::k_shortest_paths(&f.model, &f.view, from, to, 5, &q).unwrap();
            assert_eq!(k_got.len(), k_want.len(), "{what}: k paths found");
            for (p, w) in k_got.iter().zip(&k_want) {
                check_real_path(&f.model, &f.view, p, mode);
                tally.check(&format!("{what} k"), p.cost, *w, 1e-9, false);
            }
        }
    }
}

#[test]
fn paths_match_networkx() {
    let mut tally = Tally::default();
    for name in GRAPHS {
        check_paths(&fixture(name), &mut tally);
    }
    assert!(tally.compared > 300, "only {} values compared", tally.compared);
    eprintln!("paths: {} values compared, max abs diff {:e}", tally.compared, tally.max_diff);
}

fn ids(model: &Model, nodes: &[petgraph::graph::NodeIndex]) -> Vec<String> {
    let mut out: Vec<String> = nodes.iter().map(|&i| model.graph()[i].id.clone()).collect();
    out.sort();
    out
}

fn sorted_groups(model: &Model, groups: &[Vec<petgraph::graph::NodeIndex>]) -> Value {
    let mut out: Vec<Vec<String>> = groups.iter().map(|g| ids(model, g)).collect();
    out.sort();
    serde_json::json!(out)
}

#[test]
fn structure_matches_networkx() {
    let mut compared = 0;
    for name in GRAPHS {
        let f = fixture(name);
        let want = &f.json["structure"];
        assert_eq!(sorted_groups(&f.model, &structure::components(&f.view)), want["components"], "{name}");
        let cuts: Vec<_> = structure::articulation_points(&f.view).iter().map(|c| c.node).collect();
        assert_eq!(serde_json::json!(ids(&f.model, &cuts)), want["articulation_points"], "{name}");
        let bridges: Vec<Vec<String>> =
            structure::bridges(&f.view).iter().map(|b| ids(&f.model, &[b.a, b.b])).collect::<Vec<_>>();
        let mut bridges = bridges;
        bridges.sort();
        assert_eq!(serde_json::json!(bridges), want["bridges"], "{name}");
        compared += 3;
        if let Some(strong) = want.get("strong_components") {
            assert_eq!(&sorted_groups(&f.model, &structure::strong_components(&f.view)), strong, "{name}");
            compared += 1;
        }
        // Each cut vertex's parts plus itself make up its component.
        for cut in structure::articulation_points(&f.view) {
            assert!(cut.parts.len() >= 2, "{name}: cut vertex with one part");
        }
    }
    eprintln!("structure: {compared} listings compared");
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use relgraph::{Edge, EdgeKind, Node, NodeKind};

    /// A random graph: node count and weighted arcs between node numbers.
    fn graph() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
        (3usize..12).prop_flat_map(|n| {
            let arc = (0..n, 0..n, 1u32..5).prop_map(|(a, b, w)| (a, b, f64::from(w) / 4.0));
            (Just(n), proptest::collection::vec(arc, 0..30))
        })
    }

    /// Builds a model with nodes added in `order` and edges in `edge_order`.
    fn build(n: usize, arcs: &[(usize, usize, f64)], order: &[usize], edge_order: &[usize]) -> Model {
        let mut m = Model::new("p");
        for &i in order.iter().take(n) {
            m.add_node(Node::new(format!("n{i}"), NodeKind::Actor, format!("n{i}"))).unwrap();
        }
        for &k in edge_order {
            let (a, b, w) = arcs[k];
            let mut e = Edge::new(format!("n{a}"), format!("n{b}"), EdgeKind::RelatedTo);
            e.weight = Some(w);
            m.add_edge(e).unwrap();
        }
        m
    }

    fn by_id(model: &Model, scores: &[f64]) -> std::collections::BTreeMap<String, f64> {
        model.nodes().map(|n| n.id.clone()).zip(scores.iter().copied()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn results_do_not_depend_on_insertion_order((n, arcs) in graph(), seed in any::<u64>(), directed in any::<bool>()) {
            let mut order: Vec<usize> = (0..n).collect();
            let mut edge_order: Vec<usize> = (0..arcs.len()).collect();
            // A seeded shuffle (xorshift) of nodes and edges.
            let mut x = seed | 1;
            let mut next = move |bound: usize| { x ^= x << 13; x ^= x >> 7; x ^= x << 17; (x % bound as u64) as usize };
            for i in (1..order.len()).rev() { order.swap(i, next(i + 1)); }
            for i in (1..edge_order.len()).rev() { edge_order.swap(i, next(i + 1)); }
            let plain = build(n, &arcs, &(0..n).collect::<Vec<_>>(), &(0..arcs.len()).collect::<Vec<_>>());
            let shuffled = build(n, &arcs, &order, &edge_order);
            let options = if directed { ViewOptions::directed().with_strict_direction(true) } else { ViewOptions::undirected() };
            let (v1, v2) = (GraphView::new(&plain, &options), GraphView::new(&shuffled, &options));
            for measure in [Measure::Degree, Measure::Betweenness, Measure::Closeness, Measure::Harmonic, Measure::PageRank] {
                for weighted in [false, true] {
                    let o = CentralityOptions::default().with_weighted(weighted);
                    let a = by_id(&plain, centrality::compute(&v1, measure, &o).unwrap().values());
                    let b = by_id(&shuffled, centrality::compute(&v2, measure, &o).unwrap().values());
                    for (id, x) in &a {
                        prop_assert!((x - b[id]).abs() < 1e-9, "{measure} {id}: {x} vs {}", b[id]);
                    }
                }
            }
            let comps = |m: &Model, v: &GraphView| sorted_groups(m, &structure::components(v));
            prop_assert_eq!(comps(&plain, &v1), comps(&shuffled, &v2));
            let (s1, t1) = (plain.index_of("n0").unwrap(), plain.index_of("n1").unwrap());
            let (s2, t2) = (shuffled.index_of("n0").unwrap(), shuffled.index_of("n1").unwrap());
            let q = PathQuery::new(PathMode::Weighted);
            let k1: Vec<f64> = path::k_shortest_paths(&plain, &v1, s1, t1, 4, &q).unwrap().iter().map(|p| p.cost).collect();
            let k2: Vec<f64> = path::k_shortest_paths(&shuffled, &v2, s2, t2, 4, &q).unwrap().iter().map(|p| p.cost).collect();
            prop_assert_eq!(k1.len(), k2.len());
            for (a, b) in k1.iter().zip(&k2) {
                prop_assert!((a - b).abs() < 1e-9);
            }
        }

        #[test]
        fn k_shortest_paths_are_real_ordered_and_distinct((n, arcs) in graph(), directed in any::<bool>(), s in 0usize..12, t in 0usize..12) {
            let model = build(n, &arcs, &(0..n).collect::<Vec<_>>(), &(0..arcs.len()).collect::<Vec<_>>());
            let options = if directed { ViewOptions::directed().with_strict_direction(true) } else { ViewOptions::undirected() };
            let view = GraphView::new(&model, &options);
            let (s, t) = (petgraph::graph::NodeIndex::new(s % n), petgraph::graph::NodeIndex::new(t % n));
            for mode in [PathMode::Hops, PathMode::Weighted, PathMode::Strongest] {
                let paths = path::k_shortest_paths(&model, &view, s, t, 6, &PathQuery::new(mode)).unwrap();
                for (i, p) in paths.iter().enumerate() {
                    check_real_path(&model, &view, p, mode);
                    prop_assert_eq!(p.nodes.first(), Some(&s));
                    prop_assert_eq!(p.nodes.last(), Some(&t));
                    let mut seen = p.nodes.clone();
                    seen.sort();
                    seen.dedup();
                    prop_assert_eq!(seen.len(), p.nodes.len(), "path repeats a node");
                    if i > 0 {
                        let prev = &paths[i - 1];
                        let ordered = match mode {
                            PathMode::Strongest => p.cost <= prev.cost * (1.0 + 1e-12),
                            _ => p.cost >= prev.cost - 1e-12,
                        };
                        prop_assert!(ordered, "{mode:?}: {} after {}", p.cost, prev.cost);
                    }
                    prop_assert!(paths[..i].iter().all(|q| q.nodes != p.nodes), "repeated path");
                }
                let all = path::all_simple_paths(&model, &view, s, t, 4, 1000, &PathQuery::new(mode)).unwrap();
                for p in &all.paths {
                    check_real_path(&model, &view, p, mode);
                    prop_assert!(p.edges.len() <= 4);
                }
                // Yen's k best agree with brute force over every simple path.
                let every = path::all_simple_paths(&model, &view, s, t, n, 5000, &PathQuery::new(mode)).unwrap();
                if !every.truncated && s != t {
                    let mut costs: Vec<f64> = every.paths.iter().map(|p| p.cost).collect();
                    costs.sort_by(|a, b| if mode == PathMode::Strongest { b.total_cmp(a) } else { a.total_cmp(b) });
                    prop_assert_eq!(costs.len().min(6), paths.len());
                    for (p, c) in paths.iter().zip(&costs) {
                        prop_assert!((p.cost - c).abs() < 1e-9, "{mode:?}: Yen {} vs brute force {c}", p.cost);
                    }
                }
            }
        }
    }
}
