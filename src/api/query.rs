//! Describing a model: `info` (title, sources, counts, dates), `nodes`, `edges` and
//! `neighbors`, each a [`Report`] with the text and JSON the command prints.

use std::collections::{BTreeMap, VecDeque};

use petgraph::graph::NodeIndex;
use serde_json::json;

use super::{Direction, Input, Selection};
use crate::model::{Edge, EdgeKind, Model, NodeKind, PartialDate, Polarity};
use crate::report::table::Table;
use crate::report::{self, Report};
use crate::Error;

/// A date range as text: `2014-03 – 2014-07`, `2014-03 –`, `– 2014-07` or empty.
pub fn span(since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (since, until) {
        (None, None) => String::new(),
        (Some(s), None) => format!("{s} –"),
        (None, Some(u)) => format!("– {u}"),
        (Some(s), Some(u)) => format!("{s} – {u}"),
    }
}

impl Input {
    /// Title, sources, counts by kind and polarity, and the date range, of what is in
    /// force `at` a date (all of it without), as `relgraph info` prints it. A lean edge
    /// list has no dates and only `related_to` ties: it is counted without a full model.
    pub fn info(&self, at: Option<PartialDate>) -> Report {
        let mut node_kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut edge_kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut polarities: BTreeMap<&str, usize> = BTreeMap::new();
        let dated;
        let (model, nodes, edges) = match self.list() {
            Some(list) => {
                let related = EdgeKind::RelatedTo;
                if list.node_count() > 0 {
                    node_kinds.insert(NodeKind::Actor.as_str(), list.node_count());
                }
                if list.edge_count() > 0 {
                    edge_kinds.insert(related.as_str(), list.edge_count());
                    polarities.insert(related.polarity().as_str(), list.edge_count());
                }
                dated = Model::new(list.title.clone());
                (&dated, list.node_count(), list.edge_count())
            }
            None => {
                dated = match at {
                    Some(date) => self.model().at(&date),
                    None => self.model().clone(),
                };
                for node in dated.nodes() {
                    *node_kinds.entry(node.kind.as_str()).or_default() += 1;
                }
                for edge in dated.edges() {
                    *edge_kinds.entry(edge.kind.as_str()).or_default() += 1;
                    *polarities.entry(edge.polarity().as_str()).or_default() += 1;
                }
                (&dated, dated.node_count(), dated.edge_count())
            }
        };
        let range = model.date_range();
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
        Report::new(text, value)
    }
}

impl Selection<'_> {
    /// The nodes of these kinds (all without), as `relgraph nodes` lists them.
    pub fn nodes_report(&self, kinds: &[NodeKind]) -> Report {
        let nodes: Vec<_> = self.model().nodes().filter(|n| kinds.is_empty() || kinds.contains(&n.kind)).collect();
        let json = serde_json::Value::Array(nodes.iter().map(|n| report::json::node(n)).collect());
        let mut table = Table::new(&["id", "kind", "name", "aliases", "dates"]);
        for node in &nodes {
            let dates = match node.date {
                Some(d) if node.since.is_none() && node.until.is_none() => d.to_string(),
                _ => span(node.since, node.until),
            };
            table.row(vec![node.id.clone(), node.kind.to_string(), node.name.clone(), node.aliases.join("; "), dates]);
        }
        let mut text = table.render();
        text.push_str(&format!("{} node(s)\n", nodes.len()));
        Report::new(text, json)
    }

    /// The edges of these kinds and polarities (all without), touching `node` when given,
    /// as `relgraph edges` lists them.
    pub fn edges_report(
        &self,
        kinds: &[EdgeKind],
        polarities: &[Polarity],
        node: Option<&str>,
    ) -> Result<Report, Error> {
        let model = self.model();
        let touching = node.map(|n| model.node(n)).transpose()?.map(|n| n.id.clone());
        let edges: Vec<&Edge> = model
            .edges()
            .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
            .filter(|e| polarities.is_empty() || polarities.contains(&e.polarity()))
            .filter(|e| touching.as_ref().is_none_or(|id| &e.from == id || &e.to == id))
            .collect();
        let json = serde_json::Value::Array(edges.iter().map(|e| report::json::edge(e)).collect());
        let name = |id: &str| model.node_by_id(id).map_or_else(|| id.to_owned(), |n| n.name.clone());
        let mut table = Table::new(&["from", "kind", "to", "polarity", "dates", "weight", "topic"]).right_align(5);
        for edge in &edges {
            table.row(vec![
                name(&edge.from),
                edge.kind.label(),
                name(&edge.to),
                edge.polarity().to_string(),
                span(edge.since, edge.until),
                edge.weight.map(|w| format!("{w}")).unwrap_or_default(),
                edge.topic.clone().unwrap_or_default(),
            ]);
        }
        let mut text = table.render();
        text.push_str(&format!("{} edge(s)\n", edges.len()));
        Ok(Report::new(text, json))
    }

    /// The nodes within `depth` steps of `node`, breadth first, each with its depth and
    /// the ties that first reached it, as `relgraph neighbors` lists them.
    pub fn neighbors(&self, node: &str, depth: usize, direction: Direction) -> Result<Report, Error> {
        let model = self.model();
        let start = model.node_index(node)?;
        let found = breadth_first(model, start, depth, direction);
        let graph = model.graph();
        let items: Vec<_> = found
            .iter()
            .map(|(index, depth, via)| {
                let mut value = report::json::node(&graph[*index]);
                if let Some(map) = value.as_object_mut() {
                    map.insert("depth".into(), json!(depth));
                    let via: Vec<_> =
                        via.iter().map(|e| json!({"from": e.from, "to": e.to, "kind": e.kind.as_str()})).collect();
                    map.insert("via".into(), json!(via));
                }
                value
            })
            .collect();
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
            table.row(vec![
                depth.to_string(),
                node.id.clone(),
                node.kind.to_string(),
                node.name.clone(),
                via.join("; "),
            ]);
        }
        let mut text = table.render();
        text.push_str(&format!("{} node(s) within {} step(s) of {}\n", found.len(), depth, graph[start].name));
        Ok(Report::new(text, serde_json::Value::Array(items)))
    }
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
