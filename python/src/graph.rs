//! `Graph`: a plain graph handed over by the NetworkX backend — nodes numbered 0..n, ties
//! as index pairs with optional weights, directed or not — and the library's centrality
//! measures, edge betweenness, shortest-path lengths, components and degree on it.
//!
//! The graph becomes a relgraph model the way an edge list does (every node an actor, every
//! tie `related_to`, read strictly as written when directed), and the model its analysis
//! view; the measures are the library's, which reproduce NetworkX's definitions and
//! defaults. Results come back as lists indexed like the nodes; the Python side maps them to
//! NetworkX's node keys and argument conventions.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use relgraph::api::{Measure, Network};

use crate::run::interruptible;

/// A plain graph for the NetworkX backend: nodes 0..n, ties as index pairs.
#[pyclass(name = "Graph", module = "relgraph", frozen)]
pub struct PyGraph {
    network: Arc<Network>,
}

/// Which measure a call runs.
fn measure(name: &str) -> PyResult<Measure> {
    name.parse().map_err(|e: relgraph::model::kind::UnknownName| PyValueError::new_err(e.to_string()))
}

fn convergence(error: relgraph::Error) -> PyErr {
    PyValueError::new_err(format!("relgraph: {error}"))
}

#[pymethods]
impl PyGraph {
    /// A graph of `n` nodes and ties `sources[i] → targets[i]` with `weights[i]` (none: all 1).
    #[new]
    #[pyo3(signature = (n, sources, targets, weights = None, directed = false))]
    fn new(
        py: Python<'_>,
        n: usize,
        sources: Vec<u32>,
        targets: Vec<u32>,
        weights: Option<Vec<f64>>,
        directed: bool,
    ) -> PyResult<PyGraph> {
        let network = interruptible(py, move || Network::new(n, &sources, &targets, weights.as_deref(), directed))?
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyGraph { network: Arc::new(network) })
    }

    /// Number of nodes.
    #[getter]
    fn node_count(&self) -> usize {
        self.network.node_count()
    }

    /// One score per node for a measure (`betweenness`, `closeness`, `harmonic`,
    /// `eigenvector`, `pagerank`, `katz`, `degree`, `in-degree`, `out-degree`), with its
    /// NetworkX defaults; `weighted` reads the weights (distances for path-based measures,
    /// strengths for spectral ones). Raises `ValueError` when a power iteration does not
    /// converge.
    #[pyo3(signature = (name, weighted = false))]
    fn centrality(&self, py: Python<'_>, name: &str, weighted: bool) -> PyResult<Vec<f64>> {
        let m = measure(name)?;
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.centrality(m, weighted))?.map_err(convergence)
    }

    /// Betweenness sums from the given sources (all nodes when none), unscaled: the pair
    /// counts NetworkX accumulates before rescaling (see `relgraph::api::Network::betweenness_sums`).
    #[pyo3(signature = (sources = None, weighted = false))]
    fn betweenness_sums(&self, py: Python<'_>, sources: Option<Vec<u32>>, weighted: bool) -> PyResult<Vec<f64>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.betweenness_sums(sources.as_deref(), weighted))
    }

    /// Edge betweenness, one value per tie in the order given, from the given sources (all
    /// nodes when none), scaled as NetworkX's `edge_betweenness_centrality` (see
    /// `relgraph::api::Network::edge_betweenness`).
    #[pyo3(signature = (sources = None, weighted = false, normalized = true))]
    fn edge_betweenness(
        &self,
        py: Python<'_>,
        sources: Option<Vec<u32>>,
        weighted: bool,
        normalized: bool,
    ) -> PyResult<Vec<f64>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.edge_betweenness(sources.as_deref(), weighted, normalized))
    }

    /// The nodes `source` reaches with their distances (hops, or summed weights when
    /// `weighted`), `source` first, in order of distance: two lists, nodes and distances.
    #[pyo3(signature = (source, weighted = false))]
    fn distances_from(&self, py: Python<'_>, source: usize, weighted: bool) -> PyResult<(Vec<u32>, Vec<f64>)> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.distances_from(source, weighted).into_iter().unzip())
    }

    /// The nodes that reach `target` with their distances to it, `target` first: two lists.
    #[pyo3(signature = (target, weighted = false))]
    fn distances_to(&self, py: Python<'_>, target: usize, weighted: bool) -> PyResult<(Vec<u32>, Vec<f64>)> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.distances_to(target, weighted).into_iter().unzip())
    }

    /// The length of a shortest path from `source` to `target`, or `None`.
    #[pyo3(signature = (source, target, weighted = false))]
    fn distance(&self, py: Python<'_>, source: usize, target: usize, weighted: bool) -> PyResult<Option<f64>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.distance(source, target, weighted))
    }

    /// PageRank with damping `alpha` (see `relgraph::api::Network::pagerank`).
    #[pyo3(signature = (alpha = 0.85, weighted = false))]
    fn pagerank(&self, py: Python<'_>, alpha: f64, weighted: bool) -> PyResult<Vec<f64>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.pagerank(alpha, weighted))?.map_err(convergence)
    }

    /// Katz centrality with `alpha` and a constant `beta`, normalised (see
    /// `relgraph::api::Network::katz`).
    #[pyo3(signature = (alpha = 0.1, beta = 1.0, weighted = false))]
    fn katz(&self, py: Python<'_>, alpha: f64, beta: f64, weighted: bool) -> PyResult<Vec<f64>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.katz(alpha, beta, weighted))?.map_err(convergence)
    }

    /// Connected components (strongly connected when directed), as lists of node indices.
    fn components(&self, py: Python<'_>) -> PyResult<Vec<Vec<usize>>> {
        let network = Arc::clone(&self.network);
        interruptible(py, move || network.components())
    }
}
