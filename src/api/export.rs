//! Export: the selection in any format ([`Format`]), and diagrams as `relgraph export`
//! draws them ([`Drawing`]): focused on a neighbourhood, with paths drawn bold, nodes
//! sized by a measure or by influence, by Graphviz or the built-in renderer, as SVG, PNG,
//! PDF or an interactive HTML map, with layout statistics.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::{Direction, PathSearch, Selection};
use crate::analysis::centrality::Measure;
use crate::export::{DotOptions, HtmlOptions, Layout, Renderer, SvgOptions, Theme};
use crate::model::Model;
use crate::Error;

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

impl Selection<'_> {
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
            Format::Html => {
                crate::export::html::render(model, &HtmlOptions::new().with_diagram(options.clone()), theme)
            }
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

/// What sizes the nodes of a diagram.
#[derive(Debug, Clone, PartialEq)]
pub enum SizeBy {
    /// A centrality measure.
    Measure(Measure),
    /// The strongest influence on the named node (drawn at the largest size itself).
    InfluenceOn(String),
}

/// A diagram of a selection as `relgraph export` draws it, configured by its `with_*`
/// methods and drawn by [`Drawing::draw`] or [`Drawing::html`].
#[derive(Debug, Clone)]
pub struct Drawing<'m> {
    selection: Selection<'m>,
    focus: Option<(String, usize)>,
    highlight: Option<PathSearch<'m>>,
    size_by: Option<SizeBy>,
    dates: bool,
    edge_labels: bool,
    legend: bool,
    cluster_by_country: bool,
    theme: Theme,
    renderer: Renderer,
    layout: Option<Layout>,
    bundle: bool,
    timeout: Duration,
    scale: f64,
    stats: bool,
    positions: Option<(std::path::PathBuf, bool)>,
    drop_isolated: Option<bool>,
    matrix: bool,
    panels: Option<(Vec<crate::model::PartialDate>, usize)>,
}

/// A drawn diagram or converted model: its bytes, the counts of what it shows, and (when
/// asked) its layout statistics as text.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// Nodes drawn.
    pub nodes: usize,
    /// Edges drawn.
    pub edges: usize,
    /// Edge crossings, overlaps, area and aspect ratio, measured from the SVG.
    pub stats: Option<String>,
}

impl<'m> Selection<'m> {
    /// A diagram of the selection: labelled edges, a legend, the default theme, drawn by
    /// Graphviz when installed (built-in otherwise), one bundle per pair, 60 s for Graphviz.
    pub fn drawing(&self) -> Drawing<'m> {
        Drawing {
            selection: self.clone(),
            focus: None,
            highlight: None,
            size_by: None,
            dates: false,
            edge_labels: true,
            legend: true,
            cluster_by_country: false,
            theme: Theme::default(),
            renderer: Renderer::Auto,
            layout: None,
            bundle: true,
            timeout: Duration::from_secs(60),
            scale: 2.0,
            stats: false,
            positions: None,
            drop_isolated: None,
            matrix: false,
            panels: None,
        }
    }
}

impl<'m> Drawing<'m> {
    /// Draw only the neighbourhood of `node` out to `depth` steps, centred on it.
    pub fn with_focus(mut self, node: &str, depth: usize) -> Self {
        self.focus = Some((node.to_owned(), depth));
        self
    }

    /// Draw the paths this search finds bold on top (it runs on the drawn part).
    pub fn with_highlight(mut self, search: PathSearch<'m>) -> Self {
        self.highlight = Some(search);
        self
    }

    /// Size nodes by a measure or by influence.
    pub fn with_size_by(mut self, by: SizeBy) -> Self {
        self.size_by = Some(by);
        self
    }

    /// Label edges with their dates too.
    pub fn with_dates(mut self, on: bool) -> Self {
        self.dates = on;
        self
    }

    /// Label edges with their kinds (default on).
    pub fn with_edge_labels(mut self, on: bool) -> Self {
        self.edge_labels = on;
        self
    }

    /// Draw the legend (default on).
    pub fn with_legend(mut self, on: bool) -> Self {
        self.legend = on;
        self
    }

    /// Leaders, officials and territories inside their country's box.
    pub fn with_cluster_by_country(mut self, on: bool) -> Self {
        self.cluster_by_country = on;
        self
    }

    /// The theme.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// Who draws the SVG (PNG and PDF always come from the built-in renderer unless
    /// Graphviz is asked for by name).
    pub fn with_renderer(mut self, renderer: Renderer) -> Self {
        self.renderer = renderer;
        self
    }

    /// The Graphviz layout engine.
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }

    /// Built-in renderer: one bundle per pair (default) or every tie its own line.
    pub fn with_bundle(mut self, on: bool) -> Self {
        self.bundle = on;
        self
    }

    /// Stop Graphviz after this long.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// PNG pixels per SVG pixel (default 2).
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// Built-in renderer: draw the nodes a positions file names exactly where it puts them
    /// (see [`super::figure`]), placing new nodes around them; with `update`, write the file
    /// back with the new nodes added. Without one, a view (a date or filters) is drawn at
    /// the positions of the whole model's layout. The default renderer, [`Renderer::Auto`],
    /// is the built-in one when a file is given, Graphviz installed or not; drawing with
    /// [`Renderer::Graphviz`] and a file fails (`ExportError::PositionsNeedBuiltin`) rather
    /// than ignore the file.
    pub fn with_positions_file(mut self, path: &Path, update: bool) -> Self {
        self.positions = Some((path.to_path_buf(), update));
        self
    }

    /// Leave out (or keep) nodes with no tie in the drawn part. Default: left out in a view
    /// at a date, kept otherwise.
    pub fn with_drop_isolated(mut self, on: bool) -> Self {
        self.drop_isolated = Some(on);
        self
    }

    /// Draw the adjacency matrix instead of nodes and ties (SVG, PNG, PDF).
    pub fn with_matrix(mut self, on: bool) -> Self {
        self.matrix = on;
        self
    }

    /// Small multiples (SVG, PNG, PDF; built-in renderer): one panel per date in rows of
    /// `columns`, every node at the same place in every panel, the ties that appeared since
    /// the previous panel bold and the ties that ended faint (see [`super::figure::panels`]).
    /// The selection's own date, if any, is not used; its other filters are.
    pub fn with_panels(mut self, dates: Vec<crate::model::PartialDate>, columns: usize) -> Self {
        self.panels = Some((dates, columns.max(1)));
        self
    }

    /// Measure the drawn SVG's crossings, overlaps, area and aspect ratio.
    pub fn with_stats(mut self, on: bool) -> Self {
        self.stats = on;
        self
    }

    /// The part drawn: the selection, or its focus neighbourhood.
    fn part(&self, selection: &Selection<'_>) -> Result<Option<Model>, Error> {
        match &self.focus {
            Some((node, depth)) => Ok(Some(selection.ego(node, *depth, Direction::Both)?)),
            None => Ok(None),
        }
    }

    /// The diagram options for the drawn part: labels, legend, clusters, highlight, sizes.
    fn diagram(&self, part: &Selection<'_>) -> Result<DotOptions, Error> {
        let mut options = DotOptions::new()
            .with_dates(self.dates)
            .with_edge_labels(self.edge_labels)
            .with_cluster_by_country(self.cluster_by_country);
        if !self.legend {
            options = options.with_legend(false);
        }
        if let Some(search) = &self.highlight {
            // Drawn over the whole selection: its own date, or every date.
            let search = search.on(part.clone()).all_time();
            let paths = search.find()?;
            if paths.is_empty() {
                let (from, to) = search.ends()?;
                return Err(Error::NoPath { from, to });
            }
            options = paths.highlight(options);
        }
        let sizes: Option<BTreeMap<String, f64>> = match &self.size_by {
            Some(SizeBy::Measure(measure)) => Some(part.centrality(*measure).sizes()?),
            Some(SizeBy::InfluenceOn(node)) => Some(part.influence_on(node).sizes()?),
            None => None,
        };
        if let Some(sizes) = sizes {
            options = options.with_size_by(sizes);
        }
        Ok(options)
    }

    /// Draws or converts the selection (its focus neighbourhood when asked) in `format`.
    pub fn draw(&self, format: Format) -> Result<Drawn, Error> {
        let focused = self.part(&self.selection)?;
        let part = match &focused {
            Some(model) => self.selection.rebased(model),
            None => self.selection.clone(),
        };
        let dropped;
        let model = if self.drop_isolated.unwrap_or(self.selection.filter.at.is_some()) {
            dropped = part.model().without_isolated();
            &dropped
        } else {
            part.model()
        };
        let drawn = |bytes: Vec<u8>, stats: Option<String>| Drawn {
            bytes,
            nodes: model.node_count(),
            edges: model.edge_count(),
            stats,
        };
        let raster = matches!(format, Format::Png | Format::Pdf);
        if !matches!(format, Format::Dot | Format::Svg) && !raster {
            return Ok(drawn(part.export_with(format, &DotOptions::new(), &self.theme)?.into_bytes(), None));
        }
        let mut diagram = self.diagram(&part)?;
        if let Some(layout) = self.layout {
            diagram = diagram.with_layout(layout);
        }
        if format == Format::Dot {
            return Ok(drawn(crate::export::dot::to_dot(model, &diagram, &self.theme).into_bytes(), None));
        }
        let renderer = match (self.renderer, &self.positions) {
            // PNG and PDF come from the built-in SVG, whose text fits the bundled font; a
            // positions file is drawn by the built-in renderer, Graphviz or no Graphviz.
            (Renderer::Auto, positions) if raster || positions.is_some() => Renderer::Builtin,
            (Renderer::Graphviz, Some((path, _))) if !self.matrix => {
                return Err(crate::export::ExportError::PositionsNeedBuiltin { path: path.clone() }.into())
            }
            (other, _) => other,
        };
        let mut options = SvgOptions::new()
            .with_diagram(diagram)
            .with_renderer(renderer)
            .with_bundle(self.bundle)
            .with_timeout(self.timeout);
        if let Some(id) = self.focus.as_ref().and_then(|(node, _)| model.node(node).ok()).map(|n| n.id.clone()) {
            options = options.with_focus(id);
            if options.renderer == Renderer::Builtin || raster {
                // The focus view keeps the whole drawing's directions.
                let plain = DotOptions::new()
                    .with_edge_labels(self.edge_labels)
                    .with_cluster_by_country(self.cluster_by_country);
                let whole = self.selection.model();
                options = options.with_reference(crate::export::svg::node_positions(whole, &plain, &self.theme));
            }
        }
        if let Some(layout) = self.layout {
            options = options.with_layout(layout);
        }
        if options.focus.is_none() && (options.renderer == Renderer::Builtin || raster) {
            let plain =
                DotOptions::new().with_edge_labels(self.edge_labels).with_cluster_by_country(self.cluster_by_country);
            if let Some((path, update)) = &self.positions {
                let pinned = super::figure::load(path)?;
                if *update {
                    let whole = super::figure::layout_with(self.selection.model, &plain, &self.theme, &pinned);
                    super::figure::save(&whole, path)?;
                }
                options = options.with_positions(super::figure::to_points(&pinned));
            } else if !self.selection.filter.is_empty() {
                let whole = super::figure::layout_with(self.selection.model, &plain, &self.theme, &Default::default());
                // No spreading for labels: a view keeps the whole layout's scale, so that
                // views at different dates line up (labels without room are left out).
                options = options.with_positions_near(super::figure::to_points(&whole)).with_spread(false);
            }
        }
        let picture = if let Some((dates, columns)) = &self.panels {
            let plain = DotOptions::new()
                .with_edge_labels(self.edge_labels)
                .with_cluster_by_country(self.cluster_by_country)
                .with_dates(self.dates);
            let plain = if self.legend { plain } else { plain.with_legend(false) };
            let pinned = match &self.positions {
                Some((path, _)) => super::figure::load(path)?,
                None => Default::default(),
            };
            let part = self.selection.clone().all_dates();
            super::figure::panels(self.selection.model, part.model(), dates, *columns, &plain, &self.theme, &pinned)
        } else if self.matrix {
            crate::export::matrix::render(model, &self.theme)
        } else {
            crate::export::svg::render(model, &options, &self.theme)?
        };
        let stats = if self.stats { Some(crate::export::stats::measure(&picture)?.to_string()) } else { None };
        let bytes = match format {
            Format::Png => crate::export::raster::to_png(&picture, self.scale)?,
            Format::Pdf => crate::export::raster::to_pdf(&picture)?,
            _ => picture.into_bytes(),
        };
        Ok(drawn(bytes, stats))
    }

    /// The interactive HTML map: the whole date range stays in the page (the selection's
    /// date only sets the date it opens on), and ties keep their position in the file as
    /// `data-edge`.
    pub fn html(&self) -> Result<Drawn, Error> {
        let at = self.selection.filter.at;
        let undated = self.selection.clone().all_dates();
        let focused = self.part(&undated)?;
        let part = match &focused {
            Some(model) => undated.rebased(model),
            None => undated.clone(),
        };
        let model = part.model();
        let mut options = HtmlOptions::new()
            .with_diagram(self.diagram(&part)?)
            .with_at(at)
            .with_edge_numbers(crate::export::html::edge_numbers(self.selection.model, model));
        if let Some((path, update)) = &self.positions {
            // As for the SVG: the nodes the file names stay there; --update writes the
            // file back with the whole model's new nodes added.
            let pinned = super::figure::load(path)?;
            if *update {
                let plain = DotOptions::new()
                    .with_edge_labels(self.edge_labels)
                    .with_cluster_by_country(self.cluster_by_country);
                let whole = super::figure::layout_with(self.selection.model, &plain, &self.theme, &pinned);
                super::figure::save(&whole, path)?;
            }
            options = options.with_positions(super::figure::to_points(&pinned));
        }
        let page = crate::export::html::render(model, &options, &self.theme);
        Ok(Drawn { bytes: page.into_bytes(), nodes: model.node_count(), edges: model.edge_count(), stats: None })
    }

    /// Writes the selection (its focus neighbourhood when asked) as a folder of CSV files
    /// and a Cypher script for Neo4j.
    pub fn write_neo4j(&self, dir: &Path) -> Result<(), Error> {
        let focused = self.part(&self.selection)?;
        match &focused {
            Some(model) => self.selection.rebased(model).write_neo4j(dir),
            None => self.selection.write_neo4j(dir),
        }
    }
}

/// Loads a diagram theme (RON, see `docs/theme.md`).
pub fn load_theme(path: &Path) -> Result<Theme, Error> {
    Ok(Theme::load(path)?)
}
