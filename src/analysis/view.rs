//! A compact, read-only view of a model's graph for the analyses.
//!
//! [`GraphView`] is built once from a [`Model`] and stores its adjacency in compressed
//! sparse row form: contiguous arrays indexed by `u32`, node order = model order, and each
//! node's arcs sorted by target index (so every traversal is deterministic).
//!
//! - **Undirected** (the default): every edge is read both ways.
//! - **Directed**: edges follow their direction; edges of a symmetric kind
//!   ([`EdgeKind::is_symmetric`](crate::model::EdgeKind::is_symmetric)) are read both ways,
//!   unless [`ViewOptions::strict_direction`] is set (for plain edge lists, whose generic
//!   `related_to` kind is symmetric by schema but whose lines are directed arcs).
//!
//! Parallel edges between the same ordered pair (after direction handling) merge into one
//! *arc*, as in NetworkX's `Graph`/`DiGraph`. An arc remembers the model edges it came from
//! (in file order) and merges their weights two ways: as a **distance** it takes the
//! minimum weight (the shortest of the parallel ties), as a **strength** the sum (the
//! parallel ties add up). Its **sign** is +1 if all its edges are cooperative, −1 if all are
//! conflictual, 0 otherwise. A self-loop is one arc from a node to itself, stored once, as
//! in NetworkX (it adds 2 to an undirected degree).
//!
//! Weights and signs cost memory only when they say something: a view whose ties all
//! weigh 1 and never merge stores no weights ([`GraphView::is_unit`]), and one whose
//! ties are all neutral stores no signs, so a plain edge list of 10^7 ties stays lean.
//! [`GraphView::from_edge_list`] builds the view of an edge list without a [`Model`].

use std::ops::Range;

use crate::io::edgelist::EdgeList;
use crate::model::{Model, Polarity};

/// How a [`GraphView`] reads edge direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewOptions {
    /// Follow edge direction (symmetric kinds still count both ways). Default: `false`.
    pub directed: bool,
    /// With `directed`, follow every edge only in its stated direction, even edges of a
    /// symmetric kind. Default: `false`.
    pub strict_direction: bool,
}

impl ViewOptions {
    /// Undirected: every edge counts both ways.
    pub fn undirected() -> Self {
        Self::default()
    }

    /// Directed: edges follow their direction, symmetric kinds count both ways.
    pub fn directed() -> Self {
        Self { directed: true, strict_direction: false }
    }

    /// Sets [`ViewOptions::strict_direction`].
    pub fn with_strict_direction(mut self, strict: bool) -> Self {
        self.strict_direction = strict;
        self
    }
}

/// A ready-made arc for [`GraphView::from_arcs`]: tail, head, sign, and the model edges it
/// stands for with their weights.
pub type ArcSpec = (u32, u32, i8, Vec<(u32, f64)>);

/// A compact CSR adjacency built from a [`Model`]; see the [module docs](self).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphView {
    directed: bool,
    /// `offsets[u]..offsets[u + 1]` are the arcs leaving `u`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
    distance: Vec<f64>,
    strength: Vec<f64>,
    sign: Vec<i8>,
    /// `edge_offsets[a]..edge_offsets[a + 1]` index `edges`/`edge_weights` for arc `a`.
    edge_offsets: Vec<u32>,
    edges: Vec<u32>,
    edge_weights: Vec<f64>,
    /// Incoming adjacency: `in_offsets[v]..in_offsets[v + 1]` index `in_arcs`, the arcs
    /// entering `v`, sorted by source.
    in_offsets: Vec<u32>,
    in_arcs: Vec<u32>,
    sources: Vec<u32>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One tie for the builder: tail, head, weight, polarity sign, and whether it counts both ways.
type Tie = (u32, u32, f64, i8, bool);

/// The weight of every arc when a view stores none (see [`GraphView::is_unit`]).
static ONE: [f64; 1] = [1.0];

impl GraphView {
    /// Builds the view. Cost O(|V| + |E| log Δ), Δ the largest degree.
    pub fn new(model: &Model, options: &ViewOptions) -> Self {
        let graph = model.graph();
        let edges = graph.raw_edges();
        let unit = edges.iter().all(|e| e.weight.weight() == 1.0);
        let neutral = edges.iter().all(|e| e.weight.polarity().sign() == 0);
        Self::build(graph.node_count(), options.directed, edges.len(), unit, neutral, |i| {
            let e = &edges[i];
            let edge = &e.weight;
            let both = !options.directed || (!options.strict_direction && edge.kind.is_symmetric());
            (to_u32(e.source().index()), to_u32(e.target().index()), edge.weight(), edge.polarity().sign(), both)
        })
    }

    /// Builds the view of a plain edge list straight from its index pairs, without a
    /// [`Model`]: the same view as [`GraphView::new`] on [`EdgeList::to_model`]
    /// (every tie `related_to`, neutral, symmetric by schema). Cost O(|V| + |E| log Δ).
    pub fn from_edge_list(list: &EdgeList, options: &ViewOptions) -> Self {
        let both = !options.directed || !options.strict_direction;
        let unit = (0..list.edge_count()).all(|i| list.weight(i).is_none_or(|w| w == 1.0));
        Self::build(list.node_count(), options.directed, list.edge_count(), unit, true, |i| {
            let (a, b) = list.ends(i);
            (a, b, list.weight(i).unwrap_or(1.0), 0, both)
        })
    }

    /// The shared builder: ties are bucketed by tail (a counting sort, 8 bytes a slot), each
    /// bucket sorted by (head, tie), and runs of one head merged into an arc. With `unit`
    /// (every weight 1) weights are stored only once an arc merges several ties; with
    /// `neutral` (every sign 0) signs are not stored.
    fn build(n: usize, directed: bool, m: usize, unit: bool, neutral: bool, tie: impl Fn(usize) -> Tie) -> Self {
        let mut start = vec![0u32; n + 1];
        for i in 0..m {
            let (a, b, _, _, both) = tie(i);
            start[a as usize + 1] += 1;
            if both && a != b {
                start[b as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut slots = vec![0u64; start[n] as usize];
        let mut place = |tail: u32, head: u32, i: usize| {
            let at = &mut fill[tail as usize];
            slots[*at as usize] = (u64::from(head) << 32) | i as u64;
            *at += 1;
        };
        for i in 0..m {
            let (a, b, _, _, both) = tie(i);
            place(a, b, i);
            if both && a != b {
                place(b, a, i);
            }
        }
        drop(fill);
        let mut view = GraphView { directed, ..Self::default() };
        view.offsets = Vec::with_capacity(n + 1);
        view.offsets.push(0);
        view.targets.reserve(slots.len());
        view.edges.reserve(slots.len());
        let mut weighted = !unit;
        if weighted {
            view.edge_offsets.push(0);
        }
        for u in 0..n {
            let bucket = &mut slots[start[u] as usize..start[u + 1] as usize];
            bucket.sort_unstable();
            let mut j = 0;
            while j < bucket.len() {
                let head = (bucket[j] >> 32) as u32;
                let first = j;
                let (mut min, mut sum, mut pos, mut neg) = (f64::INFINITY, 0.0, true, true);
                while j < bucket.len() && (bucket[j] >> 32) as u32 == head {
                    let i = (bucket[j] & 0xFFFF_FFFF) as usize;
                    let (_, _, w, sign, _) = tie(i);
                    view.edges.push(i as u32);
                    min = min.min(w);
                    sum += w;
                    pos &= sign == 1;
                    neg &= sign == -1;
                    j += 1;
                }
                if !weighted && j - first > 1 {
                    // The first merged arc: from here on, store weights (all 1 so far).
                    weighted = true;
                    let arcs = view.targets.len();
                    view.distance = vec![1.0; arcs];
                    view.strength = vec![1.0; arcs];
                    view.edge_offsets = (0..=to_u32(arcs)).collect();
                    view.edge_weights = vec![1.0; arcs];
                }
                if weighted {
                    view.distance.push(min);
                    view.strength.push(sum);
                    for &slot in &bucket[first..j] {
                        view.edge_weights.push(tie((slot & 0xFFFF_FFFF) as usize).2);
                    }
                    view.edge_offsets.push(to_u32(view.edges.len()));
                }
                if !neutral {
                    view.sign.push(if pos {
                        1
                    } else if neg {
                        -1
                    } else {
                        0
                    });
                }
                view.targets.push(head);
            }
            view.offsets.push(to_u32(view.targets.len()));
        }
        drop(slots);
        view.incoming(n);
        view
    }

    /// A directed view from ready-made arcs: `(tail, head, sign, [(model edge, weight)…])`,
    /// one per ordered pair (later duplicates of a pair are merged into the first). Used for
    /// derived graphs such as the influence channels. Arcs naming nodes at or above
    /// `node_count` are ignored.
    pub fn from_arcs(node_count: usize, mut arcs: Vec<ArcSpec>) -> Self {
        arcs.retain(|a| (a.0 as usize) < node_count && (a.1 as usize) < node_count);
        arcs.sort_by_key(|a| (a.0, a.1));
        let mut view = GraphView { directed: true, ..Self::default() };
        view.offsets = vec![0; node_count + 1];
        view.edge_offsets.push(0);
        let mut last: Option<(u32, u32)> = None;
        for (u, v, sign, edges) in arcs {
            if last == Some((u, v)) {
                continue;
            }
            last = Some((u, v));
            let (mut min, mut sum) = (f64::INFINITY, 0.0);
            for &(e, w) in &edges {
                view.edges.push(e);
                view.edge_weights.push(w);
                min = min.min(w);
                sum += w;
            }
            view.targets.push(v);
            view.distance.push(min);
            view.strength.push(sum);
            view.sign.push(sign);
            view.edge_offsets.push(to_u32(view.edges.len()));
            if let Some(o) = view.offsets.get_mut(u as usize + 1) {
                *o += 1;
            }
        }
        view.finish(node_count);
        view
    }

    /// Prefix sums of the out-degrees and the incoming adjacency.
    fn finish(&mut self, n: usize) {
        for k in 1..self.offsets.len() {
            self.offsets[k] += self.offsets[k - 1];
        }
        self.incoming(n);
    }

    /// The incoming adjacency, sorted by source because arcs are sorted by tail.
    fn incoming(&mut self, n: usize) {
        let mut counts = vec![0u32; n + 1];
        for &t in &self.targets {
            counts[t as usize + 1] += 1;
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        self.in_offsets = counts.clone();
        self.in_arcs = vec![0; self.targets.len()];
        self.sources = vec![0; self.targets.len()];
        for u in 0..n {
            for a in self.arcs(u) {
                let t = self.targets[a] as usize;
                let slot = counts[t] as usize;
                self.in_arcs[slot] = to_u32(a);
                self.sources[slot] = to_u32(u);
                counts[t] += 1;
            }
        }
    }

    /// Whether the view follows edge direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Number of nodes |V|.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of arcs (an undirected tie between two nodes counts twice).
    pub fn arc_count(&self) -> usize {
        self.targets.len()
    }

    /// The arcs leaving `u`, as a range of arc ids (empty for an unknown node).
    pub fn arcs(&self, u: usize) -> Range<usize> {
        match (self.offsets.get(u), self.offsets.get(u + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// The nodes `u` has an arc to, ascending.
    pub fn neighbors(&self, u: usize) -> &[u32] {
        &self.targets[self.arcs(u)]
    }

    /// The arcs entering `v`, as (source, arc id) pairs, sources ascending.
    pub fn in_arcs(&self, v: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let range = match (self.in_offsets.get(v), self.in_offsets.get(v + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        range.map(move |k| (self.sources[k] as usize, self.in_arcs[k] as usize))
    }

    /// Number of arcs leaving `u`.
    pub fn out_degree(&self, u: usize) -> usize {
        self.arcs(u).len()
    }

    /// Number of arcs entering `v`.
    pub fn in_degree(&self, v: usize) -> usize {
        match (self.in_offsets.get(v), self.in_offsets.get(v + 1)) {
            (Some(&a), Some(&b)) => (b - a) as usize,
            _ => 0,
        }
    }

    /// The head of arc `a`.
    ///
    /// Arc ids come from [`GraphView::arcs`]/[`GraphView::in_arcs`]; like slice indexing,
    /// this panics if `a` is not below [`GraphView::arc_count`].
    pub fn target(&self, a: usize) -> usize {
        self.targets[a] as usize
    }

    /// The arc's weight read as a distance: the minimum weight of its edges.
    ///
    /// Arc ids come from [`GraphView::arcs`]/[`GraphView::in_arcs`]; like slice indexing,
    /// this panics if `a` is not below [`GraphView::arc_count`].
    pub fn distance(&self, a: usize) -> f64 {
        if self.is_unit() {
            return self.unit_arc(a);
        }
        self.distance[a]
    }

    /// The arc's weight read as a strength: the sum of the weights of its edges.
    ///
    /// Arc ids come from [`GraphView::arcs`]/[`GraphView::in_arcs`]; like slice indexing,
    /// this panics if `a` is not below [`GraphView::arc_count`].
    pub fn strength(&self, a: usize) -> f64 {
        if self.is_unit() {
            return self.unit_arc(a);
        }
        self.strength[a]
    }

    /// 1 for an arc of a unit view, with the same bounds check as the stored arrays.
    fn unit_arc(&self, a: usize) -> f64 {
        assert!(a < self.targets.len(), "arc {a} out of range");
        1.0
    }

    /// +1 if all the arc's edges are cooperative, −1 if all are conflictual, else 0.
    ///
    /// Arc ids come from [`GraphView::arcs`]/[`GraphView::in_arcs`]; like slice indexing,
    /// this panics if `a` is not below [`GraphView::arc_count`].
    pub fn sign(&self, a: usize) -> i8 {
        if self.sign.is_empty() {
            assert!(a < self.targets.len(), "arc {a} out of range");
            return 0;
        }
        self.sign[a]
    }

    /// The model edge indices the arc was merged from, in file order.
    pub fn edges(&self, a: usize) -> &[u32] {
        &self.edges[self.edge_range(a)]
    }

    /// The weights of [`GraphView::edges`], in the same order.
    pub fn edge_weights(&self, a: usize) -> &[f64] {
        if self.is_unit() {
            return if a < self.targets.len() { &ONE } else { &[] };
        }
        &self.edge_weights[self.edge_range(a)]
    }

    fn edge_range(&self, a: usize) -> Range<usize> {
        if self.is_unit() {
            return if a < self.targets.len() { a..a + 1 } else { 0..0 };
        }
        match (self.edge_offsets.get(a), self.edge_offsets.get(a + 1)) {
            (Some(&x), Some(&y)) => x as usize..y as usize,
            _ => 0..0,
        }
    }

    /// The arc from `u` to `v`, if any. O(log deg u).
    pub fn find_arc(&self, u: usize, v: usize) -> Option<usize> {
        let range = self.arcs(u);
        let start = range.start;
        self.targets[range].binary_search(&to_u32(v)).ok().map(|k| start + k)
    }

    /// Whether `u` is a node of the view.
    pub fn contains(&self, u: usize) -> bool {
        u < self.node_count()
    }

    /// The outgoing adjacency as flat arrays: `offsets[u]..offsets[u + 1]` index `targets`
    /// (arc ids, so [`GraphView::distance`] and friends apply to them).
    pub fn out_adjacency(&self) -> (&[u32], &[u32]) {
        (&self.offsets, &self.targets)
    }

    /// Every arc's distance, by arc id; empty when every arc has distance and strength 1
    /// (see [`GraphView::is_unit`]).
    pub fn distances(&self) -> &[f64] {
        &self.distance
    }

    /// Every arc's strength, by arc id; empty when [`GraphView::is_unit`].
    pub fn strengths(&self) -> &[f64] {
        &self.strength
    }

    /// Whether every arc stands for one edge of weight 1, so every distance and strength
    /// is 1 (the view then stores no weights at all).
    pub fn is_unit(&self) -> bool {
        self.distance.len() != self.targets.len()
    }

    /// The incoming adjacency as flat arrays: `offsets[v]..offsets[v + 1]` index
    /// `sources`, the tails of the arcs entering `v` (ascending), and `arcs`, their arc ids.
    pub fn in_adjacency(&self) -> (&[u32], &[u32], &[u32]) {
        (&self.in_offsets, &self.sources, &self.in_arcs)
    }
}

/// The polarity an arc sign stands for: +1 cooperative, −1 conflictual, 0 neutral.
pub fn sign_polarity(sign: i8) -> Polarity {
    match sign {
        1 => Polarity::Cooperative,
        -1 => Polarity::Conflictual,
        _ => Polarity::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    fn model(edges: &[(&str, &str, EdgeKind, f64)]) -> Model {
        let mut m = Model::new("t");
        for id in ["a", "b", "c"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        for &(f, t, k, w) in edges {
            let mut e = Edge::new(f, t, k);
            e.weight = Some(w);
            m.add_edge(e).unwrap();
        }
        m
    }

    #[test]
    fn parallel_edges_merge_into_one_arc_with_min_distance_and_summed_strength() {
        let m = model(&[
            ("a", "b", EdgeKind::Sanctions, 0.5),
            ("b", "a", EdgeKind::Condemns, 0.25),
            ("a", "c", EdgeKind::Supports, 1.0),
        ]);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(v.neighbors(0), &[1, 2]);
        let ab = v.find_arc(0, 1).unwrap();
        assert_eq!(v.edges(ab), &[0, 1]);
        assert_eq!(v.distance(ab), 0.25);
        assert_eq!(v.strength(ab), 0.75);
        assert_eq!(v.sign(ab), -1);
        assert_eq!(v.in_arcs(0).map(|(s, _)| s).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn directed_view_follows_direction_but_symmetric_kinds_count_both_ways() {
        let m = model(&[("a", "b", EdgeKind::Sanctions, 1.0), ("b", "c", EdgeKind::AlliedWith, 1.0)]);
        let v = GraphView::new(&m, &ViewOptions::directed());
        assert_eq!(v.neighbors(0), &[1]);
        assert_eq!(v.neighbors(1), &[2]);
        assert_eq!(v.neighbors(2), &[1]);
        let strict = GraphView::new(&m, &ViewOptions::directed().with_strict_direction(true));
        assert!(strict.neighbors(2).is_empty());
        assert_eq!(strict.in_degree(2), 1);
    }

    #[test]
    fn an_edge_list_view_equals_the_view_of_its_model() {
        let path = std::path::Path::new("g.tsv");
        for text in ["a\tb\nb\tc\nc\ta\nd\td\n", "a\tb\t2\nb\ta\nb\tc\na\tb\n", "a\tb\na\tb\nc\ta\n"] {
            let list = crate::io::edgelist::parse_list(text, path).unwrap();
            let model = list.to_model();
            for options in [
                ViewOptions::undirected(),
                ViewOptions::directed(),
                ViewOptions::directed().with_strict_direction(true),
            ] {
                let lean = GraphView::from_edge_list(&list, &options);
                assert_eq!(lean, GraphView::new(&model, &options), "{text:?} {options:?}");
            }
        }
        let unit = GraphView::new(
            &crate::io::edgelist::parse_list("a\tb\n", path).unwrap().to_model(),
            &ViewOptions::undirected(),
        );
        assert!(unit.is_unit() && unit.distances().is_empty());
        assert_eq!((unit.distance(0), unit.strength(1), unit.edge_weights(0), unit.sign(0)), (1.0, 1.0, &[1.0][..], 0));
        let merged = GraphView::new(
            &crate::io::edgelist::parse_list("a\tb\nb\ta\n", path).unwrap().to_model(),
            &ViewOptions::undirected(),
        );
        assert!(!merged.is_unit());
        assert_eq!((merged.strength(0), merged.edge_weights(0)), (2.0, &[1.0, 1.0][..]));
    }

    #[test]
    fn mixed_signs_make_a_neutral_arc_and_bad_indices_are_empty() {
        let m = model(&[("a", "b", EdgeKind::Sanctions, 1.0), ("a", "b", EdgeKind::Supports, 1.0)]);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(v.sign(v.find_arc(0, 1).unwrap()), 0);
        assert!(v.arcs(99).is_empty());
        assert_eq!(v.in_arcs(99).count(), 0);
        assert_eq!(sign_polarity(-1), Polarity::Conflictual);
    }
}
