//! Provenance in the interchange formats: which fields a composed model's nodes and ties
//! carry (`same_as`, `sources`, see `docs/sources.md`), written only when the model records
//! any, so that one file's exports stay as they were.

use crate::model::{Edge, Model, Node};

/// The node fields, written under these names (`n_` + name in GraphML and GEXF).
pub const FIELDS: [&str; 2] = ["same_as", "sources"];

/// Whether any node or tie records provenance.
pub fn recorded(model: &Model) -> bool {
    model.nodes().any(|n| !n.sources.is_empty() || !n.same_as.is_empty())
        || model.edges().any(|e| !e.sources.is_empty())
}

/// A node's non-empty provenance lists, keyed `n_same_as` and `n_sources`.
pub fn node_lists(node: &Node) -> impl Iterator<Item = (&'static str, &Vec<String>)> {
    [("n_same_as", &node.same_as), ("n_sources", &node.sources)].into_iter().filter(|(_, list)| !list.is_empty())
}

/// A tie's sources, keyed `e_sources`, when it records them.
pub fn edge_list(edge: &Edge) -> impl Iterator<Item = (&'static str, &Vec<String>)> {
    std::iter::once(("e_sources", &edge.sources)).filter(|(_, list)| !list.is_empty())
}
