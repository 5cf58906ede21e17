//! Plain networks: nodes numbered `0..n`, ties as index pairs with optional weights, directed
//! or not, and on them the centrality measures, betweenness sums from chosen sources, edge
//! betweenness, shortest-path lengths and components, as lists indexed like the nodes (or
//! the ties).
//!
//! This is the door for callers that hold a graph rather than a model (the NetworkX backend
//! of the Python package): the graph becomes a model the way an edge list does (every node an
//! actor, every tie `related_to`, read strictly as written when directed), then the analysis
//! view that every measure of [`super::Selection::centrality`] reads, so both give the same
//! numbers.

use crate::analysis::centrality::{self, CentralityOptions, Measure};
use crate::analysis::view::{GraphView, ViewOptions};
use crate::analysis::{distance, structure};
use crate::model::{Edge, EdgeKind, Model, Node, NodeKind};
use crate::Error;

/// A plain network: nodes `0..n`, ties as index pairs.
#[derive(Debug, Clone)]
pub struct Network {
    view: GraphView,
    /// Number of ties given, so per-tie results have one entry each.
    ties: usize,
}

/// Why a [`Network`] could not be built from its parts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// `sources`, `targets` and `weights` differ in length.
    #[error("sources, targets and weights must have the same length")]
    Lengths,
    /// A tie names a node index `>= n`.
    #[error("a tie names node {index}, but there are only {n} nodes")]
    OutOfRange {
        /// The index named.
        index: u32,
        /// The number of nodes.
        n: usize,
    },
}

impl Network {
    /// A network of `n` nodes and ties `sources[i] → targets[i]`, weighted by `weights[i]`
    /// (none: all 1); `directed` reads every tie only as written.
    pub fn new(
        n: usize,
        sources: &[u32],
        targets: &[u32],
        weights: Option<&[f64]>,
        directed: bool,
    ) -> Result<Network, NetworkError> {
        if sources.len() != targets.len() || weights.is_some_and(|w| w.len() != sources.len()) {
            return Err(NetworkError::Lengths);
        }
        if let Some(&index) = sources.iter().chain(targets).find(|&&i| i as usize >= n) {
            return Err(NetworkError::OutOfRange { index, n });
        }
        let mut model = Model::new("network");
        let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        for id in &ids {
            // Ids are distinct, so adding cannot fail.
            let _ = model.add_node(Node::new(id.as_str(), NodeKind::Actor, id.as_str()));
        }
        for (i, (&s, &t)) in sources.iter().zip(targets).enumerate() {
            let (Some(from), Some(to)) = (ids.get(s as usize), ids.get(t as usize)) else { continue };
            let mut edge = Edge::new(from.as_str(), to.as_str(), EdgeKind::RelatedTo);
            edge.weight = weights.and_then(|w| w.get(i).copied());
            let _ = model.add_edge(edge);
        }
        let options =
            if directed { ViewOptions::directed().with_strict_direction(true) } else { ViewOptions::undirected() };
        Ok(Network { view: GraphView::new(&model, &options), ties: sources.len() })
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.view.node_count()
    }

    /// Whether ties are read as written.
    pub fn is_directed(&self) -> bool {
        self.view.is_directed()
    }

    /// One score per node for `measure` with its NetworkX defaults; `weighted` reads the
    /// weights (distances for path-based measures, strengths for spectral ones).
    pub fn centrality(&self, measure: Measure, weighted: bool) -> Result<Vec<f64>, Error> {
        let options = CentralityOptions::default().with_weighted(weighted);
        Ok(centrality::compute(&self.view, measure, &options)?.values().to_vec())
    }

    /// Betweenness sums over shortest paths from `sources` only (every node when `None`),
    /// unscaled: the pair counts NetworkX accumulates before it rescales. Indices out of
    /// range are skipped.
    pub fn betweenness_sums(&self, sources: Option<&[u32]>, weighted: bool) -> Vec<f64> {
        let n = self.view.node_count();
        let sources: Vec<u32> = match sources {
            Some(s) => s.iter().copied().filter(|&i| (i as usize) < n).collect(),
            None => (0..n as u32).collect(),
        };
        centrality::betweenness_from(&self.view, weighted, &sources).values().to_vec()
    }

    /// Edge betweenness, one value per tie in the order given to [`Network::new`], scaled
    /// as NetworkX's `edge_betweenness_centrality`: the share of shortest s–t paths that
    /// take the tie, summed over the `sources` s (every node when `None`; indices out of
    /// range are skipped) and every target t ≠ s; then divided by k(n − 1) when
    /// `normalized` (k the number of sources), or multiplied by n/k, halved when
    /// undirected, when not. A self-loop scores 0; ties merged into one arc (parallel ties)
    /// share its value equally among those of the shortest weight, as NetworkX does for
    /// multigraphs.
    pub fn edge_betweenness(&self, sources: Option<&[u32]>, weighted: bool, normalized: bool) -> Vec<f64> {
        let view = &self.view;
        let n = view.node_count();
        let sources: Vec<u32> = match sources {
            Some(s) => s.iter().copied().filter(|&i| (i as usize) < n).collect(),
            None => (0..n as u32).collect(),
        };
        let arcs = centrality::edge_betweenness_from(view, weighted, &sources);
        let mut ties = vec![0.0; self.ties];
        for (a, value) in arcs.into_iter().enumerate() {
            let shortest = view.distance(a);
            let edges = view.edges(a);
            let weights = view.edge_weights(a);
            let carriers = || edges.iter().zip(weights).filter(|&(_, &w)| !weighted || w == shortest);
            let share = value / carriers().count().max(1) as f64;
            for (&e, _) in carriers() {
                if let Some(t) = ties.get_mut(e as usize) {
                    *t += share;
                }
            }
        }
        let (n, k) = (n as f64, sources.len() as f64);
        if n >= 2.0 && k > 0.0 {
            let scale =
                if normalized { 1.0 / (k * (n - 1.0)) } else { n / (k * if view.is_directed() { 1.0 } else { 2.0 }) };
            ties.iter_mut().for_each(|t| *t *= scale);
        }
        ties
    }

    /// Every node `source` reaches with its distance (hops, or the summed weights when
    /// `weighted`), `source` first at 0, in the order of non-decreasing distance the search
    /// found them. Empty when `source` is out of range.
    pub fn distances_from(&self, source: usize, weighted: bool) -> Vec<(u32, f64)> {
        distance::distances_from(&self.view, source, weighted)
    }

    /// Every node that reaches `target` with its distance to it, `target` first at 0 (on
    /// an undirected network the same as [`Network::distances_from`]).
    pub fn distances_to(&self, target: usize, weighted: bool) -> Vec<(u32, f64)> {
        distance::distances_to(&self.view, target, weighted)
    }

    /// The length of a shortest path from `source` to `target`; `None` when there is none.
    pub fn distance(&self, source: usize, target: usize, weighted: bool) -> Option<f64> {
        distance::distance(&self.view, source, target, weighted)
    }

    /// PageRank with damping `alpha`.
    pub fn pagerank(&self, alpha: f64, weighted: bool) -> Result<Vec<f64>, Error> {
        Ok(centrality::pagerank_damped(&self.view, weighted, alpha)?.values().to_vec())
    }

    /// Katz centrality with attenuation `alpha` and a constant `beta`, normalised.
    pub fn katz(&self, alpha: f64, beta: f64, weighted: bool) -> Result<Vec<f64>, Error> {
        Ok(centrality::katz_with(&self.view, weighted, alpha, beta)?.values().to_vec())
    }

    /// Connected components (strongly connected when directed), as lists of node indices.
    pub fn components(&self) -> Vec<Vec<usize>> {
        let parts = if self.view.is_directed() {
            structure::strong_components(&self.view)
        } else {
            structure::components(&self.view)
        };
        parts.into_iter().map(|p| p.into_iter().map(|i| i.index()).collect()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_three_has_its_middle_on_every_shortest_path() {
        let network = Network::new(3, &[0, 1], &[1, 2], None, false).unwrap();
        assert_eq!(network.betweenness_sums(None, false), vec![0.0, 2.0, 0.0]);
        assert_eq!(network.components(), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn mismatched_or_out_of_range_parts_are_errors_not_panics() {
        assert_eq!(Network::new(2, &[0], &[], None, false).unwrap_err(), NetworkError::Lengths);
        assert_eq!(Network::new(2, &[0], &[5], None, true).unwrap_err(), NetworkError::OutOfRange { index: 5, n: 2 });
    }
}
