//! `Report` and `Paths`: an analysis's result as the command line reports it — its text
//! (`str(report)`) and its JSON (`report.json`, as Python dicts and lists). `Paths` also
//! draws the paths it found in Jupyter.

use pyo3::prelude::*;
use relgraph::api::Report;

use crate::model::{to_python, PyModel};

/// The result of an analysis: `str(report)` is what the command prints, `report.json`
/// what it prints with `--json`.
#[pyclass(name = "Report", module = "relgraph", frozen)]
pub struct PyReport {
    report: Report,
}

impl PyReport {
    /// Wraps a report of the API.
    pub fn new(report: Report) -> Self {
        PyReport { report }
    }
}

#[pymethods]
impl PyReport {
    /// The JSON the command prints with `--json`, as Python objects.
    #[getter]
    fn json(&self, py: Python<'_>) -> PyResult<PyObject> {
        to_python(py, self.report.json())
    }

    /// The text the command prints.
    fn __str__(&self) -> String {
        self.report.text().to_owned()
    }

    fn __repr__(&self) -> String {
        self.report.text().to_owned()
    }

    /// The text in a `<pre>` block, for Jupyter.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<PyObject> {
        Ok(py.import("relgraph._display")?.call_method1("pre", (self.report.text(),))?.unbind())
    }
}

/// Paths found by `Model.path`: `len(paths)`, `str(paths)` (what `relgraph path` prints),
/// `paths.json` (its `--json`), and a drawing of the paths in Jupyter.
#[pyclass(name = "Paths", module = "relgraph", frozen)]
pub struct PyPaths {
    report: Report,
    drawn: Py<PyModel>,
    count: usize,
}

impl PyPaths {
    /// The report and the model of the paths' nodes and ties.
    pub fn new(py: Python<'_>, report: Report, drawn: PyModel, count: usize) -> PyResult<PyPaths> {
        Ok(PyPaths { report, drawn: Py::new(py, drawn)?, count })
    }
}

#[pymethods]
impl PyPaths {
    /// The JSON `relgraph path --json` prints, as Python objects.
    #[getter]
    fn json(&self, py: Python<'_>) -> PyResult<PyObject> {
        to_python(py, self.report.json())
    }

    /// The model made of the paths' nodes and ties (to draw or export).
    #[getter]
    fn model(&self, py: Python<'_>) -> Py<PyModel> {
        self.drawn.clone_ref(py)
    }

    /// Number of paths found.
    fn __len__(&self) -> usize {
        self.count
    }

    /// The text `relgraph path` prints.
    fn __str__(&self) -> String {
        self.report.text().to_owned()
    }

    fn __repr__(&self) -> String {
        self.report.text().to_owned()
    }

    /// The paths' nodes and ties drawn by the built-in renderer, for Jupyter.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<PyObject> {
        self.drawn.bind(py).call_method0("_repr_svg_").map(Bound::unbind)
    }

    /// The paths' nodes and ties on the interactive map, for Jupyter.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<PyObject> {
        self.drawn.bind(py).call_method0("_repr_html_").map(Bound::unbind)
    }
}
