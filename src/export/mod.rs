//! Exports: DOT and SVG diagrams.
//!
//! - [`dot::to_dot`] writes styled Graphviz DOT text, built with graphviz-rust's structures
//!   and printer.
//! - [`svg::render`] draws SVG, either by running Graphviz (when it is installed) or with
//!   the pure-Rust built-in renderer ([`layout`] + [`svg`]), chosen by [`Renderer`].
//! - [`raster::to_png`] and [`raster::to_pdf`] turn an SVG into PNG or PDF with the bundled
//!   font ([`font`]).
//! - [`stats::measure`] counts crossings, overlaps, area and aspect ratio in any SVG the
//!   built-in renderer or Graphviz drew.
//! - [`theme::Theme`] says how each node kind and polarity looks; the default is
//!   `themes/default.ron`.
//! - [`html::render`] writes an interactive map: one self-contained HTML file with the same
//!   layout and theme, a time slider, filters, evidence and influence paths.
//!
//! What to draw is chosen by the caller: pass a filtered [`Model`](crate::model::Model)
//! (focus, date, filters) and, in the options, the node and edge indices to highlight and a
//! score per node id to size nodes by. All user text is escaped in [`escape`]; the output
//! never depends on hash order, and nothing here panics on any model.
//!
//! ```
//! use relgraph::export::{dot, svg, DotOptions, SvgOptions, Renderer, Theme};
//! use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};
//!
//! let mut model = Model::new("Example");
//! model.add_node(Node::new("japan", NodeKind::Country, "Japan")).unwrap();
//! model.add_node(Node::new("russia", NodeKind::Country, "Russia")).unwrap();
//! model.add_edge(Edge::new("japan", "russia", EdgeKind::Sanctions)).unwrap();
//!
//! let theme = Theme::default();
//! let text = dot::to_dot(&model, &DotOptions::new().with_dates(true), &theme);
//! assert!(text.contains("sanctions"));
//! let picture = svg::render(&model, &SvgOptions::new().with_renderer(Renderer::Builtin), &theme).unwrap();
//! assert!(picture.contains("Japan"));
//! ```
#![allow(
    clippy::indexing_slicing,
    reason = "layouts and scenes index arrays sized by the view they were built from, with indices it handed out; input never reaches an index unchecked"
)]

mod bundle;
pub mod dot;
pub mod escape;
mod focus;
pub mod font;
pub mod graphviz;
mod grid;
pub mod html;
pub mod layout;
pub mod raster;
pub mod review;
mod scene;
pub mod stats;
pub mod svg;
pub mod theme;
mod untangle;

use std::path::PathBuf;
use std::time::Duration;

pub use dot::{DotOptions, RankDir};
pub use graphviz::Layout;
pub use html::HtmlOptions;
pub use svg::{Renderer, SvgOptions};
pub use theme::Theme;

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A theme file could not be read.
    #[error("cannot read theme {}: {source}", path.display())]
    ThemeRead {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A theme is not valid RON or does not have the theme's fields.
    #[error("{}:{line}:{column}: {message}", path.as_ref().map_or("theme".to_owned(), |p| p.display().to_string()))]
    ThemeSyntax {
        /// The file, when read from one.
        path: Option<PathBuf>,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// A theme value is out of range or not a colour (`#rrggbb`) or font name.
    #[error("theme field `{field}` has an invalid value `{value}`")]
    ThemeValue {
        /// The field, e.g. `nodes.country.fill`.
        field: String,
        /// The value given.
        value: String,
    },
    /// The Graphviz program is not on PATH.
    #[error("Graphviz `{program}` not found on PATH; install Graphviz ({hint}) or use the built-in renderer")]
    GraphvizNotFound {
        /// The program looked for (`dot`, `sfdp` …).
        program: String,
        /// How to install it.
        hint: &'static str,
    },
    /// Graphviz could not be started or talked to.
    #[error("cannot run Graphviz `{}`: {source}", program.display())]
    GraphvizSpawn {
        /// The program.
        program: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Graphviz ran longer than the time limit and was stopped.
    #[error(
        "Graphviz `{program}` took longer than {limit:?} and was stopped; try the sfdp layout or the built-in renderer"
    )]
    GraphvizTimeout {
        /// The program.
        program: String,
        /// The limit.
        limit: Duration,
    },
    /// Graphviz exited with an error.
    #[error("Graphviz `{program}` failed ({status}): {stderr}")]
    GraphvizFailed {
        /// The program.
        program: String,
        /// Exit status, as text (`exit status: 1`, `signal: 9`).
        status: String,
        /// What it wrote to stderr (at most 4 kB).
        stderr: String,
    },
    /// An SVG could not be turned into PNG or PDF.
    #[error("cannot convert the SVG to PNG or PDF: {message}")]
    Raster {
        /// What the converter said.
        message: String,
    },
    /// An SVG to measure is not well-formed XML.
    #[error("cannot read the SVG to measure it: {message}")]
    Measure {
        /// What the XML reader said.
        message: String,
    },
    /// Graphviz's output was not UTF-8.
    #[error("Graphviz `{program}` wrote output that is not UTF-8")]
    GraphvizOutput {
        /// The program.
        program: String,
    },
}
