//! `relgraph run`: runs a Rhai script with relgraph's API (see [`crate::script`]).

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use crate::script::{self, Limits};

/// Arguments of `run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Stop the script after this many operations (a runaway loop ends with an error).
    #[arg(long, value_name = "N", default_value_t = Limits::default().operations)]
    max_operations: u64,
    /// The script (.rhai).
    #[arg(value_name = "SCRIPT")]
    script: PathBuf,
    /// Arguments for the script, which it reads as the array `args`.
    #[arg(value_name = "ARGS", trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

/// Runs `run`.
pub fn run(args: &RunArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let limits = Limits { operations: args.max_operations, ..Limits::default() };
    script::run(&args.script, &args.args, limits, out).map_err(Failure::input)
}
