//! Layout quality measured from an SVG's geometry: edge crossings, label and node overlaps,
//! labels away from their edge, area and aspect ratio.
//!
//! [`measure`] reads the built-in renderer's SVG and Graphviz's SVG alike, so the two can be
//! compared with one ruler:
//!
//! - **nodes** are `<g class="node …">` groups; a node's box is the bounding box of its
//!   shapes (`rect`, `ellipse`, `polygon`, `polyline`, `path`), and text inside the group is
//!   that node's label;
//! - **edges** are `<path class="edge …">` (built-in; one per drawn line, `data-line` ties
//!   it to its label, `data-pair` names its end nodes) or `<g class="edge">` groups
//!   (Graphviz; the group's first `path` is the curve, its `<title>` names the ends, its text
//!   is the label);
//! - a **text box** runs from 0.95 em above each line's baseline to 0.25 em below, as wide as
//!   the line measured with the bundled font ([`super::font`]) — the font both the built-in
//!   renderer and (through the default theme) Graphviz draw with. Titles, legends and
//!   cluster labels are not counted.
//!
//! Curves are flattened to short segments. Two boxes overlap when they share more than
//! [`TOLERANCE`] pixels in both directions. A **crossing** is a point where the drawn
//! connections of two different node pairs cross, away from the nodes; parallel ties between
//! the same two nodes count once (the most crossings any one of them has with the other
//! pair), so a bundle and Graphviz's separate parallel edges are counted alike. Time is
//! O(E² · S²) for E edges of S segments, with bounding-box rejection.

use std::collections::BTreeMap;
use std::fmt;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::font;
use super::geometry::segment_hits_box;
use super::geometry::Point;
use super::ExportError;

/// Overlaps smaller than this (pixels, in both directions) are not counted.
pub const TOLERANCE: f64 = 0.5;
/// Segments per curve piece when flattening.
const PIECES: usize = 10;
/// Crossings this close (pixels) to either end of a curve are where edges meet at a node.
const NEAR_END: f64 = 4.0;

/// What [`measure`] counts.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Stats {
    /// Nodes drawn.
    pub nodes: usize,
    /// Edge curves drawn (a bundle strand is one curve).
    pub curves: usize,
    /// Edge labels drawn.
    pub edge_labels: usize,
    /// Crossings between the connections of different node pairs.
    pub crossings: usize,
    /// Pairs of labels (edge or node) of different owners that overlap.
    pub label_overlaps: usize,
    /// Label–node pairs where a label covers a node that is not its own.
    pub label_node_overlaps: usize,
    /// Pairs of nodes whose boxes overlap.
    pub node_overlaps: usize,
    /// Edge curves that pass through the box of a node other than their two ends (a node
    /// is an end when the curve starts or stops within 3 px of its box).
    pub edges_through_nodes: usize,
    /// Edge labels that do not touch their edge.
    pub detached_labels: usize,
    /// Width and height of the drawing (nodes, edges and labels), in SVG units.
    pub width: f64,
    /// Height, in SVG units.
    pub height: f64,
}

impl Stats {
    /// Width × height.
    pub fn area(&self) -> f64 {
        self.width * self.height
    }
    /// Width / height (0 for an empty drawing).
    pub fn aspect(&self) -> f64 {
        if self.height > 0.0 {
            self.width / self.height
        } else {
            0.0
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "nodes                {}", self.nodes)?;
        writeln!(f, "edge curves          {}", self.curves)?;
        writeln!(f, "edge labels          {}", self.edge_labels)?;
        writeln!(f, "edge crossings       {}", self.crossings)?;
        writeln!(
            f,
            "label overlaps       {} (label on label), {} (label on node)",
            self.label_overlaps, self.label_node_overlaps
        )?;
        writeln!(f, "node overlaps        {}", self.node_overlaps)?;
        writeln!(f, "edges through nodes  {} of {} curves", self.edges_through_nodes, self.curves)?;
        writeln!(f, "labels off their edge {}", self.detached_labels)?;
        writeln!(f, "area                 {:.0} × {:.0} = {:.0}", self.width, self.height, self.area())?;
        writeln!(f, "aspect ratio         {:.2}", self.aspect())
    }
}

/// Who a text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Node(usize),
    Edge(usize),
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    lo: Point,
    hi: Point,
}

impl Rect {
    fn empty() -> Self {
        Rect {
            lo: Point { x: f64::INFINITY, y: f64::INFINITY },
            hi: Point { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY },
        }
    }
    fn add(&mut self, p: Point) {
        self.lo.x = self.lo.x.min(p.x);
        self.lo.y = self.lo.y.min(p.y);
        self.hi.x = self.hi.x.max(p.x);
        self.hi.y = self.hi.y.max(p.y);
    }
    fn union(&mut self, r: &Rect) {
        if r.is_valid() {
            self.add(r.lo);
            self.add(r.hi);
        }
    }
    fn is_valid(&self) -> bool {
        self.lo.x <= self.hi.x && self.lo.y <= self.hi.y
    }
    fn overlaps(&self, o: &Rect) -> bool {
        let ox = self.hi.x.min(o.hi.x) - self.lo.x.max(o.lo.x);
        let oy = self.hi.y.min(o.hi.y) - self.lo.y.max(o.lo.y);
        ox > TOLERANCE && oy > TOLERANCE
    }
    fn grown(&self, by: f64) -> Rect {
        Rect { lo: Point { x: self.lo.x - by, y: self.lo.y - by }, hi: Point { x: self.hi.x + by, y: self.hi.y + by } }
    }
}

/// An affine map with no rotation: `(sx·x + tx, sy·y + ty)`.
#[derive(Debug, Clone, Copy)]
struct Transform {
    sx: f64,
    sy: f64,
    tx: f64,
    ty: f64,
}

impl Transform {
    const IDENTITY: Transform = Transform { sx: 1.0, sy: 1.0, tx: 0.0, ty: 0.0 };
    fn apply(&self, p: Point) -> Point {
        Point { x: self.sx * p.x + self.tx, y: self.sy * p.y + self.ty }
    }
    /// `self` after `inner` (inner applied first).
    fn then_inner(&self, inner: &Transform) -> Transform {
        Transform {
            sx: self.sx * inner.sx,
            sy: self.sy * inner.sy,
            tx: self.sx * inner.tx + self.tx,
            ty: self.sy * inner.ty + self.ty,
        }
    }
    /// Parses `translate(…)`, `scale(…)` and `rotate(0)`; other parts are ignored.
    fn parse(text: &str) -> Transform {
        let mut out = Transform::IDENTITY;
        for part in text.split(')') {
            let Some((name, args)) = part.split_once('(') else { continue };
            let v: Vec<f64> = numbers(args);
            let op = match name.trim() {
                "translate" => Transform {
                    sx: 1.0,
                    sy: 1.0,
                    tx: v.first().copied().unwrap_or(0.0),
                    ty: v.get(1).copied().unwrap_or(0.0),
                },
                "scale" => {
                    let sx = v.first().copied().unwrap_or(1.0);
                    Transform { sx, sy: v.get(1).copied().unwrap_or(sx), tx: 0.0, ty: 0.0 }
                }
                _ => continue,
            };
            out = out.then_inner(&op);
        }
        out
    }
}

/// The numbers in `text` (separated by spaces, commas or signs).
fn numbers(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<f64>| {
        if let Ok(v) = current.parse::<f64>() {
            if v.is_finite() {
                out.push(v);
            }
        }
        current.clear();
    };
    let mut prev = ' ';
    for c in text.chars() {
        let starts_new = (c == '-' || c == '+') && !matches!(prev, 'e' | 'E') || (c == '.' && current.contains('.'));
        if c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+' {
            if starts_new && !current.is_empty() {
                flush(&mut current, &mut out);
            }
            current.push(c);
        } else {
            flush(&mut current, &mut out);
        }
        prev = c;
    }
    flush(&mut current, &mut out);
    out
}

/// Flattens an SVG path (`M L H V C S Q T A Z`, absolute or relative) into polylines.
fn flatten(d: &str) -> Vec<Vec<Point>> {
    // Split into (command, numbers).
    let mut commands: Vec<(char, Vec<f64>)> = Vec::new();
    let mut start = None;
    for (i, c) in d.char_indices() {
        if c.is_ascii_alphabetic() && c != 'e' && c != 'E' {
            if let Some((j, cmd)) = start {
                commands.push((cmd, numbers(&d[j..i])));
            }
            start = Some((i + c.len_utf8(), c));
        }
    }
    if let Some((j, cmd)) = start {
        commands.push((cmd, numbers(&d[j..])));
    }
    let mut lines: Vec<Vec<Point>> = Vec::new();
    let mut cur = Point::default();
    let mut first = Point::default();
    for (cmd, v) in commands {
        let rel = cmd.is_ascii_lowercase();
        let base = |c: Point| if rel { c } else { Point::default() };
        let pt = |c: Point, x: f64, y: f64| Point { x: base(c).x + x, y: base(c).y + y };
        match cmd.to_ascii_uppercase() {
            'M' => {
                for (k, xy) in v.chunks_exact(2).enumerate() {
                    cur = pt(cur, xy[0], xy[1]);
                    if k == 0 {
                        first = cur;
                        lines.push(vec![cur]);
                    } else if let Some(l) = lines.last_mut() {
                        l.push(cur);
                    }
                }
            }
            'L' | 'T' => {
                for xy in v.chunks_exact(2) {
                    cur = pt(cur, xy[0], xy[1]);
                    push(&mut lines, cur);
                }
            }
            'H' => {
                for &x in &v {
                    cur = Point { x: if rel { cur.x + x } else { x }, y: cur.y };
                    push(&mut lines, cur);
                }
            }
            'V' => {
                for &y in &v {
                    cur = Point { x: cur.x, y: if rel { cur.y + y } else { y } };
                    push(&mut lines, cur);
                }
            }
            'Q' | 'S' => {
                for q in v.chunks_exact(4) {
                    let (c, e) = (pt(cur, q[0], q[1]), pt(cur, q[2], q[3]));
                    let s = cur;
                    for i in 1..=PIECES {
                        let t = i as f64 / PIECES as f64;
                        let u = 1.0 - t;
                        push(
                            &mut lines,
                            Point {
                                x: u * u * s.x + 2.0 * u * t * c.x + t * t * e.x,
                                y: u * u * s.y + 2.0 * u * t * c.y + t * t * e.y,
                            },
                        );
                    }
                    cur = e;
                }
            }
            'C' => {
                for q in v.chunks_exact(6) {
                    let (c1, c2, e) = (pt(cur, q[0], q[1]), pt(cur, q[2], q[3]), pt(cur, q[4], q[5]));
                    let s = cur;
                    for i in 1..=PIECES {
                        let t = i as f64 / PIECES as f64;
                        let u = 1.0 - t;
                        let (a, b, c, dd) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        push(
                            &mut lines,
                            Point {
                                x: a * s.x + b * c1.x + c * c2.x + dd * e.x,
                                y: a * s.y + b * c1.y + c * c2.y + dd * e.y,
                            },
                        );
                    }
                    cur = e;
                }
            }
            'A' => {
                for q in v.chunks_exact(7) {
                    cur = pt(cur, q[5], q[6]);
                    push(&mut lines, cur);
                }
            }
            'Z' => {
                cur = first;
                push(&mut lines, cur);
            }
            _ => {}
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

fn push(lines: &mut Vec<Vec<Point>>, p: Point) {
    match lines.last_mut() {
        Some(l) => l.push(p),
        None => lines.push(vec![p]),
    }
}

/// One element on the open-element stack.
#[derive(Debug, Clone)]
struct Frame {
    transform: Transform,
    font_size: f64,
    anchor: Anchor,
    bold: bool,
    /// Inside a node, an edge group, a legend or cluster (not counted), or neither.
    owner: Option<Owner>,
    ignored: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// A line of text being read.
struct TextLine {
    at: Point,
    size: f64,
    anchor: Anchor,
    bold: bool,
    text: String,
}

#[derive(Default)]
struct Edge {
    /// Which node pair it joins (its name or title), for counting crossings per pair.
    pair: String,
    lines: Vec<Vec<Point>>,
}

#[derive(Default)]
struct Geometry {
    nodes: Vec<Rect>,
    edges: Vec<Edge>,
    /// Edge ids by `data-line` (built-in) for attaching labels.
    by_line: BTreeMap<String, usize>,
    labels: Vec<(Owner, Rect)>,
    /// Labels that name an edge by `data-line`, before all edges are known.
    pending: Vec<(String, Rect)>,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .and_then(|a| a.unescape_value().ok())
        .map(|v| v.into_owned())
}

fn num(e: &BytesStart, name: &str) -> Option<f64> {
    attr(e, name).and_then(|v| numbers(&v).first().copied())
}

/// Measures an SVG drawn by the built-in renderer or by Graphviz.
pub fn measure(svg: &str) -> Result<Stats, ExportError> {
    let g = read(svg)?;
    Ok(count(&g))
}

fn read(svg: &str) -> Result<Geometry, ExportError> {
    let mut reader = Reader::from_str(svg);
    let mut g = Geometry::default();
    let root = Frame {
        transform: Transform::IDENTITY,
        font_size: 14.0,
        anchor: Anchor::Start,
        bold: false,
        owner: None,
        ignored: false,
    };
    let mut stack: Vec<Frame> = vec![root];
    let mut text: Option<TextLine> = None;
    let mut text_box: Option<(Option<Owner>, Option<String>, Rect)> = None;
    let mut in_title = 0usize;
    let mut edge_title: Option<usize> = None;
    loop {
        let event = reader.read_event().map_err(|e| ExportError::Measure { message: e.to_string() })?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            let parent = stack.last().cloned().unwrap_or_else(|| stack[0].clone());
            let mut frame = parent.clone();
            if let Some(t) = attr(&e, "transform") {
                frame.transform = parent.transform.then_inner(&Transform::parse(&t));
            }
            if let Some(size) = num(&e, "font-size") {
                frame.font_size = size;
            }
            match attr(&e, "text-anchor").as_deref() {
                Some("middle") => frame.anchor = Anchor::Middle,
                Some("end") => frame.anchor = Anchor::End,
                Some("start") => frame.anchor = Anchor::Start,
                _ => {}
            }
            if let Some(w) = attr(&e, "font-weight") {
                frame.bold = w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600);
            }
            let class = attr(&e, "class").unwrap_or_default();
            let first_class = class.split_whitespace().next().unwrap_or("");
            if name == "g" {
                match first_class {
                    "node" => {
                        g.nodes.push(Rect::empty());
                        frame.owner = Some(Owner::Node(g.nodes.len() - 1));
                    }
                    "edge" => {
                        g.edges.push(Edge::default());
                        frame.owner = Some(Owner::Edge(g.edges.len() - 1));
                        edge_title = Some(g.edges.len() - 1);
                    }
                    "legend" | "cluster" => frame.ignored = true,
                    _ => {}
                }
            }
            if name == "text" && first_class == "title" {
                frame.ignored = true;
            }
            let t = frame.transform;
            let shape = |r: &mut Rect| {
                let p = |x: &str, y: &str| Point { x: num(&e, x).unwrap_or(0.0), y: num(&e, y).unwrap_or(0.0) };
                match name.as_str() {
                    "rect" => {
                        let (o, w, h) =
                            (p("x", "y"), num(&e, "width").unwrap_or(0.0), num(&e, "height").unwrap_or(0.0));
                        r.add(t.apply(o));
                        r.add(t.apply(Point { x: o.x + w, y: o.y + h }));
                    }
                    "ellipse" | "circle" => {
                        let c = p("cx", "cy");
                        let rx = num(&e, "rx").or_else(|| num(&e, "r")).unwrap_or(0.0);
                        let ry = num(&e, "ry").or_else(|| num(&e, "r")).unwrap_or(0.0);
                        r.add(t.apply(Point { x: c.x - rx, y: c.y - ry }));
                        r.add(t.apply(Point { x: c.x + rx, y: c.y + ry }));
                    }
                    "polygon" | "polyline" => {
                        for xy in numbers(&attr(&e, "points").unwrap_or_default()).chunks_exact(2) {
                            r.add(t.apply(Point { x: xy[0], y: xy[1] }));
                        }
                    }
                    "path" => {
                        for l in flatten(&attr(&e, "d").unwrap_or_default()) {
                            for q in l {
                                r.add(t.apply(q));
                            }
                        }
                    }
                    _ => {}
                }
            };
            if !frame.ignored {
                match (frame.owner, name.as_str()) {
                    (Some(Owner::Node(i)), "rect" | "ellipse" | "circle" | "polygon" | "polyline" | "path") => {
                        shape(&mut g.nodes[i])
                    }
                    (Some(Owner::Edge(i)), "path") if g.edges[i].lines.is_empty() => {
                        g.edges[i].lines = flatten(&attr(&e, "d").unwrap_or_default())
                            .into_iter()
                            .map(|l| l.into_iter().map(|q| t.apply(q)).collect())
                            .collect();
                    }
                    (None, "path") if first_class == "edge" => {
                        let lines = flatten(&attr(&e, "d").unwrap_or_default())
                            .into_iter()
                            .map(|l| l.into_iter().map(|q| t.apply(q)).collect())
                            .collect();
                        g.edges.push(Edge { pair: attr(&e, "data-pair").unwrap_or_default(), lines });
                        if let Some(line) = attr(&e, "data-line") {
                            g.by_line.insert(line, g.edges.len() - 1);
                        }
                    }
                    _ => {}
                }
            }
            if name == "title" {
                in_title += 1;
            }
            if name == "text" && !frame.ignored {
                text_box = Some((frame.owner, attr(&e, "data-line"), Rect::empty()));
            }
            if (name == "text" || name == "tspan") && text_box.is_some() {
                if let (Some(x), Some(y)) = (num(&e, "x"), num(&e, "y")) {
                    flush_line(&mut text, &mut text_box);
                    text = Some(TextLine {
                        at: t.apply(Point { x, y }),
                        size: frame.font_size * t.sy.abs(),
                        anchor: frame.anchor,
                        bold: frame.bold,
                        text: String::new(),
                    });
                }
            }
            if !empty {
                stack.push(frame);
            }
            continue;
        }
        match event {
            Event::Text(t) => {
                let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                if in_title > 0 {
                    if let Some(i) = edge_title {
                        g.edges[i].pair.push_str(&s);
                    }
                } else if let Some(line) = text.as_mut() {
                    line.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map(|c| c.into_owned()).unwrap_or_default();
                let c = match name.as_str() {
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "amp" => "&".to_owned(),
                    "quot" => "\"".to_owned(),
                    "apos" => "'".to_owned(),
                    other => other
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| other.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                };
                if in_title > 0 {
                    if let Some(i) = edge_title {
                        g.edges[i].pair.push_str(&c);
                    }
                } else if let Some(line) = text.as_mut() {
                    line.text.push_str(&c);
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if name == "title" {
                    in_title = in_title.saturating_sub(1);
                    edge_title = None;
                }
                if name == "text" {
                    flush_line(&mut text, &mut text_box);
                    if let Some((owner, line, rect)) = text_box.take() {
                        if rect.is_valid() {
                            match (owner, line) {
                                (Some(o), _) => g.labels.push((o, rect)),
                                (None, Some(line)) => g.pending.push((line, rect)),
                                (None, None) => {}
                            }
                        }
                    }
                }
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for (line, rect) in std::mem::take(&mut g.pending) {
        if let Some(&edge) = g.by_line.get(&line) {
            g.labels.push((Owner::Edge(edge), rect));
        }
    }
    g.nodes.retain(Rect::is_valid);
    Ok(g)
}

/// Adds the line being read to the text's box.
fn flush_line(text: &mut Option<TextLine>, text_box: &mut Option<(Option<Owner>, Option<String>, Rect)>) {
    let (Some(line), Some((_, _, rect))) = (text.take(), text_box.as_mut()) else { return };
    if line.text.trim().is_empty() {
        return;
    }
    let w = font::text_width(&line.text, line.size, line.bold);
    let x0 = match line.anchor {
        Anchor::Start => line.at.x,
        Anchor::Middle => line.at.x - w / 2.0,
        Anchor::End => line.at.x - w,
    };
    rect.add(Point { x: x0, y: line.at.y - 0.95 * line.size });
    rect.add(Point { x: x0 + w, y: line.at.y + 0.25 * line.size });
}

fn bbox(lines: &[Vec<Point>]) -> Rect {
    let mut r = Rect::empty();
    lines.iter().flatten().for_each(|p| r.add(*p));
    r
}

/// Where segments `p–q` and `r–s` cross, if they do.
fn intersection(p: Point, q: Point, r: Point, s: Point) -> Option<Point> {
    let (d1x, d1y, d2x, d2y) = (q.x - p.x, q.y - p.y, s.x - r.x, s.y - r.y);
    let den = d1x * d2y - d1y * d2x;
    if den.abs() < 1e-12 {
        return None;
    }
    let t = ((r.x - p.x) * d2y - (r.y - p.y) * d2x) / den;
    let u = ((r.x - p.x) * d1y - (r.y - p.y) * d1x) / den;
    ((0.0..1.0).contains(&t) && (0.0..1.0).contains(&u)).then_some(Point { x: p.x + t * d1x, y: p.y + t * d1y })
}

fn crossings_between(a: &Edge, b: &Edge) -> usize {
    let ends: Vec<Point> = [a, b].iter().flat_map(|e| e.lines.iter().flat_map(|l| [l[0], l[l.len() - 1]])).collect();
    let near_end = |x: Point| ends.iter().any(|e| (e.x - x.x).hypot(e.y - x.y) < NEAR_END);
    let mut count = 0;
    for la in &a.lines {
        for sa in la.windows(2) {
            for lb in &b.lines {
                for sb in lb.windows(2) {
                    if let Some(x) = intersection(sa[0], sa[1], sb[0], sb[1]) {
                        if !near_end(x) {
                            count += 1;
                        }
                    }
                }
            }
        }
    }
    count
}

/// Whether an edge's curve (bounding box `b`) passes through a node box that is not one of
/// its ends; boxes are shrunk by 1 px so that grazing a corner does not count.
fn through_foreign(e: &Edge, b: &Rect, nodes: &[Rect]) -> bool {
    let inside = |p: Point, r: &Rect| p.x >= r.lo.x && p.x <= r.hi.x && p.y >= r.lo.y && p.y <= r.hi.y;
    let ends: Vec<Point> = e.lines.iter().flat_map(|l| l.first().into_iter().chain(l.last())).copied().collect();
    nodes.iter().any(|n| {
        let near = n.grown(3.0);
        let inner = n.grown(-1.0);
        inner.is_valid()
            && b.grown(2.0).overlaps(n)
            && !ends.iter().any(|&p| inside(p, &near))
            && e.lines.iter().any(|l| l.windows(2).any(|s| segment_hits_box(s[0], s[1], inner.lo, inner.hi)))
    })
}

fn count(g: &Geometry) -> Stats {
    let mut stats = Stats { nodes: g.nodes.len(), curves: g.edges.len(), ..Stats::default() };
    stats.edge_labels = g.labels.iter().filter(|(o, _)| matches!(o, Owner::Edge(_))).count();
    // Crossings, per pair of node pairs.
    let boxes: Vec<Rect> = g.edges.iter().map(|e| bbox(&e.lines)).collect();
    let mut per_pair: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for i in 0..g.edges.len() {
        for j in i + 1..g.edges.len() {
            let (a, b) = (&g.edges[i], &g.edges[j]);
            if a.pair == b.pair || !boxes[i].grown(1.0).overlaps(&boxes[j].grown(1.0)) {
                continue;
            }
            let n = crossings_between(a, b);
            if n > 0 {
                let key = if a.pair < b.pair {
                    (a.pair.as_str(), b.pair.as_str())
                } else {
                    (b.pair.as_str(), a.pair.as_str())
                };
                let entry = per_pair.entry(key).or_insert(0);
                *entry = (*entry).max(n);
            }
        }
    }
    stats.crossings = per_pair.values().sum();
    for (i, a) in g.nodes.iter().enumerate() {
        stats.node_overlaps += g.nodes[i + 1..].iter().filter(|b| a.overlaps(b)).count();
    }
    for (i, (oa, a)) in g.labels.iter().enumerate() {
        stats.label_overlaps += g.labels[i + 1..].iter().filter(|(ob, b)| ob != oa && a.overlaps(b)).count();
        stats.label_node_overlaps +=
            g.nodes.iter().enumerate().filter(|(n, b)| *oa != Owner::Node(*n) && a.overlaps(b)).count();
        if let Owner::Edge(e) = oa {
            let r = a.grown(1.5);
            let touches =
                g.edges[*e].lines.iter().any(|l| l.windows(2).any(|s| segment_hits_box(s[0], s[1], r.lo, r.hi)));
            if !touches {
                stats.detached_labels += 1;
            }
        }
    }
    stats.edges_through_nodes = g.edges.iter().zip(&boxes).filter(|(e, b)| through_foreign(e, b, &g.nodes)).count();
    let mut all = Rect::empty();
    g.nodes.iter().for_each(|r| all.union(r));
    boxes.iter().for_each(|r| all.union(r));
    g.labels.iter().for_each(|(_, r)| all.union(r));
    if all.is_valid() {
        stats.width = all.hi.x - all.lo.x;
        stats.height = all.hi.y - all.lo.y;
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_split_on_signs_and_commas() {
        assert_eq!(numbers("M1,2-3.5 4e1"), vec![1.0, 2.0, -3.5, 40.0]);
        assert_eq!(numbers(".5.5"), vec![0.5, 0.5]);
    }

    #[test]
    fn crossing_edges_and_overlaps_are_counted() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg">
<g class="node a"><rect x="0" y="0" width="20" height="20"/><text x="10" y="14" text-anchor="middle" font-size="10">a</text></g>
<g class="node b"><rect x="10" y="10" width="20" height="20"/></g>
<path class="edge x" data-line="0" data-pair="1-2" d="M0,100 L100,200"/>
<path class="edge x" data-line="1" data-pair="3-4" d="M0,200 Q50,150 100,100"/>
<text data-line="0" x="50" y="150" font-size="10">label</text>
<text data-line="1" x="300" y="300" font-size="10">far</text>
</svg>"#;
        let s = measure(svg).unwrap();
        assert_eq!((s.nodes, s.curves, s.edge_labels), (2, 2, 2));
        assert_eq!(s.crossings, 1);
        assert_eq!(s.node_overlaps, 1);
        assert_eq!(s.detached_labels, 1);
        assert_eq!(s.label_overlaps, 0);
    }

    #[test]
    fn an_edge_through_a_node_between_its_ends_is_counted_once() {
        // a (0..20) and c (200..220) on one row with b (100..120) between them: the straight
        // a–c edge passes through b; the a–b edge ends at b and passes through nothing; the
        // bowed a–c edge goes round b above it.
        let node = |x: u32| format!(r#"<g class="node n"><rect x="{x}" y="0" width="20" height="20"/></g>"#);
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg">{}{}{}
<path class="edge x" data-line="0" data-pair="0-2" d="M20,10 L200,10"/>
<path class="edge x" data-line="1" data-pair="0-1" d="M20,10 L100,10"/>
<path class="edge x" data-line="2" data-pair="0-2" d="M20,5 Q110,-120 200,5"/>
</svg>"#,
            node(0),
            node(100),
            node(200)
        );
        let s = measure(&svg).unwrap();
        assert_eq!((s.curves, s.edges_through_nodes), (3, 1));
    }

    #[test]
    fn graphviz_groups_and_transforms_are_read() {
        let svg = r#"<svg><g class="graph" transform="scale(1 1) rotate(0) translate(4 100)">
<g class="node"><title>n0</title><ellipse cx="10" cy="-10" rx="10" ry="5"/><text text-anchor="middle" x="10" y="-7" font-size="8">A</text></g>
<g class="edge"><title>n0&#45;&gt;n1</title><path d="M10,-10C20,-20 30,-30 40,-40"/><text x="25" y="-25" font-size="8">x</text></g>
</g></svg>"#;
        let s = measure(svg).unwrap();
        assert_eq!((s.nodes, s.curves, s.edge_labels, s.detached_labels), (1, 1, 1, 0));
        assert!(s.width > 0.0 && s.height > 0.0);
    }

    #[test]
    fn garbage_is_an_error_or_empty_never_a_panic() {
        assert!(measure("<svg><g class=\"edge\"><path d=\"M 1\"/></g></svg>").is_ok());
        let _ = measure("<svg><text>");
        let _ = measure("");
    }
}
