//! Opening the file a command works on, with the command line's wording for failures.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Failure;
use crate::api::{self, EdgeListError, Input};
use crate::Error;

/// Whether a path names an edge list (`.tsv`, `.csv`, `.txt`).
pub fn is_edge_list(path: &Path) -> bool {
    api::is_edge_list(path)
}

/// Whether `--no-drafts` was given: every model a command opens leaves its drafts out.
static NO_DRAFTS: AtomicBool = AtomicBool::new(false);

/// Sets `--no-drafts` for the models this run opens.
pub fn leave_out_drafts(yes: bool) {
    NO_DRAFTS.store(yes, Ordering::Relaxed);
}

fn drafts(input: Input) -> Input {
    if NO_DRAFTS.load(Ordering::Relaxed) {
        input.without_drafts()
    } else {
        input
    }
}

/// Opens a model in any supported format; interchange errors are prefixed with the
/// file's name. With `--no-drafts`, unreviewed drafts are left out.
pub fn open(path: &Path) -> Result<Input, Failure> {
    Input::open(path).map(drafts).map_err(|e| failure(path, e))
}

/// Opens a file, a plain edge list lean (see [`Input::open_lean`]).
pub fn open_lean(path: &Path) -> Result<Input, Failure> {
    Input::open_lean(path).map(drafts).map_err(|e| failure(path, e))
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
