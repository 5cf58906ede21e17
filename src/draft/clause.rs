//! The clause-level fallback: two actors named in one clause, with no tie drafted between
//! them by a cue or by apposition, are drafted as tied with low confidence, for the reviewer
//! to keep or drop. The quote is the shortest span of the clause holding both names (and the
//! cue word, when one types the tie); the kind comes from the strongest cue in the clause:
//! a conflict cue (CAMEO 11–20: disapprove … mass violence, or a hostile relgraph kind)
//! gives its own conflictual kind, a cooperative cue gives `cooperates_with`, and a clause
//! with neither gives `related_to`.
//!
//! A clause runs between semicolons, colons, dashes, brackets and quotation marks, and ends
//! before a word that opens a clause of its own ("but", "while", "although" …). Names listed
//! with commas and "and", three or more, are not drafted as tied to each other, nor is any
//! pair of a clause naming more than [`MOST_ACTORS`] actors; two names coordinated act
//! together, so their tie is never conflictual.

#![allow(
    clippy::indexing_slicing,
    reason = "token and mention offsets are made from this text and lie within the sentence range; \
              `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use super::gazetteer::{cues, LONGEST_CUE};
use super::mention::{Mention, Role, Token};
use super::relation::{hostile, Proposed};

/// The most actors a clause may name for its pairs to be drafted.
const MOST_ACTORS: usize = 6;
/// The farthest apart two names may be, in words, for a clause tie.
const MOST_WORDS: usize = 18;
/// The confidence of a clause tie.
const CONFIDENCE: f64 = 0.2;

/// Bytes that end a clause.
fn ends_clause(c: char) -> bool {
    matches!(c, ';' | ':' | '—' | '(' | ')' | '[' | ']' | '"' | '“' | '”')
}

/// Words that open a clause of its own, with its own subject: "…, but Bashir refused".
const OPENERS: [&str; 7] = ["but", "while", "whereas", "although", "though", "because", "despite"];

/// The clauses of a sentence as byte ranges.
fn clauses(text: &str, range: (usize, usize), toks: &[Token]) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (k, c) in text[range.0..range.1].char_indices() {
        let at = range.0 + k;
        if ends_clause(c) || (c == '–' && text[..at].ends_with(' ')) {
            cuts.push((at, at + c.len_utf8()));
        }
    }
    for t in toks.iter().filter(|t| t.start > range.0 && t.end <= range.1) {
        if OPENERS.contains(&text[t.start..t.end].to_lowercase().as_str()) {
            cuts.push((t.start, t.start));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = range.0;
    for (cut, next) in cuts {
        out.push((start, cut));
        start = next;
    }
    out.push((start, range.1));
    out
}

/// A cue found in a clause: its byte range and the kind the fallback gives.
struct ClauseCue {
    start: usize,
    end: usize,
    kind: String,
    conflict: bool,
}

/// The strongest cue of a clause: the first conflict cue, else the first cooperative one.
/// Negated cues ("did not condemn") and words inside a name are skipped.
fn strongest_cue(text: &str, toks: &[Token], clause: (usize, usize), args: &[&Mention]) -> Option<ClauseCue> {
    let words: Vec<&Token> = toks.iter().filter(|t| t.start >= clause.0 && t.end <= clause.1).collect();
    let lower: Vec<String> = words.iter().map(|t| text[t.start..t.end].to_lowercase()).collect();
    let table = cues();
    let mut best: Option<ClauseCue> = None;
    let mut i = 0;
    while i < words.len() {
        let found = (1..=LONGEST_CUE)
            .rev()
            .filter(|n| i + n <= words.len())
            .find_map(|n| table.get(&lower[i..i + n].join(" ")).map(|c| (n, c)));
        let Some((n, cue)) = found else {
            i += 1;
            continue;
        };
        let (cs, ce) = (words[i].start, words[i + n - 1].end);
        let inside_name = args.iter().any(|m| m.start < ce && cs < m.end);
        let capitalised = i > 0 && text[cs..ce].starts_with(char::is_uppercase);
        let negated = (i.saturating_sub(3)..i).any(|k| matches!(lower[k].as_str(), "not" | "never" | "no" | "without"))
            || (i.saturating_sub(3)..i).any(|k| lower[k].ends_with("n't"));
        i += n;
        if inside_name || capitalised || negated || cue.kind == "-" {
            continue;
        }
        let conflict = hostile(&cue.kind);
        if conflict {
            return Some(ClauseCue { start: cs, end: ce, kind: cue.kind.clone(), conflict });
        }
        if best.is_none() {
            best = Some(ClauseCue { start: cs, end: ce, kind: "cooperates_with".into(), conflict });
        }
    }
    best
}

/// The clause ties of one sentence (`range`) given the ties already drafted in it.
pub fn ties(
    text: &str,
    range: (usize, usize),
    toks: &[Token],
    mentions: &[Mention],
    drafted: &[Proposed],
) -> Vec<Proposed> {
    let mut out: Vec<Proposed> = Vec::new();
    // A pair already joined is left alone, unless the clause states a conflict and no tie
    // between them is hostile ("talks … after weeks of heavy fighting").
    let joined = |out: &[Proposed], a: usize, b: usize, conflict: bool| {
        drafted
            .iter()
            .chain(out)
            .any(|t| ((t.from == a && t.to == b) || (t.from == b && t.to == a)) && (!conflict || hostile(&t.kind)))
    };
    for clause in clauses(text, range, toks) {
        let args: Vec<&Mention> =
            mentions.iter().filter(|m| m.role != Role::Modifier && m.start >= clause.0 && m.end <= clause.1).collect();
        let mut actors: Vec<usize> = args.iter().map(|m| m.actor).collect();
        actors.sort_unstable();
        actors.dedup();
        if actors.len() < 2 || actors.len() > MOST_ACTORS {
            continue;
        }
        let cue = strongest_cue(text, toks, clause, &args);
        // Lists: runs of names joined by commas and "and"; the members of a list of three or
        // more are not tied to each other, and two names coordinated act together, so a
        // conflict cue does not set them against each other ("Germany and France condemned").
        let mut run = vec![0usize; args.len()];
        for k in 1..args.len() {
            let gap = text[args[k - 1].end..args[k].start].trim();
            let gap = gap.strip_suffix(" the").unwrap_or(gap);
            run[k] =
                if matches!(gap, "," | "and" | ", and" | "or" | "the" | ", the" | "and the") { run[k - 1] } else { k };
        }
        let run_size = |r: usize| run.iter().filter(|&&x| x == r).count();
        for (k, a) in args.iter().enumerate() {
            for (l, b) in args.iter().enumerate().skip(k + 1) {
                let together = run[k] == run[l];
                if together && run_size(run[k]) >= 3 {
                    continue;
                }
                let conflict = cue.as_ref().is_some_and(|c| c.conflict) && !together;
                if a.actor == b.actor || joined(&out, a.actor, b.actor, conflict) {
                    continue;
                }
                let apart = toks.iter().filter(|t| t.start >= a.end && t.end <= b.start).count();
                if apart > MOST_WORDS {
                    continue;
                }
                let (kind, start, end) = match &cue {
                    Some(c) if together => ("related_to".to_owned(), a.start.min(c.start), b.end.max(c.end)),
                    Some(c) => (c.kind.clone(), a.start.min(c.start), b.end.max(c.end)),
                    None => ("related_to".to_owned(), a.start, b.end),
                };
                let confidence = if conflict { CONFIDENCE + 0.02 } else { CONFIDENCE };
                out.push(Proposed { from: a.actor, to: b.actor, kind, start, end, confidence });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::draft::{draft, DraftOptions};

    fn ties(text: &str) -> Vec<(String, String, String, String)> {
        let d = draft(text, &DraftOptions::new());
        d.ties.iter().map(|t| (t.from.clone(), t.kind.clone(), t.to.clone(), t.quote.clone())).collect()
    }

    #[test]
    fn two_actors_in_a_clause_with_no_cue_between_them_are_related() {
        // No verb joins them ("the visit" is no cue reaching both): a neutral clause tie.
        let got = ties("Peru's concerns were near Chile.");
        assert!(got.iter().any(|(a, k, b, _)| a == "peru" && k == "related_to" && b == "chile"), "{got:?}");
    }

    #[test]
    fn a_conflict_cue_anywhere_in_the_clause_makes_the_tie_conflictual() {
        // "clashes" is CAMEO 19 (fight): it stands after both names, joining neither by position.
        let got = ties("Peruvian border guards were wounded on Monday, Chile said.");
        let tie = got.iter().find(|(a, _, b, _)| a == "peru" && b == "chile").expect("a clause tie");
        // "wounded" is CAMEO 18 (assault).
        assert_eq!(
            (tie.1.as_str(), tie.3.as_str()),
            ("assaults", "Peruvian border guards were wounded on Monday, Chile")
        );
        // Two names coordinated act together: no conflict between them.
        let got = ties("Germany and France condemned the attack.");
        assert!(got.iter().all(|(_, k, _, _)| k == "related_to"), "{got:?}");
    }

    #[test]
    fn a_conflict_in_the_clause_is_drafted_beside_a_cooperative_tie() {
        // "met" joins every two of the three; "clashes" (CAMEO 19) in the same clause adds
        // the conflict the meeting was about, with low confidence.
        let got = ties("Peru met Chile and Bolivia during the clashes.");
        let pair = |a: &str, b: &str, k: &dyn Fn(&str) -> bool| {
            got.iter().any(|(x, kind, y, _)| ((x == a && y == b) || (x == b && y == a)) && k(kind))
        };
        assert!(pair("peru", "chile", &|k| k == "meets"), "{got:?}");
        assert!(pair("peru", "chile", &|k| k == "fights"), "{got:?}");
    }

    #[test]
    fn clauses_end_at_semicolons_and_lists_are_no_ties() {
        let got = ties("Peru's envoy spoke first; later Chile's delegation left.");
        assert!(!got.iter().any(|(a, _, b, _)| a == "peru" && b == "chile"), "{got:?}");
        // "but" opens a clause with its own subject.
        let got = ties("Peru's envoy spoke first, but Chile's delegation left.");
        assert!(!got.iter().any(|(a, _, b, _)| a == "peru" && b == "chile"), "{got:?}");
        let got = ties("Delegates came from Peru, Chile, Bolivia, Ecuador and Brazil in the spring.");
        assert_eq!(got, []);
    }

    #[test]
    fn a_negated_cue_types_nothing() {
        let got = ties("Peruvian officials did not condemn the delegation from Chile.");
        assert!(got.iter().all(|(_, k, _, _)| k == "related_to"), "{got:?}");
    }
}
