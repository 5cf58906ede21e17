//! `relgraph balance`: structural balance of the signed network.

use clap::Args;
use serde_json::json;

use super::analyse::{self, Selection};
use super::{output, Failure};
use crate::analysis::balance::{self, SignedTie};
use crate::model::Model;

/// Arguments of `balance`.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[command(flatten)]
    selection: Selection,
    /// List at most this many unbalanced triangles in the human output (JSON lists all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    show: usize,
}

fn sign(tie: &SignedTie) -> &'static str {
    match tie.sign {
        1 => "+",
        -1 => "−",
        _ => "±",
    }
}

fn tie_json(model: &Model, tie: &SignedTie) -> serde_json::Value {
    let graph = model.graph();
    json!({
        "a": graph[tie.a].id,
        "b": graph[tie.b].id,
        "sign": tie.sign,
        "edges": analyse::edges_json(model, &tie.edges),
    })
}

fn tie_text(model: &Model, tie: &SignedTie) -> String {
    let graph = model.graph();
    let kinds: Vec<String> = tie.edges.iter().filter_map(|&e| graph.edge_weight(e)).map(|e| e.kind.label()).collect();
    format!("{} {} {} ({})", graph[tie.a].name, sign(tie), graph[tie.b].name, kinds.join(", "))
}

/// Runs `balance`.
pub fn run(args: &BalanceArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let census = balance::triangles(&model);
    let split = balance::bipartition(&model);
    let graph = model.graph();
    if args.selection.json {
        let unbalanced: Vec<_> = census
            .unbalanced
            .iter()
            .map(|t| {
                json!({
                    "nodes": analyse::ids(&model, &t.nodes),
                    "ties": t.ties.iter().map(|tie| tie_json(&model, tie)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let value = json!({
            "triangles": census.triangles,
            "balanced": census.balanced,
            "share_balanced": census.share_balanced,
            "unbalanced": unbalanced,
            "ambivalent": census.ambivalent.iter().map(|t| tie_json(&model, t)).collect::<Vec<_>>(),
            "bipartition": {
                "balanced": split.balanced,
                "camps": [analyse::ids(&model, &split.camps[0]), analyse::ids(&model, &split.camps[1])],
                "frustrated": split.frustrated.iter().map(|t| tie_json(&model, t)).collect::<Vec<_>>(),
            },
        });
        output::print(&value, out);
        return Ok(());
    }
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
    for triangle in census.unbalanced.iter().take(args.show) {
        let [a, b, c] = triangle.nodes;
        text.push_str(&format!("  unbalanced: {} · {} · {}\n", graph[a].name, graph[b].name, graph[c].name));
        for tie in &triangle.ties {
            text.push_str(&format!("      {}\n", tie_text(&model, tie)));
        }
    }
    if census.unbalanced.len() > args.show {
        text.push_str(&format!("  … {} more (--show N, or --json)\n", census.unbalanced.len() - args.show));
    }
    if !census.ambivalent.is_empty() {
        text.push_str(&format!(
            "\nambivalent pairs (both cooperative and conflictual ties, left out): {}\n",
            census.ambivalent.len()
        ));
        for tie in &census.ambivalent {
            text.push_str(&format!("  {}\n", tie_text(&model, tie)));
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
        text.push_str(&format!("  in the way: {}\n", tie_text(&model, tie)));
    }
    out.extend(text.into_bytes());
    Ok(())
}
