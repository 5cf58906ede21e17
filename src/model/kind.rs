//! The vocabulary's types: node kinds, edge kinds and polarity, the schema row type, and
//! the kinds a model declares. A declared kind is interned once per process: [`intern_node`]
//! and [`intern_edge`] leak one [`NodeEntry`]/[`EdgeEntry`] per distinct (name, declaration)
//! pair, so that [`NodeKind`] and [`EdgeKind`] stay `Copy` and `as_str()` still returns
//! `&'static str`. A kind's identity is its **name**: two interned entries with the same name
//! compare equal, while each entry carries the properties its own model declared.
//!
//! These types refer to each other (an edge kind may be a declared kind, whose entry holds
//! its schema row, which names the edge kind), so they live in one file; the built-in schema
//! table is [`super::schema`], the per-model [`super::vocabulary`] builds on both.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};

use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use super::name::UnknownName;
use super::name::{is_valid_name, normalise, VariantName};

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
    /// An actor appeals to another: asks for help, support, talks or a change of course (CAMEO 02).
    AppealsTo,
    /// An actor provides aid: economic, military, humanitarian or protection (CAMEO 07).
    Aids,
    /// An actor yields to another: concedes, eases, releases, retreats (CAMEO 08).
    YieldsTo,
    /// An actor investigates another (CAMEO 09).
    Investigates,
    /// An actor makes demands of another (CAMEO 10).
    Demands,
    /// An actor accuses another of a crime, abuse, aggression or espionage (CAMEO 112).
    Accuses,
    /// An actor rejects another's proposal, demand or agreement (CAMEO 12).
    Rejects,
    /// An actor threatens another (CAMEO 13).
    Threatens,
    /// An actor protests against another or its act (CAMEO 14).
    Protests,
    /// An actor exhibits military or police force towards another (CAMEO 15).
    ShowsForce,
    /// An actor reduces or breaks relations with another (CAMEO 16).
    ReducesRelations,
    /// An actor coerces another: seizes, arrests, expels, blockades (CAMEO 17).
    Coerces,
    /// An actor assaults another (CAMEO 18).
    Assaults,
    /// Two actors fight with military force (CAMEO 19).
    Fights,
    /// An actor uses unconventional mass violence against another (CAMEO 20).
    UsesMassViolence,
    /// An actor recognizes a state, government, territory's status or agreement (CAMEO 054).
    Recognizes,
    /// An actor acquires (buys) a territory, company or project: not an event code.
    Acquires,
    /// An event, dispute or agreement causes another: not an event code, no influence.
    Causes,
    /// A generic tie between any two nodes, e.g. from an edge list.
    RelatedTo,
    /// A kind the model declares (see [`super::vocabulary`]).
    Declared(DeclaredEdge),
}

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

impl EdgeKind {
    /// Every edge kind, in schema order (a test checks it against [`super::schema::SCHEMA`]).
    pub const ALL: [EdgeKind; 49] = [
        EdgeKind::Leads,
        EdgeKind::MemberOf,
        EdgeKind::Represents,
        EdgeKind::WorksFor,
        EdgeKind::Advises,
        EdgeKind::PartyTo,
        EdgeKind::Signs,
        EdgeKind::Proposes,
        EdgeKind::Cites,
        EdgeKind::Claims,
        EdgeKind::Administers,
        EdgeKind::PartOf,
        EdgeKind::Concerns,
        EdgeKind::InvolvedIn,
        EdgeKind::Disputes,
        EdgeKind::Meets,
        EdgeKind::Visits,
        EdgeKind::Attends,
        EdgeKind::CooperatesWith,
        EdgeKind::Negotiates,
        EdgeKind::InvestsIn,
        EdgeKind::Supports,
        EdgeKind::AlliedWith,
        EdgeKind::Sanctions,
        EdgeKind::Condemns,
        EdgeKind::Opposes,
        EdgeKind::Suspends,
        EdgeKind::CompetesWith,
        EdgeKind::Annexes,
        EdgeKind::HedgesAgainst,
        EdgeKind::AppealsTo,
        EdgeKind::Aids,
        EdgeKind::YieldsTo,
        EdgeKind::Investigates,
        EdgeKind::Demands,
        EdgeKind::Accuses,
        EdgeKind::Rejects,
        EdgeKind::Threatens,
        EdgeKind::Protests,
        EdgeKind::ShowsForce,
        EdgeKind::ReducesRelations,
        EdgeKind::Coerces,
        EdgeKind::Assaults,
        EdgeKind::Fights,
        EdgeKind::UsesMassViolence,
        EdgeKind::Recognizes,
        EdgeKind::Acquires,
        EdgeKind::Causes,
        EdgeKind::RelatedTo,
    ];

    /// Whether the kind is declared by a model rather than built in.
    pub fn is_declared(self) -> bool {
        matches!(self, EdgeKind::Declared(_))
    }

    /// The declaration of a declared kind.
    pub fn declaration(self) -> Option<&'static EdgeKindDecl> {
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
            EdgeKind::AppealsTo => "appeals_to",
            EdgeKind::Aids => "aids",
            EdgeKind::YieldsTo => "yields_to",
            EdgeKind::Investigates => "investigates",
            EdgeKind::Demands => "demands",
            EdgeKind::Accuses => "accuses",
            EdgeKind::Rejects => "rejects",
            EdgeKind::Threatens => "threatens",
            EdgeKind::Protests => "protests",
            EdgeKind::ShowsForce => "shows_force",
            EdgeKind::ReducesRelations => "reduces_relations",
            EdgeKind::Coerces => "coerces",
            EdgeKind::Assaults => "assaults",
            EdgeKind::Fights => "fights",
            EdgeKind::UsesMassViolence => "uses_mass_violence",
            EdgeKind::Recognizes => "recognizes",
            EdgeKind::Acquires => "acquires",
            EdgeKind::Causes => "causes",
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

/// A node kind a model declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "NodeKind", deny_unknown_fields)]
pub struct NodeKindDecl {
    /// The snake_case name used in the file (`ministry`, `armed_group`).
    pub name: String,
    /// How legends and reports name it; the name with spaces when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether nodes of this kind act (like countries and people) rather than being acted on.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub actor: bool,
    /// One line of documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

impl NodeKindDecl {
    /// An acting node kind with just a name.
    pub fn new(name: impl Into<String>) -> Self {
        NodeKindDecl { name: name.into(), label: None, actor: true, meaning: None }
    }
}

/// An edge kind a model declares: what [`EdgeRule`] and an influence [`Rule`](super::influence::Rule) say about a
/// built-in kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "EdgeKind", deny_unknown_fields)]
pub struct EdgeKindDecl {
    /// The snake_case name used in the file (`military_alliance`, `exports`).
    pub name: String,
    /// How legends and chains read it; the name with spaces when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Cooperative, conflictual or neutral (neutral when absent).
    #[serde(default = "neutral")]
    pub polarity: Polarity,
    /// Whether `a kind b` implies `b kind a`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub symmetric: bool,
    /// Node kinds allowed at the tail; any when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<NodeKind>,
    /// Node kinds allowed at the head; any when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<NodeKind>,
    /// The CAMEO event code the kind stands for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Goldstein score −10 … 10 of the influence the tie carries (0: no channel).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub goldstein: f64,
    /// Share of the strength carried from `from` to `to`, 0 … 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub forward: f64,
    /// Share of the strength carried from `to` back to `from`, 0 … 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub backward: f64,
    /// One line of documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}
impl EdgeKindDecl {
    /// A neutral, directed kind between any nodes, carrying no influence.
    pub fn new(name: impl Into<String>) -> Self {
        EdgeKindDecl {
            name: name.into(),
            label: None,
            polarity: Polarity::Neutral,
            symmetric: false,
            from: Vec::new(),
            to: Vec::new(),
            cameo: None,
            goldstein: 0.0,
            forward: 0.0,
            backward: 0.0,
            meaning: None,
        }
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}
fn neutral() -> Polarity {
    Polarity::Neutral
}

/// The interned form of a declared node kind (see the [module docs](self)).
#[derive(Debug)]
pub struct NodeEntry {
    name: &'static str,
    label: String,
    decl: Option<NodeKindDecl>,
}

/// The interned form of a declared edge kind (see the [module docs](self)).
#[derive(Debug)]
pub struct EdgeEntry {
    name: &'static str,
    label: String,
    rule: EdgeRule,
    decl: Option<EdgeKindDecl>,
}

/// A declared node kind: a handle on its interned entry. Equal, hashed and ordered by name.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredNode(&'static NodeEntry);

/// A declared edge kind: a handle on its interned entry. Equal, hashed and ordered by name.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredEdge(&'static EdgeEntry);

macro_rules! by_name {
    ($ty:ty) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.0.name == other.0.name
            }
        }
        impl Eq for $ty {}
        impl Hash for $ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.0.name.hash(state);
            }
        }
        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.name.cmp(other.0.name)
            }
        }
        impl $ty {
            /// The declared name.
            pub fn name(self) -> &'static str {
                self.0.name
            }
            /// The label legends use.
            pub fn label(self) -> &'static str {
                &self.0.label
            }
            /// Whether this handle carries a declaration (else it is a name awaiting one).
            pub fn is_declared(self) -> bool {
                self.0.decl.is_some()
            }
        }
    };
}
by_name!(DeclaredNode);
by_name!(DeclaredEdge);

impl DeclaredNode {
    /// The declaration, `None` for a placeholder.
    pub fn declaration(self) -> Option<&'static NodeKindDecl> {
        self.0.decl.as_ref()
    }
}

impl DeclaredEdge {
    /// The declaration, `None` for a placeholder.
    pub fn declaration(self) -> Option<&'static EdgeKindDecl> {
        self.0.decl.as_ref()
    }

    /// The schema row: polarity, symmetry, allowed ends (empty lists: any).
    pub fn rule(self) -> &'static EdgeRule {
        &self.0.rule
    }
}

static NODES: Mutex<Vec<&'static NodeEntry>> = Mutex::new(Vec::new());
static EDGES: Mutex<Vec<&'static EdgeEntry>> = Mutex::new(Vec::new());

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

/// Interns a node kind: the entry for this name and declaration (`None`: a placeholder),
/// leaked on first use.
pub fn intern_node(name: &str, decl: Option<NodeKindDecl>) -> DeclaredNode {
    let mut table = NODES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(entry) = table.iter().find(|e| e.name == name && e.decl == decl) {
        return DeclaredNode(entry);
    }
    let name = table.iter().find(|e| e.name == name).map_or_else(|| leak_str(name), |e| e.name);
    let label = decl.as_ref().and_then(|d| d.label.clone()).unwrap_or_else(|| words(name));
    let entry: &'static NodeEntry = Box::leak(Box::new(NodeEntry { name, label, decl }));
    table.push(entry);
    DeclaredNode(entry)
}

/// Interns an edge kind: the entry for this name and declaration (`None`: a placeholder,
/// neutral, directed, between any nodes), leaked on first use. The declaration's end kinds
/// should already be resolved (see [`Vocabulary::declare_edge`](super::vocabulary::Vocabulary::declare_edge)).
pub fn intern_edge(name: &str, decl: Option<EdgeKindDecl>) -> DeclaredEdge {
    let mut table = EDGES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(entry) = table.iter().find(|e| e.name == name && e.decl == decl) {
        return DeclaredEdge(entry);
    }
    let name = table.iter().find(|e| e.name == name).map_or_else(|| leak_str(name), |e| e.name);
    let label = decl.as_ref().and_then(|d| d.label.clone()).unwrap_or_else(|| words(name));
    let ends = |list: Option<&Vec<NodeKind>>| -> &'static [NodeKind] {
        Box::leak(list.cloned().unwrap_or_default().into_boxed_slice())
    };
    // The rule names its own kind, which needs the entry's address: build the entry with a
    // stand-in kind, then point the kind at a copy that carries the final rule.
    let rule = EdgeRule {
        kind: EdgeKind::RelatedTo,
        polarity: decl.as_ref().map_or(Polarity::Neutral, |d| d.polarity),
        symmetric: decl.as_ref().is_some_and(|d| d.symmetric),
        from: ends(decl.as_ref().map(|d| &d.from)),
        to: ends(decl.as_ref().map(|d| &d.to)),
        meaning: leak_str(decl.as_ref().and_then(|d| d.meaning.as_deref()).unwrap_or("a declared kind")),
    };
    let stand_in: &'static EdgeEntry = Box::leak(Box::new(EdgeEntry { name, label: label.clone(), rule, decl: None }));
    let entry: &'static EdgeEntry = Box::leak(Box::new(EdgeEntry {
        name,
        label,
        rule: EdgeRule { kind: EdgeKind::Declared(DeclaredEdge(stand_in)), ..rule },
        decl,
    }));
    table.push(entry);
    DeclaredEdge(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{schema_markdown, SCHEMA};

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
