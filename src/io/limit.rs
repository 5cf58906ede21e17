//! Input size limits: a file too big to hold in memory is refused before it is read.
//!
//! Each format costs a different amount of memory per byte of file, measured on a
//! 300,000-tie graph (BENCHMARKS.md, "Memory per input byte"):
//!
//! | reading | memory per file byte | limit | peak memory at the limit |
//! |---|---|---|---|
//! | RON model | about 5–9 | 256 MB | about 1.4–2.4 GB |
//! | edge list into a full model (export, path, …) | about 43 | 128 MB | about 5.5 GB |
//! | edge list for analyses (info, centrality, …) | about 4 | 4 GB | about 16 GB |
//! | GraphML, node-link JSON | about 7 | 512 MB | about 3.5 GB |
//!
//! The limits keep a run well within the memory of a large workstation, with room to
//! analyse what was read; 256 MB of RON is about a million ties (the merge of two 500k-tie
//! models reads back), far above any hand-written model. Bigger graphs belong in edge
//! lists, which analyses read lean.

use std::path::{Path, PathBuf};

/// The largest file accepted for one way of reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The format, as the error names it.
    pub what: &'static str,
    /// Bytes.
    pub bytes: u64,
    /// What to do instead, if anything.
    pub advice: &'static str,
}

const MB: u64 = 1_000_000;

impl Limit {
    /// RON models.
    pub const RON: Limit = Limit {
        what: "RON model",
        bytes: 256 * MB,
        advice: "convert a graph that big to an edge list (.tsv), which loads leaner",
    };
    /// Edge lists read into a full model.
    pub const EDGE_LIST_MODEL: Limit = Limit {
        what: "edge list",
        bytes: 128 * MB,
        advice: "analyses (info, centrality, components) read bigger edge lists without building a model",
    };
    /// Edge lists read lean for analyses.
    pub const EDGE_LIST: Limit = Limit { what: "edge list", bytes: 4_000 * MB, advice: "" };
    /// GraphML documents.
    pub const GRAPHML: Limit = Limit { what: "GraphML", bytes: 512 * MB, advice: "" };
    /// Node-link JSON documents.
    pub const JSON: Limit = Limit { what: "node-link JSON", bytes: 512 * MB, advice: "" };
}

/// A file over its format's limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}: the file is {} MB; relgraph reads {} files of up to {} MB, to stay within memory{}{}",
    path.display(),
    bytes / MB,
    limit.what,
    limit.bytes / MB,
    if limit.advice.is_empty() { "" } else { "; " },
    limit.advice
)]
pub struct TooLarge {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The limit it is over.
    pub limit: Limit,
}

/// Refuses `path` when it is larger than `limit`. A file whose size cannot be read passes
/// (reading it reports the real problem).
pub fn check(path: &Path, limit: Limit) -> Result<(), TooLarge> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() > limit.bytes => {
            Err(TooLarge { path: path.to_path_buf(), bytes: meta.len(), limit })
        }
        _ => Ok(()),
    }
}
