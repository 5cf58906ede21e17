//! The styled view both writers draw from: labels, styles, clusters and highlight state,
//! worked out once from the model, the options and the theme.

use std::collections::BTreeSet;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::escape::clean;
use super::options::DotOptions;
use super::theme::{LineStyle, Theme};
use crate::model::{EdgeKind, Model, NodeKind, Polarity};

/// A node as drawn.
#[derive(Debug, Clone)]
pub(crate) struct SceneNode {
    pub kind: NodeKind,
    /// Cleaned, cut and wrapped name; lines separated by `\n`.
    pub label: String,
    /// The cleaned full name (cut at a generous length), for tooltips.
    pub tooltip: String,
    /// Size factor from `size_by`: 1 (smallest) to 2.
    pub scale: f64,
    pub highlighted: bool,
    pub faded: bool,
}

/// An edge as drawn.
#[derive(Debug, Clone)]
pub(crate) struct SceneEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub polarity: Polarity,
    /// Kind in words, topic, dates; lines separated by `\n`. Empty when labels are off.
    pub label: String,
    /// Kind in words and topic, whether or not labels are on (for bundle labels and tooltips).
    pub summary: String,
    /// `since–until`, or empty when the edge has no dates.
    pub dates: String,
    pub width: f64,
    pub line: LineStyle,
    /// Whether to draw an arrowhead (not for symmetric kinds).
    pub directed: bool,
    pub highlighted: bool,
    pub faded: bool,
    /// A tie that ended (see [`DotOptions::ended_edges`]): drawn faint and dotted.
    pub ended: bool,
    /// Extra text from [`DotOptions::edge_notes`] (a strongest path's step strength), already
    /// part of `label`; kept apart so a bundle's compact label can carry it too.
    pub note: Option<String>,
}

/// A country box and the nodes drawn inside it (the country first).
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub country: usize,
    pub members: Vec<usize>,
}

/// Everything a writer needs.
#[derive(Debug, Clone)]
pub(crate) struct Scene {
    pub title: String,
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    pub clusters: Vec<Cluster>,
    /// Node kinds present, in [`NodeKind::ALL`] order, then declared kinds in declaration order.
    pub kinds: Vec<NodeKind>,
    /// Polarities present, in [`Polarity::ALL`] order.
    pub polarities: Vec<Polarity>,
    /// Which line styles appear, for the legend: (edge kind, style) for non-solid kinds present.
    pub styled_kinds: Vec<(EdgeKind, LineStyle)>,
    pub legend: bool,
}

/// Longest tooltip kept.
const TOOLTIP_CHARS: usize = 1000;

impl Scene {
    pub(crate) fn new(model: &Model, options: &DotOptions, theme: &Theme) -> Self {
        let graph = model.graph();
        let highlight_edges: BTreeSet<EdgeIndex> =
            options.highlight_edges.iter().copied().filter(|e| e.index() < graph.edge_count()).collect();
        let mut highlight_nodes: BTreeSet<NodeIndex> =
            options.highlight_nodes.iter().copied().filter(|n| n.index() < graph.node_count()).collect();
        for e in &highlight_edges {
            if let Some((a, b)) = graph.edge_endpoints(*e) {
                highlight_nodes.insert(a);
                highlight_nodes.insert(b);
            }
        }
        let highlighting = !highlight_nodes.is_empty() || !highlight_edges.is_empty();

        let max_score = options.size_by.values().copied().filter(|s| s.is_finite() && *s > 0.0).fold(0.0_f64, f64::max);
        let nodes = graph
            .node_indices()
            .map(|i| {
                let node = &graph[i];
                let name = clean(&node.name, options.max_label_chars.max(1), false);
                let score = options.size_by.get(&node.id).copied().filter(|s| s.is_finite() && *s > 0.0);
                let scale = match score {
                    Some(s) if max_score > 0.0 => 1.0 + (s / max_score).clamp(0.0, 1.0),
                    _ => 1.0,
                };
                let highlighted = highlight_nodes.contains(&i);
                SceneNode {
                    kind: node.kind,
                    label: wrap(&name, options.wrap.max(4)),
                    tooltip: clean(&node.name, TOOLTIP_CHARS, false),
                    scale,
                    highlighted,
                    faded: highlighting && !highlighted,
                }
            })
            .collect();

        let mut styled = BTreeSet::new();
        let edges = graph
            .edge_references()
            .map(|e| {
                let edge = e.weight();
                let mut summary = edge.kind.label();
                if let Some(topic) = edge.topic.as_deref().map(|t| clean(t, 30, false)).filter(|t| !t.is_empty()) {
                    summary.push_str(&format!(" ({topic})"));
                }
                let dates = if edge.since.is_some() || edge.until.is_some() {
                    let since = edge.since.map(|d| d.to_string()).unwrap_or_default();
                    let until = edge.until.map(|d| d.to_string()).unwrap_or_default();
                    format!("{since}–{until}")
                } else {
                    String::new()
                };
                let mut label = String::new();
                if options.edge_labels {
                    label = summary.clone();
                    if options.dates && !dates.is_empty() {
                        label.push_str(&format!("\n{dates}"));
                    }
                    if let Some(note) = options.edge_notes.get(&e.id()) {
                        label.push_str(&format!(" {}", clean(note, 30, false)));
                    }
                }
                let line = theme.line(edge.kind);
                if line != LineStyle::Solid {
                    styled.insert((edge.kind, line));
                }
                let highlighted = highlight_edges.contains(&e.id());
                SceneEdge {
                    from: e.source().index(),
                    to: e.target().index(),
                    kind: edge.kind,
                    polarity: edge.polarity(),
                    label,
                    summary,
                    dates,
                    width: theme.pen_width(edge.weight()),
                    line,
                    directed: !edge.kind.is_symmetric(),
                    highlighted,
                    faded: highlighting && !highlighted,
                    ended: options.ended_edges.contains(&e.id()),
                    note: options.edge_notes.get(&e.id()).map(|n| clean(n, 30, false)),
                }
            })
            .collect();

        let present: BTreeSet<NodeKind> = graph.node_weights().map(|n| n.kind).collect();
        let polarities: BTreeSet<Polarity> = graph.edge_weights().map(|e| e.polarity()).collect();
        Scene {
            title: clean(&model.title, 200, false),
            nodes,
            edges,
            clusters: if options.cluster_by_country { clusters(model) } else { Vec::new() },
            kinds: NodeKind::ALL
                .into_iter()
                .chain(model.vocabulary.node_kinds())
                .filter(|k| present.contains(k))
                .collect(),
            polarities: Polarity::ALL.into_iter().filter(|p| polarities.contains(p)).collect(),
            styled_kinds: styled.into_iter().collect(),
            legend: options.legend.unwrap_or(theme.legend) && graph.node_count() > 0,
        }
    }

    /// For each node, the cluster it is drawn in.
    pub(crate) fn cluster_of(&self) -> Vec<Option<usize>> {
        let mut of = vec![None; self.nodes.len()];
        for (c, cluster) in self.clusters.iter().enumerate() {
            for &m in &cluster.members {
                of[m] = Some(c);
            }
        }
        of
    }
}

/// The country a node is drawn inside, by the documented rule: a leader or person goes in the
/// first country (in file order) they `leads`, `represents` or `works_for`; a territory in the
/// first country that `administers` it, else the first country it is `part_of`.
fn home_country(model: &Model, index: NodeIndex) -> Option<NodeIndex> {
    let graph = model.graph();
    let is_country = |i: NodeIndex| graph[i].kind == NodeKind::Country;
    let incident = model.incident(index);
    let first = |kinds: &[EdgeKind], outgoing: bool| {
        incident
            .iter()
            .find(|(e, other, out)| *out == outgoing && kinds.contains(&e.kind) && is_country(*other))
            .map(|t| t.1)
    };
    match graph[index].kind {
        NodeKind::Leader | NodeKind::Person => {
            first(&[EdgeKind::Leads, EdgeKind::Represents, EdgeKind::WorksFor], true)
        }
        NodeKind::Territory => first(&[EdgeKind::Administers], false).or_else(|| first(&[EdgeKind::PartOf], true)),
        _ => None,
    }
}

/// Country clusters with at least one member besides the country, in node order.
fn clusters(model: &Model) -> Vec<Cluster> {
    let graph = model.graph();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); graph.node_count()];
    for i in graph.node_indices() {
        if let Some(c) = home_country(model, i) {
            members[c.index()].push(i.index());
        }
    }
    members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(country, m)| Cluster { country, members: std::iter::once(country).chain(m).collect() })
        .collect()
}

/// Word-wraps `text` to lines of about `width` characters; words longer than `width` (and
/// text without spaces, such as CJK) are broken every `width` characters.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0usize;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(width) {
            let piece_len = piece.len();
            if len > 0 && len + 1 + piece_len > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(piece);
            len += piece_len;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("Ministry of Foreign Affairs", 12), "Ministry of\nForeign\nAffairs");
        assert_eq!(wrap("北方領土北方領土", 4), "北方領土\n北方領土");
        assert_eq!(wrap("", 10), "");
    }
}
