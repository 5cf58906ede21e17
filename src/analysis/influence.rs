//! Influence: the channels ties open between actors, the strongest signed influence paths,
//! and rankings of who influences whom.
//!
//! **Channels.** Each edge carries influence as its [`Profile`] says
//! ([`crate::model::influence`]): a strength from `from` to `to`, one back, and a sign. For
//! every ordered pair (u, v), u ≠ v, the ties carrying influence u → v are combined per
//! sign by noisy-or, `p = 1 − Π(1 − s)` (taken in file order), so that several ties add up
//! without exceeding 1. The channel u → v is the stronger side: strength `max(p₊, p₋)`, sign
//! support when `p₊ ≥ p₋`, else pressure; it is shown by the strongest single tie of that
//! sign (the first in file order among equals). A channel view is a directed [`GraphView`]
//! whose arcs are the channels, each with that one tie and the channel's strength as weight.
//!
//! **Paths.** A path's strength is the product of its channels' strengths; its sign the
//! product of their signs: support passed along pressure is pressure, pressure on someone
//! who pressures a third party is support to that party's rivals… and so on, as in signed
//! graphs (Cartwright & Harary 1956). The strongest path is found by
//! [`k_shortest_paths`](super::path::k_shortest_paths) in [`PathMode::Strongest`](super::path::PathMode::Strongest) on the
//! channel view.
//!
//! **Rankings.** [`rank`] scores every node by its influence on a target (or a source's on
//! every node) by one of two [`Method`]s: the strongest single channel (exact, Dijkstra on
//! the product), or the total over all walks, `Σₖ βᵏ Aᵏ` on the signed channel matrix A
//! (Katz 1953), with the attenuation β = min(1, 0.9 / ρ(|A|)) so that the sum converges.

use std::collections::{BTreeMap, BinaryHeap};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::path::{Label, Path};
use super::view::GraphView;
use crate::model::{EdgeInfluence, Model, Profile, Sign};

/// Where the strengths of the ties come from.
#[derive(Debug, Clone, Copy)]
pub enum Strengths<'p> {
    /// An influence profile (the model's own rules on top of it).
    Profile(&'p Profile),
    /// Each edge's weight, support, both ways unless `directed`: edge lists' convention.
    Weights {
        /// Whether ties carry influence only from `from` to `to`.
        directed: bool,
    },
}

/// Why influence cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InfluenceError {
    /// A weight read as a strength is outside (0, 1].
    #[error("edge {edge} has weight {weight}; as an influence strength it must lie in (0, 1]")]
    BadWeight {
        /// Model edge index (file order, from 0).
        edge: usize,
        /// The weight.
        weight: f64,
    },
    /// A node index is not in the graph.
    #[error("node index {index} is not in the graph")]
    UnknownNode {
        /// The index.
        index: usize,
    },
    /// The walk sum did not settle (it cannot when β is chosen as documented; a guard).
    #[error("the total influence did not converge in {iterations} iterations")]
    NoConvergence {
        /// Iterations run.
        iterations: usize,
    },
}

/// The influence each edge of `model` carries under `profile` (with the model's own rules
/// on top), in file order; `None` for edges that are no channel.
pub fn edge_strengths(model: &Model, profile: &Profile) -> Vec<Option<EdgeInfluence>> {
    model.edge_influence(profile)
}

/// The influence each edge carries by `strengths`.
pub fn strengths_of(model: &Model, strengths: Strengths<'_>) -> Result<Vec<Option<EdgeInfluence>>, InfluenceError> {
    match strengths {
        Strengths::Profile(profile) => Ok(edge_strengths(model, profile)),
        Strengths::Weights { directed } => model
            .edges()
            .enumerate()
            .map(|(i, e)| {
                let w = e.weight();
                if !(w > 0.0 && w <= 1.0) {
                    return Err(InfluenceError::BadWeight { edge: i, weight: w });
                }
                let backward = if directed { 0.0 } else { w };
                Ok(Some(EdgeInfluence { forward: w, backward, sign: Sign::Support }))
            })
            .collect(),
    }
}

/// The channel view of a model: one arc per ordered pair that influence flows along, as the
/// [module docs](self) define it. Cost O(|E| log |E|).
pub fn channel_view(model: &Model, strengths: Strengths<'_>) -> Result<GraphView, InfluenceError> {
    let per_edge = strengths_of(model, strengths)?;
    Ok(channels_from(model, &per_edge))
}

/// A tie carrying influence one way: (model edge, strength, sign).
type Tie = (u32, f64, Sign);

/// One sign of a pair's channel: its strength and the model edges that show it, each with
/// the strength it stands for (one tie for a direct channel; for a shared context, the tie
/// into the context then the context's tie out, see [`super::context`]).
pub type Side = (f64, Vec<(u32, f64)>);

/// Both signs of a pair's channel: `[support, pressure]`, `None` where no tie of that sign
/// carries influence.
pub type PairSides = [Option<Side>; 2];

/// Every ordered pair's channel, both signs, by (from, to).
pub type Pairs = BTreeMap<(u32, u32), PairSides>;

/// The slot of a sign in [`PairSides`].
pub fn slot(sign: Sign) -> usize {
    match sign {
        Sign::Support => 0,
        Sign::Pressure => 1,
    }
}

/// Combines a pair's ties per sign by noisy-or, each sign shown by its strongest tie (the
/// first in file order among equals).
pub fn combine(ties: &[Tie]) -> PairSides {
    let side = |sign: Sign| -> Option<Side> {
        let mut q = 1.0;
        let mut shown: Option<(u32, f64)> = None;
        for &(id, s, _) in ties.iter().filter(|t| t.2 == sign) {
            q *= 1.0 - s;
            if shown.is_none_or(|(_, best)| s > best) {
                shown = Some((id, s));
            }
        }
        let (id, _) = shown?;
        let p = 1.0 - q;
        Some((p, vec![(id, p)]))
    };
    [side(Sign::Support), side(Sign::Pressure)]
}

/// Both signs of every pair's channel between any two nodes (see the [module docs](self)).
pub fn channel_pairs(model: &Model, per_edge: &[Option<EdgeInfluence>]) -> Pairs {
    // (u, v) → ties carrying influence u → v: (model edge, strength, sign), file order.
    let mut pairs: BTreeMap<(u32, u32), Vec<Tie>> = BTreeMap::new();
    for e in model.graph().edge_references() {
        let Some(Some(inf)) = per_edge.get(e.id().index()) else { continue };
        let (u, v) = (e.source().index() as u32, e.target().index() as u32);
        if u == v {
            continue;
        }
        let id = e.id().index() as u32;
        if inf.forward > 0.0 {
            pairs.entry((u, v)).or_default().push((id, inf.forward, inf.sign));
        }
        if inf.backward > 0.0 {
            pairs.entry((v, u)).or_default().push((id, inf.backward, inf.sign));
        }
    }
    pairs.into_iter().map(|(k, ties)| (k, combine(&ties))).collect()
}

/// The channel view of a set of pairs: one arc per pair, the stronger side (support when
/// the two are equal).
pub fn merged(node_count: usize, pairs: &Pairs) -> GraphView {
    let arcs = pairs
        .iter()
        .filter_map(|(&(u, v), [plus, minus])| {
            let strength = |s: &Option<Side>| s.as_ref().map_or(0.0, |s| s.0);
            let (side, sign) =
                if strength(plus) >= strength(minus) { (plus, Sign::Support) } else { (minus, Sign::Pressure) };
            let (_, edges) = side.as_ref()?;
            Some((u, v, sign.value(), edges.clone()))
        })
        .collect();
    GraphView::from_arcs(node_count, arcs)
}

/// The channel view from per-edge influence (as [`edge_strengths`] gives it).
pub fn channels_from(model: &Model, per_edge: &[Option<EdgeInfluence>]) -> GraphView {
    merged(model.node_count(), &channel_pairs(model, per_edge))
}

/// A path through a channel view with what it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluencePath {
    /// The path (its cost is the product of the steps' strengths).
    pub path: Path,
    /// The strength of each step's channel.
    pub steps: Vec<f64>,
    /// The product of the steps' signs.
    pub sign: Sign,
    /// For each step through a shared context (see [`super::context`]): the context's
    /// tie to the next node (the step's edge in `path.edges` is the previous node's tie to
    /// the context); `None` for a direct tie.
    pub via: Vec<Option<EdgeIndex>>,
}

impl InfluencePath {
    /// The path's strength, the product of its steps'.
    pub fn strength(&self) -> f64 {
        self.path.cost
    }
}

/// Reads a path found on a channel view: the strength and sign of each step. Steps that are
/// not channels of the view (a path from another view) count as strength 0, support.
pub fn describe(view: &GraphView, path: Path) -> InfluencePath {
    let mut steps = Vec::with_capacity(path.edges.len());
    let mut via = Vec::with_capacity(path.edges.len());
    let mut sign = Sign::Support;
    for pair in path.nodes.windows(2) {
        let arc = view.find_arc(pair[0].index(), pair[1].index());
        via.push(arc.and_then(|a| view.edges(a).get(1)).map(|&e| EdgeIndex::new(e as usize)));
        match arc {
            Some(a) => {
                steps.push(view.edge_weights(a).first().copied().unwrap_or(0.0));
                if view.sign(a) < 0 {
                    sign = sign.times(Sign::Pressure);
                }
            }
            None => steps.push(0.0),
        }
    }
    InfluencePath { path, steps, sign, via }
}

/// How influence is scored in a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// The best single channel (strongest path), exact.
    #[default]
    Strongest,
    /// All channels together: the attenuated sum over walks (Katz-like).
    Total,
}

/// Which way a ranking looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// Every node's influence on this one.
    On(NodeIndex),
    /// This node's influence on every node.
    From(NodeIndex),
}

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Influence {
    /// The other node (the influencer for [`Toward::On`], the influenced for [`Toward::From`]).
    pub node: NodeIndex,
    /// The score: the channel's strength (strongest) or the walk sum's magnitude (total).
    pub score: f64,
    /// Support or pressure.
    pub sign: Sign,
    /// The strongest channel between the two, in the direction influence flows.
    pub path: Option<InfluencePath>,
}

/// A ranking, highest score first.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The rows, by score descending, then by node order.
    pub rows: Vec<Influence>,
    /// For [`Method::Total`]: the attenuation β used.
    pub attenuation: Option<f64>,
    /// For [`Method::Total`]: the spectral radius ρ(|A|) of the strength matrix (an upper
    /// bound within 1e-9).
    pub spectral_radius: Option<f64>,
}

/// Ranks every other node by its influence on a target, or a source's influence on every
/// other node, over a channel view (see [`channel_view`]). Nodes with no channel at all are
/// left out.
///
/// Strongest: one Dijkstra on the product, O(|E| + |V| log |V|). Total: power iteration of
/// the walk sum, O(|E|) per step, about 350 steps for 1e-15 (β·ρ ≤ 0.9). Reference: Katz,
/// "A new status index derived from sociometric analysis", Psychometrika 18 (1953).
pub fn rank(view: &GraphView, toward: Toward, method: Method) -> Result<Ranking, InfluenceError> {
    let n = view.node_count();
    let root = match toward {
        Toward::On(i) | Toward::From(i) => i.index(),
    };
    if root >= n {
        return Err(InfluenceError::UnknownNode { index: root });
    }
    let reverse = matches!(toward, Toward::On(_));
    let tree = best_channels(view, root, reverse);
    let paths: Vec<Option<InfluencePath>> = (0..n).map(|v| tree.path(view, root, v, reverse)).collect();
    let (mut rows, attenuation, radius) = match method {
        Method::Strongest => {
            let rows: Vec<Influence> = paths
                .iter()
                .enumerate()
                .filter_map(|(v, p)| {
                    let p = p.as_ref()?;
                    Some(Influence {
                        node: NodeIndex::new(v),
                        score: p.strength(),
                        sign: p.sign,
                        path: Some(p.clone()),
                    })
                })
                .collect();
            (rows, None, None)
        }
        Method::Total => {
            let radius = spectral_radius(view);
            let beta = if radius > 0.9 { 0.9 / radius } else { 1.0 };
            let sums = walk_sums(view, root, reverse, beta)?;
            let rows = sums
                .iter()
                .enumerate()
                .filter(|&(v, &x)| v != root && x != 0.0 && x.is_finite())
                .map(|(v, &x)| Influence {
                    node: NodeIndex::new(v),
                    score: x.abs(),
                    sign: Sign::of(x),
                    path: paths.get(v).cloned().flatten(),
                })
                .collect();
            (rows, Some(beta), Some(radius))
        }
    };
    rows.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.node.cmp(&b.node)));
    Ok(Ranking { rows, attenuation, spectral_radius: radius })
}

/// A shortest-path tree on the product: for each node, the next node towards the root.
struct Tree {
    next: Vec<u32>,
}

/// Single-source strongest channels from `root` (or into it when `reverse`), with the same
/// label order as [`super::path`]: larger product, then fewer hops, then discovery order.
fn best_channels(view: &GraphView, root: usize, reverse: bool) -> Tree {
    let n = view.node_count();
    let mut best = vec![f64::INFINITY; n];
    let mut hops = vec![usize::MAX; n];
    let mut next = vec![u32::MAX; n];
    let mut done = vec![false; n];
    let mut heap = BinaryHeap::new();
    let mut seq = 0u64;
    best[root] = -1.0;
    hops[root] = 0;
    heap.push(Label { dist: -1.0, hops: 0, seq, node: root as u32 });
    let mut steps: Vec<(usize, f64)> = Vec::new();
    while let Some(Label { dist: key, hops: h, node, .. }) = heap.pop() {
        let v = node as usize;
        if done[v] {
            continue;
        }
        done[v] = true;
        steps.clear();
        if reverse {
            steps.extend(view.in_arcs(v).map(|(u, a)| (u, view.edge_weights(a).first().copied().unwrap_or(0.0))));
        } else {
            steps.extend(view.arcs(v).map(|a| (view.target(a), view.edge_weights(a).first().copied().unwrap_or(0.0))));
        }
        for &(w, s) in &steps {
            if done[w] || s <= 0.0 {
                continue;
            }
            let alt = key * s;
            if alt < best[w] || (alt == best[w] && h + 1 < hops[w]) {
                best[w] = alt;
                hops[w] = h + 1;
                next[w] = v as u32;
                seq += 1;
                heap.push(Label { dist: alt, hops: h + 1, seq, node: w as u32 });
            }
        }
    }
    Tree { next }
}

impl Tree {
    /// The channel between `v` and the root, in the direction influence flows, with its
    /// strength computed source to target (as `path --strongest` computes it).
    fn path(&self, view: &GraphView, root: usize, v: usize, reverse: bool) -> Option<InfluencePath> {
        if v == root || self.next.get(v).is_none_or(|&x| x == u32::MAX) {
            return None;
        }
        let mut nodes = vec![v];
        let mut at = v;
        while at != root {
            at = *self.next.get(at)? as usize;
            nodes.push(at);
            if nodes.len() > self.next.len() {
                return None;
            }
        }
        if !reverse {
            nodes.reverse();
        }
        let mut edges = Vec::with_capacity(nodes.len() - 1);
        let mut product = 1.0;
        for pair in nodes.windows(2) {
            let a = view.find_arc(pair[0], pair[1])?;
            edges.push(EdgeIndex::new(view.edges(a).first().copied().unwrap_or(0) as usize));
            product *= view.edge_weights(a).first().copied().unwrap_or(0.0);
        }
        let path = Path { nodes: nodes.into_iter().map(NodeIndex::new).collect(), edges, cost: product };
        Some(describe(view, path))
    }
}

/// The channel strength of arc `a` with its sign: the signed matrix entry A[u][v].
fn signed(view: &GraphView, a: usize) -> f64 {
    let s = view.edge_weights(a).first().copied().unwrap_or(0.0);
    if view.sign(a) < 0 {
        -s
    } else {
        s
    }
}

/// An upper bound on the spectral radius of |A| that converges to it: the Collatz–Wielandt
/// bound max (Mx)ᵢ / xᵢ for M = |A| + I and the power iterates x > 0 of M, minus 1.
pub fn spectral_radius(view: &GraphView) -> f64 {
    let n = view.node_count();
    if n == 0 || view.arc_count() == 0 {
        return 0.0;
    }
    let mut x = vec![1.0; n];
    let mut y = vec![0.0; n];
    let mut bound = f64::INFINITY;
    for _ in 0..100_000 {
        for (u, yu) in y.iter_mut().enumerate() {
            *yu = x[u] + view.arcs(u).map(|a| signed(view, a).abs() * x[view.target(a)]).sum::<f64>();
        }
        let upper = y.iter().zip(&x).map(|(a, b)| a / b).fold(0.0, f64::max);
        let lower = y.iter().zip(&x).map(|(a, b)| a / b).fold(f64::INFINITY, f64::min);
        let top = y.iter().copied().fold(0.0, f64::max);
        if !(top > 0.0 && top.is_finite()) {
            break;
        }
        for (xu, yu) in x.iter_mut().zip(&y) {
            *xu = (yu / top).max(f64::MIN_POSITIVE);
        }
        let settled = (bound - upper).abs() <= 1e-12 * upper || upper - lower <= 1e-12 * upper;
        bound = upper;
        if settled {
            break;
        }
    }
    (bound - 1.0).max(0.0)
}

/// Σₖ≥₁ βᵏ (Aᵏ)[·][root] (into the root) or Σₖ≥₁ βᵏ (Aᵏ)[root][·] (out of it).
fn walk_sums(view: &GraphView, root: usize, reverse: bool, beta: f64) -> Result<Vec<f64>, InfluenceError> {
    let n = view.node_count();
    let mut term = vec![0.0; n];
    term[root] = 1.0;
    let mut sum = vec![0.0; n];
    let mut next = vec![0.0; n];
    const LIMIT: usize = 100_000;
    for _ in 0..LIMIT {
        next.iter_mut().for_each(|x| *x = 0.0);
        if reverse {
            // next[u] = β Σ_v A[u][v] term[v]
            for (u, out) in next.iter_mut().enumerate() {
                *out = beta * view.arcs(u).map(|a| signed(view, a) * term[view.target(a)]).sum::<f64>();
            }
        } else {
            // next[v] = β Σ_u term[u] A[u][v]
            for (v, out) in next.iter_mut().enumerate() {
                *out = beta * view.in_arcs(v).map(|(u, a)| term[u] * signed(view, a)).sum::<f64>();
            }
        }
        std::mem::swap(&mut term, &mut next);
        let mut size = 0.0f64;
        let mut total = 0.0f64;
        for (s, t) in sum.iter_mut().zip(&term) {
            *s += t;
            size = size.max(t.abs());
            total = total.max(s.abs());
        }
        if size <= 1e-16 * total.max(1e-300) || size == 0.0 {
            return Ok(sum);
        }
    }
    Err(InfluenceError::NoConvergence { iterations: LIMIT })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::path::{k_shortest_paths, PathMode, PathQuery};
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    /// us —sanctions→ ru ←leads— putin; us —allied_with— jp —negotiates— ru; and a
    /// parallel pair jp —cooperates_with— ru twice.
    fn world() -> Model {
        let mut m = Model::new("w");
        for (id, kind) in [
            ("us", NodeKind::Country),
            ("ru", NodeKind::Country),
            ("jp", NodeKind::Country),
            ("putin", NodeKind::Leader),
        ] {
            m.add_node(Node::new(id, kind, id)).unwrap();
        }
        m.add_edge(Edge::new("us", "ru", EdgeKind::Sanctions)).unwrap();
        m.add_edge(Edge::new("putin", "ru", EdgeKind::Leads)).unwrap();
        m.add_edge(Edge::new("us", "jp", EdgeKind::AlliedWith)).unwrap();
        m.add_edge(Edge::new("jp", "ru", EdgeKind::Negotiates)).unwrap();
        m
    }

    fn strongest(m: &Model, view: &GraphView, from: &str, to: &str, k: usize) -> Vec<InfluencePath> {
        let (a, b) = (m.index_of(from).unwrap(), m.index_of(to).unwrap());
        let paths = k_shortest_paths(m, view, a, b, k, &PathQuery::new(PathMode::Strongest)).unwrap();
        paths.into_iter().map(|p| describe(view, p)).collect()
    }

    #[test]
    fn paths_multiply_strengths_and_signs_in_the_direction_travelled() {
        let m = world();
        let profile = Profile::builtin();
        let view = channel_view(&m, Strengths::Profile(&profile)).unwrap();
        // us → putin: sanctions 0.8 (pressure) then ru → putin along leads backwards: 1.0 × 0.5.
        let best = strongest(&m, &view, "us", "putin", 3);
        assert_eq!(best[0].steps, vec![0.8, 0.5]);
        assert_eq!((best[0].strength(), best[0].sign), (0.8 * 0.5, Sign::Pressure));
        // Second: us —allied 0.85→ jp —negotiates 0.7→ ru —0.5→ putin, all support.
        assert_eq!(best[1].steps, vec![0.85, 0.7, 0.5]);
        assert_eq!(best[1].sign, Sign::Support);
        assert_eq!(best[1].strength(), 0.85 * 0.7 * 0.5);
        // Nothing flows from ru back to us along the sanction: ru → us only via jp.
        let back = strongest(&m, &view, "ru", "us", 5);
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].steps, vec![0.7, 0.85]);
        // Putin moves Russia fully; Russia moves Putin by half.
        assert_eq!(strongest(&m, &view, "putin", "ru", 1)[0].steps, vec![1.0]);
        assert_eq!(strongest(&m, &view, "ru", "putin", 1)[0].steps, vec![0.5]);
    }

    #[test]
    fn parallel_ties_combine_by_noisy_or_per_sign_and_the_stronger_side_carries() {
        let mut m = world();
        m.add_edge(Edge::new("jp", "ru", EdgeKind::CooperatesWith)).unwrap();
        m.add_edge(Edge::new("jp", "ru", EdgeKind::Condemns)).unwrap();
        let profile = Profile::builtin();
        let view = channel_view(&m, Strengths::Profile(&profile)).unwrap();
        let a = view.find_arc(2, 1).unwrap();
        // support: negotiates 0.7 and cooperates 0.6: 1 − 0.3 × 0.4 = 0.88; pressure 0.2.
        assert!((view.edge_weights(a)[0] - 0.88).abs() < 1e-15);
        assert_eq!(view.sign(a), 1);
        assert_eq!(view.edges(a), &[3], "shown by the strongest support tie, negotiates");
        // ru → jp: condemns carries nothing back, so only support flows.
        let back = view.find_arc(1, 2).unwrap();
        assert!((view.edge_weights(back)[0] - 0.88).abs() < 1e-15);
    }

    #[test]
    fn the_strongest_ranking_scores_equal_the_channels_they_print() {
        let m = world();
        let profile = Profile::builtin();
        let view = channel_view(&m, Strengths::Profile(&profile)).unwrap();
        let putin = m.index_of("putin").unwrap();
        let on = rank(&view, Toward::On(putin), Method::Strongest).unwrap();
        let names: Vec<&str> = on.rows.iter().map(|r| m.graph()[r.node].id.as_str()).collect();
        assert_eq!(names, vec!["ru", "us", "jp"]);
        for row in &on.rows {
            let p = row.path.as_ref().unwrap();
            assert_eq!(row.score, p.strength());
            assert_eq!(p.path.nodes.last(), Some(&putin));
            let best = strongest(&m, &view, &m.graph()[row.node].id, "putin", 5);
            assert_eq!(best[0].strength(), row.score);
            assert!(best.iter().all(|q| q.strength() <= row.score));
        }
        // us on putin: 0.8 × 0.5 = 0.4 pressure beats 0.85 × 0.7 × 0.5 = 0.2975 support.
        let us = on.rows.iter().find(|r| m.graph()[r.node].id == "us").unwrap();
        assert_eq!((us.score, us.sign), (0.4, Sign::Pressure));
        let from = rank(&view, Toward::From(m.index_of("us").unwrap()), Method::Strongest).unwrap();
        assert_eq!(from.rows[0].score, 0.85);
    }

    #[test]
    fn weights_mode_reads_edge_lists_and_rejects_weights_above_one() {
        let mut m = Model::new("e");
        for id in ["a", "b", "c"] {
            m.add_node(Node::new(id, NodeKind::Actor, id)).unwrap();
        }
        let mut ab = Edge::new("a", "b", EdgeKind::RelatedTo);
        ab.weight = Some(0.5);
        m.add_edge(ab).unwrap();
        m.add_edge(Edge::new("b", "c", EdgeKind::RelatedTo)).unwrap();
        let view = channel_view(&m, Strengths::Weights { directed: false }).unwrap();
        let best = strongest(&m, &view, "c", "a", 1);
        assert_eq!((best[0].strength(), best[0].sign), (0.5, Sign::Support));
        let directed = channel_view(&m, Strengths::Weights { directed: true }).unwrap();
        assert!(strongest(&m, &directed, "c", "a", 1).is_empty());
        let mut heavy = Edge::new("a", "c", EdgeKind::RelatedTo);
        heavy.weight = Some(2.0);
        m.add_edge(heavy).unwrap();
        assert_eq!(
            channel_view(&m, Strengths::Weights { directed: false }).unwrap_err(),
            InfluenceError::BadWeight { edge: 2, weight: 2.0 }
        );
    }

    #[test]
    fn total_influence_sums_walks_on_a_small_cycle_in_closed_form() {
        // a → b → a with strengths 0.5 each (support): ρ(|A|) = 0.5, so β = 1 and the
        // influence of a on b is Σ 0.5 · 0.25ᵏ = 0.5 / 0.75.
        let mut m = Model::new("c");
        for id in ["a", "b"] {
            m.add_node(Node::new(id, NodeKind::Actor, id)).unwrap();
        }
        let mut ab = Edge::new("a", "b", EdgeKind::RelatedTo);
        ab.weight = Some(0.5);
        m.add_edge(ab).unwrap();
        let view = channel_view(&m, Strengths::Weights { directed: false }).unwrap();
        assert!((spectral_radius(&view) - 0.5).abs() < 1e-9);
        let on = rank(&view, Toward::On(NodeIndex::new(1)), Method::Total).unwrap();
        assert_eq!(on.attenuation, Some(1.0));
        assert!((on.rows[0].score - 0.5 / 0.75).abs() < 1e-14, "{}", on.rows[0].score);
    }
}
