//! SVG diagrams, drawn by Graphviz or by the built-in renderer.
//!
//! The built-in renderer needs nothing installed: it sizes each node's box to its label
//! (measured with the bundled font, [`super::font`]), lays the graph out with
//! [`super::layout`] (stress majorization, overlap removal, crossing reduction, component
//! packing) — or, with a focus node, in rings around it — and draws country clusters as
//! rounded hulls behind their members. Ties between the same two nodes are bundled by
//! default (see `bundle.rs`: one strand per polarity, width by count, one compact label, a
//! tooltip listing every tie with its dates); unbundled, parallel edges fan out as bows.
//!
//! Edge labels are placed most important first (highlighted, then the pairs with the most
//! ties), each at the spot along its line — on it or moved sideways by less than its own
//! reach, so it always touches the line — that covers no node and no placed label and
//! crosses the fewest other lines (each spot is tested only against the nodes, labels and
//! line segments near it, found in a uniform grid: `grid.rs`). When more than two labels
//! find no such spot, the nodes are spread out and the labels placed again (up to three
//! times); the labels still without a spot (and, on graphs of over 1,500 labelled lines,
//! all but the 1,500 most important, which no spreading would place) are left out and
//! counted in a note under the legend. So no label ever overlaps another label or a
//! node; [`super::stats`] measures this from the SVG. Labels go under the nodes and over the
//! edges, with a white halo. Then the legend and the title. All text is escaped
//! ([`super::escape`]); the output is well-formed XML with no scripts, links or event
//! attributes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

mod avoid;
mod label;
mod legend;

use super::bundle::{self, Line};
use super::dot::{to_dot, DotOptions};
use super::error::ExportError;
use super::escape::xml_text;
use super::focus;
use super::geometry::{convex_hull, Curve, Point};
use super::graphviz::{self, Layout, DEFAULT_TIMEOUT};
use super::layout::{layout, LayoutParams};
use super::pin;
use super::route::Route;
use super::scene::{Scene, SceneNode};
use super::shape::{box_size, shape_svg, text_size, write_lines};
use super::theme::{LineStyle, Shape, Theme};
use crate::model::Model;

/// Which renderer draws the SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Renderer {
    /// Graphviz when the layout engine's program is on PATH, else the built-in renderer.
    #[default]
    Auto,
    /// Graphviz; fails with [`ExportError::GraphvizNotFound`] when it is not installed.
    Graphviz,
    /// The built-in pure-Rust renderer.
    Builtin,
}

/// Options for [`render`]: what to draw ([`DotOptions`]) and how.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SvgOptions {
    /// What to draw: labels, dates, clusters, highlight, sizes, legend.
    pub diagram: DotOptions,
    /// Who draws. Default: [`Renderer::Auto`].
    pub renderer: Renderer,
    /// Graphviz engine; `None` picks by size ([`Layout::for_size`]).
    pub layout: Option<Layout>,
    /// Time limit for Graphviz. Default: 60 s.
    pub timeout: Duration,
    /// Built-in renderer: draw the ties between two nodes as one bundle. Default: true.
    pub bundle: bool,
    /// Built-in renderer: the id of the node to put in the centre, its neighbours in rings
    /// around it by distance. Default: none.
    pub focus: Option<String>,
    /// Built-in renderer, with a focus: node positions of the whole model (from
    /// [`node_positions`]) whose directions around the focus the rings keep. Default: none
    /// (the directions of this model's own layout).
    pub reference: Option<BTreeMap<String, Point>>,
    /// Built-in renderer, without a focus: node positions by id (from a positions file, or
    /// from the layout of the whole model this view is part of) that the nodes named there
    /// keep exactly; the others are placed around them (`export::pin`). The drawing as a
    /// whole may still be shifted, and spread out uniformly to make room for labels.
    /// Default: none (a fresh layout).
    pub positions: Option<BTreeMap<String, Point>>,
    /// Whether the nodes named in [`SvgOptions::positions`] stay exactly there (a positions
    /// file), or only near (a view drawn at its whole model's positions, whose nodes may be
    /// larger than in the whole drawing and are then pushed apart just enough). Default: exactly.
    pub positions_exact: bool,
    /// Whether the nodes may be spread out to make room for edge labels (labels that find
    /// no room are left out otherwise). Default: on; off for panels that must line up.
    pub spread: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            diagram: DotOptions::default(),
            renderer: Renderer::Auto,
            layout: None,
            timeout: DEFAULT_TIMEOUT,
            bundle: true,
            focus: None,
            reference: None,
            positions: None,
            positions_exact: true,
            spread: true,
        }
    }
}

impl SvgOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// What to draw.
    pub fn with_diagram(mut self, diagram: DotOptions) -> Self {
        self.diagram = diagram;
        self
    }
    /// Who draws.
    pub fn with_renderer(mut self, renderer: Renderer) -> Self {
        self.renderer = renderer;
        self
    }
    /// The Graphviz engine.
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }
    /// Bundle the ties between two nodes (built-in renderer; on by default).
    pub fn with_bundle(mut self, on: bool) -> Self {
        self.bundle = on;
        self
    }
    /// Centre the drawing on the node with this id (built-in renderer).
    pub fn with_focus(mut self, id: impl Into<String>) -> Self {
        self.focus = Some(id.into());
        self
    }
    /// With a focus, keep the directions of these whole-model positions (see [`node_positions`]).
    pub fn with_reference(mut self, positions: BTreeMap<String, Point>) -> Self {
        self.reference = Some(positions);
        self
    }
    /// Keep the nodes named here at these positions (see [`SvgOptions::positions`]).
    pub fn with_positions(mut self, positions: BTreeMap<String, Point>) -> Self {
        self.positions = Some(positions);
        self.positions_exact = true;
        self
    }
    /// Let the nodes spread out for edge labels (see [`SvgOptions::spread`]).
    pub fn with_spread(mut self, on: bool) -> Self {
        self.spread = on;
        self
    }
    /// Keep the nodes named here near these positions, pushing apart only boxes that would
    /// overlap (see [`SvgOptions::positions_exact`]).
    pub fn with_positions_near(mut self, positions: BTreeMap<String, Point>) -> Self {
        self.positions = Some(positions);
        self.positions_exact = false;
        self
    }
    /// Time limit for Graphviz.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
    /// Highlight these nodes and edges (see [`DotOptions::with_highlight`]).
    pub fn with_highlight(
        mut self,
        nodes: impl IntoIterator<Item = petgraph::graph::NodeIndex>,
        edges: impl IntoIterator<Item = petgraph::graph::EdgeIndex>,
    ) -> Self {
        self.diagram = self.diagram.with_highlight(nodes, edges);
        self
    }
    /// Size nodes by a score per node id (see [`DotOptions::with_size_by`]).
    pub fn with_size_by(mut self, scores: BTreeMap<String, f64>) -> Self {
        self.diagram = self.diagram.with_size_by(scores);
        self
    }
    /// Draw leaders, persons and territories inside their country's box.
    pub fn with_cluster_by_country(mut self, on: bool) -> Self {
        self.diagram = self.diagram.with_cluster_by_country(on);
        self
    }
    /// Label edges with their dates.
    pub fn with_dates(mut self, on: bool) -> Self {
        self.diagram = self.diagram.with_dates(on);
        self
    }
}

/// Draws `model` as SVG.
///
/// With [`Renderer::Auto`], Graphviz is used when the engine's program is on PATH and the
/// built-in renderer otherwise; errors come only from Graphviz (not found, failed, timed out).
pub fn render(model: &Model, options: &SvgOptions, theme: &Theme) -> Result<String, ExportError> {
    let engine = options.layout.unwrap_or_else(|| Layout::for_size(model.node_count(), model.edge_count()));
    let use_graphviz = match options.renderer {
        Renderer::Auto => graphviz::find(engine).is_some(),
        Renderer::Graphviz => true,
        Renderer::Builtin => false,
    };
    if use_graphviz {
        let dot = to_dot(model, &options.diagram.clone().with_layout(engine), theme);
        graphviz::to_svg(&dot, engine, options.timeout)
    } else {
        Ok(builtin(model, options, theme))
    }
}

/// Draws `model` as SVG with the built-in renderer, ties bundled; never fails.
pub fn render_builtin(model: &Model, options: &DotOptions, theme: &Theme) -> String {
    builtin(model, &SvgOptions::new().with_diagram(options.clone()), theme)
}

fn builtin(model: &Model, options: &SvgOptions, theme: &Theme) -> String {
    builtin_framed(model, options, theme).0
}

/// Draws `model` with the built-in renderer and tells where the layout's origin lands in
/// the SVG: a node placed at `p` (say from [`SvgOptions::positions`]) is drawn at `p + origin`.
/// Small multiples line their panels up by it.
pub fn builtin_framed(model: &Model, options: &SvgOptions, theme: &Theme) -> (String, Point) {
    let scene = Scene::new(model, &options.diagram, theme);
    let reference: Vec<Option<Point>> = match &options.reference {
        Some(by_id) => model.graph().node_weights().map(|n| by_id.get(&n.id).copied()).collect(),
        None => Vec::new(),
    };
    let focus = options.focus.as_deref().and_then(|id| model.index_of(id)).map(|i| (i.index(), reference.as_slice()));
    let pinned = match (&options.positions, focus) {
        (Some(by_id), None) => pinned(model, by_id),
        _ => Vec::new(),
    };
    let spread = if options.spread { SPREAD_ATTEMPTS } else { 0 };
    Drawing::new(&scene, theme, options.bundle, focus, (&pinned, options.positions_exact), spread).to_svg()
}

/// The given position of every node of `model`, by index (`None` where the map names none).
fn pinned(model: &Model, by_id: &BTreeMap<String, Point>) -> Vec<Option<Point>> {
    model.graph().node_weights().map(|n| by_id.get(&n.id).copied()).collect()
}

/// Where the built-in renderer puts each node of `model` (centres by node id, in pixels),
/// before any focus: pass them to a focus view of a part of the model
/// ([`SvgOptions::with_reference`]) so that it keeps the whole drawing's directions.
pub fn node_positions(model: &Model, options: &DotOptions, theme: &Theme) -> BTreeMap<String, Point> {
    node_positions_around(model, options, theme, &BTreeMap::new())
}

/// Like [`node_positions`], keeping the nodes named in `pinned` exactly there and placing
/// the others around them (see [`SvgOptions::positions`]): what a positions file holds
/// after the model gained nodes.
pub fn node_positions_around(
    model: &Model,
    options: &DotOptions,
    theme: &Theme,
    pinned: &BTreeMap<String, Point>,
) -> BTreeMap<String, Point> {
    let scene = Scene::new(model, options, theme);
    let placed = node_layout(&scene, theme, (&self::pinned(model, pinned), true));
    model.graph().node_weights().zip(placed.pos).map(|(n, p)| (n.id.clone(), p)).collect()
}

/// Node boxes and centres, and the parameters they were laid out with.
struct NodeLayout {
    sizes: Vec<Point>,
    pos: Vec<Point>,
    edges: Vec<(usize, usize)>,
    edge_length: f64,
    padding: f64,
}

fn node_layout(scene: &Scene, theme: &Theme, (pinned, exact): (&[Option<Point>], bool)) -> NodeLayout {
    let sizes: Vec<Point> = scene
        .nodes
        .iter()
        .map(|n| {
            let font = theme.font_size * n.scale;
            box_size(theme.node(n.kind).shape, text_size(&n.label, font), font)
        })
        .collect();
    let edges: Vec<(usize, usize)> = scene.edges.iter().map(|e| (e.from, e.to)).collect();
    let groups = scene.cluster_of();
    let mut widths: Vec<f64> = sizes.iter().map(|s| s.x).collect();
    widths.sort_by(f64::total_cmp);
    let median = widths.get(widths.len() / 2).copied().unwrap_or(80.0);
    let label_room = if scene.edges.iter().any(|e| !e.label.is_empty()) { 70.0 } else { 30.0 };
    // Denser graphs get longer edges, so hubs' neighbourhoods have room for labels.
    let density = if sizes.is_empty() { 1.0 } else { (edges.len() as f64 / sizes.len() as f64 / 1.5).sqrt() };
    let edge_length = (median + label_room).max(110.0) * density.clamp(1.0, 1.6);
    let params = LayoutParams { edge_length, padding: 14.0, component_gap: 50.0 };
    let pos = if pinned.iter().any(Option::is_some) {
        pin::place(&sizes, &edges, &groups, pinned, &params, exact)
    } else {
        layout(&sizes, &edges, &groups, &params)
    };
    NodeLayout { sizes, pos, edges, edge_length, padding: params.padding }
}

const MARGIN: f64 = 24.0;

struct Drawing<'a> {
    scene: &'a Scene,
    theme: &'a Theme,
    /// Box size of every node.
    sizes: Vec<Point>,
    /// Centre of every node.
    pos: Vec<Point>,
    /// What is drawn for the edges: single edges or bundle strands ([`bundle`]).
    lines: Vec<Line>,
    /// Geometry of every line, routed around foreign nodes (`avoid.rs`).
    curves: Vec<Route>,
    /// Centre of every line's label, `None` when it has none or it was left out.
    label_at: Vec<Option<Point>>,
    /// Labels left out for lack of room.
    dropped: usize,
}

/// How many times the nodes are spread out to make room for edge labels.
const SPREAD_ATTEMPTS: usize = 3;
/// When no more labels than this lack a spot, stop spreading and leave them out.
const FEW_LABELS: usize = 2;
/// … or no more than one in this many lines' labels.
const FEW_LABELS_PER: usize = 50;
/// How far each spreading moves the nodes apart.
const SPREAD_FACTOR: f64 = 1.2;
/// Most labels placed; beyond this, the least important are left out.
const MAX_LABELS: usize = 1500;
/// Empty space kept between a label and any node or other label, in pixels.
const LABEL_GAP: f64 = 2.0;

impl<'a> Drawing<'a> {
    fn new(
        scene: &'a Scene,
        theme: &'a Theme,
        bundle: bool,
        focus: Option<(usize, &[Option<Point>])>,
        pinned: (&[Option<Point>], bool),
        spreads: usize,
    ) -> Self {
        let NodeLayout { sizes, mut pos, edges, edge_length, padding } = node_layout(scene, theme, pinned);
        if let Some((f, reference)) = focus.filter(|(f, _)| *f < pos.len()) {
            // The rings keep the whole-model layout's angles around the focus where known.
            if reference.len() == pos.len() && reference.iter().all(Option::is_some) {
                pos = reference.iter().map(|p| p.unwrap_or_default()).collect();
            }
            focus::radial(&mut pos, &sizes, &edges, f, edge_length, padding);
        }
        let lines = bundle::lines(scene, theme, bundle);
        let mut drawing =
            Drawing { scene, theme, sizes, pos, lines, curves: Vec::new(), label_at: Vec::new(), dropped: 0 };
        // When some edge labels find no free spot, spread the nodes out (their sizes stay)
        // and place the labels again, a few times at most; what still finds no spot is left
        // out, least important first, and counted under the legend.
        // How few is few grows with the drawing: on a large one, whether three labels or
        // four lack a spot depends on the details of the layout, and a spreading more or
        // less would scale the whole picture by a fifth for a small edit.
        let few = FEW_LABELS.max(drawing.lines.len() / FEW_LABELS_PER);
        for attempt in 0..=spreads {
            drawing.route_edges();
            let unplaced = drawing.place_labels();
            if unplaced <= few || attempt == spreads {
                break;
            }
            drawing.spread(SPREAD_FACTOR);
        }
        drawing
    }

    /// Moves every node away from the drawing's centre by `factor`.
    fn spread(&mut self, factor: f64) {
        let n = self.pos.len().max(1) as f64;
        let cx = self.pos.iter().map(|p| p.x).sum::<f64>() / n;
        let cy = self.pos.iter().map(|p| p.y).sum::<f64>() / n;
        for p in &mut self.pos {
            p.x = cx + (p.x - cx) * factor;
            p.y = cy + (p.y - cy) * factor;
        }
    }

    /// Where an edge from the centre of node `i` heading in direction (dx, dy) leaves its box.
    fn clip(&self, i: usize, towards: Point) -> Point {
        let c = self.pos[i];
        let (dx, dy) = (towards.x - c.x, towards.y - c.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-9 {
            return c;
        }
        let (ux, uy) = (dx / len, dy / len);
        let (hw, hh) = (self.sizes[i].x / 2.0, self.sizes[i].y / 2.0);
        let t = match self.theme.node(self.scene.nodes[i].kind).shape {
            Shape::Ellipse => 1.0 / ((ux / hw).powi(2) + (uy / hh).powi(2)).sqrt(),
            Shape::Diamond => 1.0 / (ux.abs() / hw + uy.abs() / hh),
            _ => (hw / ux.abs().max(1e-12)).min(hh / uy.abs().max(1e-12)),
        };
        let t = if t.is_finite() { t.min(len) } else { 0.0 };
        Point { x: c.x + ux * t, y: c.y + uy * t }
    }

    /// Straight lines; bundle strands side by side; unbundled parallel edges as symmetric bows.
    fn route_edges(&mut self) {
        let mut widest: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for l in &self.lines {
            let w = widest.entry((l.from.min(l.to), l.from.max(l.to))).or_insert(0.0);
            *w = w.max(l.width);
        }
        let mut curves = Vec::with_capacity(self.lines.len());
        for l in &self.lines {
            let (lo, hi) = (l.from.min(l.to), l.from.max(l.to));
            let offset = l.slot as f64 - (l.slots as f64 - 1.0) / 2.0;
            if lo == hi {
                // A self-loop: a small bow above the node.
                let p = self.pos[lo];
                let top = Point { x: p.x, y: p.y - self.sizes[lo].y / 2.0 };
                let a = Point { x: top.x - 8.0, y: top.y };
                let b = Point { x: top.x + 8.0, y: top.y };
                curves.push(Curve { a, c: Point { x: top.x, y: top.y - 40.0 - 15.0 * l.slot as f64 }, b });
                continue;
            }
            let (p, q) = (self.pos[lo], self.pos[hi]);
            let mid = Point { x: (p.x + q.x) / 2.0, y: (p.y + q.y) / 2.0 };
            let (dx, dy) = (q.x - p.x, q.y - p.y);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let normal = Point { x: -dy / len, y: dx / len };
            if l.bow {
                // A large fan spreads at most about 150 px; the control point is twice the
                // wanted bow height off the chord.
                let off = offset * (150.0 / l.slots as f64).min(36.0);
                let c = Point { x: mid.x + normal.x * off * 2.0, y: mid.y + normal.y * off * 2.0 };
                let a = self.clip(l.from, if off == 0.0 { self.pos[l.to] } else { c });
                let b = self.clip(l.to, if off == 0.0 { self.pos[l.from] } else { c });
                let c = if off == 0.0 { Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 } } else { c };
                curves.push(Curve { a, c, b });
            } else {
                let off = offset * (widest.get(&(lo, hi)).copied().unwrap_or(1.0) + 1.5);
                let shift = |p: Point| Point { x: p.x + normal.x * off, y: p.y + normal.y * off };
                let a = shift(self.clip(l.from, self.pos[l.to]));
                let b = shift(self.clip(l.to, self.pos[l.from]));
                curves.push(Curve { a, c: Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }, b });
            }
        }
        self.curves = self.avoid_nodes(&curves);
    }

    /// The SVG and where the layout's origin lands in it.
    fn to_svg(&self) -> (String, Point) {
        let theme = self.theme;
        let scene = self.scene;
        // Extent of nodes, lines and labels.
        let mut lo = Point { x: f64::INFINITY, y: f64::INFINITY };
        let mut hi = Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
        let mut grow = |p: Point, h: Point| {
            lo.x = lo.x.min(p.x - h.x);
            lo.y = lo.y.min(p.y - h.y);
            hi.x = hi.x.max(p.x + h.x);
            hi.y = hi.y.max(p.y + h.y);
        };
        for (p, s) in self.pos.iter().zip(&self.sizes) {
            grow(*p, Point { x: s.x / 2.0 + 16.0, y: s.y / 2.0 + 16.0 });
        }
        for (k, line) in self.lines.iter().enumerate() {
            if let Some(p) = self.label_at[k] {
                let t = text_size(&line.label, theme.edge_font_size);
                grow(p, Point { x: t.x / 2.0 + 4.0, y: t.y / 2.0 + 4.0 });
            }
            for piece in &self.curves[k].pieces {
                grow(piece.c, Point::default());
                grow(piece.b, Point::default());
            }
        }
        if !lo.x.is_finite() {
            lo = Point::default();
            hi = Point::default();
        }
        let title_height = if self.show_title() { theme.font_size * 2.6 } else { 0.0 };
        let legend = if scene.legend { self.legend_size() } else { Point::default() };
        let body_w = hi.x - lo.x;
        let width = body_w + if scene.legend { legend.x + MARGIN } else { 0.0 } + 2.0 * MARGIN;
        let height = (hi.y - lo.y).max(legend.y) + title_height + 2.0 * MARGIN;
        let (ox, oy) = (MARGIN - lo.x, MARGIN + title_height - lo.y);
        let at = |p: Point| Point { x: p.x + ox, y: p.y + oy };

        let mut s = String::with_capacity(4096 + scene.nodes.len() * 400 + scene.edges.len() * 400);
        let _ = write!(
            s,
            r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.1} {h:.1}" font-family="{font}" font-size="{size:.1}">
"#,
            w = width.max(1.0),
            h = height.max(1.0),
            font = xml_text(&theme.font_name),
            size = theme.font_size,
        );
        let _ = writeln!(s, "<title>{}</title>", xml_text(&scene.title));
        self.write_markers(&mut s);
        let _ = writeln!(s, r#"<rect x="0" y="0" width="100%" height="100%" fill="{}"/>"#, theme.background);
        if self.show_title() {
            let _ = writeln!(
                s,
                r##"<text class="title" x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" font-weight="bold" fill="#222222">{}</text>"##,
                MARGIN + body_w / 2.0,
                MARGIN + theme.font_size * 1.2,
                theme.font_size * 1.5,
                xml_text(&scene.title)
            );
        }
        self.write_clusters(&mut s, &at);
        // Faded lines first, then normal ones, then highlighted ones on top.
        let mut order: Vec<usize> = (0..self.lines.len()).collect();
        order.sort_by_key(|&k| (!self.lines[k].faded, self.lines[k].highlighted, k));
        s.push_str("<g class=\"edges\" fill=\"none\">\n");
        for &k in &order {
            self.write_edge(&mut s, k, &at);
        }
        // Edge labels go under the nodes (they never overlap one, by construction).
        s.push_str("</g>\n<g class=\"edge-labels\" text-anchor=\"middle\">\n");
        for &k in &order {
            self.write_edge_label(&mut s, k, &at);
        }
        s.push_str("</g>\n<g class=\"nodes\">\n");
        for i in 0..scene.nodes.len() {
            self.write_node(&mut s, i, &at);
        }
        s.push_str("</g>\n");
        if scene.legend {
            self.write_legend(&mut s, Point { x: MARGIN + body_w + MARGIN, y: MARGIN + title_height });
        }
        s.push_str("</svg>\n");
        (s, Point { x: ox, y: oy })
    }

    fn show_title(&self) -> bool {
        !self.scene.title.is_empty()
    }

    /// Arrowhead markers per polarity colour, for line ends and (reversed) line starts.
    fn write_markers(&self, s: &mut String) {
        s.push_str("<defs>\n");
        for (id, colour) in self.marker_colours() {
            for (prefix, orient) in [("arrow", "auto"), ("arrow-start", "auto-start-reverse")] {
                let _ = writeln!(
                    s,
                    r#"<marker id="{prefix}-{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="{orient}"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>"#
                );
            }
        }
        s.push_str("</defs>\n");
    }

    fn marker_colours(&self) -> [(&'static str, &str); 3] {
        let p = &self.theme.polarity;
        [("cooperative", &p.cooperative), ("conflictual", &p.conflictual), ("neutral", &p.neutral)]
    }
    /// Country clusters: the convex hull of the members' boxes, drawn with a wide round
    /// stroke of the fill colour so it looks like a rounded blob, under everything else.
    fn write_clusters(&self, s: &mut String, at: &dyn Fn(Point) -> Point) {
        let theme = self.theme;
        for cluster in &self.scene.clusters {
            let mut corners = Vec::with_capacity(cluster.members.len() * 4);
            for &m in &cluster.members {
                let (p, h) =
                    (at(self.pos[m]), Point { x: self.sizes[m].x / 2.0 + 4.0, y: self.sizes[m].y / 2.0 + 4.0 });
                corners.extend([
                    Point { x: p.x - h.x, y: p.y - h.y },
                    Point { x: p.x + h.x, y: p.y - h.y },
                    Point { x: p.x + h.x, y: p.y + h.y },
                    Point { x: p.x - h.x, y: p.y + h.y },
                ]);
            }
            let hull = convex_hull(corners);
            let points: Vec<String> = hull.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect();
            let points = points.join(" ");
            let _ = writeln!(
                s,
                r#"<polygon class="cluster" points="{points}" fill="{fill}" stroke="{fill}" stroke-width="24" stroke-linejoin="round"/><polygon points="{points}" fill="none" stroke="{border}" stroke-width="26" stroke-linejoin="round" stroke-opacity="0.35"/><polygon points="{points}" fill="{fill}" stroke="{fill}" stroke-width="22" stroke-linejoin="round"/>"#,
                fill = theme.cluster_fill,
                border = theme.cluster_border,
            );
        }
    }

    fn write_edge(&self, s: &mut String, k: usize, at: &dyn Fn(Point) -> Point) {
        let l: &Line = &self.lines[k];
        let theme = self.theme;
        let mut d = String::new();
        for (i, piece) in self.curves[k].pieces.iter().enumerate() {
            let (a, c, b) = (at(piece.a), at(piece.c), at(piece.b));
            if i == 0 {
                let _ = write!(d, "M{:.1},{:.1} ", a.x, a.y);
            } else {
                d.push(' ');
            }
            let _ = write!(d, "Q{:.1},{:.1} {:.1},{:.1}", c.x, c.y, b.x, b.y);
        }
        let colour = theme.polarity.get(l.polarity);
        let width = if l.highlighted { l.width * 2.0 + 1.0 } else { l.width };
        let dash = match l.style {
            _ if l.ended => format!(r#" stroke-dasharray="{:.1},{:.1}""#, width.max(1.5), 3.0 + width),
            LineStyle::Solid => String::new(),
            LineStyle::Dashed => format!(r#" stroke-dasharray="{:.1},{:.1}""#, 6.0 + width, 4.0 + width),
            LineStyle::Dotted => format!(r#" stroke-dasharray="{:.1},{:.1}""#, width.max(1.5), 3.0 + width),
        };
        let polarity = l.polarity.as_str();
        let mut marker = String::new();
        if l.arrow_end {
            let _ = write!(marker, r#" marker-end="url(#arrow-{polarity})""#);
        }
        if l.arrow_start {
            let _ = write!(marker, r#" marker-start="url(#arrow-start-{polarity})""#);
        }
        let opacity = faint(l, theme);
        let mut class = match l.members.as_slice() {
            [one] => self.scene.edges[*one].kind.as_str().to_owned(),
            _ => format!("bundle {polarity}"),
        };
        if l.ended {
            class.push_str(" ended");
        }
        let _ = writeln!(
            s,
            r#"<path class="edge {class}" data-line="{k}" data-pair="{}-{}" data-ties="{}" d="{d}" stroke="{colour}" stroke-width="{width:.2}"{dash}{marker}{opacity}><title>{}</title></path>"#,
            l.from.min(l.to),
            l.from.max(l.to),
            l.members.len(),
            xml_text(&l.tooltip)
        );
    }

    fn write_edge_label(&self, s: &mut String, k: usize, at: &dyn Fn(Point) -> Point) {
        let l = &self.lines[k];
        let Some(p) = self.label_at[k] else { return };
        let theme = self.theme;
        let p = at(p);
        let size = theme.edge_font_size;
        let opacity = faint(l, theme);
        // Bold would be wider than the box measured for it; highlighted labels are darker instead.
        let fill = if l.highlighted { theme.highlight.as_str() } else { theme.edge_font.as_str() };
        let _ = write!(
            s,
            r##"<text data-line="{k}" font-size="{size:.1}" fill="{fill}" stroke="{}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"{opacity}>"##,
            theme.background
        );
        write_lines(s, &l.label, p, size);
        s.push_str("</text>\n");
    }
    fn write_node(&self, s: &mut String, i: usize, at: &dyn Fn(Point) -> Point) {
        let n: &SceneNode = &self.scene.nodes[i];
        let theme = self.theme;
        let style = theme.node(n.kind);
        let p = at(self.pos[i]);
        let half = Point { x: self.sizes[i].x / 2.0, y: self.sizes[i].y / 2.0 };
        let (stroke, width) = if n.highlighted {
            (theme.highlight.as_str(), style.border_width * 2.0 + 1.0)
        } else {
            (style.border.as_str(), style.border_width)
        };
        let opacity =
            if n.faded { format!(r#" opacity="{:.2}""#, theme.faded_opacity.max(0.15)) } else { String::new() };
        let _ = write!(s, r#"<g class="node {}"{opacity}><title>{}</title>"#, n.kind.as_str(), xml_text(&n.tooltip));
        let paint = format!(r#" fill="{}" stroke="{stroke}" stroke-width="{width:.2}""#, style.fill);
        shape_svg(s, style.shape, p, half, &paint);
        let font = theme.font_size * n.scale;
        let shift = if style.shape == Shape::House { font * 0.45 } else { 0.0 };
        let _ = write!(s, r#"<text text-anchor="middle" font-size="{font:.1}" fill="{}">"#, style.font);
        write_lines(s, &n.label, Point { x: p.x, y: p.y + shift }, font);
        s.push_str("</text></g>\n");
    }
}

/// The opacity attribute of a line and its label: faded lines at the theme's faded
/// opacity, ended ties at half of it (fainter than anything merely faded).
fn faint(l: &Line, theme: &Theme) -> String {
    match (l.ended, l.faded) {
        (true, _) => format!(r#" opacity="{:.2}""#, theme.faded_opacity * 0.5),
        (false, true) => format!(r#" opacity="{:.2}""#, theme.faded_opacity),
        (false, false) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hull_of_a_square_is_the_square() {
        let pts = vec![
            Point { x: 0.0, y: 0.0 },
            Point { x: 1.0, y: 0.0 },
            Point { x: 1.0, y: 1.0 },
            Point { x: 0.0, y: 1.0 },
            Point { x: 0.5, y: 0.5 },
        ];
        assert_eq!(convex_hull(pts).len(), 4);
    }

    #[test]
    fn cjk_is_wider_than_latin() {
        assert!(text_size("北方領土", 10.0).x > text_size("abcd", 10.0).x);
    }

    #[test]
    fn empty_model_renders_well_formed_svg() {
        let svg = render_builtin(&Model::new(""), &DotOptions::new(), &Theme::default());
        assert!(svg.starts_with("<?xml"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
