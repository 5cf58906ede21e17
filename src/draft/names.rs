//! Names no table knows, found from how English writes names: a person whose first word is
//! a given name of the PETRARCH2 people table ("Patrick Zaki", "Marie Harf"), an acronym
//! ("AMISOM"), a hyphenated name of capitalised parts ("Nagorno-Karabakh"), a name with the
//! Arabic article ("Al-Shabab"). Runs of capitalised words are cut at office words ("Deputy
//! Gedo Governor …"), months, days and function words; a headline (a line in title case)
//! gives no names, and a run that overlaps a name already found gives none either.
//!
//! Each name found becomes an actor like those of the tables, so the later passes (short
//! forms, references, cues) treat it the same way.

#![allow(
    clippy::indexing_slicing,
    reason = "token indices come from the loops over the token slice and byte offsets from tokens of \
              this text; `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use std::collections::{HashMap, HashSet};

use super::gazetteer::{given_names, office_words};
use super::text::{Mention, Token};
use super::words::{is_month_or_day, CONTEXT_HEADS, NOT_NAMES, ORG_HEADS};
use crate::model::NodeKind;

/// A name no table knows: byte range and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unknown {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Person, organisation, territory or (when the text does not say) actor.
    pub kind: NodeKind,
}

/// Upper-case words that are no bodies: units, times, numerals, common abbreviations.
const NOT_ACRONYMS: [&str; 16] =
    ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "CEO", "GMT", "UTC", "USD", "EUR", "GDP", "AFP"];
/// Lower-case words after a name that make it a place.
/// Verbs of saying: two capitalised words no table knows right before one ("Dmitry Peskov
/// indicated") are a person's name.
const SPEECH: [&str; 12] = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "indicated",
    "stressed",
    "noted",
    "announced",
    "insisted",
    "warned",
    "explained",
];
const PLACE_WORDS: [&str; 9] =
    ["region", "province", "enclave", "territory", "district", "valley", "border", "temple", "state"];

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (3..=8).contains(&letters)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !NOT_ACRONYMS.contains(&w)
}

/// "Nagorno-Karabakh", "Al-Shabab": every part capitalised (the article may be lower case).
fn hyphenated(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() >= 2
        && parts.iter().all(|p| p.chars().count() >= 2)
        && parts.iter().enumerate().all(|(k, p)| capitalised(p) || (k == 0 && *p == "al"))
        && parts.iter().skip(1).any(|p| p.chars().count() >= 3)
}

/// Whether the line holding `at` is a headline: three words of five letters or more, all
/// capitalised ("Al-Shabab Attacks African Union Base in Somalia").
pub(super) fn headline(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    let words: Vec<&str> = text[start..end].split_whitespace().filter(|w| w.chars().count() >= 5).collect();
    words.len() >= 3 && words.iter().all(|w| capitalised(w))
}

/// Names in `text` that no mention covers.
pub fn find(text: &str, toks: &[Token], mentions: &[Mention], sentence_starts: &HashSet<usize>) -> Vec<Unknown> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let given = given_names();
    let offices = office_words();
    let covered = |k: usize| mentions.iter().any(|m| m.start < toks[k].end && toks[k].start < m.end);
    let bare = |w: &str| w.trim_end_matches("'s").trim_end_matches("’s").to_owned();
    // A word that can be part of a name.
    let name_word = |k: usize| {
        let w = bare(word(k));
        capitalised(&w)
            && !NOT_NAMES.contains(&w.as_str())
            && !is_month_or_day(&w)
            && !w.split('-').any(|part| offices.contains(&part.to_lowercase()))
            && !covered(k)
            && w.chars().any(char::is_alphabetic)
    };
    // Places no table knows: a single capitalised word the text uses at least twice on its
    // own, once right after "in", "inside" or "near" and before no other capitalised word
    // ("a routine meeting in Kashmir", not "in Muslim Mindanao"), and that is no surname of a
    // person already found.
    let alone = |k: usize| {
        let spaced = |a: usize, b: usize| text[toks[a].end..toks[b].start] == *" ";
        name_word(k)
            && (k == 0 || !spaced(k - 1, k) || !name_word(k - 1))
            && (k + 1 >= toks.len() || !spaced(k, k + 1) || !name_word(k + 1))
            && !headline(text, toks[k].start)
    };
    let mut places: HashMap<String, (usize, bool)> = HashMap::new();
    for k in (0..toks.len()).filter(|&k| alone(k)) {
        let entry = places.entry(bare(word(k))).or_default();
        entry.0 += 1;
        let named_next = toks
            .get(k + 1)
            .is_some_and(|t| text[toks[k].end..t.start] == *" " && text[t.start..].starts_with(char::is_uppercase));
        entry.1 |= k > 0 && matches!(word(k - 1), "in" | "inside" | "near") && !named_next;
    }
    let surname = |w: &str| mentions.iter().any(|m| text[m.start..m.end].ends_with(&format!(" {w}")));
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !name_word(k) {
            k += 1;
            continue;
        }
        // The run: name words joined by single spaces, with a name's particles inside.
        let s = k;
        let mut e = k + 1;
        while e < toks.len() && !word(e - 1).ends_with("'s") && !word(e - 1).ends_with("’s") {
            if &text[toks[e - 1].end..toks[e].start] != " " {
                break;
            }
            let particle = matches!(word(e), "al" | "bin" | "ibn" | "de" | "van" | "von" | "der" | "la" | "el")
                && e + 1 < toks.len()
                && name_word(e + 1);
            if name_word(e) || particle {
                e += 1;
            } else {
                break;
            }
        }
        k = e;
        if headline(text, toks[s].start) {
            continue;
        }
        let (start, end) = (toks[s].start, toks[e - 1].start + bare(word(e - 1)).len());
        let first = bare(word(s));
        let after = toks.get(e).map(|t| text[t.start..t.end].to_lowercase());
        let place = after.as_deref().is_some_and(|a| PLACE_WORDS.contains(&a));
        let at_start = sentence_starts.contains(&s);
        // "Dmitry Peskov indicated …": two name words, not after "the" or another name, that
        // speak, and are not a body's or a context's name.
        let speaks = e - s == 2
            && after.as_deref().is_some_and(|a| SPEECH.contains(&a))
            && (s == 0 || !matches!(word(s - 1), "the" | "The") && !capitalised(word(s - 1)))
            && (s..e).all(|j| {
                let w = bare(word(j));
                !ORG_HEADS.contains(&w.as_str()) && !CONTEXT_HEADS.iter().any(|(h, _)| *h == w) && !w.ends_with('s')
            });
        let kind = if e - s >= 2 && (given.contains(first.as_str()) || speaks) {
            Some(NodeKind::Person)
        } else if acronym(&first) && (e - s == 1 || !at_start) {
            // "the OSCE Ministerial Meeting", "NATO Secretary General": an acronym that
            // opens a run of capitalised words names a body of its own.
            out.push(Unknown { start, end: start + first.len(), kind: NodeKind::Organization });
            None
        } else if e - s == 1 && hyphenated(&first) {
            let article = first.starts_with("Al-") || first.starts_with("al-");
            Some(if article && !place { NodeKind::Organization } else { NodeKind::Territory })
        } else if (e - s >= 2 && place && !at_start)
            || (e - s == 1
                && first.chars().count() >= 4
                && places.get(&first).is_some_and(|&(n, located)| n >= 2 && located)
                && !surname(&first))
        {
            Some(NodeKind::Territory)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(Unknown { start, end, kind });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::mention::find as actors;

    fn found(text: &str) -> Vec<(String, NodeKind)> {
        let f = actors(text, None);
        f.actors.iter().map(|a| (a.name.clone(), a.kind)).collect()
    }

    #[test]
    fn a_word_used_twice_as_a_name_once_after_in_is_a_place() {
        let got = found("Troops met in Kashmir on Monday. Kashmir is claimed by both sides.");
        assert!(got.contains(&("Kashmir".into(), NodeKind::Territory)), "{got:?}");
        // Once only, or never after "in", or a known person's surname: no place.
        assert!(found("Troops met in Kashmir on Monday.").is_empty());
        assert!(found("Kashmir spoke. Kashmir is calm.").is_empty());
        let got = found("President Vladimir Putin arrived. Officials in Putin's office said Putin is calm.");
        assert!(!got.iter().any(|(_, k)| *k == NodeKind::Territory), "{got:?}");
    }

    #[test]
    fn an_acronym_opening_a_run_of_capitalised_words_is_a_body() {
        let got = found("Kerry met the ministers on the margins of the OSCE Ministerial Meeting.");
        assert!(got.contains(&("OSCE".into(), NodeKind::Organization)), "{got:?}");
    }

    #[test]
    fn unknown_people_acronyms_and_hyphenated_names() {
        let got = found("Officials said Zorbel Qorbani met AMISOM envoys near Nor-Velkaria on Monday.");
        assert!(!got.iter().any(|(n, _)| n == "Zorbel Qorbani"), "Zorbel is no given name the table knows: {got:?}");
        let got = found("Officials said Patrick Qorbani met AMISOM envoys near Nor-Velkaria on Monday.");
        assert!(got.contains(&("Patrick Qorbani".to_owned(), NodeKind::Person)), "{got:?}");
        assert!(got.contains(&("AMISOM".to_owned(), NodeKind::Organization)), "{got:?}");
        assert!(got.contains(&("Nor-Velkaria".to_owned(), NodeKind::Territory)), "{got:?}");
        // Surnames after the full name are the same person.
        let f = actors("Patrick Qorbani spoke. Later Qorbani left.", None);
        let p = f.actors.iter().position(|a| a.name == "Patrick Qorbani").expect("found");
        assert_eq!(f.mentions.iter().filter(|m| m.actor == p).count(), 2);
    }

    #[test]
    fn two_unknown_name_words_that_speak_are_a_person() {
        let got = found("Talks ended. Dmitry Peskovich indicated no deal was reached.");
        assert!(got.contains(&("Dmitry Peskovich".to_owned(), NodeKind::Person)), "{got:?}");
        // Not after "the", not a body's name, not a plural.
        let got = found("Ministers from the Western Balkans say so. Central Bank said no.");
        assert!(!got.iter().any(|(_, k)| *k == NodeKind::Person), "{got:?}");
    }

    #[test]
    fn headlines_months_and_offices_make_no_names() {
        let got = found("Peace Still Elusive After Long Talks\n\nIn March Deputy Governor Velkar spoke.");
        assert!(
            !got.iter().any(|(n, _)| n.contains("Peace") || n.contains("March") || n.contains("Deputy")),
            "{got:?}"
        );
    }
}
