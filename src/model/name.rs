//! Names as users and files write them: the folded form names are compared in, the
//! closest name to suggest, the snake_case form kinds are declared in, and the error for a
//! name that is not a vocabulary's word. A leaf: everything in the model may read it.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// The form names are compared in: trimmed, NFKC-normalised (so `ｊａｐａｎ` and `japan`,
/// or a precomposed and a decomposed `é`, are one) and lowercased.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII text is its own NFKC form and lowercases byte by byte: the common case (every
    // id of a generated model, most names) skips the normaliser.
    if text.is_ascii() {
        return text.trim().to_ascii_lowercase();
    }
    text.trim().nfkc().collect::<String>().to_lowercase()
}

/// The closest of `candidates` to `text`, if any is close enough to suggest.
pub fn closest<'a>(text: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    ranked(text, candidates).into_iter().next()
}

/// The candidates close enough to `text` to suggest (Jaro–Winkler similarity ≥ 0.8 after
/// folding), closest first, ties in name order.
pub fn ranked<'a>(text: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = fold(text);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&fold(c), &wanted), c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().map(|(_, c)| c).collect()
}

/// A name that is not one of a vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{text}`")]
pub struct UnknownName {
    /// Which vocabulary: "node kind", "edge kind" or "polarity".
    pub vocabulary: &'static str,
    /// The text given.
    pub text: String,
}

pub(crate) fn normalise(text: &str) -> String {
    text.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Whether a name can be declared: snake_case ASCII, starting with a letter, so that RON can
/// write it as a bare identifier.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// An enum variant's name, read as an identifier (RON writes kinds as bare identifiers).
pub(crate) struct VariantName(pub(crate) String);

impl<'de> Deserialize<'de> for VariantName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdentifierVisitor;
        impl Visitor<'_> for IdentifierVisitor {
            type Value = VariantName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an identifier")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<VariantName, E> {
                Ok(VariantName(v.to_owned()))
            }
        }
        deserializer.deserialize_identifier(IdentifierVisitor)
    }
}

#[cfg(test)]
mod fold_tests {
    use super::fold;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn the_ascii_shortcut_folds_as_the_normaliser_does() {
        // Every ASCII character, alone and around letters, and padded with every kind of
        // ASCII whitespace: the shortcut must agree with NFKC + Unicode lowercasing.
        let full = |t: &str| t.trim().nfkc().collect::<String>().to_lowercase();
        for byte in 0u8..128 {
            let c = byte as char;
            for text in [c.to_string(), format!(" \t{c}Ab{c}\n"), format!("\u{b}X{c}Y\r ")] {
                assert!(text.is_ascii());
                assert_eq!(fold(&text), full(&text), "{text:?}");
            }
        }
        // Non-ASCII still goes through the normaliser.
        assert_eq!(fold(" ＪＡＰＡＮ "), "japan");
        assert_eq!(fold("E\u{301}"), "\u{e9}");
    }
}
