//! Influence: the profile read from models and files, signed strongest paths, `influence`
//! rankings against an independent reference (tests/fixtures/influence/generate.py), and the
//! diagrams that show them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use relgraph::analysis::influence::{self, Method, Strengths, Toward};
use relgraph::analysis::path::{k_shortest_paths, PathMode, PathQuery};
use relgraph::model::{Profile, Sign};
use relgraph::Model;
use serde_json::Value;

use crate::common::{self, array, graph, json, ok, relgraph, stderr, temp_model};

fn fixture() -> PathBuf {
    common::repo().join("tests/fixtures/influence")
}

fn small() -> String {
    fixture().join("small.ron").display().to_string()
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixture().join("expected.json")).expect("expected.json (run generate.py)");
    serde_json::from_str(&text).expect("expected.json is JSON")
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

use crate::common::WEIGHTED as SQUARE;

fn nodes(path: &Value) -> Vec<String> {
    array(&path["nodes"]).iter().map(|v| text(v).to_owned()).collect()
}

#[test]
fn strongest_paths_on_models_read_the_profile_by_hand() {
    let file = temp_model(SQUARE.as_bytes());
    let path = file.path().display().to_string();
    // cooperates_with: CAMEO 06, Goldstein +6.0, both ways: each step is 0.6 × weight.
    let paths = json(&["path", &path, "A", "D", "--strongest", "-k", "3", "--json"]);
    // A–C–D and A–D tie at 0.18; the noisy-or of a single tie, 1 − (1 − 0.18), rounds below
    // 0.18 in floating point, so A–C–D comes first (the map's JavaScript rounds the same).
    let want: [(&[&str], f64); 3] =
        [(&["a", "b", "d"], 0.54 * 0.54), (&["a", "c", "d"], 0.3 * 0.6), (&["a", "d"], 0.6 * 0.3)];
    assert_eq!(array(&paths).len(), 3, "{paths}");
    for (p, (ids, strength)) in array(&paths).iter().zip(want) {
        assert_eq!(nodes(p), ids, "{paths}");
        assert!((number(&p["strength"]) - strength).abs() < 1e-15 * 4.0, "{p}");
        assert_eq!(number(&p["strength"]), number(&p["cost"]));
        assert_eq!(text(&p["sign"]), "support");
        let product: f64 = array(&p["edges"]).iter().map(|e| number(&e["strength"])).product();
        assert_eq!(product, number(&p["strength"]), "{p}");
        for e in array(&p["edges"]) {
            assert!(e.get("from").is_some() && e.get("kind").is_some(), "the old fields stay: {e}");
        }
    }
    // A profile that passes weights through unchanged gives the products of the weights.
    let profile = temp_model(
        b"Profile(rules: [Rule(kind: cooperates_with, cameo: None, goldstein: 10.0, forward: 1.0, backward: 1.0)])",
    );
    let raw = json(&[
        "path",
        &path,
        "A",
        "D",
        "--strongest",
        "-k",
        "3",
        "--profile",
        &profile.path().display().to_string(),
        "--json",
    ]);
    let got: Vec<f64> = array(&raw).iter().map(|p| number(&p["strength"])).collect();
    for (g, w) in got.iter().zip([0.81, 0.5, 0.3]) {
        assert!((g - w).abs() < 1e-12, "{got:?}");
    }
}

#[test]
fn the_readme_question_gets_distinct_strengths_and_signs() {
    let model = common::load_japan_russia();
    let profile = Profile::builtin();
    // Every tie of every date, as the channels below are recomputed from the whole model.
    let paths =
        json(&["path", &graph(), "Canada", "Kuril Islands dispute", "--strongest", "-k", "3", "--all-time", "--json"]);
    let strengths: Vec<f64> = array(&paths).iter().map(|p| number(&p["strength"])).collect();
    assert_eq!(strengths.len(), 3);
    assert!(strengths.windows(2).all(|w| w[0] > w[1]), "distinct and ranked: {strengths:?}");
    for p in array(&paths) {
        let ids = nodes(p);
        let mut sign = Sign::Support;
        for (pair, e) in ids.windows(2).zip(array(&p["edges"])) {
            // Recompute the channel from the model's ties between the two, by the docs' rule.
            let (u, v) = (&pair[0], &pair[1]);
            let (mut plus, mut minus) = (1.0, 1.0);
            for (edge, (from, to)) in model.edges().zip(model.graph().edge_indices().map(|i| {
                let (a, b) = model.graph().edge_endpoints(i).unwrap();
                (model.graph()[a].id.clone(), model.graph()[b].id.clone())
            })) {
                let kinds = (model.node(&from).unwrap().kind, model.node(&to).unwrap().kind);
                let Some(inf) = profile.edge(edge, kinds.0, kinds.1) else { continue };
                let carried = if (&from, &to) == (u, v) {
                    inf.forward
                } else if (&from, &to) == (v, u) {
                    inf.backward
                } else {
                    continue;
                };
                if carried > 0.0 {
                    match inf.sign {
                        Sign::Support => plus *= 1.0 - carried,
                        Sign::Pressure => minus *= 1.0 - carried,
                    }
                }
            }
            let (plus, minus) = (1.0 - plus, 1.0 - minus);
            let (strength, step_sign) = if plus >= minus { (plus, Sign::Support) } else { (minus, Sign::Pressure) };
            assert_eq!(number(&e["strength"]), strength, "{u} → {v} in {p}");
            sign = sign.times(step_sign);
        }
        assert_eq!(text(&p["sign"]), sign.as_str(), "{p}");
    }
    let out = ok(&["path", &graph(), "Canada", "Kuril Islands dispute", "--strongest", "-k", "3"]);
    assert!(out.contains(&format!("strength {:.4} · ", strengths[0])), "{out}");
    assert!(out.contains("support") || out.contains("pressure"), "{out}");
}

fn sides_reference() -> Value {
    let text = std::fs::read_to_string(fixture().join("sides.json")).expect("sides.json (run sides.py)");
    serde_json::from_str(&text).expect("sides.json is JSON")
}

/// A side's strength in a row or the reference, 0 for none.
fn side(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

#[test]
fn rankings_equal_the_independent_reference() {
    let reference = expected();
    let sides = sides_reference();
    let model = relgraph::io::ron::load(&fixture().join("small.ron")).expect("fixture loads");
    let beta = number(&reference["beta"]);
    for target in model.nodes().map(|n| n.id.clone()) {
        // Total: the walk sums of a dense linear solve, scores relative to the largest.
        let rows = json(&["influence", &small(), "--on", &target, "--method", "total", "--json"]);
        let want = &reference["total"]["on"][&target];
        let largest = want.as_object().unwrap().values().map(|v| number(v).abs()).fold(0.0, f64::max);
        let mut listed = 0;
        for row in array(&rows) {
            let w = number(&want[text(&row["id"])]);
            assert!((number(&row["total"]) - w).abs() < 1e-9, "total on {target} by {}: {row} vs {w}", row["id"]);
            assert!((number(&row["score"]) - w.abs() / largest).abs() < 1e-9, "{row}");
            assert_eq!(text(&row["sign"]), if w < 0.0 { "pressure" } else { "support" });
            listed += 1;
        }
        let nonzero = want.as_object().unwrap().values().filter(|v| number(v).abs() > 1e-15).count();
        assert_eq!(listed, nonzero, "every node with influence on {target} is listed");
        let from = json(&["influence", &small(), "--from", &target, "--method", "total", "--json"]);
        for row in array(&from) {
            let w = number(&reference["total"]["from"][&target][text(&row["id"])]);
            assert!((number(&row["total"]) - w).abs() < 1e-9, "total from {target} on {}: {row} vs {w}", row["id"]);
        }
        // Strongest: both sides, every simple path enumerated, direct ties first.
        let best = json(&["influence", &small(), "--on", &target, "--json"]);
        for row in array(&best) {
            let key = format!("{}->{target}", text(&row["id"]));
            let want = &sides[&key];
            let (plus, minus) = (side(&want["support"]), side(&want["pressure"]));
            assert!((number(&row["support"]) - plus).abs() < 1e-12, "{key}: {row} vs {want}");
            assert!((number(&row["pressure"]) - minus).abs() < 1e-12, "{key}: {row} vs {want}");
            assert!((number(&row["score"]) - plus.max(minus)).abs() < 1e-12, "{key}");
            let stance = if plus.min(minus) > 0.0 && plus.min(minus) >= plus.max(minus) / 2.0 {
                "ambivalent"
            } else if plus >= minus {
                "support"
            } else {
                "pressure"
            };
            assert_eq!(text(&row["sign"]), stance, "{key}: {row}");
            for (name, strength) in [("support_path", plus), ("pressure_path", minus)] {
                let p = &row[name];
                assert_eq!(p.is_null(), strength == 0.0, "{key} {name}");
                if !p.is_null() {
                    assert!((number(&p["strength"]) - strength).abs() < 1e-12, "{key} {name}");
                    let product: f64 = array(&p["edges"]).iter().map(|e| number(&e["strength"])).product();
                    assert!((product - strength).abs() < 1e-12, "{key} {name}: {p}");
                    assert_eq!(nodes(p).last(), Some(&target));
                }
            }
            // The strongest single path, sign aside, is still `path --strongest`'s.
            let listed = json(&["path", &small(), text(&row["id"]), &target, "--strongest", "--json"]);
            let strongest = &reference["strongest"][&key];
            assert!((number(&array(&listed)[0]["strength"]) - number(&strongest[0])).abs() < 1e-12, "{key}");
        }
        let reachable = sides.as_object().unwrap().keys().filter(|k| k.ends_with(&format!("->{target}")));
        assert_eq!(array(&best).len(), reachable.count(), "on {target}");
    }
    let out = ok(&["influence", &small(), "--on", "ru", "--method", "total"]);
    assert!(out.contains(&format!("β = {beta:.4}")), "the attenuation is printed: {out}");
}

#[test]
fn influence_on_and_from_work_on_the_shipped_model_and_match_path() {
    let rows = json(&["influence", &graph(), "--on", "Russia", "--top", "4", "--json"]);
    // --top 4 keeps four of each group: outside, through their own state, Russia's own.
    let groups = |r: &Value| (r["internal"].as_bool().unwrap(), r["through"].is_null());
    for g in [(false, true), (false, false), (true, true)] {
        assert_eq!(array(&rows).iter().filter(|r| groups(r) == g).count(), 4, "{g:?}: {rows}");
    }
    for row in array(&rows) {
        for key in [
            "id",
            "name",
            "kind",
            "score",
            "sign",
            "path",
            "support",
            "pressure",
            "support_path",
            "pressure_path",
            "internal",
        ] {
            assert!(row.get(key).is_some(), "{key} missing: {row}");
        }
        let path = &row["path"];
        assert_eq!(nodes(path).last().map(String::as_str), Some("russia"));
        assert_eq!(number(&path["strength"]), number(&row["score"]));
        assert_eq!(number(&row["score"]), number(&row["support"]).max(number(&row["pressure"])));
        // No single path is stronger than the strongest of `path --strongest`.
        let listed = json(&["path", &graph(), text(&row["id"]), "russia", "--strongest", "-k", "5", "--json"]);
        let first = number(&array(&listed)[0]["strength"]);
        assert!(number(&row["score"]) <= first + 1e-12, "{row} vs {first}");
    }
    let from = ok(&["influence", &graph(), "--from", "United States", "--top", "5"]);
    assert!(
        from.starts_with("Influence of United States (strongest support and pressure channels; built-in profile; as of 2014-07-17, the model's present)"),
        "{from}"
    );
}

#[test]
fn influence_and_strongest_paths_on_edge_lists_use_the_weights() {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().expect("temp");
    std::fs::write(file.path(), "a,b,0.5\nb,c,0.4\na,c,0.1\n").expect("write");
    let list = file.path().display().to_string();
    let rows = json(&["influence", &list, "--on", "c", "--json"]);
    let got: BTreeMap<String, f64> =
        array(&rows).iter().map(|r| (text(&r["id"]).to_owned(), number(&r["score"]))).collect();
    assert_eq!(got.len(), 2);
    assert_eq!(got["b"], 0.4);
    // Direct ties first: a's own tie to c (0.1) is its channel, though a → b → c carries
    // 0.5 × 0.4; `path --strongest` still finds the stronger chain.
    assert!((got["a"] - 0.1).abs() < 1e-15, "{got:?}");
    let chain = json(&["path", &list, "a", "c", "--strongest", "--json"]);
    assert!((number(&array(&chain)[0]["strength"]) - 0.2).abs() < 1e-15, "{chain}");
    let directed = json(&["influence", &list, "--on", "a", "--directed", "--json"]);
    assert!(array(&directed).is_empty(), "nothing flows into a source: {directed}");
    let heavy = tempfile::Builder::new().suffix(".tsv").tempfile().expect("temp");
    std::fs::write(heavy.path(), "a\tb\t3\n").expect("write");
    let out = relgraph(&["influence", &heavy.path().display().to_string(), "--on", "b"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("must lie in (0, 1]"), "{}", stderr(&out));
}

#[test]
fn the_readme_shows_real_influence_output() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).expect("README");
    let docs = std::fs::read_to_string(common::repo().join("docs/influence.md")).expect("docs");
    let runs: [&[&str]; 3] = [
        &["path", "Canada", "Kuril Islands dispute", "--strongest", "-k", "3"],
        &["path", "United States", "Putin", "--strongest", "-k", "3"],
        &["influence", "--on", "Russia", "--top", "4"],
    ];
    for args in runs {
        let mut full = vec![args[0], "graphs/japan_russia_2014.ron"];
        full.extend_from_slice(&args[1..]);
        let out = relgraph(&full);
        assert!(out.status.success());
        let printed = common::stdout(&out);
        assert!(readme.contains(&printed), "README is out of date for `relgraph {}`:\n{printed}", full.join(" "));
    }
    let total = common::stdout(&relgraph(&[
        "influence",
        "graphs/japan_russia_2014.ron",
        "--from",
        "United States",
        "--top",
        "6",
        "--method",
        "total",
    ]));
    assert!(docs.contains(&total), "docs/influence.md is out of date:\n{total}");
}

#[test]
fn a_bad_profile_is_reported_at_its_line_and_column() {
    let profile =
        temp_model(b"Profile(rules: [\n    Rule(kind: sanction, goldstein: -8.0, forward: 1.0, backward: 0.0),\n])\n");
    let name = profile.path().display().to_string();
    let out = relgraph(&["path", &graph(), "Canada", "Russia", "--strongest", "--profile", &name]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{name}:2:16")), "{err}");
    assert!(err.contains("did you mean `sanctions`?"), "{err}");
}

#[test]
fn a_model_overrides_the_profile_for_its_own_kinds() {
    let text = SQUARE.replace(
        "    edges: [",
        "    influence: [Rule(kind: cooperates_with, goldstein: -5.0, forward: 1.0, backward: 0.0)],\n    edges: [",
    );
    let model = common::parse_ok(&text);
    assert_eq!(relgraph::io::ron::parse(&relgraph::io::ron::to_string(&model), "x.ron".as_ref()).unwrap(), model);
    let file = temp_model(text.as_bytes());
    let path = file.path().display().to_string();
    let forward = json(&["path", &path, "A", "D", "--strongest", "--json"]);
    assert_eq!(text_of(&array(&forward)[0]["sign"]), "support", "pressure times pressure: {forward}");
    assert_eq!(nodes(&array(&forward)[0]), ["a", "b", "d"]);
    assert!((number(&array(&forward)[0]["strength"]) - 0.45 * 0.45).abs() < 1e-15);
    let back = json(&["path", &path, "D", "A", "--strongest", "--json"]);
    assert!(array(&back).is_empty(), "nothing flows back: {back}");
}

fn text_of(v: &Value) -> String {
    text(v).to_owned()
}

#[test]
fn diagrams_label_strongest_steps_and_size_by_influence() {
    let dot =
        ok(&["export", &graph(), "--format", "dot", "--highlight-path", "Canada", "kuril_dispute", "--strongest"]);
    let paths = json(&["path", &graph(), "Canada", "kuril_dispute", "--strongest", "--json"]);
    for e in array(&array(&paths)[0]["edges"]) {
        let label = format!("{:.2}", number(&e["strength"]));
        assert!(dot.contains(&label), "step strength {label} is on the diagram");
    }
    // The built-in renderer bundles parallel ties; a bundle on the path still shows its strength.
    let svg = ok(&[
        "export",
        &graph(),
        "--format",
        "svg",
        "--renderer",
        "builtin",
        "--highlight-path",
        "Canada",
        "kuril_dispute",
        "--strongest",
    ]);
    for e in array(&array(&paths)[0]["edges"]) {
        let strength = format!("{:.2}", number(&e["strength"]));
        assert!(
            svg.contains(&format!(">strength {strength}<")) || svg.contains(&format!(" {strength}<")),
            "{strength}"
        );
    }
    let sized = ok(&["export", &graph(), "--format", "dot", "--size-by", "influence", "--on", "Russia"]);
    assert!(sized.contains("digraph"), "{sized}");
    let out = relgraph(&["export", &graph(), "--format", "dot", "--size-by", "influence"]);
    assert_eq!(out.status.code(), Some(2), "--size-by influence needs --on");
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use relgraph::{Edge, EdgeKind, Node, NodeKind};

    const KINDS: [EdgeKind; 8] = [
        EdgeKind::Sanctions,
        EdgeKind::CooperatesWith,
        EdgeKind::Supports,
        EdgeKind::Condemns,
        EdgeKind::AlliedWith,
        EdgeKind::HedgesAgainst,
        EdgeKind::Meets,
        EdgeKind::CompetesWith,
    ];

    fn model(n: usize, ties: &[(usize, usize, usize, u8)]) -> Model {
        let mut m = Model::new("random");
        for i in 0..n {
            m.add_node(Node::new(format!("n{i}"), NodeKind::Country, format!("N{i}"))).unwrap();
        }
        for &(a, b, k, w) in ties {
            let mut e = Edge::new(format!("n{}", a % n), format!("n{}", b % n), KINDS[k % KINDS.len()]);
            e.weight = Some(f64::from(w % 10 + 1) / 10.0);
            m.add_edge(e).unwrap();
        }
        m
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// The strongest score of a node equals the strength of the channel it prints, and is
        /// at least the strength of every path `path --strongest -k 6` lists.
        #[test]
        fn strongest_scores_are_their_channels_and_beat_every_listed_path(
            n in 2usize..8,
            ties in proptest::collection::vec((0usize..8, 0usize..8, 0usize..8, 0u8..10), 0..20),
            target in 0usize..8,
        ) {
            let m = model(n, &ties);
            let profile = Profile::builtin();
            let view = influence::channel_view(&m, Strengths::Profile(&profile)).unwrap();
            let target = petgraph::graph::NodeIndex::new(target % n);
            let ranking = influence::rank(&view, Toward::On(target), Method::Strongest).unwrap();
            for row in &ranking.rows {
                let p = row.path.as_ref().unwrap();
                prop_assert_eq!(row.score, p.strength());
                let product: f64 = p.steps.iter().product();
                prop_assert!((product - row.score).abs() <= 1e-15);
                let listed = k_shortest_paths(&m, &view, row.node, target, 6, &PathQuery::new(PathMode::Strongest)).unwrap();
                prop_assert!(!listed.is_empty());
                prop_assert!((listed[0].cost - row.score).abs() <= 1e-12 * row.score.max(1.0));
                for q in &listed {
                    prop_assert!(q.cost <= row.score * (1.0 + 1e-12));
                }
            }
        }
    }
}
