//! Centrality: who is central, by degree, brokerage, reach, or the company they keep.
//!
//! Every measure reproduces the NetworkX function of the same name with its defaults (the
//! integration tests compare against committed NetworkX values). With `weighted`, the
//! weight is a **distance** for the path-based measures (betweenness, closeness, harmonic:
//! the merged arc's minimum weight) and a **strength** for eigenvector, PageRank and Katz
//! (the merged arc's summed weight), as in NetworkX.
//!
//! Per-source loops run on rayon over fixed chunks of sources whose partial sums are added
//! in chunk order, so results are bit-for-bit the same on any number of threads.

use rayon::prelude::*;

use super::reorder::Renumbered;
use super::sssp::{forward, in_lengths, whole_lengths, Brandes, Csr, Dijkstra, MultiBfs};
use super::view::GraphView;

pub use super::score::{CentralityError, CentralityOptions, Measure, Scores};
pub use super::spectral::{eigenvector, katz, katz_with, pagerank, pagerank_damped};

/// Computes one measure. See each function for its definition.
pub fn compute(view: &GraphView, measure: Measure, options: &CentralityOptions) -> Result<Scores, CentralityError> {
    compute_with_progress(view, measure, options, &no_progress)
}

/// [`compute`], reporting the progress of betweenness, closeness and harmonic (the
/// measures that search from every node) to `progress` as `(sources just finished, all
/// sources)`. The result is the same with or without it.
pub fn compute_with_progress(
    view: &GraphView,
    measure: Measure,
    options: &CentralityOptions,
    progress: &Progress<'_>,
) -> Result<Scores, CentralityError> {
    Ok(match measure {
        Measure::Degree => degree(view),
        Measure::InDegree => in_degree(view),
        Measure::OutDegree => out_degree(view),
        Measure::Betweenness => betweenness_with(view, options.weighted, options.sample, true, progress),
        Measure::Closeness => closeness_with(view, options.weighted, options.sample, true, progress),
        Measure::Harmonic => harmonic_with(view, options.weighted, true, progress),
        Measure::Eigenvector => eigenvector(view, options.weighted)?,
        Measure::PageRank => pagerank(view, options.weighted)?,
        Measure::Katz => katz(view, options.weighted)?,
        Measure::SignedDegree => Scores::from_values(signed_degree(view).iter().map(|d| d.net as f64).collect()),
    })
}

fn self_loops(view: &GraphView, u: usize) -> usize {
    usize::from(view.find_arc(u, u).is_some())
}

fn scaled(view: &GraphView, count: impl Fn(usize) -> usize) -> Scores {
    let n = view.node_count();
    if n == 1 {
        return Scores::from_values(vec![1.0]);
    }
    let s = if n > 1 { 1.0 / (n - 1) as f64 } else { 0.0 };
    Scores::from_values((0..n).map(|u| count(u) as f64 * s).collect())
}

/// Degree centrality: the number of ties of a node divided by |V| − 1 (in + out on a
/// directed view; a self-loop counts twice), as NetworkX `degree_centrality`. A lone node
/// scores 1. O(|V|). Reference: Wasserman & Faust 1994, §5.2.
pub fn degree(view: &GraphView) -> Scores {
    if view.is_directed() {
        scaled(view, |u| view.out_degree(u) + view.in_degree(u))
    } else {
        scaled(view, |u| view.out_degree(u) + self_loops(view, u))
    }
}

/// In-degree centrality: incoming arcs / (|V| − 1), as NetworkX `in_degree_centrality`;
/// equal to [`degree`] on an undirected view. O(|V|). Reference: Wasserman & Faust 1994.
pub fn in_degree(view: &GraphView) -> Scores {
    if view.is_directed() {
        scaled(view, |u| view.in_degree(u))
    } else {
        degree(view)
    }
}

/// Out-degree centrality: outgoing arcs / (|V| − 1), as NetworkX `out_degree_centrality`;
/// equal to [`degree`] on an undirected view. O(|V|). Reference: Wasserman & Faust 1994.
pub fn out_degree(view: &GraphView) -> Scores {
    if view.is_directed() {
        scaled(view, |u| view.out_degree(u))
    } else {
        degree(view)
    }
}

/// SplitMix64, a small seeded generator (Steele, Lea & Flood 2014) for pivot sampling.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// `k` distinct nodes drawn uniformly with a seed (partial Fisher–Yates), ascending; all
/// nodes when `k >= n`; at least one.
fn pivots(n: usize, sample: Option<(usize, u64)>) -> (Vec<u32>, bool) {
    let all: Vec<u32> = (0..n as u32).collect();
    match sample {
        Some((k, seed)) if k < n => {
            let k = k.max(1);
            let mut rng = SplitMix64(seed);
            let mut pool = all;
            for i in 0..k {
                let j = i + rng.below(n - i);
                pool.swap(i, j);
            }
            pool.truncate(k);
            pool.sort_unstable();
            (pool, true)
        }
        _ => (all, false),
    }
}

/// How many chunk sums are held at once before they are added, in chunk order.
const GROUP: usize = 8;

/// Sums per-chunk contributions over fixed chunks of `sources`, in parallel or not, and
/// reports each finished chunk to `progress`. The chunking depends only on the number of
/// sources, each chunk sums into its own vector, and the vectors are added in chunk order,
/// so parallel and sequential runs give bit-for-bit the same result on any number of
/// threads. At most `GROUP` chunk vectors are alive at once.
fn sum_over_chunks<W: Send>(
    width: usize,
    sources: &[u32],
    parallel: bool,
    progress: &Progress<'_>,
    make: impl Fn() -> W + Sync + Send,
    add: impl Fn(&mut W, &[u32], &mut [f64]) + Sync + Send,
) -> Vec<f64> {
    let unit = 64;
    let chunk = sources.len().div_ceil(64).max(unit).next_multiple_of(unit);
    let chunks: Vec<&[u32]> = sources.chunks(chunk).collect();
    let total_sources = sources.len();
    let run = |ws: &mut W, part: &&[u32]| {
        let mut acc = vec![0.0; width];
        add(ws, part, &mut acc);
        progress(part.len(), total_sources);
        acc
    };
    let mut total = vec![0.0; width];
    for group in chunks.chunks(GROUP) {
        let parts: Vec<Vec<f64>> = if parallel {
            group.par_iter().map_init(&make, run).collect()
        } else {
            let mut ws = make();
            group.iter().map(|part| run(&mut ws, part)).collect()
        };
        for part in parts {
            for (t, p) in total.iter_mut().zip(part) {
                *t += p;
            }
        }
    }
    total
}

/// A progress callback: `(sources just finished, all sources)`. Called from worker
/// threads, in no particular order; it must not affect the result.
pub type Progress<'a> = dyn Fn(usize, usize) + Sync + 'a;

fn no_progress(_: usize, _: usize) {}

/// Betweenness centrality: for each node, the sum over pairs s ≠ t (both ≠ v) of the share
/// of shortest s–t paths through v; normalised by 1/((n−1)(n−2)), endpoints excluded, as
/// NetworkX `betweenness_centrality` (hops, or arc distances when `weighted`).
///
/// With `sample = Some((k, seed))` and k < |V|, only k seeded random pivots are sources
/// (Brandes & Pich 2007) and the result is rescaled exactly as NetworkX does for `k`
/// (pivots by 1/((k−1)(n−2)), other nodes by 1/(k(n−2)); a lone pivot scores 0); k ≥ |V|
/// is exact. Reproducible for a given seed (but not NetworkX's random choice).
///
/// One breadth-first search (unweighted: direction-optimizing, each level found from the
/// frontier or from the nodes not yet reached, whichever scans fewer arcs) or Dijkstra
/// (weighted: a bucket queue for whole lengths up to 1024, a binary heap otherwise) per
/// source on flat storage, with no predecessor lists, in parallel over fixed chunks of
/// sources: the same result on any number of threads.
///
/// O(|V||E|) unweighted, O(|V||E| + |V|² log |V|) weighted (k|E|… with sampling).
/// Reference: Brandes 2001, "A faster algorithm for betweenness centrality".
pub fn betweenness(view: &GraphView, weighted: bool, sample: Option<(usize, u64)>) -> Scores {
    betweenness_with(view, weighted, sample, true, &no_progress)
}

pub(crate) fn betweenness_with(
    view: &GraphView,
    weighted: bool,
    sample: Option<(usize, u64)>,
    parallel: bool,
    progress: &Progress<'_>,
) -> Scores {
    let n = view.node_count();
    let (sources, sampled) = pivots(n, sample);
    let mut b = dependency_sums(view, weighted, &sources, parallel, progress);
    if n <= 2 {
        return Scores::from_values(b);
    }
    let big_n = (n - 1) as f64;
    if !sampled {
        let scale = 1.0 / (big_n * (big_n - 1.0));
        b.iter_mut().for_each(|x| *x *= scale);
    } else {
        let k = sources.len() as f64;
        let source_scale = if sources.len() > 1 { 1.0 / ((k - 1.0) * (big_n - 1.0)) } else { 0.0 };
        let other_scale = 1.0 / (k * (big_n - 1.0));
        let mut is_pivot = vec![false; n];
        sources.iter().for_each(|&s| is_pivot[s as usize] = true);
        for (x, p) in b.iter_mut().zip(is_pivot) {
            *x *= if p { source_scale } else { other_scale };
        }
    }
    Scores::from_values(b)
}

/// Betweenness from chosen sources, unscaled: for each node v, the sum over the given
/// sources s ≠ v and the targets t ∉ {s, v} of the share of shortest s–t paths through v —
/// the sums NetworkX's `betweenness_centrality` accumulates before it rescales them (each
/// unordered pair counted from both ends when undirected and every node is a source). For
/// callers that pick the pivots themselves, as NetworkX's `k`/`seed` sampling does; sources
/// out of range are ignored. Runs as [`betweenness`], in parallel, the same result on any
/// number of threads. O(|sources|·|E|) unweighted, O(|sources|·(|E| + |V| log |V|)) weighted.
pub fn betweenness_from(view: &GraphView, weighted: bool, sources: &[u32]) -> Scores {
    let n = view.node_count();
    let sources: Vec<u32> = sources.iter().copied().filter(|&s| (s as usize) < n).collect();
    Scores::from_values(dependency_sums(view, weighted, &sources, true, &no_progress))
}

/// Edge betweenness from chosen sources, unscaled, one value per arc of the view (arc ids
/// as [`GraphView::arcs`] gives them): for each arc, the sum over the given sources s and
/// the targets t ≠ s of the share of shortest s–t paths that take the arc — the sums
/// NetworkX's `edge_betweenness_centrality` accumulates before it rescales them (on an
/// undirected view the two arcs of a tie together make NetworkX's value for the edge).
/// Hops, or arc distances when `weighted`. Sources out of range are ignored.
///
/// One breadth-first search (a bucket queue of unit lengths) or Dijkstra per source with
/// the arc-dependency backward pass, in parallel over fixed chunks of sources: the same
/// result on any number of threads. O(|sources|·|E|) unweighted,
/// O(|sources|·(|E| + |V| log |V|)) weighted.
/// Reference: Brandes 2008, "On variants of shortest-path betweenness centrality and their
/// generic computation", Social Networks 30(2), §3.3.
pub fn edge_betweenness_from(view: &GraphView, weighted: bool, sources: &[u32]) -> Vec<f64> {
    let n = view.node_count();
    let sources: Vec<u32> = sources.iter().copied().filter(|&s| (s as usize) < n).collect();
    let g = forward(view, weighted);
    let longest = whole_lengths(&g);
    sum_over_chunks(
        view.arc_count(),
        &sources,
        true,
        &no_progress,
        || Dijkstra::new(n, longest),
        |ws, part, acc| {
            for &s in part {
                ws.run(&g, s as usize);
                ws.arc_dependencies(&g, acc);
            }
        },
    )
}

/// Brandes's dependency sums from `sources` (see [`betweenness`] for the kernels).
fn dependency_sums(
    view: &GraphView,
    weighted: bool,
    sources: &[u32],
    parallel: bool,
    progress: &Progress<'_>,
) -> Vec<f64> {
    let n = view.node_count();
    let g = forward(view, weighted);
    if weighted && !view.is_unit() {
        let longest = whole_lengths(&g);
        sum_over_chunks(
            n,
            sources,
            parallel,
            progress,
            || Dijkstra::new(n, longest),
            |ws, part, acc| {
                for &s in part {
                    ws.run(&g, s as usize);
                    ws.dependencies(&g, s as usize, acc);
                }
            },
        )
    } else {
        let (in_offsets, in_sources, _) = view.in_adjacency();
        let rev = Csr { offsets: in_offsets, targets: in_sources, lengths: &[] };
        // Searched in breadth-first numbering (see `reorder`) for locality; sources are
        // still taken in their own order and the sums mapped back, so only the rounding of
        // each search's partial sums can differ from a search in the input's numbering.
        let renumbered = Renumbered::breadth_first(&g, &rev, !view.is_directed());
        let (g, rev, new_of) = (renumbered.out(), renumbered.incoming(), &renumbered.new_of);
        let sums = sum_over_chunks(
            n,
            sources,
            parallel,
            progress,
            || Brandes::new(n, view.arc_count()),
            |ws, part, acc| {
                for &s in part {
                    ws.betweenness(&g, &rev, new_of[s as usize] as usize, acc);
                }
            },
        );
        renumbered.restore(&sums)
    }
}

/// Per node: (sum of distances from the nodes that reach it, how many reach it, Σ 1/d),
/// along incoming arcs, for every node (exact) — 64 nodes at a time with bit-parallel
/// breadth-first search when unweighted, one Dijkstra each when weighted.
fn incoming_distances(
    view: &GraphView,
    weighted: bool,
    parallel: bool,
    progress: &Progress<'_>,
) -> Vec<(f64, f64, f64)> {
    let n = view.node_count();
    let (offsets, targets, _) = view.in_adjacency();
    let lengths = in_lengths(view, weighted);
    let g = Csr { offsets, targets, lengths: &lengths };
    let nodes: Vec<u32> = (0..n as u32).collect();
    let run = |part: &[u32], out: &mut Vec<(f64, f64, f64)>, bfs: &mut MultiBfs, ws: &mut Dijkstra| {
        if lengths.is_empty() {
            let mut lanes = [(0u64, 0u64, 0.0f64); 64];
            bfs.run(&g, part, |d, _, mut bits| {
                let inv = 1.0 / d as f64;
                while bits != 0 {
                    let l = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    lanes[l].0 += u64::from(d);
                    lanes[l].1 += 1;
                    lanes[l].2 += inv;
                }
            });
            out.extend(lanes[..part.len()].iter().map(|&(t, r, h)| (t as f64, r as f64, h)));
        } else {
            for &v in part {
                ws.run(&g, v as usize);
                let total: f64 = ws.order.iter().map(|&u| ws.dist(u as usize)).sum();
                let harmonic =
                    ws.order.iter().map(|&u| ws.dist(u as usize)).filter(|&d| d != 0.0).map(|d| 1.0 / d).sum();
                out.push((total, ws.order.len().saturating_sub(1) as f64, harmonic));
            }
        }
        progress(part.len(), n);
    };
    let longest = whole_lengths(&g);
    let make = || (MultiBfs::new(n), Dijkstra::new(if lengths.is_empty() { 0 } else { n }, longest));
    let batches: Vec<&[u32]> = nodes.chunks(64).collect();
    let one = |(bfs, ws): &mut (MultiBfs, Dijkstra), part: &&[u32]| {
        let mut out = Vec::with_capacity(part.len());
        run(part, &mut out, bfs, ws);
        out
    };
    let parts: Vec<Vec<(f64, f64, f64)>> = if parallel {
        batches.par_iter().map_init(make, one).collect()
    } else {
        let mut ws = make();
        batches.iter().map(|p| one(&mut ws, p)).collect()
    };
    parts.into_iter().flatten().collect()
}

/// Closeness centrality with Wasserman–Faust scaling: for a node reaching r others at total
/// distance d (incoming distances on a directed view), `(r / d) · (r / (n − 1))`, 0 when
/// r = 0, as NetworkX `closeness_centrality` (`wf_improved=True`).
///
/// With `sample = Some((k, seed))`, k < |V|, distances are taken from k seeded pivots only
/// (Eppstein & Wang 2001; Brandes & Pich 2007): r and d are estimated from the pivots other
/// than the node, which is exact when k = |V|.
///
/// Unweighted, 64 searches run at once with bit-parallel frontiers (Then et al., PVLDB
/// 8(4), 2014); weighted, one Dijkstra per node. Parallel, same result on any number of
/// threads.
///
/// O(|V||E|) unweighted (|V||E|/64 word operations), O(|V|(|E| + |V| log |V|)) weighted.
/// Reference: Wasserman & Faust 1994, §5.3.
pub fn closeness(view: &GraphView, weighted: bool, sample: Option<(usize, u64)>) -> Scores {
    closeness_with(view, weighted, sample, true, &no_progress)
}

pub(crate) fn closeness_with(
    view: &GraphView,
    weighted: bool,
    sample: Option<(usize, u64)>,
    parallel: bool,
    progress: &Progress<'_>,
) -> Scores {
    let n = view.node_count();
    if n <= 1 {
        return Scores::from_values(vec![0.0; n]);
    }
    let (sources, sampled) = pivots(n, sample);
    if !sampled {
        let values = incoming_distances(view, weighted, parallel, progress)
            .into_iter()
            .map(|(total, reached, _)| if total > 0.0 { (reached / total) * (reached / (n - 1) as f64) } else { 0.0 })
            .collect();
        return Scores::from_values(values);
    }
    // Sampled: forward searches from the pivots give distances into every node; the first
    // n entries sum distances, the next n count the pivots that reach the node.
    let g = forward(view, weighted);
    let unweighted = g.lengths.is_empty();
    let longest = whole_lengths(&g);
    let sums = sum_over_chunks(
        2 * n,
        &sources,
        parallel,
        progress,
        || (MultiBfs::new(n), Dijkstra::new(if unweighted { 0 } else { n }, longest)),
        |(bfs, ws), part, acc| {
            if unweighted {
                for batch in part.chunks(64) {
                    bfs.run(&g, batch, |d, u, lanes| {
                        let count = f64::from(lanes.count_ones());
                        acc[u] += f64::from(d) * count;
                        acc[n + u] += count;
                    });
                }
                return;
            }
            for &s in part {
                ws.run(&g, s as usize);
                for &u in &ws.order {
                    acc[u as usize] += ws.dist(u as usize);
                    if u != s {
                        acc[n + u as usize] += 1.0;
                    }
                }
            }
        },
    );
    let mut is_pivot = vec![false; n];
    sources.iter().for_each(|&s| is_pivot[s as usize] = true);
    let values = (0..n)
        .map(|v| {
            let others = (sources.len() - usize::from(is_pivot[v])) as f64;
            let (r, d) = (sums[n + v], sums[v]);
            if d > 0.0 && others > 0.0 {
                (r / d) * (r / others)
            } else {
                0.0
            }
        })
        .collect();
    Scores::from_values(values)
}

/// Harmonic centrality: Σ_{u ≠ v} 1 / d(u, v) (incoming distances on a directed view;
/// unreachable nodes add 0), not normalised, as NetworkX `harmonic_centrality`. Runs like
/// [`closeness`]. O(|V||E|) unweighted, O(|V|(|E| + |V| log |V|)) weighted.
/// Reference: Marchiori & Latora 2000, "Harmony in the small-world".
pub fn harmonic(view: &GraphView, weighted: bool) -> Scores {
    harmonic_with(view, weighted, true, &no_progress)
}

pub(crate) fn harmonic_with(view: &GraphView, weighted: bool, parallel: bool, progress: &Progress<'_>) -> Scores {
    let values = incoming_distances(view, weighted, parallel, progress).into_iter().map(|(_, _, h)| h).collect();
    Scores::from_values(values)
}

/// Signed ties of one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SignedDegree {
    /// Neighbours joined by a cooperative arc.
    pub positive: usize,
    /// Neighbours joined by a conflictual arc.
    pub negative: usize,
    /// `positive − negative`.
    pub net: i64,
}

/// Signed degree: for each node, the number of arcs (out and in on a directed view) whose
/// edges are all cooperative, all conflictual, and the difference. Ambivalent or neutral
/// arcs count in neither. O(|V| + |E|). Reference: Wasserman & Faust 1994, §6.
pub fn signed_degree(view: &GraphView) -> Vec<SignedDegree> {
    (0..view.node_count())
        .map(|u| {
            let mut signs: Vec<i8> = view.arcs(u).map(|a| view.sign(a)).collect();
            if view.is_directed() {
                signs.extend(view.in_arcs(u).map(|(_, a)| view.sign(a)));
            }
            let positive = signs.iter().filter(|&&s| s > 0).count();
            let negative = signs.iter().filter(|&&s| s < 0).count();
            SignedDegree { positive, negative, net: positive as i64 - negative as i64 }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::view::ViewOptions;
    use crate::model::Model;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    fn path_model(n: usize) -> Model {
        let mut m = Model::new("p");
        for i in 0..n {
            m.add_node(Node::new(format!("n{i}"), NodeKind::Country, "x")).unwrap();
        }
        for i in 1..n {
            m.add_edge(Edge::new(format!("n{}", i - 1), format!("n{i}"), EdgeKind::Sanctions)).unwrap();
        }
        m
    }

    #[test]
    fn an_isolated_node_scores_zero_not_negative_zero() {
        let mut m = Model::new("t");
        m.add_node(crate::model::Node::new("a", crate::model::NodeKind::Actor, "a")).unwrap();
        m.add_node(crate::model::Node::new("b", crate::model::NodeKind::Actor, "b")).unwrap();
        let view = GraphView::new(&m, &crate::analysis::view::ViewOptions::undirected());
        for value in harmonic(&view, false).values() {
            assert!(value.is_sign_positive(), "harmonic gave {value}");
        }
    }

    #[test]
    fn betweenness_from_chosen_sources_counts_only_their_pairs() {
        // Path n0 - n1 - n2 - n3, undirected. From every source, n1 lies on the ordered
        // pairs (n0, n2), (n0, n3), (n2, n0), (n3, n0): 4; NetworkX halves that to 2.
        let m = path_model(4);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(betweenness_from(&v, false, &[0, 1, 2, 3]).values(), &[0.0, 4.0, 4.0, 0.0]);
        // From n0 alone: n1 on (n0, n2) and (n0, n3), n2 on (n0, n3); a source out of range
        // is ignored.
        assert_eq!(betweenness_from(&v, false, &[0, 9]).values(), &[0.0, 2.0, 1.0, 0.0]);
    }

    #[test]
    fn pagerank_damping_outside_the_unit_interval_is_refused() {
        let m = path_model(3);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert!(pagerank_damped(&v, false, 1.0).is_err());
        assert_eq!(pagerank_damped(&v, false, 0.85), pagerank(&v, false));
    }

    #[test]
    fn betweenness_of_a_path_matches_hand_values() {
        let m = path_model(4);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        // Middle nodes lie on 2 of the 3 pairs not involving them: 2 / ((3)(2)/2) = 2/3.
        let b = betweenness(&v, false, None);
        assert_eq!(b.values(), &[0.0, 2.0 / 3.0, 2.0 / 3.0, 0.0]);
        assert_eq!(b.ranked(&m)[0], ("n1", 2.0 / 3.0));
    }

    #[test]
    fn parallel_and_sequential_runs_agree_bit_for_bit() {
        let m = path_model(60);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        let p = &no_progress;
        for weighted in [false, true] {
            for sample in [None, Some((7, 3))] {
                let b = betweenness_with(&v, weighted, sample, true, p);
                assert_eq!(b, betweenness_with(&v, weighted, sample, false, p));
                let c = closeness_with(&v, weighted, sample, true, p);
                assert_eq!(c, closeness_with(&v, weighted, sample, false, p));
            }
            assert_eq!(harmonic_with(&v, weighted, true, p), harmonic_with(&v, weighted, false, p));
        }
    }

    #[test]
    fn sampling_with_k_equal_n_is_exact_and_seeded_sampling_is_reproducible() {
        let m = path_model(30);
        let v = GraphView::new(&m, &ViewOptions::undirected());
        assert_eq!(betweenness(&v, false, Some((30, 9))), betweenness(&v, false, None));
        assert_eq!(closeness(&v, false, Some((30, 9))), closeness(&v, false, None));
        assert_eq!(betweenness(&v, false, Some((5, 9))), betweenness(&v, false, Some((5, 9))));
        assert_ne!(betweenness(&v, false, Some((5, 9))), betweenness(&v, false, Some((5, 10))));
        let (p, sampled) = pivots(30, Some((5, 1)));
        assert!(sampled && p.len() == 5 && p.windows(2).all(|w| w[0] < w[1]));
        assert!(betweenness(&v, false, Some((0, 1))).values().iter().all(|x| x.is_finite()));
    }

    #[test]
    fn empty_and_tiny_graphs_do_not_panic() {
        let empty = GraphView::new(&Model::new("e"), &ViewOptions::undirected());
        for m in Measure::ALL {
            assert!(compute(&empty, m, &CentralityOptions::default().with_sample(Some((3, 1)))).unwrap().is_empty());
        }
        let one = GraphView::new(&path_model(1), &ViewOptions::directed());
        assert_eq!(degree(&one).values(), &[1.0]);
        assert_eq!(closeness(&one, false, None).values(), &[0.0]);
    }

    #[test]
    fn katz_divergence_is_an_error_not_a_panic() {
        let mut m = Model::new("k");
        for i in 0..12 {
            m.add_node(Node::new(format!("n{i}"), NodeKind::Country, "x")).unwrap();
        }
        for i in 0..12 {
            for j in (i + 1)..12 {
                m.add_edge(Edge::new(format!("n{i}"), format!("n{j}"), EdgeKind::Supports)).unwrap();
            }
        }
        let v = GraphView::new(&m, &ViewOptions::undirected());
        let err = katz(&v, false).unwrap_err();
        assert_eq!(err, CentralityError::NoConvergence { measure: Measure::Katz, iterations: 1000 });
        assert_eq!(err.to_string(), "katz did not converge in 1000 iterations");
        assert_eq!(signed_degree(&v)[0], SignedDegree { positive: 11, negative: 0, net: 11 });
    }
}
