//! The word lists the mention finder reads names by: the heads of bodies and contexts, the
//! nouns a force word modifies, name particles, and capitalised words that are no names.

use crate::model::NodeKind;

/// Words that end (or begin) the name of a body: "… Council", "Institute of …".
pub(super) const ORG_HEADS: [&str; 44] = [
    "Council",
    "Union",
    "Party",
    "Commission",
    "Ministry",
    "Organization",
    "Organisation",
    "Agency",
    "Force",
    "Forces",
    "Navy",
    "Army",
    "Bank",
    "Fund",
    "Court",
    "Forum",
    "Group",
    "Institute",
    "University",
    "Company",
    "Corporation",
    "Airlines",
    "Association",
    "Alliance",
    "Committee",
    "Parliament",
    "Congress",
    "Assembly",
    "Department",
    "Office",
    "Coalition",
    "Front",
    "Movement",
    "Tribe",
    "Mission",
    "Co",
    // Frequent last words of the armed groups and federations of the PETRARCH2
    // organisation dictionary (`assets/draft/organisations.tsv`).
    "Brigade",
    "Brigades",
    "Fighters",
    "Militia",
    "Battalion",
    "League",
    "Federation",
    "Faction",
];
/// Capitalised words that end the name of a context, with the kind of context they make.
pub(super) const CONTEXT_HEADS: [(&str, NodeKind); 22] = [
    ("Treaty", NodeKind::Agreement),
    ("Agreement", NodeKind::Agreement),
    ("Declaration", NodeKind::Agreement),
    ("Accord", NodeKind::Agreement),
    ("Accords", NodeKind::Agreement),
    ("Protocol", NodeKind::Agreement),
    ("Convention", NodeKind::Agreement),
    ("Pact", NodeKind::Agreement),
    ("Statement", NodeKind::Agreement),
    ("Summit", NodeKind::Event),
    ("Olympics", NodeKind::Event),
    ("Games", NodeKind::Event),
    ("Conference", NodeKind::Event),
    ("War", NodeKind::Event),
    ("Crisis", NodeKind::Event),
    ("Islands", NodeKind::Territory),
    ("Island", NodeKind::Territory),
    ("Peninsula", NodeKind::Territory),
    ("Sea", NodeKind::Territory),
    ("Strait", NodeKind::Territory),
    ("Region", NodeKind::Territory),
    ("Crimea", NodeKind::Territory),
];
/// Lower-case words after a name that make it a context or a body ("the Kuril dispute").
pub(super) const LOWER_CONTEXT_HEADS: [(&str, NodeKind); 15] = [
    ("tribe", NodeKind::Organization),
    ("navy", NodeKind::Organization),
    ("army", NodeKind::Organization),
    ("military", NodeKind::Organization),
    ("parliament", NodeKind::Organization),
    ("dispute", NodeKind::Dispute),
    ("deal", NodeKind::Agreement),
    ("agreement", NodeKind::Agreement),
    ("treaty", NodeKind::Agreement),
    ("summit", NodeKind::Event),
    ("crisis", NodeKind::Event),
    ("talks", NodeKind::Event),
    ("region", NodeKind::Territory),
    ("enclave", NodeKind::Territory),
    ("temple", NodeKind::Territory),
];
/// Nouns that a force word ("military", "army", "navy") modifies rather than names.
pub(super) const FORCE_MODIFIES: [&str; 18] = [
    "base",
    "bases",
    "camp",
    "camps",
    "vehicle",
    "vehicles",
    "post",
    "posts",
    "officer",
    "officers",
    "official",
    "officials",
    "commander",
    "commanders",
    "unit",
    "units",
    "operation",
    "operations",
];
/// Lower-case particles inside personal names ("Osama bin Laden").
pub(super) const NAME_JOINERS: [&str; 8] = ["al", "bin", "ibn", "de", "van", "von", "der", "la"];
/// Capitalised words that begin sentences or clauses and name nothing: articles,
/// pronouns, conjunctions, prepositions and titles of address. The one list both the
/// mention finder and the finder of unknown names read.
pub(super) const NOT_NAMES: [&str; 44] = [
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "As", "For", "This", "That", "It", "He", "She",
    "They", "We", "His", "Her", "Their", "Our", "Its", "I", "Mr", "Mrs", "Ms", "Dr", "These", "Those", "There", "Here",
    "When", "While", "After", "Before", "Since", "With", "From", "By", "To", "Of", "Some",
];
/// The months and days of the week, which are capitalised and name no actor.
const CALENDAR: [&str; 19] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` is a month or a day of the week.
pub(super) fn is_month_or_day(word: &str) -> bool {
    CALENDAR.contains(&word)
}
