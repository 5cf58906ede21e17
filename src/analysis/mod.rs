//! Analyses on a compact read-only view of a model: paths, centrality, structure, balance,
//! change over time.
//!
//! Every analysis reads a [`GraphView`] built once from a (possibly [`Filter`]ed)
//! [`Model`](crate::model::Model). Node indices in results are the model's
//! [`NodeIndex`](petgraph::graph::NodeIndex)es; results are deterministic (ties are broken by
//! node index, i.e. file order, or by node id where the result is a listing).

pub mod balance;
pub mod centrality;
pub mod filter;
pub mod path;
mod sssp;
pub mod structure;
pub mod timeline;
pub mod view;

pub use centrality::{CentralityError, CentralityOptions, Measure, Scores};
pub use filter::Filter;
pub use path::{Path, PathMode, PathQuery};
pub use view::{GraphView, ViewOptions};
