//! Both sides of influence: for every actor, its strongest **support** channel and its
//! strongest **pressure** channel to a target (or from a source), each with its strength and
//! path, and the stance they make together.
//!
//! **The sided view.** Each ordered pair keeps both signs of its channel
//! ([`super::influence::PairSides`]): a support arc in one [`GraphView`] and a pressure arc in
//! another, so Japan's sanctions on Russia are not hidden by its cooperation with it.
//!
//! **Signed search.** One Dijkstra on the product over the states (node, sign so far): an arc
//! of the support view keeps the sign, one of the pressure view flips it, so each node gets
//! its strongest path of each sign. A path never visits a node twice: a label never extends
//! into a node already on its path, and each state settles up to four labels with different
//! paths, so that a path blocked by the best label's nodes can extend a simple alternative.
//! Where cycles of mixed signs exist this is a heuristic (the strongest simple path of a
//! given sign is NP-hard to find in a directed graph); it equals exhaustive enumeration on
//! the test fixtures, and on graphs of one sign it is plain Dijkstra, exact.
//!
//! **Direct ties first.** When an actor has a one-step channel of a sign to the target (a tie
//! of its own, or a shared context), that step is its channel of that sign, even when a
//! longer chain of the same sign through others is stronger: the chain is another actor's act
//! (the United States condemns Russia itself; that Japan, its co-signatory, also condemns
//! Russia is Japan's pressure).
//!
//! **Stance.** The stronger side gives the score and the sign; the pair is **ambivalent**
//! when the weaker side is at least half the stronger.
//!
//! Cost: O((|E| + |V|) log |V|) for the search, twice the states of one Dijkstra; on a graph
//! with support only (an edge list) the pressure states are never reached.

use std::collections::BinaryHeap;

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::context::{claimants, is_actor, is_membership_tie, own_actors};
use super::influence::{rank, slot, InfluenceError, InfluencePath, Method, Pairs, Toward};
use super::path::{Label, Path};
use super::view::GraphView;
use crate::model::{Model, Sign};

/// The two sides of every channel: one view per sign.
#[derive(Debug, Clone)]
pub struct SidedView {
    /// Arcs carrying support.
    pub support: GraphView,
    /// Arcs carrying pressure.
    pub pressure: GraphView,
}

impl SidedView {
    /// Splits a set of pairs into the two views.
    pub fn from_pairs(node_count: usize, pairs: &Pairs) -> Self {
        let arcs = |sign: Sign| {
            pairs
                .iter()
                .filter_map(|(&(u, v), sides)| {
                    let (_, edges) = sides[slot(sign)].as_ref()?;
                    Some((u, v, sign.value(), edges.clone()))
                })
                .collect()
        };
        SidedView {
            support: GraphView::from_arcs(node_count, arcs(Sign::Support)),
            pressure: GraphView::from_arcs(node_count, arcs(Sign::Pressure)),
        }
    }

    /// The view of a sign.
    pub fn of(&self, sign: Sign) -> &GraphView {
        match sign {
            Sign::Support => &self.support,
            Sign::Pressure => &self.pressure,
        }
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.support.node_count()
    }
}

/// Support, pressure, or both at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Support is the stronger side, pressure less than half of it.
    Support,
    /// Pressure is the stronger side, support less than half of it.
    Pressure,
    /// The weaker side is at least half the stronger.
    Ambivalent,
}

impl Stance {
    /// The stance of a pair of side strengths (0 where a side has no channel).
    pub fn of(support: f64, pressure: f64) -> Stance {
        let (strong, weak) = (support.max(pressure), support.min(pressure));
        if weak > 0.0 && weak >= strong / 2.0 {
            Stance::Ambivalent
        } else if support >= pressure {
            Stance::Support
        } else {
            Stance::Pressure
        }
    }

    /// `support`, `pressure` or `ambivalent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Pressure => "pressure",
            Stance::Ambivalent => "ambivalent",
        }
    }
}

/// One actor's two channels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sides {
    /// The strongest support channel (a direct one when there is one).
    pub support: Option<InfluencePath>,
    /// The strongest pressure channel (a direct one when there is one).
    pub pressure: Option<InfluencePath>,
}

impl Sides {
    /// The strength of a side, 0 without a channel.
    pub fn strength(&self, sign: Sign) -> f64 {
        let side = match sign {
            Sign::Support => &self.support,
            Sign::Pressure => &self.pressure,
        };
        side.as_ref().map_or(0.0, InfluencePath::strength)
    }

    /// The stance the two sides make.
    pub fn stance(&self) -> Stance {
        Stance::of(self.strength(Sign::Support), self.strength(Sign::Pressure))
    }

    /// The stronger side's channel (support when equal).
    pub fn stronger(&self) -> Option<&InfluencePath> {
        if self.strength(Sign::Support) >= self.strength(Sign::Pressure) {
            self.support.as_ref().or(self.pressure.as_ref())
        } else {
            self.pressure.as_ref()
        }
    }

    /// The score: the stronger side's strength.
    pub fn score(&self) -> f64 {
        self.strength(Sign::Support).max(self.strength(Sign::Pressure))
    }
}

/// Every node's two channels to the target of `toward` (or from its source); the root's own
/// entry is empty. See the [module docs](self).
pub fn both_sides(view: &SidedView, toward: Toward) -> Result<Vec<Sides>, InfluenceError> {
    let n = view.node_count();
    let (root, reverse) = match toward {
        Toward::On(i) => (i.index(), true),
        Toward::From(i) => (i.index(), false),
    };
    if root >= n {
        return Err(InfluenceError::UnknownNode { index: root });
    }
    let tree = signed_tree(view, root, reverse);
    let mut out = vec![Sides::default(); n];
    for (v, sides) in out.iter_mut().enumerate() {
        if v == root {
            continue;
        }
        for sign in [Sign::Support, Sign::Pressure] {
            let direct = if reverse { (v, root) } else { (root, v) };
            let path = match view.of(sign).find_arc(direct.0, direct.1) {
                Some(a) => Some(single(view.of(sign), direct, a, sign)),
                None => tree.path(view, root, 2 * v + slot(sign), reverse),
            };
            match sign {
                Sign::Support => sides.support = path,
                Sign::Pressure => sides.pressure = path,
            }
        }
    }
    Ok(out)
}

/// A one-step channel.
fn single(view: &GraphView, (u, v): (usize, usize), a: usize, sign: Sign) -> InfluencePath {
    let strength = view.edge_weights(a).first().copied().unwrap_or(0.0);
    let edge = EdgeIndex::new(view.edges(a).first().copied().unwrap_or(0) as usize);
    let via = view.edges(a).get(1).map(|&e| EdgeIndex::new(e as usize));
    InfluencePath {
        path: Path { nodes: vec![NodeIndex::new(u), NodeIndex::new(v)], edges: vec![edge], cost: strength },
        steps: vec![strength],
        sign,
        via: vec![via],
    }
}

/// How many labels a state may settle when both signs are present: the first is the
/// state's answer, the others are simple alternatives that paths blocked by the first
/// one's nodes can extend.
const LABELS: usize = 4;

/// A settled or tentative label: a simple path from the root's state to `state`.
#[derive(Debug, Clone, Copy)]
struct Record {
    state: u32,
    /// The label it extends, `u32::MAX` for the root's.
    pred: u32,
}

/// The labels of the signed search and, per state, the first one settled.
struct SignedTree {
    records: Vec<Record>,
    first: Vec<u32>,
}

impl SignedTree {
    /// Whether node `w` lies on the path of label `at`.
    fn visits(&self, mut at: u32, w: usize) -> bool {
        while let Some(r) = self.records.get(at as usize) {
            if r.state as usize / 2 == w {
                return true;
            }
            at = r.pred;
        }
        false
    }
}

/// The signed Dijkstra of the [module docs](self): each state settles up to [`LABELS`]
/// labels with different paths (one when there is no pressure arc, where the search is
/// plain Dijkstra), and a label never extends into a node already on its path.
fn signed_tree(view: &SidedView, root: usize, reverse: bool) -> SignedTree {
    let states = 2 * view.node_count();
    let limit = if view.pressure.arc_count() == 0 { 1 } else { LABELS };
    let mut best = vec![f64::INFINITY; states];
    let mut hops = vec![usize::MAX; states];
    let mut settled = vec![0u8; states];
    let mut tree = SignedTree { records: Vec::new(), first: vec![u32::MAX; states] };
    let mut heap = BinaryHeap::new();
    let mut seq = 0u64;
    tree.records.push(Record { state: (2 * root) as u32, pred: u32::MAX });
    heap.push(Label { dist: -1.0, hops: 0, seq, node: 0 });
    let mut steps: Vec<(usize, f64, usize)> = Vec::new();
    while let Some(Label { dist: key, hops: h, node: label, .. }) = heap.pop() {
        let Some(&Record { state, .. }) = tree.records.get(label as usize) else { continue };
        let state = state as usize;
        if usize::from(settled[state]) >= limit {
            continue;
        }
        settled[state] += 1;
        if tree.first[state] == u32::MAX {
            tree.first[state] = label;
        }
        let (v, parity) = (state / 2, state % 2);
        steps.clear();
        for (flip, g) in [(0, &view.support), (1, &view.pressure)] {
            let weight = |a: usize| g.edge_weights(a).first().copied().unwrap_or(0.0);
            if reverse {
                steps.extend(g.in_arcs(v).map(|(u, a)| (u, weight(a), flip)));
            } else {
                steps.extend(g.arcs(v).map(|a| (g.target(a), weight(a), flip)));
            }
        }
        for &(w, s, flip) in &steps {
            let to = 2 * w + (parity ^ flip);
            if w == root || usize::from(settled[to]) >= limit || s <= 0.0 {
                continue;
            }
            // Only a node with a settled label can be on this path.
            if settled[2 * w] + settled[2 * w + 1] > 0 && tree.visits(label, w) {
                continue;
            }
            let alt = key * s;
            if limit == 1 && !(alt < best[to] || (alt == best[to] && h + 1 < hops[to])) {
                continue;
            }
            if alt < best[to] || (alt == best[to] && h + 1 < hops[to]) {
                (best[to], hops[to]) = (alt, h + 1);
            }
            seq += 1;
            tree.records.push(Record { state: to as u32, pred: label });
            heap.push(Label { dist: alt, hops: h + 1, seq, node: (tree.records.len() - 1) as u32 });
        }
    }
    tree
}

impl SignedTree {
    /// The path of a state's first label, in the direction influence flows.
    fn path(&self, view: &SidedView, _root: usize, state: usize, reverse: bool) -> Option<InfluencePath> {
        let mut at = *self.first.get(state)?;
        // States from `state` to the root's.
        let mut chain = Vec::new();
        while let Some(r) = self.records.get(at as usize) {
            chain.push(r.state as usize);
            at = r.pred;
        }
        if chain.len() < 2 {
            return None;
        }
        if !reverse {
            chain.reverse();
        }
        let (mut nodes, mut edges, mut steps, mut via) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut product = 1.0;
        nodes.push(NodeIndex::new(chain[0] / 2));
        for pair in chain.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let g = if a % 2 == b % 2 { &view.support } else { &view.pressure };
            let arc = g.find_arc(a / 2, b / 2)?;
            let s = g.edge_weights(arc).first().copied().unwrap_or(0.0);
            edges.push(EdgeIndex::new(g.edges(arc).first().copied().unwrap_or(0) as usize));
            via.push(g.edges(arc).get(1).map(|&e| EdgeIndex::new(e as usize)));
            steps.push(s);
            product *= s;
            nodes.push(NodeIndex::new(b / 2));
        }
        let sign = if state % 2 == 1 { Sign::Pressure } else { Sign::Support };
        Some(InfluencePath { path: Path { nodes, edges, cost: product }, steps, sign, via })
    }
}

/// One row of a two-sided ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The other actor (the influencer, or the influenced for [`Toward::From`]).
    pub node: NodeIndex,
    /// The stronger side's strength (strongest), or the walk sum relative to the largest
    /// (total), 0–1; on a dispute, the strength with which it backs its side.
    pub score: f64,
    /// The stance of the two sides (total: the walk sum's sign).
    pub stance: Stance,
    /// The two channels.
    pub sides: Sides,
    /// For [`Method::Total`]: the walk sum itself, signed.
    pub total: Option<f64>,
    /// Whether the actor is the target's own (or, ranking from a source, the source's own):
    /// a leader, official, ministry or force of it (see [`super::context::own_actors`]).
    pub internal: bool,
    /// When the channel runs first through an actor this one belongs to (Abe through Japan):
    /// that actor.
    pub through: Option<NodeIndex>,
    /// On a dispute: whether the actor is a claimant.
    pub claimant: bool,
    /// On a dispute: the claimant the actor backs (itself for a claimant).
    pub side: Option<NodeIndex>,
    /// On a dispute: the channel by which it backs its side.
    pub backing: Option<InfluencePath>,
}

impl Row {
    /// The channel printed for the row: on a dispute the backing one, else the stronger side.
    pub fn channel(&self) -> Option<&InfluencePath> {
        self.backing.as_ref().or_else(|| self.sides.stronger())
    }

    /// The group the row is listed in: 0 outside actors, 1 actors acting through their own
    /// state or body, 2 the target's own.
    pub fn group(&self) -> u8 {
        if self.claimant {
            0
        } else if self.internal {
            2
        } else if self.through.is_some() {
            1
        } else {
            0
        }
    }
}

/// Keeps the `n` first rows of each group (see [`Row::group`]), and every claimant.
pub fn keep_top(rows: &mut Vec<Row>, n: usize) {
    let mut seen = [0usize; 3];
    rows.retain(|r| {
        if r.claimant {
            return true;
        }
        let g = usize::from(r.group()).min(2);
        seen[g] += 1;
        seen[g] <= n
    });
}

/// A two-sided ranking, in listing order.
#[derive(Debug, Clone, PartialEq)]
pub struct SidedRanking {
    /// Rows: claimants first on a dispute; else outside actors, then those acting through
    /// their own state or body, then the target's own; each group by score descending, then
    /// node order.
    pub rows: Vec<Row>,
    /// For [`Method::Total`]: the attenuation β.
    pub attenuation: Option<f64>,
    /// For [`Method::Total`]: ρ(|A|).
    pub spectral_radius: Option<f64>,
    /// For [`Method::Total`]: the largest |walk sum|, which
    /// every score is divided by.
    pub scale: Option<f64>,
    /// Whether the rows are sides in a dispute.
    pub dispute: bool,
}

/// Whether the first step (`on`) or the last (`from`) of a channel is `v`'s membership tie
/// into an actor other than the root: that actor.
fn through(model: &Model, p: &InfluencePath, v: NodeIndex, on: bool) -> Option<NodeIndex> {
    let k = p.path.edges.len();
    let (step, other) = if on { (0, 1) } else { (k.checked_sub(1)?, k.checked_sub(1)?) };
    if p.via.get(step).is_some_and(Option::is_some) {
        return None;
    }
    let y = *p.path.nodes.get(other)?;
    let edge = *p.path.edges.get(step)?;
    let (from, to) = model.graph().edge_endpoints(edge)?;
    let kind = model.graph().edge_weight(edge)?.kind;
    let root = if on { p.path.nodes.last() } else { p.path.nodes.first() };
    (is_membership_tie(kind) && from == v && to == y && Some(&y) != root).then_some(y)
}

/// Ranks every other node by both sides of its influence on a target (or a source's on it),
/// over the sided view of `model`; `merged` (the one-arc channel view) is needed for
/// [`Method::Total`]. `actors_only` leaves out nodes that are not actors.
pub fn rank_sides(
    model: &Model,
    view: &SidedView,
    merged: Option<&GraphView>,
    toward: Toward,
    method: Method,
    actors_only: bool,
) -> Result<SidedRanking, InfluenceError> {
    let sides = both_sides(view, toward)?;
    let (root, on) = match toward {
        Toward::On(i) => (i, true),
        Toward::From(i) => (i, false),
    };
    let own = own_actors(model, root);
    let graph = model.graph();
    let keep = |v: usize| !actors_only || graph.node_weight(NodeIndex::new(v)).is_some_and(|n| is_actor(n.kind));
    let mut ranking =
        SidedRanking { rows: Vec::new(), attenuation: None, spectral_radius: None, scale: None, dispute: false };
    let mut totals: Vec<Option<f64>> = vec![None; sides.len()];
    if method == Method::Total {
        let merged = merged.ok_or(InfluenceError::UnknownNode { index: root.index() })?;
        let walk = rank(merged, toward, Method::Total)?;
        let scale = walk.rows.iter().filter(|r| keep(r.node.index())).map(|r| r.score).fold(0.0, f64::max);
        for r in &walk.rows {
            if let Some(t) = totals.get_mut(r.node.index()) {
                *t = Some(r.score * r.sign.value() as f64);
            }
        }
        (ranking.attenuation, ranking.spectral_radius, ranking.scale) =
            (walk.attenuation, walk.spectral_radius, Some(scale));
    }
    for (v, s) in sides.into_iter().enumerate() {
        if v == root.index() || !keep(v) || (s.support.is_none() && s.pressure.is_none() && totals[v].is_none()) {
            continue;
        }
        let node = NodeIndex::new(v);
        let (score, stance) = match (totals[v], ranking.scale) {
            (Some(t), Some(scale)) if scale > 0.0 => {
                (t.abs() / scale, if t < 0.0 { Stance::Pressure } else { Stance::Support })
            }
            (None, Some(_)) => continue,
            _ => (s.score(), s.stance()),
        };
        let through = s.stronger().and_then(|p| through(model, p, node, on));
        ranking.rows.push(Row {
            node,
            score,
            stance,
            total: totals[v],
            internal: own.get(v).copied().unwrap_or(false),
            through,
            claimant: false,
            side: None,
            backing: None,
            sides: s,
        });
    }
    sort(&mut ranking.rows);
    Ok(ranking)
}

fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| a.group().cmp(&b.group()).then(b.score.total_cmp(&a.score)).then(a.node.cmp(&b.node)));
}

/// Sides in a dispute (or over a disputed territory): the claimants, and for every other
/// actor the claimant it backs most strongly, by supporting that claimant or by pressing
/// another one, with the channel. `None` when the target has no claimants.
pub fn rank_dispute(
    model: &Model,
    view: &SidedView,
    target: NodeIndex,
) -> Result<Option<SidedRanking>, InfluenceError> {
    let claimants = claimants(model, target);
    if claimants.is_empty() {
        return Ok(None);
    }
    let on: Vec<Vec<Sides>> = claimants.iter().map(|&c| both_sides(view, Toward::On(c))).collect::<Result<_, _>>()?;
    let graph = model.graph();
    let mut rows = Vec::new();
    for v in graph.node_indices() {
        if v == target || !is_actor(graph[v].kind) {
            continue;
        }
        if claimants.contains(&v) {
            let sides = Sides::default();
            rows.push(Row {
                node: v,
                score: 1.0,
                stance: Stance::Support,
                sides,
                total: None,
                internal: false,
                through: None,
                claimant: true,
                side: Some(v),
                backing: None,
            });
            continue;
        }
        // For each claimant: the stronger of support to it and pressure on any other.
        let mut best: Option<(f64, usize, InfluencePath)> = None;
        for (i, _) in claimants.iter().enumerate() {
            let mut options: Vec<&InfluencePath> = on[i][v.index()].support.iter().collect();
            for (j, other) in on.iter().enumerate() {
                if j != i {
                    options.extend(other[v.index()].pressure.iter());
                }
            }
            for p in options {
                if best.as_ref().is_none_or(|(s, _, _)| p.strength() > *s) {
                    best = Some((p.strength(), i, p.clone()));
                }
            }
        }
        let Some((score, i, path)) = best else { continue };
        let side = claimants.get(i).copied();
        let stance = if path.sign == Sign::Support { Stance::Support } else { Stance::Pressure };
        let sides = on[i][v.index()].clone();
        rows.push(Row {
            node: v,
            score,
            stance,
            sides,
            total: None,
            internal: false,
            through: None,
            claimant: false,
            side,
            backing: Some(path),
        });
    }
    sort(&mut rows);
    Ok(Some(SidedRanking { rows, attenuation: None, spectral_radius: None, scale: None, dispute: true }))
}
