//! `relgraph check`: validate model files and report every problem.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::{output, Failure};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Model files to check.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Print the problems as a JSON array of {file, line, column, message, hint}.
    #[arg(long)]
    json: bool,
}

/// Checks each file; problems go to stderr (or stdout as JSON), a summary to stdout.
pub fn run(args: &CheckArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let mut problems = 0usize;
    let mut report = Vec::new();
    for file in &args.files {
        match crate::io::ron::load(file) {
            Ok(model) => {
                if !args.json {
                    let line = format!(
                        "{}: ok ({} nodes, {} edges)\n",
                        file.display(),
                        model.node_count(),
                        model.edge_count()
                    );
                    out.extend(line.into_bytes());
                }
            }
            Err(crate::Error::Invalid { diagnostics }) => {
                problems += diagnostics.items.len();
                if args.json {
                    report.extend(diagnostics.items.iter().map(|d| {
                        json!({
                            "file": diagnostics.path.display().to_string(),
                            "line": d.line,
                            "column": d.column,
                            "message": d.problem.to_string(),
                            "hint": d.problem.hint(),
                        })
                    }));
                } else {
                    eprint!("{}", diagnostics.render());
                }
            }
            Err(other) => return Err(other.into()),
        }
    }
    if args.json {
        output::print(&serde_json::Value::Array(report), out);
    }
    if problems > 0 {
        let message = format!("found {problems} problem(s)");
        return Err(Failure::Input { reported: args.json, message });
    }
    Ok(())
}
