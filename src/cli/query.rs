//! Query commands: `info`, `nodes`, `edges`, `neighbors`.

use clap::{Args, ValueEnum};

use super::args::FileArg;
use super::{output, Common, Failure};
use crate::model::{EdgeKind, NodeKind, Polarity};

/// Arguments of `info`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(flatten)]
    file: FileArg,
    #[command(flatten)]
    common: Common,
}

/// Arguments of `nodes`.
#[derive(Debug, Args)]
pub struct NodesArgs {
    #[command(flatten)]
    file: FileArg,
    /// Only nodes of these kinds (repeatable or comma-separated): country, leader, person,
    /// organization, agreement, dispute, territory, event, project, actor.
    #[arg(long, value_delimiter = ',', value_parser = crate::model::vocabulary::node_kind_named)]
    kind: Vec<NodeKind>,
    #[command(flatten)]
    common: Common,
}

/// Arguments of `edges`.
#[derive(Debug, Args)]
pub struct EdgesArgs {
    #[command(flatten)]
    file: FileArg,
    /// Only edges of these kinds (repeatable or comma-separated), e.g. sanctions,condemns.
    #[arg(long, value_delimiter = ',', value_parser = crate::model::vocabulary::edge_kind_named)]
    kind: Vec<EdgeKind>,
    /// Only edges of these polarities: cooperative, conflictual, neutral.
    #[arg(long, value_delimiter = ',')]
    polarity: Vec<Polarity>,
    /// Only edges touching this node (id, name or alias).
    #[arg(long, value_name = "NODE")]
    node: Option<String>,
    /// Only ties stated by at least N sources (see docs/sources.md). Default: 1, every tie.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_sources: usize,
    #[command(flatten)]
    common: Common,
}

/// Which way to follow edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    /// Along edge direction.
    Out,
    /// Against edge direction.
    In,
    /// Both ways.
    Both,
}

/// Arguments of `neighbors`.
#[derive(Debug, Args)]
pub struct NeighborsArgs {
    #[command(flatten)]
    file: FileArg,
    /// The node (id, name or alias, any case).
    #[arg(value_name = "NODE")]
    node: String,
    /// How many steps out to go.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Which edges to follow; symmetric kinds count both ways. Default: both.
    #[arg(long, value_enum, default_value_t = Direction::Both)]
    direction: Direction,
    #[command(flatten)]
    common: Common,
}

/// `info`: title, sources, counts and date range.
pub fn info(args: &InfoArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.file.open_lean()?;
    output::report(&input.info(args.common.at), args.common.json, out);
    Ok(())
}

/// The whole file, or what is in force on `--at`.
fn selected<'m>(input: &'m crate::api::Input, common: &Common) -> crate::api::Selection<'m> {
    let selection = input.model().view();
    match common.at {
        Some(at) => selection.at(at),
        None => selection,
    }
}

/// `nodes`: the nodes, optionally of some kinds.
pub fn nodes(args: &NodesArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.file.open()?;
    output::report(&selected(&input, &args.common).nodes_report(&args.kind), args.common.json, out);
    Ok(())
}

/// `edges`: the edges, filtered by kind, polarity and node.
pub fn edges(args: &EdgesArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.file.open()?;
    let report = selected(&input, &args.common).edges_report_with_sources(
        &args.kind,
        &args.polarity,
        args.node.as_deref(),
        args.min_sources,
    )?;
    output::report(&report, args.common.json, out);
    Ok(())
}

/// `neighbors`: breadth-first out to `--depth` steps.
pub fn neighbors(args: &NeighborsArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.file.open()?;
    let direction = match args.direction {
        Direction::Out => crate::api::Direction::Out,
        Direction::In => crate::api::Direction::In,
        Direction::Both => crate::api::Direction::Both,
    };
    let report = selected(&input, &args.common).neighbors(&args.node, args.depth, direction)?;
    output::report(&report, args.common.json, out);
    Ok(())
}
