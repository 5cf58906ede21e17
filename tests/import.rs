//! Importing real data: the GDELT sample events of the `gdelt` PyPI package (1.0 and 2.0
//! layouts, plain, .gz and .zip), a dated dyad table and FB15k-237 triples, each checked
//! against the independent pandas computation in `tests/fixtures/import/expected.json`
//! (made by `tests/fixtures/import/make_fixtures.py`); and declared kinds end to end.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use relgraph::io::gdelt::{self, Actors, GdeltOptions, Version, Window};
use relgraph::io::rows::{DateFormat, KindRule};
use relgraph::io::table::{self, Role, TableOptions};
use relgraph::model::{EdgeKind, NodeKind};
use relgraph::Model;
use serde_json::Value;

use crate::common::{ok, relgraph, repo, stderr};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(name)
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixture("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn count(value: &Value) -> u64 {
    value.as_u64().unwrap()
}

/// Checks a GDELT import against the pandas computation for one window.
fn check_gdelt(model: &Model, report: &relgraph::io::rows::ImportReport, want: &Value, window: &str) {
    assert_eq!(report.rows, count(&want["rows"]));
    assert_eq!(report.missing_actor, count(&want["missing_actor"]));
    assert_eq!(report.self_ties, count(&want["self_ties"]));
    assert_eq!(report.imported, count(&want["imported"]));
    // Nodes: ids, kinds and names.
    let nodes: BTreeMap<String, (String, String)> =
        model.nodes().map(|n| (n.id.clone(), (n.kind.as_str().to_owned(), n.name.clone()))).collect();
    let want_nodes: BTreeMap<String, (String, String)> = want["nodes"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, n)| (id.clone(), (n["kind"].as_str().unwrap().to_owned(), n["name"].as_str().unwrap().to_owned())))
        .collect();
    assert_eq!(nodes, want_nodes);
    // Declared kinds: exactly the table's declared kinds the ties use.
    let mut declared: Vec<&str> = model.vocabulary.edge_kinds().map(|k| k.as_str()).collect();
    declared.sort_unstable();
    let want_declared: Vec<&str> = want["declared"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(declared, want_declared);
    assert_eq!(report.declared as usize, want_declared.len());
    // part_of edges from role organizations to their country.
    let mut part_of: Vec<(String, String)> =
        model.edges().filter(|e| e.kind == EdgeKind::PartOf).map(|e| (e.from.clone(), e.to.clone())).collect();
    part_of.sort();
    let want_part_of: Vec<(String, String)> = want["part_of"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(part_of, want_part_of);
    // Ties: one per pair, kind and window, with count, mean Goldstein, first and last day.
    let ties: Vec<_> = model.edges().filter(|e| e.kind != EdgeKind::PartOf).collect();
    let want_ties = want["ties"][window].as_array().unwrap();
    assert_eq!(ties.len(), want_ties.len(), "{window}");
    for w in want_ties {
        let (from, to, kind) = (w["from"].as_str().unwrap(), w["to"].as_str().unwrap(), w["kind"].as_str().unwrap());
        let (since, until) = (w["since"].as_str().unwrap(), w["until"].as_str().unwrap());
        let tie = ties
            .iter()
            .find(|e| {
                e.from == from
                    && e.to == to
                    && e.kind.as_str() == kind
                    && e.since.map(|d| d.to_string()).as_deref() == Some(since)
            })
            .unwrap_or_else(|| panic!("no {from} -{kind}-> {to} since {since} ({window})"));
        assert_eq!(tie.until.map(|d| d.to_string()).as_deref(), Some(until));
        assert_eq!(tie.note, Some(gdelt::events_note(count(&w["events"]))));
        let mean = w["goldstein"].as_f64().unwrap();
        assert!((tie.intensity.unwrap() - mean).abs() < 1e-9, "{from}-{kind}->{to}: {:?} vs {mean}", tie.intensity);
        assert!(!tie.evidence.is_empty() && tie.evidence.len() <= 3);
    }
}

#[test]
fn gdelt1_sample_events_aggregate_as_pandas_computes_for_every_window() {
    let want = expected();
    for (window, name) in [
        (Window::Day, "day"),
        (Window::Month, "month"),
        (Window::Quarter, "quarter"),
        (Window::Year, "year"),
        (Window::None, "none"),
    ] {
        let options = GdeltOptions::new(Version::V1).with_window(window);
        let (model, report) = gdelt::read(&fixture("gdelt1.export.tsv"), options).unwrap();
        check_gdelt(&model, &report, &want["gdelt1"], name);
    }
}

#[test]
fn gdelt_reads_gz_and_zip_and_folds_roles_into_countries() {
    let want = expected();
    let options = GdeltOptions::new(Version::V1).with_actors(Actors::Country);
    let (model, report) = gdelt::read(&fixture("gdelt1.export.tsv.gz"), options).unwrap();
    check_gdelt(&model, &report, &want["gdelt1_country"], "month");
    assert!(model.nodes().all(|n| n.kind != NodeKind::Organization || !n.id.contains('_')));
    let (model, report) = gdelt::read(&fixture("gdelt2.export.CSV.zip"), GdeltOptions::new(Version::V2)).unwrap();
    check_gdelt(&model, &report, &want["gdelt2"], "month");
}

#[test]
fn gdelt_layouts_are_checked_and_bad_rows_name_their_line() {
    // A 1.0 file read as 2.0 has the wrong number of columns on its first line.
    let error = gdelt::read(&fixture("gdelt1.export.tsv"), GdeltOptions::new(Version::V2)).unwrap_err().to_string();
    assert!(error.ends_with("gdelt1.export.tsv:1: 58 fields, expected 61"), "{error}");
    let text = std::fs::read_to_string(fixture("gdelt1.export.tsv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut fields: Vec<String> = lines[6].split('\t').map(str::to_owned).collect();
    fields[30] = "eleven".into();
    lines[6] = fields.join("\t");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let error = gdelt::read(&bad, GdeltOptions::new(Version::V1)).unwrap_err().to_string();
    assert!(error.ends_with("bad.tsv:7:31: `eleven` is not a Goldstein score, −10 … 10"), "{error}");
    let (_, report) = gdelt::read(&bad, GdeltOptions::new(Version::V1).with_skip_bad(true)).unwrap();
    assert_eq!(report.skipped_bad, 1);
    assert_eq!(report.rows, count(&expected()["gdelt1"]["rows"]));
}

#[test]
fn gdelt_import_passes_check_draws_and_round_trips_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("events.ron");
    let (ron_s, svg) = (ron.to_str().unwrap(), dir.path().join("events.svg"));
    let zip = fixture("gdelt2.export.CSV.zip");
    let out = ok(&["import", zip.to_str().unwrap(), "--format", "gdelt2", "--window", "month", "-o", ron_s]);
    let want = &expected()["gdelt2"];
    assert!(
        out.contains(&format!(
            "read 50 rows: {} imported, {} without both actors",
            want["imported"], want["missing_actor"]
        )),
        "{out}"
    );
    assert!(ok(&["check", ron_s]).contains("ok"));
    ok(&["export", ron_s, "-o", svg.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    // Declared kinds survive GraphML and node-link JSON.
    let model = relgraph::io::ron::load(&ron).unwrap();
    for ext in ["graphml", "json"] {
        let path = dir.path().join(format!("events.{ext}"));
        ok(&["export", ron_s, "-o", path.to_str().unwrap()]);
        let back = relgraph::io::load(&path).unwrap();
        assert_eq!(back.vocabulary, model.vocabulary, "{ext}");
        let kinds = |m: &Model| m.edges().map(|e| e.kind.as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(kinds(&back), kinds(&model), "{ext}");
    }
}

fn dyad_options() -> TableOptions {
    let columns = [
        (Role::From, "state1"),
        (Role::To, "state2"),
        (Role::Kind, "event"),
        (Role::Date, "day"),
        (Role::Intensity, "goldstein"),
        (Role::Url, "url"),
    ];
    TableOptions::default()
        .with_columns(columns.iter().map(|(r, c)| (*r, (*c).to_owned())).collect())
        .with_kinds(KindRule { declare: true, ..KindRule::default() })
        .with_date_format(DateFormat::new("%m/%d/%Y"))
}

#[test]
fn a_dated_dyad_table_imports_with_the_right_dates() {
    let want = &expected()["dyads"];
    let (model, report) = table::read_table(&fixture("dyads.csv"), &dyad_options()).unwrap();
    assert_eq!(report.rows, count(&want["rows"]));
    assert_eq!(report.imported, count(&want["rows"]));
    let mut nodes: Vec<&str> = model.nodes().map(|n| n.id.as_str()).collect();
    nodes.sort_unstable();
    assert_eq!(nodes, want["nodes"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>());
    let edges: Vec<_> = model.edges().collect();
    for (edge, w) in edges.iter().zip(want["edges"].as_array().unwrap()) {
        assert_eq!(edge.from, w["from"].as_str().unwrap());
        assert_eq!(edge.to, w["to"].as_str().unwrap());
        assert_eq!(edge.kind.as_str(), w["kind"].as_str().unwrap());
        let day = w["date"].as_str().unwrap();
        assert_eq!(edge.since.map(|d| d.to_string()).as_deref(), Some(day));
        assert_eq!(edge.until.map(|d| d.to_string()).as_deref(), Some(day));
        assert_eq!(edge.intensity, w["intensity"].as_f64());
        assert_eq!(edge.evidence.len(), 1);
    }
    assert_eq!(edges.len(), want["edges"].as_array().unwrap().len());
    // Without the pattern the US dates are bad rows, reported with line and column.
    let error = table::read_table(&fixture("dyads.csv"), &dyad_options().with_date_format(None)).unwrap_err();
    assert!(error.to_string().contains("dyads.csv:2:4: `"), "{error}");
}

#[test]
fn a_dyad_table_imports_from_the_command_line_and_a_map_renames_and_drops() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::write(
        &map,
        r#"KindMap(kinds: {"cameo_04": "meets", "cameo_01": None}, edge_kinds: [EdgeKind(name: "blockades", polarity: conflictual)])"#,
    )
    .unwrap();
    let out = dir.path().join("dyads.ron");
    let file = fixture("dyads.csv");
    let args = [
        "import",
        file.to_str().unwrap(),
        "--format",
        "table",
        "--columns",
        "from=state1,to=state2,kind=event,date=day",
        "--date-format",
        "%m/%d/%Y",
        "--map",
        map.to_str().unwrap(),
        "--skip-bad",
        "-o",
        out.to_str().unwrap(),
    ];
    let output = ok(&args);
    let dyads = &expected()["dyads"]["edges"];
    let per = |k: &str| dyads.as_array().unwrap().iter().filter(|e| e["kind"] == k).count();
    let unmapped = dyads.as_array().unwrap().len() - per("cameo_04") - per("cameo_01");
    assert!(
        output.contains(&format!("{} dropped by the map, {unmapped} unreadable, skipped", per("cameo_01"))),
        "{output}"
    );
    let model = relgraph::io::ron::load(&out).unwrap();
    assert_eq!(model.edges().filter(|e| e.kind == EdgeKind::Meets).count(), per("cameo_04"));
    assert_eq!(model.edge_count(), per("cameo_04"));
    // Without --skip-bad the first unmapped relation fails the import with its line.
    let failed = relgraph(&args[..args.len() - 3]);
    assert!(!failed.status.success());
    assert!(stderr(&failed).contains("is not a kind"), "{}", stderr(&failed));
}

#[test]
fn fifty_plus_relation_types_of_triples_import_with_declare_and_every_one_is_kept() {
    let want = &expected()["triples"];
    assert!(count(&want["relations"]) >= 50);
    let options = TableOptions::default().with_kinds(KindRule { declare: true, ..KindRule::default() });
    let (model, report) = table::read_triples(&fixture("fb15k237_test_head300.txt"), &options).unwrap();
    assert_eq!(report.rows, count(&want["rows"]));
    assert_eq!(report.imported, count(&want["rows"]));
    assert_eq!(report.declared, count(&want["relations"]));
    assert_eq!(model.node_count() as u64, count(&want["nodes"]));
    let mut per_kind: BTreeMap<String, u64> = BTreeMap::new();
    for edge in model.edges() {
        *per_kind.entry(edge.kind.as_str().to_owned()).or_default() += 1;
    }
    let want_per_kind: BTreeMap<String, u64> =
        want["edges_per_kind"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), count(v))).collect();
    assert_eq!(per_kind, want_per_kind);
    // Every declared kind keeps the relation as its label, and survives a RON round trip.
    for kind in model.vocabulary.edge_kinds() {
        assert!(kind.label().starts_with('/'), "{kind}: {}", kind.label());
    }
    let text = relgraph::io::ron::to_string(&model);
    let back = relgraph::io::ron::parse(&text, Path::new("kg.ron")).unwrap();
    assert_eq!(back, model);
    assert_eq!(back.vocabulary.edge_kinds().count() as u64, count(&want["relations"]));
}

#[test]
fn declared_kinds_work_in_check_balance_influence_filters_and_diagrams() {
    let text = r#"Model(
    title: "Declared",
    node_kinds: [NodeKind(name: "ministry")],
    edge_kinds: [
        EdgeKind(name: "military_alliance", polarity: cooperative, symmetric: true, from: [country], to: [country], goldstein: 8.0, forward: 0.5, backward: 0.5),
        EdgeKind(name: "boycott", polarity: conflictual, cameo: "1623", goldstein: -6.5, forward: 0.6),
    ],
    nodes: [
        Node(id: "a", kind: country, name: "A"),
        Node(id: "b", kind: country, name: "B"),
        Node(id: "c", kind: country, name: "C"),
        Node(id: "m", kind: ministry, name: "M"),
    ],
    edges: [
        Edge(from: "a", to: "b", kind: military_alliance),
        Edge(from: "b", to: "c", kind: military_alliance),
        Edge(from: "a", to: "c", kind: boycott),
        Edge(from: "m", to: "a", kind: part_of),
    ],
)
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("declared.ron");
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    assert!(ok(&["check", p]).contains("ok (4 nodes, 4 edges)"));
    // + + − is an unbalanced triangle.
    let balance = ok(&["balance", p]);
    assert!(balance.contains("triangles of signed ties: 1, balanced: 0 (0.0%), unbalanced: 1"), "{balance}");
    let influence = ok(&["influence", "--on", "b", p]);
    assert!(influence.contains("military alliance 0.40"), "{influence}");
    // A profile may give a declared kind other influence: boycott at −10, all of it forward.
    let profile = dir.path().join("profile.ron");
    std::fs::write(&profile, "Profile(rules: [Rule(kind: boycott, goldstein: -10.0, forward: 1.0, backward: 0.0)])")
        .unwrap();
    let declared = ok(&["influence", "--on", "c", p]);
    assert!(declared.contains("boycott 0.39→ C"), "{declared}");
    let custom = ok(&["influence", "--on", "c", p, "--profile", profile.to_str().unwrap()]);
    assert!(custom.contains("boycott 1.00→ C"), "{custom}");
    let edges = ok(&["edges", p, "--kind", "boycott"]);
    assert!(edges.contains("boycott") && !edges.contains("military"), "{edges}");
    ok(&["export", p, "-o", dir.path().join("d.svg").to_str().unwrap()]);
    // Diagrams draw declared kinds in their polarity's colour, as the legend shows it.
    let dot = ok(&["export", p, "--format", "dot"]);
    let colour = |needle: &str| {
        let line = dot.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle} in\n{dot}"));
        line.split("color=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_owned()
    };
    assert_eq!(colour("label=\"boycott\""), colour("label=\"conflictual\""));
    assert_eq!(colour("label=\"military alliance\""), colour("label=\"cooperative\""));
    assert_ne!(colour("label=\"boycott\""), colour("label=\"military alliance\""));
    // An undeclared kind is an error with a suggestion among declared names.
    std::fs::write(&path, text.replacen("kind: boycott)", "kind: boycot)", 1)).unwrap();
    let output = relgraph(&["check", p]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("unknown edge kind `boycot`"), "{}", stderr(&output));
    assert!(stderr(&output).contains("did you mean `boycott`?"), "{}", stderr(&output));
    // Built-in names cannot be redeclared, and declared ends must exist.
    std::fs::write(&path, text.replacen("name: \"boycott\"", "name: \"sanctions\"", 1)).unwrap();
    assert!(stderr(&relgraph(&["check", p])).contains("`sanctions` is a built-in edge kind"));
}
