//! Integration tests: readme — every command the README, `--help` examples and the scripts
//! show, run through the real binary on the shipped model, its standard output compared
//! byte for byte with a committed snapshot under `tests/snapshots/readme/`.
//!
//! These pin the command line's behaviour across refactoring: a change in what a command
//! prints fails here until the snapshot is regenerated on purpose with
//! `RELGRAPH_BLESS=1 cargo test --test main readme` and the difference read in review.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::repo;

const MODEL: &str = "graphs/japan_russia_2014.ron";
const EDGE_LIST: &str = "tests/fixtures/networkx/karate.tsv";

/// `(snapshot name, arguments)`; `MODEL` and `EDGE_LIST` stand for the shipped files, `OUT`
/// for a file in a fresh temporary folder (whose contents are snapshotted as `NAME.out`).
const COMMANDS: &[(&str, &[&str])] = &[
    ("check", &["check", MODEL]),
    ("check_json", &["check", "--json", MODEL]),
    ("info", &["info", MODEL]),
    ("info_at_json", &["info", MODEL, "--at", "2013-12-31", "--json"]),
    ("nodes_territory", &["nodes", MODEL, "--kind", "territory"]),
    ("nodes_leader", &["nodes", MODEL, "--kind", "leader"]),
    ("nodes_json", &["nodes", MODEL, "--kind", "territory,dispute", "--json"]),
    ("edges_putin_conflictual", &["edges", MODEL, "--node", "Putin", "--polarity", "conflictual"]),
    ("edges_sanctions", &["edges", MODEL, "--kind", "sanctions"]),
    ("edges_putin_at", &["edges", MODEL, "--node", "Putin", "--polarity", "cooperative", "--at", "2014-01-01"]),
    ("edges_json", &["edges", MODEL, "--json"]),
    ("neighbors_japan", &["neighbors", MODEL, "Japan"]),
    ("neighbors_kurils", &["neighbors", MODEL, "Southern Kurils", "--depth", "2", "--direction", "in"]),
    ("neighbors_territories", &["neighbors", MODEL, "Northern Territories", "--depth", "2"]),
    ("path_hops", &["path", MODEL, "Canada", "Kuril Islands dispute"]),
    ("path_strongest", &["path", MODEL, "Canada", "Kuril Islands dispute", "--strongest", "-k", "3"]),
    ("path_us_putin", &["path", MODEL, "United States", "Putin", "--strongest", "-k", "3"]),
    ("path_all", &["path", MODEL, "Obama", "Putin", "--all", "--max-hops", "3", "--avoid-kind", "event"]),
    ("path_strongest_json", &["path", MODEL, "Canada", "kuril_dispute", "--strongest", "-k", "3", "--json"]),
    ("path_weighted_list", &["path", EDGE_LIST, "0", "33", "--weighted", "--json"]),
    ("influence_on_russia", &["influence", MODEL, "--on", "Russia", "--top", "4"]),
    ("influence_on_russia_all", &["influence", MODEL, "--on", "Russia"]),
    ("influence_on_japan", &["influence", MODEL, "--on", "Japan"]),
    ("influence_on_japan_json", &["influence", MODEL, "--on", "Japan", "--at", "2014-07-31", "--json"]),
    ("influence_from_us_total", &["influence", MODEL, "--from", "United States", "--method", "total"]),
    ("influence_from_us", &["influence", MODEL, "--from", "United States"]),
    ("influence_on_kuril", &["influence", MODEL, "--on", "Kuril Islands dispute"]),
    ("influence_list_directed", &["influence", EDGE_LIST, "--on", "7", "--directed"]),
    ("brokers", &["brokers", MODEL]),
    ("brokers_json", &["brokers", MODEL, "--polarity", "cooperative", "--json"]),
    ("balance_after", &["balance", MODEL, "--at", "2014-07-31", "--node-kind", "country,leader,organization"]),
    ("balance_before", &["balance", MODEL, "--at", "2013-12-31", "--node-kind", "country,leader,organization"]),
    ("balance", &["balance", MODEL]),
    ("balance_json", &["balance", MODEL, "--at", "2014-06", "--json"]),
    ("diff_crimea", &["diff", MODEL, "--from", "2014-03-17", "--to", "2014-07-31", "--top", "8"]),
    ("diff_pagerank", &["diff", MODEL, "--from", "2013", "--to", "2014-07", "--measure", "pagerank", "--top", "5"]),
    ("centrality_all", &["centrality", MODEL, "--measure", "all", "--top", "10"]),
    ("centrality_betweenness", &["centrality", MODEL, "--measure", "betweenness", "--top", "10"]),
    ("centrality_cooperative", &["centrality", MODEL, "--measure", "all", "--polarity", "cooperative"]),
    ("centrality_list_json", &["centrality", EDGE_LIST, "--measure", "pagerank", "--weighted", "--json"]),
    ("centrality_sample", &["centrality", EDGE_LIST, "--measure", "betweenness", "--sample", "10", "--seed", "7"]),
    ("components", &["components", MODEL]),
    ("components_list_json", &["components", EDGE_LIST, "--directed", "--json"]),
    ("ego_kuril", &["ego", MODEL, "Kuril Islands dispute", "--depth", "2"]),
    ("ego_canada_out", &["ego", MODEL, "Canada", "--depth", "2", "-o", "OUT.ron"]),
    ("timeline", &["timeline", MODEL]),
    ("timeline_japan_json", &["timeline", MODEL, "--node", "Japan", "--json"]),
    ("export_dot", &["export", MODEL, "--format", "dot", "--cluster-by", "country"]),
    ("export_dot_plain", &["export", MODEL]),
    ("export_svg_builtin", &["export", MODEL, "--format", "svg", "--cluster-by", "country", "--renderer", "builtin"]),
    ("export_svg_out", &["export", MODEL, "--cluster-by", "country", "--renderer", "builtin", "-o", "OUT.svg"]),
    (
        "export_focus",
        &["export", MODEL, "--focus", "Kuril Islands dispute", "--depth", "1", "--renderer", "builtin", "-f", "svg"],
    ),
    (
        "export_highlight",
        &[
            "export",
            MODEL,
            "--highlight-path",
            "Canada",
            "kuril_dispute",
            "--strongest",
            "--renderer",
            "builtin",
            "-f",
            "svg",
        ],
    ),
    ("export_highlight_dot", &["export", MODEL, "--highlight-path", "Canada", "kuril_dispute", "--format", "dot"]),
    ("export_size_by", &["export", MODEL, "--at", "2014-01-01", "--size-by", "betweenness", "--format", "dot"]),
    ("export_size_by_influence", &["export", MODEL, "--size-by", "influence", "--on", "Russia", "--format", "dot"]),
    ("export_html", &["export", MODEL, "--cluster-by", "country", "-o", "OUT.html"]),
    ("export_graphml", &["export", MODEL, "--format", "graphml"]),
    ("export_gexf", &["export", MODEL, "--format", "gexf"]),
    ("export_json", &["export", MODEL, "--format", "json"]),
    ("export_ron", &["export", MODEL, "--format", "ron"]),
    ("export_tsv", &["export", MODEL, "--format", "tsv"]),
    ("export_csv_at", &["export", MODEL, "--format", "csv", "--at", "2014-07-31"]),
    ("run_what_if", &["run", "examples/scripts/what_if.rhai"]),
    ("run_report", &["run", "examples/scripts/report.rhai"]),
    ("run_edge_list", &["run", "examples/scripts/edge_list.rhai", EDGE_LIST]),
];

/// The folder the snapshots live in.
fn snapshots() -> PathBuf {
    repo().join("tests/snapshots/readme")
}

/// Compares `actual` with the snapshot `name`, or writes it when `RELGRAPH_BLESS` is set.
fn compare(name: &str, actual: &[u8], failures: &mut Vec<String>) {
    let path = snapshots().join(name);
    if std::env::var_os("RELGRAPH_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write the snapshot");
        return;
    }
    match std::fs::read(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let (e, a) = (String::from_utf8_lossy(&expected), String::from_utf8_lossy(actual));
            let line =
                e.lines().zip(a.lines()).position(|(x, y)| x != y).unwrap_or(e.lines().count().min(a.lines().count()));
            failures.push(format!(
                "{name}: differs from its snapshot at line {}\n  expected: {:?}\n  actual:   {:?}",
                line + 1,
                e.lines().nth(line).unwrap_or("<end>"),
                a.lines().nth(line).unwrap_or("<end>")
            ));
        }
        Err(_) => failures.push(format!("{name}: no snapshot at {}", path.display())),
    }
}

/// Runs one command from the repository root, `OUT` placed in `dir`.
fn run(args: &[&str], dir: &Path) -> (Option<i32>, Vec<u8>, Option<PathBuf>) {
    let mut out_file = None;
    let args: Vec<String> = args
        .iter()
        .map(|a| match a.strip_prefix("OUT") {
            Some(ext) => {
                let path = dir.join(format!("out{ext}"));
                out_file = Some(path.clone());
                path.display().to_string()
            }
            None => (*a).to_owned(),
        })
        .collect();
    let output = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(&args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    // The temporary folder differs run to run: name it as the README does.
    let stdout = String::from_utf8_lossy(&output.stdout).replace(&dir.display().to_string(), "DIR").into_bytes();
    (output.status.code(), stdout, out_file)
}

#[test]
fn every_readme_command_prints_what_its_snapshot_holds() {
    let mut failures = Vec::new();
    for (name, args) in COMMANDS {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (status, stdout, out_file) = run(args, dir.path());
        if status != Some(0) {
            failures.push(format!("{name}: `relgraph {}` exited with {status:?}", args.join(" ")));
            continue;
        }
        compare(&format!("{name}.txt"), &stdout, &mut failures);
        if let Some(file) = out_file {
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(!bytes.is_empty(), "{name}: wrote nothing to {}", file.display());
            compare(&format!("{name}.out"), &bytes, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} of {} commands changed:\n{}", failures.len(), COMMANDS.len(), failures.join("\n"));
}

#[test]
fn the_readme_examples_are_among_the_snapshots() {
    // Every `$ relgraph …` line in the README's console blocks has a snapshot whose text
    // is the block's output, so the README shows what the command prints.
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let Some(command) = block.lines().next().and_then(|l| l.strip_prefix("$ relgraph ")) else { continue };
        let shown: Vec<&str> = block.lines().skip(1).collect();
        let Some((name, _)) = COMMANDS.iter().find(|(_, args)| words(args) == split(command)) else {
            panic!("README command `relgraph {command}` has no snapshot in tests/readme.rs");
        };
        let snapshot = std::fs::read_to_string(snapshots().join(format!("{name}.txt"))).expect("the snapshot");
        // The README may elide lines with `…`: every line shown must be in the snapshot, in order.
        let mut lines = snapshot.lines();
        for line in shown.iter().filter(|l| l.trim() != "…") {
            assert!(
                lines.any(|l| l == *line),
                "README output of `relgraph {command}` shows a line the command does not print: {line:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "found only {checked} README examples");
}

fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

/// Splits a shell line on spaces, keeping double-quoted words whole.
fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}
