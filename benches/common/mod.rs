//! The one seeded graph generator every benchmark uses (and `bench/compare.py` mirrors).
//!
//! Barabási–Albert by the repeated-nodes method: `m` isolated seed nodes, then each new
//! node links to `m` distinct earlier nodes drawn with probability proportional to degree.
//! Ties carry seeded weights in (0, 1], so weighted and strongest-path modes have work to do.
//! A small xorshift generator keeps runs comparable across machines and commits.

#![allow(dead_code)]

use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};

/// Xorshift64, seeded (never zero).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// The ties of a Barabási–Albert graph on `n` nodes, `m` per new node, with weights.
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(usize, usize, f64)> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut targets: Vec<usize> = (0..m).collect();
    let mut repeated: Vec<usize> = Vec::with_capacity(2 * n * m);
    let mut ties = Vec::with_capacity(n * m);
    for source in m..n {
        for &t in &targets {
            ties.push((source, t, ((rng.next() % 1000) + 1) as f64 / 1000.0));
        }
        repeated.extend(&targets);
        repeated.extend(std::iter::repeat_n(source, m));
        targets.clear();
        while targets.len() < m {
            let pick = repeated[rng.below(repeated.len())];
            if !targets.contains(&pick) {
                targets.push(pick);
            }
        }
        targets.sort_unstable();
    }
    ties
}

/// The graph as a model: actors `n0`, `n1`, … and weighted `related_to` ties.
pub fn model(n: usize, m: usize, seed: u64) -> Model {
    let mut model = Model::new(format!("ba {n} {m}"));
    for i in 0..n {
        let id = format!("n{i}");
        model.add_node(Node::new(id.clone(), NodeKind::Actor, id)).expect("ids are unique");
    }
    for (a, b, w) in barabasi_albert(n, m, seed) {
        let mut edge = Edge::new(format!("n{a}"), format!("n{b}"), EdgeKind::RelatedTo);
        edge.weight = Some(w);
        model.add_edge(edge).expect("ends exist");
    }
    model
}

/// The graph as edge-list text, `source<TAB>target` per line (no weights).
pub fn edge_list(n: usize, m: usize, seed: u64) -> String {
    let mut text = String::new();
    for (a, b, _) in barabasi_albert(n, m, seed) {
        text.push_str(&format!("{a}\t{b}\n"));
    }
    text
}
