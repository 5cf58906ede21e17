//! Paths between two nodes: fewest hops, shortest by weight, strongest influence, the k
//! best, every simple path (streamed), and the same paths drawn bold on a diagram.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;

use super::Selection;
use crate::analysis::influence::{self, InfluencePath};
use crate::analysis::path::{self, PathMode, PathQuery, Stop};
use crate::analysis::sides::{self, SidedView};
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
    /// For strongest paths: each path's step strengths and sign. Like `paths`, their
    /// indices are those of the model the search ran on, which for a dated model is the
    /// model as of its present (see [`PathSearch::all_time`]).
    pub signed: Vec<InfluencePath>,
    /// For strongest paths: each path as `A —kind 0.80→ B …`, as the command prints it.
    pub chains: Vec<String>,
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
        let mut edges: Vec<_> = self.paths.iter().flat_map(|p| p.edges.iter().copied()).collect();
        edges.extend(self.signed.iter().flat_map(|p| p.via.iter().flatten().copied()));
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
    all_time: bool,
    all_kinds: bool,
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
            all_time: false,
            all_kinds: false,
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
            all_time: self.all_time,
            all_kinds: self.all_kinds,
        }
    }

    /// Strongest influence paths (product of channel strengths, with signs).
    pub fn strongest(mut self) -> Self {
        self.mode = PathMode::Strongest;
        self
    }

    /// Strongest paths over every tie of every date, even on a dated model without a
    /// date of its own (by default such a model answers as of its present, see
    /// [`Selection::present`]).
    pub fn all_time(mut self) -> Self {
        self.all_time = true;
        self
    }

    /// Strongest paths that may pass through contexts (agreements, disputes, events,
    /// territories, projects) as through actors. By default paths between two actors run
    /// through actors only, as the HTML map's picker finds them.
    pub fn all_kinds(mut self) -> Self {
        self.all_kinds = true;
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

    /// The selection the search runs on and the words for its strengths and date:
    /// strongest paths answer as of the selection's date, else the model's present.
    fn effective(&self) -> (Selection<'m>, String) {
        if self.mode != PathMode::Strongest {
            return (self.selection.clone(), self.selection.strengths_source());
        }
        let (s, when) = self.selection.as_of(self.all_time);
        let source = match when {
            Some(when) => format!("{}; {when}", s.strengths_source()),
            None => s.strengths_source(),
        };
        (s, source)
    }

    /// The view the search runs on, its ends and its query.
    fn prepare(&self, s: &Selection<'_>) -> Result<(GraphView, (NodeIndex, NodeIndex), PathQuery), Error> {
        let model = s.model();
        // Strongest paths between two actors run through actors only, a step being a
        // direct tie or a shared context; to or from a context, through anything.
        let view = match self.mode {
            PathMode::Strongest if !self.all_kinds && s.is_actor(&self.from)? && s.is_actor(&self.to)? => {
                s.actor_channels()?
            }
            PathMode::Strongest => s.channels()?,
            _ => s.graph_view(),
        };
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
        let (s, _) = self.effective();
        let (view, (from, to), query) = self.prepare(&s)?;
        let model = s.model();
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
        let (s, source) = self.effective();
        let model = s.model();
        let ends = (model.node_index(&self.from)?, model.node_index(&self.to)?);
        Ok((report::paths_heading(self.mode, &source), report::no_path(model, ends)))
    }

    /// The note a listing cut at `limit` paths ends with.
    pub fn cut_note(limit: usize) -> String {
        report::cut_note(limit)
    }

    /// Runs the search.
    pub fn find(&self) -> Result<Paths, Error> {
        let (s, source) = self.effective();
        let model = s.model();
        let (view, (from, to), query) = self.prepare(&s)?;
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
        let mut report = report::paths(model, &view, &paths, self.mode, &source, (from, to), cut_at);
        if self.mode == PathMode::Strongest && self.all.is_none() && !paths.is_empty() {
            // Both sides of the pair, so a direct tie of one sign is never hidden by a
            // stronger chain (see `crate::analysis::sides`).
            let actors = !self.all_kinds && s.is_actor(&self.from)? && s.is_actor(&self.to)?;
            let sided = SidedView::from_pairs(model.node_count(), &s.channel_pairs(actors)?);
            let both = sides::both_sides(&sided, influence::Toward::On(to))?;
            if let Some(pair) = both.get(from.index()) {
                report = report::influence::with_sides(model, report, pair);
            }
        }
        let chains = signed.iter().map(|p| report::influence_chain(model, p)).collect();
        Ok(Paths { paths, signed, chains, report })
    }
}
