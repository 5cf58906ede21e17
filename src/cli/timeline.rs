//! Change over time: `timeline` and `diff`.

use clap::Args;
use serde_json::json;

use super::analyse::Selection;
use super::{input, output, Failure};
use crate::analysis::centrality::{CentralityOptions, Measure};
use crate::analysis::timeline::{self, DiffOptions, EventKind};
use crate::analysis::view::ViewOptions;
use crate::model::{Model, PartialDate};
use crate::report::table::Table;

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
    model.node_by_id(id).map_or_else(|| id.to_owned(), |n| n.name.clone())
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
    output::report(&crate::report::diff(&model, &diff, args.top), args.selection.json, out);
    Ok(())
}
