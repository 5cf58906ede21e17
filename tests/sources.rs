//! Many sources, one model: includes, merge, identity, corroboration, provenance and
//! disagreements (issue 23), on the shipped model and the Senkaku model.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use relgraph::api::sources;
use relgraph::Model;

use crate::common::{self, json, ok, relgraph, stderr, stdout};

fn senkaku() -> PathBuf {
    common::repo().join("graphs/senkaku_2012.ron")
}

/// Each file's node ids, read on its own.
fn ids(path: &Path) -> BTreeSet<String> {
    relgraph::io::ron::load(path).expect("loads").nodes().map(|n| n.id.clone()).collect()
}

/// A fresh directory holding the given files.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn shipped_text() -> String {
    std::fs::read_to_string(common::japan_russia()).expect("read")
}

fn senkaku_text() -> String {
    std::fs::read_to_string(senkaku()).expect("read")
}

fn merged() -> Model {
    sources::merge(&[common::japan_russia(), senkaku()]).expect("merges").model
}

#[test]
fn the_senkaku_model_checks_clean_on_its_own() {
    let out = ok(&["check", &senkaku().display().to_string()]);
    let model = relgraph::io::ron::load(&senkaku()).expect("loads");
    assert!((35..=45).contains(&model.node_count()) && (60..=85).contains(&model.edge_count()), "{out}");
    assert_eq!(
        out,
        format!("{}: ok ({} nodes, {} edges)\n", senkaku().display(), model.node_count(), model.edge_count())
    );
}

#[test]
fn merging_gives_the_union_of_nodes_keeps_both_aliases_and_names_both_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.ron");
    let printed = ok(&["merge", &common::graph(), &senkaku().display().to_string(), "-o", &out.display().to_string()]);
    assert!(printed.contains("2 file(s)"), "{printed}");

    // The union of ids, less the one the Senkaku model joins to the shipped `abe`.
    let union: BTreeSet<String> = ids(&common::japan_russia()).union(&ids(&senkaku())).cloned().collect();
    let model = relgraph::io::ron::load(&out).expect("the merged file loads on its own");
    let merged: BTreeSet<String> = model.nodes().map(|n| n.id.clone()).collect();
    let expected: BTreeSet<String> = union.iter().filter(|id| *id != "shinzo_abe").cloned().collect();
    assert_eq!(merged, expected);

    // It checks clean: no error, no warning.
    assert_eq!(
        ok(&["check", &out.display().to_string()]),
        format!("{}: ok ({} nodes, {} edges)\n", out.display(), model.node_count(), model.edge_count())
    );

    // Both models' aliases of China, and both sources on shared nodes.
    let china = model.node_by_id("china").expect("china");
    for alias in ["People's Republic of China", "Beijing", "PRC"] {
        assert!(china.aliases.iter().any(|a| a == alias), "{alias} missing from {:?}", china.aliases);
    }
    for id in ["japan", "china", "united_states", "senkaku", "senkaku_dispute", "abe"] {
        let node = model.node_by_id(id).expect(id);
        assert_eq!(model.node_sources(node), ["miller2014", "senkaku2012"], "{id}");
    }
    // Nodes of one model name only that model's source.
    assert_eq!(model.node_sources(model.node_by_id("putin").expect("putin")), ["miller2014"]);
    assert_eq!(model.node_sources(model.node_by_id("noda").expect("noda")), ["senkaku2012"]);
    // The shipped model's tags on Abe survive.
    assert_eq!(model.node_by_id("abe").expect("abe").tags, ["g7_leader"]);
}

#[test]
fn a_model_that_includes_both_gives_the_same_model_as_merging_them() {
    let dir = dir_with(&[
        ("japan_russia_2014.ron", &shipped_text()),
        ("senkaku_2012.ron", &senkaku_text()),
        ("both.ron", "Model(title: \"Both\", includes: [\"japan_russia_2014.ron\", \"senkaku_2012.ron\"])\n"),
    ]);
    let both = dir.path().join("both.ron");
    let included = Model::load(&both).expect("loads with its includes");
    let merged = merged();
    assert_eq!(included.title, "Both");
    let names = |m: &Model| m.nodes().map(|n| (n.id.clone(), n.aliases.clone(), n.sources.clone())).collect::<Vec<_>>();
    assert_eq!(names(&included), names(&merged));
    assert_eq!(included.edges().collect::<Vec<_>>(), merged.edges().collect::<Vec<_>>());
    // Every command works on the whole.
    let out = ok(&["path", &both.display().to_string(), "Noda", "Putin"]);
    assert!(out.contains("Yoshihiko Noda") && out.contains("Vladimir Putin"), "{out}");
    // The API lists the files, included first.
    let files = sources::files(&both).expect("files");
    let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["japan_russia_2014.ron", "senkaku_2012.ron", "both.ron"]);
}

#[test]
fn a_second_source_stating_the_same_ties_corroborates_without_changing_any_score() {
    // The shipped model restated by another source: same facts, other source id.
    let second = shipped_text().replace("miller2014", "second2014").replace("J. Berkshire Miller", "Another Author");
    let dir = dir_with(&[("second.ron", &second)]);
    let merged = sources::merge(&[common::japan_russia(), dir.path().join("second.ron")]).expect("merges");
    let model = &merged.model;
    let one = common::load_japan_russia();
    assert_eq!((model.node_count(), model.edge_count()), (one.node_count(), one.edge_count()));
    for edge in model.edges() {
        assert_eq!(model.edge_sources(edge), ["miller2014", "second2014"], "{} {} {}", edge.from, edge.kind, edge.to);
    }
    assert!(merged.disagreements.is_empty(), "{:?}", merged.disagreements.first());
    // Every node's influence on Russia and on the Kuril dispute, as on one source.
    for target in ["russia", "kuril_dispute", "senkaku_dispute", "japan"] {
        let a = one.influence_on(target).run().expect("runs").json().clone();
        let b = model.influence_on(target).run().expect("runs").json().clone();
        assert_eq!(a, b, "influence on {target}");
        assert!(a.as_array().expect("a ranking").len() > 3);
    }
    let centrality =
        |m: &Model| m.centrality(relgraph::analysis::centrality::Measure::Betweenness).run().map(|s| s.json().clone());
    assert_eq!(centrality(&one).expect("runs"), centrality(model).expect("runs"));
}

#[test]
fn edges_show_the_number_of_sources_and_filter_by_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.ron");
    ok(&["merge", &common::graph(), &senkaku().display().to_string(), "-o", &out.display().to_string()]);
    let out = out.display().to_string();
    let all = json(&["edges", &out, "--json"]);
    let corroborated: Vec<&serde_json::Value> =
        common::array(&all).iter().filter(|e| e["sources"].as_array().map_or(0, Vec::len) == 2).collect();
    let filtered = json(&["edges", &out, "--json", "--min-sources", "2"]);
    assert_eq!(common::array(&filtered).len(), corroborated.len());
    assert!(!corroborated.is_empty());
    // China disputes the Senkaku Islands in both articles.
    assert!(corroborated.iter().any(|e| e["from"] == "china" && e["to"] == "senkaku" && e["kind"] == "disputes"));
    let table = ok(&["edges", &out, "--min-sources", "2"]);
    assert!(table.lines().next().expect("header").trim_end().ends_with("sources"), "{table}");
    assert!(table.ends_with(&format!("{} edge(s)\n", corroborated.len())), "{table}");
    // Nodes list their sources too, also on a single-source model.
    let nodes = json(&["nodes", &common::graph(), "--json"]);
    assert!(common::array(&nodes).iter().all(|n| n["sources"] == serde_json::json!(["miller2014"])));
}

#[test]
fn with_composes_models_on_the_command_line_as_merging_them_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.ron");
    ok(&["merge", &common::graph(), &senkaku().display().to_string(), "-o", &out.display().to_string()]);
    let (out, senkaku, shipped) = (out.display().to_string(), senkaku().display().to_string(), common::graph());
    let with = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--with", senkaku.as_str()]);
        json(&all)
    };
    // Every command reads the composition as it reads the merged file.
    for args in [
        ["info", "--json", "", ""],
        ["edges", "--json", "--min-sources", "2"],
        ["centrality", "--json", "--measure", "betweenness"],
        ["influence", "--json", "--on", "senkaku_dispute"],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let composed: Vec<&str> = [&args[..1], &[shipped.as_str()], &args[1..]].concat();
        let merged: Vec<&str> = [&args[..1], &[out.as_str()], &args[1..]].concat();
        let (a, b) = (with(&composed), json(&merged));
        if args[0] == "info" {
            assert_eq!((a["nodes"].clone(), a["edges"].clone()), (b["nodes"].clone(), b["edges"].clone()));
            assert_eq!(a["sources"], b["sources"]);
        } else {
            assert_eq!(a, b, "{args:?}");
        }
    }
    // A question the shipped model alone cannot answer: how Canada reaches Ishihara.
    let alone = relgraph(&["path", &shipped, "Canada", "ishihara"]);
    let composed = ok(&["path", &shipped, "Canada", "ishihara", "--with", &senkaku]);
    assert!(!alone.status.success(), "{}", stdout(&alone));
    assert!(composed.contains("Ishihara"), "{composed}");
    // Only RON models compose: a table goes in with `import --into`.
    let table = dir.path().join("ties.tsv");
    std::fs::write(&table, "japan\tchina\n").expect("write");
    let output = relgraph(&["info", &shipped, "--with", &table.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("import FILE --into MODEL"), "{}", stderr(&output));
}

#[test]
fn a_kind_conflict_fails_with_both_positions_and_writes_nothing() {
    let dir = dir_with(&[
        ("a.ron", "Model(title: \"A\", nodes: [\n    Node(id: \"crimea\", kind: territory, name: \"Crimea\"),\n])\n"),
        ("b.ron", "Model(\n    title: \"B\",\n    nodes: [\n        Node(id: \"crimea\", kind: country, name: \"Crimea\"),\n    ],\n)\n"),
    ]);
    let (a, b, out) = (dir.path().join("a.ron"), dir.path().join("b.ron"), dir.path().join("out.ron"));
    let output =
        relgraph(&["merge", &a.display().to_string(), &b.display().to_string(), "-o", &out.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "{}:4:18: error: node `crimea` is a country here but a territory at {}:2:14",
            b.display(),
            a.display()
        )),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn same_as_joins_two_ids_and_carries_their_ties_and_without_it_a_shared_name_is_reported() {
    let model = merged();
    assert!(model.node_by_id("shinzo_abe").is_none());
    let abe = model.node_by_id("abe").expect("abe");
    assert_eq!(abe.same_as, ["shinzo_abe"]);
    // The Senkaku model's tie from `shinzo_abe` now starts at `abe`.
    assert!(model.edges().any(|e| e.from == "abe" && e.to == "senkaku_dispute" && e.sources == ["senkaku2012"]));
    // The joined id still names the node.
    assert_eq!(common::id_of(&model, "shinzo_abe"), "abe");
    assert_eq!(common::id_of(&model, "Abe"), "abe");

    // Without `same_as`: two nodes, and the shared name reported with the line that joins them.
    let text = senkaku_text();
    let line = text.lines().find(|l| l.contains("same_as")).expect("the Senkaku model joins Abe").to_owned();
    let dir = dir_with(&[("senkaku.ron", &text.replace(&format!("{line}\n"), ""))]);
    let without = dir.path().join("senkaku.ron");
    let found = sources::merge(&[common::japan_russia(), without.clone()]).expect("merges");
    assert_eq!(found.model.node_count(), model.node_count() + 1);
    assert_eq!(found.duplicates.len(), 1);
    assert_eq!(found.duplicates[0].same_as_line(), "same_as: [\"abe\"],");
    let output = relgraph(&["check", "--strict", &common::graph(), &without.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "each file alone is clean: {}", stderr(&output));
    let out = dir.path().join("out.ron");
    let output =
        relgraph(&["merge", &common::graph(), &without.display().to_string(), "-o", &out.display().to_string()]);
    let err = stderr(&output);
    assert!(err.contains("node `shinzo_abe` shares the name `Shinzo Abe` with node `abe` at"), "{err}");
    assert!(err.contains("add `same_as: [\"abe\"],` to this node"), "{err}");
    assert!(stdout(&output).contains("1 probable duplicate(s)"));
}

/// Another source that dates the annexation of Crimea to the treaty of 21 March 2014.
const CRIMEA: &str = r#"Model(
    title: "Crimea, another account",
    sources: [Source(id: "other2014", title: "Another account")],
    nodes: [
        Node(id: "russia", kind: country, name: "Russia"),
        Node(id: "crimea", kind: territory, name: "Crimea"),
        Node(id: "crimea_annexation", kind: event, name: "Annexation of Crimea by Russia", date: "2014-03-21"),
    ],
    edges: [
        Edge(
            from: "russia",
            to: "crimea",
            kind: annexes,
            since: "2014-03-21",
            evidence: [Evidence(source: "other2014", quote: "Russia formally annexed Crimea on 21 March")],
        ),
    ],
)
"#;

#[test]
fn a_date_disagreement_on_the_annexation_of_crimea_is_reported_with_both_dates() {
    let dir = dir_with(&[("crimea.ron", CRIMEA)]);
    let crimea = dir.path().join("crimea.ron");
    let merged = sources::merge(&[common::japan_russia(), crimea.clone()]).expect("merges");
    let dates: Vec<(String, String)> =
        merged.disagreements.iter().map(|d| (d.first.states.clone(), d.second.states.clone())).collect();
    assert_eq!(
        dates,
        [
            ("2014-03-18".to_owned(), "2014-03-21".to_owned()),
            ("since 2014-03-18".to_owned(), "since 2014-03-21".to_owned())
        ]
    );
    let tie = &merged.disagreements[1];
    assert_eq!(
        (tie.first.sources.as_slice(), tie.second.sources.as_slice()),
        (&["miller2014".to_owned()][..], &["other2014".to_owned()][..])
    );
    assert_eq!(tie.second.quote.as_deref(), Some("Russia formally annexed Crimea on 21 March"));
    // The first statement is kept; the tie is one tie with both sources.
    let annexes: Vec<_> = merged.model.edges().filter(|e| e.kind == relgraph::EdgeKind::Annexes).collect();
    assert_eq!(annexes.len(), 1);
    assert_eq!(annexes[0].since.map(|d| d.to_string()).as_deref(), Some("2014-03-18"));
    assert_eq!(merged.model.edge_sources(annexes[0]), ["miller2014", "other2014"]);

    // `check` on a model including both lists them as warnings; --strict fails on them.
    std::fs::write(dir.path().join("shipped.ron"), shipped_text()).expect("write");
    std::fs::write(dir.path().join("all.ron"), "Model(title: \"All\", includes: [\"shipped.ron\", \"crimea.ron\"])")
        .expect("write");
    let all = dir.path().join("all.ron").display().to_string();
    let output = relgraph(&["check", &all]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(err.contains(&format!("{}:14:20: warning: sources disagree on the dates of `russia annexes crimea`: since 2014-03-21 here, since 2014-03-18 at", crimea.display())), "{err}");
    assert!(
        err.contains("“Russia formally annexed Crimea on 21 March”")
            && err.contains("miller2014 “Russia’s annexation of Crimea”"),
        "{err}"
    );
    assert!(stdout(&output).contains("2 warning(s)"), "{}", stdout(&output));
    assert_eq!(relgraph(&["check", "--strict", &all]).status.code(), Some(1));
    // `merge --strict` fails and writes nothing; without it, the merge is written.
    let out = dir.path().join("out.ron");
    let output = relgraph(&[
        "merge",
        "--strict",
        &common::graph(),
        &crimea.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn opposite_ties_over_the_same_period_are_disagreements_but_one_source_saying_both_is_not() {
    let a = r#"Model(title: "A", sources: [Source(id: "a", title: "A")], nodes: [
        Node(id: "japan", kind: country, name: "Japan"), Node(id: "china", kind: country, name: "China")],
        edges: [Edge(from: "japan", to: "china", kind: cooperates_with, since: "2012", until: "2012")])"#;
    let b = r#"Model(title: "B", sources: [Source(id: "b", title: "B")], nodes: [
        Node(id: "japan", kind: country, name: "Japan"), Node(id: "china", kind: country, name: "China")],
        edges: [Edge(from: "china", to: "japan", kind: competes_with, since: "2012-09"),
                Edge(from: "china", to: "japan", kind: sanctions, since: "2012-09")])"#;
    let later = b.replace("2012-09", "2013-01");
    let dir = dir_with(&[("a.ron", a), ("b.ron", b), ("later.ron", &later)]);
    let merged = sources::merge(&[dir.path().join("a.ron"), dir.path().join("b.ron")]).expect("merges");
    assert_eq!(merged.disagreements.len(), 1, "{:?}", merged.disagreements);
    let d = &merged.disagreements[0];
    assert_eq!(d.first.states, "japan cooperates_with china, 2012 to 2012");
    assert_eq!(d.second.states, "china competes_with japan, since 2012-09");
    // Not over the same period: no disagreement.
    let merged = sources::merge(&[dir.path().join("a.ron"), dir.path().join("later.ron")]).expect("merges");
    assert!(merged.disagreements.is_empty());
    // One source stating both is ambivalence.
    let both =
        a.replace("until: \"2012\")", "until: \"2012\"), Edge(from: \"china\", to: \"japan\", kind: competes_with)");
    let dir = dir_with(&[("both.ron", &both)]);
    let merged = sources::merge(&[dir.path().join("both.ron"), dir.path().join("both.ron")]);
    assert!(merged.expect("merges").disagreements.is_empty());
}

#[test]
fn included_files_report_problems_at_their_own_lines() {
    let dir = dir_with(&[
        ("bad.ron", "Model(\n    title: \"Bad\",\n    nodes: [Node(id: \"x\", kind: contry, name: \"X\")],\n)\n"),
        ("top.ron", "Model(title: \"Top\", includes: [\"bad.ron\"])\n"),
        ("missing.ron", "Model(\n    title: \"M\",\n    includes: [\"nowhere.ron\"],\n)\n"),
        ("one.ron", "Model(title: \"One\", includes: [\"two.ron\"])\n"),
        ("two.ron", "Model(title: \"Two\",\n includes: [\"one.ron\"])\n"),
    ]);
    let path = |name: &str| dir.path().join(name).display().to_string();
    let output = relgraph(&["check", &path("top.ron")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(&format!("{}:3:33: error: unknown node kind `contry`", path("bad.ron"))),
        "{}",
        stderr(&output)
    );

    let output = relgraph(&["info", &path("missing.ron")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{}:3:16: error: cannot include `nowhere.ron`", path("missing.ron"))),
        "{}",
        stderr(&output)
    );

    let output = relgraph(&["check", &path("one.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "{}:2:13: error: including `one.ron` makes a cycle: one.ron → two.ron → one.ron",
            path("two.ron")
        )),
        "{err}"
    );
}

#[test]
fn every_included_file_with_errors_is_reported_at_its_own_lines() {
    // Two included files with an error each, and one without: both errors are reported,
    // each at its own FILE:LINE:COL (counted by hand from the texts below).
    let dir = dir_with(&[
        ("first.ron", "Model(\n    title: \"First\",\n    nodes: [Node(id: \"x\", kind: contry, name: \"X\")],\n)\n"),
        ("good.ron", "Model(title: \"Good\", nodes: [Node(id: \"g\", kind: country, name: \"G\")])\n"),
        (
            "second.ron",
            "Model(\n    title: \"Second\",\n    nodes: [Node(id: \"y\", kind: country, name: \"Y\")],\n    \
             edges: [Edge(from: \"y\", to: \"nobody\", kind: supports)],\n)\n",
        ),
        ("top.ron", "Model(title: \"Top\", includes: [\"first.ron\", \"good.ron\", \"second.ron\"])\n"),
    ]);
    let path = |name: &str| dir.path().join(name).display().to_string();
    let output = relgraph(&["check", &path("top.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    // first.ron line 3: `    nodes: [Node(id: "x", kind: ` is 32 characters, so `contry` is at column 33.
    let first = format!("{}:3:33: error: unknown node kind `contry`", path("first.ron"));
    // second.ron line 4: `    edges: [Edge(from: "y", to: ` is 32 characters, so `"nobody"` is at column 33.
    let second = format!("{}:4:33: error: unknown node `nobody`", path("second.ron"));
    assert!(err.starts_with(&first), "{err}");
    assert!(err.contains(&second), "{err}");
    assert!(err.find(&first) < err.find(&second), "files in include order: {err}");
    assert!(!err.contains(&path("good.ron")), "{err}");
    assert!(err.contains("found 2 problem(s)"), "{err}");

    // Any command loading the model reports both too, with the same exit code.
    let output = relgraph(&["info", &path("top.ron")]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains(&first) && err.contains(&second), "{err}");
    let Err(relgraph::Error::InvalidFiles { files }) = relgraph::io::load(Path::new(&path("top.ron"))) else {
        panic!("two files with problems")
    };
    let paths: Vec<String> = files.iter().map(|d| d.path.display().to_string()).collect();
    assert_eq!(paths, [path("first.ron"), path("second.ron")]);
    assert_eq!(files.iter().map(|d| d.items.len()).collect::<Vec<_>>(), [1, 1]);

    // One included file with an error keeps the one-file error.
    std::fs::write(dir.path().join("second.ron"), "Model(title: \"Second\")\n").expect("write");
    assert!(matches!(relgraph::io::load(Path::new(&path("top.ron"))), Err(relgraph::Error::Invalid { .. })));
}

#[test]
fn the_shipped_model_loads_and_checks_as_before() {
    // One file without includes: exactly what the single-file reader gives.
    let one = common::load_japan_russia();
    let loaded = sources::check(&common::japan_russia()).expect("loads");
    assert_eq!(loaded.model, one);
    assert!(loaded.model.nodes().all(|n| n.sources.is_empty()));
    assert_eq!(loaded.files, [common::japan_russia()]);
}

#[test]
fn a_csv_imports_into_the_shipped_model_resolving_aliases_and_creating_south_korea() {
    let csv = common::repo().join("docs/sources/asia_ties_2014.csv").display().to_string();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("with_csv.ron");
    let columns = "from=from,to=to,kind=relation,date=date,quote=quote,from_kind=from_kind,to_kind=to_kind";
    let printed = ok(&[
        "import",
        &csv,
        "--format",
        "table",
        "--columns",
        columns,
        "--into",
        &common::graph(),
        "-o",
        &out.display().to_string(),
    ]);
    assert!(
        printed.contains("names: 0 by id, 0 by name, 4 by alias, 1 created: south_korea (South Korea)"),
        "{printed}"
    );
    let model = relgraph::io::ron::load(&out).expect("the result loads on its own");
    let shipped = common::load_japan_russia();
    assert_eq!(model.node_count(), shipped.node_count() + 1);
    let korea = model.node_by_id("south_korea").expect("created");
    assert_eq!((korea.kind, korea.name.as_str()), (relgraph::NodeKind::Country, "South Korea"));
    // Tokyo, Moscow, the People's Republic of China and the DPRK are the model's nodes.
    let ends: Vec<(&str, &str, &str)> = model
        .edges()
        .filter(|e| model.edge_sources(e).iter().any(|s| *s != "miller2014"))
        .map(|e| (e.from.as_str(), e.kind.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        ends,
        [
            ("russia", "cooperates_with", "china"),
            ("japan", "meets", "south_korea"),
            ("north_korea", "opposes", "south_korea"),
            ("japan", "negotiates", "north_korea"),
        ]
    );
    // The input model is untouched, and refusing to overwrite it writes nothing.
    assert_eq!(common::load_japan_russia(), shipped);
    let output = relgraph(&[
        "import",
        &csv,
        "--format",
        "table",
        "--columns",
        columns,
        "--into",
        &common::graph(),
        "-o",
        &common::graph(),
    ]);
    assert_eq!(output.status.code(), Some(3));
    // Without kinds in the rows, --node-kind gives the new node's kind.
    let bare = dir.path().join("bare.csv");
    std::fs::write(&bare, "a,b\nTokyo,Seoul\n").expect("write");
    let out2 = dir.path().join("bare.ron");
    ok(&[
        "import",
        &bare.display().to_string(),
        "--format",
        "table",
        "--columns",
        "from=a,to=b",
        "--node-kind",
        "country",
        "--into",
        &common::graph(),
        "-o",
        &out2.display().to_string(),
    ]);
    let model = relgraph::io::ron::load(&out2).expect("loads");
    assert_eq!(model.node_by_id("seoul").expect("created").kind, relgraph::NodeKind::Country);
    assert!(model.edges().any(|e| e.from == "japan" && e.to == "seoul"));
}

#[test]
fn exports_carry_provenance_for_a_composed_model_and_stay_as_they_were_for_one_file() {
    use relgraph::api::Format;
    let model = merged();
    // GraphML and node-link JSON read back with every node's and tie's sources.
    for format in [Format::Graphml, Format::Json] {
        let text = model.view().export(format).expect("exports");
        let back = match format {
            Format::Graphml => relgraph::io::graphml::read_bytes(text.as_bytes()),
            _ => relgraph::io::json::read_bytes(text.as_bytes()),
        }
        .expect("reads back");
        let sources = |m: &Model| {
            (
                m.nodes().map(|n| (n.id.clone(), n.sources.clone(), n.same_as.clone())).collect::<Vec<_>>(),
                m.edges().map(|e| e.sources.clone()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(sources(&back), sources(&model), "{format:?}");
    }
    let gexf = model.view().export(Format::Gexf).expect("exports");
    assert!(gexf.contains(r#"<attvalue for="n_sources" value="[&quot;miller2014&quot;,&quot;senkaku2012&quot;]"/>"#));
    let html = model.view().export(Format::Html).expect("exports");
    assert!(html.contains(r#""sources":["miller2014","senkaku2012"]"#));

    // One file's model declares no provenance fields: its exports are as before.
    let shipped = common::load_japan_russia();
    let graphml = shipped.view().export(Format::Graphml).expect("exports");
    assert!(!graphml.contains(r#"for="node" attr.name="sources""#) && !graphml.contains("e_sources"));
    assert!(!shipped.view().export(Format::Gexf).expect("exports").contains("n_sources"));
    assert!(!shipped.view().export(Format::Json).expect("exports").contains("\"same_as\""));
}

#[test]
fn a_second_model_file_where_one_is_taken_is_refused_with_a_tip_toward_with() {
    let (shipped, senkaku) = (common::graph(), senkaku().display().to_string());
    let output = relgraph(&["info", &shipped, &senkaku]);
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(said.contains(&format!("--with {senkaku}")), "{said}");
    // A word that is no file gets clap's plain refusal, with no tip.
    let output = relgraph(&["info", &shipped, "no_such_model.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains("--with"), "{}", stderr(&output));
}
