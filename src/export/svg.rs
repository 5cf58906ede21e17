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

use super::bundle::{self, Line};
use super::dot::{to_dot, DotOptions};
use super::escape::xml_text;
use super::focus;
use super::font;
use super::graphviz::{self, Layout, DEFAULT_TIMEOUT};
use super::grid::Grid;
use super::layout::{layout, LayoutParams, Point};
use super::scene::{Scene, SceneNode};
use super::theme::{LineStyle, Shape, Theme};
use super::ExportError;
use crate::model::{Model, NodeKind};

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
    let scene = Scene::new(model, &options.diagram, theme);
    let reference: Vec<Option<Point>> = match &options.reference {
        Some(by_id) => model.graph().node_weights().map(|n| by_id.get(&n.id).copied()).collect(),
        None => Vec::new(),
    };
    let focus = options.focus.as_deref().and_then(|id| model.index_of(id)).map(|i| (i.index(), reference.as_slice()));
    Drawing::new(&scene, theme, options.bundle, focus).to_svg()
}

/// Where the built-in renderer puts each node of `model` (centres by node id, in pixels),
/// before any focus: pass them to a focus view of a part of the model
/// ([`SvgOptions::with_reference`]) so that it keeps the whole drawing's directions.
pub fn node_positions(model: &Model, options: &DotOptions, theme: &Theme) -> BTreeMap<String, Point> {
    let scene = Scene::new(model, options, theme);
    let placed = node_layout(&scene, theme);
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

fn node_layout(scene: &Scene, theme: &Theme) -> NodeLayout {
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
    let pos = layout(&sizes, &edges, &groups, &params);
    NodeLayout { sizes, pos, edges, edge_length, padding: params.padding }
}

/// Width and height in pixels of `text` (lines separated by `\n`) at `size`, measured with
/// the bundled font's metrics ([`super::font`]).
pub(crate) fn text_size(text: &str, size: f64) -> Point {
    let lines: Vec<&str> = text.split('\n').collect();
    let width = lines.iter().map(|l| font::text_width(l, size, false)).fold(0.0, f64::max);
    Point { x: width, y: lines.len() as f64 * size * LINE_HEIGHT }
}

/// Line spacing in ems; a line's box runs from 0.95 em above its baseline to 0.25 em below.
pub(crate) const LINE_HEIGHT: f64 = 1.2;
const MARGIN: f64 = 24.0;

/// A node's box (outer size) for its shape around text of size `t`.
fn box_size(shape: Shape, t: Point, font: f64) -> Point {
    let (px, py) = (font * 0.9, font * 0.45);
    match shape {
        Shape::Box | Shape::Rounded | Shape::Note => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py },
        Shape::Parallelogram => Point { x: t.x + 2.0 * px + t.y, y: t.y + 2.0 * py },
        Shape::Ellipse => Point { x: t.x * 1.2 + 2.0 * px, y: t.y * 1.3 + 2.0 * py },
        Shape::Hexagon | Shape::Octagon => Point { x: t.x + 2.0 * px + t.y * 0.8, y: t.y + 3.0 * py },
        Shape::Diamond => Point { x: t.x * 1.5 + 2.0 * px, y: t.y * 1.7 + 2.0 * py },
        Shape::House => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py + font },
        Shape::Cylinder => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py + font * 0.8 },
    }
}

/// An edge's geometry: start, control point, end (a straight edge has the control point at
/// the middle).
#[derive(Debug, Clone, Copy)]
struct Curve {
    a: Point,
    c: Point,
    b: Point,
}

impl Curve {
    fn at(&self, t: f64) -> Point {
        let u = 1.0 - t;
        Point {
            x: u * u * self.a.x + 2.0 * u * t * self.c.x + t * t * self.b.x,
            y: u * u * self.a.y + 2.0 * u * t * self.c.y + t * t * self.b.y,
        }
    }

    /// The unit normal at `t` (left of the direction of travel).
    fn normal(&self, t: f64) -> Point {
        let u = 1.0 - t;
        let dx = 2.0 * u * (self.c.x - self.a.x) + 2.0 * t * (self.b.x - self.c.x);
        let dy = 2.0 * u * (self.c.y - self.a.y) + 2.0 * t * (self.b.y - self.c.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-9 {
            Point { x: 0.0, y: -1.0 }
        } else {
            Point { x: -dy / len, y: dx / len }
        }
    }

    /// The curve as `SEGMENTS` straight pieces.
    fn polyline(&self) -> [Point; SEGMENTS + 1] {
        std::array::from_fn(|i| self.at(i as f64 / SEGMENTS as f64))
    }
}

const SEGMENTS: usize = 12;

struct Drawing<'a> {
    scene: &'a Scene,
    theme: &'a Theme,
    /// Box size of every node.
    sizes: Vec<Point>,
    /// Centre of every node.
    pos: Vec<Point>,
    /// What is drawn for the edges: single edges or bundle strands ([`bundle`]).
    lines: Vec<Line>,
    /// Geometry of every line.
    curves: Vec<Curve>,
    /// Centre of every line's label, `None` when it has none or it was left out.
    label_at: Vec<Option<Point>>,
    /// Labels left out for lack of room.
    dropped: usize,
}

/// How many times the nodes are spread out to make room for edge labels.
const SPREAD_ATTEMPTS: usize = 3;
/// When no more labels than this lack a spot, stop spreading and leave them out.
const FEW_LABELS: usize = 2;
/// How far each spreading moves the nodes apart.
const SPREAD_FACTOR: f64 = 1.2;
/// Most labels placed; beyond this, the least important are left out.
const MAX_LABELS: usize = 1500;
/// Empty space kept between a label and any node or other label, in pixels.
const LABEL_GAP: f64 = 2.0;

impl<'a> Drawing<'a> {
    fn new(scene: &'a Scene, theme: &'a Theme, bundle: bool, focus: Option<(usize, &[Option<Point>])>) -> Self {
        let NodeLayout { sizes, mut pos, edges, edge_length, padding } = node_layout(scene, theme);
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
        for attempt in 0..=SPREAD_ATTEMPTS {
            drawing.route_edges();
            let unplaced = drawing.place_labels();
            if unplaced <= FEW_LABELS || attempt == SPREAD_ATTEMPTS {
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
        self.curves = curves;
    }

    /// Places labels, most important first, each at the free spot touching its line that
    /// crosses the fewest other lines (the middle first among equals). A spot is free when
    /// the label's box, grown by [`LABEL_GAP`], covers no node box and no placed label.
    /// Sets [`Drawing::dropped`] to how many labels are left out (found no free spot, or
    /// were beyond [`MAX_LABELS`]) and returns how many found no free spot.
    fn place_labels(&mut self) -> usize {
        let font = self.theme.edge_font_size;
        let gap = LABEL_GAP / 2.0;
        let mut taken: Vec<(Point, Point)> = self
            .pos
            .iter()
            .zip(&self.sizes)
            .map(|(p, s)| (*p, Point { x: s.x / 2.0 + gap, y: s.y / 2.0 + gap }))
            .collect();
        let polylines: Vec<[Point; SEGMENTS + 1]> = self.curves.iter().map(Curve::polyline).collect();
        let extents: Vec<(Point, Point)> = polylines
            .iter()
            .map(|l| {
                l.iter().fold(
                    (
                        Point { x: f64::INFINITY, y: f64::INFINITY },
                        Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY },
                    ),
                    |(lo, hi), p| {
                        (Point { x: lo.x.min(p.x), y: lo.y.min(p.y) }, Point { x: hi.x.max(p.x), y: hi.y.max(p.y) })
                    },
                )
            })
            .collect();
        // Grids over the taken boxes and over the lines' segments (each entered with its
        // box grown by a hair, against rounding), so that a spot is tested only against
        // what is near it; the tests themselves are exact, so the grids change no answer.
        let hair = Point { x: 1e-3, y: 1e-3 };
        let (glo, ghi) = extents.iter().copied().chain(taken.iter().map(|(p, h)| (sub(*p, *h), add(*p, *h)))).fold(
            (Point { x: f64::INFINITY, y: f64::INFINITY }, Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY }),
            |(lo, hi), (a, b)| {
                (Point { x: lo.x.min(a.x), y: lo.y.min(a.y) }, Point { x: hi.x.max(b.x), y: hi.y.max(b.y) })
            },
        );
        let cell = 2.0 * self.sizes.iter().map(|s| s.x).sum::<f64>() / self.sizes.len().max(1) as f64;
        let cell = cell.max(4.0 * font);
        let mut taken_grid = Grid::new(glo, ghi, cell);
        for (i, (p, h)) in taken.iter().enumerate() {
            taken_grid.insert(i, sub(sub(*p, *h), hair), add(add(*p, *h), hair));
        }
        let mut line_grid = Grid::new(glo, ghi, cell);
        for (j, line) in polylines.iter().enumerate() {
            for s in line.windows(2) {
                let lo = Point { x: s[0].x.min(s[1].x), y: s[0].y.min(s[1].y) };
                let hi = Point { x: s[0].x.max(s[1].x), y: s[0].y.max(s[1].y) };
                line_grid.insert(j, sub(lo, hair), add(hi, hair));
            }
        }
        let mut order: Vec<usize> = (0..self.lines.len()).filter(|&k| !self.lines[k].label.is_empty()).collect();
        order.sort_by(|&a, &b| self.lines[b].importance.total_cmp(&self.lines[a].importance).then(a.cmp(&b)));
        let mut label_at = vec![None; self.lines.len()];
        // On very large graphs only the most important labels are tried; the rest are left
        // out and counted like any other.
        let skipped = order.len().saturating_sub(MAX_LABELS);
        let mut unplaced = 0;
        order.truncate(MAX_LABELS);
        for k in order {
            let curve = self.curves[k];
            let t = text_size(&self.lines[k].label, font);
            let half = Point { x: t.x / 2.0 + gap, y: t.y / 2.0 + gap };
            let mut free = |p: Point| {
                let mut free = true;
                taken_grid.visit(sub(p, half), add(p, half), |i| {
                    let (q, h) = taken[i];
                    free = (p.x - q.x).abs() >= half.x + h.x || (p.y - q.y).abs() >= half.y + h.y;
                    free
                });
                free
            };
            let pair = (self.lines[k].from.min(self.lines[k].to), self.lines[k].from.max(self.lines[k].to));
            // The lines crossing the label's box at `p`, counted up to `limit`.
            let mut crossings = |p: Point, limit: usize| -> usize {
                let (lo, hi) = (sub(p, half), add(p, half));
                // A segment can meet the box only when its bounding box (grown by a hair,
                // against rounding in the exact test) does.
                let near = |a: Point, b: Point| {
                    a.x.max(b.x) + hair.x >= lo.x
                        && a.x.min(b.x) - hair.x <= hi.x
                        && a.y.max(b.y) + hair.y >= lo.y
                        && a.y.min(b.y) - hair.y <= hi.y
                };
                let mut count = 0;
                line_grid.visit(lo, hi, |j| {
                    let (elo, ehi) = extents[j];
                    let l = &self.lines[j];
                    if ehi.x >= lo.x
                        && elo.x <= hi.x
                        && ehi.y >= lo.y
                        && elo.y <= hi.y
                        && j != k
                        && (l.from.min(l.to), l.from.max(l.to)) != pair
                        && polylines[j].windows(2).any(|s| near(s[0], s[1]) && segment_hits_box(s[0], s[1], lo, hi))
                    {
                        count += 1;
                    }
                    count < limit
                });
                count
            };
            let mut best: Option<(usize, usize, Point)> = None; // crossings, rank, spot
            let spots = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88];
            for (rank, (t, side)) in spots.iter().flat_map(|&t| [0.0, 1.0, -1.0].map(move |s| (t, s))).enumerate() {
                let on = curve.at(t);
                let n = curve.normal(t);
                // Moved sideways by 80 % of the box's reach along the normal: still on the line.
                let reach = (half.x - gap) * n.x.abs() + (half.y - gap) * n.y.abs();
                let p = Point { x: on.x + n.x * reach * 0.8 * side, y: on.y + n.y * reach * 0.8 * side };
                if !p.x.is_finite() || !p.y.is_finite() || !free(p) {
                    continue;
                }
                // Counting stops at the best so far: a spot with as many is not taken.
                let c = crossings(p, best.map_or(usize::MAX, |(bc, _, _)| bc));
                if best.is_none_or(|(bc, _, _)| c < bc) {
                    best = Some((c, rank, p));
                }
                if c == 0 {
                    break;
                }
            }
            match best {
                Some((_, _, p)) => {
                    taken_grid.insert(taken.len(), sub(sub(p, half), hair), add(add(p, half), hair));
                    taken.push((p, half));
                    label_at[k] = Some(p);
                }
                None => unplaced += 1,
            }
        }
        self.label_at = label_at;
        self.dropped = skipped + unplaced;
        unplaced
    }

    fn to_svg(&self) -> String {
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
            grow(self.curves[k].c, Point::default());
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
        s
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
        let curve = self.curves[k];
        let (a, c, b) = (at(curve.a), at(curve.c), at(curve.b));
        let colour = theme.polarity.get(l.polarity);
        let width = if l.highlighted { l.width * 2.0 + 1.0 } else { l.width };
        let dash = match l.style {
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
        let opacity = if l.faded { format!(r#" opacity="{:.2}""#, theme.faded_opacity) } else { String::new() };
        let class = match l.members.as_slice() {
            [one] => self.scene.edges[*one].kind.as_str().to_owned(),
            _ => format!("bundle {polarity}"),
        };
        let _ = writeln!(
            s,
            r#"<path class="edge {class}" data-line="{k}" data-pair="{}-{}" data-ties="{}" d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" stroke="{colour}" stroke-width="{width:.2}"{dash}{marker}{opacity}><title>{}</title></path>"#,
            l.from.min(l.to),
            l.from.max(l.to),
            l.members.len(),
            a.x,
            a.y,
            c.x,
            c.y,
            b.x,
            b.y,
            xml_text(&l.tooltip)
        );
    }

    fn write_edge_label(&self, s: &mut String, k: usize, at: &dyn Fn(Point) -> Point) {
        let l = &self.lines[k];
        let Some(p) = self.label_at[k] else { return };
        let theme = self.theme;
        let p = at(p);
        let size = theme.edge_font_size;
        let opacity = if l.faded { format!(r#" opacity="{:.2}""#, theme.faded_opacity) } else { String::new() };
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

    fn legend_rows(&self) -> usize {
        self.scene.kinds.len() + self.scene.polarities.len() + self.scene.styled_kinds.len()
    }

    /// The note under the legend about labels left out, one entry per line.
    fn note(&self) -> Vec<String> {
        if self.dropped == 0 {
            return Vec::new();
        }
        let labels = if self.dropped == 1 { "edge label" } else { "edge labels" };
        vec![
            format!("{} {labels} left out", self.dropped),
            "for room, fewest ties first;".to_owned(),
            "every tie is in its edge's tooltip".to_owned(),
        ]
    }

    fn legend_size(&self) -> Point {
        let font = self.theme.font_size * 0.9;
        let longest = self
            .scene
            .kinds
            .iter()
            .map(|k| k.as_str().to_owned())
            .chain(self.scene.polarities.iter().map(|p| p.as_str().to_owned()))
            .chain(self.scene.styled_kinds.iter().map(|(k, _)| k.label()))
            .map(|t| text_size(&t, font).x + 60.0)
            .chain(self.note().iter().map(|t| text_size(t, font).x + 10.0))
            .fold(0.0, f64::max);
        let rows = self.legend_rows() as f64;
        let note = self.note().len() as f64 * font * LINE_HEIGHT;
        Point { x: longest + 24.0, y: 30.0 + rows * font * 2.2 + 10.0 + note }
    }
    fn write_legend(&self, s: &mut String, origin: Point) {
        let theme = self.theme;
        let font = theme.font_size * 0.9;
        let size = self.legend_size();
        let row = font * 2.2;
        let _ = writeln!(
            s,
            r##"<g class="legend"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{}" stroke="#bbbbbb"/><text x="{:.1}" y="{:.1}" font-weight="bold" font-size="{font:.1}" fill="#222222">Legend</text>"##,
            origin.x,
            origin.y,
            size.x,
            size.y,
            theme.background,
            origin.x + 10.0,
            origin.y + 20.0
        );
        let mut y = origin.y + 30.0 + row / 2.0;
        let label_x = origin.x + 60.0;
        let sample_x = origin.x + 30.0;
        for kind in &self.scene.kinds {
            let style = theme.node(*kind);
            let paint =
                format!(r#" fill="{}" stroke="{}" stroke-width="{:.2}""#, style.fill, style.border, style.border_width);
            shape_svg(s, style.shape, Point { x: sample_x, y }, Point { x: 18.0, y: row * 0.36 }, &paint);
            legend_text(s, label_x, y, font, kind_label(*kind));
            y += row;
        }
        let samples = self
            .scene
            .polarities
            .iter()
            .map(|p| (p.as_str().to_owned(), theme.polarity.get(*p), LineStyle::Solid))
            .chain(self.scene.styled_kinds.iter().map(|(k, l)| (k.label(), theme.polarity.get(k.polarity()), *l)));
        for (label, colour, line) in samples {
            let dash = match line {
                LineStyle::Solid => "",
                LineStyle::Dashed => r#" stroke-dasharray="7,5""#,
                LineStyle::Dotted => r#" stroke-dasharray="2,4""#,
            };
            let _ = write!(
                s,
                r#"<path d="M{:.1},{y:.1} L{:.1},{y:.1}" stroke="{colour}" stroke-width="2.5"{dash}/>"#,
                sample_x - 18.0,
                sample_x + 18.0
            );
            legend_text(s, label_x, y, font, &label);
            y += row;
        }
        let mut y = y - row / 2.0 + font;
        for line in self.note() {
            legend_text(s, origin.x + 10.0, y, font, &line);
            y += font * LINE_HEIGHT;
        }
        s.push_str("</g>\n");
    }
}

fn kind_label(kind: NodeKind) -> &'static str {
    kind.as_str()
}

fn legend_text(s: &mut String, x: f64, y: f64, font: f64, text: &str) {
    let _ = writeln!(
        s,
        r##"<text x="{x:.1}" y="{:.1}" font-size="{font:.1}" fill="#222222">{}</text>"##,
        y + font * 0.35,
        xml_text(text)
    );
}

fn add(a: Point, b: Point) -> Point {
    Point { x: a.x + b.x, y: a.y + b.y }
}

fn sub(a: Point, b: Point) -> Point {
    Point { x: a.x - b.x, y: a.y - b.y }
}

/// Whether the segment from `p` to `q` meets the box from `lo` to `hi` (Liang–Barsky).
pub(crate) fn segment_hits_box(p: Point, q: Point, lo: Point, hi: Point) -> bool {
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (d, low, high) in [(dx, lo.x - p.x, hi.x - p.x), (dy, lo.y - p.y, hi.y - p.y)] {
        if d.abs() < 1e-12 {
            if low > 0.0 || high < 0.0 {
                return false;
            }
            continue;
        }
        let (a, b) = if d > 0.0 { (low / d, high / d) } else { (high / d, low / d) };
        t0 = t0.max(a);
        t1 = t1.min(b);
        if t0 > t1 {
            return false;
        }
    }
    true
}

/// `<tspan>` lines centred vertically on `p`.
fn write_lines(s: &mut String, text: &str, p: Point, size: f64) {
    let lines: Vec<&str> = text.split('\n').collect();
    let step = size * LINE_HEIGHT;
    let first = p.y - step * (lines.len() as f64 - 1.0) / 2.0 + size * 0.35;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(s, r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#, p.x, first + step * i as f64, xml_text(line));
    }
}

/// The outline of `shape` centred on `c` with half-size `h`.
fn shape_svg(s: &mut String, shape: Shape, c: Point, h: Point, paint: &str) {
    let poly = |s: &mut String, pts: &[(f64, f64)]| {
        let pts: Vec<String> = pts.iter().map(|(x, y)| format!("{:.1},{:.1}", c.x + x, c.y + y)).collect();
        let _ = write!(s, r#"<polygon points="{}"{paint}/>"#, pts.join(" "));
    };
    let (w, v) = (h.x, h.y);
    match shape {
        Shape::Box => {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"{paint}/>"#,
                c.x - w,
                c.y - v,
                2.0 * w,
                2.0 * v
            );
        }
        Shape::Rounded => {
            let r = v.min(8.0);
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{r:.1}"{paint}/>"#,
                c.x - w,
                c.y - v,
                2.0 * w,
                2.0 * v
            );
        }
        Shape::Ellipse => {
            let _ = write!(s, r#"<ellipse cx="{:.1}" cy="{:.1}" rx="{w:.1}" ry="{v:.1}"{paint}/>"#, c.x, c.y);
        }
        Shape::Hexagon => {
            let k = v.min(w * 0.3);
            poly(s, &[(-w, 0.0), (-w + k, -v), (w - k, -v), (w, 0.0), (w - k, v), (-w + k, v)]);
        }
        Shape::Octagon => {
            let k = (v * 0.6).min(w * 0.3);
            poly(
                s,
                &[
                    (-w + k, -v),
                    (w - k, -v),
                    (w, -v + k),
                    (w, v - k),
                    (w - k, v),
                    (-w + k, v),
                    (-w, v - k),
                    (-w, -v + k),
                ],
            );
        }
        Shape::Diamond => poly(s, &[(0.0, -v), (w, 0.0), (0.0, v), (-w, 0.0)]),
        Shape::Parallelogram => {
            let k = v.min(w * 0.3);
            poly(s, &[(-w + k, -v), (w, -v), (w - k, v), (-w, v)]);
        }
        Shape::Note => {
            let k = v.min(w).min(9.0);
            poly(s, &[(-w, -v), (w - k, -v), (w, -v + k), (w, v), (-w, v)]);
            let _ = write!(
                s,
                r#"<polyline points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="none"{}/>"#,
                c.x + w - k,
                c.y - v,
                c.x + w - k,
                c.y - v + k,
                c.x + w,
                c.y - v + k,
                paint.replace(" fill=", " data-fill=")
            );
        }
        Shape::House => {
            let r = (v * 0.7).min(w * 0.6);
            poly(s, &[(-w, v), (-w, -v + r), (0.0, -v), (w, -v + r), (w, v)]);
        }
        Shape::Cylinder => {
            let e = (v * 0.25).min(6.0);
            let _ = write!(
                s,
                r#"<path d="M{x0:.1},{t:.1} A{w:.1},{e:.1} 0 0 1 {x1:.1},{t:.1} L{x1:.1},{b:.1} A{w:.1},{e:.1} 0 0 1 {x0:.1},{b:.1} Z M{x0:.1},{t:.1} A{w:.1},{e:.1} 0 0 0 {x1:.1},{t:.1}"{paint}/>"#,
                x0 = c.x - w,
                x1 = c.x + w,
                t = c.y - v + e,
                b = c.y + v - e,
            );
        }
    }
}

/// Convex hull (Andrew's monotone chain), counter-clockwise.
fn convex_hull(mut points: Vec<Point>) -> Vec<Point> {
    points.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: Point, a: Point, b: Point| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    let mut hull: Vec<Point> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Point>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
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
