//! Loading the model a command works on, and resolving node names given on the command line.

use std::path::Path;

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

/// The lowercase extension of a path.
fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// Whether a path names an edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("tsv" | "csv" | "txt"))
}

/// Loads a model in any supported format, by extension: edge lists (`.tsv`, `.csv`,
/// `.txt`), GraphML (`.graphml`, `.xml`), node-link JSON (`.json`), else RON.
pub fn load_any(path: &Path) -> Result<Model, Failure> {
    let read = || std::fs::read(path).map_err(|source| crate::Error::Io { path: path.into(), source });
    let located = |error: crate::Error| Failure::input(format!("{}: {error}", path.display()));
    match extension(path).as_deref() {
        Some("tsv" | "csv" | "txt") => crate::io::edgelist::read(path).map_err(Failure::input),
        Some("graphml" | "xml") => crate::io::graphml::read_bytes(&read()?).map_err(located),
        Some("json") => crate::io::json::read_bytes(&read()?).map_err(located),
        _ => Ok(crate::io::ron::load(path)?),
    }
}

/// Resolves a node named by id, name or alias; unknown or ambiguous names are usage errors
/// that list the candidates.
pub fn node(model: &Model, name: &str) -> Result<NodeIndex, Failure> {
    model.node_index(name).map_err(|e| Failure::usage(e.to_string()))
}
