//! Which way a word leans on the conflict–cooperation scale, so that a misspelt edge kind is
//! never answered with a kind of the opposite polarity ("did you mean `proposes`?" for
//! `protestz`).
//!
//! **How an unknown word's polarity is guessed.** The name is split at `_`; each part is
//! looked up in the CAMEO verb dictionary that `relgraph draft` uses (`assets/draft/verbs.tsv`,
//! converted from PETRARCH2's `CAMEO.2.0.txt`, MIT licence; provenance in
//! `assets/draft/README.md`): first as a whole form (`threatened` → 130), else as the
//! longest form of four letters or more that it extends (`protestz` → `protest` → 140), else
//! as the shortest form that extends it, for parts of five letters or more (`threate` →
//! `threaten`); a misspelling inside the stem (`thretens`) is not found.
//! The first part found decides, by the CAMEO code's root and its quad class (Schrodt's
//! codebook): 01 is neutral (public statements), 02–08 cooperative (verbal and material
//! cooperation), 09–20 conflictual (verbal and material conflict). A name no part of which
//! is found has no guess, and the plain closest name is suggested.
//!
//! **How a known kind leans.** Its schema polarity; a neutral kind (`proposes`, `signs`)
//! leans the way its own name does by the rule above (`proposes` → `propose`, CAMEO 020,
//! cooperative), so neutral-but-friendly kinds are not offered for hostile words either.
//!
//! **The suggestion.** Among the names close enough to suggest (Jaro–Winkler ≥ 0.8, see
//! [`super::name::closest`]), the closest one that does not lean against the guess.

use std::sync::OnceLock;

use super::kind::{EdgeKind, Polarity};
use super::name::{fold, ranked};

/// The CAMEO verb dictionary: `form<TAB>code` rows (see the [module docs](self)).
pub const VERBS: &str = include_str!("../../assets/draft/verbs.tsv");

/// One-word verb forms and the polarity of their code's root, sorted by form.
fn verbs() -> &'static [(&'static str, Polarity)] {
    static TABLE: OnceLock<Vec<(&'static str, Polarity)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<(&'static str, Polarity)> = VERBS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(form, _)| !form.contains(' ') && form.len() >= 3)
            .filter_map(|(form, code)| Some((form, root_polarity(code.trim())?)))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows
    })
}

/// The polarity of a CAMEO code's quad class: 01 neutral, 02–08 cooperative, 09–20
/// conflictual; `None` for what is not a code.
pub fn root_polarity(code: &str) -> Option<Polarity> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    match root {
        1 => Some(Polarity::Neutral),
        2..=8 => Some(Polarity::Cooperative),
        9..=20 => Some(Polarity::Conflictual),
        _ => None,
    }
}

/// The polarity one word's verb has in the dictionary, if it is found (see the module docs).
fn word_polarity(word: &str) -> Option<Polarity> {
    let table = verbs();
    if let Ok(i) = table.binary_search_by(|(form, _)| (*form).cmp(word)) {
        return table.get(i).map(|&(_, p)| p);
    }
    // The longest form the word extends ("protestz" → "protest"), else the shortest form
    // that extends the word ("threate" → "threaten").
    let extended =
        table.iter().filter(|(form, _)| form.len() >= 4 && word.starts_with(form)).max_by_key(|(f, _)| f.len());
    let extending =
        || table.iter().filter(|(form, _)| word.len() >= 5 && form.starts_with(word)).min_by_key(|(f, _)| f.len());
    extended.or_else(extending).map(|&(_, p)| p)
}

/// The polarity an unknown kind name suggests, from the CAMEO verb dictionary; `None` when
/// no part of it is a verb the dictionary knows.
pub fn guess(name: &str) -> Option<Polarity> {
    fold(name).split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 3).find_map(word_polarity)
}

/// Which way a known kind leans: its polarity, or for a neutral kind its name's guess.
pub fn lean(kind: EdgeKind) -> Polarity {
    match kind.polarity() {
        Polarity::Neutral => guess(kind.as_str()).unwrap_or(Polarity::Neutral),
        polar => polar,
    }
}

fn against(a: Polarity, b: Polarity) -> bool {
    a.sign() * b.sign() < 0
}

/// The kind to suggest for an unknown edge kind name: the closest of `kinds` that does not
/// lean against the name's guessed polarity (see the [module docs](self)).
pub fn suggest(text: &str, kinds: impl IntoIterator<Item = EdgeKind>) -> Option<&'static str> {
    let kinds: Vec<EdgeKind> = kinds.into_iter().collect();
    let wanted = guess(text);
    ranked(text, kinds.iter().map(|k| k.as_str())).into_iter().find(|name| {
        let Some(wanted) = wanted else { return true };
        kinds.iter().find(|k| k.as_str() == *name).is_none_or(|&k| !against(lean(k), wanted))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lean_the_way_their_cameo_root_does() {
        assert_eq!(guess("protestz"), Some(Polarity::Conflictual));
        assert_eq!(guess("threatened_with"), Some(Polarity::Conflictual));
        assert_eq!(guess("helps"), Some(Polarity::Cooperative));
        assert_eq!(guess("xyzzy"), None);
        assert_eq!(lean(EdgeKind::Proposes), Polarity::Cooperative);
        assert_eq!(lean(EdgeKind::Sanctions), Polarity::Conflictual);
        assert_eq!(root_polarity("010"), Some(Polarity::Neutral));
        assert_eq!(root_polarity("--"), None);
    }
}
