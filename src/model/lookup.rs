//! Finding a node by what a user types: its id, name or any alias, in any case.

use petgraph::graph::NodeIndex;

use super::element::Node;
use super::graph::Model;
use super::name::fold;

/// The result of looking a node up by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly one node matches.
    Found(NodeIndex),
    /// Several nodes match; their ids, sorted.
    Ambiguous(Vec<String>),
    /// Nothing matches; the ids of the closest nodes, best first.
    NotFound(Vec<String>),
}

/// Why a name does not name exactly one node; the messages are the ones the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LookupError {
    /// No node has this id, name or alias.
    #[error("no node is called `{name}`{}", did_you_mean(suggestions))]
    NotFound {
        /// The name given.
        name: String,
        /// The ids of the closest nodes, best first.
        suggestions: Vec<String>,
    },
    /// Several nodes have this name or alias.
    #[error("`{name}` is ambiguous: it could be {}", candidates.join(", "))]
    Ambiguous {
        /// The name given.
        name: String,
        /// Their ids, sorted.
        candidates: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl Lookup {
    /// The node found, or why there is none.
    pub fn into_result(self, name: &str) -> Result<NodeIndex, LookupError> {
        match self {
            Lookup::Found(index) => Ok(index),
            Lookup::Ambiguous(candidates) => Err(LookupError::Ambiguous { name: name.to_owned(), candidates }),
            Lookup::NotFound(suggestions) => Err(LookupError::NotFound { name: name.to_owned(), suggestions }),
        }
    }
}

/// Name lookup, here rather than beside the graph so that the graph needs no lookup types.
impl Model {
    /// Finds a node by id, name or alias, case-insensitively.
    pub fn lookup(&self, name: &str) -> Lookup {
        lookup(self, name)
    }

    /// The node a user names by id, name or alias, in any case (an exact id wins); an
    /// error carries the closest ids or the candidates, as the command line prints them.
    pub fn node(&self, name: &str) -> Result<&Node, LookupError> {
        self.node_index(name).map(|i| &self.graph()[i])
    }

    /// The index of the node named by id, name or alias (see [`Model::node`]).
    pub fn node_index(&self, name: &str) -> Result<NodeIndex, LookupError> {
        self.lookup(name).into_result(name)
    }
}

/// See [`Model::lookup`]. An exact id match wins; otherwise every node whose id, name or
/// alias equals the text (ignoring case) is a candidate.
fn lookup(model: &Model, text: &str) -> Lookup {
    if let Some(index) = model.index_of(text) {
        return Lookup::Found(index);
    }
    let wanted = fold(text);
    let graph = model.graph();
    let mut hits: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|&i| {
            let node = &graph[i];
            fold(&node.id) == wanted || fold(&node.name) == wanted || node.aliases.iter().any(|a| fold(a) == wanted)
        })
        .collect();
    match hits.as_slice() {
        &[one] => Lookup::Found(one),
        [] => Lookup::NotFound(suggest(model, &wanted)),
        _ => {
            hits.sort_by(|a, b| graph[*a].id.cmp(&graph[*b].id));
            Lookup::Ambiguous(hits.into_iter().map(|i| graph[i].id.clone()).collect())
        }
    }
}

/// Up to five node ids whose id, name or alias is close to `wanted`, best first.
fn suggest(model: &Model, wanted: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = model
        .nodes()
        .filter_map(|node| {
            let names = std::iter::once(&node.id).chain(std::iter::once(&node.name)).chain(node.aliases.iter());
            let best = names
                .map(|n| {
                    let n = fold(n);
                    let contains = !wanted.is_empty() && (n.contains(wanted) || wanted.contains(n.as_str()));
                    strsim::jaro_winkler(&n, wanted).max(if contains { 0.9 } else { 0.0 })
                })
                .fold(0.0, f64::max);
            (best >= 0.75).then_some((best, node.id.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(5).map(|(_, id)| id.to_owned()).collect()
}
