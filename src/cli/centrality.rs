//! `relgraph centrality`: who matters most, by one measure or all.

use clap::Args;
use serde_json::json;

use super::analyse::{self, Selection};
use super::{output, progress, Failure};
use crate::analysis::centrality::{self, CentralityOptions, Measure};
use crate::report::table::Table;

/// Arguments of `centrality`.
#[derive(Debug, Args)]
pub struct CentralityArgs {
    #[command(flatten)]
    selection: Selection,
    /// The measure: degree, in-degree, out-degree, betweenness, closeness, harmonic,
    /// eigenvector, pagerank, katz, signed-degree; `all` prints one column per measure.
    #[arg(long, short = 'm', value_name = "MEASURE", default_value = "degree", value_parser = parse_measure)]
    measure: Choice,
    /// Use edge weights: as distances for betweenness, closeness and harmonic, as strengths
    /// for eigenvector, PageRank and Katz (as NetworkX).
    #[arg(long)]
    weighted: bool,
    /// Show only the N highest-scoring nodes.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Estimate betweenness or closeness from K sampled pivots (Brandes–Pich).
    #[arg(long, value_name = "K")]
    sample: Option<usize>,
    /// Seed for --sample; the same seed gives the same estimate.
    #[arg(long, value_name = "S", default_value_t = 42)]
    seed: u64,
}

/// One node's score as JSON (`positive`/`negative` for signed degree only).
#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    positive: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    negative: Option<usize>,
}

/// One measure, or all of them (`None`).
#[derive(Debug, Clone, Copy)]
pub struct Choice(Option<Measure>);

/// `all` or one measure.
fn parse_measure(text: &str) -> Result<Choice, String> {
    if text.eq_ignore_ascii_case("all") {
        return Ok(Choice(None));
    }
    text.parse::<Measure>().map(|m| Choice(Some(m))).map_err(|_| {
        let names: Vec<&str> = Measure::ALL.iter().map(|m| m.as_str()).collect();
        format!("unknown measure `{text}`; expected one of {}, all", names.join(", "))
    })
}

/// Runs `centrality`.
pub fn run(args: &CentralityArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (model, view) = args.selection.load_with_view()?;
    let options =
        CentralityOptions::default().with_weighted(args.weighted).with_sample(args.sample.map(|k| (k, args.seed)));
    let Choice(Some(measure)) = args.measure else {
        return all(args, &model, &view, &options, out);
    };
    let scores =
        progress::bar(measure.as_str(), |report| centrality::compute_with_progress(&view, measure, &options, report))
            .map_err(Failure::input)?;
    let mut ranked = scores.ranked_indices(&model);
    ranked.truncate(args.top.unwrap_or(usize::MAX));
    let signed = (measure == Measure::SignedDegree).then(|| centrality::signed_degree(&view));
    let graph = model.graph();
    if args.selection.json {
        // Serialised row by row, without a JSON tree: big graphs have millions of rows.
        let rows: Vec<Row> = ranked
            .iter()
            .map(|&(i, score)| {
                let node = &graph[i];
                let signed = signed.as_ref().and_then(|s| s.get(i.index()));
                Row {
                    id: &node.id,
                    name: &node.name,
                    kind: node.kind.as_str(),
                    score,
                    positive: signed.map(|d| d.positive),
                    negative: signed.map(|d| d.negative),
                }
            })
            .collect();
        if serde_json::to_writer_pretty(&mut *out, &rows).is_ok() {
            out.push(b'\n');
        }
        return Ok(());
    }
    out.extend(crate::report::centrality_text(&model, measure, &ranked).into_bytes());
    Ok(())
}

fn all(
    args: &CentralityArgs,
    model: &crate::Model,
    view: &crate::analysis::view::GraphView,
    options: &CentralityOptions,
    out: &mut Vec<u8>,
) -> Result<(), Failure> {
    // A measure that cannot be computed (Katz diverges when alpha ≥ 1/λmax) becomes a
    // column of NaN, reported under the table, rather than failing the others.
    let mut notes = Vec::new();
    let columns: Vec<(Measure, Vec<f64>)> = Measure::ALL
        .iter()
        .map(|&m| match analyse::scores(m, view, options) {
            Ok(s) => (m, s.values().to_vec()),
            Err(Failure { message, .. }) => {
                notes.push(format!("{}: {message}", m.as_str()));
                (m, vec![f64::NAN; model.node_count()])
            }
        })
        .collect();
    // Rank by the first measure (degree), then id.
    let first = columns.first().map(|(_, v)| crate::analysis::centrality::Scores::from_values(v.clone()));
    let mut order: Vec<_> = first.map(|s| s.ranked_indices(model)).unwrap_or_default();
    order.truncate(args.top.unwrap_or(usize::MAX));
    let graph = model.graph();
    if args.selection.json {
        let items: Vec<_> = order
            .iter()
            .map(|&(i, _)| {
                let node = &graph[i];
                let scores: serde_json::Map<String, serde_json::Value> = columns
                    .iter()
                    .map(|(m, v)| {
                        let score = v.get(i.index()).copied().filter(|x| x.is_finite());
                        (m.as_str().to_owned(), json!(score))
                    })
                    .collect();
                json!({"id": node.id, "name": node.name, "kind": node.kind.as_str(), "scores": scores})
            })
            .collect();
        output::print(&serde_json::Value::Array(items), out);
        return Ok(());
    }
    let mut header = vec!["id", "name"];
    header.extend(columns.iter().map(|(m, _)| m.as_str()));
    let mut table = Table::new(&header);
    for column in 2..header.len() {
        table = table.right_align(column);
    }
    for &(i, _) in &order {
        let node = &graph[i];
        let mut row = vec![node.id.clone(), node.name.clone()];
        row.extend(columns.iter().map(|(_, v)| format_score(v.get(i.index()).copied().unwrap_or(0.0))));
        table.row(row);
    }
    out.extend(table.render().into_bytes());
    for note in notes {
        out.extend(format!("n/a {note}\n").into_bytes());
    }
    Ok(())
}

pub use crate::report::format_score;
