//! Change over time: when ties started and ended, and what changed between two dates.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::centrality::{self, CentralityError, CentralityOptions, Measure};
use super::view::{GraphView, ViewOptions};
use crate::model::{EdgeKind, Model, PartialDate, Polarity};

/// Whether a tie started or ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// The tie's `since` date.
    Started,
    /// The tie's `until` date (inclusive: the tie still holds on it).
    Ended,
}

/// A tie starting or ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieEvent {
    /// When.
    pub date: PartialDate,
    /// Started or ended.
    pub kind: EventKind,
    /// The model edge.
    pub edge: EdgeIndex,
    /// Id of the edge's tail.
    pub from: String,
    /// Id of the edge's head.
    pub to: String,
    /// The relation.
    pub relation: EdgeKind,
}

/// The dated ties of the model (of one node, if given), as start and end events sorted by
/// date, then started before ended, then tail id, head id and edge index. Undated ends
/// produce no event. O(|E| log |E|).
/// Reference: Wasserman & Faust 1994, ch. 1 (relational data over time).
pub fn timeline(model: &Model, node: Option<NodeIndex>) -> Vec<TieEvent> {
    let graph = model.graph();
    let mut out = Vec::new();
    for e in graph.edge_references() {
        if node.is_some_and(|n| e.source() != n && e.target() != n) {
            continue;
        }
        let edge = e.weight();
        let dates = [(edge.since, EventKind::Started), (edge.until, EventKind::Ended)];
        for (date, kind) in dates {
            if let Some(date) = date {
                out.push(TieEvent {
                    date,
                    kind,
                    edge: e.id(),
                    from: edge.from.clone(),
                    to: edge.to.clone(),
                    relation: edge.kind,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.date, a.kind, &a.from, &a.to, a.edge).cmp(&(b.date, b.kind, &b.from, &b.to, b.edge)));
    out
}

/// A pair whose net polarity differs between the two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolarityChange {
    /// One node id (the smaller).
    pub a: String,
    /// The other node id.
    pub b: String,
    /// Net polarity at the first date (sign of the sum of the signs of its ties in force).
    pub before: Polarity,
    /// Net polarity at the second date.
    pub after: Polarity,
}

/// A node's rank (1 = top) and score at one date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rank {
    /// 1-based position in the ranking (score descending, then id).
    pub rank: usize,
    /// The score.
    pub score: f64,
}

/// How a node's standing moved between the two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct RankMove {
    /// Node id.
    pub id: String,
    /// Rank and score at the first date; `None` if the node did not exist then.
    pub before: Option<Rank>,
    /// Rank and score at the second date; `None` if the node did not exist then.
    pub after: Option<Rank>,
}

/// Options for [`diff`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiffOptions {
    /// How many top nodes of each date to follow. Default 10.
    pub top: usize,
    /// How the graph is read for the measure. Default undirected.
    pub view: ViewOptions,
    /// Weighting and sampling of the measure. Default unweighted, exact.
    pub centrality: CentralityOptions,
}

impl Default for DiffOptions {
    fn default() -> Self {
        Self { top: 10, view: ViewOptions::default(), centrality: CentralityOptions::default() }
    }
}

/// What changed between two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The first date.
    pub from: PartialDate,
    /// The second date.
    pub to: PartialDate,
    /// Model edges in force at `to` but not at `from`, in file order.
    pub appeared: Vec<EdgeIndex>,
    /// Model edges in force at `from` but not at `to`, in file order.
    pub ended: Vec<EdgeIndex>,
    /// Pairs whose net polarity changed, sorted by ids.
    pub polarity_changes: Vec<PolarityChange>,
    /// The measure used for the ranking.
    pub measure: Measure,
    /// The union of the top nodes at either date, sorted by rank at `to`, then at `from`,
    /// then id.
    pub ranks: Vec<RankMove>,
}

/// Whether an edge is part of the model as it stands on `at` ([`Model::at`]): in force on
/// its own dates, or, undated, with both its ends in force.
fn present(model: &Model, edge: &crate::model::Edge, at: &PartialDate) -> bool {
    model.tie_in_force(edge, at)
}

fn net_polarity(model: &Model, at: &PartialDate) -> BTreeMap<(String, String), i64> {
    let mut net = BTreeMap::new();
    for edge in model.edges().filter(|e| present(model, e, at)) {
        let key = if edge.from <= edge.to {
            (edge.from.clone(), edge.to.clone())
        } else {
            (edge.to.clone(), edge.from.clone())
        };
        *net.entry(key).or_insert(0) += i64::from(edge.polarity().sign());
    }
    net
}

fn polarity_of(sum: i64) -> Polarity {
    match sum.signum() {
        1 => Polarity::Cooperative,
        -1 => Polarity::Conflictual,
        _ => Polarity::Neutral,
    }
}

fn ranking(model: &Model, measure: Measure, options: &DiffOptions) -> Result<BTreeMap<String, Rank>, CentralityError> {
    let view = GraphView::new(model, &options.view);
    let scores = centrality::compute(&view, measure, &options.centrality)?;
    Ok(scores
        .ranked(model)
        .into_iter()
        .enumerate()
        .map(|(i, (id, score))| (id.to_owned(), Rank { rank: i + 1, score }))
        .collect())
}

/// What changed from `from` to `to`: ties that appeared or ended, pairs whose net polarity
/// changed, and how the top `options.top` nodes of `measure` moved (each date's measure is
/// computed on the model as it stood then, [`Model::at`]).
///
/// O(|E| log |E|) plus two runs of the measure. Errors if the measure fails to converge.
/// Reference: Wasserman & Faust 1994; the measure's own reference.
pub fn diff(
    model: &Model,
    from: PartialDate,
    to: PartialDate,
    measure: Measure,
    options: &DiffOptions,
) -> Result<Diff, CentralityError> {
    let graph = model.graph();
    let mut appeared = Vec::new();
    let mut ended = Vec::new();
    for e in graph.edge_references() {
        match (present(model, e.weight(), &from), present(model, e.weight(), &to)) {
            (false, true) => appeared.push(e.id()),
            (true, false) => ended.push(e.id()),
            _ => {}
        }
    }
    appeared.sort();
    ended.sort();
    let (before, after) = (net_polarity(model, &from), net_polarity(model, &to));
    let pairs: BTreeSet<&(String, String)> = before.keys().chain(after.keys()).collect();
    let polarity_changes = pairs
        .into_iter()
        .filter_map(|pair| {
            let was = polarity_of(before.get(pair).copied().unwrap_or(0));
            let now = polarity_of(after.get(pair).copied().unwrap_or(0));
            (was != now).then(|| PolarityChange { a: pair.0.clone(), b: pair.1.clone(), before: was, after: now })
        })
        .collect();
    let rank_before = ranking(&model.at(&from), measure, options)?;
    let rank_after = ranking(&model.at(&to), measure, options)?;
    let top = |r: &BTreeMap<String, Rank>| -> Vec<String> {
        r.iter().filter(|(_, k)| k.rank <= options.top).map(|(id, _)| id.clone()).collect()
    };
    let followed: BTreeSet<String> = top(&rank_before).into_iter().chain(top(&rank_after)).collect();
    let mut ranks: Vec<RankMove> = followed
        .into_iter()
        .map(|id| RankMove { before: rank_before.get(&id).copied(), after: rank_after.get(&id).copied(), id })
        .collect();
    let key = |r: &Option<Rank>| r.map_or(usize::MAX, |r| r.rank);
    ranks.sort_by(|x, y| {
        key(&x.after)
            .cmp(&key(&y.after))
            .then_with(|| key(&x.before).cmp(&key(&y.before)))
            .then_with(|| x.id.cmp(&y.id))
    });
    Ok(Diff { from, to, appeared, ended, polarity_changes, measure, ranks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node, NodeKind};

    fn dated(f: &str, t: &str, kind: EdgeKind, since: Option<u16>, until: Option<u16>) -> Edge {
        let mut e = Edge::new(f, t, kind);
        e.since = since.map(PartialDate::year);
        e.until = until.map(PartialDate::year);
        e
    }

    fn model() -> Model {
        let mut m = Model::new("t");
        for id in ["a", "b", "c"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        m.add_edge(dated("a", "b", EdgeKind::AlliedWith, Some(1990), Some(2000))).unwrap();
        m.add_edge(dated("b", "a", EdgeKind::Sanctions, Some(2000), None)).unwrap();
        m.add_edge(dated("a", "c", EdgeKind::AlliedWith, None, None)).unwrap();
        m.add_edge(dated("c", "b", EdgeKind::Supports, Some(2005), None)).unwrap();
        m
    }

    #[test]
    fn timeline_sorts_by_date_then_kind_then_ids() {
        let m = model();
        let events = timeline(&m, None);
        let seen: Vec<(u16, EventKind, &str)> =
            events.iter().map(|e| (e.date.year_part(), e.kind, e.from.as_str())).collect();
        assert_eq!(
            seen,
            vec![
                (1990, EventKind::Started, "a"),
                (2000, EventKind::Started, "b"),
                (2000, EventKind::Ended, "a"),
                (2005, EventKind::Started, "c"),
            ]
        );
        assert_eq!(timeline(&m, m.index_of("c")).len(), 1);
    }

    #[test]
    fn diff_lists_appeared_ended_polarity_changes_and_rank_moves() {
        let m = model();
        let d = diff(&m, PartialDate::year(1995), PartialDate::year(2010), Measure::Degree, &DiffOptions::default())
            .unwrap();
        assert_eq!(d.appeared.iter().map(|e| e.index()).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(d.ended.iter().map(|e| e.index()).collect::<Vec<_>>(), vec![0]);
        assert_eq!(
            d.polarity_changes,
            vec![
                PolarityChange {
                    a: "a".into(),
                    b: "b".into(),
                    before: Polarity::Cooperative,
                    after: Polarity::Conflictual
                },
                PolarityChange {
                    a: "b".into(),
                    b: "c".into(),
                    before: Polarity::Neutral,
                    after: Polarity::Cooperative
                },
            ]
        );
        assert_eq!(d.ranks[0].id, "a");
        assert_eq!(d.ranks[0].after.map(|r| r.rank), Some(1));
        assert_eq!(d.ranks.len(), 3);
    }
}
