//! The Python extension module `relgraph._relgraph`: a thin PyO3 layer over relgraph's public
//! API. It converts Python arguments into API calls and the API's results (its JSON, its
//! scores, its exports) into Python objects, and adds nothing of its own: every analysis is
//! the library's. The Python package `relgraph` (beside this crate) re-exports it and adds
//! the pandas, NetworkX and Jupyter conveniences.
//!
//! - [`error`]: `ModelError` and the mapping of [`relgraph::Error`] to Python exceptions.
//! - [`run`]: running an analysis with the GIL released, interruptible with Ctrl-C.
//! - [`model`]: `Model`, a loaded model or a view of one, and its analyses.
//! - [`report`]: `Report` and `Paths`, the results the command line prints.
//! - [`graph`]: `Graph`, the plain graph the NetworkX backend hands to the analyses.

use pyo3::prelude::*;

mod error;
mod graph;
mod model;
mod report;
mod run;

/// The extension module.
#[pymodule]
fn _relgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ModelError", m.py().get_type::<error::ModelError>())?;
    m.add_class::<model::PyModel>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<report::PyPaths>()?;
    m.add_class::<graph::PyGraph>()?;
    m.add_function(wrap_pyfunction!(model::load, m)?)?;
    m.add_function(wrap_pyfunction!(model::from_node_link, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
