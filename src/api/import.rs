//! Importing into a model: GDELT event exports, tables with a header and triples, with
//! their options (see `docs/import.md`), and the summary `relgraph import` prints.

use std::path::Path;

use crate::io::gdelt::{self, GdeltOptions};
use crate::io::rows::{ImportError, ImportReport};
use crate::io::table::{self, TableOptions};
use crate::model::Model;
use crate::Error;

/// Reads a GDELT 1.0 or 2.0 event export (plain, `.gz` or `.zip`).
pub fn import_gdelt(path: &Path, options: GdeltOptions) -> Result<(Model, ImportReport), ImportError> {
    gdelt::read(path, options)
}

/// Reads a CSV or TSV table with a header, its columns given by role.
pub fn import_table(path: &Path, options: &TableOptions) -> Result<(Model, ImportReport), ImportError> {
    table::read_table(path, options)
}

/// Reads `head<TAB>relation<TAB>tail` triples.
pub fn import_triples(path: &Path, options: &TableOptions) -> Result<(Model, ImportReport), ImportError> {
    table::read_triples(path, options)
}

impl Model {
    /// Writes the model as RON to `path` atomically, refusing to overwrite any of `inputs`.
    pub fn save_ron(&self, path: &Path, inputs: &[&Path]) -> Result<(), Error> {
        crate::io::atomic::refuse_overwrite(path, inputs)?;
        crate::io::ron::save(self, path)
    }
}

/// The counts of an import, one line each, for what is not zero.
pub fn import_summary(report: &ImportReport, model: &Model) -> String {
    let mut out = format!("read {} rows: {} imported", report.rows, report.imported);
    for (count, what) in [
        (report.missing_actor, "without both actors"),
        (report.self_ties, "with the same actor at both ends"),
        (report.dropped, "dropped by the map"),
        (report.skipped_bad, "unreadable, skipped"),
    ] {
        if count > 0 {
            out.push_str(&format!(", {count} {what}"));
        }
    }
    out.push('\n');
    if report.declared > 0 {
        let mut names: Vec<&str> = model.vocabulary.edge_kinds().map(|k| k.as_str()).take(8).collect();
        if report.declared > 8 {
            names.push("…");
        }
        out.push_str(&format!("declared {} edge kind(s): {}\n", report.declared, names.join(", ")));
    }
    if let Some((line, problem)) = &report.first_bad {
        out.push_str(&format!("first skipped row: line {line}: {problem}\n"));
    }
    out
}
