//! What the drafter knows before it reads: countries (names, adjectives, demonyms, capitals
//! and other places that stand for them), international organisations, and people with
//! their country and dated terms, from the PETRARCH2 / Phoenix dictionaries converted into
//! `assets/draft/*.tsv` (see `assets/draft/README.md`), plus our own cue and organisation
//! tables. Every surface form goes into one Aho–Corasick automaton (leftmost-longest,
//! case-sensitive), built once per process; a model given with `--into` adds its nodes'
//! names and aliases in a second automaton that wins over the first.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Model, NodeKind};

const COUNTRIES: &str = include_str!("../../assets/draft/countries.tsv");
const PEOPLE: &str = include_str!("../../assets/draft/people.tsv");
const ORGANISATIONS: &str = include_str!("../../assets/draft/organisations.tsv");
const EXTRA: &str = include_str!("../../assets/draft/extra.tsv");
const OFFICES: &str = include_str!("../../assets/draft/offices.tsv");
const VERBS: &str = include_str!("../../assets/draft/verbs.tsv");
const CUES: &str = include_str!("../../assets/draft/cues.tsv");

/// What a known entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityClass {
    /// A state, by its CAMEO code.
    Country,
    /// An international or non-state organisation.
    Organization,
    /// A person; a leader when the dictionary gives a government role.
    Person {
        /// Whether the person held a government office.
        leader: bool,
    },
    /// A node of the model given with `--into`.
    Known(NodeKind),
}

/// One entity the drafter can recognise.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Display name.
    pub name: String,
    /// CAMEO code (country, or role code whose first three letters name the country).
    pub code: String,
    /// What it is.
    pub class: EntityClass,
    /// The id it already has in the `--into` model.
    pub id: Option<String>,
}

/// The built-in gazetteer: entities and one automaton over their surface forms.
pub struct Gazetteer {
    /// Every entity; patterns point into it.
    pub entities: Vec<Entity>,
    forms: Vec<(usize, bool)>,
    automaton: AhoCorasick,
    /// Country code to entity index.
    pub countries: HashMap<String, usize>,
}

/// A surface form found in the text: byte range, entity, and whether the form is an
/// adjective or demonym (which modifies a noun rather than naming the actor).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Index into [`Gazetteer::entities`] (or into the `--into` model's nodes).
    pub entity: usize,
    /// Whether the form is an adjective ("Russian", "Japanese").
    pub adjective: bool,
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// Whether a form is specific enough to match: three letters or more, or an acronym; a
/// name after the Arabic article in lower case ("al-Shabab") too.
fn usable(form: &str) -> bool {
    if let Some(rest) = form.strip_prefix("al-").or_else(|| form.strip_prefix("al ")) {
        return rest.chars().count() >= 3 && rest.starts_with(char::is_uppercase);
    }
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let alnum = form.chars().filter(|c| c.is_alphanumeric()).count();
    let upper = form.chars().filter(|c| c.is_uppercase()).count();
    form.chars().next().is_some_and(char::is_uppercase) && (letters >= 3 || (letters == upper && alnum >= 2))
}

/// Whether a one-word form of a country is its adjective: an English adjective ending
/// ("Russian", "Japanese", "Thai"), or the start of the name itself ("Philippine" of
/// "Philippines", "Kazakh" of "Kazakhstan"), which is how those countries' adjectives are made.
fn is_adjective(form: &str, name: &str) -> bool {
    let f = form.to_lowercase();
    let n = name.to_lowercase();
    let stem = f.chars().count() >= 4
        && n.strip_prefix(f.as_str()).is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_alphabetic));
    f != n
        && (stem
            || f.ends_with("an")
            || f.ends_with("ese")
            || f.ends_with("ish")
            || f.ends_with("ian")
            || f.ends_with('i')
            || f.ends_with("ch")
            || f.ends_with("ic"))
        && !f.contains(' ')
}

/// "PERU" → "Peru"; a name with any lower-case letter is left as it is.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| format!("{f}{}", c.as_str().to_lowercase())).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Gazetteer {
    /// For actors found by this gazetteer (`keys`: `g:ENTITY` to actor index), the people
    /// whose role code places them in a country also found: (person, country) actor pairs,
    /// in person order.
    pub fn homes(&self, keys: &HashMap<String, usize>) -> Vec<(usize, usize)> {
        let entity = |key: &str| key.strip_prefix("g:")?.parse::<usize>().ok().and_then(|n| self.entities.get(n));
        let mut countries: Vec<(&str, usize)> = keys
            .iter()
            .filter_map(|(k, &a)| entity(k).filter(|e| e.class == EntityClass::Country).map(|e| (e.code.as_str(), a)))
            .collect();
        countries.sort_unstable();
        let mut people: Vec<(usize, &str)> = keys
            .iter()
            .filter_map(|(k, &a)| {
                entity(k).filter(|e| matches!(e.class, EntityClass::Person { .. })).map(|e| (a, e.code.as_str()))
            })
            .collect();
        people.sort_unstable();
        people
            .into_iter()
            .filter_map(|(person, code)| {
                countries.iter().find(|(c, _)| code.get(..3) == Some(*c)).map(|&(_, country)| (person, country))
            })
            .collect()
    }

    /// The built-in gazetteer, built on first use.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut entities = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut countries = HashMap::new();
        let mut add = |entities: &mut Vec<Entity>, entity: Entity, names: Vec<&str>, country: bool| {
            let index = entities.len();
            for (k, form) in names.iter().enumerate() {
                let form = form.trim();
                if !usable(form) || seen.contains_key(form) {
                    continue;
                }
                seen.insert(form.to_owned(), patterns.len());
                patterns.push(form.to_owned());
                forms.push((index, country && k > 0 && is_adjective(form, &entity.name)));
            }
            entities.push(entity);
            index
        };
        for row in rows(COUNTRIES) {
            let [code, name, rest @ ..] = row.as_slice() else { continue };
            // A few of PETRARCH2's country names are in capitals ("PERU", "IRAQ"): the
            // name is the title-case form, which is how articles write it.
            let name = title_case(name);
            // The converter keeps short words in capitals as if they were acronyms ("THAI"):
            // their title-case form is how articles write them (four-letter ones only when
            // they read as an adjective, so that "MALE" gives no "Male").
            let forms: Vec<&str> = rest.first().map_or("", |r| *r).split('|').collect();
            let titled: Vec<String> = forms
                .iter()
                .filter(|f| f.chars().all(|c| c.is_ascii_uppercase()))
                .filter(|f| f.chars().count() >= 5 || (f.chars().count() == 4 && is_adjective(f, &name)))
                .map(|f| title_case(f))
                .collect();
            let mut names = vec![name.as_str()];
            names.extend(forms);
            names.extend(titled.iter().map(String::as_str));
            let e = Entity { name: name.clone(), code: (*code).to_owned(), class: EntityClass::Country, id: None };
            let i = add(&mut entities, e, names, true);
            countries.insert((*code).to_owned(), i);
        }
        // An acronym row ("U.N.") is a form of the row with the same code whose initials it
        // spells ("United Nations"), not a body of its own.
        let mut orgs: Vec<(&str, &str, Vec<&str>)> = rows(EXTRA)
            .chain(rows(ORGANISATIONS))
            .filter_map(|row| match row.as_slice() {
                [name, code, rest @ ..] => {
                    let mut names = vec![*name];
                    names.extend(rest.first().map_or("", |r| *r).split('|').filter(|f| !f.is_empty()));
                    Some((*name, *code, names))
                }
                _ => None,
            })
            .collect();
        let initials = |name: &str| -> String {
            name.split([' ', '-']).filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect()
        };
        let by_initials: HashMap<(String, &str), usize> = orgs
            .iter()
            .enumerate()
            .filter(|(_, (name, _, _))| name.contains(' '))
            .map(|(k, (name, code, _))| ((initials(name), *code), k))
            .collect();
        let merges: Vec<(usize, usize)> = orgs
            .iter()
            .enumerate()
            .filter_map(|(k, (name, code, _))| {
                let letters: String = name.chars().filter(|c| *c != '.').collect();
                if name.contains(' ') || letters.len() < 2 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
                    return None;
                }
                by_initials.get(&(letters, *code)).map(|&target| (k, target))
            })
            .collect();
        for (from, to) in merges {
            let moved = orgs.get_mut(from).map(|o| std::mem::take(&mut o.2)).unwrap_or_default();
            if let Some(target) = orgs.get_mut(to) {
                target.2.extend(moved);
            }
        }
        // A row that repeats another with an article ("The United Nations" beside "United
        // Nations") is no body of its own: its forms join the other row.
        let by_name: HashMap<(&str, &str), usize> = orgs.iter().enumerate().map(|(k, o)| ((o.0, o.1), k)).collect();
        let repeats: Vec<(usize, usize)> = orgs
            .iter()
            .enumerate()
            .filter_map(|(k, o)| Some((k, *by_name.get(&(o.0.strip_prefix("The ")?, o.1))?)))
            .collect();
        for (from, to) in repeats {
            let moved = orgs.get_mut(from).map(|o| std::mem::take(&mut o.2)).unwrap_or_default();
            if let Some(target) = orgs.get_mut(to) {
                target.2.extend(moved);
            }
        }
        for (name, code, mut names) in orgs {
            if names.is_empty() {
                continue;
            }
            // "The United Nations": the dictionary's article is no part of the name; the
            // text writes it in lower case inside a sentence, or leaves it out. A one-word
            // rest ("The West") keeps it: "West" alone is a word of many names.
            let name = match name.strip_prefix("The ").filter(|bare| bare.contains(' ')) {
                Some(bare) => {
                    names.push(bare);
                    bare
                }
                None => name,
            };
            let e = Entity { name: name.to_owned(), code: code.to_owned(), class: EntityClass::Organization, id: None };
            add(&mut entities, e, names, false);
        }
        for row in rows(PEOPLE) {
            let [name, code, terms, rest @ ..] = row.as_slice() else { continue };
            let mut names = vec![*name];
            names.extend(rest.first().map_or("", |r| *r).split('|').filter(|a| a.contains(' ') || a.len() > 4));
            let leader = terms.contains("GOV") || code.contains("GOV");
            let e = Entity {
                name: (*name).to_owned(),
                code: (*code).to_owned(),
                class: EntityClass::Person { leader },
                id: None,
            };
            add(&mut entities, e, names, false);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!()));
        Gazetteer { entities, forms, automaton, countries }
    }

    /// Every surface form in `text`, leftmost-longest, on word boundaries.
    ///
    /// A country's adjective followed by "Republic" ("the Kyrgyz Republic", "the Slovak
    /// Republic") is the country's name, whether or not the dictionary lists that form.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = find_with(&self.automaton, text, |p| self.forms.get(p).copied());
        for h in &mut hits {
            let country = self.entities.get(h.entity).is_some_and(|e| e.class == EntityClass::Country);
            if country && text.get(h.end..).is_some_and(|r| r.starts_with(" Republic")) {
                let end = h.end + " Republic".len();
                if boundary_after(text, end) {
                    h.end = end;
                    h.adjective = false;
                }
            }
        }
        hits
    }
}

fn boundary_before(text: &str, at: usize) -> bool {
    text.get(..at).and_then(|t| t.chars().next_back()).is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(text: &str, at: usize) -> bool {
    text.get(at..).and_then(|t| t.chars().next()).is_none_or(|c| !c.is_alphanumeric())
}

fn find_with(automaton: &AhoCorasick, text: &str, form: impl Fn(usize) -> Option<(usize, bool)>) -> Vec<Hit> {
    let mut out = Vec::new();
    for m in automaton.find_iter(text) {
        if !boundary_before(text, m.start()) || !boundary_after(text, m.end()) {
            continue;
        }
        if let Some((entity, adjective)) = form(m.pattern().as_usize()) {
            out.push(Hit { start: m.start(), end: m.end(), entity, adjective });
        }
    }
    out
}

/// The names and aliases of a model's nodes, for `--into`: hits point at node positions.
pub struct ModelNames {
    automaton: AhoCorasick,
    nodes: Vec<usize>,
}

impl ModelNames {
    /// Indexes the names and aliases (and ids written as words) of every node of `model`.
    pub fn new(model: &Model) -> ModelNames {
        let mut patterns = Vec::new();
        let mut nodes = Vec::new();
        for (i, node) in model.nodes().enumerate() {
            for name in std::iter::once(&node.name).chain(&node.aliases) {
                if name.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
                    patterns.push(name.clone());
                    nodes.push(i);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!()));
        ModelNames { automaton, nodes }
    }

    /// Every name of a model node in `text`; `entity` is the node's position in the model.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        find_with(&self.automaton, text, |p| self.nodes.get(p).map(|&n| (n, false)))
    }
}

/// Offices (lower case) from the Phoenix agents table and our own, longest first, with
/// whether the office heads its body ("president", "prime minister").
pub fn offices() -> &'static [(String, bool)] {
    static O: OnceLock<Vec<(String, bool)>> = OnceLock::new();
    O.get_or_init(|| {
        let mut all: Vec<(String, bool)> = rows(OFFICES)
            .filter_map(|r| r.first().map(|o| ((*o).to_owned(), false)))
            .filter(|(o, _)| !o.contains('!'))
            .collect();
        for own in [
            "secretary of state",
            "deputy secretary of state",
            "deputy secretary",
            "foreign minister",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "premier",
            "counterpart",
            "envoy",
            "ambassador",
            "minister",
            "secretary",
            "acting permanent secretary",
            "permanent secretary",
            "director",
            "chairman",
            "leader",
            "confidant",
            "national security adviser",
            "national security advisor",
            "adviser",
            "advisor",
            "defense minister",
            "defence minister",
            "foreign secretary",
            "secretary-general",
            "secretary general",
            "summit host president",
            "author",
            "general manager",
            "fellow",
            "chair",
            "chief executive",
            "foreign affairs minister",
            "special representative",
            "special envoy",
            "representative",
            "governor",
            "deputy governor",
        ] {
            all.push((own.to_owned(), false));
        }
        for head in [
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "king",
            "queen",
            "emir",
            "supreme leader",
            "leader",
            "head of state",
            "president-elect",
        ] {
            all.push((head.to_owned(), true));
        }
        all.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        all.dedup_by(|a, b| {
            let same = a.0 == b.0;
            if same {
                b.1 |= a.1;
            }
            same
        });
        all
    })
}

/// Every word of an office title (lower case): "deputy", "governor", "representative" …
/// Capitalised, they are a title, not a name.
pub fn office_words() -> &'static HashSet<String> {
    static W: OnceLock<HashSet<String>> = OnceLock::new();
    W.get_or_init(|| {
        offices().iter().flat_map(|(o, _)| o.split([' ', '-'])).filter(|w| w.len() >= 2).map(str::to_owned).collect()
    })
}

/// Given names: the first words of the names of the people table that begin two names or
/// more ("Patrick", "Mohamed", "Marie"), leaving out country forms, office words and words
/// that begin two organisation names or more.
pub fn given_names() -> &'static HashSet<String> {
    static G: OnceLock<HashSet<String>> = OnceLock::new();
    G.get_or_init(|| {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for row in rows(PEOPLE) {
            let Some(name) = row.first() else { continue };
            let mut words = name.split(' ');
            if let (Some(first), Some(_)) = (words.next(), words.next()) {
                if first.chars().count() >= 3
                    && first.chars().all(char::is_alphabetic)
                    && first.starts_with(char::is_uppercase)
                {
                    *count.entry(first).or_default() += 1;
                }
            }
        }
        // Words that begin two organisation names or more ("World", "Action", "Northern")
        // start names of bodies as often as names of people.
        let mut bodies: HashMap<&str, usize> = HashMap::new();
        for row in rows(ORGANISATIONS).chain(rows(EXTRA)) {
            if let Some(first) = row.first().and_then(|n| n.split(' ').next()) {
                *bodies.entry(first).or_default() += 1;
            }
        }
        let gazetteer = Gazetteer::builtin();
        let words = office_words();
        count
            .into_iter()
            .filter(|(w, n)| *n >= 2 && !words.contains(&w.to_lowercase()))
            .filter(|(w, _)| bodies.get(w).is_none_or(|&n| n < 2))
            .filter(|(w, _)| {
                gazetteer
                    .find(w)
                    .iter()
                    .all(|h| gazetteer.entities.get(h.entity).is_none_or(|e| e.class != EntityClass::Country))
            })
            .map(|(w, _)| w.to_owned())
            .collect()
    })
}

/// A cue: the edge kind (or CAMEO code) a word or phrase signals.
#[derive(Debug, Clone)]
pub struct Cue {
    /// A relgraph edge kind name, or a CAMEO event code.
    pub kind: String,
    /// Whether it is a noun (a relation named) rather than a verb (an act).
    pub noun: bool,
    /// How much a tie drafted from it is to be trusted, 0 … 1.
    pub confidence: f64,
}

/// Cue words and phrases (lower case): our own table, then the CAMEO verb dictionary.
pub fn cues() -> &'static HashMap<String, Cue> {
    static C: OnceLock<HashMap<String, Cue>> = OnceLock::new();
    C.get_or_init(|| {
        let mut all = HashMap::new();
        for row in rows(CUES) {
            if let [form, kind, what, confidence, ..] = row.as_slice() {
                let cue = Cue {
                    kind: (*kind).to_owned(),
                    noun: *what == "noun",
                    confidence: confidence.parse().unwrap_or(0.5),
                };
                all.entry((*form).to_owned()).or_insert(cue);
            }
        }
        for row in rows(VERBS) {
            if let [form, code, ..] = row.as_slice() {
                // Statements (01), yielding (08) and investigating (09) are what news text
                // does in every sentence; as ties between actors they are mostly noise.
                if code.starts_with("01") || code.starts_with("08") || code.starts_with("09") {
                    continue;
                }
                all.entry((*form).to_owned()).or_insert(Cue {
                    kind: (*code).to_owned(),
                    noun: false,
                    confidence: 0.45,
                });
            }
        }
        all
    })
}

/// The longest cue phrase, in words.
pub const LONGEST_CUE: usize = 3;
