//! Spectral centralities: eigenvector, PageRank and Katz, by power iteration as NetworkX
//! computes them (same defaults, tolerance and iteration limit). Each iteration step runs
//! on rayon over fixed blocks of nodes whose sums are added in block order, so results are
//! bit-for-bit the same on any number of threads.

use rayon::prelude::*;

use super::score::{CentralityError, Measure, Scores};
use super::view::GraphView;

/// Nodes per block of the spectral iterations' parallel loops (fixed, so sums do not depend
/// on the number of threads).
const BLOCK: usize = 4096;

/// `next[v] = f(v, next[v])` for every node in parallel; returns Σ |next[v] − x[v]|, summed per
/// fixed block and then over blocks in order.
fn step(next: &mut [f64], x: &[f64], f: impl Fn(usize, f64) -> f64 + Sync) -> f64 {
    let sums: Vec<f64> = next
        .par_chunks_mut(BLOCK)
        .enumerate()
        .map(|(b, block)| {
            let mut change = 0.0;
            for (i, slot) in block.iter_mut().enumerate() {
                let v = b * BLOCK + i;
                *slot = f(v, *slot);
                change += (*slot - x[v]).abs();
            }
            change
        })
        .collect();
    sums.iter().sum()
}

/// What every value of a spectral measure must be within, from the exact fixed point.
const EXACT: f64 = 1e-10;

/// The stopping rule of the spectral measures. A geometric iteration x_k = F(x_{k−1})
/// contracting by ρ per step is within `change · ρ / (1 − ρ)` (L1) of its fixed point
/// after a step that changed x by `change` (L1). `rate` is ρ when it is known (PageRank:
/// the damping factor), else ρ is estimated as the ratio of the last two changes. Stops
/// when that bound is below a tenth of [`EXACT`], so every value is within 1e-10.
struct Stop {
    rate: Option<f64>,
    last: f64,
}

impl Stop {
    fn done(&mut self, change: f64) -> bool {
        let rho = self.rate.unwrap_or(if self.last > 0.0 { change / self.last } else { 1.0 });
        self.last = change;
        if change == 0.0 {
            return true;
        }
        rho < 1.0 && change * rho / (1.0 - rho) < EXACT / 10.0 && change < EXACT / 10.0
    }
}

/// Iterations a power method may take before it reports [`CentralityError::NoConvergence`].
const MAX_ITERATIONS: usize = 1000;

/// Runs a power method from `x`: `advance(x, next)` writes the next iterate and returns
/// its L1 change, until `stop` says every value is within 1e-10 of the fixed point (then
/// `finish` turns the iterate into scores) or [`MAX_ITERATIONS`] pass, or a change is
/// not finite (no convergence either way).
fn power_iterate(
    measure: Measure,
    mut x: Vec<f64>,
    mut stop: Stop,
    mut advance: impl FnMut(&[f64], &mut [f64]) -> f64,
    finish: impl FnOnce(Vec<f64>) -> Vec<f64>,
) -> Result<Scores, CentralityError> {
    let mut next = vec![0.0; x.len()];
    for _ in 0..MAX_ITERATIONS {
        let change = advance(&x, &mut next);
        std::mem::swap(&mut x, &mut next);
        if !change.is_finite() {
            break;
        }
        if stop.done(change) {
            return Ok(Scores::from_values(finish(x)));
        }
    }
    Err(CentralityError::NoConvergence { measure, iterations: MAX_ITERATIONS })
}

/// The strengths of the arcs entering each node, in incoming-adjacency order, or none when
/// every strength is 1.
fn in_strengths(view: &GraphView, weighted: bool) -> Vec<f64> {
    let (_, _, arcs) = view.in_adjacency();
    let all = view.strengths();
    if !weighted || all.is_empty() {
        return Vec::new();
    }
    arcs.iter().map(|&a| all[a as usize]).collect()
}

/// Σ over the arcs entering `v` of `x[tail] · strength`.
fn pull(offsets: &[u32], sources: &[u32], strengths: &[f64], x: &[f64], v: usize) -> f64 {
    let range = offsets[v] as usize..offsets[v + 1] as usize;
    if strengths.is_empty() {
        sources[range].iter().map(|&u| x[u as usize]).sum()
    } else {
        sources[range.clone()].iter().zip(&strengths[range]).map(|(&u, &w)| x[u as usize] * w).sum()
    }
}

/// Eigenvector centrality by power iteration on A + I, as NetworkX
/// `eigenvector_centrality`: start 1/n, each step normalised to unit Euclidean norm. Scores
/// come from incoming arcs (the left eigenvector on a directed view).
///
/// Exact: iterates until every value is within 1e-10 of the fixed point, by the rule that
/// the L1 change `c` of a step, times ρ/(1 − ρ) with ρ the ratio of the last two changes
/// (the observed contraction), is below 1e-11, and `c` itself too; at most 1000
/// iterations, else an error. (NetworkX stops at an L1 change of n·1e-6, up to about 1e-6
/// away.) O(iterations · (|V| + |E|)). Reference: Bonacich 1987, "Power and centrality".
pub fn eigenvector(view: &GraphView, weighted: bool) -> Result<Scores, CentralityError> {
    let n = view.node_count();
    if n == 0 {
        return Ok(Scores::default());
    }
    let (offsets, sources, _) = view.in_adjacency();
    let strengths = in_strengths(view, weighted);
    let advance = |x: &[f64], next: &mut [f64]| {
        step(next, x, |v, _| x[v] + pull(offsets, sources, &strengths, x, v));
        let squares: Vec<f64> = next.par_chunks(BLOCK).map(|b| b.iter().map(|v| v * v).sum::<f64>()).collect();
        let norm = squares.iter().sum::<f64>().sqrt();
        let scale = if norm == 0.0 { 1.0 } else { 1.0 / norm };
        step(next, x, |_, raw| raw * scale)
    };
    let start = vec![1.0 / n as f64; n];
    power_iterate(Measure::Eigenvector, start, Stop { rate: None, last: 0.0 }, advance, |x| x)
}

/// PageRank with damping 0.85: x ← 0.85 (xP + dangling mass / n) + 0.15 / n, where P
/// normalises each node's out-arcs by its out-strength and nodes without out-arcs spread
/// their mass uniformly; start 1/n, as NetworkX `pagerank`. An undirected tie counts both
/// ways.
///
/// Exact: this map contracts by 0.85 in L1, so after a step that changed x by `c` (L1) the
/// result is within `c · 0.85 / 0.15` of the fixed point; iteration stops when that bound
/// is below 1e-11, so every value is within 1e-10 (NetworkX stops at an L1 change of
/// n·1e-6). At most 1000 iterations (about 170 are needed), else an error.
/// O(iterations · (|V| + |E|)). Reference: Page, Brin, Motwani & Winograd 1999.
pub fn pagerank(view: &GraphView, weighted: bool) -> Result<Scores, CentralityError> {
    let n = view.node_count();
    if n == 0 {
        return Ok(Scores::default());
    }
    let alpha = 0.85;
    let (offsets, sources, _) = view.in_adjacency();
    let strengths = in_strengths(view, weighted);
    let out: Vec<f64> = if weighted && !view.is_unit() {
        let all = view.strengths();
        (0..n).map(|u| view.arcs(u).map(|a| all[a]).sum()).collect()
    } else {
        (0..n).map(|u| view.out_degree(u) as f64).collect()
    };
    let share: Vec<f64> = out.iter().map(|&o| if o == 0.0 { 0.0 } else { alpha / o }).collect();
    let dangling_nodes: Vec<u32> = (0..n as u32).filter(|&u| out[u as usize] == 0.0).collect();
    let nf = n as f64;
    let mut y = vec![0.0; n];
    let advance = |x: &[f64], next: &mut [f64]| {
        let dangling: f64 = dangling_nodes.iter().map(|&u| x[u as usize]).sum();
        let base = alpha * dangling / nf + (1.0 - alpha) / nf;
        y.par_chunks_mut(BLOCK).enumerate().for_each(|(b, block)| {
            for (i, slot) in block.iter_mut().enumerate() {
                *slot = x[b * BLOCK + i] * share[b * BLOCK + i];
            }
        });
        step(next, x, |v, _| pull(offsets, sources, &strengths, &y, v) + base)
    };
    power_iterate(Measure::PageRank, vec![1.0 / nf; n], Stop { rate: Some(alpha), last: 0.0 }, advance, |x| x)
}

/// Katz centrality: x ← 0.1 · Aᵀx + 1 from x = 0 (incoming arcs), then normalised to unit
/// Euclidean norm, as NetworkX `katz_centrality`.
///
/// Exact: iterates until every value is within 1e-10 of the fixed point, by the rule of
/// [`eigenvector`] (the L1 change times ρ/(1 − ρ), ρ the observed contraction, below
/// 1e-11, before normalising, which only shrinks the values: each is at least 1). At most
/// 1000 iterations; errors when it does not converge (when 0.1 is not below 1/λ_max).
/// O(iterations · (|V| + |E|)). Reference: Katz 1953.
pub fn katz(view: &GraphView, weighted: bool) -> Result<Scores, CentralityError> {
    let n = view.node_count();
    if n == 0 {
        return Ok(Scores::default());
    }
    let (alpha, beta) = (0.1, 1.0);
    let (offsets, sources, _) = view.in_adjacency();
    let strengths = in_strengths(view, weighted);
    let advance =
        |x: &[f64], next: &mut [f64]| step(next, x, |v, _| alpha * pull(offsets, sources, &strengths, x, v) + beta);
    let normalise = |mut x: Vec<f64>| {
        let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        let s = if norm > 0.0 { 1.0 / norm } else { 1.0 };
        x.iter_mut().for_each(|v| *v *= s);
        x
    };
    power_iterate(Measure::Katz, vec![0.0; n], Stop { rate: None, last: 0.0 }, advance, normalise)
}
