//! Actors and contexts: influence runs between actors; a context links the actors tied to it.
//!
//! Node kinds are either **actors** (country, leader, person, organization, actor, and
//! declared kinds: relgraph cannot tell what a declared kind is, so it lets it act) or
//! **contexts** (agreement, dispute, event, territory, project): an agreement does not
//! move Japan, the United States does, by co-signing it with Japan.
//!
//! The **actor view** of a model is a channel view (see [`super::influence`]) whose arcs
//! join actors only. It holds every direct channel between two actors, and for every
//! context `c` and actors `a ≠ b` with a channel `a → c` and one `c → b`, a **shared
//! context** link `a → b` of strength `s(a → c) · s(c → b)`, the strength the two-step path
//! through `c` had; its sign is the product of the two signs, except in a dispute, whose
//! parties (those with a `party_to`, `claims`, `disputes` or `administers` tie to it) are
//! adversaries: the link between two parties is pressure. For each ordered pair the
//! channel is the stronger of the direct channel and the best shared context, so a path
//! step is either a direct tie or a shared context, and a path runs actor to actor. A
//! shared-context arc carries two model edges, `a`'s tie to `c` then `c`'s tie to `b`, so a
//! report can name the context.
//!
//! Cost: O(|E| log |E|) for the direct channels plus Σ_c in(c) · out(c) for the links.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::influence::{combine, merged, slot, strengths_of, InfluenceError, Pairs, Strengths};
use super::view::GraphView;
use crate::model::{EdgeInfluence, EdgeKind, Model, NodeKind, Sign};

/// Whether nodes of this kind act (influence runs between them) rather than link actors.
pub fn is_actor(kind: NodeKind) -> bool {
    !matches!(kind, NodeKind::Agreement | NodeKind::Dispute | NodeKind::Territory | NodeKind::Event | NodeKind::Project)
}

/// Whether a tie of this kind makes its actor a party to a dispute.
pub fn is_party_tie(kind: EdgeKind) -> bool {
    matches!(kind, EdgeKind::PartyTo | EdgeKind::Claims | EdgeKind::Disputes | EdgeKind::Administers)
}

/// The actor view of a model (see the [module docs](self)).
pub fn actor_view(model: &Model, strengths: Strengths<'_>) -> Result<GraphView, InfluenceError> {
    let per_edge = strengths_of(model, strengths)?;
    Ok(actors_from(model, &per_edge))
}

/// One way a tie carries influence: (model edge, strength, sign).
type Tie = (u32, f64, Sign);

/// The actor view from per-edge influence.
pub fn actors_from(model: &Model, per_edge: &[Option<EdgeInfluence>]) -> GraphView {
    merged(model.node_count(), &actor_pairs(model, per_edge))
}

/// Both signs of every channel between two actors, each the stronger of the direct ties
/// and the best shared context of that sign (see the [module docs](self)).
pub fn actor_pairs(model: &Model, per_edge: &[Option<EdgeInfluence>]) -> Pairs {
    let graph = model.graph();
    let actor: Vec<bool> = graph.node_weights().map(|n| is_actor(n.kind)).collect();
    let is = |i: u32| actor.get(i as usize).copied().unwrap_or(false);
    // Direct ties between actors per ordered pair, and each context's ties in and out.
    let mut direct: BTreeMap<(u32, u32), Vec<Tie>> = BTreeMap::new();
    let mut into: BTreeMap<u32, Vec<(u32, Tie)>> = BTreeMap::new();
    let mut out_of: BTreeMap<u32, Vec<(u32, Tie)>> = BTreeMap::new();
    let mut parties: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for e in graph.edge_references() {
        let Some(Some(inf)) = per_edge.get(e.id().index()) else { continue };
        let (u, v) = (e.source().index() as u32, e.target().index() as u32);
        if u == v {
            continue;
        }
        let id = e.id().index() as u32;
        if is_party_tie(e.weight().kind) && is(u) && !is(v) {
            parties.entry(v).or_default().push(u);
        }
        for (a, b, s) in [(u, v, inf.forward), (v, u, inf.backward)] {
            if s <= 0.0 {
                continue;
            }
            let tie = (id, s, inf.sign);
            match (is(a), is(b)) {
                (true, true) => direct.entry((a, b)).or_default().push(tie),
                (true, false) => into.entry(b).or_default().push((a, tie)),
                (false, true) => out_of.entry(a).or_default().push((b, tie)),
                (false, false) => {}
            }
        }
    }
    let mut pairs: Pairs = direct.into_iter().map(|(k, ties)| (k, combine(&ties))).collect();
    // The best shared context per ordered pair and sign: (strength, edge in, edge out).
    let mut shared: BTreeMap<(u32, u32, Sign), (f64, u32, u32)> = BTreeMap::new();
    for (c, ins) in &into {
        let Some(outs) = out_of.get(c) else { continue };
        let dispute = graph
            .node_weight(petgraph::graph::NodeIndex::new(*c as usize))
            .is_some_and(|n| n.kind == NodeKind::Dispute);
        let party = |x: u32| dispute && parties.get(c).is_some_and(|p| p.contains(&x));
        for &(a, (ea, sa, ga)) in ins {
            for &(b, (eb, sb, gb)) in outs {
                if a == b {
                    continue;
                }
                let sign = if party(a) && party(b) { Sign::Pressure } else { ga.times(gb) };
                let strength = sa * sb;
                let best = shared.entry((a, b, sign)).or_insert((0.0, ea, eb));
                if strength > best.0 {
                    *best = (strength, ea, eb);
                }
            }
        }
    }
    // A shared context replaces the direct ties of its sign only when it is stronger.
    for ((a, b, sign), (strength, ea, eb)) in shared {
        let side = &mut pairs.entry((a, b)).or_default()[slot(sign)];
        if side.as_ref().is_none_or(|s| strength > s.0) {
            *side = Some((strength, vec![(ea, strength), (eb, strength)]));
        }
    }
    pairs
}

/// Whether a tie of this kind makes its `from` one of its `to`'s own: a leader, an official,
/// a ministry or a force (leads, represents, works for, part of).
pub fn is_membership_tie(kind: EdgeKind) -> bool {
    matches!(kind, EdgeKind::Leads | EdgeKind::Represents | EdgeKind::WorksFor | EdgeKind::PartOf)
}

/// The actors that are `root`'s own: those with a membership tie (see
/// [`is_membership_tie`]) into it, or into an actor that is its own, transitively.
pub fn own_actors(model: &Model, root: NodeIndex) -> Vec<bool> {
    let graph = model.graph();
    let mut own = vec![false; graph.node_count()];
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        for e in graph.edges_directed(v, Direction::Incoming) {
            let u = e.source();
            if u != root && is_membership_tie(e.weight().kind) && is_actor(graph[u].kind) && !own[u.index()] {
                own[u.index()] = true;
                stack.push(u);
            }
        }
    }
    own
}

/// The claimants of a dispute or a territory: the actors with a party tie (see
/// [`is_party_tie`]) to it, to the territories a dispute concerns, to the disputes that
/// concern a territory, or to a territory that is part of one of these. Empty for other
/// kinds of node. In node order.
pub fn claimants(model: &Model, target: NodeIndex) -> Vec<NodeIndex> {
    let graph = model.graph();
    let Some(node) = graph.node_weight(target) else { return Vec::new() };
    if !matches!(node.kind, NodeKind::Dispute | NodeKind::Territory) {
        return Vec::new();
    }
    let mut scope = vec![target];
    for e in graph.edges_directed(target, Direction::Outgoing).chain(graph.edges_directed(target, Direction::Incoming))
    {
        let other = if e.source() == target { e.target() } else { e.source() };
        let kind = graph[other].kind;
        if e.weight().kind == EdgeKind::Concerns && matches!(kind, NodeKind::Territory | NodeKind::Dispute) {
            scope.push(other);
        }
    }
    // Territories that are part of a territory in scope (islands of a chain).
    let territories: Vec<NodeIndex> = scope.iter().copied().filter(|&t| graph[t].kind == NodeKind::Territory).collect();
    for t in territories {
        for e in graph.edges_directed(t, Direction::Incoming) {
            if e.weight().kind == EdgeKind::PartOf && graph[e.source()].kind == NodeKind::Territory {
                scope.push(e.source());
            }
        }
    }
    let mut found: Vec<NodeIndex> = scope
        .iter()
        .flat_map(|&t| graph.edges_directed(t, Direction::Incoming))
        .filter(|e| is_party_tie(e.weight().kind) && is_actor(graph[e.source()].kind))
        .map(|e| e.source())
        .collect();
    found.sort();
    found.dedup();
    found
}
