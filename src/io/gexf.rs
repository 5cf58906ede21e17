//! GEXF 1.3 export, for Gephi and its timeline.
//!
//! The graph is written with `mode="dynamic"` and `timeformat="date"`, so Gephi's timeline
//! plays the model: a node's `start` is the first day of its `since` (or of its point `date`
//! when that is later: an agreement exists from its signing), its `end` the last day of its
//! `until`; an edge's `start` and `end` come from its `since` and `until` the same way. A
//! missing end leaves the interval open. This is exactly the rule of [`Model::at`].
//!
//! Node and edge fields are declared attributes (`<attributes class="node">` …): node
//! `kind`, `aliases` and `tags` (JSON arrays), `since`, `until`, `date` (the partial dates
//! as written in the model), `description` and one string attribute per attribute name; edge
//! `kind`, `polarity`, `since`, `until`, `intensity` (double), `topic`, `note` and `evidence`
//! (JSON), and for a composed model node `same_as` and node and edge `sources` (JSON arrays
//! of source ids, see `docs/sources.md`). The edge weight is GEXF's own `weight`, the edge kind also GEXF's `kind` and its
//! words the `label`. Nodes are coloured by kind and edges by polarity (`viz:color`).
//!
//! Text is escaped and control characters are replaced as in [`crate::io::graphml`].

use std::io::Write;

use crate::io::graphml::XmlWriter;
use crate::model::{Model, Node, NodeKind, PartialDate, Polarity};

/// The GEXF 1.3 namespace.
pub const NAMESPACE: &str = "http://gexf.net/1.3";

/// The GEXF 1.3 visualisation namespace.
pub const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

/// The model as a GEXF 1.3 document.
pub fn write(model: &Model) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_to(model, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The `start` of a node: the later of its `since` and its point `date`, as a first day.
pub fn node_start(node: &Node) -> Option<String> {
    let start = match (node.since, node.date) {
        (Some(s), Some(d)) => Some(s.first_day().max(d.first_day())),
        (s, d) => s.or(d).map(|x| x.first_day()),
    };
    start.map(|d| d.to_string())
}

fn first(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.first_day().to_string())
}

fn last(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.last_day().to_string())
}

/// RGB colour of a node kind.
pub fn kind_color(kind: NodeKind) -> (u8, u8, u8) {
    match kind {
        NodeKind::Country => (31, 119, 180),
        NodeKind::Leader => (255, 127, 14),
        NodeKind::Person => (188, 189, 34),
        NodeKind::Organization => (44, 160, 44),
        NodeKind::Agreement => (148, 103, 189),
        NodeKind::Dispute => (214, 39, 40),
        NodeKind::Territory => (140, 86, 75),
        NodeKind::Event => (227, 119, 194),
        NodeKind::Project => (23, 190, 207),
        _ => (127, 127, 127),
    }
}

/// RGB colour of a polarity: green, red or grey.
pub fn polarity_color(polarity: Polarity) -> (u8, u8, u8) {
    match polarity {
        Polarity::Cooperative => (44, 160, 44),
        Polarity::Conflictual => (214, 39, 40),
        Polarity::Neutral => (127, 127, 127),
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes the model as a GEXF 1.3 document to `out`.
pub fn write_to<W: Write>(model: &Model, out: W) -> std::io::Result<()> {
    let mut xml = XmlWriter::new(out);
    xml.decl()?;
    xml.start(
        "gexf",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:viz", VIZ_NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
    )?;
    xml.start("meta", &[])?;
    xml.text_element("creator", &[], "relgraph")?;
    let description = match &model.description {
        Some(d) => format!("{}: {d}", model.title),
        None => model.title.clone(),
    };
    xml.text_element("description", &[], &description)?;
    xml.end("meta")?;

    xml.start("graph", &[("defaultedgetype", "directed"), ("mode", "dynamic"), ("timeformat", "date")])?;

    let mut attr_names: Vec<&str> = Vec::new();
    for node in model.nodes() {
        for name in node.attrs.keys() {
            if !attr_names.contains(&name.as_str()) {
                attr_names.push(name);
            }
        }
    }
    xml.start("attributes", &[("class", "node"), ("mode", "static")])?;
    let provenance = model.nodes().any(|n| !n.sources.is_empty() || !n.same_as.is_empty())
        || model.edges().any(|e| !e.sources.is_empty());
    let node_fields: &[&str] = if provenance {
        &["kind", "aliases", "since", "until", "date", "tags", "description", "same_as", "sources"]
    } else {
        &["kind", "aliases", "since", "until", "date", "tags", "description"]
    };
    for name in node_fields {
        xml.empty("attribute", &[("id", &format!("n_{name}")), ("title", name), ("type", "string")])?;
    }
    for (i, name) in attr_names.iter().enumerate() {
        xml.empty("attribute", &[("id", &format!("n_attr{i}")), ("title", name), ("type", "string")])?;
    }
    xml.end("attributes")?;
    xml.start("attributes", &[("class", "edge"), ("mode", "static")])?;
    for (name, ty) in [
        ("kind", "string"),
        ("polarity", "string"),
        ("since", "string"),
        ("until", "string"),
        ("intensity", "double"),
        ("topic", "string"),
        ("note", "string"),
        ("evidence", "string"),
    ] {
        xml.empty("attribute", &[("id", &format!("e_{name}")), ("title", name), ("type", ty)])?;
    }
    if provenance {
        xml.empty("attribute", &[("id", "e_sources"), ("title", "sources"), ("type", "string")])?;
    }
    xml.end("attributes")?;

    xml.start("nodes", &[("count", &model.node_count().to_string())])?;
    for node in model.nodes() {
        let start = node_start(node);
        let end = last(node.until);
        let mut attrs: Vec<(&str, &str)> = vec![("id", &node.id), ("label", &node.name)];
        if let Some(s) = &start {
            attrs.push(("start", s));
        }
        if let Some(e) = &end {
            attrs.push(("end", e));
        }
        xml.start("node", &attrs)?;
        let mut values: Vec<(String, String)> = vec![("n_kind".into(), node.kind.as_str().into())];
        if !node.aliases.is_empty() {
            values.push(("n_aliases".into(), json(&node.aliases)));
        }
        for (id, d) in [("n_since", node.since), ("n_until", node.until), ("n_date", node.date)] {
            if let Some(d) = d {
                values.push((id.into(), d.to_string()));
            }
        }
        if !node.tags.is_empty() {
            values.push(("n_tags".into(), json(&node.tags)));
        }
        if let Some(d) = &node.description {
            values.push(("n_description".into(), d.clone()));
        }
        for (id, list) in [("n_same_as", &node.same_as), ("n_sources", &node.sources)] {
            if !list.is_empty() {
                values.push((id.into(), json(list)));
            }
        }
        for (name, value) in &node.attrs {
            if let Some(i) = attr_names.iter().position(|n| n == name) {
                values.push((format!("n_attr{i}"), value.clone()));
            }
        }
        attvalues(&mut xml, &values)?;
        color(&mut xml, kind_color(node.kind))?;
        xml.end("node")?;
    }
    xml.end("nodes")?;

    xml.start("edges", &[("count", &model.edge_count().to_string())])?;
    for (i, edge) in model.edges().enumerate() {
        let id = i.to_string();
        let label = edge.kind.label();
        let weight = edge.weight.filter(|w| w.is_finite()).map(|w| w.to_string());
        let start = first(edge.since);
        let end = last(edge.until);
        let mut attrs: Vec<(&str, &str)> = vec![
            ("id", &id),
            ("source", &edge.from),
            ("target", &edge.to),
            ("label", &label),
            ("kind", edge.kind.as_str()),
        ];
        if let Some(w) = &weight {
            attrs.push(("weight", w));
        }
        if let Some(s) = &start {
            attrs.push(("start", s));
        }
        if let Some(e) = &end {
            attrs.push(("end", e));
        }
        xml.start("edge", &attrs)?;
        let mut values: Vec<(String, String)> =
            vec![("e_kind".into(), edge.kind.as_str().into()), ("e_polarity".into(), edge.polarity().as_str().into())];
        for (id, d) in [("e_since", edge.since), ("e_until", edge.until)] {
            if let Some(d) = d {
                values.push((id.into(), d.to_string()));
            }
        }
        if let Some(x) = edge.intensity.filter(|x| x.is_finite()) {
            values.push(("e_intensity".into(), x.to_string()));
        }
        for (id, t) in [("e_topic", &edge.topic), ("e_note", &edge.note)] {
            if let Some(t) = t {
                values.push((id.into(), t.clone()));
            }
        }
        if !edge.evidence.is_empty() {
            values.push(("e_evidence".into(), json(&edge.evidence)));
        }
        if !edge.sources.is_empty() {
            values.push(("e_sources".into(), json(&edge.sources)));
        }
        attvalues(&mut xml, &values)?;
        color(&mut xml, polarity_color(edge.polarity()))?;
        xml.end("edge")?;
    }
    xml.end("edges")?;
    xml.end("graph")?;
    xml.end("gexf")?;
    xml.finish()
}

fn attvalues<W: Write>(xml: &mut XmlWriter<W>, values: &[(String, String)]) -> std::io::Result<()> {
    xml.start("attvalues", &[])?;
    for (id, value) in values {
        xml.empty("attvalue", &[("for", id), ("value", value)])?;
    }
    xml.end("attvalues")
}

fn color<W: Write>(xml: &mut XmlWriter<W>, (r, g, b): (u8, u8, u8)) -> std::io::Result<()> {
    xml.empty("viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind};

    #[test]
    fn partial_dates_expand_to_first_and_last_days() {
        let mut m = Model::new("t");
        let mut a = Node::new("a", NodeKind::Agreement, "A");
        a.since = Some("2014".parse().unwrap());
        a.date = Some("2014-03".parse().unwrap());
        a.until = Some("2016-02".parse().unwrap());
        m.add_node(a).unwrap();
        m.add_node(Node::new("b", NodeKind::Country, "B")).unwrap();
        let mut e = Edge::new("b", "a", EdgeKind::Signs);
        e.since = Some("2000".parse().unwrap());
        e.until = Some("2000".parse().unwrap());
        m.add_edge(e).unwrap();
        let text = write(&m);
        assert!(text.contains(r#"start="2014-03-01" end="2016-02-29""#), "{text}");
        assert!(text.contains(r#"start="2000-01-01" end="2000-12-31""#), "{text}");
        assert!(text.contains(r#"mode="dynamic" timeformat="date""#));
    }
}
