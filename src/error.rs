//! The library's error type.

use std::path::PathBuf;

use crate::io::diagnostic::Diagnostics;

/// Everything that can go wrong in relgraph's library calls.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A model file has problems; each carries its position.
    #[error("{} has {} problem(s)", diagnostics.path.display(), diagnostics.items.len())]
    Invalid {
        /// The problems found.
        diagnostics: Diagnostics,
    },
    /// Output would overwrite the input model.
    #[error("refusing to overwrite the input {}", path.display())]
    WouldOverwriteInput {
        /// The input file.
        path: PathBuf,
    },
    /// A model-building error.
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
}
