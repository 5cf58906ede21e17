//! The schema of the built-in edge kinds: one row per kind saying its polarity, whether it
//! is symmetric and which node kinds it may connect, the questions an edge kind answers from
//! its row, and the row table as `docs/format.md` prints it.

use super::kind::{EdgeKind, EdgeRule, NodeKind, Polarity};

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

/// Actors and the places force is used on.
const ACTORS_AND_PLACES: &[NodeKind] = &[
    NodeKind::Country,
    NodeKind::Leader,
    NodeKind::Person,
    NodeKind::Organization,
    NodeKind::Actor,
    NodeKind::Territory,
];
/// What can be recognised: actors, territories, agreements and disputes.
const RECOGNISABLE: &[NodeKind] = &[
    NodeKind::Country,
    NodeKind::Leader,
    NodeKind::Person,
    NodeKind::Organization,
    NodeKind::Actor,
    NodeKind::Territory,
    NodeKind::Agreement,
    NodeKind::Dispute,
];
/// Contexts: what happens or holds between actors (and untyped nodes).
const CONTEXTS: &[NodeKind] =
    &[NodeKind::Event, NodeKind::Dispute, NodeKind::Agreement, NodeKind::Project, NodeKind::Actor];

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
pub const SCHEMA: [EdgeRule; 49] = [
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
    rule!(
        AppealsTo,
        Cooperative,
        false,
        ACTORS,
        ACTORS,
        "appeals to another for help, support, talks or a change of course"
    ),
    rule!(
        Aids,
        Cooperative,
        false,
        ACTORS,
        &[
            NodeKind::Country,
            NodeKind::Leader,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Actor,
            NodeKind::Territory,
            NodeKind::Project
        ],
        "provides economic, military or humanitarian aid"
    ),
    rule!(YieldsTo, Cooperative, false, ACTORS, ACTORS, "yields to another: concedes, eases, releases, retreats"),
    rule!(Investigates, Conflictual, false, ACTORS, ACTORS_AND_THINGS, "investigates another actor or an event"),
    rule!(Demands, Conflictual, false, ACTORS, ACTORS, "makes demands of"),
    rule!(Accuses, Conflictual, false, ACTORS, ACTORS, "accuses of a crime, abuse, aggression or espionage"),
    rule!(Rejects, Conflictual, false, ACTORS, ACTORS_AND_THINGS, "rejects a proposal, demand, agreement or actor"),
    rule!(Threatens, Conflictual, false, ACTORS, ACTORS, "threatens"),
    rule!(Protests, Conflictual, false, ACTORS, ACTORS_AND_THINGS, "protests against an actor or its act"),
    rule!(ShowsForce, Conflictual, false, ACTORS, ACTORS_AND_PLACES, "exhibits military or police force towards"),
    rule!(ReducesRelations, Conflictual, false, ACTORS, ACTORS, "reduces or breaks relations with"),
    rule!(Coerces, Conflictual, false, ACTORS, ACTORS, "coerces: seizes, arrests, expels, blockades"),
    rule!(Assaults, Conflictual, false, ACTORS, ACTORS_AND_PLACES, "assaults, attacks"),
    rule!(Fights, Conflictual, true, ACTORS, ACTORS, "fights with military force"),
    rule!(UsesMassViolence, Conflictual, false, ACTORS, ACTORS_AND_PLACES, "uses unconventional mass violence against"),
    rule!(
        Recognizes,
        Cooperative,
        false,
        ACTORS,
        RECOGNISABLE,
        "recognizes a state, government, a territory's status or an agreement"
    ),
    rule!(
        Acquires,
        Neutral,
        false,
        ACTORS,
        &[NodeKind::Territory, NodeKind::Organization, NodeKind::Project, NodeKind::Actor],
        "acquires (buys) a territory, company or project"
    ),
    rule!(Causes, Neutral, false, CONTEXTS, CONTEXTS, "an event, dispute or agreement brings about another"),
    rule!(RelatedTo, Neutral, true, ANY, ANY, "a generic, untyped tie"),
];

impl EdgeKind {
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
