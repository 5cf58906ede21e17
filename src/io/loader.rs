//! What every RON reader and writer of relgraph shares: the ron options, reading a file as
//! UTF-8 with a diagnostic at the first bad byte, the element [`Loader`] that parses one raw
//! element at a time and keeps its spans, the user-worded syntax errors, and the pretty
//! printer every RON writer uses. The model reader ([`super::ron`]) and the profile reader
//! ([`super::profile`]) both build on it, so neither needs the other's internals.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use ron::extensions::Extensions;
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
    // The lossy copy is made only for the diagnostic, so a good file is held once.
    if let Err(bad) = crate::io::text::decode(&bytes) {
        let text = crate::io::text::strip_bom(&String::from_utf8_lossy(&bytes)).to_owned();
        let start = LineIndex::new(&text).offset(bad.line, bad.column);
        let mut diagnostics = Diagnostics::new(path, text);
        diagnostics.push(Problem::NotUtf8 { byte: bad.byte, utf16: bad.utf16 }, start..start + 1);
        return Err(Error::Invalid { diagnostics });
    }
    crate::io::text::decode_owned(bytes).map_err(|_| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is not valid UTF-8"),
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
#[cfg_attr(test, derive(Debug, PartialEq))]
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

/// An element's text as the file writes it, borrowed from the file. ron finds the extent of
/// each element while it parses the file's outline; unlike `ron::value::RawValue`, the text
/// is not parsed a second time to validate it, since the loader parses every element on its
/// own anyway (a bad element is reported there, with its position).
#[derive(Clone, Copy)]
pub(crate) struct RawText<'a>(pub(crate) &'a str);

impl<'de: 'a, 'a> Deserialize<'de> for RawText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor<'a>(std::marker::PhantomData<&'a str>);
        impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
            type Value = RawText<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<RawText<'a>, E> {
                Ok(RawText(v))
            }
        }
        // The name ron gives its raw values: it then hands over the value's text, borrowed.
        deserializer.deserialize_newtype_struct("$ron::private::RawValue", TextVisitor(std::marker::PhantomData))
    }
}

/// Problems found while loading, kept as byte ranges until the load ends: the file's text
/// is copied into [`Diagnostics`] only when there is something to report.
#[derive(Default)]
pub(crate) struct Found {
    items: Vec<(Problem, Range<usize>)>,
}

impl Found {
    /// Records an error at a byte range of the text.
    pub(crate) fn push(&mut self, problem: Problem, span: Range<usize>) {
        self.items.push((problem, span));
    }

    /// Whether nothing was found.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems as diagnostics of `path`, sorted by position.
    pub(crate) fn into_diagnostics(self, path: &Path, text: &str) -> Diagnostics {
        let mut diagnostics = Diagnostics::new(path, text);
        for (problem, span) in self.items {
            diagnostics.push(problem, span);
        }
        diagnostics.sort();
        diagnostics
    }
}

/// Reads the elements of one RON text, recording problems with their byte ranges.
pub(crate) struct Loader<'t> {
    pub(crate) text: &'t str,
    pub(crate) diagnostics: Found,
    /// Whether ron refused some text (a syntax or type error).
    pub(crate) refused_by_ron: bool,
    /// Line starts of `text`, computed at the first problem that needs them.
    lines: std::cell::OnceCell<Vec<usize>>,
}

/// A parsed element with its spans in the whole file.
pub(crate) struct Located<T> {
    pub(crate) value: T,
    pub(crate) spans: Spanned,
}

/// An element's spans, scanned only when a problem needs a position (most elements of a
/// good file never do, and scanning every one costs as much as parsing it).
pub(crate) struct LazySpans<'t> {
    text: &'t str,
    offset: usize,
    spans: std::cell::OnceCell<Spanned>,
}

impl<'t> LazySpans<'t> {
    /// The spans of `text`, an element starting at byte `offset` of the file.
    pub(crate) fn new(text: &'t str, offset: usize) -> Self {
        Self { text, offset, spans: std::cell::OnceCell::new() }
    }

    /// The scanned spans, in the whole file.
    pub(crate) fn get(&self) -> &Spanned {
        self.spans.get_or_init(|| spans::scan(self.text).shifted(self.offset))
    }

    /// The range of a field's value, or of the whole element when it has no such field.
    pub(crate) fn field_range(&self, name: &str) -> Range<usize> {
        self.get().field_range(name)
    }

    /// The element's byte range in the file.
    pub(crate) fn range(&self) -> Range<usize> {
        self.offset..self.offset + self.text.len()
    }
}

impl<'t> Loader<'t> {
    /// A loader over `text`, with nothing found yet.
    pub(crate) fn new(text: &'t str) -> Self {
        Self { text, diagnostics: Found::default(), refused_by_ron: false, lines: std::cell::OnceCell::new() }
    }

    /// What was found, as diagnostics of `path`.
    pub(crate) fn into_diagnostics(self, path: &Path) -> Diagnostics {
        self.diagnostics.into_diagnostics(path, self.text)
    }

    /// Line and column of a byte offset, with the line starts computed once.
    pub(crate) fn index(&self) -> LineIndex<'_> {
        LineIndex::with_starts(self.text, self.lines.get_or_init(|| spans::line_starts(self.text)))
    }

    /// Byte offset of an element's text (a slice of the whole text) within the whole text.
    pub(crate) fn offset_of(&self, element: &str) -> usize {
        let start = element.as_ptr() as usize;
        let base = self.text.as_ptr() as usize;
        start.saturating_sub(base).min(self.text.len())
    }

    pub(crate) fn element<T: for<'de> Deserialize<'de>>(&mut self, text: &str) -> Option<Located<T>> {
        let offset = self.offset_of(text);
        let spans = spans::scan(text).shifted(offset);
        match options().from_str::<T>(text) {
            Ok(value) => Some(Located { value, spans }),
            Err(error) => {
                self.ron_error(&error, offset);
                None
            }
        }
    }

    /// An element parsed on its own, its spans left to be scanned if a problem needs them.
    pub(crate) fn lazy_element<T: for<'de> Deserialize<'de>>(&mut self, text: &'t str) -> (Option<T>, LazySpans<'t>) {
        let offset = self.offset_of(text);
        let spans = LazySpans::new(text, offset);
        match options().from_str::<T>(text) {
            Ok(value) => (Some(value), spans),
            Err(error) => {
                self.ron_error(&error, offset);
                (None, spans)
            }
        }
    }

    /// [`Loader::lazy_element`], read by `plain` ([`super::plain`]) when it takes the text
    /// (the same value ron would give, faster), else by ron.
    pub(crate) fn lazy_plain<T: for<'de> Deserialize<'de>>(
        &mut self,
        text: &'t str,
        plain: fn(&str) -> Option<T>,
    ) -> (Option<T>, LazySpans<'t>) {
        match plain(text) {
            Some(value) => (Some(value), LazySpans::new(text, self.offset_of(text))),
            None => self.lazy_element(text),
        }
    }

    /// Reports a ron error whose position is relative to the text starting at `offset`.
    pub(crate) fn ron_error(&mut self, error: &ron::error::SpannedError, offset: usize) {
        self.refused_by_ron = true;
        let index = self.index();
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

    /// [`Loader::known`] for an element whose spans are scanned only if the kind is refused.
    pub(crate) fn known_in<K>(&mut self, kind: Result<K, VocabularyError>, spans: &LazySpans<'_>) -> Option<K> {
        match kind {
            Ok(kind) => Some(kind),
            Err(error) => self.known(Err(error), spans.field_range("kind")),
        }
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
