//! `Graph`: a plain graph handed over by the NetworkX backend — nodes numbered 0..n, ties
//! as index pairs with optional weights, directed or not — and the library's centrality
//! measures, components and degree on it.
//!
//! The graph becomes a relgraph model the way an edge list does (every node an actor, every
//! tie `related_to`, read strictly as written when directed), and the model its analysis
//! view; the measures are the library's, which reproduce NetworkX's definitions and
//! defaults. Results come back as lists indexed like the nodes; the Python side maps them to
//! NetworkX's node keys and argument conventions.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use relgraph::analysis::centrality::{self, CentralityError, Measure};
use relgraph::analysis::structure;
use relgraph::analysis::view::{GraphView, ViewOptions};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};

use crate::run::interruptible;

/// A plain graph for the NetworkX backend: nodes 0..n, ties as index pairs.
#[pyclass(name = "Graph", module = "relgraph", frozen)]
pub struct PyGraph {
    view: Arc<GraphView>,
}

/// Which measure a call runs.
fn measure(name: &str) -> PyResult<Measure> {
    name.parse().map_err(|e: relgraph::model::kind::UnknownName| PyValueError::new_err(e.to_string()))
}

fn convergence(error: CentralityError) -> PyErr {
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
        if sources.len() != targets.len() || weights.as_ref().is_some_and(|w| w.len() != sources.len()) {
            return Err(PyValueError::new_err("sources, targets and weights must have the same length"));
        }
        if sources.iter().chain(&targets).any(|&i| i as usize >= n) {
            return Err(PyValueError::new_err("a tie names a node index out of range"));
        }
        let view = interruptible(py, move || {
            let mut model = Model::new("networkx");
            let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            for id in &ids {
                // Ids are distinct, so adding cannot fail.
                let _ = model.add_node(Node::new(id.as_str(), NodeKind::Actor, id.as_str()));
            }
            for (i, (&s, &t)) in sources.iter().zip(&targets).enumerate() {
                let mut edge = Edge::new(ids[s as usize].as_str(), ids[t as usize].as_str(), EdgeKind::RelatedTo);
                edge.weight = weights.as_ref().map(|w| w[i]);
                let _ = model.add_edge(edge);
            }
            let options =
                if directed { ViewOptions::directed().with_strict_direction(true) } else { ViewOptions::undirected() };
            GraphView::new(&model, &options)
        })?;
        Ok(PyGraph { view: Arc::new(view) })
    }

    /// Number of nodes.
    #[getter]
    fn node_count(&self) -> usize {
        self.view.node_count()
    }

    /// One score per node for a measure (`betweenness`, `closeness`, `harmonic`,
    /// `eigenvector`, `pagerank`, `katz`, `degree`, `in-degree`, `out-degree`), with its
    /// NetworkX defaults; `weighted` reads the weights (distances for path-based measures,
    /// strengths for spectral ones). Raises `ValueError` when a power iteration does not
    /// converge.
    #[pyo3(signature = (name, weighted = false))]
    fn centrality(&self, py: Python<'_>, name: &str, weighted: bool) -> PyResult<Vec<f64>> {
        let m = measure(name)?;
        let view = Arc::clone(&self.view);
        let options = centrality::CentralityOptions::default().with_weighted(weighted);
        let scores = interruptible(py, move || centrality::compute(&view, m, &options))?;
        scores.map(|s| s.values().to_vec()).map_err(convergence)
    }

    /// Betweenness sums from the given sources (all nodes when none), unscaled: the pair
    /// counts NetworkX accumulates before rescaling (see `relgraph::analysis::centrality::
    /// betweenness_from`).
    #[pyo3(signature = (sources = None, weighted = false))]
    fn betweenness_sums(&self, py: Python<'_>, sources: Option<Vec<u32>>, weighted: bool) -> PyResult<Vec<f64>> {
        let view = Arc::clone(&self.view);
        interruptible(py, move || {
            let sources = sources.unwrap_or_else(|| (0..view.node_count() as u32).collect());
            centrality::betweenness_from(&view, weighted, &sources).values().to_vec()
        })
    }

    /// PageRank with damping `alpha` (see `relgraph::analysis::centrality::pagerank_damped`).
    #[pyo3(signature = (alpha = 0.85, weighted = false))]
    fn pagerank(&self, py: Python<'_>, alpha: f64, weighted: bool) -> PyResult<Vec<f64>> {
        let view = Arc::clone(&self.view);
        let scores = interruptible(py, move || centrality::pagerank_damped(&view, weighted, alpha))?;
        scores.map(|s| s.values().to_vec()).map_err(convergence)
    }

    /// Katz centrality with `alpha` and a constant `beta`, normalised (see
    /// `relgraph::analysis::centrality::katz_with`).
    #[pyo3(signature = (alpha = 0.1, beta = 1.0, weighted = false))]
    fn katz(&self, py: Python<'_>, alpha: f64, beta: f64, weighted: bool) -> PyResult<Vec<f64>> {
        let view = Arc::clone(&self.view);
        let scores = interruptible(py, move || centrality::katz_with(&view, weighted, alpha, beta))?;
        scores.map(|s| s.values().to_vec()).map_err(convergence)
    }

    /// Connected components (strongly connected when directed), as lists of node indices.
    fn components(&self, py: Python<'_>) -> PyResult<Vec<Vec<usize>>> {
        let view = Arc::clone(&self.view);
        interruptible(py, move || {
            let parts =
                if view.is_directed() { structure::strong_components(&view) } else { structure::components(&view) };
            parts.into_iter().map(|p| p.into_iter().map(|i| i.index()).collect()).collect()
        })
    }
}
