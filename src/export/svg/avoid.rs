//! Lines sent around the nodes in their way: each line whose course as first drawn (straight,
//! a strand of a bundle, or a bow) comes within [`TOUCH`] of a node other than its two ends
//! is routed around the node boxes ([`crate::export::route`]), keeping its strand's place
//! beside the others of its pair. Drawings of more than [`MAX_LINES`] lines keep their
//! courses.

use std::collections::BTreeMap;

use super::Drawing;
use crate::export::geometry::{Curve, Point};
use crate::export::route::{shifted, smooth, Drawn, Obstacles, Route, CLEARANCE, MAX_LINES, TOUCH};

/// Most a bow keeps of its bend once routed, in pixels off its pair's route.
const BOW_OFFSET: f64 = 10.0;

impl Drawing<'_> {
    /// The drawn route of every line, given its first course (`courses`, one per line).
    pub(super) fn avoid_nodes(&self, courses: &[Curve]) -> Vec<Route> {
        if courses.len() > MAX_LINES {
            return courses.iter().map(|c| Route::single(*c)).collect();
        }
        let mut obstacles = Obstacles::new(&self.pos, &self.sizes);
        let pairs: Vec<(usize, usize)> = self.lines.iter().map(|l| (l.from.min(l.to), l.from.max(l.to))).collect();
        let mut widest: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for (l, pair) in self.lines.iter().zip(&pairs) {
            let w = widest.entry(*pair).or_insert(0.0);
            *w = w.max(l.width);
        }
        let mut routes: Vec<Route> = courses.iter().map(|c| Route::single(*c)).collect();
        let blocked: Vec<bool> = courses
            .iter()
            .zip(&pairs)
            .map(|(c, &(lo, hi))| lo != hi && obstacles.line_hits(&course_points(c), TOUCH, &[lo, hi]))
            .collect();
        // The lines that keep their course are what routes are charged for crossing; each
        // route joins them once found.
        let (lo, hi) = self.pos.iter().fold(
            (Point { x: f64::INFINITY, y: f64::INFINITY }, Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY }),
            |(lo, hi), p| (Point { x: lo.x.min(p.x), y: lo.y.min(p.y) }, Point { x: hi.x.max(p.x), y: hi.y.max(p.y) }),
        );
        let cell = 2.0 * self.sizes.iter().map(|s| s.x).sum::<f64>() / self.sizes.len().max(1) as f64;
        let mut drawn = Drawn::new(lo, hi, cell.max(40.0));
        for (k, c) in courses.iter().enumerate() {
            if !blocked[k] && pairs[k].0 != pairs[k].1 {
                drawn.add(&course_points(c), pairs[k]);
            }
        }
        // The corners of each pair's route (from the lower-numbered end), found once.
        let mut corners: BTreeMap<(usize, usize), Option<Vec<Point>>> = BTreeMap::new();
        for (k, l) in self.lines.iter().enumerate() {
            if !blocked[k] {
                continue;
            }
            let (lo, hi) = pairs[k];
            let offset = l.slot as f64 - (l.slots as f64 - 1.0) / 2.0;
            let reach = (l.slots as f64 - 1.0) / 2.0;
            let step = if l.bow {
                (150.0 / l.slots as f64).min(36.0).min(2.0 * BOW_OFFSET / l.slots.max(1) as f64)
            } else {
                widest.get(&(lo, hi)).copied().unwrap_or(1.0) + 1.5
            };
            let (off, most) = (offset * step, reach * step);
            let found = corners
                .entry((lo, hi))
                .or_insert_with(|| obstacles.shortest(lo, hi, CLEARANCE + most, &mut drawn))
                .clone();
            let Some(inner) = found else { continue };
            let toward_lo = inner.first().copied().unwrap_or(self.pos[hi]);
            let toward_hi = inner.last().copied().unwrap_or(self.pos[lo]);
            let mut points = vec![self.clip(lo, toward_lo)];
            points.extend(inner);
            points.push(self.clip(hi, toward_hi));
            let mut route = smooth(&mut obstacles, &shifted(&points, off), &[lo, hi]);
            if off != 0.0 && obstacles.line_hits(&route.polyline(), TOUCH, &[lo, hi]) {
                route = smooth(&mut obstacles, &points, &[lo, hi]);
            }
            drawn.add(&route.polyline(), (lo, hi));
            routes[k] = if l.from == lo { route } else { route.reversed() };
        }
        routes
    }
}

/// A course as straight segments: its two ends when it is straight, else its polyline.
fn course_points(c: &Curve) -> Vec<Point> {
    let mid = Point { x: (c.a.x + c.b.x) / 2.0, y: (c.a.y + c.b.y) / 2.0 };
    if (c.c.x - mid.x).abs() < 1e-9 && (c.c.y - mid.y).abs() < 1e-9 {
        vec![c.a, c.b]
    } else {
        c.polyline().to_vec()
    }
}
