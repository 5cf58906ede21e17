//! `relgraph export` (diagrams and interchange formats).

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};

use super::args::{FileArg, Filters, Ranking};
use super::Failure;
use crate::api::{self, Drawn, Layout, Measure, Renderer, SizeBy};

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
    /// The library's format (every one but Neo4j, a folder).
    fn api(self) -> api::Format {
        use api::Format as Api;
        match self {
            Format::Dot => Api::Dot,
            Format::Svg => Api::Svg,
            Format::Png => Api::Png,
            Format::Pdf => Api::Pdf,
            Format::Html => Api::Html,
            Format::Graphml => Api::Graphml,
            Format::Gexf => Api::Gexf,
            Format::Json | Format::Neo4j => Api::Json,
            Format::Ron => Api::Ron,
            Format::Tsv => Api::Tsv,
            Format::Csv => Api::Csv,
        }
    }

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
    #[command(flatten)]
    file: FileArg,
    /// Output format. Default: from the extension of -o, else dot.
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Where to write (written atomically; a folder for neo4j). Default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filters: Filters,
    /// With --at more than once: panels per row of the small multiple. Default: all in one row.
    #[arg(long, value_name = "N")]
    columns: Option<usize>,
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
    ranking: Ranking,
    /// Follow edge direction for --focus, --highlight-path and --size-by.
    #[arg(long)]
    directed: bool,
    /// Size nodes by a centrality measure (any of `centrality --measure`), or by
    /// `influence` on the node given with --on.
    #[arg(long = "size-by", value_name = "MEASURE", value_parser = parse_size_by)]
    size_by: Option<SizeByArg>,
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
    /// What to draw: the node-link `graph`, or the adjacency `matrix` (rows and columns
    /// ordered so that tied nodes sit together, cells coloured by polarity; SVG, PNG, PDF).
    #[arg(long, value_enum, default_value_t = ViewArg::Graph)]
    view: ViewArg,
    /// Built-in renderer and HTML map: draw the nodes a positions file names exactly where
    /// it puts them (see `relgraph layout`, or the map's Download positions), placing new
    /// nodes around them. Default: MODEL.layout.ron beside the model when there is one
    /// (`relgraph layout MODEL -o MODEL.layout.ron` keeps the picture of every later
    /// edit), else a fresh layout, and views (--at, filters) at the positions of the whole
    /// model's layout.
    #[arg(long, value_name = "FILE", conflicts_with = "fresh_layout")]
    positions: Option<PathBuf>,
    /// With --positions (or the MODEL.layout.ron found beside the model): write the file
    /// back with the new nodes added.
    #[arg(long)]
    update: bool,
    /// Lay the model out afresh even when MODEL.layout.ron is beside it.
    #[arg(long)]
    fresh_layout: bool,
    /// Leave out nodes with no tie in the view. Default: on with --at, off otherwise.
    #[arg(long = "drop-isolated", overrides_with = "keep_isolated")]
    drop_isolated: bool,
    /// Keep nodes with no tie in the view (see --drop-isolated).
    #[arg(long = "keep-isolated")]
    keep_isolated: bool,
    /// Keep running and export again whenever the model file is saved (needs -o); a save
    /// with errors reports them and leaves the last good output. Ctrl-C stops.
    #[arg(long)]
    watch: bool,
}

/// What `--view` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ViewArg {
    /// Nodes and ties.
    Graph,
    /// The adjacency matrix.
    Matrix,
}

impl ExportArgs {
    /// Whether the export follows the model file (`--watch`).
    pub fn watches(&self) -> bool {
        self.watch
    }
}

/// What sizes the nodes.
#[derive(Debug, Clone, Copy)]
pub enum SizeByArg {
    /// A centrality measure.
    Measure(Measure),
    /// Strongest influence on the node named by --on.
    Influence,
}

fn parse_size_by(text: &str) -> Result<SizeByArg, String> {
    if text.eq_ignore_ascii_case("influence") {
        return Ok(SizeByArg::Influence);
    }
    text.parse()
        .map(SizeByArg::Measure)
        .map_err(|_| format!("unknown measure `{text}`; give a centrality measure or `influence`"))
}

/// The drawing these arguments ask for: the filtered selection, focus, highlighted
/// paths, sizes, labels, theme and renderer.
fn drawing<'m>(args: &ExportArgs, input: &'m api::Input) -> Result<api::Drawing<'m>, Failure> {
    // Several dates are panels of one figure; the selection keeps the other filters.
    let panels = args.filters.at.len() > 1;
    let filters =
        if panels { super::args::Filters { at: Vec::new(), ..args.filters.clone() } } else { args.filters.clone() };
    let mut selection = args.ranking.profile.apply(filters.select(input)?)?;
    if args.directed {
        selection = selection.directed(input.is_edge_list());
    }
    let mut drawing = selection
        .drawing()
        .with_dates(args.dates)
        .with_edge_labels(!args.no_edge_labels)
        .with_legend(!args.no_legend)
        .with_cluster_by_country(args.cluster_by == Some(ClusterBy::Country))
        .with_bundle(!args.no_bundle)
        .with_timeout(Duration::from_secs(args.timeout))
        .with_renderer(match args.renderer {
            RendererArg::Auto => Renderer::Auto,
            RendererArg::Graphviz => Renderer::Graphviz,
            RendererArg::Builtin => Renderer::Builtin,
        });
    if let Some(focus) = &args.focus {
        drawing = drawing.with_focus(focus, args.depth);
    }
    if let Some(ends) = &args.highlight_path {
        let (Some(from), Some(to)) = (ends.first(), ends.get(1)) else {
            return Err(Failure::usage("--highlight-path needs FROM and TO"));
        };
        drawing = drawing.with_highlight(args.ranking.search(&selection, from, to));
    }
    match (args.size_by, &args.on) {
        (Some(SizeByArg::Measure(measure)), _) => drawing = drawing.with_size_by(SizeBy::Measure(measure)),
        (Some(SizeByArg::Influence), Some(on)) => drawing = drawing.with_size_by(SizeBy::InfluenceOn(on.clone())),
        (Some(SizeByArg::Influence), None) => return Err(Failure::usage("--size-by influence needs --on NODE")),
        (None, _) => {}
    }
    if let Some(path) = &args.theme {
        drawing = drawing.with_theme(api::load_theme(path).map_err(Failure::input)?);
    }
    if let Some(l) = args.layout {
        drawing = drawing.with_layout(layout(l));
    }
    if let Some(path) = positions_file(args)? {
        drawing = drawing.with_positions_file(&path, args.update);
    }
    if args.drop_isolated || args.keep_isolated {
        drawing = drawing.with_drop_isolated(args.drop_isolated);
    }
    if panels {
        let dates = args.filters.at.clone();
        drawing = drawing.with_panels(dates.clone(), args.columns.unwrap_or(dates.len()));
    }
    Ok(drawing.with_matrix(args.view == ViewArg::Matrix))
}

/// The positions file to draw with: --positions, else MODEL.layout.ron beside the model
/// when there is one and the drawing can use it (the built-in renderer's SVG, PNG and PDF
/// node-link views, and the map), announced on standard error.
fn positions_file(args: &ExportArgs) -> Result<Option<PathBuf>, Failure> {
    if let Some(path) = &args.positions {
        return Ok(Some(path.clone()));
    }
    let format = args.format.or_else(|| args.output.as_deref().and_then(Format::from_path));
    let drawn = matches!(format, Some(Format::Svg | Format::Png | Format::Pdf | Format::Html));
    let beside = beside(&args.file.file).filter(|path| path.is_file());
    let usable = drawn && args.view == ViewArg::Graph && args.renderer != RendererArg::Graphviz;
    match beside {
        Some(path) if usable && !args.fresh_layout => {
            eprintln!(
                "relgraph: note: drawing at the positions in {} (new nodes placed around them; \
                 --fresh-layout ignores the file)",
                path.display()
            );
            Ok(Some(path))
        }
        _ if args.update => Err(Failure::usage(
            "--update writes back a positions file: give it with --positions FILE (or keep MODEL.layout.ron beside the model)",
        )),
        _ => Ok(None),
    }
}

/// MODEL.layout.ron for the model file MODEL.ron (or MODEL.tsv …): where `relgraph layout`
/// is told to keep a model's positions.
fn beside(model: &std::path::Path) -> Option<PathBuf> {
    let stem = model.file_stem()?.to_str()?;
    Some(model.with_file_name(format!("{stem}.layout.ron")))
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
    super::watch::run(&args.file.paths(), &mut |out| export_once(args, out))
}

fn export_once(args: &ExportArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let format = args.format.or_else(|| args.output.as_deref().and_then(Format::from_path)).unwrap_or(Format::Dot);
    if let Some(output) = &args.output {
        api::refuse_overwrite(output, &args.file.paths())?;
    }
    if args.stats && (args.output.is_none() || !matches!(format, Format::Svg | Format::Png | Format::Pdf)) {
        return Err(Failure::usage("--stats measures an SVG, PNG or PDF diagram written with -o FILE"));
    }
    if args.filters.at.len() > 1 {
        if !matches!(format, Format::Svg | Format::Png | Format::Pdf) {
            return Err(Failure::usage("--at more than once draws small multiples: SVG, PNG or PDF"));
        }
        if args.focus.is_some() || args.highlight_path.is_some() || args.view == ViewArg::Matrix {
            return Err(Failure::usage(
                "small multiples (--at more than once) take no --focus, --highlight-path or --view matrix",
            ));
        }
        if args.renderer == RendererArg::Graphviz {
            return Err(Failure::usage("small multiples (--at more than once) are drawn by the built-in renderer"));
        }
    }
    let input = args.file.open()?;
    let drawing = drawing(args, &input)?;
    let drawn = match format {
        Format::Html => drawing.html().map_err(failure)?,
        Format::Neo4j => {
            let Some(dir) = &args.output else {
                return Err(Failure::usage("--format neo4j writes a folder: give it with -o DIR"));
            };
            drawing.write_neo4j(dir)?;
            out.extend(format!("wrote Neo4j import files to {}\n", dir.display()).into_bytes());
            return Ok(());
        }
        Format::Png => {
            drawing.with_stats(args.stats).with_scale(png_scale(args)?).draw(api::Format::Png).map_err(failure)?
        }
        other => drawing.with_stats(args.stats).draw(other.api()).map_err(failure)?,
    };
    finish(args, &drawn, out)
}

/// Diagrams that cannot be drawn are bad input, but a positions file given to Graphviz is a
/// misuse of the options; other failures keep their class.
fn failure(error: crate::Error) -> Failure {
    match error {
        e if e.is_misuse() => Failure::usage(e),
        e @ crate::Error::Export(_) => Failure::input(e),
        other => Failure::from(other),
    }
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

/// Writes what was drawn to -o (atomically, with a one-line note, and the layout
/// statistics when asked) or to standard output.
fn finish(args: &ExportArgs, drawn: &Drawn, out: &mut Vec<u8>) -> Result<(), Failure> {
    match &args.output {
        Some(path) => {
            api::write_atomically(path, &drawn.bytes)?;
            let line = format!("wrote {} ({} nodes, {} edges)\n", path.display(), drawn.nodes, drawn.edges);
            out.extend(line.into_bytes());
        }
        None => out.extend_from_slice(&drawn.bytes),
    }
    if let Some(stats) = &drawn.stats {
        out.extend(stats.as_bytes());
    }
    Ok(())
}
