//! Structure commands: `components`, `brokers`, `ego`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::analyse::{self, Selection};
use super::{input, output, Failure};
use crate::analysis::structure::{self, Direction};
use crate::report::table::Table;

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

use crate::report::listing;

/// Runs `components`: connected (or, with --directed, strongly connected) components.
pub fn components(args: &ComponentsArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (model, view) = args.selection.load_with_view()?;
    let mut parts =
        if args.selection.directed { structure::strong_components(&view) } else { structure::components(&view) };
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.first().cmp(&b.first())));
    if args.selection.json {
        let items: Vec<_> = parts.iter().map(|p| json!({"size": p.len(), "nodes": analyse::ids(&model, p)})).collect();
        output::print(&serde_json::Value::Array(items), out);
        return Ok(());
    }
    let what = if args.selection.directed { "strongly connected component" } else { "connected component" };
    let mut table = Table::new(&["#", "size", "members"]).right_align(0).right_align(1);
    for (i, part) in parts.iter().enumerate() {
        table.row(vec![(i + 1).to_string(), part.len().to_string(), listing(&model, part, 8)]);
    }
    out.extend(table.render().into_bytes());
    out.extend(format!("{} {what}(s)\n", parts.len()).into_bytes());
    Ok(())
}

/// Runs `brokers`: articulation points and bridges, with what their removal leaves.
pub fn brokers(args: &BrokersArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let view = crate::analysis::view::GraphView::new(&model, &crate::analysis::view::ViewOptions::undirected());
    let cuts = structure::articulation_points(&view);
    let bridges = structure::bridges(&view);
    output::report(&crate::report::brokers(&model, &cuts, &bridges), args.selection.json, out);
    Ok(())
}

/// Runs `ego`: the neighbourhood of a node, listed or written as a model.
pub fn ego(args: &EgoArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let view = args.selection.view(&model);
    let center = input::node(&model, &args.node)?;
    let direction = match args.direction {
        Way::Out => Direction::Out,
        Way::In => Direction::In,
        Way::Both => Direction::Both,
    };
    let ego = structure::ego(&model, &view, center, args.depth, direction);
    if let Some(path) = &args.output {
        crate::io::atomic::refuse_overwrite(path, &[&args.selection.file])?;
        super::export::write_model(&ego, path, &args.selection.file)?;
        let line = format!("wrote {} ({} nodes, {} edges)\n", path.display(), ego.node_count(), ego.edge_count());
        out.extend(line.into_bytes());
        return Ok(());
    }
    if args.selection.json {
        let value = json!({
            "nodes": ego.nodes().map(output::node).collect::<Vec<_>>(),
            "edges": ego.edges().map(output::edge).collect::<Vec<_>>(),
        });
        output::print(&value, out);
        return Ok(());
    }
    let mut table = Table::new(&["id", "kind", "name"]);
    for node in ego.nodes() {
        table.row(vec![node.id.clone(), node.kind.to_string(), node.name.clone()]);
    }
    out.extend(table.render().into_bytes());
    let line = format!(
        "ego network of {} at depth {}: {} nodes, {} edges\n",
        model.graph()[center].name,
        args.depth,
        ego.node_count(),
        ego.edge_count()
    );
    out.extend(line.into_bytes());
    Ok(())
}
