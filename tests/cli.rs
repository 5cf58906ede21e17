//! Integration tests: cli — the real `relgraph` binary on the shipped graph and small models.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use relgraph::{Model, Polarity};
use serde_json::Value;

use crate::common::{self, array, graph, id_of, json, ok, relgraph, small_with, stderr, stdout, temp_model, SMALL};

/// `(from, to, kind)` of each edge object printed as JSON.
fn edge_triples(value: &Value) -> Vec<(String, String, String)> {
    array(value)
        .iter()
        .map(|e| {
            let field = |k: &str| e[k].as_str().unwrap_or_else(|| panic!("{k} missing in {e}")).to_owned();
            (field("from"), field("to"), field("kind"))
        })
        .collect()
}

fn library_triples(model: &Model) -> Vec<(String, String, String)> {
    model.edges().map(|e| (e.from.clone(), e.to.clone(), e.kind.as_str().to_owned())).collect()
}

/// Ids of the nodes `neighbors --json` printed.
fn neighbor_ids(args: &[&str]) -> BTreeSet<String> {
    array(&json(args)).iter().map(|n| n["id"].as_str().expect("an id").to_owned()).collect()
}

// ---------------------------------------------------------------- check

#[test]
fn check_accepts_the_shipped_graph() {
    let model = common::load_japan_russia();
    let out = ok(&["check", &graph()]);
    let expected = format!("{}: ok ({} nodes, {} edges)\n", graph(), model.node_count(), model.edge_count());
    assert_eq!(out, expected);
}

#[test]
fn check_reports_a_broken_file_at_file_line_col_and_exits_1() {
    let file = temp_model(small_with(r#"to: "russia""#, r#"to: "rusia""#).as_bytes());
    let path = file.path().display().to_string();
    let output = relgraph(&["check", &path]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.starts_with(&format!("{path}:11:33: error: unknown node `rusia`\n")), "{err}");
    assert!(err.contains("did you mean `russia`?"), "{err}");
    assert!(!stdout(&output).contains("ok"), "{}", stdout(&output));
}

#[test]
fn check_json_lists_the_problems_of_a_broken_file() {
    let file = temp_model(
        small_with(r#"since: "2012""#, r#"since: "2012-13""#).replacen("kind: meets", "kind: meet", 1).as_bytes(),
    );
    let path = file.path().display().to_string();
    let output = relgraph(&["check", "--json", &path]);
    assert_eq!(output.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&output.stdout).expect("check --json prints JSON");
    let found: Vec<(String, u64, u64, Value)> = array(&value)
        .iter()
        .map(|p| {
            (
                p["file"].as_str().expect("file").to_owned(),
                p["line"].as_u64().expect("line"),
                p["column"].as_u64().expect("column"),
                p["hint"].clone(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (path.clone(), 10, 60, Value::from(r#"dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD""#)),
            (path.clone(), 11, 49, Value::from("did you mean `meets`?")),
        ]
    );
    assert_eq!(array(&value)[0]["message"], "`2012-13` has month 13, which is not 1 to 12");
}

#[test]
fn check_json_of_a_valid_file_is_an_empty_array() {
    assert_eq!(json(&["check", "--json", &graph()]), Value::Array(Vec::new()));
}

#[test]
fn check_reports_a_file_that_is_not_utf8() {
    let file = temp_model(b"Model(title: \"\xff\")\n");
    let output = relgraph(&["check", &file.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(":1:15: error: byte 0xFF is not UTF-8"), "{}", stderr(&output));
}

// ---------------------------------------------------------------- usage errors

#[test]
fn usage_errors_exit_2() {
    let unknown_command = relgraph(&["frobnicate", &graph()]);
    assert_eq!(unknown_command.status.code(), Some(2));
    assert!(stderr(&unknown_command).contains("frobnicate"));

    let unknown_node = relgraph(&["neighbors", &graph(), "Atlantis"]);
    assert_eq!(unknown_node.status.code(), Some(2));
    assert!(stderr(&unknown_node).contains("no node is called `Atlantis`"), "{}", stderr(&unknown_node));

    let bad_date = relgraph(&["edges", &graph(), "--at", "2014-13"]);
    assert_eq!(bad_date.status.code(), Some(2));
}

#[test]
fn an_ambiguous_node_name_is_a_usage_error_listing_the_candidates() {
    let text = small_with(
        r#"name: "Shinzo Abe")"#,
        r#"name: "Shinzo Abe", aliases: ["The Leader"]), Node(id: "putin", kind: leader, name: "Vladimir Putin", aliases: ["the leader"])"#,
    );
    let file = temp_model(text.as_bytes());
    let output = relgraph(&["neighbors", &file.path().display().to_string(), "The Leader"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("is ambiguous") && err.contains("abe, putin"), "{err}");
}

#[test]
fn a_query_on_a_broken_file_exits_1() {
    let file = temp_model(small_with("kind: meets", "kind: meet").as_bytes());
    let output = relgraph(&["nodes", &file.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(":11:49: error: unknown edge kind `meet`"), "{}", stderr(&output));
}

#[test]
fn every_subcommand_help_has_examples() {
    for command in ["check", "info", "nodes", "edges", "neighbors"] {
        let out = ok(&[command, "--help"]);
        assert!(out.contains("Examples"), "`{command} --help` has no examples:\n{out}");
        assert!(
            out.contains(&format!("relgraph {command} ")),
            "`{command} --help` examples do not run {command}:\n{out}"
        );
    }
    assert!(ok(&["--help"]).contains("Examples"));
}

// ---------------------------------------------------------------- nodes

#[test]
fn nodes_json_matches_the_library_model() {
    let model = common::load_japan_russia();
    let printed = json(&["nodes", &graph(), "--json"]);
    let printed = array(&printed);
    assert_eq!(printed.len(), model.node_count());
    for (value, node) in printed.iter().zip(model.nodes()) {
        assert_eq!(value["id"], node.id.as_str());
        assert_eq!(value["name"], node.name.as_str());
        let kind = value["kind"].as_str().expect("a kind");
        assert_eq!(kind, node.kind.as_str());
        assert_eq!(kind, kind.to_lowercase());
        let object = value.as_object().expect("an object");
        assert_eq!(object.get("aliases").is_some(), !node.aliases.is_empty(), "{}", node.id);
        if !node.aliases.is_empty() {
            assert_eq!(value["aliases"], serde_json::json!(node.aliases));
        }
        for (key, date) in [("since", node.since), ("until", node.until), ("date", node.date)] {
            assert_eq!(
                object.get(key).and_then(Value::as_str),
                date.map(|d| d.to_string()).as_deref(),
                "{} {key}",
                node.id
            );
        }
    }
    // Not vacuous: the graph has nodes with and without aliases and dates.
    assert!(model.nodes().any(|n| n.aliases.is_empty()) && model.nodes().any(|n| !n.aliases.is_empty()));
    assert!(model.nodes().any(|n| n.since.is_some()) && model.nodes().any(|n| n.since.is_none()));
}

#[test]
fn nodes_of_kind_territory_include_the_four_islands() {
    let printed = json(&["nodes", &graph(), "--kind", "territory", "--json"]);
    let printed = array(&printed);
    assert!(printed.iter().all(|n| n["kind"] == "territory"), "{printed:?}");
    let names: BTreeSet<&str> = printed.iter().filter_map(|n| n["name"].as_str()).collect();
    for island in ["Etorofu", "Kunashiri", "Shikotan", "Habomai"] {
        assert!(names.contains(island), "{island} missing from {names:?}");
    }
    let model = common::load_japan_russia();
    let territories = model.nodes().filter(|n| n.kind == relgraph::NodeKind::Territory).count();
    assert_eq!(printed.len(), territories);
    assert!(territories < model.node_count());
    // The table lists them too.
    let table = ok(&["nodes", &graph(), "--kind", "territory"]);
    assert!(table.contains("Etorofu") && table.ends_with(&format!("{territories} node(s)\n")), "{table}");
}

// ---------------------------------------------------------------- edges

#[test]
fn edges_json_matches_the_library_model() {
    let model = common::load_japan_russia();
    let printed = json(&["edges", &graph(), "--json"]);
    assert_eq!(edge_triples(&printed), library_triples(&model));
    let polarities: Vec<&str> = Polarity::ALL.iter().map(|p| p.as_str()).collect();
    for (value, edge) in array(&printed).iter().zip(model.edges()) {
        let kind = value["kind"].as_str().expect("a kind");
        assert!(kind.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{kind}");
        let polarity = value["polarity"].as_str().expect("a polarity");
        assert!(polarities.contains(&polarity), "{polarity}");
        assert_eq!(polarity, edge.polarity().as_str());
        let object = value.as_object().expect("an object");
        let set = [
            ("since", edge.since.is_some()),
            ("until", edge.until.is_some()),
            ("weight", edge.weight.is_some()),
            ("intensity", edge.intensity.is_some()),
            ("topic", edge.topic.is_some()),
            ("note", edge.note.is_some()),
            ("evidence", !edge.evidence.is_empty()),
        ];
        for (key, is_set) in set {
            assert_eq!(object.contains_key(key), is_set, "{key} of {} —{}→ {}", edge.from, edge.kind, edge.to);
        }
        assert_eq!(object.get("weight").and_then(Value::as_f64), edge.weight);
        assert_eq!(object.get("since").and_then(Value::as_str), edge.since.map(|d| d.to_string()).as_deref());
    }
    assert!(model.edges().any(|e| e.since.is_none()) && model.edges().any(|e| e.since.is_some()));
}

#[test]
fn edges_filtered_by_polarity_are_only_that_polarity() {
    let model = common::load_japan_russia();
    let printed = json(&["edges", &graph(), "--polarity", "conflictual", "--json"]);
    assert!(array(&printed).iter().all(|e| e["polarity"] == "conflictual"));
    let expected = model.edges().filter(|e| e.polarity() == Polarity::Conflictual).count();
    assert!(expected > 0);
    assert_eq!(array(&printed).len(), expected);
}

#[test]
fn edges_of_a_node_named_by_alias_touch_only_that_node() {
    let model = common::load_japan_russia();
    let putin = id_of(&model, "Putin");
    let printed = edge_triples(&json(&["edges", &graph(), "--node", "Putin", "--json"]));
    assert!(printed.iter().all(|(from, to, _)| *from == putin || *to == putin), "{printed:?}");
    let expected: Vec<_> = library_triples(&model).into_iter().filter(|(f, t, _)| *f == putin || *t == putin).collect();
    assert!(!expected.is_empty());
    assert_eq!(printed, expected);
}

#[test]
fn edges_at_a_date_drop_the_ties_that_start_later() {
    let model = common::load_japan_russia();
    let at = "2013-12-31".parse().expect("a date");
    let printed = json(&["edges", &graph(), "--at", "2013-12-31", "--json"]);
    assert_eq!(edge_triples(&printed), library_triples(&model.at(&at)));
    let starting_2014 = model.edges().filter(|e| e.since.is_some_and(|s| s.year_part() == 2014)).count();
    assert!(starting_2014 > 0);
    let printed = array(&printed);
    for edge in printed {
        let since = edge.get("since").and_then(Value::as_str).unwrap_or("");
        assert!(!since.starts_with("2014"), "{edge} starts in 2014");
    }
    assert!(printed.len() < model.edge_count());
}

// ---------------------------------------------------------------- neighbors

#[test]
fn neighbors_by_alias_ignore_case_and_match_the_library() {
    let model = common::load_japan_russia();
    let kurils = id_of(&model, "Southern Kurils");
    let by_alias = neighbor_ids(&["neighbors", &graph(), "northern territories", "--json"]);
    assert_eq!(by_alias, neighbor_ids(&["neighbors", &graph(), &kurils, "--json"]));
    let index = model.index_of(&kurils).expect("indexed");
    let expected: BTreeSet<String> =
        model.incident(index).into_iter().map(|(_, other, _)| model.graph()[other].id.clone()).collect();
    assert!(!expected.is_empty());
    assert_eq!(by_alias, expected);
}

#[test]
fn neighbors_at_depth_two_include_depth_one() {
    let one = neighbor_ids(&["neighbors", &graph(), "Southern Kurils", "--json"]);
    let two = neighbor_ids(&["neighbors", &graph(), "Southern Kurils", "--depth", "2", "--json"]);
    assert!(two.is_superset(&one), "{one:?} ⊄ {two:?}");
    assert!(two.len() > one.len());
    let printed = json(&["neighbors", &graph(), "Southern Kurils", "--depth", "2", "--json"]);
    for node in array(&printed) {
        let depth = node["depth"].as_u64().expect("a depth");
        let id = node["id"].as_str().expect("an id");
        assert_eq!(depth == 1, one.contains(id), "{id} at depth {depth}");
    }
}

#[test]
fn neighbors_follow_the_direction_asked_for() {
    let model = common::load_japan_russia();
    let japan = id_of(&model, "Japan");
    let index = model.index_of(&japan).expect("indexed");
    let id = |i: petgraph::graph::NodeIndex| model.graph()[i].id.clone();
    let incident = model.incident(index);
    let out: BTreeSet<String> =
        incident.iter().filter(|(e, _, outgoing)| *outgoing || e.kind.is_symmetric()).map(|(_, o, _)| id(*o)).collect();
    let into: BTreeSet<String> = incident
        .iter()
        .filter(|(e, _, outgoing)| !*outgoing || e.kind.is_symmetric())
        .map(|(_, o, _)| id(*o))
        .collect();
    assert_ne!(out, into);
    assert_eq!(neighbor_ids(&["neighbors", &graph(), "Japan", "--direction", "out", "--json"]), out);
    assert_eq!(neighbor_ids(&["neighbors", &graph(), "Japan", "--direction", "in", "--json"]), into);
}

// ---------------------------------------------------------------- info

#[test]
fn info_json_counts_equal_the_librarys() {
    let model = common::load_japan_russia();
    let info = json(&["info", &graph(), "--json"]);
    assert_eq!(info["nodes"].as_u64(), Some(model.node_count() as u64));
    assert_eq!(info["edges"].as_u64(), Some(model.edge_count() as u64));
    assert_eq!(info["title"], model.title.as_str());
    for kind in relgraph::NodeKind::ALL {
        let count = model.nodes().filter(|n| n.kind == kind).count() as u64;
        assert_eq!(info["node_kinds"][kind.as_str()].as_u64().unwrap_or(0), count, "{kind}");
    }
    for kind in relgraph::EdgeKind::ALL {
        let count = model.edges().filter(|e| e.kind == kind).count() as u64;
        assert_eq!(info["edge_kinds"][kind.as_str()].as_u64().unwrap_or(0), count, "{kind}");
    }
    for polarity in Polarity::ALL {
        let count = model.edges().filter(|e| e.polarity() == polarity).count() as u64;
        assert_eq!(info["polarities"][polarity.as_str()].as_u64().unwrap_or(0), count, "{polarity}");
    }
    let at = "2013-12-31".parse().expect("a date");
    let before = json(&["info", &graph(), "--at", "2013-12-31", "--json"]);
    assert_eq!(before["edges"].as_u64(), Some(model.at(&at).edge_count() as u64));
}

#[test]
fn info_on_a_small_model_names_title_and_counts() {
    let file = temp_model(SMALL.as_bytes());
    let out = ok(&["info", &file.path().display().to_string()]);
    assert!(out.starts_with("Test\n"), "{out}");
    assert!(out.contains("3 nodes, 2 edges"), "{out}");
}

// ---------------------------------------------------------------- pipes

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["edges", &graph(), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the binary finishes");
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_eq!(output.status.code(), Some(0));
}
