//! `Model`: a loaded model, or a view of one (a date, kinds, polarities, direction), and
//! every analysis of the library's API on it. Views share the loaded model; each analysis
//! builds the API's `Selection` from the view's settings, runs off the GIL and returns the
//! API's own result converted to Python (the JSON the command line prints, as dicts).

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use relgraph::api::{node_json, DotOptions, Format, Measure, Selection, Theme};
use relgraph::model::vocabulary::{edge_kind_named, node_kind_named};
use relgraph::{EdgeKind, Model, NodeKind, PartialDate, Polarity};
use serde_json::{json, Value};

use crate::error::{load_error, to_py};
use crate::report::{PyPaths, PyReport};
use crate::run::interruptible;

/// Converts JSON to Python objects (with the `json` module, so floats round-trip exactly).
pub fn to_python(py: Python<'_>, value: &Value) -> PyResult<PyObject> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// A list of dicts, or a pandas DataFrame of them.
fn rows(py: Python<'_>, value: &Value, as_frame: bool) -> PyResult<PyObject> {
    let list = to_python(py, value)?;
    if as_frame {
        Ok(py.import("pandas")?.call_method1("DataFrame", (list,))?.unbind())
    } else {
        Ok(list)
    }
}

/// What a view keeps: the API's selection settings, as plain values.
#[derive(Debug, Clone, Default)]
struct Settings {
    at: Option<PartialDate>,
    node_kinds: Vec<NodeKind>,
    edge_kinds: Vec<EdgeKind>,
    polarities: Vec<Polarity>,
    directed: bool,
    /// Read as an edge list: directed means strictly as written, strengths are weights.
    edge_list: bool,
}

impl Settings {
    fn select<'m>(&self, model: &'m Model) -> Selection<'m> {
        let mut s = model.view();
        if let Some(at) = self.at {
            s = s.at(at);
        }
        if !self.node_kinds.is_empty() {
            s = s.nodes_of(self.node_kinds.clone());
        }
        if !self.edge_kinds.is_empty() {
            s = s.edges_of(self.edge_kinds.clone());
        }
        if !self.polarities.is_empty() {
            s = s.polarity(self.polarities.clone());
        }
        if self.directed {
            s = s.directed(self.edge_list);
        }
        if self.edge_list {
            s = s.with_weights();
        }
        s
    }
}

/// A relations model, or a view of one (see `at`, `filter`, `directed`).
///
/// Load one with `relgraph.load(path)`. Views share the loaded model and copy nothing until
/// an analysis runs.
#[pyclass(name = "Model", module = "relgraph", frozen)]
pub struct PyModel {
    base: Arc<Model>,
    settings: Settings,
}

impl PyModel {
    fn with(&self, change: impl FnOnce(&mut Settings)) -> PyModel {
        let mut settings = self.settings.clone();
        change(&mut settings);
        PyModel { base: Arc::clone(&self.base), settings }
    }

    /// Runs `work` on the selection off the GIL, interruptible.
    fn run<T: Send + 'static>(
        &self,
        py: Python<'_>,
        work: impl FnOnce(&Selection<'_>) -> Result<T, relgraph::Error> + Send + 'static,
    ) -> PyResult<T> {
        let (base, settings) = (Arc::clone(&self.base), self.settings.clone());
        interruptible(py, move || work(&settings.select(&base)))?.map_err(to_py)
    }

    /// The selected part as a model of its own (shared when nothing is filtered).
    fn selected(&self, py: Python<'_>) -> PyResult<Arc<Model>> {
        let unfiltered = self.settings.at.is_none()
            && self.settings.node_kinds.is_empty()
            && self.settings.edge_kinds.is_empty()
            && self.settings.polarities.is_empty();
        if unfiltered {
            return Ok(Arc::clone(&self.base));
        }
        self.run(py, |s| Ok(s.model().clone())).map(Arc::new)
    }

    /// Wraps a model that was built, not loaded.
    pub fn new(model: Model) -> Self {
        PyModel { base: Arc::new(model), settings: Settings::default() }
    }

    fn export_bytes(&self, py: Python<'_>, format: &str) -> PyResult<Vec<u8>> {
        let format = Format::from_name(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown format `{format}`: expected dot, svg, png, pdf, html, graphml, gexf, json, ron, tsv or csv"
            ))
        })?;
        self.run(py, move |s| s.export_bytes(format, &DotOptions::new(), &Theme::default()))
    }
}

fn date(text: &str) -> PyResult<PartialDate> {
    text.parse().map_err(|e: relgraph::model::date::DateError| PyValueError::new_err(format!("{text}: {e}")))
}

fn names<T>(list: Option<Vec<String>>, parse: impl Fn(&str) -> Result<T, String>) -> PyResult<Vec<T>> {
    list.unwrap_or_default().iter().map(|t| parse(t).map_err(PyValueError::new_err)).collect()
}

/// Loads a model in any format the command line reads, chosen by extension: RON (`.ron` and
/// anything else), edge lists (`.tsv`, `.csv`, `.txt`), GraphML (`.graphml`, `.xml`) and
/// node-link JSON (`.json`).
///
/// Raises `ModelError` (a `ValueError`) with the command line's `FILE:LINE:COL` diagnostic
/// when the file has problems, `OSError` when it cannot be read.
#[pyfunction]
pub fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyModel> {
    let file = path.clone();
    let loaded = interruptible(py, move || Model::load(&file))?;
    let model = loaded.map_err(|e| load_error(e, &path))?;
    let edge_list = relgraph::api::is_edge_list(&path);
    Ok(PyModel { base: Arc::new(model), settings: Settings { edge_list, ..Settings::default() } })
}

/// Reads a model from node-link JSON text (the shape of NetworkX's `node_link_data`).
#[pyfunction]
pub fn from_node_link(py: Python<'_>, text: String) -> PyResult<PyModel> {
    let loaded = interruptible(py, move || Model::from_node_link_json(text.as_bytes()))?;
    loaded.map(PyModel::new).map_err(|e| load_error(e, std::path::Path::new("<networkx>")))
}

#[pymethods]
impl PyModel {
    /// The model's title.
    #[getter]
    fn title(&self) -> String {
        self.base.title.clone()
    }

    /// Number of nodes in the view.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.selected(py)?.node_count())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let m = self.selected(py)?;
        Ok(format!("<relgraph.Model {:?}: {} nodes, {} ties>", m.title, m.node_count(), m.edge_count()))
    }

    /// Number of nodes in the view.
    #[getter]
    fn node_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.selected(py)?.node_count())
    }

    /// Number of ties (edges) in the view.
    #[getter]
    fn edge_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.selected(py)?.edge_count())
    }

    /// The nodes as `relgraph nodes --json` prints them: a list of dicts, or a pandas
    /// DataFrame with `as_frame=True`.
    #[pyo3(signature = (as_frame = false))]
    fn nodes(&self, py: Python<'_>, as_frame: bool) -> PyResult<PyObject> {
        let m = self.selected(py)?;
        let report = m.view().nodes_report(&[]);
        rows(py, report.json(), as_frame)
    }

    /// The ties as `relgraph edges --json` prints them: a list of dicts, or a pandas
    /// DataFrame with `as_frame=True`.
    #[pyo3(signature = (as_frame = false))]
    fn edges(&self, py: Python<'_>, as_frame: bool) -> PyResult<PyObject> {
        let m = self.selected(py)?;
        let report = m.view().edges_report(&[], &[], None).map_err(to_py)?;
        rows(py, report.json(), as_frame)
    }

    /// A node by id, name or alias, in any case, as a dict. Raises `KeyError` when the name
    /// names no node or several.
    fn node(&self, py: Python<'_>, name: &str) -> PyResult<PyObject> {
        let m = self.selected(py)?;
        let node = m.node(name).map_err(|e| PyKeyError::new_err(e.to_string()))?;
        to_python(py, &node_json(node))
    }

    /// The view of what is in force on (some day of) `date` (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`).
    fn at(&self, date_text: &str) -> PyResult<PyModel> {
        let d = date(date_text)?;
        Ok(self.with(|s| s.at = Some(d)))
    }

    /// The view of nodes of some kinds, ties of some kinds, of some polarities
    /// (`cooperative`, `conflictual`, `neutral`); `None` keeps all.
    #[pyo3(signature = (node_kinds = None, edge_kinds = None, polarity = None))]
    fn filter(
        &self,
        node_kinds: Option<Vec<String>>,
        edge_kinds: Option<Vec<String>>,
        polarity: Option<Vec<String>>,
    ) -> PyResult<PyModel> {
        let vocabulary = &self.base.vocabulary;
        let nk = names(node_kinds, node_kind_named)?
            .into_iter()
            .map(|k| vocabulary.resolve_node(k).map_err(|e| PyValueError::new_err(e.to_string())))
            .collect::<PyResult<Vec<_>>>()?;
        let ek = names(edge_kinds, edge_kind_named)?
            .into_iter()
            .map(|k| vocabulary.resolve_edge(k).map_err(|e| PyValueError::new_err(e.to_string())))
            .collect::<PyResult<Vec<_>>>()?;
        let pol = names(polarity, |t| t.parse::<Polarity>().map_err(|e| e.to_string()))?;
        Ok(self.with(|s| {
            if !nk.is_empty() {
                s.node_kinds = nk;
            }
            if !ek.is_empty() {
                s.edge_kinds = ek;
            }
            if !pol.is_empty() {
                s.polarities = pol;
            }
        }))
    }

    /// The view that follows tie direction (symmetric kinds count both ways).
    fn directed(&self) -> PyModel {
        self.with(|s| s.directed = true)
    }

    /// The best paths from `source` to `target`: fewest hops by default, the strongest
    /// influence paths with `strongest=True`, shortest by weight with `weighted=True`; the
    /// `k` best loopless ones, through `via` and around `avoid` (node names).
    #[pyo3(signature = (source, target, *, strongest = false, weighted = false, k = 1, via = None, avoid = None))]
    #[allow(clippy::too_many_arguments)]
    fn path(
        &self,
        py: Python<'_>,
        source: String,
        target: String,
        strongest: bool,
        weighted: bool,
        k: usize,
        via: Option<Vec<String>>,
        avoid: Option<Vec<String>>,
    ) -> PyResult<PyPaths> {
        if strongest && weighted {
            return Err(PyValueError::new_err("choose strongest or weighted, not both"));
        }
        let found = self.run(py, move |s| {
            let mut search = s.paths(&source, &target).k(k);
            if strongest {
                search = search.strongest();
            }
            if weighted {
                search = search.weighted();
            }
            for v in via.iter().flatten() {
                search = search.via(v);
            }
            for a in avoid.iter().flatten() {
                search = search.avoid(a);
            }
            let paths = search.find()?;
            let model = s.model();
            let mut drawn = Model::new(model.title.clone());
            drawn.vocabulary = model.vocabulary.clone();
            let graph = model.graph();
            for p in &paths.paths {
                for &n in &p.nodes {
                    if drawn.index_of(&graph[n].id).is_none() {
                        let _ = drawn.add_node(graph[n].clone());
                    }
                }
            }
            let mut seen = std::collections::BTreeSet::new();
            for p in &paths.paths {
                for &e in &p.edges {
                    if seen.insert(e) {
                        let _ = drawn.add_edge(graph[e].clone());
                    }
                }
            }
            Ok((paths.report().clone(), drawn, paths.len()))
        })?;
        PyPaths::new(py, found.0, PyModel::new(found.1), found.2)
    }

    /// Every node's influence on `node`, strongest channel first (`total=True`: every
    /// channel together), as `relgraph influence --on NODE` reports it.
    #[pyo3(signature = (node, *, total = false, top = None))]
    fn influence_on(&self, py: Python<'_>, node: String, total: bool, top: Option<usize>) -> PyResult<PyReport> {
        self.influence(py, node, true, total, top)
    }

    /// `node`'s influence on every node, as `relgraph influence --from NODE` reports it.
    #[pyo3(signature = (node, *, total = false, top = None))]
    fn influence_from(&self, py: Python<'_>, node: String, total: bool, top: Option<usize>) -> PyResult<PyReport> {
        self.influence(py, node, false, total, top)
    }

    /// A centrality measure as a dict node id → score, in the order the command line ranks
    /// them (highest first). Measures: degree, in-degree, out-degree, betweenness, closeness,
    /// harmonic, eigenvector, pagerank, katz, signed-degree.
    #[pyo3(signature = (measure = "betweenness", *, weighted = false))]
    fn centrality(&self, py: Python<'_>, measure: &str, weighted: bool) -> PyResult<Py<PyDict>> {
        let measure: Measure =
            measure.parse().map_err(|e: relgraph::model::kind::UnknownName| PyValueError::new_err(e.to_string()))?;
        let ranked = self.run(py, move |s| {
            let mut query = s.centrality(measure);
            if weighted {
                query = query.weighted();
            }
            let result = query.run()?;
            let model = s.model();
            Ok(result.scores.ranked(model).into_iter().map(|(id, v)| (id.to_owned(), v)).collect::<Vec<_>>())
        })?;
        let dict = PyDict::new(py);
        for (id, v) in ranked {
            dict.set_item(id, v)?;
        }
        Ok(dict.unbind())
    }

    /// A centrality measure as `relgraph centrality --measure M --json` reports it.
    #[pyo3(signature = (measure = "betweenness", *, weighted = false, top = None))]
    fn centrality_report(
        &self,
        py: Python<'_>,
        measure: &str,
        weighted: bool,
        top: Option<usize>,
    ) -> PyResult<PyReport> {
        let measure: Measure =
            measure.parse().map_err(|e: relgraph::model::kind::UnknownName| PyValueError::new_err(e.to_string()))?;
        let report = self.run(py, move |s| {
            let mut query = s.centrality(measure);
            if weighted {
                query = query.weighted();
            }
            if let Some(n) = top {
                query = query.top(n);
            }
            Ok(query.run()?.report().clone())
        })?;
        Ok(PyReport::new(report))
    }

    /// Articulation points and bridges, as `relgraph brokers` reports them.
    fn brokers(&self, py: Python<'_>) -> PyResult<PyReport> {
        self.run(py, |s| s.brokers()).map(PyReport::new)
    }

    /// Structural balance, as `relgraph balance` reports it.
    fn balance(&self, py: Python<'_>) -> PyResult<PyReport> {
        self.run(py, |s| s.balance()).map(PyReport::new)
    }

    /// Connected components (strongly connected on a directed view), largest first, as
    /// lists of node ids.
    fn components(&self, py: Python<'_>) -> PyResult<Vec<Vec<String>>> {
        self.run(py, |s| Ok(s.components()))
    }

    /// What changed between two dates: ties started and ended, and the movers of a
    /// centrality ranking, as `relgraph diff` reports it.
    #[pyo3(signature = (start, end, *, measure = "betweenness", top = 10, weighted = false))]
    fn diff(
        &self,
        py: Python<'_>,
        start: &str,
        end: &str,
        measure: &str,
        top: usize,
        weighted: bool,
    ) -> PyResult<PyReport> {
        let (from, to) = (date(start)?, date(end)?);
        let measure: Measure =
            measure.parse().map_err(|e: relgraph::model::kind::UnknownName| PyValueError::new_err(e.to_string()))?;
        self.run(py, move |s| {
            let mut query = s.diff(from, to).measure(measure).top(top);
            if weighted {
                query = query.weighted();
            }
            query.run()
        })
        .map(PyReport::new)
    }

    /// The dated ties (of one node, if given) as start and end events sorted by date, as
    /// `relgraph timeline --json` prints them.
    #[pyo3(signature = (node = None))]
    fn timeline(&self, py: Python<'_>, node: Option<String>) -> PyResult<PyObject> {
        let report = self.run(py, move |s| s.timeline(node.as_deref()))?;
        to_python(py, report.json())
    }

    /// The view in a format — `svg`, `png`, `pdf`, `html`, `dot`, `graphml`, `gexf`,
    /// `json`, `ron`, `tsv`, `csv` — as bytes, or written (atomically) to `path` when given.
    #[pyo3(signature = (format, path = None))]
    fn export(&self, py: Python<'_>, format: &str, path: Option<PathBuf>) -> PyResult<Option<Py<PyBytes>>> {
        let bytes = self.export_bytes(py, format)?;
        match path {
            Some(path) => {
                relgraph::api::write_atomically(&path, &bytes).map_err(to_py)?;
                Ok(None)
            }
            None => Ok(Some(PyBytes::new(py, &bytes).unbind())),
        }
    }

    /// The built-in renderer's SVG, for Jupyter.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<String> {
        Ok(String::from_utf8_lossy(&self.export_bytes(py, "svg")?).into_owned())
    }

    /// The interactive map in a sandboxed iframe, for Jupyter.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<PyObject> {
        let page = String::from_utf8_lossy(&self.export_bytes(py, "html")?).into_owned();
        Ok(py.import("relgraph._display")?.call_method1("iframe", (page,))?.unbind())
    }

    /// The view as a NetworkX `MultiDiGraph` (see `relgraph.to_networkx`).
    fn to_networkx(slf: Bound<'_, Self>) -> PyResult<PyObject> {
        let py = slf.py();
        Ok(py.import("relgraph._networkx")?.call_method1("to_networkx", (slf,))?.unbind())
    }

    /// The view's graph-level facts for NetworkX: title, description, directedness.
    fn graph_attributes(&self, py: Python<'_>) -> PyResult<PyObject> {
        let m = self.selected(py)?;
        to_python(py, &json!({"title": m.title, "description": m.description}))
    }
}

impl PyModel {
    fn influence(&self, py: Python<'_>, node: String, on: bool, total: bool, top: Option<usize>) -> PyResult<PyReport> {
        self.run(py, move |s| {
            let mut query = if on { s.influence_on(&node) } else { s.influence_from(&node) };
            if total {
                query = query.total();
            }
            if let Some(n) = top {
                query = query.top(n);
            }
            Ok(query.run()?.report().clone())
        })
        .map(PyReport::new)
    }
}
