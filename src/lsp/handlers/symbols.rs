//! `textDocument/documentSymbol`: the sources, the nodes grouped by kind, and the ties.

use std::collections::BTreeMap;
use std::ops::Range;

use lsp_types::{DocumentSymbol, SymbolKind as Lsp};

use crate::lsp::world::DocState;

/// The outline of a document.
pub fn handle(state: &DocState) -> Vec<DocumentSymbol> {
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
        entry.0.push(symbol(id, doc.element_field("nodes", i, "name"), Lsp::OBJECT, range, select.unwrap_or(range)));
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
