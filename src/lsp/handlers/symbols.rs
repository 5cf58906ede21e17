//! `textDocument/documentSymbol`: the sources, the nodes grouped by kind, and the ties.
//!
//! A 10,000-node model has 30,000 symbols, so the answer is written as JSON text straight
//! from symbols that borrow their names from the document ([`Symbol`], serialised by serde
//! with the field names, order and omissions of `lsp_types::DocumentSymbol`): building the
//! answer as a `serde_json::Value` tree and dropping it took three quarters of the time.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use lsp_types::SymbolKind as Lsp;
use serde::Serialize;

use crate::lsp::world::DocState;

/// One symbol of the outline, serialised as the protocol's `DocumentSymbol` (no tags, no
/// deprecation flag).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Symbol<'a> {
    /// The id, the kind's name or `from → to`.
    pub name: Cow<'a, str>,
    /// The title, the node's name, the count of children or the tie's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Cow<'a, str>>,
    /// What the symbol is, for the editor's icon.
    pub kind: Lsp,
    /// The whole element (or group).
    pub range: lsp_types::Range,
    /// The id of a node, else the whole element.
    pub selection_range: lsp_types::Range,
    /// The members of a group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<Symbol<'a>>>,
}

/// The symbols of one group, with the range of each member's element.
type Members<'a> = (Vec<Symbol<'a>>, Vec<Range<usize>>);

/// The outline of a document, as the JSON text of the answer.
pub fn handle(state: &DocState) -> Result<String, serde_json::Error> {
    serde_json::to_string(&outline(state))
}

/// The outline of a document.
pub fn outline(state: &DocState) -> Vec<Symbol<'_>> {
    let doc = &state.doc;
    let field = |section: &str, i: usize, name: &str| doc.element_field_text(section, i, name);
    let mut out = Vec::new();

    let sources = doc.elements("sources");
    let listed: Vec<Symbol> = sources
        .iter()
        .enumerate()
        .map(|(i, range)| {
            let id = field("sources", i, "id").unwrap_or_default();
            symbol(state, id, field("sources", i, "title"), Lsp::FILE, range, range)
        })
        .collect();
    if !listed.is_empty() {
        out.push(group(state, Cow::Borrowed("sources"), Lsp::NAMESPACE, listed, &sources));
    }

    let nodes = doc.elements("nodes");
    let mut by_kind: BTreeMap<Cow<str>, Members> = BTreeMap::new();
    for (i, range) in nodes.iter().enumerate() {
        let id = field("nodes", i, "id").unwrap_or_default();
        let kind = field("nodes", i, "kind").unwrap_or_default();
        let select = doc.definition_in(range).map(|o| &o.range);
        let entry = by_kind.entry(kind).or_default();
        entry.0.push(symbol(state, id, field("nodes", i, "name"), Lsp::OBJECT, range, select.unwrap_or(range)));
        entry.1.push(range.clone());
    }
    for (kind, (children, ranges)) in by_kind {
        out.push(group(state, kind, Lsp::CLASS, children, &ranges));
    }

    let edges = doc.elements("edges");
    let ties: Vec<Symbol> = edges
        .iter()
        .enumerate()
        .map(|(i, range)| {
            let end = |f: &str| field("edges", i, f).unwrap_or_default();
            let name = Cow::Owned(format!("{} → {}", end("from"), end("to")));
            symbol(state, name, Some(end("kind")), Lsp::EVENT, range, range)
        })
        .collect();
    if !ties.is_empty() {
        out.push(group(state, Cow::Borrowed("ties"), Lsp::NAMESPACE, ties, &edges));
    }
    out
}

fn symbol<'a>(
    state: &DocState,
    name: Cow<'a, str>,
    detail: Option<Cow<'a, str>>,
    kind: Lsp,
    range: &Range<usize>,
    select: &Range<usize>,
) -> Symbol<'a> {
    let text = state.text();
    Symbol {
        name,
        detail,
        kind,
        range: state.lines.range(text, range),
        selection_range: state.lines.range(text, select),
        children: None,
    }
}

/// A group of symbols, spanning from its first member to its last.
fn group<'a>(
    state: &DocState,
    name: Cow<'a, str>,
    kind: Lsp,
    children: Vec<Symbol<'a>>,
    ranges: &[Range<usize>],
) -> Symbol<'a> {
    let span = ranges.first().map_or(0, |r| r.start)..ranges.last().map_or(0, |r| r.end);
    let mut out = symbol(state, name, Some(Cow::Owned(children.len().to_string())), kind, &span, &span);
    out.children = Some(children);
    out
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use lsp_types::{DocumentSymbol, Uri};

    use super::*;
    use crate::lsp::World;
    use crate::{Edge, EdgeKind, Model, Node, NodeKind};

    /// The outline as the server answered it before it wrote JSON text directly: built as
    /// `lsp_types::DocumentSymbol`s from owned, unescaped field values (kept here verbatim
    /// as the reference).
    #[allow(clippy::type_complexity)] // The reference is kept as it was.
    fn before(state: &DocState) -> Vec<DocumentSymbol> {
        let doc = &state.doc;
        let text = state.text();
        let symbol = |name: String, detail: Option<String>, kind: Lsp, range: &Range<usize>, select: &Range<usize>| {
            #[allow(deprecated)] // `deprecated` is a field every constructor must name.
            DocumentSymbol {
                name,
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: state.lines.range(text, range),
                selection_range: state.lines.range(text, select),
                children: None,
            }
        };
        let group = |name: &str, kind: Lsp, children: Vec<DocumentSymbol>, ranges: &[Range<usize>]| {
            let span = ranges.first().map_or(0, |r| r.start)..ranges.last().map_or(0, |r| r.end);
            let mut out = symbol(name.to_owned(), Some(format!("{}", children.len())), kind, &span, &span);
            out.children = Some(children);
            out
        };
        let mut out = Vec::new();
        let sources = doc.elements("sources");
        let listed: Vec<DocumentSymbol> = sources
            .iter()
            .enumerate()
            .map(|(i, range)| {
                let id = doc.element_field("sources", i, "id").unwrap_or_default();
                symbol(id, doc.element_field("sources", i, "title"), Lsp::FILE, range, range)
            })
            .collect();
        if !listed.is_empty() {
            out.push(group("sources", Lsp::NAMESPACE, listed, &sources));
        }
        let nodes = doc.elements("nodes");
        let mut by_kind: BTreeMap<String, (Vec<DocumentSymbol>, Vec<Range<usize>>)> = BTreeMap::new();
        for (i, range) in nodes.iter().enumerate() {
            let id = doc.element_field("nodes", i, "id").unwrap_or_default();
            let kind = doc.element_field("nodes", i, "kind").unwrap_or_default();
            let select = doc.definition_in(range).map(|o| &o.range);
            let entry = by_kind.entry(kind).or_default();
            entry.0.push(symbol(
                id,
                doc.element_field("nodes", i, "name"),
                Lsp::OBJECT,
                range,
                select.unwrap_or(range),
            ));
            entry.1.push(range.clone());
        }
        for (kind, (children, ranges)) in by_kind {
            out.push(group(&kind, Lsp::CLASS, children, &ranges));
        }
        let edges = doc.elements("edges");
        let ties: Vec<DocumentSymbol> = edges
            .iter()
            .enumerate()
            .map(|(i, range)| {
                let field = |f: &str| doc.element_field("edges", i, f).unwrap_or_default();
                symbol(format!("{} → {}", field("from"), field("to")), Some(field("kind")), Lsp::EVENT, range, range)
            })
            .collect();
        if !ties.is_empty() {
            out.push(group("ties", Lsp::NAMESPACE, ties, &edges));
        }
        out
    }

    /// The answer's JSON text, and the text the server sent before (the reference turned
    /// into a `serde_json::Value`, then into text, as the response was serialised).
    fn now_and_before(text: String) -> (String, String) {
        let uri = Uri::from_str("file:///m.ron").unwrap();
        let mut world = World::new();
        world.open(uri.clone(), 1, text);
        let state = world.get(&uri).unwrap();
        let old = serde_json::to_value(before(state)).unwrap().to_string();
        (handle(state).unwrap(), old)
    }

    #[test]
    fn the_shipped_model_outline_is_the_same_text_as_before() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron");
        let (now, old) = now_and_before(std::fs::read_to_string(path).unwrap());
        assert!(old.len() > 10_000 && old.contains("\"name\":\"japan\""), "{}", &old[..200]);
        assert_eq!(now, old);
    }

    #[test]
    fn hostile_names_are_escaped_as_before() {
        // Quotes, backslashes, control characters, a line break, non-ASCII (a combining
        // accent, an astral-plane character, right-to-left text) in ids, names, kinds'
        // titles and source titles.
        let hostile =
            ["q\"uote", "back\\slash", "ctl\u{1}\u{7}\u{1f}", "tab\tnl\nend", "é", "𝄞 مرحبا", "\u{2028}\u{7f}"];
        let mut model = Model::new("hostile \"title\"");
        for (i, word) in hostile.iter().enumerate() {
            model.sources.push(crate::model::Source {
                id: format!("s{i}{word}"),
                title: format!("T {word}"),
                author: None,
                date: None,
                url: None,
            });
            let kind = if i % 2 == 0 { NodeKind::Country } else { NodeKind::Leader };
            model.add_node(Node::new(format!("{word}{i}"), kind, format!("N {word} {i}"))).unwrap();
        }
        for i in 1..hostile.len() {
            let from = format!("{}{}", hostile[i - 1], i - 1);
            model.add_edge(Edge::new(from, format!("{}{i}", hostile[i]), EdgeKind::RelatedTo)).unwrap();
        }
        let text = crate::io::ron::to_string(&model);
        // The text holds strings the reader must undo: raw strings (`r#"…"#`) or escapes.
        assert!(text.contains("r#\"") || text.contains("\\\""), "{text}");
        let (now, old) = now_and_before(text);
        assert_eq!(now, old);
        // And the answer reads back to the names as written in the model.
        let value: serde_json::Value = serde_json::from_str(&now).unwrap();
        let names: Vec<&str> = value.as_array().unwrap()[1]["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["q\"uote0", "ctl\u{1}\u{7}\u{1f}2", "é4", "\u{2028}\u{7f}6"]);
    }
}
