//! Structure commands: `components`, `brokers`, `ego`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::args::Selection;
use super::{output, Failure};
use crate::api::Direction;

/// Arguments of `components`.
#[derive(Debug, Args)]
pub struct ComponentsArgs {
    #[command(flatten)]
    selection: Selection,
}

/// Arguments of `brokers`.
#[derive(Debug, Args)]
pub struct BrokersArgs {
    #[command(flatten)]
    selection: Selection,
}

/// Which way the ego network grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Way {
    /// Along edge direction.
    Out,
    /// Against edge direction.
    In,
    /// Both ways.
    Both,
}

/// Arguments of `ego`.
#[derive(Debug, Args)]
pub struct EgoArgs {
    #[command(flatten)]
    selection: Selection,
    /// The centre (id, name or alias).
    #[arg(value_name = "NODE")]
    node: String,
    /// How many steps out from the centre.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Which ties to follow (with --directed). Default: both.
    #[arg(long, value_enum, default_value_t = Way::Both)]
    direction: Way,
    /// Write the neighbourhood as a model to this file, in the format its extension names
    /// (.ron, .graphml, .gexf, .json, .tsv, .csv), else in the input's format; without it,
    /// list the nodes.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Runs `components`: connected (or, with --directed, strongly connected) components.
pub fn components(args: &ComponentsArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open()?;
    let report = args.selection.select(&input)?.components_report();
    output::report(&report, args.selection.json, out);
    Ok(())
}

/// Runs `brokers`: articulation points and bridges, with what their removal leaves.
pub fn brokers(args: &BrokersArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let report = args.selection.select(&input)?.brokers()?;
    output::report(&report, args.selection.json, out);
    Ok(())
}

/// Runs `ego`: the neighbourhood of a node, listed or written as a model.
pub fn ego(args: &EgoArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let selection = args.selection.select(&input)?;
    let direction = match args.direction {
        Way::Out => Direction::Out,
        Way::In => Direction::In,
        Way::Both => Direction::Both,
    };
    if let Some(path) = &args.output {
        let ego = selection.ego(&args.node, args.depth, direction)?;
        let file = &args.selection.file;
        ego.save_as(path, Some(&file.file), &file.paths())?;
        let line = format!("wrote {} ({} nodes, {} edges)\n", path.display(), ego.node_count(), ego.edge_count());
        out.extend(line.into_bytes());
        return Ok(());
    }
    output::report(&selection.ego_report(&args.node, args.depth, direction)?, args.selection.json, out);
    Ok(())
}
