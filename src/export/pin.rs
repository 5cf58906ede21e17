//! Layouts that hold still: nodes with a given position (from a positions file, or from the
//! layout of the whole model when drawing a view of it) stay exactly there, and the others
//! are placed around them.
//!
//! 1. Every pinned node keeps its position.
//! 2. An unpinned node reached from pinned ones (breadth-first, edges read both ways) starts
//!    at the mean of its already placed neighbours, nudged by a small index-derived offset so
//!    that two new leaves of one node do not coincide.
//! 3. Unpinned nodes of components with no pinned node are laid out on their own by
//!    [`super::layout::layout`] and put to the right of the pinned drawing.
//! 4. A few sweeps of local stress (each unpinned node moves to where its neighbours, at
//!    one ideal edge length, would put it) settle the new nodes, then boxes that overlap
//!    are pushed apart by moving only unpinned nodes.
//!
//! 5. Unless the positions are exact (a positions file), boxes that still overlap (pinned
//!    ones that grew since their positions were taken) are pushed apart by the layout's
//!    overlap removal, which moves only what overlaps.
//!
//! With every node pinned exactly, the result is the given positions, untouched: views of one model
//! drawn from its whole-model positions place every shared node at the same point.
//! Deterministic. Time O(sweeps · (n + m)) for the settling and O(passes · u · n) for the
//! overlaps, u the number of unpinned nodes.

use super::geometry::Point;
use super::layout::{layout, remove_overlaps, LayoutParams};

/// Settling sweeps for unpinned nodes.
const SWEEPS: usize = 30;
/// Most overlap passes.
const OVERLAP_PASSES: usize = 50;

/// Positions for boxes of `sizes` joined by `edges`, keeping every `pinned` position.
pub(crate) fn place(
    sizes: &[Point],
    edges: &[(usize, usize)],
    groups: &[Option<usize>],
    pinned: &[Option<Point>],
    params: &LayoutParams,
    exact: bool,
) -> Vec<Point> {
    let n = sizes.len();
    if pinned.iter().all(Option::is_none) || pinned.len() != n {
        return layout(sizes, edges, groups, params);
    }
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    for list in &mut adjacency {
        list.sort_unstable();
        list.dedup();
    }
    let length = params.edge_length.max(1.0);
    let mut pos: Vec<Point> = pinned.iter().map(|p| p.unwrap_or_default()).collect();
    let mut placed: Vec<bool> = pinned.iter().map(Option::is_some).collect();
    // Breadth-first from the pinned nodes.
    let mut frontier: Vec<usize> = (0..n).filter(|&i| placed[i]).collect();
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for &v in &frontier {
            for &w in &adjacency[v] {
                if placed[w] || next.contains(&w) {
                    continue;
                }
                next.push(w);
            }
        }
        next.sort_unstable();
        for &w in &next {
            let around: Vec<Point> = adjacency[w].iter().filter(|&&u| placed[u]).map(|&u| pos[u]).collect();
            let k = around.len().max(1) as f64;
            let centre = Point {
                x: around.iter().map(|p| p.x).sum::<f64>() / k,
                y: around.iter().map(|p| p.y).sum::<f64>() / k,
            };
            // The golden angle spreads successive new nodes around their anchor.
            let angle = w as f64 * 2.399_963_229_728_653;
            pos[w] = Point { x: centre.x + length * angle.cos(), y: centre.y + length * angle.sin() };
        }
        for &w in &next {
            placed[w] = true;
        }
        frontier = next;
    }
    // Components without a pinned node: their own layout, to the right of the rest.
    let rest: Vec<usize> = (0..n).filter(|&i| !placed[i]).collect();
    if !rest.is_empty() {
        let index_of = |i: usize| rest.binary_search(&i).ok();
        let sub_sizes: Vec<Point> = rest.iter().map(|&i| sizes[i]).collect();
        let sub_edges: Vec<(usize, usize)> =
            edges.iter().filter_map(|&(a, b)| Some((index_of(a)?, index_of(b)?))).collect();
        let sub_groups: Vec<Option<usize>> = rest.iter().map(|&i| groups.get(i).copied().flatten()).collect();
        let sub = layout(&sub_sizes, &sub_edges, &sub_groups, params);
        let right = (0..n).filter(|&i| placed[i]).map(|i| pos[i].x + sizes[i].x / 2.0).fold(f64::MIN, f64::max);
        let top = (0..n).filter(|&i| placed[i]).map(|i| pos[i].y - sizes[i].y / 2.0).fold(f64::MAX, f64::min);
        let left = rest.iter().zip(&sub).map(|(&i, p)| p.x - sizes[i].x / 2.0).fold(f64::MAX, f64::min);
        let high = rest.iter().zip(&sub).map(|(&i, p)| p.y - sizes[i].y / 2.0).fold(f64::MAX, f64::min);
        let (dx, dy) = (right + params.component_gap - left, top - high);
        for (&i, p) in rest.iter().zip(&sub) {
            pos[i] = Point { x: p.x + dx, y: p.y + dy };
        }
    }
    let free: Vec<usize> = (0..n).filter(|&i| pinned[i].is_none()).collect();
    settle(&mut pos, &adjacency, &free, length);
    separate(&mut pos, sizes, pinned, &free, params.padding.max(0.0));
    if !exact {
        // Pinned boxes may have grown (sized by a score, say): push apart what overlaps.
        remove_overlaps(&mut pos, sizes, params.padding.max(0.0));
    }
    pos
}

/// Local stress: each free node moves to the mean of where its neighbours, at `length`,
/// would put it.
fn settle(pos: &mut [Point], adjacency: &[Vec<usize>], free: &[usize], length: f64) {
    for _ in 0..SWEEPS {
        for &i in free {
            if adjacency[i].is_empty() {
                continue;
            }
            let (mut x, mut y) = (0.0, 0.0);
            for &j in &adjacency[i] {
                let (dx, dy) = (pos[i].x - pos[j].x, pos[i].y - pos[j].y);
                let d = (dx * dx + dy * dy).sqrt().max(1e-6);
                x += pos[j].x + length * dx / d;
                y += pos[j].y + length * dy / d;
            }
            let k = adjacency[i].len() as f64;
            pos[i] = Point { x: x / k, y: y / k };
        }
    }
}

/// Pushes free nodes out of every box they overlap (grown by `padding`), along the axis of
/// least overlap; pinned nodes never move.
fn separate(pos: &mut [Point], sizes: &[Point], pinned: &[Option<Point>], free: &[usize], padding: f64) {
    let n = pos.len();
    for _ in 0..OVERLAP_PASSES {
        let mut moved = false;
        for &i in free {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let ox = (sizes[i].x + sizes[j].x) / 2.0 + padding - (pos[i].x - pos[j].x).abs();
                let oy = (sizes[i].y + sizes[j].y) / 2.0 + padding - (pos[i].y - pos[j].y).abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                // A free neighbour takes half the push; a pinned one none.
                let share = if pinned[j].is_none() { 0.5 } else { 1.0 };
                if ox < oy {
                    let s = if pos[i].x < pos[j].x || (pos[i].x == pos[j].x && i < j) { -1.0 } else { 1.0 };
                    pos[i].x += s * ox * share;
                    if pinned[j].is_none() {
                        pos[j].x -= s * ox * share;
                    }
                } else {
                    let s = if pos[i].y < pos[j].y || (pos[i].y == pos[j].y && i < j) { -1.0 } else { 1.0 };
                    pos[i].y += s * oy * share;
                    if pinned[j].is_none() {
                        pos[j].y -= s * oy * share;
                    }
                }
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(n: usize) -> Vec<Point> {
        vec![Point { x: 40.0, y: 20.0 }; n]
    }

    #[test]
    fn every_pinned_node_stays_exactly_where_it_was_put() {
        let pinned = vec![Some(Point { x: 0.0, y: 0.0 }), Some(Point { x: 300.0, y: 0.0 }), None, None];
        let edges = [(0, 1), (1, 2), (2, 3), (0, 3)];
        let pos = place(&boxes(4), &edges, &[None; 4], &pinned, &LayoutParams::default(), true);
        assert_eq!(pos[0], Point { x: 0.0, y: 0.0 });
        assert_eq!(pos[1], Point { x: 300.0, y: 0.0 });
        // The new nodes overlap nothing.
        for i in 0..4 {
            for j in i + 1..4 {
                let apart = (pos[i].x - pos[j].x).abs() >= 40.0 || (pos[i].y - pos[j].y).abs() >= 20.0;
                assert!(apart, "{i} and {j} overlap: {pos:?}");
            }
        }
    }

    #[test]
    fn a_new_leaf_is_placed_near_its_pinned_neighbour() {
        let pinned = vec![Some(Point { x: 0.0, y: 0.0 }), Some(Point { x: 1000.0, y: 0.0 }), None];
        let pos = place(&boxes(3), &[(0, 1), (1, 2)], &[None; 3], &pinned, &LayoutParams::default(), true);
        let d = ((pos[2].x - 1000.0).powi(2) + pos[2].y.powi(2)).sqrt();
        assert!((d - 150.0).abs() < 1.0, "one edge length from its neighbour, got {d}");
    }
}
