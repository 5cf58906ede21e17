//! `relgraph influence`: who influences a node, or whom a node influences, and the channel
//! views that `path --strongest` and `export --highlight-path --strongest` share.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::analyse::Selection;
use super::{input, output, Failure};
use crate::analysis::influence::{self, Method, Strengths};
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
            Some(path) => Some(crate::io::profile::load_for(path, &model.vocabulary)?),
            None if input::is_edge_list(file) => None,
            None => Some(Profile::builtin()),
        };
        let strengths = match &profile {
            Some(p) => Strengths::Profile(p),
            None => Strengths::Weights { directed },
        };
        influence::channel_view(model, strengths).map_err(|e| Failure::input(format!("{}: {e}", file.display())))
    }

    /// The selection with its strengths read as asked: `--profile`, else the built-in
    /// profile on models and the weights on edge lists.
    pub fn apply<'m>(
        &self,
        selection: crate::api::Selection<'m>,
        file: &std::path::Path,
    ) -> Result<crate::api::Selection<'m>, Failure> {
        Ok(match &self.profile {
            Some(path) => {
                let profile = crate::io::profile::load_for(path, &selection.model().vocabulary)?;
                selection.with_named_profile(profile, &format!("profile {}", path.display()))
            }
            None if input::is_edge_list(file) => selection.with_weights(),
            None => selection,
        })
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
    let model = input::load_any(&args.selection.file)?;
    let selection = args.profile.apply(args.selection.select(&model)?, &args.selection.file)?;
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
