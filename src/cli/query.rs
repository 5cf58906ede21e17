//! Query commands: `info`, `nodes`, `edges`, `neighbors`.

use std::collections::{BTreeMap, VecDeque};

use clap::{Args, ValueEnum};
use petgraph::graph::NodeIndex;
use serde_json::json;

use super::{input, output, Common, Failure, FileArg};
use crate::model::{Edge, EdgeKind, Model, NodeKind, Polarity};
use crate::report::table::Table;

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

/// What `info` reports on: the model's title, description and sources (and dates), and
/// its counts (for an edge list, `model` holds only the title).
struct Summary {
    model: Model,
    nodes: usize,
    edges: usize,
}

/// `info`: title, sources, counts and date range.
pub fn info(args: &InfoArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let mut node_kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut edge_kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut polarities: BTreeMap<&str, usize> = BTreeMap::new();
    let path = &args.file.file;
    let summary = if input::is_edge_list(path) {
        // A plain edge list has no dates (so `--at` keeps it all), only actors and
        // neutral `related_to` ties: count it without building the full model.
        let list = crate::io::edgelist::read_list(path)?;
        let related = EdgeKind::RelatedTo;
        if list.node_count() > 0 {
            node_kinds.insert(NodeKind::Actor.as_str(), list.node_count());
        }
        if list.edge_count() > 0 {
            edge_kinds.insert(related.as_str(), list.edge_count());
            polarities.insert(related.polarity().as_str(), list.edge_count());
        }
        Summary { model: Model::new(list.title.clone()), nodes: list.node_count(), edges: list.edge_count() }
    } else {
        let model = input::load(path, args.common.at.as_ref())?;
        for node in model.nodes() {
            *node_kinds.entry(node.kind.as_str()).or_default() += 1;
        }
        for edge in model.edges() {
            *edge_kinds.entry(edge.kind.as_str()).or_default() += 1;
            *polarities.entry(edge.polarity().as_str()).or_default() += 1;
        }
        Summary { nodes: model.node_count(), edges: model.edge_count(), model }
    };
    let Summary { model, nodes, edges } = summary;
    let range = model.date_range();
    if args.common.json {
        let sources: Vec<_> = model
            .sources
            .iter()
            .map(|s| json!({"id": s.id, "title": s.title, "author": s.author, "date": s.date.map(|d| d.to_string()), "url": s.url}))
            .collect();
        let value = json!({
            "title": model.title,
            "description": model.description,
            "sources": sources,
            "nodes": nodes,
            "edges": edges,
            "node_kinds": node_kinds,
            "edge_kinds": edge_kinds,
            "polarities": polarities,
            "first_date": range.map(|r| r.0.to_string()),
            "last_date": range.map(|r| r.1.to_string()),
        });
        output::print(&value, out);
        return Ok(());
    }
    let mut text = format!("{}\n", model.title);
    if let Some(description) = &model.description {
        text.push_str(&format!("{description}\n"));
    }
    text.push('\n');
    for source in &model.sources {
        let by = source.author.as_deref().map(|a| format!(", {a}")).unwrap_or_default();
        let date = source.date.map(|d| format!(" ({d})")).unwrap_or_default();
        text.push_str(&format!("source {}: {}{by}{date}\n", source.id, source.title));
    }
    if let Some((first, last)) = range {
        text.push_str(&format!("dates: {first} to {last}\n"));
    }
    text.push_str(&format!("\n{nodes} nodes, {edges} edges\n\n"));
    let mut table = Table::new(&["node kind", "count"]).right_align(1);
    node_kinds.iter().for_each(|(k, n)| table.row(vec![(*k).into(), n.to_string()]));
    text.push_str(&table.render());
    text.push('\n');
    let mut table = Table::new(&["edge kind", "polarity", "count"]).right_align(2);
    for (kind, n) in &edge_kinds {
        let polarity = model.vocabulary.edge_kind(kind).map(|k| k.polarity().as_str()).unwrap_or_default();
        table.row(vec![(*kind).into(), polarity.into(), n.to_string()]);
    }
    text.push_str(&table.render());
    let totals: Vec<String> = polarities.iter().map(|(p, n)| format!("{n} {p}")).collect();
    text.push_str(&format!("\nby polarity: {}\n", totals.join(", ")));
    out.extend(text.into_bytes());
    Ok(())
}

/// `nodes`: the nodes, optionally of some kinds.
pub fn nodes(args: &NodesArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = input::load(&args.file.file, args.common.at.as_ref())?;
    let nodes: Vec<_> = model.nodes().filter(|n| args.kind.is_empty() || args.kind.contains(&n.kind)).collect();
    if args.common.json {
        let with_sources = |n: &&crate::model::Node| {
            let mut value = output::node(n);
            if let Some(map) = value.as_object_mut() {
                map.insert("sources".into(), json!(model.node_sources(n)));
            }
            value
        };
        output::print(&serde_json::Value::Array(nodes.iter().map(with_sources).collect()), out);
        return Ok(());
    }
    let mut table = Table::new(&["id", "kind", "name", "aliases", "dates"]);
    for node in &nodes {
        let dates = match node.date {
            Some(d) if node.since.is_none() && node.until.is_none() => d.to_string(),
            _ => output::span(node.since, node.until),
        };
        table.row(vec![node.id.clone(), node.kind.to_string(), node.name.clone(), node.aliases.join("; "), dates]);
    }
    out.extend(table.render().into_bytes());
    out.extend(format!("{} node(s)\n", nodes.len()).into_bytes());
    Ok(())
}

/// `edges`: the edges, filtered by kind, polarity and node.
pub fn edges(args: &EdgesArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = input::load(&args.file.file, args.common.at.as_ref())?;
    let touching =
        args.node.as_deref().map(|n| input::node(&model, n)).transpose()?.map(|i| model.graph()[i].id.clone());
    let edges: Vec<&Edge> = model
        .edges()
        .filter(|e| args.kind.is_empty() || args.kind.contains(&e.kind))
        .filter(|e| args.polarity.is_empty() || args.polarity.contains(&e.polarity()))
        .filter(|e| touching.as_ref().is_none_or(|id| &e.from == id || &e.to == id))
        .filter(|e| model.edge_sources(e).len() >= args.min_sources)
        .collect();
    if args.common.json {
        let with_sources = |e: &&Edge| {
            let mut value = output::edge(e);
            if let Some(map) = value.as_object_mut() {
                map.insert("sources".into(), json!(model.edge_sources(e)));
            }
            value
        };
        output::print(&serde_json::Value::Array(edges.iter().map(with_sources).collect()), out);
        return Ok(());
    }
    edge_table(&model, &edges, out);
    Ok(())
}

fn edge_table(model: &Model, edges: &[&Edge], out: &mut Vec<u8>) {
    let name = |id: &str| model.node_by_id(id).map_or_else(|| id.to_owned(), |n| n.name.clone());
    // A model of several sources shows how many state each tie; one source's model, as before.
    let counted = model.sources.len() > 1;
    let mut headers = vec!["from", "kind", "to", "polarity", "dates", "weight", "topic"];
    if counted {
        headers.push("sources");
    }
    let mut table = Table::new(&headers).right_align(5);
    for edge in edges {
        let mut row = vec![
            name(&edge.from),
            edge.kind.label(),
            name(&edge.to),
            edge.polarity().to_string(),
            output::span(edge.since, edge.until),
            edge.weight.map(|w| format!("{w}")).unwrap_or_default(),
            edge.topic.clone().unwrap_or_default(),
        ];
        if counted {
            row.push(model.edge_sources(edge).len().to_string());
        }
        table.row(row);
    }
    out.extend(table.render().into_bytes());
    out.extend(format!("{} edge(s)\n", edges.len()).into_bytes());
}

/// `neighbors`: breadth-first out to `--depth` steps.
pub fn neighbors(args: &NeighborsArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = input::load(&args.file.file, args.common.at.as_ref())?;
    let start = input::node(&model, &args.node)?;
    let found = breadth_first(&model, start, args.depth, args.direction);
    let graph = model.graph();
    if args.common.json {
        let items: Vec<_> = found
            .iter()
            .map(|(index, depth, via)| {
                let mut value = output::node(&graph[*index]);
                if let Some(map) = value.as_object_mut() {
                    map.insert("depth".into(), json!(depth));
                    let via: Vec<_> =
                        via.iter().map(|e| json!({"from": e.from, "to": e.to, "kind": e.kind.as_str()})).collect();
                    map.insert("via".into(), json!(via));
                }
                value
            })
            .collect();
        output::print(&serde_json::Value::Array(items), out);
        return Ok(());
    }
    let mut table = Table::new(&["depth", "id", "kind", "name", "via"]).right_align(0);
    for (index, depth, via) in &found {
        let node = &graph[*index];
        let via: Vec<String> = via
            .iter()
            .map(|e| {
                let from = model.node_by_id(&e.from).map_or(e.from.as_str(), |n| n.name.as_str());
                let to = model.node_by_id(&e.to).map_or(e.to.as_str(), |n| n.name.as_str());
                format!("{from} —{}→ {to}", e.kind.label())
            })
            .collect();
        table.row(vec![depth.to_string(), node.id.clone(), node.kind.to_string(), node.name.clone(), via.join("; ")]);
    }
    out.extend(table.render().into_bytes());
    out.extend(
        format!("{} node(s) within {} step(s) of {}\n", found.len(), args.depth, graph[start].name).into_bytes(),
    );
    Ok(())
}

/// Nodes reachable from `start` in 1..=`depth` steps, in order of discovery, each with its
/// depth and the edges that first reached it from the previous layer.
fn breadth_first(
    model: &Model,
    start: NodeIndex,
    depth: usize,
    direction: Direction,
) -> Vec<(NodeIndex, usize, Vec<&Edge>)> {
    let mut seen: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    seen.insert(start, 0);
    let mut found: Vec<(NodeIndex, usize, Vec<&Edge>)> = Vec::new();
    let mut queue = VecDeque::from([start]);
    while let Some(current) = queue.pop_front() {
        let level = seen.get(&current).copied().unwrap_or(0);
        if level >= depth {
            continue;
        }
        for (edge, other, outgoing) in model.incident(current) {
            let follow = match direction {
                Direction::Both => true,
                Direction::Out => outgoing || edge.kind.is_symmetric(),
                Direction::In => !outgoing || edge.kind.is_symmetric(),
            };
            if !follow || other == current {
                continue;
            }
            match seen.get(&other) {
                None => {
                    seen.insert(other, level + 1);
                    found.push((other, level + 1, vec![edge]));
                    queue.push_back(other);
                }
                Some(&d) if d == level + 1 => {
                    if let Some(entry) = found.iter_mut().find(|(i, _, _)| *i == other) {
                        entry.2.push(edge);
                    }
                }
                Some(_) => {}
            }
        }
    }
    found
}
