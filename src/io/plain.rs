//! A quick reader for the plain form of one RON element, the form relgraph's own writer
//! gives: a named struct, fields of strings, bare words, booleans, lists and nested named
//! structs, with spaces and newlines between them and nothing else.
//!
//! ron's typed parse of every node and edge was half of loading a big model file (see
//! BENCHMARKS.md, "Merging two 500k-tie models"). This reader takes only text whose meaning
//! is beyond doubt and answers `None` for anything else: an escape in a string, a comment, a
//! raw identifier, a number, a field given twice, a struct written without its name, any
//! character it does not expect. The caller then parses the element with ron, so that every
//! value and every diagnostic stays exactly ron's; a reader built on this one must give, for
//! each text it accepts, what ron gives for it.

/// A position in one element's text.
pub(crate) struct Plain<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Plain<'t> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Self { text, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips spaces, tabs and line breaks (a comment is not plain: the next step refuses it).
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` after optional space.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// An ASCII identifier: a letter or `_`, then letters, digits and `_`, followed by
    /// neither a character ron would read as part of a raw identifier nor a quote.
    fn identifier(&mut self) -> Option<&'t str> {
        self.space();
        let start = self.pos;
        let bytes = self.text.as_bytes();
        if !matches!(self.peek(), Some(b'a'..=b'z' | b'A'..=b'Z' | b'_')) {
            return None;
        }
        while matches!(bytes.get(self.pos), Some(b) if b.is_ascii_alphanumeric() || *b == b'_') {
            self.pos += 1;
        }
        // Not plain: `r#…`, `b"…"`, `a.b`, `a-b`, or a non-ASCII letter going on.
        match self.peek() {
            Some(b'#' | b'"' | b'\'' | b'.' | b'+' | b'-') => None,
            Some(b) if !b.is_ascii() => None,
            _ => Some(&self.text[start..self.pos]),
        }
    }

    /// A string without escapes, its text as written.
    pub(crate) fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let rest = &self.text[self.pos..];
        let end = rest.find('"')?;
        let value = &rest[..end];
        if value.contains('\\') {
            return None;
        }
        self.pos += end + 1;
        Some(value)
    }

    /// A bare word (an enum's unit variant, such as a kind), not one RON gives a meaning of
    /// its own; it must be followed by the next field or the end of the struct.
    pub(crate) fn word(&mut self) -> Option<&'t str> {
        let word = self.identifier()?;
        let reserved = matches!(word, "true" | "false" | "Some" | "None" | "inf" | "NaN" | "_");
        self.space();
        (!reserved && matches!(self.peek(), Some(b',' | b')'))).then_some(word)
    }

    /// A decimal number such as `0.5` or `-2` (no exponent, underscore or suffix), as ron
    /// reads it: the same text through `f64::from_str`.
    pub(crate) fn number(&mut self) -> Option<f64> {
        self.space();
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(self.peek() == Some(b'-'));
        if !digits(&mut at) {
            return None;
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return None;
            }
        }
        let value = self.text[start..at].parse().ok()?;
        self.pos = at;
        self.space();
        matches!(self.peek(), Some(b',' | b')')).then_some(value)
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self) -> Option<bool> {
        let value = match self.identifier()? {
            "true" => true,
            "false" => false,
            _ => return None,
        };
        self.space();
        matches!(self.peek(), Some(b',' | b')')).then_some(value)
    }

    /// A list of items read by `item`, with an optional trailing comma.
    pub(crate) fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            self.space();
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Some(items);
            }
            items.push(item(self)?);
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                _ => return None,
            }
        }
    }

    /// A list of strings, each owned.
    pub(crate) fn strings(&mut self) -> Option<Vec<String>> {
        self.list(|p| p.string().map(str::to_owned))
    }

    /// A map of strings to strings, `{"key": "value", …}`; a key given twice is not plain.
    pub(crate) fn string_map(&mut self) -> Option<std::collections::BTreeMap<String, String>> {
        self.expect(b'{')?;
        let mut map = std::collections::BTreeMap::new();
        loop {
            self.space();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Some(map);
            }
            let key = self.string()?;
            self.expect(b':')?;
            let value = self.string()?;
            if map.insert(key.to_owned(), value.to_owned()).is_some() {
                return None;
            }
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                _ => return None,
            }
        }
    }

    /// The struct `name(…)`, each field handed to `field` by name once the colon is read;
    /// `field` reads the value. A trailing comma is allowed; an empty struct is not plain.
    pub(crate) fn fields(&mut self, name: &str, mut field: impl FnMut(&mut Self, &'t str) -> Option<()>) -> Option<()> {
        self.space();
        if !self.text[self.pos..].starts_with(name) {
            return None;
        }
        self.pos += name.len();
        if self.peek() != Some(b'(') {
            return None;
        }
        self.pos += 1;
        loop {
            let key = self.identifier()?;
            self.expect(b':')?;
            field(self, key)?;
            self.space();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.space();
                    if self.peek() == Some(b')') {
                        self.pos += 1;
                        return Some(());
                    }
                }
                Some(b')') => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Whether only space is left.
    pub(crate) fn end(mut self) -> Option<()> {
        self.space();
        (self.pos == self.text.len()).then_some(())
    }
}

/// Sets a field read once; a second value makes the element not plain (ron reports it).
pub(crate) fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value?);
            Some(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_plain_form_and_refuses_the_rest() {
        let mut seen = Vec::new();
        let mut p = Plain::new(" Edge(from: \"a b\", kind: meets, tags: [\"x\", \"y\",], draft: true,)\n");
        let read = p.fields("Edge", |p, name| {
            match name {
                "from" => seen.push(p.string()?.to_owned()),
                "kind" => seen.push(p.word()?.to_owned()),
                "tags" => seen.extend(p.strings()?),
                "draft" => seen.push(p.boolean()?.to_string()),
                _ => return None,
            }
            Some(())
        });
        assert_eq!(read, Some(()));
        assert_eq!(p.end(), Some(()));
        assert_eq!(seen, ["a b", "meets", "x", "y", "true"]);
        // Each of these is RON that ron reads, but not plainly: the reader declines.
        for text in [
            "Edge(from: \"a\\\"b\")",
            "Edge(from: \"a\" /* c */)",
            "Edge(kind: r#meets)",
            "Edge(kind: Some)",
            "Edge (from: \"a\")",
            "(from: \"a\")",
            "Edge(from: \"a\") x",
            "Edge(from: [\"a\" \"b\"])",
            "Edge()",
        ] {
            let mut p = Plain::new(text);
            let read = p.fields("Edge", |p, name| match name {
                "from" => p.string().map(drop),
                "kind" => p.word().map(drop),
                _ => None,
            });
            assert!(read.and_then(|()| p.end()).is_none(), "{text}");
        }
    }
}
