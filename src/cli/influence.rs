//! `relgraph influence`: who influences a node, or whom a node influences, and the channel
//! views that `path --strongest` and `export --highlight-path --strongest` share.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde_json::json;

use super::analyse::{self, Selection};
use super::table::Table;
use super::{input, output, Failure};
use crate::analysis::influence::{self, InfluencePath, Method, Ranking, Strengths, Toward};
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
    let (toward, name) = match (&args.on, &args.from) {
        (Some(on), _) => (Toward::On(input::node(&model, on)?), on),
        (None, Some(from)) => (Toward::From(input::node(&model, from)?), from),
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
    if args.selection.json {
        output::print(&ranking_json(&model, &ranking), out);
        return Ok(());
    }
    let graph = model.graph();
    let (root, heading) = match toward {
        Toward::On(i) => (i, "Influence on"),
        Toward::From(i) => (i, "Influence of"),
    };
    let root_name = graph.node_weight(root).map_or(name.as_str(), |n| n.name.as_str());
    let how = match method {
        Method::Strongest => "strongest single channel".to_owned(),
        Method::Total => format!(
            "total over all channels, attenuation β = {:.4} (ρ = {:.4})",
            ranking.attenuation.unwrap_or(0.0),
            ranking.spectral_radius.unwrap_or(0.0)
        ),
    };
    out.extend(format!("{heading} {root_name} ({how}; {})\n", args.profile.describe(file)).into_bytes());
    let mut table = Table::new(&["rank", "node", "kind", "score", "sign", "channel"]).right_align(0).right_align(3);
    for (i, row) in ranking.rows.iter().enumerate() {
        let Some(node) = graph.node_weight(row.node) else { continue };
        let channel = row.path.as_ref().map(|p| chain(&model, p)).unwrap_or_default();
        table.row(vec![
            (i + 1).to_string(),
            node.name.clone(),
            node.kind.as_str().to_owned(),
            format!("{:.4}", row.score),
            row.sign.as_str().to_owned(),
            channel,
        ]);
    }
    out.extend(table.render().into_bytes());
    let others = model.node_count().saturating_sub(1 + reached);
    if others > 0 {
        let line = if matches!(toward, Toward::On(_)) {
            format!("{others} other node(s) have no channel to {root_name}\n")
        } else {
            format!("{others} other node(s) cannot be reached from {root_name}\n")
        };
        out.extend(line.into_bytes());
    }
    Ok(())
}

/// The ranking as JSON: `[{id, name, kind, score, sign, path: {nodes, edges, strength}}]`.
fn ranking_json(model: &Model, ranking: &Ranking) -> serde_json::Value {
    let graph = model.graph();
    ranking
        .rows
        .iter()
        .filter_map(|row| {
            let node = graph.node_weight(row.node)?;
            let path = row.path.as_ref().map(|p| {
                json!({
                    "nodes": analyse::ids(model, &p.path.nodes),
                    "edges": edges_json(model, p),
                    "strength": p.strength(),
                    "sign": p.sign.as_str(),
                })
            });
            Some(json!({
                "id": node.id,
                "name": node.name,
                "kind": node.kind.as_str(),
                "score": row.score,
                "sign": row.sign.as_str(),
                "path": path,
            }))
        })
        .collect()
}

/// A path's edges as JSON `{from, to, kind, strength}`.
pub fn edges_json(model: &Model, path: &InfluencePath) -> serde_json::Value {
    let graph = model.graph();
    path.path
        .edges
        .iter()
        .zip(&path.steps)
        .filter_map(|(&e, &s)| graph.edge_weight(e).map(|w| (w, s)))
        .map(|(e, s)| json!({"from": e.from, "to": e.to, "kind": e.kind.as_str(), "strength": s}))
        .collect()
}

/// The path as `A —kind 0.80→ B ←leads 0.50— C`.
pub fn chain(model: &Model, path: &InfluencePath) -> String {
    let graph = model.graph();
    let nodes = &path.path.nodes;
    let name = |i: NodeIndex| graph.node_weight(i).map_or("?", |n| n.name.as_str());
    let mut text = nodes.first().map(|&i| name(i).to_owned()).unwrap_or_default();
    for (step, (edge, strength)) in path.path.edges.iter().zip(&path.steps).enumerate() {
        let (Some(&next), Some(weight)) = (nodes.get(step + 1), graph.edge_weight(*edge)) else { break };
        let label = format!("{} {strength:.2}", weight.kind.label());
        if forward(model, *edge, nodes.get(step)) || weight.kind.is_symmetric() {
            text.push_str(&format!(" —{label}→ {}", name(next)));
        } else {
            text.push_str(&format!(" ←{label}— {}", name(next)));
        }
    }
    text
}

/// Whether a step travels an edge from its `from` end.
fn forward(model: &Model, edge: EdgeIndex, at: Option<&NodeIndex>) -> bool {
    model.graph().edge_endpoints(edge).is_some_and(|(from, _)| Some(&from) == at)
}
