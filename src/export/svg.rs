//! SVG diagrams, drawn by Graphviz or by the built-in renderer.
//!
//! The built-in renderer needs nothing installed: it sizes each node's box to its label,
//! lays the graph out with [`super::layout`] (stress majorization, overlap removal,
//! component packing), draws country clusters as rounded hulls behind their members, edges as
//! straight lines (gentle curves when two nodes share several edges) with arrowheads for
//! directed kinds, edge labels with a white halo at a free spot near the middle of the edge
//! (one combined list label when three or more edges join the same two nodes), drawn under
//! the nodes so no label hides a name. When labels find no free spot, the nodes are spread
//! out and the labels placed again (up to three times); the last few go where they cover
//! least. Only on graphs of over 1,500 edges, where this search is skipped, do labels sit at
//! their edge's middle regardless. Every edge's full label is also its tooltip (`<title>`).
//! Then the legend and the title. All text is escaped ([`super::escape`]); the output is
//! well-formed XML with no scripts, links or event attributes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use super::dot::{to_dot, DotOptions};
use super::escape::xml_text;
use super::graphviz::{self, Layout, DEFAULT_TIMEOUT};
use super::layout::{layout, LayoutParams, Point};
use super::scene::{Scene, SceneEdge, SceneNode};
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
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self { diagram: DotOptions::default(), renderer: Renderer::Auto, layout: None, timeout: DEFAULT_TIMEOUT }
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
        Ok(render_builtin(model, &options.diagram, theme))
    }
}

/// Draws `model` as SVG with the built-in renderer; never fails.
pub fn render_builtin(model: &Model, options: &DotOptions, theme: &Theme) -> String {
    let scene = Scene::new(model, options, theme);
    Drawing::new(&scene, theme).to_svg()
}

/// Approximate advance of `c` in ems, for sizing boxes without font files.
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' | 'f' | 't' | 'r' => 0.32,
        'm' | 'w' | 'M' | 'W' => 0.85,
        c if c.is_ascii_uppercase() => 0.68,
        c if (c as u32) < 0x0250 => 0.56,
        // CJK, Hangul, kana, full-width forms and emoji are about one em wide.
        c if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD) => {
            1.0
        }
        _ => 0.6,
    }
}

/// Width and height in pixels of `text` (lines separated by `\n`) at `size`.
fn text_size(text: &str, size: f64) -> Point {
    let lines: Vec<&str> = text.split('\n').collect();
    let width = lines.iter().map(|l| l.chars().map(char_width).sum::<f64>()).fold(0.0, f64::max) * size;
    Point { x: width, y: lines.len() as f64 * size * LINE_HEIGHT }
}

const LINE_HEIGHT: f64 = 1.2;
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
}

struct Drawing<'a> {
    scene: &'a Scene,
    theme: &'a Theme,
    /// Box size of every node.
    sizes: Vec<Point>,
    /// Centre of every node.
    pos: Vec<Point>,
    /// Geometry of every edge.
    curves: Vec<Curve>,
    /// Text of every edge label: the edge's own, or for the first edge of a bundle of
    /// [`BUNDLE_LABEL_MIN`] or more edges between the same two nodes, all their labels as one
    /// list (the others then have none).
    labels: Vec<String>,
    /// Centre of every edge label.
    label_at: Vec<Point>,
}

/// Bundles of at least this many edges between two nodes get one combined label.
const BUNDLE_LABEL_MIN: usize = 3;

/// How many times the nodes are spread out to make room for edge labels.
const SPREAD_ATTEMPTS: usize = 3;
/// When no more labels than this lack a spot, stop spreading and place them where they
/// cover the least.
const FEW_LABELS: usize = 2;
/// How far each spreading moves the nodes apart.
const SPREAD_FACTOR: f64 = 1.25;

impl<'a> Drawing<'a> {
    fn new(scene: &'a Scene, theme: &'a Theme) -> Self {
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
        let labels: Vec<String> = scene.edges.iter().map(|e| e.label.clone()).collect();
        let mut drawing =
            Drawing { scene, theme, sizes, pos, curves: Vec::new(), labels: labels.clone(), label_at: Vec::new() };
        // When some edge labels find no free spot, spread the nodes out (their sizes stay)
        // and place the labels again, a few times at most: a larger picture beats labels
        // left to tooltips.
        // The few labels still without a spot then go where they cover the least.
        for attempt in 0..=SPREAD_ATTEMPTS {
            drawing.labels = labels.clone();
            drawing.route_edges();
            let last = attempt == SPREAD_ATTEMPTS;
            let dropped = drawing.place_labels(false);
            if dropped == 0 {
                break;
            }
            if last || dropped <= FEW_LABELS {
                drawing.labels = labels.clone();
                drawing.route_edges();
                drawing.place_labels(true);
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

    /// Straight lines, or symmetric bows when a pair of nodes has several edges.
    fn route_edges(&mut self) {
        let mut bundles: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (k, e) in self.scene.edges.iter().enumerate() {
            bundles.entry((e.from.min(e.to), e.from.max(e.to))).or_default().push(k);
        }
        let mut curves =
            vec![Curve { a: Point::default(), c: Point::default(), b: Point::default() }; self.scene.edges.len()];
        for ((lo, hi), members) in bundles {
            let count = members.len() as f64;
            // A large bundle fans out at most about 150 px, and shares one label.
            let step = (150.0 / count).min(36.0);
            if members.len() >= BUNDLE_LABEL_MIN && members.iter().any(|&k| !self.labels[k].is_empty()) {
                let lines: Vec<String> = members.iter().map(|&k| self.labels[k].replace('\n', " ")).collect();
                for &k in &members {
                    self.labels[k].clear();
                }
                self.labels[members[members.len() / 2]] = lines.join("\n");
            }
            for (slot, &k) in members.iter().enumerate() {
                let e = &self.scene.edges[k];
                let (p, q) = (self.pos[lo], self.pos[hi]);
                if lo == hi {
                    // A self-loop: a small bow above the node.
                    let top = Point { x: p.x, y: p.y - self.sizes[lo].y / 2.0 };
                    let a = Point { x: top.x - 8.0, y: top.y };
                    let b = Point { x: top.x + 8.0, y: top.y };
                    curves[k] = Curve { a, c: Point { x: top.x, y: top.y - 40.0 - 15.0 * slot as f64 }, b };
                    continue;
                }
                let mid = Point { x: (p.x + q.x) / 2.0, y: (p.y + q.y) / 2.0 };
                let (dx, dy) = (q.x - p.x, q.y - p.y);
                let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                let offset = (slot as f64 - (count - 1.0) / 2.0) * step;
                // The control point is twice the wanted bow height off the chord.
                let c = Point { x: mid.x - dy / len * offset * 2.0, y: mid.y + dx / len * offset * 2.0 };
                let (from, to) = (e.from, e.to);
                let a = self.clip(from, if offset == 0.0 { self.pos[to] } else { c });
                let b = self.clip(to, if offset == 0.0 { self.pos[from] } else { c });
                let c = if offset == 0.0 { Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 } } else { c };
                curves[k] = Curve { a, c, b };
            }
        }
        self.curves = curves;
    }

    /// Puts each edge label at the first spot along its edge (middle first) that does not
    /// cover a node or an earlier label; for very large graphs, simply at the middle.
    /// Returns how many labels found no free spot: unless `force`, they are left to their
    /// edge's tooltip; with `force`, they go to the candidate spot that covers the least.
    fn place_labels(&mut self, force: bool) -> usize {
        let mut dropped = 0;
        let font = self.theme.edge_font_size;
        let mut taken: Vec<(Point, Point)> =
            self.pos.iter().zip(&self.sizes).map(|(p, s)| (*p, Point { x: s.x / 2.0, y: s.y / 2.0 })).collect();
        let careful = self.scene.edges.len() <= 1500;
        let mut label_at = Vec::with_capacity(self.scene.edges.len());
        for (k, e) in self.scene.edges.iter().enumerate() {
            let curve = self.curves[k];
            let label = &self.labels[k];
            if label.is_empty() {
                label_at.push(curve.at(0.5));
                continue;
            }
            let t = text_size(label, font);
            let half = Point { x: t.x / 2.0 + 2.0, y: t.y / 2.0 + 1.0 };
            let free = |p: Point, taken: &[(Point, Point)]| {
                taken.iter().all(|(q, h)| (p.x - q.x).abs() >= half.x + h.x || (p.y - q.y).abs() >= half.y + h.y)
            };
            // Candidates: along the edge from the middle outwards, then nudged off it sideways.
            let spot = if careful {
                let (dx, dy) = (curve.b.x - curve.a.x, curve.b.y - curve.a.y);
                let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                let normal = Point { x: -dy / len, y: dx / len };
                let side = half.y + 2.0;
                let near =
                    [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78].iter().flat_map(|&t| [0.0, 1.0, -1.0].map(move |n| (t, n)));
                // Farther off the edge only when nothing near it is free.
                let far = [0.5, 0.35, 0.65, 0.2, 0.8, 0.12, 0.88]
                    .iter()
                    .flat_map(|&t| [2.0, -2.0, 3.0, -3.0].map(move |n| (t, n)));
                let candidates: Vec<Point> = near
                    .chain(far)
                    .map(|(t, n)| {
                        let p = curve.at(t);
                        Point { x: p.x + normal.x * side * n, y: p.y + normal.y * side * n }
                    })
                    .collect();
                candidates.iter().copied().find(|p| free(*p, &taken)).or_else(|| {
                    // Labels are drawn under nodes, so covering a node (the first entries
                    // of `taken`) hides text: weigh it far above covering another label.
                    let nodes = self.pos.len();
                    let covered = |p: &Point| -> f64 {
                        taken
                            .iter()
                            .enumerate()
                            .map(|(i, (q, h))| {
                                let ox = (half.x + h.x - (p.x - q.x).abs()).max(0.0);
                                let oy = (half.y + h.y - (p.y - q.y).abs()).max(0.0);
                                ox * oy * if i < nodes { 20.0 } else { 1.0 }
                            })
                            .sum()
                    };
                    force.then(|| candidates.iter().copied().min_by(|a, b| covered(a).total_cmp(&covered(b)))).flatten()
                })
            } else {
                None
            };
            // A label with no free spot is counted, so the caller can make room; without
            // `force` it is left to the edge's tooltip, unless the edge is highlighted.
            let found_free = spot.as_ref().is_some_and(|p| free(*p, &taken));
            if careful && !found_free && !e.highlighted {
                dropped += 1;
                if spot.is_none() {
                    self.labels[k].clear();
                }
            }
            let spot = spot.unwrap_or_else(|| curve.at(0.5));
            if careful {
                taken.push((spot, half));
            }
            label_at.push(spot);
        }
        self.label_at = label_at;
        dropped
    }

    fn to_svg(&self) -> String {
        let theme = self.theme;
        let scene = self.scene;
        // Extent of nodes and labels.
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
        for k in 0..scene.edges.len() {
            let t = text_size(&self.labels[k], theme.edge_font_size);
            grow(self.label_at[k], Point { x: t.x / 2.0 + 4.0, y: t.y / 2.0 + 4.0 });
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

        let mut s = String::with_capacity(4096 + scene.nodes.len() * 400 + scene.edges.len() * 300);
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
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" font-weight="bold" fill="#222222">{}</text>"##,
                MARGIN + body_w / 2.0,
                MARGIN + theme.font_size * 1.2,
                theme.font_size * 1.5,
                xml_text(&scene.title)
            );
        }
        self.write_clusters(&mut s, &at);
        // Faded edges first, then normal ones, then highlighted ones on top.
        let mut order: Vec<usize> = (0..scene.edges.len()).collect();
        order.sort_by_key(|&k| (!scene.edges[k].faded, scene.edges[k].highlighted, k));
        s.push_str("<g class=\"edges\" fill=\"none\">\n");
        for &k in &order {
            self.write_edge(&mut s, k, &at);
        }
        // Edge labels go under the nodes, so a crowded label can never hide a node's name.
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

    /// One arrowhead marker per polarity colour, plus the highlight colour.
    fn write_markers(&self, s: &mut String) {
        s.push_str("<defs>\n");
        for (id, colour) in self.marker_colours() {
            let _ = writeln!(
                s,
                r#"<marker id="arrow-{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>"#
            );
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
        let e: &SceneEdge = &self.scene.edges[k];
        let theme = self.theme;
        let curve = self.curves[k];
        let (a, c, b) = (at(curve.a), at(curve.c), at(curve.b));
        let colour = theme.polarity.get(e.polarity);
        let width = if e.highlighted { e.width * 2.0 + 1.0 } else { e.width };
        let dash = match e.line {
            LineStyle::Solid => String::new(),
            LineStyle::Dashed => format!(r#" stroke-dasharray="{:.1},{:.1}""#, 6.0 + width, 4.0 + width),
            LineStyle::Dotted => format!(r#" stroke-dasharray="{:.1},{:.1}""#, width.max(1.5), 3.0 + width),
        };
        let marker =
            if e.directed { format!(r#" marker-end="url(#arrow-{})""#, e.polarity.as_str()) } else { String::new() };
        let opacity = if e.faded { format!(r#" opacity="{:.2}""#, theme.faded_opacity) } else { String::new() };
        let _ = writeln!(
            s,
            r#"<path class="edge {}" d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" stroke="{colour}" stroke-width="{width:.2}"{dash}{marker}{opacity}><title>{}</title></path>"#,
            e.kind.as_str(),
            a.x,
            a.y,
            c.x,
            c.y,
            b.x,
            b.y,
            xml_text(&self.tooltip(e))
        );
    }

    /// An edge's tooltip: `From —label→ To`.
    fn tooltip(&self, e: &SceneEdge) -> String {
        let name = |i: usize| self.scene.nodes[i].tooltip.chars().take(80).collect::<String>();
        let label = if e.label.is_empty() { e.kind.label() } else { e.label.replace('\n', " ") };
        format!("{} —{label}→ {}", name(e.from), name(e.to))
    }

    fn write_edge_label(&self, s: &mut String, k: usize, at: &dyn Fn(Point) -> Point) {
        let e = &self.scene.edges[k];
        let label = &self.labels[k];
        if label.is_empty() {
            return;
        }
        let theme = self.theme;
        let p = at(self.label_at[k]);
        let size = theme.edge_font_size;
        let opacity = if e.faded { format!(r#" opacity="{:.2}""#, theme.faded_opacity) } else { String::new() };
        let weight = if e.highlighted { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            s,
            r##"<text font-size="{size:.1}" fill="{}" stroke="{}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"{opacity}{weight}>"##,
            theme.edge_font, theme.background
        );
        write_lines(s, label, p, size);
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

    fn legend_size(&self) -> Point {
        let font = self.theme.font_size * 0.9;
        let longest = self
            .scene
            .kinds
            .iter()
            .map(|k| k.as_str().to_owned())
            .chain(self.scene.polarities.iter().map(|p| p.as_str().to_owned()))
            .chain(self.scene.styled_kinds.iter().map(|(k, _)| k.label()))
            .map(|t| text_size(&t, font).x)
            .fold(0.0, f64::max);
        let rows = self.legend_rows() as f64;
        Point { x: 60.0 + longest + 24.0, y: 30.0 + rows * font * 2.2 + 10.0 }
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
