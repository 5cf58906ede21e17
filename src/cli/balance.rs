//! `relgraph balance`: structural balance of the signed network.

use clap::Args;

use super::args::Selection;
use super::{output, Failure};

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
    let input = args.selection.open_full()?;
    let report = args.selection.select(&input)?.balance_showing(args.show)?;
    output::report(&report, args.selection.json, out);
    Ok(())
}
