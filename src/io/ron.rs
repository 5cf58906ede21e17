//! The RON model format: loading with full diagnostics, and deterministic saving.
//!
//! Loading runs in three passes. ron parses the file's outline, keeping each source, node
//! and edge as borrowed raw text, so one syntax error stops the load but a type error in
//! one node does not hide the problems of the others. Each element is then parsed on its own
//! into a loosely typed record (kinds and dates as text), validated against the nodes before
//! it, the sources and the schema, and added to the model at once, so a big file is never
//! held twice. [`crate::io::spans`] finds where an element's fields are only when a problem
//! needs a position (scanning every element cost as much as parsing it), and the file's text
//! is copied into the [`Diagnostics`] only when there is a problem to show.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use petgraph::graph::NodeIndex;

use serde::Deserialize;

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::loader::{options, pretty, read_utf8, LazySpans, Loader, Located, RawText};
use crate::io::profile::RawRule;
use crate::io::raw::{plain_edge, plain_node, RawEdge, RawNode};
use crate::io::skeleton::Skeleton;
use crate::io::spans::Spanned;
use crate::model::{
    closest, Edge, EdgeKind, EdgeKindDecl, Model, Node, NodeKind, NodeKindDecl, PartialDate, Source, Vocabulary,
    VocabularyError,
};
use crate::Error;

/// Reads and validates a model file.
pub fn load(path: &Path) -> Result<Model, Error> {
    let text = read_utf8(path)?;
    parse(&text, path).map_err(|diagnostics| Error::Invalid { diagnostics })
}

/// Parses and validates model text; `path` names the file in diagnostics.
///
/// Returns every problem found, sorted by position, when there is any.
/// A file's `includes` are not followed here: [`crate::io::load`] composes them (see
/// [`crate::io::include`]).
pub fn parse(text: &str, path: &Path) -> Result<Model, Diagnostics> {
    parse_sited(text, path).0
}

/// Where a file's includes, nodes and edges are written, for composing files
/// ([`crate::io::include`]).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Sites {
    /// Each `includes` entry and its span.
    pub(crate) includes: Vec<(String, Range<usize>)>,
    /// Each node, the whole element: [`node_site`] finds its `id` when a position is shown.
    pub(crate) nodes: Vec<Range<usize>>,
    /// Each edge, the whole element: [`edge_site`] finds its `since`, else its `kind`.
    pub(crate) edges: Vec<Range<usize>>,
}

/// Where a node written at `element` (a range of [`Sites::nodes`]) gives its `id`.
pub(crate) fn node_site(text: &str, element: Range<usize>) -> Range<usize> {
    field_site(text, element, &["id"])
}

/// Where an edge written at `element` (a range of [`Sites::edges`]) gives its `since`, else
/// its `kind`.
pub(crate) fn edge_site(text: &str, element: Range<usize>) -> Range<usize> {
    field_site(text, element, &["since", "kind"])
}

/// The first of `fields` the element at `element` has, else the element.
fn field_site(text: &str, element: Range<usize>, fields: &[&str]) -> Range<usize> {
    let Some(written) = text.get(element.clone()) else { return element };
    let spans = crate::io::spans::scan(written).shifted(element.start);
    fields.iter().find_map(|f| spans.field(f)).map_or(element, |f| f.range.clone())
}

/// [`parse`], and where the file's includes, nodes and edges are (BOM stripped).
pub(crate) fn parse_sited(text: &str, path: &Path) -> (Result<Model, Diagnostics>, Sites) {
    let text = crate::io::text::strip_bom(text);
    parse_outlined(text, path, Some(&crate::io::spans::top_outline(text)))
}

/// [`parse_sited`] of text without a byte-order mark, its top level taken from `root` (the
/// scanner's outline of `text`) when [`crate::io::skeleton`] takes it, else read by ron.
fn parse_outlined(text: &str, path: &Path, root: Option<&Spanned>) -> (Result<Model, Diagnostics>, Sites) {
    fn read<'t>(text: &'t str, raw: Outline<'t>) -> (Loader<'t>, Sites, Option<Model>) {
        let (mut loader, mut sites) = (Loader::new(text), Sites::default());
        let model = loader.run(&mut sites, raw);
        (loader, sites, model)
    }
    // ron's own outline of the file: the reference, and the way for any file the scanner's
    // outline does not take (see `io::skeleton`).
    let by_ron = || match options().from_str::<RawFile<'_>>(text) {
        Ok(raw) => read(text, Outline::of_raw(raw)),
        Err(error) => {
            let mut loader = Loader::new(text);
            loader.ron_error(&error, 0);
            (loader, Sites::default(), None)
        }
    };
    let skeleton = root.and_then(|root| crate::io::skeleton::read(text, root));
    let (loader, sites, model) = match skeleton.and_then(Outline::of_skeleton) {
        Some(raw) => match read(text, raw) {
            // ron refused a value: read the file as ron outlines it, so that every
            // diagnostic is exactly ron's.
            (loader, _, _) if loader.refused_by_ron => by_ron(),
            done => done,
        },
        None => by_ron(),
    };
    match model {
        Some(model) if loader.diagnostics.is_empty() => (Ok(model), sites),
        _ => (Err(loader.into_diagnostics(path)), sites),
    }
}

/// Reads and validates a model file as [`load`] does, and also returns the warnings about
/// it ([`crate::io::lint`]): what loads but is probably a mistake.
pub fn load_checked(path: &Path) -> Result<(Model, Diagnostics), Error> {
    let text = read_utf8(path)?;
    check(&text, path).map_err(|diagnostics| Error::Invalid { diagnostics })
}

/// Parses and validates model text as [`parse`] does, and also returns the warnings.
pub fn check(text: &str, path: &Path) -> Result<(Model, Diagnostics), Diagnostics> {
    let text = crate::io::text::strip_bom(text);
    // The top of the outline cuts the file into its elements; the lint scans the whole
    // outline only when it has a warning to place.
    let model = parse_outlined(text, path, Some(&crate::io::spans::top_outline(text))).0?;
    let mut warnings = Diagnostics::new(path, text);
    crate::io::lint::lint(&model, text, &mut warnings);
    warnings.sort();
    Ok((model, warnings))
}

/// [`check`] with the scanner's outline of `text` ([`crate::io::spans::outline`]) made
/// already, as the language server makes it for its own index: the loader and the lint
/// share it instead of scanning the text twice more.
pub fn check_outlined(text: &str, path: &Path, outline: &Spanned) -> Result<(Model, Diagnostics), Diagnostics> {
    let bare = crate::io::text::strip_bom(text);
    if bare.len() != text.len() {
        // The outline's offsets count the mark; the loader's do not.
        return check(text, path);
    }
    let model = parse_outlined(text, path, Some(outline)).0?;
    let mut warnings = Diagnostics::new(path, text);
    crate::io::lint::lint_outlined(&model, text, outline, &mut warnings);
    warnings.sort();
    Ok((model, warnings))
}

/// The model as RON text: deterministic (file order, fixed formatting) and readable
/// (non-ASCII text kept as is).
pub fn to_string(model: &Model) -> String {
    pretty(&model.file_view())
}

/// Saves a model atomically (see [`crate::io::atomic`]): the text [`to_string`] gives,
/// written as it is made, a big model's nodes and edges serialised in parallel.
pub fn save(model: &Model, path: &Path) -> Result<(), Error> {
    crate::io::atomic::write_with(path, |out| crate::io::ron_writer::write(model, out))
}

#[derive(Deserialize)]
#[serde(rename = "Model", deny_unknown_fields)]
struct RawFile<'a> {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default, borrow)]
    sources: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    node_kinds: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    edge_kinds: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    nodes: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    edges: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    influence: Vec<RawText<'a>>,
    #[serde(default, borrow)]
    includes: Vec<RawText<'a>>,
}

/// The top level of a model file: the scalar fields read, each list's elements as text
/// (read one by one afterwards), from ron's outline or the scanner's.
#[derive(Default)]
struct Outline<'t> {
    title: String,
    description: Option<String>,
    as_of: Option<String>,
    sources: Vec<&'t str>,
    node_kinds: Vec<&'t str>,
    edge_kinds: Vec<&'t str>,
    nodes: Vec<&'t str>,
    edges: Vec<&'t str>,
    influence: Vec<&'t str>,
    includes: Vec<&'t str>,
}

impl<'t> Outline<'t> {
    fn of_raw(raw: RawFile<'t>) -> Outline<'t> {
        let texts = |list: Vec<RawText<'t>>| list.into_iter().map(|r| r.0).collect();
        Outline {
            title: raw.title,
            description: raw.description,
            as_of: raw.as_of,
            sources: texts(raw.sources),
            node_kinds: texts(raw.node_kinds),
            edge_kinds: texts(raw.edge_kinds),
            nodes: texts(raw.nodes),
            edges: texts(raw.edges),
            influence: texts(raw.influence),
            includes: texts(raw.includes),
        }
    }

    /// The outline from the scanner's skeleton, when ron reads each scalar field and every
    /// field is one a model has (else ron is left to say what is wrong).
    fn of_skeleton(skeleton: Skeleton<'t>) -> Option<Outline<'t>> {
        // Every model is read with `implicit_some` on; any other extension is ron's to apply.
        let plain = skeleton.attributes.iter().all(|a| *a == "#![enable(implicit_some)]");
        if !plain || !matches!(skeleton.name, "" | "Model") {
            return None;
        }
        let mut title = None;
        let mut out = Outline::default();
        for (name, written, items) in skeleton.fields {
            let list = match name {
                "title" => {
                    title = Some(options().from_str::<String>(written).ok()?);
                    continue;
                }
                "description" => {
                    out.description = options().from_str::<Option<String>>(written).ok()?;
                    continue;
                }
                "as_of" => {
                    out.as_of = options().from_str::<Option<String>>(written).ok()?;
                    continue;
                }
                "sources" => &mut out.sources,
                "node_kinds" => &mut out.node_kinds,
                "edge_kinds" => &mut out.edge_kinds,
                "nodes" => &mut out.nodes,
                "edges" => &mut out.edges,
                "influence" => &mut out.influence,
                "includes" => &mut out.includes,
                _ => return None,
            };
            *list = items?;
        }
        out.title = title?;
        Some(out)
    }
}

#[derive(Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Where a file's top-level `as_of` value is, for a bad date (the whole file if not found).
fn as_of_span(text: &str) -> Range<usize> {
    text.find("as_of").map_or(0..text.len().min(1), |at| at..text[at..].find(',').map_or(text.len(), |e| at + e))
}

/// Ids of the nodes a file declares: the index of the element that declares each, and the
/// nodes that are declared but invalid, so that ties to them are not reported again.
#[derive(Default)]
struct Declared {
    first: HashMap<String, u32, foldhash::fast::RandomState>,
    /// Id and names of declared nodes left out of the model (an unknown kind).
    invalid: Vec<(String, Vec<String>)>,
}

impl<'t> Loader<'t> {
    fn run(&mut self, sites: &mut Sites, raw: Outline<'t>) -> Option<Model> {
        let sources: Vec<Located<RawSource>> = raw.sources.iter().filter_map(|r| self.element(r)).collect();
        let node_kinds: Vec<Located<NodeKindDecl>> = raw.node_kinds.iter().filter_map(|r| self.element(r)).collect();
        let edge_kinds: Vec<Located<EdgeKindDecl>> = raw.edge_kinds.iter().filter_map(|r| self.element(r)).collect();
        let rules: Vec<Located<RawRule>> = raw.influence.iter().filter_map(|r| self.element(r)).collect();
        let includes: Vec<Located<String>> = raw.includes.iter().filter_map(|r| self.element(r)).collect();
        sites.includes = includes.into_iter().map(|i| (i.value, i.spans.range)).collect();
        // Elements that failed to parse were reported; carry on to find more problems.
        let mut parsed_all = sources.len() == raw.sources.len()
            && rules.len() == raw.influence.len()
            && sites.includes.len() == raw.includes.len()
            && node_kinds.len() == raw.node_kinds.len()
            && edge_kinds.len() == raw.edge_kinds.len();
        let vocabulary = self.vocabulary(node_kinds, edge_kinds);
        let influence = self.rules(rules, &vocabulary);
        let sources = self.sources(sources);
        let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();

        // Nodes and edges are parsed, checked and added one at a time, so that a big file is
        // never held as parsed records and spans beside the model.
        let mut model = Model::new(raw.title);
        model.description = raw.description;
        model.as_of = raw.as_of.as_ref().and_then(|text| match text.parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(error) => {
                self.diagnostics.push(Problem::BadDate(error), as_of_span(self.text));
                None
            }
        });
        model.reserve(raw.nodes.len(), raw.edges.len());
        let mut declared = Declared::default();
        declared.first.reserve(raw.nodes.len());
        // The kind of each node added, by graph index.
        let mut node_kinds: Vec<NodeKind> = Vec::with_capacity(raw.nodes.len());
        sites.nodes.reserve(raw.nodes.len());
        for (i, element) in raw.nodes.iter().enumerate() {
            let (node, spans) = self.lazy_plain(element, plain_node);
            sites.nodes.push(spans.range());
            let Some(node) = node else {
                parsed_all = false;
                continue;
            };
            if node.id.trim().is_empty() {
                self.diagnostics.push(Problem::EmptyId { what: "node" }, spans.field_range("id"));
            }
            if let Some(&first) = declared.first.get(&node.id) {
                let first = raw
                    .nodes
                    .get(first as usize)
                    .map_or(0, |f| LazySpans::new(f, self.offset_of(f)).field_range("id").start);
                self.duplicate("node", &node.id, first, spans.field_range("id"));
                continue;
            }
            declared.first.insert(node.id.clone(), i as u32);
            let names = || std::iter::once(node.name.clone()).chain(node.aliases.iter().cloned()).collect();
            let invalid = (node.id.clone(), names());
            match self.node(node, &spans, &vocabulary) {
                Some(node) => {
                    let kind = node.kind;
                    if model.add_node(node).is_ok() {
                        node_kinds.push(kind);
                    }
                }
                None => declared.invalid.push(invalid),
            }
        }
        sites.edges.reserve(raw.edges.len());
        let mut suggestions: Option<Vec<(String, Vec<String>)>> = None;
        // The kinds met so far: a file names a few kinds many times, and reading a name
        // through the vocabulary normalises it and compares it with every built-in kind.
        let mut kinds: HashMap<String, EdgeKind, foldhash::fast::RandomState> = HashMap::default();
        for element in &raw.edges {
            let (edge, spans) = self.lazy_plain(element, plain_edge);
            sites.edges.push(spans.range());
            let Some(edge) = edge else {
                parsed_all = false;
                continue;
            };
            let kind = match kinds.get(edge.kind.0.as_str()) {
                Some(&kind) => Ok(kind),
                None => vocabulary.edge_kind(&edge.kind.0).inspect(|&kind| {
                    kinds.insert(edge.kind.0.clone(), kind);
                }),
            };
            let kind = self.known_in(kind, &spans);
            let checked = self.edge(edge, kind, &spans, &model, &node_kinds, &declared, &mut suggestions, &source_ids);
            if let Some((from, to, edge)) = checked {
                model.add_edge_at(from, to, edge);
            }
        }
        model.sources = sources;
        model.influence = influence;
        model.vocabulary = vocabulary;
        (parsed_all && self.diagnostics.is_empty()).then_some(model)
    }

    fn date(&mut self, text: Option<&String>, spans: &LazySpans<'_>, field: &str) -> Option<PartialDate> {
        match text?.parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(error) => {
                self.diagnostics.push(Problem::BadDate(error), spans.field_range(field));
                None
            }
        }
    }

    /// Checks `since`/`until` of a node or edge.
    fn interval(
        &mut self,
        since: Option<&String>,
        until: Option<&String>,
        spans: &LazySpans<'_>,
    ) -> (Option<PartialDate>, Option<PartialDate>) {
        let since = self.date(since, spans, "since");
        let until = self.date(until, spans, "until");
        if let (Some(s), Some(u)) = (since, until) {
            if u.last_day() < s.first_day() {
                let problem = Problem::UntilBeforeSince { since: s.to_string(), until: u.to_string() };
                self.diagnostics.push(problem, spans.field_range("until"));
            }
        }
        (since, until)
    }

    fn duplicate(&mut self, what: &'static str, id: &str, first: usize, span: Range<usize>) {
        let first_line = self.index().position(first).0;
        self.diagnostics.push(Problem::DuplicateId { what, id: id.to_owned(), first_line }, span);
    }

    fn sources(&mut self, raw: Vec<Located<RawSource>>) -> Vec<Source> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for Located { value: s, spans } in raw {
            let id_span = spans.field_range("id");
            if s.id.trim().is_empty() {
                self.diagnostics.push(Problem::EmptyId { what: "source" }, id_span.clone());
            }
            if let Some(&first) = seen.get(&s.id) {
                self.duplicate("source", &s.id, first, id_span);
                continue;
            }
            seen.insert(s.id.clone(), id_span.start);
            let date = match s.date.as_ref().map(|d| d.parse::<PartialDate>()) {
                Some(Ok(date)) => Some(date),
                Some(Err(error)) => {
                    self.diagnostics.push(Problem::BadDate(error), spans.field_range("date"));
                    None
                }
                None => None,
            };
            out.push(Source { id: s.id, title: s.title, author: s.author, date, url: s.url });
        }
        out
    }

    /// Builds the vocabulary from the file's declarations, reporting refused ones.
    fn vocabulary(&mut self, nodes: Vec<Located<NodeKindDecl>>, edges: Vec<Located<EdgeKindDecl>>) -> Vocabulary {
        let mut vocabulary = Vocabulary::new();
        for Located { value, spans } in nodes {
            if let Err(error) = vocabulary.declare_node(value) {
                self.diagnostics.push(Problem::Declaration(error), spans.field_range("name"));
            }
        }
        for Located { value, spans } in edges {
            if let Err(error) = vocabulary.declare_edge(value) {
                let field = match &error {
                    VocabularyError::Unknown { .. } if spans.field("from").is_some() => "from",
                    VocabularyError::Unknown { .. } => "to",
                    _ => "name",
                };
                self.diagnostics.push(Problem::Declaration(error), spans.field_range(field));
            }
        }
        vocabulary
    }

    /// Checks a node (its id is new and not empty); `None` when its kind is unknown.
    fn node(&mut self, n: RawNode, spans: &LazySpans<'_>, vocabulary: &Vocabulary) -> Option<Node> {
        let kind = self.known_in(vocabulary.node_kind(&n.kind.0), spans);
        let (since, until) = self.interval(n.since.as_ref(), n.until.as_ref(), spans);
        let date = self.date(n.date.as_ref(), spans, "date");
        Some(Node {
            id: n.id,
            kind: kind?,
            name: n.name,
            aliases: n.aliases,
            since,
            until,
            date,
            tags: n.tags,
            attrs: n.attrs,
            description: n.description,
            same_as: n.same_as,
            sources: n.sources,
            draft: n.draft,
        })
    }

    /// Checks an edge (its kind read already, `None` when unknown) against the nodes and
    /// sources; returns it with the indices of its ends when it can be added.
    #[allow(clippy::too_many_arguments)]
    fn edge(
        &mut self,
        e: RawEdge,
        kind: Option<EdgeKind>,
        spans: &LazySpans<'_>,
        model: &Model,
        node_kinds: &[NodeKind],
        declared: &Declared,
        suggestions: &mut Option<Vec<(String, Vec<String>)>>,
        source_ids: &[&str],
    ) -> Option<(NodeIndex, NodeIndex, Edge)> {
        let mut ends = [None, None];
        for (end, (field, id)) in ends.iter_mut().zip([("from", &e.from), ("to", &e.to)]) {
            if let Some(index) = model.index_of(id) {
                *end = Some(index);
            } else if !declared.first.contains_key(id) {
                // Names of every declared node, gathered at the first unknown reference.
                let names = suggestions.get_or_insert_with(|| {
                    let valid = model
                        .nodes()
                        .map(|n| (n.id.clone(), std::iter::once(&n.name).chain(&n.aliases).cloned().collect()));
                    valid.chain(declared.invalid.iter().cloned()).collect()
                });
                let suggestion = suggest_node(id, names);
                self.diagnostics.push(Problem::UnknownNode { id: id.clone(), suggestion }, spans.field_range(field));
            }
        }
        // The ends' kinds from the loader's dense list (by graph index), not from the nodes
        // themselves (each a cache miss on a big file).
        let kind_of = |at: Option<NodeIndex>| at.and_then(|at| node_kinds.get(at.index()).copied());
        if let (Some(kind), Some(from), Some(to)) = (kind, kind_of(ends[0]), kind_of(ends[1])) {
            if !kind.allows(from, to) {
                self.diagnostics.push(Problem::KindMismatch { kind, from, to }, spans.field_range("kind"));
            }
        }
        let (since, until) = self.interval(e.since.as_ref(), e.until.as_ref(), spans);
        if let Some(w) = e.weight {
            if !(w > 0.0 && w <= 1.0) {
                self.diagnostics.push(Problem::Weight { value: w }, spans.field_range("weight"));
            }
        }
        if let Some(i) = e.intensity {
            if !(-10.0..=10.0).contains(&i) {
                self.diagnostics.push(Problem::Intensity { value: i }, spans.field_range("intensity"));
            }
        }
        for (i, evidence) in e.evidence.iter().enumerate() {
            if !source_ids.contains(&evidence.source.as_str()) {
                let span = match spans.get().field("evidence").and_then(|s| s.items.get(i)) {
                    Some(item) => item.field_range("source"),
                    None => spans.field_range("evidence"),
                };
                let suggestion = closest(&evidence.source, source_ids.iter().copied()).map(str::to_owned);
                self.diagnostics.push(Problem::UnknownSource { id: evidence.source.clone(), suggestion }, span);
            }
        }
        for source in e.sources.iter().filter(|s| !source_ids.contains(&s.as_str())) {
            let suggestion = closest(source, source_ids.iter().copied()).map(str::to_owned);
            self.diagnostics
                .push(Problem::UnknownSource { id: source.clone(), suggestion }, spans.field_range("sources"));
        }
        let edge = Edge {
            from: e.from,
            to: e.to,
            kind: kind?,
            since,
            until,
            weight: e.weight,
            intensity: e.intensity,
            topic: e.topic,
            note: e.note,
            evidence: e.evidence,
            sources: e.sources,
            draft: e.draft,
        };
        match ends {
            [Some(from), Some(to)] => Some((from, to, edge)),
            _ => None,
        }
    }
}

/// The id of the node a mistyped reference most likely meant: a node whose name or alias
/// the text is (ignoring case), else the closest id.
fn suggest_node(text: &str, declared: &[(String, Vec<String>)]) -> Option<String> {
    let folded = text.trim().to_lowercase();
    declared
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.to_lowercase() == folded))
        .map(|(id, _)| id.clone())
        .or_else(|| closest(text, declared.iter().map(|(id, _)| id.as_str())).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_writes_exactly_the_text_to_string_gives() {
        let text = "Model(title: \"T\", edge_kinds: [EdgeKind(name: \"exports\", polarity: cooperative)], \
                    nodes: [Node(id: \"a\", kind: country, name: \"Ä\"), Node(id: \"b\", kind: actor, name: \"B\")], \
                    edges: [Edge(from: \"a\", to: \"b\", kind: exports, note: \"line\\nbreak\")])";
        let model = parse(text, Path::new("t.ron")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("saved.ron");
        save(&model, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), to_string(&model));
        assert!(to_string(&model).contains("kind: exports,"));
    }

    #[test]
    fn saving_writes_what_the_file_form_serialises_to() {
        // The borrowed view `save` writes must give the text the owned file form gives.
        let text = "Model(title: \"T\", description: \"D\", as_of: \"2024\", \
                    sources: [Source(id: \"s\", title: \"S\")], \
                    node_kinds: [NodeKind(name: \"port\")], \
                    edge_kinds: [EdgeKind(name: \"exports\", polarity: cooperative)], \
                    nodes: [Node(id: \"a\", kind: port, name: \"A\", tags: [\"t\"]), Node(id: \"b\", kind: actor, name: \"B\")], \
                    edges: [Edge(from: \"a\", to: \"b\", kind: exports, since: \"2020\", \
                    evidence: [Evidence(source: \"s\", quote: \"q\")])], \
                    influence: [Rule(kind: exports, goldstein: 1.0, forward: 0.5, backward: 0.1)])";
        let model = parse(text, Path::new("t.ron")).unwrap();
        assert!(!model.influence.is_empty() && !model.vocabulary.node_declarations().is_empty());
        assert_eq!(to_string(&model), pretty(&model.to_file()));
        let empty = Model::new("E");
        assert_eq!(to_string(&empty), pretty(&empty.to_file()));
    }

    /// The scanner's outline gives exactly what ron's gives: the same model, the same
    /// diagnostics and the same sites (and so does the top of the outline alone), on the
    /// shipped models, on texts written to trip the
    /// scanner, and on each shipped model with one character cut out or doubled at 30 places.
    #[test]
    fn the_scanned_outline_reads_as_ron_reads() {
        let same = |text: &str| {
            let path = Path::new("m.ron");
            let ((fast, fast_sites), (slow, slow_sites)) =
                (parse_outlined(text, path, Some(&crate::io::spans::outline(text))), parse_outlined(text, path, None));
            let model = |r: &Result<Model, Diagnostics>| r.as_ref().ok().map(Model::to_file);
            assert_eq!(model(&fast), model(&slow), "{text}");
            assert_eq!(fast.as_ref().err(), slow.as_ref().err(), "{text}");
            assert_eq!(fast_sites, slow_sites, "{text}");
            // The top of the outline, all `parse` scans, cuts the file the same way.
            let (top, top_sites) = parse_outlined(text, path, Some(&crate::io::spans::top_outline(text)));
            assert_eq!(model(&top), model(&slow), "{text}");
            assert_eq!(top.as_ref().err(), slow.as_ref().err(), "{text}");
            assert_eq!(top_sites, slow_sites, "{text}");
        };
        let small = "Model(title: \"T\", /* c */ nodes: [Node(id: \"a\", kind: country, name: \"A\"), // x\n \
                     Node(id: r\"b\", kind: actor, name: \"B, (c)\",),], edges: [Edge(from: \"a\", to: \"b\", kind: meets)])";
        let tricky = [
            small.to_owned(),
            small.replace("\"b\", kind", "\"a\", kind"),
            small.replace("meets", "meats"),
            small.replace("title: \"T\"", "title: 3"),
            small.replace("title: \"T\", ", ""),
            small.replace("Model(", "Modle("),
            small.replace("Model(", "("),
            small.replace("nodes: [", "nodes: [ /* first */\n  "),
            small.replace("), // x", ") // x"),
            small.replace("nodes:", "nodes: [], nodes:"),
            small.replace("/* c */", "/* c /* d */ */"),
            small.replace("/* c */", "colour: 1,"),
            format!("#![enable(implicit_some)]\n{small}"),
            format!("#![enable(unwrap_newtypes)]\n{small}"),
            small.replace("kind: country", "kind: country, since: \"2014-13\""),
            small.replace("name: \"A\"", "name: \"A"),
            format!("{small} x"),
        ];
        let shipped: Vec<String> = ["japan_russia_2014.ron", "senkaku_2012.ron"]
            .iter()
            .map(|f| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs").join(f)).unwrap())
            .collect();
        for text in tricky.iter().chain(&shipped) {
            same(text);
        }
        for text in &shipped {
            let step = (text.len() / 30).max(1);
            for at in (0..text.len()).step_by(step).filter(|&at| text.is_char_boundary(at)) {
                let next = text[at..].chars().next().map_or(0, char::len_utf8);
                same(&format!("{}{}", &text[..at], &text[at + next..]));
                same(&format!("{}{}", &text[..at + next], &text[at..]));
            }
        }
    }
}
