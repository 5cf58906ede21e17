//! The `relgraph` command: parse arguments, run, map errors to exit codes.
//!
//! Exit status: 0 success, 1 invalid input (a model with problems, a file that cannot be
//! read), 2 usage error (bad arguments, an unknown or ambiguous node name).

use std::process::ExitCode;

fn main() -> ExitCode {
    relgraph::cli::main()
}
