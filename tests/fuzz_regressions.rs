//! The fuzzers' findings, replayed under plain `cargo test`: every input in
//! `tests/fixtures/fuzz/TARGET/`, and every input of the committed minimised corpus
//! `fuzz/corpus/TARGET/`, goes through the checks of fuzz target TARGET
//! (`fuzz/src/checks.rs`, shared with the fuzz crate so the two cannot drift). A finding is
//! named after what it guards; docs/fuzzing.md lists them. Models for the `export` target
//! are kept as RON model files (the export target prints its model so with
//! `RELGRAPH_FUZZ_PRINT=1`).

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use std::path::PathBuf;

use crate::common::repo;

/// The inputs kept for a target in these folders (relative to the repository), by path.
fn inputs(target: &str, folders: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in folders {
        let dir = repo().join(folder).join(target);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files.extend(entries.map(|entry| entry.expect("a directory entry").path()).filter(|p| p.is_file()));
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(repo()).unwrap_or(&path).display().to_string();
            (name, std::fs::read(&path).expect("the input reads"))
        })
        .collect()
}

/// Runs the findings and the corpus of a target through `check`, naming the input that
/// fails.
fn replay(target: &str, check: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    replay_from(target, &["tests/fixtures/fuzz", "fuzz/corpus"], check);
}

fn replay_from(target: &str, folders: &[&str], check: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    let inputs = inputs(target, folders);
    assert!(!inputs.is_empty(), "no inputs kept for {target}");
    for (name, bytes) in inputs {
        if let Err(panic) = std::panic::catch_unwind(|| check(&bytes)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            panic!("fuzz regression {name} fails: {message}");
        }
    }
}

#[test]
fn ron_model_findings_load_or_fail_cleanly() {
    replay("ron_model", checks::ron_model);
}

#[test]
fn edge_list_findings_load_or_fail_cleanly() {
    replay("edge_list", checks::edge_list);
}

#[test]
fn graphml_findings_import_or_fail_cleanly() {
    replay("graphml", checks::graphml);
}

#[test]
fn json_findings_import_or_fail_cleanly() {
    replay("json", checks::json);
}

#[test]
fn profile_findings_load_or_fail_cleanly() {
    replay("profile", checks::profile);
}

#[test]
fn export_findings_export_to_outputs_that_parse() {
    // The corpus of this target is bytes for `arbitrary`, which the tests do not use.
    replay_from("export", &["tests/fixtures/fuzz"], |bytes| {
        let text = std::str::from_utf8(bytes).expect("a RON model is UTF-8");
        let model = relgraph::io::ron::parse(text, "export.ron".as_ref()).expect("a valid model");
        checks::export(&model);
    });
}

#[test]
fn tsv_export_keeps_an_edge_whose_source_starts_with_a_hash() {
    // Found by edge_list: `"#c",d` read from CSV was written to TSV as `#c<TAB>d`, a comment.
    let model = relgraph::io::edgelist::parse("a,\"#b\"\n\"#c\",d\n", "g.csv".as_ref()).expect("valid CSV");
    let tsv = relgraph::io::edgelist::write(&model, '\t');
    let again = relgraph::io::edgelist::parse(&tsv, "g.tsv".as_ref()).expect("valid TSV");
    let ids: Vec<_> = again.edges().map(|e| (e.from.as_str(), e.to.as_str())).collect();
    assert_eq!(ids, [("a", "#b"), ("\u{ff03}c", "d")]);
}

#[test]
fn a_quoted_blank_name_is_an_empty_name() {
    // Found by edge_list: `" ",c` loaded, and its TSV export did not read back.
    let error = relgraph::io::edgelist::parse("a,b\n\" \",c\n", "g.csv".as_ref()).expect_err("a blank name");
    assert_eq!(error.to_string(), "g.csv:2:1: empty node name");
}
