//! Loading the model a command works on, and resolving node names given on the command line.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use petgraph::graph::NodeIndex;

use super::Failure;
use crate::model::{Model, PartialDate};

/// Loads a model by file extension, then keeps what is in force `at` a date.
pub fn load(path: &Path, at: Option<&PartialDate>) -> Result<Model, Failure> {
    let model = load_any(path)?;
    Ok(match at {
        Some(date) => model.at(date),
        None => model,
    })
}

/// Whether a path names an edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    crate::io::is_edge_list(path)
}

/// Whether `--no-drafts` was given: every model a command loads leaves its drafts out.
static NO_DRAFTS: AtomicBool = AtomicBool::new(false);

/// Sets `--no-drafts` for the models this run loads.
pub fn leave_out_drafts(yes: bool) {
    NO_DRAFTS.store(yes, Ordering::Relaxed);
}

/// Loads a model in any supported format (see [`crate::io::load`]); interchange errors are
/// prefixed with the file's name. With `--no-drafts`, unreviewed drafts are left out.
pub fn load_any(path: &Path) -> Result<Model, Failure> {
    let model = load_file(path)?;
    Ok(if NO_DRAFTS.load(Ordering::Relaxed) { model.without_drafts() } else { model })
}

fn load_file(path: &Path) -> Result<Model, Failure> {
    use crate::Error;
    crate::io::load(path).map_err(|error| match error {
        Error::EdgeList(e @ crate::io::edgelist::EdgeListError::Line { .. }) => Failure::input(e),
        e @ Error::TooLarge(_) => Failure::from(e),
        e @ (Error::Xml { .. } | Error::Json { .. } | Error::Import { .. }) => {
            Failure::input(format!("{}: {e}", path.display()))
        }
        other => Failure::from(other),
    })
}

/// Resolves a node named by id, name or alias; unknown or ambiguous names are usage errors
/// that list the candidates.
pub fn node(model: &Model, name: &str) -> Result<NodeIndex, Failure> {
    model.node_index(name).map_err(|e| Failure::usage(e.to_string()))
}
