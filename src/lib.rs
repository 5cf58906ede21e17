//! relgraph models international relations as a typed graph.
//!
//! Countries, leaders, organisations, agreements, disputes, territories, events and projects
//! are nodes; leadership, membership, treaties, claims, meetings, cooperation, sanctions,
//! condemnation and competition are typed, dated, signed edges. Models are written in RON
//! (see `docs/format.md`), checked with precise diagnostics, queried, analysed and drawn.
//!
//! The layers import one way only, each from those below it: [`model`] (types and rules, no
//! I/O, no parsing) ← [`io`] (one file per format) ← [`analysis`] ← [`export`] and
//! [`report`] ← [`api`] ← the front ends, [`cli`] (the `relgraph` command) and [`script`]
//! (Rhai). [`api`] is the one front door: the command and scripts call only it, so they give
//! the same answers; start there (`Model::load`, `Model::view`, then a question). [`error`]
//! holds the one error enum every layer returns. No two files import each other, directly or
//! through a ring; `tests/architecture.rs` reads the `use` lines and checks both rules.
//! `docs/architecture.md` says what each layer owns and where a new format, analysis,
//! export or command goes.
//!
//! # Quick start
//!
//! ```
//! use relgraph::analysis::influence::{channel_view, describe, Strengths};
//! use relgraph::analysis::path::{k_shortest_paths, PathMode, PathQuery};
//! use relgraph::model::{Profile, Sign};
//! use relgraph::analysis::view::{GraphView, ViewOptions};
//! use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};
//!
//! // Build a model (or load one with `relgraph::io::ron::load`).
//! let mut model = Model::new("Energy ties");
//! model.add_node(Node::new("canada", NodeKind::Country, "Canada"))?;
//! model.add_node(Node::new("japan", NodeKind::Country, "Japan"))?;
//! model.add_node(Node::new("russia", NodeKind::Country, "Russia"))?;
//! let mut lng = Edge::new("canada", "japan", EdgeKind::CooperatesWith);
//! lng.weight = Some(0.6);
//! lng.topic = Some("energy".into());
//! model.add_edge(lng)?;
//! model.add_edge(Edge::new("canada", "russia", EdgeKind::CompetesWith))?;
//! model.add_edge(Edge::new("japan", "russia", EdgeKind::Negotiates))?;
//!
//! // Save it as RON and read it back: every problem would come with its line and column.
//! let text = relgraph::io::ron::to_string(&model);
//! let again = relgraph::io::ron::parse(&text, "energy.ron".as_ref()).expect("valid");
//! assert_eq!(again, model);
//!
//! // Fewest hops from Canada to Russia, on the undirected view.
//! let view = GraphView::new(&model, &ViewOptions::undirected());
//! let (from, to) = (model.index_of("canada").unwrap(), model.index_of("russia").unwrap());
//! let hops = k_shortest_paths(&model, &view, from, to, 1, &PathQuery::new(PathMode::Hops))?;
//! assert_eq!(hops[0].cost, 1.0);
//!
//! // The strongest influence path, on the channels the influence profile gives the ties:
//! // rivalry (CAMEO 16, Goldstein −4.0) is pressure 0.4 each way, stronger than the route
//! // through Japan (0.6 × 0.6 weight, then negotiation 0.7).
//! let channels = channel_view(&model, Strengths::Profile(&Profile::builtin()))?;
//! let best = k_shortest_paths(&model, &channels, from, to, 2, &PathQuery::new(PathMode::Strongest))?;
//! let (first, second) = (describe(&channels, best[0].clone()), describe(&channels, best[1].clone()));
//! assert_eq!((first.strength(), first.sign), (0.4, Sign::Pressure));
//! assert!((second.strength() - 0.36 * 0.7).abs() < 1e-12 && second.sign == Sign::Support);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
// The library never panics on input: no unwrap, expect or panic!, and no unchecked indexing
// except in the analysis and drawing kernels, whose indices come from the compact views and
// layouts they build themselves (see `analysis` and `export`).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod analysis;
pub mod api;
pub mod cli;
pub mod draft;
pub mod error;
pub mod export;
pub mod io;
pub mod lsp;
pub mod model;
pub mod report;
pub mod script;
pub mod serve;

pub use error::Error;
pub use model::{Edge, EdgeKind, Model, Node, NodeKind, PartialDate, Polarity};

/// The README's Rust examples, run as doctests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
