//! The data a map page embeds: every node and tie with its dates, evidence and geometry,
//! the theme, the slider's dates and each tie's influence strengths, as one JSON document.
//!
//! Positions come from the built-in layout ([`crate::export::layout::layout`]) on the same
//! labels, sizes and country clusters as the built-in SVG, or from a positions file: the
//! nodes it names stay exactly where it puts them, the others are placed around them. Dates are given twice: as
//! written (`2014-03`) for reading, and as the first and last day they can mean
//! (`2014-03-01`, `2014-03-31`) so that the page applies the `--at` rule
//! ([`crate::model::in_force`]) by comparing ISO day strings.
//!
//! The JSON is made safe to sit inside a `<script>` element by [`script_safe_json`].

use std::collections::BTreeSet;

use serde::Serialize;

use super::super::escape::clean;
use super::super::layout::{layout, LayoutParams, Point};
use super::super::pin::place;
use super::super::scene::Scene;
use super::super::theme::{LineStyle, Shape, Theme};
use super::HtmlOptions;
use crate::analysis::context::{is_actor, is_party_tie};
use crate::model::date::{days_in_month, Day};
use crate::model::{Model, PartialDate};

/// Longest name, quote or note kept, in characters.
const TEXT_CHARS: usize = 20_000;

#[derive(Serialize)]
pub(crate) struct Data {
    title: String,
    description: Option<String>,
    theme: Theme,
    sources: Vec<SourceData>,
    nodes: Vec<NodeData>,
    edges: Vec<EdgeData>,
    clusters: Vec<Vec<usize>>,
    /// Every day on which something starts or ends, sorted: the slider's stops.
    dates: Vec<String>,
    /// The date the map opens on (`--at`), if any.
    at: Option<AtData>,
}

#[derive(Serialize)]
struct SourceData {
    id: String,
    title: String,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
struct AtData {
    label: String,
    first: String,
    last: String,
}

#[derive(Serialize)]
struct NodeData {
    id: String,
    name: String,
    kind: &'static str,
    /// Whether influence runs through the node (an actor) rather than linking the actors
    /// tied to it (a context), by [`crate::analysis::context::is_actor`].
    actor: bool,
    aliases: Vec<String>,
    since: Option<String>,
    until: Option<String>,
    date: Option<String>,
    /// First day of `since` and of `date`, whichever is later; last day of `until`.
    start: Option<String>,
    end: Option<String>,
    description: Option<String>,
    tags: Vec<String>,
    /// The ids of the sources that state the node ([`Model::node_sources`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    /// The drawn label's lines.
    label: Vec<String>,
    scale: f64,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    shape: Shape,
    highlighted: bool,
}

#[derive(Serialize)]
struct EdgeData {
    /// Position of the tie in the model file, from 0.
    n: usize,
    from: usize,
    to: usize,
    kind: &'static str,
    label: String,
    polarity: &'static str,
    symmetric: bool,
    since: Option<String>,
    until: Option<String>,
    start: Option<String>,
    end: Option<String>,
    weight: Option<f64>,
    intensity: Option<f64>,
    topic: Option<String>,
    note: Option<String>,
    evidence: Vec<EvidenceData>,
    /// The ids of the sources that state the tie, quoted or not ([`Model::edge_sources`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    /// `[forward, backward, sign]`, or `null` when the kind carries no influence.
    influence: Option<[f64; 3]>,
    /// Whether the tie makes its `from` a party to a dispute
    /// ([`crate::analysis::context::is_party_tie`]); left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    party: bool,
    width: f64,
    line: LineStyle,
    highlighted: bool,
}

#[derive(Serialize)]
struct EvidenceData {
    source: String,
    quote: String,
}

fn text(s: &str) -> String {
    clean(s, TEXT_CHARS, true)
}

fn iso(day: Day) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// The day after `day` (the last day of year 9999 stays put).
fn next_day(day: Day) -> Day {
    if day.day < days_in_month(day.year, day.month) {
        Day { day: day.day + 1, ..day }
    } else if day.month < 12 {
        Day { month: day.month + 1, day: 1, ..day }
    } else if day.year < 9999 {
        Day { year: day.year + 1, month: 1, day: 1 }
    } else {
        day
    }
}

/// Approximate advance of `c` in ems, for sizing boxes without font files (as the SVG).
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' | 'f' | 't' | 'r' => 0.32,
        'm' | 'w' | 'M' | 'W' => 0.85,
        c if c.is_ascii_uppercase() => 0.68,
        c if (c as u32) < 0x0250 => 0.56,
        c if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD) => {
            1.0
        }
        _ => 0.6,
    }
}

/// The box around a label of `lines` at `font` points for `shape`.
fn box_size(lines: &[String], shape: Shape, font: f64) -> Point {
    let width = lines.iter().map(|l| l.chars().map(char_width).sum::<f64>()).fold(0.0, f64::max) * font;
    let height = lines.len() as f64 * font * 1.2;
    let (px, py) = (font * 0.9, font * 0.45);
    let (w, h) = match shape {
        Shape::Ellipse => (width * 1.2 + 2.0 * px, height * 1.3 + 2.0 * py),
        Shape::Diamond => (width * 1.5 + 2.0 * px, height * 1.7 + 2.0 * py),
        Shape::Hexagon | Shape::Octagon => (width + 2.0 * px + height * 0.8, height + 3.0 * py),
        Shape::Parallelogram => (width + 2.0 * px + height, height + 2.0 * py),
        Shape::House => (width + 2.0 * px, height + 2.0 * py + font),
        Shape::Cylinder => (width + 2.0 * px, height + 2.0 * py + font * 0.8),
        _ => (width + 2.0 * px, height + 2.0 * py),
    };
    Point { x: w, y: h }
}

/// The first day of `date`, as ISO text.
fn first(date: Option<&PartialDate>) -> Option<String> {
    date.map(|d| iso(d.first_day()))
}

/// The slider's stops: every first day of a start, and every last day of an end and the day
/// after it (when the tie is gone), sorted and distinct.
fn stops(model: &Model) -> Vec<String> {
    let mut days: BTreeSet<Day> = BTreeSet::new();
    let starts = model.nodes().flat_map(|n| [n.since, n.date]).chain(model.edges().map(|e| e.since));
    days.extend(starts.flatten().map(|d| d.first_day()));
    let ends = model.nodes().map(|n| n.until).chain(model.edges().map(|e| e.until));
    for end in ends.flatten() {
        days.insert(end.last_day());
        days.insert(next_day(end.last_day()));
    }
    days.into_iter().map(iso).collect()
}

/// Builds the page's data.
pub(crate) fn build(model: &Model, options: &HtmlOptions, theme: &Theme) -> Data {
    let scene = Scene::new(model, &options.diagram, theme);
    let graph = model.graph();
    let shapes: Vec<Shape> = scene.nodes.iter().map(|n| theme.node(n.kind).shape).collect();
    let labels: Vec<Vec<String>> =
        scene.nodes.iter().map(|n| n.label.split('\n').map(str::to_owned).collect()).collect();
    let sizes: Vec<Point> = scene
        .nodes
        .iter()
        .zip(&labels)
        .zip(&shapes)
        .map(|((n, lines), &shape)| box_size(lines, shape, theme.font_size * n.scale))
        .collect();
    let pairs: Vec<(usize, usize)> = scene.edges.iter().map(|e| (e.from, e.to)).collect();
    let mut widths: Vec<f64> = sizes.iter().map(|s| s.x).collect();
    widths.sort_by(f64::total_cmp);
    let median = widths.get(widths.len() / 2).copied().unwrap_or(80.0);
    let density = if sizes.is_empty() { 1.0 } else { (pairs.len() as f64 / sizes.len() as f64 / 1.5).sqrt() };
    let params =
        LayoutParams { edge_length: (median + 70.0).max(110.0) * density.clamp(1.0, 1.6), ..Default::default() };
    let positions = match &options.positions {
        Some(given) => {
            let pinned: Vec<Option<Point>> = graph.node_weights().map(|n| given.get(&n.id).copied()).collect();
            place(&sizes, &pairs, &scene.cluster_of(), &pinned, &params, true)
        }
        None => layout(&sizes, &pairs, &scene.cluster_of(), &params),
    };

    let nodes = graph
        .node_weights()
        .zip(&scene.nodes)
        .enumerate()
        .map(|(i, (node, drawn))| {
            let position = positions.get(i).copied().unwrap_or_default();
            let size = sizes.get(i).copied().unwrap_or_default();
            let starts = [node.since, node.date].into_iter().flatten().map(|d| d.first_day()).max();
            NodeData {
                id: node.id.clone(),
                name: clean(&node.name, TEXT_CHARS, false),
                kind: node.kind.as_str(),
                actor: is_actor(node.kind),
                aliases: node.aliases.iter().map(|a| clean(a, TEXT_CHARS, false)).collect(),
                since: node.since.map(|d| d.to_string()),
                until: node.until.map(|d| d.to_string()),
                date: node.date.map(|d| d.to_string()),
                start: starts.map(iso),
                end: node.until.map(|d| iso(d.last_day())),
                description: node.description.as_deref().map(text),
                tags: node.tags.iter().map(|t| clean(t, TEXT_CHARS, false)).collect(),
                sources: model.node_sources(node).into_iter().map(|s| clean(s, TEXT_CHARS, false)).collect(),
                label: labels.get(i).cloned().unwrap_or_default(),
                scale: drawn.scale,
                x: position.x,
                y: position.y,
                w: size.x,
                h: size.y,
                shape: shapes.get(i).copied().unwrap_or(Shape::Box),
                highlighted: drawn.highlighted,
            }
        })
        .collect();

    let strengths = super::influence(model);
    let edges = graph
        .edge_weights()
        .zip(&scene.edges)
        .enumerate()
        .map(|(k, (edge, drawn))| EdgeData {
            n: options.edge_numbers.as_ref().and_then(|n| n.get(k).copied()).unwrap_or(k),
            from: drawn.from,
            to: drawn.to,
            kind: edge.kind.as_str(),
            label: edge.kind.label(),
            polarity: edge.polarity().as_str(),
            symmetric: edge.kind.is_symmetric(),
            since: edge.since.map(|d| d.to_string()),
            until: edge.until.map(|d| d.to_string()),
            start: first(edge.since.as_ref()),
            end: edge.until.map(|d| iso(d.last_day())),
            weight: edge.weight,
            intensity: edge.intensity,
            topic: edge.topic.as_deref().map(|t| clean(t, TEXT_CHARS, false)),
            note: edge.note.as_deref().map(text),
            evidence: edge
                .evidence
                .iter()
                .map(|e| EvidenceData { source: e.source.clone(), quote: text(&e.quote) })
                .collect(),
            sources: model.edge_sources(edge).into_iter().map(|s| clean(s, TEXT_CHARS, false)).collect(),
            influence: strengths.get(k).copied().flatten(),
            party: is_party_tie(edge.kind),
            width: drawn.width,
            line: drawn.line,
            highlighted: drawn.highlighted,
        })
        .collect();

    Data {
        title: clean(&model.title, TEXT_CHARS, false),
        description: model.description.as_deref().map(text),
        theme: theme.clone(),
        sources: model
            .sources
            .iter()
            .map(|s| SourceData {
                id: s.id.clone(),
                title: clean(&s.title, TEXT_CHARS, false),
                author: s.author.as_deref().map(|a| clean(a, TEXT_CHARS, false)),
                date: s.date.map(|d| d.to_string()),
                url: s.url.as_deref().map(|u| clean(u, TEXT_CHARS, false)),
            })
            .collect(),
        nodes,
        edges,
        clusters: scene.clusters.iter().map(|c| c.members.clone()).collect(),
        dates: stops(model),
        at: options.at.map(|d| AtData { label: d.to_string(), first: iso(d.first_day()), last: iso(d.last_day()) }),
    }
}

/// JSON text that can sit inside `<script type="application/json">`: `<`, `>`, `&` and the
/// line separators U+2028 and U+2029 are written as `\u` escapes, so no data can close the
/// element, open a comment or end a line in older script parsers. These characters occur in
/// serde_json's output only inside strings, where the escapes mean the same characters.
pub(crate) fn script_safe_json(data: &Data) -> String {
    let json = serde_json::to_string(data).unwrap_or_else(|_| "null".to_owned());
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    #[test]
    fn next_day_rolls_over_months_years_and_leap_days() {
        let d = |year, month, day| Day { year, month, day };
        assert_eq!(next_day(d(2014, 3, 17)), d(2014, 3, 18));
        assert_eq!(next_day(d(2014, 2, 28)), d(2014, 3, 1));
        assert_eq!(next_day(d(2016, 2, 28)), d(2016, 2, 29));
        assert_eq!(next_day(d(2014, 12, 31)), d(2015, 1, 1));
        assert_eq!(next_day(d(9999, 12, 31)), d(9999, 12, 31));
    }

    #[test]
    fn stops_hold_starts_ends_and_the_days_after_ends() {
        let mut m = Model::new("t");
        m.add_node(Node::new("a", NodeKind::Country, "A")).unwrap();
        m.add_node(Node::new("b", NodeKind::Country, "B")).unwrap();
        let mut e = Edge::new("a", "b", EdgeKind::Sanctions);
        e.since = "2014-03".parse().ok();
        e.until = "2015".parse().ok();
        m.add_edge(e).unwrap();
        assert_eq!(stops(&m), ["2014-03-01", "2015-12-31", "2016-01-01"]);
    }

    #[test]
    fn script_safe_json_escapes_what_could_end_the_script() {
        let mut m = Model::new("</script><script>alert(1)</script> & \u{2028}");
        m.add_node(Node::new("x", NodeKind::Country, "<!-- <img src=x onerror=alert(2)>")).unwrap();
        let data = build(&m, &HtmlOptions::new(), &Theme::default());
        let json = script_safe_json(&data);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        assert!(!json.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script> & \u{2028}");
        assert_eq!(back["nodes"][0]["name"], "<!-- <img src=x onerror=alert(2)>");
    }
}
