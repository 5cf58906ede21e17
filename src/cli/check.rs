//! `relgraph check`: validate model files and report every problem, and every warning.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::{output, Failure, Status, SHOWN_PROBLEMS};
use crate::api::sources::{Diagnostics, Severity};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Model files to check.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Print the problems as a JSON array of {file, line, column, severity, message, hint}.
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) on warnings too: ids that differ only by case, shared names, repeated
    /// edges, and for models made of several files, disagreements between sources and
    /// probable duplicates.
    #[arg(long)]
    strict: bool,
}

/// Checks each file; problems go to stderr (or stdout as JSON), a summary to stdout.
pub fn run(args: &CheckArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut report = Vec::new();
    for file in &args.files {
        if !crate::io::is_ron(file) {
            // Edge lists, GraphML and JSON: read as every command reads them.
            match super::input::load_any(file) {
                Ok(model) if !args.json => out.extend(
                    format!("{}: ok ({} nodes, {} edges)\n", file.display(), model.node_count(), model.edge_count())
                        .into_bytes(),
                ),
                Ok(_) => {}
                Err(failure) if failure.status == Status::Input => {
                    errors += 1;
                    if args.json {
                        report.push(json!({"file": file.display().to_string(), "severity": "error", "message": failure.message}));
                    } else {
                        eprintln!("{}", failure.message);
                    }
                }
                Err(failure) => return Err(failure),
            }
            continue;
        }
        let found: Vec<Diagnostics> = match crate::api::sources::check(file) {
            Ok(loaded) => {
                if !args.json {
                    let warned: usize = loaded.warnings.iter().map(|w| w.count(Severity::Warning)).sum();
                    let line = format!(
                        "{}: ok ({} nodes, {} edges{})\n",
                        file.display(),
                        loaded.model.node_count(),
                        loaded.model.edge_count(),
                        match warned {
                            0 => String::new(),
                            n => format!(", {n} warning(s)"),
                        }
                    );
                    out.extend(line.into_bytes());
                }
                loaded.warnings
            }
            Err(crate::Error::Invalid { diagnostics }) => vec![diagnostics],
            Err(other) => return Err(other.into()),
        };
        for found in &found {
            errors += found.count(Severity::Error);
            warnings += found.count(Severity::Warning);
            if args.json {
                report.extend(json_items(found));
            } else {
                eprint!("{}", found.render_first(SHOWN_PROBLEMS));
            }
        }
    }
    if args.json {
        output::print(&serde_json::Value::Array(report), out);
    }
    let failing = errors + if args.strict { warnings } else { 0 };
    if failing > 0 {
        let message = match (errors, warnings) {
            (e, 0) => format!("found {e} problem(s)"),
            (0, w) => format!("found {w} warning(s), which --strict counts as problems"),
            (e, w) => format!("found {e} problem(s) and {w} warning(s)"),
        };
        return Err(Failure { status: Status::Input, message, reported: args.json });
    }
    Ok(())
}

fn json_items(found: &Diagnostics) -> impl Iterator<Item = serde_json::Value> + '_ {
    found.items.iter().map(|d| {
        json!({
            "file": found.path.display().to_string(),
            "line": d.line,
            "column": d.column,
            "severity": d.severity.as_str(),
            "message": d.problem.to_string(),
            "hint": d.problem.hint(),
        })
    })
}
