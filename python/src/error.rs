//! Python exceptions for relgraph's errors: a model that cannot be read raises `ModelError`
//! (a `ValueError`) whose message is the command line's `FILE:LINE:COL` diagnostic, with the
//! position as `.path`, `.line` and `.column`; an unknown node name raises `KeyError`; every
//! other error raises `ValueError` (`OSError` for files) with the library's message.

use std::path::Path;

use pyo3::exceptions::{PyKeyError, PyOSError, PyValueError};
use pyo3::prelude::*;
use relgraph::api::EdgeListError;
use relgraph::Error;

pyo3::create_exception!(
    relgraph,
    ModelError,
    PyValueError,
    "A model file that cannot be read: the message is the `FILE:LINE:COL` diagnostic the \
     command line prints; `.path`, `.line` and `.column` give the first problem's position."
);

/// A `ModelError` with its position attributes set.
fn model_error(message: String, path: &Path, line: Option<usize>, column: Option<usize>) -> PyErr {
    Python::with_gil(|py| {
        let err = ModelError::new_err(message);
        let value = err.value(py);
        let _ = value.setattr("path", path.display().to_string());
        let _ = value.setattr("line", line);
        let _ = value.setattr("column", column);
        err
    })
}

/// Maps an error from loading `path` to the exception the caller sees, with the message the
/// command line prints for it.
pub fn load_error(error: Error, path: &Path) -> PyErr {
    match error {
        Error::Invalid { diagnostics } => {
            let first = diagnostics.items.first().map(|d| (d.line, d.column));
            let message = format!(
                "{}{} has {} problem(s)",
                diagnostics.render_first(10),
                diagnostics.path.display(),
                diagnostics.items.len()
            );
            model_error(message, &diagnostics.path, first.map(|f| f.0), first.map(|f| f.1))
        }
        Error::InvalidFiles { files } => {
            // The position of the first problem of the first file; the message has them all.
            let first = files.first().and_then(|d| d.items.first().map(|i| (d.path.clone(), i.line, i.column)));
            let shown: String = files.iter().map(|d| d.render_first(10)).collect();
            let counts: Vec<String> =
                files.iter().map(|d| format!("{} has {} problem(s)", d.path.display(), d.items.len())).collect();
            let at = first.as_ref().map_or_else(|| path.to_path_buf(), |f| f.0.clone());
            model_error(
                format!("{shown}{}", counts.join(", ")),
                &at,
                first.as_ref().map(|f| f.1),
                first.as_ref().map(|f| f.2),
            )
        }
        Error::EdgeList(e @ EdgeListError::Line { .. }) => {
            let (line, column) = match &e {
                EdgeListError::Line { line, column, .. } => (*line, *column),
                _ => (0, 0),
            };
            model_error(e.to_string(), path, Some(line), Some(column))
        }
        ref e @ (Error::Xml { line, column, .. } | Error::Json { line, column, .. }) => {
            model_error(format!("{}: {e}", path.display()), path, Some(line), Some(column))
        }
        e @ Error::Import { .. } => model_error(format!("{}: {e}", path.display()), path, None, None),
        other => to_py(other),
    }
}

/// Maps any other library error to a Python exception.
pub fn to_py(error: Error) -> PyErr {
    match error {
        Error::Invalid { .. }
        | Error::InvalidFiles { .. }
        | Error::Xml { .. }
        | Error::Json { .. }
        | Error::Import { .. } => load_error(error, Path::new("<input>")),
        Error::Lookup(e) => PyKeyError::new_err(e.to_string()),
        e @ (Error::Io { .. } | Error::EdgeList(EdgeListError::Io { .. })) => PyOSError::new_err(e.to_string()),
        other => PyValueError::new_err(other.to_string()),
    }
}
