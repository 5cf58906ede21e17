//! Integration tests: interchange formats (GraphML, GEXF, node-link JSON, Neo4j CSV).

use std::collections::BTreeSet;

use crate::common::assert_well_formed_xml;
use proptest::prelude::*;
use relgraph::io::{gexf, graphml, json, neo4j};
use relgraph::model::{Evidence, ModelFile, Source};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind, PartialDate};

fn d(text: &str) -> PartialDate {
    text.parse().unwrap()
}

/// A realistic model: every node kind, dates of each precision, weights, intensities,
/// evidence with quotes, attributes, aliases, tags, sources and parallel edges.
fn realistic() -> Model {
    let mut file = ModelFile {
        title: "Kuril Islands & Arctic energy, 1956–2024".into(),
        as_of: None,
        description: Some("Who claims, who cooperates, who competes.\nSecond line.".into()),
        sources: vec![
            Source {
                id: "mofa".into(),
                title: "Japan–Russia Joint Declaration".into(),
                author: Some("MOFA".into()),
                date: Some(d("1956-10-19")),
                url: Some(
                    "https://www.mofa.go.jp/region/europe/russia/territory/edition92/period3.html?a=1&b=2".into(),
                ),
            },
            Source { id: "tass".into(), title: "TASS wire".into(), author: None, date: Some(d("2014-03")), url: None },
        ],
        node_kinds: Vec::new(),
        edge_kinds: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
        influence: Vec::new(),
    };
    let mut japan = Node::new("japan", NodeKind::Country, "Japan");
    japan.aliases = vec!["Nippon".into(), "Nihon; 日本".into()];
    japan.since = Some(d("1947-05-03"));
    japan.tags = vec!["g7".into(), "quad".into()];
    japan.attrs.insert("capital".into(), "Tokyo".into());
    japan.attrs.insert("population".into(), "124000000".into());
    japan.attrs.insert("kind".into(), "island state".into());
    japan.description = Some("Claims the \"Northern Territories\".".into());
    let mut russia = Node::new("russia", NodeKind::Country, "Russia");
    russia.since = Some(d("1991-12"));
    let mut abe = Node::new("abe", NodeKind::Leader, "Shinzo Abe");
    abe.since = Some(d("2012-12-26"));
    abe.until = Some(d("2020-09-16"));
    let mut putin = Node::new("putin", NodeKind::Person, "Vladimir Putin");
    putin.attrs.insert("attr:role".into(), "president".into());
    let mut rosneft = Node::new("rosneft", NodeKind::Organization, "Rosneft");
    rosneft.attrs.insert("".into(), "empty attribute name".into());
    let mut declaration = Node::new("declaration_1956", NodeKind::Agreement, "Joint Declaration");
    declaration.date = Some(d("1956-10-19"));
    declaration.since = Some(d("1956-12"));
    let dispute = Node::new("kuril_dispute", NodeKind::Dispute, "Kuril Islands dispute");
    let mut kurils = Node::new("kurils", NodeKind::Territory, "Kuril Islands");
    kurils.aliases = vec!["Northern Territories".into(), "Southern Kurils".into()];
    let mut summit = Node::new("summit_2016", NodeKind::Event, "Nagato summit");
    summit.date = Some(d("2016-12-15"));
    summit.description = Some(String::new());
    let mut sakhalin = Node::new("sakhalin_2", NodeKind::Project, "Sakhalin-2");
    sakhalin.since = Some(d("1994"));
    let unknown = Node::new("unknown_actor", NodeKind::Actor, "Someone");
    file.nodes = vec![japan, russia, abe, putin, rosneft, declaration, dispute, kurils, summit, sakhalin, unknown];

    let mut claims = Edge::new("japan", "kurils", EdgeKind::Claims);
    claims.since = Some(d("1956"));
    claims.weight = Some(1.0);
    claims.evidence = vec![Evidence {
        source: "mofa".into(),
        quote: "the \"Habomai\" islands & <Shikotan> shall be handed over \\ later".into(),
    }];
    let mut administers = Edge::new("russia", "kurils", EdgeKind::Administers);
    administers.since = Some(d("1991-12-26"));
    let mut leads = Edge::new("abe", "japan", EdgeKind::Leads);
    leads.since = Some(d("2012-12"));
    leads.until = Some(d("2020-09-16"));
    let mut meets1 = Edge::new("abe", "putin", EdgeKind::Meets);
    meets1.since = Some(d("2016-12-15"));
    meets1.until = Some(d("2016-12-16"));
    meets1.intensity = Some(3.4);
    meets1.weight = Some(0.75);
    meets1.topic = Some("peace treaty".into());
    let mut meets2 = Edge::new("abe", "putin", EdgeKind::Meets);
    meets2.since = Some(d("2018"));
    meets2.note = Some("second of many\r\nwith CRLF and\ttab".into());
    let mut competes = Edge::new("japan", "russia", EdgeKind::CompetesWith);
    competes.intensity = Some(-2.5);
    competes.weight = Some(0.1);
    competes.topic = Some("energy".into());
    let mut invests = Edge::new("japan", "sakhalin_2", EdgeKind::InvestsIn);
    invests.weight = Some(0.333_333_333_333_333_3);
    let signs = Edge::new("japan", "declaration_1956", EdgeKind::Signs);
    let concerns = Edge::new("kuril_dispute", "kurils", EdgeKind::Concerns);
    let attends = Edge::new("abe", "summit_2016", EdgeKind::Attends);
    let member = Edge::new("rosneft", "russia", EdgeKind::WorksFor);
    let related = Edge::new("unknown_actor", "unknown_actor", EdgeKind::RelatedTo);
    file.edges =
        vec![claims, administers, leads, meets1, meets2, competes, invests, signs, concerns, attends, member, related];
    Model::from_file(file).unwrap()
}

const HOSTILE: [&str; 12] = [
    "double \"quotes\" and 'single'",
    "back\\slash \\\" \\n",
    "new\nline\r\nand\rCR",
    "<tag> & </tag> &amp; &#0; ]]>",
    "RTL مرحبا",
    "CJK 北方領土",
    "emoji 🇯🇵🤝🇷🇺",
    "</text><script>alert(1)</script>",
    "\" onload=\"alert(1)",
    "x\" URL=\"javascript:alert(1)",
    "control \u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F} and \u{FFFE}\u{FFFF}",
    "tab\there; semicolon, comma",
];

/// A model whose ids, names, attributes and notes are all hostile strings.
fn hostile() -> Model {
    let mut m = Model::new(HOSTILE.join(" | "));
    m.description = Some(HOSTILE[7].into());
    for (i, text) in HOSTILE.iter().enumerate() {
        let mut node = Node::new(format!("{i}:{text}"), NodeKind::ALL[i % NodeKind::ALL.len()], *text);
        node.aliases = vec![(*text).into(), format!("{text}{text}")];
        node.tags = vec![(*text).into()];
        node.description = Some((*text).into());
        node.attrs.insert((*text).into(), (*text).into());
        m.add_node(node).unwrap();
    }
    let ids: Vec<String> = m.nodes().map(|n| n.id.clone()).collect();
    for (i, text) in HOSTILE.iter().enumerate() {
        let mut edge = Edge::new(ids[i].clone(), ids[(i + 1) % ids.len()].clone(), EdgeKind::ALL[i]);
        edge.note = Some((*text).into());
        edge.topic = Some((*text).into());
        edge.weight = Some(0.5);
        edge.evidence = vec![Evidence { source: (*text).into(), quote: (*text).into() }];
        m.add_edge(edge).unwrap();
    }
    m
}

/// What XML can hold of a string: characters outside XML 1.0's `Char` become U+FFFD.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// The model with every string XML holds as text passed through [`xml_safe`]. Aliases, tags
/// and evidence are JSON inside the XML, where control characters are `\u` escapes, so only
/// U+FFFE and U+FFFF (which JSON does not escape) are replaced there.
fn xml_safe_model(model: &Model) -> ModelFile {
    let mut file = model.to_file();
    let s = |t: &mut String| *t = xml_safe(t);
    s(&mut file.title);
    file.description.as_mut().map(s);
    let nonchars = |t: &mut String| *t = t.replace(['\u{FFFE}', '\u{FFFF}'], "\u{FFFD}");
    for node in &mut file.nodes {
        node.aliases.iter_mut().for_each(nonchars);
        node.tags.iter_mut().for_each(nonchars);
        s(&mut node.id);
        s(&mut node.name);
        node.description.as_mut().map(s);
        node.attrs = node.attrs.iter().map(|(k, v)| (xml_safe(k), xml_safe(v))).collect();
    }
    for edge in &mut file.edges {
        s(&mut edge.from);
        s(&mut edge.to);
        edge.note.as_mut().map(s);
        edge.topic.as_mut().map(s);
        for e in &mut edge.evidence {
            nonchars(&mut e.source);
            nonchars(&mut e.quote);
        }
    }
    file
}

#[test]
fn graphml_round_trips_a_realistic_model() {
    let model = realistic();
    let text = graphml::write(&model);
    assert_well_formed_xml(&text);
    let back = graphml::read(&text).unwrap();
    assert_eq!(back.to_file(), model.to_file());
}

#[test]
fn graphml_output_is_deterministic_and_typed() {
    let model = realistic();
    let text = graphml::write(&model);
    assert_eq!(text, graphml::write(&model));
    assert!(text.contains(r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#));
    assert!(text.contains(r#"<key id="e_intensity" for="edge" attr.name="intensity" attr.type="double"/>"#));
    assert!(text.contains(r#"edgedefault="directed""#));
    let japan = text.find(r#"<node id="japan">"#).unwrap();
    let russia = text.find(r#"<node id="russia">"#).unwrap();
    assert!(japan < russia, "nodes are written in model order");
}

#[test]
fn json_round_trips_a_realistic_model_with_either_edge_key() {
    let model = realistic();
    for key in [json::EdgesKey::Links, json::EdgesKey::Edges] {
        let text = json::write_with(&model, key);
        let back = json::read(&text).unwrap();
        assert_eq!(back.to_file(), model.to_file());
    }
    let value: serde_json::Value = serde_json::from_str(&json::write(&model)).unwrap();
    assert_eq!(value["directed"], true);
    assert_eq!(value["multigraph"], true);
    assert_eq!(value["links"][3]["weight"], 0.75);
    assert_eq!(value["links"][3]["polarity"], "cooperative");
    assert_eq!(value["nodes"][0]["capital"], "Tokyo");
    assert_eq!(value["nodes"][0]["attr:kind"], "island state");
}

#[test]
fn gexf_is_well_formed_dynamic_and_expands_dates() {
    let model = realistic();
    let text = gexf::write(&model);
    assert_well_formed_xml(&text);
    assert!(text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
    assert!(text.contains(r#"version="1.3""#));
    assert!(text.contains(r#"<graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#));
    // abe: since 2012-12-26 until 2020-09-16 (day precision).
    assert!(text.contains(r#"<node id="abe" label="Shinzo Abe" start="2012-12-26" end="2020-09-16">"#), "{text}");
    // russia: since 1991-12 → first day of the month; no end.
    assert!(text.contains(r#"<node id="russia" label="Russia" start="1991-12-01">"#));
    // the declaration exists from the later of since (1956-12) and its date (1956-10-19).
    assert!(text.contains(r#"label="Joint Declaration" start="1956-12-01">"#));
    // leads: since 2012-12 → 2012-12-01.
    assert!(text.contains(r#"weight="1" start="1956-01-01">"#));
    assert!(text.contains(r#"start="2012-12-01" end="2020-09-16">"#));
    assert!(text.contains(r#"<attributes class="node" mode="static">"#));
}

#[test]
fn hostile_strings_stay_well_formed_in_every_format() {
    let model = hostile();

    // GraphML: well-formed, no markup injected, reads back to the XML-safe model.
    let text = graphml::write(&model);
    assert_well_formed_xml(&text);
    assert!(!text.contains("<script>"));
    assert!(!text.contains("\" onload="));
    let back = graphml::read(&text).unwrap();
    assert_eq!(back.to_file(), xml_safe_model(&model));

    // GEXF: well-formed, no markup injected.
    let text = gexf::write(&model);
    assert_well_formed_xml(&text);
    assert!(!text.contains("<script>"));
    assert!(!text.contains("URL=\"javascript"));

    // JSON holds every character: exact round trip.
    let text = json::write(&model);
    serde_json::from_str::<serde_json::Value>(&text).unwrap();
    assert_eq!(json::read(&text).unwrap().to_file(), model.to_file());

    // CSV: parses with the csv crate and every field comes back.
    let nodes = neo4j::nodes_csv(&model);
    let mut reader = csv::ReaderBuilder::new().from_reader(nodes.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..10], neo4j::NODE_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), model.node_count());
    for (row, node) in rows.iter().zip(model.nodes()) {
        assert_eq!(&row[0], node.id);
        assert_eq!(&row[3], node.name);
        assert_eq!(&row[4], node.aliases.join(";"));
        assert_eq!(row[9], node.description.clone().unwrap());
    }
    let rels = neo4j::relationships_csv(&model);
    let mut reader = csv::ReaderBuilder::new().from_reader(rels.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), model.edge_count());
    for (row, edge) in rows.iter().zip(model.edges()) {
        assert_eq!((&row[0], &row[1]), (edge.from.as_str(), edge.to.as_str()));
        assert_eq!(&row[10], edge.note.as_deref().unwrap());
        let evidence: Vec<Evidence> = serde_json::from_str(&row[11]).unwrap();
        assert_eq!(evidence, edge.evidence);
    }
    // The Cypher script names no user data.
    let cypher = neo4j::import_cypher(&model);
    for text in HOSTILE {
        assert!(!cypher.contains(text), "cypher contains {text:?}");
    }
}

#[test]
fn malformed_input_gives_errors_not_panics() {
    let xml = [
        "",
        "not xml at all",
        "<graphml>",
        "<graphml><graph><node id='a'></graph></graphml>",
        "<graphml><graph><node id='a'/><edge source='a'/></graph></graphml>",
        "<graphml><key id='k' for='node' attr.name='since'/><graph><node id='a'><data key='k'>yesterday</data></node></graph></graphml>",
        "<graphml><key id='k' for='edge' attr.name='weight'/><graph><node id='a'/><edge source='a' target='a'><data key='k'>heavy</data></edge></graph></graphml>",
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><graphml><graph><node id='&lol2;'/></graph></graphml>",
        "<graphml><graph><node id='a' id='b'/></graph></graphml>",
        "<graphml/><graphml/>",
    ];
    for text in xml {
        assert!(graphml::read(text).is_err(), "{text} should be rejected");
    }
    let bad_json = ["", "{", "null", "[1,2]", "{\"nodes\": {}}", "{\"nodes\": [{\"id\": {}}]}", &"[".repeat(10_000)];
    for text in bad_json {
        assert!(json::read(text).is_err(), "{text:.40} should be rejected");
    }
    assert!(matches!(
        graphml::read_bytes(b"<graphml>\xff\xfe</graphml>"),
        Err(relgraph::Error::Import { problem: relgraph::error::ImportProblem::NotUtf8(bad), .. })
            if (bad.offset, bad.line, bad.column, bad.byte) == (9, 1, 10, 0xFF)
    ));
    assert!(json::read_bytes(b"{\"nodes\": [\"\xc3\x28\"]}").is_err());

    // Every truncation of a valid document is handled without panicking.
    let graphml_text = graphml::write(&realistic());
    let json_text = json::write(&realistic());
    for text in [&graphml_text, &json_text] {
        for cut in (0..text.len()).step_by(7).filter(|&i| text.is_char_boundary(i)) {
            let _ = graphml::read(&text[..cut]);
            let _ = json::read(&text[..cut]);
        }
    }
}

#[test]
fn an_empty_model_round_trips() {
    let model = Model::new("");
    assert_eq!(graphml::read(&graphml::write(&model)).unwrap().to_file(), model.to_file());
    assert_eq!(json::read(&json::write(&model)).unwrap().to_file(), model.to_file());
    assert_well_formed_xml(&gexf::write(&model));
}

/// Runs NetworkX on our GraphML, JSON and GEXF when Python and NetworkX are installed.
#[test]
fn networkx_reads_graphml_json_and_gexf_with_typed_attributes() {
    let available = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !available {
        eprintln!("skipped: python3 with networkx is not available");
        return;
    }
    let model = realistic();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(path("m.graphml"), graphml::write(&model)).unwrap();
    std::fs::write(path("links.json"), json::write(&model)).unwrap();
    std::fs::write(path("edges.json"), json::write_with(&model, json::EdgesKey::Edges)).unwrap();
    std::fs::write(path("m.gexf"), gexf::write(&model)).unwrap();
    let script = r#"
import json, sys
import networkx as nx
graphml, links, edges, gexf, n, m = sys.argv[1:7]
n, m = int(n), int(m)

def check(g, what):
    assert g.is_directed(), what
    assert g.number_of_nodes() == n, (what, g.number_of_nodes())
    assert g.number_of_edges() == m, (what, g.number_of_edges())
    weights = 0
    for _, _, d in g.edges(data=True):
        assert isinstance(d["kind"], str), (what, d)
        if "weight" in d:
            assert isinstance(d["weight"], float), (what, d)
            weights += 1
        if "intensity" in d:
            assert isinstance(d["intensity"], float), (what, d)
    assert weights > 0, what
    for _, d in g.nodes(data=True):
        assert isinstance(d["kind"], str), (what, d)

g = nx.read_graphml(graphml)
assert isinstance(g, nx.MultiDiGraph), type(g)  # the model has parallel edges
check(g, "graphml")
assert g.nodes["abe"]["since"] == "2012-12-26"
assert g.graph["title"].startswith("Kuril")
check(nx.node_link_graph(json.load(open(links)), edges="links"), "json links")
check(nx.node_link_graph(json.load(open(edges))), "json edges")
x = nx.read_gexf(gexf)
assert x.number_of_nodes() == n and x.number_of_edges() == m, "gexf"
print("ok")
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .args([path("m.graphml"), path("links.json"), path("edges.json"), path("m.gexf")])
        .args([model.node_count().to_string(), model.edge_count().to_string()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stdout.trim() == "ok", "networkx failed:\n{stdout}\n{stderr}");
}

// ---------------------------------------------------------------------------------------
// Property tests.

/// Text XML can hold exactly (no characters outside XML 1.0's `Char`), incl. CR, LF, tab.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,8}",
        "[\\t\\n\\r -~]{0,12}",
        "[\\PC]{0,12}",
        Just("kind".to_owned()),
        Just("attr:name".to_owned()),
    ]
    .prop_map(|s| xml_safe(&s))
}

fn date() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (0u16..=9999).prop_map(|y| Some(PartialDate::year(y))),
        (0u16..=9999, 1u8..=12).prop_map(|(y, m)| PartialDate::month(y, m)),
        (0u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| PartialDate::day(y, m, d)),
    ]
}

fn number() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        (-1e6f64..1e6).prop_map(Some),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(Some)
    ]
}

prop_compose! {
    fn node(id: String)(
        kind in 0..NodeKind::ALL.len(),
        name in text(),
        aliases in prop::collection::vec(text(), 0..3),
        since in date(), until in date(), at in date(),
        tags in prop::collection::vec(text(), 0..3),
        attrs in prop::collection::btree_map(text(), text(), 0..3),
        description in prop::option::of(text()),
    ) -> Node {
        Node { id: id.clone(), kind: NodeKind::ALL[kind], name, aliases, since, until, date: at, tags, attrs, description, same_as: Vec::new(), sources: Vec::new(), draft: false }
    }
}

prop_compose! {
    fn edge(n: usize)(
        from in 0..n, to in 0..n, kind in 0..EdgeKind::ALL.len(),
        since in date(), until in date(), weight in number(), intensity in number(),
        topic in prop::option::of(text()), note in prop::option::of(text()),
        evidence in prop::collection::vec((text(), text()), 0..2),
    ) -> (usize, usize, Edge) {
        let mut e = Edge::new(String::new(), String::new(), EdgeKind::ALL[kind]);
        e.since = since; e.until = until; e.weight = weight; e.intensity = intensity;
        e.topic = topic; e.note = note;
        e.evidence = evidence.into_iter().map(|(source, quote)| Evidence { source, quote }).collect();
        (from, to, e)
    }
}

fn model() -> impl Strategy<Value = Model> {
    (prop::collection::btree_set(text(), 1..7), text(), prop::option::of(text()))
        .prop_flat_map(|(ids, title, description): (BTreeSet<String>, String, Option<String>)| {
            let ids: Vec<String> = ids.into_iter().collect();
            let n = ids.len();
            let nodes: Vec<_> = ids.iter().cloned().map(node).collect();
            (nodes, prop::collection::vec(edge(n), 0..10), Just(title), Just(description))
        })
        .prop_map(|(nodes, edges, title, description)| {
            let ids: Vec<String> = nodes.iter().map(|n| n.id.clone()).collect();
            let edges = edges
                .into_iter()
                .map(|(from, to, mut e)| {
                    e.from = ids[from].clone();
                    e.to = ids[to].clone();
                    e
                })
                .collect();
            Model::from_file(ModelFile {
                title,
                description,
                as_of: None,
                sources: Vec::new(),
                node_kinds: Vec::new(),
                edge_kinds: Vec::new(),
                nodes,
                edges,
                influence: Vec::new(),
            })
            .unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn graphml_round_trip_is_identity(model in model()) {
        let text = graphml::write(&model);
        prop_assert_eq!(graphml::read(&text).unwrap().to_file(), model.to_file());
    }

    #[test]
    fn json_round_trip_is_identity(model in model()) {
        let text = json::write(&model);
        prop_assert_eq!(json::read(&text).unwrap().to_file(), model.to_file());
    }

    #[test]
    fn gexf_and_csv_stay_well_formed(model in model()) {
        assert_well_formed_xml(&gexf::write(&model));
        let nodes = neo4j::nodes_csv(&model);
        let count = csv::Reader::from_reader(nodes.as_bytes()).records().map(Result::unwrap).count();
        prop_assert_eq!(count, model.node_count());
    }

    #[test]
    fn readers_never_panic_on_arbitrary_text(text in "\\PC{0,200}", xmlish in "[<>/=\"'a-z &#;0-9]{0,200}") {
        let _ = graphml::read(&text);
        let _ = graphml::read(&xmlish);
        let _ = graphml::read(&format!("<graphml><graph>{xmlish}</graph></graphml>"));
        let _ = json::read(&text);
    }
}
