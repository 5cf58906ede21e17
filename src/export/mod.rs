//! Exports: DOT and SVG diagrams.
//!
//! Above the analyses, below the API. The shared pieces have their own small files that the
//! writers read and that import none of them: the options ([`DotOptions`]) in `options.rs`, the
//! styled scene in `scene.rs`, plane geometry in `geometry.rs`, node shapes and text in
//! `shape.rs`, the error in `error.rs`.
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
mod error;
pub mod escape;
mod focus;
pub mod font;
pub(crate) mod geometry;
pub mod graphviz;
mod grid;
pub mod html;
pub mod layout;
pub mod matrix;
mod options;
mod orient;
pub mod panels;
mod pin;
pub mod raster;
pub mod review;
mod route;
mod scene;
mod shape;
pub mod stats;
pub mod svg;
pub mod theme;
mod untangle;

pub use dot::{DotOptions, RankDir};
pub use error::ExportError;
pub use graphviz::Layout;
pub use html::HtmlOptions;
pub use svg::{Renderer, SvgOptions};
pub use theme::Theme;
