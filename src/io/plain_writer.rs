//! Nodes and edges written as ron's pretty printer writes them in a model's lists, without
//! going through ron, for the values whose text is beyond doubt.
//!
//! Serialising a big model's elements through ron was most of saving it (BENCHMARKS.md,
//! "Merging two 500k-tie models"). [`node`] and [`edge`] write an element as ron does at the
//! depth of a model's `nodes` and `edges` (eight spaces), with relgraph's pretty
//! configuration: struct names, four-space indents, strings unescaped, `Some` implicit.
//! They give up (`None`) on anything ron might write another way: a string with a quote or a
//! backslash (ron writes a raw string), a word that is not a plain identifier (ron writes
//! `r#…` or refuses it), a number that is not finite. The caller then has ron write the
//! element's chunk, so the text is always ron's (`io::ron_writer` tests compare the two).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::{Edge, Evidence, Node, PartialDate};

/// Indentation of an element in a model's list, and of its fields and their items.
const ELEMENT: &str = "        ";
const FIELD: &str = "            ";
const ITEM: &str = "                ";
const INNER: &str = "                    ";

/// A string as ron writes it unescaped, when it needs no raw form.
fn string(out: &mut String, value: &str) -> Option<()> {
    if value.contains(['"', '\\']) {
        return None;
    }
    out.push('"');
    out.push_str(value);
    out.push('"');
    Some(())
}

/// `name: "value",` on a field line.
fn text_field(out: &mut String, name: &str, value: &str) -> Option<()> {
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": ");
    string(out, value)?;
    out.push_str(",\n");
    Some(())
}

/// An optional string field, left out when absent.
fn some_text(out: &mut String, name: &str, value: Option<&String>) -> Option<()> {
    value.map_or(Some(()), |v| text_field(out, name, v))
}

/// An optional date field, written as its text.
fn some_date(out: &mut String, name: &str, value: Option<PartialDate>, scratch: &mut String) -> Option<()> {
    let Some(date) = value else { return Some(()) };
    scratch.clear();
    write!(scratch, "{date}").ok()?;
    text_field(out, name, scratch)
}

/// An optional number field, as ron writes an `f64` (its `Debug` form).
fn some_number(out: &mut String, name: &str, value: Option<f64>) -> Option<()> {
    let Some(value) = value else { return Some(()) };
    if !value.is_finite() {
        return None;
    }
    out.push_str(FIELD);
    out.push_str(name);
    writeln!(out, ": {value:?},").ok()
}

/// A kind, as ron writes a unit variant: a plain identifier only.
fn word_field(out: &mut String, name: &str, word: &str) -> Option<()> {
    let mut bytes = word.bytes();
    let first = bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
    let reserved = ["true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];
    if !first || !bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') || reserved.contains(&word) {
        return None;
    }
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": ");
    out.push_str(word);
    out.push_str(",\n");
    Some(())
}

/// A list of strings, left out when empty.
fn strings(out: &mut String, name: &str, values: &[String]) -> Option<()> {
    if values.is_empty() {
        return Some(());
    }
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": [\n");
    for value in values {
        out.push_str(ITEM);
        string(out, value)?;
        out.push_str(",\n");
    }
    out.push_str(FIELD);
    out.push_str("],\n");
    Some(())
}

/// A map of strings, left out when empty.
fn string_map(out: &mut String, name: &str, values: &BTreeMap<String, String>) -> Option<()> {
    if values.is_empty() {
        return Some(());
    }
    out.push_str(FIELD);
    out.push_str(name);
    out.push_str(": {\n");
    for (key, value) in values {
        out.push_str(ITEM);
        string(out, key)?;
        out.push_str(": ");
        string(out, value)?;
        out.push_str(",\n");
    }
    out.push_str(FIELD);
    out.push_str("},\n");
    Some(())
}

/// `draft: true,` when set.
fn draft(out: &mut String, draft: bool) {
    if draft {
        out.push_str(FIELD);
        out.push_str("draft: true,\n");
    }
}

/// The evidence list, left out when empty.
fn evidence(out: &mut String, values: &[Evidence]) -> Option<()> {
    if values.is_empty() {
        return Some(());
    }
    out.push_str(FIELD);
    out.push_str("evidence: [\n");
    for e in values {
        out.push_str(ITEM);
        out.push_str("Evidence(\n");
        for (name, value) in [("source", &e.source), ("quote", &e.quote)] {
            out.push_str(INNER);
            out.push_str(name);
            out.push_str(": ");
            string(out, value)?;
            out.push_str(",\n");
        }
        out.push_str(ITEM);
        out.push_str("),\n");
    }
    out.push_str(FIELD);
    out.push_str("],\n");
    Some(())
}

/// Appends a node as ron writes it in a model's `nodes` (with its closing `),\n`), or
/// `None` when ron might write it otherwise; `out` then holds a partial element.
pub(crate) fn node(out: &mut String, n: &Node, scratch: &mut String) -> Option<()> {
    out.push_str(ELEMENT);
    out.push_str("Node(\n");
    text_field(out, "id", &n.id)?;
    word_field(out, "kind", n.kind.as_str())?;
    text_field(out, "name", &n.name)?;
    strings(out, "aliases", &n.aliases)?;
    some_date(out, "since", n.since, scratch)?;
    some_date(out, "until", n.until, scratch)?;
    some_date(out, "date", n.date, scratch)?;
    strings(out, "tags", &n.tags)?;
    string_map(out, "attrs", &n.attrs)?;
    some_text(out, "description", n.description.as_ref())?;
    strings(out, "same_as", &n.same_as)?;
    strings(out, "sources", &n.sources)?;
    draft(out, n.draft);
    out.push_str(ELEMENT);
    out.push_str("),\n");
    Some(())
}

/// Appends an edge as ron writes it in a model's `edges`, as [`node`] does a node.
pub(crate) fn edge(out: &mut String, e: &Edge, scratch: &mut String) -> Option<()> {
    out.push_str(ELEMENT);
    out.push_str("Edge(\n");
    text_field(out, "from", &e.from)?;
    text_field(out, "to", &e.to)?;
    word_field(out, "kind", e.kind.as_str())?;
    some_date(out, "since", e.since, scratch)?;
    some_date(out, "until", e.until, scratch)?;
    some_number(out, "weight", e.weight)?;
    some_number(out, "intensity", e.intensity)?;
    some_text(out, "topic", e.topic.as_ref())?;
    some_text(out, "note", e.note.as_ref())?;
    evidence(out, &e.evidence)?;
    strings(out, "sources", &e.sources)?;
    draft(out, e.draft);
    out.push_str(ELEMENT);
    out.push_str("),\n");
    Some(())
}
