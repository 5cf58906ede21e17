//! `relgraph fmt` through the real binary: canonical layout, `--check`, stdin, broken files.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::{japan_russia, relgraph, SMALL};

fn text(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn check_fails_on_an_unformatted_file_and_passes_after_fmt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    let with_comment =
        SMALL.replace("    title: \"Test\",", "    title: \"Test\", // the title\n    // before the sources");
    std::fs::write(&path, &with_comment).unwrap();
    let file = path.to_str().unwrap();

    let check = relgraph(&["fmt", "--check", file]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), file);
    assert_eq!(text(&path), with_comment, "--check wrote the file");

    assert_eq!(relgraph(&["fmt", file]).status.code(), Some(0));
    let formatted = text(&path);
    assert!(
        formatted.contains("    title: \"Test\", // the title\n    // before the sources\n    sources: [\n"),
        "{formatted}"
    );
    assert!(formatted.contains("        Node(\n            id: \"russia\",\n            kind: country,\n            name: \"Russia\",\n            aliases: [\"Moscow\"],\n        ),\n"));
    assert_eq!(relgraph(&["fmt", "--check", file]).status.code(), Some(0));
    // Meaning kept: the same nodes and ties, in the same order.
    let before = relgraph::io::ron::parse(SMALL, &path).unwrap();
    let after = relgraph::io::ron::load(&path).unwrap();
    assert_eq!(before.to_file(), after.to_file());
}

#[test]
fn a_file_with_errors_is_left_untouched_with_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let broken = SMALL.replace("to: \"russia\"", "to: \"rusia\"");
    std::fs::write(&path, &broken).unwrap();
    let output = relgraph(&["fmt", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.ron:11:33: error: unknown node `rusia`"), "{stderr}");
    assert_eq!(text(&path), broken);
}

#[test]
fn dash_reads_stdin_and_writes_stdout() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(SMALL.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let formatted = String::from_utf8(output.stdout).unwrap();
    assert!(formatted.starts_with("Model(\n    title: \"Test\",\n    sources: [\n        Source(\n"), "{formatted}");
    // Idempotent: formatting the output again changes nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("once.ron");
    std::fs::write(&path, &formatted).unwrap();
    assert_eq!(relgraph(&["fmt", "--check", path.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn the_shipped_model_is_in_canonical_form() {
    let output = relgraph(&["fmt", "--check", japan_russia().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
}
