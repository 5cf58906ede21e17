//! What every RON reader and writer of relgraph shares: the ron options, reading a file as
//! UTF-8 with a diagnostic at the first bad byte, the element [`Loader`] that parses one raw
//! element at a time and keeps its spans, the user-worded syntax errors, and the pretty
//! printer every RON writer uses. The model reader ([`super::ron`]) and the profile reader
//! ([`super::profile`]) both build on it, so neither needs the other's internals.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use ron::extensions::Extensions;
use ron::value::RawValue;
use serde::de::{self, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::Deserialize;

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::spans::{self, LineIndex, Spanned};
use crate::model::name::VariantName;
use crate::model::VocabularyError;
use crate::Error;

/// The ron options every model file is read with: `Some` may be left implicit.
pub(crate) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads a text file; bytes that are not UTF-8 are a diagnostic at the first bad one.
pub(crate) fn read_utf8(path: &Path) -> Result<String, Error> {
    crate::io::limit::check(path, crate::io::limit::Limit::RON)?;
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    crate::io::text::decode_owned(bytes).map_err(|bad| {
        let text = crate::io::text::strip_bom(&lossy).to_owned();
        let start = LineIndex::new(&text).offset(bad.line, bad.column);
        let mut diagnostics = Diagnostics::new(path, text);
        diagnostics.push(Problem::NotUtf8 { byte: bad.byte, utf16: bad.utf16 }, start..start + 1);
        Error::Invalid { diagnostics }
    })
}

/// Plain data as relgraph writes RON: struct names, four-space indents, text unescaped,
/// `Some` implicit, a final newline. Serialising plain data with string keys cannot fail.
pub(crate) fn pretty<T: serde::Serialize>(value: &T) -> String {
    ron::ser::to_string_pretty(value, pretty_config()).unwrap_or_default() + "\n"
}

pub(crate) fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned())
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// Writes what [`pretty`] returns straight to `out`, without holding the text in memory.
pub(crate) fn write_pretty<T: serde::Serialize>(value: &T, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// ron writes to `fmt::Write`; this passes its text on and keeps the first I/O error.
    struct Adapter<'a> {
        out: &'a mut dyn std::io::Write,
        error: Option<std::io::Error>,
    }
    impl fmt::Write for Adapter<'_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            self.out.write_all(text.as_bytes()).map_err(|e| {
                self.error = Some(e);
                fmt::Error
            })
        }
    }
    let mut adapter = Adapter { out, error: None };
    match ron::ser::to_writer_pretty(&mut adapter, value, pretty_config()) {
        Ok(()) => adapter.out.write_all(b"\n"),
        Err(error) => Err(adapter.error.take().unwrap_or_else(|| std::io::Error::other(error))),
    }
}

/// A syntax error in the user's words: ron's own message, except where it speaks of ron's
/// internals or says less than it could.
pub(crate) fn syntax_message(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("nesting deeper than {} levels", options().recursion_limit.unwrap_or(128))
        }
        ron::Error::Eof => "the file ends in the middle of a value".to_owned(),
        ron::Error::ExpectedRawValue => "expected a value".to_owned(),
        ron::Error::TrailingCharacters => "unexpected text after the end of the model".to_owned(),
        ron::Error::Utf8Error(_) => "the file is not valid UTF-8".to_owned(),
        other => other.to_string(),
    }
}

/// A bare identifier such as `country` (an enum variant in RON), read without checking it
/// against the vocabulary so that an unknown kind gets a diagnostic with a suggestion.
pub(crate) struct Word(pub(crate) String);

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WordVisitor;
        impl<'de> Visitor<'de> for WordVisitor {
            type Value = Word;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a kind, such as `country` or `cooperates_with`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Word, E> {
                Ok(Word(v.to_owned()))
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Word, A::Error> {
                let (VariantName(name), variant) = data.variant::<VariantName>()?;
                variant.unit_variant()?;
                Ok(Word(name))
            }
        }
        deserializer.deserialize_enum("Kind", &[], WordVisitor)
    }
}

pub(crate) struct Loader<'t, 'd> {
    pub(crate) text: &'t str,
    pub(crate) diagnostics: &'d mut Diagnostics,
}

/// A parsed element with its spans in the whole file.
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) spans: Spanned,
}

impl Loader<'_, '_> {
    /// Byte offset of a raw element within the whole text.
    pub(crate) fn offset_of(&self, raw: &RawValue) -> usize {
        let start = raw.get_ron().as_ptr() as usize;
        let base = self.text.as_ptr() as usize;
        start.saturating_sub(base).min(self.text.len())
    }

    pub(crate) fn element<T: for<'de> Deserialize<'de>>(&mut self, raw: &RawValue) -> Option<Located<T>> {
        let offset = self.offset_of(raw);
        let text = raw.get_ron();
        let spans = spans::scan(text).shifted(offset);
        match options().from_str::<T>(text) {
            Ok(value) => Some(Located { value, spans }),
            Err(error) => {
                self.ron_error(&error, offset);
                None
            }
        }
    }

    /// Reports a ron error whose position is relative to the text starting at `offset`.
    pub(crate) fn ron_error(&mut self, error: &ron::error::SpannedError, offset: usize) {
        let index = LineIndex::new(self.text);
        let (base_line, base_col) = index.position(offset);
        let absolute = |p: &ron::error::Position| {
            let line = base_line + p.line.saturating_sub(1);
            let col = if p.line <= 1 { base_col + p.col.saturating_sub(1) } else { p.col };
            index.offset(line, col)
        };
        let start = absolute(&error.span.start);
        let end = absolute(&error.span.end).max(start);
        self.diagnostics.push(Problem::Syntax { message: syntax_message(&error.code) }, start..end);
    }

    /// A kind read through the vocabulary; an unknown one is reported with a suggestion.
    pub(crate) fn known<K>(&mut self, kind: Result<K, VocabularyError>, span: Range<usize>) -> Option<K> {
        match kind {
            Ok(kind) => Some(kind),
            Err(VocabularyError::Unknown { vocabulary, name, suggestion }) => {
                self.diagnostics.push(Problem::UnknownKind { vocabulary, text: name, suggestion }, span);
                None
            }
            Err(other) => {
                self.diagnostics.push(Problem::Declaration(other), span);
                None
            }
        }
    }
}
