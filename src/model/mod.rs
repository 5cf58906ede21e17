//! The relationship model: typed nodes and typed, dated, signed edges in a petgraph graph.
//!
//! A [`Model`] owns a [`petgraph::graph::DiGraph`] whose node weights are [`Node`]s and whose
//! edge weights are [`Edge`]s, plus the file's title and sources. Node ids are unique slugs;
//! [`Model::index_of`] maps them to graph indices. Symmetric edge kinds are stored once, in
//! the direction the file gives, and analyses read them both ways.
//!
//! This folder is the bottom layer: types and rules, no I/O and no parsing of files (the
//! readers in `crate::io` build models). `mod.rs` only declares and re-exports.

pub mod date;
pub mod element;
pub mod graph;
mod id_index;
pub mod influence;
pub mod kind;
pub mod lean;
mod lookup;
pub mod merge;
pub mod name;
pub mod provenance;
pub mod resolve;
pub mod schema;
pub mod vocabulary;

pub(crate) use name::fold;

pub use date::{in_force, PartialDate};
pub use element::{Edge, Evidence, Node, Source};
pub use graph::{Model, ModelError, ModelFile};
pub use influence::{EdgeInfluence, Profile, Rule, Sign};
pub use kind::{EdgeKind, EdgeKindDecl, EdgeRule, NodeKind, NodeKindDecl, Polarity};
pub use lookup::{Lookup, LookupError};
pub use merge::{compose, Composed, Disagreement, MergeError, Part, Site};
pub use name::closest;
pub use schema::{schema_markdown, SCHEMA};
pub use vocabulary::{Vocabulary, VocabularyError};
