//! `relgraph path`: the best paths between two nodes.

use clap::Args;

use super::analyse::{self, Selection};
use super::influence::ProfileArg;
use super::{input, output, Failure};
use crate::analysis::path::{PathMode, PathQuery};
use crate::model::{Model, NodeKind};

/// Arguments of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    selection: Selection,
    /// Where the path starts (id, name or alias).
    #[arg(value_name = "FROM")]
    from: String,
    /// Where the path ends (id, name or alias).
    #[arg(value_name = "TO")]
    to: String,
    #[command(flatten)]
    ranking: Ranking,
    /// List every simple path up to --max-hops steps instead of the best ones.
    #[arg(long, requires = "max_hops")]
    all: bool,
    /// With --all: the longest path to list, in steps.
    #[arg(long, value_name = "H")]
    max_hops: Option<usize>,
    /// With --all: stop after this many paths (the listing says when it was cut).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    limit: usize,
}

/// How paths are scored and constrained; shared by `path` and `export --highlight-path`.
#[derive(Debug, Args)]
pub struct Ranking {
    /// Use edge weights as distances and minimise their sum (as NetworkX `weight=`).
    #[arg(long, conflicts_with = "strongest")]
    weighted: bool,
    /// Find the strongest influence path: the product of the channels' strengths, read from
    /// the influence profile on models and from the weights (in (0, 1]) on edge lists.
    #[arg(long)]
    strongest: bool,
    /// The K best loopless paths, best first (Yen's algorithm). Default: 1.
    #[arg(short = 'k', long = "k", value_name = "K", default_value_t = 1)]
    pub k: usize,
    /// The path must pass through this node (repeatable; in the order given).
    #[arg(long, value_name = "NODE")]
    via: Vec<String>,
    /// The path may not pass through this node (repeatable).
    #[arg(long, value_name = "NODE")]
    avoid: Vec<String>,
    /// The path may not pass through nodes of this kind (repeatable or comma-separated).
    #[arg(long = "avoid-kind", value_name = "KIND", value_delimiter = ',')]
    avoid_kind: Vec<NodeKind>,
    #[command(flatten)]
    pub profile: ProfileArg,
}

impl Ranking {
    /// The scoring mode and the constraints, with node names resolved in `model`.
    pub fn query(&self, model: &Model) -> Result<PathQuery, Failure> {
        let mode = match (self.weighted, self.strongest) {
            (_, true) => PathMode::Strongest,
            (true, _) => PathMode::Weighted,
            _ => PathMode::Hops,
        };
        Ok(PathQuery::new(mode)
            .with_via(analyse::nodes(model, &self.via)?)
            .with_avoid(analyse::nodes(model, &self.avoid)?)
            .with_avoid_kinds(self.avoid_kind.clone()))
    }

    /// Whether paths are strongest influence paths.
    pub fn strongest(&self) -> bool {
        self.strongest
    }
}

/// Runs `path`.
pub fn run(args: &PathArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = input::load_any(&args.selection.file)?;
    let selection = args.ranking.profile.apply(args.selection.select(&model), &args.selection.file)?;
    let r = &args.ranking;
    let mut search = selection.paths(&args.from, &args.to).k(r.k);
    search = match (r.weighted, r.strongest) {
        (_, true) => search.strongest(),
        (true, _) => search.weighted(),
        _ => search,
    };
    for node in &r.via {
        search = search.via(node);
    }
    for node in &r.avoid {
        search = search.avoid(node);
    }
    for &kind in &r.avoid_kind {
        search = search.avoid_kind(kind);
    }
    if args.all {
        search = search.all(args.max_hops.unwrap_or(0), args.limit);
    }
    let paths = search.find()?;
    output::report(paths.report(), args.selection.json, out);
    Ok(())
}
