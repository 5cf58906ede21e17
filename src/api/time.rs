//! Time: ties in the order they started and ended, and what changed between two dates, as
//! `relgraph timeline` and `relgraph diff` print them.

use std::cell::OnceCell;

use serde_json::json;

use super::Selection;
use crate::analysis::centrality::{CentralityOptions, Measure};
use crate::analysis::filter::Filter;
use crate::analysis::timeline::{self, DiffOptions, EventKind};
use crate::analysis::view::ViewOptions;
use crate::model::{Model, PartialDate};
use crate::report::table::Table;
use crate::report::{self, Report};
use crate::Error;

impl Model {
    /// What changed between two dates (see [`Selection::diff`]).
    pub fn diff(&self, from: PartialDate, to: PartialDate) -> DiffQuery<'_> {
        self.view().diff(from, to)
    }
}

impl<'m> Selection<'m> {
    /// What changed between two dates (over the selection without its date).
    pub fn diff(&self, from: PartialDate, to: PartialDate) -> DiffQuery<'m> {
        DiffQuery::new(self.clone(), from, to)
    }
}

impl Selection<'_> {
    /// The dated ties in the order they started and ended (of one node when given), as
    /// `relgraph timeline` prints them.
    pub fn timeline(&self, node: Option<&str>) -> Result<Report, Error> {
        let model = self.model();
        let node = node.map(|n| model.node_index(n)).transpose()?;
        let events = timeline::timeline(model, node);
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
        let mut table = Table::new(&["date", "", "from", "kind", "to", "polarity"]);
        for e in &events {
            let event = match e.kind {
                EventKind::Started => "starts",
                EventKind::Ended => "ends",
            };
            table.row(vec![
                e.date.to_string(),
                event.into(),
                name(model, &e.from),
                e.relation.label(),
                name(model, &e.to),
                e.relation.polarity().to_string(),
            ]);
        }
        let mut text = table.render();
        let undated = model.edges().filter(|e| e.since.is_none() && e.until.is_none()).count();
        text.push_str(&format!("{} dated event(s); {undated} undated tie(s) not listed\n", events.len()));
        Ok(Report::new(text, serde_json::Value::Array(items)))
    }
}

fn name(model: &Model, id: &str) -> String {
    model.node_by_id(id).map_or_else(|| id.to_owned(), |n| n.name.clone())
}

/// What changed between two dates; run by [`DiffQuery::run`].
#[derive(Debug, Clone)]
pub struct DiffQuery<'m> {
    selection: Selection<'m>,
    from: PartialDate,
    to: PartialDate,
    measure: Measure,
    top: usize,
    weighted: bool,
}

impl<'m> DiffQuery<'m> {
    pub(super) fn new(selection: Selection<'m>, from: PartialDate, to: PartialDate) -> Self {
        DiffQuery { selection, from, to, measure: Measure::Betweenness, top: 10, weighted: false }
    }

    /// The measure whose ranking is compared (default betweenness).
    pub fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }

    /// How many top nodes to follow (default 10).
    pub fn top(mut self, n: usize) -> Self {
        self.top = n;
        self
    }

    /// Use edge weights in the measure.
    pub fn weighted(mut self) -> Self {
        self.weighted = true;
        self
    }

    /// Runs the comparison, as `relgraph diff` prints it.
    pub fn run(&self) -> Result<Report, Error> {
        let s = &self.selection;
        // The dates are the diff's own: select everything else, but not the date.
        let base =
            Selection { filter: Filter { at: None, ..s.filter.clone() }, selected: OnceCell::new(), ..s.clone() };
        let model = base.model();
        let options = DiffOptions {
            top: self.top,
            view: if s.directed { ViewOptions::directed() } else { ViewOptions::undirected() },
            centrality: CentralityOptions::default().with_weighted(self.weighted),
        };
        let diff = timeline::diff(model, self.from, self.to, self.measure, &options)?;
        Ok(report::diff(model, &diff, self.top))
    }
}
