//! What each fuzz target checks, shared by the fuzz targets (fuzz/fuzz_targets/) and the
//! regression tests that replay their findings under `cargo test`
//! (tests/fuzz_regressions.rs). See docs/fuzzing.md.
//!
//! Loaders are driven through the entry point the command line uses, [`relgraph::io::load`],
//! which picks the format by file extension: each input is written to a scratch file of
//! this thread and loaded from there. Whatever the input, loading must return a model or an
//! error that renders; a model that loads must survive a save and a load unchanged. Exports
//! are checked by parsing their output again.

use std::path::PathBuf;

use relgraph::api::Format;
use relgraph::export::{DotOptions, Theme};
use relgraph::model::Model;
use relgraph::Error;

/// A RON model file, loaded and validated as `relgraph check` loads it.
pub fn ron_model(bytes: &[u8]) {
    match load_as(bytes, "ron") {
        Ok(model) => assert_ron_round_trip(&model),
        Err(error) => render_error(&error),
    }
}

/// An edge list (the separator is detected from the text): a list that loads is written as
/// TSV and CSV and must read back with the same ties.
pub fn edge_list(bytes: &[u8]) {
    match load_as(bytes, "tsv") {
        Ok(model) => {
            for format in [Format::Tsv, Format::Csv] {
                let text = model.view().export(format).unwrap_or_else(|e| panic!("{format:?} export: {e}"));
                check_edge_list(&model, &text, format);
            }
        }
        Err(error) => render_error(&error),
    }
}

/// A GraphML document: a model that imports exports to GraphML and imports again unchanged.
pub fn graphml(bytes: &[u8]) {
    import(bytes, "graphml", Format::Graphml);
}

/// A node-link JSON document: a model that imports exports to JSON and imports again
/// unchanged.
pub fn json(bytes: &[u8]) {
    import(bytes, "json", Format::Json);
}

fn import(bytes: &[u8], extension: &str, format: Format) {
    match load_as(bytes, extension) {
        Ok(model) => {
            assert_interchange_round_trip(&model, format);
            relgraph::io::ron::to_string(&model);
        }
        Err(error) => render_error(&error),
    }
}

/// The model exported as GraphML or node-link JSON imports again unchanged (GraphML up to
/// the characters XML cannot hold, see [`in_xml`]).
fn assert_interchange_round_trip(model: &Model, format: Format) {
    let (text, again) = if format == Format::Graphml {
        let text = relgraph::io::graphml::write(model);
        let again = relgraph::io::graphml::read(&text);
        (text, again)
    } else {
        let text = relgraph::io::json::write(model);
        let again = relgraph::io::json::read(&text);
        (text, again)
    };
    let again = again.unwrap_or_else(|e| panic!("exported {format:?} does not import: {e}\n{text}"));
    if format == Format::Graphml {
        assert_eq!(in_xml(&again), in_xml(model), "GraphML round trip changed the model\n{text}");
    } else {
        assert_eq!(again.to_file(), model.to_file(), "{format:?} round trip changed the model\n{text}");
    }
}

/// An influence profile file, loaded as `--profile FILE` loads it: a profile that loads
/// saves and loads again unchanged.
pub fn profile(bytes: &[u8]) {
    let path = scratch_file(bytes, "ron");
    match relgraph::io::profile::load(&path) {
        Ok(profile) => {
            let text = relgraph::io::profile::to_string(&profile);
            match relgraph::io::profile::parse(&text, "round-trip.ron".as_ref()) {
                Ok(again) => assert!(again == profile, "profile round trip changed it\n{text}"),
                Err(diagnostics) => panic!("saved profile does not load:\n{}\n{text}", diagnostics.render()),
            }
        }
        Err(error) => render_error(&error),
    }
}

/// A scratch file of this thread with the given extension, holding `bytes`.
pub fn scratch_file(bytes: &[u8], extension: &str) -> PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_digit(), "");
    let path = dir.join(format!("relgraph-fuzz-{}-{thread}.{extension}", std::process::id()));
    std::fs::write(&path, bytes).expect("the scratch file can be written");
    path
}

/// Loads `bytes` as the command line loads a file with this extension.
pub fn load_as(bytes: &[u8], extension: &str) -> Result<Model, Error> {
    let path = scratch_file(bytes, extension);
    relgraph::io::load(&path)
}

/// Renders an error as the command line prints it (the diagnostics with their snippets),
/// so that rendering is fuzzed too.
pub fn render_error(error: &Error) {
    let text = error.to_string();
    assert!(!text.is_empty());
    if let Error::Invalid { diagnostics } = error {
        assert!(!diagnostics.render().is_empty());
    }
}

/// The model as RON, read back by the RON loader: it must load and equal the model.
pub fn assert_ron_round_trip(model: &Model) {
    let text = relgraph::io::ron::to_string(model);
    match relgraph::io::ron::parse(&text, "round-trip.ron".as_ref()) {
        Ok(again) => assert!(again == *model, "RON round trip changed the model:\n{text}"),
        Err(diagnostics) => panic!("saved RON does not load:\n{}\n{text}", diagnostics.render()),
    }
}

/// Every text format an arbitrary model is exported to by [`export`].
pub const TEXT_FORMATS: [Format; 9] = [
    Format::Dot,
    Format::Svg,
    Format::Html,
    Format::Graphml,
    Format::Gexf,
    Format::Json,
    Format::Ron,
    Format::Tsv,
    Format::Csv,
];

/// Exports the model to every text format and checks that each output parses: DOT with
/// graphviz-rust's parser, SVG and GEXF as well-formed XML, the HTML page's data block as
/// JSON, and GraphML, node-link JSON, RON and edge lists with relgraph's own readers.
pub fn export(model: &Model) {
    let selection = model.view();
    let (options, theme) = (DotOptions::new(), Theme::default());
    for format in TEXT_FORMATS {
        let text =
            selection.export_with(format, &options, &theme).unwrap_or_else(|e| panic!("{format:?} export failed: {e}"));
        match format {
            Format::Dot => {
                if let Err(e) = graphviz_rust::parse(&text) {
                    panic!("DOT does not parse: {e}\n{text}");
                }
            }
            Format::Svg | Format::Gexf => assert_well_formed_xml(&text, format),
            Format::Html => check_html(&text),
            Format::Graphml | Format::Json => assert_interchange_round_trip(model, format),
            Format::Ron => assert_ron_round_trip(model),
            Format::Tsv | Format::Csv => check_edge_list(model, &text, format),
            _ => {}
        }
    }
    let cypher = relgraph::io::neo4j::import_cypher(model);
    let nodes = relgraph::io::neo4j::nodes_csv(model);
    let relationships = relgraph::io::neo4j::relationships_csv(model);
    for (name, csv) in [("nodes", &nodes), ("relationships", &relationships)] {
        assert_csv_rows(csv, name);
    }
    assert!(!cypher.is_empty());
}

/// The model's file form as JSON, each character XML 1.0 cannot hold (controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD, as the GraphML
/// writer documents.
fn in_xml(model: &Model) -> serde_json::Value {
    fn clean(text: &str) -> String {
        let xml =
            |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
        text.chars().map(|c| if xml(c) { c } else { '\u{FFFD}' }).collect()
    }
    fn walk(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(s) => Value::String(clean(&s)),
            Value::Array(items) => Value::Array(items.into_iter().map(walk).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (clean(&k), walk(v))).collect()),
            other => other,
        }
    }
    walk(serde_json::to_value(model.to_file()).expect("a model file is JSON"))
}

fn assert_well_formed_xml(text: &str, format: Format) {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                if let Err(e) = t.decode() {
                    panic!("{format:?}: bad text at {}: {e}\n{text}", reader.buffer_position());
                }
            }
            Ok(_) => {}
            Err(e) => panic!("{format:?} is not well-formed XML at {}: {e}\n{text}", reader.error_position()),
        }
    }
    assert_eq!(depth, 0, "{format:?}: unclosed elements\n{text}");
}

/// The page holds exactly its two scripts (no text of the model closes or opens one), and
/// its data block is JSON.
fn check_html(page: &str) {
    let lower = page.to_ascii_lowercase();
    assert_eq!(lower.matches("<script").count(), 2, "a model text opened a script");
    assert_eq!(lower.matches("</script").count(), 2, "a model text closed a script");
    let open = r#"<script type="application/json" id="relgraph-data">"#;
    let start = page.find(open).expect("the page has its data block") + open.len();
    let end = page[start..].find("</script>").expect("the data block is closed") + start;
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&page[start..end]) {
        panic!("the page's data is not JSON: {e}");
    }
}

/// An edge list keeps the edges (as node id pairs, with weights; 1 where none is given):
/// reading it back gives the same ties in the same order. The writers replace line breaks in
/// names (and tabs, for TSV) by spaces, reading TSV trims names, and a TSV source that starts
/// with `#` starts with `＃` instead (else the line would be a comment).
fn check_edge_list(model: &Model, text: &str, format: Format) {
    let list = relgraph::io::edgelist::parse_list(text, "round-trip.tsv".as_ref())
        .unwrap_or_else(|e| panic!("{format:?} edge list does not parse: {e}\n{text}"));
    assert_eq!(list.edge_count(), model.edge_count(), "{format:?}: edge count\n{text}");
    let clean = |s: &str| -> String {
        let breaks = |c: char| matches!(c, '\n' | '\r') || (format == Format::Tsv && c == '\t');
        let s: String = s.chars().map(|c| if breaks(c) { ' ' } else { c }).collect();
        // CSV quotes names with surrounding spaces; TSV cannot, and reading trims them.
        if format == Format::Tsv {
            s.trim().to_owned()
        } else {
            s
        }
    };
    for (i, edge) in model.edges().enumerate() {
        let (s, t) = list.ends(i);
        let (s, t) = (list.label(s as usize), list.label(t as usize));
        let mut from = clean(&edge.from);
        if format == Format::Tsv && from.starts_with('#') {
            from = from.replacen('#', "\u{ff03}", 1);
        }
        assert_eq!(s.map(str::to_owned), Some(from), "{format:?}: source of edge {i}\n{text}");
        assert_eq!(t.map(str::to_owned), Some(clean(&edge.to)), "{format:?}: target of edge {i}\n{text}");
        assert_eq!(list.weight(i), Some(edge.weight()), "{format:?}: weight of edge {i}\n{text}");
    }
}

fn assert_csv_rows(text: &str, name: &str) {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let width = reader.headers().map(|h| h.len()).unwrap_or_else(|e| panic!("{name}.csv header: {e}"));
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{name}.csv: {e}\n{text}"));
        assert_eq!(record.len(), width, "{name}.csv: ragged row\n{text}");
    }
}
