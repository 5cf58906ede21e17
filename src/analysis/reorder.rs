//! Renumbering a graph's nodes in breadth-first order before searching from every node.
//!
//! A search from every node (betweenness) touches the whole graph once per source, so how
//! the nodes are numbered decides how close in memory a node's neighbours lie. Numbered in
//! breadth-first order from a hub, the nodes a search reaches at one level sit mostly side
//! by side, and their per-node slots share cache lines. The order a graph arrives in is
//! whatever its writer chose: an edge list's first-appearance order is already close to
//! breadth-first, a NetworkX graph's insertion order (or a shuffled one) is not, and the same
//! kernel then ran 7–20% slower on the same Barabási–Albert graph (BENCHMARKS.md, "Python:
//! betweenness from a notebook"). Renumbering costs O(|V| + |E|) and makes the kernel's
//! speed independent of the input order.
//!
//! The order: a breadth-first search from the node with the most arcs (in + out; the lowest
//! index on ties), following out- and in-arcs, neighbours in index order; when it runs
//! out, the next unnumbered node in index order starts the next one. Each node's arcs are
//! then sorted by their heads' new numbers, as [`GraphView`](super::view::GraphView) keeps
//! them. Results computed on the renumbered graph are mapped back with [`Renumbered::new_of`].

use std::collections::VecDeque;

use super::sssp::Csr;

/// A graph's adjacency under new node numbers.
pub(crate) struct Renumbered {
    /// `new_of[u]`: the new number of the node numbered `u` before.
    pub new_of: Vec<u32>,
    offsets: Vec<u32>,
    targets: Vec<u32>,
    /// The incoming adjacency, or `None` when it is the outgoing one (undirected).
    incoming: Option<(Vec<u32>, Vec<u32>)>,
}

impl Renumbered {
    /// Renumbers the graph whose out-arcs are `out` and in-arcs `inc` (give the same
    /// arrays twice, with `symmetric`, for an undirected graph).
    pub fn breadth_first(out: &Csr, inc: &Csr, symmetric: bool) -> Renumbered {
        let n = out.node_count();
        let degree = |u: usize| out.range(u).len() + inc.range(u).len();
        let mut new_of = vec![u32::MAX; n];
        let mut next = 0u32;
        let mut queue = VecDeque::new();
        let hub = (0..n).max_by_key(|&u| (degree(u), std::cmp::Reverse(u)));
        let mut starts = hub.into_iter().chain(0..n);
        while (next as usize) < n {
            let Some(start) = starts.find(|&u| new_of[u] == u32::MAX) else { break };
            new_of[start] = next;
            next += 1;
            queue.push_back(start);
            while let Some(u) = queue.pop_front() {
                let heads = &out.targets[out.range(u)];
                let tails = if symmetric { &[][..] } else { &inc.targets[inc.range(u)] };
                for &w in heads.iter().chain(tails) {
                    let w = w as usize;
                    if new_of[w] == u32::MAX {
                        new_of[w] = next;
                        next += 1;
                        queue.push_back(w);
                    }
                }
            }
        }
        let (offsets, targets) = permute(out, &new_of);
        let incoming = (!symmetric).then(|| permute(inc, &new_of));
        Renumbered { new_of, offsets, targets, incoming }
    }

    /// The out-arcs under the new numbers.
    pub fn out(&self) -> Csr<'_> {
        Csr { offsets: &self.offsets, targets: &self.targets, lengths: &[] }
    }

    /// The in-arcs under the new numbers.
    pub fn incoming(&self) -> Csr<'_> {
        match &self.incoming {
            Some((offsets, targets)) => Csr { offsets, targets, lengths: &[] },
            None => self.out(),
        }
    }

    /// Values indexed by new numbers, put back in the old order.
    pub fn restore(&self, values: &[f64]) -> Vec<f64> {
        self.new_of.iter().map(|&i| values[i as usize]).collect()
    }
}

/// `g`'s arcs under the numbering `new_of` (a permutation), each node's heads ascending.
fn permute(g: &Csr, new_of: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let n = g.node_count();
    let mut old_of = vec![0usize; n];
    for (u, &i) in new_of.iter().enumerate() {
        old_of[i as usize] = u;
    }
    let mut offsets = Vec::with_capacity(n + 1);
    let mut targets = Vec::with_capacity(g.targets.len());
    offsets.push(0u32);
    for &u in &old_of {
        let start = targets.len();
        targets.extend(g.targets[g.range(u)].iter().map(|&w| new_of[w as usize]));
        targets[start..].sort_unstable();
        // At most the view's arc count, which fits u32.
        offsets.push(targets.len() as u32);
    }
    (offsets, targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arcs of a CSR as (tail, head) pairs.
    fn arcs(g: &Csr) -> Vec<(u32, u32)> {
        (0..g.node_count()).flat_map(|u| g.targets[g.range(u)].iter().map(move |&w| (u as u32, w))).collect()
    }

    #[test]
    fn a_path_is_numbered_from_its_hub_outwards() {
        // Path 0-1-2-3 with a pendant 4 on 2 and an isolated node 5: node 2 has the most
        // arcs (3), so it is numbered 0, its neighbours 1, 3, 4 get 1, 2, 3 in index order,
        // then 0 (reached from 1) gets 4, and the isolated 5 starts its own search: 5.
        let pairs = [(0, 1), (1, 2), (2, 3), (2, 4)];
        let mut lists = vec![Vec::new(); 6];
        for &(a, b) in &pairs {
            lists[a].push(b as u32);
            lists[b].push(a as u32);
        }
        lists.iter_mut().for_each(|l| l.sort_unstable());
        let mut offsets = vec![0u32];
        let mut targets = Vec::new();
        for l in &lists {
            targets.extend_from_slice(l);
            offsets.push(targets.len() as u32);
        }
        let g = Csr { offsets: &offsets, targets: &targets, lengths: &[] };
        let r = Renumbered::breadth_first(&g, &g, true);
        assert_eq!(r.new_of, vec![4, 1, 0, 2, 3, 5]);
        // Same arcs under the new numbers, each node's heads ascending.
        let mut expected: Vec<(u32, u32)> =
            arcs(&g).into_iter().map(|(a, b)| (r.new_of[a as usize], r.new_of[b as usize])).collect();
        expected.sort_unstable();
        assert_eq!(arcs(&r.out()), expected);
        assert_eq!(r.restore(&[10.0, 11.0, 12.0, 13.0, 14.0, 15.0]), vec![14.0, 11.0, 10.0, 12.0, 13.0, 15.0]);
    }

    #[test]
    fn a_directed_graph_keeps_its_arcs_both_ways() {
        // 0 → 1 → 2 and 3 → 1: node 1 has the most arcs (3 in + out), the search follows
        // in-arcs too, so every node is reached from it: 1, then 2 (out), then 0 and 3 (in).
        let (out_offsets, out_targets) = (vec![0, 1, 2, 2, 3], vec![1, 2, 1]);
        let (in_offsets, in_targets) = (vec![0, 0, 2, 3, 3], vec![0, 3, 1]);
        let out = Csr { offsets: &out_offsets, targets: &out_targets, lengths: &[] };
        let inc = Csr { offsets: &in_offsets, targets: &in_targets, lengths: &[] };
        let r = Renumbered::breadth_first(&out, &inc, false);
        assert_eq!(r.new_of, vec![2, 0, 1, 3]);
        let moved = |g: &Csr| {
            let mut a: Vec<(u32, u32)> =
                arcs(g).into_iter().map(|(x, y)| (r.new_of[x as usize], r.new_of[y as usize])).collect();
            a.sort_unstable();
            a
        };
        assert_eq!(arcs(&r.out()), moved(&out));
        assert_eq!(arcs(&r.incoming()), moved(&inc));
    }
}
