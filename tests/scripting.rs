//! Scripting and the library API: every Rust example and every Rhai script runs, with
//! assertions on what it prints or writes; the documentation's snippets run; a script's
//! output equals the command's.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::common::{self, array, graph, json, ok, relgraph, stderr, stdout};

/// An example binary built by `cargo test` (target/<profile>/examples/NAME).
fn example(name: &str) -> Command {
    let exe = std::env::current_exe().expect("the test binary's path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>").join("examples");
    let mut command = Command::new(dir.join(name));
    command.current_dir(common::repo());
    command
}

fn run_example(name: &str, args: &[&str]) -> String {
    let out = example(name).args(args).output().unwrap_or_else(|e| panic!("example {name} runs: {e}"));
    assert!(out.status.success(), "example {name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn script(name: &str) -> String {
    common::repo().join("examples/scripts").join(name).display().to_string()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

// ---------------------------------------------------------------- Rust examples

#[test]
fn g7_influence_prints_each_members_strongest_channel_as_the_cli_finds_it() {
    let out = run_example("g7_influence", &[]);
    let model = common::load_japan_russia();
    let members = ["Japan", "United States", "Italy", "Canada"];
    for member in members {
        let line = out.lines().find(|l| l.starts_with(member)).unwrap_or_else(|| panic!("{member} missing:\n{out}"));
        let id = model.node(member).expect("member").id.clone();
        let paths = json(&["path", &graph(), &id, "russia", "--strongest", "--json"]);
        let best = &array(&paths)[0];
        assert!(line.contains(&format!("{:.4}", number(&best["strength"]))), "{line} vs {best}");
        assert!(line.contains(best["sign"].as_str().unwrap_or("?")), "{line}");
    }
    assert_eq!(out.lines().count(), 2 + members.len(), "{out}");
}

#[test]
fn crimea_writes_two_diagrams_and_prints_the_diff() {
    let dir = temp_dir();
    let out = run_example("crimea", &[&dir.path().display().to_string()]);
    for name in ["before_crimea.svg", "after_crimea.svg"] {
        let svg = std::fs::read_to_string(dir.path().join(name)).expect("the diagram was written");
        assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"), "{name}");
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
    }
    let diff = ok(&["diff", &graph(), "--from", "2014-02-28", "--to", "2014-07-31", "--top", "5"]);
    assert!(out.ends_with(&diff), "the example prints what `relgraph diff` prints:\n{out}");
}

#[test]
fn centrality_report_prints_what_the_command_prints() {
    let out = run_example("centrality_report", &[]);
    for measure in ["degree", "betweenness", "pagerank"] {
        let table = ok(&["centrality", &graph(), "--measure", measure, "--top", "5"]);
        assert!(out.contains(&table), "{measure}:\n{out}");
    }
    let actors =
        ok(&["centrality", &graph(), "--measure", "betweenness", "--top", "5", "--node-kind", "country,leader"]);
    assert!(out.ends_with(&actors), "{out}");
}

#[test]
fn custom_theme_draws_with_the_changed_colours() {
    let dir = temp_dir();
    let file = dir.path().join("canada.svg");
    let out = run_example("custom_theme", &[&file.display().to_string()]);
    assert!(out.starts_with("wrote "), "{out}");
    let svg = std::fs::read_to_string(&file).expect("written").to_lowercase();
    assert!(svg.contains("#c00000"), "country borders are red");
    assert!(svg.contains("#000000"), "conflictual ties are black");
    assert!(!svg.contains("#d55e00"), "the old conflictual colour is gone");
}

#[test]
fn edge_list_example_prints_components_brokers_and_betweenness() {
    let karate = common::repo().join("tests/fixtures/networkx/karate.tsv").display().to_string();
    let out = run_example("edge_list", &[&karate]);
    assert!(out.starts_with("34 nodes, 78 edges; 1 component(s) of sizes 34"), "{out}");
    assert!(out.contains(&ok(&["brokers", &karate])), "{out}");
    assert!(out.ends_with(&ok(&["centrality", &karate, "--measure", "betweenness", "--top", "10"])), "{out}");
}

#[test]
fn build_model_and_balance_examples_run() {
    let built = run_example("build_model", &[]);
    assert!(built.contains("Model(") && built.contains("kuril_dispute"), "{built}");
    // In April 2014 the cooperation (until 2014-03) has ended: Abe leads Japan (1.0) and
    // Japan's sanction carries pressure 0.8 × weight 0.4 = 0.32.
    assert!(built.contains("strength 0.3200 · pressure"), "{built}");
    let balance = run_example("balance", &[]);
    for date in ["2013-12-31", "2014-07-31"] {
        let cli = ok(&["balance", &graph(), "--at", date, "--node-kind", "country,leader,organization"]);
        assert!(balance.contains(&cli), "{date}:\n{balance}");
    }
}

// ---------------------------------------------------------------- scripts

#[test]
fn report_script_prints_a_markdown_briefing_or_writes_it() {
    let out = relgraph(&["run", &script("report.rhai")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for heading in [
        "# Briefing: ",
        "## Who matters most",
        "## Who can move Russia",
        "## Who can move Japan",
        "## Brokers",
        "## What changed across the annexation of Crimea",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    // The top row of the betweenness table is the command's top node.
    let top = json(&["centrality", &graph(), "--measure", "betweenness", "--top", "1", "--json"]);
    let name = array(&top)[0]["name"].as_str().expect("name").to_owned();
    assert!(text.contains(&format!("| 1 | {name} |")), "{text}");
    // The diff counts are the command's.
    let diff = json(&["diff", &graph(), "--from", "2014-03-17", "--to", "2014-07-31", "--json"]);
    let counts = format!("{} ties appeared, {} ended", array(&diff["appeared"]).len(), array(&diff["ended"]).len());
    assert!(text.contains(&counts), "{counts}:\n{text}");

    let dir = temp_dir();
    let file = dir.path().join("briefing.md");
    let written = relgraph(&["run", &script("report.rhai"), &file.display().to_string()]);
    assert!(written.status.success());
    let saved = std::fs::read_to_string(&file).expect("the briefing was written");
    assert!(text.starts_with(saved.trim_end()), "the file holds the briefing");
}

#[test]
fn diagrams_script_writes_one_svg_per_country() {
    let dir = temp_dir();
    let out = relgraph(&["run", &script("diagrams.rhai"), &dir.path().display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let countries = json(&["nodes", &graph(), "--kind", "country", "--json"]);
    for country in array(&countries) {
        let id = country["id"].as_str().expect("id");
        let svg = std::fs::read_to_string(dir.path().join(format!("{id}.svg"))).expect("one file per country");
        assert!(svg.contains("</svg>"), "{id}");
    }
    assert_eq!(stdout(&out).lines().count(), array(&countries).len());
    let missing = relgraph(&["run", &script("diagrams.rhai")]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("diagrams.rhai:"), "{}", stderr(&missing));
}

#[test]
fn edge_list_script_prints_what_the_commands_print() {
    let karate = common::repo().join("tests/fixtures/networkx/karate.tsv").display().to_string();
    let out = relgraph(&["run", &script("edge_list.rhai"), &karate]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("34 nodes, 78 edges"), "{text}");
    assert!(text.contains("components: 1 (sizes 34)"), "{text}");
    assert!(text.contains(&ok(&["brokers", &karate])), "{text}");
    assert!(text.contains(&ok(&["centrality", &karate, "--measure", "betweenness", "--top", "10"])), "{text}");
}

#[test]
fn what_if_script_shows_the_channel_and_balance_change() {
    let out = relgraph(&["run", &script("what_if.rhai")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("removed 2 ties between Abe and Putin"), "{text}");
    // With the channel, Abe's support for Putin is the direct one, as the CLI says.
    let direct = json(&["path", &graph(), "abe", "putin", "--strongest", "--at", "2014-07-31", "--json"]);
    let strength = number(&array(&direct)[0]["strength"]);
    assert!(text.contains(&format!("with the channel:    ambivalent: support {strength:.4}")), "{strength}:\n{text}");
    let balance =
        json(&["balance", &graph(), "--at", "2014-07-31", "--node-kind", "country,leader,organization", "--json"]);
    let line = format!("with the channel:    {} of {} triangles balanced", balance["balanced"], balance["triangles"]);
    assert!(text.contains(&line), "{line}:\n{text}");
}

#[test]
fn the_documented_snippets_run() {
    let dir = temp_dir();
    let snippet = |text: &str, fence: &str| -> String {
        let start = text.find(fence).expect("a snippet") + fence.len();
        let end = start + text[start..].find("```").expect("its end");
        text[start..end].to_owned()
    };
    let docs = std::fs::read_to_string(common::repo().join("docs/scripting.md")).expect("docs");
    let canada = dir.path().join("canada.svg");
    let code = snippet(&docs, "```rhai\n").replace("\"canada.svg\"", &format!("{:?}", canada.display().to_string()));
    let file = dir.path().join("docs.rhai");
    std::fs::write(&file, code).expect("write");
    let out = relgraph(&["run", &file.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&ok(&["influence", &graph(), "--on", "Russia", "--top", "5"])));
    assert!(canada.exists());

    let readme = std::fs::read_to_string(common::repo().join("README.md")).expect("README");
    let file = dir.path().join("readme.rhai");
    std::fs::write(&file, snippet(&readme, "```rhai\n")).expect("write");
    let out = relgraph(&["run", &file.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Influence on Vladimir Putin"), "{}", stdout(&out));
    let what_if = stdout(&relgraph(&["run", &script("what_if.rhai")]));
    assert!(readme.contains(&what_if), "README shows what what_if.rhai prints:\n{what_if}");
}

#[test]
fn a_runaway_script_stops_and_errors_name_their_place() {
    let dir = temp_dir();
    let file = dir.path().join("loop.rhai");
    std::fs::write(&file, "let n = 0;\nwhile true {\n    n += 1;\n}\n").expect("write");
    let name = file.display().to_string();
    let started = std::time::Instant::now();
    let out = relgraph(&["run", "--max-operations", "200000", &name]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("operation limit"), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{name}:")), "{}", stderr(&out));
    assert!(started.elapsed().as_secs() < 60, "stopped within its limit");

    std::fs::write(&file, "let x = 1;\nlet y = x +;\n").expect("write");
    let out = relgraph(&["run", &name]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with(&format!("relgraph: error: {name}:2:")), "{}", stderr(&out));

    std::fs::write(&file, "let m = load(\"graphs/japan_russia_2014.ron\");\nprint(m.paths(\"Canada\", \"Narnia\"));\n")
        .expect("write");
    let out = relgraph(&["run", &name]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{name}:2:")), "{}", stderr(&out));
    assert!(stderr(&out).contains("no node is called `Narnia`"), "{}", stderr(&out));
}

#[test]
fn a_script_prints_exactly_what_the_command_prints() {
    let dir = temp_dir();
    let file: PathBuf = dir.path().join("same.rhai");
    std::fs::write(
        &file,
        "let m = load(\"graphs/japan_russia_2014.ron\");\nprint(m.paths(\"Canada\", \"Kuril Islands dispute\", #{strongest: true, k: 3}));\nprint(json(m.influence_on(\"Japan\", #{top: 3}).data));\n",
    )
    .expect("write");
    let out = stdout(&relgraph(&["run", &file.display().to_string()]));
    let text = ok(&["path", &graph(), "Canada", "Kuril Islands dispute", "--strongest", "-k", "3"]);
    assert!(out.starts_with(&text), "{out}");
    let printed: Value = serde_json::from_str(out[text.len() + 1..].trim()).expect("the script printed JSON");
    assert_eq!(printed, json(&["influence", &graph(), "--on", "Japan", "--top", "3", "--json"]));
}
