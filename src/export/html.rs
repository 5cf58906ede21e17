//! An interactive map in one self-contained HTML file (`relgraph export --format html`).
//!
//! The page is [`render`]ed from four parts, all compiled into the binary:
//! - `assets/viewer/page.html`, the skeleton with the stable hooks (`#search`, `#details`,
//!   `#time`, …; see `docs/viewer.md`);
//! - `assets/viewer/viewer.css`, `assets/viewer/influence.js` (channels and the strongest
//!   path, by the rules of [`crate::analysis::influence`]) and `assets/viewer/viewer.js`
//!   (drawing and interaction), hand-written, no library;
//! - the model as JSON (the `data` submodule): nodes and ties with dates, evidence, influence strengths
//!   and positions from the built-in layout, inside `<script type="application/json">`.
//!
//! Safety: user text only ever reaches the page inside that JSON, escaped so that it cannot
//! close its element, and the script inserts it with `textContent`, never as markup. A
//! Content-Security-Policy meta tag allows exactly the page's own script and style (by
//! SHA-256 hash) and forbids every network request (`default-src 'none'`), so a hostile
//! name can neither run script nor fetch anything.
//!
//! ```
//! use relgraph::export::html::{self, HtmlOptions};
//! use relgraph::export::Theme;
//! use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};
//!
//! let mut model = Model::new("Example");
//! model.add_node(Node::new("japan", NodeKind::Country, "Japan")).unwrap();
//! model.add_node(Node::new("russia", NodeKind::Country, "Russia")).unwrap();
//! model.add_edge(Edge::new("japan", "russia", EdgeKind::Sanctions)).unwrap();
//! let page = html::render(&model, &HtmlOptions::new(), &Theme::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("Content-Security-Policy"));
//! ```

pub(crate) mod csp;
mod data;

use std::collections::BTreeMap;

use super::dot::DotOptions;
use super::escape::xml_text;
use super::layout::Point;
use super::theme::Theme;
use crate::analysis::influence::edge_strengths;
use crate::model::{Model, PartialDate, Profile};

/// The viewer's script, embedded in every page: the influence rules, then the viewer.
pub const VIEWER_JS: &str =
    concat!(include_str!("../../assets/viewer/influence.js"), include_str!("../../assets/viewer/viewer.js"));
/// The viewer's style sheet, embedded in every page.
pub const VIEWER_CSS: &str = include_str!("../../assets/viewer/viewer.css");
/// The page skeleton; `{{NAME}}` marks where the parts go.
const PAGE: &str = include_str!("../../assets/viewer/page.html");

/// What the map shows besides the model: diagram options, the opening date, and the file
/// position of each tie.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// Clusters, sizes, highlight and label options, as for the SVG.
    pub diagram: DotOptions,
    /// The date the map opens on; `None` shows every tie until the slider is moved.
    pub at: Option<PartialDate>,
    /// For each edge of the model drawn, its position in the model file (`data-edge`);
    /// `None` when the model drawn is the whole file.
    pub edge_numbers: Option<Vec<usize>>,
    /// Node positions by id (a positions file): the nodes named stay exactly there, the
    /// others are placed around them.
    pub positions: Option<BTreeMap<String, Point>>,
}

impl HtmlOptions {
    /// Default options: the whole range of dates, ties numbered in model order.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the diagram options (clusters, `size_by`, highlight).
    pub fn with_diagram(mut self, diagram: DotOptions) -> Self {
        self.diagram = diagram;
        self
    }

    /// Opens the map on `at`.
    pub fn with_at(mut self, at: Option<PartialDate>) -> Self {
        self.at = at;
        self
    }

    /// Draws the nodes `positions` names exactly there (a positions file, see
    /// [`crate::io::positions`]), placing the others around them.
    pub fn with_positions(mut self, positions: BTreeMap<String, Point>) -> Self {
        self.positions = Some(positions);
        self
    }

    /// Numbers the ties by their position in the model file; see [`edge_numbers`].
    pub fn with_edge_numbers(mut self, numbers: Vec<usize>) -> Self {
        self.edge_numbers = Some(numbers);
        self
    }
}

/// For each edge of `part` (a filtered or focused copy of `file`, which keeps file order),
/// its position in `file`. Edges are matched in order, so equal edges get their own
/// positions; an edge not found in `file` keeps its own index. Cost O(|E(file)|).
pub fn edge_numbers(file: &Model, part: &Model) -> Vec<usize> {
    let all: Vec<_> = file.edges().collect();
    let mut next = 0;
    part.edges()
        .enumerate()
        .map(|(own, edge)| match all[next.min(all.len())..].iter().position(|e| *e == edge) {
            Some(offset) => {
                next += offset + 1;
                next - 1
            }
            None => own,
        })
        .collect()
}

/// Per edge, `[forward, backward, sign]` as the built-in influence profile with the model's
/// own rules gives them ([`crate::analysis::influence::edge_strengths`]), or `None` for ties
/// that are no channel. The page combines them into channels exactly as
/// [`crate::analysis::influence::channels_from`] does.
fn influence(model: &Model) -> Vec<Option<[f64; 3]>> {
    edge_strengths(model, &Profile::builtin())
        .into_iter()
        .map(|e| e.map(|e| [e.forward, e.backward, f64::from(e.sign.value())]))
        .collect()
}

/// The page as HTML text; never fails.
pub fn render(model: &Model, options: &HtmlOptions, theme: &Theme) -> String {
    let data = data::build(model, options, theme);
    let json = data::script_safe_json(&data);
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp::csp_source(VIEWER_JS),
        csp::csp_source(VIEWER_CSS)
    );
    let title = xml_text(&super::escape::clean(&model.title, 300, false));
    fill(PAGE, &[("CSP", &csp), ("TITLE", &title), ("CSS", VIEWER_CSS), ("JS", VIEWER_JS), ("DATA", &json)])
}

/// A page skeleton with each `{{KEY}}` replaced by its value, in one pass, so what is put in
/// is never scanned for markers again; an unknown marker stays as it is.
pub(crate) fn fill(skeleton: &str, values: &[(&str, &str)]) -> String {
    let mut page = String::with_capacity(skeleton.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = skeleton;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|c| open + c) else { break };
        page.push_str(&rest[..open]);
        let key = &rest[open + 2..close];
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, value)) => page.push_str(value),
            None => {
                page.push_str("{{");
                page.push_str(key);
                page.push_str("}}");
            }
        }
        rest = &rest[close + 2..];
    }
    page.push_str(rest);
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    #[test]
    fn the_assets_cannot_close_their_elements() {
        assert!(!VIEWER_JS.to_ascii_lowercase().contains("</script"));
        assert!(!VIEWER_CSS.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn edge_numbers_are_file_positions_of_a_filtered_copy() {
        let mut m = Model::new("t");
        for id in ["a", "b", "c"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        m.add_edge(Edge::new("a", "b", EdgeKind::Meets)).unwrap();
        m.add_edge(Edge::new("b", "c", EdgeKind::Meets)).unwrap();
        m.add_edge(Edge::new("a", "b", EdgeKind::Meets)).unwrap();
        m.add_edge(Edge::new("a", "c", EdgeKind::Sanctions)).unwrap();
        let part = m.filtered(|n| n.id != "c", |_| true);
        assert_eq!(edge_numbers(&m, &part), [0, 2]);
        let part = m.filtered(|_| true, |e| e.kind == EdgeKind::Sanctions);
        assert_eq!(edge_numbers(&m, &part), [3]);
        assert_eq!(edge_numbers(&m, &m), [0, 1, 2, 3]);
    }

    #[test]
    fn render_fills_every_marker_once() {
        let mut m = Model::new("{{JS}} {{DATA}}");
        m.add_node(Node::new("x", NodeKind::Country, "{{CSS}}")).unwrap();
        let page = render(&m, &HtmlOptions::new(), &Theme::default());
        assert_eq!(page.matches(VIEWER_JS).count(), 1);
        assert_eq!(page.matches("<script").count(), 2);
        assert!(page.contains("{{JS}} {{DATA}}"));
    }
}
