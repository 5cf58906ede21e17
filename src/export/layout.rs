//! The built-in layout: stress majorization on graph distances, initialised by pivot MDS,
//! per connected component, followed by box-overlap removal and component packing.
//!
//! 1. **Components** are found by breadth-first search (edges read both ways) and laid out
//!    one by one, so disconnected parts never fly apart.
//! 2. **Distances**: Dijkstra from every node gives the graph distance `d_ij`, where an edge
//!    is longer when its ends have many distinct neighbours (room for hubs);
//!    nodes of the same group (country cluster) are pulled together (`d_ij ≤ 0.7`, ten
//!    times the weight). Over [`FULL_STRESS_MAX_NODES`] nodes the rows are computed in
//!    parallel.
//! 3. **Initial positions** by pivot MDS (Brandes & Pich, *Eigensolver methods for
//!    progressive multidimensional scaling of large data*, GD 2006): distances to up to 50
//!    pivots, double-centred, projected on the top two eigenvectors found by power
//!    iteration from fixed start vectors, plus a tiny index-derived perturbation so that a
//!    path does not stay on a line. Components up to [`FULL_PIVOTS_MAX_NODES`] take every
//!    node as a pivot (classical MDS): the farthest-first choice of 50 pivots jumps when a
//!    few ties change, and with it the whole picture (adding three ties to the shipped
//!    model moved the median node 18% of the diagonal with 50 pivots, 6% with all).
//!    Components up to [`MULTI_START_MAX_NODES`] get three starts: the planes of the three
//!    leading axes taken two at a time ((1, 2), (1, 3), (2, 3)). The shipped model's
//!    eigenvalues are close (the second and third differ by a few per cent after some
//!    edits), so which plane is "the top two" changes under a small edit, and stress from
//!    a different plane ends in a different local minimum: a change of shape no
//!    orientation undoes (seed 6 of the seeded three-tie edits moved the median node 8.1%,
//!    seed 17 9.1% and came out mirrored). Each start is run through stress and the layout
//!    of least stress is kept (the first on a tie), which finds the same minimum again
//!    (4.7% and 4.2%). Three stress runs instead of one: within the noise of timing the
//!    `layout` command on the shipped model (BENCHMARKS.md).
//! 4. **Stress majorization** (Gansner, Koren & North, *Graph drawing by stress
//!    majorization*, GD 2004) with weights `d_ij⁻²`, updating one node at a time until the
//!    layout moves by less than 0.01 % or the iteration budget (shrinking with n²) is spent.
//!    Components over [`FULL_STRESS_MAX_NODES`] nodes get only [`POLISH_SWEEPS`] sweeps
//!    (each is O(n²); 62 were half the time to draw 2,000 nodes), which keep the pivot-MDS
//!    shape and take apart what it bunches together; components over [`STRESS_MAX_NODES`]
//!    nodes keep their pivot-MDS positions.
//!    The finished stress layout is then turned and mirrored into the orientation that
//!    `orient.rs` fixes from its two hubs and the nodes' degrees, so that a small edit,
//!    which may turn the MDS axes or flip the sign of one, neither turns nor mirrors the
//!    picture.
//! 5. **Overlap removal**: nodes are boxes sized to their labels; a sort-and-sweep pass finds
//!    overlapping pairs and pushes each pair apart along the axis of least overlap, repeated
//!    until nothing overlaps; a layout still jammed after 200 passes is spread out from its
//!    centre a little before each further round. Components over [`FULL_STRESS_MAX_NODES`]
//!    are spread before every pass from the start (their dense cores always jam, and long
//!    pushing in a jam tangles the edges).
//! 6. **Crossing reduction** (`untangle.rs`): local moves and swaps that lower the
//!    number of crossings without creating overlaps.
//! 7. **Packing**: components are placed in rows, largest first.
//!
//! Everything is deterministic: no randomness, ties broken by index, parallel distance rows
//! written each to its own slot. Time is O(n² · iterations) per component for stress,
//! O(n · (n + m) log n) for distances; memory n² f32 (36 MB at the 3,000-node limit),
//! O(n · pivots) beyond it.

use std::collections::VecDeque;

pub use super::geometry::Point;

/// Layout parameters.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LayoutParams {
    /// Ideal length of an edge, in pixels, between the centres of its ends.
    pub edge_length: f64,
    /// Space kept free around every box, in pixels.
    pub padding: f64,
    /// Gap between packed components, in pixels.
    pub component_gap: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self { edge_length: 150.0, padding: 10.0, component_gap: 40.0 }
    }
}

/// Largest component laid out by stress majorization (which needs n² memory).
pub const STRESS_MAX_NODES: usize = 3000;
/// Largest component given the full stress budget (up to 300 sweeps, fewer as n² grows) and
/// the full overlap removal; larger ones get [`POLISH_SWEEPS`] sweeps from their pivot-MDS
/// positions and spreading overlap removal.
pub const FULL_STRESS_MAX_NODES: usize = 1000;
/// Largest component whose pivot MDS takes every node as a pivot.
pub const FULL_PIVOTS_MAX_NODES: usize = 300;
/// Largest component laid out from three starts (the module documentation, step 3).
pub const MULTI_START_MAX_NODES: usize = 300;
/// Sweeps of stress majorization on components over [`FULL_STRESS_MAX_NODES`] nodes.
pub const POLISH_SWEEPS: usize = 5;

/// Lays out nodes given their box `sizes` (width, height), undirected `edges` (index pairs;
/// out-of-range pairs and self-loops are ignored) and optional `groups` (nodes with the same
/// group are kept close). Returns the centre of every box; boxes do not overlap.
pub fn layout(
    sizes: &[Point],
    edges: &[(usize, usize)],
    groups: &[Option<usize>],
    params: &LayoutParams,
) -> Vec<Point> {
    let n = sizes.len();
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    // Sorted lists with repeats: count parallel edges, then keep each neighbour once.
    let mut multiplicity: Vec<Vec<usize>> = Vec::with_capacity(n);
    for list in &mut adjacency {
        list.sort_unstable();
        let mut counts: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < list.len() {
            let j = i + list[i..].iter().take_while(|&&x| x == list[i]).count();
            counts.push(j - i);
            i = j;
        }
        list.dedup();
        multiplicity.push(counts);
    }
    let group = |i: usize| groups.get(i).copied().flatten();
    let edge_length =
        if params.edge_length.is_finite() && params.edge_length > 0.0 { params.edge_length } else { 150.0 };
    let padding = if params.padding.is_finite() { params.padding.max(0.0) } else { 0.0 };
    let gap = if params.component_gap.is_finite() { params.component_gap.max(0.0) } else { 0.0 };
    let sizes: Vec<Point> = sizes
        .iter()
        .map(|s| Point {
            x: if s.x.is_finite() { s.x.clamp(0.0, 1e5) } else { 0.0 },
            y: if s.y.is_finite() { s.y.clamp(0.0, 1e5) } else { 0.0 },
        })
        .collect();

    let lengths = edge_lengths(&adjacency, &multiplicity);
    let mut positions = vec![Point::default(); n];
    let mut placed: Vec<(Vec<usize>, Point, Point)> = Vec::new(); // members, min corner, max corner
    for members in components(&adjacency) {
        let local = component_layout(&members, &adjacency, &lengths, &group, edge_length);
        let mut pos: Vec<Point> = local;
        let boxes: Vec<Point> = members.iter().map(|&i| sizes[i]).collect();
        if members.len() > FULL_STRESS_MAX_NODES {
            spread_overlaps(&mut pos, &boxes, padding);
        } else {
            remove_overlaps(&mut pos, &boxes, padding);
        }
        let sorted: &[usize] = &members;
        let local: Vec<(usize, usize)> = members
            .iter()
            .enumerate()
            .flat_map(|(k, &i)| adjacency[i].iter().filter_map(move |&j| sorted.binary_search(&j).ok().map(|l| (k, l))))
            .collect();
        let local_groups: Vec<Option<usize>> = members.iter().map(|&i| group(i)).collect();
        super::untangle::untangle(&mut pos, &boxes, &local, &local_groups, padding, false);
        let (lo, hi) = bounds(&pos, &boxes);
        for (k, &i) in members.iter().enumerate() {
            positions[i] = pos[k];
        }
        placed.push((members, lo, hi));
    }
    pack(&mut positions, &placed, gap);
    positions
}

/// Connected components, each sorted, in order of their smallest node.
fn components(adjacency: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = adjacency.len();
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut members = vec![start];
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &w in &adjacency[v] {
                if !seen[w] {
                    seen[w] = true;
                    members.push(w);
                    queue.push_back(w);
                }
            }
        }
        members.sort_unstable();
        out.push(members);
    }
    out
}

/// Edge lengths after the "symmetric difference" rule (as in WebCoLa): an edge between nodes
/// with many distinct neighbours is longer, which gives crowded hubs room. Lengths are
/// `0.7 + 0.08·√|N(u) △ N(v)| + 0.15·√(parallel edges − 1)` (the last term leaves room for
/// the combined label of a bundle), stored next to each adjacency entry.
fn edge_lengths(adjacency: &[Vec<usize>], multiplicity: &[Vec<usize>]) -> Vec<Vec<f32>> {
    adjacency
        .iter()
        .enumerate()
        .map(|(u, list)| {
            list.iter()
                .zip(&multiplicity[u])
                .map(|(&v, &parallel)| {
                    let (a, b) = (&adjacency[u], &adjacency[v]);
                    let (mut i, mut j, mut common) = (0, 0, 0usize);
                    while i < a.len() && j < b.len() {
                        match a[i].cmp(&b[j]) {
                            std::cmp::Ordering::Less => i += 1,
                            std::cmp::Ordering::Greater => j += 1,
                            std::cmp::Ordering::Equal => {
                                common += 1;
                                i += 1;
                                j += 1;
                            }
                        }
                    }
                    let diff = (a.len() + b.len()).saturating_sub(2 * common) as f32;
                    0.7 + 0.08 * diff.sqrt() + 0.15 * (parallel.saturating_sub(1) as f32).sqrt()
                })
                .collect()
        })
        .collect()
}

/// Shortest-path distances (Dijkstra over `lengths`) from `source` within a component, with
/// `local` mapping graph index to position in the component.
fn distances(source: usize, adjacency: &[Vec<usize>], lengths: &[Vec<f32>], local: &[usize], out: &mut [f32]) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    out.iter_mut().for_each(|d| *d = f32::INFINITY);
    out[local[source]] = 0.0;
    // Non-negative f32s order like their bit patterns.
    let mut heap = BinaryHeap::from([Reverse((0f32.to_bits(), source))]);
    while let Some(Reverse((bits, v))) = heap.pop() {
        let d = f32::from_bits(bits);
        if d > out[local[v]] {
            continue;
        }
        for (&w, &len) in adjacency[v].iter().zip(&lengths[v]) {
            let next = d + len;
            if next < out[local[w]] {
                out[local[w]] = next;
                heap.push(Reverse((next.to_bits(), w)));
            }
        }
    }
}

/// Positions for one component, centred near the origin.
fn component_layout(
    members: &[usize],
    adjacency: &[Vec<usize>],
    lengths: &[Vec<f32>],
    group: &dyn Fn(usize) -> Option<usize>,
    unit: f64,
) -> Vec<Point> {
    let m = members.len();
    match m {
        0 => return Vec::new(),
        1 => return vec![Point::default()],
        2 => return vec![Point { x: -unit / 2.0, y: 0.0 }, Point { x: unit / 2.0, y: 0.0 }],
        _ => {}
    }
    let mut local = vec![usize::MAX; adjacency.len()];
    for (k, &i) in members.iter().enumerate() {
        local[i] = k;
    }
    let mut pos = if m <= STRESS_MAX_NODES {
        // Full distance matrix, with same-group pairs pulled together.
        let mut dist = vec![0f32; m * m];
        if m <= FULL_STRESS_MAX_NODES {
            for (k, &i) in members.iter().enumerate() {
                distances(i, adjacency, lengths, &local, &mut dist[k * m..(k + 1) * m]);
            }
        } else {
            // Rows are independent: computed in parallel, the same on any number of threads.
            use rayon::prelude::*;
            dist.par_chunks_mut(m).zip(members.par_iter()).for_each(|(row, &i)| {
                distances(i, adjacency, lengths, &local, row);
            });
        }
        // Same-group pairs: closer, and (marked negative) held ten times as firmly.
        for a in 0..m {
            if let Some(ga) = group(members[a]) {
                for b in 0..m {
                    if a != b && group(members[b]) == Some(ga) {
                        dist[a * m + b] = -dist[a * m + b].min(0.7);
                    }
                }
            }
        }
        let row = |k: usize, out: &mut [f32]| {
            out.iter_mut().zip(&dist[k * m..(k + 1) * m]).for_each(|(o, d)| *o = d.abs());
        };
        let pos = if m <= MULTI_START_MAX_NODES {
            // Three starts, from the planes of the three leading MDS axes taken two at a
            // time; the layout of least stress wins (the first on a tie).
            let axes = mds_axes(m, row, 3);
            let mut best: Option<(f64, Vec<Point>)> = None;
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                let mut pos = plane(&axes[a], &axes[b]);
                stress(&mut pos, &dist);
                let value = stress_value(&pos, &dist);
                if best.as_ref().is_none_or(|(v, _)| value < *v) {
                    best = Some((value, pos));
                }
            }
            best.map(|(_, pos)| pos).unwrap_or_default()
        } else {
            let mut pos = pivot_mds(m, row);
            if m <= FULL_STRESS_MAX_NODES {
                stress(&mut pos, &dist);
            } else {
                stress_sweeps(&mut pos, &dist, POLISH_SWEEPS);
            }
            pos
        };
        let mut pos = pos;
        let degree: Vec<usize> = members.iter().map(|&i| adjacency[i].len()).collect();
        super::orient::orient(&mut pos, &degree, &dist);
        pos
    } else {
        let mut row = vec![0f32; m];
        pivot_mds(m, |k, out| {
            distances(members[k], adjacency, lengths, &local, &mut row);
            out.copy_from_slice(&row);
        })
    };
    for p in &mut pos {
        p.x *= unit;
        p.y *= unit;
    }
    pos
}

/// Pivot MDS in two dimensions; `row(k, out)` fills the hop distances from local node `k`.
fn pivot_mds(m: usize, row: impl FnMut(usize, &mut [f32])) -> Vec<Point> {
    let axes = mds_axes(m, row, 2);
    plane(&axes[0], &axes[1])
}

/// The coordinates of the `count` leading axes of pivot MDS, largest eigenvalue first;
/// `row(k, out)` fills the hop distances from local node `k`.
fn mds_axes(m: usize, mut row: impl FnMut(usize, &mut [f32]), count: usize) -> Vec<Vec<f64>> {
    // Every node is a pivot in small components (classical MDS, which a small edit changes
    // little); 50 pivots beyond.
    let k = if m <= FULL_PIVOTS_MAX_NODES { m } else { m.min(50) };
    // Pivots: start at node 0, then repeatedly the node farthest from all chosen pivots.
    let mut pivots = Vec::with_capacity(k);
    let mut nearest = vec![f32::INFINITY; m];
    let mut columns: Vec<Vec<f64>> = Vec::with_capacity(k); // squared distances, one per pivot
    let mut buf = vec![0f32; m];
    let mut next = 0usize;
    for _ in 0..k {
        pivots.push(next);
        row(next, &mut buf);
        columns.push(buf.iter().map(|&d| f64::from(d) * f64::from(d)).collect());
        for (near, &d) in nearest.iter_mut().zip(&buf) {
            *near = near.min(d);
        }
        next = (0..m).fold(0, |best, i| if nearest[i] > nearest[best] { i } else { best });
    }
    // Double centring of the m × k matrix of squared distances.
    let col_mean: Vec<f64> = columns.iter().map(|c| c.iter().sum::<f64>() / m as f64).collect();
    let row_mean: Vec<f64> = (0..m).map(|i| columns.iter().map(|c| c[i]).sum::<f64>() / k as f64).collect();
    let grand = col_mean.iter().sum::<f64>() / k as f64;
    let c: Vec<Vec<f64>> = columns
        .iter()
        .enumerate()
        .map(|(j, col)| (0..m).map(|i| -0.5 * (col[i] - row_mean[i] - col_mean[j] + grand)).collect())
        .collect();
    // CᵀC (k × k), then its top eigenvectors by power iteration with deflation.
    let mut ctc = vec![0f64; k * k];
    for a in 0..k {
        for b in a..k {
            let v: f64 = c[a].iter().zip(&c[b]).map(|(x, y)| x * y).sum();
            ctc[a * k + b] = v;
            ctc[b * k + a] = v;
        }
    }
    let mut vectors: Vec<Vec<f64>> = Vec::new();
    for dim in 0..count {
        let mut v: Vec<f64> = (0..k).map(|i| if (i + dim) % 2 == 0 { 1.0 } else { 0.5 } + i as f64 * 0.01).collect();
        for _ in 0..200 {
            let mut w: Vec<f64> = (0..k).map(|a| (0..k).map(|b| ctc[a * k + b] * v[b]).sum()).collect();
            for u in &vectors {
                let dot: f64 = w.iter().zip(u).map(|(x, y)| x * y).sum();
                w.iter_mut().zip(u).for_each(|(x, y)| *x -= dot * y);
            }
            let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 || !norm.is_finite() {
                break;
            }
            w.iter_mut().for_each(|x| *x /= norm);
            let change: f64 = w.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
            v = w;
            if change < 1e-9 {
                break;
            }
        }
        vectors.push(v);
    }
    vectors.iter().map(|v| (0..m).map(|i| (0..k).map(|j| c[j][i] * v[j]).sum()).collect()).collect()
}

/// Points with coordinates `xs` and `ys`, scaled so that the layout spans about √m hop
/// distances, then perturbed slightly (deterministically) so degenerate layouts can unfold.
fn plane(xs: &[f64], ys: &[f64]) -> Vec<Point> {
    let m = xs.len();
    let mut pos: Vec<Point> = xs.iter().zip(ys).map(|(&x, &y)| Point { x, y }).collect();
    let spread = pos.iter().map(|p| p.x.abs() + p.y.abs()).fold(0.0, f64::max);
    let target = (m as f64).sqrt();
    let factor = if spread.is_finite() && spread > 1e-9 { target / spread } else { 0.0 };
    for (i, p) in pos.iter_mut().enumerate() {
        let h = (i as f64 + 1.0) * 0.618_033_988_75;
        let angle = h.fract() * std::f64::consts::TAU;
        let r = if factor == 0.0 { 1.0 + (i as f64).sqrt() } else { 0.05 };
        p.x = p.x * factor + r * angle.cos();
        p.y = p.y * factor + r * angle.sin();
        if !p.x.is_finite() || !p.y.is_finite() {
            *p = Point { x: angle.cos(), y: angle.sin() };
        }
    }
    pos
}

/// The stress `Σ w_ij (|p_i − p_j| − d_ij)²` that [`stress`] lowers, with the weights it
/// uses (`d⁻²`, ten times that for same-group pairs).
fn stress_value(pos: &[Point], dist: &[f32]) -> f64 {
    let m = pos.len();
    let mut total = 0.0;
    for i in 0..m {
        for j in i + 1..m {
            let d = dist[i * m + j];
            if !d.is_finite() || d == 0.0 {
                continue;
            }
            let firm = if d < 0.0 { 10.0 } else { 1.0 };
            let d = f64::from(d.abs());
            let len = (pos[i].x - pos[j].x).hypot(pos[i].y - pos[j].y);
            total += firm * (len - d).powi(2) / (d * d);
        }
    }
    total
}

/// Stress majorization with weights d⁻², one node at a time.
fn stress(pos: &mut [Point], dist: &[f32]) {
    let m = pos.len();
    let budget = (2.5e8 / (m as f64 * m as f64)).clamp(30.0, 300.0) as usize;
    stress_sweeps(pos, dist, budget);
}

/// Up to `budget` sweeps of [`stress`], stopping when the layout moves by less than 0.01 %.
fn stress_sweeps(pos: &mut [Point], dist: &[f32], budget: usize) {
    let m = pos.len();
    let scale: f64 = pos.iter().map(|p| p.x.abs() + p.y.abs()).sum::<f64>().max(1e-9);
    for _ in 0..budget {
        let mut moved = 0.0;
        for i in 0..m {
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            let pi = pos[i];
            let row = &dist[i * m..(i + 1) * m];
            for (j, &d) in row.iter().enumerate() {
                if j == i || !d.is_finite() || d == 0.0 {
                    continue;
                }
                let firm = if d < 0.0 { 10.0 } else { 1.0 };
                let d = f64::from(d.abs());
                let w = firm / (d * d);
                let pj = pos[j];
                let (dx, dy) = (pi.x - pj.x, pi.y - pj.y);
                let len = (dx * dx + dy * dy).sqrt();
                if len > 1e-9 {
                    sx += w * (pj.x + d * dx / len);
                    sy += w * (pj.y + d * dy / len);
                } else {
                    sx += w * pj.x;
                    sy += w * pj.y;
                }
                sw += w;
            }
            if sw > 0.0 {
                let new = Point { x: sx / sw, y: sy / sw };
                if new.x.is_finite() && new.y.is_finite() {
                    moved += (new.x - pi.x).abs() + (new.y - pi.y).abs();
                    pos[i] = new;
                }
            }
        }
        if moved / scale < 1e-4 {
            break;
        }
    }
}

/// Passes of [`remove_overlaps`] before the layout is spread out.
const PUSH_PASSES: usize = 200;
/// Most times a jammed layout is spread out, by [`JAM_SPREAD`] each time.
const JAM_ROUNDS: usize = 100;
/// How far each spreading of a jammed layout moves the boxes apart.
const JAM_SPREAD: f64 = 1.08;
/// Passes of [`remove_overlaps`] after each spreading.
const JAM_PASSES: usize = 20;

/// Pushes overlapping boxes apart until none overlap (boxes grown by `padding`).
///
/// Up to 200 passes push each overlapping pair apart. When boxes still overlap after that,
/// the layout is jammed — its boxes need more room than it has — and pushing only shuffles
/// them; then it is spread out from its centre by 8 % and pushed again (20 passes), until
/// nothing overlaps.
pub fn remove_overlaps(pos: &mut [Point], sizes: &[Point], padding: f64) {
    let mut order: Vec<usize> = (0..pos.len()).collect();
    for _ in 0..PUSH_PASSES {
        if push_apart(pos, sizes, padding, &mut order) == 0 {
            return;
        }
    }
    for _ in 0..JAM_ROUNDS {
        spread(pos, JAM_SPREAD);
        for _ in 0..JAM_PASSES {
            if push_apart(pos, sizes, padding, &mut order) == 0 {
                return;
            }
        }
    }
}

/// Overlap removal for components over [`FULL_STRESS_MAX_NODES`] nodes: one pass of pushing
/// after each spreading by [`JAM_SPREAD`], until nothing overlaps.
///
/// The dense core of a large graph (the hubs of a scale-free one) always jams, and long
/// pushing in a jam drags nodes across each other's edges: on a Barabási–Albert graph of
/// 2,000 nodes (m = 2) laid out by full stress, with 390,000 crossings between straight
/// centre lines, [`remove_overlaps`] left 958,000 (and still overlaps, without its jam
/// rounds), this 447,000.
fn spread_overlaps(pos: &mut [Point], sizes: &[Point], padding: f64) {
    let mut order: Vec<usize> = (0..pos.len()).collect();
    if push_apart(pos, sizes, padding, &mut order) == 0 {
        return;
    }
    for _ in 0..JAM_ROUNDS {
        spread(pos, JAM_SPREAD);
        if push_apart(pos, sizes, padding, &mut order) == 0 {
            return;
        }
    }
    remove_overlaps(pos, sizes, padding);
}

/// Moves every point away from the points' centroid by `factor`.
fn spread(pos: &mut [Point], factor: f64) {
    let n = pos.len().max(1) as f64;
    let cx = pos.iter().map(|p| p.x).sum::<f64>() / n;
    let cy = pos.iter().map(|p| p.y).sum::<f64>() / n;
    for p in pos.iter_mut() {
        p.x = cx + (p.x - cx) * factor;
        p.y = cy + (p.y - cy) * factor;
    }
}

/// One pass of [`remove_overlaps`]: a sort-and-sweep over the boxes (`order` is reused
/// between passes) pushing each overlapping pair apart along the axis of least overlap.
/// Returns how many pairs overlapped.
fn push_apart(pos: &mut [Point], sizes: &[Point], padding: f64, order: &mut [usize]) -> usize {
    let m = pos.len();
    let half = |i: usize| Point { x: sizes[i].x / 2.0 + padding / 2.0, y: sizes[i].y / 2.0 + padding / 2.0 };
    order.sort_by(|&a, &b| (pos[a].x - half(a).x).total_cmp(&(pos[b].x - half(b).x)).then(a.cmp(&b)));
    let mut overlaps = 0usize;
    for oi in 0..m {
        let a = order[oi];
        for &b in &order[oi + 1..] {
            let (ha, hb) = (half(a), half(b));
            if pos[b].x - hb.x >= pos[a].x + ha.x {
                break;
            }
            let dx = pos[b].x - pos[a].x;
            let dy = pos[b].y - pos[a].y;
            let ox = ha.x + hb.x - dx.abs();
            let oy = ha.y + hb.y - dy.abs();
            if ox <= 0.0 || oy <= 0.0 {
                continue;
            }
            overlaps += 1;
            // Push along the axis needing less movement, a little more than needed.
            if ox * 0.6 < oy {
                let s = if dx > 0.0 || (dx == 0.0 && a < b) { 1.0 } else { -1.0 };
                let push = ox / 2.0 + 0.5;
                pos[a].x -= s * push;
                pos[b].x += s * push;
            } else {
                let s = if dy > 0.0 || (dy == 0.0 && a < b) { 1.0 } else { -1.0 };
                let push = oy / 2.0 + 0.5;
                pos[a].y -= s * push;
                pos[b].y += s * push;
            }
        }
    }
    overlaps
}

/// The corners of the smallest rectangle holding every box.
fn bounds(pos: &[Point], sizes: &[Point]) -> (Point, Point) {
    let mut lo = Point { x: f64::INFINITY, y: f64::INFINITY };
    let mut hi = Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
    for (p, s) in pos.iter().zip(sizes) {
        lo.x = lo.x.min(p.x - s.x / 2.0);
        lo.y = lo.y.min(p.y - s.y / 2.0);
        hi.x = hi.x.max(p.x + s.x / 2.0);
        hi.y = hi.y.max(p.y + s.y / 2.0);
    }
    if !lo.x.is_finite() {
        return (Point::default(), Point::default());
    }
    (lo, hi)
}

/// Shelf packing: largest component first, rows about as wide as the square root of the
/// total area (and at least as wide as the widest component).
fn pack(positions: &mut [Point], placed: &[(Vec<usize>, Point, Point)], gap: f64) {
    let mut order: Vec<usize> = (0..placed.len()).collect();
    let area = |c: usize| {
        let (_, lo, hi) = &placed[c];
        (hi.x - lo.x) * (hi.y - lo.y)
    };
    order.sort_by(|&a, &b| placed[b].0.len().cmp(&placed[a].0.len()).then(area(b).total_cmp(&area(a))).then(a.cmp(&b)));
    let total: f64 = placed.iter().map(|(_, lo, hi)| (hi.x - lo.x + gap) * (hi.y - lo.y + gap)).sum();
    let widest = placed.iter().map(|(_, lo, hi)| hi.x - lo.x).fold(0.0, f64::max);
    let row_width = widest.max(total.sqrt() * 1.2);
    let (mut x, mut y, mut row_height) = (0.0_f64, 0.0_f64, 0.0_f64);
    for c in order {
        let (members, lo, hi) = &placed[c];
        let (w, h) = (hi.x - lo.x, hi.y - lo.y);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for &i in members {
            positions[i].x += x - lo.x;
            positions[i].y += y - lo.y;
        }
        x += w + gap;
        row_height = row_height.max(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(n: usize) -> Vec<Point> {
        vec![Point { x: 60.0, y: 24.0 }; n]
    }

    fn overlapping(pos: &[Point], sizes: &[Point]) -> usize {
        let mut count = 0;
        for a in 0..pos.len() {
            for b in a + 1..pos.len() {
                let ox = (sizes[a].x + sizes[b].x) / 2.0 - (pos[a].x - pos[b].x).abs();
                let oy = (sizes[a].y + sizes[b].y) / 2.0 - (pos[a].y - pos[b].y).abs();
                if ox > 0.01 && oy > 0.01 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn empty_and_single_node_graphs_are_fine() {
        assert!(layout(&[], &[], &[], &LayoutParams::default()).is_empty());
        let one = layout(&boxes(1), &[], &[], &LayoutParams::default());
        assert_eq!(one.len(), 1);
        assert!(one[0].x.is_finite());
    }

    #[test]
    fn neighbours_are_closer_than_far_nodes_on_a_path() {
        let edges: Vec<(usize, usize)> = (0..9).map(|i| (i, i + 1)).collect();
        let pos = layout(&boxes(10), &edges, &[], &LayoutParams::default());
        let d = |a: usize, b: usize| ((pos[a].x - pos[b].x).powi(2) + (pos[a].y - pos[b].y).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 9) / 4.0, "{pos:?}");
    }

    #[test]
    fn no_boxes_overlap_even_when_disconnected() {
        let sizes = boxes(30);
        let edges: Vec<(usize, usize)> =
            (0..10).map(|i| (i, (i + 1) % 10)).chain([(12, 13), (40, 41), (5, 5)]).collect();
        let pos = layout(&sizes, &edges, &[], &LayoutParams::default());
        assert_eq!(overlapping(&pos, &sizes), 0);
        assert!(pos.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }

    #[test]
    fn layout_is_deterministic() {
        let edges: Vec<(usize, usize)> = (0..40).map(|i| (i % 17, (i * 7 + 3) % 23)).collect();
        let a = layout(&boxes(23), &edges, &[], &LayoutParams::default());
        let b = layout(&boxes(23), &edges, &[], &LayoutParams::default());
        assert_eq!(a, b);
    }

    /// A Barabási–Albert-like graph: node `i` links to two earlier nodes chosen by a fixed
    /// linear congruential sequence over the edge ends so far (preferential attachment).
    fn scale_free(n: usize) -> Vec<(usize, usize)> {
        let mut ends: Vec<usize> = vec![0, 1];
        let mut edges = vec![(0, 1)];
        let mut state: u64 = 12345;
        for i in 2..n {
            for _ in 0..2 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let j = ends[(state >> 33) as usize % ends.len()];
                edges.push((i, j));
                ends.extend([i, j]);
            }
        }
        edges
    }

    fn check_large(n: usize, groups: &[Option<usize>]) -> Vec<Point> {
        let sizes: Vec<Point> = (0..n).map(|i| Point { x: 40.0 + (i % 7) as f64 * 10.0, y: 24.0 }).collect();
        let edges = scale_free(n);
        let pos = layout(&sizes, &edges, groups, &LayoutParams::default());
        assert_eq!(pos.len(), n);
        assert!(pos.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        assert_eq!(overlapping(&pos, &sizes), 0);
        // Ends of an edge are, on average, closer than two nodes of the drawing are (a
        // layout that ignores the edges puts them as far apart).
        let d = |a: usize, b: usize| (pos[a].x - pos[b].x).hypot(pos[a].y - pos[b].y);
        let along: f64 = edges.iter().map(|&(a, b)| d(a, b)).sum::<f64>() / edges.len() as f64;
        let apart: f64 = (0..n).map(|a| d(a, (a * 7 + n / 2) % n)).sum::<f64>() / n as f64;
        assert!(along < apart * 0.75, "edges {along:.0} px, pairs {apart:.0} px");
        pos
    }

    #[test]
    fn large_components_get_a_few_stress_sweeps_and_no_overlaps() {
        let n = FULL_STRESS_MAX_NODES + 200;
        // Some country clusters, to exercise the group terms.
        let groups: Vec<Option<usize>> = (0..n).map(|i| (i % 10 == 0).then_some(i % 3)).collect();
        let a = check_large(n, &groups);
        let b = layout(
            &(0..n).map(|i| Point { x: 40.0 + (i % 7) as f64 * 10.0, y: 24.0 }).collect::<Vec<_>>(),
            &scale_free(n),
            &groups,
            &LayoutParams::default(),
        );
        assert_eq!(a, b, "not deterministic");
    }

    #[test]
    fn components_beyond_the_distance_matrix_keep_pivot_mds_without_overlaps() {
        check_large(STRESS_MAX_NODES + 100, &[]);
    }

    #[test]
    fn a_jammed_layout_is_spread_until_nothing_overlaps() {
        // Fifty boxes on one spot: pushing alone cannot place them in 200 passes.
        let sizes = boxes(50);
        let mut pos = vec![Point { x: 5.0, y: 5.0 }; 50];
        remove_overlaps(&mut pos, &sizes, 10.0);
        assert_eq!(overlapping(&pos, &sizes), 0);
        let mut pos = vec![Point { x: 5.0, y: 5.0 }; 50];
        spread_overlaps(&mut pos, &sizes, 10.0);
        assert_eq!(overlapping(&pos, &sizes), 0);
    }

    #[test]
    fn the_least_stress_of_three_starts_is_kept() {
        // A 4 × 6 grid with two long diagonals. The layout kept has no more stress than
        // the start from the two leading axes run through stress on its own here.
        let (w, h) = (6, 4);
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for r in 0..h {
            for c in 0..w {
                let i = r * w + c;
                if c + 1 < w {
                    edges.push((i, i + 1));
                }
                if r + 1 < h {
                    edges.push((i, i + w));
                }
            }
        }
        edges.extend([(0, 23), (5, 18)]);
        let n = w * h;
        let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &(a, b) in &edges {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
        let multiplicity: Vec<Vec<usize>> = adjacency
            .iter_mut()
            .map(|l| {
                l.sort_unstable();
                vec![1; l.len()]
            })
            .collect();
        let lengths = edge_lengths(&adjacency, &multiplicity);
        let members: Vec<usize> = (0..n).collect();
        let mut dist = vec![0f32; n * n];
        for i in 0..n {
            distances(i, &adjacency, &lengths, &members, &mut dist[i * n..(i + 1) * n]);
        }
        let row = |k: usize, out: &mut [f32]| out.copy_from_slice(&dist[k * n..(k + 1) * n]);
        let mut single = pivot_mds(n, row);
        stress(&mut single, &dist);
        let kept = component_layout(&members, &adjacency, &lengths, &|_| None, 1.0);
        let (a, b) = (stress_value(&kept, &dist), stress_value(&single, &dist));
        assert!(a <= b + 1e-9, "kept {a}, single start {b}");
        // Every start is a finished stress layout: each of them has less stress than the
        // MDS plane it started from.
        let axes = mds_axes(n, row, 3);
        let start = plane(&axes[0], &axes[2]);
        assert!(a < stress_value(&start, &dist));
    }

    #[test]
    fn nan_sizes_do_not_poison_the_layout() {
        let sizes = vec![Point { x: f64::NAN, y: f64::INFINITY }, Point { x: 10.0, y: 10.0 }];
        let pos = layout(&sizes, &[(0, 1)], &[], &LayoutParams::default());
        assert!(pos.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }
}
