//! Influence rankings: who moves a node, or whom a node moves, by the strongest channel or
//! every channel together, as `relgraph influence` prints them.

use std::collections::BTreeMap;

use super::Selection;
use crate::analysis::influence::{self, Method, Toward};
use crate::analysis::sides::{self, SidedRanking, SidedView};
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
    ranking: SidedRanking,
    report: Report,
}

impl InfluenceRanking {
    /// The rows in listing order (see [`SidedRanking::rows`]).
    pub fn rows(&self) -> &[sides::Row] {
        &self.ranking.rows
    }

    /// The ranking with its attenuation (for the total method).
    pub fn ranking(&self) -> &SidedRanking {
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
    all_time: bool,
    all_kinds: bool,
}

impl<'m> InfluenceQuery<'m> {
    pub(super) fn new(selection: Selection<'m>, node: &str, on: bool) -> Self {
        InfluenceQuery {
            selection,
            node: node.to_owned(),
            on,
            method: Method::Strongest,
            top: None,
            all_time: false,
            all_kinds: false,
        }
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

    /// Keep only the `n` most influential of each group: outside actors, those acting
    /// through their own state or body, the target's own (claimants count as outside).
    pub fn top(mut self, n: usize) -> Self {
        self.top = Some(n);
        self
    }

    /// Count every tie of every date, even on a dated model without a date of its own
    /// (by default such a model answers as of its present, see [`Selection::present`]).
    pub fn all_time(mut self) -> Self {
        self.all_time = true;
        self
    }

    /// Rank contexts (agreements, disputes, events, territories, projects) too, and let
    /// influence pass through them as through actors. By default influence runs between
    /// actors, a step being a direct tie or a shared context (see
    /// [`crate::analysis::context`]), and only actors are ranked.
    pub fn all_kinds(mut self) -> Self {
        self.all_kinds = true;
        self
    }

    /// Runs the ranking.
    pub fn run(&self) -> Result<InfluenceRanking, Error> {
        let (dated, when) = self.selection.as_of(self.all_time);
        let s = &dated;
        let model = s.model();
        let node = model.node_index(&self.node)?;
        let is_actor = s.is_actor(&self.node)?;
        let disputed = !self.all_kinds && !is_actor && !crate::analysis::context::claimants(model, node).is_empty();
        let actors = !self.all_kinds && (is_actor || disputed);
        let pairs = s.channel_pairs(actors)?;
        let view = SidedView::from_pairs(model.node_count(), &pairs);
        let toward = if self.on { Toward::On(node) } else { Toward::From(node) };
        let dispute = if disputed && self.on { sides::rank_dispute(model, &view, node)? } else { None };
        let mut ranking = match dispute {
            Some(ranking) => ranking,
            None => {
                let merged = (self.method == Method::Total).then(|| influence::merged(model.node_count(), &pairs));
                sides::rank_sides(model, &view, merged.as_ref(), toward, self.method, actors)?
            }
        };
        let reached = ranking.rows.len();
        if let Some(top) = self.top {
            sides::keep_top(&mut ranking.rows, top);
        }
        let source = match when {
            Some(when) => format!("{}; {when}", s.strengths_source()),
            None => s.strengths_source(),
        };
        let report = report::influence::influence(model, &ranking, toward, self.method, &source, reached);
        Ok(InfluenceRanking { ranking, report })
    }

    /// Every ranked node's score by id, and the node itself at 1.0: the sizes of
    /// `relgraph export --size-by influence --on NODE`.
    pub fn sizes(&self) -> Result<BTreeMap<String, f64>, Error> {
        // The strongest single path, sign aside, through every node (as diagrams draw it).
        let model = self.selection.model();
        let node = model.node_index(&self.node)?;
        let toward = if self.on { Toward::On(node) } else { Toward::From(node) };
        let ranking = influence::rank(&self.selection.channels()?, toward, Method::Strongest)?;
        let graph = model.graph();
        let mut by_id: BTreeMap<String, f64> =
            ranking.rows.iter().filter_map(|r| Some((graph.node_weight(r.node)?.id.clone(), r.score))).collect();
        by_id.insert(model.node(&self.node)?.id.clone(), 1.0);
        Ok(by_id)
    }
}
