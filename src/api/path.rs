//! Paths between two nodes: fewest hops, shortest by weight, strongest influence, the k
//! best, every simple path (streamed), and the same paths drawn bold on a diagram.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;

use super::Selection;
use crate::analysis::influence::{self, InfluencePath};
use crate::analysis::path::{self, PathMode, PathQuery, Stop};
use crate::analysis::view::GraphView;
use crate::export::DotOptions;
use crate::model::NodeKind;
use crate::report::{self, Report};
use crate::Error;

use crate::model::Model;

impl Model {
    /// The best paths between two nodes (see [`Selection::paths`]).
    pub fn paths(&self, from: &str, to: &str) -> PathSearch<'_> {
        PathSearch::new(self.view(), from, to)
    }
}

impl<'m> Selection<'m> {
    /// The best paths between two nodes: fewest hops by default.
    pub fn paths(&self, from: &str, to: &str) -> PathSearch<'m> {
        PathSearch::new(self.clone(), from, to)
    }
}

/// Paths found by a [`PathSearch`]: the paths, and the report `relgraph path` prints.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The paths, best first.
    pub paths: Vec<path::Path>,
    /// For strongest paths: each path's step strengths and sign.
    pub signed: Vec<InfluencePath>,
    report: Report,
}

impl Paths {
    /// Number of paths.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no path was found.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The JSON `relgraph path --json` prints.
    pub fn json(&self) -> &serde_json::Value {
        self.report.json()
    }

    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Diagram options with these paths drawn bold on top (and, for strongest paths, each
    /// step labelled with its strength), as `relgraph export --highlight-path` draws them.
    pub fn highlight(&self, options: DotOptions) -> DotOptions {
        let nodes = self.paths.iter().flat_map(|p| p.nodes.iter().copied());
        let edges: Vec<_> = self.paths.iter().flat_map(|p| p.edges.iter().copied()).collect();
        let mut options = options;
        if !self.signed.is_empty() {
            let mut notes = BTreeMap::new();
            for read in &self.signed {
                for (e, s) in read.path.edges.iter().zip(&read.steps) {
                    notes.insert(*e, format!("{s:.2}"));
                }
            }
            options = options.with_edge_notes(notes);
        }
        options.with_highlight(nodes, edges)
    }
}

impl std::fmt::Display for Paths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.report.fmt(f)
    }
}

/// A path search between two nodes, configured by its methods and run by [`PathSearch::find`].
#[derive(Debug, Clone)]
pub struct PathSearch<'m> {
    selection: Selection<'m>,
    from: String,
    to: String,
    mode: PathMode,
    k: usize,
    via: Vec<String>,
    avoid: Vec<String>,
    avoid_kinds: Vec<NodeKind>,
    all: Option<(usize, usize)>,
}

impl<'m> PathSearch<'m> {
    pub(super) fn new(selection: Selection<'m>, from: &str, to: &str) -> Self {
        PathSearch {
            selection,
            from: from.to_owned(),
            to: to.to_owned(),
            mode: PathMode::Hops,
            k: 1,
            via: Vec::new(),
            avoid: Vec::new(),
            avoid_kinds: Vec::new(),
            all: None,
        }
    }

    /// The same search on another selection (names are resolved there when it runs).
    pub fn on<'n>(&self, selection: Selection<'n>) -> PathSearch<'n> {
        PathSearch {
            selection,
            from: self.from.clone(),
            to: self.to.clone(),
            mode: self.mode,
            k: self.k,
            via: self.via.clone(),
            avoid: self.avoid.clone(),
            avoid_kinds: self.avoid_kinds.clone(),
            all: self.all,
        }
    }

    /// Strongest influence paths (product of channel strengths, with signs).
    pub fn strongest(mut self) -> Self {
        self.mode = PathMode::Strongest;
        self
    }

    /// Shortest by weights read as distances.
    pub fn weighted(mut self) -> Self {
        self.mode = PathMode::Weighted;
        self
    }

    /// The `k` best loopless paths.
    pub fn k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Pass through this node (repeatable, in order).
    pub fn via(mut self, node: &str) -> Self {
        self.via.push(node.to_owned());
        self
    }

    /// Never pass through this node.
    pub fn avoid(mut self, node: &str) -> Self {
        self.avoid.push(node.to_owned());
        self
    }

    /// Never pass through nodes of this kind.
    pub fn avoid_kind(mut self, kind: NodeKind) -> Self {
        self.avoid_kinds.push(kind);
        self
    }

    /// List every simple path of at most `max_hops` steps, up to `limit` paths.
    pub fn all(mut self, max_hops: usize, limit: usize) -> Self {
        self.all = Some((max_hops, limit));
        self
    }

    /// The names of the two ends as the model spells them.
    pub fn ends(&self) -> Result<(String, String), Error> {
        let s = &self.selection;
        Ok((s.node(&self.from)?.name.clone(), s.node(&self.to)?.name.clone()))
    }

    /// The view the search runs on, its ends and its query.
    fn prepare(&self) -> Result<(GraphView, (NodeIndex, NodeIndex), PathQuery), Error> {
        let s = &self.selection;
        let model = s.model();
        let view = if self.mode == PathMode::Strongest { s.channels()? } else { s.graph_view() };
        let ends = (model.node_index(&self.from)?, model.node_index(&self.to)?);
        let names = |list: &[String]| list.iter().map(|n| model.node_index(n)).collect::<Result<Vec<_>, _>>();
        let query = PathQuery::new(self.mode)
            .with_via(names(&self.via)?)
            .with_avoid(names(&self.avoid)?)
            .with_avoid_kinds(self.avoid_kinds.clone());
        Ok((view, ends, query))
    }

    /// Lists every simple path of at most `max_hops` steps as it is found, calling `visit`
    /// with each one as the command prints it (numbered text and JSON item), in the order
    /// [`PathSearch::all`] lists them, holding only the path being extended. Stops when the
    /// paths run out, when `visit` breaks ([`Stop::Visitor`]) or when `timeout` has
    /// passed ([`Stop::Deadline`]).
    pub fn stream(
        &self,
        max_hops: usize,
        timeout: Option<std::time::Duration>,
        mut visit: impl FnMut(Report) -> std::ops::ControlFlow<()>,
    ) -> Result<Stop, Error> {
        let (view, (from, to), query) = self.prepare()?;
        let model = self.selection.model();
        let deadline = timeout.and_then(|t| std::time::Instant::now().checked_add(t));
        let walk = path::Walk { from, to, max_hops, deadline };
        let mut number = 0;
        let stop = path::each_simple_path(model, &view, &walk, &query, |p| {
            number += 1;
            visit(report::path_entry(model, &view, &p, self.mode, number))
        })?;
        Ok(stop)
    }

    /// The heading a listing of these paths starts with, and the line it prints when there
    /// is none, as `relgraph path` prints them.
    pub fn heading(&self) -> Result<(String, String), Error> {
        let s = &self.selection;
        let model = s.model();
        let ends = (model.node_index(&self.from)?, model.node_index(&self.to)?);
        Ok((report::paths_heading(self.mode, &s.strengths_source()), report::no_path(model, ends)))
    }

    /// The note a listing cut at `limit` paths ends with.
    pub fn cut_note(limit: usize) -> String {
        report::cut_note(limit)
    }

    /// Runs the search.
    pub fn find(&self) -> Result<Paths, Error> {
        let s = &self.selection;
        let model = s.model();
        let (view, (from, to), query) = self.prepare()?;
        let (paths, cut_at) = match self.all {
            Some((hops, limit)) => {
                let listing = path::all_simple_paths(model, &view, from, to, hops, limit, &query)?;
                (listing.paths, listing.truncated.then_some(limit))
            }
            None => (path::k_shortest_paths(model, &view, from, to, self.k, &query)?, None),
        };
        let signed = if self.mode == PathMode::Strongest {
            paths.iter().map(|p| influence::describe(&view, p.clone())).collect()
        } else {
            Vec::new()
        };
        let report = report::paths(model, &view, &paths, self.mode, &s.strengths_source(), (from, to), cut_at);
        Ok(Paths { paths, signed, report })
    }
}
