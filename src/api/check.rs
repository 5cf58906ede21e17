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
    /// Problems and warnings (RON models; other formats fail on their first problem).
    pub diagnostics: Option<Diagnostics>,
}

impl Checked {
    /// Problems of this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.as_ref().map_or(0, |d| d.count(severity))
    }

    /// Each problem as `{file, line, column, severity, message, hint}`.
    pub fn json_items(&self) -> Vec<Value> {
        let Some(found) = &self.diagnostics else { return Vec::new() };
        found
            .items
            .iter()
            .map(|d| {
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
        return Ok(Checked { counts: Some((model.node_count(), model.edge_count())), diagnostics: None });
    }
    match crate::io::ron::load_checked(path) {
        Ok((model, found)) => {
            Ok(Checked { counts: Some((model.node_count(), model.edge_count())), diagnostics: Some(found) })
        }
        Err(Error::Invalid { diagnostics }) => Ok(Checked { counts: None, diagnostics: Some(diagnostics) }),
        Err(other) => Err(other),
    }
}
