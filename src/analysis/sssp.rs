//! Shortest-path kernels shared by the centralities, on flat arrays only.
//!
//! - [`Brandes`]: unweighted shortest-path counts and dependencies from one source, on one
//!   array of 16-byte slots (level and σ side by side, σ replaced by (1 + δ)/σ in the
//!   backward pass) with branch-free inner loops. No predecessor lists: the forward pass
//!   appends each DAG arc's head to one flat array (grouped by tail in breadth-first
//!   order), which the backward pass reads in reverse, touching only DAG arcs.
//! - [`Dijkstra`]: the same on arc distances. `v` precedes `w` when `v` was settled first
//!   and `dist[v] + len(v, w) == dist[w]`, exactly the test the forward pass made.
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

    fn range(&self, u: usize) -> Range<usize> {
        self.offsets[u] as usize..self.offsets[u + 1] as usize
    }

    fn length(&self, k: usize) -> f64 {
        self.lengths.get(k).copied().unwrap_or(1.0)
    }
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
    /// Distance from the source; infinite when unreached.
    pub dist: Vec<f64>,
    /// Number of shortest paths from the source.
    pub sigma: Vec<f64>,
    /// Brandes' dependency, filled by [`Dijkstra::dependencies`].
    pub delta: Vec<f64>,
    /// Position in `order`, [`NONE`] until settled.
    pos: Vec<u32>,
    heap: BinaryHeap<Entry>,
}

impl Dijkstra {
    pub fn new(n: usize) -> Self {
        Self {
            order: Vec::with_capacity(n),
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            pos: vec![NONE; n],
            heap: BinaryHeap::new(),
        }
    }

    /// Distances and path counts from `s`. Every labelled node is settled (the heap is
    /// drained), so `order` lists every node to reset next time.
    pub fn run(&mut self, g: &Csr, s: usize) {
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = f64::INFINITY;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
            self.pos[v] = NONE;
        }
        self.order.clear();
        self.heap.clear();
        if s >= g.node_count() {
            return;
        }
        self.dist[s] = 0.0;
        self.sigma[s] = 1.0;
        self.heap.push(Entry { dist: 0.0, node: s as u32 });
        while let Some(e) = self.heap.pop() {
            let v = e.node as usize;
            if self.pos[v] != NONE || e.dist > self.dist[v] {
                continue;
            }
            self.pos[v] = self.order.len() as u32;
            self.order.push(v as u32);
            let (dv, sv) = (self.dist[v], self.sigma[v]);
            for k in g.range(v) {
                let w = g.targets[k] as usize;
                if self.pos[w] != NONE {
                    continue;
                }
                let alt = dv + g.length(k);
                if alt < self.dist[w] {
                    self.dist[w] = alt;
                    self.sigma[w] = sv;
                    self.heap.push(Entry { dist: alt, node: w as u32 });
                } else if alt == self.dist[w] {
                    self.sigma[w] += sv;
                }
            }
        }
    }

    /// Brandes' backward pass after [`Dijkstra::run`]: `delta[v]` = Σ over DAG successors
    /// `w` of σ(v)/σ(w)·(1 + δ(w)), pulled along `v`'s out-arcs in reverse settling order.
    pub fn dependencies(&mut self, g: &Csr) {
        for i in (0..self.order.len()).rev() {
            let v = self.order[i] as usize;
            let (pv, dv) = (self.pos[v], self.dist[v]);
            let mut acc = 0.0;
            for k in g.range(v) {
                let w = g.targets[k] as usize;
                let pw = self.pos[w];
                if pw != NONE && pw > pv && dv + g.length(k) == self.dist[w] {
                    acc += (1.0 + self.delta[w]) / self.sigma[w];
                }
            }
            self.delta[v] = self.sigma[v] * acc;
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

/// Reusable buffers for unweighted Brandes from one source at a time, on flat storage.
pub(crate) struct Brandes {
    slots: Vec<Slot>,
    /// Nodes in breadth-first order (with one spare slot for the branch-free append).
    order: Vec<u32>,
    /// The shortest-path DAG's arcs, by tail in breadth-first order: the heads only.
    dag: Vec<u32>,
    /// `dag[ends[i - 1]..ends[i]]` are the DAG successors of `order[i]`.
    ends: Vec<u32>,
    reached: usize,
}

impl Brandes {
    pub fn new(n: usize, arcs: usize) -> Self {
        Self { slots: vec![EMPTY; n], order: vec![0; n + 1], dag: vec![0; arcs + 1], ends: vec![0; n], reached: 0 }
    }

    /// Adds to `acc[v]` the dependency of source `s` (below the node count) on every
    /// other node `v`. The forward pass records the DAG's arcs as it finds them, so the
    /// backward pass reads only those, in order. Both inner loops are branch-free: the
    /// next level and the DAG are appended by always writing the candidate and advancing
    /// the end only when it counts.
    pub fn betweenness(&mut self, g: &Csr, s: usize, acc: &mut [f64]) {
        let (slots, order, dag, ends) = (&mut self.slots, &mut self.order, &mut self.dag, &mut self.ends);
        for &v in &order[..self.reached] {
            slots[v as usize] = EMPTY;
        }
        slots[s] = Slot { dist: 0, value: 1.0 };
        order[0] = s as u32;
        let (mut head, mut end, mut arcs) = (0, 1, 0);
        while head < end {
            let v = order[head] as usize;
            let Slot { dist, value: sv } = slots[v];
            let next = dist + 1;
            for &w in &g.targets[g.range(v)] {
                let slot = &mut slots[w as usize];
                let fresh = slot.dist == NONE;
                let d = if fresh { next } else { slot.dist };
                slot.dist = d;
                let child = d == next;
                slot.value += if child { sv } else { 0.0 };
                order[end] = w;
                end += usize::from(fresh);
                dag[arcs] = w;
                arcs += usize::from(child);
            }
            ends[head] = arcs as u32;
            head += 1;
        }
        self.reached = end;
        for i in (0..end).rev() {
            let v = order[i] as usize;
            let lo = if i == 0 { 0 } else { ends[i - 1] as usize };
            let pull: f64 = dag[lo..ends[i] as usize].iter().map(|&w| slots[w as usize].value).sum();
            let sigma = slots[v].value;
            let delta = sigma * pull;
            slots[v].value = (1.0 + delta) / sigma;
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
        let mut ws = Dijkstra::new(4);
        ws.run(&g, 0);
        assert_eq!((ws.dist[3], ws.sigma[3], ws.order.len()), (2.0, 2.0, 4));
        ws.dependencies(&g);
        assert_eq!((ws.delta[1], ws.delta[2], ws.delta[0]), (0.5, 0.5, 3.0));
        ws.run(&g, 3);
        assert_eq!(ws.order, vec![3]);
        assert!(ws.dist[0].is_infinite());
        ws.run(&g, 99);
        assert!(ws.order.is_empty());
    }

    #[test]
    fn brandes_dependencies_match_hand_values() {
        let (offsets, targets) = diamond();
        let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
        let mut ws = Brandes::new(4, targets.len());
        let mut acc = vec![0.0; 4];
        for s in [0, 1, 2] {
            ws.betweenness(&g, s, &mut acc);
        }
        assert_eq!(acc, vec![0.0, 0.5, 0.5, 0.0]);
        let mut again = vec![0.0; 4];
        ws.betweenness(&g, 0, &mut again);
        assert_eq!(again, vec![0.0, 0.5, 0.5, 0.0]);
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
