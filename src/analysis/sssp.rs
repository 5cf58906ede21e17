//! Single-source shortest paths with path counts (Brandes 2001), shared by the centralities.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::view::GraphView;

/// A heap entry ordered by smallest distance first, then insertion order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub dist: f64,
    pub seq: u64,
    pub node: u32,
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
        other.dist.total_cmp(&self.dist).then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Reusable buffers for one source at a time.
pub(crate) struct Workspace {
    /// Nodes in order of non-decreasing distance from the source (reached ones only).
    pub order: Vec<u32>,
    /// Distance from the source; infinite when unreached.
    pub dist: Vec<f64>,
    /// Number of shortest paths from the source.
    pub sigma: Vec<f64>,
    /// Predecessors on shortest paths.
    pub preds: Vec<Vec<u32>>,
    /// Dependency accumulator (Brandes' delta).
    pub delta: Vec<f64>,
    done: Vec<bool>,
    heap: BinaryHeap<Entry>,
    queue: std::collections::VecDeque<u32>,
}

impl Workspace {
    pub fn new(n: usize) -> Self {
        Self {
            order: Vec::with_capacity(n),
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            preds: vec![Vec::new(); n],
            delta: vec![0.0; n],
            done: vec![false; n],
            heap: BinaryHeap::new(),
            queue: std::collections::VecDeque::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = f64::INFINITY;
            self.sigma[v] = 0.0;
            self.preds[v].clear();
            self.delta[v] = 0.0;
            self.done[v] = false;
        }
        // Every labelled node is settled by the end of a run, so `order` lists all to reset.
        self.order.clear();
        self.heap.clear();
        self.queue.clear();
    }

    /// Runs BFS (`weighted == false`) or Dijkstra on arc distances from `s`, forwards or,
    /// with `reverse`, along incoming arcs. Fills order, dist, sigma and (if `preds`) preds.
    pub fn run(&mut self, view: &GraphView, s: usize, weighted: bool, reverse: bool, preds: bool) {
        self.reset();
        if !view.contains(s) {
            return;
        }
        let step = |ws: &mut Self, v: usize, w: usize, len: f64, weighted: bool, seq: &mut u64| {
            let alt = ws.dist[v] + len;
            if ws.dist[w].is_infinite() || (alt < ws.dist[w] && !ws.done[w]) {
                let fresh = ws.dist[w].is_infinite();
                ws.dist[w] = alt;
                ws.sigma[w] = ws.sigma[v];
                if preds {
                    ws.preds[w].clear();
                    ws.preds[w].push(v as u32);
                }
                if weighted {
                    *seq += 1;
                    ws.heap.push(Entry { dist: alt, seq: *seq, node: w as u32 });
                } else if fresh {
                    ws.queue.push_back(w as u32);
                }
            } else if alt == ws.dist[w] && !ws.done[w] {
                ws.sigma[w] += ws.sigma[v];
                if preds {
                    ws.preds[w].push(v as u32);
                }
            }
        };
        self.dist[s] = 0.0;
        self.sigma[s] = 1.0;
        let mut seq = 0u64;
        if weighted {
            self.heap.push(Entry { dist: 0.0, seq, node: s as u32 });
        } else {
            self.queue.push_back(s as u32);
        }
        loop {
            let v = if weighted {
                match self.heap.pop() {
                    Some(e) if self.done[e.node as usize] || e.dist > self.dist[e.node as usize] => continue,
                    Some(e) => e.node as usize,
                    None => break,
                }
            } else {
                match self.queue.pop_front() {
                    Some(v) => v as usize,
                    None => break,
                }
            };
            self.done[v] = true;
            self.order.push(v as u32);
            if reverse {
                for (w, a) in view.in_arcs(v) {
                    let len = if weighted { view.distance(a) } else { 1.0 };
                    step(self, v, w, len, weighted, &mut seq);
                }
            } else {
                for a in view.arcs(v) {
                    let len = if weighted { view.distance(a) } else { 1.0 };
                    step(self, v, view.target(a), len, weighted, &mut seq);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::ViewOptions;
    use crate::model::{Edge, EdgeKind, Model, Node, NodeKind};

    #[test]
    fn counts_equal_shortest_paths_forward_and_backward() {
        // a→b→d, a→c→d, all weight 1: two shortest a–d paths.
        let mut m = Model::new("s");
        for id in ["a", "b", "c", "d"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        for (f, t) in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")] {
            m.add_edge(Edge::new(f, t, EdgeKind::Sanctions)).unwrap();
        }
        let v = GraphView::new(&m, &ViewOptions::directed());
        let mut ws = Workspace::new(4);
        for weighted in [false, true] {
            ws.run(&v, 0, weighted, false, true);
            assert_eq!((ws.dist[3], ws.sigma[3], ws.preds[3].clone()), (2.0, 2.0, vec![1, 2]));
            ws.run(&v, 3, weighted, true, false);
            assert_eq!((ws.dist[0], ws.sigma[0], ws.order.len()), (2.0, 2.0, 4));
            ws.run(&v, 3, weighted, false, false);
            assert_eq!(ws.order, vec![3]);
            assert!(ws.dist[0].is_infinite());
        }
        ws.run(&v, 99, false, false, false);
        assert!(ws.order.is_empty());
    }
}
