//! Words about the things a model names, for hover and completion in an editor.
//!
//! Each function answers in Markdown (hover) or as a list of [`Candidate`]s (completion),
//! from a loaded [`Model`]: a node with its ties and strongest influence tie, a kind with its
//! label, polarity, CAMEO code and influence shares, a source with its bibliographic fields.

use std::collections::BTreeSet;

use crate::api::document::{Document, SymbolKind};
use crate::model::{EdgeKind, NodeKind, Profile};
use crate::Model;

/// A completion candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What is inserted (and shown).
    pub label: String,
    /// One line shown beside it (a node's name and kind, a kind's label).
    pub detail: String,
    /// What the candidate is.
    pub kind: CandidateKind,
    /// Whether it fits best (an edge kind whose ends fit the tie's nodes): listed first.
    pub preferred: bool,
}

/// What a completion candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A node id.
    Node,
    /// A source id.
    Source,
    /// A node or edge kind.
    Kind,
    /// A field name.
    Field,
    /// A date.
    Date,
}

/// Markdown about the thing an id names, or `None` when the model does not know it.
pub fn describe(model: &Model, kind: SymbolKind, name: &str) -> Option<String> {
    match kind {
        SymbolKind::Node => describe_node(model, name),
        SymbolKind::Source => describe_source(model, name),
        SymbolKind::NodeKind => describe_node_kind(model, name),
        SymbolKind::EdgeKind => describe_edge_kind(model, name),
    }
}

fn describe_node(model: &Model, id: &str) -> Option<String> {
    let index = model.index_of(id)?;
    let node = model.node_by_id(id)?;
    let mut out = format!("**{}** (`{}`, {})", node.name, node.id, node.kind.label());
    if !node.aliases.is_empty() {
        out += &format!("\n\nalso: {}", node.aliases.join(", "));
    }
    let dates: Vec<String> = [("since", node.since), ("until", node.until), ("date", node.date)]
        .into_iter()
        .filter_map(|(label, date)| date.map(|d| format!("{label} {d}")))
        .collect();
    if !dates.is_empty() {
        out += &format!("\n\n{}", dates.join(", "));
    }
    let incident = model.incident(index);
    out += &format!("\n\n{} tie(s)", incident.len());
    // The strongest influence the node sends or receives over one tie.
    let strengths = model.edge_influence(&Profile::builtin());
    let graph = model.graph();
    let strongest = graph
        .edge_indices()
        .filter_map(|e| {
            let (from, to) = graph.edge_endpoints(e)?;
            let influence = strengths.get(e.index()).copied().flatten()?;
            let strength = if from == index {
                influence.forward
            } else if to == index {
                influence.backward
            } else {
                return None;
            };
            Some((strength, e, from, to, influence.sign))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((strength, e, from, to, sign)) = strongest {
        out += &format!(
            "; strongest influence tie: {} —{}→ {} ({strength:.2}, {})",
            graph[from].id,
            graph[e].kind,
            graph[to].id,
            sign.as_str()
        );
    }
    if let Some(description) = &node.description {
        out += &format!("\n\n{description}");
    }
    Some(out)
}

fn describe_source(model: &Model, id: &str) -> Option<String> {
    let source = model.sources.iter().find(|s| s.id == id)?;
    let mut out = format!("**{}** (`{}`)", source.title, source.id);
    for (label, value) in
        [("author", source.author.clone()), ("date", source.date.map(|d| d.to_string())), ("url", source.url.clone())]
    {
        if let Some(value) = value {
            out += &format!("\n\n{label}: {value}");
        }
    }
    Some(out)
}

fn node_kind(model: &Model, name: &str) -> Option<NodeKind> {
    model.vocabulary.node_kind(name).ok()
}

fn edge_kind(model: &Model, name: &str) -> Option<EdgeKind> {
    model.vocabulary.edge_kind(name).ok()
}

fn describe_node_kind(model: &Model, name: &str) -> Option<String> {
    let kind = node_kind(model, name)?;
    let count = model.nodes().filter(|n| n.kind == kind).count();
    let actor = if kind.is_actor() { "an actor" } else { "not an actor" };
    let declared = if kind.is_declared() { "declared in this model" } else { "built in" };
    Some(format!("**{}** (`{}`): node kind, {actor}, {declared}; {count} node(s)", kind.label(), kind.as_str()))
}

fn describe_edge_kind(model: &Model, name: &str) -> Option<String> {
    let kind = edge_kind(model, name)?;
    let rule = kind.rule();
    let mut out = format!("**{}** (`{}`): {} tie", kind.label(), kind.as_str(), rule.polarity.as_str());
    if rule.symmetric {
        out += ", symmetric";
    }
    let profile = model.profile();
    if let Some(influence) = profile.rules.iter().rev().find(|r| r.kind == kind) {
        out += &format!(
            "\n\nCAMEO {}; Goldstein {:+}; influence share forward {}, backward {}",
            influence.cameo.as_deref().unwrap_or("none"),
            influence.goldstein,
            influence.forward,
            influence.backward
        );
    }
    if !rule.meaning.is_empty() {
        out += &format!("\n\n{}", rule.meaning);
    }
    Some(out)
}

/// Node ids, with each node's name and kind.
pub fn node_candidates(doc: &Document, model: Option<&Model>) -> Vec<Candidate> {
    let detail = |id: &str| {
        model.and_then(|m| m.node_by_id(id)).map_or_else(String::new, |n| format!("{} ({})", n.name, n.kind.as_str()))
    };
    unique(doc.defined(SymbolKind::Node).map(|o| o.name.as_str()))
        .map(|id| Candidate { detail: detail(id), label: id.to_owned(), kind: CandidateKind::Node, preferred: false })
        .collect()
}

/// Source ids, with each source's title.
pub fn source_candidates(doc: &Document, model: Option<&Model>) -> Vec<Candidate> {
    let title = |id: &str| {
        model.and_then(|m| m.sources.iter().find(|s| s.id == id)).map_or_else(String::new, |s| s.title.clone())
    };
    unique(doc.defined(SymbolKind::Source).map(|o| o.name.as_str()))
        .map(|id| Candidate { detail: title(id), label: id.to_owned(), kind: CandidateKind::Source, preferred: false })
        .collect()
}

/// Node kinds, built in and declared.
pub fn node_kind_candidates(model: Option<&Model>) -> Vec<Candidate> {
    let declared: Vec<NodeKind> = model.map(|m| m.vocabulary.node_kinds().collect()).unwrap_or_default();
    NodeKind::ALL
        .into_iter()
        .chain(declared)
        .map(|k| Candidate {
            label: k.as_str().to_owned(),
            detail: k.label(),
            kind: CandidateKind::Kind,
            preferred: false,
        })
        .collect()
}

/// Edge kinds, built in and declared; those whose ends fit the tie's nodes are preferred.
pub fn edge_kind_candidates(model: Option<&Model>, from: Option<&str>, to: Option<&str>) -> Vec<Candidate> {
    let declared: Vec<EdgeKind> = model.map(|m| m.vocabulary.edge_kinds().collect()).unwrap_or_default();
    let kind_of = |id: Option<&str>| model.and_then(|m| m.node_by_id(id?)).map(|n| n.kind);
    let ends = kind_of(from).zip(kind_of(to));
    let mut out: Vec<Candidate> = EdgeKind::ALL
        .into_iter()
        .chain(declared)
        .map(|k| Candidate {
            label: k.as_str().to_owned(),
            detail: format!("{} ({})", k.label(), k.polarity().as_str()),
            kind: CandidateKind::Kind,
            preferred: ends.is_some_and(|(f, t)| k.allows(f, t)),
        })
        .collect();
    out.sort_by_key(|c| !c.preferred);
    out
}

/// The dates the text already uses, most recent first.
pub fn date_candidates(model: Option<&Model>) -> Vec<Candidate> {
    let Some(model) = model else { return Vec::new() };
    let dates: BTreeSet<String> = model
        .nodes()
        .flat_map(|n| [n.since, n.until, n.date])
        .chain(model.edges().flat_map(|e| [e.since, e.until]))
        .flatten()
        .map(|d| d.to_string())
        .collect();
    dates
        .into_iter()
        .rev()
        .map(|d| Candidate {
            label: d,
            detail: "a date in this model".into(),
            kind: CandidateKind::Date,
            preferred: false,
        })
        .collect()
}

/// The field names of a struct of the format.
pub fn field_candidates(ty: &str) -> Vec<Candidate> {
    let fields = crate::io::canonical::field_order(ty);
    fields
        .iter()
        .map(|f| Candidate {
            label: (*f).to_owned(),
            detail: format!("{ty} field"),
            kind: CandidateKind::Field,
            preferred: false,
        })
        .collect()
}

fn unique<'a>(names: impl Iterator<Item = &'a str>) -> impl Iterator<Item = &'a str> {
    let mut seen = BTreeSet::new();
    names.filter(move |n| seen.insert(*n))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn describes_nodes_kinds_and_sources_of_the_shipped_model() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
        let model = crate::io::ron::load(&path).unwrap();
        let japan = describe(&model, SymbolKind::Node, "japan").unwrap();
        assert!(japan.starts_with("**Japan** (`japan`, country)"), "{japan}");
        let ties = model.incident(model.index_of("japan").unwrap()).len();
        assert!(japan.contains(&format!("{ties} tie(s); strongest influence tie: ")), "{japan}");
        let sanctions = describe(&model, SymbolKind::EdgeKind, "sanctions").unwrap();
        assert!(sanctions.contains("conflictual") && sanctions.contains("CAMEO 163"), "{sanctions}");
        let source = describe(&model, SymbolKind::Source, "miller2014").unwrap();
        assert!(source.contains("author: J. Berkshire Miller"), "{source}");
        assert_eq!(describe(&model, SymbolKind::Node, "atlantis"), None);
    }

    #[test]
    fn edge_kinds_that_fit_the_ends_come_first() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
        let model = crate::io::ron::load(&path).unwrap();
        let list = edge_kind_candidates(Some(&model), Some("abe"), Some("japan"));
        assert!(list[0].preferred);
        let leads = list.iter().position(|c| c.label == "leads").unwrap();
        let first_unfit = list.iter().position(|c| !c.preferred).unwrap();
        assert!(leads < first_unfit);
        assert!(EdgeKind::ALL.iter().any(|k| !k.allows(NodeKind::Leader, NodeKind::Country)));
    }
}
