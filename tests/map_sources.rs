//! Browser test: the map's details panel names the sources of a node and of a tie (title,
//! author, date and URL, as text) and a tie's number of sources, on a model that includes the
//! shipped model, the Senkaku model and a third file whose source has a hostile title and a
//! `javascript:` URL and states a shared tie without a quote. The reference is the library's
//! provenance (`Model::node_sources`, `Model::edge_sources`) on the composed model.

use serde_json::{json, Value};

use crate::common::{self, ok};
use crate::viewer::{assert_quiet, browser, drive};

const NOTES: &str = r#"Model(
    title: "Notes",
    sources: [
        Source(
            id: "notes",
            title: "Notes </cite><script>window.__pwned='title'</script>",
            author: "A. <b>Analyst</b>",
            date: "2013-01",
            url: "javascript:window.__pwned='url'//https://example.org/senkaku?a=1&b=<i>2</i>",
        ),
    ],
    nodes: [
        Node(id: "china", kind: country, name: "China"),
        Node(id: "senkaku", kind: territory, name: "Senkaku Islands"),
    ],
    edges: [Edge(from: "china", to: "senkaku", kind: disputes)],
)
"#;

/// The source ids a details panel lists, and its text.
fn listed(panel: &Value) -> (Vec<String>, String) {
    let ids = panel["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect();
    (ids, panel["text"].as_str().unwrap().to_owned())
}

#[test]
fn details_name_every_source_of_a_shared_tie_and_node_as_text() {
    let Some(browser) = browser("details_name_every_source_of_a_shared_tie_and_node_as_text") else { return };
    let dir = tempfile::tempdir().unwrap();
    let read = |name: &str| std::fs::read_to_string(common::repo().join("graphs").join(name)).unwrap();
    std::fs::write(dir.path().join("japan_russia_2014.ron"), read("japan_russia_2014.ron")).unwrap();
    std::fs::write(dir.path().join("senkaku_2012.ron"), read("senkaku_2012.ron")).unwrap();
    std::fs::write(dir.path().join("notes.ron"), NOTES).unwrap();
    let all = dir.path().join("all.ron");
    std::fs::write(
        &all,
        "Model(title: \"All\", includes: [\"japan_russia_2014.ron\", \"senkaku_2012.ron\", \"notes.ron\"])\n",
    )
    .unwrap();
    let page = dir.path().join("map.html");
    ok(&["export", &all.display().to_string(), "-o", &page.display().to_string()]);

    // The reference: the composed model's provenance.
    let model = relgraph::Model::load(&all).expect("loads with its includes");
    let tie = model
        .edges()
        .position(|e| e.from == "china" && e.to == "senkaku" && e.kind == relgraph::EdgeKind::Disputes)
        .expect("the shared tie");
    let edge = model.edges().nth(tie).unwrap();
    let tie_sources: Vec<String> = model.edge_sources(edge).into_iter().map(str::to_owned).collect();
    assert_eq!(tie_sources, ["miller2014", "senkaku2012", "notes"], "three files state the tie");
    let japan = model.node_by_id("japan").unwrap();
    let japan_sources: Vec<String> = model.node_sources(japan).into_iter().map(str::to_owned).collect();
    assert_eq!(japan_sources, ["miller2014", "senkaku2012"]);

    let job = json!({"scenario": "details", "file": page, "nodes": ["japan"], "edges": [tie]});
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &page);
    assert!(seen["pwned"].is_null(), "script from a source ran: {}", seen["pwned"]);
    assert_eq!(seen["links"], 0, "a source became a link or an image");

    let (ids, text) = listed(&seen["nodes"][0]);
    assert_eq!(ids, japan_sources, "{text}");
    assert!(text.contains(&format!("Sources ({})", japan_sources.len())), "{text}");
    let (ids, text) = listed(&seen["edges"][0]);
    assert_eq!(ids, tie_sources, "{text}");
    assert!(text.contains("3 sources") && text.contains("Sources (3)"), "{text}");
    // Each source by title, author, date and URL, hostile text shown as it is written.
    for (shown, id) in seen["edges"][0]["sources"].as_array().unwrap().iter().zip(&tie_sources) {
        let source = model.sources.iter().find(|s| &s.id == id).expect("a declared source");
        let shown = shown["text"].as_str().unwrap();
        assert!(shown.contains(&source.title), "{shown}");
        for field in
            [source.author.clone(), source.date.map(|d| d.to_string()), source.url.clone()].into_iter().flatten()
        {
            assert!(shown.contains(&field), "{field} not in {shown}");
        }
    }
    assert!(text.contains("javascript:window.__pwned='url'//https://example.org/senkaku?a=1&b=<i>2</i>"), "{text}");
}
