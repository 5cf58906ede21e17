//! The fluent API: load a model, name nodes as people do, select a part of it, ask a
//! question, print or export the answer — each a line.
//!
//! ```
//! use relgraph::Model;
//!
//! let model = Model::load("graphs/japan_russia_2014.ron".as_ref())?;
//! let canada = model.node("canada")?; // by id, name or alias, in any case
//! assert_eq!(canada.name, "Canada");
//!
//! // The three strongest influence paths; printing one prints what `relgraph path` prints.
//! let paths = model.paths("Canada", "Kuril Islands dispute").strongest().k(3).find()?;
//! assert_eq!(paths.len(), 3);
//! assert!(paths.to_string().starts_with("strongest influence paths"));
//!
//! // Who moves Russia, among the ties in force after the annexation of Crimea?
//! let after = model.view().at("2014-07-31".parse()?);
//! let on_russia = after.influence_on("Russia").top(5).run()?;
//! assert_eq!(on_russia.rows().len(), 5);
//!
//! // Any analysis as JSON, any export as text.
//! let brokers = model.view().brokers()?;
//! assert!(brokers.json()["articulation_points"].is_array());
//! let dot = after.export(relgraph::api::Format::Dot)?;
//! assert!(dot.starts_with("digraph"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A [`Selection`] borrows its model and copies nothing until an analysis runs; then the
//! filtered model is built once and kept. Builders ([`PathSearch`], [`InfluenceQuery`],
//! [`CentralityQuery`], [`DiffQuery`]) take options as methods and run with `find`/`run`.

pub mod draft;

use std::cell::OnceCell;
use std::path::Path;

use crate::analysis::centrality::{self, CentralityOptions, Measure, Scores};
use crate::analysis::filter::Filter;
use crate::analysis::influence::{self, InfluencePath, Method, Ranking, Strengths, Toward};
use crate::analysis::path::{self, PathMode, PathQuery};
use crate::analysis::structure;
use crate::analysis::timeline::{self, DiffOptions};
use crate::analysis::view::{GraphView, ViewOptions};
use crate::export::{DotOptions, Theme};
use crate::model::{EdgeKind, LookupError, Model, Node, NodeKind, PartialDate, Polarity, Profile};
use crate::report::{self, Report};
use crate::Error;

impl Model {
    /// Loads a model in any supported format, chosen by extension: edge lists (`.tsv`,
    /// `.csv`, `.txt`), GraphML (`.graphml`, `.xml`), node-link JSON (`.json`), else RON.
    pub fn load(path: &Path) -> Result<Model, Error> {
        crate::io::load(path)
    }

    /// A selection of the whole model, to narrow down and analyse.
    pub fn view(&self) -> Selection<'_> {
        Selection::new(self)
    }

    /// The best paths between two nodes (see [`Selection::paths`]).
    pub fn paths(&self, from: &str, to: &str) -> PathSearch<'_> {
        PathSearch::new(self.view(), from, to)
    }

    /// Every node's influence on a node (see [`Selection::influence_on`]).
    pub fn influence_on(&self, node: &str) -> InfluenceQuery<'_> {
        self.view().influence_on(node)
    }

    /// A node's influence on every node (see [`Selection::influence_from`]).
    pub fn influence_from(&self, node: &str) -> InfluenceQuery<'_> {
        self.view().influence_from(node)
    }

    /// A centrality measure (see [`Selection::centrality`]).
    pub fn centrality(&self, measure: Measure) -> CentralityQuery<'_> {
        self.view().centrality(measure)
    }

    /// What changed between two dates (see [`Selection::diff`]).
    pub fn diff(&self, from: PartialDate, to: PartialDate) -> DiffQuery<'_> {
        self.view().diff(from, to)
    }
}

/// Output formats of [`Selection::export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Graphviz DOT, styled by the default theme.
    Dot,
    /// SVG from the built-in renderer (the same on every machine).
    Svg,
    /// GraphML.
    Graphml,
    /// GEXF 1.3.
    Gexf,
    /// Node-link JSON.
    Json,
    /// relgraph's RON.
    Ron,
    /// Tab-separated edge list.
    Tsv,
    /// Comma-separated edge list.
    Csv,
    /// The interactive map: one self-contained HTML file.
    Html,
    /// PNG (twice the SVG's size) from the built-in renderer, with the bundled font.
    Png,
    /// PDF from the built-in renderer, text kept as text.
    Pdf,
}

impl Format {
    /// The format a file name's extension names.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "dot" | "gv" => Format::Dot,
            "svg" => Format::Svg,
            "graphml" | "xml" => Format::Graphml,
            "gexf" => Format::Gexf,
            "json" => Format::Json,
            "ron" => Format::Ron,
            "tsv" | "txt" => Format::Tsv,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            "png" => Format::Png,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The format named by a word: `dot`, `svg`, `graphml`, `gexf`, `json`, `ron`, `tsv`, `csv`,
    /// `html`, `png`, `pdf`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::from_path(Path::new(&format!("x.{}", name.trim())))
    }
}

/// A part of a model: in force on a date, of some node and edge kinds, of some polarities,
/// read with or without direction. Borrowed, copied only once an analysis needs it.
#[derive(Debug, Clone)]
pub struct Selection<'m> {
    model: &'m Model,
    filter: Filter,
    directed: bool,
    strict: bool,
    strengths: StrengthSource,
    selected: OnceCell<Model>,
}

/// Where influence strengths come from.
#[derive(Debug, Clone, PartialEq)]
enum StrengthSource {
    BuiltIn,
    Profile(Profile, String),
    Weights,
}

impl<'m> Selection<'m> {
    /// The whole model, undirected, strengths from the built-in influence profile.
    pub fn new(model: &'m Model) -> Self {
        Selection {
            model,
            filter: Filter::default(),
            directed: false,
            strict: false,
            strengths: StrengthSource::BuiltIn,
            selected: OnceCell::new(),
        }
    }

    fn changed(mut self, change: impl FnOnce(&mut Self)) -> Self {
        change(&mut self);
        self.selected = OnceCell::new();
        self
    }

    /// Only what is in force on (some day of) `date`.
    pub fn at(self, date: PartialDate) -> Self {
        self.changed(|s| s.filter.at = Some(date))
    }

    /// Only nodes of these kinds (and the edges between them).
    pub fn nodes_of(self, kinds: impl IntoIterator<Item = NodeKind>) -> Self {
        self.changed(|s| s.filter.node_kinds = kinds.into_iter().collect())
    }

    /// Only edges of these kinds.
    pub fn edges_of(self, kinds: impl IntoIterator<Item = EdgeKind>) -> Self {
        self.changed(|s| s.filter.edge_kinds = kinds.into_iter().collect())
    }

    /// Only edges of these polarities.
    pub fn polarity(self, polarities: impl IntoIterator<Item = Polarity>) -> Self {
        self.changed(|s| s.filter.polarities = polarities.into_iter().collect())
    }

    /// Follow edge direction (symmetric kinds count both ways); `strict` follows every edge
    /// only as written, as for edge lists.
    pub fn directed(self, strict: bool) -> Self {
        self.changed(|s| {
            s.directed = true;
            s.strict = strict;
        })
    }

    /// Read influence strengths with this profile (the model's own rules still on top).
    pub fn with_profile(self, profile: Profile) -> Self {
        self.with_named_profile(profile, "custom profile")
    }

    /// As [`Selection::with_profile`], naming the profile in reports (`profile FILE`).
    pub fn with_named_profile(self, profile: Profile, name: &str) -> Self {
        self.changed(|s| s.strengths = StrengthSource::Profile(profile, name.to_owned()))
    }

    /// Read influence strengths from the edges' weights, as for edge lists.
    pub fn with_weights(self) -> Self {
        self.changed(|s| s.strengths = StrengthSource::Weights)
    }

    /// The selected part as a model of its own (built once).
    pub fn model(&self) -> &Model {
        self.selected.get_or_init(|| {
            if self.filter.is_empty() {
                self.model.clone()
            } else {
                self.filter.apply(self.model)
            }
        })
    }

    /// A node of the selection by id, name or alias.
    pub fn node(&self, name: &str) -> Result<&Node, LookupError> {
        self.model().node(name)
    }

    /// The analysis view of the selection.
    pub fn graph_view(&self) -> GraphView {
        let options = if self.directed {
            ViewOptions::directed().with_strict_direction(self.strict)
        } else {
            ViewOptions::undirected()
        };
        GraphView::new(self.model(), &options)
    }

    /// The influence channels of the selection (see [`influence`]).
    pub fn channels(&self) -> Result<GraphView, Error> {
        let builtin;
        let strengths = match &self.strengths {
            StrengthSource::BuiltIn => {
                builtin = Profile::builtin();
                Strengths::Profile(&builtin)
            }
            StrengthSource::Profile(p, _) => Strengths::Profile(p),
            StrengthSource::Weights => Strengths::Weights { directed: self.directed },
        };
        Ok(influence::channel_view(self.model(), strengths)?)
    }

    /// Words for where influence strengths come from, as the command line prints them.
    pub fn strengths_source(&self) -> String {
        match &self.strengths {
            StrengthSource::BuiltIn => "built-in profile".to_owned(),
            StrengthSource::Profile(_, name) => name.clone(),
            StrengthSource::Weights => "edge weights".to_owned(),
        }
    }

    /// The best paths between two nodes: fewest hops by default.
    pub fn paths(&self, from: &str, to: &str) -> PathSearch<'m> {
        PathSearch::new(self.clone(), from, to)
    }

    /// Every node's influence on `node`, strongest channel first.
    pub fn influence_on(&self, node: &str) -> InfluenceQuery<'m> {
        InfluenceQuery::new(self.clone(), node, true)
    }

    /// `node`'s influence on every node, strongest channel first.
    pub fn influence_from(&self, node: &str) -> InfluenceQuery<'m> {
        InfluenceQuery::new(self.clone(), node, false)
    }

    /// A centrality measure over the selection.
    pub fn centrality(&self, measure: Measure) -> CentralityQuery<'m> {
        CentralityQuery { selection: self.clone(), measure, options: CentralityOptions::default(), top: None }
    }

    /// Articulation points and bridges, as `relgraph brokers` prints them.
    pub fn brokers(&self) -> Result<Report, Error> {
        let model = self.model();
        let view = GraphView::new(model, &ViewOptions::undirected());
        Ok(report::brokers(model, &structure::articulation_points(&view), &structure::bridges(&view)))
    }

    /// Connected components (strongly connected when directed), largest first, as node ids.
    pub fn components(&self) -> Vec<Vec<String>> {
        let view = self.graph_view();
        let mut parts = if self.directed { structure::strong_components(&view) } else { structure::components(&view) };
        parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.first().cmp(&b.first())));
        parts.iter().map(|p| report::ids(self.model(), p)).collect()
    }

    /// Structural balance, as `relgraph balance` prints it (20 unbalanced triangles shown).
    pub fn balance(&self) -> Result<Report, Error> {
        let model = self.model();
        let census = crate::analysis::balance::triangles(model);
        let split = crate::analysis::balance::bipartition(model);
        Ok(report::balance(model, &census, &split, 20))
    }

    /// What changed between two dates (over the selection without its date).
    pub fn diff(&self, from: PartialDate, to: PartialDate) -> DiffQuery<'m> {
        DiffQuery { selection: self.clone(), from, to, measure: Measure::Betweenness, top: 10, weighted: false }
    }

    /// The selection in a text format (SVG by the built-in renderer); PNG and PDF are
    /// bytes, see [`Selection::export_bytes`].
    pub fn export(&self, format: Format) -> Result<String, Error> {
        self.export_with(format, &DotOptions::new(), &Theme::default())
    }

    /// The selection in a text format with diagram options and a theme.
    pub fn export_with(&self, format: Format, options: &DotOptions, theme: &Theme) -> Result<String, Error> {
        let model = self.model();
        Ok(match format {
            Format::Dot => crate::export::dot::to_dot(model, options, theme),
            Format::Svg => crate::export::svg::render_builtin(model, options, theme),
            Format::Graphml => crate::io::graphml::write(model),
            Format::Gexf => crate::io::gexf::write(model),
            Format::Json => crate::io::json::write(model),
            Format::Ron => crate::io::ron::to_string(model),
            Format::Tsv => crate::io::edgelist::write(model, '\t'),
            Format::Csv => crate::io::edgelist::write(model, ','),
            Format::Html => crate::export::html::render(
                model,
                &crate::export::html::HtmlOptions::new().with_diagram(options.clone()),
                theme,
            ),
            Format::Png => return Err(Error::NotText { format: "PNG" }),
            Format::Pdf => return Err(Error::NotText { format: "PDF" }),
        })
    }

    /// The selection in any format, as bytes, with diagram options and a theme.
    pub fn export_bytes(&self, format: Format, options: &DotOptions, theme: &Theme) -> Result<Vec<u8>, Error> {
        match format {
            Format::Png | Format::Pdf => {
                let svg = crate::export::svg::render_builtin(self.model(), options, theme);
                Ok(if format == Format::Png {
                    crate::export::raster::to_png(&svg, 2.0)?
                } else {
                    crate::export::raster::to_pdf(&svg)?
                })
            }
            _ => Ok(self.export_with(format, options, theme)?.into_bytes()),
        }
    }

    /// Writes the selection in any format to any writer.
    pub fn export_to(&self, format: Format, out: &mut dyn std::io::Write) -> Result<(), Error> {
        let bytes = self.export_bytes(format, &DotOptions::new(), &Theme::default())?;
        out.write_all(&bytes).map_err(|source| Error::Io { path: "<writer>".into(), source })
    }

    /// Writes the selection as a folder of CSV files and a Cypher script for Neo4j.
    pub fn write_neo4j(&self, dir: &Path) -> Result<(), Error> {
        crate::io::neo4j::write_dir(self.model(), dir)
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
}

impl Paths {
    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
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
    fn new(selection: Selection<'m>, from: &str, to: &str) -> Self {
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

    /// The view the search runs on, its ends and its query.
    fn prepare(
        &self,
    ) -> Result<(GraphView, (petgraph::graph::NodeIndex, petgraph::graph::NodeIndex), PathQuery), Error> {
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
    /// paths run out, when `visit` breaks ([`path::Stop::Visitor`]) or when `timeout` has
    /// passed ([`path::Stop::Deadline`]).
    pub fn stream(
        &self,
        max_hops: usize,
        timeout: Option<std::time::Duration>,
        mut visit: impl FnMut(Report) -> std::ops::ControlFlow<()>,
    ) -> Result<path::Stop, Error> {
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

/// An influence ranking and the report `relgraph influence` prints.
#[derive(Debug, Clone)]
pub struct InfluenceRanking {
    ranking: Ranking,
    report: Report,
}

impl InfluenceRanking {
    /// The rows, highest score first.
    pub fn rows(&self) -> &[influence::Influence] {
        &self.ranking.rows
    }

    /// The ranking with its attenuation (for the total method).
    pub fn ranking(&self) -> &Ranking {
        &self.ranking
    }

    /// The JSON `relgraph influence --json` prints.
    pub fn json(&self) -> &serde_json::Value {
        self.report.json()
    }
}

impl InfluenceRanking {
    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

impl std::fmt::Display for InfluenceRanking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.report.fmt(f)
    }
}

/// Who influences a node, or whom a node influences; run by [`InfluenceQuery::run`].
#[derive(Debug, Clone)]
pub struct InfluenceQuery<'m> {
    selection: Selection<'m>,
    node: String,
    on: bool,
    method: Method,
    top: Option<usize>,
}

impl<'m> InfluenceQuery<'m> {
    fn new(selection: Selection<'m>, node: &str, on: bool) -> Self {
        InfluenceQuery { selection, node: node.to_owned(), on, method: Method::Strongest, top: None }
    }

    /// Every channel together (the attenuated walk sum) instead of the strongest one.
    pub fn total(mut self) -> Self {
        self.method = Method::Total;
        self
    }

    /// Scoring method.
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Keep only the `n` most influential.
    pub fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// Runs the ranking.
    pub fn run(&self) -> Result<InfluenceRanking, Error> {
        let s = &self.selection;
        let model = s.model();
        let view = s.channels()?;
        let node = model.node_index(&self.node)?;
        let toward = if self.on { Toward::On(node) } else { Toward::From(node) };
        let mut ranking = influence::rank(&view, toward, self.method)?;
        let reached = ranking.rows.len();
        if let Some(top) = self.top {
            ranking.rows.truncate(top);
        }
        let report = report::influence(model, &ranking, toward, self.method, &s.strengths_source(), reached);
        Ok(InfluenceRanking { ranking, report })
    }
}

/// Centrality scores and the report `relgraph centrality --measure M` prints.
#[derive(Debug, Clone)]
pub struct CentralityRanking {
    /// Every node's score, by node index.
    pub scores: Scores,
    report: Report,
}

impl CentralityRanking {
    /// The JSON `relgraph centrality --json` prints.
    pub fn json(&self) -> &serde_json::Value {
        self.report.json()
    }
}

impl CentralityRanking {
    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

impl std::fmt::Display for CentralityRanking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.report.fmt(f)
    }
}

/// A centrality measure over a selection; run by [`CentralityQuery::run`].
#[derive(Debug, Clone)]
pub struct CentralityQuery<'m> {
    selection: Selection<'m>,
    measure: Measure,
    options: CentralityOptions,
    top: Option<usize>,
}

impl CentralityQuery<'_> {
    /// Use edge weights (as distances for path-based measures, strengths for spectral ones).
    pub fn weighted(mut self) -> Self {
        self.options = self.options.with_weighted(true);
        self
    }

    /// Keep only the `n` highest scores in the report.
    pub fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// Runs the measure.
    pub fn run(&self) -> Result<CentralityRanking, Error> {
        let model = self.selection.model();
        let view = self.selection.graph_view();
        let scores = centrality::compute(&view, self.measure, &self.options)?;
        let signed = (self.measure == Measure::SignedDegree).then(|| centrality::signed_degree(&view));
        let report = report::centrality(model, self.measure, &scores, self.top, signed.as_deref());
        Ok(CentralityRanking { scores, report })
    }
}

/// What changed between two dates; run by [`DiffQuery::run`].
#[derive(Debug, Clone)]
pub struct DiffQuery<'m> {
    selection: Selection<'m>,
    from: PartialDate,
    to: PartialDate,
    measure: Measure,
    top: usize,
    weighted: bool,
}

impl DiffQuery<'_> {
    /// The measure whose ranking is compared (default betweenness).
    pub fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }

    /// How many top nodes to follow (default 10).
    pub fn top(mut self, n: usize) -> Self {
        self.top = n;
        self
    }

    /// Use edge weights in the measure.
    pub fn weighted(mut self) -> Self {
        self.weighted = true;
        self
    }

    /// Runs the comparison, as `relgraph diff` prints it.
    pub fn run(&self) -> Result<Report, Error> {
        let s = &self.selection;
        // The dates are the diff's own: select everything else, but not the date.
        let base =
            Selection { filter: Filter { at: None, ..s.filter.clone() }, selected: OnceCell::new(), ..s.clone() };
        let model = base.model();
        let options = DiffOptions {
            top: self.top,
            view: if s.directed { ViewOptions::directed() } else { ViewOptions::undirected() },
            centrality: CentralityOptions::default().with_weighted(self.weighted),
        };
        let diff = timeline::diff(model, self.from, self.to, self.measure, &options)?;
        Ok(report::diff(model, &diff, self.top))
    }
}
