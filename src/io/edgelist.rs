//! Plain edge lists: `source<sep>target[<sep>weight]` per line, as `.tsv`, `.csv` or `.txt`.
//!
//! - The separator is detected per file: tab if any data line contains a tab, else comma.
//! - In comma-separated files a field may be quoted with double quotes (`"Paris, TX"`),
//!   a doubled quote inside standing for one quote; quoted fields stay on one line.
//! - Lines starting with `#` (after optional spaces) and blank lines are skipped.
//! - An optional header is recognised on the first data line: its first two fields are
//!   `source`/`target` (any case), or its third field is not a number.
//! - Fields are trimmed of surrounding spaces; names may contain inner spaces and any
//!   Unicode, and are kept verbatim as node id, name and label.
//! - Every node becomes a [`NodeKind::Actor`], every line a [`EdgeKind::RelatedTo`] edge
//!   with the weight given (none = 1). Duplicate lines stay separate edges (analysis views
//!   merge them).
//!
//! Field splitting is done here rather than by the `csv` crate so that every error can
//! point at the exact line and column (1-based, in characters). Valid unquoted lines are
//! sliced in place without allocating; labels are interned once into an [`EdgeList`],
//! which analyses can use directly
//! ([`GraphView::from_edge_list`](crate::analysis::GraphView::from_edge_list)) without
//! building a [`Model`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use foldhash::fast::FixedState;

use crate::io::limit::{self, Limit};
use crate::model::{Edge, EdgeKind, Model, Node, NodeKind};

/// What is wrong with one line of an edge list.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LineProblem {
    /// The line has a source but no target.
    #[error("missing target: expected `source<sep>target[<sep>weight]`")]
    MissingTarget,
    /// A node name is empty.
    #[error("empty node name")]
    EmptyName,
    /// The weight is not a number (or is NaN).
    #[error("weight `{text}` is not a number")]
    NotANumber {
        /// The field as written.
        text: String,
    },
    /// The weight is zero, negative or infinite.
    #[error("weight {value} must be positive and finite")]
    NotPositive {
        /// The weight given.
        value: f64,
    },
    /// More than three fields.
    #[error("{count} fields: expected source, target and an optional weight")]
    TooManyFields {
        /// How many fields the line has.
        count: usize,
    },
    /// A quoted field is not closed, or text follows its closing quote.
    #[error("malformed quoted field")]
    BadQuote,
    /// The file is not UTF-8 from here on.
    #[error("{0}")]
    NotUtf8(crate::io::text::NotUtf8),
}

/// Why an edge list cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EdgeListError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than relgraph will hold in memory.
    #[error(transparent)]
    TooLarge(#[from] crate::io::limit::TooLarge),
    /// A line is malformed.
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based.
        line: usize,
        /// Column, 1-based, in characters.
        column: usize,
        /// What is wrong.
        problem: LineProblem,
    },
}

/// Reads an edge list file into a [`Model`]. See the [module docs](self) for the format.
pub fn read(path: &Path) -> Result<Model, EdgeListError> {
    limit::check(path, Limit::EDGE_LIST_MODEL)?;
    read_list(path).map(|list| list.to_model())
}

/// Reads an edge list file into a lean [`EdgeList`] (labels interned once, ties as index
/// pairs), for analyses that need nothing else.
pub fn read_list(path: &Path) -> Result<EdgeList, EdgeListError> {
    limit::check(path, Limit::EDGE_LIST)?;
    let bytes = std::fs::read(path).map_err(|source| EdgeListError::Io { path: path.to_path_buf(), source })?;
    let text = crate::io::text::decode_owned(bytes).map_err(|bad| EdgeListError::Line {
        path: path.to_path_buf(),
        line: bad.line,
        column: bad.column,
        problem: LineProblem::NotUtf8(bad),
    })?;
    parse_list(&text, path)
}

/// An edge list as read: every label once, every line a pair of label indices and an
/// optional weight. Labels are numbered in order of first appearance, which is the node
/// order of [`EdgeList::to_model`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeList {
    /// The model title: the file stem.
    pub title: String,
    labels: Vec<Box<str>>,
    sources: Vec<u32>,
    targets: Vec<u32>,
    /// Empty when no line gives a weight; else one per line, NaN where a line gives none.
    weights: Vec<f64>,
}

impl EdgeList {
    /// Number of distinct labels (nodes).
    pub fn node_count(&self) -> usize {
        self.labels.len()
    }

    /// Number of lines read as ties (edges).
    pub fn edge_count(&self) -> usize {
        self.sources.len()
    }

    /// The label of node `i`, if in range.
    pub fn label(&self, i: usize) -> Option<&str> {
        self.labels.get(i).map(|l| &**l)
    }

    /// The node indices of tie `i` (source, target); (0, 0) when out of range.
    pub fn ends(&self, i: usize) -> (u32, u32) {
        (self.sources.get(i).copied().unwrap_or(0), self.targets.get(i).copied().unwrap_or(0))
    }

    /// The weight tie `i`'s line gives, if any.
    pub fn weight(&self, i: usize) -> Option<f64> {
        self.weights.get(i).copied().filter(|w| !w.is_nan())
    }

    /// A model of the labels only (actors, in order), without ties: enough to name the
    /// results of analyses run on [`GraphView::from_edge_list`](crate::analysis::GraphView::from_edge_list).
    pub fn to_node_model(&self) -> Model {
        let mut model = Model::new(self.title.clone());
        for label in &self.labels {
            // Labels are distinct, so this cannot fail.
            let _ = model.add_node(Node::new(&**label, NodeKind::Actor, &**label));
        }
        model
    }

    /// The full model: every label an [`NodeKind::Actor`], every line a
    /// [`EdgeKind::RelatedTo`] edge with its weight.
    pub fn to_model(&self) -> Model {
        let mut model = self.to_node_model();
        for i in 0..self.edge_count() {
            let (a, b) = self.ends(i);
            let (Some(from), Some(to)) = (self.label(a as usize), self.label(b as usize)) else { continue };
            let mut edge = Edge::new(from, to, EdgeKind::RelatedTo);
            edge.weight = self.weight(i);
            let _ = model.add_edge(edge);
        }
        model
    }
}

/// A field of a line and the 1-based column where it starts.
struct Field {
    text: String,
    column: usize,
}
/// Splits a line on `sep`, honouring double quotes when `quotes` is set.
fn split(line: &str, sep: char, quotes: bool) -> Result<Vec<Field>, usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut fields = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        while chars.get(i).is_some_and(|&c| c != sep && c.is_whitespace()) {
            i += 1;
        }
        let mut text = String::new();
        let column = i + 1;
        if quotes && chars.get(i) == Some(&'"') {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(column),
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        text.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        text.push(c);
                        i += 1;
                    }
                }
            }
            while let Some(&c) = chars.get(i).filter(|&&c| c != sep) {
                if !c.is_whitespace() {
                    return Err(i + 1);
                }
                i += 1;
            }
        } else {
            while let Some(&c) = chars.get(i).filter(|&&c| c != sep) {
                text.push(c);
                i += 1;
            }
            text = text.trim().to_owned();
        }
        fields.push(Field { text, column: if start == i { start + 1 } else { column } });
        if i >= chars.len() {
            return Ok(fields);
        }
        i += 1; // the separator
    }
}

fn is_number(text: &str) -> bool {
    text.parse::<f64>().is_ok()
}

/// A line's fields as trimmed slices (at most four kept) and their count, without
/// allocating; `None` when a quote needs the careful path of [`split`].
fn split_fast(line: &str, sep: char, quotes: bool) -> Option<([&str; 4], usize)> {
    if quotes && line.contains('"') {
        return None;
    }
    let mut fields = [""; 4];
    let mut count = 0;
    for field in line.split(sep) {
        if let Some(slot) = fields.get_mut(count) {
            *slot = field.trim();
        }
        count += 1;
    }
    Some((fields, count))
}

/// One line, read: source, target and optional weight; `None` for a header.
type Tie<'a> = Option<(std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>, Option<f64>)>;

/// The fast reading of a valid line; `None` when the line is a header, malformed or quoted
/// (then [`careful_line`] reads it again and names the problem).
fn fast_line(line: &str, sep: char, quotes: bool, first: bool) -> Option<Tie<'_>> {
    let (f, count) = split_fast(line, sep, quotes)?;
    if first {
        let header = (f[0].eq_ignore_ascii_case("source") && f[1].eq_ignore_ascii_case("target") && count > 1)
            || (count > 2 && !f[2].is_empty() && !is_number(f[2]));
        if header {
            return Some(None);
        }
    }
    if !(2..=3).contains(&count) || f[0].is_empty() || f[1].is_empty() {
        return None;
    }
    let weight = if count == 3 && !f[2].is_empty() {
        let value: f64 = f[2].parse().ok()?;
        if value.is_nan() || value <= 0.0 || !value.is_finite() {
            return None;
        }
        Some(value)
    } else {
        None
    };
    Some(Some((f[0].into(), f[1].into(), weight)))
}

/// The careful reading of one line, with quotes and exact columns for every problem.
fn careful_line<'a>(
    line: &str,
    number: usize,
    sep: char,
    quotes: bool,
    first: bool,
    path: &Path,
) -> Result<Tie<'a>, EdgeListError> {
    let error = |line: usize, column: usize, problem: LineProblem| EdgeListError::Line {
        path: path.to_path_buf(),
        line,
        column,
        problem,
    };
    let fields = split(line, sep, quotes).map_err(|col| error(number, col, LineProblem::BadQuote))?;
    if first {
        let named = |i: usize, word: &str| fields.get(i).is_some_and(|f| f.text.eq_ignore_ascii_case(word));
        let header = (named(0, "source") && named(1, "target"))
            || fields.get(2).is_some_and(|f| !f.text.is_empty() && !is_number(&f.text));
        if header {
            return Ok(None);
        }
    }
    let end = line.chars().count() + 1;
    let mut fields = fields.into_iter();
    let (Some(source), target) = (fields.next(), fields.next()) else {
        return Err(error(number, end, LineProblem::MissingTarget));
    };
    let Some(target) = target else {
        return Err(error(number, end, LineProblem::MissingTarget));
    };
    let rest: Vec<Field> = fields.collect();
    if let Some(extra) = rest.get(1) {
        return Err(error(number, extra.column, LineProblem::TooManyFields { count: rest.len() + 2 }));
    }
    for f in [&source, &target] {
        // A quoted field of spaces is no name either.
        if f.text.trim().is_empty() {
            return Err(error(number, f.column, LineProblem::EmptyName));
        }
    }
    let weight = match rest.first() {
        Some(f) if !f.text.is_empty() => {
            let value: f64 = f
                .text
                .parse()
                .ok()
                .filter(|v: &f64| !v.is_nan())
                .ok_or_else(|| error(number, f.column, LineProblem::NotANumber { text: f.text.clone() }))?;
            if value <= 0.0 || !value.is_finite() {
                return Err(error(number, f.column, LineProblem::NotPositive { value }));
            }
            Some(value)
        }
        _ => None,
    };
    Ok(Some((source.text.into(), target.text.into(), weight)))
}

/// Parses edge-list text into a [`Model`]; `path` names the file in error messages and
/// gives the model's title (its file stem). Cost O(length of text).
pub fn parse(text: &str, path: &Path) -> Result<Model, EdgeListError> {
    parse_list(text, path).map(|list| list.to_model())
}

/// Parses edge-list text into an [`EdgeList`]. Lines are sliced in place (no allocation per
/// line; a line with a quote, or a malformed one, takes a careful path that names the
/// problem), and each label is stored once, numbered by first appearance.
/// Cost O(length of text).
pub fn parse_list(text: &str, path: &Path) -> Result<EdgeList, EdgeListError> {
    let text = crate::io::text::strip_bom(text);
    let data = || {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    };
    let tab = text.contains('\t') && data().any(|(_, l)| l.contains('\t'));
    let (sep, quotes) = if tab { ('\t', false) } else { (',', true) };
    let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut ids: HashMap<Box<str>, u32, FixedState> = HashMap::with_hasher(FixedState::default());
    let mut intern = |name: &str| -> u32 {
        if let Some(&i) = ids.get(name) {
            return i;
        }
        let i = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        ids.insert(name.into(), i);
        i
    };
    let mut list = EdgeList { title, ..EdgeList::default() };
    for (k, (number, line)) in data().enumerate() {
        let first = k == 0;
        let tie = match fast_line(line, sep, quotes, first) {
            Some(tie) => tie,
            None => careful_line(line, number, sep, quotes, first, path)?,
        };
        let Some((source, target, weight)) = tie else { continue };
        list.sources.push(intern(&source));
        list.targets.push(intern(&target));
        match weight {
            Some(w) => {
                list.weights.resize(list.sources.len() - 1, f64::NAN);
                list.weights.push(w);
            }
            None if !list.weights.is_empty() => list.weights.push(f64::NAN),
            None => {}
        }
    }
    let mut labels = vec![Box::<str>::default(); ids.len()];
    for (label, i) in ids {
        if let Some(slot) = labels.get_mut(i as usize) {
            *slot = label;
        }
    }
    list.labels = labels;
    Ok(list)
}

/// Writes a model as an edge list: one `source<sep>target<sep>weight` line per edge (node
/// ids, weight 1 when unset), under a `source<sep>target<sep>weight` header; `sep` is a tab
/// or a comma. Fields holding the separator, a quote or a line break are quoted for commas
/// and have those characters replaced by spaces for tabs, where a source that starts with
/// `#` (which would read as a comment) starts with `＃` (U+FF03) instead. Nodes without
/// edges and every attribute other than the weight are not kept: this is the format's limit.
pub fn write(model: &Model, sep: char) -> String {
    let field = |text: &str| -> String {
        if sep == '\t' {
            text.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
        } else if text.contains([',', '"', '\n', '\r']) || text.starts_with('#') || text.trim() != text {
            format!("\"{}\"", text.replace('"', "\"\"").replace(['\n', '\r'], " "))
        } else {
            text.to_owned()
        }
    };
    let mut out = format!("source{sep}target{sep}weight\n");
    for edge in model.edges() {
        let mut from = field(&edge.from);
        if sep == '\t' && from.trim_start().starts_with('#') {
            // A line that starts with `#` is a comment, and TSV has no quotes: keep the edge.
            from = from.trim_start().replacen('#', "\u{ff03}", 1);
        }
        out.push_str(&format!("{from}{sep}{}{sep}{}\n", field(&edge.to), edge.weight()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Model, EdgeListError> {
        parse(text, Path::new("g.csv"))
    }

    fn problem(text: &str) -> (usize, usize, LineProblem) {
        match p(text) {
            Err(EdgeListError::Line { line, column, problem, .. }) => (line, column, problem),
            other => panic!("expected a line error, got {other:?}"),
        }
    }

    #[test]
    fn reads_tabs_comments_header_spaces_and_unicode() {
        let m =
            p("# comment\n\nsource\ttarget\tweight\nJean Valjean\tCosette\t2.5\nMlle Baptistine\tÉponine\n").unwrap();
        assert_eq!(m.node_count(), 4);
        assert_eq!(m.edge_count(), 2);
        let node = m.node("Jean Valjean").unwrap();
        assert_eq!((node.name.as_str(), node.kind), ("Jean Valjean", NodeKind::Actor));
        assert_eq!(m.edges().next().unwrap().weight, Some(2.5));
        assert_eq!(m.edges().nth(1).unwrap().weight, None);
        assert!(m.node("Éponine").is_ok());
        assert_eq!(m.title, "g");
    }

    #[test]
    fn reads_quoted_csv_fields_and_keeps_duplicates() {
        let m = p("\"Paris, TX\",\"He said \"\"hi\"\"\", 0.5\na,b\na,b\r\n").unwrap();
        assert!(m.node("Paris, TX").is_ok());
        assert!(m.node("He said \"hi\"").is_ok());
        assert_eq!(m.edge_count(), 3);
    }

    #[test]
    fn header_detected_by_non_numeric_third_field_only_on_first_line() {
        let m = p("from,to,strength\na,b,1\n").unwrap();
        assert_eq!(m.edge_count(), 1);
        assert_eq!(problem("a,b,1\nc,d,x\n"), (2, 5, LineProblem::NotANumber { text: "x".into() }));
    }

    #[test]
    fn bad_lines_name_line_and_column() {
        assert_eq!(problem("a,b\nlonely\n"), (2, 7, LineProblem::MissingTarget));
        assert_eq!(problem("a,b,0\n"), (1, 5, LineProblem::NotPositive { value: 0.0 }));
        assert_eq!(problem("a,b,-2\n"), (1, 5, LineProblem::NotPositive { value: -2.0 }));
        assert_eq!(problem("a,b,NaN\n").2, LineProblem::NotANumber { text: "NaN".into() });
        assert_eq!(problem("a,b,1,2\n"), (1, 7, LineProblem::TooManyFields { count: 4 }));
        assert_eq!(problem("a,,1\n"), (1, 3, LineProblem::EmptyName));
        assert_eq!(problem("\"a,b\n").2, LineProblem::BadQuote);
        let e = p("a,b,0\n").unwrap_err().to_string();
        assert!(e.starts_with("g.csv:1:5:"), "{e}");
    }

    #[test]
    fn the_lean_list_and_the_model_agree_on_labels_ties_and_weights() {
        let text = "# c\na,b\n\"x, y\",a,2\nb,a\nc,c,0.5\n";
        let list = parse_list(text, Path::new("g.csv")).unwrap();
        assert_eq!((list.node_count(), list.edge_count()), (4, 4));
        assert_eq!(list.label(2), Some("x, y"));
        assert_eq!((list.ends(1), list.weight(1), list.weight(0)), ((2, 0), Some(2.0), None));
        let model = list.to_model();
        assert_eq!(model, p(text).unwrap());
        let labels: Vec<&str> = model.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(labels, ["a", "b", "x, y", "c"]);
        assert_eq!(list.to_node_model().edge_count(), 0);
        assert_eq!(list.label(9), None);
    }

    #[test]
    fn missing_file_is_an_io_error() {
        assert!(matches!(read(Path::new("/nonexistent/x.tsv")), Err(EdgeListError::Io { .. })));
    }
}
