//! The influence profile: how much influence each kind of tie carries, in which direction,
//! and with what sign.
//!
//! A [`Profile`] is a list of [`Rule`]s. Each rule names an edge kind (and, optionally, the
//! node kinds at its ends), the nearest CAMEO event category and its Goldstein (1992)
//! conflict–cooperation score, and the shares of influence the tie carries each way:
//!
//! - **sign**: support (+) when the score is above 0, pressure (−) below; a score of 0 means
//!   the kind is no channel at all;
//! - **strength** from `from` to `to`: `|score| / 10 × forward`, and back from `to` to
//!   `from`: `|score| / 10 × backward`, both in [0, 1].
//!
//! An edge's own `weight` scales both strengths, and its `intensity` (a Goldstein score),
//! when given, replaces the kind's score and sign. Rules are read in order; the **last** rule
//! that matches an edge decides, so general rules come first and specific ones after, and a
//! model's own rules (its `influence: [...]` list) override the profile it is read with.
//!
//! The built-in profile is `profiles/influence.ron`, compiled in; `docs/influence.md` gives
//! the table ([`Profile::markdown`]) and the reasoning behind each row.

use serde::{Deserialize, Serialize};

use super::element::Edge;
use super::kind::{EdgeKind, EdgeKindDecl, NodeKind};

/// The built-in profile's text (`profiles/influence.ron`).
pub const BUILTIN: &str = include_str!("../../profiles/influence.ron");

/// Support or pressure: the sign of the influence a tie carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Influence that helps, aligns or draws closer (+).
    Support,
    /// Influence that constrains, punishes or pushes away (−).
    Pressure,
}

impl Sign {
    /// The sign of a number: support for ≥ 0, pressure below.
    pub fn of(value: f64) -> Sign {
        if value < 0.0 {
            Sign::Pressure
        } else {
            Sign::Support
        }
    }

    /// +1 or −1.
    pub fn value(self) -> i8 {
        match self {
            Sign::Support => 1,
            Sign::Pressure => -1,
        }
    }

    /// The sign of a product: support passed along pressure is pressure.
    pub fn times(self, other: Sign) -> Sign {
        if self == other {
            Sign::Support
        } else {
            Sign::Pressure
        }
    }

    /// `"support"` or `"pressure"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Support => "support",
            Sign::Pressure => "pressure",
        }
    }
}

impl std::fmt::Display for Sign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of a profile: the influence an edge kind carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Rule", deny_unknown_fields)]
pub struct Rule {
    /// The edge kind the rule is for.
    pub kind: EdgeKind,
    /// Only edges whose `from` node is of one of these kinds (any when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<NodeKind>,
    /// Only edges whose `to` node is of one of these kinds (any when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<NodeKind>,
    /// The nearest CAMEO event code, or `None` for ties that are not events.
    #[serde(default)]
    pub cameo: Option<String>,
    /// The Goldstein score, −10 … 10: sign and strength (`|score| / 10`); 0 = no channel.
    pub goldstein: f64,
    /// Share of the strength carried from `from` to `to`, 0 … 1.
    pub forward: f64,
    /// Share of the strength carried from `to` back to `from`, 0 … 1.
    pub backward: f64,
    /// Why: a sentence of reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Rule {
    /// A rule for every edge of `kind`.
    pub fn new(kind: EdgeKind, goldstein: f64, forward: f64, backward: f64) -> Self {
        Rule { kind, from: Vec::new(), to: Vec::new(), cameo: None, goldstein, forward, backward, reason: None }
    }

    /// Whether the rule applies to an edge of `kind` from a `from` node to a `to` node.
    pub fn matches(&self, kind: EdgeKind, from: NodeKind, to: NodeKind) -> bool {
        self.kind == kind
            && (self.from.is_empty() || self.from.contains(&from))
            && (self.to.is_empty() || self.to.contains(&to))
    }

    /// Whether the rule makes its ties channels at all.
    pub fn is_channel(&self) -> bool {
        self.goldstein != 0.0 && (self.forward > 0.0 || self.backward > 0.0)
    }
}

/// The influence one edge carries: strengths each way and the sign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeInfluence {
    /// Strength from the edge's `from` to its `to`, 0 … 1.
    pub forward: f64,
    /// Strength from the edge's `to` back to its `from`, 0 … 1.
    pub backward: f64,
    /// Support or pressure.
    pub sign: Sign,
}

/// An influence profile: rules read in order, the last match deciding. See the
/// [module docs](self).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Profile", deny_unknown_fields)]
pub struct Profile {
    /// The rules, in order.
    pub rules: Vec<Rule>,
}

impl Profile {
    /// This profile followed by extra rules (a model's overrides), which take precedence.
    pub fn with_rules(mut self, rules: &[Rule]) -> Profile {
        self.rules.extend_from_slice(rules);
        self
    }

    /// The rule that decides for an edge of `kind` between nodes of these kinds: the last
    /// that matches.
    pub fn rule(&self, kind: EdgeKind, from: NodeKind, to: NodeKind) -> Option<&Rule> {
        self.rules.iter().rev().find(|r| r.matches(kind, from, to))
    }

    /// The influence an edge carries under this profile, or `None` when it is no channel.
    ///
    /// Strength each way is `|score| / 10 × share × weight`, where the score is the edge's
    /// `intensity` when given, else its rule's Goldstein score; the sign is the score's.
    pub fn edge(&self, edge: &Edge, from: NodeKind, to: NodeKind) -> Option<EdgeInfluence> {
        let rule = self.rule(edge.kind, from, to)?;
        let score = edge.intensity.unwrap_or(rule.goldstein);
        let base = (score.abs() / 10.0).min(1.0) * edge.weight().clamp(0.0, 1.0);
        let share = |s: f64| if s.is_finite() { (base * s.clamp(0.0, 1.0)).min(1.0) } else { 0.0 };
        let (forward, backward) = (share(rule.forward), share(rule.backward));
        let carries = |s: f64| s > 0.0 && s.is_finite();
        (carries(forward) || carries(backward)).then_some(EdgeInfluence { forward, backward, sign: Sign::of(score) })
    }

    /// The profile as the Markdown table `docs/influence.md` shows (a test keeps them equal).
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "| edge kind | ends | CAMEO | Goldstein | sign | from → to | to → from | why |\n|---|---|---|---|---|---|---|---|\n",
        );
        for rule in &self.rules {
            let names = |kinds: &[NodeKind]| kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
            let ends = match (rule.from.is_empty(), rule.to.is_empty()) {
                (true, true) => "any".to_owned(),
                (false, true) => format!("from {}", names(&rule.from)),
                (true, false) => format!("to {}", names(&rule.to)),
                (false, false) => format!("from {} to {}", names(&rule.from), names(&rule.to)),
            };
            let base = rule.goldstein.abs() / 10.0;
            let (sign, forward, backward) = if rule.is_channel() {
                let share = |s: f64| if s > 0.0 { format!("{:.2}", base * s) } else { "—".to_owned() };
                (Sign::of(rule.goldstein).as_str(), share(rule.forward), share(rule.backward))
            } else {
                ("no channel", "—".to_owned(), "—".to_owned())
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {:+.1} | {} | {} | {} | {} |\n",
                rule.kind.as_str(),
                ends,
                rule.cameo.as_deref().map_or_else(|| "none (not an event)".to_owned(), |c| c.to_owned()),
                rule.goldstein,
                sign,
                forward,
                backward,
                rule.reason.as_deref().unwrap_or("")
            ));
        }
        out
    }
}

impl EdgeKindDecl {
    /// The influence rule the declaration implies (see [`super::influence`]).
    pub fn rule(&self, kind: EdgeKind) -> Rule {
        Rule {
            kind,
            from: Vec::new(),
            to: Vec::new(),
            cameo: self.cameo.clone(),
            goldstein: self.goldstein,
            forward: self.forward,
            backward: self.backward,
            reason: self.meaning.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_parses_and_has_a_rule_for_every_kind() {
        let profile = crate::io::profile::parse(BUILTIN, "profiles/influence.ron".as_ref())
            .unwrap_or_else(|d| panic!("{}", d.render()));
        for kind in EdgeKind::ALL {
            assert!(profile.rules.iter().any(|r| r.kind == kind), "no rule for {kind}");
        }
        assert_eq!(Profile::builtin(), profile);
    }

    #[test]
    fn weight_scales_and_intensity_overrides_the_kind() {
        let profile = Profile::builtin();
        let mut edge = Edge::new("us", "ru", EdgeKind::Sanctions);
        let c = NodeKind::Country;
        let plain = profile.edge(&edge, c, c).unwrap();
        assert_eq!((plain.forward, plain.backward, plain.sign), (0.8, 0.0, Sign::Pressure));
        edge.weight = Some(0.5);
        assert_eq!(profile.edge(&edge, c, c).unwrap().forward, 0.4);
        edge.intensity = Some(3.0);
        let over = profile.edge(&edge, c, c).unwrap();
        assert!((over.forward - 0.15).abs() < 1e-15);
        assert_eq!(over.sign, Sign::Support);
        edge.intensity = Some(0.0);
        assert_eq!(profile.edge(&edge, c, c), None);
    }

    #[test]
    fn the_last_matching_rule_decides() {
        let profile = Profile::builtin();
        let part = Edge::new("a", "b", EdgeKind::PartOf);
        assert_eq!(profile.edge(&part, NodeKind::Territory, NodeKind::Territory), None);
        let ministry = profile.edge(&part, NodeKind::Organization, NodeKind::Country).unwrap();
        assert_eq!((ministry.forward, ministry.backward), (0.5, 1.0));
        let custom = profile.with_rules(&[Rule::new(EdgeKind::PartOf, -5.0, 1.0, 0.0)]);
        let over = custom.edge(&part, NodeKind::Territory, NodeKind::Territory).unwrap();
        assert_eq!((over.forward, over.backward, over.sign), (0.5, 0.0, Sign::Pressure));
    }

    #[test]
    fn docs_show_the_current_profile() {
        let docs = include_str!("../../docs/influence.md");
        let table = Profile::builtin().markdown();
        assert!(
            docs.contains(&table),
            "docs/influence.md is out of date: paste Profile::builtin().markdown():\n{table}"
        );
    }

    #[test]
    fn signs_multiply() {
        assert_eq!(Sign::Support.times(Sign::Pressure), Sign::Pressure);
        assert_eq!(Sign::Pressure.times(Sign::Pressure), Sign::Support);
        assert_eq!(Sign::of(-0.0), Sign::Support);
    }
}
