//! Finding the actors and contexts an article names, and the structural ties its role
//! phrases state.
//!
//! Passes, each over the whole text: (1) the `--into` model's names, then the gazetteer;
//! (2) bodies the gazetteer lacks: capitalised names ending in an organisation word
//! ("Central Foreign Affairs Commission") or starting with one ("Institute of World
//! Affairs"), with a bracketed acronym after them as an alias; (3) contexts: "the Kuril
//! Islands dispute", "San Francisco Treaty", "Winter Olympics"; (4) role phrases —
//! `[Russia's | Russian] [former] OFFICE [,] NAME` ("Russia's president, Vladimir Putin",
//! "Iranian Foreign Minister Javad Zarif") and `NAME, OFFICE of BODY` — which make a person
//! (a leader when the office is governmental) and a `leads`/`represents`/`advises` tie to
//! the body; (5) short forms of the people found: surnames, "Mr Putin", bracketed
//! acronyms, matched everywhere in a second automaton.

#![allow(
    clippy::indexing_slicing,
    reason = "token, mention and actor indices are made from this text by the loops that use them, and \
              byte offsets come from tokens and automaton matches, so they are in bounds and on \
              character boundaries; `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::actor::{capitalised, overlaps, push_form, Registry};
pub use super::actor::{Actor, Found, Link, Structural};
use super::gazetteer::{offices, EntityClass, Gazetteer, Hit, ModelNames};
pub use super::text::{tokens, Mention, Role, Token};
use super::words::{CONTEXT_HEADS, FORCE_MODIFIES, LOWER_CONTEXT_HEADS, NOT_NAMES, ORG_HEADS};
use crate::model::{Model, NodeKind};

fn kind_of(class: EntityClass) -> NodeKind {
    match class {
        EntityClass::Country => NodeKind::Country,
        EntityClass::Organization => NodeKind::Organization,
        EntityClass::Person { leader: true } => NodeKind::Leader,
        EntityClass::Person { leader: false } => NodeKind::Person,
        EntityClass::Known(kind) => kind,
    }
}

/// Finds the actors and contexts of `text`; `into` is the model names resolve against.
pub fn find(text: &str, into: Option<(&Model, &ModelNames)>) -> Found {
    let gazetteer = Gazetteer::builtin();
    let mut reg = Registry::default();
    let mut mentions: Vec<Mention> = Vec::new();
    let model_nodes: Vec<_> = into.map(|(m, _)| m.nodes().collect()).unwrap_or_default();

    // (1) Known names: the model's first, then the gazetteer's where they do not overlap.
    let mut hits: Vec<(Hit, bool)> =
        into.map(|(_, names)| names.find(text)).unwrap_or_default().into_iter().map(|h| (h, true)).collect();
    let model_hits = hits.len();
    for h in gazetteer.find(text) {
        if !hits[..model_hits].iter().any(|(k, _)| k.start < h.end && h.start < k.end) {
            hits.push((h, false));
        }
    }
    for (h, from_model) in hits {
        let form = &text[h.start..h.end];
        let actor = if from_model {
            let Some(node) = model_nodes.get(h.entity) else { continue };
            reg.get(format!("m:{}", node.id), || Actor {
                name: node.name.clone(),
                kind: node.kind,
                forms: Vec::new(),
                known: Some(node.id.clone()),
                office: None,
            })
        } else {
            let Some(e) = gazetteer.entities.get(h.entity) else { continue };
            // "President Barack Obama", "Secretary of State John Kerry": the dictionary's
            // titled forms are cut down to the name, so the title is read as a role phrase.
            if matches!(e.class, EntityClass::Person { .. }) && form != e.name {
                let lower = form.to_lowercase();
                let titled =
                    offices().iter().find(|(o, _)| lower.starts_with(o.as_str()) && lower[o.len()..].starts_with(' '));
                let cut = match form.find(e.name.as_str()) {
                    Some(at) => Some((at, at + e.name.len())),
                    None => titled.map(|(o, _)| (o.len() + 1, form.len())),
                };
                if let Some((from, to)) = cut {
                    let (start, end) = (h.start + from, h.start + to);
                    let actor = reg.get(format!("g:{}", h.entity), || Actor::new(e.name.clone(), kind_of(e.class)));
                    push_form(&mut reg.actors[actor], &text[start..end]);
                    mentions.push(Mention { start, end, actor, role: Role::Name });
                    // "Russian" in "Russian President Vladimir Putin" is a mention too.
                    for inner in gazetteer.find(&text[h.start..start]) {
                        let Some(ie) = gazetteer.entities.get(inner.entity) else { continue };
                        if ie.class != EntityClass::Country {
                            continue;
                        }
                        let a =
                            reg.get(format!("g:{}", inner.entity), || Actor::new(ie.name.clone(), kind_of(ie.class)));
                        let (is, ie_end) = (h.start + inner.start, h.start + inner.end);
                        push_form(&mut reg.actors[a], &text[is..ie_end]);
                        mentions.push(Mention {
                            start: is,
                            end: ie_end,
                            actor: a,
                            role: if inner.adjective { Role::Adjective } else { Role::Name },
                        });
                    }
                    continue;
                }
            }
            reg.get(format!("g:{}", h.entity), || Actor::new(e.name.clone(), kind_of(e.class)))
        };
        push_form(&mut reg.actors[actor], form);
        mentions.push(Mention {
            start: h.start,
            end: h.end,
            actor,
            role: if h.adjective { Role::Adjective } else { Role::Name },
        });
    }
    mentions.sort_by_key(|m| m.start);

    let toks = tokens(text);
    let word = |t: &Token| &text[t.start..t.end];
    let mut structural = Vec::new();

    // (2) Bodies the gazetteer lacks, and (3) named contexts.
    let offices = offices();
    let mut run_start = None;
    for (t, tok) in toks.iter().enumerate() {
        let w = word(tok);
        let joins_run = run_start.is_some() && matches!(w, "of" | "for" | "and" | "the" | "on");
        // A blank line ends a run: a headline's last word names nothing with the next line's.
        let gap_ok = t == 0 || {
            let gap = &text[toks[t - 1].end..tok.start];
            gap.trim().is_empty() && !gap.contains("\n\n")
        };
        if !gap_ok {
            run_start = None;
        }
        if capitalised(w) && !NOT_NAMES.contains(&w) || joins_run {
            if run_start.is_none() && capitalised(w) {
                run_start = Some(t);
            }
        } else {
            if let Some(s) = run_start.take() {
                head_first_body(text, &toks, s, t, &mut reg, &mut mentions);
                structural.extend(context_from_lower(text, &toks, s, t, w, &mut reg, &mut mentions));
            }
            continue;
        }
        let Some(s) = run_start else { continue };
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        let head_org = ORG_HEADS.contains(&bare);
        let head_ctx = CONTEXT_HEADS.iter().find(|(h, _)| *h == bare).map(|(_, k)| *k);
        if (head_org || head_ctx.is_some()) && t > s {
            let start = toks[s].start;
            let mut end = tok.start + bare.len();
            if bare == "Co" && text[end..].starts_with('.') {
                end += 1;
            }
            // "African Union Mission in Somalia": a mission is named with where it serves.
            if bare == "Mission" && toks.get(t + 1).is_some_and(|n| word(n) == "in") {
                let place = toks.iter().skip(t + 2).take(2).take_while(|n| capitalised(word(n)));
                if let Some(last) = place.last() {
                    end = last.end;
                }
            }
            let mut start_word = s;
            // Start after the last "the", and after a leading office and its "of"
            // ("Chair of the Japan-Korea Working Group").
            for (k, tok) in toks.iter().enumerate().take(t).skip(s) {
                let w = word(tok);
                if matches!(w, "The" | "the") || (k + 1 < t && (w.ends_with("'s") || w.ends_with("’s"))) {
                    start_word = k + 1;
                }
            }
            if start_word + 1 < t
                && word(&toks[start_word + 1]) == "of"
                && offices.iter().any(|(o, _)| *o == word(&toks[start_word]).to_lowercase())
            {
                start_word += 2;
            }
            let start = if start_word > s { toks[start_word].start } else { start };
            if overlaps(&mentions, start, end)
                && !mentions.iter().any(|m| m.start >= start && m.end <= end && m.end < end)
            {
                continue;
            }
            // "the West and Russian Federation": the head word ends a name already known, so
            // the run is a list, not one body.
            if mentions.iter().any(|m| m.start > start && m.start <= tok.start && m.end >= tok.start + bare.len()) {
                continue;
            }
            // A headline ("Al-Shabab Attacks African Union Base") capitalises every word.
            if head_org && super::names::headline(text, start) {
                continue;
            }
            let name = text[start..end].to_owned();
            let kind = if head_org { NodeKind::Organization } else { head_ctx.unwrap_or(NodeKind::Event) };
            // "Kenyan Defense Forces", "Japan's Maritime Self Defense Force": a national body
            // (a company named after a city, "Tokyo Electric Power Co.", is none).
            let nation = head_org
                .then(|| {
                    mentions.iter().find(|m| {
                        let gap = text.get(m.end..start).unwrap_or("x");
                        ((m.start == start && m.end < end && m.role == Role::Adjective)
                            || (m.end <= start && matches!(gap, "'s " | "’s " | "' " | "’ ")))
                            && reg.actors[m.actor].kind == NodeKind::Country
                    })
                })
                .flatten()
                .map(|m| (m.actor, m.start));
            mentions.retain(|m| !(m.start >= start && m.end <= end));
            let a = reg.get(format!("n:{}", name.to_lowercase()), || Actor::new(name.clone(), kind));
            push_form(&mut reg.actors[a], &name);
            mentions.push(Mention { start, end, actor: a, role: Role::Name });
            if let Some((country, from)) = nation {
                structural.push(Structural { person: a, body: country, kind: Link::PartOf, start: from, end });
            }
            mentions.sort_by_key(|m| m.start);
        }
    }

    // (4) Role phrases (`roles.rs`).
    super::roles::find(text, &toks, offices, &mut reg, &mut mentions, &mut structural);

    // (4a) "the Moro Islamic Liberation Front (MILF)", "the Chinese Communist Party (CCP)":
    // an acronym in brackets right after a name is another form of it, wherever else the
    // text uses it (the key the finder of unknown names would give it leads to the actor).
    let mut bracketed = Vec::new();
    for m in mentions.iter().filter(|m| m.role == Role::Name) {
        let Some(inner) = text[m.end..].strip_prefix(" (").and_then(|r| r.split_once(')')).map(|(i, _)| i) else {
            continue;
        };
        let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
        if (2..=8).contains(&letters) && inner.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-') {
            let start = m.end + 2;
            bracketed.push(Mention { start, end: start + inner.len(), actor: m.actor, role: Role::Name });
        }
    }
    for b in bracketed {
        let form = &text[b.start..b.end];
        if overlaps(&mentions, b.start, b.end) {
            continue;
        }
        push_form(&mut reg.actors[b.actor], form);
        reg.keys.entry(format!("n:{}", form.to_lowercase())).or_insert(b.actor);
        mentions.push(b);
    }
    mentions.sort_by_key(|m| m.start);

    // (4b) Names no table knows (`names.rs`): people with a known given name, acronyms,
    // hyphenated names.
    let starts: std::collections::HashSet<usize> =
        super::text::sentences(text).iter().filter_map(|&(s, _)| toks.iter().position(|t| t.start >= s)).collect();
    for u in super::names::find(text, &toks, &mentions, &starts) {
        let name = text[u.start..u.end].to_owned();
        // Keyed as the other passes key what they find, so one name is one actor.
        let prefix = match u.kind {
            NodeKind::Person => "p",
            NodeKind::Organization => "n",
            _ => "c",
        };
        let a = reg.get(format!("{prefix}:{}", name.to_lowercase()), || Actor::new(name.clone(), u.kind));
        push_form(&mut reg.actors[a], &name);
        mentions.push(Mention { start: u.start, end: u.end, actor: a, role: Role::Name });
    }
    mentions.sort_by_key(|m| m.start);

    // (4c) Armed groups named by a description (`groups.rs`): one actor for the article's
    // descriptions, or the named body they describe.
    let described = super::groups::find(text, &toks, &mentions, &starts, |a| {
        reg.actors.get(a).is_some_and(|x| x.kind == NodeKind::Organization)
    });
    let group_name = described
        .iter()
        .filter(|d| !d.own)
        .find(|d| d.modified)
        .or(described.iter().find(|d| !d.own))
        .map(|d| text[d.start..d.end].to_owned());
    // Each description's actor: the named body, a group of its own keyed by its inner name,
    // or the article's one group.
    let mut actors = Vec::new();
    for d in &described {
        let own = d.inner.filter(|_| d.own).and_then(|(k, _)| mentions.get(k)).map(|m| m.actor);
        let actor = match (d.named, own) {
            (Some(a), _) => a,
            (None, Some(inner)) => {
                let name = text[d.start..d.name_end].to_owned();
                reg.get(format!("d:group of {inner}"), || Actor::new(name, NodeKind::Organization))
            }
            (None, None) => described_group(&mut reg, group_name.as_deref().unwrap_or("")),
        };
        actors.push(actor);
    }
    for (inner, tie, start, end) in super::groups::drop_inner(&mut mentions, &described) {
        let Some(k) = described.iter().position(|d| d.start == start) else { continue };
        let group = actors[k];
        let (person, body, kind) = match tie {
            super::groups::Tie::Backs => (inner, group, Link::Supports),
            super::groups::Tie::Linked => (group, inner, Link::AlliedWith),
            super::groups::Tie::Favours => (group, inner, Link::Supports),
            super::groups::Tie::Led => (inner, group, Link::Leads),
        };
        structural.push(Structural { person, body, kind, start, end });
    }
    for (d, &actor) in described.iter().zip(&actors) {
        if d.named.is_none() {
            push_form(&mut reg.actors[actor], &text[d.start..d.name_end]);
        }
        mentions.push(Mention { start: d.start, end: d.end, actor, role: Role::Name });
    }
    mentions.sort_by_key(|m| m.start);

    // (4d) "the military", "the army", "the junta": the one armed force of a country the
    // text has named ("Myanmar's military"), when there is exactly one.
    let forces: Vec<usize> = (0..reg.actors.len())
        .filter(|&a| {
            let name = reg.actors[a].name.to_lowercase();
            reg.actors[a].kind == NodeKind::Organization
                && FORCE_NAMES.iter().any(|f| name.ends_with(&format!(" {f}")))
                && structural.iter().any(|s| s.person == a && s.kind == Link::PartOf)
        })
        .collect();
    if let [force] = forces.as_slice() {
        for (k, tok) in toks.iter().enumerate().skip(1) {
            let w = text[tok.start..tok.end].to_lowercase();
            let the = matches!(&text[toks[k - 1].start..toks[k - 1].end], "the" | "The");
            if the && matches!(w.as_str(), "military" | "army" | "junta") && !overlaps(&mentions, tok.start, tok.end) {
                let next = toks.get(k + 1).map_or("", |n| &text[n.start..n.end]);
                if !FORCE_MODIFIES.contains(&next) {
                    mentions.push(Mention { start: tok.start, end: tok.end, actor: *force, role: Role::Name });
                }
            }
        }
        mentions.sort_by_key(|m| m.start);
    }

    // (5) Short forms: surnames of people, acronyms given in brackets, matched everywhere.
    let mut short: Vec<(String, usize)> = Vec::new();
    for (a, actor) in reg.actors.iter().enumerate() {
        match actor.kind {
            NodeKind::Leader | NodeKind::Person => {
                for form in std::iter::once(&actor.name).chain(&actor.forms) {
                    let words: Vec<&str> = form.split(' ').collect();
                    if words.len() < 2 {
                        continue;
                    }
                    let last = words[words.len() - 1];
                    short.push((last.to_owned(), a));
                    if let Some(bare) = last.strip_prefix("al-") {
                        short.push((bare.to_owned(), a));
                    }
                    if words.len() == 2
                        && words[0].len() > 2
                        && !offices.iter().any(|(o, _)| *o == words[0].to_lowercase())
                    {
                        short.push((words[0].to_owned(), a));
                    }
                }
            }
            _ => {
                for form in &actor.forms {
                    if form.len() <= 8 && form.chars().all(|c| c.is_uppercase()) && form.len() >= 2 {
                        short.push((form.clone(), a));
                    }
                }
            }
        }
    }
    // A short form two actors share is ambiguous: drop it.
    short.sort();
    short.dedup();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (s, _) in &short {
        *counts.entry(s.as_str()).or_default() += 1;
    }
    let short: Vec<(String, usize)> =
        short.iter().filter(|(s, _)| counts[s.as_str()] == 1 && s.chars().count() >= 2).cloned().collect();
    if let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(short.iter().map(|(s, _)| s)) {
        let mut extra = Vec::new();
        for m in ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = text[m.end()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before && after && !overlaps(&mentions, m.start(), m.end()) {
                let a = short[m.pattern().as_usize()].1;
                extra.push(Mention { start: m.start(), end: m.end(), actor: a, role: Role::Name });
            }
        }
        for m in extra {
            push_form(&mut reg.actors[m.actor], &text[m.start..m.end]);
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| m.start);
    // (6) People the dictionaries place in a country the text names, with no role phrase
    // of their own: a `represents` tie quoted at their first mention.
    for (person, country) in gazetteer.homes(&reg.keys) {
        if structural.iter().any(|s| s.person == person) {
            continue;
        }
        if let Some(m) = mentions.iter().find(|m| m.actor == person) {
            structural.push(Structural { person, body: country, kind: Link::Represents, start: m.start, end: m.end });
        }
    }
    Found { actors: reg.actors, mentions, structural }
}

/// Last words of the name of a country's armed force.
const FORCE_NAMES: [&str; 7] =
    ["military", "army", "junta", "armed forces", "defense forces", "defence forces", "military forces"];

/// The actor of the article's unnamed armed group, named after its first description.
fn described_group(reg: &mut Registry, name: &str) -> usize {
    reg.get("d:armed group".to_owned(), || Actor::new(name.to_owned(), NodeKind::Organization))
}

/// "the Kuril Islands dispute", "the Gazprom–CNPC gas deal": a capitalised run followed by
/// a lower-case context word. A body named by a country's adjective ("the Honduran
/// military") is part of that country: the tie is returned.
fn context_from_lower(
    text: &str,
    toks: &[Token],
    s: usize,
    t: usize,
    w: &str,
    reg: &mut Registry,
    mentions: &mut Vec<Mention>,
) -> Option<Structural> {
    // "The Myanmar military's overthrow": the head may carry a possessive.
    let head = w.trim_end_matches("'s").trim_end_matches("’s");
    let (_, kind) = LOWER_CONTEXT_HEADS.iter().find(|(h, _)| *h == head)?;
    // "an African Union military base", "a Somalian army camp": the force word modifies a
    // noun; the body is the actor named before it, not a new one.
    let next = toks.get(t + 1).map_or("", |n| &text[n.start..n.end]);
    if *kind == NodeKind::Organization && FORCE_MODIFIES.contains(&next) {
        return None;
    }
    let s = (s..t).rev().find(|&k| !capitalised(&text[toks[k].start..toks[k].end])).map_or(s, |k| k + 1);
    if s >= t {
        return None;
    }
    let start = toks[s].start;
    let end = toks[t].start + head.len();
    if !text[toks[t - 1].end..toks[t].start].trim().is_empty() {
        return None;
    }
    // A place is named by its capitalised words ("the Preah Vihear temple": "Preah Vihear"),
    // with the whole phrase as a form.
    let place = *kind == NodeKind::Territory;
    if place && mentions.iter().any(|m| m.start <= start && m.end >= toks[t - 1].end) {
        return None;
    }
    let name = if place { text[start..toks[t - 1].end].to_owned() } else { text[start..end].to_owned() };
    let body = *kind == NodeKind::Organization;
    if (name.split(' ').count() < 2 && !place) || (body && t - s > 3) || (place && t - s > 3) {
        return None;
    }
    // Names inside stay mentions (the parties); the context is a mention of its own. A
    // body ("the Misseriya tribe", "the Russian navy") is a name that can act.
    let a = reg.get(format!("c:{}", name.to_lowercase()), || Actor::new(name.clone(), *kind));
    push_form(&mut reg.actors[a], &name);
    if place {
        push_form(&mut reg.actors[a], &text[start..end]);
    }
    let mut nation = None;
    if body {
        // "the Honduran military", "Myanmar's military", "the Myanmar military": a country
        // named first, as an adjective, a possessive or a noun used as one.
        nation = mentions
            .iter()
            .find(|m| {
                let possessive = text[m.end..].starts_with("'s ") || text[m.end..].starts_with("’s ");
                let attributive = m.role == Role::Name && text[m.end..].starts_with(' ');
                m.start == start
                    && (m.role == Role::Adjective || possessive || attributive)
                    && reg.actors[m.actor].kind == NodeKind::Country
            })
            .map(|m| Structural { person: a, body: m.actor, kind: Link::PartOf, start, end });
        mentions.retain(|m| !(m.start >= start && m.end <= end));
    } else {
        for m in mentions.iter_mut().filter(|m| m.start >= start && m.end <= end) {
            m.role = Role::Modifier;
        }
    }
    mentions.push(Mention { start, end, actor: a, role: if body { Role::Name } else { Role::Modifier } });
    mentions.sort_by_key(|m| m.start);
    nation
}

/// "Institute of World Affairs", "Ministry of Foreign Affairs": an organisation word, "of"
/// or "for", and capitalised words up to the end of the run.
fn head_first_body(text: &str, toks: &[Token], s: usize, t: usize, reg: &mut Registry, mentions: &mut Vec<Mention>) {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let mut end_tok = t;
    while end_tok > s && !capitalised(word(end_tok - 1)) {
        end_tok -= 1;
    }
    if end_tok < s + 3 || !ORG_HEADS.contains(&word(s)) || !matches!(word(s + 1), "of" | "for") {
        return;
    }
    let (start, end) = (toks[s].start, toks[end_tok - 1].end);
    if mentions.iter().any(|m| m.start < end && start < m.end && !(m.start >= start && m.end <= end)) {
        return;
    }
    let name = text[start..end].to_owned();
    mentions.retain(|m| !(m.start >= start && m.end <= end));
    let a = reg.get(format!("n:{}", name.to_lowercase()), || Actor::new(name.clone(), NodeKind::Organization));
    push_form(&mut reg.actors[a], &name);
    mentions.push(Mention { start, end, actor: a, role: Role::Name });
    mentions.sort_by_key(|m| m.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, NodeKind)> {
        let found = find(text, None);
        found.actors.iter().map(|a| (a.name.clone(), a.kind)).collect()
    }

    #[test]
    fn a_bracketed_acronym_a_bare_surname_and_a_republic_are_the_actor_named_before() {
        // The gazetteer knows the front; the acronym after it is the same actor, also where
        // it stands alone later (the finder of unknown names would make it a second one).
        let f = find("The Moro Islamic Liberation Front (MILF) signed. A MILF splinter group spoke.", None);
        assert_eq!(f.actors.len(), 1, "{:?}", f.actors);
        assert_eq!(f.mentions.iter().filter(|m| m.actor == 0).count(), 3);
        let f = find("President Benigno Aquino spoke. President Aquino's term ends in 2016.", None);
        assert_eq!(f.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Benigno Aquino"]);
        // "the Kyrgyz Republic" names Kyrgyzstan; "Philippine" is an adjective of the Philippines.
        let f = find("Ministers from the Kyrgyz Republic met the Philippine envoy.", None);
        let forms: Vec<(&str, Role)> = f
            .mentions
            .iter()
            .map(|m| (&"Ministers from the Kyrgyz Republic met the Philippine envoy."[m.start..m.end], m.role))
            .collect();
        assert_eq!(forms, [("Kyrgyz Republic", Role::Name), ("Philippine", Role::Adjective)]);
    }

    #[test]
    fn role_phrases_make_people_with_their_office_and_body() {
        let text = "Iranian Foreign Minister Javad Zarifo met Russia's president, Vladimir Putin. Later Zarifo left.";
        let found = find(text, None);
        let zarif = found.actors.iter().position(|a| a.name == "Javad Zarifo").expect("new person found");
        assert_eq!(found.actors[zarif].kind, NodeKind::Leader);
        assert_eq!(found.actors[zarif].office.as_deref(), Some("foreign minister"));
        let iran = found.actors.iter().position(|a| a.name == "Iran").expect("Iran from its adjective");
        assert!(found.structural.iter().any(|s| s.person == zarif && s.body == iran && s.kind == Link::Represents));
        let putin = found.actors.iter().position(|a| a.name == "Vladimir Putin").expect("Putin");
        assert!(found.structural.iter().any(|s| s.person == putin && s.kind == Link::Leads));
        // The surname alone later refers to the same person.
        let later = text.rfind("Zarifo").unwrap();
        assert!(found.mentions.iter().any(|m| m.start == later && m.actor == zarif));
    }

    #[test]
    fn capitalised_names_with_an_organisation_word_are_bodies() {
        let got = names("Wang Yi leads the CCP Central Foreign Affairs Commission (CFAC) in Beijing.");
        assert!(
            got.contains(&("CCP Central Foreign Affairs Commission".to_owned(), NodeKind::Organization)),
            "{got:?}"
        );
        assert!(got.contains(&("China".to_owned(), NodeKind::Country)), "{got:?}");
    }

    #[test]
    fn national_bodies_are_part_of_their_country_and_acronym_rows_are_forms() {
        let found = find("Kenyan Defense Forces said the U.N. and the United Nations agreed.", None);
        let forces = found.actors.iter().position(|a| a.name == "Kenyan Defense Forces").expect("a body");
        let kenya = found.actors.iter().position(|a| a.name == "Kenya").expect("Kenya");
        assert!(found.structural.iter().any(|s| s.person == forces && s.body == kenya && s.kind == Link::PartOf));
        // "U.N." is a form of the United Nations, not a body of its own.
        assert_eq!(found.actors.iter().filter(|a| a.kind == NodeKind::Organization).count(), 2, "{:?}", found.actors);
        // A force word before a noun names no body: "a Kenyan army base".
        let got = names("Gunmen attacked a Kenyan army base.");
        assert!(!got.iter().any(|(n, _)| n.contains("army")), "{got:?}");
    }

    #[test]
    fn groups_of_the_non_state_table_and_lower_case_articles() {
        let got = names("Residents say al-Shabab has taken the town; Taliban fighters left.");
        assert!(got.iter().any(|(n, k)| n == "Al-Shabaab" && *k == NodeKind::Organization), "{got:?}");
        assert!(got.iter().any(|(n, _)| n == "Taliban"), "{got:?}");
    }

    #[test]
    fn a_blank_line_ends_a_name_so_a_headline_word_is_no_part_of_a_body() {
        // Without the break, "Military" of the headline and "Peruvian military" below ran into
        // one capitalised run, and no body was found.
        let got = names("Chilean President Ousted by Military\n\nPeruvian military forces have ousted him.");
        assert!(got.iter().any(|(n, k)| n == "Peruvian military" && *k == NodeKind::Organization), "{got:?}");
    }

    #[test]
    fn a_run_whose_head_ends_a_known_name_is_a_list_not_a_body() {
        // "Federation" ends the country's name: no "West and Russian Federation" body.
        let got = names("Hostilities grew between the West and Russian Federation.");
        assert!(!got.iter().any(|(n, _)| n.contains(" and ")), "{got:?}");
        assert!(got.iter().any(|(n, k)| n == "Russia" && *k == NodeKind::Country), "{got:?}");
    }

    #[test]
    fn a_body_named_by_a_country_is_part_of_it_with_a_bare_possessive_too() {
        let d = crate::draft::draft(
            "The Peruvian military ousted the president in defiance of Honduras' Supreme Court.",
            &crate::draft::DraftOptions::new(),
        );
        let ties: Vec<(String, String, String)> =
            d.model.edges().map(|e| (e.from.clone(), e.kind.as_str().to_owned(), e.to.clone())).collect();
        assert!(ties.contains(&("peruvian_military".into(), "part_of".into(), "peru".into())), "{ties:?}");
        assert!(ties.contains(&("supreme_court".into(), "part_of".into(), "honduras".into())), "{ties:?}");
    }

    #[test]
    fn a_dictionary_name_opening_with_the_is_named_without_it() {
        // The vendored dictionary lists "The United Nations"; the article is no part of it.
        let got = names("The United Nations and Peru met.");
        assert!(got.iter().any(|(n, k)| n == "United Nations" && *k == NodeKind::Organization), "{got:?}");
    }

    #[test]
    fn a_country_noun_and_a_possessive_head_name_its_armed_force() {
        // "Peru" is a noun used as an adjective, and "military's" carries a possessive.
        let d =
            crate::draft::draft("The Peru military's overthrow of the government.", &crate::draft::DraftOptions::new());
        let ties: Vec<(String, String, String)> =
            d.model.edges().map(|e| (e.from.clone(), e.kind.as_str().to_owned(), e.to.clone())).collect();
        assert!(ties.contains(&("peru_military".into(), "part_of".into(), "peru".into())), "{ties:?}");
    }

    #[test]
    fn the_military_is_the_one_armed_force_of_a_country_named() {
        let d = crate::draft::draft(
            "Peru's military seized power on Monday. The military detained Chile's envoy. Chile condemned the military.",
            &crate::draft::DraftOptions::new(),
        );
        let ties: Vec<(String, String, String)> =
            d.model.edges().map(|e| (e.from.clone(), e.kind.as_str().to_owned(), e.to.clone())).collect();
        let force = "peru_s_military";
        assert!(ties.contains(&(force.into(), "part_of".into(), "peru".into())), "{ties:?}");
        assert!(ties.iter().any(|(a, k, b)| a == "chile" && k == "condemns" && b == force), "{ties:?}");
    }

    #[test]
    fn contexts_from_their_head_words() {
        let got = names("Russia cites the Yalta Agreement and the Kuril Islands dispute.");
        assert!(got.contains(&("Yalta Agreement".to_owned(), NodeKind::Agreement)), "{got:?}");
        assert!(got.contains(&("Kuril Islands dispute".to_owned(), NodeKind::Dispute)), "{got:?}");
    }
}
