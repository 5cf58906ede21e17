//! Structure: components, strongly connected components, cut vertices and bridges (with
//! what removing each splits the network into), and ego networks.
//!
//! Components, cut vertices and bridges read ties without direction (weak connectivity);
//! parallel edges count as one tie, as in NetworkX's `Graph`. Node lists are sorted by
//! node index; lists of groups are sorted by their smallest member.

use std::collections::{BTreeSet, HashSet, VecDeque};

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::view::GraphView;
use crate::model::Model;

/// Neighbours of each node ignoring direction and self-loops, ascending.
fn undirected(view: &GraphView) -> Vec<Vec<u32>> {
    (0..view.node_count())
        .map(|u| {
            let mut adj: Vec<u32> = view.neighbors(u).to_vec();
            adj.extend(view.in_arcs(u).map(|(s, _)| s as u32));
            adj.sort_unstable();
            adj.dedup();
            adj.retain(|&v| v as usize != u);
            adj
        })
        .collect()
}

fn to_nodes(mut members: Vec<u32>) -> Vec<NodeIndex> {
    members.sort_unstable();
    members.into_iter().map(|v| NodeIndex::new(v as usize)).collect()
}

/// Groups reachable from each other in `adj` without crossing `cut_node` or `cut_edge`,
/// among `scope` (all nodes when `None`).
fn groups(
    adj: &[Vec<u32>],
    cut_node: Option<u32>,
    cut_edge: Option<(u32, u32)>,
    scope: Option<&[NodeIndex]>,
) -> Vec<Vec<NodeIndex>> {
    let n = adj.len();
    let mut seen = vec![false; n];
    if let Some(c) = cut_node {
        seen[c as usize] = true;
    }
    let starts: Vec<u32> = match scope {
        Some(s) => s.iter().map(|v| v.index() as u32).collect(),
        None => (0..n as u32).collect(),
    };
    let mut out = Vec::new();
    for s in starts {
        if seen[s as usize] {
            continue;
        }
        seen[s as usize] = true;
        let mut members = vec![s];
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for &v in &adj[u as usize] {
                let cut = cut_edge.is_some_and(|(a, b)| (a, b) == (u, v) || (b, a) == (u, v));
                if !seen[v as usize] && !cut {
                    seen[v as usize] = true;
                    members.push(v);
                    queue.push_back(v);
                }
            }
        }
        out.push(to_nodes(members));
    }
    out.sort_by_key(|g| g.first().map(|v| v.index()));
    out
}

/// Connected components ignoring direction (weak components on a directed view).
/// Breadth-first search, O(|V| + |E|). Reference: Hopcroft & Tarjan 1973.
pub fn components(view: &GraphView) -> Vec<Vec<NodeIndex>> {
    groups(&undirected(view), None, None, None)
}

/// Strongly connected components: maximal sets where every node reaches every other along
/// arc directions (on an undirected view, the components). Iterative Tarjan,
/// O(|V| + |E|). Reference: Tarjan 1972, "Depth-first search and linear graph algorithms".
pub fn strong_components(view: &GraphView) -> Vec<Vec<NodeIndex>> {
    let n = view.node_count();
    const NONE: u32 = u32::MAX;
    let (mut index, mut low) = (vec![NONE; n], vec![0u32; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut out) = (Vec::new(), Vec::new());
    let mut counter = 0u32;
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        let mut call: Vec<(usize, std::ops::Range<usize>)> = vec![(root, view.arcs(root))];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root as u32);
        on_stack[root] = true;
        while let Some((v, arcs)) = call.last_mut() {
            let v = *v;
            if let Some(a) = arcs.next() {
                let w = view.target(a);
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w as u32);
                    on_stack[w] = true;
                    call.push((w, view.arcs(w)));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    members.push(w);
                    if w as usize == v {
                        break;
                    }
                }
                out.push(to_nodes(members));
            }
        }
    }
    out.sort_by_key(|g| g.first().map(|v| v.index()));
    out
}

/// A node whose removal disconnects its component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutVertex {
    /// The node.
    pub node: NodeIndex,
    /// The pieces its component falls into without it, largest first.
    pub parts: Vec<Vec<NodeIndex>>,
}

/// A tie whose removal disconnects its component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    /// One end (the smaller index).
    pub a: NodeIndex,
    /// The other end.
    pub b: NodeIndex,
    /// The model edges between the two ends, in file order.
    pub edges: Vec<EdgeIndex>,
    /// The two pieces the component falls into without it: `a`'s side, then `b`'s.
    pub parts: [Vec<NodeIndex>; 2],
}

/// Discovery times and low points of an undirected DFS, with tree parents.
struct Dfs {
    disc: Vec<u32>,
    low: Vec<u32>,
    parent: Vec<u32>,
    children_of_root: Vec<u32>,
}

const UNSEEN: u32 = u32::MAX;

fn dfs(adj: &[Vec<u32>]) -> Dfs {
    let n = adj.len();
    let mut d = Dfs { disc: vec![UNSEEN; n], low: vec![0; n], parent: vec![UNSEEN; n], children_of_root: vec![0; n] };
    let mut time = 0;
    for root in 0..n {
        if d.disc[root] != UNSEEN {
            continue;
        }
        d.disc[root] = time;
        d.low[root] = time;
        time += 1;
        let mut call = vec![(root, 0usize)];
        while let Some((v, next)) = call.last_mut() {
            let v = *v;
            if let Some(&w) = adj[v].get(*next) {
                *next += 1;
                let w = w as usize;
                if d.disc[w] == UNSEEN {
                    d.parent[w] = v as u32;
                    d.disc[w] = time;
                    d.low[w] = time;
                    time += 1;
                    if v == root {
                        d.children_of_root[root] += 1;
                    }
                    call.push((w, 0));
                } else if d.parent[v] != w as u32 {
                    d.low[v] = d.low[v].min(d.disc[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(p, _)) = call.last() {
                d.low[p] = d.low[p].min(d.low[v]);
            }
        }
    }
    d
}

/// Articulation points (cut vertices), ascending, each with the pieces left by removing
/// it. Hopcroft–Tarjan low-point DFS, O(|V| + |E|), plus O(|V| + |E|) per cut vertex for
/// the pieces. Reference: Hopcroft & Tarjan 1973, "Efficient algorithms for graph
/// manipulation".
pub fn articulation_points(view: &GraphView) -> Vec<CutVertex> {
    let adj = undirected(view);
    let d = dfs(&adj);
    let mut cut = vec![false; adj.len()];
    for v in 0..adj.len() {
        let p = d.parent[v];
        if p == UNSEEN {
            cut[v] = d.children_of_root[v] > 1;
        } else if d.parent[p as usize] != UNSEEN && d.low[v] >= d.disc[p as usize] {
            cut[p as usize] = true;
        }
    }
    let all = groups(&adj, None, None, None);
    let mut out = Vec::new();
    for comp in &all {
        for &v in comp.iter().filter(|v| cut[v.index()]) {
            let mut parts = groups(&adj, Some(v.index() as u32), None, Some(comp));
            parts.sort_by(|x, y| y.len().cmp(&x.len()).then_with(|| x.first().cmp(&y.first())));
            out.push(CutVertex { node: v, parts });
        }
    }
    out.sort_by_key(|c| c.node);
    out
}

/// Bridges: ties whose removal disconnects their component, sorted by ends, each with the
/// two pieces left. Hopcroft–Tarjan low-point DFS, O(|V| + |E|), plus O(|V| + |E|) per
/// bridge for the pieces. Reference: Tarjan 1974, "A note on finding the bridges of a
/// graph"; Hopcroft & Tarjan 1973.
pub fn bridges(view: &GraphView) -> Vec<Bridge> {
    let adj = undirected(view);
    let d = dfs(&adj);
    let mut out = Vec::new();
    for v in 0..adj.len() {
        let p = d.parent[v];
        if p == UNSEEN || d.low[v] <= d.disc[p as usize] {
            continue;
        }
        let (a, b) = ((p as usize).min(v), (p as usize).max(v));
        let mut edges: BTreeSet<u32> = BTreeSet::new();
        for (x, y) in [(a, b), (b, a)] {
            if let Some(arc) = view.find_arc(x, y) {
                edges.extend(view.edges(arc));
            }
        }
        let cut = Some((a as u32, b as u32));
        let side =
            |s: usize| groups(&adj, None, cut, Some(&[NodeIndex::new(s)])).into_iter().next().unwrap_or_default();
        out.push(Bridge {
            a: NodeIndex::new(a),
            b: NodeIndex::new(b),
            edges: edges.into_iter().map(|e| EdgeIndex::new(e as usize)).collect(),
            parts: [side(a), side(b)],
        });
    }
    out.sort_by_key(|br| (br.a, br.b));
    out
}

/// Which ties an ego network follows from the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Direction {
    /// Outgoing arcs.
    Out,
    /// Incoming arcs.
    In,
    /// Both.
    #[default]
    Both,
}

/// The ego network of `center`: every node within `depth` steps (following `direction`
/// on the view), and every model edge between two of them, as a new model keeping the
/// title, description and sources. Breadth-first search, O(|V| + |E|).
/// Reference: Wasserman & Faust 1994, §2.3 (ego-centred networks).
pub fn ego(model: &Model, view: &GraphView, center: NodeIndex, depth: usize, direction: Direction) -> Model {
    let n = view.node_count().min(model.node_count());
    let mut dist = vec![usize::MAX; n];
    let mut queue = VecDeque::new();
    if center.index() < n {
        dist[center.index()] = 0;
        queue.push_back(center.index());
    }
    while let Some(u) = queue.pop_front() {
        if dist[u] >= depth {
            continue;
        }
        let mut next: Vec<usize> = Vec::new();
        if direction != Direction::In {
            next.extend(view.neighbors(u).iter().map(|&v| v as usize));
        }
        if direction != Direction::Out {
            next.extend(view.in_arcs(u).map(|(s, _)| s));
        }
        for v in next {
            if v < n && dist[v] == usize::MAX {
                dist[v] = dist[u] + 1;
                queue.push_back(v);
            }
        }
    }
    let graph = model.graph();
    let keep: HashSet<&str> = (0..n)
        .filter(|&i| dist[i] != usize::MAX)
        .filter_map(|i| graph.node_weight(NodeIndex::new(i)).map(|node| node.id.as_str()))
        .collect();
    model.filtered(|node| keep.contains(node.id.as_str()), |_| true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::ViewOptions;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    /// Two triangles a-b-c and d-e-f joined by the tie c–d, plus a lone node g.
    fn bowtie() -> Model {
        let mut m = Model::new("b");
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        for (f, t) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")] {
            m.add_edge(Edge::new(f, t, EdgeKind::Sanctions)).unwrap();
        }
        m
    }

    fn ix(v: &[usize]) -> Vec<NodeIndex> {
        v.iter().map(|&i| NodeIndex::new(i)).collect()
    }

    #[test]
    fn components_cut_vertices_and_bridges_of_a_bowtie() {
        let m = bowtie();
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(components(&v), vec![ix(&[0, 1, 2, 3, 4, 5]), ix(&[6])]);
        let cuts = articulation_points(&v);
        assert_eq!(cuts.iter().map(|c| c.node.index()).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(cuts[0].parts, vec![ix(&[3, 4, 5]), ix(&[0, 1])]);
        let br = bridges(&v);
        assert_eq!(br.len(), 1);
        assert_eq!((br[0].a.index(), br[0].b.index(), br[0].edges[0].index()), (2, 3, 3));
        assert_eq!(br[0].parts, [ix(&[0, 1, 2]), ix(&[3, 4, 5])]);
    }

    #[test]
    fn strong_components_follow_direction() {
        let m = bowtie();
        let v = GraphView::new(&m, &ViewOptions::directed());
        assert_eq!(strong_components(&v), vec![ix(&[0, 1, 2]), ix(&[3, 4, 5]), ix(&[6])]);
    }

    #[test]
    fn ego_network_respects_depth_and_direction() {
        let m = bowtie();
        let v = GraphView::new(&m, &ViewOptions::directed());
        let c = m.index_of("c").unwrap();
        let out1 = ego(&m, &v, c, 1, Direction::Out);
        assert_eq!(out1.nodes().map(|n| n.id.as_str()).collect::<Vec<_>>(), vec!["a", "c", "d"]);
        assert_eq!(out1.edge_count(), 2);
        let both2 = ego(&m, &v, c, 2, Direction::Both);
        assert_eq!(both2.node_count(), 6);
        assert_eq!(ego(&m, &v, NodeIndex::new(99), 2, Direction::Both).node_count(), 0);
    }
}
