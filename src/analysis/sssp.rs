//! Shortest-path kernels shared by the centralities, on flat arrays only.
//!
//! - [`Brandes`]: unweighted shortest-path counts and dependencies from one source, on one
//!   array of 16-byte slots (level and σ side by side, σ replaced by (1 + δ)/σ in the
//!   backward pass) with branch-free inner loops. The forward pass is direction-optimizing:
//!   each level is found top-down or bottom-up, whichever scans fewer arcs. No
//!   predecessor lists: the DAG's arcs are appended to two flat arrays as they are found,
//!   and the backward pass reads only those.
//! - [`Dijkstra`]: the same on arc distances, with a bucket queue when every length is a
//!   small whole number and a binary heap otherwise. `v` precedes `w` when `v` was settled
//!   first and `dist[v] + len(v, w) == dist[w]`, exactly the test the forward pass made.
//! - [`MultiBfs`]: distances only, for up to 64 sources at once, with bit-parallel frontiers
//!   (one `u64` per node; Then et al., "The more the merrier: efficient multi-source graph
//!   traversal", PVLDB 8(4), 2014): one sweep of the adjacency serves 64 searches.
//!   Closeness and harmonic need nothing more.
//!
//! (Betweenness with several sources in SIMD lanes per node was tried and measured slower
//! than [`Brandes`] on the reference machine: lanes at other levels cost as much as they
//! save; see BENCHMARKS.md.)
//!
//! Every kernel works on a [`Csr`]: forward arcs, or incoming arcs for distances *to* a node.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use super::view::GraphView;

/// Marks a node not (yet) reached or settled.
const NONE: u32 = u32::MAX;

/// One direction of a graph's adjacency in compressed sparse row form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Csr<'a> {
    /// `offsets[u]..offsets[u + 1]` index `targets` (and `lengths`).
    pub offsets: &'a [u32],
    /// Arc heads.
    pub targets: &'a [u32],
    /// Arc lengths, parallel to `targets`; empty when every arc has length 1.
    pub lengths: &'a [f64],
}

impl Csr<'_> {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub(crate) fn range(&self, u: usize) -> Range<usize> {
        self.offsets[u] as usize..self.offsets[u + 1] as usize
    }

    fn length(&self, k: usize) -> f64 {
        self.lengths.get(k).copied().unwrap_or(1.0)
    }
}

/// The forward adjacency with arc distances (unit lengths when unweighted).
pub(crate) fn forward(view: &GraphView, weighted: bool) -> Csr<'_> {
    let (offsets, targets) = view.out_adjacency();
    Csr { offsets, targets, lengths: if weighted { view.distances() } else { &[] } }
}

/// The incoming adjacency's arc distances, in its order (empty when unweighted).
pub(crate) fn in_lengths(view: &GraphView, weighted: bool) -> Vec<f64> {
    let (_, _, arcs) = view.in_adjacency();
    let all = view.distances();
    if !weighted || all.is_empty() {
        return Vec::new();
    }
    arcs.iter().map(|&a| all[a as usize]).collect()
}

/// A heap entry ordered by smallest distance first, then smallest node.
#[derive(Debug, Clone, Copy)]
struct Entry {
    dist: f64,
    node: u32,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap.
        other.dist.total_cmp(&self.dist).then_with(|| other.node.cmp(&self.node))
    }
}

/// Reusable buffers for Dijkstra from one source at a time.
pub(crate) struct Dijkstra {
    /// Settled nodes in order of non-decreasing distance.
    pub order: Vec<u32>,
    /// Per node, everything a relaxation reads or writes, in one cache line.
    labels: Vec<Label>,
    heap: BinaryHeap<Entry>,
    /// With whole arc lengths from 1 to `buckets.len() - 1`: a circular bucket queue
    /// (Dial 1969) by distance modulo its length, in place of the heap.
    buckets: Vec<Vec<u32>>,
}

/// The longest arc length for which [`Dijkstra`] uses a bucket queue: at most this many
/// empty buckets are stepped over between two settled distances.
const MAX_BUCKET_LENGTH: f64 = 1024.0;

/// `Some(longest)` when every arc length of `g` is a whole number from 1 to
/// [`MAX_BUCKET_LENGTH`] (so every distance is a whole number, exact in an `f64`).
pub(crate) fn whole_lengths(g: &Csr) -> Option<usize> {
    let mut longest = 1.0f64;
    for &l in g.lengths {
        if !(1.0..=MAX_BUCKET_LENGTH).contains(&l) || l.fract() != 0.0 {
            return None;
        }
        longest = longest.max(l);
    }
    Some(longest as usize)
}

/// Settles `v` (appends it to `order`) and relaxes its out-arcs: a shorter distance to an
/// unsettled `w` replaces `w`'s path count with `v`'s and is reported to `lowered(w,
/// distance)` for the queue; an equal one adds `v`'s count.
#[inline(always)]
fn settle(labels: &mut [Label], order: &mut Vec<u32>, g: &Csr, v: usize, mut lowered: impl FnMut(u32, f64)) {
    labels[v].pos = order.len() as u32;
    order.push(v as u32);
    let (dv, sv) = (labels[v].dist, labels[v].sigma);
    for k in g.range(v) {
        let w = g.targets[k] as usize;
        let label = &mut labels[w];
        if label.pos != NONE {
            continue;
        }
        let alt = dv + g.length(k);
        if alt < label.dist {
            label.dist = alt;
            label.sigma = sv;
            lowered(w as u32, alt);
        } else if alt == label.dist {
            label.sigma += sv;
        }
    }
}

/// One node's state in a [`Dijkstra`] search.
#[derive(Debug, Clone, Copy)]
struct Label {
    /// Distance from the source; infinite when unreached.
    dist: f64,
    /// Number of shortest paths from the source.
    sigma: f64,
    /// (1 + δ)/σ, Brandes' dependency as [`Dijkstra::dependencies`] needs it.
    share: f64,
    /// Position in `order`, [`NONE`] until settled.
    pos: u32,
}

const UNLABELLED: Label = Label { dist: f64::INFINITY, sigma: 0.0, share: 0.0, pos: NONE };

impl Dijkstra {
    /// The distance from the last source to `v` (infinite when unreached).
    pub fn dist(&self, v: usize) -> f64 {
        self.labels[v].dist
    }

    /// The number of shortest paths from the last source to `v`.
    #[cfg(test)]
    fn sigma(&self, v: usize) -> f64 {
        self.labels[v].sigma
    }

    /// Buffers for `n` nodes (none for `n` = 0), with a bucket queue when `longest` is
    /// `Some` (as [`whole_lengths`] gives it for the graph, computed once per analysis).
    pub fn new(n: usize, longest: Option<usize>) -> Self {
        let width = if n == 0 { None } else { longest };
        Self {
            order: Vec::with_capacity(n),
            labels: vec![UNLABELLED; n],
            heap: BinaryHeap::new(),
            buckets: width.map_or_else(Vec::new, |longest| vec![Vec::new(); longest + 1]),
        }
    }

    /// Distances and path counts from `s`. Every labelled node is settled (the heap is
    /// drained), so `order` lists every node to reset next time.
    pub fn run(&mut self, g: &Csr, s: usize) {
        for &v in &self.order {
            self.labels[v as usize] = UNLABELLED;
        }
        self.order.clear();
        self.heap.clear();
        if s >= g.node_count() {
            return;
        }
        self.labels[s].dist = 0.0;
        self.labels[s].sigma = 1.0;
        if !self.buckets.is_empty() {
            self.run_buckets(g, s);
            return;
        }
        self.heap.push(Entry { dist: 0.0, node: s as u32 });
        while let Some(e) = self.heap.pop() {
            let v = e.node as usize;
            if self.labels[v].pos != NONE || e.dist > self.labels[v].dist {
                continue;
            }
            let heap = &mut self.heap;
            settle(&mut self.labels, &mut self.order, g, v, |w, alt| heap.push(Entry { dist: alt, node: w }));
        }
    }

    /// [`Dijkstra::run`] with the bucket queue: bucket `d mod len` holds the nodes labelled
    /// with distance `d` (and stale entries, skipped). Every arc is at least 1 and at most
    /// `len − 1` long, so relaxing from distance `d` never writes into the bucket being
    /// emptied, and nodes settle in order of non-decreasing distance, as with the heap.
    fn run_buckets(&mut self, g: &Csr, s: usize) {
        let len = self.buckets.len() as u64;
        self.buckets[0].push(s as u32);
        let mut pending = 1usize;
        let mut d = 0u64;
        while pending > 0 {
            let b = (d % len) as usize;
            let bucket = std::mem::take(&mut self.buckets[b]);
            pending -= bucket.len();
            let here = d as f64;
            for &v in &bucket {
                let v = v as usize;
                if self.labels[v].pos != NONE || self.labels[v].dist != here {
                    continue;
                }
                let buckets = &mut self.buckets;
                settle(&mut self.labels, &mut self.order, g, v, |w, alt| {
                    buckets[(alt as u64 % len) as usize].push(w);
                    pending += 1;
                });
            }
            let mut bucket = bucket;
            bucket.clear();
            self.buckets[b] = bucket;
            d += 1;
        }
    }

    /// Brandes' backward pass after [`Dijkstra::run`] from `s`: adds to `acc[v]` the
    /// dependency δ(v) = Σ over DAG successors `w` of σ(v)/σ(w)·(1 + δ(w)) of every node
    /// `v` ≠ `s`, pulled along `v`'s out-arcs in reverse settling order. `delta[w]` holds
    /// (1 + δ(w))/σ(w) once `w` is passed, so the inner loop neither divides nor branches
    /// (every out-neighbour of a settled node is settled: the heap was drained).
    pub fn dependencies(&mut self, g: &Csr, s: usize, acc: &mut [f64]) {
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let (pv, dv) = (self.labels[v].pos, self.labels[v].dist);
            let mut pull = 0.0;
            for k in g.range(v) {
                let w = g.targets[k] as usize;
                let successor = u8::from(self.labels[w].pos > pv) & u8::from(dv + g.length(k) == self.labels[w].dist);
                pull += self.labels[w].share * f64::from(successor);
            }
            let sigma = self.labels[v].sigma;
            let delta = sigma * pull;
            self.labels[v].share = (1.0 + delta) / sigma;
            if v != s {
                acc[v] += delta;
            }
        }
    }

    /// The backward pass for arcs (Brandes 2008, §3.3, edge betweenness) after
    /// [`Dijkstra::run`]: adds to `arcs[k]` the dependency σ(v)/σ(w)·(1 + δ(w)) of every
    /// shortest-path DAG arc `k` = v→w of `g`, where δ(w) sums the dependencies of `w`'s
    /// out-arcs. Nodes are read in reverse settling order, as in [`Dijkstra::dependencies`].
    pub fn arc_dependencies(&mut self, g: &Csr, arcs: &mut [f64]) {
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let (pv, dv, sigma) = (self.labels[v].pos, self.labels[v].dist, self.labels[v].sigma);
            let mut delta = 0.0;
            for k in g.range(v) {
                let w = g.targets[k] as usize;
                if self.labels[w].pos > pv && dv + g.length(k) == self.labels[w].dist {
                    let c = sigma * self.labels[w].share;
                    arcs[k] += c;
                    delta += c;
                }
            }
            self.labels[v].share = (1.0 + delta) / sigma;
        }
    }
}

/// Per node: the BFS level, and σ (forward pass) or (1 + δ)/σ (once the backward pass has
/// passed it), side by side so one cache line serves both.
#[derive(Debug, Clone, Copy)]
struct Slot {
    dist: u32,
    value: f64,
}

const EMPTY: Slot = Slot { dist: NONE, value: 0.0 };

/// How the next level of a [`Brandes`] search is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Scan the frontier's out-arcs (may still switch to bottom-up).
    TopDown,
    /// Scan the unreached nodes' in-arcs for parents on the frontier.
    BottomUp,
    /// Top-down again, for the rest of the search.
    Final,
}

/// Reusable buffers for unweighted Brandes from one source at a time, on flat storage.
///
/// The forward pass is direction-optimizing (Beamer, Asanović & Patterson, "Direction-
/// optimizing breadth-first search", SC 2012), adapted to path counting: each level is
/// found either top-down, scanning the frontier's out-arcs, or bottom-up, scanning the
/// in-arcs of the nodes not yet reached and summing σ over those on the frontier,
/// whichever touches fewer arcs. On small-world graphs most nodes lie two to four hops from
/// any source, so the big middle levels are cheaper bottom-up (less than half the arc
/// scans on a Barabási–Albert graph). Bottom-up needs every parent, so it cannot stop at
/// the first one as Beamer's search does. The last level is never scanned.
///
/// The shortest-path DAG is kept flat: a level found top-down records each node's
/// children (heads grouped by tail), a level found bottom-up each node's parents (tails
/// grouped by head). The backward pass pulls (1 + δ)/σ from recorded children and pushes
/// it to recorded parents, so it touches DAG arcs only.
pub(crate) struct Brandes {
    slots: Vec<Slot>,
    /// Nodes in breadth-first order (with one spare slot for the branch-free append).
    order: Vec<u32>,
    /// DAG children of nodes whose next level was found top-down: `kids[kid_ends[i - 1]..
    /// kid_ends[i]]` are those of `order[i]`.
    kids: Vec<u32>,
    kid_ends: Vec<u32>,
    /// DAG parents of nodes found bottom-up, likewise by `par_ends`.
    parents: Vec<u32>,
    par_ends: Vec<u32>,
    /// Σ (1 + δ)/σ pushed from children found bottom-up; zero outside the backward pass.
    pushed: Vec<f64>,
    /// Nodes not reached yet, while the search runs bottom-up.
    rest: Vec<u32>,
    reached: usize,
}

/// `range` of `ends`-delimited lists: the list of entry `i`.
fn list(ends: &[u32], i: usize) -> Range<usize> {
    let lo = if i == 0 { 0 } else { ends[i - 1] as usize };
    lo..ends[i] as usize
}

impl Brandes {
    pub fn new(n: usize, arcs: usize) -> Self {
        Self {
            slots: vec![EMPTY; n],
            order: vec![0; n + 1],
            kids: vec![0; arcs + 1],
            kid_ends: vec![0; n],
            parents: vec![0; arcs + 1],
            par_ends: vec![0; n],
            pushed: vec![0.0; n],
            rest: Vec::with_capacity(n),
            reached: 0,
        }
    }

    /// Adds to `acc[v]` the dependency of source `s` (below the node count) on every
    /// other node `v`. `g` holds the out-arcs and `rev` the in-arcs of the same graph (the
    /// same arrays when it is undirected). Inner loops are branch-free: lists are appended
    /// by always writing the candidate and advancing the end only when it counts.
    pub fn betweenness(&mut self, g: &Csr, rev: &Csr, s: usize, acc: &mut [f64]) {
        let Self { slots, order, kids, kid_ends, parents, par_ends, pushed, rest, reached } = self;
        for &v in &order[..*reached] {
            slots[v as usize] = EMPTY;
        }
        let n = g.node_count();
        let out_degree = |v: usize| (g.offsets[v + 1] - g.offsets[v]) as usize;
        let in_degree = |v: usize| (rev.offsets[v + 1] - rev.offsets[v]) as usize;
        slots[s] = Slot { dist: 0, value: 1.0 };
        order[0] = s as u32;
        par_ends[0] = 0;
        // Arcs a top-down step would scan (the frontier's out-arcs), and a bottom-up one
        // (the unreached nodes' in-arcs).
        let mut top_down = out_degree(s);
        let mut bottom_up = rev.targets.len() - in_degree(s);
        let (mut lo, mut end, mut nk, mut np, mut level) = (0, 1, 0, 0, 0);
        let mut phase = Phase::TopDown;
        while lo < end {
            let hi = end;
            if bottom_up == 0 {
                // No unreached node has an in-arc: the frontier has no children.
                kid_ends[lo..hi].fill(nk as u32);
                break;
            }
            if phase == Phase::TopDown && bottom_up < top_down {
                phase = Phase::BottomUp;
                rest.clear();
                rest.extend((0..n as u32).filter(|&u| slots[u as usize].dist == NONE));
            } else if phase == Phase::BottomUp && top_down <= bottom_up {
                phase = Phase::Final;
            }
            let next = level + 1;
            if phase == Phase::BottomUp {
                kid_ends[lo..hi].fill(nk as u32);
                let mut keep = 0;
                for j in 0..rest.len() {
                    let u = rest[j];
                    let first = np;
                    let mut sigma = 0.0;
                    for &w in &rev.targets[rev.range(u as usize)] {
                        let slot = slots[w as usize];
                        let parent = slot.dist == level;
                        sigma += if parent { slot.value } else { 0.0 };
                        parents[np] = w;
                        np += usize::from(parent);
                    }
                    if np > first {
                        slots[u as usize] = Slot { dist: next, value: sigma };
                        order[end] = u;
                        par_ends[end] = np as u32;
                        end += 1;
                    } else {
                        rest[keep] = u;
                        keep += 1;
                    }
                }
                rest.truncate(keep);
            } else {
                for i in lo..hi {
                    let v = order[i] as usize;
                    let sv = slots[v].value;
                    for &w in &g.targets[g.range(v)] {
                        let slot = &mut slots[w as usize];
                        let fresh = slot.dist == NONE;
                        let d = if fresh { next } else { slot.dist };
                        slot.dist = d;
                        let child = d == next;
                        slot.value += if child { sv } else { 0.0 };
                        order[end] = w;
                        end += usize::from(fresh);
                        kids[nk] = w;
                        nk += usize::from(child);
                    }
                    kid_ends[i] = nk as u32;
                }
                par_ends[hi..end].fill(np as u32);
            }
            top_down = 0;
            for &v in &order[hi..end] {
                top_down += out_degree(v as usize);
                bottom_up -= in_degree(v as usize);
            }
            lo = hi;
            level = next;
        }
        *reached = end;
        for i in (0..end).rev() {
            let v = order[i] as usize;
            let pull: f64 = kids[list(kid_ends, i)].iter().map(|&w| slots[w as usize].value).sum::<f64>() + pushed[v];
            pushed[v] = 0.0;
            let sigma = slots[v].value;
            let delta = sigma * pull;
            let share = (1.0 + delta) / sigma;
            slots[v].value = share;
            for &p in &parents[list(par_ends, i)] {
                pushed[p as usize] += share;
            }
            if v != s {
                acc[v] += delta;
            }
        }
    }
}

/// Reusable buffers for bit-parallel breadth-first search from up to 64 sources.
pub(crate) struct MultiBfs {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
    current: Vec<u32>,
    upcoming: Vec<u32>,
}

impl MultiBfs {
    pub fn new(n: usize) -> Self {
        Self { seen: vec![0; n], frontier: vec![0; n], next: vec![0; n], current: Vec::new(), upcoming: Vec::new() }
    }

    /// Breadth-first search from `sources` (at most 64, all below the node count; lane `l`
    /// is `sources[l]`). Calls `visit(d, u, lanes)` for every level `d ≥ 1` and node `u`
    /// first reached at distance `d` by the sources whose bits are set in `lanes`.
    pub fn run(&mut self, g: &Csr, sources: &[u32], mut visit: impl FnMut(u32, usize, u64)) {
        debug_assert!(sources.len() <= 64);
        self.seen.iter_mut().for_each(|x| *x = 0);
        self.current.clear();
        for (l, &s) in sources.iter().enumerate().take(64) {
            let s = s as usize;
            if self.frontier[s] == 0 {
                self.current.push(s as u32);
            }
            self.frontier[s] |= 1 << l;
            self.seen[s] |= 1 << l;
        }
        let mut d = 0u32;
        while !self.current.is_empty() {
            d += 1;
            self.upcoming.clear();
            for &v in &self.current {
                let v = v as usize;
                let f = self.frontier[v];
                for k in g.range(v) {
                    let w = g.targets[k] as usize;
                    let new = f & !self.seen[w];
                    if new != 0 {
                        if self.next[w] == 0 {
                            self.upcoming.push(w as u32);
                        }
                        self.next[w] |= new;
                    }
                }
            }
            for &v in &self.current {
                self.frontier[v as usize] = 0;
            }
            for &w in &self.upcoming {
                let w = w as usize;
                let lanes = self.next[w];
                self.next[w] = 0;
                self.seen[w] |= lanes;
                self.frontier[w] = lanes;
                visit(d, w, lanes);
            }
            std::mem::swap(&mut self.current, &mut self.upcoming);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// a→b→d, a→c→d: two shortest a–d paths.
    fn diamond() -> (Vec<u32>, Vec<u32>) {
        (vec![0, 2, 3, 4, 4], vec![1, 2, 3, 3])
    }

    #[test]
    fn dijkstra_counts_paths_and_dependencies() {
        let (offsets, targets) = diamond();
        let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
        let mut ws = Dijkstra::new(4, whole_lengths(&g));
        ws.run(&g, 0);
        assert_eq!((ws.dist(3), ws.sigma(3), ws.order.len()), (2.0, 2.0, 4));
        let mut acc = vec![0.0; 4];
        ws.dependencies(&g, 0, &mut acc);
        assert_eq!(acc, vec![0.0, 0.5, 0.5, 0.0]);
        // Arcs a→b, a→c, b→d, c→d: each a–d path takes half of d's pair; a→b also carries
        // the whole a–b pair.
        let mut arcs = vec![0.0; 4];
        ws.run(&g, 0);
        ws.arc_dependencies(&g, &mut arcs);
        assert_eq!(arcs, vec![1.5, 1.5, 0.5, 0.5]);
        ws.run(&g, 3);
        assert_eq!(ws.order, vec![3]);
        assert!(ws.dist(0).is_infinite());
        ws.run(&g, 99);
        assert!(ws.order.is_empty());
    }

    #[test]
    fn brandes_dependencies_match_hand_values() {
        let (offsets, targets) = diamond();
        let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
        let (in_offsets, sources) = (vec![0, 0, 1, 2, 4], vec![0, 0, 1, 2]);
        let rev = Csr { offsets: &in_offsets, targets: &sources, lengths: &[] };
        let mut ws = Brandes::new(4, targets.len());
        let mut acc = vec![0.0; 4];
        for s in [0, 1, 2] {
            ws.betweenness(&g, &rev, s, &mut acc);
        }
        assert_eq!(acc, vec![0.0, 0.5, 0.5, 0.0]);
        let mut again = vec![0.0; 4];
        ws.betweenness(&g, &rev, 0, &mut again);
        assert_eq!(again, vec![0.0, 0.5, 0.5, 0.0]);
    }

    /// A seeded random graph on `n` nodes, arcs kept with probability `p` (both ways when
    /// undirected), as out- and in-adjacency with whole lengths from 1 to 10.
    #[allow(clippy::type_complexity, reason = "test data")]
    fn random_graph(
        n: usize,
        p: f64,
        directed: bool,
        seed: u64,
    ) -> ((Vec<u32>, Vec<u32>, Vec<f64>), (Vec<u32>, Vec<u32>, Vec<f64>)) {
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut arcs = Vec::new();
        for u in 0..n {
            for v in 0..n {
                if u == v || (!directed && v < u) {
                    continue;
                }
                if next() < p {
                    let len = (next() * 10.0).floor() + 1.0;
                    arcs.push((u as u32, v as u32, len));
                    if !directed {
                        arcs.push((v as u32, u as u32, len));
                    }
                }
            }
        }
        let csr = |key: fn(&(u32, u32, f64)) -> (u32, u32)| {
            let mut sorted: Vec<(u32, u32, f64)> = arcs.iter().map(|a| (key(a).0, key(a).1, a.2)).collect();
            sorted.sort_by_key(|a| (a.0, a.1));
            let mut offsets = vec![0u32; n + 1];
            for a in &sorted {
                offsets[a.0 as usize + 1] += 1;
            }
            for i in 0..n {
                offsets[i + 1] += offsets[i];
            }
            (offsets, sorted.iter().map(|a| a.1).collect(), sorted.iter().map(|a| a.2).collect())
        };
        (csr(|a| (a.0, a.1)), csr(|a| (a.1, a.0)))
    }

    /// Textbook Brandes (Brandes 2001, Algorithm 1: queue, stack, predecessor lists) on
    /// hops: the reference the direction-optimizing kernel must equal.
    fn textbook_betweenness(g: &Csr) -> Vec<f64> {
        let n = g.node_count();
        let mut acc = vec![0.0; n];
        for s in 0..n {
            let mut stack = Vec::new();
            let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
            let mut sigma = vec![0.0; n];
            let mut dist = vec![-1i64; n];
            sigma[s] = 1.0;
            dist[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                for &w in &g.targets[g.range(v)] {
                    let w = w as usize;
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1;
                        queue.push_back(w);
                    }
                    if dist[w] == dist[v] + 1 {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
            let mut delta = vec![0.0; n];
            while let Some(w) = stack.pop() {
                for &v in &preds[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
                if w != s {
                    acc[w] += delta[w];
                }
            }
        }
        acc
    }

    #[test]
    fn direction_optimizing_brandes_equals_the_textbook_algorithm() {
        // Dense enough that the middle levels run bottom-up, sparse enough (0.02) that
        // some graphs fall apart and some levels stay top-down.
        for (n, p) in [(60, 0.2), (80, 0.05), (120, 0.02), (40, 0.5)] {
            for directed in [false, true] {
                let ((offsets, targets, _), (in_offsets, sources, _)) = random_graph(n, p, directed, n as u64);
                let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
                let rev = Csr { offsets: &in_offsets, targets: &sources, lengths: &[] };
                let want = textbook_betweenness(&g);
                let mut ws = Brandes::new(n, targets.len());
                let mut got = vec![0.0; n];
                for s in 0..n {
                    ws.betweenness(&g, &rev, s, &mut got);
                }
                for (v, (a, b)) in got.iter().zip(&want).enumerate() {
                    assert!(
                        (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                        "n {n} p {p} directed {directed} node {v}: {a} vs {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn bucket_queue_equals_the_heap() {
        for (n, p, directed) in [(50, 0.1, false), (70, 0.05, true), (30, 0.4, true)] {
            let ((offsets, targets, lengths), _) = random_graph(n, p, directed, 7 + n as u64);
            let g = Csr { offsets: &offsets, targets: &targets, lengths: &lengths };
            let mut buckets = Dijkstra::new(n, whole_lengths(&g));
            assert_eq!(buckets.buckets.len(), 11, "lengths 1 to 10 use eleven buckets");
            let mut heap = Dijkstra::new(n, whole_lengths(&g));
            heap.buckets.clear();
            let (mut with_buckets, mut with_heap) = (vec![0.0; n], vec![0.0; n]);
            for s in 0..n {
                buckets.run(&g, s);
                heap.run(&g, s);
                for v in 0..n {
                    assert_eq!(buckets.dist(v), heap.dist(v), "distance from {s} to {v}");
                    assert_eq!(buckets.sigma(v), heap.sigma(v), "path count from {s} to {v}");
                }
                buckets.dependencies(&g, s, &mut with_buckets);
                heap.dependencies(&g, s, &mut with_heap);
            }
            assert_eq!(with_buckets, with_heap);
        }
        // Lengths that are not whole, or too long, keep the heap.
        let (offsets, targets) = diamond();
        for lengths in [vec![1.0, 1.5, 1.0, 1.0], vec![1.0, 2048.0, 1.0, 1.0], vec![0.0, 1.0, 1.0, 1.0]] {
            let g = Csr { offsets: &offsets, targets: &targets, lengths: &lengths };
            assert!(Dijkstra::new(4, whole_lengths(&g)).buckets.is_empty(), "{lengths:?}");
        }
    }

    #[test]
    fn multi_bfs_reports_first_arrival_per_lane() {
        let (offsets, targets) = diamond();
        let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
        let mut bfs = MultiBfs::new(4);
        let mut seen = Vec::new();
        bfs.run(&g, &[0, 1], |d, u, lanes| seen.push((d, u, lanes)));
        assert_eq!(seen, vec![(1, 1, 0b01), (1, 2, 0b01), (1, 3, 0b10), (2, 3, 0b01)]);
    }
}
