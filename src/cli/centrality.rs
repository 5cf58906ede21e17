//! `relgraph centrality`: who matters most, by one measure or all.

use clap::Args;

use super::args::Selection;
use super::{output, progress, Failure};
use crate::api::Measure;

/// Arguments of `centrality`.
#[derive(Debug, Args)]
pub struct CentralityArgs {
    #[command(flatten)]
    selection: Selection,
    /// The measure: degree, in-degree, out-degree, betweenness, closeness, harmonic,
    /// eigenvector, pagerank, katz, signed-degree; `all` prints one column per measure.
    #[arg(long, short = 'm', value_name = "MEASURE", default_value = "degree", value_parser = parse_measure)]
    measure: Choice,
    /// Use edge weights: as distances for betweenness, closeness and harmonic, as strengths
    /// for eigenvector, PageRank and Katz (as NetworkX).
    #[arg(long)]
    weighted: bool,
    /// Show only the N highest-scoring nodes.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Estimate betweenness or closeness from K sampled pivots (Brandes–Pich).
    #[arg(long, value_name = "K")]
    sample: Option<usize>,
    /// Seed for --sample; the same seed gives the same estimate.
    #[arg(long, value_name = "S", default_value_t = 42)]
    seed: u64,
}

/// One measure, or all of them (`None`).
#[derive(Debug, Clone, Copy)]
pub struct Choice(Option<Measure>);

/// `all` or one measure.
fn parse_measure(text: &str) -> Result<Choice, String> {
    if text.eq_ignore_ascii_case("all") {
        return Ok(Choice(None));
    }
    text.parse::<Measure>().map(|m| Choice(Some(m))).map_err(|_| {
        let names: Vec<&str> = Measure::ALL.iter().map(|m| m.as_str()).collect();
        format!("unknown measure `{text}`; expected one of {}, all", names.join(", "))
    })
}

/// Runs `centrality`.
pub fn run(args: &CentralityArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open()?;
    let selection = args.selection.select(&input)?;
    let Choice(measure) = args.measure;
    let mut query = selection.centrality(measure.unwrap_or(Measure::Degree));
    if args.weighted {
        query = query.weighted();
    }
    if let Some(k) = args.sample {
        query = query.sample(k, args.seed);
    }
    if let Some(top) = args.top {
        query = query.top(top);
    }
    let Some(measure) = measure else {
        output::report(&query.all(), args.selection.json, out);
        return Ok(());
    };
    progress::bar(measure.as_str(), |report| query.write(args.selection.json, report, out)).map_err(Failure::input)
}
