//! GraphML: write a model for Gephi, yEd and NetworkX, and read GraphML back into a model.
//!
//! The writer declares one typed `<key>` per field (see `docs/interchange.md` for the full
//! table): node `kind`, `name`, `label` (a copy of `name`, which Gephi shows as the label),
//! `aliases` and `tags` (JSON arrays of strings), `since`, `until`, `date` (ISO partial
//! dates), `description` and one string key per attribute name; edge `kind`, `polarity`,
//! `since`, `until`, `weight` and `intensity` (`double`), `topic`, `note` and `evidence` (a
//! JSON array of `{"source", "quote"}`), and, for a composed model, node `same_as` and node
//! and edge `sources` (JSON arrays of ids); graph `title`, `description` and `sources` (JSON),
//! and `node_kinds` and `edge_kinds` (JSON arrays of declarations) when the model declares
//! kinds of its own, which reading restores before it reads any kind.
//! The graph is `edgedefault="directed"`; parallel edges are written as they are, and
//! NetworkX's `read_graphml` returns a `MultiDiGraph` when it finds any (a `DiGraph`
//! otherwise).
//!
//! An attribute whose name collides with a field name (`kind`, `name`, …) or starts with
//! `attr:` is written under the key name `attr:` + its name and read back without the
//! prefix, so every attribute round-trips.
//!
//! XML 1.0 cannot hold most control characters, even escaped: the writer replaces every
//! character outside the XML 1.0 `Char` production (U+0000–U+001F except tab, newline and
//! carriage return, and U+FFFE, U+FFFF) with U+FFFD. Tab, newline and carriage return in
//! attribute values, and carriage return in text, are written as character references so
//! that XML parsers do not normalise them away.
//!
//! Reading maps keys back by `attr.name`. Nodes without a kind become `actor`, edges without
//! one `related_to`. An unknown node kind is kept as `actor` with the original text in
//! attribute `kind`; an unknown edge kind as `related_to` with `kind: <original>` as the
//! first line of its note. Unknown node data is kept in `attrs`; unknown edge data and yFiles
//! graphics are dropped. Nodes and edges of nested and multiple `<graph>`s are read into one
//! model. Edge `polarity` is ignored on reading: it follows from the kind.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use crate::error::{ImportProblem, InterchangeFormat};
use crate::model::{Edge, EdgeKind, Evidence, Model, ModelFile, Node, NodeKind, PartialDate, Source, Vocabulary};
use crate::Error;

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// Prefix that marks an attribute whose name would collide with a field name.
pub const ATTR_PREFIX: &str = "attr:";

/// Node field names; attributes with these names are written with [`ATTR_PREFIX`].
pub const NODE_FIELDS: [&str; 9] =
    ["kind", "name", "label", "aliases", "since", "until", "date", "tags", "description"];

const FORMAT: InterchangeFormat = InterchangeFormat::GraphMl;

/// The model as a GraphML document.
pub fn write(model: &Model) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_to(model, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the model as a GraphML document to `out`.
pub fn write_to<W: Write>(model: &Model, out: W) -> std::io::Result<()> {
    let mut xml = XmlWriter::new(out);
    xml.decl()?;
    xml.start(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    for (id, name) in [
        ("g_title", "title"),
        ("g_description", "description"),
        ("g_sources", "sources"),
        ("g_node_kinds", "node_kinds"),
        ("g_edge_kinds", "edge_kinds"),
    ] {
        key(&mut xml, id, "graph", name, "string")?;
    }
    for name in NODE_FIELDS {
        key(&mut xml, &format!("n_{name}"), "node", name, "string")?;
    }
    if crate::io::provenance::recorded(model) {
        crate::io::provenance::FIELDS.iter().try_for_each(|f| key(&mut xml, &format!("n_{f}"), "node", f, "string"))?;
        key(&mut xml, "e_sources", "edge", "sources", "string")?;
    }
    let attr_names = attr_names(model);
    for (i, name) in attr_names.iter().enumerate() {
        key(&mut xml, &format!("n_attr{i}"), "node", &escape_attr_name(name), "string")?;
    }
    for (name, ty) in [
        ("kind", "string"),
        ("polarity", "string"),
        ("since", "string"),
        ("until", "string"),
        ("weight", "double"),
        ("intensity", "double"),
        ("topic", "string"),
        ("note", "string"),
        ("evidence", "string"),
    ] {
        key(&mut xml, &format!("e_{name}"), "edge", name, ty)?;
    }

    xml.start("graph", &[("id", "G"), ("edgedefault", "directed")])?;
    xml.data("g_title", &model.title)?;
    if let Some(d) = &model.description {
        xml.data("g_description", d)?;
    }
    if !model.sources.is_empty() {
        xml.data("g_sources", &to_json(&model.sources))?;
    }
    let (node_kinds, edge_kinds) = (model.vocabulary.node_declarations(), model.vocabulary.edge_declarations());
    if !node_kinds.is_empty() {
        xml.data("g_node_kinds", &to_json(&node_kinds))?;
    }
    if !edge_kinds.is_empty() {
        xml.data("g_edge_kinds", &to_json(&edge_kinds))?;
    }
    let attr_ids: HashMap<&str, String> =
        attr_names.iter().enumerate().map(|(i, n)| (n.as_str(), format!("n_attr{i}"))).collect();
    for node in model.nodes() {
        xml.start("node", &[("id", &node.id)])?;
        xml.data("n_kind", node.kind.as_str())?;
        xml.data("n_name", &node.name)?;
        xml.data("n_label", &node.name)?;
        if !node.aliases.is_empty() {
            xml.data("n_aliases", &to_json(&node.aliases))?;
        }
        for (id, date) in [("n_since", node.since), ("n_until", node.until), ("n_date", node.date)] {
            if let Some(date) = date {
                xml.data(id, &date.to_string())?;
            }
        }
        if !node.tags.is_empty() {
            xml.data("n_tags", &to_json(&node.tags))?;
        }
        if let Some(d) = &node.description {
            xml.data("n_description", d)?;
        }
        crate::io::provenance::node_lists(node).try_for_each(|(id, list)| xml.data(id, &to_json(list)))?;
        for (name, value) in &node.attrs {
            if let Some(id) = attr_ids.get(name.as_str()) {
                xml.data(id, value)?;
            }
        }
        xml.end("node")?;
    }
    for (i, edge) in model.edges().enumerate() {
        xml.start("edge", &[("id", &format!("e{i}")), ("source", &edge.from), ("target", &edge.to)])?;
        xml.data("e_kind", edge.kind.as_str())?;
        xml.data("e_polarity", edge.polarity().as_str())?;
        for (id, date) in [("e_since", edge.since), ("e_until", edge.until)] {
            if let Some(date) = date {
                xml.data(id, &date.to_string())?;
            }
        }
        for (id, value) in [("e_weight", edge.weight), ("e_intensity", edge.intensity)] {
            if let Some(value) = value {
                xml.data(id, &value.to_string())?;
            }
        }
        for (id, text) in [("e_topic", &edge.topic), ("e_note", &edge.note)] {
            if let Some(text) = text {
                xml.data(id, text)?;
            }
        }
        if !edge.evidence.is_empty() {
            xml.data("e_evidence", &to_json(&edge.evidence))?;
        }
        crate::io::provenance::edge_list(edge).try_for_each(|(id, list)| xml.data(id, &to_json(list)))?;
        xml.end("edge")?;
    }
    xml.end("graph")?;
    xml.end("graphml")?;
    xml.finish()
}

fn key<W: Write>(xml: &mut XmlWriter<W>, id: &str, for_: &str, name: &str, ty: &str) -> std::io::Result<()> {
    xml.empty("key", &[("id", id), ("for", for_), ("attr.name", name), ("attr.type", ty)])
}

/// Distinct attribute names in model order (first node first, names sorted within a node).
fn attr_names(model: &Model) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for node in model.nodes() {
        for name in node.attrs.keys() {
            if seen.insert(name.as_str()) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// The key name an attribute is written under: its own, or [`ATTR_PREFIX`] + it when it
/// would collide with a field name or already starts with the prefix.
pub fn escape_attr_name(name: &str) -> Cow<'_, str> {
    if NODE_FIELDS.contains(&name) || crate::io::provenance::FIELDS.contains(&name) || name.starts_with(ATTR_PREFIX) {
        Cow::Owned(format!("{ATTR_PREFIX}{name}"))
    } else {
        Cow::Borrowed(name)
    }
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// XML text helpers, shared with the GEXF writer.

/// Whether XML 1.0 can hold the character at all (the `Char` production).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for XML element content or (with `attribute`) a double- or single-quoted
/// attribute value; characters XML 1.0 cannot hold become U+FFFD.
pub(crate) fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A thin layer over quick-xml's writer that escapes every value with [`escape`].
pub(crate) struct XmlWriter<W: Write> {
    inner: quick_xml::Writer<W>,
}

impl<W: Write> XmlWriter<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { inner: quick_xml::Writer::new_with_indent(out, b' ', 2) }
    }

    pub(crate) fn decl(&mut self) -> std::io::Result<()> {
        self.inner.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
    }

    fn tag<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (k, v) in attrs {
            start.push_attribute(Attribute {
                key: QName(k.as_bytes()),
                value: Cow::Owned(escape(v, true).into_bytes()),
            });
        }
        start
    }

    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.inner.write_event(Event::Start(Self::tag(name, attrs)))
    }

    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.inner.write_event(Event::Empty(Self::tag(name, attrs)))
    }

    pub(crate) fn end(&mut self, name: &str) -> std::io::Result<()> {
        self.inner.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attrs…>text</name>`.
    pub(crate) fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
        self.inner.write_event(Event::Start(Self::tag(name, attrs)))?;
        self.inner.write_event(Event::Text(BytesText::from_escaped(escape(text, false))))?;
        self.inner.write_event(Event::End(BytesEnd::new(name)))
    }

    fn data(&mut self, key: &str, text: &str) -> std::io::Result<()> {
        self.text_element("data", &[("key", key)], text)
    }

    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.inner.get_mut().write_all(b"\n")?;
        self.inner.get_mut().flush()
    }
}

// ---------------------------------------------------------------------------------------
// Reading.

/// Reads a GraphML document (bytes that must be UTF-8) into a model.
pub fn read_bytes(bytes: &[u8]) -> Result<Model, Error> {
    let text = crate::io::text::decode(bytes)
        .map_err(|e| Error::Import { format: FORMAT, problem: ImportProblem::NotUtf8(e) })?;
    read(text)
}

/// Reads a GraphML document into a model. See the module docs for how keys map back.
pub fn read(text: &str) -> Result<Model, Error> {
    let text = crate::io::text::strip_bom(text);
    let raw = parse(text).map_err(|e| locate(e, text))?;
    build(raw)
}

#[derive(Default)]
struct KeyDef {
    name: String,
    for_: String,
    yfiles: bool,
    default: Option<String>,
}

#[derive(Default)]
struct RawItem {
    id: Option<String>,
    source: Option<String>,
    target: Option<String>,
    data: Vec<(String, String)>,
}

#[derive(Clone, Copy)]
enum Owner {
    Graph,
    Node(usize),
    Edge(usize),
}

enum Elem {
    Root,
    Key(String),
    Default { key: String, text: String },
    Graph,
    Node(usize),
    Edge(usize),
    Data { key: String, owner: Owner, text: String, nested: bool },
    Other,
}

#[derive(Default)]
struct Raw {
    keys: HashMap<String, KeyDef>,
    graph: Vec<(String, String)>,
    nodes: Vec<RawItem>,
    edges: Vec<RawItem>,
}

/// An XML error at a byte offset; [`read`] fills in its line and column.
fn xml_error(offset: u64, source: quick_xml::Error) -> Error {
    Error::Xml { format: FORMAT, offset, line: 0, column: 0, source }
}

/// An error with the line and column of its byte offset in `text` filled in.
fn locate(error: Error, text: &str) -> Error {
    match error {
        Error::Xml { format, offset, source, .. } => {
            let at = usize::try_from(offset).unwrap_or(usize::MAX);
            let (line, column) = crate::io::spans::LineIndex::new(text).position(at);
            Error::Xml { format, offset, line, column, source }
        }
        other => other,
    }
}

fn shape(expected: &'static str) -> Error {
    Error::Import { format: FORMAT, problem: ImportProblem::Shape { expected } }
}

fn attributes(start: &BytesStart<'_>, offset: u64) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| xml_error(offset, e.into()))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&attr.value);
        let value = quick_xml::escape::unescape(&raw).map_err(|e| xml_error(offset, e.into()))?;
        out.push((key, value.into_owned()));
    }
    Ok(out)
}

fn get(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn parse(text: &str) -> Result<Raw, Error> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut raw = Raw::default();
    let mut stack: Vec<Elem> = Vec::new();
    let mut seen_root = false;
    let mut names: Vec<String> = Vec::new();
    loop {
        let offset = reader.buffer_position();
        let event = reader.read_event().map_err(|e| xml_error(reader.error_position(), e))?;
        match event {
            Event::Start(start) => {
                let elem = open(&start, offset, &mut stack, &mut raw, &mut seen_root)?;
                stack.push(elem);
                names.push(String::from_utf8_lossy(start.name().as_ref()).into_owned());
            }
            Event::Empty(start) => {
                let elem = open(&start, offset, &mut stack, &mut raw, &mut seen_root)?;
                close(elem, &mut raw);
            }
            Event::End(_) => {
                names.pop();
                if let Some(elem) = stack.pop() {
                    close(elem, &mut raw);
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content().map_err(|e| xml_error(offset, e.into()))?;
                push_text(&mut stack, &content);
            }
            Event::CData(t) => {
                let content = t.xml10_content().map_err(|e| xml_error(offset, e.into()))?;
                push_text(&mut stack, &content);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| xml_error(offset, e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| xml_error(offset, e.into()))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.to_owned(),
                            None => {
                                let err = quick_xml::escape::EscapeError::UnrecognizedEntity(
                                    0..name.len(),
                                    name.into_owned(),
                                );
                                return Err(xml_error(offset, err.into()));
                            }
                        }
                    }
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = names.pop() {
        let err = quick_xml::errors::IllFormedError::MissingEndTag(open);
        return Err(xml_error(reader.buffer_position(), err.into()));
    }
    if !seen_root {
        return Err(shape("a <graphml> root element"));
    }
    Ok(raw)
}

fn push_text(stack: &mut [Elem], content: &str) {
    match stack.last_mut() {
        Some(Elem::Data { text, .. }) | Some(Elem::Default { text, .. }) => text.push_str(content),
        _ => {}
    }
}

fn open(
    start: &BytesStart<'_>,
    offset: u64,
    stack: &mut [Elem],
    raw: &mut Raw,
    seen_root: &mut bool,
) -> Result<Elem, Error> {
    let local = start.local_name();
    let name = local.as_ref();
    if stack.is_empty() {
        if name != b"graphml" || *seen_root {
            return Err(shape("a <graphml> root element"));
        }
        *seen_root = true;
        return Ok(Elem::Root);
    }
    if let Some(Elem::Data { nested, .. }) = stack.last_mut() {
        *nested = true;
        return Ok(Elem::Other);
    }
    let owner = stack.iter().rev().find_map(|e| match e {
        Elem::Graph => Some(Owner::Graph),
        Elem::Node(i) => Some(Owner::Node(*i)),
        Elem::Edge(i) => Some(Owner::Edge(*i)),
        _ => None,
    });
    let in_key = matches!(stack.last(), Some(Elem::Key(_)));
    Ok(match name {
        b"key" if matches!(stack.last(), Some(Elem::Root)) => {
            let attrs = attributes(start, offset)?;
            let index = raw.keys.len();
            let id = get(&attrs, "id").ok_or(Error::Import {
                format: FORMAT,
                problem: ImportProblem::Missing { item: "key", index, field: "id" },
            })?;
            let yfiles = get(&attrs, "yfiles.type").is_some();
            let name = get(&attrs, "attr.name").unwrap_or_else(|| id.clone());
            let for_ = get(&attrs, "for").unwrap_or_else(|| "all".to_owned());
            raw.keys.insert(id.clone(), KeyDef { name, for_, yfiles, default: None });
            Elem::Key(id)
        }
        b"default" if in_key => {
            let key = match stack.last() {
                Some(Elem::Key(k)) => k.clone(),
                _ => String::new(),
            };
            Elem::Default { key, text: String::new() }
        }
        b"graph" => Elem::Graph,
        b"node" if owner.is_some() => {
            let attrs = attributes(start, offset)?;
            raw.nodes.push(RawItem { id: get(&attrs, "id"), ..RawItem::default() });
            Elem::Node(raw.nodes.len() - 1)
        }
        b"edge" if owner.is_some() => {
            let attrs = attributes(start, offset)?;
            raw.edges.push(RawItem {
                id: get(&attrs, "id"),
                source: get(&attrs, "source"),
                target: get(&attrs, "target"),
                data: Vec::new(),
            });
            Elem::Edge(raw.edges.len() - 1)
        }
        b"data" => match owner {
            Some(owner) => {
                let attrs = attributes(start, offset)?;
                Elem::Data { key: get(&attrs, "key").unwrap_or_default(), owner, text: String::new(), nested: false }
            }
            None => Elem::Other,
        },
        _ => Elem::Other,
    })
}

fn close(elem: Elem, raw: &mut Raw) {
    match elem {
        Elem::Data { key, owner, text, nested: false } => {
            let list = match owner {
                Owner::Graph => &mut raw.graph,
                Owner::Node(i) => match raw.nodes.get_mut(i) {
                    Some(n) => &mut n.data,
                    None => return,
                },
                Owner::Edge(i) => match raw.edges.get_mut(i) {
                    Some(e) => &mut e.data,
                    None => return,
                },
            };
            list.push((key, text));
        }
        Elem::Default { key, text } => {
            if let Some(def) = raw.keys.get_mut(&key) {
                def.default = Some(text);
            }
        }
        _ => {}
    }
}

/// The item's data as (field name, value), with key defaults filled in, yFiles data dropped.
fn fields(
    raw_keys: &HashMap<String, KeyDef>,
    defaults: &[(&String, &KeyDef)],
    data: &[(String, String)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (key, _) in defaults {
        if !data.iter().any(|(k, _)| k == *key) {
            if let Some(def) = raw_keys.get(*key) {
                out.push((def.name.clone(), def.default.clone().unwrap_or_default()));
            }
        }
    }
    for (key, value) in data {
        match raw_keys.get(key) {
            Some(def) if def.yfiles => {}
            Some(def) => out.push((def.name.clone(), value.clone())),
            None => out.push((key.clone(), value.clone())),
        }
    }
    out
}

fn import_error(problem: ImportProblem) -> Error {
    Error::Import { format: FORMAT, problem }
}

/// Shortens a value for an error message.
pub(crate) fn shorten(value: &str) -> String {
    if value.chars().count() <= 80 {
        value.to_owned()
    } else {
        let mut s: String = value.chars().take(77).collect();
        s.push('…');
        s
    }
}

fn bad(item: &'static str, index: usize, field: &str, value: &str, expected: &'static str) -> Error {
    import_error(ImportProblem::BadValue { item, index, field: field.to_owned(), value: shorten(value), expected })
}

fn date(item: &'static str, index: usize, field: &str, value: &str) -> Result<Option<PartialDate>, Error> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| bad(item, index, field, value, "a date YYYY, YYYY-MM or YYYY-MM-DD"))
}

fn number(item: &'static str, index: usize, field: &str, value: &str) -> Result<Option<f64>, Error> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| bad(item, index, field, value, "a number"))
}

/// A JSON array of strings; other text is one element; empty text none.
fn list(value: &str) -> Vec<String> {
    if value.is_empty() {
        return Vec::new();
    }
    serde_json::from_str::<Vec<String>>(value).unwrap_or_else(|_| vec![value.to_owned()])
}

fn build(raw: Raw) -> Result<Model, Error> {
    let with_default = |for_: &str| -> Vec<(&String, &KeyDef)> {
        let mut v: Vec<(&String, &KeyDef)> = raw
            .keys
            .iter()
            .filter(|(_, d)| d.default.is_some() && !d.yfiles && (d.for_ == for_ || d.for_ == "all"))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    };
    let node_defaults = with_default("node");
    let edge_defaults = with_default("edge");
    let graph_defaults = with_default("graph");

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
    let mut title_from_name = None;
    for (name, value) in fields(&raw.keys, &graph_defaults, &raw.graph) {
        match name.as_str() {
            "title" => file.title = value,
            "name" => title_from_name = Some(value),
            "description" => file.description = Some(value),
            "sources" if !value.trim().is_empty() => {
                file.sources = serde_json::from_str::<Vec<Source>>(&value)
                    .map_err(|_| bad("graph", 0, "sources", &value, "a JSON array of sources"))?;
            }
            "node_kinds" if !value.trim().is_empty() => {
                file.node_kinds = serde_json::from_str(&value)
                    .map_err(|_| bad("graph", 0, "node_kinds", &value, "a JSON array of node kind declarations"))?;
            }
            "edge_kinds" if !value.trim().is_empty() => {
                file.edge_kinds = serde_json::from_str(&value)
                    .map_err(|_| bad("graph", 0, "edge_kinds", &value, "a JSON array of edge kind declarations"))?;
            }
            _ => {}
        }
    }
    if file.title.is_empty() {
        file.title = title_from_name.unwrap_or_default();
    }
    let vocabulary = Vocabulary::from_declarations(&file.node_kinds, &file.edge_kinds)?;

    let mut seen = std::collections::HashSet::new();
    for (index, item) in raw.nodes.iter().enumerate() {
        let id = item.id.clone().ok_or(import_error(ImportProblem::Missing { item: "node", index, field: "id" }))?;
        if !seen.insert(id.clone()) {
            return Err(import_error(ImportProblem::DuplicateNode { id }));
        }
        let mut node = Node::new(id, NodeKind::Actor, String::new());
        let mut name = None;
        let mut label = None;
        let mut attrs = BTreeMap::new();
        let mut unknown_kind = None;
        for (field, value) in fields(&raw.keys, &node_defaults, &item.data) {
            match field.as_str() {
                "kind" => match value.trim() {
                    "" => node.kind = NodeKind::Actor,
                    text => match vocabulary.node_kind(text) {
                        Ok(kind) => {
                            node.kind = kind;
                            unknown_kind = None;
                        }
                        Err(_) => {
                            node.kind = NodeKind::Actor;
                            unknown_kind = Some(value.clone());
                        }
                    },
                },
                "name" => name = Some(value),
                "label" => label = Some(value),
                "aliases" => node.aliases = list(&value),
                "since" => node.since = date("node", index, "since", &value)?,
                "until" => node.until = date("node", index, "until", &value)?,
                "date" => node.date = date("node", index, "date", &value)?,
                "tags" => node.tags = list(&value),
                "description" => node.description = Some(value),
                "same_as" => node.same_as = list(&value),
                "sources" => node.sources = list(&value),
                other => {
                    let other = other.strip_prefix(ATTR_PREFIX).unwrap_or(other);
                    attrs.insert(other.to_owned(), value);
                }
            }
        }
        if let Some(kind) = unknown_kind {
            attrs.entry("kind".to_owned()).or_insert(kind);
        }
        node.attrs = attrs;
        node.name = name.or(label).unwrap_or_else(|| node.id.clone());
        file.nodes.push(node);
    }

    for (index, item) in raw.edges.iter().enumerate() {
        let from =
            item.source.clone().ok_or(import_error(ImportProblem::Missing { item: "edge", index, field: "source" }))?;
        let to =
            item.target.clone().ok_or(import_error(ImportProblem::Missing { item: "edge", index, field: "target" }))?;
        for id in [&from, &to] {
            if !seen.contains(id) {
                return Err(import_error(ImportProblem::UnknownNode { index, id: id.clone() }));
            }
        }
        let mut edge = Edge::new(from, to, EdgeKind::RelatedTo);
        let mut unknown_kind = None;
        for (field, value) in fields(&raw.keys, &edge_defaults, &item.data) {
            match field.as_str() {
                "kind" => match value.trim() {
                    "" => edge.kind = EdgeKind::RelatedTo,
                    text => match vocabulary.edge_kind(text) {
                        Ok(kind) => {
                            edge.kind = kind;
                            unknown_kind = None;
                        }
                        Err(_) => {
                            edge.kind = EdgeKind::RelatedTo;
                            unknown_kind = Some(value.clone());
                        }
                    },
                },
                "since" => edge.since = date("edge", index, "since", &value)?,
                "until" => edge.until = date("edge", index, "until", &value)?,
                "weight" => edge.weight = number("edge", index, "weight", &value)?,
                "intensity" => edge.intensity = number("edge", index, "intensity", &value)?,
                "topic" => edge.topic = Some(value),
                "note" => edge.note = Some(value),
                "sources" => edge.sources = list(&value),
                "evidence" if !value.trim().is_empty() => {
                    edge.evidence = serde_json::from_str::<Vec<Evidence>>(&value).map_err(|_| {
                        bad("edge", index, "evidence", &value, "a JSON array of {\"source\", \"quote\"}")
                    })?;
                }
                _ => {}
            }
        }
        if let Some(kind) = unknown_kind {
            edge.note = Some(note_with_kind(&kind, edge.note.as_deref()));
        }
        file.edges.push(edge);
    }
    Model::from_file(file).map_err(Error::from)
}

/// The note of an edge whose kind was not recognised: `kind: <original>` on its first line.
pub(crate) fn note_with_kind(kind: &str, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("kind: {kind}\n{note}"),
        None => format!("kind: {kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Model {
        let mut m = Model::new("Kurils & co");
        let mut japan = Node::new("japan", NodeKind::Country, "Japan");
        japan.attrs.insert("kind".into(), "island state".into());
        japan.attrs.insert("capital".into(), "Tokyo".into());
        m.add_node(japan).unwrap();
        m.add_node(Node::new("russia", NodeKind::Country, "Russia")).unwrap();
        let mut e = Edge::new("japan", "russia", EdgeKind::Disputes);
        e.weight = Some(0.5);
        e.note = Some("line 1\r\nline 2\ttab".into());
        m.add_edge(e).unwrap();
        m
    }

    #[test]
    fn round_trips_a_small_model_including_colliding_attribute_names() {
        let m = small();
        let text = write(&m);
        assert!(text.contains("attr.name=\"attr:kind\""), "{text}");
        let back = read(&text).unwrap();
        assert_eq!(back.to_file(), m.to_file());
    }

    #[test]
    fn control_characters_become_replacement_characters() {
        assert_eq!(escape("a\u{1}b\u{FFFE}", false), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(escape("\"<&>'\n", true), "&quot;&lt;&amp;&gt;&apos;&#10;");
    }

    #[test]
    fn missing_kinds_default_and_unknown_kinds_are_kept() {
        let text = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="k" for="node" attr.name="kind" attr.type="string"/>
          <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
          <key id="pop" for="node" attr.name="population" attr.type="int"><default>0</default></key>
          <graph edgedefault="directed">
            <node id="a"><data key="k">empire</data></node>
            <node id="b"/>
            <edge source="a" target="b"><data key="ek">befriends</data></edge>
            <edge source="b" target="a"/>
          </graph></graphml>"#;
        let m = read(text).unwrap();
        let a = m.node("a").unwrap();
        assert_eq!(a.kind, NodeKind::Actor);
        assert_eq!(a.attrs["kind"], "empire");
        assert_eq!(a.attrs["population"], "0");
        assert_eq!(a.name, "a");
        let edges: Vec<_> = m.edges().collect();
        assert_eq!(edges[0].kind, EdgeKind::RelatedTo);
        assert_eq!(edges[0].note.as_deref(), Some("kind: befriends"));
        assert_eq!(edges[1].kind, EdgeKind::RelatedTo);
    }

    #[test]
    fn structural_problems_are_errors() {
        for text in [
            "",
            "<graph/>",
            "<graphml><graph><node/></graph></graphml>",
            "<graphml><graph><node id='a'/><node id='a'/></graph></graphml>",
            "<graphml><graph><node id='a'/><edge source='a' target='b'/></graph></graphml>",
            "<graphml><graph><node id='a'>&bogus;</node></graph></graphml>",
            "<graphml><graph></graphml>",
            "<graphml><graph>",
        ] {
            assert!(read(text).is_err(), "{text} should fail");
        }
    }
}
