//! Checking model files: every problem and warning with its position, as `relgraph check`
//! reports them.

use std::path::Path;

use serde_json::{json, Value};

use crate::io::diagnostic::{Diagnostics, Severity};
use crate::Error;

/// What checking one file found.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Nodes and edges of the model, when it is valid.
    pub counts: Option<(usize, usize)>,
    /// Problems and warnings, one list per file that has any: a RON model's own, and those
    /// of the files it includes, with the sources' disagreements and probable duplicates
    /// (other formats fail on their first problem).
    pub diagnostics: Vec<Diagnostics>,
}

impl Checked {
    /// Problems of this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().map(|d| d.count(severity)).sum()
    }

    /// Each problem as `{file, line, column, severity, message, hint}`.
    pub fn json_items(&self) -> Vec<Value> {
        self.diagnostics
            .iter()
            .flat_map(|found| found.items.iter().map(move |d| (found, d)))
            .map(|(found, d)| {
                json!({
                    "file": found.path.display().to_string(),
                    "line": d.line,
                    "column": d.column,
                    "severity": d.severity.as_str(),
                    "message": d.problem.to_string(),
                    "hint": d.problem.hint(),
                })
            })
            .collect()
    }
}

/// Checks a model file. A RON model is read with every diagnostic (an invalid one is
/// `Ok` with its problems and no counts); any other format is read as every command reads
/// it, and fails with its first problem.
pub fn check(path: &Path) -> Result<Checked, Error> {
    if !crate::io::is_ron(path) {
        let model = crate::io::load(path)?;
        return Ok(Checked { counts: Some((model.node_count(), model.edge_count())), diagnostics: Vec::new() });
    }
    match crate::io::include::load_checked(path) {
        Ok(loaded) => Ok(Checked {
            counts: Some((loaded.model.node_count(), loaded.model.edge_count())),
            diagnostics: loaded.warnings,
        }),
        Err(Error::Invalid { diagnostics }) => Ok(Checked { counts: None, diagnostics: vec![diagnostics] }),
        Err(Error::InvalidFiles { files }) => Ok(Checked { counts: None, diagnostics: files }),
        Err(other) => Err(other),
    }
}
