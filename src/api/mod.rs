//! The fluent API: load a model, name nodes as people do, select a part of it, ask a
//! question, print or export the answer — each a line.
//!
//! ```
//! use relgraph::Model;
//!
//! let model = Model::load("graphs/japan_russia_2014.ron".as_ref())?;
//! let canada = model.node("canada")?; // by id, name or alias, in any case
//! assert_eq!(canada.name, "Canada");
//!
//! // The three strongest influence paths; printing one prints what `relgraph path` prints.
//! let paths = model.paths("Canada", "Kuril Islands dispute").strongest().k(3).find()?;
//! assert_eq!(paths.len(), 3);
//! assert!(paths.to_string().starts_with("strongest influence paths"));
//!
//! // Who moves Russia, among the ties in force after the annexation of Crimea?
//! let after = model.view().at("2014-07-31".parse()?);
//! // `top(5)` keeps five of each group: outsiders, those acting through their own state,
//! // and Russia's own (its leaders and bodies, `internal`).
//! let on_russia = after.influence_on("Russia").top(5).run()?;
//! let outside = on_russia.rows().iter().filter(|row| !row.internal && row.through.is_none());
//! assert_eq!(outside.count(), 5);
//!
//! // Any analysis as JSON, any export as text.
//! let brokers = model.view().brokers()?;
//! assert!(brokers.json()["articulation_points"].is_array());
//! let dot = after.export(relgraph::api::Format::Dot)?;
//! assert!(dot.starts_with("digraph"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A [`Selection`] borrows its model and copies nothing until an analysis runs; then the
//! filtered model is built once and kept. Builders ([`PathSearch`], [`InfluenceQuery`],
//! [`CentralityQuery`], [`DiffQuery`], [`Drawing`]) take options as methods and run with
//! `find`/`run`/`draw`. Every answer is a result type whose `Display` is what the command
//! prints and whose `json()` is what it prints with `--json`.
//!
//! This is the one front door: the `relgraph` command ([`crate::cli`]) and Rhai scripts
//! ([`crate::script`]) call only this module (and the model's types), so a script, the
//! command and a binding give the same answer by construction. One file per concern:
//!
//! | file | what |
//! |---|---|
//! | `selection.rs` | [`Selection`]: filters, direction, influence strengths; entry points on [`Model`](crate::Model) |
//! | `load.rs` | [`Model::load`](crate::Model::load), [`Input`] (lean edge lists), saving atomically, refusing to overwrite inputs |
//! | `network.rs` | [`Network`]: a plain graph numbered `0..n` (the NetworkX backend's), its centrality measures, edge betweenness, shortest-path lengths and components |
//! | `query.rs` | `info`, `nodes`, `edges`, `neighbors` |
//! | `path.rs` | [`PathSearch`], [`Paths`]: k best, all (streamed), highlighted on a diagram |
//! | `influence.rs` | [`InfluenceQuery`], [`InfluenceRanking`] |
//! | `centrality.rs` | [`CentralityQuery`]: one measure (with progress), all measures |
//! | `structure.rs` | components, brokers, ego networks, balance |
//! | `time.rs` | timeline, [`DiffQuery`] |
//! | `export.rs` | [`Format`], [`Drawing`]: every export and diagram option |
//! | `check.rs`, `import.rs` | checking files, importing GDELT, tables and triples |
//! | `sources.rs` | many sources, one model: the files a model includes, merging, importing into a model |
//! | `format.rs` | `relgraph fmt`: the canonical layout of a model's text |
//! | `kinds.rs` | [`kinds`]: every node and edge kind, built in or declared, with its CAMEO code, Goldstein score and influence |
//! | `document.rs`, `describe.rs` | a model's text as an editor sees it (problems, ids, completion slots) and words for hover (the language server) |
//! | `live.rs` | following a model as it is saved (`relgraph serve`, `export --watch`) |
//!
//! The types of the layers below that a caller names (measures, methods, options, the
//! report, diagnostics, import options) are re-exported here.

mod centrality;
mod check;
pub mod describe;
pub mod document;
pub mod draft;
mod export;
pub mod figure;
pub mod format;
mod import;
mod influence;
mod kinds;
pub mod live;
mod load;
mod network;
mod path;
mod query;
mod selection;
pub mod sources;
mod structure;
mod time;

pub use centrality::{CentralityQuery, CentralityRanking, Progress};
pub use check::{check, Checked};
pub use export::{load_theme, Drawing, Drawn, Format, SizeBy};
pub use import::{import_gdelt, import_summary, import_table, import_triples};
pub use influence::{InfluenceQuery, InfluenceRanking};
pub use kinds::kinds;
pub use load::{is_edge_list, refuse_overwrite, write_atomically, Input};
pub use network::{Network, NetworkError};
pub use path::{PathSearch, Paths};
pub use query::span;
pub use selection::Selection;
pub use structure::Direction;
pub use time::DiffQuery;

pub use crate::analysis::centrality::{CentralityError, Measure};
pub use crate::analysis::influence::Method;
pub use crate::analysis::path::Stop;
pub use crate::export::{DotOptions, Layout, Renderer, Theme};
pub use crate::io::diagnostic::{Diagnostics, Severity};
pub use crate::io::edgelist::EdgeListError;
pub use crate::io::gdelt::{Actors, GdeltOptions, Version, Window};
pub use crate::io::rows::{DateFormat, ImportError, ImportReport, KindMap, KindRule};
pub use crate::io::table::{Role, TableOptions};
pub use crate::io::text::{decode_owned as decode_text, strip_bom, NotUtf8};
pub use crate::report::json::{edge as edge_json, node as node_json};
pub use crate::report::table::Table;
pub use crate::report::Report;
