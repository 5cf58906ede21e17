//! Integration tests: analysis results against NetworkX reference values.
//!
//! `tests/fixtures/networkx/generate.py` wrote each graph as an edge list (`<name>.tsv`) and
//! NetworkX's results as `<name>.json`. These tests read the edge list with relgraph's own
//! reader and compare every value: within 1e-9, or 1e-6 for the power iterations
//! (eigenvector, PageRank, Katz), whose stopping rule leaves that much slack.

use std::path::PathBuf;

use relgraph::analysis::centrality::{self, CentralityOptions, Measure};
use relgraph::analysis::{GraphView, ViewOptions};
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
    let model = edgelist::read(&dir().join(format!("{name}.tsv"))).expect("edge list reads");
    let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).expect("json exists");
    let json: Value = serde_json::from_str(&text).expect("json parses");
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
    max_diff: f64,
}

impl Tally {
    fn check(&mut self, what: &str, got: f64, want: f64, tol: f64) {
        let diff = (got - want).abs();
        assert!(diff <= tol, "{what}: got {got}, NetworkX {want} (diff {diff:e} > {tol:e})");
        self.compared += 1;
        self.max_diff = self.max_diff.max(diff);
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
        let tol = match measure {
            Measure::Eigenvector | Measure::PageRank | Measure::Katz => 1e-6,
            _ => 1e-9,
        };
        let expected = expected.as_object().unwrap();
        assert_eq!(expected.len(), f.model.node_count(), "{} {key}: node count", f.name);
        for (id, want) in expected {
            let node = f.model.index_of(id).unwrap_or_else(|| panic!("{}: node {id} missing", f.name));
            let got = scores.get(node).unwrap();
            tally.check(&format!("{} {key} {id}", f.name), got, want.as_f64().unwrap(), tol);
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
    eprintln!("centrality: {} values compared, max abs diff {:e}", tally.compared, tally.max_diff);
}
