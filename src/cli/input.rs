//! Opening the file a command works on, with the command line's wording for failures.

use std::path::{Path, PathBuf};
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

/// Opens `file` composed with the models of `--with`, or `file` alone when there are none
/// (lean when `lean` and it is a plain edge list). A note on stderr counts what the
/// composition found that `relgraph merge` would list.
pub fn open_with(file: &Path, with: &[PathBuf], lean: bool) -> Result<Input, Failure> {
    if with.is_empty() {
        return if lean { open_lean(file) } else { open(file) };
    }
    if let Some(other) = std::iter::once(file).chain(with.iter().map(PathBuf::as_path)).find(|p| !is_ron(p)) {
        return Err(Failure::usage(format!(
            "--with composes RON models, and {} is not one: `relgraph import FILE --into MODEL` adds \
             a table or export to a model",
            other.display()
        )));
    }
    let mut paths = vec![file.to_path_buf()];
    paths.extend(with.iter().cloned());
    let (input, noted) = Input::compose(&paths).map_err(|e| failure(file, e))?;
    if noted > 0 {
        eprintln!(
            "relgraph: note: the composed models have {noted} disagreement(s) or probable duplicate(s); \
             `relgraph merge` lists them"
        );
    }
    Ok(drafts(input))
}

/// Whether a path names a RON model (what `Model::load` reads as RON: any other extension
/// than those of edge lists, GraphML and JSON).
fn is_ron(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    !is_edge_list(path) && !matches!(extension.as_deref(), Some("graphml" | "xml" | "json"))
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
