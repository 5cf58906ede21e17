//! `relgraph export` (diagrams and interchange formats).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};

use super::analyse::{self, Filters};
use super::{input, Failure};
use crate::analysis::structure::{self, Direction};
use crate::analysis::view::{GraphView, ViewOptions};
use crate::analysis::{influence, path};
use crate::export::{dot, html, raster, stats, svg, DotOptions, HtmlOptions, Layout, Renderer, SvgOptions, Theme};
use crate::model::Model;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphviz DOT, styled by the theme.
    Dot,
    /// SVG drawn by Graphviz when installed, else by the built-in renderer.
    Svg,
    /// PNG, rasterised from the built-in renderer's SVG with the bundled font (see --scale, --dpi).
    Png,
    /// PDF (one page, text kept as text), converted from the built-in renderer's SVG.
    Pdf,
    /// An interactive map in one self-contained HTML file (see docs/viewer.md).
    Html,
    /// GraphML (Gephi, yEd, NetworkX read_graphml).
    Graphml,
    /// GEXF 1.3 with time intervals (Gephi's timeline).
    Gexf,
    /// Node-link JSON (NetworkX node_link_graph, D3).
    Json,
    /// A folder of CSV files for neo4j-admin import, plus a Cypher script.
    Neo4j,
    /// relgraph's RON model format.
    Ron,
    /// A tab-separated edge list.
    Tsv,
    /// A comma-separated edge list.
    Csv,
}

impl Format {
    /// The format a file extension names (the library's table of extensions).
    fn from_path(path: &Path) -> Option<Format> {
        use crate::api::Format as Api;
        Some(match Api::from_path(path)? {
            Api::Dot => Format::Dot,
            Api::Svg => Format::Svg,
            Api::Png => Format::Png,
            Api::Pdf => Format::Pdf,
            Api::Html => Format::Html,
            Api::Graphml => Format::Graphml,
            Api::Gexf => Format::Gexf,
            Api::Json => Format::Json,
            Api::Ron => Format::Ron,
            Api::Tsv => Format::Tsv,
            Api::Csv => Format::Csv,
        })
    }
}

/// Who draws the SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RendererArg {
    /// Graphviz when installed, else built-in.
    Auto,
    /// Graphviz (an error when it is not installed).
    Graphviz,
    /// The built-in pure-Rust renderer.
    Builtin,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// Layered.
    Dot,
    /// Spring model.
    Neato,
    /// Force-directed with clusters.
    Fdp,
    /// Circular.
    Circo,
    /// Multiscale force-directed, for large graphs.
    Sfdp,
}

/// What to group nodes by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterBy {
    /// Leaders, officials and territories inside their country's box.
    Country,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The model: a .ron model, or an edge list (.tsv, .csv, .txt).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format. Default: from the extension of -o, else dot.
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Where to write (written atomically; a folder for neo4j). Default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filters: Filters,
    /// Draw only the neighbourhood of this node (id, name or alias).
    #[arg(long, value_name = "NODE")]
    focus: Option<String>,
    /// With --focus: how many steps out.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Draw the best path between two nodes bold on top of the diagram.
    #[arg(long = "highlight-path", num_args = 2, value_names = ["FROM", "TO"])]
    highlight_path: Option<Vec<String>>,
    /// How --highlight-path scores and constrains the path (as `relgraph path`).
    #[command(flatten)]
    ranking: super::path::Ranking,
    /// Follow edge direction for --focus, --highlight-path and --size-by.
    #[arg(long)]
    directed: bool,
    /// Size nodes by a centrality measure (any of `centrality --measure`), or by
    /// `influence` on the node given with --on.
    #[arg(long = "size-by", value_name = "MEASURE", value_parser = parse_size_by)]
    size_by: Option<SizeBy>,
    /// With --size-by influence: the node whose influencers are drawn large.
    #[arg(long, value_name = "NODE")]
    on: Option<String>,
    /// Label edges with their dates too.
    #[arg(long)]
    dates: bool,
    /// Leave edge labels out.
    #[arg(long = "no-edge-labels")]
    no_edge_labels: bool,
    /// Built-in renderer: draw every tie as its own line instead of one bundle per pair.
    #[arg(long = "no-bundle")]
    no_bundle: bool,
    /// Leave the legend out.
    #[arg(long = "no-legend")]
    no_legend: bool,
    /// Group nodes in boxes.
    #[arg(long = "cluster-by", value_enum, value_name = "WHAT")]
    cluster_by: Option<ClusterBy>,
    /// A RON theme file (see docs/theme.md). Default: the shipped theme.
    #[arg(long, value_name = "FILE")]
    theme: Option<PathBuf>,
    /// Who draws the SVG. Default: Graphviz when installed, else built-in.
    #[arg(long, value_enum, default_value_t = RendererArg::Auto)]
    renderer: RendererArg,
    /// Graphviz layout engine. Default: dot for small graphs, sfdp for large ones.
    #[arg(long, value_enum)]
    layout: Option<LayoutArg>,
    /// After writing an SVG, PNG or PDF diagram, print its edge crossings, label and node
    /// overlaps, area and aspect ratio (measured from the SVG, whoever drew it). Needs -o.
    #[arg(long)]
    stats: bool,
    /// PNG only: pixels per SVG pixel. Default: 2 (sharp on high-density screens and in print).
    #[arg(long, value_name = "FACTOR", conflicts_with = "dpi")]
    scale: Option<f64>,
    /// PNG only: resolution, taking the SVG's pixel as 1/96 inch (192 dpi is --scale 2).
    #[arg(long, value_name = "DPI")]
    dpi: Option<f64>,
    /// Stop Graphviz after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    timeout: u64,
    /// Keep running and export again whenever the model file is saved (needs -o); a save
    /// with errors reports them and leaves the last good output. Ctrl-C stops.
    #[arg(long)]
    watch: bool,
}

impl ExportArgs {
    /// Whether the export follows the model file (`--watch`).
    pub fn watches(&self) -> bool {
        self.watch
    }
}

/// What sizes the nodes.
#[derive(Debug, Clone, Copy)]
pub enum SizeBy {
    /// A centrality measure.
    Measure(crate::analysis::centrality::Measure),
    /// Strongest influence on the node named by --on.
    Influence,
}

fn parse_size_by(text: &str) -> Result<SizeBy, String> {
    if text.eq_ignore_ascii_case("influence") {
        return Ok(SizeBy::Influence);
    }
    text.parse()
        .map(SizeBy::Measure)
        .map_err(|_| format!("unknown measure `{text}`; give a centrality measure or `influence`"))
}

/// Writes a model to `path` in the format its extension names, else in the input's format
/// (RON when neither says).
pub fn write_model(model: &Model, path: &Path, input: &Path) -> Result<(), Failure> {
    crate::io::atomic::refuse_overwrite(path, &[input])?;
    let format = Format::from_path(path).or_else(|| Format::from_path(input)).unwrap_or(Format::Ron);
    let text = match format {
        Format::Graphml => crate::io::graphml::write(model),
        Format::Gexf => crate::io::gexf::write(model),
        Format::Json => crate::io::json::write(model),
        Format::Tsv => crate::io::edgelist::write(model, '\t'),
        Format::Csv => crate::io::edgelist::write(model, ','),
        _ => crate::io::ron::to_string(model),
    };
    crate::io::atomic::write(path, text.as_bytes())?;
    Ok(())
}

/// The model to draw: filtered, then focused.
fn selected(args: &ExportArgs) -> Result<Model, Failure> {
    let model = args.filters.apply(input::load_any(&args.file)?)?;
    let Some(focus) = &args.focus else { return Ok(model) };
    let center = input::node(&model, focus)?;
    let view = view(&model, args);
    Ok(structure::ego(&model, &view, center, args.depth, Direction::Both))
}

/// The analysis view for --focus, --highlight-path and --size-by (edge lists read strictly
/// as source → target with --directed, as in the analysis commands).
fn view(model: &Model, args: &ExportArgs) -> GraphView {
    let options = if args.directed {
        ViewOptions::directed().with_strict_direction(input::is_edge_list(&args.file))
    } else {
        ViewOptions::undirected()
    };
    GraphView::new(model, &options)
}

/// The diagram options: labels, legend, clusters, highlight, sizes.
fn diagram(args: &ExportArgs, model: &Model) -> Result<DotOptions, Failure> {
    let mut options = DotOptions::new()
        .with_dates(args.dates)
        .with_edge_labels(!args.no_edge_labels)
        .with_cluster_by_country(args.cluster_by == Some(ClusterBy::Country));
    if args.no_legend {
        options = options.with_legend(false);
    }
    if let Some(ends) = &args.highlight_path {
        let (Some(from), Some(to)) = (ends.first(), ends.get(1)) else {
            return Err(Failure::usage("--highlight-path needs FROM and TO"));
        };
        let (from, to) = (input::node(model, from)?, input::node(model, to)?);
        let query = args.ranking.query(model)?;
        let search = if args.ranking.strongest() {
            args.ranking.profile.channels(model, &args.file, args.directed)?
        } else {
            view(model, args)
        };
        let paths = path::k_shortest_paths(model, &search, from, to, args.ranking.k, &query).map_err(Failure::input)?;
        if paths.is_empty() {
            let graph = model.graph();
            let message = format!("no path from {} to {} to highlight", graph[from].name, graph[to].name);
            return Err(Failure::input(message));
        }
        let nodes = paths.iter().flat_map(|p| p.nodes.iter().copied());
        let edges: Vec<_> = paths.iter().flat_map(|p| p.edges.iter().copied()).collect();
        if args.ranking.strongest() {
            let mut notes = BTreeMap::new();
            for p in &paths {
                let read = influence::describe(&search, p.clone());
                for (e, s) in read.path.edges.iter().zip(&read.steps) {
                    notes.insert(*e, format!("{s:.2}"));
                }
            }
            options = options.with_edge_notes(notes);
        }
        options = options.with_highlight(nodes, edges);
    }
    match (args.size_by, &args.on) {
        (Some(SizeBy::Measure(measure)), _) => {
            let scores = analyse::scores(measure, &view(model, args), &Default::default())?;
            let by_id: BTreeMap<String, f64> =
                scores.ranked(model).into_iter().map(|(id, s)| (id.to_owned(), s)).collect();
            options = options.with_size_by(by_id);
        }
        (Some(SizeBy::Influence), Some(on)) => {
            let target = input::node(model, on)?;
            let channels = args.ranking.profile.channels(model, &args.file, args.directed)?;
            let ranking = influence::rank(&channels, influence::Toward::On(target), influence::Method::Strongest)
                .map_err(Failure::input)?;
            let graph = model.graph();
            let mut by_id: BTreeMap<String, f64> =
                ranking.rows.iter().filter_map(|r| Some((graph.node_weight(r.node)?.id.clone(), r.score))).collect();
            // The target itself is drawn at the largest size.
            by_id.insert(graph[target].id.clone(), 1.0);
            options = options.with_size_by(by_id);
        }
        (Some(SizeBy::Influence), None) => return Err(Failure::usage("--size-by influence needs --on NODE")),
        (None, _) => {}
    }
    Ok(options)
}

fn layout(arg: LayoutArg) -> Layout {
    match arg {
        LayoutArg::Dot => Layout::Dot,
        LayoutArg::Neato => Layout::Neato,
        LayoutArg::Fdp => Layout::Fdp,
        LayoutArg::Circo => Layout::Circo,
        LayoutArg::Sfdp => Layout::Sfdp,
    }
}

/// Runs `export`, once or, with `--watch`, on every save.
pub fn export(args: &ExportArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    if !args.watch {
        return export_once(args, out);
    }
    if args.output.is_none() {
        return Err(Failure::usage("--watch needs an output file (-o FILE)"));
    }
    super::watch::run(&args.file, &mut |out| export_once(args, out))
}

fn export_once(args: &ExportArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let format = args.format.or_else(|| args.output.as_deref().and_then(Format::from_path)).unwrap_or(Format::Dot);
    if let Some(output) = &args.output {
        crate::io::atomic::refuse_overwrite(output, &[&args.file])?;
    }
    if args.stats && (args.output.is_none() || !matches!(format, Format::Svg | Format::Png | Format::Pdf)) {
        return Err(Failure::usage("--stats measures an SVG, PNG or PDF diagram written with -o FILE"));
    }
    if format == Format::Html {
        return html(args, out);
    }
    let model = selected(args)?;
    let text = match format {
        Format::Dot | Format::Svg | Format::Png | Format::Pdf => {
            let theme = match &args.theme {
                Some(path) => Theme::load(path).map_err(Failure::input)?,
                None => Theme::default(),
            };
            let mut diagram = diagram(args, &model)?;
            if let Some(l) = args.layout {
                diagram = diagram.with_layout(layout(l));
            }
            if format == Format::Dot {
                dot::to_dot(&model, &diagram, &theme)
            } else {
                let raster = matches!(format, Format::Png | Format::Pdf);
                let renderer = match args.renderer {
                    // PNG and PDF come from the built-in SVG, whose text fits the bundled font.
                    RendererArg::Auto if raster => Renderer::Builtin,
                    RendererArg::Auto => Renderer::Auto,
                    RendererArg::Graphviz => Renderer::Graphviz,
                    RendererArg::Builtin => Renderer::Builtin,
                };
                let mut options = SvgOptions::new()
                    .with_diagram(diagram)
                    .with_renderer(renderer)
                    .with_bundle(!args.no_bundle)
                    .with_timeout(Duration::from_secs(args.timeout));
                if let Some(id) = focus_id(args, &model) {
                    options = options.with_focus(id);
                    if options.renderer == Renderer::Builtin || raster {
                        // The focus view keeps the whole drawing's directions.
                        let whole = args.filters.apply(input::load_any(&args.file)?)?;
                        let plain = DotOptions::new()
                            .with_edge_labels(!args.no_edge_labels)
                            .with_cluster_by_country(args.cluster_by == Some(ClusterBy::Country));
                        options = options.with_reference(svg::node_positions(&whole, &plain, &theme));
                    }
                }
                if let Some(l) = args.layout {
                    options = options.with_layout(layout(l));
                }
                let picture = svg::render(&model, &options, &theme).map_err(Failure::input)?;
                let measured = if args.stats { Some(stats::measure(&picture).map_err(Failure::input)?) } else { None };
                let finish = |bytes: &[u8], out: &mut Vec<u8>| {
                    finish(args, &model, bytes, out)?;
                    if let Some(m) = &measured {
                        out.extend(m.to_string().into_bytes());
                    }
                    Ok(())
                };
                let bytes = match format {
                    Format::Png => raster::to_png(&picture, png_scale(args)?).map_err(Failure::input)?,
                    Format::Pdf => raster::to_pdf(&picture).map_err(Failure::input)?,
                    _ => picture.into_bytes(),
                };
                return finish(&bytes, out);
            }
        }
        Format::Graphml => crate::io::graphml::write(&model),
        Format::Gexf => crate::io::gexf::write(&model),
        Format::Json => crate::io::json::write(&model),
        Format::Ron | Format::Html => crate::io::ron::to_string(&model),
        Format::Tsv => crate::io::edgelist::write(&model, '\t'),
        Format::Csv => crate::io::edgelist::write(&model, ','),
        Format::Neo4j => {
            let Some(dir) = &args.output else {
                return Err(Failure::usage("--format neo4j writes a folder: give it with -o DIR"));
            };
            crate::io::neo4j::write_dir(&model, dir)?;
            out.extend(format!("wrote Neo4j import files to {}\n", dir.display()).into_bytes());
            return Ok(());
        }
    };
    finish(args, &model, text.as_bytes(), out)
}

/// The id of the --focus node, to centre the drawing on.
fn focus_id(args: &ExportArgs, model: &Model) -> Option<String> {
    let index = input::node(model, args.focus.as_deref()?).ok()?;
    Some(model.graph()[index].id.clone())
}

/// The PNG scale from --scale or --dpi (default 2).
fn png_scale(args: &ExportArgs) -> Result<f64, Failure> {
    let scale = match (args.scale, args.dpi) {
        (Some(scale), _) => scale,
        (None, Some(dpi)) => dpi / 96.0,
        (None, None) => 2.0,
    };
    if !scale.is_finite() || scale <= 0.0 || scale > 16.0 {
        return Err(Failure::usage("--scale must be above 0 and at most 16 (--dpi above 0 and at most 1536)"));
    }
    Ok(scale)
}

/// Writes `bytes` to -o (atomically, with a one-line note) or to standard output.
fn finish(args: &ExportArgs, model: &Model, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), Failure> {
    match &args.output {
        Some(path) => {
            crate::io::atomic::write(path, bytes)?;
            let line =
                format!("wrote {} ({} nodes, {} edges)\n", path.display(), model.node_count(), model.edge_count());
            out.extend(line.into_bytes());
        }
        None => out.extend_from_slice(bytes),
    }
    Ok(())
}

/// Runs `export --format html`: the whole date range stays in the page (`--at` only sets the
/// date it opens on), and ties keep their position in the file as `data-edge`.
fn html(args: &ExportArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let file = input::load_any(&args.file)?;
    let mut filters = args.filters.clone();
    filters.at = None;
    let mut model = filters.apply(file.clone())?;
    if let Some(focus) = &args.focus {
        let center = input::node(&model, focus)?;
        model = structure::ego(&model, &view(&model, args), center, args.depth, Direction::Both);
    }
    let theme = match &args.theme {
        Some(path) => Theme::load(path).map_err(Failure::input)?,
        None => Theme::default(),
    };
    let options = HtmlOptions::new()
        .with_diagram(diagram(args, &model)?)
        .with_at(args.filters.at)
        .with_edge_numbers(html::edge_numbers(&file, &model));
    let page = html::render(&model, &options, &theme);
    match &args.output {
        Some(path) => {
            crate::io::atomic::write(path, page.as_bytes())?;
            let line =
                format!("wrote {} ({} nodes, {} edges)\n", path.display(), model.node_count(), model.edge_count());
            out.extend(line.into_bytes());
        }
        None => out.extend(page.into_bytes()),
    }
    Ok(())
}
