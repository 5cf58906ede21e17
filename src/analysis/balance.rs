//! Structural balance of the signed network (Heider; Cartwright & Harary 1956).
//!
//! Ties are read without direction. A pair of nodes is **positive** when its edges are
//! cooperative (ignoring neutral ones), **negative** when they are conflictual, and
//! **ambivalent** when it has both; ambivalent pairs are reported and left out, as are
//! pairs joined only by neutral ties.
//!
//! A triangle of signed ties is balanced when the product of its signs is positive
//! ("the friend of my friend is my friend", "the enemy of my enemy is my friend").
//! The network is balanced (Harary) exactly when its nodes split into two camps with
//! positive ties inside and negative ties between.

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::view::{GraphView, ViewOptions};
use crate::model::{Model, Polarity};

/// A tie between two nodes, read without direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedTie {
    /// One end (the smaller index).
    pub a: NodeIndex,
    /// The other end.
    pub b: NodeIndex,
    /// +1 or −1 (0 for an ambivalent pair).
    pub sign: i8,
    /// The model edges between the two, in file order.
    pub edges: Vec<EdgeIndex>,
}

/// A triangle of signed ties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triangle {
    /// Its nodes, ascending.
    pub nodes: [NodeIndex; 3],
    /// Its ties: a–b, a–c, b–c.
    pub ties: [SignedTie; 3],
    /// Whether the product of the signs is positive.
    pub balanced: bool,
}

/// Triangle census of a signed network.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TriangleCensus {
    /// Number of triangles of signed ties.
    pub triangles: usize,
    /// How many are balanced.
    pub balanced: usize,
    /// `balanced / triangles`, `None` without triangles.
    pub share_balanced: Option<f64>,
    /// The unbalanced triangles, by node indices.
    pub unbalanced: Vec<Triangle>,
    /// Pairs with both cooperative and conflictual edges, left out.
    pub ambivalent: Vec<SignedTie>,
}

/// The signed ties of a model, as a sorted undirected adjacency.
struct Signed {
    /// For each node, (neighbour, tie index) ascending by neighbour; only ±1 ties.
    adj: Vec<Vec<(u32, usize)>>,
    ties: Vec<SignedTie>,
    ambivalent: Vec<SignedTie>,
}

fn signed(model: &Model) -> Signed {
    let view = GraphView::new(model, &ViewOptions::undirected());
    let graph = model.graph();
    let n = view.node_count();
    let mut s = Signed { adj: vec![Vec::new(); n], ties: Vec::new(), ambivalent: Vec::new() };
    for u in 0..n {
        for a in view.arcs(u) {
            let v = view.target(a);
            if v <= u {
                continue;
            }
            let edges: Vec<EdgeIndex> = view.edges(a).iter().map(|&e| EdgeIndex::new(e as usize)).collect();
            let polarity = |e: &EdgeIndex| graph.edge_weight(*e).map(|w| w.polarity());
            let pos = edges.iter().any(|e| polarity(e) == Some(Polarity::Cooperative));
            let neg = edges.iter().any(|e| polarity(e) == Some(Polarity::Conflictual));
            let tie = |sign| SignedTie { a: NodeIndex::new(u), b: NodeIndex::new(v), sign, edges: edges.clone() };
            match (pos, neg) {
                (true, true) => s.ambivalent.push(tie(0)),
                (false, false) => {}
                (p, _) => {
                    let k = s.ties.len();
                    s.ties.push(tie(if p { 1 } else { -1 }));
                    s.adj[u].push((v as u32, k));
                    s.adj[v].push((u as u32, k));
                }
            }
        }
    }
    for list in &mut s.adj {
        list.sort_unstable();
    }
    s
}

/// Every triangle of signed ties, classified balanced or unbalanced (Heider).
///
/// Each triangle u < v < w is found once by merging the sorted neighbour lists of u and v:
/// O(|E|·d_max) time, O(|V| + |E|) space. Reference: Cartwright & Harary 1956, "Structural
/// balance: a generalization of Heider's theory".
pub fn triangles(model: &Model) -> TriangleCensus {
    let s = signed(model);
    let mut census = TriangleCensus { ambivalent: s.ambivalent.clone(), ..TriangleCensus::default() };
    for u in 0..s.adj.len() {
        for &(v, uv) in s.adj[u].iter().filter(|(v, _)| *v as usize > u) {
            let (mut i, mut j) = (0, 0);
            let (nu, nv) = (&s.adj[u], &s.adj[v as usize]);
            while i < nu.len() && j < nv.len() {
                let (w1, uw) = nu[i];
                let (w2, vw) = nv[j];
                if w1 < w2 {
                    i += 1;
                } else if w2 < w1 {
                    j += 1;
                } else {
                    if w1 > v {
                        let ties = [s.ties[uv].clone(), s.ties[uw].clone(), s.ties[vw].clone()];
                        let balanced = ties.iter().map(|t| t.sign).product::<i8>() > 0;
                        census.triangles += 1;
                        if balanced {
                            census.balanced += 1;
                        } else {
                            let nodes = [NodeIndex::new(u), NodeIndex::new(v as usize), NodeIndex::new(w1 as usize)];
                            census.unbalanced.push(Triangle { nodes, ties, balanced });
                        }
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    census.share_balanced = (census.triangles > 0).then(|| census.balanced as f64 / census.triangles as f64);
    census
}

/// The result of the Harary bipartition test.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bipartition {
    /// Whether the signed network splits exactly into two camps (no frustrated tie).
    pub balanced: bool,
    /// The two camps: nodes with at least one signed tie, ascending. In each connected
    /// piece the smallest node is in the first camp.
    pub camps: [Vec<NodeIndex>; 2],
    /// Ties that contradict the camps: positive between camps or negative inside one.
    /// Empty exactly when `balanced`.
    pub frustrated: Vec<SignedTie>,
}

/// Harary's test: can the signed network split into two camps with positive ties inside
/// and negative ties between? If not, which ties stand in the way?
///
/// A breadth-first two-colouring (from the smallest node of each connected piece, in index
/// order) puts nodes joined by a positive tie in the same camp and by a negative tie in
/// opposite camps; it decides balance exactly. The frustrated ties it leaves are then
/// reduced by local search: a node switches camp while that strictly lowers the number of
/// frustrated ties (nodes visited in index order, until no switch helps). Finding a
/// *minimum* set of frustrated ties (the frustration index) is NP-hard, so the set
/// reported is a deterministic upper bound, not necessarily the smallest.
///
/// O(|V| + |E|) for the colouring, O(|E|) per local-search pass, at most |E| passes.
/// Reference: Cartwright & Harary 1956; Harary 1953, "On the notion of balance of a signed
/// graph".
pub fn bipartition(model: &Model) -> Bipartition {
    let s = signed(model);
    let n = s.adj.len();
    let mut camp = vec![u8::MAX; n];
    let mut piece = vec![usize::MAX; n];
    for root in 0..n {
        if camp[root] != u8::MAX || s.adj[root].is_empty() {
            continue;
        }
        camp[root] = 0;
        piece[root] = root;
        let mut queue = std::collections::VecDeque::from([root]);
        while let Some(u) = queue.pop_front() {
            for &(v, t) in &s.adj[u] {
                let v = v as usize;
                if camp[v] == u8::MAX {
                    camp[v] = if s.ties[t].sign > 0 { camp[u] } else { 1 - camp[u] };
                    piece[v] = root;
                    queue.push_back(v);
                }
            }
        }
    }
    let frustrated = |camp: &[u8], t: &SignedTie| (camp[t.a.index()] == camp[t.b.index()]) != (t.sign > 0);
    // Local search: switch a node while that lowers its frustrated ties.
    let mut improved = true;
    let mut passes = 0;
    while improved && passes <= s.ties.len() {
        improved = false;
        passes += 1;
        for u in 0..n {
            let (mut bad, mut good) = (0i64, 0i64);
            for &(_, t) in &s.adj[u] {
                if frustrated(&camp, &s.ties[t]) {
                    bad += 1;
                } else {
                    good += 1;
                }
            }
            if bad > good {
                camp[u] = 1 - camp[u];
                improved = true;
            }
        }
    }
    // Normalise: the smallest node of each piece goes to the first camp.
    for root in 0..n {
        if piece[root] == root && camp[root] == 1 {
            for v in 0..n {
                if piece[v] == root {
                    camp[v] = 1 - camp[v];
                }
            }
        }
    }
    let mut out = Bipartition::default();
    for (v, &c) in camp.iter().enumerate() {
        if c <= 1 {
            out.camps[c as usize].push(NodeIndex::new(v));
        }
    }
    out.frustrated = s.ties.iter().filter(|t| frustrated(&camp, t)).cloned().collect();
    out.balanced = out.frustrated.is_empty();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    fn model(ties: &[(&str, &str, EdgeKind)]) -> Model {
        let mut m = Model::new("s");
        for id in ["a", "b", "c", "d", "e"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        for &(f, t, k) in ties {
            m.add_edge(Edge::new(f, t, k)).unwrap();
        }
        m
    }

    use EdgeKind::{AlliedWith as Plus, Sanctions as Minus};

    #[test]
    fn triangles_are_classified_by_sign_product_and_ambivalent_pairs_left_out() {
        // a+b, b−c, a−c: balanced (friends sharing an enemy); a−c, c+d, a+d: unbalanced;
        // b–d is ambivalent and d–e neutral, so neither forms triangles.
        let m = model(&[
            ("a", "b", Plus),
            ("b", "c", Minus),
            ("a", "c", Minus),
            ("c", "d", Plus),
            ("a", "d", Plus),
            ("b", "d", Plus),
            ("b", "d", Minus),
            ("d", "e", EdgeKind::Attends),
        ]);
        let t = triangles(&m);
        assert_eq!((t.triangles, t.balanced), (2, 1));
        assert_eq!(t.share_balanced, Some(0.5));
        let bad = &t.unbalanced[0];
        assert_eq!(bad.nodes.map(|n| n.index()), [0, 2, 3]);
        assert!(!bad.balanced);
        assert_eq!(t.ambivalent.len(), 1);
        assert_eq!((t.ambivalent[0].a.index(), t.ambivalent[0].b.index(), t.ambivalent[0].edges.len()), (1, 3, 2));
    }

    #[test]
    fn harary_splits_a_balanced_network_into_two_camps() {
        let m = model(&[("a", "b", Plus), ("c", "d", Plus), ("a", "c", Minus), ("b", "d", Minus)]);
        let b = bipartition(&m);
        assert!(b.balanced);
        assert_eq!(b.camps[0].iter().map(|n| n.index()).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(b.camps[1].iter().map(|n| n.index()).collect::<Vec<_>>(), vec![2, 3]);
    }

    #[test]
    fn harary_names_a_frustrated_tie_in_an_unbalanced_triangle() {
        let m = model(&[("a", "b", Minus), ("b", "c", Minus), ("a", "c", Minus), ("c", "d", Plus)]);
        let b = bipartition(&m);
        assert!(!b.balanced);
        assert_eq!(b.frustrated.len(), 1);
        assert!(triangles(&Model::new("empty")).share_balanced.is_none());
    }
}
