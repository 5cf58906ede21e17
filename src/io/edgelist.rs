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
//! point at the exact line and column (1-based, in characters).

use std::path::{Path, PathBuf};

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

/// Reads an edge list file. See the [module docs](self) for the format.
pub fn read(path: &Path) -> Result<Model, EdgeListError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| EdgeListError::Io { path: path.to_path_buf(), source })?;
    parse(&text, path)
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
        while i < chars.len() && chars[i] != sep && chars[i].is_whitespace() {
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
            while i < chars.len() && chars[i] != sep {
                if !chars[i].is_whitespace() {
                    return Err(i + 1);
                }
                i += 1;
            }
        } else {
            while i < chars.len() && chars[i] != sep {
                text.push(chars[i]);
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

/// Parses edge-list text; `path` names the file in error messages and gives the model's
/// title (its file stem). Cost O(length of text).
pub fn parse(text: &str, path: &Path) -> Result<Model, EdgeListError> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect();
    let tab = lines.iter().any(|(_, l)| l.contains('\t'));
    let (sep, quotes) = if tab { ('\t', false) } else { (',', true) };
    let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut model = Model::new(title);
    let error = |line: usize, column: usize, problem: LineProblem| EdgeListError::Line {
        path: path.to_path_buf(),
        line,
        column,
        problem,
    };
    for (k, &(number, line)) in lines.iter().enumerate() {
        let fields = split(line, sep, quotes).map_err(|col| error(number, col, LineProblem::BadQuote))?;
        if k == 0 {
            let named = |i: usize, word: &str| fields.get(i).is_some_and(|f| f.text.eq_ignore_ascii_case(word));
            let header = (named(0, "source") && named(1, "target"))
                || fields.get(2).is_some_and(|f| !f.text.is_empty() && !is_number(&f.text));
            if header {
                continue;
            }
        }
        let end = line.chars().count() + 1;
        let source = &fields[0];
        let Some(target) = fields.get(1) else {
            return Err(error(number, end, LineProblem::MissingTarget));
        };
        if fields.len() > 3 {
            return Err(error(number, fields[3].column, LineProblem::TooManyFields { count: fields.len() }));
        }
        for f in [source, target] {
            if f.text.is_empty() {
                return Err(error(number, f.column, LineProblem::EmptyName));
            }
        }
        let weight = match fields.get(2) {
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
        for name in [&source.text, &target.text] {
            if model.index_of(name).is_none() {
                model.add_node(Node::new(name.as_str(), NodeKind::Actor, name.as_str())).ok();
            }
        }
        let mut edge = Edge::new(source.text.as_str(), target.text.as_str(), EdgeKind::RelatedTo);
        edge.weight = weight;
        model.add_edge(edge).ok();
    }
    Ok(model)
}

/// Writes a model as an edge list: one `source<sep>target<sep>weight` line per edge (node
/// ids, weight 1 when unset), under a `source<sep>target<sep>weight` header; `sep` is a tab
/// or a comma. Fields holding the separator, a quote or a line break are quoted for commas
/// and have those characters replaced by spaces for tabs. Nodes without edges and every
/// attribute other than the weight are not kept: this is the format's limit.
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
        out.push_str(&format!("{}{sep}{}{sep}{}\n", field(&edge.from), field(&edge.to), edge.weight()));
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
    fn missing_file_is_an_io_error() {
        assert!(matches!(read(Path::new("/nonexistent/x.tsv")), Err(EdgeListError::Io { .. })));
    }
}
