//! From found actors and proposed ties to a [`Model`]: ids, aliases, the article as the
//! model's source, one edge per (ends, kind) with every quote that states it as evidence,
//! kinds fitted to their ends, CAMEO codes that have no built-in kind declared as the GDELT
//! import declares them, and every node and edge it adds marked `draft`.

use std::collections::HashMap;

use super::mention::Found;
use super::relation::Proposed;
use super::{Draft, DraftMention, DraftOptions, DraftTie, Span};
use crate::io::cameo::{self, Target};
use crate::model::vocabulary::slug;
use crate::model::{Edge, EdgeKind, Evidence, Model, Node, NodeKind, PartialDate, Polarity, Source};

/// Most quotes kept on one edge.
const MAX_QUOTES: usize = 3;

/// Byte offsets to character offsets.
struct Chars(Vec<usize>);

impl Chars {
    fn new(text: &str) -> Chars {
        Chars(text.char_indices().map(|(b, _)| b).collect())
    }
    fn at(&self, byte: usize) -> usize {
        self.0.partition_point(|&b| b < byte)
    }
}

fn edge_kind(model: &mut Model, name: &str) -> Option<EdgeKind> {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        let (prefix, target) = cameo::event_target(name)?;
        return match target {
            Target::Builtin(kind) => Some(kind),
            Target::Declared(kind_name, polarity, meaning) => {
                let found = model.vocabulary.edge_kinds().find(|k| k.as_str() == kind_name);
                match found {
                    Some(k) => Some(k),
                    None => {
                        model.vocabulary.declare_edge(cameo::declaration(prefix, kind_name, polarity, meaning)).ok()
                    }
                }
            }
        };
    }
    name.parse::<EdgeKind>().ok()
}

/// A kind that fits the ends: the one asked for, else a generic one of its polarity.
fn fit(kind: EdgeKind, from: NodeKind, to: NodeKind) -> Option<(EdgeKind, bool)> {
    if kind.allows(from, to) {
        return Some((kind, false));
    }
    if kind.allows(to, from) && kind.rule().symmetric {
        return Some((kind, true));
    }
    let actor = |k: NodeKind| k.is_actor();
    let fallback = match (kind.polarity(), actor(from), actor(to)) {
        (_, true, false) if EdgeKind::InvolvedIn.allows(from, to) => EdgeKind::InvolvedIn,
        (_, false, true) if EdgeKind::InvolvedIn.allows(to, from) => return Some((EdgeKind::InvolvedIn, true)),
        (Polarity::Cooperative, true, true) => EdgeKind::CooperatesWith,
        (Polarity::Conflictual, true, _) => EdgeKind::Opposes,
        _ => EdgeKind::RelatedTo,
    };
    fallback.allows(from, to).then_some((fallback, false)).or(Some((EdgeKind::RelatedTo, false)))
}

pub(super) fn build(
    text: &str,
    found: &Found,
    proposed: &[Proposed],
    dates: &[Option<PartialDate>],
    options: &DraftOptions,
) -> Draft {
    let chars = Chars::new(text);
    let title = options.title.clone().unwrap_or_else(|| {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("Draft").trim();
        first.chars().take(120).collect()
    });
    let mut model = Model::new(format!("Draft: {title}"));
    model.description = Some("Drafted by relgraph draft: every node and tie marked draft awaits review.".into());
    model.sources.push(Source {
        id: "article".into(),
        title,
        author: options.author.clone(),
        date: options.date,
        url: options.url.clone(),
    });

    // Nodes: the model's own for names it knows, new drafted ones otherwise.
    let mut ids: Vec<String> = Vec::with_capacity(found.actors.len());
    let mut taken: HashMap<String, ()> = HashMap::new();
    for actor in &found.actors {
        let id = match &actor.known {
            Some(id) => id.clone(),
            None => {
                let base = slug(&actor.name).unwrap_or_else(|| "node".into());
                let mut id = base.clone();
                let mut k = 2;
                while taken.contains_key(&id) || options.into.is_some_and(|m| m.index_of(&id).is_some()) {
                    id = format!("{base}_{k}");
                    k += 1;
                }
                id
            }
        };
        if !taken.contains_key(&id) {
            taken.insert(id.clone(), ());
            let node = match (&actor.known, options.into) {
                (Some(known), Some(into)) => {
                    into.node_by_id(known).cloned().unwrap_or_else(|| Node::new(&id, actor.kind, &actor.name))
                }
                _ => {
                    let mut node = Node::new(&id, actor.kind, &actor.name);
                    node.aliases = actor.forms.iter().filter(|f| **f != actor.name).cloned().collect();
                    if let Some(office) = &actor.office {
                        node.attrs.insert("office".into(), office.clone());
                    }
                    node.draft = true;
                    node
                }
            };
            let _ = model.add_node(node);
        }
        ids.push(id);
    }

    // Edges: one per (ends, kind); further quotes become further evidence.
    let mut index: HashMap<(String, String, String), usize> = HashMap::new();
    let mut ties = Vec::new();
    let mut confidences: Vec<f64> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    for (p, when) in proposed.iter().zip(dates) {
        let (Some(from), Some(to)) = (found.actors.get(p.from), found.actors.get(p.to)) else { continue };
        let Some(kind) = edge_kind(&mut model, &p.kind) else { continue };
        let Some((kind, swap)) = fit(kind, from.kind, to.kind) else { continue };
        let (a, b) = if swap { (p.to, p.from) } else { (p.from, p.to) };
        let (Some(from_id), Some(to_id)) = (ids.get(a).cloned(), ids.get(b).cloned()) else { continue };
        let key = if kind.rule().symmetric && from_id > to_id {
            (to_id.clone(), from_id.clone(), kind.as_str().to_owned())
        } else {
            (from_id.clone(), to_id.clone(), kind.as_str().to_owned())
        };
        let quote = text[p.start..p.end].to_owned();
        let span = Span { start: chars.at(p.start), end: chars.at(p.end) };
        let position = match index.get(&key) {
            Some(&e) => {
                if let Some(edge) = edges.get_mut(e) {
                    if edge.evidence.len() < MAX_QUOTES && !edge.evidence.iter().any(|q| q.quote == quote) {
                        edge.evidence.push(Evidence { source: "article".into(), quote: quote.clone() });
                    }
                }
                if let Some(c) = confidences.get_mut(e) {
                    *c = c.max(p.confidence);
                }
                e
            }
            None => {
                let mut edge = Edge::new(&from_id, &to_id, kind);
                edge.since = *when;
                edge.evidence.push(Evidence { source: "article".into(), quote: quote.clone() });
                edge.draft = true;
                edges.push(edge);
                confidences.push(p.confidence);
                index.insert(key, edges.len() - 1);
                edges.len() - 1
            }
        };
        ties.push(DraftTie {
            edge: position,
            from: from_id,
            to: to_id,
            kind: kind.as_str().to_owned(),
            polarity: kind.polarity().as_str().to_owned(),
            since: when.map(|d| d.to_string()),
            quote,
            span,
            confidence: (p.confidence * 100.0).round() / 100.0,
        });
    }
    for (edge, confidence) in edges.iter_mut().zip(&confidences) {
        edge.note = Some(format!("drafted, confidence {confidence:.2}"));
        // Keep the model valid: ends exist by construction.
    }
    for edge in edges {
        let _ = model.add_edge(edge);
    }
    let mentions = found
        .mentions
        .iter()
        .filter_map(|m| {
            ids.get(m.actor).map(|id| DraftMention {
                node: id.clone(),
                span: Span { start: chars.at(m.start), end: chars.at(m.end) },
            })
        })
        .collect();
    Draft { model, text: text.to_owned(), mentions, ties }
}
