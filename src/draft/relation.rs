//! Ties between the actors of a sentence, from cue words: a verb ("condemned", "met with")
//! joins the nearest actor before it to the nearest after it (and those coordinated with
//! them by "and" or commas); a noun ("talks", "dispute", "partnership") joins the actors
//! it names with "between A and B", a hyphen ("U.S.-China relations"), or around it. The
//! quote is the span from the first of the three to the last — the shortest part of the
//! text that states the tie — so it is always an exact substring.

#![allow(
    clippy::indexing_slicing,
    reason = "token, mention and actor indices are made from this text by the loops that use them, and \
              byte offsets come from tokens and automaton matches, so they are in bounds and on \
              character boundaries; `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use super::gazetteer::{cues, Cue, LONGEST_CUE};
use super::mention::{Mention, Role, Token};

/// A tie the text states: ends (indices into the actors), cue, quote byte range.
#[derive(Debug, Clone)]
pub struct Proposed {
    /// The acting end.
    pub from: usize,
    /// The other end.
    pub to: usize,
    /// A relgraph edge kind name or a CAMEO event code.
    pub kind: String,
    /// Quote start byte.
    pub start: usize,
    /// Quote end byte.
    pub end: usize,
    /// 0 … 1.
    pub confidence: f64,
}

const NEGATIONS: [&str; 5] = ["not", "never", "n't", "no", "without"];
/// The farthest an argument may be from its cue, in words.
const REACH: usize = 14;

fn words_between(toks: &[Token], a: usize, b: usize) -> usize {
    toks.iter().filter(|t| t.start >= a && t.end <= b).count()
}

/// The proposed ties of one sentence (`range`), given its words and the mentions in it.
pub fn ties(text: &str, range: (usize, usize), toks: &[Token], mentions: &[Mention]) -> Vec<Proposed> {
    let args: Vec<&Mention> =
        mentions.iter().filter(|m| m.role != Role::Modifier && m.start >= range.0 && m.end <= range.1).collect();
    let mut out = Vec::new();
    if args.len() < 2 {
        return out;
    }
    let sentence_toks: Vec<Token> = toks.iter().copied().filter(|t| t.start >= range.0 && t.end <= range.1).collect();
    let lower: Vec<String> = sentence_toks.iter().map(|t| text[t.start..t.end].to_lowercase()).collect();
    let table = cues();
    let mut conflict_cue: Option<(usize, usize, String)> = None;
    let mut i = 0;
    while i < sentence_toks.len() {
        let mut hit: Option<(usize, &Cue)> = None;
        for n in (1..=LONGEST_CUE).rev() {
            if i + n > sentence_toks.len() {
                continue;
            }
            let phrase = lower[i..i + n].join(" ");
            if let Some(cue) = table.get(&phrase) {
                hit = Some((n, cue));
                break;
            }
        }
        let Some((n, cue)) = hit else {
            i += 1;
            continue;
        };
        let (cs, ce) = (sentence_toks[i].start, sentence_toks[i + n - 1].end);
        // A dictionary verb written with a capital inside a sentence is part of a title or a
        // name ("Acting Permanent Secretary", "Defense Cooperation Agreement"), not an act.
        let capitalised = i > 0 && text[cs..ce].starts_with(char::is_uppercase);
        if capitalised && cue.confidence < 0.5 {
            i += n;
            continue;
        }
        if args.iter().any(|m| m.start < ce && cs < m.end) {
            i += n;
            continue;
        }
        // "fought over control of the region": a dictionary verb after a determiner or a
        // preposition is a noun, and states no act of the actors around it.
        let noun_use =
            i > 0 && matches!(lower[i - 1].as_str(), "the" | "a" | "an" | "over" | "of" | "under" | "its" | "their");
        if noun_use && cue.confidence < 0.5 && !cue.noun {
            i += n;
            continue;
        }
        // "failed to reach a breakthrough peace deal": a failure negates what follows it in
        // its clause, a few words further than "not" does.
        let negated = (i.saturating_sub(3)..i)
            .any(|k| NEGATIONS.contains(&lower[k].as_str()) || lower[k].ends_with("n't"))
            || (i.saturating_sub(6)..i).any(|k| matches!(lower[k].as_str(), "failed" | "fail" | "fails"));
        if negated {
            i += n;
            continue;
        }
        // Nouns and the CAMEO table's verbs (which include many nouns) reach less far, and
        // not across a comma.
        let dictionary = cue.confidence < 0.5;
        let (reach_before, reach_after) = if cue.noun {
            (8, 5)
        } else if dictionary {
            (5, 7)
        } else {
            (REACH, REACH)
        };
        let strict = cue.noun || dictionary;
        let before: Vec<&&Mention> = args
            .iter()
            .filter(|m| {
                m.end <= cs
                    && words_between(toks, m.end, cs) <= reach_before
                    && subject_reaches(&text[m.end..cs], strict)
            })
            .collect();
        // "Wang Yi, who is attending the ASEAN meeting in Manila, Philippines, met with …":
        // the subject of a verb after a relative clause is the actor before "who".
        let before = match args.iter().find(|m| m.end <= cs && relative_clause_between(&text[m.end..cs])) {
            Some(m) if !cue.noun => vec![m],
            _ => before,
        };
        // "A MILF splinter group, the Bangsamoro Islamic Freedom Fighters, has promised to
        // keep fighting …": an apposition closed by a comma is the subject after it.
        let before = if before.is_empty() && !cue.noun {
            args.iter().filter(|m| m.end <= cs && apposition_before(text, m, cs)).collect()
        } else {
            before
        };
        let after: Vec<&&Mention> = args
            .iter()
            .filter(|m| {
                m.start >= ce
                    && words_between(toks, ce, m.start) <= reach_after
                    && !(strict && text[ce..m.start].contains([',', ';', ':', '“', '"']))
                    && !speaker_between(&text[ce..m.start])
                    && (!topic_before(&text[ce..m.start]) || hostile(&cue.kind))
                    // "… met in emergency session while the Obama administration …": a
                    // clause of its own, with its own subject.
                    && !text[ce..m.start].split_whitespace().any(|w| matches!(w, "while" | "whereas" | "although"))
            })
            .collect();
        // "welcomed the releases of Egyptian human rights defenders Patrick Zaki": an
        // adjective that describes the person named after it is no object of its own.
        // The person stands in for the adjective, with the names coordinated with it.
        let mut after: Vec<&&Mention> = after;
        if let Some(k) = after.iter().position(|m| m.role == Role::Adjective) {
            let next = args.iter().position(|n| n.start >= after[k].end);
            if let Some(n) = next.filter(|&n| describes_next(text, after[k], Some(args[n]))) {
                after.truncate(k);
                after.extend(args[n..].iter().take(3));
            }
        }
        let mut pairs: Vec<(&Mention, &Mention, f64)> = Vec::new();
        // "Welcoming ministers from Kazakhstan, the Kyrgyz Republic and Uzbekistan, the
        // Secretary regretted …": a sentence that opens with a participle names its subject
        // after the participle's objects, as the last of the list, before its own verb.
        if i == 0 && before.is_empty() && !cue.noun && lower[0].ends_with("ing") {
            let rest: Vec<&&Mention> = args.iter().filter(|m| m.start >= ce).collect();
            if rest.first().is_some_and(|m| words_between(toks, ce, m.start) <= reach_after) {
                let list = coordinated(text, &rest, false);
                if let [objects @ .., subject] = list.as_slice() {
                    let verb_next = text[subject.end..]
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()) && !r.starts_with("and "));
                    if verb_next {
                        pairs.extend(objects.iter().map(|o| (*subject, *o, 0.8)));
                    }
                }
            }
        }
        // "between A and B", "tensions build between A and B", "A-B relations"
        let between = (i + n..(i + n + 2).min(lower.len())).any(|k| lower[k] == "between");
        let listed = if between { between_list(text, &args, ce) } else { Vec::new() };
        if (cue.noun || reciprocal(&cue.kind)) && listed.len() >= 3 {
            // "talks between A, B and C": every two of them.
            for (k, a) in listed.iter().enumerate() {
                for b in &listed[k + 1..] {
                    pairs.push((a, b, 0.9));
                }
            }
        } else if cue.noun && between && after.len() >= 2 {
            pairs.push((after[0], after[1], 1.0));
        } else if let (Some(s), Some(o)) = (before.last(), after.first()) {
            // The subject's list reaches back across its own commas ("Saudi Arabia, Bahrain,
            // the United Arab Emirates and Egypt have imposed …"), which `before` stops at.
            let listed: Vec<&&Mention> = args.iter().filter(|m| m.end <= s.end).collect();
            let subjects = coordinated(text, &listed, true);
            let objects = coordinated(text, &after, false);
            // Actors that act together are drafted as cooperating; a long list ("the leaders
            // of Russia, the United States, Britain …") is no set of bilateral ties.
            let together = if subjects.len() <= 4 { subjects.as_slice() } else { &[][..] };
            for (k, a) in together.iter().enumerate() {
                for b in &together[k + 1..] {
                    let (start, end) = (a.start.min(b.start), a.end.max(b.end));
                    if a.actor != b.actor && a.role == Role::Name && b.role == Role::Name {
                        out.push(Proposed {
                            from: b.actor,
                            to: a.actor,
                            kind: "cooperates_with".into(),
                            start,
                            end,
                            confidence: 0.4,
                        });
                    }
                }
            }
            let distance = words_between(toks, s.end, cs) + words_between(toks, ce, o.start);
            let factor = 1.0 / (1.0 + distance as f64 / 12.0);
            for s in &subjects {
                for o in &objects {
                    pairs.push((s, o, factor));
                }
            }
        } else if let (Some(_), None, true) = (before.last(), after.first(), reciprocal(&cue.kind)) {
            // "Peru and Chile are to meet", "the two nations would work together":
            // subjects with no object act on each other.
            let subjects = coordinated(text, &before, true);
            if let [b, a, ..] = subjects.as_slice() {
                if a.role != Role::Adjective || b.role != Role::Adjective {
                    pairs.push((a, b, 0.8));
                }
            }
        }
        // "Putin, Merkel, Hollande and Poroshenko will engage in four-way talks": a list
        // that is the noun's subject joins every two of its members.
        if cue.noun && reciprocal(&cue.kind) && after.is_empty() {
            if let Some(last) = before.last() {
                let all: Vec<&&Mention> = args.iter().filter(|m| m.end <= last.end).collect();
                let list = coordinated(text, &all, true);
                if (3..=4).contains(&list.len()) && list.iter().all(|m| m.role == Role::Name) {
                    pairs.clear();
                    for (k, a) in list.iter().enumerate() {
                        for b in &list[k + 1..] {
                            pairs.push((b, a, 0.7));
                        }
                    }
                }
            }
        }
        if pairs.is_empty() && cue.noun && before.len() >= 2 {
            // "the U.S.-China relations", "Japan and Russia's dispute"
            let (a, b) = (before[before.len() - 2], before[before.len() - 1]);
            let gap = text[a.end..b.start].trim();
            let titled_gap = gap
                .strip_prefix("and ")
                .or_else(|| gap.strip_prefix(", "))
                .is_some_and(|rest| rest.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)));
            if gap.is_empty() || gap == "-" || gap == "–" || gap == "and" || gap == "," || titled_gap {
                pairs.push((a, b, 0.9));
            }
        }
        if cue.kind == "-" {
            pairs.clear();
            // "Kishida and Russian Foreign Minister Sergei Lavrov both noted": speakers
            // named together, with no object, are drafted as cooperating.
            if after.is_empty() && !cue.noun {
                let subjects = coordinated(text, &before, true);
                if let [b, a] = subjects.as_slice() {
                    if a.role == Role::Name && b.role == Role::Name && a.actor != b.actor {
                        out.push(Proposed {
                            from: a.actor,
                            to: b.actor,
                            kind: "cooperates_with".into(),
                            start: a.start,
                            end: b.end.max(ce),
                            confidence: 0.4,
                        });
                    }
                }
            }
        }
        // "dispatched Yoshiro Mori to Russia": the envoy visits the place after "to".
        if cue.kind == "visits" {
            if let Some(envoy) = after.first() {
                let place = after.iter().skip(1).find(|m| {
                    let gap = text[envoy.end..m.start].trim_start_matches([',', ' ']);
                    gap.trim() == "to" || gap.starts_with("to ")
                });
                if let Some(place) = place {
                    pairs.retain(|(_, o, _)| o.actor != envoy.actor);
                    pairs.push((envoy, place, 1.0));
                }
            }
        }
        // "three activists were arrested for entering Cambodia", "X was attacked by Y": in
        // the passive the subject is acted on.
        let passive = i > 0
            && matches!(lower[i - 1].as_str(), "was" | "were" | "been" | "being" | "is" | "are")
            && (lower[i].ends_with("ed") || lower[i].ends_with("en"));
        for (s, o, factor) in pairs {
            if s.actor == o.actor {
                continue;
            }
            let (s, o) = if passive { (o, s) } else { (s, o) };
            let start = s.start.min(cs).min(o.start);
            let end = s.end.max(ce).max(o.end);
            let adjective = s.role == Role::Adjective || o.role == Role::Adjective;
            let confidence = cue.confidence * factor * if adjective { 0.7 } else { 1.0 };
            out.push(Proposed { from: s.actor, to: o.actor, kind: cue.kind.clone(), start, end, confidence });
        }
        if conflictual(&cue.kind) && !cue.noun {
            conflict_cue.get_or_insert((cs, ce, cue.kind.clone()));
        }
        i += n;
    }
    leaders_of(text, &sentence_toks, &lower, &args, &mut out);
    fallback(text, &args, &mut out);
    // A sentence that states a fight, an attack or an arrest and names exactly two parties
    // ("Cambodian officials say more Thai troops have crossed the border"): the two are in
    // conflict, with less confidence, when no cue joined them.
    if let Some((cs, ce, kind)) = conflict_cue {
        // The cue's clause: from the last comma, semicolon or colon before it to the next.
        let from = text[range.0..cs].rfind([',', ';', ':']).map_or(range.0, |k| range.0 + k);
        let to = text[ce..range.1].find([',', ';', ':']).map_or(range.1, |k| ce + k);
        let mut parties: Vec<&Mention> = Vec::new();
        for m in args.iter().filter(|m| m.start >= from && m.end <= to) {
            if !parties.iter().any(|p| p.actor == m.actor) {
                parties.push(m);
            }
        }
        if let [a, b] = parties.as_slice() {
            // A cooperative cue that reached the two from afar ("Ukraine insists … agreed …
            // territory gained by rebels in recent weeks of heavy fighting") does not hide
            // the fight.
            let joined = out.iter().any(|t| {
                ((t.from == a.actor && t.to == b.actor) || (t.from == b.actor && t.to == a.actor)) && hostile(&t.kind)
            });
            if !joined && a.role != Role::Modifier && b.role != Role::Modifier {
                let start = a.start.min(cs);
                let end = b.end.max(ce);
                out.push(Proposed { from: a.actor, to: b.actor, kind, start, end, confidence: 0.3 });
            }
        }
    }
    out
}

/// Words that make the word after them a verb: auxiliaries, modals and the infinitive's "to".
const AUXILIARIES: [&str; 22] = [
    "will", "would", "has", "have", "had", "is", "are", "was", "were", "can", "could", "may", "might", "must",
    "should", "shall", "did", "does", "do", "also", "then", "to",
];
/// Verbs that report speech: the actor after them is what is said, not acted on.
const REPORTING: [&str; 12] =
    ["said", "says", "told", "tells", "added", "adds", "noted", "notes", "stated", "states", "asked", "asks"];

/// The low-confidence fallback: "A VERB B" in one clause, with a verb the cue tables do not
/// know ("Pakistan shelled Indian posts", "Aquino hailed MILF"), joins A and B as
/// `related_to` with confidence 0.25, for the reviewer to type, when no cue joined them. A is
/// a name; the verb is the first word after it, a lower-case word ending in "-ed" or "-s" or
/// one after an auxiliary ("will give", "has promised to keep"), or a copula and an article
/// ("is an ethnic Armenian enclave"); B is the next name in the
/// clause, at most six lower-case words on, none a reporting verb, "and" or "or".
fn fallback(text: &str, args: &[&Mention], out: &mut Vec<Proposed>) {
    for (k, s) in args.iter().enumerate() {
        let Some(o) = args.get(k + 1) else { break };
        if s.role != Role::Name || o.role == Role::Modifier || s.actor == o.actor {
            continue;
        }
        if o.role == Role::Adjective && describes_next(text, o, args.get(k + 2).copied()) {
            continue;
        }
        let joined =
            out.iter().any(|t| (t.from == s.actor && t.to == o.actor) || (t.from == o.actor && t.to == s.actor));
        // "Wang Yi, who is attending the ASEAN meeting": a relative clause's subject.
        let gap = &text[s.end..o.start];
        let gap = gap.strip_prefix(", who ").or_else(|| gap.strip_prefix(", which ")).unwrap_or(gap);
        let words: Vec<&str> = gap.split_whitespace().collect();
        if joined || words.is_empty() || words.len() > 6 {
            continue;
        }
        let plain = words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
        let breaks =
            words.iter().any(|w| matches!(*w, "and" | "or" | "who" | "which" | "that" | "of") || REPORTING.contains(w));
        if !plain || breaks {
            continue;
        }
        let first = words[0];
        // "Nagorno-Karabakh is an ethnic Armenian enclave": a copula and an article.
        let copular = matches!(first, "is" | "was" | "are" | "were")
            && words.get(1).is_some_and(|w| matches!(*w, "a" | "an" | "the"));
        let verb_at = if AUXILIARIES.contains(&first) { 1 } else { 0 };
        let verb = words.get(verb_at).copied().unwrap_or("");
        let verb_like = verb.len() > 3 && (verb.ends_with("ed") || verb.ends_with('s') || verb_at == 1);
        if !copular && (!verb_like || AUXILIARIES.contains(&verb)) {
            continue;
        }
        out.push(Proposed {
            from: s.actor,
            to: o.actor,
            kind: "related_to".into(),
            start: s.start,
            end: o.end,
            confidence: 0.25,
        });
    }
}

/// "The leaders of France, Germany, and Russia": the people of a list of countries or bodies
/// act together, so every two of them are drafted as cooperating (confidence 0.5).
fn leaders_of(text: &str, toks: &[Token], lower: &[String], args: &[&Mention], out: &mut Vec<Proposed>) {
    for k in 0..lower.len().saturating_sub(1) {
        if !matches!(lower[k].as_str(), "leaders" | "presidents" | "ministers" | "premiers" | "heads")
            || lower[k + 1] != "of"
        {
            continue;
        }
        let list = list_from(text, args, toks[k + 1].end + 1);
        if list.len() < 2 || list.len() > 5 || text[toks[k + 1].end..list[0].start].split_whitespace().count() > 1 {
            continue;
        }
        for (x, a) in list.iter().enumerate() {
            for b in &list[x + 1..] {
                out.push(Proposed {
                    from: a.actor,
                    to: b.actor,
                    kind: "cooperates_with".into(),
                    start: toks[k].start,
                    end: b.end,
                    confidence: 0.5,
                });
            }
        }
    }
}

/// The actors listed after "between" (which follows the cue ending at `ce`): names joined
/// by commas, "and" or "the", or by titles whose adjective is a role phrase's modifier
/// ("between French President Francois Hollande, German Chancellor Angela Merkel, and …"),
/// at most five.
fn between_list<'a>(text: &str, args: &[&'a Mention], ce: usize) -> Vec<&'a Mention> {
    let Some(at) = text[ce..].find("between ").map(|k| ce + k + "between ".len()) else { return Vec::new() };
    if text[ce..at].split_whitespace().count() > 2 {
        return Vec::new();
    }
    list_from(text, args, at)
}

/// The actors listed from byte `at` on (see [`between_list`]).
fn list_from<'a>(text: &str, args: &[&'a Mention], at: usize) -> Vec<&'a Mention> {
    let mut out: Vec<&Mention> = Vec::new();
    for m in args.iter().filter(|m| m.start >= at) {
        let prev_end = out.last().map_or(at, |p| p.end);
        let gap = text[prev_end..m.start].trim();
        // "between the Yemeni government and the rebels": an adjective's noun is part of it.
        let gap = match out.last() {
            Some(p) if p.role == Role::Adjective => {
                let nouns = gap.split_whitespace().take_while(|w| w.chars().all(char::is_lowercase) && *w != "and");
                let skip: usize = nouns.take(2).map(|w| w.len() + 1).sum();
                gap.get(skip.min(gap.len())..).unwrap_or("").trim_start()
            }
            _ => gap,
        };
        let gap = gap.strip_prefix(',').map_or(gap, str::trim_start);
        let gap = gap.strip_prefix("and").map_or(gap, str::trim_start);
        let gap = gap.strip_prefix("the").map_or(gap, str::trim_start);
        let titled =
            gap.split_whitespace().count() <= 4 && gap.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        if !(gap.is_empty() || titled) || m.role == Role::Modifier || out.len() == 5 {
            break;
        }
        if !out.iter().any(|p| p.actor == m.actor) {
            out.push(m);
        }
    }
    out
}

/// Whether `gap` (from an actor to a verb) is a relative clause closed by a comma: ", who
/// … ," with no other verb of saying and at most sixteen words.
fn relative_clause_between(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(", who ").or_else(|| gap.strip_prefix(", which ")) else { return false };
    rest.trim_end().ends_with(',') && rest.split_whitespace().count() <= 16 && !rest.contains([';', '"', '“', '('])
}

/// Whether the mention `m` is an apposition set off by commas right before the verb at
/// `cs`: ", the NAME, has promised to …" (at most five lower-case words from the comma to
/// the verb, none punctuation).
fn apposition_before(text: &str, m: &Mention, cs: usize) -> bool {
    let opened = text[..m.start].trim_end().strip_suffix("the").unwrap_or(&text[..m.start]).trim_end().ends_with(',');
    let Some(rest) = text[m.end..cs].strip_prefix(", ") else { return false };
    opened
        && rest.split_whitespace().count() <= 5
        && rest.split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
}

/// Whether the adjective `m` describes the name `next` after it: only a few lower-case words
/// between them, none a preposition or verb-like "-ed" word ("Egyptian human rights
/// defenders Patrick Zaki", not "Russian aggression against Ukraine").
fn describes_next(text: &str, m: &Mention, next: Option<&Mention>) -> bool {
    let Some(next) = next.filter(|n| n.role == Role::Name) else { return false };
    let gap: Vec<&str> = text[m.end..next.start].split_whitespace().collect();
    !gap.is_empty()
        && gap.len() <= 4
        && text[next.start..next.end].contains(' ')
        && gap.iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !w.ends_with("ed")
                && !matches!(
                    *w,
                    "against" | "in" | "on" | "to" | "with" | "of" | "for" | "by" | "at" | "from" | "and" | "or"
                )
        })
}

/// Whether a cue's kind (a relgraph kind or a CAMEO code) states force or coercion: CAMEO
/// 17–20 (coerce, assault, fight, mass violence) and the kinds that name a fight.
fn conflictual(kind: &str) -> bool {
    matches!(kind, "fights" | "annexes") || ["17", "18", "19", "20"].iter().any(|p| kind.starts_with(p))
}

/// Whether the words from a cue to an actor end in a preposition that makes the actor a
/// topic ("a peace deal on Ukraine", "talks about Syria"), not a party. A hostile cue's "on"
/// names its target ("embargoes on Qatar"), so callers keep those.
fn topic_before(gap: &str) -> bool {
    let last = gap.split_whitespace().last().unwrap_or("");
    matches!(last, "on" | "about" | "regarding" | "concerning" | "over")
}

/// Whether a drafted kind is hostile: a fight (see [`conflictual`]) or a relgraph kind of
/// conflictual polarity.
pub(super) fn hostile(kind: &str) -> bool {
    conflictual(kind)
        || matches!(
            kind,
            "coerces"
                | "assaults"
                | "opposes"
                | "sanctions"
                | "threatens"
                | "condemns"
                | "accuses"
                | "protests"
                | "disputes"
                | "rejects"
                | "shows_force"
                | "reduces_relations"
                | "uses_mass_violence"
                | "hedges_against"
                | "competes_with"
                | "demands"
                | "suspends"
        )
        // CAMEO's verbal and material conflict: demand (10) to reduce relations (16).
        || ["10", "11", "12", "13", "14", "15", "16"].iter().any(|p| kind.starts_with(p))
}

/// Whether an actor whose mention ends where `gap` (the text up to the cue) begins can be
/// the cue's subject: not across a clause with a subject of its own ("…, both sides
/// remain"), and, when `strict`, not across any comma or quotation mark.
fn subject_reaches(gap: &str, strict: bool) -> bool {
    if strict && gap.contains([',', ';', ':', '“', '"']) {
        return false;
    }
    // "Chavez, who met Uribe …": a relative clause's subject is the actor before it.
    if let Some(rest) = gap.trim_start().strip_prefix(',').map(str::trim_start) {
        if (rest.starts_with("who ") || rest.starts_with("which ")) && !rest.contains([',', ';', '"', '“']) {
            return true;
        }
    }
    let Some(last) = gap.rfind([',', ';']) else { return true };
    let clause = &gap[last + 1..];
    !clause.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "it" | "they" | "he" | "she" | "both" | "we" | "which" | "who" | "this" | "that" | "i" | "there"
        )
    })
}

/// "and Director and Foreign Minister": "and" then titles (capitalised words, "and", "of")
/// before the next name, as in "The Secretary and Director and Foreign Minister Wang".
fn titled_and(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix("and ") else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 6 && words.iter().all(|w| matches!(*w, "and" | "of") || w.starts_with(char::is_uppercase))
}

/// Whether the words between a cue and an actor after it introduce a speaker ("…, said
/// Uribe"): the actor then reports the act and is not its object.
fn speaker_between(gap: &str) -> bool {
    gap.contains(',')
        && gap
            .split_whitespace()
            .any(|w| matches!(w.trim_matches(|c: char| !c.is_alphabetic()), "said" | "says" | "told" | "according"))
}

/// Whether a tie of this kind, stated with two subjects and no object ("A and B met"), joins
/// the subjects: meeting, talking, cooperating, quarrelling and fighting are mutual.
fn reciprocal(kind: &str) -> bool {
    matches!(
        kind,
        "meets"
            | "negotiates"
            | "cooperates_with"
            | "allied_with"
            | "opposes"
            | "disputes"
            | "competes_with"
            | "fights"
    ) || kind.starts_with("04")
        || kind.starts_with("19")
}

/// The argument nearest the cue and those joined to it by "and", "or" or commas.
fn coordinated<'a>(text: &str, side: &[&&'a Mention], before: bool) -> Vec<&'a Mention> {
    let mut out: Vec<&Mention> = Vec::new();
    if before {
        let mut k = side.len();
        while k > 0 {
            let m = side[k - 1];
            if let Some(prev) = out.last() {
                let gap = text[m.end..prev.start].trim().trim_start_matches(['\'', '’']).trim_start_matches('s').trim();
                // "Bahrain, the United Arab Emirates and Egypt": an article opens a listed name.
                let gap = gap.strip_suffix("the").map_or(gap, str::trim_end);
                if !matches!(gap, "" | "and" | "," | "or" | ", and") && !titled_and(gap) {
                    break;
                }
            }
            out.push(m);
            k -= 1;
        }
    } else {
        for m in side {
            if let Some(prev) = out.last() {
                let gap = text[prev.end..m.start].trim();
                let gap = gap.strip_prefix("the").map_or(gap, str::trim).trim();
                if !matches!(gap, "" | "and" | "," | "or" | ", and" | "and the" | ", the") {
                    break;
                }
            }
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::draft::{draft, DraftOptions};

    // Ties above the clause fallback's confidence (0.2, 0.22 with a conflict cue; clause.rs),
    // so that these tests see the cue rules alone.
    fn ties(text: &str) -> Vec<(String, String, String)> {
        let d = draft(text, &DraftOptions::new().with_min_confidence(0.23));
        d.model.edges().map(|e| (e.from.clone(), e.kind.as_str().to_owned(), e.to.clone())).collect()
    }

    #[test]
    fn a_verb_joins_the_actors_around_it_and_coordinated_subjects() {
        let got = ties("Germany and France condemned Russia.");
        assert!(got.contains(&("germany".into(), "condemns".into(), "russia".into())), "{got:?}");
        assert!(got.contains(&("france".into(), "condemns".into(), "russia".into())), "{got:?}");
        assert!(got.iter().any(|(a, k, b)| k == "cooperates_with" && a != b), "co-subjects cooperate: {got:?}");
    }

    #[test]
    fn a_noun_joins_the_actors_it_names_with_between() {
        let got = ties("Tensions grew between India and Pakistan.");
        assert!(
            got.iter().any(|(a, k, b)| k == "opposes" && [a.as_str(), b.as_str()] == ["india", "pakistan"]),
            "{got:?}"
        );
    }

    #[test]
    fn negated_cues_and_other_clauses_make_no_tie() {
        assert_eq!(ties("Japan did not condemn Russia."), []);
        let got = ties("After Ukraine, both sides remain engaged with China.");
        assert!(!got.iter().any(|(a, _, _)| a == "ukraine"), "{got:?}");
    }

    #[test]
    fn a_capitalised_dictionary_verb_is_part_of_a_title_not_an_act() {
        // "acting" is a CAMEO 15 (force posture) form; here it is part of an office.
        let got = ties("Germany's envoy met Danish Acting Permanent Secretary Jesper Moller Sorensen.");
        assert!(!got.iter().any(|(_, k, _)| k == "shows_force"), "{got:?}");
        let got = ties("Germany was acting against Russia.");
        assert!(
            got.iter().any(|(a, k, b)| (a, k, b) == (&"germany".into(), &"shows_force".into(), &"russia".into())),
            "{got:?}"
        );
    }

    #[test]
    fn subjects_with_no_object_act_on_each_other_and_speakers_are_no_objects() {
        let got = ties("Peru and Chile are to meet next month.");
        assert!(got.iter().any(|(a, k, b)| (a, k, b) == (&"peru".into(), &"meets".into(), &"chile".into())), "{got:?}");
        // A condemnation is no mutual act: without an object, no tie between the subjects.
        let got = ties("Germany and France condemned the attack.");
        assert!(!got.iter().any(|(_, k, _)| k == "condemns"), "{got:?}");
        let got = ties("Chile would cooperate further, said Peru's envoy Juan Perez.");
        assert!(!got.iter().any(|(a, _, b)| a == "chile" && b.contains("perez")), "{got:?}");
    }

    #[test]
    fn a_relative_clause_takes_the_actor_before_it_as_subject() {
        let got = ties("Chile, which condemned Peru last week, is calm.");
        assert!(
            got.iter().any(|(a, k, b)| (a, k, b) == (&"chile".into(), &"condemns".into(), &"peru".into())),
            "{got:?}"
        );
    }

    #[test]
    fn the_passive_turns_the_tie_round() {
        let got = ties("Three Peruvian activists were arrested by Chile on Monday.");
        assert!(
            got.iter().any(|(a, k, b)| (a, k, b) == (&"chile".into(), &"coerces".into(), &"peru".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_fight_in_a_clause_with_two_parties_joins_them() {
        // No object after "crossed the border": the two parties of the clause are in conflict.
        let got = ties("Peruvian officials say more Chilean troops have crossed the border.");
        assert!(got.iter().any(|(a, k, b)| k == "fights" && a == "peru" && b == "chile"), "{got:?}");
        // A cooperative cue that joined the two from afar does not hide the fight.
        let got = ties("Peru insists that any accord agreed on in May can not include land gained by Chile in weeks of heavy fighting.");
        assert!(got.iter().any(|(a, k, b)| k == "fights" && a == "peru" && b == "chile"), "{got:?}");
        // Three parties: no guess.
        let got = ties("Peruvian officials say Chilean and Bolivian troops have crossed the border.");
        assert!(!got.iter().any(|(_, k, _)| k == "fights"), "{got:?}");
    }

    #[test]
    fn an_adjective_describing_a_person_gives_way_to_the_person() {
        let got = ties("The Secretary welcomed the releases of Egyptian human rights defenders Patrick Zaki.");
        assert!(!got.iter().any(|(_, _, b)| b == "egypt"), "{got:?}");
        let got = ties("Germany condemned Egyptian human rights defenders Patrick Zaki.");
        assert!(
            got.iter().any(|(a, k, b)| (a, k, b) == (&"germany".into(), &"condemns".into(), &"patrick_zaki".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_verb_no_table_knows_joins_subject_and_object_with_low_confidence() {
        // "outmanoeuvred" is in neither cue table: a neutral tie, for the reviewer to type.
        let d = draft("Peru outmanoeuvred Chile on Monday.", &DraftOptions::new());
        let tie = d.ties.iter().find(|t| t.from == "peru" && t.to == "chile").expect("a fallback tie");
        assert_eq!(
            (tie.kind.as_str(), tie.confidence, tie.quote.as_str()),
            ("related_to", 0.25, "Peru outmanoeuvred Chile")
        );
        // A reporting verb or a coordination makes none.
        assert_eq!(ties("Peru told Chile nothing."), []);
        assert_eq!(ties("Peru and Chile are calm."), []);
        // A copula and an article: "X is a … Y …".
        let got = ties("Alto-Verde is an ethnic Peruvian enclave.");
        assert_eq!(got, [("alto_verde".to_owned(), "related_to".to_owned(), "peru".to_owned())]);
    }

    #[test]
    fn a_relative_clause_or_an_apposition_before_the_verb_leaves_the_subject_before_it() {
        // Without the rule, Peru (last before "met with") would be the subject.
        let got = ties("Chile, who is attending the summit in Lima, Peru, met with Bolivia.");
        assert!(got.contains(&("chile".into(), "meets".into(), "bolivia".into())), "{got:?}");
        assert!(!got.iter().any(|(a, k, _)| a == "peru" && k == "meets"), "{got:?}");
        let got = ties("A splinter group, the Andean Liberation Front, has promised to keep fighting Chile.");
        assert!(got.contains(&("andean_liberation_front".into(), "fights".into(), "chile".into())), "{got:?}");
    }

    #[test]
    fn a_sentence_opening_with_a_participle_names_its_subject_after_the_objects() {
        let got = ties("Welcoming ministers from Peru, the Kyrgyz Republic and Chile, Bolivia regretted the delay.");
        for o in ["peru", "kyrgyzstan", "chile"] {
            assert!(got.iter().any(|(a, _, b)| a == "bolivia" && b == o), "{o}: {got:?}");
        }
        assert!(!got.iter().any(|(a, _, _)| a != "bolivia"), "{got:?}");
    }

    #[test]
    fn a_list_joins_every_two_of_its_members() {
        let pair = |got: &[(String, String, String)], a: &str, b: &str| {
            got.iter().any(|(x, _, y)| (x == a && y == b) || (x == b && y == a))
        };
        // "between" with three names, titles between them: three ties, one per pair.
        let got =
            ties("They held talks between Chilean President Juan Perez, Peruvian Minister Ana Diaz, and Bolivia.");
        for (a, b) in [("juan_perez", "ana_diaz"), ("juan_perez", "bolivia"), ("ana_diaz", "bolivia")] {
            assert!(pair(&got, a, b), "{a}-{b}: {got:?}");
        }
        // A list as the subject of a mutual noun.
        let got = ties("Peru, Chile, Bolivia and Ecuador will hold four-way talks.");
        for (a, b) in [("peru", "chile"), ("peru", "ecuador"), ("chile", "bolivia"), ("bolivia", "ecuador")] {
            assert!(pair(&got, a, b), "{a}-{b}: {got:?}");
        }
        // A subject list across its commas and an article: every member acts on the object.
        let got = ties("Peru, Chile, the Dominican Republic and Bolivia have imposed embargoes on Ecuador.");
        for a in ["peru", "chile", "dominican_republic", "bolivia"] {
            assert!(pair(&got, a, "ecuador"), "{a}: {got:?}");
        }
    }

    #[test]
    fn hostilities_and_control_are_conflictual() {
        let got = ties("Tensions rose after renewed hostilities between Peru and Chile.");
        assert!(
            got.iter().any(|(a, k, b)| (a, k, b) == (&"peru".into(), &"fights".into(), &"chile".into())),
            "{got:?}"
        );
        let got = ties("Rebels from Peru control northern Chile.");
        assert!(got.iter().any(|(_, k, b)| k == "coerces" && b == "chile"), "{got:?}");
        // A noun "control" far from a name reaches no object.
        let got = ties("Peru and Chile fought over control of the region since independence from Spain.");
        assert!(!got.iter().any(|(_, k, b)| k == "coerces" && b == "spain"), "{got:?}");
    }

    #[test]
    fn an_adjective_and_its_noun_are_one_member_of_a_between_list() {
        let got = ties("Talks between the Peruvian government and Chile began.");
        assert!(got.iter().any(|(a, k, b)| k == "negotiates" && a == "peru" && b == "chile"), "{got:?}");
    }

    #[test]
    fn an_object_is_not_found_across_while() {
        let got = ties("Chile met in emergency session while Peru waited.");
        assert!(!got.iter().any(|(a, k, b)| a == "chile" && k == "meets" && b == "peru"), "{got:?}");
    }

    #[test]
    fn the_leaders_of_a_list_act_together() {
        let got = ties("The leaders of Peru, Chile, and Bolivia have failed to reach a deal.");
        for (a, b) in [("peru", "chile"), ("peru", "bolivia"), ("chile", "bolivia")] {
            assert!(got.iter().any(|(x, k, y)| k == "cooperates_with" && x == a && y == b), "{a}-{b}: {got:?}");
        }
    }

    #[test]
    fn a_topic_after_on_is_no_party_and_a_failed_act_is_none() {
        let got = ties("Chile signed a peace deal on Bolivia.");
        assert!(!got.iter().any(|(_, k, b)| b == "bolivia" && k != "related_to"), "{got:?}");
        let got = ties("Chile imposed embargoes on Bolivia.");
        assert!(got.iter().any(|(a, _, b)| a == "chile" && b == "bolivia"), "{got:?}");
        // Only the fallback's untyped tie is left for the reviewer.
        let got = ties("Chile failed to reach a deal with Bolivia.");
        assert!(!got.iter().any(|(a, k, b)| a == "chile" && b == "bolivia" && k != "related_to"), "{got:?}");
    }

    #[test]
    fn quotes_are_the_span_from_subject_to_object() {
        let text = "On Friday, Venezuela sanctioned Colombia heavily.";
        let d = draft(text, &DraftOptions::new());
        let quotes: Vec<&str> = d.model.edges().flat_map(|e| e.evidence.iter().map(|q| q.quote.as_str())).collect();
        assert_eq!(quotes, ["Venezuela sanctioned Colombia"]);
    }
}
