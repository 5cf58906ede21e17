//! Positions of values inside RON text.
//!
//! ron reports line and column for syntax errors but keeps no positions for values that
//! parse, so semantic problems (an unknown node id, a bad date) need them from elsewhere.
//! This module is a light second scan over text that ron has already accepted: it finds
//! where each struct field's value and each list item starts and ends. It never fails and
//! never panics; on text it does not understand it returns what it found so far.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// A value's byte range and, for structs and lists, the ranges of its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spanned {
    /// Byte range of the value in the scanned text.
    pub range: Range<usize>,
    /// Field values of a struct, by field name.
    pub fields: BTreeMap<String, Spanned>,
    /// Items of a list (or tuple).
    pub items: Vec<Spanned>,
}

impl Spanned {
    /// The field's value span, if the value is a struct that has it.
    pub fn field(&self, name: &str) -> Option<&Spanned> {
        self.fields.get(name)
    }

    /// The range of a field's value, or of the whole value when the field is absent.
    pub fn field_range(&self, name: &str) -> Range<usize> {
        self.field(name).map_or_else(|| self.range.clone(), |f| f.range.clone())
    }

    /// Shifts every range by `offset` bytes.
    pub fn shifted(mut self, offset: usize) -> Spanned {
        self.shift(offset);
        self
    }

    fn shift(&mut self, offset: usize) {
        self.range = self.range.start + offset..self.range.end + offset;
        self.fields.values_mut().for_each(|f| f.shift(offset));
        self.items.iter_mut().for_each(|i| i.shift(offset));
    }
}

/// Scans one RON value (leading whitespace and comments allowed) and returns its spans.
pub fn scan(text: &str) -> Spanned {
    scan_to(text, usize::MAX)
}

/// [`scan`], recording fields and items only down to `keep` levels (the value itself is
/// level 1); deeper values are skipped, their text still scanned to find where they end.
fn scan_to(text: &str, keep: usize) -> Spanned {
    let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0, depth: 0, keep };
    scanner.skip_trivia();
    scanner.value()
}

/// Scans a whole model file: the model value after any `#![enable(…)]` attribute lines
/// and comments, with its ranges in `text`.
pub fn outline(text: &str) -> Spanned {
    outline_to(text, usize::MAX)
}

/// The top of [`outline`]: the model's fields and the extent of each item of its lists,
/// nothing inside the items. All a loader needs to cut a file into its elements, in a
/// fraction of the memory a whole outline of a big file takes.
pub fn top_outline(text: &str) -> Spanned {
    outline_to(text, 2)
}

fn outline_to(text: &str, keep: usize) -> Spanned {
    let mut pos = 0;
    loop {
        let rest = text.get(pos..).unwrap_or("");
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if trimmed.starts_with("#![") {
            pos += trimmed.find(']').map_or(trimmed.len(), |i| i + 1);
        } else if trimmed.starts_with("//") {
            pos += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            break;
        }
    }
    scan_to(text.get(pos..).unwrap_or(""), keep).shifted(pos)
}

const MAX_DEPTH: usize = 200;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Levels whose fields and items are recorded.
    keep: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        let mut level = 0usize;
        while let Some(b) = self.peek() {
            match (b, self.peek_at(1)) {
                (b'/', Some(b'*')) => {
                    level += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    self.pos += 2;
                    level = level.saturating_sub(1);
                    if level == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    fn value(&mut self) -> Spanned {
        let start = self.pos;
        let mut out = Spanned::default();
        if self.depth > MAX_DEPTH {
            self.pos = self.bytes.len();
            out.range = start..self.pos;
            return out;
        }
        self.depth += 1;
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => self.raw_string(),
            Some(b'[') => {
                self.pos += 1;
                out.items = self.sequence(b']');
            }
            Some(b'{') => {
                self.pos += 1;
                let _ = self.sequence(b'}');
            }
            Some(b'(') => self.parenthesised(&mut out),
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                self.identifier();
                let after_ident = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.parenthesised(&mut out);
                } else {
                    self.pos = after_ident;
                }
            }
            Some(_) => self.atom(),
            None => {}
        }
        self.depth -= 1;
        out.range = start..self.pos;
        out
    }

    /// `( … )`: a struct when it starts with `ident:`, else a tuple.
    fn parenthesised(&mut self, out: &mut Spanned) {
        self.pos += 1;
        self.skip_trivia();
        let checkpoint = self.pos;
        if self.peek().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_') {
            self.identifier();
            self.skip_trivia();
            let is_struct = self.peek() == Some(b':') && self.peek_at(1) != Some(b':');
            self.pos = checkpoint;
            if is_struct {
                self.struct_fields(out);
                return;
            }
        }
        out.items = self.sequence(b')');
    }

    fn struct_fields(&mut self, out: &mut Spanned) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b')') => {
                    self.pos += 1;
                    return;
                }
                Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                    let name_start = self.pos;
                    self.identifier();
                    let name =
                        String::from_utf8_lossy(self.bytes.get(name_start..self.pos).unwrap_or_default()).into_owned();
                    self.skip_trivia();
                    if self.peek() == Some(b':') {
                        self.pos += 1;
                    }
                    self.skip_trivia();
                    let value = self.value();
                    if self.depth <= self.keep {
                        out.fields.insert(name, value);
                    }
                    self.skip_trivia();
                    if self.peek() == Some(b',') {
                        self.pos += 1;
                    }
                }
                Some(_) => {
                    // Not a field: skip one value so that we always advance.
                    let before = self.pos;
                    let _ = self.value();
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    /// Items up to the closing byte, which is consumed.
    fn sequence(&mut self, close: u8) -> Vec<Spanned> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return items,
                Some(b) if b == close => {
                    self.pos += 1;
                    return items;
                }
                Some(b',' | b':') => self.pos += 1,
                Some(_) => {
                    let before = self.pos;
                    let item = self.value();
                    if self.depth <= self.keep {
                        items.push(item);
                    }
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    fn identifier(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80) {
            self.pos += 1;
        }
    }

    fn atom(&mut self) {
        while self.peek().is_some_and(|b| !b.is_ascii_whitespace() && !b",)]}:".contains(&b)) {
            self.pos += 1;
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'"' && (0..hashes).all(|i| self.peek_at(i) == Some(b'#')) {
                self.pos += hashes;
                return;
            }
        }
    }
}

/// Maps byte offsets to 1-based line and character column, and back.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Cow<'a, [usize]>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        Self { text, starts: Cow::Owned(line_starts(text)) }
    }

    /// An index over line starts computed before by [`line_starts`] on the same text.
    pub fn with_starts(text: &'a str, starts: &'a [usize]) -> Self {
        Self { text, starts: Cow::Borrowed(starts) }
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(0, |t| t.chars().count()) + 1;
        (line, column)
    }

    /// Byte offset of a 1-based line and character column (clamped to the text).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let within = line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i);
        start + within
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else { return "" };
        self.text[start..].split('\n').next().unwrap_or("").trim_end_matches('\r')
    }
}

/// Byte offsets where the lines of `text` start (the first is 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_outline_keeps_the_lists_items_and_nothing_inside_them() {
        let text = "// m\nModel(title: \"T\", nodes: [Node(id: \"a\", tags: [\"x\"]), Node(id: \"b\")], edges: [])";
        let (whole, top) = (outline(text), top_outline(text));
        assert_eq!(top.range, whole.range);
        let (all, cut) = (whole.field("nodes").unwrap(), top.field("nodes").unwrap());
        assert_eq!(cut.range, all.range);
        let ranges = |s: &Spanned| s.items.iter().map(|i| i.range.clone()).collect::<Vec<_>>();
        assert_eq!(ranges(cut), ranges(all));
        assert_eq!(&text[cut.items[1].range.clone()], "Node(id: \"b\")");
        assert!(all.items[0].field("tags").is_some());
        assert!(cut.items.iter().all(|i| i.fields.is_empty() && i.items.is_empty()));
        assert_eq!(top.field("edges").unwrap().range, whole.field("edges").unwrap().range);
    }

    #[test]
    fn finds_fields_items_and_nested_structs() {
        let text = r#"Edge(from: "a", to: "b", kind: meets, evidence: [Evidence(source: "s", quote: "q, (x)")])"#;
        let spans = scan(text);
        assert_eq!(&text[spans.field_range("to")], "\"b\"");
        assert_eq!(&text[spans.field_range("kind")], "meets");
        let evidence = spans.field("evidence").unwrap();
        assert_eq!(evidence.items.len(), 1);
        assert_eq!(&text[evidence.items[0].field_range("quote")], "\"q, (x)\"");
    }

    #[test]
    fn skips_comments_and_handles_anonymous_structs_and_maps() {
        let text = "// c\n(/* a */ id: \"x\", attrs: {\"k\": \"v\"}, n: -1.5e3, t: (1, 2))";
        let spans = scan(text);
        assert_eq!(&text[spans.field_range("id")], "\"x\"");
        assert_eq!(&text[spans.field_range("attrs")], "{\"k\": \"v\"}");
        assert_eq!(&text[spans.field_range("n")], "-1.5e3");
        assert_eq!(spans.field("t").unwrap().items.len(), 2);
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in ["", "(", "\"", "r#\"", "[[[[", "(a:", "/*", "(a: b: c)", "é(ü: 1)"] {
            let _ = scan(text);
        }
    }

    #[test]
    fn line_index_counts_characters_not_bytes() {
        let text = "ab\nœx\"y\n";
        let index = LineIndex::new(text);
        let offset = text.find('x').unwrap();
        assert_eq!(index.position(offset), (2, 2));
        assert_eq!(index.offset(2, 2), offset);
        assert_eq!(index.line_text(2), "œx\"y");
    }
}
