//! A model file as an editor sees it: its problems, where every id is defined and used, and
//! what belongs at a given place.
//!
//! The language server (and anything else that works on text being edited) starts here.
//! [`Document::analyse`] runs what `check` runs and keeps every problem with its byte range,
//! and reads the text once more with the span scanner ([`crate::io::spans`]) to list every
//! *occurrence* of a node id, a source id and a kind: its definition (`id:` of a node or a
//! source, `name:` of a declared kind) and its uses (`from:`, `to:`, `kind:`, evidence
//! `source:`, the ends of kind declarations and influence rules). The scan never fails, so
//! occurrences are found in a file with errors too. Ranges are byte ranges of the id itself,
//! inside its quotes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::io::diagnostic::{Problem, Severity};
use crate::io::spans::{self, Spanned};
use crate::Model;

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SymbolKind {
    /// A node id.
    Node,
    /// A source id.
    Source,
    /// A node kind (built in or declared).
    NodeKind,
    /// An edge kind (built in or declared).
    EdgeKind,
}

/// One place where an id is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// What the id names.
    pub kind: SymbolKind,
    /// The id.
    pub name: String,
    /// Byte range of the id in the text (inside its quotes).
    pub range: Range<usize>,
    /// Whether this is where the id is defined.
    pub definition: bool,
}

/// One problem `check` reports, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Byte range of the offending text.
    pub range: Range<usize>,
    /// Whether the model cannot load (error) or probably has a mistake (warning).
    pub is_error: bool,
    /// What is wrong.
    pub message: String,
    /// Advice on fixing it, where there is some.
    pub hint: Option<String>,
    /// The text a "did you mean …" hint proposes instead of the offending text (quoted as
    /// that text is), if any.
    pub replacement: Option<String>,
}

/// What belongs at a place in the text, for completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A node id (`from:`, `to:`).
    NodeId,
    /// A source id (evidence `source:`).
    SourceId,
    /// A node kind (`kind:` of a node, the ends of a declaration or rule).
    NodeKind,
    /// An edge kind (`kind:` of a tie or a rule), with the tie's ends when written.
    EdgeKind {
        /// The id in the tie's `from:`.
        from: Option<String>,
        /// The id in the tie's `to:`.
        to: Option<String>,
    },
    /// A date (`since:`, `until:`, `date:`).
    Date,
    /// A field name of the struct the place is in (`"Node"`, `"Edge"` …).
    Field(&'static str),
    /// Nothing relgraph can suggest.
    Other,
}

/// A model text analysed for an editor; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct Document {
    /// The file the text belongs to (for messages).
    pub path: PathBuf,
    /// The text.
    pub text: String,
    /// Every problem `check` reports, errors and warnings, in file order.
    pub notes: Vec<Note>,
    /// The model, when the text has no errors.
    pub model: Option<Model>,
    /// Every occurrence of an id, in file order.
    pub occurrences: Vec<Occurrence>,
    /// The positions in `occurrences` of each id's occurrences, by what the id names.
    by_name: HashMap<(SymbolKind, String), Vec<usize>>,
    spans: Spanned,
}

impl Document {
    /// Checks `text` and indexes its ids.
    pub fn analyse(path: &Path, text: String) -> Document {
        // One scan of the text serves the loader, the lint and the index of ids.
        let spans = spans::outline(&text);
        let (model, notes) = match crate::io::ron::check_outlined(&text, path, &spans) {
            Ok((model, warnings)) => (Some(model), notes_of(&text, &warnings.items)),
            Err(errors) => (None, notes_of(&text, &errors.items)),
        };
        let occurrences = occurrences(&text, &spans);
        let mut by_name: HashMap<(SymbolKind, String), Vec<usize>> = HashMap::with_capacity(occurrences.len());
        for (i, o) in occurrences.iter().enumerate() {
            by_name.entry((o.kind, o.name.clone())).or_default().push(i);
        }
        Document { path: path.to_path_buf(), text, notes, model, occurrences, by_name, spans }
    }

    /// The occurrence whose id covers `offset` (its end included, so a cursor just after an
    /// id finds it).
    pub fn occurrence_at(&self, offset: usize) -> Option<&Occurrence> {
        // Occurrences are in file order and do not overlap: the candidate is the last one
        // starting at or before `offset`.
        let after = self.occurrences.partition_point(|o| o.range.start <= offset);
        self.occurrences.get(..after).and_then(<[_]>::last).filter(|o| offset <= o.range.end)
    }

    /// The first occurrence that starts inside `range` and is a definition.
    pub fn definition_in(&self, range: &Range<usize>) -> Option<&Occurrence> {
        let first = self.occurrences.partition_point(|o| o.range.start < range.start);
        self.occurrences
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|o| o.range.start < range.end)
            .find(|o| o.definition)
    }

    /// Every occurrence of an id, the definition included, in file order.
    pub fn occurrences_of<'a>(&'a self, kind: SymbolKind, name: &str) -> impl Iterator<Item = &'a Occurrence> + 'a {
        let positions = self.by_name.get(&(kind, name.to_owned())).map_or(&[][..], Vec::as_slice);
        positions.iter().filter_map(|&i| self.occurrences.get(i))
    }

    /// Where an id is defined, if in this text.
    pub fn definition(&self, kind: SymbolKind, name: &str) -> Option<&Occurrence> {
        self.occurrences_of(kind, name).find(|o| o.definition)
    }

    /// The ids defined in this text, of one kind, in file order.
    pub fn defined(&self, kind: SymbolKind) -> impl Iterator<Item = &Occurrence> + '_ {
        self.occurrences.iter().filter(move |o| o.kind == kind && o.definition)
    }

    /// The text in the canonical layout of `relgraph fmt` ([`crate::api::format`]); text
    /// with errors is refused with them, as `fmt` refuses it. The text loaded when it was
    /// analysed, so it is not loaded again: the layout is checked against the text value by
    /// value (see `io::canonical::format_loaded`).
    pub fn formatted(&self) -> Result<String, crate::Error> {
        match &self.model {
            Some(_) => crate::io::canonical::format_loaded(&self.text, &self.path),
            None => crate::io::canonical::format(&self.text, &self.path),
        }
    }

    /// The files the text includes, as written, with the byte range of each entry (inside
    /// its quotes).
    pub fn includes(&self) -> Vec<(String, Range<usize>)> {
        let entries = self.spans.field("includes").map_or(&[][..], |l| l.items.as_slice());
        entries.iter().map(|e| (unquote(&self.text[e.range.clone()]), inner(&self.text, &e.range))).collect()
    }

    /// The byte ranges of the elements of a section (`"nodes"`, `"edges"` …), in file order.
    pub fn elements(&self, section: &str) -> Vec<Range<usize>> {
        self.spans.field(section).map_or_else(Vec::new, |s| s.items.iter().map(|i| i.range.clone()).collect())
    }

    /// The value of a field of the element at `range` of a section, as written (quotes
    /// removed from a string).
    pub fn element_field(&self, section: &str, index: usize, field: &str) -> Option<String> {
        self.element_field_text(section, index, field).map(Cow::into_owned)
    }

    /// [`Document::element_field`] borrowed from the text where the value needs no
    /// unescaping (a plain string or a word), for answers that list every element.
    pub fn element_field_text(&self, section: &str, index: usize, field: &str) -> Option<Cow<'_, str>> {
        let element = self.spans.field(section)?.items.get(index)?;
        element.field(field).and_then(|f| self.text.get(f.range.clone())).map(unquote_text)
    }

    /// What belongs at `offset`, for completion.
    pub fn slot_at(&self, offset: usize) -> Slot {
        let offset = offset.min(self.text.len());
        let Some((section, element)) = self.element_at(offset) else {
            return if self.spans.range.start < offset { Slot::Field("Model") } else { Slot::Other };
        };
        let ty = crate::io::canonical::item_type(section).unwrap_or("");
        let Some(element) = element else { return Slot::Other };
        let before = &self.text[element.range.start..offset];
        let Some(field) = field_before(before) else { return Slot::Field(ty) };
        match (ty, field.as_str()) {
            ("Edge", "from" | "to") => Slot::NodeId,
            ("Edge", "source") => Slot::SourceId,
            ("Edge", "kind") | ("Rule", "kind") => {
                let end = |name: &str| element.field(name).map(|f| unquote(&self.text[f.range.clone()]));
                Slot::EdgeKind { from: end("from"), to: end("to") }
            }
            ("Node", "kind") | ("EdgeKind" | "Rule", "from" | "to") => Slot::NodeKind,
            (_, "since" | "until" | "date") => Slot::Date,
            _ => Slot::Other,
        }
    }

    fn element_at(&self, offset: usize) -> Option<(&str, Option<&Spanned>)> {
        let (name, section) = self
            .spans
            .fields
            .iter()
            .find(|(_, s)| s.range.start < offset && offset <= s.range.end.max(s.range.start))?;
        let element = section.items.iter().find(|i| i.range.start < offset && offset <= i.range.end);
        Some((name.as_str(), element))
    }
}

/// The field whose value the text ends in: `kind: coop`, `to: "ja`, `from: [country, `.
fn field_before(before: &str) -> Option<String> {
    let bytes = before.as_bytes();
    // The byte before position `i` (0 at the start, which matches nothing below).
    let prev = |i: usize| if i == 0 { 0 } else { bytes.get(i - 1).copied().unwrap_or(0) };
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80;
    let mut i = bytes.len();
    while i > 0 && is_word(prev(i)) {
        i -= 1;
    }
    if prev(i) == b'"' {
        i -= 1;
    }
    // Inside a list of kinds: go back to its opening bracket.
    let mut j = i;
    while j > 0 && (prev(j).is_ascii_whitespace() || prev(j) == b',' || is_word(prev(j))) {
        j -= 1;
    }
    if prev(j) == b'[' {
        i = j - 1;
    }
    while i > 0 && prev(i).is_ascii_whitespace() {
        i -= 1;
    }
    if prev(i) != b':' {
        return None;
    }
    let end = i - 1;
    let mut start = end;
    while start > 0 && (prev(start).is_ascii_alphanumeric() || prev(start) == b'_') {
        start -= 1;
    }
    before.get(start..end).filter(|name| !name.is_empty()).map(str::to_owned)
}

/// What composing the model rooted at `path` with the files it includes finds in `path`'s
/// own text, beyond what [`Document::analyse`] finds in each file alone: an entity defined
/// with two kinds (at the later definition, naming the other as `FILE:LINE:COL`),
/// disagreements between the files and probable duplicates. The files in `unsaved` (by path:
/// an editor's open buffers) are read from there, the others from disk. Empty when a file
/// of the model has problems of its own (those are its own notes) or cannot be read.
pub fn composition_notes(path: &Path, unsaved: &[(PathBuf, String)]) -> Vec<Note> {
    let own = |found: &&crate::io::diagnostic::Diagnostics| same_file(&found.path, path);
    // Only what composing adds: a file's own problems stay with its own notes.
    let composed = |d: &&crate::io::diagnostic::Diagnostic| {
        matches!(d.problem, Problem::KindConflict { .. } | Problem::SourceConflict { .. } | Problem::Declaration(_))
    };
    let errors = |files: &[crate::io::diagnostic::Diagnostics]| -> Vec<Note> {
        files
            .iter()
            .filter(own)
            .flat_map(|f| notes_of(&f.text, &f.items.iter().filter(composed).cloned().collect::<Vec<_>>()))
            .collect()
    };
    match crate::io::include::compose_unsaved(path, unsaved) {
        Ok(loaded) => loaded.warnings.iter().filter(own).flat_map(|w| notes_of(&w.text, &w.items)).collect(),
        Err(crate::Error::Invalid { diagnostics }) => errors(std::slice::from_ref(&diagnostics)),
        Err(crate::Error::InvalidFiles { files }) => errors(&files),
        Err(_) => Vec::new(),
    }
}

/// Whether two paths name one file (symbolic links followed where they resolve).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    a == b || resolve(a) == resolve(b)
}

fn notes_of(text: &str, items: &[crate::io::diagnostic::Diagnostic]) -> Vec<Note> {
    let quoted = |range: &Range<usize>, word: &String| match text.get(range.clone()) {
        Some(t) if t.starts_with('"') => format!("\"{word}\""),
        _ => word.clone(),
    };
    items
        .iter()
        .map(|d| Note {
            range: d.span.clone(),
            is_error: d.severity == Severity::Error,
            message: d.problem.to_string(),
            hint: d.problem.hint(),
            replacement: match &d.problem {
                Problem::UnknownNode { suggestion, .. }
                | Problem::UnknownSource { suggestion, .. }
                | Problem::UnknownKind { suggestion, .. } => suggestion.as_ref().map(|s| quoted(&d.span, s)),
                _ => None,
            },
        })
        .collect()
}

/// A string literal's text, or the word as written.
fn unquote(literal: &str) -> String {
    unquote_text(literal).into_owned()
}

/// [`unquote`], borrowing from `literal` unless the string has escapes or is raw.
fn unquote_text(literal: &str) -> Cow<'_, str> {
    // The common case, a plain string without escapes, needs no parser.
    if let Some(plain) = literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        if !plain.contains(['\\', '"']) {
            return Cow::Borrowed(plain);
        }
    }
    if literal.starts_with('"') || literal.starts_with('r') && literal.len() > 1 {
        Cow::Owned(ron::from_str::<String>(literal).unwrap_or_else(|_| literal.trim_matches('"').to_owned()))
    } else {
        Cow::Borrowed(literal)
    }
}

/// The range of a value without its quotes.
fn inner(text: &str, range: &Range<usize>) -> Range<usize> {
    let literal = &text[range.clone()];
    if literal.len() >= 2 && literal.starts_with('"') && literal.ends_with('"') {
        range.start + 1..range.end - 1
    } else {
        range.clone()
    }
}

fn occurrences(text: &str, root: &Spanned) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut add = |value: Option<&Spanned>, kind: SymbolKind, definition: bool| {
        if let Some(value) = value {
            let name = unquote(&text[value.range.clone()]);
            if !name.is_empty() && !name.contains(['(', '[', '{', '\n']) {
                out.push(Occurrence { kind, name, range: inner(text, &value.range), definition });
            }
        }
    };
    let items = |section: &str| root.field(section).map_or(&[][..], |s| s.items.as_slice());
    for source in items("sources") {
        add(source.field("id"), SymbolKind::Source, true);
    }
    for decl in items("node_kinds") {
        add(decl.field("name"), SymbolKind::NodeKind, true);
    }
    for decl in items("edge_kinds") {
        add(decl.field("name"), SymbolKind::EdgeKind, true);
        for end in ["from", "to"] {
            for kind in decl.field(end).map_or(&[][..], |l| l.items.as_slice()) {
                add(Some(kind), SymbolKind::NodeKind, false);
            }
        }
    }
    for node in items("nodes") {
        add(node.field("id"), SymbolKind::Node, true);
        add(node.field("kind"), SymbolKind::NodeKind, false);
    }
    for edge in items("edges") {
        add(edge.field("from"), SymbolKind::Node, false);
        add(edge.field("to"), SymbolKind::Node, false);
        add(edge.field("kind"), SymbolKind::EdgeKind, false);
        for evidence in edge.field("evidence").map_or(&[][..], |l| l.items.as_slice()) {
            add(evidence.field("source"), SymbolKind::Source, false);
        }
    }
    for rule in items("influence") {
        add(rule.field("kind"), SymbolKind::EdgeKind, false);
        for end in ["from", "to"] {
            for kind in rule.field(end).map_or(&[][..], |l| l.items.as_slice()) {
                add(Some(kind), SymbolKind::NodeKind, false);
            }
        }
    }
    out.sort_by_key(|o| o.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Model(
    title: "t",
    sources: [Source(id: "s1", title: "S")],
    node_kinds: [NodeKind(name: "ministry")],
    nodes: [
        Node(id: "japan", kind: country, name: "Japan"),
        Node(id: "mofa", kind: ministry, name: "MOFA"),
    ],
    edges: [
        Edge(from: "mofa", to: "japan", kind: part_of, evidence: [Evidence(source: "s1", quote: "q")]),
        Edge(from: "japan", to: "japn", kind: meets),
    ],
)
"#;

    #[test]
    fn indexes_definitions_and_uses_even_with_errors() {
        let doc = Document::analyse(Path::new("m.ron"), TEXT.to_owned());
        assert!(doc.model.is_none());
        let japan: Vec<_> = doc.occurrences_of(SymbolKind::Node, "japan").collect();
        assert_eq!(japan.len(), 3);
        assert!(japan[0].definition && !japan[1].definition);
        assert_eq!(&TEXT[japan[0].range.clone()], "japan");
        let ministry: Vec<_> = doc.occurrences_of(SymbolKind::NodeKind, "ministry").collect();
        assert_eq!(ministry.len(), 2);
        assert!(ministry[0].definition);
        assert_eq!(doc.occurrences_of(SymbolKind::Source, "s1").count(), 2);
        let offset = TEXT.find("\"japn\"").unwrap() + 3;
        assert_eq!(doc.occurrence_at(offset).unwrap().name, "japn");
        let note = &doc.notes[0];
        assert!(note.is_error && note.message.contains("japn"));
        assert_eq!(note.replacement.as_deref(), Some("\"japan\""));
        assert_eq!(&TEXT[note.range.clone()], "\"japn\"");
    }

    #[test]
    fn reads_past_the_attribute_line() {
        let text = format!("#![enable(implicit_some)]\n{TEXT}");
        let doc = Document::analyse(Path::new("m.ron"), text.clone());
        let first = doc.occurrences_of(SymbolKind::Node, "japan").next().unwrap();
        assert_eq!(&text[first.range.clone()], "japan");
        assert_eq!(doc.occurrences.len(), Document::analyse(Path::new("m.ron"), TEXT.to_owned()).occurrences.len());
    }

    #[test]
    fn knows_what_belongs_where() {
        let doc = Document::analyse(Path::new("m.ron"), TEXT.to_owned());
        let at = |needle: &str, ahead: usize| doc.slot_at(TEXT.find(needle).unwrap() + ahead);
        assert_eq!(at("to: \"japan\"", 6), Slot::NodeId);
        assert_eq!(at("kind: part_of", 8), Slot::EdgeKind { from: Some("mofa".into()), to: Some("japan".into()) });
        assert_eq!(at("kind: ministry", 7), Slot::NodeKind);
        assert_eq!(at("source: \"s1\"", 9), Slot::SourceId);
        assert_eq!(at("name: \"MOFA\"", 0), Slot::Field("Node"));
        assert_eq!(field_before("from: [country, ac").as_deref(), Some("from"));
        assert_eq!(field_before("Node(id: \"a\", "), None);
    }
}
