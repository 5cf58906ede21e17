//! Integration tests: present — influence between actors (contexts link them), answered as
//! of the model's present, and ties that keep their own dates (issue 21), on the shipped
//! model through the real binary and on a small model of the 2012 Senkaku purchase.

use relgraph::Model;
use serde_json::Value;

use crate::common::{self, array, graph, json, ok, temp_model};

const ACTOR_KINDS: [&str; 5] = ["country", "leader", "person", "organization", "actor"];

/// The ids of a ranking's rows, in order.
fn ids(rows: &Value) -> Vec<String> {
    array(rows).iter().map(|r| r["id"].as_str().expect("an id").to_owned()).collect()
}

fn rank_of(rows: &Value, id: &str) -> Option<usize> {
    ids(rows).iter().position(|x| x == id)
}

#[test]
fn influence_on_japan_ranks_only_actors_as_of_the_models_present() {
    let rows = json(&["influence", &graph(), "--on", "Japan", "--json"]);
    assert!(array(&rows).len() > 10);
    for row in array(&rows) {
        let kind = row["kind"].as_str().unwrap_or_default();
        assert!(ACTOR_KINDS.contains(&kind), "a context is ranked: {row}");
    }
    // Japan's own leaders and bodies lead/represent/work for/are part of it (by hand from
    // the model: Abe, Kishida, Yachi, the foreign ministry, the maritime self-defence
    // force); the United States is among the first five that are not.
    let own: Vec<String> = ids(&rows)
        .into_iter()
        .zip(array(&rows))
        .filter(|(_, r)| r["internal"] == serde_json::json!(true))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(own, ["abe", "kishida", "yachi", "mofa_japan", "jmsdf"], "{rows}");
    let outside: Vec<String> = array(&rows)
        .iter()
        .filter(|r| r["internal"] == serde_json::json!(false))
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let us = outside.iter().position(|id| id == "united_states").expect("the United States is ranked");
    assert!(us < 5, "the United States is {}th among outsiders: {outside:?}", us + 1);
    // Koizumi (prime minister 2001–2006) is not in the top ten as of July 2014 …
    assert!(rank_of(&rows, "junichiro_koizumi").is_none_or(|r| r >= 10), "{:?}", ids(&rows));
    // … but at the start of 2004 he leads Japan: the first of Japan's own, at 1.0.
    let then = json(&["influence", &graph(), "--on", "Japan", "--at", "2004-01-01", "--top", "3", "--json"]);
    let koizumi = array(&then).iter().find(|r| r["id"] == "junichiro_koizumi").expect("Koizumi in the top three");
    assert_eq!((koizumi["internal"].as_bool(), koizumi["score"].as_f64()), (Some(true), Some(1.0)), "{koizumi}");
    let all = json(&["influence", &graph(), "--on", "Japan", "--all-time", "--top", "4", "--json"]);
    assert!(rank_of(&all, "junichiro_koizumi").is_some(), "{:?}", ids(&all));
}

#[test]
fn the_header_says_which_date_was_used() {
    let out = ok(&["influence", &graph(), "--on", "Russia", "--top", "1"]);
    assert!(
        out.starts_with(
            "Influence on Russia (strongest support and pressure channels; built-in profile; as of 2014-07-17, the model's present)\n"
        ),
        "{out}"
    );
    let out = ok(&["influence", &graph(), "--on", "Russia", "--top", "1", "--at", "2013-12-31"]);
    assert!(out.contains("; as of 2013-12-31)\n"), "{out}");
    let out = ok(&["influence", &graph(), "--on", "Russia", "--top", "1", "--all-time"]);
    assert!(out.contains("; all dates)\n"), "{out}");
    let out = ok(&["path", &graph(), "Canada", "Russia", "--strongest"]);
    assert!(
        out.starts_with("strongest influence paths (built-in profile; as of 2014-07-17, the model's present)"),
        "{out}"
    );
    // The present is the latest date among the ties and sources.
    let model = common::load_japan_russia();
    let latest =
        model.edges().flat_map(|e| [e.since, e.until]).chain(model.sources.iter().map(|s| s.date)).flatten().max();
    assert_eq!(latest.map(|d| d.to_string()).as_deref(), Some("2014-07-17"));
}

#[test]
fn strongest_paths_between_actors_run_through_actors_only() {
    let model = common::load_japan_russia();
    let value = json(&["path", &graph(), "United States", "Putin", "--strongest", "-k", "3", "--json"]);
    let paths = array(&value);
    assert_eq!(paths.len(), 3, "{value}");
    for p in paths {
        for id in array(&p["nodes"]) {
            let node = model.node(id.as_str().expect("an id")).expect("a node");
            assert!(ACTOR_KINDS.contains(&node.kind.as_str()), "{} ({}) on {p}", node.name, node.kind);
        }
    }
}

#[test]
fn a_shared_context_is_one_step_that_names_the_context() {
    let rows = json(&["influence", &graph(), "--from", "United States", "--json"]);
    let japan = array(&rows).iter().find(|r| r["id"] == "japan").expect("Japan is reached");
    let step = &japan["path"]["edges"][0];
    assert_eq!(step["kind"], "shared_context", "{japan}");
    assert_eq!(step["via"], "us_japan_joint_statement");
    assert_eq!((step["from"].as_str(), step["to"].as_str()), (Some("united_states"), Some("japan")));
    assert_eq!(step["ties"], serde_json::json!(["signs", "signs"]));
    // Both sign it (0.8 each way): the shared context carries their product.
    let strength = step["strength"].as_f64().expect("a strength");
    assert!((strength - 0.64).abs() < 1e-9, "{strength}");
    assert_eq!(japan["path"]["nodes"], serde_json::json!(["united_states", "japan"]));
    // --all-kinds ranks the statement itself, as before.
    let all = json(&["influence", &graph(), "--from", "United States", "--all-kinds", "--json"]);
    assert!(rank_of(&all, "us_japan_joint_statement").is_some());
    assert!(rank_of(&rows, "us_japan_joint_statement").is_none());
}

/// Noda proposes to buy the islands on 18 May 2012; the purchase (an event) is dated
/// 11 September 2012.
const SENKAKU: &str = r#"Model(
    title: "Senkaku purchase",
    sources: [Source(id: "s", title: "S", date: "2012-10")],
    nodes: [
        Node(id: "japan", kind: country, name: "Japan"),
        Node(id: "noda", kind: leader, name: "Yoshihiko Noda"),
        Node(id: "purchase", kind: event, name: "Purchase of three islets", date: "2012-09-11"),
    ],
    edges: [
        Edge(from: "noda", to: "japan", kind: leads, since: "2011-09-02"),
        Edge(from: "noda", to: "purchase", kind: proposes, since: "2012-05-18"),
        Edge(from: "japan", to: "purchase", kind: involved_in),
    ],
)
"#;

#[test]
fn a_tie_keeps_its_own_date_before_a_later_dated_event() {
    let file = temp_model(SENKAKU.as_bytes());
    let path = file.path().display().to_string();
    let edges = json(&["edges", &path, "--at", "2012-06-01", "--json"]);
    let kinds: Vec<&str> = array(&edges).iter().filter_map(|e| e["kind"].as_str()).collect();
    // The proposal is in force on its own date; Japan's undated tie waits for the event.
    assert_eq!(kinds, ["leads", "proposes"], "{edges}");
    let model: Model = relgraph::io::ron::parse(SENKAKU, "s.ron".as_ref()).expect("valid");
    let at = "2012-06-01".parse().expect("a date");
    assert_eq!(model.at(&at).edge_count(), 2);
    assert_eq!(model.at(&"2012-05-01".parse().expect("a date")).edge_count(), 1);
    // diff sees the proposal appear between May and June, not on 11 September.
    let diff = ok(&["diff", &path, "--from", "2012-05-01", "--to", "2012-06-01"]);
    assert!(diff.contains("ties that appeared: 1\n  Yoshihiko Noda —proposes→ Purchase of three islets"), "{diff}");
}
