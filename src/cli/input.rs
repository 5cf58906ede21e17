//! Opening the file a command works on, with the command line's wording for failures.

use std::path::Path;

use super::Failure;
use crate::api::{self, EdgeListError, Input};
use crate::Error;

/// Whether a path names an edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    api::is_edge_list(path)
}

/// Opens a model in any supported format; interchange errors are prefixed with the
/// file's name.
pub fn open(path: &Path) -> Result<Input, Failure> {
    Input::open(path).map_err(|e| failure(path, e))
}

/// Opens a file, a plain edge list lean (see [`Input::open_lean`]).
pub fn open_lean(path: &Path) -> Result<Input, Failure> {
    Input::open_lean(path).map_err(|e| failure(path, e))
}

/// The failure a loading error is, the file named where the error does not name it.
pub fn failure(path: &Path, error: Error) -> Failure {
    match error {
        Error::EdgeList(e @ EdgeListError::Line { .. }) => Failure::input(e),
        e @ Error::TooLarge(_) => Failure::from(e),
        e @ (Error::Xml { .. } | Error::Json { .. } | Error::Import { .. }) => {
            Failure::input(format!("{}: {e}", path.display()))
        }
        other => Failure::from(other),
    }
}
