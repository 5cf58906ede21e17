//! Analyses on a compact read-only view of a model: paths, centrality, structure, balance,
//! change over time.
//!
//! The third layer: reads [`crate::model`] and [`crate::io`], never the exports, reports or
//! the API above it.
//!
//! Every analysis reads a [`GraphView`] built once from a (possibly [`Filter`]ed)
//! [`Model`](crate::model::Model). Node indices in results are the model's
//! [`NodeIndex`](petgraph::graph::NodeIndex)es; results are deterministic (ties are broken by
//! node index, i.e. file order, or by node id where the result is a listing).
//!
//! ```
//! use std::path::Path;
//! use relgraph::analysis::{centrality, path, GraphView, PathMode, PathQuery, ViewOptions};
//! use relgraph::io::edgelist;
//!
//! let model = edgelist::parse("a,b,0.5\nb,c,0.5\na,c,2\n", Path::new("ties.csv")).unwrap();
//! let view = GraphView::new(&model, &ViewOptions::undirected());
//!
//! let between = centrality::betweenness(&view, true, None);
//! assert_eq!(between.ranked(&model)[0], ("b", 1.0));
//!
//! let (a, c) = (model.index_of("a").unwrap(), model.index_of("c").unwrap());
//! let best = path::shortest_path(&model, &view, a, c, &PathQuery::new(PathMode::Weighted)).unwrap();
//! assert_eq!(best.unwrap().cost, 1.0);
//! ```
#![allow(
    clippy::indexing_slicing,
    reason = "kernels index arrays sized by the compact view they built, with indices that view handed out; input never reaches an index unchecked"
)]

pub mod balance;
pub mod centrality;
pub mod context;
pub mod distance;
pub mod filter;
pub mod influence;
pub mod path;
mod reorder;
mod score;
pub mod sides;
mod spectral;
mod sssp;
pub mod structure;
pub mod timeline;
pub mod view;

pub use centrality::{CentralityError, CentralityOptions, Measure, Scores};
pub use filter::Filter;
pub use path::{Path, PathMode, PathQuery};
pub use view::{GraphView, ViewOptions};
