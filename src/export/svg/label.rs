//! Edge label placement for the built-in renderer: each label, most important first, at the
//! free spot touching its line that crosses the fewest other lines (see the [parent
//! module](super) for the rules and why labels never overlap a node or another label).

use super::{Drawing, LABEL_GAP, MAX_LABELS};
use crate::export::geometry::{add, segment_hits_box, sub, Point};
use crate::export::grid::Grid;
use crate::export::shape::text_size;

impl Drawing<'_> {
    /// Places labels, most important first, each at the free spot touching its line that
    /// crosses the fewest other lines (the middle first among equals). A spot is free when
    /// the label's box, grown by [`LABEL_GAP`], covers no node box and no placed label.
    /// Sets [`Drawing::dropped`] to how many labels are left out (found no free spot, or
    /// were beyond [`MAX_LABELS`]) and returns how many found no free spot.
    pub(super) fn place_labels(&mut self) -> usize {
        let font = self.theme.edge_font_size;
        let gap = LABEL_GAP / 2.0;
        let mut taken: Vec<(Point, Point)> = self
            .pos
            .iter()
            .zip(&self.sizes)
            .map(|(p, s)| (*p, Point { x: s.x / 2.0 + gap, y: s.y / 2.0 + gap }))
            .collect();
        let polylines: Vec<Vec<Point>> = self.curves.iter().map(|r| r.polyline()).collect();
        let extents: Vec<(Point, Point)> = polylines
            .iter()
            .map(|l| {
                l.iter().fold(
                    (
                        Point { x: f64::INFINITY, y: f64::INFINITY },
                        Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY },
                    ),
                    |(lo, hi), p| {
                        (Point { x: lo.x.min(p.x), y: lo.y.min(p.y) }, Point { x: hi.x.max(p.x), y: hi.y.max(p.y) })
                    },
                )
            })
            .collect();
        // Grids over the taken boxes and over the lines' segments (each entered with its
        // box grown by a hair, against rounding), so that a spot is tested only against
        // what is near it; the tests themselves are exact, so the grids change no answer.
        let hair = Point { x: 1e-3, y: 1e-3 };
        let (glo, ghi) = extents.iter().copied().chain(taken.iter().map(|(p, h)| (sub(*p, *h), add(*p, *h)))).fold(
            (Point { x: f64::INFINITY, y: f64::INFINITY }, Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY }),
            |(lo, hi), (a, b)| {
                (Point { x: lo.x.min(a.x), y: lo.y.min(a.y) }, Point { x: hi.x.max(b.x), y: hi.y.max(b.y) })
            },
        );
        let cell = 2.0 * self.sizes.iter().map(|s| s.x).sum::<f64>() / self.sizes.len().max(1) as f64;
        let cell = cell.max(4.0 * font);
        let mut taken_grid = Grid::new(glo, ghi, cell);
        for (i, (p, h)) in taken.iter().enumerate() {
            taken_grid.insert(i, sub(sub(*p, *h), hair), add(add(*p, *h), hair));
        }
        let mut line_grid = Grid::new(glo, ghi, cell);
        for (j, line) in polylines.iter().enumerate() {
            for s in line.windows(2) {
                let lo = Point { x: s[0].x.min(s[1].x), y: s[0].y.min(s[1].y) };
                let hi = Point { x: s[0].x.max(s[1].x), y: s[0].y.max(s[1].y) };
                line_grid.insert(j, sub(lo, hair), add(hi, hair));
            }
        }
        let mut order: Vec<usize> = (0..self.lines.len()).filter(|&k| !self.lines[k].label.is_empty()).collect();
        order.sort_by(|&a, &b| self.lines[b].importance.total_cmp(&self.lines[a].importance).then(a.cmp(&b)));
        let mut label_at = vec![None; self.lines.len()];
        // On very large graphs only the most important labels are tried; the rest are left
        // out and counted like any other.
        let skipped = order.len().saturating_sub(MAX_LABELS);
        let mut unplaced = 0;
        order.truncate(MAX_LABELS);
        for k in order {
            let curve = &self.curves[k];
            let t = text_size(&self.lines[k].label, font);
            let half = Point { x: t.x / 2.0 + gap, y: t.y / 2.0 + gap };
            let mut free = |p: Point| {
                let mut free = true;
                taken_grid.visit(sub(p, half), add(p, half), |i| {
                    let (q, h) = taken[i];
                    free = (p.x - q.x).abs() >= half.x + h.x || (p.y - q.y).abs() >= half.y + h.y;
                    free
                });
                free
            };
            let pair = (self.lines[k].from.min(self.lines[k].to), self.lines[k].from.max(self.lines[k].to));
            // The lines crossing the label's box at `p`, counted up to `limit`.
            let mut crossings = |p: Point, limit: usize| -> usize {
                let (lo, hi) = (sub(p, half), add(p, half));
                // A segment can meet the box only when its bounding box (grown by a hair,
                // against rounding in the exact test) does.
                let near = |a: Point, b: Point| {
                    a.x.max(b.x) + hair.x >= lo.x
                        && a.x.min(b.x) - hair.x <= hi.x
                        && a.y.max(b.y) + hair.y >= lo.y
                        && a.y.min(b.y) - hair.y <= hi.y
                };
                let mut count = 0;
                line_grid.visit(lo, hi, |j| {
                    let (elo, ehi) = extents[j];
                    let l = &self.lines[j];
                    if ehi.x >= lo.x
                        && elo.x <= hi.x
                        && ehi.y >= lo.y
                        && elo.y <= hi.y
                        && j != k
                        && (l.from.min(l.to), l.from.max(l.to)) != pair
                        && polylines[j].windows(2).any(|s| near(s[0], s[1]) && segment_hits_box(s[0], s[1], lo, hi))
                    {
                        count += 1;
                    }
                    count < limit
                });
                count
            };
            let mut best: Option<(usize, usize, Point)> = None; // crossings, rank, spot
            let spots = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88];
            for (rank, (t, side)) in spots.iter().flat_map(|&t| [0.0, 1.0, -1.0].map(move |s| (t, s))).enumerate() {
                // A routed line turns: moved sideways, a label could leave it at a bend.
                if side != 0.0 && curve.pieces.len() > 1 {
                    continue;
                }
                let on = curve.at(t);
                let n = curve.normal(t);
                // Moved sideways by 80 % of the box's reach along the normal: still on the line.
                let reach = (half.x - gap) * n.x.abs() + (half.y - gap) * n.y.abs();
                let p = Point { x: on.x + n.x * reach * 0.8 * side, y: on.y + n.y * reach * 0.8 * side };
                if !p.x.is_finite() || !p.y.is_finite() || !free(p) {
                    continue;
                }
                // The label's own box must touch its line as drawn (a routed line may bend away).
                let inner = Point { x: (half.x - gap) * 0.9, y: (half.y - gap) * 0.9 };
                let (blo, bhi) = (sub(p, inner), add(p, inner));
                if !polylines[k].windows(2).any(|s| segment_hits_box(s[0], s[1], blo, bhi)) {
                    continue;
                }
                // Counting stops at the best so far: a spot with as many is not taken.
                let c = crossings(p, best.map_or(usize::MAX, |(bc, _, _)| bc));
                if best.is_none_or(|(bc, _, _)| c < bc) {
                    best = Some((c, rank, p));
                }
                if c == 0 {
                    break;
                }
            }
            match best {
                Some((_, _, p)) => {
                    taken_grid.insert(taken.len(), sub(sub(p, half), hair), add(add(p, half), hair));
                    taken.push((p, half));
                    label_at[k] = Some(p);
                }
                None => unplaced += 1,
            }
        }
        self.label_at = label_at;
        self.dropped = skipped + unplaced;
        unplaced
    }
}
