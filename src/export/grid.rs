//! A uniform grid over the plane for finding, among many boxes, the few that may meet a
//! given box: label placement asks it instead of testing every node, label and line.
//!
//! Each item is entered, with its box, in every cell the box covers; a query visits the
//! items of the cells its own box covers, each item once. Cells are found by flooring and
//! clamping coordinates, which keeps their order, so two boxes that meet (even at a corner)
//! always share a cell: a query misses no item whose box meets its own. It may report
//! items whose box does not meet it; callers test each exactly, as they would without the
//! grid, so answers are the same with or without it. Boxes with coordinates that are not
//! finite cover the whole grid. Memory: at most [`MAX_CELLS`] cells plus one entry per item
//! and covered cell.

use super::geometry::Point;

/// The most cells a grid has; the cells grow to stay within it.
const MAX_CELLS: usize = 1 << 18;

/// Items (by number) in the cells of a uniform grid.
pub(crate) struct Grid {
    lo: Point,
    cell: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
    /// Per item, the number of the last query that reported it.
    mark: Vec<usize>,
    query: usize,
}

impl Grid {
    /// A grid over the rectangle from `lo` to `hi` with square cells of side about `cell`
    /// (larger when the rectangle would need more than [`MAX_CELLS`]).
    pub(crate) fn new(lo: Point, hi: Point, cell: f64) -> Self {
        let finite = lo.x.is_finite() && lo.y.is_finite() && hi.x.is_finite() && hi.y.is_finite();
        let (w, h) = if finite { ((hi.x - lo.x).max(0.0), (hi.y - lo.y).max(0.0)) } else { (0.0, 0.0) };
        let mut cell = if cell.is_finite() && cell > 0.0 { cell } else { 1.0 };
        let count = |cell: f64| ((w / cell).floor() + 1.0) * ((h / cell).floor() + 1.0);
        if count(cell) > MAX_CELLS as f64 {
            cell *= (count(cell) / MAX_CELLS as f64).sqrt() * 1.01;
        }
        // Still too many only for absurd extents; then one cell holds everything.
        let (cols, rows) = if count(cell) <= MAX_CELLS as f64 {
            ((w / cell).floor() as usize + 1, (h / cell).floor() as usize + 1)
        } else {
            (1, 1)
        };
        let lo = if finite { lo } else { Point::default() };
        Self { lo, cell, cols, rows, cells: vec![Vec::new(); cols * rows], mark: Vec::new(), query: 0 }
    }

    /// The cells (first and last column, first and last row) the box from `lo` to `hi` covers.
    fn span(&self, lo: Point, hi: Point) -> (usize, usize, usize, usize) {
        let index = |v: f64, origin: f64, n: usize, low: bool| -> usize {
            if !v.is_finite() {
                return if low { 0 } else { n - 1 };
            }
            let i = ((v - origin) / self.cell).floor();
            if i <= 0.0 {
                0
            } else if i >= (n - 1) as f64 {
                n - 1
            } else {
                i as usize
            }
        };
        let (x0, x1) = (index(lo.x, self.lo.x, self.cols, true), index(hi.x, self.lo.x, self.cols, false));
        let (y0, y1) = (index(lo.y, self.lo.y, self.rows, true), index(hi.y, self.lo.y, self.rows, false));
        // A box given upside down (or with NaN) covers the whole range.
        let (x0, x1) = if x0 <= x1 && lo.x <= hi.x { (x0, x1) } else { (0, self.cols - 1) };
        let (y0, y1) = if y0 <= y1 && lo.y <= hi.y { (y0, y1) } else { (0, self.rows - 1) };
        (x0, x1, y0, y1)
    }

    /// Enters `item` with the box from `lo` to `hi`.
    pub(crate) fn insert(&mut self, item: usize, lo: Point, hi: Point) {
        if self.mark.len() <= item {
            self.mark.resize(item + 1, 0);
        }
        let (x0, x1, y0, y1) = self.span(lo, hi);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let list = &mut self.cells[y * self.cols + x];
                // Consecutive pieces of one item (the segments of a line) are entered once.
                if list.last() != Some(&item) {
                    list.push(item);
                }
            }
        }
    }

    /// Calls `visit` once for every item sharing a cell with the box from `lo` to `hi`,
    /// until it returns false.
    pub(crate) fn visit(&mut self, lo: Point, hi: Point, mut visit: impl FnMut(usize) -> bool) {
        self.query += 1;
        let (x0, x1, y0, y1) = self.span(lo, hi);
        for y in y0..=y1 {
            for x in x0..=x1 {
                for &item in &self.cells[y * self.cols + x] {
                    if self.mark[item] == self.query {
                        continue;
                    }
                    self.mark[item] = self.query;
                    if !visit(item) {
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_query_finds_every_box_it_meets_once_and_only_nearby_ones() {
        let mut grid = Grid::new(p(0.0, 0.0), p(1000.0, 1000.0), 10.0);
        // Item 0 spans many cells; item 1 touches the query at a corner; item 2 is far away.
        grid.insert(0, p(0.0, 0.0), p(500.0, 500.0));
        grid.insert(1, p(520.0, 520.0), p(530.0, 530.0));
        grid.insert(2, p(900.0, 900.0), p(910.0, 910.0));
        let mut seen = Vec::new();
        grid.visit(p(490.0, 490.0), p(520.0, 520.0), |i| {
            seen.push(i);
            true
        });
        seen.sort_unstable();
        assert_eq!(seen, [0, 1]);
    }

    #[test]
    fn boxes_outside_the_grid_or_not_finite_are_still_found() {
        let mut grid = Grid::new(p(0.0, 0.0), p(100.0, 100.0), 10.0);
        grid.insert(0, p(-50.0, -50.0), p(-40.0, -40.0));
        grid.insert(1, p(f64::NAN, 0.0), p(1.0, f64::INFINITY));
        let mut seen = Vec::new();
        grid.visit(p(-45.0, -45.0), p(-44.0, -44.0), |i| {
            seen.push(i);
            true
        });
        seen.sort_unstable();
        assert_eq!(seen, [0, 1]);
        // An absurd extent still gives a working grid.
        let mut huge = Grid::new(p(-1e300, -1e300), p(1e300, 1e300), 1.0);
        huge.insert(0, p(0.0, 0.0), p(1.0, 1.0));
        let mut found = false;
        huge.visit(p(0.5, 0.5), p(0.6, 0.6), |_| {
            found = true;
            false
        });
        assert!(found);
    }
}
