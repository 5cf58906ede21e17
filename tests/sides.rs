//! Integration tests: sides — both sides of every pair, the target's own listed apart, and
//! sides in disputes (issue 21), on the two shipped models and small hand-made ones, with
//! values read by hand from the models.

use serde_json::Value;

use crate::common::{array, graph, json, repo, temp_model};

fn senkaku() -> String {
    repo().join("graphs/senkaku_2012.ron").display().to_string()
}

fn id(row: &Value) -> &str {
    row["id"].as_str().expect("an id")
}

fn row<'a>(rows: &'a Value, which: &str) -> &'a Value {
    array(rows).iter().find(|r| id(r) == which).unwrap_or_else(|| panic!("{which} not ranked: {rows}"))
}

fn claimants(rows: &Value) -> Vec<&str> {
    array(rows).iter().filter(|r| r["claimant"] == Value::Bool(true)).map(id).collect()
}

#[test]
fn china_is_among_the_first_dozen_on_russia() {
    let rows = json(&["influence", &graph(), "--on", "Russia", "--json"]);
    let at = array(&rows).iter().position(|r| id(r) == "china").expect("China is ranked");
    assert!(at < 12, "China is {}th: {:?}", at + 1, array(&rows).iter().map(id).collect::<Vec<_>>());
    // Its own tie: Russia cooperates with China (CAMEO 06, +6.0, both ways) at weight 0.4.
    let china = row(&rows, "china");
    assert!((china["support"].as_f64().unwrap() - 0.6 * 0.4).abs() < 1e-12, "{china}");
    assert_eq!(china["support_path"]["nodes"], serde_json::json!(["china", "russia"]));
    // Putin and Lavrov are Russia's own; Abe acts through Japan.
    for own in ["putin", "lavrov"] {
        assert_eq!(row(&rows, own)["internal"], Value::Bool(true), "{own}");
    }
    assert_eq!(row(&rows, "abe")["through"], "japan");
}

#[test]
fn the_united_states_pressure_on_russia_is_its_own_condemnation() {
    let rows = json(&["influence", &graph(), "--from", "United States", "--json"]);
    let russia = row(&rows, "russia");
    // united_states —condemns→ russia, intensity −4.0: pressure 0.4, though the chain through
    // the April 2014 Joint Statement and Japan's condemnation carries 0.64 × 0.69.
    let pressure = &russia["pressure_path"];
    assert_eq!(pressure["nodes"], serde_json::json!(["united_states", "russia"]), "{russia}");
    assert_eq!(pressure["edges"][0]["kind"], "condemns");
    assert!((russia["pressure"].as_f64().unwrap() - 0.4).abs() < 1e-12, "{russia}");
    assert_eq!(pressure["sign"], "pressure");
    // The support side runs through Japan, and is within half: ambivalent.
    let support = russia["support"].as_f64().unwrap();
    assert!(support >= 0.4 && 0.4 >= support / 2.0);
    assert_eq!(russia["sign"], "ambivalent");
    // path --strongest prints the direct tie too.
    let out = crate::common::ok(&["path", &graph(), "United States", "Russia", "--strongest"]);
    assert!(out.contains("  pressure  0.4000  United States —condemns 0.40→ Russia\n"), "{out}");
}

#[test]
fn japan_both_sanctions_and_engages_russia_after_crimea() {
    let rows = json(&["influence", &graph(), "--on", "Russia", "--at", "2014-07-31", "--json"]);
    let japan = row(&rows, "japan");
    assert_eq!(japan["sign"], "ambivalent", "{japan}");
    let (plus, minus) = (japan["support"].as_f64().unwrap(), japan["pressure"].as_f64().unwrap());
    assert!(plus.min(minus) >= plus.max(minus) / 2.0);
    // Both are Japan's own ties to Russia, one step each.
    for side in ["support_path", "pressure_path"] {
        assert_eq!(japan[side]["nodes"], serde_json::json!(["japan", "russia"]), "{side}: {japan}");
    }
}

#[test]
fn in_the_kuril_dispute_the_united_states_backs_japan() {
    let rows = json(&["influence", &graph(), "--on", "Kuril Islands dispute", "--json"]);
    assert_eq!(claimants(&rows), ["japan", "russia"]);
    let us = row(&rows, "united_states");
    assert_eq!((us["claimant"].as_bool(), us["side"].as_str()), (Some(false), Some("japan")), "{us}");
    for r in array(&rows) {
        assert!(!["agreement", "dispute", "event", "territory", "project"].contains(&r["kind"].as_str().unwrap()));
    }
    assert_eq!(row(&rows, "putin")["side"], "russia");
}

#[test]
fn in_the_senkaku_dispute_china_japan_and_taiwan_claim_and_the_united_states_backs_japan() {
    let rows = json(&["influence", &senkaku(), "--on", "Senkaku Islands dispute", "--json"]);
    assert_eq!(claimants(&rows), ["japan", "china", "taiwan"]);
    // japan —allied_with→ united_states (CAMEO 074, +8.5, both ways): the United States backs
    // Japan at 0.85, and no row "supports the dispute".
    let us = row(&rows, "united_states");
    assert_eq!(us["side"], "japan");
    assert!((us["score"].as_f64().unwrap() - 0.85).abs() < 1e-12, "{us}");
    let on_islands = json(&["influence", &senkaku(), "--on", "Senkaku Islands", "--json"]);
    assert_eq!(claimants(&on_islands), ["japan", "china", "taiwan"]);
}

/// Ishihara condemns China and opposes Noda, who competes with China: the enemy of his
/// enemy's enemy chain is support, his own condemnation pressure.
const ISHIHARA: &str = r#"Model(
    title: "Ishihara",
    nodes: [
        Node(id: "china", kind: country, name: "China"),
        Node(id: "noda", kind: leader, name: "Noda"),
        Node(id: "ishihara", kind: person, name: "Ishihara"),
    ],
    edges: [
        Edge(from: "ishihara", to: "china", kind: condemns),
        Edge(from: "ishihara", to: "noda", kind: opposes),
        Edge(from: "noda", to: "china", kind: competes_with),
    ],
)
"#;

#[test]
fn a_direct_condemnation_is_never_hidden_by_a_chain_of_the_other_sign() {
    let file = temp_model(ISHIHARA.as_bytes());
    let rows = json(&["influence", &file.path().display().to_string(), "--on", "China", "--json"]);
    let ishihara = row(&rows, "ishihara");
    // condemns: CAMEO 111, −2.0 → pressure 0.2, directly; opposes (−4.0, 0.4) then
    // competes_with (−4.0, 0.4): pressure × pressure = support 0.16.
    assert_eq!(ishihara["pressure_path"]["nodes"], serde_json::json!(["ishihara", "china"]));
    assert!((ishihara["pressure"].as_f64().unwrap() - 0.2).abs() < 1e-12, "{ishihara}");
    assert!((ishihara["support"].as_f64().unwrap() - 0.16).abs() < 1e-12, "{ishihara}");
    assert_eq!(ishihara["sign"], "ambivalent");
}

/// The second article's model: Ishihara condemns China while he governs Tokyo (April to
/// October 2012). Condemns carries 0.2 of pressure (CAMEO 11, the built-in profile), and
/// that direct tie is his channel to China; no enemy-of-my-enemy chain through Noda is
/// offered as "support". After he resigned (the model's present) he has no channel at all.
#[test]
fn ishiharas_own_condemnation_of_china_is_his_channel_while_he_governs_tokyo() {
    let model = senkaku();
    let rows = json(&["influence", &model, "--on", "China", "--at", "2012-09-01", "--json"]);
    let ishihara = row(&rows, "ishihara");
    assert_eq!(ishihara["sign"], "pressure", "{ishihara}");
    assert_eq!(ishihara["pressure_path"]["nodes"], serde_json::json!(["ishihara", "china"]));
    assert!((ishihara["pressure"].as_f64().unwrap() - 0.2).abs() < 1e-12, "{ishihara}");
    assert!(ishihara["support_path"].is_null(), "{ishihara}");
    let now = json(&["influence", &model, "--on", "China", "--json"]);
    assert!(array(&now).iter().all(|r| id(r) != "ishihara"), "{now}");
}
