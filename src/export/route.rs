//! Edge routing around nodes for the built-in renderer: a line whose straight (or bowed)
//! course would cross a node other than its two ends is sent around the nodes in the way.
//!
//! The approach is the one of Graphviz's spline router and of libavoid, in small: obstacles
//! are the node boxes grown by a clearance; the shortest obstacle-avoiding polyline between
//! the two centres runs along a visibility graph whose vertices are the grown boxes'
//! corners (Lozano-Pérez & Wesley 1979), searched with A* (straight-line distance to the
//! goal as the heuristic) and with visibility tested only when an edge would shorten a path.
//! Only the boxes near the two ends (a window around them) give corners; every box, near or
//! far, blocks. The polyline's corners are then rounded with quadratic pieces, each piece
//! checked by sampling against the boxes and made sharper (down to the bare polyline) where
//! it would touch one, so the curve drawn is the curve checked.
//!
//! Cost: a search with `k` corners in the window does at most `k²` visibility tests, each
//! against the boxes a uniform grid ([`super::grid`]) finds near the segment; a budget of
//! box tests per drawing bounds the total, and lines past it keep their course (their
//! crossings are then counted by [`super::stats`] like any other). Drawings of more than
//! [`MAX_LINES`] lines are not routed at all.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::geometry::{segment_hits_box, Curve, Point, SEGMENTS};
use super::grid::Grid;

/// Space kept between a routed line and the boxes it goes around, in pixels (less than
/// half the layout's padding between boxes, so neighbouring grown boxes leave a gap).
pub(crate) const CLEARANCE: f64 = 6.0;
/// A line coming closer than this to a foreign box is routed around it.
pub(crate) const TOUCH: f64 = 1.5;
/// The most box and line tests spent on routing one drawing.
pub(crate) const BUDGET: usize = 30_000_000;
/// The budget of a drawing of at most [`SMALL_NODES`] nodes. The hubs of such a drawing
/// (a model of one article, clustered, a path highlighted) each cost about a million tests
/// to route around; with the plain budget the shipped model's clustered path view ran out
/// and left 5 of 211 lines through foreign nodes. On a hairball the larger budget buys
/// little for its time (a 450-node BA graph: 587 instead of 634 of 896 lines through
/// nodes, 5.8 s instead of 3.5 s), so larger drawings keep [`BUDGET`].
pub(crate) const SMALL_BUDGET: usize = 80_000_000;
/// Largest drawing given [`SMALL_BUDGET`].
pub(crate) const SMALL_NODES: usize = 200;
/// Drawings with more lines than this are not routed: on such hairballs most lines cross
/// nodes, and routing them all would take seconds.
pub(crate) const MAX_LINES: usize = 1000;
/// Radius of a rounded corner before any tightening, in pixels.
const ROUND: f64 = 30.0;
/// What crossing another line costs a route, in pixels of extra length.
pub(crate) const CROSSING_COST: f64 = 250.0;

/// A line as drawn: quadratic pieces end to end (a straight piece has its control point
/// at its middle).
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub(crate) pieces: Vec<Curve>,
}

impl Route {
    /// One curve.
    pub(crate) fn single(curve: Curve) -> Self {
        Self { pieces: vec![curve] }
    }

    /// The same course, travelled the other way.
    pub(crate) fn reversed(&self) -> Self {
        Self { pieces: self.pieces.iter().rev().map(|c| Curve { a: c.b, c: c.c, b: c.a }).collect() }
    }

    /// The route as straight pieces: [`SEGMENTS`] per curve.
    pub(crate) fn polyline(&self) -> Vec<Point> {
        let mut out = Vec::with_capacity(self.pieces.len() * SEGMENTS + 1);
        for (i, c) in self.pieces.iter().enumerate() {
            let line = c.polyline();
            out.extend_from_slice(if i == 0 { &line[..] } else { &line[1..] });
        }
        out
    }

    /// The piece and its own parameter at `t` in 0 … 1 of the whole route (pieces weighted
    /// by their length).
    fn locate(&self, t: f64) -> (Curve, f64) {
        let lengths: Vec<f64> = self.pieces.iter().map(|c| dist(c.a, c.c) + dist(c.c, c.b)).collect();
        let total: f64 = lengths.iter().sum();
        let mut left = t.clamp(0.0, 1.0) * total;
        for (c, l) in self.pieces.iter().zip(&lengths) {
            if left <= *l || *l <= 0.0 && left <= 0.0 {
                return (*c, if *l > 0.0 { left / l } else { 0.0 });
            }
            left -= l;
        }
        let last = self.pieces.last().copied().unwrap_or(Curve {
            a: Point::default(),
            c: Point::default(),
            b: Point::default(),
        });
        (last, 1.0)
    }

    /// The point at `t` in 0 … 1 along the route.
    pub(crate) fn at(&self, t: f64) -> Point {
        let (c, u) = self.locate(t);
        c.at(u)
    }

    /// The unit normal at `t` (left of the direction of travel).
    pub(crate) fn normal(&self, t: f64) -> Point {
        let (c, u) = self.locate(t);
        c.normal(u)
    }
}

fn dist(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// Node boxes, found by position through a grid.
pub(crate) struct Obstacles {
    centre: Vec<Point>,
    half: Vec<Point>,
    grid: Grid,
    /// Box tests left.
    pub(crate) budget: usize,
}

/// How far the grid's entries are grown: the most any query grows a box.
const GRID_GROW: f64 = 64.0;

impl Obstacles {
    /// The boxes of nodes centred at `pos` with sizes `sizes`.
    pub(crate) fn new(pos: &[Point], sizes: &[Point]) -> Self {
        let half: Vec<Point> = sizes.iter().map(|s| Point { x: s.x / 2.0, y: s.y / 2.0 }).collect();
        let mut lo = Point { x: f64::INFINITY, y: f64::INFINITY };
        let mut hi = Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
        for (p, h) in pos.iter().zip(&half) {
            lo = Point { x: lo.x.min(p.x - h.x - GRID_GROW), y: lo.y.min(p.y - h.y - GRID_GROW) };
            hi = Point { x: hi.x.max(p.x + h.x + GRID_GROW), y: hi.y.max(p.y + h.y + GRID_GROW) };
        }
        let mean = sizes.iter().map(|s| s.x.max(s.y)).sum::<f64>() / sizes.len().max(1) as f64;
        let mut grid = Grid::new(lo, hi, (2.0 * mean).max(40.0));
        for (i, (p, h)) in pos.iter().zip(&half).enumerate() {
            let g = Point { x: h.x + GRID_GROW, y: h.y + GRID_GROW };
            grid.insert(i, Point { x: p.x - g.x, y: p.y - g.y }, Point { x: p.x + g.x, y: p.y + g.y });
        }
        let budget = if pos.len() <= SMALL_NODES { SMALL_BUDGET } else { BUDGET };
        Self { centre: pos.to_vec(), half, grid, budget }
    }

    /// Box `i` grown by `by`: its low and high corners.
    fn grown(&self, i: usize, by: f64) -> (Point, Point) {
        let (c, h) = (self.centre[i], self.half[i]);
        (Point { x: c.x - h.x - by, y: c.y - h.y - by }, Point { x: c.x + h.x + by, y: c.y + h.y + by })
    }

    /// Whether the segment `p`–`q` meets a box grown by `by` (at most [`GRID_GROW`]) other
    /// than those in `skip`. Spends the budget; once it is spent, every segment is blocked.
    fn blocked(&mut self, p: Point, q: Point, by: f64, skip: &[usize]) -> bool {
        if self.budget == 0 {
            return true;
        }
        let (hit, spent) = self.hits(p, q, by, skip);
        self.budget = self.budget.saturating_sub(spent);
        hit
    }

    /// Whether the segment `p`–`q` meets a box grown by `by` (at most [`GRID_GROW`]) other
    /// than those in `skip`, and how many boxes were looked at.
    pub(crate) fn hits(&mut self, p: Point, q: Point, by: f64, skip: &[usize]) -> (bool, usize) {
        let lo = Point { x: p.x.min(q.x), y: p.y.min(q.y) };
        let hi = Point { x: p.x.max(q.x), y: p.y.max(q.y) };
        let mut hit = false;
        let mut spent = 1;
        let (centre, half) = (&self.centre, &self.half);
        self.grid.visit(lo, hi, |i| {
            if skip.contains(&i) {
                return true;
            }
            spent += 1;
            let (c, h) = (centre[i], half[i]);
            let (blo, bhi) =
                (Point { x: c.x - h.x - by, y: c.y - h.y - by }, Point { x: c.x + h.x + by, y: c.y + h.y + by });
            hit = bhi.x >= lo.x && blo.x <= hi.x && bhi.y >= lo.y && blo.y <= hi.y && segment_hits_box(p, q, blo, bhi);
            !hit
        });
        (hit, spent)
    }

    /// Whether `p` lies inside a box grown by `by` other than those in `skip`.
    fn inside(&mut self, p: Point, by: f64, skip: &[usize]) -> bool {
        let mut hit = false;
        let (centre, half) = (&self.centre, &self.half);
        self.grid.visit(p, p, |i| {
            let (c, h) = (centre[i], half[i]);
            hit = !skip.contains(&i) && (p.x - c.x).abs() < h.x + by && (p.y - c.y).abs() < h.y + by;
            !hit
        });
        hit
    }

    /// Whether the polyline `points` meets a box grown by `by` other than `skip`'s (spends
    /// no budget).
    pub(crate) fn line_hits(&mut self, points: &[Point], by: f64, skip: &[usize]) -> bool {
        points.windows(2).any(|s| self.hits(s[0], s[1], by, skip).0)
    }

    /// The corners, between the centres of `from` and `to`, of the shortest polyline that
    /// keeps `clearance` (at most [`GRID_GROW`]) from every other box, turning only at the
    /// corners of the boxes near the two ends; `None` when there is none (or the budget ran out).
    /// Each leg costs its length plus [`CROSSING_COST`] per line of `drawn` it crosses.
    pub(crate) fn shortest(&mut self, from: usize, to: usize, clearance: f64, drawn: &mut Drawn) -> Option<Vec<Point>> {
        let len = dist(self.centre[from], self.centre[to]);
        // Most ways around lie near the straight line; a wall of boxes across it needs the
        // wider search.
        for margin in [(0.4 * len).max(120.0), (1.5 * len).max(600.0)] {
            if let Some(path) = self.shortest_within(from, to, clearance, drawn, margin) {
                return Some(path);
            }
            if self.budget == 0 {
                break;
            }
        }
        None
    }

    /// [`Obstacles::shortest`] with corners only within `w` of the box spanned by the ends.
    fn shortest_within(
        &mut self,
        from: usize,
        to: usize,
        clearance: f64,
        drawn: &mut Drawn,
        w: f64,
    ) -> Option<Vec<Point>> {
        let (s, t) = (self.centre[from], self.centre[to]);
        let len = dist(s, t);
        let (lo, hi) =
            (Point { x: s.x.min(t.x) - w, y: s.y.min(t.y) - w }, Point { x: s.x.max(t.x) + w, y: s.y.max(t.y) + w });
        // Boxes whose grown box holds an end cannot be avoided; they are not obstacles.
        let mut skip = vec![from, to];
        let mut near = Vec::new();
        let (centre, half) = (&self.centre, &self.half);
        self.grid.visit(lo, hi, |i| {
            let (c, h) = (centre[i], half[i]);
            let holds = |p: Point| (p.x - c.x).abs() <= h.x + clearance && (p.y - c.y).abs() <= h.y + clearance;
            if i != from && i != to {
                if holds(s) || holds(t) {
                    skip.push(i);
                } else {
                    near.push(i);
                }
            }
            true
        });
        let mut vertices = vec![s, t];
        let corner = clearance + 0.5;
        for &i in &near {
            let (blo, bhi) = self.grown(i, corner);
            for p in [blo, Point { x: bhi.x, y: blo.y }, bhi, Point { x: blo.x, y: bhi.y }] {
                if p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y && !self.inside(p, clearance, &[]) {
                    vertices.push(p);
                }
            }
        }
        // A* from vertex 0 to vertex 1; keys are non-negative floats, ordered by their bits.
        let n = vertices.len();
        let mut g = vec![f64::INFINITY; n];
        let mut prev = vec![usize::MAX; n];
        let mut closed = vec![false; n];
        let mut heap = BinaryHeap::new();
        g[0] = 0.0;
        heap.push(Reverse((len.to_bits(), 0usize)));
        while let Some(Reverse((_, u))) = heap.pop() {
            if closed[u] {
                continue;
            }
            if u == 1 {
                let mut path = Vec::new();
                let mut v = prev[1];
                while v != 0 && v != usize::MAX {
                    path.push(vertices[v]);
                    v = prev[v];
                }
                path.reverse();
                return Some(path);
            }
            closed[u] = true;
            for v in 1..n {
                let d = g[u] + dist(vertices[u], vertices[v]);
                // Nothing through `v` can beat the best way to the goal found so far.
                if closed[v] || d >= g[v] || d + dist(vertices[v], t) >= g[1] {
                    continue;
                }
                if self.budget == 0 {
                    return None;
                }
                if !self.blocked(vertices[u], vertices[v], clearance, &skip) {
                    let (crossed, spent) = drawn.crossings(vertices[u], vertices[v], (from.min(to), from.max(to)));
                    self.budget = self.budget.saturating_sub(spent);
                    let d = d + CROSSING_COST * crossed as f64;
                    if d >= g[v] {
                        continue;
                    }
                    g[v] = d;
                    prev[v] = u;
                    heap.push(Reverse(((d + dist(vertices[v], t)).to_bits(), v)));
                }
            }
        }
        None
    }
}

/// The lines drawn so far, as straight segments with the pair of nodes each joins, found
/// by position through a grid: what a route's legs are charged for crossing.
pub(crate) struct Drawn {
    segments: Vec<(Point, Point, (usize, usize))>,
    grid: Grid,
}

impl Drawn {
    /// No lines yet, over about the rectangle from `lo` to `hi` (lines beyond it still count).
    pub(crate) fn new(lo: Point, hi: Point, cell: f64) -> Self {
        Self { segments: Vec::new(), grid: Grid::new(lo, hi, cell) }
    }

    /// Adds the line through `points`, joining the pair `pair`.
    pub(crate) fn add(&mut self, points: &[Point], pair: (usize, usize)) {
        for s in points.windows(2) {
            let lo = Point { x: s[0].x.min(s[1].x), y: s[0].y.min(s[1].y) };
            let hi = Point { x: s[0].x.max(s[1].x), y: s[0].y.max(s[1].y) };
            self.grid.insert(self.segments.len(), lo, hi);
            self.segments.push((s[0], s[1], pair));
        }
    }

    /// How many lines of another pair the segment `p`–`q` properly crosses, and how many
    /// segments were tested.
    fn crossings(&mut self, p: Point, q: Point, pair: (usize, usize)) -> (usize, usize) {
        let lo = Point { x: p.x.min(q.x), y: p.y.min(q.y) };
        let hi = Point { x: p.x.max(q.x), y: p.y.max(q.y) };
        let (mut count, mut tested) = (0, 0);
        let mut crossed: Vec<(usize, usize)> = Vec::new();
        let segments = &self.segments;
        self.grid.visit(lo, hi, |k| {
            let (r, s, other) = segments[k];
            tested += 1;
            if other != pair && !crossed.contains(&other) && proper_cross(p, q, r, s) {
                crossed.push(other);
                count += 1;
            }
            true
        });
        (count, tested)
    }
}

/// Whether segments `p`–`q` and `r`–`s` cross at a point inside both.
fn proper_cross(p: Point, q: Point, r: Point, s: Point) -> bool {
    let o = |a: Point, b: Point, c: Point| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    let (d1, d2, d3, d4) = (o(r, s, p), o(r, s, q), o(p, q, r), o(p, q, s));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The polyline `points` with its corners rounded: at each corner a quadratic piece whose
/// control point is the corner, starting and ending up to `radius` from it (at most half
/// of each leg), the legs between as straight pieces.
pub(crate) fn rounded(points: &[Point], radius: f64) -> Route {
    let straight = |a: Point, b: Point| Curve { a, c: Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }, b };
    let mut pieces = Vec::new();
    let Some(&first) = points.first() else { return Route { pieces } };
    let mut cur = first;
    for w in points.windows(3) {
        let (p, c, q) = (w[0], w[1], w[2]);
        let (l_in, l_out) = (dist(p, c), dist(c, q));
        let r = radius.min(0.5 * l_in).min(0.5 * l_out);
        if r <= 1e-6 {
            if dist(cur, c) > 1e-9 {
                pieces.push(straight(cur, c));
            }
            cur = c;
            continue;
        }
        let enter = Point { x: c.x + (p.x - c.x) * r / l_in, y: c.y + (p.y - c.y) * r / l_in };
        let leave = Point { x: c.x + (q.x - c.x) * r / l_out, y: c.y + (q.y - c.y) * r / l_out };
        if dist(cur, enter) > 1e-9 {
            pieces.push(straight(cur, enter));
        }
        pieces.push(Curve { a: enter, c, b: leave });
        cur = leave;
    }
    if let Some(&last) = points.last() {
        if dist(cur, last) > 1e-9 || pieces.is_empty() {
            pieces.push(straight(cur, last));
        }
    }
    Route { pieces }
}

/// `points` moved sideways by `off` (left of the direction of travel), corners along
/// their bisector (a miter, at most twice `off` long).
pub(crate) fn shifted(points: &[Point], off: f64) -> Vec<Point> {
    if off == 0.0 || points.len() < 2 {
        return points.to_vec();
    }
    let normal = |a: Point, b: Point| {
        let l = dist(a, b).max(1e-9);
        Point { x: -(b.y - a.y) / l, y: (b.x - a.x) / l }
    };
    let n = points.len();
    (0..n)
        .map(|i| {
            let p = points[i];
            let m = match (i.checked_sub(1).map(|j| points[j]), points.get(i + 1).copied()) {
                (Some(a), Some(b)) => {
                    let (n1, n2) = (normal(a, p), normal(p, b));
                    let s = Point { x: n1.x + n2.x, y: n1.y + n2.y };
                    let l = (s.x * s.x + s.y * s.y).sqrt();
                    let cos = (l / 2.0).max(0.5);
                    if l < 1e-9 {
                        n1
                    } else {
                        Point { x: s.x / l / cos, y: s.y / l / cos }
                    }
                }
                (None, Some(b)) => normal(p, b),
                (Some(a), None) => normal(a, p),
                (None, None) => Point::default(),
            };
            Point { x: p.x + m.x * off, y: p.y + m.y * off }
        })
        .collect()
}

/// The drawn route through `points`: corners rounded as much as possible (radius
/// [`ROUND`], then tighter) without any piece touching a box other than `skip`'s (grown by
/// [`TOUCH`]); the bare polyline when no rounding keeps clear.
pub(crate) fn smooth(obstacles: &mut Obstacles, points: &[Point], skip: &[usize]) -> Route {
    for radius in [ROUND, ROUND / 3.0] {
        let route = rounded(points, radius);
        if !obstacles.line_hits(&route.polyline(), TOUCH, skip) {
            return route;
        }
    }
    rounded(points, 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// Three boxes 100 × 40 on a line: 0 at x = 0, 1 at x = 200, 2 at x = 400. The straight
    /// edge 0–2 runs through box 1 (x 150 … 250, y −20 … 20).
    fn row() -> Obstacles {
        let pos = [p(0.0, 0.0), p(200.0, 0.0), p(400.0, 0.0)];
        Obstacles::new(&pos, &[p(100.0, 40.0); 3])
    }

    #[test]
    fn a_node_in_the_middle_of_a_straight_edge_is_gone_around() {
        let mut o = row();
        assert!(o.blocked(p(0.0, 0.0), p(400.0, 0.0), 0.0, &[0, 2]), "the straight edge meets the middle box");
        let corners = o.shortest(0, 2, CLEARANCE, &mut Drawn::new(p(0.0, 0.0), p(400.0, 0.0), 100.0)).expect("a route");
        // By hand: the shortest way passes two corners of the middle box grown by 6.5,
        // (150 − 6.5, ±26.5) and (250 + 6.5, ±26.5), on one side.
        assert_eq!(corners.len(), 2, "{corners:?}");
        assert!((corners[0].x - 143.5).abs() < 1e-9 && (corners[1].x - 256.5).abs() < 1e-9, "{corners:?}");
        assert!((corners[0].y.abs() - 26.5).abs() < 1e-9 && corners[0].y == corners[1].y, "{corners:?}");
        let mut points = vec![p(50.0, 0.0)];
        points.extend(corners);
        points.push(p(350.0, 0.0));
        let route = smooth(&mut o, &points, &[0, 2]);
        // Independently of the router's own test: sample the drawn curve finely and check
        // every sample against the middle box.
        for i in 0..=1000 {
            let q = route.at(i as f64 / 1000.0);
            assert!(!(q.x > 150.0 && q.x < 250.0 && q.y.abs() < 20.0), "sample {q:?} inside the middle box");
        }
        assert!(dist(route.at(0.0), p(50.0, 0.0)) < 1e-9 && dist(route.at(1.0), p(350.0, 0.0)) < 1e-9);
        // The rounded corners really are curves (some piece is not straight).
        assert!(route.pieces.iter().any(|c| dist(c.c, p((c.a.x + c.b.x) / 2.0, (c.a.y + c.b.y) / 2.0)) > 1.0));
    }

    #[test]
    fn a_wall_with_a_gap_is_passed_through_the_gap() {
        // A wall of boxes 40 × 40 at x = 200, y = −150 … 150 step 50, except y = 100 and
        // y = 150 missing: the route from (0, 0) to (400, 0) keeps out of every wall box.
        let mut pos = vec![p(0.0, 0.0), p(400.0, 0.0)];
        for k in -3..=1 {
            pos.push(p(200.0, 50.0 * k as f64));
        }
        let sizes = vec![p(40.0, 40.0); pos.len()];
        let mut o = Obstacles::new(&pos, &sizes);
        let corners = o.shortest(0, 1, CLEARANCE, &mut Drawn::new(p(0.0, 0.0), p(400.0, 0.0), 100.0)).expect("a route");
        let mut points = vec![pos[0]];
        points.extend(corners);
        points.push(pos[1]);
        for s in points.windows(2) {
            for b in &pos[2..] {
                let (lo, hi) = (p(b.x - 20.0, b.y - 20.0), p(b.x + 20.0, b.y + 20.0));
                assert!(!segment_hits_box(s[0], s[1], lo, hi), "{s:?} meets the box at {b:?}");
            }
        }
        // It goes below the wall: the lowest box reaches y = 70, grown 76.5.
        assert!(points.iter().any(|q| q.y > 70.0), "{points:?}");
    }

    #[test]
    fn a_route_goes_round_the_side_where_it_crosses_fewer_lines() {
        // The row of `row()`; two lines of other pairs cross the top side of the middle box
        // vertically (x = 170 and 230, y −100 … −10): above, the route would cross both
        // (2 × 80 px), below none, and both ways are equally long, so it goes below.
        let mut o = row();
        let mut drawn = Drawn::new(p(0.0, -100.0), p(400.0, 100.0), 100.0);
        drawn.add(&[p(170.0, -100.0), p(170.0, -10.0)], (5, 6));
        drawn.add(&[p(230.0, -100.0), p(230.0, -10.0)], (7, 8));
        let corners = o.shortest(0, 2, CLEARANCE, &mut drawn).expect("a route");
        assert!(corners.iter().all(|c| c.y > 0.0), "{corners:?}");
        // And with the lines below instead, above.
        let mut drawn = Drawn::new(p(0.0, -100.0), p(400.0, 100.0), 100.0);
        drawn.add(&[p(170.0, 100.0), p(170.0, 10.0)], (5, 6));
        let corners = o.shortest(0, 2, CLEARANCE, &mut drawn).expect("a route");
        assert!(corners.iter().all(|c| c.y < 0.0), "{corners:?}");
    }

    #[test]
    fn a_shift_keeps_straight_legs_parallel() {
        let s = shifted(&[p(0.0, 0.0), p(10.0, 0.0), p(10.0, 10.0)], 2.0);
        // The normal (−dy, dx) of the first leg is (0, 1); at the corner the miter is (−1, 1).
        assert!((s[0].y - 2.0).abs() < 1e-9 && (s[1].y - 2.0).abs() < 1e-9 && (s[1].x - 8.0).abs() < 1e-9, "{s:?}");
    }
}
