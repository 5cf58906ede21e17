//! Shortest-path lengths from one node to every node it reaches, or to one node from every
//! node that reaches it: the single-source lengths NetworkX's `shortest_path_length`
//! returns (with `source`, with `target`, or both).
//!
//! Hops or arc distances (the merged arc's minimum weight, as every path measure reads it);
//! one breadth-first search (a bucket queue of unit lengths) or Dijkstra on the view's flat
//! adjacency, forward from the source or along incoming arcs to the target. Results list
//! the nodes reached, the start first, in the order the search settled them (non-decreasing
//! distance, ties by discovery).

use super::sssp::{forward, in_lengths, whole_lengths, Csr, Dijkstra};
use super::view::GraphView;

/// Every node `source` reaches, with its distance (hops, or arc distances when `weighted`),
/// `source` itself first at 0, in the order of non-decreasing distance in which the search
/// settled them. Empty when `source` is not a node of the view.
///
/// O(|V| + |E|) unweighted, O(|E| + |V| log |V|) weighted. Reference: Dijkstra 1959, "A
/// note on two problems in connexion with graphs"; the bucket queue of Dial 1969.
pub fn distances_from(view: &GraphView, source: usize, weighted: bool) -> Vec<(u32, f64)> {
    settled(&forward(view, weighted), source)
}

/// Every node that reaches `target`, with its distance to `target`, `target` first at 0:
/// [`distances_from`] on the reversed arcs (the same as [`distances_from`] on an
/// undirected view). Empty when `target` is not a node of the view. Same cost.
pub fn distances_to(view: &GraphView, target: usize, weighted: bool) -> Vec<(u32, f64)> {
    if !view.is_directed() {
        return distances_from(view, target, weighted);
    }
    let (offsets, sources, _) = view.in_adjacency();
    let lengths = in_lengths(view, weighted);
    settled(&Csr { offsets, targets: sources, lengths: &lengths }, target)
}

/// The length of a shortest path from `source` to `target`, `None` when there is none (or
/// either is not a node of the view). Same cost as [`distances_from`].
pub fn distance(view: &GraphView, source: usize, target: usize, weighted: bool) -> Option<f64> {
    if target >= view.node_count() {
        return None;
    }
    distances_from(view, source, weighted).into_iter().find(|&(v, _)| v as usize == target).map(|(_, d)| d)
}

fn settled(g: &Csr, start: usize) -> Vec<(u32, f64)> {
    let n = g.node_count();
    if start >= n {
        return Vec::new();
    }
    let mut ws = Dijkstra::new(n, whole_lengths(g));
    ws.run(g, start);
    ws.order.iter().map(|&v| (v, ws.dist(v as usize))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::ViewOptions;
    use crate::model::{Edge, EdgeKind, Model, Node, NodeKind};

    /// a→b (2), b→c (2), a→c (5), d alone; a directed model of plain `related_to` ties.
    fn model() -> Model {
        let mut m = Model::new("d");
        for id in ["a", "b", "c", "d"] {
            m.add_node(Node::new(id, NodeKind::Actor, id)).unwrap();
        }
        for (from, to, w) in [("a", "b", 2.0), ("b", "c", 2.0), ("a", "c", 5.0)] {
            let mut e = Edge::new(from, to, EdgeKind::RelatedTo);
            e.weight = Some(w);
            m.add_edge(e).unwrap();
        }
        m
    }

    #[test]
    fn distances_follow_hops_or_weights_and_direction() {
        let m = model();
        let directed = GraphView::new(&m, &ViewOptions::directed().with_strict_direction(true));
        assert_eq!(distances_from(&directed, 0, false), vec![(0, 0.0), (1, 1.0), (2, 1.0)]);
        assert_eq!(distances_from(&directed, 0, true), vec![(0, 0.0), (1, 2.0), (2, 4.0)]);
        assert_eq!(distances_to(&directed, 2, true), vec![(2, 0.0), (1, 2.0), (0, 4.0)]);
        assert_eq!(distances_from(&directed, 2, false), vec![(2, 0.0)]);
        assert_eq!(distance(&directed, 0, 2, true), Some(4.0));
        assert_eq!(distance(&directed, 2, 0, true), None);
        assert_eq!(distance(&directed, 0, 3, false), None);
        let undirected = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(distances_to(&undirected, 2, false), distances_from(&undirected, 2, false));
        assert_eq!(distance(&undirected, 2, 0, true), Some(4.0));
    }

    #[test]
    fn nodes_outside_the_view_give_nothing_not_a_panic() {
        let view = GraphView::new(&model(), &ViewOptions::undirected());
        assert!(distances_from(&view, 9, false).is_empty());
        assert!(distances_to(&view, 9, true).is_empty());
        assert_eq!(distance(&view, 9, 0, false), None);
        assert_eq!(distance(&view, 0, 0, false), Some(0.0));
    }
}
