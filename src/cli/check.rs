//! `relgraph check`: validate model files and report every problem, and every warning.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::{output, Failure, Status, SHOWN_PROBLEMS};
use crate::api::{self, Severity};

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
    /// edges.
    #[arg(long)]
    strict: bool,
}

/// Checks each file; problems go to stderr (or stdout as JSON), a summary to stdout.
pub fn run(args: &CheckArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut report = Vec::new();
    for file in &args.files {
        let checked = match api::check(file) {
            Ok(checked) => checked,
            Err(error) => {
                // Edge lists, GraphML and JSON fail on their first problem, as every
                // command reads them: a problem with the input is one error found.
                let failure = super::input::failure(file, error);
                if failure.status != Status::Input {
                    return Err(failure);
                }
                errors += 1;
                if args.json {
                    report.push(
                        json!({"file": file.display().to_string(), "severity": "error", "message": failure.message}),
                    );
                } else {
                    eprintln!("{}", failure.message);
                }
                continue;
            }
        };
        if let (Some((nodes, edges)), false) = (checked.counts, args.json) {
            let warned = match checked.count(Severity::Warning) {
                0 => String::new(),
                n => format!(", {n} warning(s)"),
            };
            out.extend(format!("{}: ok ({nodes} nodes, {edges} edges{warned})\n", file.display()).into_bytes());
        }
        errors += checked.count(Severity::Error);
        warnings += checked.count(Severity::Warning);
        if args.json {
            report.extend(checked.json_items());
        } else if let Some(found) = &checked.diagnostics {
            eprint!("{}", found.render_first(SHOWN_PROBLEMS));
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
