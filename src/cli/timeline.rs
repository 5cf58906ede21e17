//! Change over time: `timeline` and `diff`.

use clap::Args;

use super::args::Selection;
use super::{output, Failure};
use crate::api::Measure;
use crate::model::PartialDate;

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    selection: Selection,
    /// Only ties of this node (id, name or alias).
    #[arg(long, value_name = "NODE")]
    node: Option<String>,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    selection: Selection,
    /// The earlier date.
    #[arg(long, value_name = "DATE")]
    from: PartialDate,
    /// The later date.
    #[arg(long, value_name = "DATE")]
    to: PartialDate,
    /// The centrality measure whose ranking to compare (any of `centrality --measure`).
    #[arg(long, short = 'm', default_value = "betweenness")]
    measure: Measure,
    /// How many top nodes of each date to follow.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Use edge weights in the measure.
    #[arg(long)]
    weighted: bool,
}

/// Runs `timeline`.
pub fn timeline(args: &TimelineArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let report = args.selection.select(&input)?.timeline(args.node.as_deref())?;
    output::report(&report, args.selection.json, out);
    Ok(())
}

/// Runs `diff`.
pub fn diff(args: &DiffArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let mut query = args.selection.select(&input)?.diff(args.from, args.to).measure(args.measure).top(args.top);
    if args.weighted {
        query = query.weighted();
    }
    output::report(&query.run()?, args.selection.json, out);
    Ok(())
}
