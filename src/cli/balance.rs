//! `relgraph balance`: structural balance of the signed network.

use clap::Args;

use super::analyse::Selection;
use super::{output, Failure};
use crate::analysis::balance;

/// Arguments of `balance`.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[command(flatten)]
    selection: Selection,
    /// List at most this many unbalanced triangles in the human output (JSON lists all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    show: usize,
}

/// Runs `balance`.
pub fn run(args: &BalanceArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let census = balance::triangles(&model);
    let split = balance::bipartition(&model);
    let report = crate::report::balance(&model, &census, &split, args.show);
    output::report(&report, args.selection.json, out);
    Ok(())
}
