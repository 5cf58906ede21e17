//! Integration tests: the plain networks of `relgraph::api::Network` (what the NetworkX
//! backend hands over) against NetworkX: edge betweenness and shortest-path lengths.
//!
//! `tests/fixtures/networkx/generate.py` wrote each graph's edge list and NetworkX's values
//! (`edge_betweenness`: exact, unnormalised, weighted, and from the k pivots NetworkX's
//! seeded sampling draws; `distances`: `shortest_path_length` from sources and to targets).
//! The network is built from the edge list as the backend builds it from a NetworkX graph:
//! nodes in order, ties as index pairs with their weights.

use std::collections::HashMap;
use std::path::PathBuf;

use relgraph::api::Network;
use relgraph::io::edgelist;
use serde_json::Value;

const GRAPHS: [&str; 5] = ["karate", "florentine", "lesmis", "gnp_directed", "scale_free_directed"];

struct Fixture {
    name: &'static str,
    json: Value,
    /// Node id → index.
    index: HashMap<String, u32>,
    /// Tie (tail, head) → position in the order given to the network.
    ties: HashMap<(u32, u32), usize>,
    directed: bool,
    plain: Network,
    weighted: Network,
}

fn fixture(name: &'static str) -> Fixture {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/networkx");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap()).unwrap();
    let list = edgelist::read_list(&dir.join(json["file"].as_str().unwrap())).unwrap();
    let n = list.node_count();
    let index: HashMap<String, u32> = (0..n).map(|i| (list.label(i).unwrap().to_string(), i as u32)).collect();
    let (mut sources, mut targets, mut weights) = (Vec::new(), Vec::new(), Vec::new());
    let mut ties = HashMap::new();
    for i in 0..list.edge_count() {
        let (a, b) = list.ends(i);
        ties.insert((a, b), i);
        sources.push(a);
        targets.push(b);
        weights.push(list.weight(i).unwrap_or(1.0));
    }
    let directed = json["directed"].as_bool().unwrap();
    let plain = Network::new(n, &sources, &targets, None, directed).unwrap();
    let weighted = Network::new(n, &sources, &targets, Some(&weights), directed).unwrap();
    Fixture { name, json, index, ties, directed, plain, weighted }
}

impl Fixture {
    fn node(&self, id: &Value) -> u32 {
        self.index[id.as_str().unwrap()]
    }

    /// The tie NetworkX lists as (u, v): as written, or reversed on an undirected graph.
    fn tie(&self, u: u32, v: u32) -> usize {
        match (self.ties.get(&(u, v)), self.ties.get(&(v, u))) {
            (Some(&t), _) => t,
            (None, Some(&t)) if !self.directed => t,
            _ => panic!("{}: no tie {u}-{v}", self.name),
        }
    }
}

fn close(what: &str, got: f64, want: f64) {
    assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{what}: got {got}, NetworkX {want}");
}

fn check_edges(f: &Fixture, key: &str, got: &[f64]) -> usize {
    let Some(expected) = f.json["edge_betweenness"][key].as_array() else { return 0 };
    assert_eq!(expected.len(), got.len(), "{} {key}: one value per tie", f.name);
    for row in expected {
        let (u, v) = (f.node(&row[0]), f.node(&row[1]));
        close(&format!("{} {key} {}-{}", f.name, row[0], row[1]), got[f.tie(u, v)], row[2].as_f64().unwrap());
    }
    expected.len()
}

#[test]
fn edge_betweenness_matches_networkx() {
    let mut compared = 0;
    for name in GRAPHS {
        let f = fixture(name);
        compared += check_edges(&f, "normalized", &f.plain.edge_betweenness(None, false, true));
        compared += check_edges(&f, "raw", &f.plain.edge_betweenness(None, false, false));
        compared += check_edges(&f, "weighted_normalized", &f.weighted.edge_betweenness(None, true, true));
        compared += check_edges(&f, "weighted_raw", &f.weighted.edge_betweenness(None, true, false));
        let e = &f.json["edge_betweenness"];
        let pivots: Vec<u32> = e["pivots"].as_array().unwrap().iter().map(|p| f.node(p)).collect();
        assert_eq!(pivots.len() as u64, e["k"].as_u64().unwrap());
        compared += check_edges(&f, "sampled_normalized", &f.plain.edge_betweenness(Some(&pivots), false, true));
        compared += check_edges(&f, "sampled_raw", &f.plain.edge_betweenness(Some(&pivots), false, false));
    }
    assert!(compared > 3000, "only {compared} values compared");
}

#[test]
fn shortest_path_lengths_match_networkx() {
    let mut compared = 0;
    for name in GRAPHS {
        let f = fixture(name);
        let ids: HashMap<u32, &str> = f.index.iter().map(|(id, &i)| (i, id.as_str())).collect();
        for case in f.json["distances"].as_array().unwrap() {
            for (key, network, weighted) in [("hops", &f.plain, false), ("weighted", &f.weighted, true)] {
                let Some(expected) = case[key].as_object() else { continue };
                let (got, end) = match (case.get("source"), case.get("target")) {
                    (Some(s), _) => (network.distances_from(f.node(s) as usize, weighted), s),
                    (_, Some(t)) => (network.distances_to(f.node(t) as usize, weighted), t),
                    _ => panic!("{name}: a case names a source or a target"),
                };
                let what = format!("{name} {key} {end}");
                assert_eq!(got.len(), expected.len(), "{what}: nodes reached");
                assert_eq!(got[0], (f.node(end), 0.0), "{what}: the end itself comes first");
                for &(v, d) in &got {
                    let want = expected[ids[&v]].as_f64().unwrap_or_else(|| panic!("{what}: {} unreached", ids[&v]));
                    close(&format!("{what} {}", ids[&v]), d, want);
                    // The single-pair length agrees with the single-source one (up to the
                    // order the weights were added in, when the search ran backwards).
                    let (s, t) = if case.get("source").is_some() { (f.node(end), v) } else { (v, f.node(end)) };
                    let pair = network.distance(s as usize, t as usize, weighted);
                    close(&format!("{what} {s}-{t}"), pair.unwrap_or(f64::NAN), d);
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 1000, "only {compared} values compared");
}

#[test]
fn unreachable_pairs_have_no_length() {
    // scale_free_directed has nodes no other node reaches (sources of the preferential
    // attachment); NetworkX's lists from a source leave them out.
    let f = fixture("scale_free_directed");
    let from = f.plain.distances_from(0, false);
    let reached: Vec<u32> = from.iter().map(|&(v, _)| v).collect();
    let unreached = (0..f.index.len() as u32).find(|v| !reached.contains(v)).expect("some node is unreached");
    assert_eq!(f.plain.distance(0, unreached as usize, false), None);
}
