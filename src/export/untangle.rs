//! Crossing reduction after the stress layout: local moves that lower the number of edge
//! crossings, drawn as straight lines between node centres, without creating box overlaps.
//!
//! Stress majorization places nodes at good distances but does not look at crossings.
//! Each sweep tries, for every node in index order, a few new places — around its only
//! neighbour for a leaf (16 directions at its current distance), the centre of its
//! neighbours, the places of its nearest nodes (a swap) — and keeps the one that lowers
//! `crossings + edges through other nodes' boxes` the most, provided no box then overlaps
//! another (grown by the padding). A node in a group (country cluster) stays inside its
//! group's bounding box. Sweeps stop when one improves nothing, after [`SWEEPS`] or when the
//! work budget is spent. Deterministic. Time per sweep O(n · deg · m · candidates) for the
//! moves and O(n · deg · m) for the swaps, bounded by [`BUDGET`] segment tests; components over [`MAX_NODES`]
//! nodes are skipped.

use super::geometry::{segment_hits_box, Point};

/// Most sweeps.
const SWEEPS: usize = 4;
/// Most segment tests in all.
const BUDGET: u64 = 100_000_000;
/// Components larger than this are left as they are (the swaps' neighbour search is O(n²)).
pub(crate) const MAX_NODES: usize = 1000;
/// A node tries trading places with this many of its nearest nodes.
const SWAP_WITH: usize = 40;

/// Whether segments p–q and r–s properly cross.
fn cross(p: Point, q: Point, r: Point, s: Point) -> bool {
    let o = |a: Point, b: Point, c: Point| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    let (d1, d2, d3, d4) = (o(r, s, p), o(r, s, q), o(p, q, r), o(p, q, s));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0)) && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// Whether segment p–q passes through the box centred on c with half-size h.
fn through(p: Point, q: Point, c: Point, h: Point) -> bool {
    let lo = Point { x: c.x - h.x, y: c.y - h.y };
    let hi = Point { x: c.x + h.x, y: c.y + h.y };
    segment_hits_box(p, q, lo, hi)
}

struct State<'a> {
    pos: &'a mut [Point],
    sizes: &'a [Point],
    /// Distinct undirected edges (a < b).
    edges: Vec<(usize, usize)>,
    incident: Vec<Vec<usize>>,
    groups: &'a [Option<usize>],
    padding: f64,
    work: u64,
}

impl State<'_> {
    /// Crossings and node hits of the edges at `v`, with `v` (and `u`, for a swap) placed as now.
    fn cost_of(&mut self, nodes: &[usize]) -> usize {
        let mut cost = 0;
        let n = self.pos.len();
        let mut seen: Vec<usize> = Vec::new();
        for &v in nodes {
            for &e in &self.incident[v] {
                if seen.contains(&e) {
                    continue;
                }
                seen.push(e);
                let (a, b) = self.edges[e];
                let (p, q) = (self.pos[a], self.pos[b]);
                let (lx, hx, ly, hy) = (p.x.min(q.x), p.x.max(q.x), p.y.min(q.y), p.y.max(q.y));
                for (f, &(c, d)) in self.edges.iter().enumerate() {
                    let (r, t) = (self.pos[c], self.pos[d]);
                    if r.x.max(t.x) < lx || r.x.min(t.x) > hx || r.y.max(t.y) < ly || r.y.min(t.y) > hy {
                        continue;
                    }
                    if f == e || c == a || c == b || d == a || d == b {
                        continue;
                    }
                    // Edges of both moved nodes are counted once.
                    if seen.contains(&f) && f < e {
                        continue;
                    }
                    if cross(p, q, self.pos[c], self.pos[d]) {
                        cost += 1;
                    }
                }
                for w in 0..n {
                    let (c, h) = (self.pos[w], Point { x: self.sizes[w].x / 2.0, y: self.sizes[w].y / 2.0 });
                    if c.x + h.x < lx || c.x - h.x > hx || c.y + h.y < ly || c.y - h.y > hy {
                        continue;
                    }
                    if w != a && w != b && through(p, q, c, h) {
                        cost += 1;
                    }
                }
                self.work += (self.edges.len() + n) as u64;
            }
        }
        cost
    }

    /// Whether node `v`'s box, at its place, overlaps no other box (grown by the padding).
    fn fits(&self, v: usize, skip: usize) -> bool {
        let (p, s) = (self.pos[v], self.sizes[v]);
        (0..self.pos.len()).all(|w| {
            w == v
                || w == skip
                || (p.x - self.pos[w].x).abs() >= (s.x + self.sizes[w].x) / 2.0 + self.padding
                || (p.y - self.pos[w].y).abs() >= (s.y + self.sizes[w].y) / 2.0 + self.padding
        })
    }

    /// Whether `p` is inside the bounding box of `v`'s group (always, without a group).
    fn in_group(&self, v: usize, p: Point) -> bool {
        let Some(g) = self.groups.get(v).copied().flatten() else { return true };
        let members = (0..self.pos.len()).filter(|&w| w != v && self.groups.get(w).copied().flatten() == Some(g));
        let (mut lo, mut hi) =
            (Point { x: f64::INFINITY, y: f64::INFINITY }, Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY });
        for w in members {
            lo = Point { x: lo.x.min(self.pos[w].x), y: lo.y.min(self.pos[w].y) };
            hi = Point { x: hi.x.max(self.pos[w].x), y: hi.y.max(self.pos[w].y) };
        }
        lo.x.is_finite() && p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y
    }

    fn neighbours(&self, v: usize) -> Vec<usize> {
        self.incident[v].iter().map(|&e| if self.edges[e].0 == v { self.edges[e].1 } else { self.edges[e].0 }).collect()
    }

    /// Tries moving `v`; returns whether it moved.
    fn improve_move(&mut self, v: usize) -> bool {
        let home = self.pos[v];
        let before = self.cost_of(&[v]);
        if before == 0 {
            return false;
        }
        let near = self.neighbours(v);
        let mut candidates = Vec::new();
        if let [u] = near.as_slice() {
            let c = self.pos[*u];
            let r = (home.x - c.x).hypot(home.y - c.y);
            for k in 0..16 {
                let a = k as f64 * std::f64::consts::TAU / 16.0;
                candidates.push(Point { x: c.x + r * a.cos(), y: c.y + r * a.sin() });
            }
        }
        if !near.is_empty() {
            let k = near.len() as f64;
            let centre = Point {
                x: near.iter().map(|&u| self.pos[u].x).sum::<f64>() / k,
                y: near.iter().map(|&u| self.pos[u].y).sum::<f64>() / k,
            };
            candidates.push(centre);
            candidates.push(Point { x: (centre.x + home.x) / 2.0, y: (centre.y + home.y) / 2.0 });
        }
        let mut best = (before, home);
        for p in candidates {
            if !p.x.is_finite() || !p.y.is_finite() || !self.in_group(v, p) {
                continue;
            }
            self.pos[v] = p;
            if self.fits(v, usize::MAX) {
                let cost = self.cost_of(&[v]);
                if cost < best.0 {
                    best = (cost, p);
                }
            }
        }
        self.pos[v] = best.1;
        best.1 != home
    }

    /// Tries swapping `v` with each of its [`SWAP_WITH`] nearest nodes; returns whether it
    /// swapped.
    fn improve_swap(&mut self, v: usize) -> bool {
        let mut changed = false;
        let p = self.pos[v];
        let mut near: Vec<usize> = (0..self.pos.len()).filter(|&u| u != v).collect();
        let d = |u: usize| (self.pos[u].x - p.x).powi(2) + (self.pos[u].y - p.y).powi(2);
        near.sort_by(|&a, &b| d(a).total_cmp(&d(b)).then(a.cmp(&b)));
        near.truncate(SWAP_WITH);
        for u in near {
            if self.work > BUDGET {
                break;
            }
            if self.groups.get(u).copied().flatten() != self.groups.get(v).copied().flatten() {
                continue;
            }
            let before = self.cost_of(&[v, u]);
            if before == 0 {
                continue;
            }
            self.pos.swap(u, v);
            if self.fits(v, u) && self.fits(u, v) && self.cost_of(&[v, u]) < before {
                changed = true;
            } else {
                self.pos.swap(u, v);
            }
        }
        changed
    }
}

/// Moves nodes of one laid-out component to lower edge crossings; `edges` are index pairs
/// into `pos` (repeats and self-loops are ignored).
/// With `swaps_only`, nodes only trade places within their group (focus rings keep their shape).
pub(crate) fn untangle(
    pos: &mut [Point],
    sizes: &[Point],
    edges: &[(usize, usize)],
    groups: &[Option<usize>],
    padding: f64,
    swaps_only: bool,
) {
    let n = pos.len();
    if n > MAX_NODES {
        return;
    }
    let mut distinct: Vec<(usize, usize)> =
        edges.iter().filter(|(a, b)| a != b && *a < n && *b < n).map(|&(a, b)| (a.min(b), a.max(b))).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut incident = vec![Vec::new(); n];
    for (e, &(a, b)) in distinct.iter().enumerate() {
        incident[a].push(e);
        incident[b].push(e);
    }
    let mut state = State { pos, sizes, edges: distinct, incident, groups, padding, work: 0 };
    for _ in 0..SWEEPS {
        let mut changed = false;
        for v in 0..n {
            if state.work > BUDGET {
                return;
            }
            if !swaps_only {
                changed |= state.improve_move(v);
            }
            changed |= state.improve_swap(v);
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crossed_square_is_uncrossed() {
        // Cycle 0-1-2-3 drawn as a bow tie: 0-1 crosses 2-3.
        let mut pos = vec![
            Point { x: 0.0, y: 0.0 },
            Point { x: 100.0, y: 100.0 },
            Point { x: 100.0, y: 0.0 },
            Point { x: 0.0, y: 100.0 },
        ];
        let sizes = vec![Point { x: 10.0, y: 10.0 }; 4];
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0)];
        untangle(&mut pos, &sizes, &edges, &[], 5.0, false);
        let crossings = cross(pos[0], pos[1], pos[2], pos[3]) as usize + cross(pos[1], pos[2], pos[3], pos[0]) as usize;
        assert_eq!(crossings, 0, "{pos:?}");
    }
}
