//! relgraph models international relations as a typed graph.
//!
//! Countries, leaders, organisations, agreements, disputes, territories and events are
//! nodes; leadership, membership, treaties, claims, meetings, cooperation, sanctions,
//! condemnation and competition are typed, dated, signed edges. Models are written in RON
//! (see `docs/format.md`), checked with precise diagnostics, queried, analysed and drawn.
//!
//! The data flows one way: file → [`io`] → [`model`] → (view/filter) → [`analysis`] → [`export`].
#![warn(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod error;
pub mod export;
pub mod io;
pub mod model;

pub use error::Error;
pub use model::{Edge, EdgeKind, Model, Node, NodeKind, PartialDate, Polarity};
