//! The CAMEO tables GDELT codes events and actors with (`profiles/cameo/`, from the GDELT
//! Project's lookup files), compiled in: country and region codes with their names, actor
//! role codes with their labels, event codes with their descriptions and Goldstein scores,
//! and relgraph's table from event codes to edge kinds (documented in `docs/import.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{EdgeKind, EdgeKindDecl, Polarity};

const COUNTRIES: &str = include_str!("../../profiles/cameo/CAMEO.country.txt");
const TYPES: &str = include_str!("../../profiles/cameo/CAMEO.type.txt");
const EVENTS: &str = include_str!("../../profiles/cameo/CAMEO.eventcodes.txt");
const GOLDSTEIN: &str = include_str!("../../profiles/cameo/CAMEO.goldsteinscale.txt");

/// The region codes at the head of the country list (`WSB` … `WST`): places that are not
/// states, read as `actor` nodes.
pub const REGIONS: [&str; 28] = [
    "WSB", "BAG", "GZS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

/// A `CODE<TAB>TEXT` table after its header line.
fn table(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines().skip(1).filter_map(|line| line.split_once('\t')).map(|(c, t)| (c.trim(), t.trim())).collect()
}

fn countries() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| table(COUNTRIES))
}

fn types() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| table(TYPES))
}

fn events() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| table(EVENTS))
}

fn goldstein_table() -> &'static HashMap<&'static str, f64> {
    static TABLE: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    TABLE.get_or_init(|| table(GOLDSTEIN).into_iter().filter_map(|(c, s)| Some((c, s.parse().ok()?))).collect())
}

/// The name of a CAMEO country or region code (`JPN` → `Japan`).
pub fn country_name(code: &str) -> Option<&'static str> {
    countries().get(code).copied()
}

/// Whether a code is a region rather than a state.
pub fn is_region(code: &str) -> bool {
    REGIONS.contains(&code)
}

/// The label of a CAMEO actor role code (`GOV` → `Government`).
pub fn type_label(code: &str) -> Option<&'static str> {
    types().get(code).copied()
}

/// The description of a CAMEO event code.
pub fn event_description(code: &str) -> Option<&'static str> {
    events().get(code).copied()
}

/// The Goldstein score of a CAMEO event code.
pub fn goldstein(code: &str) -> Option<f64> {
    goldstein_table().get(code).copied()
}

/// Where an event code leads: a built-in kind, or a kind the import declares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A built-in edge kind.
    Builtin(EdgeKind),
    /// A kind declared on import: name, polarity, one line of meaning.
    Declared(&'static str, Polarity, &'static str),
}

/// relgraph's event table: CAMEO code prefixes and their kinds; the longest prefix that
/// matches an event code decides (`docs/import.md` shows it).
pub const EVENT_KINDS: [(&str, Target); 26] = {
    use Polarity::{Cooperative as P, Neutral as N};
    use Target::{Builtin as B, Declared as D};
    [
        ("01", D("makes_statement", N, "makes a public statement about")),
        ("02", B(EdgeKind::AppealsTo)),
        ("03", D("intends_to_cooperate", P, "expresses intent to cooperate with")),
        ("04", B(EdgeKind::Meets)),
        ("042", B(EdgeKind::Visits)),
        ("046", B(EdgeKind::Negotiates)),
        ("05", B(EdgeKind::CooperatesWith)),
        ("051", B(EdgeKind::Supports)),
        ("054", B(EdgeKind::Recognizes)),
        ("06", B(EdgeKind::CooperatesWith)),
        ("07", B(EdgeKind::Aids)),
        ("08", B(EdgeKind::YieldsTo)),
        ("09", B(EdgeKind::Investigates)),
        ("10", B(EdgeKind::Demands)),
        ("11", B(EdgeKind::Condemns)),
        ("112", B(EdgeKind::Accuses)),
        ("12", B(EdgeKind::Rejects)),
        ("13", B(EdgeKind::Threatens)),
        ("14", B(EdgeKind::Protests)),
        ("15", B(EdgeKind::ShowsForce)),
        ("16", B(EdgeKind::ReducesRelations)),
        ("163", B(EdgeKind::Sanctions)),
        ("17", B(EdgeKind::Coerces)),
        ("18", B(EdgeKind::Assaults)),
        ("19", B(EdgeKind::Fights)),
        ("20", B(EdgeKind::UsesMassViolence)),
    ]
};

/// The table row for an event code: the longest prefix in [`EVENT_KINDS`].
pub fn event_target(code: &str) -> Option<(&'static str, Target)> {
    EVENT_KINDS.iter().filter(|(prefix, _)| code.starts_with(prefix)).max_by_key(|(prefix, _)| prefix.len()).copied()
}

/// The declaration of a declared event kind: its polarity, the CAMEO root code and that
/// code's Goldstein score, half of whose strength is carried from the acting to the target
/// actor (see `docs/import.md`).
pub fn declaration(prefix: &str, name: &str, polarity: Polarity, meaning: &str) -> EdgeKindDecl {
    let mut decl = EdgeKindDecl::new(name);
    decl.polarity = polarity;
    decl.cameo = Some(prefix.to_owned());
    decl.goldstein = goldstein(prefix).unwrap_or(0.0);
    decl.forward = 0.5;
    decl.meaning = Some(format!("{meaning} (CAMEO {prefix}: {})", event_description(prefix).unwrap_or("")));
    decl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_every_root_code_has_a_kind() {
        assert_eq!(country_name("JPN"), Some("Japan"));
        assert_eq!(country_name("USA"), Some("United States"));
        assert_eq!(type_label("GOV"), Some("Government"));
        assert_eq!(goldstein("163"), Some(-8.0));
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert!(event_target(&code).is_some(), "no kind for CAMEO {code}");
            assert!(goldstein(&code).is_some(), "no Goldstein score for CAMEO {code}");
        }
        assert_eq!(event_target("0423").map(|t| t.1), Some(Target::Builtin(EdgeKind::Visits)));
        assert_eq!(event_target("1631").map(|t| t.1), Some(Target::Builtin(EdgeKind::Sanctions)));
        assert_eq!(event_target("160").map(|t| t.0), Some("16"));
        assert!(event_target("21").is_none());
        assert_eq!(REGIONS.iter().filter(|r| country_name(r).is_some()).count(), REGIONS.len());
    }
}
