//! Influence profiles in RON: loading with the same `FILE:LINE:COL` diagnostics as models.
//!
//! A profile file holds `Profile(rules: [Rule(...), ...])`; a model file may hold the same
//! rules in its `influence: [...]` list. Both are read here, rule by rule, so one bad rule
//! does not hide the problems of the others: an unknown edge or node kind gets a suggestion,
//! and a Goldstein score outside −10 … 10 or a share outside 0 … 1 is pointed at.

use std::path::Path;

use serde::Deserialize;

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::loader::{options, Loader, Located, RawText, Word};
use crate::model::influence::{Profile, Rule, BUILTIN};
use crate::model::{Model, Vocabulary};
use crate::Error;

/// The built-in profile is text (`profiles/influence.ron`), so reading it belongs to this
/// reader rather than to the model types: the model layer holds no parser.
impl Profile {
    /// The built-in profile, `profiles/influence.ron` (a test checks that it parses and
    /// covers every edge kind; should it ever fail to parse, the profile is empty).
    pub fn builtin() -> Profile {
        parse(BUILTIN, "profiles/influence.ron".as_ref()).unwrap_or_default()
    }
}

impl Model {
    /// The influence profile this model is read with: the built-in profile, with the rules
    /// its declared kinds carry and the model's own rules (see [`Model::read_with`]).
    pub fn profile(&self) -> Profile {
        self.read_with(&Profile::builtin())
    }
}

/// Reads and checks a profile file.
pub fn load(path: &Path) -> Result<Profile, Error> {
    load_for(path, &Vocabulary::new())
}

/// Reads and checks a profile file for a model: its rules may name the kinds `vocabulary`
/// declares.
pub fn load_for(path: &Path, vocabulary: &Vocabulary) -> Result<Profile, Error> {
    let text = crate::io::loader::read_utf8(path)?;
    parse_for(&text, path, vocabulary).map_err(|diagnostics| Error::Invalid { diagnostics })
}

/// Parses and checks profile text; `path` names the file in diagnostics.
pub fn parse(text: &str, path: &Path) -> Result<Profile, Diagnostics> {
    parse_for(text, path, &Vocabulary::new())
}

/// Parses and checks profile text whose rules may name the kinds `vocabulary` declares.
pub fn parse_for(text: &str, path: &Path, vocabulary: &Vocabulary) -> Result<Profile, Diagnostics> {
    let text = crate::io::text::strip_bom(text);
    let mut loader = Loader::new(text);
    let profile = match options().from_str::<RawProfile>(text) {
        Ok(raw) => {
            let rules: Vec<Located<RawRule>> = raw.rules.iter().filter_map(|r| loader.element(r.0)).collect();
            let complete = rules.len() == raw.rules.len();
            let rules = loader.rules(rules, vocabulary);
            complete.then_some(Profile { rules })
        }
        Err(error) => {
            loader.ron_error(&error, 0);
            None
        }
    };
    match profile {
        Some(profile) if loader.diagnostics.is_empty() => Ok(profile),
        _ => Err(loader.into_diagnostics(path)),
    }
}

/// The profile as RON text, in the form [`parse`] reads.
pub fn to_string(profile: &Profile) -> String {
    crate::io::loader::pretty(profile)
}

#[derive(Deserialize)]
#[serde(rename = "Profile", deny_unknown_fields)]
struct RawProfile<'a> {
    #[serde(default, borrow)]
    rules: Vec<RawText<'a>>,
}

/// A rule as written, kinds as text so that unknown ones get a diagnostic.
#[derive(Deserialize)]
#[serde(rename = "Rule", deny_unknown_fields)]
pub(crate) struct RawRule {
    kind: Word,
    #[serde(default)]
    from: Vec<Word>,
    #[serde(default)]
    to: Vec<Word>,
    #[serde(default)]
    cameo: Option<String>,
    goldstein: f64,
    forward: f64,
    backward: f64,
    #[serde(default)]
    reason: Option<String>,
}

impl Loader<'_> {
    /// Checks rules against the vocabulary and the scales; returns the good ones.
    pub(crate) fn rules(&mut self, raw: Vec<Located<RawRule>>, vocabulary: &Vocabulary) -> Vec<Rule> {
        let mut out = Vec::new();
        for Located { value: r, spans } in raw {
            let kind = self.known(vocabulary.edge_kind(&r.kind.0), spans.field_range("kind"));
            let (mut from, mut to) = (Vec::new(), Vec::new());
            let mut ends_ok = true;
            for (slot, field, words) in [(&mut from, "from", &r.from), (&mut to, "to", &r.to)] {
                let items = spans.field(field).map(|s| s.items.clone()).unwrap_or_default();
                for (i, word) in words.iter().enumerate() {
                    let span = items.get(i).map_or_else(|| spans.field_range(field), |s| s.range.clone());
                    match self.known(vocabulary.node_kind(&word.0), span) {
                        Some(k) => slot.push(k),
                        None => ends_ok = false,
                    }
                }
            }
            let mut ok = kind.is_some() && ends_ok;
            if !(-10.0..=10.0).contains(&r.goldstein) {
                self.diagnostics.push(Problem::Goldstein { value: r.goldstein }, spans.field_range("goldstein"));
                ok = false;
            }
            for (field, value) in [("forward", r.forward), ("backward", r.backward)] {
                if !(0.0..=1.0).contains(&value) {
                    self.diagnostics.push(Problem::Share { field, value }, spans.field_range(field));
                    ok = false;
                }
            }
            if let (true, Some(kind)) = (ok, kind) {
                out.push(Rule {
                    kind,
                    from,
                    to,
                    cameo: r.cameo,
                    goldstein: r.goldstein,
                    forward: r.forward,
                    backward: r.backward,
                    reason: r.reason,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::influence::BUILTIN;

    #[test]
    fn a_bad_profile_reports_every_problem_at_its_line_and_column() {
        let text = "Profile(\n    rules: [\n        Rule(kind: sanction, goldstein: -8.0, forward: 1.0, backward: 0.0),\n        Rule(kind: leads, from: [contry], goldstein: 12.0, forward: 1.5, backward: 0.5),\n    ],\n)\n";
        let diagnostics = parse(text, "bad.ron".as_ref()).unwrap_err();
        let found: Vec<(usize, usize, String)> =
            diagnostics.items.iter().map(|d| (d.line, d.column, d.problem.to_string())).collect();
        assert_eq!(
            found,
            vec![
                (3, 20, "unknown edge kind `sanction`".to_owned()),
                (4, 34, "unknown node kind `contry`".to_owned()),
                (4, 54, "Goldstein score 12 is outside −10 … 10".to_owned()),
                (4, 69, "forward share 1.5 is outside 0 … 1".to_owned()),
            ]
        );
        let rendered = diagnostics.render();
        assert!(rendered.contains("bad.ron:3:20"), "{rendered}");
        assert!(rendered.contains("did you mean `sanctions`?"), "{rendered}");
        assert!(rendered.contains("did you mean `country`?"), "{rendered}");
    }

    #[test]
    fn a_syntax_error_points_at_its_place() {
        let diagnostics = parse("Profile(rules: [Rule(kind: leads goldstein: 1.0)])", "p.ron".as_ref()).unwrap_err();
        assert_eq!(diagnostics.items.len(), 1);
        assert_eq!(diagnostics.items[0].line, 1);
        assert!(diagnostics.items[0].column > 20, "{:?}", diagnostics.items[0]);
    }

    #[test]
    fn the_profile_round_trips_through_its_text() {
        let profile = parse(BUILTIN, "influence.ron".as_ref()).unwrap();
        assert_eq!(parse(&to_string(&profile), "again.ron".as_ref()).unwrap(), profile);
    }

    /// The published scale: every rule's Goldstein score is the one the CAMEO lookup table
    /// (GDELT's CAMEO.goldsteinscale.txt, committed under profiles/cameo) gives its code.
    #[test]
    fn every_cameo_code_carries_its_published_goldstein_score() {
        let table = include_str!("../../profiles/cameo/CAMEO.goldsteinscale.txt");
        let scores: std::collections::HashMap<&str, f64> = table
            .lines()
            .skip(1)
            .filter_map(|l| {
                let (code, score) = l.trim_end().split_once('\t')?;
                Some((code, score.parse().ok()?))
            })
            .collect();
        assert!(scores.len() > 250, "the table has {} codes", scores.len());
        let profile = parse(BUILTIN, "influence.ron".as_ref()).unwrap();
        for rule in &profile.rules {
            match &rule.cameo {
                Some(code) => assert_eq!(scores.get(code.as_str()), Some(&rule.goldstein), "{:?} {code}", rule.kind),
                // Ties that are not events sit at the top, or carry no influence at all.
                None => assert!(
                    rule.goldstein == 10.0 || !rule.is_channel(),
                    "{:?}: a tie that is not an event is at the top or no channel",
                    rule.kind
                ),
            }
        }
    }
}
