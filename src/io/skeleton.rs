//! The top level of a RON file read by the span scanner ([`crate::io::spans`]), strictly:
//! the struct's fields in order, each list's items as text, or nothing when the file is not
//! plainly well formed at that level.
//!
//! Loading a model used to let ron find where each element of `nodes` and `edges` ends
//! (`RawValue`): ron parsed every element to skip it, parsed it again to check the raw value,
//! then once more typed, and those first two passes were about two thirds of the load of a
//! 10,000-node model (BENCHMARKS.md, "Language server"). The scanner finds the same extents
//! in one light pass. It is lenient where ron is not, so [`read`] accepts a file only when
//! everything *between* the values is exactly what RON allows there (trivia, one comma, a
//! field name and its colon, the closing bracket) and leaves the values to ron: the caller
//! parses every item and scalar with ron, and falls back to ron's own outline as soon as ron
//! refuses one of them. A file with raw identifiers, non-ASCII
//! whitespace or nested block comments between values is left to ron too.

use crate::io::spans::Spanned;

/// A struct's fields in file order: each field's name and value text, with the items of
/// list values.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skeleton<'t> {
    /// The `#![…]` attribute lines before the struct, as written.
    pub attributes: Vec<&'t str>,
    /// The struct's name as written (`"Model"`), empty when it has none.
    pub name: &'t str,
    /// Each field: its name, its value's text, and the items' texts if the value is a list.
    pub fields: Vec<(&'t str, &'t str, Option<Vec<&'t str>>)>,
}

/// The top-level struct of `text` laid out by `root` (from [`crate::io::spans::outline`]
/// over the same text), or `None` when anything between its values is not plain RON.
pub fn read<'t>(text: &'t str, root: &Spanned) -> Option<Skeleton<'t>> {
    let mut at = Cursor { text, pos: 0 };
    at.trivia()?;
    let mut attributes = Vec::new();
    while text[at.pos..].starts_with("#![") {
        let end = at.pos + text[at.pos..].find(']')? + 1;
        attributes.push(&text[at.pos..end]);
        at.pos = end;
        at.trivia()?;
    }
    if at.pos != root.range.start || root.range.end > text.len() {
        return None;
    }
    let name_end = at.pos + text[at.pos..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    let name = &text[at.pos..name_end];
    at.pos = name_end;
    at.expect(b'(')?;
    let mut fields: Vec<(&Spanned, &str)> = root.fields.iter().map(|(n, v)| (v, n.as_str())).collect();
    fields.sort_by_key(|(v, _)| v.range.start);
    let mut out = Skeleton { attributes, name, fields: Vec::with_capacity(fields.len()) };
    for (value, field) in fields {
        at.trivia()?;
        let name_start = at.pos;
        at.word(field)?;
        let field = &text[name_start..at.pos];
        at.trivia()?;
        at.expect(b':')?;
        at.trivia()?;
        let written = at.value(value)?;
        let items = if written.starts_with('[') { Some(items(text, value)?) } else { None };
        out.fields.push((field, written, items));
        at.trivia()?;
        if at.peek() == Some(b',') {
            at.pos += 1;
        } else {
            break;
        }
    }
    at.trivia()?;
    at.expect(b')')?;
    (at.pos == root.range.end && at.trivia().is_some() && at.pos == text.len()).then_some(out)
}

/// The items of a list value laid out by `list`, checked to be separated by single commas.
fn items<'t>(text: &'t str, list: &Spanned) -> Option<Vec<&'t str>> {
    let mut at = Cursor { text, pos: list.range.start };
    at.expect(b'[')?;
    let mut out = Vec::with_capacity(list.items.len());
    for item in &list.items {
        // As ron's raw values do, an item's text starts after the whitespace that follows
        // the comma or bracket before it, with any comments after that.
        at.pos += text[at.pos..].bytes().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
        let start = at.pos;
        at.trivia()?;
        at.value(item)?;
        out.push(&text[start..at.pos]);
        at.trivia()?;
        if at.peek() == Some(b',') {
            at.pos += 1;
        } else {
            break;
        }
    }
    at.trivia()?;
    at.expect(b']')?;
    (at.pos == list.range.end && out.len() == list.items.len()).then_some(out)
}

struct Cursor<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    fn word(&mut self, word: &str) -> Option<()> {
        let rest = self.text.get(self.pos..)?;
        let follows = rest.as_bytes().get(word.len()).copied().unwrap_or(b' ');
        let whole = !(follows.is_ascii_alphanumeric() || follows == b'_' || follows >= 0x80);
        (rest.starts_with(word) && whole).then(|| self.pos += word.len())
    }

    /// The value the scanner found here, which must start at the cursor.
    fn value(&mut self, value: &Spanned) -> Option<&'t str> {
        if value.range.start != self.pos || value.range.end <= value.range.start {
            return None;
        }
        let written = self.text.get(value.range.clone())?;
        self.pos = value.range.end;
        Some(written)
    }

    /// Skips ASCII whitespace, line comments and block comments without nesting; `None` at
    /// anything else ron might read differently (an unclosed or nested block comment).
    fn trivia(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        loop {
            match (bytes.get(self.pos), bytes.get(self.pos + 1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    let rest = bytes.get(self.pos..).unwrap_or_default();
                    self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                }
                (Some(b'/'), Some(b'*')) => {
                    let body = &self.text[self.pos + 2..];
                    let end = body.find("*/")?;
                    if body[..end].contains("/*") {
                        return None;
                    }
                    self.pos += 2 + end + 2;
                }
                _ => return Some(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::spans::outline;

    fn skeleton(text: &str) -> Option<Skeleton<'_>> {
        read(text, &outline(text))
    }

    #[test]
    fn reads_fields_and_items_in_order() {
        let text = "// c\nModel(\n  title: \"t\", /* x */\n  nodes: [A(id: \"a\"), B(id: \"b, c\"),],\n)\n";
        let s = skeleton(text).unwrap();
        assert_eq!(s.name, "Model");
        assert_eq!(s.fields.len(), 2);
        assert_eq!(s.fields[0], ("title", "\"t\"", None));
        assert_eq!(s.fields[1].2.as_deref(), Some(&["A(id: \"a\")", "B(id: \"b, c\")"][..]));
    }

    #[test]
    fn leaves_anything_unusual_to_ron() {
        for text in [
            "Model(title: \"t\", nodes: [A() B()])",
            "Model(title: \"t\" nodes: [])",
            "Model(title: \"t\", title: \"u\")",
            "Model(title: \"t\",, nodes: [])",
            "Model(title: \"t\", nodes: [A(),, B()])",
            "Model(title: \"t\") x",
            "Model(title: \"t\", nodes: [A(id: \"a)])",
            "Model(title: \"t\" /* a /* b */ */)",
            "Model(title: \"t\", nodes: [)",
            "Model(title:: \"t\")",
            "Model(\u{a0}title: \"t\")",
        ] {
            assert_eq!(skeleton(text), None, "{text}");
        }
        assert!(skeleton("(title: \"t\")").is_some());
        let attributes = skeleton("#![enable(implicit_some)]\nModel(title: \"t\")").unwrap().attributes;
        assert_eq!(attributes, ["#![enable(implicit_some)]"]);
        assert!(skeleton("Model()").is_some());
    }
}
