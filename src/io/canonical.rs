//! The canonical layout of a RON model, as `relgraph fmt` writes it.
//!
//! One layout for every model, so that diffs show only real changes:
//! - the model struct, each of its lists (`sources`, `nodes`, `edges` …) and each element of
//!   those lists are written one field per line, indented by four spaces, with trailing
//!   commas;
//! - inside an element, values are written on one line (`aliases: ["Tokyo", "Abe
//!   government"]`, `attrs: {"office": "…"}`), except a list of two or more structs (the
//!   evidence of a tie), which gets one struct per line;
//! - fields follow the order of the format's documentation (`id`, `kind`, `name` … for a
//!   node; `from`, `to`, `kind` … for a tie); fields it does not know keep their order after
//!   those it does;
//! - strings are written in double quotes, with only `"`, `\` and control characters
//!   escaped (raw strings and needless escapes become plain text);
//! - every comment is kept next to the value it was written with (see [`crate::io::cst`]),
//!   and so is one blank line where there were one or more; anything holding a comment is
//!   laid out over several lines so that the comment has a line of its own.
//!
//! Nodes, ties and everything else keep their order. [`format()`] refuses a file with errors
//! (it reports them as `check` does) and checks that the text it returns reads back to the
//! same model, so formatting can never change what a model means.

use std::path::Path;

use crate::io::cst::{self, Entry, Value};
use crate::io::diagnostic::{Diagnostics, Problem};
use crate::Error;

/// Formats model text into the canonical layout.
///
/// `path` names the file in diagnostics. A file with problems is an [`Error::Invalid`]
/// with every problem, as [`crate::io::ron::parse`] finds them.
pub fn format(text: &str, path: &Path) -> Result<String, Error> {
    let text = crate::io::text::strip_bom(text);
    let model = crate::io::ron::parse(text, path).map_err(|diagnostics| Error::Invalid { diagnostics })?;
    let (_, formatted) = lay_out(text, path)?;
    // The layout must never change what the model says.
    match crate::io::ron::parse(&formatted, path) {
        Ok(again) if again.to_file() == model.to_file() => Ok(formatted),
        _ => Err(refuse(text, path, 0, CHANGED)),
    }
}

/// [`format()`] for an editor, which has checked that the text loads (the language server's
/// analysis did): the formatted text is checked value by value against the text by the
/// syntax tree reader ([`same_values`]) instead of being loaded again, which on a
/// 10,000-node model is the difference between answering in a fraction of a second and in
/// several (BENCHMARKS.md, "Language server"). `relgraph fmt` keeps the full check.
pub fn format_loaded(text: &str, path: &Path) -> Result<String, Error> {
    let text = crate::io::text::strip_bom(text);
    let (file, formatted) = lay_out(text, path)?;
    // Text already in canonical layout (the usual case on saving) says what it said.
    if formatted == text {
        return Ok(formatted);
    }
    match cst::parse(&formatted) {
        Ok(again) if same_values(&file.value, &again.value) => Ok(formatted),
        _ => Err(refuse(text, path, 0, CHANGED)),
    }
}

const CHANGED: &str = "formatting would change the model; the file is left as it is (please report this)";

/// The syntax tree of `text` and the text in canonical layout.
fn lay_out(text: &str, path: &Path) -> Result<(cst::File, String), Error> {
    let file = cst::parse(text)
        .map_err(|offset| refuse(text, path, offset, "the formatter cannot read this part of the file"))?;
    let formatted = to_string(&file);
    Ok((file, formatted))
}

fn refuse(text: &str, path: &Path, offset: usize, message: &str) -> Error {
    let mut diagnostics = Diagnostics::new(path, text);
    diagnostics.push(Problem::Syntax { message: message.to_owned() }, offset..offset + 1);
    Error::Invalid { diagnostics }
}

/// Whether two syntax trees say the same: equal atoms, strings equal once their escapes are
/// read, structs with the same fields in any order, everything else item by item; comments
/// and layout do not count.
pub fn same_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Atom(x), Value::Atom(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y || string_value(x).is_some_and(|v| string_value(y) == Some(v)),
        (Value::Struct { name: n, fields: f }, Value::Struct { name: m, fields: g }) => {
            let (f, g) = (sorted_fields(f), sorted_fields(g));
            n == m && f.len() == g.len() && f.iter().zip(&g).all(|(p, q)| p.0 == q.0 && same_values(&p.1, &q.1))
        }
        (Value::Tuple { name: n, items: x }, Value::Tuple { name: m, items: y }) => n == m && same_items(x, y),
        (Value::List(x), Value::List(y)) => same_items(x, y),
        (Value::Map(x), Value::Map(y)) => {
            x.entries.len() == y.entries.len()
                && x.entries
                    .iter()
                    .zip(&y.entries)
                    .all(|(p, q)| same_values(&p.item.0, &q.item.0) && same_values(&p.item.1, &q.item.1))
        }
        _ => false,
    }
}

fn sorted_fields(c: &cst::Container<(String, Value)>) -> Vec<&(String, Value)> {
    let mut fields: Vec<&(String, Value)> = c.entries.iter().map(|e| &e.item).collect();
    fields.sort_by(|p, q| p.0.cmp(&q.0));
    fields
}

fn same_items(x: &cst::Container<Value>, y: &cst::Container<Value>) -> bool {
    x.entries.len() == y.entries.len() && x.entries.iter().zip(&y.entries).all(|(p, q)| same_values(&p.item, &q.item))
}

/// The text a string literal stands for.
fn string_value(literal: &str) -> Option<String> {
    ron::from_str::<String>(literal).ok()
}

/// Reads a model file (as every command reads it: size limit, UTF-8 check) and returns its
/// text with the text in canonical layout.
pub fn format_file(path: &Path) -> Result<(String, String), Error> {
    let text = crate::io::loader::read_utf8(path)?;
    let formatted = format(&text, path)?;
    Ok((text, formatted))
}

/// Writes a syntax tree in the canonical layout.
pub fn to_string(file: &cst::File) -> String {
    let mut printer = Printer { out: String::new(), indent: 0 };
    for attribute in &file.attributes {
        printer.out.push_str(attribute);
        printer.out.push('\n');
    }
    for comment in &file.leading {
        printer.out.push_str(comment);
        printer.out.push('\n');
    }
    printer.value(&file.value, Place::Root, Some("Model"));
    printer.out.push('\n');
    for comment in &file.trailing {
        printer.out.push_str(comment);
        printer.out.push('\n');
    }
    printer.out
}

/// Where a value stands, which decides its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The model itself.
    Root,
    /// A field of the model (`nodes: […]`).
    Section,
    /// An item of a section (a node, a tie).
    Element,
    /// A field of an element.
    Field,
    /// Anything deeper.
    Inline,
}

/// The fields of each struct of the format, by struct name, in canonical order (editors
/// complete field names from this list too).
pub fn field_order(ty: &str) -> &'static [&'static str] {
    match ty {
        "Model" => &[
            "title",
            "description",
            "as_of",
            "includes",
            "sources",
            "node_kinds",
            "edge_kinds",
            "nodes",
            "edges",
            "influence",
        ],
        "Source" => &["id", "title", "author", "date", "url"],
        "Node" => &["id", "kind", "name", "aliases", "since", "until", "date", "tags", "attrs", "description"],
        "Edge" => &["from", "to", "kind", "since", "until", "weight", "intensity", "topic", "note", "evidence"],
        "Evidence" => &["source", "quote"],
        "NodeKind" => &["name", "label", "actor", "meaning"],
        "EdgeKind" => &[
            "name",
            "label",
            "polarity",
            "symmetric",
            "from",
            "to",
            "cameo",
            "goldstein",
            "forward",
            "backward",
            "meaning",
        ],
        "Rule" => &["kind", "from", "to", "cameo", "goldstein", "forward", "backward", "reason"],
        _ => &[],
    }
}

/// The struct type of the items of a field, for structs written without their name.
pub fn item_type(field: &str) -> Option<&'static str> {
    Some(match field {
        "sources" => "Source",
        "nodes" => "Node",
        "edges" => "Edge",
        "evidence" => "Evidence",
        "node_kinds" => "NodeKind",
        "edge_kinds" => "EdgeKind",
        "influence" => "Rule",
        _ => return None,
    })
}

struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    fn value(&mut self, value: &Value, place: Place, ty: Option<&str>) {
        match value {
            Value::Atom(atom) => self.out.push_str(atom),
            Value::Str(literal) => self.string(literal),
            Value::Struct { name, fields } => {
                let ty = name.as_deref().or(ty).unwrap_or("");
                let mut entries: Vec<&Entry<(String, Value)>> = fields.entries.iter().collect();
                let order = field_order(ty);
                entries.sort_by_key(|e| order.iter().position(|f| *f == e.item.0).unwrap_or(order.len()));
                let multi = matches!(place, Place::Root | Place::Element) || value.has_comments();
                let inner = match place {
                    Place::Root => Place::Section,
                    Place::Element => Place::Field,
                    _ => Place::Inline,
                };
                self.out.push_str(name.as_deref().unwrap_or(""));
                self.container(("(", ")"), &entries, &fields.dangling, multi, |p, (field, value)| {
                    p.out.push_str(field);
                    p.out.push_str(": ");
                    p.value(value, inner, item_type(field));
                });
            }
            Value::Tuple { items, .. } | Value::List(items) => {
                let brackets = if matches!(value, Value::List(_)) { ("[", "]") } else { ("(", ")") };
                let composite = items.entries.iter().any(|e| e.item.is_composite());
                let multi = value.has_comments()
                    || !items.entries.is_empty()
                        && match place {
                            Place::Section => true,
                            Place::Root | Place::Field => composite && items.entries.len() >= 2,
                            _ => false,
                        };
                let inner = if place == Place::Section { Place::Element } else { Place::Inline };
                if let Value::Tuple { name: Some(name), .. } = value {
                    self.out.push_str(name);
                }
                let entries: Vec<&Entry<Value>> = items.entries.iter().collect();
                self.container(brackets, &entries, &items.dangling, multi, |p, item| p.value(item, inner, ty));
            }
            Value::Map(map) => {
                let entries: Vec<&Entry<(Value, Value)>> = map.entries.iter().collect();
                self.container(("{", "}"), &entries, &map.dangling, value.has_comments(), |p, (key, value)| {
                    p.value(key, Place::Inline, None);
                    p.out.push_str(": ");
                    p.value(value, Place::Inline, None);
                });
            }
        }
    }

    fn container<T>(
        &mut self,
        (open, close): (&str, &str),
        entries: &[&Entry<T>],
        dangling: &[String],
        multi: bool,
        mut item: impl FnMut(&mut Self, &T),
    ) {
        self.out.push_str(open);
        if !multi || entries.is_empty() && dangling.is_empty() {
            for (i, entry) in entries.iter().enumerate() {
                if i > 0 {
                    self.out.push_str(", ");
                }
                item(self, &entry.item);
            }
            self.out.push_str(close);
            return;
        }
        self.indent += 1;
        self.out.push('\n');
        for (i, entry) in entries.iter().enumerate() {
            if entry.blank_before && i > 0 {
                self.out.push('\n');
            }
            for comment in &entry.leading {
                self.line(comment);
            }
            self.pad();
            item(self, &entry.item);
            self.out.push(',');
            if let Some(comment) = &entry.trailing {
                self.out.push(' ');
                self.out.push_str(comment);
            }
            self.out.push('\n');
        }
        for comment in dangling {
            self.line(comment);
        }
        self.indent -= 1;
        self.pad();
        self.out.push_str(close);
    }

    fn pad(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    fn line(&mut self, text: &str) {
        self.pad();
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A string literal in double quotes, escaping only what must be escaped.
    fn string(&mut self, literal: &str) {
        let Ok(text) = ron::from_str::<String>(literal) else {
            // Not a string ron reads (it accepted the file, so this does not happen): keep it.
            self.out.push_str(literal);
            return;
        };
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' | '\\' | '\n' | '\r' | '\t' => self.out.extend(c.escape_default()),
                c if c.is_control() => self.out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format(text, Path::new("m.ron")).unwrap_or_else(|e| panic!("{e}: {e:?}"))
    }

    const MESSY: &str = r##"// A model written by hand.
Model(title: r#"Two "states""#,
  nodes: [Node(name: "A", id: "a", kind: country, aliases: ["Ay",  "Aa"]), // the first
     // the second
     Node(kind: country, id: "b", name: "B\u{e9}"),
  ],
  edges: [ Edge(kind: cooperates_with, to: "b", from: "a", evidence: [Evidence(quote: "q1", source: "s"), Evidence(source: "s", quote: "q2")]) ],
  sources: [Source(id: "s", title: "S")],
)
"##;

    #[test]
    fn lays_out_orders_fields_normalises_quotes_and_keeps_comments() {
        let expected = r#"// A model written by hand.
Model(
    title: "Two \"states\"",
    sources: [
        Source(
            id: "s",
            title: "S",
        ),
    ],
    nodes: [
        Node(
            id: "a",
            kind: country,
            name: "A",
            aliases: ["Ay", "Aa"],
        ), // the first
        // the second
        Node(
            id: "b",
            kind: country,
            name: "Bé",
        ),
    ],
    edges: [
        Edge(
            from: "a",
            to: "b",
            kind: cooperates_with,
            evidence: [
                Evidence(source: "s", quote: "q1"),
                Evidence(source: "s", quote: "q2"),
            ],
        ),
    ],
)
"#;
        assert_eq!(fmt(MESSY), expected);
    }

    #[test]
    fn is_idempotent_and_keeps_the_model() {
        let once = fmt(MESSY);
        assert_eq!(fmt(&once), once);
        let before = crate::io::ron::parse(MESSY, Path::new("m.ron")).unwrap();
        let after = crate::io::ron::parse(&once, Path::new("m.ron")).unwrap();
        assert_eq!(before.to_file(), after.to_file());
    }

    #[test]
    fn the_editors_check_agrees_with_the_full_one_and_sees_a_changed_value() {
        let once = fmt(MESSY);
        assert_eq!(format_loaded(MESSY, Path::new("m.ron")).unwrap(), once);
        let tree = |t: &str| cst::parse(t).unwrap().value;
        assert!(same_values(&tree(MESSY), &tree(&once)));
        // One changed letter in a string, a number or a field name is a different model.
        for (from, to) in [("\"q2\"", "\"q3\""), ("B\\u{e9}", "B\\u{e8}"), ("aliases", "alias")] {
            assert!(!same_values(&tree(MESSY), &tree(&MESSY.replacen(from, to, 1))), "{from}");
        }
    }

    #[test]
    fn keeps_one_blank_line_and_comments_inside_values() {
        let text = "Model(\n    title: \"t\",\n\n\n\n    nodes: [\n        Node(id: \"a\", kind: country, name: \"A\", attrs: {\n            \"k\": \"v\", // why\n        }),\n    ],\n)\n";
        let out = fmt(text);
        assert!(out.contains("    title: \"t\",\n\n    nodes: ["), "{out}");
        assert!(out.contains("            attrs: {\n                \"k\": \"v\", // why\n            },\n"), "{out}");
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn refuses_a_file_with_errors_and_names_the_place() {
        let text = "Model(title: \"t\", nodes: [Node(id: \"a\", kind: country, name: \"A\")], edges: [Edge(from: \"a\", to: \"zz\", kind: meets)])";
        let Err(Error::Invalid { diagnostics }) = format(text, Path::new("m.ron")) else {
            panic!("formatted a broken file")
        };
        assert_eq!(diagnostics.items[0].line, 1);
        assert!(diagnostics.render().contains("unknown node `zz`"), "{}", diagnostics.render());
    }

    #[test]
    fn the_shipped_model_is_canonical() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(fmt(&text) == text, "graphs/japan_russia_2014.ron is not in canonical form: run `relgraph fmt` on it");
    }
}
