//! `relgraph kinds`: every node and edge kind a model may use, built in or declared, with
//! what the schema and the influence profile say of it: label, polarity, the CAMEO code and
//! its Goldstein score, the influence it carries each way, and the node kinds it may join.
//!
//! Without a model the list is the built-in vocabulary read with the built-in profile; with
//! one, its declared kinds follow and its own influence rules count (as in every analysis).

use serde_json::{json, Value};

use crate::model::{EdgeKind, NodeKind, Profile, Rule, Sign};
use crate::report::table::Table;
use crate::report::Report;
use crate::Model;

/// The kinds of the built-in vocabulary, or of `model`'s (built in, then declared), as the
/// `kinds` command prints them.
pub fn kinds(model: Option<&Model>) -> Report {
    let profile = model.map_or_else(Profile::builtin, Model::profile);
    let node_kinds: Vec<NodeKind> = match model {
        Some(m) => m.vocabulary.node_kinds_all().collect(),
        None => NodeKind::ALL.to_vec(),
    };
    let edge_kinds: Vec<EdgeKind> = match model {
        Some(m) => m.vocabulary.edge_kinds_all().collect(),
        None => EdgeKind::ALL.to_vec(),
    };
    let mut rows: Vec<Value> = Vec::new();
    let mut nodes = Table::new(&["node kind", "label", "actor", "from"]);
    for kind in &node_kinds {
        let from = if kind.is_declared() { "declared" } else { "built in" };
        nodes.row(vec![kind.as_str().to_owned(), kind.label(), yes(kind.is_actor()).into(), from.into()]);
        rows.push(json!({
            "name": kind.as_str(),
            "vocabulary": "node",
            "label": kind.label(),
            "builtin": !kind.is_declared(),
            "actor": kind.is_actor(),
            "cameo": null,
        }));
    }
    let mut edges = Table::new(&[
        "edge kind",
        "label",
        "polarity",
        "CAMEO",
        "Goldstein",
        "sign",
        "from → to",
        "to → from",
        "from",
        "to",
    ])
    .right_align(4)
    .right_align(6)
    .right_align(7);
    for &kind in &edge_kinds {
        let rule = kind.rule();
        let influence = general_rule(&profile, kind);
        let strengths = influence.filter(|r| r.is_channel()).map(|r| {
            let base = (r.goldstein.abs() / 10.0).min(1.0);
            (Sign::of(r.goldstein), base * r.forward.clamp(0.0, 1.0), base * r.backward.clamp(0.0, 1.0))
        });
        let cameo = influence.and_then(|r| r.cameo.clone());
        let goldstein = influence.map(|r| r.goldstein);
        edges.row(vec![
            kind.as_str().to_owned(),
            kind.label(),
            rule.polarity.as_str().to_owned(),
            cameo.clone().unwrap_or_else(|| "—".into()),
            goldstein.map_or_else(|| "—".into(), |g| format!("{g:+.1}")),
            strengths.map_or("no channel", |s| s.0.as_str()).to_owned(),
            strengths.map_or_else(|| "—".into(), |s| share(s.1)),
            strengths.map_or_else(|| "—".into(), |s| share(s.2)),
            ends(rule.from),
            ends(rule.to),
        ]);
        let names = |list: &[NodeKind]| list.iter().map(|k| k.as_str()).collect::<Vec<_>>();
        rows.push(json!({
            "name": kind.as_str(),
            "vocabulary": "edge",
            "label": kind.label(),
            "builtin": !kind.is_declared(),
            "polarity": rule.polarity.as_str(),
            "symmetric": rule.symmetric,
            "cameo": cameo,
            "goldstein": goldstein,
            "sign": strengths.map(|s| s.0.as_str()),
            "forward": strengths.map_or(0.0, |s| round(s.1)),
            "backward": strengths.map_or(0.0, |s| round(s.2)),
            "from": names(rule.from),
            "to": names(rule.to),
            "meaning": rule.meaning,
        }));
    }
    let text = format!(
        "{} node kind(s), {} edge kind(s)\n\n{}\n{}\nInfluence: strength |Goldstein| / 10 × share, each way (docs/influence.md); ends: the node kinds a tie may join (\"actors\": country, leader, person, organization, actor).\n",
        node_kinds.len(),
        edge_kinds.len(),
        nodes.render(),
        edges.render()
    );
    Report::new(text, Value::Array(rows))
}

impl Model {
    /// The node and edge kinds this model may use (see [`kinds`]).
    pub fn kinds(&self) -> Report {
        kinds(Some(self))
    }
}

/// The rule that speaks for a kind as a whole: the last one for it without end kinds, else
/// the last one for it.
fn general_rule(profile: &Profile, kind: EdgeKind) -> Option<&Rule> {
    let mut of_kind = profile.rules.iter().rev().filter(|r| r.kind == kind);
    of_kind.clone().find(|r| r.from.is_empty() && r.to.is_empty()).or_else(|| of_kind.next())
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn share(x: f64) -> String {
    if x > 0.0 {
        format!("{x:.2}")
    } else {
        "—".into()
    }
}

/// End kinds as words: `any` for every built-in kind, `actors` for the five acting kinds.
fn ends(list: &[NodeKind]) -> String {
    if list.is_empty() || NodeKind::ALL.iter().all(|k| list.contains(k)) {
        return "any".into();
    }
    let actors = [NodeKind::Country, NodeKind::Leader, NodeKind::Person, NodeKind::Organization, NodeKind::Actor];
    let grouped = actors.iter().all(|k| list.contains(k));
    let rest = list.iter().filter(|k| !(grouped && actors.contains(k))).map(|k| k.as_str());
    let words: Vec<&str> = if grouped { std::iter::once("actors").chain(rest).collect() } else { rest.collect() };
    words.join(", ")
}
