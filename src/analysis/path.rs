//! Paths between two nodes: fewest hops, shortest by weight, strongest, the k best, and
//! every simple path up to a length.
//!
//! Three ways to score a path ([`PathMode`]):
//! - **hops**: the number of ties (breadth-first search);
//! - **weighted**: the sum of the weights read as distances (Dijkstra, as NetworkX
//!   `shortest_path(weight="weight")`);
//! - **strongest**: the product of the weights, which must lie in (0, 1], maximised by
//!   Dijkstra on the product itself (multiplying, never taking logarithms, so that the
//!   interactive map's JavaScript computes the same bits); the reported cost is the product.
//!   On a model this is run over the influence channels ([`super::influence`]), where each
//!   arc's weight is the channel's strength.
//!
//! For each step the path reports one model edge of the merged arc: the first in file order
//! (hops), the lightest (weighted) or the heaviest (strongest). Ties between equally good
//! paths are broken deterministically: Dijkstra settles nodes in order of cost then
//! discovery, exploring neighbours by ascending node index; candidate paths of equal cost
//! are ordered by their node sequence.
//!
//! Constraints ([`PathQuery`]): `via` nodes the path must visit in the given order, and
//! `avoid` nodes / `avoid_kinds` node kinds it may not pass through (the two endpoints are
//! never avoided).

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::time::Instant;

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::view::GraphView;
use crate::model::{Model, NodeKind};

/// How a path is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum PathMode {
    /// Fewest ties.
    #[default]
    Hops,
    /// Least total weight, weights read as distances.
    Weighted,
    /// Greatest product of weights in (0, 1].
    Strongest,
}

/// Constraints on the paths searched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PathQuery {
    /// How paths are scored. Default: hops.
    pub mode: PathMode,
    /// Nodes the path must pass through, in this order.
    pub via: Vec<NodeIndex>,
    /// Nodes the path may not pass through.
    pub avoid: Vec<NodeIndex>,
    /// Node kinds the path may not pass through.
    pub avoid_kinds: Vec<NodeKind>,
}

impl PathQuery {
    /// A query scoring paths by `mode`, without constraints.
    pub fn new(mode: PathMode) -> Self {
        Self { mode, ..Self::default() }
    }

    /// Sets [`PathQuery::via`].
    pub fn with_via(mut self, via: Vec<NodeIndex>) -> Self {
        self.via = via;
        self
    }

    /// Sets [`PathQuery::avoid`].
    pub fn with_avoid(mut self, avoid: Vec<NodeIndex>) -> Self {
        self.avoid = avoid;
        self
    }

    /// Sets [`PathQuery::avoid_kinds`].
    pub fn with_avoid_kinds(mut self, kinds: Vec<NodeKind>) -> Self {
        self.avoid_kinds = kinds;
        self
    }
}

/// A path: its nodes, the model edge used at each step, and its cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// The nodes from source to target.
    pub nodes: Vec<NodeIndex>,
    /// For each step, the model edge taken (`edges.len() == nodes.len() − 1`).
    pub edges: Vec<EdgeIndex>,
    /// Hops, total distance, or product of weights, by [`PathMode`].
    pub cost: f64,
}

/// Simple paths listed up to a cap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SimplePaths {
    /// The paths, in depth-first order (neighbours by ascending node index).
    pub paths: Vec<Path>,
    /// Whether the cap cut the listing short.
    pub truncated: bool,
}

/// Why a path search cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// A node index is not in the graph.
    #[error("node index {index} is not in the graph")]
    UnknownNode {
        /// The index.
        index: usize,
    },
    /// A weight cannot be used in this mode (strongest needs (0, 1], weighted ≥ 0).
    #[error("edge {edge} has weight {weight}, which {mode:?} paths cannot use")]
    BadWeight {
        /// Model edge index.
        edge: usize,
        /// Its weight.
        weight: f64,
        /// The mode.
        mode: PathMode,
    },
}

/// A Dijkstra label: smallest cost first, then fewest hops, then insertion order (shared
/// with the influence rankings, so both break ties alike).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    pub(crate) dist: f64,
    pub(crate) hops: usize,
    pub(crate) seq: u64,
    pub(crate) node: u32,
}

impl PartialEq for Label {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Label {}

impl PartialOrd for Label {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Label {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Reversed: BinaryHeap is a max-heap.
        other.dist.total_cmp(&self.dist).then_with(|| other.hops.cmp(&self.hops)).then_with(|| other.seq.cmp(&self.seq))
    }
}

/// A prepared search: arc costs and the nodes that may not be crossed.
struct Search<'v> {
    view: &'v GraphView,
    mode: PathMode,
    blocked: Vec<bool>,
    via: Vec<usize>,
}

impl<'v> Search<'v> {
    fn new(model: &Model, view: &'v GraphView, from: usize, to: usize, query: &PathQuery) -> Result<Self, PathError> {
        let n = view.node_count();
        let named = query.via.iter().chain(&query.avoid).map(|v| v.index());
        for i in [from, to].into_iter().chain(named) {
            if i >= n {
                return Err(PathError::UnknownNode { index: i });
            }
        }
        for a in 0..view.arc_count() {
            for (&e, &w) in view.edges(a).iter().zip(view.edge_weights(a)) {
                let ok = match query.mode {
                    PathMode::Hops => true,
                    PathMode::Weighted => w >= 0.0,
                    PathMode::Strongest => w > 0.0 && w <= 1.0,
                };
                if !ok {
                    return Err(PathError::BadWeight { edge: e as usize, weight: w, mode: query.mode });
                }
            }
        }
        let mut blocked = vec![false; n];
        for v in &query.avoid {
            blocked[v.index()] = true;
        }
        if !query.avoid_kinds.is_empty() {
            for (i, node) in model.nodes().enumerate().take(n) {
                if query.avoid_kinds.contains(&node.kind) {
                    blocked[i] = true;
                }
            }
        }
        blocked[from] = false;
        blocked[to] = false;
        let via = query.via.iter().map(|v| v.index()).collect();
        Ok(Self { view, mode: query.mode, blocked, via })
    }

    /// The step cost of arc `a` and the model edge it stands for.
    fn step(&self, a: usize) -> (f64, u32) {
        let (edges, weights) = (self.view.edges(a), self.view.edge_weights(a));
        let pick = |better: fn(f64, f64) -> bool| {
            let mut best = 0;
            for k in 1..weights.len() {
                if better(weights[k], weights[best]) {
                    best = k;
                }
            }
            (weights.get(best).copied().unwrap_or(1.0), edges.get(best).copied().unwrap_or(0))
        };
        match self.mode {
            PathMode::Hops => (1.0, edges.first().copied().unwrap_or(0)),
            PathMode::Weighted => pick(|a, b| a < b),
            PathMode::Strongest => pick(|a, b| a > b),
        }
    }

    /// The cost of the empty path: 0, or −1 (minus the product) for strongest paths.
    fn origin(&self) -> f64 {
        if self.mode == PathMode::Strongest {
            -1.0
        } else {
            0.0
        }
    }

    /// Extends a path's cost by a step's: a sum, or for strongest paths minus the product
    /// (`-p × w`), which grows towards 0 as the path weakens, so Dijkstra stays exact.
    fn extend(&self, cost: f64, step: f64) -> f64 {
        if self.mode == PathMode::Strongest {
            cost * step
        } else {
            cost + step
        }
    }

    /// Cost of a node sequence as reported (product for strongest) and the internal cost
    /// used for ordering (minus the product for strongest); `None` if a step is not an arc.
    fn score(&self, nodes: &[u32]) -> Option<(f64, f64, Vec<EdgeIndex>)> {
        let mut total = self.origin();
        let mut edges = Vec::with_capacity(nodes.len().saturating_sub(1));
        for pair in nodes.windows(2) {
            let a = self.view.find_arc(pair[0] as usize, pair[1] as usize)?;
            let (c, e) = self.step(a);
            edges.push(EdgeIndex::new(e as usize));
            total = self.extend(total, c);
        }
        let reported = if self.mode == PathMode::Strongest { -total } else { total };
        Some((reported, total, edges))
    }

    fn to_path(&self, nodes: &[u32]) -> Option<(f64, Path)> {
        let (cost, key, edges) = self.score(nodes)?;
        let nodes = nodes.iter().map(|&v| NodeIndex::new(v as usize)).collect();
        Some((key, Path { nodes, edges, cost }))
    }

    /// Dijkstra from `s` to `t` not entering `blocked` nodes nor the `banned` arcs.
    ///
    /// Paths are compared by cost, then by number of hops, so among equally good paths
    /// (e.g. equally strong ones when every weight is 1) the shortest wins. Lexicographic
    /// (cost, hops) labels keep Dijkstra exact because both parts only grow along a path.
    fn dijkstra(&self, s: usize, t: usize, blocked: &[bool], banned: &BTreeSet<(u32, u32)>) -> Option<Vec<u32>> {
        let n = self.view.node_count();
        let mut dist = vec![f64::INFINITY; n];
        let mut hops = vec![usize::MAX; n];
        let mut pred = vec![u32::MAX; n];
        let mut done = vec![false; n];
        let mut heap = std::collections::BinaryHeap::new();
        let mut seq = 0;
        dist[s] = self.origin();
        hops[s] = 0;
        heap.push(Label { dist: self.origin(), hops: 0, seq, node: s as u32 });
        while let Some(Label { dist: d, hops: h, node: v, .. }) = heap.pop() {
            let v = v as usize;
            if done[v] {
                continue;
            }
            done[v] = true;
            if v == t {
                break;
            }
            for a in self.view.arcs(v) {
                let w = self.view.target(a);
                if done[w] || blocked[w] || banned.contains(&(v as u32, w as u32)) {
                    continue;
                }
                let alt = self.extend(d, self.step(a).0);
                if alt < dist[w] || (alt == dist[w] && h + 1 < hops[w]) {
                    dist[w] = alt;
                    hops[w] = h + 1;
                    pred[w] = v as u32;
                    seq += 1;
                    heap.push(Label { dist: alt, hops: h + 1, seq, node: w as u32 });
                }
            }
        }
        if !done[t] {
            return None;
        }
        let mut nodes = vec![t as u32];
        let mut v = t;
        while v != s {
            v = *pred.get(v)? as usize;
            nodes.push(v as u32);
        }
        nodes.reverse();
        Some(nodes)
    }

    /// Best path from `s` to `t` through `via` in order: each leg is the best path that
    /// avoids the nodes of the earlier legs (greedy; exact when legs do not compete).
    fn best(
        &self,
        s: usize,
        t: usize,
        via: &[usize],
        blocked: &[bool],
        banned: &BTreeSet<(u32, u32)>,
    ) -> Option<Vec<u32>> {
        let mut blocked = blocked.to_vec();
        let mut nodes = vec![s as u32];
        let mut at = s;
        for (i, &next) in via.iter().chain(std::iter::once(&t)).enumerate() {
            if next == at {
                continue;
            }
            // Later waypoints and the target may not be crossed by an earlier leg.
            let mut leg_blocked = blocked.clone();
            for &later in via.iter().skip(i + 1).chain(std::iter::once(&t)) {
                if later != next {
                    leg_blocked[later] = true;
                }
            }
            let banned_here = if i == 0 { banned.clone() } else { BTreeSet::new() };
            let leg = self.dijkstra(at, next, &leg_blocked, &banned_here)?;
            for &v in &leg {
                blocked[v as usize] = true;
            }
            nodes.extend_from_slice(&leg[1..]);
            at = next;
        }
        Some(nodes)
    }
}

/// The best path from `from` to `to` under `query`, or `None` if there is none.
///
/// Breadth-first order (hops) or Dijkstra (weighted, strongest): O(|E| + |V| log |V|) per
/// leg. References: Dijkstra 1959; strongest paths maximise a product of factors in (0, 1],
/// which Dijkstra handles because a path's product never grows as it extends.
pub fn shortest_path(
    model: &Model,
    view: &GraphView,
    from: NodeIndex,
    to: NodeIndex,
    query: &PathQuery,
) -> Result<Option<Path>, PathError> {
    Ok(k_shortest_paths(model, view, from, to, 1, query)?.into_iter().next())
}

/// The `k` best loopless paths from `from` to `to`, best first (non-decreasing hops or
/// distance, non-increasing product for strongest), without repeats.
///
/// Yen's algorithm: each new path deviates from an earlier one at a spur node, the
/// rest found by Dijkstra with the earlier paths' next arcs removed. O(k |V| (|E| + |V| log
/// |V|)). Reference: Yen 1971, "Finding the k shortest loopless paths in a network".
pub fn k_shortest_paths(
    model: &Model,
    view: &GraphView,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    query: &PathQuery,
) -> Result<Vec<Path>, PathError> {
    let (s, t) = (from.index(), to.index());
    let search = Search::new(model, view, s, t, query)?;
    let mut found: Vec<Vec<u32>> = Vec::new();
    let mut out = Vec::new();
    if k == 0 {
        return Ok(out);
    }
    let Some(first) = search.best(s, t, &search.via, &search.blocked, &BTreeSet::new()) else {
        return Ok(out);
    };
    // Candidates ordered by internal cost, then hops, then node sequence.
    let mut candidates: Vec<(f64, Vec<u32>)> = Vec::new();
    found.push(first);
    while found.len() < k {
        let prev = found.last().cloned().unwrap_or_default();
        for i in 0..prev.len().saturating_sub(1) {
            let spur = prev[i] as usize;
            let root = &prev[..=i];
            let mut banned = BTreeSet::new();
            for p in &found {
                if p.len() > i + 1 && &p[..=i] == root {
                    banned.insert((p[i], p[i + 1]));
                }
            }
            let mut blocked = search.blocked.clone();
            for &r in &root[..i] {
                blocked[r as usize] = true;
            }
            // Waypoints already visited by the root, in order.
            let mut passed = 0;
            for &r in root {
                if search.via.get(passed) == Some(&(r as usize)) {
                    passed += 1;
                }
            }
            let Some(tail) = search.best(spur, t, &search.via[passed..], &blocked, &banned) else {
                continue;
            };
            let mut nodes = root[..i].to_vec();
            nodes.extend(tail);
            if found.contains(&nodes) || candidates.iter().any(|(_, c)| *c == nodes) {
                continue;
            }
            if let Some((key, _)) = search.to_path(&nodes) {
                candidates.push((key, nodes));
            }
        }
        if candidates.is_empty() {
            break;
        }
        let best = (0..candidates.len())
            .min_by(|&a, &b| {
                candidates[a]
                    .0
                    .total_cmp(&candidates[b].0)
                    .then_with(|| candidates[a].1.len().cmp(&candidates[b].1.len()))
                    .then_with(|| candidates[a].1.cmp(&candidates[b].1))
            })
            .unwrap_or(0);
        found.push(candidates.swap_remove(best).1);
    }
    for nodes in &found {
        if let Some((_, path)) = search.to_path(nodes) {
            out.push(path);
        }
    }
    Ok(out)
}

/// Every simple path from `from` to `to` with at most `max_hops` ties, passing the `via`
/// nodes in order and avoiding the avoided ones, listed depth-first (neighbours by
/// ascending index) up to `limit` paths; `truncated` says whether more exist. Collects the
/// paths: for listings too long to hold, stream them with [`each_simple_path`].
///
/// O(number of partial paths explored), exponential in `max_hops` in the worst case.
/// Reference: Sedgewick 2001, *Algorithms in C, Part 5*, §17.7 (path enumeration by DFS).
pub fn all_simple_paths(
    model: &Model,
    view: &GraphView,
    from: NodeIndex,
    to: NodeIndex,
    max_hops: usize,
    limit: usize,
    query: &PathQuery,
) -> Result<SimplePaths, PathError> {
    let mut out = SimplePaths::default();
    let walk = Walk { from, to, max_hops, deadline: None };
    let stop = each_simple_path(model, view, &walk, query, |path| {
        if out.paths.len() == limit {
            return ControlFlow::Break(());
        }
        out.paths.push(path);
        ControlFlow::Continue(())
    })?;
    out.truncated = stop == Stop::Visitor;
    Ok(out)
}

/// Where a listing of simple paths runs and how long it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    /// The first node.
    pub from: NodeIndex,
    /// The last node.
    pub to: NodeIndex,
    /// The most ties a path may have.
    pub max_hops: usize,
    /// When to give up, if ever.
    pub deadline: Option<Instant>,
}

/// Why a listing of paths ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Every path was listed.
    Exhausted,
    /// The visitor asked to stop.
    Visitor,
    /// The deadline passed.
    Deadline,
}

/// Calls `visit` with every simple path of the [`Walk`] in the order of
/// [`all_simple_paths`], as it is found, holding only the path being extended (memory
/// O(|V| + max_hops), whatever the number of paths), until the paths run out, `visit`
/// breaks, or the deadline passes (checked every 1,024 steps).
///
/// O(number of partial paths explored), exponential in `max_hops` in the worst case.
pub fn each_simple_path(
    model: &Model,
    view: &GraphView,
    walk: &Walk,
    query: &PathQuery,
    mut visit: impl FnMut(Path) -> ControlFlow<()>,
) -> Result<Stop, PathError> {
    let (s, t) = (walk.from.index(), walk.to.index());
    let search = Search::new(model, view, s, t, query)?;
    let mut on_path = vec![false; view.node_count()];
    let mut stack: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    if s != t {
        on_path[s] = true;
        stack.push((s as u32, view.arcs(s)));
    }
    let mut steps = 0u32;
    while let Some((v, arcs)) = stack.last_mut() {
        steps = steps.wrapping_add(1);
        if steps % 1024 == 0 && walk.deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Stop::Deadline);
        }
        let v = *v;
        let Some(a) = arcs.next() else {
            on_path[v as usize] = false;
            stack.pop();
            continue;
        };
        let w = view.target(a);
        if on_path[w] || search.blocked[w] {
            continue;
        }
        if w == t {
            let nodes: Vec<u32> = stack.iter().map(|(x, _)| *x).chain(std::iter::once(w as u32)).collect();
            let mut passed = 0;
            for &x in &nodes {
                if search.via.get(passed) == Some(&(x as usize)) {
                    passed += 1;
                }
            }
            if passed == search.via.len() {
                if let Some((_, p)) = search.to_path(&nodes) {
                    if visit(p).is_break() {
                        return Ok(Stop::Visitor);
                    }
                }
            }
            continue;
        }
        if stack.len() < walk.max_hops {
            on_path[w] = true;
            stack.push((w as u32, view.arcs(w)));
        }
    }
    Ok(Stop::Exhausted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::ViewOptions;
    use crate::model::{Edge, EdgeKind, Node};

    /// a–b–d and a–c–d, plus a direct a–d tie; weights make each mode pick differently.
    fn diamond() -> Model {
        let mut m = Model::new("d");
        for id in ["a", "b", "c", "d"] {
            let kind = if id == "c" { NodeKind::Organization } else { NodeKind::Country };
            m.add_node(Node::new(id, kind, id)).unwrap();
        }
        for (f, t, w) in
            [("a", "b", 0.9), ("b", "d", 0.9), ("a", "c", 0.2), ("c", "d", 0.2), ("a", "d", 0.5), ("a", "d", 1.0)]
        {
            let mut e = Edge::new(f, t, EdgeKind::Supports);
            e.weight = Some(w);
            m.add_edge(e).unwrap();
        }
        m
    }

    fn ids(m: &Model, p: &Path) -> Vec<String> {
        p.nodes.iter().map(|&i| m.graph()[i].id.clone()).collect()
    }

    #[test]
    fn each_mode_finds_its_own_best_path_and_reports_the_right_edge() {
        let m = diamond();
        let v = GraphView::new(&m, &ViewOptions::undirected());
        let (a, d) = (m.index_of("a").unwrap(), m.index_of("d").unwrap());
        let hops = shortest_path(&m, &v, a, d, &PathQuery::new(PathMode::Hops)).unwrap().unwrap();
        assert_eq!((ids(&m, &hops), hops.cost, hops.edges[0].index()), (vec!["a".into(), "d".into()], 1.0, 4));
        let w = shortest_path(&m, &v, a, d, &PathQuery::new(PathMode::Weighted)).unwrap().unwrap();
        assert_eq!(ids(&m, &w), vec!["a", "c", "d"]);
        assert!((w.cost - 0.4).abs() < 1e-12);
        let s = shortest_path(&m, &v, a, d, &PathQuery::new(PathMode::Strongest)).unwrap().unwrap();
        assert_eq!((ids(&m, &s), s.cost, s.edges[0].index()), (vec!["a".into(), "d".into()], 1.0, 5));
    }

    #[test]
    fn k_shortest_lists_all_three_paths_in_order_and_constraints_apply() {
        let m = diamond();
        let v = GraphView::new(&m, &ViewOptions::undirected());
        let (a, b, c, d) = (NodeIndex::new(0), NodeIndex::new(1), NodeIndex::new(2), NodeIndex::new(3));
        let k = k_shortest_paths(&m, &v, a, d, 10, &PathQuery::new(PathMode::Weighted)).unwrap();
        let costs: Vec<f64> = k.iter().map(|p| (p.cost * 1e9).round() / 1e9).collect();
        assert_eq!(costs, vec![0.4, 0.5, 1.8]);
        let via = PathQuery::new(PathMode::Weighted).with_via(vec![b]);
        assert_eq!(ids(&m, &shortest_path(&m, &v, a, d, &via).unwrap().unwrap()), vec!["a", "b", "d"]);
        let avoid = PathQuery::new(PathMode::Weighted).with_avoid_kinds(vec![NodeKind::Organization]);
        assert_eq!(ids(&m, &shortest_path(&m, &v, a, d, &avoid).unwrap().unwrap()), vec!["a", "d"]);
        let avoid = PathQuery::new(PathMode::Hops).with_avoid(vec![b, c]);
        assert_eq!(k_shortest_paths(&m, &v, a, d, 5, &avoid).unwrap().len(), 1);
    }

    #[test]
    fn simple_paths_respect_hops_and_limit() {
        let m = diamond();
        let v = GraphView::new(&m, &ViewOptions::undirected());
        let (a, d) = (NodeIndex::new(0), NodeIndex::new(3));
        let q = PathQuery::default();
        let all = all_simple_paths(&m, &v, a, d, 2, 10, &q).unwrap();
        assert_eq!((all.paths.len(), all.truncated), (3, false));
        assert_eq!(all_simple_paths(&m, &v, a, d, 1, 10, &q).unwrap().paths.len(), 1);
        let cut = all_simple_paths(&m, &v, a, d, 3, 2, &q).unwrap();
        assert_eq!((cut.paths.len(), cut.truncated), (2, true));
    }

    #[test]
    fn bad_input_is_an_error_and_unreachable_is_none() {
        let mut m = diamond();
        m.add_node(Node::new("z", NodeKind::Country, "z")).unwrap();
        let mut heavy = Edge::new("a", "b", EdgeKind::Supports);
        heavy.weight = Some(3.0);
        m.add_edge(heavy).unwrap();
        let v = GraphView::new(&m, &ViewOptions::directed());
        let (a, z) = (NodeIndex::new(0), NodeIndex::new(4));
        assert_eq!(shortest_path(&m, &v, a, z, &PathQuery::default()).unwrap(), None);
        assert!(matches!(
            shortest_path(&m, &v, a, NodeIndex::new(99), &PathQuery::default()),
            Err(PathError::UnknownNode { index: 99 })
        ));
        assert!(matches!(
            shortest_path(&m, &v, a, z, &PathQuery::new(PathMode::Strongest)),
            Err(PathError::BadWeight { edge: 6, .. })
        ));
        let same = shortest_path(&m, &v, a, a, &PathQuery::default()).unwrap().unwrap();
        assert_eq!((same.nodes.len(), same.cost), (1, 0.0));
    }
}
