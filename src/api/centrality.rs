//! Centrality: one measure ranked, or every measure side by side, as `relgraph centrality`
//! prints them; a progress callback for the searches from every node.

use std::collections::BTreeMap;

use serde_json::json;

use super::Selection;
use crate::analysis::centrality::{self, CentralityOptions, Measure, Scores};
use crate::report::table::Table;
use crate::report::{self, Report};
use crate::Error;

use crate::model::Model;

impl Model {
    /// A centrality measure (see [`Selection::centrality`]).
    pub fn centrality(&self, measure: Measure) -> CentralityQuery<'_> {
        self.view().centrality(measure)
    }
}

impl<'m> Selection<'m> {
    /// A centrality measure over the selection.
    pub fn centrality(&self, measure: Measure) -> CentralityQuery<'m> {
        CentralityQuery::new(self.clone(), measure, CentralityOptions::default())
    }
}

/// A progress callback: `(units just finished, all units)`.
pub type Progress<'p> = &'p (dyn Fn(usize, usize) + Sync);

/// Centrality scores and the report `relgraph centrality --measure M` prints.
#[derive(Debug, Clone)]
pub struct CentralityRanking {
    /// Every node's score, by node index.
    pub scores: Scores,
    report: Report,
}

impl CentralityRanking {
    /// The JSON `relgraph centrality --json` prints.
    pub fn json(&self) -> &serde_json::Value {
        self.report.json()
    }

    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

impl std::fmt::Display for CentralityRanking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.report.fmt(f)
    }
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

/// A centrality measure over a selection; run by [`CentralityQuery::run`].
#[derive(Debug, Clone)]
pub struct CentralityQuery<'m> {
    selection: Selection<'m>,
    measure: Measure,
    options: CentralityOptions,
    top: Option<usize>,
}

impl<'m> CentralityQuery<'m> {
    pub(super) fn new(selection: Selection<'m>, measure: Measure, options: CentralityOptions) -> Self {
        CentralityQuery { selection, measure, options, top: None }
    }

    /// Use edge weights (as distances for path-based measures, strengths for spectral ones).
    pub fn weighted(mut self) -> Self {
        self.options = self.options.with_weighted(true);
        self
    }

    /// Estimate betweenness or closeness from `pivots` sampled sources (Brandes–Pich),
    /// the same estimate for the same `seed`.
    pub fn sample(mut self, pivots: usize, seed: u64) -> Self {
        self.options = self.options.with_sample(Some((pivots, seed)));
        self
    }

    /// Keep only the `n` highest scores in the report.
    pub fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// Runs the measure.
    pub fn run(&self) -> Result<CentralityRanking, Error> {
        let model = self.selection.names();
        let view = self.selection.graph_view();
        let scores = centrality::compute(&view, self.measure, &self.options)?;
        let signed = (self.measure == Measure::SignedDegree).then(|| centrality::signed_degree(&view));
        let report = report::centrality(model, self.measure, &scores, self.top, signed.as_deref());
        Ok(CentralityRanking { scores, report })
    }

    /// Every node's score by id: the sizes of `relgraph export --size-by MEASURE`.
    pub fn sizes(&self) -> Result<BTreeMap<String, f64>, Error> {
        let scores = centrality::compute(&self.selection.graph_view(), self.measure, &self.options)?;
        Ok(scores.ranked(self.selection.names()).into_iter().map(|(id, s)| (id.to_owned(), s)).collect())
    }

    /// Runs the measure, telling `progress` as sources finish, and writes the ranking as
    /// the command prints it: a table, or JSON serialised row by row (big graphs have
    /// millions of rows, too many for a JSON tree).
    pub fn write(&self, json: bool, progress: Progress<'_>, out: &mut Vec<u8>) -> Result<(), Error> {
        let view = self.selection.graph_view();
        let model = self.selection.names();
        let scores = centrality::compute_with_progress(&view, self.measure, &self.options, progress)?;
        let mut ranked = scores.ranked_indices(model);
        ranked.truncate(self.top.unwrap_or(usize::MAX));
        if !json {
            out.extend(report::centrality_text(model, self.measure, &ranked).into_bytes());
            return Ok(());
        }
        let signed = (self.measure == Measure::SignedDegree).then(|| centrality::signed_degree(&view));
        let graph = model.graph();
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
        Ok(())
    }

    /// Every measure side by side, ranked by degree then id, as `relgraph centrality
    /// --measure all` prints it. A measure that cannot be computed (Katz diverges when
    /// alpha ≥ 1/λmax) becomes a column of n/a, explained under the table, rather than
    /// failing the others.
    pub fn all(&self) -> Report {
        let model = self.selection.names();
        let view = self.selection.graph_view();
        let mut notes = Vec::new();
        let columns: Vec<(Measure, Vec<f64>)> = Measure::ALL
            .iter()
            .map(|&m| match centrality::compute(&view, m, &self.options) {
                Ok(s) => (m, s.values().to_vec()),
                Err(error) => {
                    notes.push(format!("{}: {error}", m.as_str()));
                    (m, vec![f64::NAN; model.node_count()])
                }
            })
            .collect();
        let first = columns.first().map(|(_, v)| Scores::from_values(v.clone()));
        let mut order: Vec<_> = first.map(|s| s.ranked_indices(model)).unwrap_or_default();
        order.truncate(self.top.unwrap_or(usize::MAX));
        let graph = model.graph();
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
        let mut header = vec!["id", "name"];
        header.extend(columns.iter().map(|(m, _)| m.as_str()));
        let mut table = Table::new(&header);
        for column in 2..header.len() {
            table = table.right_align(column);
        }
        for &(i, _) in &order {
            let node = &graph[i];
            let mut row = vec![node.id.clone(), node.name.clone()];
            row.extend(columns.iter().map(|(_, v)| report::format_score(v.get(i.index()).copied().unwrap_or(0.0))));
            table.row(row);
        }
        let mut text = table.render();
        for note in notes {
            text.push_str(&format!("n/a {note}\n"));
        }
        Report::new(text, serde_json::Value::Array(items))
    }
}
