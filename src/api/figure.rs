//! Figures that hold still: the layout of a whole model as a positions file, and the
//! positions a view of it is drawn at, so that views at different dates or with different
//! filters keep every shared node in place and an edited model keeps its picture.
//!
//! ```
//! use relgraph::api::figure;
//! use relgraph::Model;
//!
//! let model = Model::load("graphs/japan_russia_2014.ron".as_ref())?;
//! let whole = figure::layout(&model, &figure::Positions::new());
//! assert_eq!(whole.len(), model.node_count());
//! // A positions file is plain RON, a map from node id to (x, y).
//! let text = figure::to_text(&whole);
//! assert!(text.starts_with("{\n    \""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use crate::export::layout::Point;
use crate::export::panels::{self, Panel};
use crate::export::svg::{self, Renderer, SvgOptions};
use crate::export::{DotOptions, Theme};
use crate::model::{Model, PartialDate};
use crate::Error;

pub use crate::io::positions::Positions;

/// Where the built-in renderer puts every node of `model` (with the default theme, edge
/// labels on, no clusters), keeping the nodes `pinned` names exactly there and placing the
/// others around them.
pub fn layout(model: &Model, pinned: &Positions) -> Positions {
    layout_with(model, &DotOptions::new(), &Theme::default(), pinned)
}

/// [`layout`] with the diagram options and theme that decide node sizes.
pub fn layout_with(model: &Model, options: &DotOptions, theme: &Theme, pinned: &Positions) -> Positions {
    let placed = svg::node_positions_around(model, options, theme, &to_points(pinned));
    from_points(&placed)
}

/// The positions as the SVG options take them.
pub fn to_points(positions: &Positions) -> BTreeMap<String, Point> {
    positions.iter().map(|(id, &(x, y))| (id.clone(), Point { x, y })).collect()
}

/// Points as positions.
pub fn from_points(points: &BTreeMap<String, Point>) -> Positions {
    points.iter().map(|(id, p)| (id.clone(), (p.x, p.y))).collect()
}

/// The positions file's text (see [`crate::io::positions`]).
pub fn to_text(positions: &Positions) -> String {
    crate::io::positions::to_string(positions)
}

/// Reads a positions file; problems point at FILE:LINE:COL.
pub fn load(path: &Path) -> Result<Positions, Error> {
    crate::io::positions::load(path)
}

/// Writes a positions file atomically.
pub fn save(positions: &Positions, path: &Path) -> Result<(), Error> {
    crate::io::positions::save(positions, path)
}

/// Small multiples: one SVG with a panel per date, in rows of `columns`, every node at the
/// same place in every panel (the whole model's layout, or `positions` where given). Each
/// panel draws the ties in force at its date and the nodes they touch; the ties that
/// appeared since the previous panel are drawn bold (highlighted, the rest faded), and the
/// ties that ended since then are drawn faint and dotted (class `ended`).
pub fn small_multiples(
    model: &Model,
    dates: &[PartialDate],
    columns: usize,
    theme: &Theme,
    positions: &Positions,
) -> String {
    panels(model, model, dates, columns, &DotOptions::new(), theme, positions)
}

/// [`small_multiples`] of `part` (a filtered model) at the positions of `whole`'s layout,
/// drawn with the diagram options `base` (labels, legend, clusters).
pub fn panels(
    whole: &Model,
    part: &Model,
    dates: &[PartialDate],
    columns: usize,
    base: &DotOptions,
    theme: &Theme,
    positions: &Positions,
) -> String {
    use std::collections::BTreeSet;
    let plain = DotOptions::new().with_edge_labels(base.edge_labels).with_cluster_by_country(base.cluster_by_country);
    let at = to_points(&layout_with(whole, &plain, theme, positions));
    type Key = (String, String, crate::model::EdgeKind, Option<PartialDate>, Option<PartialDate>);
    let key = |e: &crate::model::Edge| -> Key { (e.from.clone(), e.to.clone(), e.kind, e.since, e.until) };
    let mut previous: Option<BTreeSet<Key>> = None;
    let mut drawn = Vec::new();
    for date in dates {
        let now: BTreeSet<Key> = part.at(date).edges().map(key).collect();
        let before = previous.clone().unwrap_or_default();
        let mut view =
            part.filtered(|_| true, |e| now.contains(&key(e)) || before.contains(&key(e))).without_isolated();
        // The figure carries the title once; each panel is headed by its date.
        view.title = String::new();
        let graph = view.graph();
        let ended: Vec<_> = graph.edge_indices().filter(|&e| !now.contains(&key(&graph[e]))).collect();
        let mut diagram = base.clone().with_ended(ended);
        if previous.is_some() {
            let new: Vec<_> = graph.edge_indices().filter(|&e| !before.contains(&key(&graph[e]))).collect();
            diagram = diagram.with_highlight(Vec::new(), new);
        }
        // No spreading for labels: every panel keeps the layout's scale, so that shifting
        // each by its origin lines them all up.
        let options = SvgOptions::new()
            .with_diagram(diagram)
            .with_renderer(Renderer::Builtin)
            .with_positions(at.clone())
            .with_spread(false);
        let (svg, origin) = svg::builtin_framed(&view, &options, theme);
        drawn.push(Panel { title: date.to_string(), svg, origin: (origin.x, origin.y) });
        previous = Some(now);
    }
    panels::compose(&drawn, columns, &whole.title)
}

/// The matrix view of `model` as SVG (see [`crate::export::matrix`]): rows and columns in
/// reverse Cuthill–McKee order, cells coloured by polarity with the number of ties.
pub fn matrix(model: &Model, theme: &Theme) -> String {
    crate::export::matrix::render(model, theme)
}
