//! Node-link JSON, the shape D3 and NetworkX's `node_link_data` / `node_link_graph` use.
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"title": "…", "description": "…", "sources": [{"id": "…", "title": "…"}],
//!            "node_kinds": [{"name": "ministry"}], "edge_kinds": [{"name": "exports"}]},
//!  "nodes": [{"id": "japan", "kind": "country", "name": "Japan", "aliases": ["Nippon"],
//!             "since": "1947-05-03", "tags": ["g7"], "description": "…", "capital": "Tokyo"}],
//!  "links": [{"source": "japan", "target": "russia", "kind": "disputes",
//!             "polarity": "conflictual", "since": "1956", "weight": 0.8, "intensity": -4.0,
//!             "topic": "…", "note": "…", "evidence": [{"source": "…", "quote": "…"}]}]}
//! ```
//!
//! Absent optional fields are left out. Node attributes are flat keys of the node object;
//! one whose name is a node field (`id`, `kind`, `name`, …) or starts with `attr:` is written
//! as `attr:` + its name and read back without the prefix. `polarity` is written for
//! consumers and ignored on reading (it follows from the kind). A weight or intensity that is
//! not finite cannot be written in JSON and is left out. A composed model's provenance
//! (see `docs/sources.md`) is written as `sources` on nodes and links and `same_as` on
//! nodes, arrays of ids, where set.
//!
//! The edge array is named `links` by default ([`EdgesKey::Links`]): D3 examples and
//! NetworkX before 3.4 use that name. NetworkX 3.4 and later default to `edges="edges"`, so
//! read our files there with `nx.node_link_graph(data, edges="links")`, or write with
//! [`EdgesKey::Edges`] and call `nx.node_link_graph(data)`.
//!
//! Reading accepts `links` or `edges` (`links` wins when both are present), numeric node ids
//! and endpoints (turned into their decimal text), and the same kind fallbacks as GraphML:
//! nodes without a kind become `actor`, edges `related_to`; an unknown node kind is kept in
//! attribute `kind`, an unknown edge kind as the first line of the note (`kind: …`). Other
//! link keys (`key`, `id`, …) are dropped. Non-string attribute values are kept as JSON text.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use crate::error::{ImportProblem, InterchangeFormat};
use crate::io::graphml::{note_with_kind, shorten, ATTR_PREFIX};
use crate::model::{Edge, EdgeKind, Evidence, Model, ModelFile, Node, NodeKind, PartialDate, Source, Vocabulary};
use crate::Error;

/// Node field names; attributes with these names are written with [`ATTR_PREFIX`].
pub const NODE_FIELDS: [&str; 11] =
    ["id", "kind", "name", "aliases", "since", "until", "date", "tags", "description", "same_as", "sources"];

const FORMAT: InterchangeFormat = InterchangeFormat::NodeLinkJson;

/// The name of the edge array in the written JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgesKey {
    /// `"links"`: D3 and NetworkX before 3.4 (`nx.node_link_graph(data, edges="links")` on 3.4+).
    #[default]
    Links,
    /// `"edges"`: the default of NetworkX 3.4 and later (`nx.node_link_graph(data)`).
    Edges,
}

impl EdgesKey {
    /// The key text.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgesKey::Links => "links",
            EdgesKey::Edges => "edges",
        }
    }
}

/// The model as pretty-printed node-link JSON with a `links` array.
pub fn write(model: &Model) -> String {
    write_with(model, EdgesKey::Links)
}

/// The model as pretty-printed node-link JSON, naming the edge array `edges_key`.
pub fn write_with(model: &Model, edges_key: EdgesKey) -> String {
    let mut out = serde_json::to_string_pretty(&to_value(model, edges_key)).unwrap_or_default();
    out.push('\n');
    out
}

/// The model as a node-link JSON value.
pub fn to_value(model: &Model, edges_key: EdgesKey) -> Value {
    let mut graph = Map::new();
    graph.insert("title".into(), model.title.clone().into());
    if let Some(d) = &model.description {
        graph.insert("description".into(), d.clone().into());
    }
    if !model.sources.is_empty() {
        graph.insert("sources".into(), serde_json::to_value(&model.sources).unwrap_or(Value::Null));
    }
    let (node_kinds, edge_kinds) = (model.vocabulary.node_declarations(), model.vocabulary.edge_declarations());
    if !node_kinds.is_empty() {
        graph.insert("node_kinds".into(), serde_json::to_value(&node_kinds).unwrap_or(Value::Null));
    }
    if !edge_kinds.is_empty() {
        graph.insert("edge_kinds".into(), serde_json::to_value(&edge_kinds).unwrap_or(Value::Null));
    }
    let nodes: Vec<Value> = model.nodes().map(node_value).collect();
    let links: Vec<Value> = model.edges().map(edge_value).collect();
    let mut top = Map::new();
    top.insert("directed".into(), true.into());
    top.insert("multigraph".into(), true.into());
    top.insert("graph".into(), Value::Object(graph));
    top.insert("nodes".into(), Value::Array(nodes));
    top.insert(edges_key.as_str().into(), Value::Array(links));
    Value::Object(top)
}

fn strings(list: &[String]) -> Value {
    Value::Array(list.iter().map(|s| Value::String(s.clone())).collect())
}

fn date(d: &Option<PartialDate>) -> Option<Value> {
    d.map(|d| Value::String(d.to_string()))
}

fn node_value(node: &Node) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), node.id.clone().into());
    o.insert("kind".into(), node.kind.as_str().into());
    o.insert("name".into(), node.name.clone().into());
    if !node.aliases.is_empty() {
        o.insert("aliases".into(), strings(&node.aliases));
    }
    for (k, d) in [("since", &node.since), ("until", &node.until), ("date", &node.date)] {
        if let Some(v) = date(d) {
            o.insert(k.into(), v);
        }
    }
    if !node.tags.is_empty() {
        o.insert("tags".into(), strings(&node.tags));
    }
    if let Some(d) = &node.description {
        o.insert("description".into(), d.clone().into());
    }
    for (k, list) in [("same_as", &node.same_as), ("sources", &node.sources)] {
        if !list.is_empty() {
            o.insert(k.into(), strings(list));
        }
    }
    for (k, v) in &node.attrs {
        let key = if NODE_FIELDS.contains(&k.as_str()) || k.starts_with(ATTR_PREFIX) {
            format!("{ATTR_PREFIX}{k}")
        } else {
            k.clone()
        };
        o.insert(key, v.clone().into());
    }
    Value::Object(o)
}

fn edge_value(edge: &Edge) -> Value {
    let mut o = Map::new();
    o.insert("source".into(), edge.from.clone().into());
    o.insert("target".into(), edge.to.clone().into());
    o.insert("kind".into(), edge.kind.as_str().into());
    o.insert("polarity".into(), edge.polarity().as_str().into());
    for (k, d) in [("since", &edge.since), ("until", &edge.until)] {
        if let Some(v) = date(d) {
            o.insert(k.into(), v);
        }
    }
    for (k, x) in [("weight", edge.weight), ("intensity", edge.intensity)] {
        if let Some(n) = x.and_then(serde_json::Number::from_f64) {
            o.insert(k.into(), Value::Number(n));
        }
    }
    for (k, t) in [("topic", &edge.topic), ("note", &edge.note)] {
        if let Some(t) = t {
            o.insert(k.into(), t.clone().into());
        }
    }
    if !edge.evidence.is_empty() {
        o.insert("evidence".into(), serde_json::to_value(&edge.evidence).unwrap_or(Value::Null));
    }
    if !edge.sources.is_empty() {
        o.insert("sources".into(), strings(&edge.sources));
    }
    Value::Object(o)
}

// ---------------------------------------------------------------------------------------
// Reading.

fn problem(problem: ImportProblem) -> Error {
    Error::Import { format: FORMAT, problem }
}

fn shape(expected: &'static str) -> Error {
    problem(ImportProblem::Shape { expected })
}

fn bad(item: &'static str, index: usize, field: &str, value: &Value, expected: &'static str) -> Error {
    problem(ImportProblem::BadValue {
        item,
        index,
        field: field.to_owned(),
        value: shorten(&value.to_string()),
        expected,
    })
}

/// Reads node-link JSON (bytes that must be UTF-8) into a model.
pub fn read_bytes(bytes: &[u8]) -> Result<Model, Error> {
    let text = crate::io::text::decode(bytes).map_err(|e| problem(ImportProblem::NotUtf8(e)))?;
    read(text)
}

/// Reads node-link JSON into a model. See the module docs for what is accepted.
pub fn read(text: &str) -> Result<Model, Error> {
    let text = crate::io::text::strip_bom(text);
    let value: Value = serde_json::from_str(text).map_err(|source| Error::Json {
        format: FORMAT,
        line: source.line(),
        column: source.column(),
        source,
    })?;
    from_value(&value)
}

/// Builds a model from a parsed node-link JSON value.
pub fn from_value(value: &Value) -> Result<Model, Error> {
    let top = value.as_object().ok_or(shape("a JSON object at the top level"))?;
    let mut file = ModelFile {
        title: String::new(),
        description: None,
        as_of: None,
        sources: Vec::new(),
        node_kinds: Vec::new(),
        edge_kinds: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
        influence: Vec::new(),
    };
    match top.get("graph") {
        None | Some(Value::Null) => {}
        Some(Value::Object(graph)) => {
            let title = graph.get("title").or_else(|| graph.get("name"));
            file.title = title.and_then(text_of).unwrap_or_default();
            file.description = graph.get("description").and_then(text_of);
            if let Some(sources) = graph.get("sources").filter(|v| !v.is_null()) {
                file.sources = serde_json::from_value::<Vec<Source>>(sources.clone())
                    .map_err(|_| bad("graph", 0, "sources", sources, "an array of sources"))?;
            }
            if let Some(kinds) = graph.get("node_kinds").filter(|v| !v.is_null()) {
                file.node_kinds = serde_json::from_value(kinds.clone())
                    .map_err(|_| bad("graph", 0, "node_kinds", kinds, "an array of node kind declarations"))?;
            }
            if let Some(kinds) = graph.get("edge_kinds").filter(|v| !v.is_null()) {
                file.edge_kinds = serde_json::from_value(kinds.clone())
                    .map_err(|_| bad("graph", 0, "edge_kinds", kinds, "an array of edge kind declarations"))?;
            }
        }
        Some(_) => return Err(shape("`graph` to be an object")),
    }
    let nodes = match top.get("nodes") {
        Some(Value::Array(nodes)) => nodes.as_slice(),
        None => &[],
        Some(_) => return Err(shape("`nodes` to be an array")),
    };
    let links = match top.get("links").or_else(|| top.get("edges")) {
        Some(Value::Array(links)) => links.as_slice(),
        None | Some(Value::Null) => &[],
        Some(_) => return Err(shape("`links` (or `edges`) to be an array")),
    };
    let vocabulary = Vocabulary::from_declarations(&file.node_kinds, &file.edge_kinds)?;
    let mut ids = HashSet::new();
    for (index, value) in nodes.iter().enumerate() {
        let node = read_node(index, value, &vocabulary)?;
        if !ids.insert(node.id.clone()) {
            return Err(problem(ImportProblem::DuplicateNode { id: node.id }));
        }
        file.nodes.push(node);
    }
    for (index, value) in links.iter().enumerate() {
        let edge = read_edge(index, value, &vocabulary)?;
        for id in [&edge.from, &edge.to] {
            if !ids.contains(id) {
                return Err(problem(ImportProblem::UnknownNode { index, id: id.clone() }));
            }
        }
        file.edges.push(edge);
    }
    Model::from_file(file).map_err(Error::from)
}

/// A scalar as text: strings as they are, numbers and booleans in JSON form, null as none,
/// arrays and objects as JSON text.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// An id or endpoint: a string or a number.
fn id_of(item: &'static str, index: usize, field: &'static str, o: &Map<String, Value>) -> Result<String, Error> {
    match o.get(field) {
        None | Some(Value::Null) => Err(problem(ImportProblem::Missing { item, index, field })),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(other) => Err(bad(item, index, field, other, "a string or number")),
    }
}

fn list(item: &'static str, index: usize, field: &str, value: &Value) -> Result<Vec<String>, Error> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => {
            items.iter().map(|v| text_of(v).ok_or(bad(item, index, field, value, "an array of strings"))).collect()
        }
        Value::String(s) => Ok(vec![s.clone()]),
        other => Err(bad(item, index, field, other, "an array of strings")),
    }
}

fn date_of(item: &'static str, index: usize, field: &str, value: &Value) -> Result<Option<PartialDate>, Error> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        other => return Err(bad(item, index, field, other, "a date YYYY, YYYY-MM or YYYY-MM-DD")),
    };
    text.parse().map(Some).map_err(|_| bad(item, index, field, value, "a date YYYY, YYYY-MM or YYYY-MM-DD"))
}

fn number_of(index: usize, field: &str, value: &Value) -> Result<Option<f64>, Error> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_f64().map(Some).ok_or(bad("edge", index, field, value, "a number")),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => s.trim().parse().map(Some).map_err(|_| bad("edge", index, field, value, "a number")),
        other => Err(bad("edge", index, field, other, "a number")),
    }
}

fn read_node(index: usize, value: &Value, vocabulary: &Vocabulary) -> Result<Node, Error> {
    let o = value.as_object().ok_or(bad("node", index, "node", value, "an object"))?;
    let id = id_of("node", index, "id", o)?;
    let mut node = Node::new(id, NodeKind::Actor, String::new());
    let mut name = None;
    let mut attrs = BTreeMap::new();
    let mut unknown_kind = None;
    for (key, value) in o {
        match key.as_str() {
            "id" => {}
            "kind" => match text_of(value) {
                None => {}
                Some(text) if text.trim().is_empty() => {}
                Some(text) => match vocabulary.node_kind(text.trim()) {
                    Ok(kind) => node.kind = kind,
                    Err(_) => unknown_kind = Some(text),
                },
            },
            "name" => name = text_of(value),
            "aliases" => node.aliases = list("node", index, key, value)?,
            "since" => node.since = date_of("node", index, key, value)?,
            "until" => node.until = date_of("node", index, key, value)?,
            "date" => node.date = date_of("node", index, key, value)?,
            "tags" => node.tags = list("node", index, key, value)?,
            "description" => node.description = text_of(value),
            "same_as" => node.same_as = list("node", index, key, value)?,
            "sources" => node.sources = list("node", index, key, value)?,
            other => {
                if let Some(text) = text_of(value) {
                    attrs.insert(other.strip_prefix(ATTR_PREFIX).unwrap_or(other).to_owned(), text);
                }
            }
        }
    }
    if let Some(kind) = unknown_kind {
        attrs.entry("kind".to_owned()).or_insert(kind);
    }
    node.name = name.or_else(|| attrs.get("label").cloned()).unwrap_or_else(|| node.id.clone());
    node.attrs = attrs;
    Ok(node)
}

fn read_edge(index: usize, value: &Value, vocabulary: &Vocabulary) -> Result<Edge, Error> {
    let o = value.as_object().ok_or(bad("edge", index, "edge", value, "an object"))?;
    let from = id_of("edge", index, "source", o)?;
    let to = id_of("edge", index, "target", o)?;
    let mut edge = Edge::new(from, to, EdgeKind::RelatedTo);
    let mut unknown_kind = None;
    for (key, value) in o {
        match key.as_str() {
            "kind" => match text_of(value) {
                None => {}
                Some(text) if text.trim().is_empty() => {}
                Some(text) => match vocabulary.edge_kind(text.trim()) {
                    Ok(kind) => edge.kind = kind,
                    Err(_) => unknown_kind = Some(text),
                },
            },
            "since" => edge.since = date_of("edge", index, key, value)?,
            "until" => edge.until = date_of("edge", index, key, value)?,
            "weight" => edge.weight = number_of(index, key, value)?,
            "intensity" => edge.intensity = number_of(index, key, value)?,
            "topic" => edge.topic = text_of(value),
            "note" => edge.note = text_of(value),
            "sources" => edge.sources = list("edge", index, key, value)?,
            "evidence" if !value.is_null() => {
                edge.evidence = serde_json::from_value::<Vec<Evidence>>(value.clone())
                    .map_err(|_| bad("edge", index, key, value, "an array of {\"source\", \"quote\"}"))?;
            }
            _ => {}
        }
    }
    if let Some(kind) = unknown_kind {
        edge.note = Some(note_with_kind(&kind, edge.note.as_deref()));
    }
    Ok(edge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_either_edges_key() {
        let mut m = Model::new("t");
        let mut a = Node::new("a", NodeKind::Country, "A");
        a.attrs.insert("id".into(), "x".into());
        a.attrs.insert("attr:y".into(), "z".into());
        m.add_node(a).unwrap();
        m.add_node(Node::new("b", NodeKind::Event, "B")).unwrap();
        let mut e = Edge::new("a", "b", EdgeKind::Attends);
        e.weight = Some(0.25);
        m.add_edge(e).unwrap();
        for key in [EdgesKey::Links, EdgesKey::Edges] {
            let text = write_with(&m, key);
            assert!(text.contains(&format!("\"{}\"", key.as_str())));
            assert_eq!(read(&text).unwrap().to_file(), m.to_file());
        }
    }

    #[test]
    fn accepts_numeric_ids_and_defaults_kinds() {
        let m = read(
            r#"{"nodes": [{"id": 1}, {"id": 2, "kind": "empire", "pop": 3}],
                         "edges": [{"source": 1, "target": 2, "kind": "likes", "key": 0}]}"#,
        )
        .unwrap();
        let two = m.node("2").unwrap();
        assert_eq!(two.kind, NodeKind::Actor);
        assert_eq!(two.attrs["kind"], "empire");
        assert_eq!(two.attrs["pop"], "3");
        let e = m.edges().next().unwrap();
        assert_eq!(e.kind, EdgeKind::RelatedTo);
        assert_eq!(e.note.as_deref(), Some("kind: likes"));
    }

    #[test]
    fn bad_documents_are_errors() {
        for text in [
            "",
            "[]",
            "{\"nodes\": 3}",
            "{\"nodes\": [{}]}",
            "{\"nodes\": [{\"id\": true}]}",
            "{\"nodes\": [{\"id\": 1}, {\"id\": \"1\"}]}",
            "{\"nodes\": [{\"id\": 1}], \"links\": [{\"source\": 1, \"target\": 2}]}",
            "{\"nodes\": [{\"id\": 1, \"since\": \"soon\"}]}",
            "{\"nodes\": [{\"id\": 1}], \"links\": [{\"source\": 1, \"target\": 1, \"weight\": \"heavy\"}]}",
        ] {
            assert!(read(text).is_err(), "{text} should fail");
        }
    }
}
