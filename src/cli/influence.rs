//! `relgraph influence`: who influences a node, or whom a node influences, and the channel
//! views that `path --strongest` and `export --highlight-path --strongest` share.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::analyse::Selection;
use super::{input, output, Failure};
use crate::analysis::influence::{self, Method, Strengths, Toward};
use crate::analysis::view::GraphView;
use crate::model::{Model, Profile};

/// The `--profile` option, shared by `path`, `influence` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct ProfileArg {
    /// Influence profile (RON) to read tie strengths with, replacing the built-in one
    /// (profiles/influence.ron) for this run. Default: the built-in profile on models, and
    /// each edge's weight on edge lists.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

impl ProfileArg {
    /// The channel view of `model` as read from `file`: by the profile (`--profile`, else
    /// the built-in one) on models, by weights on edge lists unless `--profile` is given.
    pub fn channels(&self, model: &Model, file: &std::path::Path, directed: bool) -> Result<GraphView, Failure> {
        let profile = match &self.profile {
            Some(path) => Some(crate::io::profile::load(path)?),
            None if input::is_edge_list(file) => None,
            None => Some(Profile::builtin()),
        };
        let strengths = match &profile {
            Some(p) => Strengths::Profile(p),
            None => Strengths::Weights { directed },
        };
        influence::channel_view(model, strengths).map_err(|e| Failure::input(format!("{}: {e}", file.display())))
    }

    /// Words for what the strengths were read with.
    pub fn describe(&self, file: &std::path::Path) -> String {
        match &self.profile {
            Some(path) => format!("profile {}", path.display()),
            None if input::is_edge_list(file) => "edge weights".to_owned(),
            None => "built-in profile".to_owned(),
        }
    }
}

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
    let model = args.selection.load()?;
    let file = &args.selection.file;
    let view = args.profile.channels(&model, file, args.selection.directed)?;
    let toward = match (&args.on, &args.from) {
        (Some(on), _) => Toward::On(input::node(&model, on)?),
        (None, Some(from)) => Toward::From(input::node(&model, from)?),
        (None, None) => return Err(Failure::usage("give --on NODE or --from NODE")),
    };
    let method = match args.method {
        MethodArg::Strongest => Method::Strongest,
        MethodArg::Total => Method::Total,
    };
    let mut ranking = influence::rank(&view, toward, method).map_err(Failure::input)?;
    let reached = ranking.rows.len();
    if let Some(top) = args.top {
        ranking.rows.truncate(top);
    }
    let report = crate::report::influence(&model, &ranking, toward, method, &args.profile.describe(file), reached);
    output::report(&report, args.selection.json, out);
    Ok(())
}
