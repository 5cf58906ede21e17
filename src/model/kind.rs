//! The vocabulary: node kinds, edge kinds, polarity, and the schema of which node kinds
//! each edge kind may connect.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::vocabulary::{intern_edge, intern_node, is_valid_name, DeclaredEdge, DeclaredNode};

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum NodeKind {
    /// A sovereign state (Japan, Russia, Canada).
    Country,
    /// A person in office: head of state or government, minister, adviser.
    Leader,
    /// A person not (or no longer) holding the office that matters here.
    Person,
    /// An international organisation, ministry, company, institute or armed force.
    Organization,
    /// A treaty, declaration, action plan or pact (signed, proposed or under negotiation).
    Agreement,
    /// A dispute between parties (the Kuril Islands dispute).
    Dispute,
    /// A territory, island, region or sea.
    Territory,
    /// Something that happened at a time: a summit, a crisis, an accident.
    Event,
    /// A project: a pipeline, an energy development.
    Project,
    /// A node whose type is unknown, e.g. from an imported edge list.
    Actor,
    /// A kind the model declares (see [`super::vocabulary`]).
    Declared(DeclaredNode),
}

impl NodeKind {
    /// Every node kind, in documentation order.
    pub const ALL: [NodeKind; 10] = [
        NodeKind::Country,
        NodeKind::Leader,
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Agreement,
        NodeKind::Dispute,
        NodeKind::Territory,
        NodeKind::Event,
        NodeKind::Project,
        NodeKind::Actor,
    ];

    /// The lowercase name used in files, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Country => "country",
            NodeKind::Leader => "leader",
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Agreement => "agreement",
            NodeKind::Dispute => "dispute",
            NodeKind::Territory => "territory",
            NodeKind::Event => "event",
            NodeKind::Project => "project",
            NodeKind::Actor => "actor",
            NodeKind::Declared(d) => d.name(),
        }
    }

    /// Whether nodes of this kind act: countries, people, organisations and unknown actors,
    /// and declared kinds declared as actors.
    pub fn is_actor(self) -> bool {
        match self {
            NodeKind::Declared(d) => d.declaration().is_none_or(|d| d.actor),
            other => matches!(
                other,
                NodeKind::Country | NodeKind::Leader | NodeKind::Person | NodeKind::Organization | NodeKind::Actor
            ),
        }
    }

    /// Whether the kind is declared by a model rather than built in.
    pub fn is_declared(self) -> bool {
        matches!(self, NodeKind::Declared(_))
    }

    /// The kind read as words, for legends.
    pub fn label(self) -> String {
        match self {
            NodeKind::Declared(d) => d.label().to_owned(),
            builtin => builtin.as_str().replace('_', " "),
        }
    }
}

/// Whether a tie brings its ends together, sets them against each other, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// A positive tie: cooperation, support, membership.
    Cooperative,
    /// A negative tie: sanctions, condemnation, competition, dispute.
    Conflictual,
    /// A structural or descriptive tie: party to, claims, attends.
    Neutral,
}

impl Polarity {
    /// Every polarity.
    pub const ALL: [Polarity; 3] = [Polarity::Cooperative, Polarity::Conflictual, Polarity::Neutral];

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Cooperative => "cooperative",
            Polarity::Conflictual => "conflictual",
            Polarity::Neutral => "neutral",
        }
    }

    /// +1, −1 or 0.
    pub fn sign(self) -> i8 {
        match self {
            Polarity::Cooperative => 1,
            Polarity::Conflictual => -1,
            Polarity::Neutral => 0,
        }
    }
}

/// The relation an edge states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EdgeKind {
    /// A leader leads a country or organisation.
    Leads,
    /// A country, organisation or person is a member of an organisation.
    MemberOf,
    /// A person represents a country or organisation (envoy, minister, spokesperson).
    Represents,
    /// An actor works for or belongs to an organisation without leading it.
    WorksFor,
    /// A person or organisation advises another actor.
    Advises,
    /// An actor is a party to an agreement or a dispute.
    PartyTo,
    /// An actor signs an agreement.
    Signs,
    /// An actor proposes an agreement, compromise or project.
    Proposes,
    /// An actor or agreement cites an agreement as legal basis.
    Cites,
    /// An actor claims sovereignty over a territory.
    Claims,
    /// A country administers a territory.
    Administers,
    /// A territory or body is part of a larger one.
    PartOf,
    /// A dispute, agreement, event or project concerns something.
    Concerns,
    /// An actor takes part in or is involved in an event or project.
    InvolvedIn,
    /// An actor disputes a territory, dispute or another actor's position.
    Disputes,
    /// Two actors meet.
    Meets,
    /// An actor visits a country, territory, organisation or event.
    Visits,
    /// An actor attends an event.
    Attends,
    /// Two actors cooperate, on a `topic` (energy, security, cyber …).
    CooperatesWith,
    /// Two actors negotiate, or an actor negotiates an agreement.
    Negotiates,
    /// An actor invests in a country, territory, organisation or project.
    InvestsIn,
    /// An actor supports another actor, an agreement, event or position.
    Supports,
    /// An actor is allied with another.
    AlliedWith,
    /// An actor sanctions another.
    Sanctions,
    /// An actor condemns another actor or an event.
    Condemns,
    /// An actor opposes another actor, agreement or event.
    Opposes,
    /// An actor suspends an agreement, negotiation or event.
    Suspends,
    /// Two actors compete.
    CompetesWith,
    /// A country annexes a territory.
    Annexes,
    /// An actor hedges against another's power.
    HedgesAgainst,
    /// A generic tie between any two nodes, e.g. from an edge list.
    RelatedTo,
    /// A kind the model declares (see [`super::vocabulary`]).
    Declared(DeclaredEdge),
}

/// Node kinds that act.
const ACTORS: &[NodeKind] =
    &[NodeKind::Country, NodeKind::Leader, NodeKind::Person, NodeKind::Organization, NodeKind::Actor];
/// People.
const PEOPLE: &[NodeKind] = &[NodeKind::Leader, NodeKind::Person, NodeKind::Actor];
/// Bodies that can be led or joined.
const BODIES: &[NodeKind] = &[NodeKind::Country, NodeKind::Organization, NodeKind::Actor];
/// Places.
const PLACES: &[NodeKind] = &[NodeKind::Territory, NodeKind::Country, NodeKind::Actor];
/// Any kind at all.
const ANY: &[NodeKind] = &NodeKind::ALL;
/// Actors, agreements and disputes: what can cite an agreement or be negotiated with.
const ACTORS_AND_PACTS: &[NodeKind] = &[
    NodeKind::Country,
    NodeKind::Leader,
    NodeKind::Person,
    NodeKind::Organization,
    NodeKind::Actor,
    NodeKind::Agreement,
    NodeKind::Dispute,
];
/// Actors and the things that can be supported or opposed.
const ACTORS_AND_THINGS: &[NodeKind] = &[
    NodeKind::Country,
    NodeKind::Leader,
    NodeKind::Person,
    NodeKind::Organization,
    NodeKind::Actor,
    NodeKind::Agreement,
    NodeKind::Event,
    NodeKind::Dispute,
    NodeKind::Project,
];

/// One row of the schema table: what an edge kind means and what it may connect.
#[derive(Debug, Clone, Copy)]
pub struct EdgeRule {
    /// The edge kind.
    pub kind: EdgeKind,
    /// Cooperative, conflictual or neutral.
    pub polarity: Polarity,
    /// Whether `a kind b` implies `b kind a`.
    pub symmetric: bool,
    /// Node kinds allowed at the tail (`from`).
    pub from: &'static [NodeKind],
    /// Node kinds allowed at the head (`to`).
    pub to: &'static [NodeKind],
    /// One line of documentation.
    pub meaning: &'static str,
}

macro_rules! rule {
    ($kind:ident, $pol:ident, $sym:expr, $from:expr, $to:expr, $meaning:expr) => {
        EdgeRule {
            kind: EdgeKind::$kind,
            polarity: Polarity::$pol,
            symmetric: $sym,
            from: $from,
            to: $to,
            meaning: $meaning,
        }
    };
}

/// The schema: one rule per edge kind, in [`EdgeKind::ALL`] order.
pub const SCHEMA: [EdgeRule; 31] = [
    rule!(Leads, Cooperative, false, PEOPLE, BODIES, "a leader heads a country or organisation"),
    rule!(
        MemberOf,
        Cooperative,
        false,
        ACTORS,
        &[NodeKind::Organization, NodeKind::Actor],
        "belongs to an organisation"
    ),
    rule!(Represents, Cooperative, false, PEOPLE, BODIES, "speaks or acts for a country or organisation"),
    rule!(WorksFor, Cooperative, false, PEOPLE, BODIES, "works for or serves an organisation or country"),
    rule!(Advises, Cooperative, false, ACTORS, ACTORS, "advises another actor"),
    rule!(
        PartyTo,
        Neutral,
        false,
        ACTORS,
        &[NodeKind::Agreement, NodeKind::Dispute, NodeKind::Project, NodeKind::Actor],
        "is a party to an agreement, dispute or project"
    ),
    rule!(Signs, Neutral, false, ACTORS, &[NodeKind::Agreement, NodeKind::Actor], "signs an agreement"),
    rule!(
        Proposes,
        Neutral,
        false,
        ACTORS,
        &[NodeKind::Agreement, NodeKind::Project, NodeKind::Event, NodeKind::Actor],
        "puts forward an agreement, compromise or project"
    ),
    rule!(
        Cites,
        Neutral,
        false,
        ACTORS_AND_PACTS,
        &[NodeKind::Agreement, NodeKind::Actor],
        "invokes an agreement as legal basis"
    ),
    rule!(Claims, Neutral, false, ACTORS, PLACES, "claims sovereignty over a territory"),
    rule!(Administers, Neutral, false, BODIES, PLACES, "administers a territory"),
    rule!(
        PartOf,
        Neutral,
        false,
        &[
            NodeKind::Territory,
            NodeKind::Organization,
            NodeKind::Event,
            NodeKind::Project,
            NodeKind::Agreement,
            NodeKind::Actor
        ],
        ANY,
        "is part of something larger"
    ),
    rule!(
        Concerns,
        Neutral,
        false,
        &[NodeKind::Dispute, NodeKind::Agreement, NodeKind::Event, NodeKind::Project, NodeKind::Actor],
        ANY,
        "is about something"
    ),
    rule!(
        InvolvedIn,
        Neutral,
        false,
        ACTORS,
        &[NodeKind::Event, NodeKind::Project, NodeKind::Dispute, NodeKind::Agreement, NodeKind::Actor],
        "takes part in an event or project"
    ),
    rule!(
        Disputes,
        Conflictual,
        false,
        ACTORS,
        &[
            NodeKind::Territory,
            NodeKind::Dispute,
            NodeKind::Country,
            NodeKind::Leader,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Agreement,
            NodeKind::Actor
        ],
        "contests a territory, claim or position"
    ),
    rule!(Meets, Cooperative, true, ACTORS, ACTORS, "meets in person"),
    rule!(
        Visits,
        Cooperative,
        false,
        ACTORS,
        &[NodeKind::Country, NodeKind::Territory, NodeKind::Organization, NodeKind::Event, NodeKind::Actor],
        "travels to a place or event"
    ),
    rule!(Attends, Neutral, false, ACTORS, &[NodeKind::Event, NodeKind::Actor], "attends an event"),
    rule!(CooperatesWith, Cooperative, true, ACTORS, ACTORS, "cooperates, on a topic"),
    rule!(
        Negotiates,
        Cooperative,
        true,
        ACTORS,
        ACTORS_AND_PACTS,
        "negotiates with another actor, or over an agreement"
    ),
    rule!(
        InvestsIn,
        Cooperative,
        false,
        ACTORS,
        &[NodeKind::Country, NodeKind::Territory, NodeKind::Organization, NodeKind::Project, NodeKind::Actor],
        "invests in a place, body or project"
    ),
    rule!(Supports, Cooperative, false, ACTORS, ACTORS_AND_THINGS, "backs an actor, agreement, event or project"),
    rule!(AlliedWith, Cooperative, true, ACTORS, ACTORS, "is allied with"),
    rule!(Sanctions, Conflictual, false, ACTORS, ACTORS, "imposes sanctions on"),
    rule!(Condemns, Conflictual, false, ACTORS, ACTORS_AND_THINGS, "publicly condemns"),
    rule!(Opposes, Conflictual, false, ACTORS, ACTORS_AND_THINGS, "opposes"),
    rule!(
        Suspends,
        Conflictual,
        false,
        ACTORS,
        &[NodeKind::Agreement, NodeKind::Event, NodeKind::Project, NodeKind::Actor],
        "suspends talks, an agreement or an event"
    ),
    rule!(CompetesWith, Conflictual, true, ACTORS, ACTORS, "competes with (for markets, influence)"),
    rule!(Annexes, Conflictual, false, BODIES, PLACES, "annexes a territory"),
    rule!(HedgesAgainst, Conflictual, false, ACTORS, ACTORS, "hedges against another's power"),
    rule!(RelatedTo, Neutral, true, ANY, ANY, "a generic, untyped tie"),
];

impl EdgeKind {
    /// Every edge kind, in schema order.
    #[allow(clippy::indexing_slicing, reason = "a const loop over SCHEMA, checked at compile time")]
    pub const ALL: [EdgeKind; 31] = {
        let mut all = [EdgeKind::RelatedTo; 31];
        let mut i = 0;
        while i < SCHEMA.len() {
            all[i] = SCHEMA[i].kind;
            i += 1;
        }
        all
    };

    /// The schema row for this kind (a declared kind's row comes from its declaration).
    #[allow(clippy::indexing_slicing, reason = "SCHEMA has one row per built-in kind, in declaration order (tested)")]
    pub fn rule(self) -> &'static EdgeRule {
        match self {
            EdgeKind::Declared(d) => d.rule(),
            // Every built-in kind has a row in SCHEMA (checked by a test); related_to's row
            // stands in should one ever be missing.
            builtin => SCHEMA.iter().find(|r| r.kind == builtin).unwrap_or(&SCHEMA[SCHEMA.len() - 1]),
        }
    }

    /// Whether the kind is declared by a model rather than built in.
    pub fn is_declared(self) -> bool {
        matches!(self, EdgeKind::Declared(_))
    }

    /// The declaration of a declared kind.
    pub fn declaration(self) -> Option<&'static super::vocabulary::EdgeKindDecl> {
        match self {
            EdgeKind::Declared(d) => d.declaration(),
            _ => None,
        }
    }

    /// The snake_case name used in files, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Leads => "leads",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::Represents => "represents",
            EdgeKind::WorksFor => "works_for",
            EdgeKind::Advises => "advises",
            EdgeKind::PartyTo => "party_to",
            EdgeKind::Signs => "signs",
            EdgeKind::Proposes => "proposes",
            EdgeKind::Cites => "cites",
            EdgeKind::Claims => "claims",
            EdgeKind::Administers => "administers",
            EdgeKind::PartOf => "part_of",
            EdgeKind::Concerns => "concerns",
            EdgeKind::InvolvedIn => "involved_in",
            EdgeKind::Disputes => "disputes",
            EdgeKind::Meets => "meets",
            EdgeKind::Visits => "visits",
            EdgeKind::Attends => "attends",
            EdgeKind::CooperatesWith => "cooperates_with",
            EdgeKind::Negotiates => "negotiates",
            EdgeKind::InvestsIn => "invests_in",
            EdgeKind::Supports => "supports",
            EdgeKind::AlliedWith => "allied_with",
            EdgeKind::Sanctions => "sanctions",
            EdgeKind::Condemns => "condemns",
            EdgeKind::Opposes => "opposes",
            EdgeKind::Suspends => "suspends",
            EdgeKind::CompetesWith => "competes_with",
            EdgeKind::Annexes => "annexes",
            EdgeKind::HedgesAgainst => "hedges_against",
            EdgeKind::RelatedTo => "related_to",
            EdgeKind::Declared(d) => d.name(),
        }
    }

    /// The kind read as words, for chains like `Canada —competes with→ Russia`.
    pub fn label(self) -> String {
        match self {
            EdgeKind::Declared(d) => d.label().to_owned(),
            builtin => builtin.as_str().replace('_', " "),
        }
    }

    /// Cooperative, conflictual or neutral.
    pub fn polarity(self) -> Polarity {
        self.rule().polarity
    }

    /// Whether `a kind b` implies `b kind a`.
    pub fn is_symmetric(self) -> bool {
        self.rule().symmetric
    }

    /// Whether an edge of this kind may run from a `from` node to a `to` node. An empty list
    /// of ends (a declared kind's) admits any kind; a declared node kind is admitted wherever
    /// `actor`, the kind of untyped nodes, is.
    pub fn allows(self, from: NodeKind, to: NodeKind) -> bool {
        let admits = |list: &[NodeKind], kind: NodeKind| {
            list.is_empty() || list.contains(&kind) || (kind.is_declared() && list.contains(&NodeKind::Actor))
        };
        let rule = self.rule();
        admits(rule.from, from) && admits(rule.to, to)
    }
}

/// An enum variant's name, read as an identifier (RON writes kinds as bare identifiers).
pub(crate) struct VariantName(pub(crate) String);

impl<'de> Deserialize<'de> for VariantName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdentifierVisitor;
        impl Visitor<'_> for IdentifierVisitor {
            type Value = VariantName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an identifier")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<VariantName, E> {
                Ok(VariantName(v.to_owned()))
            }
        }
        deserializer.deserialize_identifier(IdentifierVisitor)
    }
}

macro_rules! serde_impls {
    ($ty:ident, $intern:ident, $expecting:expr) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_unit_variant(stringify!($ty), 0, self.as_str())
            }
        }

        /// Built-in names read as themselves; any other snake_case name reads as a declared
        /// kind awaiting its declaration (the model it belongs to resolves it).
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;
                impl<'de> Visitor<'de> for NameVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        if let Ok(kind) = v.parse::<$ty>() {
                            return Ok(kind);
                        }
                        let name = normalise(v);
                        if is_valid_name(&name) {
                            Ok($ty::Declared($intern(&name, None)))
                        } else {
                            Err(E::invalid_value(de::Unexpected::Str(v), &self))
                        }
                    }
                    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<$ty, A::Error> {
                        let (VariantName(name), variant) = data.variant::<VariantName>()?;
                        variant.unit_variant()?;
                        self.visit_str(&name)
                    }
                }
                deserializer.deserialize_enum(stringify!($ty), &[], NameVisitor)
            }
        }
    };
}

serde_impls!(NodeKind, intern_node, "a node kind, such as `country`, or a declared one");
serde_impls!(EdgeKind, intern_edge, "an edge kind, such as `cooperates_with`, or a declared one");

/// A name that is not one of a vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{text}`")]
pub struct UnknownName {
    /// Which vocabulary: "node kind", "edge kind" or "polarity".
    pub vocabulary: &'static str,
    /// The text given.
    pub text: String,
}

pub(crate) fn normalise(text: &str) -> String {
    text.trim().to_lowercase().replace(['-', ' '], "_")
}

macro_rules! name_impls {
    ($ty:ty, $vocabulary:expr) => {
        impl FromStr for $ty {
            type Err = UnknownName;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let wanted = normalise(text);
                <$ty>::ALL
                    .iter()
                    .copied()
                    .find(|k| k.as_str() == wanted)
                    .ok_or_else(|| UnknownName { vocabulary: $vocabulary, text: text.to_owned() })
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

name_impls!(NodeKind, "node kind");
name_impls!(EdgeKind, "edge kind");
name_impls!(Polarity, "polarity");

/// The schema as a Markdown table, as `docs/format.md` shows it (a test keeps them equal).
pub fn schema_markdown() -> String {
    let names = |kinds: &[NodeKind]| {
        if kinds.len() == NodeKind::ALL.len() {
            "any".to_owned()
        } else {
            kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
        }
    };
    let mut out =
        String::from("| edge kind | polarity | symmetric | from | to | meaning |\n|---|---|---|---|---|---|\n");
    for rule in &SCHEMA {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            rule.kind.as_str(),
            rule.polarity.as_str(),
            if rule.symmetric { "yes" } else { "no" },
            names(rule.from),
            names(rule.to),
            rule.meaning
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_rows_are_in_declaration_order() {
        for (i, rule) in SCHEMA.iter().enumerate() {
            assert_eq!(EdgeKind::ALL[i], rule.kind, "{:?} is out of place", rule.kind);
            assert_eq!(rule.kind.rule().meaning, rule.meaning, "{:?} finds another row", rule.kind);
        }
    }

    #[test]
    fn names_round_trip_and_accept_dashes_and_spaces() {
        for kind in EdgeKind::ALL {
            assert_eq!(kind.as_str().parse::<EdgeKind>().unwrap(), kind);
        }
        for kind in NodeKind::ALL {
            assert_eq!(kind.as_str().parse::<NodeKind>().unwrap(), kind);
        }
        assert_eq!("member-of".parse::<EdgeKind>().unwrap(), EdgeKind::MemberOf);
        assert_eq!("Competes With".parse::<EdgeKind>().unwrap(), EdgeKind::CompetesWith);
        assert!("friend_of".parse::<EdgeKind>().is_err());
    }

    #[test]
    fn serde_names_equal_as_str() {
        for kind in EdgeKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        for kind in NodeKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }

    #[test]
    fn docs_show_the_current_schema() {
        let docs = include_str!("../../docs/format.md");
        assert!(docs.contains(&schema_markdown()), "docs/format.md is out of date: paste schema_markdown() into it");
    }

    #[test]
    fn schema_enforces_leads_from_a_person_to_a_body() {
        assert!(EdgeKind::Leads.allows(NodeKind::Leader, NodeKind::Country));
        assert!(!EdgeKind::Leads.allows(NodeKind::Country, NodeKind::Leader));
        assert!(EdgeKind::RelatedTo.allows(NodeKind::Territory, NodeKind::Event));
    }
}
