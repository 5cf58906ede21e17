//! Integration tests: model — loading, saving, diagnostics, dates, and the shipped graph.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use relgraph::io::diagnostic::Problem;
use relgraph::io::ron::{parse, to_string};
use relgraph::model::date::{days_in_month, DateError};
use relgraph::model::{Evidence, ModelFile, Source};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind, PartialDate};

use crate::common::{self, only_problem, parse_err, parse_ok, small_with, SMALL};

fn date(text: &str) -> PartialDate {
    text.parse().expect("a valid date")
}

// ---------------------------------------------------------------- round trip

#[test]
fn every_shipped_graph_round_trips_and_saves_deterministically() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(common::repo().join("graphs"))
        .expect("graphs/ is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "graphs/ holds no .ron file");
    for path in paths {
        let model = relgraph::io::ron::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(model.node_count() > 0, "{} has no nodes", path.display());
        let saved = to_string(&model);
        let reloaded =
            parse(&saved, &path).unwrap_or_else(|d| panic!("saved {} does not load:\n{}", path.display(), d.render()));
        assert_eq!(reloaded, model, "{} changes on a round trip", path.display());
        assert_eq!(to_string(&model), saved, "saving {} twice differs", path.display());
        assert_eq!(to_string(&reloaded), saved, "saving reloaded {} differs", path.display());
    }
}

#[test]
fn the_example_in_docs_format_md_loads() {
    let path = common::repo().join("docs/format.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fence = doc.find("```ron").expect("docs/format.md has a ```ron block");
    let start = fence + doc[fence..].find('\n').expect("the fence line ends") + 1;
    let end = start + doc[start..].find("```").expect("the ```ron block is closed");
    let model = parse(&doc[start..end], &path).unwrap_or_else(|d| panic!("the example does not load:\n{}", d.render()));
    assert!(model.node_count() > 0 && model.edge_count() > 0, "the example should have nodes and edges");
}

#[test]
fn saved_text_of_the_small_model_reloads_equal() {
    let model = parse_ok(SMALL);
    assert_eq!(model.node_count(), 3);
    assert_eq!(model.edge_count(), 2);
    assert_eq!(parse_ok(&to_string(&model)), model);
}

// ---------------------------------------------------------------- diagnostics, one per class

#[test]
fn syntax_error_missing_comma_reports_rons_position() {
    let d = only_problem(&small_with("kind: leads, since", "kind: leads since"));
    assert_eq!((d.line, d.column), (10, 52));
    assert_eq!(d.problem, Problem::Syntax { message: "Expected comma".into() });
}

#[test]
fn syntax_error_unclosed_paren_reports_end_of_input() {
    let text = SMALL.strip_suffix(")\n").expect("SMALL ends with `)`");
    let d = only_problem(text);
    assert_eq!((d.line, d.column), (12, 7));
    assert_eq!(d.problem, Problem::Syntax { message: "the file ends in the middle of a value".into() });
}

#[test]
fn unknown_node_reference_suggests_the_closest_id() {
    let d = only_problem(&small_with(r#"to: "russia""#, r#"to: "rusia""#));
    assert_eq!((d.line, d.column), (11, 33));
    assert_eq!(d.problem, Problem::UnknownNode { id: "rusia".into(), suggestion: Some("russia".into()) });
    assert_eq!(d.problem.hint().as_deref(), Some("did you mean `russia`?"));
    assert_eq!(d.problem.to_string(), "unknown node `rusia`");
}

#[test]
fn unknown_node_reference_by_name_or_alias_suggests_that_nodes_id() {
    for (written, meant) in [("Russia", "russia"), ("Moscow", "russia"), ("Shinzo Abe", "abe"), ("JAPAN", "japan")] {
        let d = only_problem(&small_with(r#"to: "russia""#, &format!(r#"to: "{written}""#)));
        assert_eq!((d.line, d.column), (11, 33), "for {written}");
        assert_eq!(d.problem, Problem::UnknownNode { id: written.into(), suggestion: Some(meant.into()) });
        assert_eq!(d.problem.hint(), Some(format!("did you mean `{meant}`?")));
    }
}

#[test]
fn unknown_node_reference_without_a_close_id_says_to_declare_it() {
    let d = only_problem(&small_with(r#"from: "abe""#, r#"from: "xqzw""#));
    assert_eq!((d.line, d.column), (10, 20));
    assert_eq!(d.problem, Problem::UnknownNode { id: "xqzw".into(), suggestion: None });
    assert_eq!(d.problem.hint().as_deref(), Some("declare the node in `nodes` first"));
}

#[test]
fn duplicate_node_id_points_at_the_second_and_names_the_first_line() {
    let text = small_with(
        r#"Node(id: "abe", kind: leader, name: "Shinzo Abe")"#,
        r#"Node(id: "japan", kind: country, name: "Nippon")"#,
    );
    let diagnostics = parse_err(&text);
    let first = &diagnostics.items[0];
    assert_eq!((first.line, first.column), (7, 18));
    assert_eq!(first.problem, Problem::DuplicateId { what: "node", id: "japan".into(), first_line: 5 });
    assert_eq!(first.problem.hint().as_deref(), Some("first defined on line 5; ids must be unique"));
    // The edges still name `abe`, which is gone now.
    let rest: Vec<_> = diagnostics.items[1..].iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(rest, [(10, 20)]);
}

#[test]
fn duplicate_source_id_is_reported() {
    let text = small_with(
        r#"[Source(id: "miller2014", title: "S")]"#,
        r#"[Source(id: "miller2014", title: "S"), Source(id: "miller2014", title: "T")]"#,
    );
    let d = only_problem(&text);
    assert_eq!((d.line, d.column), (3, 64));
    assert_eq!(d.problem, Problem::DuplicateId { what: "source", id: "miller2014".into(), first_line: 3 });
}

#[test]
fn kind_mismatch_leads_from_a_country_to_a_leader() {
    let d = only_problem(&small_with(r#"from: "abe", to: "japan""#, r#"from: "japan", to: "abe""#));
    assert_eq!((d.line, d.column), (10, 46));
    assert_eq!(
        d.problem,
        Problem::KindMismatch { kind: EdgeKind::Leads, from: NodeKind::Country, to: NodeKind::Leader }
    );
    assert_eq!(d.problem.to_string(), "a `leads` edge cannot run from a country to a leader");
    let hint = d.problem.hint().expect("a hint");
    assert!(hint.starts_with("`leads` runs from leader"), "{hint}");
}

#[test]
fn unknown_node_kind_suggests_the_closest_kind() {
    let d = only_problem(&small_with("kind: leader", "kind: leadr"));
    assert_eq!((d.line, d.column), (7, 31));
    assert_eq!(
        d.problem,
        Problem::UnknownKind { vocabulary: "node kind", text: "leadr".into(), suggestion: Some("leader".into()) }
    );
    assert_eq!(d.problem.hint().as_deref(), Some("did you mean `leader`?"));
}

#[test]
fn unknown_edge_kind_suggests_the_closest_kind() {
    let d = only_problem(&small_with("kind: meets", "kind: meet"));
    assert_eq!((d.line, d.column), (11, 49));
    assert_eq!(
        d.problem,
        Problem::UnknownKind { vocabulary: "edge kind", text: "meet".into(), suggestion: Some("meets".into()) }
    );
    assert_eq!(d.problem.hint().as_deref(), Some("did you mean `meets`?"));
}

#[test]
fn unknown_edge_kind_far_from_any_points_to_the_docs() {
    let d = only_problem(&small_with("kind: meets", "kind: xyzzy"));
    assert_eq!(d.problem, Problem::UnknownKind { vocabulary: "edge kind", text: "xyzzy".into(), suggestion: None });
    assert_eq!(d.problem.hint().as_deref(), Some("see docs/format.md for every edge kind"));
}

#[test]
fn malformed_dates_are_reported_at_the_date() {
    let cases = [
        ("12-1", DateError::Shape { text: "12-1".into() }),
        ("2014-3", DateError::Shape { text: "2014-3".into() }),
        ("2014-13", DateError::Month { text: "2014-13".into(), month: 13 }),
        ("2014-02-30", DateError::Day { text: "2014-02-30".into(), day: 30, max: 28 }),
        ("2013-02-29", DateError::Day { text: "2013-02-29".into(), day: 29, max: 28 }),
    ];
    for (text, error) in cases {
        let d = only_problem(&small_with(r#"since: "2012""#, &format!(r#"since: "{text}""#)));
        assert_eq!((d.line, d.column), (10, 60), "for {text}");
        assert_eq!(d.problem, Problem::BadDate(error), "for {text}");
        assert_eq!(d.problem.hint().as_deref(), Some(r#"dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD""#));
    }
    assert_eq!(
        only_problem(&small_with(r#"since: "2012""#, r#"since: "2014-02-30""#)).problem.to_string(),
        "`2014-02-30` has day 30, but that month has 28 days"
    );
    // A leap day is a date.
    parse_ok(&small_with(r#"since: "2012""#, r#"since: "2012-02-29""#));
}

#[test]
fn until_before_since_points_at_until() {
    let d = only_problem(&small_with(r#"since: "2012""#, r#"since: "2012-03", until: "2012-02-29""#));
    assert_eq!((d.line, d.column), (10, 78));
    assert_eq!(d.problem, Problem::UntilBeforeSince { since: "2012-03".into(), until: "2012-02-29".into() });
    // Until is inclusive of its whole period: the same year on both ends is fine.
    parse_ok(&small_with(r#"since: "2012""#, r#"since: "2012-06", until: "2012""#));
}

#[test]
fn weight_outside_zero_to_one_is_reported() {
    for text in ["1.5", "0.0", "-1.0", "NaN"] {
        let d = only_problem(&small_with("kind: meets", &format!("kind: meets, weight: {text}")));
        assert_eq!((d.line, d.column), (11, 64), "for {text}");
        let Problem::Weight { value } = d.problem else { panic!("not a weight problem: {:?}", d.problem) };
        assert_eq!(value.to_string(), text.parse::<f64>().expect("a float").to_string());
    }
    for text in ["1.0", "0.001"] {
        parse_ok(&small_with("kind: meets", &format!("kind: meets, weight: {text}")));
    }
}

#[test]
fn intensity_outside_the_goldstein_scale_is_reported() {
    for text in ["10.5", "-10.01", "NaN"] {
        let d = only_problem(&small_with("kind: meets", &format!("kind: meets, intensity: {text}")));
        assert_eq!((d.line, d.column), (11, 67), "for {text}");
        let Problem::Intensity { value } = d.problem else { panic!("not an intensity problem: {:?}", d.problem) };
        assert_eq!(value.to_string(), text.parse::<f64>().expect("a float").to_string());
    }
    for text in ["10.0", "-10.0", "0.0"] {
        parse_ok(&small_with("kind: meets", &format!("kind: meets, intensity: {text}")));
    }
}

#[test]
fn unknown_evidence_source_is_reported_with_a_suggestion() {
    let d = only_problem(&small_with(
        "kind: meets",
        r#"kind: meets, evidence: [Evidence(source: "miler2014", quote: "q")]"#,
    ));
    assert_eq!((d.line, d.column), (11, 84));
    assert_eq!(d.problem, Problem::UnknownSource { id: "miler2014".into(), suggestion: Some("miller2014".into()) });
    assert_eq!(d.problem.hint().as_deref(), Some("did you mean `miller2014`?"));
    // The second item of the list is the bad one.
    let text = small_with(
        "kind: meets",
        r#"kind: meets, evidence: [Evidence(source: "miller2014", quote: "q"), Evidence(source: "zz", quote: "r")]"#,
    );
    let d = only_problem(&text);
    assert_eq!((d.line, d.column), (11, 128));
    assert_eq!(d.problem, Problem::UnknownSource { id: "zz".into(), suggestion: None });
}

#[test]
fn unknown_field_is_reported_by_ron_with_the_expected_fields() {
    let d = only_problem(&small_with(r#"since: "2012""#, r#"sinse: "2012""#));
    assert_eq!((d.line, d.column), (10, 53));
    let Problem::Syntax { message } = &d.problem else { panic!("not a syntax problem: {:?}", d.problem) };
    assert!(message.contains("`sinse`") && message.contains("`since`"), "{message}");
}

#[test]
fn empty_node_id_is_reported() {
    let text = small_with(r#"Node(id: "abe""#, r#"Node(id: """#);
    let diagnostics = parse_err(&text);
    let found: Vec<_> = diagnostics.items.iter().map(|d| (d.line, d.column, d.problem.clone())).collect();
    assert_eq!(
        found,
        [
            (7, 18, Problem::EmptyId { what: "node" }),
            (10, 20, Problem::UnknownNode { id: "abe".into(), suggestion: None })
        ]
    );
    // Blank counts as empty.
    let d = only_problem(&small_with(r#"Source(id: "miller2014""#, r#"Source(id: "  ""#));
    assert_eq!((d.line, d.column, d.problem), (3, 26, Problem::EmptyId { what: "source" }));
}

#[test]
fn every_problem_in_a_file_is_reported_in_position_order() {
    let text = small_with(r#"name: "Russia""#, r#"name: "Russia", kind2: 1"#);
    let text = text.replacen(
        r#"Node(id: "russia", kind: country, name: "Russia", kind2: 1"#,
        r#"Node(id: "russia", kind: contry, name: "Russia""#,
        1,
    );
    let text = text.replacen(r#"name: "Shinzo Abe")"#, r#"name: "Shinzo Abe", nmae: "x")"#, 1);
    let text = text.replacen(r#"since: "2012""#, r#"since: "2012-13""#, 1);
    let text = text.replacen(r#"to: "russia", kind: meets"#, r#"to: "rusia", kind: meet, weight: 0.0"#, 1);
    let diagnostics = parse_err(&text);
    let found: Vec<(usize, usize, &str)> =
        diagnostics.items.iter().map(|d| (d.line, d.column, d.problem.label())).collect();
    assert_eq!(
        found,
        [
            (6, 34, "not a known kind"),
            (7, 59, "here"),
            (10, 20, "no node has this id"),
            (10, 60, "malformed date"),
            (11, 33, "no node has this id"),
            (11, 48, "not a known kind"),
            (11, 62, "weight out of range"),
        ],
        "{}",
        diagnostics.render()
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    // Semantic problem after wide characters and an emoji flag on the same line.
    let d = only_problem(&small_with(
        r#"Node(id: "japan", kind: country, name: "Japan"),"#,
        r#"Node(id: "japan", kind: country, name: "日本🇯🇵"), Node(id: "x", kind: countri, name: "X"),"#,
    ));
    assert_eq!((d.line, d.column), (5, 77));
    assert_eq!(d.problem.label(), "not a known kind");
    // Syntax error inside an element that starts after wide characters on the same line.
    let d = only_problem(&small_with(
        r#"Node(id: "japan", kind: country, name: "Japan"),"#,
        r#"Node(id: "日本", kind: country, name: "Japan"), Node(id: "x", kind: country name: "X"),"#,
    ));
    assert_eq!((d.line, d.column), (5, 83));
    // Syntax error in the outline, after wide characters.
    let d = only_problem(&small_with(r#"title: "Test","#, r#"title: "日本🇯🇵" sources: [],"#));
    assert_eq!((d.line, d.column), (2, 19));
}

#[test]
fn a_file_that_is_not_utf8_gives_a_diagnostic() {
    let file = common::temp_model(b"Model(\n    title: \"\xe6\x97\xa5\xff\",\n)\n");
    match relgraph::io::ron::load(file.path()) {
        Err(relgraph::Error::Invalid { diagnostics }) => {
            let found: Vec<_> = diagnostics.items.iter().map(|d| (d.line, d.column, d.problem.clone())).collect();
            assert_eq!(found, [(2, 14, Problem::NotUtf8 { byte: 0xFF, utf16: false })]);
            let rendered = diagnostics.render();
            let head = format!("{}:2:14: error: byte 0xFF is not UTF-8\n", file.path().display());
            assert!(rendered.starts_with(&head), "{rendered}");
        }
        other => panic!("expected a diagnostic, got {other:?}"),
    }
}

#[test]
fn rendered_diagnostic_has_location_line_and_hint() {
    let rendered = parse_err(&small_with(r#"to: "russia""#, r#"to: "rusia""#)).render();
    assert!(rendered.starts_with("x.ron:11:33: error: unknown node `rusia`\n"), "{rendered}");
    assert!(rendered.contains(r#"        Edge(from: "japan", to: "rusia", kind: meets),"#), "{rendered}");
    assert!(rendered.contains("did you mean `russia`?"), "{rendered}");
}

#[test]
fn rendered_snippet_location_agrees_with_the_character_column() {
    let diagnostics = parse_err(&small_with(
        r#"Node(id: "japan", kind: country, name: "Japan"),"#,
        r#"Node(id: "japan", kind: country, name: "日本🇯🇵"), Node(id: "x", kind: countri, name: "X"),"#,
    ));
    let rendered = diagnostics.render();
    assert!(rendered.starts_with("x.ron:5:77: error: "), "{rendered}");
    let frames: Vec<&str> = rendered.lines().filter(|l| l.contains("╭─[")).collect();
    assert_eq!(frames.len(), 1, "{rendered}");
    assert!(frames[0].ends_with("╭─[x.ron:5:77]"), "{rendered}");
}

#[test]
fn rendered_long_message_is_not_repeated_under_the_headline() {
    let rendered = parse_err(&small_with(r#"since: "2012""#, r#"sinse: "2012""#)).render();
    assert_eq!(rendered.matches("`draft` instead").count(), 1, "{rendered}");
    assert!(rendered.lines().nth(1).is_some_and(|l| l.contains("╭─[")), "{rendered}");
}

// ---------------------------------------------------------------- no panic on any input

/// Parses `text` and checks what comes back is coherent: an error has problems that point
/// inside the text, in order, and renders; a model saves and reloads equal.
fn check_outcome(text: &str) {
    match parse(text, Path::new("x.ron")) {
        Ok(model) => assert_eq!(parse_ok(&to_string(&model)), model),
        Err(diagnostics) => {
            assert!(!diagnostics.items.is_empty(), "an error without problems for {text:?}");
            let lines = text.split('\n').count();
            for item in &diagnostics.items {
                assert!((1..=lines).contains(&item.line) && item.column >= 1, "{item:?} in {text:?}");
                assert!(item.span.start <= item.span.end && item.span.end <= text.len(), "{item:?} in {text:?}");
            }
            assert!(diagnostics.items.windows(2).all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column)));
            assert!(diagnostics.render().starts_with("x.ron:"));
        }
    }
}

/// A valid model using every field, comments, raw strings and non-ASCII text.
const RICH: &str = r##"#![enable(implicit_some)]
// A comment.
Model(
    title: "Rich — 日本",
    description: r#"Raw "quoted" text"#,
    sources: [Source(id: "s", title: "T", author: "A", date: "2014-07", url: "https://x")],
    nodes: [
        Node(id: "a", kind: country, name: "Ä \"B\"", aliases: ["🇯🇵"], since: "1945", until: "2020-01-02", tags: ["t"], attrs: {"k": "v"}, description: "d"),
        /* block /* nested */ comment */
        Node(id: "b", kind: leader, name: "B", date: "2014-03-18"),
    ],
    edges: [
        Edge(from: "b", to: "a", kind: leads, since: "2014", until: "2014-12", weight: 0.5, intensity: -3.5, topic: "energy", note: "n", evidence: [Evidence(source: "s", quote: "q\n")]),
    ],
)
"##;

#[test]
fn the_rich_fixture_is_valid() {
    let model = parse_ok(RICH);
    assert_eq!((model.node_count(), model.edge_count()), (2, 1));
    assert_eq!(model.node_by_id("b").map(|n| n.kind), Some(NodeKind::Leader));
}

#[test]
fn every_truncation_of_a_valid_file_is_handled() {
    for text in [SMALL, RICH] {
        for (end, _) in text.char_indices() {
            check_outcome(&text[..end]);
        }
    }
}

#[test]
fn deeply_nested_input_does_not_overflow_the_stack() {
    let deep = 10_000;
    let texts = [
        "[".repeat(deep),
        "(".repeat(deep),
        "[".repeat(deep) + "]".repeat(deep).as_str(),
        format!("Model(title: \"t\", nodes: [{}", "[".repeat(deep)),
        format!("Model(title: \"t\", nodes: [{}{}])", "(".repeat(deep), ")".repeat(deep)),
        format!(
            "Model(title: \"t\", nodes: [Node(id: \"a\", kind: country, name: \"A\", attrs: {}",
            "{\"k\": ".repeat(deep)
        ),
        format!("Model(title: \"t\", edges: [Edge(from: {}", "Some(".repeat(deep)),
    ];
    for text in texts {
        let diagnostics = parse_err(&text);
        assert!(!diagnostics.render().is_empty());
    }
}

/// One edit of a text: delete the char at an index, or insert a RON delimiter there.
fn mutate(text: &str, edits: &[(prop::sample::Index, usize)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (index, op) in edits {
        match op {
            0 if !chars.is_empty() => {
                chars.remove(index.index(chars.len()));
            }
            0 => {}
            op => chars.insert(index.index(chars.len() + 1), ['(', '"', ',', ':'][op - 1]),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_does_not_panic(text in prop_oneof![any::<String>(), "[()\\[\\]{}\":,#!a-z0-9 \n.-]{0,200}"]) {
        check_outcome(&text);
    }

    #[test]
    fn arbitrary_model_prefixes_do_not_panic(tail in "[()\\[\\]{}\":,a-z0-9 \n.]{0,120}") {
        check_outcome(&format!("Model(title: \"t\", nodes: [Node(id: \"a\", kind: {tail}"));
    }

    #[test]
    fn mutated_valid_files_do_not_panic(
        rich in any::<bool>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..5usize), 1..6),
    ) {
        check_outcome(&mutate(if rich { RICH } else { SMALL }, &edits));
    }
}

// ---------------------------------------------------------------- valid models round-trip

/// Text with anything in it, weighted towards what is hard to quote.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 \"\\\\\n\r\t#'’日本🇯🇵é(){}\\[\\]:,/*]{0,16}",
        Just(String::new()),
        Just("\"#".to_owned()),
        Just("\"##\\".to_owned()),
    ]
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (0u16..=9999, 1u8..=12, 1u8..=31, 0..3usize).prop_map(|(year, month, day, precision)| match precision {
        0 => PartialDate::year(year),
        1 => PartialDate::month(year, month).expect("month in range"),
        _ => PartialDate::day(year, month, day.min(days_in_month(year, month))).expect("day in range"),
    })
}

/// `since`/`until`, each optional, never ending before they start.
fn interval() -> impl Strategy<Value = (Option<PartialDate>, Option<PartialDate>)> {
    (proptest::option::of(partial_date()), proptest::option::of(partial_date())).prop_map(|ends| match ends {
        (Some(since), Some(until)) if until.last_day() < since.first_day() => (Some(until), Some(since)),
        ends => ends,
    })
}

fn source() -> impl Strategy<Value = Source> {
    (text(), text(), proptest::option::of(text()), proptest::option::of(partial_date()), proptest::option::of(text()))
        .prop_map(|(id, title, author, date, url)| Source { id, title, author, date, url })
}

fn node() -> impl Strategy<Value = Node> {
    (
        text(),
        proptest::sample::select(NodeKind::ALL.to_vec()),
        text(),
        proptest::collection::vec(text(), 0..3),
        interval(),
        proptest::option::of(partial_date()),
        proptest::collection::vec(text(), 0..2),
        proptest::collection::btree_map(text(), text(), 0..3),
        (proptest::option::of(text()), proptest::bool::ANY),
    )
        .prop_map(|(id, kind, name, aliases, (since, until), date, tags, attrs, (description, draft))| Node {
            id,
            kind,
            name,
            aliases,
            since,
            until,
            date,
            tags,
            attrs,
            description,
            same_as: Vec::new(),
            sources: Vec::new(),
            draft,
        })
}

/// An edge between node indices, its kind chosen by index among those the ends allow, and
/// evidence naming source indices.
type EdgeParts = (
    usize,
    usize,
    usize,
    (Option<PartialDate>, Option<PartialDate>),
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
    Vec<(usize, String)>,
);

fn edge_parts(nodes: usize, sources: usize) -> impl Strategy<Value = EdgeParts> {
    let weight = prop_oneof![Just(1.0), Just(f64::MIN_POSITIVE), 1e-6..=1.0f64];
    let evidence = if sources == 0 { 0..1 } else { 0..3 };
    (
        0..nodes,
        0..nodes,
        any::<usize>(),
        interval(),
        proptest::option::of(weight),
        proptest::option::of(-10.0..=10.0f64),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec((0..sources.max(1), text()), evidence),
    )
}

fn build(
    title: String,
    description: Option<String>,
    mut sources: Vec<Source>,
    mut nodes: Vec<Node>,
    edges: Vec<EdgeParts>,
) -> Model {
    // Fewer than ten of each, so a one-digit suffix makes ids unique and non-blank.
    for (i, source) in sources.iter_mut().enumerate() {
        source.id = format!("{}{i}", source.id);
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        node.id = format!("{}{i}", node.id);
    }
    let edges = edges
        .into_iter()
        .map(|(from, to, pick, (since, until), weight, intensity, topic, note, evidence)| {
            let allowed: Vec<EdgeKind> =
                EdgeKind::ALL.into_iter().filter(|k| k.allows(nodes[from].kind, nodes[to].kind)).collect();
            let mut edge = Edge::new(nodes[from].id.clone(), nodes[to].id.clone(), allowed[pick % allowed.len()]);
            edge.since = since;
            edge.until = until;
            edge.weight = weight;
            edge.intensity = intensity;
            edge.topic = topic;
            edge.note = note;
            edge.evidence =
                evidence.into_iter().map(|(s, quote)| Evidence { source: sources[s].id.clone(), quote }).collect();
            edge
        })
        .collect();
    Model::from_file(ModelFile {
        title,
        description,
        as_of: None,
        sources,
        node_kinds: Vec::new(),
        edge_kinds: Vec::new(),
        nodes,
        edges,
        influence: Vec::new(),
    })
    .expect("generated models are valid")
}

fn valid_model() -> impl Strategy<Value = Model> {
    (
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(source(), 0..3),
        proptest::collection::vec(node(), 1..8),
    )
        .prop_flat_map(|(title, description, sources, nodes)| {
            let edges = proptest::collection::vec(edge_parts(nodes.len(), sources.len()), 0..10);
            (Just(title), Just(description), Just(sources), Just(nodes), edges)
        })
        .prop_map(|(title, description, sources, nodes, edges)| build(title, description, sources, nodes, edges))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn valid_models_round_trip_through_ron(model in valid_model()) {
        let saved = to_string(&model);
        let reloaded = parse(&saved, Path::new("x.ron"));
        prop_assert!(reloaded.is_ok(), "does not reload:\n{}\n{}", saved, reloaded.err().map(|d| d.render()).unwrap_or_default());
        let reloaded = reloaded.expect("checked");
        prop_assert_eq!(&reloaded, &model);
        prop_assert_eq!(to_string(&reloaded), saved);
    }
}

// ---------------------------------------------------------------- dates

const DATED: &str = r#"Model(
    title: "Dates",
    nodes: [
        Node(id: "a", kind: country, name: "A"),
        Node(id: "b", kind: country, name: "B"),
    ],
    edges: [
        Edge(from: "a", to: "b", kind: meets, since: "2014"),
        Edge(from: "a", to: "b", kind: sanctions, until: "2014-03"),
        Edge(from: "a", to: "b", kind: cooperates_with, since: "2014-03-18", until: "2014-03-18"),
        Edge(from: "a", to: "b", kind: competes_with),
    ],
)
"#;

fn kinds_at(model: &Model, at: &str) -> Vec<&'static str> {
    model.at(&date(at)).edges().map(|e| e.kind.as_str()).collect()
}

#[test]
fn since_a_year_holds_through_that_year_and_not_before() {
    let model = parse_ok(DATED);
    assert_eq!(kinds_at(&model, "2014-12-31"), ["meets", "competes_with"]);
    assert_eq!(kinds_at(&model, "2014-01-01"), ["meets", "sanctions", "competes_with"]);
    assert_eq!(kinds_at(&model, "2013-12-31"), ["sanctions", "competes_with"]);
    assert_eq!(model.at(&date("2013-12-31")).edge_count(), 2);
}

#[test]
fn until_is_inclusive_of_its_whole_period() {
    let model = parse_ok(DATED);
    assert_eq!(kinds_at(&model, "2014-03-31"), ["meets", "sanctions", "competes_with"]);
    assert_eq!(kinds_at(&model, "2014-04-01"), ["meets", "competes_with"]);
    assert_eq!(kinds_at(&model, "2014-03-18"), ["meets", "sanctions", "cooperates_with", "competes_with"]);
    assert_eq!(kinds_at(&model, "2014-03-19"), ["meets", "sanctions", "competes_with"]);
    // A coarse date means "at some time in that period".
    assert_eq!(model.at(&date("2014")).edge_count(), 4);
}

// ---------------------------------------------------------------- the shipped graph

#[test]
fn shipped_graph_is_large_and_every_edge_has_evidence() {
    let model = common::load_japan_russia();
    assert!(model.node_count() > 50, "only {} nodes", model.node_count());
    assert!(model.edge_count() > 100, "only {} edges", model.edge_count());
    for edge in model.edges() {
        assert!(!edge.evidence.is_empty(), "{} —{}→ {} has no evidence", edge.from, edge.kind, edge.to);
    }
}

#[test]
fn the_four_islands_are_part_of_the_southern_kurils() {
    let model = common::load_japan_russia();
    let id_named = |name: &str| {
        model.nodes().find(|n| n.name == name).map(|n| n.id.clone()).unwrap_or_else(|| panic!("no node named {name}"))
    };
    let kurils = id_named("Southern Kurils");
    for island in ["Etorofu", "Kunashiri", "Shikotan", "Habomai"] {
        let id = id_named(island);
        assert_eq!(model.node_by_id(&id).map(|n| n.kind), Some(NodeKind::Territory), "{island}");
        assert!(
            model.edges().any(|e| e.from == id && e.to == kurils && e.kind == EdgeKind::PartOf),
            "{island} is not part_of {kurils}"
        );
    }
}

#[test]
fn every_quote_in_the_shipped_graph_is_verbatim_from_the_article() {
    let article_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/japan_russia_2014.txt");
    let Ok(article) = std::fs::read_to_string(article_path) else {
        eprintln!("skipped: the article {article_path} is not beside the repository");
        return;
    };
    let model = common::load_japan_russia();
    let mut checked = 0;
    let mut missing = Vec::new();
    for edge in model.edges() {
        for evidence in &edge.evidence {
            checked += 1;
            if !article.contains(&evidence.quote) {
                missing.push(format!("{} —{}→ {}: {:?}", edge.from, edge.kind, edge.to, evidence.quote));
            }
        }
    }
    assert!(checked >= model.edge_count(), "only {checked} quotes");
    assert!(missing.is_empty(), "{} quote(s) not in the article:\n{}", missing.len(), missing.join("\n"));
}
