//! Warnings about a model that loads but is probably wrong, each at its line and column:
//!
//! - node ids that differ only by case or Unicode normalisation (`a` and `A`, a
//!   precomposed and a decomposed `é`, `ｊａｐａｎ` and `japan`);
//! - a name or alias of one node that is also the id, name or alias of another, in the
//!   same folded form (aliases that point at each other included): a lookup by that name
//!   is ambiguous;
//! - an edge that repeats another exactly, every field equal;
//! - drafted nodes and ties (`draft: true`) nobody has reviewed: one warning with the
//!   counts, at the first of them.
//!
//! Names are compared as [`Model::lookup`](crate::model::Model::lookup) compares them: trimmed,
//! NFKC-normalised and lowercased. `relgraph check` prints the warnings and exits 0 unless
//! `--strict` is given.

use std::collections::HashMap;
use std::ops::Range;

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::spans::{self, Spanned};
use crate::model::{fold, Model};

/// Maps keyed by ids and their pairs: a fast hash (SipHash was a tenth of checking a
/// 500,000-tie file), as no warning depends on their order.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Adds a warning to `diagnostics` for every suspicious thing in `model`, which was loaded
/// from `text` (the same text `diagnostics` points into).
pub fn lint(model: &Model, text: &str, diagnostics: &mut Diagnostics) {
    // The outline (every element's spans) is scanned at the first warning: a clean file
    // never needs it, and for a big one it costs as much as parsing and more memory.
    let scanned = std::cell::OnceCell::new();
    lint_with(model, text, &|| scanned.get_or_init(|| spans::outline(text)), diagnostics);
}

/// [`lint`] with the scanner's outline of `text` ([`spans::outline`]) made already.
pub fn lint_outlined(model: &Model, text: &str, outline: &Spanned, diagnostics: &mut Diagnostics) {
    lint_with(model, text, &|| outline, diagnostics);
}

/// [`lint`] reading the outline, when a warning needs a position, from `outline`.
fn lint_with<'o>(model: &Model, text: &str, outline: &dyn Fn() -> &'o Spanned, diagnostics: &mut Diagnostics) {
    let node_spans = || outline().field("nodes").map(|s| s.items.as_slice()).unwrap_or_default();
    let edge_spans = || outline().field("edges").map(|s| s.items.as_slice()).unwrap_or_default();
    let line_of = |offset: usize| text.get(..offset).map_or(1, |t| t.matches('\n').count() + 1);

    // Ids equal once folded.
    let mut ids: Map<String, (usize, &str)> = Map::default();
    for (i, node) in model.nodes().enumerate() {
        match ids.get(&fold(&node.id)) {
            Some(&(first, other)) => {
                let how = how_they_differ(&node.id, other);
                let first_line = line_of(field_span(node_spans().get(first), "id").start);
                let problem = Problem::SimilarIds { id: node.id.clone(), other: other.to_owned(), how, first_line };
                diagnostics.warn(problem, field_span(node_spans().get(i), "id"));
            }
            None => {
                ids.insert(fold(&node.id), (i, &node.id));
            }
        }
    }

    // Names and aliases shared between nodes.
    let mut names: Map<String, (usize, &str, &'static str)> = Map::default();
    for (i, node) in model.nodes().enumerate() {
        names.entry(fold(&node.id)).or_insert((i, &node.id, "id"));
    }
    for (i, node) in model.nodes().enumerate() {
        // Each name with the position of the alias among the aliases (`None`: the name).
        let given = std::iter::once((node.name.as_str(), None, "name"))
            .chain(node.aliases.iter().enumerate().map(|(k, alias)| (alias.as_str(), Some(k), "alias")));
        for (name, alias, what) in given {
            let key = fold(name);
            match names.get(&key) {
                Some(&(owner, other, other_what)) if owner != i => {
                    let spans = node_spans().get(i);
                    let span = match alias {
                        None => field_span(spans, "name"),
                        Some(k) => spans
                            .and_then(|s| s.field("aliases"))
                            .and_then(|s| s.items.get(k))
                            .map_or_else(|| field_span(spans, "aliases"), |s| s.range.clone()),
                    };
                    let other_node = model.nodes().nth(owner).map_or_else(String::new, |n| n.id.clone());
                    let problem = Problem::SharedName {
                        what,
                        name: name.to_owned(),
                        node: node.id.clone(),
                        other_what,
                        other: other.to_owned(),
                        other_node,
                    };
                    diagnostics.warn(problem, span);
                }
                Some(_) => {}
                None => {
                    names.insert(key, (i, name, what));
                }
            }
        }
    }

    // Edges repeated exactly.
    let mut seen: Vec<(usize, &crate::model::Edge)> = Vec::new();
    let mut by_ends: Map<(&str, &str), Vec<usize>> = Map::default();
    for (j, edge) in model.edges().enumerate() {
        let earlier = by_ends.entry((edge.from.as_str(), edge.to.as_str())).or_default();
        let twin = earlier.iter().find(|&&k| seen.get(k).is_some_and(|(_, e)| *e == edge)).copied();
        if let Some(k) = twin {
            let first_line = line_of(edge_spans().get(k).map_or(0, |s| s.range.start));
            let span = edge_spans().get(j).map_or(0..0, |s| s.range.clone());
            diagnostics.warn(Problem::DuplicateEdge { first_line }, span);
        }
        earlier.push(seen.len());
        seen.push((j, edge));
    }

    // Unreviewed drafts: one warning, at the first.
    let drafted_nodes = model.nodes().filter(|n| n.draft).count();
    let drafted_edges = model.edges().filter(|e| e.draft).count();
    if drafted_nodes + drafted_edges > 0 {
        let span = match model.nodes().position(|n| n.draft) {
            Some(i) => field_span(node_spans().get(i), "draft"),
            None => model.edges().position(|e| e.draft).map_or(0..0, |j| field_span(edge_spans().get(j), "draft")),
        };
        diagnostics.warn(Problem::UnreviewedDrafts { nodes: drafted_nodes, edges: drafted_edges }, span);
    }
}

/// How two ids equal once folded differ.
fn how_they_differ(a: &str, b: &str) -> &'static str {
    if a.to_lowercase() == b.to_lowercase() {
        "case"
    } else if a.trim() != a || b.trim() != b {
        "surrounding spaces"
    } else {
        "Unicode normalisation"
    }
}

fn field_span(spans: Option<&Spanned>, field: &str) -> Range<usize> {
    spans.map_or(0..0, |s| s.field_range(field))
}
