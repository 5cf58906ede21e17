//! Scoring a draft against a hand annotation (the evaluation set in `tests/fixtures/draft/`):
//! actor recall, relation recall (a drafted tie between the right two entities, either
//! direction), conflict recall (an annotated conflictual relation drafted as conflictual),
//! precision among drafted ties whose ends are both annotated entities, and whether every
//! quote is an exact substring of the text.
//!
//! Annotation rows, tab-separated, `#` for comments:
//! `E id kind name|form|…` and `R from to polarity kind quote`. A drafted node is an
//! annotated entity when one of its names or aliases equals one of the entity's forms,
//! ignoring case.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Model, Polarity};

/// A hand annotation.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    /// Entities: id and surface forms.
    pub entities: Vec<(String, Vec<String>)>,
    /// Relations: ends, whether conflictual, quote.
    pub relations: Vec<(String, String, bool, String)>,
}

impl Annotation {
    /// Reads the TSV form.
    pub fn parse(tsv: &str) -> Annotation {
        let mut out = Annotation::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["E", id, _kind, names, ..] => {
                    out.entities.push(((*id).to_owned(), names.split('|').map(str::to_owned).collect()))
                }
                ["R", from, to, polarity, _kind, quote, ..] => out.relations.push((
                    (*from).to_owned(),
                    (*to).to_owned(),
                    *polarity == "conflictual",
                    (*quote).to_owned(),
                )),
                _ => {}
            }
        }
        out
    }
}

/// The figures for one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Score {
    /// Annotated entities found / annotated entities.
    pub actor_recall: f64,
    /// Annotated entity pairs with a drafted tie / annotated pairs.
    pub relation_recall: f64,
    /// Annotated conflictual pairs with a conflictual drafted tie / annotated conflictual pairs.
    pub conflict_recall: f64,
    /// Drafted ties between two annotated entities that are annotated pairs / all such ties.
    pub precision: f64,
    /// Drafted ties between two annotated entities.
    pub scored_ties: usize,
    /// Whether every quote of every tie is an exact substring of the text.
    pub quotes_exact: bool,
}

fn ratio(hit: usize, all: usize) -> f64 {
    if all == 0 {
        1.0
    } else {
        hit as f64 / all as f64
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

/// Scores `model` (drafted from `text`) against `annotation`.
pub fn score(model: &Model, text: &str, annotation: &Annotation) -> Score {
    let mut by_form: HashMap<String, &str> = HashMap::new();
    for (id, forms) in &annotation.entities {
        for f in forms {
            by_form.entry(f.to_lowercase()).or_insert(id);
        }
    }
    let entity_of: HashMap<&str, &str> = model
        .nodes()
        .filter_map(|n| {
            std::iter::once(&n.name)
                .chain(&n.aliases)
                .find_map(|f| by_form.get(&f.to_lowercase()).copied())
                .map(|e| (n.id.as_str(), e))
        })
        .collect();
    let found: BTreeSet<&str> = entity_of.values().copied().collect();
    let annotated: BTreeSet<(String, String)> =
        annotation.relations.iter().map(|(a, b, _, _)| pair(a, b)).filter(|(a, b)| a != b).collect();
    let conflictual: BTreeSet<(String, String)> =
        annotation.relations.iter().filter(|r| r.2).map(|(a, b, _, _)| pair(a, b)).collect();
    let mut drafted = BTreeSet::new();
    let mut drafted_conflict = BTreeSet::new();
    let (mut scored, mut kept) = (0, 0);
    let mut exact = true;
    for e in model.edges() {
        exact &= e.evidence.iter().all(|q| text.contains(&q.quote));
        let (Some(a), Some(b)) = (entity_of.get(e.from.as_str()), entity_of.get(e.to.as_str())) else { continue };
        if a == b {
            continue;
        }
        let p = pair(a, b);
        scored += 1;
        kept += usize::from(annotated.contains(&p));
        if e.polarity() == Polarity::Conflictual {
            drafted_conflict.insert(p.clone());
        }
        drafted.insert(p);
    }
    Score {
        actor_recall: ratio(found.len(), annotation.entities.len()),
        relation_recall: ratio(annotated.intersection(&drafted).count(), annotated.len()),
        conflict_recall: ratio(conflictual.intersection(&drafted_conflict).count(), conflictual.len()),
        precision: ratio(kept, scored),
        scored_ties: scored,
        quotes_exact: exact,
    }
}
