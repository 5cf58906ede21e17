//! Plane geometry every drawing step shares: points, quadratic edge curves, the segment and
//! box test (Liang–Barsky), and the convex hull (Andrew's monotone chain). A leaf: the
//! layout, the crossing reduction, the SVG writer and the measurements all read it, and it
//! reads none of them.

/// A point or size in drawing units (pixels).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Horizontal, growing rightwards.
    pub x: f64,
    /// Vertical, growing downwards.
    pub y: f64,
}

/// `a + b`.
pub(crate) fn add(a: Point, b: Point) -> Point {
    Point { x: a.x + b.x, y: a.y + b.y }
}

/// `a − b`.
pub(crate) fn sub(a: Point, b: Point) -> Point {
    Point { x: a.x - b.x, y: a.y - b.y }
}

/// Whether the segment from `p` to `q` meets the box from `lo` to `hi` (Liang–Barsky).
pub(crate) fn segment_hits_box(p: Point, q: Point, lo: Point, hi: Point) -> bool {
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (d, low, high) in [(dx, lo.x - p.x, hi.x - p.x), (dy, lo.y - p.y, hi.y - p.y)] {
        if d.abs() < 1e-12 {
            if low > 0.0 || high < 0.0 {
                return false;
            }
            continue;
        }
        let (a, b) = if d > 0.0 { (low / d, high / d) } else { (high / d, low / d) };
        t0 = t0.max(a);
        t1 = t1.min(b);
        if t0 > t1 {
            return false;
        }
    }
    true
}

/// An edge's geometry: start, control point, end (a straight edge has the control point at
/// the middle).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Curve {
    /// Start.
    pub(crate) a: Point,
    /// Control point.
    pub(crate) c: Point,
    /// End.
    pub(crate) b: Point,
}

impl Curve {
    /// The point at parameter `t` in 0 … 1.
    pub(crate) fn at(&self, t: f64) -> Point {
        let u = 1.0 - t;
        Point {
            x: u * u * self.a.x + 2.0 * u * t * self.c.x + t * t * self.b.x,
            y: u * u * self.a.y + 2.0 * u * t * self.c.y + t * t * self.b.y,
        }
    }

    /// The unit normal at `t` (left of the direction of travel).
    pub(crate) fn normal(&self, t: f64) -> Point {
        let u = 1.0 - t;
        let dx = 2.0 * u * (self.c.x - self.a.x) + 2.0 * t * (self.b.x - self.c.x);
        let dy = 2.0 * u * (self.c.y - self.a.y) + 2.0 * t * (self.b.y - self.c.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-9 {
            Point { x: 0.0, y: -1.0 }
        } else {
            Point { x: -dy / len, y: dx / len }
        }
    }

    /// The curve as `SEGMENTS` straight pieces.
    pub(crate) fn polyline(&self) -> [Point; SEGMENTS + 1] {
        std::array::from_fn(|i| self.at(i as f64 / SEGMENTS as f64))
    }
}

/// Straight pieces a curve is drawn and tested as.
pub(crate) const SEGMENTS: usize = 12;

/// Convex hull (Andrew's monotone chain), counter-clockwise.
pub(crate) fn convex_hull(mut points: Vec<Point>) -> Vec<Point> {
    points.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: Point, a: Point, b: Point| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    let mut hull: Vec<Point> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Point>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}
