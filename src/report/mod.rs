//! Reports: what an analysis found, as the text the command line prints and as JSON.
//!
//! Every analysis the `relgraph` command prints has a builder here that returns a
//! [`Report`]: its [`Display`](std::fmt::Display) is exactly the command's output, and
//! [`Report::json`] is exactly what the command prints with `--json`. The command line, the
//! fluent API ([`crate::api`]) and scripts ([`crate::script`]) all print through these, so a
//! script's output matches the command's.

pub mod influence;
pub mod json;
pub mod table;

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde_json::{json, Value};

use crate::analysis::balance::{Bipartition, SignedTie, TriangleCensus};
use crate::analysis::centrality::{Measure, Scores, SignedDegree};
use crate::analysis::influence::{describe, InfluencePath};
use crate::analysis::path::{Path, PathMode};
use crate::analysis::structure::{Bridge, CutVertex};
use crate::analysis::timeline::{Diff, Rank};
use crate::analysis::view::GraphView;
use crate::model::Model;
use table::Table;

/// What an analysis found: the text a command prints and its JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    text: String,
    json: Value,
}

impl Report {
    /// A report from its text and JSON.
    pub fn new(text: String, json: Value) -> Self {
        Report { text, json }
    }

    /// The JSON the command prints with `--json`.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The text the command prints.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// One step of a path as `—kind→ Name` (or `←kind— Name` against the edge's direction).
pub fn chain(model: &Model, nodes: &[NodeIndex], edges: &[EdgeIndex]) -> String {
    let graph = model.graph();
    let name = |i: NodeIndex| graph.node_weight(i).map_or("?", |n| n.name.as_str());
    let mut text = nodes.first().map(|&i| name(i).to_owned()).unwrap_or_default();
    for (step, edge) in edges.iter().enumerate() {
        let (Some(&next), Some(weight)) = (nodes.get(step + 1), graph.edge_weight(*edge)) else { break };
        let forward = graph.edge_endpoints(*edge).is_some_and(|(from, _)| Some(&from) == nodes.get(step));
        let label = weight.kind.label();
        if forward || weight.kind.is_symmetric() {
            text.push_str(&format!(" —{label}→ {}", name(next)));
        } else {
            text.push_str(&format!(" ←{label}— {}", name(next)));
        }
    }
    text
}

/// A path's edges as JSON `{from, to, kind}`.
pub fn edges_json(model: &Model, edges: &[EdgeIndex]) -> serde_json::Value {
    let graph = model.graph();
    edges
        .iter()
        .filter_map(|&e| graph.edge_weight(e))
        .map(|e| json!({"from": e.from, "to": e.to, "kind": e.kind.as_str()}))
        .collect()
}

/// Node ids of a list of indices.
pub fn ids(model: &Model, nodes: &[NodeIndex]) -> Vec<String> {
    nodes.iter().filter_map(|&i| model.graph().node_weight(i)).map(|n| n.id.clone()).collect()
}

/// Scores to four decimals; whole numbers without decimals.
pub fn format_score(score: f64) -> String {
    // Adding zero turns −0 into 0, which is what a reader expects to see.
    let score = score + 0.0;
    if score.is_nan() {
        "n/a".to_owned()
    } else if score.fract() == 0.0 && score.abs() < 1e15 {
        format!("{score:.0}")
    } else {
        format!("{score:.4}")
    }
}

/// An influence path's edges as JSON `{from, to, kind, strength}`.
pub fn influence_edges_json(model: &Model, path: &InfluencePath) -> Value {
    let graph = model.graph();
    path.path
        .edges
        .iter()
        .zip(&path.steps)
        .enumerate()
        .filter_map(|(i, (&e, &s))| {
            let w = graph.edge_weight(e)?;
            // A step through a shared context: the two actors, the context as `via`, and
            // the two ties.
            if let Some(Some(out)) = path.via.get(i) {
                let (a, b) = (path.path.nodes.get(i)?, path.path.nodes.get(i + 1)?);
                let (a, b) = (graph.node_weight(*a)?, graph.node_weight(*b)?);
                let second = graph.edge_weight(*out)?;
                let context = if w.from == a.id { &w.to } else { &w.from };
                return Some(json!({"from": a.id, "to": b.id, "kind": "shared_context", "via": context,
                    "ties": [w.kind.as_str(), second.kind.as_str()], "strength": s}));
            }
            Some(json!({"from": w.from, "to": w.to, "kind": w.kind.as_str(), "strength": s}))
        })
        .collect()
}

/// An influence path as `A —kind 0.80→ B ←leads 0.50— C`.
pub fn influence_chain(model: &Model, path: &InfluencePath) -> String {
    let graph = model.graph();
    let nodes = &path.path.nodes;
    let name = |i: NodeIndex| graph.node_weight(i).map_or("?", |n| n.name.as_str());
    let mut text = nodes.first().map(|&i| name(i).to_owned()).unwrap_or_default();
    for (step, (edge, strength)) in path.path.edges.iter().zip(&path.steps).enumerate() {
        let (Some(&next), Some(weight)) = (nodes.get(step + 1), graph.edge_weight(*edge)) else { break };
        if let Some(Some(out)) = path.via.get(step) {
            // A shared context: `A —signs→ Context ←signs— B`, the pair's strength once.
            let context = graph
                .edge_endpoints(*edge)
                .map(|(f, t)| if Some(&f) == nodes.get(step) { t } else { f })
                .map_or("?", name);
            let second = graph.edge_weight(*out).map_or(String::new(), |w| w.kind.label());
            text.push_str(&format!(" ⟨{} · {context} · {second} {strength:.2}⟩ {}", weight.kind.label(), name(next)));
            continue;
        }
        let label = format!("{} {strength:.2}", weight.kind.label());
        let forward = graph.edge_endpoints(*edge).is_some_and(|(from, _)| Some(&from) == nodes.get(step));
        if forward || weight.kind.is_symmetric() {
            text.push_str(&format!(" —{label}→ {}", name(next)));
        } else {
            text.push_str(&format!(" ←{label}— {}", name(next)));
        }
    }
    text
}

/// Paths between two nodes as `relgraph path` prints them. For strongest paths `view` must
/// be the channel view they were found on; `strengths` says what the strengths were read
/// from; `cut_at` is the `--all` cap when the listing was cut there.
pub fn paths(
    model: &Model,
    view: &GraphView,
    found: &[Path],
    mode: PathMode,
    strengths: &str,
    (from, to): (NodeIndex, NodeIndex),
    cut_at: Option<usize>,
) -> Report {
    let entries: Vec<Report> = found.iter().enumerate().map(|(i, p)| path_entry(model, view, p, mode, i + 1)).collect();
    let json = Value::Array(entries.iter().map(|e| e.json().clone()).collect());
    if found.is_empty() {
        return Report::new(no_path(model, (from, to)), json);
    }
    let mut text = paths_heading(mode, strengths);
    entries.iter().for_each(|e| text.push_str(e.text()));
    if let Some(limit) = cut_at {
        text.push_str(&cut_note(limit));
    }
    Report::new(text, json)
}

/// `no path from A to B`, as `relgraph path` prints it.
pub fn no_path(model: &Model, (from, to): (NodeIndex, NodeIndex)) -> String {
    let graph = model.graph();
    let name = |i: NodeIndex| graph.node_weight(i).map_or("?", |n| n.name.as_str());
    format!("no path from {} to {}\n", name(from), name(to))
}

/// The line a path listing starts with (empty unless the paths are strongest paths).
pub fn paths_heading(mode: PathMode, strengths: &str) -> String {
    if mode == PathMode::Strongest {
        format!("strongest influence paths ({strengths})\n")
    } else {
        String::new()
    }
}

/// The note under a listing cut at `--limit`.
pub fn cut_note(limit: usize) -> String {
    format!("listing cut at --limit {limit}: there are more paths; raise --limit or lower --max-hops\n")
}

/// One path of a listing as `relgraph path` prints it: numbered text, and its JSON item.
pub fn path_entry(model: &Model, view: &GraphView, p: &Path, mode: PathMode, number: usize) -> Report {
    if mode == PathMode::Strongest {
        let read = describe(view, p.clone());
        let json = json!({
            "nodes": ids(model, &p.nodes),
            "edges": influence_edges_json(model, &read),
            "cost": p.cost,
            "strength": read.strength(),
            "sign": read.sign.as_str(),
        });
        let text =
            format!("{number:>3}. strength {:.4} · {}\n     {}\n", p.cost, read.sign, influence_chain(model, &read));
        return Report::new(text, json);
    }
    let json = json!({"nodes": ids(model, &p.nodes), "edges": edges_json(model, &p.edges), "cost": p.cost});
    let (unit, cost) = match mode {
        PathMode::Hops => ("hops", format!("{}", p.cost)),
        _ => ("total distance", format!("{:.4}", p.cost)),
    };
    Report::new(format!("{number:>3}. {unit} {cost}\n     {}\n", chain(model, &p.nodes, &p.edges)), json)
}

/// One centrality measure as `relgraph centrality --measure M` prints it, best first.
pub fn centrality(
    model: &Model,
    measure: Measure,
    scores: &Scores,
    top: Option<usize>,
    signed: Option<&[SignedDegree]>,
) -> Report {
    let graph = model.graph();
    let mut ranked = scores.ranked_indices(model);
    ranked.truncate(top.unwrap_or(usize::MAX));
    let json: Vec<Value> = ranked
        .iter()
        .map(|&(i, score)| {
            let node = &graph[i];
            let mut value = json!({"id": node.id, "name": node.name, "kind": node.kind.as_str(), "score": score});
            if let (Some(signed), Some(map)) = (signed, value.as_object_mut()) {
                if let Some(d) = signed.get(i.index()) {
                    map.insert("positive".into(), json!(d.positive));
                    map.insert("negative".into(), json!(d.negative));
                }
            }
            value
        })
        .collect();
    Report::new(centrality_text(model, measure, &ranked), Value::Array(json))
}

/// The table `relgraph centrality --measure M` prints for ranked (node, score) pairs.
pub fn centrality_text(model: &Model, measure: Measure, ranked: &[(NodeIndex, f64)]) -> String {
    let graph = model.graph();
    let mut table = Table::new(&["rank", "id", "name", "kind", measure.as_str()]).right_align(0).right_align(4);
    for (rank, &(i, score)) in ranked.iter().enumerate() {
        let Some(node) = graph.node_weight(i) else { continue };
        table.row(vec![
            (rank + 1).to_string(),
            node.id.clone(),
            node.name.clone(),
            node.kind.to_string(),
            format_score(score),
        ]);
    }
    table.render()
}

fn names(model: &Model, nodes: &[NodeIndex]) -> Vec<String> {
    nodes.iter().filter_map(|&i| model.graph().node_weight(i)).map(|n| n.name.clone()).collect()
}

/// Names of nodes, at most `at_most` of them and a count of the rest.
pub fn listing(model: &Model, nodes: &[NodeIndex], at_most: usize) -> String {
    let all = names(model, nodes);
    if all.len() <= at_most {
        all.join(", ")
    } else {
        format!(
            "{} … and {} more",
            all.iter().take(at_most).cloned().collect::<Vec<_>>().join(", "),
            all.len() - at_most
        )
    }
}

/// Articulation points and bridges as `relgraph brokers` prints them.
pub fn brokers(model: &Model, cuts: &[CutVertex], bridges: &[Bridge]) -> Report {
    let graph = model.graph();
    let cuts_json: Vec<_> = cuts
        .iter()
        .map(|c| {
            let parts: Vec<_> = c.parts.iter().map(|p| ids(model, p)).collect();
            json!({"id": graph[c.node].id, "name": graph[c.node].name, "parts": parts})
        })
        .collect();
    let bridges_json: Vec<_> = bridges
        .iter()
        .map(|b| {
            let parts: Vec<_> = b.parts.iter().map(|p| ids(model, p)).collect();
            json!({"a": graph[b.a].id, "b": graph[b.b].id, "edges": edges_json(model, &b.edges), "parts": parts})
        })
        .collect();
    let json = json!({"articulation_points": cuts_json, "bridges": bridges_json});
    let mut sorted: Vec<_> = cuts.iter().collect();
    // The broker whose removal cuts off the most comes first.
    let cut_off = |c: &&CutVertex| c.parts.iter().skip(1).map(Vec::len).sum::<usize>();
    sorted.sort_by(|a, b| cut_off(b).cmp(&cut_off(a)).then_with(|| graph[a.node].id.cmp(&graph[b.node].id)));
    let mut table = Table::new(&["broker", "kind", "cuts off", "what it alone connects to the rest"]).right_align(2);
    for cut in sorted {
        let node = &graph[cut.node];
        // Parts come largest first; the largest is "the rest of the network".
        let pieces: Vec<String> = cut.parts.iter().skip(1).map(|p| format!("[{}]", listing(model, p, 4))).collect();
        table.row(vec![node.name.clone(), node.kind.to_string(), cut_off(&cut).to_string(), pieces.join(" ")]);
    }
    let mut text = format!("Articulation points: {} (nodes whose removal splits the network)\n", cuts.len());
    text.push_str(&table.render());
    text.push_str(&format!("\nBridges: {} (ties whose removal splits the network)\n", bridges.len()));
    let mut table = Table::new(&["tie", "smaller side"]);
    for bridge in bridges {
        let tie = chain(model, &[bridge.a, bridge.b], bridge.edges.get(..1).unwrap_or(&[]));
        let smaller = bridge.parts.iter().min_by_key(|p| p.len()).map(|p| listing(model, p, 4)).unwrap_or_default();
        table.row(vec![tie, smaller]);
    }
    text.push_str(&table.render());
    Report::new(text, json)
}

fn tie_sign(tie: &SignedTie) -> &'static str {
    match tie.sign {
        1 => "+",
        -1 => "−",
        _ => "±",
    }
}

fn tie_json(model: &Model, tie: &SignedTie) -> Value {
    let graph = model.graph();
    json!({
        "a": graph[tie.a].id,
        "b": graph[tie.b].id,
        "sign": tie.sign,
        "edges": edges_json(model, &tie.edges),
    })
}

fn tie_text(model: &Model, tie: &SignedTie) -> String {
    let graph = model.graph();
    let kinds: Vec<String> = tie.edges.iter().filter_map(|&e| graph.edge_weight(e)).map(|e| e.kind.label()).collect();
    format!("{} {} {} ({})", graph[tie.a].name, tie_sign(tie), graph[tie.b].name, kinds.join(", "))
}

/// Structural balance as `relgraph balance` prints it, listing at most `show` unbalanced
/// triangles in the text (the JSON lists all).
pub fn balance(model: &Model, census: &TriangleCensus, split: &Bipartition, show: usize) -> Report {
    let graph = model.graph();
    let unbalanced: Vec<_> = census
        .unbalanced
        .iter()
        .map(|t| {
            json!({
                "nodes": ids(model, &t.nodes),
                "ties": t.ties.iter().map(|tie| tie_json(model, tie)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let json = json!({
        "triangles": census.triangles,
        "balanced": census.balanced,
        "share_balanced": census.share_balanced,
        "unbalanced": unbalanced,
        "ambivalent": census.ambivalent.iter().map(|t| tie_json(model, t)).collect::<Vec<_>>(),
        "bipartition": {
            "balanced": split.balanced,
            "camps": [ids(model, &split.camps[0]), ids(model, &split.camps[1])],
            "frustrated": split.frustrated.iter().map(|t| tie_json(model, t)).collect::<Vec<_>>(),
        },
    });
    let mut text = String::from("Structural balance (Heider; Cartwright & Harary)\n\n");
    match census.share_balanced {
        Some(share) => text.push_str(&format!(
            "triangles of signed ties: {}, balanced: {} ({:.1}%), unbalanced: {}\n",
            census.triangles,
            census.balanced,
            share * 100.0,
            census.unbalanced.len()
        )),
        None => text.push_str("no triangle of cooperative/conflictual ties\n"),
    }
    for triangle in census.unbalanced.iter().take(show) {
        let [a, b, c] = triangle.nodes;
        text.push_str(&format!("  unbalanced: {} · {} · {}\n", graph[a].name, graph[b].name, graph[c].name));
        for tie in &triangle.ties {
            text.push_str(&format!("      {}\n", tie_text(model, tie)));
        }
    }
    if census.unbalanced.len() > show {
        text.push_str(&format!("  … {} more (--show N, or --json)\n", census.unbalanced.len() - show));
    }
    if !census.ambivalent.is_empty() {
        text.push_str(&format!(
            "\nambivalent pairs (both cooperative and conflictual ties, left out): {}\n",
            census.ambivalent.len()
        ));
        for tie in &census.ambivalent {
            text.push_str(&format!("  {}\n", tie_text(model, tie)));
        }
    }
    text.push_str("\nHarary bipartition: ");
    if split.balanced {
        text.push_str("balanced: the signed network splits into two camps\n");
    } else {
        text.push_str(&format!(
            "not balanced: {} tie(s) stand in the way (a small set found by local search, not always the minimum)\n",
            split.frustrated.len()
        ));
    }
    for (i, camp) in split.camps.iter().enumerate() {
        let names: Vec<&str> = camp.iter().map(|&n| graph[n].name.as_str()).collect();
        let members = if names.is_empty() { "(nobody)".to_owned() } else { names.join(", ") };
        text.push_str(&format!("  camp {}: {members}\n", i + 1));
    }
    for tie in &split.frustrated {
        text.push_str(&format!("  in the way: {}\n", tie_text(model, tie)));
    }
    Report::new(text, json)
}

fn name_of(model: &Model, id: &str) -> String {
    model.node_by_id(id).map_or_else(|| id.to_owned(), |n| n.name.clone())
}

/// What changed between two dates, as `relgraph diff` prints it (`top` nodes followed).
pub fn diff(model: &Model, diff: &Diff, top: usize) -> Report {
    let graph = model.graph();
    let rank_json = |r: &Option<Rank>| r.map(|r| json!({"rank": r.rank, "score": r.score}));
    let value = json!({
        "from": diff.from.to_string(),
        "to": diff.to.to_string(),
        "appeared": diff.appeared.iter().filter_map(|&e| graph.edge_weight(e)).map(json::edge).collect::<Vec<_>>(),
        "ended": diff.ended.iter().filter_map(|&e| graph.edge_weight(e)).map(json::edge).collect::<Vec<_>>(),
        "polarity_changes": diff.polarity_changes.iter().map(|c| json!({"a": c.a, "b": c.b, "before": c.before.as_str(), "after": c.after.as_str()})).collect::<Vec<_>>(),
        "measure": diff.measure.as_str(),
        "ranks": diff.ranks.iter().map(|r| json!({"id": r.id, "before": rank_json(&r.before), "after": rank_json(&r.after)})).collect::<Vec<_>>(),
    });
    let mut text = format!("What changed from {} to {}\n\n", diff.from, diff.to);
    let edge_line = |e: &crate::Edge| {
        format!("  {} —{}→ {} ({})\n", name_of(model, &e.from), e.kind.label(), name_of(model, &e.to), e.polarity())
    };
    text.push_str(&format!("ties that appeared: {}\n", diff.appeared.len()));
    diff.appeared.iter().filter_map(|&e| graph.edge_weight(e)).for_each(|e| text.push_str(&edge_line(e)));
    text.push_str(&format!("\nties that ended: {}\n", diff.ended.len()));
    diff.ended.iter().filter_map(|&e| graph.edge_weight(e)).for_each(|e| text.push_str(&edge_line(e)));
    text.push_str(&format!("\npairs whose net polarity changed: {}\n", diff.polarity_changes.len()));
    for c in &diff.polarity_changes {
        text.push_str(&format!("  {} – {}: {} → {}\n", name_of(model, &c.a), name_of(model, &c.b), c.before, c.after));
    }
    text.push_str(&format!("\ntop {top} by {}\n", diff.measure));
    let mut table = Table::new(&["node", "rank before", "score before", "rank after", "score after", "move"])
        .right_align(1)
        .right_align(2)
        .right_align(3)
        .right_align(4)
        .right_align(5);
    for r in &diff.ranks {
        let cell = |r: &Option<Rank>| {
            r.map_or(("—".to_owned(), "—".to_owned()), |r| (r.rank.to_string(), format!("{:.4}", r.score)))
        };
        let (rb, sb) = cell(&r.before);
        let (ra, sa) = cell(&r.after);
        let movement = match (r.before, r.after) {
            (Some(b), Some(a)) if a.rank < b.rank => format!("▲{}", b.rank - a.rank),
            (Some(b), Some(a)) if a.rank > b.rank => format!("▼{}", a.rank - b.rank),
            (Some(_), Some(_)) => "=".into(),
            (None, Some(_)) => "new".into(),
            _ => "gone".into(),
        };
        table.row(vec![name_of(model, &r.id), rb, sb, ra, sa, movement]);
    }
    text.push_str(&table.render());
    Report::new(text, value)
}
