//! Influence rankings: who moves a node, or whom a node moves, by the strongest channel or
//! every channel together, as `relgraph influence` prints them.

use std::collections::BTreeMap;

use super::Selection;
use crate::analysis::influence::{self, Method, Ranking, Toward};
use crate::report::{self, Report};
use crate::Error;

use crate::model::Model;

impl Model {
    /// Every node's influence on a node (see [`Selection::influence_on`]).
    pub fn influence_on(&self, node: &str) -> InfluenceQuery<'_> {
        self.view().influence_on(node)
    }

    /// A node's influence on every node (see [`Selection::influence_from`]).
    pub fn influence_from(&self, node: &str) -> InfluenceQuery<'_> {
        self.view().influence_from(node)
    }
}

impl<'m> Selection<'m> {
    /// Every node's influence on `node`, strongest channel first.
    pub fn influence_on(&self, node: &str) -> InfluenceQuery<'m> {
        InfluenceQuery::new(self.clone(), node, true)
    }

    /// `node`'s influence on every node, strongest channel first.
    pub fn influence_from(&self, node: &str) -> InfluenceQuery<'m> {
        InfluenceQuery::new(self.clone(), node, false)
    }
}

/// An influence ranking and the report `relgraph influence` prints.
#[derive(Debug, Clone)]
pub struct InfluenceRanking {
    ranking: Ranking,
    report: Report,
}

impl InfluenceRanking {
    /// The rows, highest score first.
    pub fn rows(&self) -> &[influence::Influence] {
        &self.ranking.rows
    }

    /// The ranking with its attenuation (for the total method).
    pub fn ranking(&self) -> &Ranking {
        &self.ranking
    }

    /// The JSON `relgraph influence --json` prints.
    pub fn json(&self) -> &serde_json::Value {
        self.report.json()
    }

    /// The report: the text and JSON the command prints.
    pub fn report(&self) -> &Report {
        &self.report
    }
}

impl std::fmt::Display for InfluenceRanking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.report.fmt(f)
    }
}

/// Who influences a node, or whom a node influences; run by [`InfluenceQuery::run`].
#[derive(Debug, Clone)]
pub struct InfluenceQuery<'m> {
    selection: Selection<'m>,
    node: String,
    on: bool,
    method: Method,
    top: Option<usize>,
}

impl<'m> InfluenceQuery<'m> {
    pub(super) fn new(selection: Selection<'m>, node: &str, on: bool) -> Self {
        InfluenceQuery { selection, node: node.to_owned(), on, method: Method::Strongest, top: None }
    }

    /// Every channel together (the attenuated walk sum) instead of the strongest one.
    pub fn total(mut self) -> Self {
        self.method = Method::Total;
        self
    }

    /// Scoring method.
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Keep only the `n` most influential.
    pub fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// Runs the ranking.
    pub fn run(&self) -> Result<InfluenceRanking, Error> {
        let s = &self.selection;
        let model = s.model();
        let view = s.channels()?;
        let node = model.node_index(&self.node)?;
        let toward = if self.on { Toward::On(node) } else { Toward::From(node) };
        let mut ranking = influence::rank(&view, toward, self.method)?;
        let reached = ranking.rows.len();
        if let Some(top) = self.top {
            ranking.rows.truncate(top);
        }
        let report = report::influence(model, &ranking, toward, self.method, &s.strengths_source(), reached);
        Ok(InfluenceRanking { ranking, report })
    }

    /// Every ranked node's score by id, and the node itself at 1.0: the sizes of
    /// `relgraph export --size-by influence --on NODE`.
    pub fn sizes(&self) -> Result<BTreeMap<String, f64>, Error> {
        let ranking = InfluenceQuery { top: None, ..self.clone() }.run()?;
        let model = self.selection.model();
        let graph = model.graph();
        let mut by_id: BTreeMap<String, f64> =
            ranking.rows().iter().filter_map(|r| Some((graph.node_weight(r.node)?.id.clone(), r.score))).collect();
        by_id.insert(model.node(&self.node)?.id.clone(), 1.0);
        Ok(by_id)
    }
}
