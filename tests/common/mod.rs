//! Helpers shared by the integration test modules: paths, a small model, parsing shortcuts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use relgraph::io::diagnostic::{Diagnostic, Diagnostics};
use relgraph::Model;
use serde_json::Value;

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped Japan–Russia graph.
pub fn japan_russia() -> PathBuf {
    repo().join("graphs/japan_russia_2014.ron")
}

/// Loads the shipped Japan–Russia graph.
pub fn load_japan_russia() -> Model {
    relgraph::io::ron::load(&japan_russia()).expect("the shipped graph loads")
}

/// A small valid model. Line numbers and columns in the diagnostic tests refer to it.
pub const SMALL: &str = r#"Model(
    title: "Test",
    sources: [Source(id: "miller2014", title: "S")],
    nodes: [
        Node(id: "japan", kind: country, name: "Japan"),
        Node(id: "russia", kind: country, name: "Russia", aliases: ["Moscow"]),
        Node(id: "abe", kind: leader, name: "Shinzo Abe"),
    ],
    edges: [
        Edge(from: "abe", to: "japan", kind: leads, since: "2012"),
        Edge(from: "japan", to: "russia", kind: meets),
    ],
)
"#;

/// `SMALL` with `from` (which must occur exactly once) replaced by `to`.
pub fn small_with(from: &str, to: &str) -> String {
    assert_eq!(SMALL.matches(from).count(), 1, "`{from}` must occur once in SMALL");
    SMALL.replacen(from, to, 1)
}

/// Parses text that must be valid.
pub fn parse_ok(text: &str) -> Model {
    match relgraph::io::ron::parse(text, Path::new("x.ron")) {
        Ok(model) => model,
        Err(diagnostics) => panic!("expected a valid model, got:\n{}", diagnostics.render()),
    }
}

/// Parses text that must be invalid, returning its diagnostics.
pub fn parse_err(text: &str) -> Diagnostics {
    match relgraph::io::ron::parse(text, Path::new("x.ron")) {
        Ok(_) => panic!("expected diagnostics for:\n{text}"),
        Err(diagnostics) => diagnostics,
    }
}

/// The one diagnostic that text must produce.
pub fn only_problem(text: &str) -> Diagnostic {
    let diagnostics = parse_err(text);
    assert_eq!(diagnostics.items.len(), 1, "expected one problem, got:\n{}", diagnostics.render());
    diagnostics.items.into_iter().next().expect("one item")
}

/// Writes `bytes` to a fresh temporary `.ron` file.
pub fn temp_model(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".ron").tempfile().expect("temp file");
    std::io::Write::write_all(&mut file, bytes).expect("write temp file");
    file
}

/// Runs the real `relgraph` binary.
pub fn relgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relgraph")).args(args).output().expect("the binary runs")
}

/// A command's standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// A command's standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must succeed.
pub fn ok(args: &[&str]) -> String {
    let output = relgraph(args);
    assert_eq!(output.status.code(), Some(0), "relgraph {args:?} failed:\n{}", stderr(&output));
    stdout(&output)
}

/// Runs a command that must succeed and print JSON.
pub fn json(args: &[&str]) -> Value {
    let text = ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("relgraph {args:?} printed bad JSON ({e}):\n{text}"))
}

/// A JSON value that must be an array.
pub fn array(value: &Value) -> &Vec<Value> {
    value.as_array().unwrap_or_else(|| panic!("not an array: {value}"))
}

/// The shipped graph's path, as a command-line argument.
pub fn graph() -> String {
    japan_russia().display().to_string()
}

/// The id of the one node the library finds by this name.
pub fn id_of(model: &Model, name: &str) -> String {
    match model.lookup(name) {
        relgraph::model::Lookup::Found(index) => model.graph()[index].id.clone(),
        other => panic!("{name}: {other:?}"),
    }
}

/// Four countries tied by cooperation: A–B 0.9, B–D 0.9, A–C 0.5, C–D 1.0, A–D 0.3. By hand,
/// shortest A→D by weight as distance: 0.3, 1.5, 1.8; strongest paths in tests/influence.rs.
pub const WEIGHTED: &str = r#"Model(
    title: "Weighted square",
    nodes: [
        Node(id: "a", kind: country, name: "A"),
        Node(id: "b", kind: country, name: "B"),
        Node(id: "c", kind: country, name: "C"),
        Node(id: "d", kind: country, name: "D"),
    ],
    edges: [
        Edge(from: "a", to: "b", kind: cooperates_with, weight: 0.9),
        Edge(from: "b", to: "d", kind: cooperates_with, weight: 0.9),
        Edge(from: "a", to: "c", kind: cooperates_with, weight: 0.5),
        Edge(from: "c", to: "d", kind: cooperates_with, weight: 1.0),
        Edge(from: "a", to: "d", kind: cooperates_with, weight: 0.3),
    ],
)
"#;

/// Parses an XML document to the end with quick-xml; panics when it is not well-formed.
pub fn assert_well_formed_xml(text: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let name = r.decode().unwrap();
                let ok = r.resolve_char_ref().unwrap().is_some()
                    || quick_xml::escape::resolve_predefined_entity(&name).is_some();
                assert!(ok, "unknown entity &{name};");
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
        }
    }
    assert_eq!(depth, 0, "unbalanced elements");
}
