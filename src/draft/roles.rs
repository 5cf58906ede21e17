//! Role phrases: `[Russia's | Russian] [former] OFFICE [,] NAME` ("Russia's president,
//! Vladimir Putin", "Iranian Foreign Minister Javad Zarif") and `NAME, OFFICE of BODY`, which
//! make a person (a leader when the office is governmental) and a `leads`, `represents` or
//! `advises` tie to the body: pass (4) of [`super::mention::find`].

#![allow(
    clippy::indexing_slicing,
    reason = "token and mention indices are made from this text by the loops that use them, and \
              byte offsets come from tokens, so they are in bounds and on character boundaries; \
              `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use std::collections::HashMap;

use super::actor::{capitalised, overlaps, push_form, Actor, Link, Registry, Structural};
use super::text::{Mention, Role, Token};
use super::words::{is_month_or_day, NAME_JOINERS, NOT_NAMES};
use crate::model::NodeKind;

/// Finds the role phrases of `text` (its tokens `toks`), given the `offices` known (each with
/// whether it heads its body), adding their people to `reg` and `mentions` and their ties
/// to `structural`.
pub(super) fn find(
    text: &str,
    toks: &[Token],
    offices: &[(String, bool)],
    reg: &mut Registry,
    mentions: &mut Vec<Mention>,
    structural: &mut Vec<Structural>,
) {
    let word = |t: &Token| &text[t.start..t.end];
    let lower: Vec<String> = toks.iter().map(|t| word(t).to_lowercase()).collect();
    let by_first: HashMap<&str, Vec<(usize, bool, &str)>> = {
        let mut m: HashMap<&str, Vec<(usize, bool, &str)>> = HashMap::new();
        for (office, heads) in offices {
            let first = office.split(' ').next().unwrap_or("");
            m.entry(first).or_default().push((office.split(' ').count(), *heads, office.as_str()));
        }
        m
    };
    let mut i = 0;
    'phrases: while i < toks.len() {
        let mut found = None;
        for &(n, heads, office) in by_first.get(lower[i].as_str()).map_or(&[][..], Vec::as_slice) {
            if i + n <= toks.len() && lower[i..i + n].join(" ") == office {
                found = Some((n, heads, office.to_owned()));
                break;
            }
        }
        let Some((n, heads, office)) = found else {
            i += 1;
            continue;
        };
        // An office in lower case counts only after a body ("Russia's president") or before a
        // comma and a name; in title case it stands before a name on its own.
        let titled = capitalised(word(&toks[i]));
        let mut j = i + n;
        let gap = text[toks[j - 1].end..toks.get(j).map_or(text.len(), |t| t.start)].to_owned();
        if gap.trim() == "," || gap.trim() == ":" || gap.trim().is_empty() {
            // The name: capitalised words (and joiners), at most four.
        } else {
            i += n;
            continue;
        }
        let name_start = j;
        while j < toks.len() && j - name_start < 4 {
            let w = word(&toks[j]);
            let w_bare = w.trim_end_matches("'s").trim_end_matches("’s");
            let joiner = NAME_JOINERS.contains(&w.to_lowercase().as_str()) || w.starts_with("al-");
            let between = &text[toks[j - 1].end..toks[j].start];
            if j > name_start && !between.trim().is_empty() {
                break;
            }
            if (capitalised(w) || joiner) && !NOT_NAMES.contains(&w) && !is_month_or_day(w_bare) {
                if offices.iter().any(|(o, _)| o == &w.to_lowercase()) {
                    break;
                }
                j += 1;
                if w_bare.len() != w.len() {
                    break;
                }
            } else {
                break;
            }
        }
        // "Deputy Gedo Governor …": words between two titles are part of the title.
        let title_follows = j > name_start
            && j < toks.len()
            && &text[toks[j - 1].end..toks[j].start] == " "
            && capitalised(word(&toks[j]))
            && offices.iter().any(|(o, _)| o.split(' ').next() == Some(lower[j].as_str()));
        if title_follows {
            i += n;
            continue;
        }
        if j == name_start || (!titled && !matches!(gap.trim(), "," | ":") && j - name_start < 2) {
            // "NAME, director of …": the name stands before the office.
            if !titled {
                if let Some(a) = apposed_name(text, toks, i, mentions) {
                    let (start, end) = a;
                    let name = text[start..end].to_owned();
                    let actor = reg.get(format!("p:{}", name.to_lowercase()), || Actor {
                        name: name.clone(),
                        kind: NodeKind::Person,
                        forms: Vec::new(),
                        known: None,
                        office: Some(office.clone()),
                    });
                    push_form(&mut reg.actors[actor], &name);
                    mentions.push(Mention { start, end, actor, role: Role::Name });
                    mentions.sort_by_key(|m| m.start);
                    // "…, director of the Institute of World Affairs": the body follows.
                    let office_end = toks[i + n - 1].end;
                    let limit = toks.get(i + n + 8).map_or(text.len(), |t| t.end);
                    let body = mentions.iter().find(|m| {
                        m.start >= office_end
                            && m.start < limit
                            && !text[office_end..m.start].contains([',', '.', ';', ':'])
                            && matches!(reg.actors[m.actor].kind, NodeKind::Organization | NodeKind::Country)
                    });
                    if let Some(b) = body {
                        structural.push(Structural {
                            person: actor,
                            body: b.actor,
                            kind: Link::Represents,
                            start,
                            end: b.end,
                        });
                    }
                }
            }
            i += n;
            continue;
        }
        let name_tok = &toks[name_start..j];
        let name_end = name_tok[name_tok.len() - 1].end;
        let raw_name = &text[name_tok[0].start..name_end];
        let name = raw_name.trim_end_matches("'s").trim_end_matches("’s").to_owned();
        let name_end = name_tok[0].start + name.len();
        // Before the office: modifiers, then a body.
        let mut k = i;
        let mut former = false;
        while k > 0 {
            let w = word(&toks[k - 1]).to_lowercase();
            if matches!(w.as_str(), "former" | "then-prime" | "acting" | "deputy" | "then" | "host" | "summit")
                || w.starts_with("then-")
            {
                former |= w == "former" || w.starts_with("then");
                k -= 1;
            } else {
                break;
            }
        }
        let office_start = toks[k].start;
        let body = mentions.iter().rposition(|m| {
            m.end <= office_start && text[m.end..office_start].trim_start_matches(['\'', '’', 's']).trim().is_empty()
        });
        // The person: a known name inside the span, or a new one.
        let inside =
            mentions.iter().position(|m| m.start >= name_tok[0].start && m.end <= name_end && m.start < name_end);
        let person = match inside {
            Some(p) if matches!(reg.actors[mentions[p].actor].kind, NodeKind::Leader | NodeKind::Person) => {
                mentions[p].actor
            }
            Some(_) => {
                i = j;
                continue;
            }
            None => 'person: {
                if overlaps(mentions, name_tok[0].start, name_end) {
                    i = j;
                    continue 'phrases;
                }
                // "President Aquino" after "President Benigno Aquino": a bare surname is the
                // one person named before with it, not a second person.
                if let Some(a) = surname_of(&reg.actors, &name) {
                    push_form(&mut reg.actors[a], &name);
                    mentions.push(Mention { start: name_tok[0].start, end: name_end, actor: a, role: Role::Name });
                    mentions.sort_by_key(|m| m.start);
                    break 'person a;
                }
                let kind = if office.contains("spokes") || former || office == "confidant" {
                    NodeKind::Person
                } else {
                    NodeKind::Leader
                };
                let a = reg.get(format!("p:{}", name.to_lowercase()), || Actor::new(name.clone(), kind));
                push_form(&mut reg.actors[a], &name);
                mentions.push(Mention { start: name_tok[0].start, end: name_end, actor: a, role: Role::Name });
                mentions.sort_by_key(|m| m.start);
                a
            }
        };
        // "President Obama", "Secretary Kerry": a title before a surname alone is how the
        // text names the person, a surface form of its own.
        if titled && gap == " " && j == name_start + 1 {
            push_form(&mut reg.actors[person], &text[toks[i].start..name_end]);
        }
        if reg.actors[person].office.is_none() {
            let mut o = office.clone();
            if former {
                o = format!("former {o}");
            }
            reg.actors[person].office = Some(o);
        }
        if let Some(b) = body {
            let body_actor = mentions[b].actor;
            let advises = matches!(
                office.as_str(),
                "confidant" | "adviser" | "advisor" | "national security adviser" | "national security advisor"
            );
            let body_kind = reg.actors[body_actor].kind;
            let fits = matches!(body_kind, NodeKind::Country | NodeKind::Organization)
                || (advises && matches!(body_kind, NodeKind::Leader | NodeKind::Person));
            if fits && body_actor != person {
                mentions[b].role = Role::Modifier;
                let kind = if advises {
                    Link::Advises
                } else if heads && !former {
                    Link::Leads
                } else {
                    Link::Represents
                };
                structural.push(Structural { person, body: body_actor, kind, start: mentions[b].start, end: name_end });
            }
        }
        i = j;
    }
}

/// The one person already found whose full name ends with the single word `name`, if
/// exactly one does.
fn surname_of(actors: &[Actor], name: &str) -> Option<usize> {
    if name.contains(' ') {
        return None;
    }
    let mut hits = actors.iter().enumerate().filter(|(_, a)| {
        matches!(a.kind, NodeKind::Leader | NodeKind::Person)
            && std::iter::once(&a.name).chain(&a.forms).any(|f| f.contains(' ') && f.rsplit(' ').next() == Some(name))
    });
    let first = hits.next().map(|(k, _)| k);
    first.filter(|_| hits.next().is_none())
}

/// The capitalised name of two or three words just before ", [the] OFFICE" at token `i`.
fn apposed_name(text: &str, toks: &[Token], i: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
    let mut k = i;
    if k > 0 && &text[toks[k - 1].start..toks[k - 1].end] == "the" {
        k -= 1;
    }
    if k == 0 || text[toks[k - 1].end..toks[k].start].trim() != "," {
        return None;
    }
    let end_tok = k - 1;
    let mut start_tok = end_tok;
    while start_tok > 0 && end_tok - start_tok < 3 {
        let w = &text[toks[start_tok - 1].start..toks[start_tok - 1].end];
        if !capitalised(w)
            || NOT_NAMES.contains(&w)
            || !text[toks[start_tok - 1].end..toks[start_tok].start].trim().is_empty()
        {
            break;
        }
        start_tok -= 1;
    }
    let first = &text[toks[start_tok].start..toks[start_tok].end];
    if !capitalised(first) || NOT_NAMES.contains(&first) || end_tok - start_tok + 1 < 2 {
        return None;
    }
    let (start, end) = (toks[start_tok].start, toks[end_tok].end);
    (!overlaps(mentions, start, end)).then_some((start, end))
}
