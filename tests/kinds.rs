//! `relgraph kinds`: the vocabulary covers every CAMEO root category 02–20, each kind's code
//! and Goldstein score are the published ones (the CAMEO codebook's event codes and the
//! Goldstein table, committed under profiles/cameo), and suggestions for a misspelt kind
//! never lean against the word.

use std::collections::HashMap;

use relgraph::model::lean;
use relgraph::model::{Vocabulary, VocabularyError};
use relgraph::{EdgeKind, Polarity};
use serde_json::Value;

use crate::common::{json, ok, repo};

/// `CODE<TAB>TEXT` rows of a vendored CAMEO table.
fn table(file: &str) -> HashMap<String, String> {
    let text = std::fs::read_to_string(repo().join("profiles/cameo").join(file)).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, t)| (c.trim().to_owned(), t.trim().to_owned()))
        .collect()
}

fn edge_rows(rows: &Value) -> Vec<&Value> {
    rows.as_array().unwrap().iter().filter(|r| r["vocabulary"] == "edge").collect()
}

#[test]
fn every_cameo_root_from_02_to_20_has_a_kind_with_the_codebook_code_and_goldstein_score() {
    let codes = table("CAMEO.eventcodes.txt");
    let scores: HashMap<String, f64> =
        table("CAMEO.goldsteinscale.txt").into_iter().map(|(c, s)| (c, s.parse().unwrap())).collect();
    let rows = json(&["kinds", "--json"]);
    let edges = edge_rows(&rows);
    assert!(rows.as_array().unwrap().iter().all(|r| r["name"].is_string() && r.get("cameo").is_some()));
    for root in 2..=20 {
        let root = format!("{root:02}");
        assert!(codes.contains_key(&root), "the codebook lists root {root}");
        assert!(
            edges.iter().any(|r| r["cameo"].as_str().is_some_and(|c| c.starts_with(&root))),
            "no kind for CAMEO root {root} ({})",
            codes[&root]
        );
    }
    for row in &edges {
        let Some(code) = row["cameo"].as_str() else { continue };
        assert!(codes.contains_key(code), "{}: {code} is not in the codebook", row["name"]);
        assert_eq!(row["goldstein"].as_f64(), Some(scores[code]), "{}: Goldstein of {code}", row["name"]);
    }
    // The kinds an analyst names, and the root category each stands for in the codebook.
    let by_name: HashMap<&str, &Value> = edges.iter().map(|r| (r["name"].as_str().unwrap(), *r)).collect();
    for (kind, root_text) in [
        ("appeals_to", "APPEAL"),
        ("aids", "PROVIDE AID"),
        ("yields_to", "YIELD"),
        ("investigates", "INVESTIGATE"),
        ("demands", "DEMAND"),
        ("accuses", "DISAPPROVE"),
        ("rejects", "REJECT"),
        ("threatens", "THREATEN"),
        ("protests", "PROTEST"),
        ("shows_force", "EXHIBIT FORCE POSTURE"),
        ("reduces_relations", "REDUCE RELATIONS"),
        ("coerces", "COERCE"),
        ("assaults", "ASSAULT"),
        ("fights", "FIGHT"),
        ("uses_mass_violence", "USE UNCONVENTIONAL MASS VIOLENCE"),
    ] {
        let row = by_name.get(kind).unwrap_or_else(|| panic!("no kind {kind}"));
        let code = row["cameo"].as_str().unwrap();
        assert_eq!(codes[&code[..2]], root_text, "{kind} is coded {code}");
        let conflict = code[..2].parse::<u8>().unwrap() >= 9;
        assert_eq!(row["polarity"], if conflict { "conflictual" } else { "cooperative" }, "{kind}");
        assert_eq!(row["sign"], if conflict { "pressure" } else { "support" }, "{kind}");
    }
    assert_eq!(codes[by_name["recognizes"]["cameo"].as_str().unwrap()], "Grant diplomatic recognition");
    for kind in ["acquires", "causes"] {
        assert_eq!(by_name[kind]["cameo"], Value::Null, "{kind} is no event");
        assert_eq!(by_name[kind]["sign"], Value::Null, "{kind} carries no influence");
    }
    assert_eq!(by_name["causes"]["from"], serde_json::json!(["event", "dispute", "agreement", "project", "actor"]));
    // Strength each way is |score| / 10 times the share: threats press their target only.
    assert_eq!(
        (by_name["threatens"]["forward"].as_f64(), by_name["threatens"]["backward"].as_f64()),
        (Some(0.6), Some(0.0))
    );
}

#[test]
fn a_model_lists_its_declared_kinds_after_the_built_in_ones() {
    let model = crate::common::temp_model(
        br#"Model(title: "t", edge_kinds: [EdgeKind(name: "exports_to", polarity: cooperative, cameo: "061", goldstein: 6.4, forward: 1.0)], nodes: [], edges: [])"#,
    );
    let rows = json(&["kinds", model.path().to_str().unwrap(), "--json"]);
    let last = rows.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["name"].as_str(), last["cameo"].as_str(), last["builtin"].as_bool()),
        (Some("exports_to"), Some("061"), Some(false))
    );
    assert_eq!(last["forward"].as_f64(), Some(0.64));
    let text = ok(&["kinds"]);
    assert!(text.starts_with(&format!("10 node kind(s), {} edge kind(s)", EdgeKind::ALL.len())), "{text}");
    assert!(text.lines().any(|l| l.starts_with("protests ") && l.contains(" 14 ") && l.contains("-6.5")), "{text}");
}

/// Every conflictual verb of the CAMEO dictionary, misspelt at its end, is never answered
/// with a kind that leans cooperative; `protestz` finds `protests`.
#[test]
fn suggestions_never_lean_against_a_conflictual_word() {
    let vocabulary = Vocabulary::new();
    let suggestion = |text: &str| match vocabulary.edge_kind(text) {
        Err(VocabularyError::Unknown { suggestion, .. }) => suggestion,
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(suggestion("protestz").as_deref(), Some("protests"));
    assert_eq!(suggestion("threatenz").as_deref(), Some("threatens"));
    let verbs = std::fs::read_to_string(repo().join("assets/draft/verbs.tsv")).unwrap();
    let mut checked = 0;
    for (form, code) in verbs.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')) {
        let Ok(root) = code.get(..2).unwrap_or("").parse::<u8>() else { continue };
        if root < 9 || form.contains(' ') || form.len() < 4 {
            continue;
        }
        let typo = format!("{form}z");
        if let Some(name) = suggestion(&typo) {
            let kind: EdgeKind = name.parse().unwrap();
            assert_ne!(lean::lean(kind), Polarity::Cooperative, "{typo} (CAMEO {code}) → {name}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} conflictual words had a suggestion");
}
