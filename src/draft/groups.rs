//! Armed groups the text names by a description rather than a name: "Islamist militants",
//! "Russia-backed rebels", "Al-Qaida-linked Islamic extremists", "the militants". News text
//! often never names the group it reports on; an analyst models it all the same.
//!
//! A description is a plural group word (`militants`, `rebels`, `insurgents` …) with the
//! capitalised or hyphenated words before it ("Islamist", "Russia-backed"). When a named body
//! stands right before a group word ("Al-Shabab militants", "MILF rebels"), the article's
//! descriptions are that body; otherwise they are one unnamed group, named after its first
//! description with a modifier. A name inside a hyphenated modifier is the group's backer
//! ("Russia-backed": `supports`) or ally ("Al-Qaida-linked": `allied_with`).

#![allow(
    clippy::indexing_slicing,
    reason = "token and mention indices are made from this text by the loops that use them; \
              `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use super::text::{Mention, Role, Token};

/// Plural nouns that describe an armed group.
const GROUP_WORDS: [&str; 13] = [
    "militants",
    "rebels",
    "insurgents",
    "fighters",
    "extremists",
    "jihadists",
    "separatists",
    "guerrillas",
    "guerillas",
    "islamists",
    "gunmen",
    "insurgent",
    "militias",
];

/// Words that open a sentence before a group word without naming the group.
const QUANTIFIERS: [&str; 22] = [
    "the",
    "a",
    "an",
    "some",
    "many",
    "most",
    "several",
    "few",
    "other",
    "these",
    "those",
    "all",
    "both",
    "two",
    "three",
    "four",
    "five",
    "dozens",
    "hundreds",
    "thousands",
    "suspected",
    "no",
];

/// How a name inside a hyphenated modifier relates to the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// "Russia-backed", "Iranian-funded": the name supports the group.
    Backs,
    /// "Al-Qaida-linked", "Islamic State-affiliated": the group is allied with the name.
    Linked,
    /// "pro-Gbagbo forces", "forces loyal to Ouattara": the group supports the name.
    Favours,
    /// "the Saudi-led coalition": the name leads the group.
    Led,
}

/// One description of the group: its byte range, the named body it refers to (when the
/// article gives one), and a name inside its modifiers with how it relates.
#[derive(Debug, Clone, Copy)]
pub struct Described {
    /// Start byte (the first modifier, or the group word).
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Whether it has modifiers ("Islamist militants") or is the bare word ("the militants").
    pub modified: bool,
    /// The actor of the named body the description refers to.
    pub named: Option<usize>,
    /// A mention (index into the mentions) inside the modifiers, or after "loyal to", and
    /// how it relates.
    pub inner: Option<(usize, Tie)>,
    /// Whether it names a group of its own, told apart by its inner name ("pro-Gbagbo
    /// forces" and "forces loyal to Ouattara" are two sides), not the article's one group.
    pub own: bool,
    /// Where its name ends: after the inner name of "forces loyal to Ouattara".
    pub name_end: usize,
}

/// Words for forces that describe a group only with a name that ties them to someone
/// ("pro-Gbagbo forces", "the Saudi-led coalition", "troops loyal to Ouattara"); on their
/// own they are a country's ("Georgian forces").
const TIED_WORDS: [&str; 7] = ["forces", "troops", "coalition", "supporters", "loyalists", "militia", "militias"];

fn hyphen_tie(word: &str) -> Option<Tie> {
    let lower = word.to_lowercase();
    if lower.starts_with("pro-") {
        return Some(Tie::Favours);
    }
    let tail = lower.rsplit('-').next().unwrap_or("");
    if !lower.contains('-') {
        return None;
    }
    match tail {
        "backed" | "funded" | "supported" | "sponsored" | "armed" => Some(Tie::Backs),
        "linked" | "affiliated" | "allied" | "aligned" | "inspired" => Some(Tie::Linked),
        "led" => Some(Tie::Led),
        _ => None,
    }
}

/// The descriptions of armed groups in `text`, in order. `named_body` says whether an actor
/// is a named non-state body (an organisation) that a group word right after it describes.
pub fn find(
    text: &str,
    toks: &[Token],
    mentions: &[Mention],
    sentence_starts: &std::collections::HashSet<usize>,
    named_body: impl Fn(usize) -> bool,
) -> Vec<Described> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let mut out = Vec::new();
    let mut named = None;
    for (t, tok) in toks.iter().enumerate() {
        let lower = word(t).to_lowercase();
        let tied_word = TIED_WORDS.contains(&lower.as_str());
        if !(GROUP_WORDS.contains(&lower.as_str()) || tied_word)
            || mentions.iter().any(|m| m.start < tok.end && tok.start < m.end)
        {
            continue;
        }
        // "forces loyal to Ouattara", "supporters of Gbagbo": the group and whom it backs.
        let loyal_to = toks.get(t + 2).filter(|_| {
            let next = toks.get(t + 1).map(|n| &text[n.start..n.end]);
            matches!(next, Some("loyal")) && word(t + 2) == "to" || matches!(next, Some("of")) && lower == "supporters"
        });
        let loyal_end = loyal_to.map(|_| if word(t + 1) == "loyal" { toks[t + 2].end } else { toks[t + 1].end });
        if let Some(at) = loyal_end {
            let target = mentions.iter().position(|m| m.start == at + 1 && m.role != Role::Modifier);
            if let Some(k) = target {
                out.push(Described {
                    start: tok.start,
                    end: at,
                    modified: true,
                    named: None,
                    inner: Some((k, Tie::Favours)),
                    own: true,
                    name_end: mentions[k].end,
                });
                continue;
            }
        }
        // "Al-Shabab militants", "MILF rebels": the named body before the word.
        let before = mentions.iter().rfind(|m| m.end <= tok.start);
        if let Some(m) = before.filter(|m| text[m.end..tok.start] == *" " && named_body(m.actor)) {
            named = Some(m.actor);
            continue;
        }
        // Modifiers: capitalised words that are not the first of a sentence, and hyphenated
        // "-backed" / "-linked" words, at most three.
        let mut s = t;
        let mut inner = None;
        while s > 0 && t - s < 3 && text[toks[s - 1].end..toks[s].start] == *" " {
            let w = word(s - 1);
            let tie = hyphen_tie(w);
            // A capital at a sentence start is a modifier too ("Houthi rebels said …"), unless
            // it is a determiner or a number ("The rebels", "Some militants").
            let capital = w.starts_with(char::is_uppercase)
                && (!sentence_starts.contains(&(s - 1)) || !QUANTIFIERS.contains(&w.to_lowercase().as_str()));
            let lower_modifier = matches!(w, "armed" | "separatist" | "Islamist" | "Islamic");
            if tie.is_none() && !capital && !lower_modifier {
                break;
            }
            let inside = mentions.iter().position(|m| m.start >= toks[s - 1].start && m.end <= toks[s - 1].end);
            match (inside, tie) {
                (Some(k), Some(tie)) => inner = Some((k, tie)),
                // A country or body named as a plain modifier ("Syrian rebels") is not the group.
                (Some(_), None) => break,
                _ => {}
            }
            s -= 1;
        }
        if tied_word && inner.is_none() {
            continue;
        }
        // A capitalised group word at a sentence start ("Islamists who …") is a description too.
        out.push(Described {
            start: toks[s].start,
            end: tok.end,
            modified: s < t,
            named: None,
            inner,
            own: tied_word,
            name_end: tok.end,
        });
    }
    for d in out.iter_mut().filter(|d| !d.own) {
        d.named = named;
    }
    out
}

/// Takes the names inside the descriptions' modifiers out of the mentions (the group acts,
/// not its backer: "an assault by Russia-backed rebels") and returns each with how it
/// relates to the group and the description's byte range.
pub fn drop_inner(mentions: &mut Vec<Mention>, described: &[Described]) -> Vec<(usize, Tie, usize, usize)> {
    let mut ties = Vec::new();
    let mut gone = Vec::new();
    for d in described {
        if let Some((k, tie)) = d.inner {
            if let Some(m) = mentions.get_mut(k) {
                ties.push((m.actor, tie, d.start, d.name_end));
                // A name after "loyal to" stays a mention, but only names the group's side.
                if m.start >= d.end {
                    m.role = Role::Modifier;
                } else {
                    gone.push(k);
                }
            }
        }
    }
    let mut k = 0;
    mentions.retain(|m| {
        k += 1;
        !gone.contains(&(k - 1)) || m.role == Role::Modifier
    });
    ties
}

#[cfg(test)]
mod tests {
    use crate::draft::{draft, DraftOptions};

    type Nodes = Vec<(String, Vec<String>)>;
    type Ties = Vec<(String, String, String)>;

    fn nodes_and_ties(text: &str) -> (Nodes, Ties) {
        let d = draft(text, &DraftOptions::new());
        let nodes = d.model.nodes().map(|n| (n.name.clone(), n.aliases.clone())).collect();
        let ties = d.model.edges().map(|e| (e.from.clone(), e.kind.as_str().to_owned(), e.to.clone())).collect();
        (nodes, ties)
    }

    #[test]
    fn descriptions_of_an_unnamed_group_are_one_actor_named_after_the_first() {
        let (nodes, _) = nodes_and_ties(
            "Islamist militants seized the town. Peru says Islamist fighters moved south. The militants left.",
        );
        let group: Vec<_> = nodes.iter().filter(|(n, _)| n == "Islamist militants").collect();
        assert_eq!(group.len(), 1, "{nodes:?}");
        for form in ["Islamist fighters", "militants"] {
            assert!(group[0].1.iter().any(|a| a == form), "{form}: {nodes:?}");
        }
    }

    #[test]
    fn a_capital_opening_the_sentence_names_the_group_unless_it_is_a_determiner() {
        let (nodes, _) = nodes_and_ties("Houthi rebels agreed to a truce. Some rebels left.");
        assert!(nodes.iter().any(|(n, _)| n == "Houthi rebels"), "{nodes:?}");
        assert!(!nodes.iter().any(|(n, _)| n == "Some rebels"), "{nodes:?}");
    }

    #[test]
    fn a_name_in_a_hyphenated_modifier_backs_or_is_linked_to_the_group() {
        let (_, ties) = nodes_and_ties("Ukraine fought Russia-backed rebels.");
        assert!(ties.iter().any(|(a, k, b)| (a.as_str(), k.as_str(), b.as_str()) == ("russia", "supports", "russia_backed_rebels")), "{ties:?}");
        // The group is the object, not its backer.
        assert!(!ties.iter().any(|(a, k, b)| a == "ukraine" && b == "russia" && k != "supports"), "{ties:?}");
    }

    #[test]
    fn forces_tied_to_a_name_are_a_group_of_their_own() {
        let (nodes, ties) = nodes_and_ties(
            "Pro-Russian forces shelled the city. Forces loyal to Ukraine attacked pro-Russian forces. Peruvian forces left.",
        );
        let has =
            |a: &str, k: &str, b: &str| ties.iter().any(|t| (t.0.as_str(), t.1.as_str(), t.2.as_str()) == (a, k, b));
        assert!(has("pro_russian_forces", "supports", "russia"), "{ties:?}");
        assert!(nodes.iter().any(|(n, _)| n == "Forces loyal to Ukraine"), "{nodes:?}");
        assert!(has("forces_loyal_to_ukraine", "supports", "ukraine"), "{ties:?}");
        // The two sides are two groups.
        assert!(ties.iter().any(|t| t.0 == "forces_loyal_to_ukraine" && t.2 == "pro_russian_forces"), "{ties:?}");
        // A country's forces are the country: no group.
        assert!(!nodes.iter().any(|(n, _)| n.contains("Peruvian")), "{nodes:?}");
        let (_, ties) = nodes_and_ties("The Saudi-led coalition bombed Yemen.");
        // `leads` joins a person to a body; a country's lead is fitted to a kind that joins it.
        assert!(
            ties.iter().any(|t| (t.0.as_str(), t.2.as_str()) == ("saudi_arabia", "saudi_led_coalition")),
            "{ties:?}"
        );
        assert!(ties.iter().any(|t| t.0 == "saudi_led_coalition" && t.2 == "yemen"), "{ties:?}");
    }

    #[test]
    fn a_group_word_after_a_named_body_is_that_body() {
        let (nodes, _) = nodes_and_ties("Al-Shabab militants attacked Kenya. The militants left.");
        assert!(!nodes.iter().any(|(n, _)| n.contains("militants")), "{nodes:?}");
        // A country adjective is no part of a description: "Syrian rebels" name no group here.
        let (nodes, _) = nodes_and_ties("Syrian rebels attacked the town.");
        assert!(nodes.iter().any(|(n, _)| n == "rebels"), "{nodes:?}");
    }
}
