//! Reading and writing models: one module per format.
//!
//! The second layer: formats read into and write from [`crate::model`] types, and import
//! nothing above them. What the RON readers share (the element loader with spans, the pretty
//! printer) is in `loader.rs`, so the model and profile readers need not import each other.
pub mod atomic;
pub mod cameo;
pub mod canonical;
pub mod cst;
pub mod diagnostic;
pub mod edgelist;
pub mod gdelt;
pub mod gexf;
pub mod graphml;
pub mod include;
pub mod json;
pub mod limit;
pub mod lint;
mod loader;
pub mod neo4j;
mod plain;
mod plain_writer;
pub mod positions;
pub mod profile;
pub mod provenance;
mod raw;
pub mod ron;
mod ron_writer;
pub mod rows;
pub mod skeleton;
pub mod snippet;
pub mod spans;
pub mod table;
pub mod text;

use std::path::Path;

use crate::{Error, Model};

/// Whether a path names an edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("tsv" | "csv" | "txt"))
}

/// Whether [`load`] reads a path as a RON model: any file that is not an edge list, GraphML
/// or JSON.
pub fn is_ron(path: &Path) -> bool {
    !matches!(extension(path).as_deref(), Some("tsv" | "csv" | "txt" | "graphml" | "xml" | "json"))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// Loads a model in any supported format, by extension: edge lists (`.tsv`, `.csv`,
/// `.txt`), GraphML (`.graphml`, `.xml`), node-link JSON (`.json`), else RON (with the
/// files it includes, see [`mod@include`]).
pub fn load(path: &Path) -> Result<Model, Error> {
    let read = |limit| {
        limit::check(path, limit)?;
        std::fs::read(path).map_err(|source| Error::Io { path: path.into(), source })
    };
    match extension(path).as_deref() {
        Some("tsv" | "csv" | "txt") => Ok(edgelist::read(path)?),
        Some("graphml" | "xml") => graphml::read_bytes(&read(limit::Limit::GRAPHML)?),
        Some("json") => json::read_bytes(&read(limit::Limit::JSON)?),
        _ => include::load(path),
    }
}
