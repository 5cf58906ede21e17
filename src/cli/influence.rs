//! `relgraph influence`: who influences a node, or whom a node influences.

use clap::{Args, ValueEnum};

use super::args::{ProfileArg, Selection};
use super::{output, Failure};
use crate::api::Method;

/// How influence is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// The best single channel, exact.
    Strongest,
    /// All channels together: the attenuated sum over walks (Katz-like).
    Total,
}

/// Arguments of `influence`.
#[derive(Debug, Args)]
pub struct InfluenceArgs {
    #[command(flatten)]
    selection: Selection,
    /// Rank every other node by its influence on this node (id, name or alias).
    #[arg(long, value_name = "NODE", conflicts_with = "from", required_unless_present = "from")]
    on: Option<String>,
    /// Rank the nodes this node influences.
    #[arg(long, value_name = "NODE")]
    from: Option<String>,
    /// strongest: the best single channel (default); total: every channel, summed over walks.
    #[arg(long, value_enum, default_value_t = MethodArg::Strongest)]
    method: MethodArg,
    #[command(flatten)]
    profile: ProfileArg,
    /// Show only the N most influential.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
}

/// Runs `influence`.
pub fn run(args: &InfluenceArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let selection = args.profile.apply(args.selection.select(&input)?)?;
    let mut query = match (&args.on, &args.from) {
        (Some(on), _) => selection.influence_on(on),
        (None, Some(from)) => selection.influence_from(from),
        (None, None) => return Err(Failure::usage("give --on NODE or --from NODE")),
    };
    query = query.method(match args.method {
        MethodArg::Strongest => Method::Strongest,
        MethodArg::Total => Method::Total,
    });
    if let Some(top) = args.top {
        query = query.top(top);
    }
    let ranking = query.run()?;
    output::report(ranking.report(), args.selection.json, out);
    Ok(())
}
