//! Arbitrary valid models, built from fuzz input with the `arbitrary` crate.

use arbitrary::{Arbitrary, Unstructured};
use relgraph::model::{EdgeKind, Evidence, Model, Node, NodeKind, PartialDate, Source};
use relgraph::Edge;

/// A model built from fuzz input: ids, names and every text from arbitrary bytes, kinds,
/// dates and numbers in range so that the model is valid (it loads when saved as RON).
#[derive(Debug)]
pub struct ArbitraryModel(pub Model);

#[derive(Debug, Arbitrary)]
struct RawNode {
    id: String,
    kind: u8,
    name: String,
    aliases: Vec<String>,
    since: Option<RawDate>,
    until: Option<RawDate>,
    date: Option<RawDate>,
    tags: Vec<String>,
    attrs: Vec<(String, String)>,
    description: Option<String>,
}

#[derive(Debug, Arbitrary)]
struct RawEdge {
    from: u8,
    to: u8,
    kind: u8,
    since: Option<RawDate>,
    until: Option<RawDate>,
    weight: Option<u16>,
    intensity: Option<i8>,
    topic: Option<String>,
    note: Option<String>,
    evidence: Vec<(u8, String)>,
}

#[derive(Debug, Arbitrary)]
struct RawDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl RawDate {
    fn date(&self) -> PartialDate {
        let year = self.year % 10_000;
        let month = self.month.map(|m| m % 12 + 1);
        let with_month = month.and_then(|m| PartialDate::month(year, m));
        match (month, self.day) {
            (Some(m), Some(d)) => PartialDate::day(year, m, d % 28 + 1).or(with_month),
            _ => with_month,
        }
        .unwrap_or_else(|| PartialDate::year(year))
    }
}

fn interval(since: &Option<RawDate>, until: &Option<RawDate>) -> (Option<PartialDate>, Option<PartialDate>) {
    let (since, until) = (since.as_ref().map(RawDate::date), until.as_ref().map(RawDate::date));
    match (since, until) {
        // `until` before `since` is an error in a model file: keep the later as `until`.
        (Some(s), Some(u)) if u.last_day() < s.first_day() => (Some(u), Some(s)),
        pair => pair,
    }
}

fn pick<T: Copy>(all: &[T], i: u8) -> T {
    all[usize::from(i) % all.len()]
}

impl<'a> Arbitrary<'a> for ArbitraryModel {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut model = Model::new(String::arbitrary(u)?);
        model.description = Option::<String>::arbitrary(u)?;
        let sources: Vec<(String, String, Option<String>, Option<String>, Option<RawDate>)> = u.arbitrary()?;
        for (id, title, author, url, date) in sources {
            if id.trim().is_empty() || model.sources.iter().any(|s| s.id == id) {
                continue;
            }
            model.sources.push(Source { id, title, author, date: date.as_ref().map(RawDate::date), url });
        }
        let nodes: Vec<RawNode> = u.arbitrary()?;
        for n in nodes {
            if n.id.trim().is_empty() {
                continue;
            }
            let (since, until) = interval(&n.since, &n.until);
            let node = Node {
                id: n.id,
                kind: pick(&NodeKind::ALL, n.kind),
                name: n.name,
                aliases: n.aliases,
                since,
                until,
                date: n.date.as_ref().map(RawDate::date),
                tags: n.tags,
                attrs: n.attrs.into_iter().collect(),
                description: n.description,
                same_as: Vec::new(),
                sources: Vec::new(),
                draft: false,
            };
            let _ = model.add_node(node);
        }
        let ids: Vec<(String, NodeKind)> = model.nodes().map(|n| (n.id.clone(), n.kind)).collect();
        let edges: Vec<RawEdge> = if ids.is_empty() { Vec::new() } else { u.arbitrary()? };
        for e in edges {
            let (from, to) = (&ids[usize::from(e.from) % ids.len()], &ids[usize::from(e.to) % ids.len()]);
            // The first kind from the one asked for that the schema allows between the ends.
            let start = usize::from(e.kind);
            let Some(kind) = (0..EdgeKind::ALL.len())
                .map(|k| EdgeKind::ALL[(start + k) % EdgeKind::ALL.len()])
                .find(|k| k.allows(from.1, to.1))
            else {
                continue;
            };
            let (since, until) = interval(&e.since, &e.until);
            let evidence = if model.sources.is_empty() {
                Vec::new()
            } else {
                let sources = &model.sources;
                e.evidence
                    .into_iter()
                    .map(|(s, quote)| Evidence { source: sources[usize::from(s) % sources.len()].id.clone(), quote })
                    .collect()
            };
            let edge = Edge {
                from: from.0.clone(),
                to: to.0.clone(),
                kind,
                since,
                until,
                weight: e.weight.map(|w| f64::from(w) / f64::from(u16::MAX)).filter(|w| *w > 0.0),
                intensity: e.intensity.map(|i| f64::from(i) / 12.8),
                topic: e.topic,
                note: e.note,
                evidence,
                sources: Vec::new(),
                draft: false,
            };
            let _ = model.add_edge(edge);
        }
        Ok(ArbitraryModel(model))
    }
}
