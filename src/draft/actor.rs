//! What the passes of [`super::mention::find`] build: the actors an article names, the
//! structural ties its role phrases state, and the registry that keeps one actor per name.

use std::collections::HashMap;

use super::text::Mention;
use crate::model::NodeKind;

/// An actor or context the article names.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Display name.
    pub name: String,
    /// Node kind.
    pub kind: NodeKind,
    /// Every surface form the text uses for it.
    pub forms: Vec<String>,
    /// Its id in the `--into` model.
    pub known: Option<String>,
    /// The office a role phrase gave it.
    pub office: Option<String>,
}

impl Actor {
    /// An actor named `name`, with no surface form yet, no id in a model and no office.
    pub fn new(name: String, kind: NodeKind) -> Actor {
        Actor { name, kind, forms: Vec::new(), known: None, office: None }
    }
}

/// What a role phrase says of the person and the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The office heads the body (president, prime minister …): `leads`.
    Leads,
    /// Any other office: `represents`.
    Represents,
    /// A confidant or adviser of a person: `advises`.
    Advises,
    /// A country listed among a body's members: `member_of`.
    MemberOf,
    /// A national body of a country ("Kenyan Defense Forces"): `part_of`.
    PartOf,
    /// A backer of an armed group ("Russia-backed rebels"): `supports`.
    Supports,
    /// An armed group and a body it is linked to ("Al-Qaida-linked extremists"): `allied_with`.
    AlliedWith,
    /// An office with no body named ("Spokesperson Ned Price"), presumed to serve the
    /// country the text names most: `represents`, with low confidence.
    Presumed,
}

/// A tie a role phrase states: the person, the body, how, the quote's byte range.
#[derive(Debug, Clone, Copy)]
pub struct Structural {
    /// The person, or for a membership the member (index into [`Found::actors`]).
    pub person: usize,
    /// The country, organisation, or (for an adviser) person.
    pub body: usize,
    /// What the phrase says.
    pub kind: Link,
    /// Quote start byte.
    pub start: usize,
    /// Quote end byte.
    pub end: usize,
}

/// Everything found: actors, mentions sorted by position, structural ties.
#[derive(Debug, Default)]
pub struct Found {
    /// Actors and contexts, in order of first mention.
    pub actors: Vec<Actor>,
    /// Mentions, sorted by start.
    pub mentions: Vec<Mention>,
    /// Ties from role phrases.
    pub structural: Vec<Structural>,
}

/// The actors found so far, each under the keys that name it.
#[derive(Default)]
pub(super) struct Registry {
    pub(super) actors: Vec<Actor>,
    pub(super) keys: HashMap<String, usize>,
}

impl Registry {
    /// The actor under `key`, made by `make` when there is none yet.
    pub(super) fn get(&mut self, key: String, make: impl FnOnce() -> Actor) -> usize {
        if let Some(&i) = self.keys.get(&key) {
            return i;
        }
        self.actors.push(make());
        self.keys.insert(key, self.actors.len() - 1);
        self.actors.len() - 1
    }
}

/// Whether a word starts with a capital letter.
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a mention of `m` overlaps the byte range `start..end`.
pub(super) fn overlaps(m: &[Mention], start: usize, end: usize) -> bool {
    m.iter().any(|x| x.start < end && start < x.end)
}

/// Adds a surface form to an actor's forms (without a possessive `'s`), once.
pub(super) fn push_form(actor: &mut Actor, form: &str) {
    let form = form.trim_end_matches("'s").trim_end_matches("’s");
    if !actor.forms.iter().any(|f| f == form) {
        actor.forms.push(form.to_owned());
    }
}
