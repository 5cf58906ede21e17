//! Change over time: `timeline` and `diff`.

use clap::Args;
use serde_json::json;

use super::analyse::Selection;
use super::table::Table;
use super::{input, output, Failure};
use crate::analysis::centrality::{CentralityOptions, Measure};
use crate::analysis::timeline::{self, DiffOptions, EventKind, Rank};
use crate::analysis::view::ViewOptions;
use crate::model::{Model, PartialDate};

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    selection: Selection,
    /// Only ties of this node (id, name or alias).
    #[arg(long, value_name = "NODE")]
    node: Option<String>,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    selection: Selection,
    /// The earlier date.
    #[arg(long, value_name = "DATE")]
    from: PartialDate,
    /// The later date.
    #[arg(long, value_name = "DATE")]
    to: PartialDate,
    /// The centrality measure whose ranking to compare (any of `centrality --measure`).
    #[arg(long, short = 'm', default_value = "betweenness")]
    measure: Measure,
    /// How many top nodes of each date to follow.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Use edge weights in the measure.
    #[arg(long)]
    weighted: bool,
}

fn name(model: &Model, id: &str) -> String {
    model.node(id).map_or_else(|| id.to_owned(), |n| n.name.clone())
}

/// Runs `timeline`.
pub fn timeline(args: &TimelineArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let node = args.node.as_deref().map(|n| input::node(&model, n)).transpose()?;
    let events = timeline::timeline(&model, node);
    if args.selection.json {
        let items: Vec<_> = events
            .iter()
            .map(|e| {
                let event = match e.kind {
                    EventKind::Started => "started",
                    EventKind::Ended => "ended",
                };
                json!({"date": e.date.to_string(), "event": event, "from": e.from, "to": e.to, "kind": e.relation.as_str(), "polarity": e.relation.polarity().as_str()})
            })
            .collect();
        output::print(&serde_json::Value::Array(items), out);
        return Ok(());
    }
    let mut table = Table::new(&["date", "", "from", "kind", "to", "polarity"]);
    for e in &events {
        let event = match e.kind {
            EventKind::Started => "starts",
            EventKind::Ended => "ends",
        };
        table.row(vec![
            e.date.to_string(),
            event.into(),
            name(&model, &e.from),
            e.relation.label(),
            name(&model, &e.to),
            e.relation.polarity().to_string(),
        ]);
    }
    out.extend(table.render().into_bytes());
    let undated = model.edges().filter(|e| e.since.is_none() && e.until.is_none()).count();
    out.extend(format!("{} dated event(s); {undated} undated tie(s) not listed\n", events.len()).into_bytes());
    Ok(())
}

/// Runs `diff`.
pub fn diff(args: &DiffArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.selection.load()?;
    let options = DiffOptions {
        top: args.top,
        view: if args.selection.directed { ViewOptions::directed() } else { ViewOptions::undirected() },
        centrality: CentralityOptions::default().with_weighted(args.weighted),
    };
    let diff = timeline::diff(&model, args.from, args.to, args.measure, &options).map_err(Failure::input)?;
    let graph = model.graph();
    let rank_json = |r: &Option<Rank>| r.map(|r| json!({"rank": r.rank, "score": r.score}));
    if args.selection.json {
        let value = json!({
            "from": diff.from.to_string(),
            "to": diff.to.to_string(),
            "appeared": diff.appeared.iter().filter_map(|&e| graph.edge_weight(e)).map(output::edge).collect::<Vec<_>>(),
            "ended": diff.ended.iter().filter_map(|&e| graph.edge_weight(e)).map(output::edge).collect::<Vec<_>>(),
            "polarity_changes": diff.polarity_changes.iter().map(|c| json!({"a": c.a, "b": c.b, "before": c.before.as_str(), "after": c.after.as_str()})).collect::<Vec<_>>(),
            "measure": diff.measure.as_str(),
            "ranks": diff.ranks.iter().map(|r| json!({"id": r.id, "before": rank_json(&r.before), "after": rank_json(&r.after)})).collect::<Vec<_>>(),
        });
        output::print(&value, out);
        return Ok(());
    }
    let mut text = format!("What changed from {} to {}\n\n", diff.from, diff.to);
    let edge_line = |e: &crate::Edge| {
        format!("  {} —{}→ {} ({})\n", name(&model, &e.from), e.kind.label(), name(&model, &e.to), e.polarity())
    };
    text.push_str(&format!("ties that appeared: {}\n", diff.appeared.len()));
    diff.appeared.iter().filter_map(|&e| graph.edge_weight(e)).for_each(|e| text.push_str(&edge_line(e)));
    text.push_str(&format!("\nties that ended: {}\n", diff.ended.len()));
    diff.ended.iter().filter_map(|&e| graph.edge_weight(e)).for_each(|e| text.push_str(&edge_line(e)));
    text.push_str(&format!("\npairs whose net polarity changed: {}\n", diff.polarity_changes.len()));
    for c in &diff.polarity_changes {
        text.push_str(&format!("  {} – {}: {} → {}\n", name(&model, &c.a), name(&model, &c.b), c.before, c.after));
    }
    text.push_str(&format!("\ntop {} by {}\n", args.top, diff.measure));
    out.extend(text.into_bytes());
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
        table.row(vec![name(&model, &r.id), rb, sb, ra, sa, movement]);
    }
    out.extend(table.render().into_bytes());
    Ok(())
}
