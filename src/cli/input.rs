//! Loading the model a command works on, and resolving node names given on the command line.

use std::path::Path;

use petgraph::graph::NodeIndex;

use super::Failure;
use crate::model::{Lookup, Model, PartialDate};

/// Loads a model by file extension, then keeps what is in force `at` a date.
pub fn load(path: &Path, at: Option<&PartialDate>) -> Result<Model, Failure> {
    let model = crate::io::ron::load(path)?;
    Ok(match at {
        Some(date) => model.at(date),
        None => model,
    })
}

/// Resolves a node named by id, name or alias; unknown or ambiguous names are usage errors
/// that list the candidates.
pub fn node(model: &Model, name: &str) -> Result<NodeIndex, Failure> {
    match model.lookup(name) {
        Lookup::Found(index) => Ok(index),
        Lookup::Ambiguous(ids) => Err(Failure::usage(format!("`{name}` is ambiguous: it could be {}", ids.join(", ")))),
        Lookup::NotFound(ids) if ids.is_empty() => Err(Failure::usage(format!("no node is called `{name}`"))),
        Lookup::NotFound(ids) => {
            Err(Failure::usage(format!("no node is called `{name}`; did you mean {}?", ids.join(", "))))
        }
    }
}
