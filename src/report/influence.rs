//! Influence rankings as `relgraph influence` prints them: both sides of every actor's
//! channel, the target's own listed apart, and sides in a dispute.

use petgraph::graph::NodeIndex;
use serde_json::{json, Value};

use super::table::Table;
use super::{ids, influence_chain, influence_edges_json, Report};
use crate::analysis::influence::{InfluencePath, Method, Toward};
use crate::analysis::sides::{Row, SidedRanking, Sides};
use crate::model::{Model, Sign};

/// A channel as JSON: `{nodes, edges, strength, sign}`.
fn path_json(model: &Model, p: &InfluencePath) -> Value {
    json!({
        "nodes": ids(model, &p.path.nodes),
        "edges": influence_edges_json(model, p),
        "strength": p.strength(),
        "sign": p.sign.as_str(),
    })
}

fn id_of(model: &Model, i: Option<NodeIndex>) -> Value {
    i.and_then(|i| model.graph().node_weight(i)).map_or(Value::Null, |n| json!(n.id))
}

/// One row as JSON.
fn row_json(model: &Model, row: &Row, dispute: bool) -> Option<Value> {
    let node = model.graph().node_weight(row.node)?;
    let side = |p: &Option<InfluencePath>| p.as_ref().map_or(Value::Null, |p| path_json(model, p));
    let mut value = json!({
        "id": node.id,
        "name": node.name,
        "kind": node.kind.as_str(),
        "score": row.score,
        "sign": row.stance.as_str(),
        "path": row.channel().map_or(Value::Null, |p| path_json(model, p)),
        "support": row.sides.strength(Sign::Support),
        "pressure": row.sides.strength(Sign::Pressure),
        "support_path": side(&row.sides.support),
        "pressure_path": side(&row.sides.pressure),
        "internal": row.internal,
        "through": id_of(model, row.through),
    });
    let map = value.as_object_mut()?;
    if let Some(total) = row.total {
        map.insert("total".into(), json!(total));
    }
    if dispute {
        map.insert("claimant".into(), json!(row.claimant));
        map.insert("side".into(), id_of(model, row.side));
    }
    Some(value)
}

/// An influence ranking as `relgraph influence` prints it; `reached` is the number of nodes
/// ranked before any `--top` cut.
pub fn influence(
    model: &Model,
    ranking: &SidedRanking,
    toward: Toward,
    method: Method,
    strengths: &str,
    reached: usize,
) -> Report {
    let graph = model.graph();
    let json: Vec<Value> = ranking.rows.iter().filter_map(|row| row_json(model, row, ranking.dispute)).collect();
    let (root, heading) = match toward {
        Toward::On(_) if ranking.dispute => (toward_node(toward), "Sides in"),
        Toward::On(i) => (i, "Influence on"),
        Toward::From(i) => (i, "Influence of"),
    };
    let root_name = graph.node_weight(root).map_or("?", |n| n.name.as_str());
    let how = match (method, ranking.dispute) {
        (_, true) => "the claimant each actor backs, by its strongest support for it or pressure on another".to_owned(),
        (Method::Strongest, false) => "strongest support and pressure channels".to_owned(),
        (Method::Total, false) => format!(
            "total over all channels, attenuation β = {:.4} (ρ = {:.4}), scores relative to the largest total {:.4}",
            ranking.attenuation.unwrap_or(0.0),
            ranking.spectral_radius.unwrap_or(0.0),
            ranking.scale.unwrap_or(0.0)
        ),
    };
    let mut text = format!("{heading} {root_name} ({how}; {strengths})\n");
    if ranking.dispute {
        text.push_str(&dispute_table(model, ranking));
    } else {
        let titles = match toward {
            Toward::On(_) => [
                format!("outside {root_name}:"),
                "acting through their own state or body:".to_owned(),
                format!("{} own (leaders, officials, bodies):", possessive(root_name)),
            ],
            Toward::From(_) => [
                "outside actors:".to_owned(),
                "reached through their own state or body:".to_owned(),
                format!("{} own (leaders, officials, bodies):", possessive(root_name)),
            ],
        };
        let mut rank = 0;
        for (group, title) in titles.iter().enumerate() {
            let rows: Vec<&Row> = ranking.rows.iter().filter(|r| usize::from(r.group()) == group).collect();
            if rows.is_empty() {
                continue;
            }
            text.push_str(title);
            text.push('\n');
            text.push_str(&sided_table(model, &rows, &mut rank));
        }
    }
    let others = model.node_count().saturating_sub(1 + reached);
    if others > 0 {
        if matches!(toward, Toward::On(_)) {
            text.push_str(&format!("{others} other node(s) have no channel to {root_name}\n"));
        } else {
            text.push_str(&format!("{others} other node(s) cannot be reached from {root_name}\n"));
        }
    }
    Report::new(text, Value::Array(json))
}

fn toward_node(toward: Toward) -> NodeIndex {
    match toward {
        Toward::On(i) | Toward::From(i) => i,
    }
}

/// The rows of one group: the stronger side's channel on the row, the weaker one's on a
/// line of its own below it.
fn sided_table(model: &Model, rows: &[&Row], rank: &mut usize) -> String {
    let graph = model.graph();
    let mut table = Table::new(&["rank", "node", "kind", "score", "sign", "support", "pressure", "channels"])
        .right_align(0)
        .right_align(3)
        .right_align(5)
        .right_align(6);
    let strength = |s: f64| if s > 0.0 { format!("{s:.4}") } else { "—".to_owned() };
    for row in rows {
        let Some(node) = graph.node_weight(row.node) else { continue };
        *rank += 1;
        let first = row.sides.stronger();
        let line = |p: Option<&InfluencePath>| {
            p.map(|p| format!("{}: {}", p.sign.as_str(), influence_chain(model, p))).unwrap_or_default()
        };
        table.row(vec![
            rank.to_string(),
            node.name.clone(),
            node.kind.as_str().to_owned(),
            format!("{:.4}", row.score),
            row.stance.as_str().to_owned(),
            strength(row.sides.strength(Sign::Support)),
            strength(row.sides.strength(Sign::Pressure)),
            line(first),
        ]);
        let other = [&row.sides.support, &row.sides.pressure]
            .into_iter()
            .filter_map(Option::as_ref)
            .find(|p| first.is_none_or(|f| !std::ptr::eq(*p, f)));
        if let Some(p) = other {
            let mut cells = vec![String::new(); 7];
            cells.push(line(Some(p)));
            table.row(cells);
        }
    }
    table.render()
}

/// Sides in a dispute: the claimants, then every other actor with the claimant it backs.
fn dispute_table(model: &Model, ranking: &SidedRanking) -> String {
    let graph = model.graph();
    let name = |i: Option<NodeIndex>| i.and_then(|i| graph.node_weight(i)).map_or(String::new(), |n| n.name.clone());
    let mut table =
        Table::new(&["rank", "node", "kind", "backs", "score", "sign", "channel"]).right_align(0).right_align(4);
    for (i, row) in ranking.rows.iter().enumerate() {
        let Some(node) = graph.node_weight(row.node) else { continue };
        let (backs, score, sign, channel) = if row.claimant {
            ("claimant".to_owned(), String::new(), String::new(), String::new())
        } else {
            (
                name(row.side),
                format!("{:.4}", row.score),
                row.stance.as_str().to_owned(),
                row.backing.as_ref().map(|p| influence_chain(model, p)).unwrap_or_default(),
            )
        };
        table.row(vec![
            (i + 1).to_string(),
            node.name.clone(),
            node.kind.as_str().to_owned(),
            backs,
            score,
            sign,
            channel,
        ]);
    }
    table.render()
}

/// `Japan's`, `United States'`.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A strongest-path listing with the pair's two sides under it, as `relgraph path
/// --strongest` prints them (the JSON is the listing's).
pub fn with_sides(model: &Model, listing: Report, pair: &Sides) -> Report {
    let mut text = listing.text().to_owned();
    text.push_str(&format!("both sides ({}):\n", pair.stance().as_str()));
    for p in [&pair.support, &pair.pressure].into_iter().flatten() {
        text.push_str(&format!("  {:<8}  {:.4}  {}\n", p.sign.as_str(), p.strength(), influence_chain(model, p)));
    }
    Report::new(text, listing.json().clone())
}
