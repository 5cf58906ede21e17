//! A RON syntax tree that keeps comments and blank lines, for the formatter.
//!
//! [`crate::io::spans`] finds where values are; the formatter needs more: the comments
//! between values and which value each belongs to, so that it can lay the file out again
//! without losing a word. This module reads RON text into that tree. A comment on its own
//! line belongs to the value after it (it is *leading*); a comment on the line where a value
//! ends belongs to that value (it is *trailing*); comments before a closing bracket belong to
//! the container (they *dangle*). It never panics: text it cannot read is an `Err` with the
//! byte offset where it stopped (the formatter only reads text that `check` accepted).

use std::ops::Range;

/// One RON value with the comments inside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number, identifier, boolean, character or unit, as written.
    Atom(String),
    /// A string literal, as written (quotes and escapes included).
    Str(String),
    /// `Name(field: value, …)` or `(field: value, …)`.
    Struct {
        /// The struct name, if written.
        name: Option<String>,
        /// The fields, as `(name, value)`.
        fields: Container<(String, Value)>,
    },
    /// `Name(value, …)` or `(value, …)`; `Some(x)` is one.
    Tuple {
        /// The name, if written.
        name: Option<String>,
        /// The items.
        items: Container<Value>,
    },
    /// `[value, …]`.
    List(Container<Value>),
    /// `{key: value, …}`.
    Map(Container<(Value, Value)>),
}

impl Value {
    /// Whether the value or anything inside it carries a comment.
    pub fn has_comments(&self) -> bool {
        match self {
            Value::Atom(_) | Value::Str(_) => false,
            Value::Struct { fields, .. } => fields.has_comments_with(|(_, v)| v.has_comments()),
            Value::Tuple { items, .. } | Value::List(items) => items.has_comments_with(Value::has_comments),
            Value::Map(entries) => entries.has_comments_with(|(k, v)| k.has_comments() || v.has_comments()),
        }
    }

    /// Whether the value is a struct, tuple, list or map.
    pub fn is_composite(&self) -> bool {
        !matches!(self, Value::Atom(_) | Value::Str(_))
    }
}

/// The entries of a struct, tuple, list or map, and the comments before its closing bracket.
#[derive(Debug, Clone, PartialEq)]
pub struct Container<T> {
    /// The entries in file order.
    pub entries: Vec<Entry<T>>,
    /// Comments after the last entry.
    pub dangling: Vec<String>,
}

impl<T> Default for Container<T> {
    fn default() -> Self {
        Container { entries: Vec::new(), dangling: Vec::new() }
    }
}

impl<T> Container<T> {
    fn has_comments_with(&self, inner: impl Fn(&T) -> bool) -> bool {
        !self.dangling.is_empty()
            || self.entries.iter().any(|e| !e.leading.is_empty() || e.trailing.is_some() || inner(&e.item))
    }
}

/// One entry of a container with its comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    /// Comments on the lines before the entry.
    pub leading: Vec<String>,
    /// Whether a blank line separated the entry (or its comments) from what came before.
    pub blank_before: bool,
    /// The entry itself.
    pub item: T,
    /// A comment on the line where the entry ends.
    pub trailing: Option<String>,
}

/// A whole file: `#![…]` attributes, comments, one value, comments.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// Attribute lines such as `#![enable(implicit_some)]`, as written.
    pub attributes: Vec<String>,
    /// Comments before the value.
    pub leading: Vec<String>,
    /// The value.
    pub value: Value,
    /// Comments after the value.
    pub trailing: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Comment,
    Attribute,
    Str,
    Word,
    Punct(u8),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    range: Range<usize>,
    /// 0-based line where the token starts and ends.
    line: usize,
    end_line: usize,
}

/// Reads RON text into a [`File`]; `Err` is the byte offset where reading stopped.
pub fn parse(text: &str) -> Result<File, usize> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { text, tokens, pos: 0, depth: 0 };
    let mut attributes = Vec::new();
    let mut leading = Vec::new();
    loop {
        match parser.peek_kind() {
            Some(Kind::Attribute) => attributes.push(parser.take_text()),
            Some(Kind::Comment) => leading.push(parser.take_text()),
            _ => break,
        }
    }
    let value = parser.value()?;
    let mut trailing = Vec::new();
    while parser.peek_kind() == Some(Kind::Comment) {
        trailing.push(parser.take_text());
    }
    match parser.tokens.get(parser.pos) {
        None => Ok(File { attributes, leading, value, trailing }),
        Some(token) => Err(token.range.start),
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, usize> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let (mut pos, mut line) = (0usize, 0usize);
    let at = |i: usize| bytes.get(i).copied();
    while let Some(b) = at(pos) {
        let start = pos;
        let kind = match b {
            b'\n' => {
                line += 1;
                pos += 1;
                continue;
            }
            _ if b.is_ascii_whitespace() => {
                pos += 1;
                continue;
            }
            b'/' if at(pos + 1) == Some(b'/') => {
                while at(pos).is_some_and(|b| b != b'\n') {
                    pos += 1;
                }
                Kind::Comment
            }
            b'/' if at(pos + 1) == Some(b'*') => {
                let mut level = 0usize;
                loop {
                    match (at(pos), at(pos + 1)) {
                        (None, _) => return Err(start),
                        (Some(b'/'), Some(b'*')) => {
                            level += 1;
                            pos += 2;
                        }
                        (Some(b'*'), Some(b'/')) => {
                            level -= 1;
                            pos += 2;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => pos += 1,
                    }
                }
                Kind::Comment
            }
            b'#' if at(pos + 1) == Some(b'!') => {
                let mut depth = 0usize;
                while let Some(b) = at(pos) {
                    pos += 1;
                    match b {
                        b'[' => depth += 1,
                        b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Kind::Attribute
            }
            b'"' => {
                pos = quoted(bytes, pos, b'"').ok_or(start)?;
                Kind::Str
            }
            b'\'' => {
                pos = quoted(bytes, pos, b'\'').ok_or(start)?;
                Kind::Word
            }
            b'r' if matches!(at(pos + 1), Some(b'"' | b'#')) => {
                pos = raw_string(bytes, pos).ok_or(start)?;
                Kind::Str
            }
            b'b' if at(pos + 1) == Some(b'"') => {
                pos = quoted(bytes, pos + 1, b'"').ok_or(start)?;
                Kind::Word
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                pos += 1;
                Kind::Punct(b)
            }
            _ => {
                while at(pos).is_some_and(|b| !b.is_ascii_whitespace() && !b"()[]{},:\"/".contains(&b)) {
                    pos += 1;
                }
                if pos == start {
                    return Err(start);
                }
                Kind::Word
            }
        };
        let end_line = line + text[start..pos].matches('\n').count();
        tokens.push(Token { kind, range: start..pos, line, end_line });
        line = end_line;
    }
    Ok(tokens)
}

/// The end of a quoted literal starting at `start`, escapes honoured.
fn quoted(bytes: &[u8], start: usize, quote: u8) -> Option<usize> {
    let mut pos = start + 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            &b if b == quote => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

fn raw_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    let mut hashes = 0;
    while bytes.get(pos) == Some(&b'#') {
        hashes += 1;
        pos += 1;
    }
    if bytes.get(pos) != Some(&b'"') {
        return None;
    }
    pos += 1;
    loop {
        if *bytes.get(pos)? == b'"' && (1..=hashes).all(|i| bytes.get(pos + i) == Some(&b'#')) {
            return Some(pos + 1 + hashes);
        }
        pos += 1;
    }
}

const MAX_DEPTH: usize = 256;

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_kind(&self) -> Option<Kind> {
        self.peek().map(|t| t.kind)
    }

    fn offset(&self) -> usize {
        self.peek().map_or(self.text.len(), |t| t.range.start)
    }

    fn take_text(&mut self) -> String {
        let text = self.peek().map(|t| self.text[t.range.clone()].trim_end().to_owned()).unwrap_or_default();
        self.pos += 1;
        text
    }

    fn expect(&mut self, byte: u8) -> Result<(), usize> {
        if self.peek_kind() == Some(Kind::Punct(byte)) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.offset())
        }
    }

    /// Comments before a value in the middle of an entry (after `name:`), kept as leading.
    fn inner_comments(&mut self, into: &mut Vec<String>) {
        while self.peek_kind() == Some(Kind::Comment) {
            into.push(self.take_text());
        }
    }

    fn value(&mut self) -> Result<Value, usize> {
        if self.depth > MAX_DEPTH {
            return Err(self.offset());
        }
        self.depth += 1;
        let value = self.value_inner();
        self.depth -= 1;
        value
    }

    fn value_inner(&mut self) -> Result<Value, usize> {
        let Some(token) = self.peek().cloned() else { return Err(self.text.len()) };
        match token.kind {
            Kind::Str => {
                self.pos += 1;
                Ok(Value::Str(self.text[token.range].to_owned()))
            }
            Kind::Word => {
                self.pos += 1;
                let word = self.text[token.range].to_owned();
                if self.peek_kind() == Some(Kind::Punct(b'(')) && is_identifier(&word) {
                    self.parenthesised(Some(word))
                } else {
                    Ok(Value::Atom(word))
                }
            }
            Kind::Punct(b'(') => self.parenthesised(None),
            Kind::Punct(b'[') => {
                self.pos += 1;
                Ok(Value::List(self.sequence(b']', |p| p.value())?))
            }
            Kind::Punct(b'{') => {
                self.pos += 1;
                Ok(Value::Map(self.sequence(b'}', |p| {
                    let key = p.value()?;
                    p.expect(b':')?;
                    Ok((key, p.value()?))
                })?))
            }
            _ => Err(token.range.start),
        }
    }

    fn parenthesised(&mut self, name: Option<String>) -> Result<Value, usize> {
        self.expect(b'(')?;
        // A struct when the first entry is `ident:`.
        let first = self.tokens.iter().skip(self.pos).position(|t| t.kind != Kind::Comment).map(|i| self.pos + i);
        let is_struct = first.is_some_and(|i| {
            self.tokens
                .get(i)
                .is_some_and(|t| t.kind == Kind::Word && self.text.get(t.range.clone()).is_some_and(is_identifier))
                && self.tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Punct(b':'))
        });
        if is_struct {
            let fields = self.sequence(b')', |p| {
                let name = p.take_text();
                p.expect(b':')?;
                Ok((name, p.value()?))
            })?;
            Ok(Value::Struct { name, fields })
        } else {
            Ok(Value::Tuple { name, items: self.sequence(b')', |p| p.value())? })
        }
    }

    /// Entries up to the closing byte (consumed), with their comments.
    fn sequence<T>(
        &mut self,
        close: u8,
        mut entry: impl FnMut(&mut Self) -> Result<T, usize>,
    ) -> Result<Container<T>, usize> {
        let mut out = Container::default();
        // The line of the previous token: a comment on it is trailing.
        let mut last_line = self.tokens.get(self.pos.wrapping_sub(1)).map_or(0, |t| t.end_line);
        let mut pending: Vec<String> = Vec::new();
        let mut blank = false;
        loop {
            let Some(token) = self.peek().cloned() else { return Err(self.text.len()) };
            if token.line > last_line + 1 {
                blank = true;
            }
            match token.kind {
                Kind::Punct(b) if b == close => {
                    self.pos += 1;
                    out.dangling = pending;
                    return Ok(out);
                }
                Kind::Comment => {
                    let text = self.take_text();
                    match out.entries.last_mut() {
                        Some(last) if token.line == last_line && last.trailing.is_none() && pending.is_empty() => {
                            last.trailing = Some(text)
                        }
                        _ => {
                            if pending.is_empty() && out.entries.is_empty() && token.line == last_line {
                                // A comment right after the opening bracket: lead the first entry.
                                blank = false;
                            }
                            pending.push(text);
                        }
                    }
                    last_line = token.end_line;
                }
                _ => {
                    let mut leading = std::mem::take(&mut pending);
                    let blank_before = std::mem::take(&mut blank) && !out.entries.is_empty();
                    let item = entry(self)?;
                    self.inner_comments(&mut leading);
                    if self.peek_kind() == Some(Kind::Punct(b',')) {
                        self.pos += 1;
                    } else if self.peek_kind() != Some(Kind::Punct(close)) && self.peek_kind() != Some(Kind::Comment) {
                        return Err(self.offset());
                    }
                    last_line = self.tokens.get(self.pos - 1).map_or(last_line, |t| t.end_line);
                    out.entries.push(Entry { leading, blank_before, item, trailing: None });
                }
            }
        }
    }
}

fn is_identifier(word: &str) -> bool {
    word.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attaches_leading_trailing_and_dangling_comments() {
        let text = "#![enable(implicit_some)]\n// head\nModel(\n    // about the title\n    title: \"t\", // same line\n\n    nodes: [ /* first */ 1, 2,\n    // end\n    ],\n)\n// tail\n";
        let file = parse(text).unwrap();
        assert_eq!(file.attributes, ["#![enable(implicit_some)]"]);
        assert_eq!(file.leading, ["// head"]);
        assert_eq!(file.trailing, ["// tail"]);
        let Value::Struct { name, fields } = &file.value else { panic!("not a struct") };
        assert_eq!(name.as_deref(), Some("Model"));
        assert_eq!(fields.entries[0].leading, ["// about the title"]);
        assert_eq!(fields.entries[0].trailing.as_deref(), Some("// same line"));
        assert!(fields.entries[1].blank_before);
        let Value::List(items) = &fields.entries[1].item.1 else { panic!("not a list") };
        assert_eq!(items.entries[0].leading, ["/* first */"]);
        assert_eq!(items.dangling, ["// end"]);
        assert!(file.value.has_comments());
    }

    #[test]
    fn reads_tuples_maps_raw_strings_and_atoms() {
        let text = r##"(a: Some("x"), b: {"k": r#"v"#}, c: [-1.5e3, true, 'c'], d: ())"##;
        let Value::Struct { fields, .. } = parse(text).unwrap().value else { panic!("not a struct") };
        assert!(
            matches!(&fields.entries[0].item.1, Value::Tuple { name: Some(n), items } if n == "Some" && items.entries.len() == 1)
        );
        assert!(
            matches!(&fields.entries[1].item.1, Value::Map(m) if m.entries[0].item.1 == Value::Str("r#\"v\"#".into()))
        );
        assert!(
            matches!(&fields.entries[2].item.1, Value::List(l) if l.entries[0].item == Value::Atom("-1.5e3".into()))
        );
        assert!(matches!(&fields.entries[3].item.1, Value::Tuple { items, .. } if items.entries.is_empty()));
    }

    #[test]
    fn refuses_broken_text_without_panicking() {
        for text in ["", "(", "(a: ", "\"", "[1 2]", "/*", "(a: 1))", "r#\"", "{1}"] {
            assert!(parse(text).is_err(), "{text:?}");
        }
    }
}
