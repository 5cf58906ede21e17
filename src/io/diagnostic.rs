//! Problems found in a model file, each with the file position it concerns, and their
//! rendering as `FILE:LINE:COL` reports with the offending line underlined.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};

use crate::io::spans::LineIndex;
use crate::model::date::DateError;
use crate::model::NodeKind;

/// What is wrong. Variants carry the facts; [`fmt::Display`] words them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The file is not valid RON, or a value has the wrong type.
    #[error("{message}")]
    Syntax {
        /// ron's description.
        message: String,
    },
    /// The file is not UTF-8.
    #[error("the file is not valid UTF-8")]
    NotUtf8,
    /// An id is empty.
    #[error("the {what} id is empty")]
    EmptyId {
        /// "node" or "source".
        what: &'static str,
    },
    /// Two nodes (or sources) share an id.
    #[error("duplicate {what} id `{id}`")]
    DuplicateId {
        /// "node" or "source".
        what: &'static str,
        /// The id.
        id: String,
        /// Line of the first definition.
        first_line: usize,
    },
    /// An edge names a node that does not exist.
    #[error("unknown node `{id}`")]
    UnknownNode {
        /// The id given.
        id: String,
        /// The closest existing id.
        suggestion: Option<String>,
    },
    /// Evidence names a source that does not exist.
    #[error("unknown source `{id}`")]
    UnknownSource {
        /// The id given.
        id: String,
        /// The closest existing source id.
        suggestion: Option<String>,
    },
    /// A kind is not in the vocabulary.
    #[error("unknown {vocabulary} `{text}`")]
    UnknownKind {
        /// "node kind" or "edge kind".
        vocabulary: &'static str,
        /// The text given.
        text: String,
        /// The closest known kind.
        suggestion: Option<String>,
    },
    /// An edge kind cannot connect these node kinds.
    #[error("a `{kind}` edge cannot run from a {from} to a {to}")]
    KindMismatch {
        /// The edge kind.
        kind: crate::model::EdgeKind,
        /// Kind of the `from` node.
        from: NodeKind,
        /// Kind of the `to` node.
        to: NodeKind,
    },
    /// A date is malformed.
    #[error("{0}")]
    BadDate(DateError),
    /// `until` is before `since`.
    #[error("`until` ({until}) is before `since` ({since})")]
    UntilBeforeSince {
        /// The since date.
        since: String,
        /// The until date.
        until: String,
    },
    /// A weight outside (0, 1].
    #[error("weight {value} is outside (0, 1]")]
    Weight {
        /// The weight given.
        value: f64,
    },
    /// An intensity outside −10 … 10.
    #[error("intensity {value} is outside the Goldstein scale −10 … 10")]
    Intensity {
        /// The intensity given.
        value: f64,
    },
    /// A profile rule's Goldstein score outside −10 … 10.
    #[error("Goldstein score {value} is outside −10 … 10")]
    Goldstein {
        /// The score given.
        value: f64,
    },
    /// A node or edge kind declaration is refused.
    #[error(transparent)]
    Declaration(crate::model::VocabularyError),
    /// A profile rule's share of influence outside 0 … 1.
    #[error("{field} share {value} is outside 0 … 1")]
    Share {
        /// `forward` or `backward`.
        field: &'static str,
        /// The share given.
        value: f64,
    },
}

impl Problem {
    /// A short label shown under the offending text.
    pub fn label(&self) -> &'static str {
        match self {
            Problem::Syntax { .. } | Problem::NotUtf8 => "here",
            Problem::EmptyId { .. } => "empty id",
            Problem::DuplicateId { .. } => "already used",
            Problem::UnknownNode { .. } => "no node has this id",
            Problem::UnknownSource { .. } => "no source has this id",
            Problem::UnknownKind { .. } => "not a known kind",
            Problem::KindMismatch { .. } => "edge kind does not fit its ends",
            Problem::BadDate(_) => "malformed date",
            Problem::UntilBeforeSince { .. } => "ends before it starts",
            Problem::Weight { .. } => "weight out of range",
            Problem::Intensity { .. } => "intensity out of range",
            Problem::Goldstein { .. } => "score out of range",
            Problem::Share { .. } => "share out of range",
            Problem::Declaration(_) => "bad declaration",
        }
    }

    /// Advice on fixing it, where there is some.
    pub fn hint(&self) -> Option<String> {
        match self {
            Problem::DuplicateId { first_line, .. } => {
                Some(format!("first defined on line {first_line}; ids must be unique"))
            }
            Problem::UnknownNode { suggestion: Some(s), .. } | Problem::UnknownSource { suggestion: Some(s), .. } => {
                Some(format!("did you mean `{s}`?"))
            }
            Problem::UnknownNode { suggestion: None, .. } => Some("declare the node in `nodes` first".into()),
            Problem::UnknownSource { suggestion: None, .. } => Some("declare the source in `sources`".into()),
            Problem::UnknownKind { suggestion: Some(s), .. } => Some(format!("did you mean `{s}`?")),
            Problem::UnknownKind { vocabulary, .. } => Some(format!("see docs/format.md for every {vocabulary}")),
            Problem::KindMismatch { kind, .. } => {
                let rule = kind.rule();
                let names = |kinds: &[NodeKind]| match kinds {
                    [] => "any".to_owned(),
                    kinds => kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" | "),
                };
                Some(format!("`{kind}` runs from {} to {}", names(rule.from), names(rule.to)))
            }
            Problem::BadDate(_) => Some("dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"".into()),
            Problem::Weight { .. } => Some("weight is tie strength: 0 < weight ≤ 1 (1 when omitted)".into()),
            Problem::Intensity { .. } => {
                Some("intensity runs from −10 (most conflictual) to +10 (most cooperative)".into())
            }
            Problem::UntilBeforeSince { .. } => Some("swap the dates, or fix the one that is wrong".into()),
            Problem::Goldstein { .. } => Some(
                "the Goldstein scale runs from −10 (most conflictual) to +10 (most cooperative); 0 = no channel".into(),
            ),
            Problem::Share { .. } => Some("a share is the part of the tie's strength carried that way: 0 … 1".into()),
            _ => None,
        }
    }
}

/// One problem at one place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// What is wrong.
    pub problem: Problem,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range of the offending text.
    pub span: Range<usize>,
}

/// Every problem found in one file, in file order, with the text they point into.
#[derive(Debug, Clone)]
pub struct Diagnostics {
    /// The file.
    pub path: PathBuf,
    /// The file's text (lossy when it was not UTF-8).
    pub text: String,
    /// The problems, sorted by position.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list for a file.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self { path: path.into(), text: text.into(), items: Vec::new() }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Records a problem at a byte range of the text.
    pub fn push(&mut self, problem: Problem, span: Range<usize>) {
        let index = LineIndex::new(&self.text);
        let (line, column) = index.position(span.start);
        let end = span.end.clamp(span.start, self.text.len());
        self.items.push(Diagnostic { problem, line, column, span: span.start.min(self.text.len())..end });
    }

    /// Sorts by position; stable for problems at the same place.
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| (d.line, d.column));
    }

    /// Renders every problem: a `FILE:LINE:COL: error: message` line, then the offending
    /// line with the span underlined and a hint, in plain text (no colour codes).
    pub fn render(&self) -> String {
        let mut out = String::new();
        for item in &self.items {
            out.push_str(&self.render_one(item));
        }
        out
    }

    fn render_one(&self, item: &Diagnostic) -> String {
        let name = self.path.display().to_string();
        let mut out = format!("{name}:{}:{}: error: {}\n", item.line, item.column, item.problem);
        let report = Report { item, source: NamedSource::new(name.clone(), self.text.clone()) };
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(100);
        let mut snippet = String::new();
        if handler.render_report(&mut snippet, &report).is_ok() {
            // The first lines repeat the message (wrapped when long); keep the snippet and
            // hint from its frame on. miette counts the frame's column in bytes: use ours.
            let lines: Vec<&str> = snippet.lines().collect();
            let frame = lines.iter().position(|l| l.contains("╭─[")).unwrap_or(1.min(lines.len()));
            for line in &lines[frame..] {
                match line.split_once("╭─[") {
                    Some((indent, _)) => out.push_str(&format!("{indent}╭─[{name}:{}:{}]\n", item.line, item.column)),
                    None => out.push_str(&format!("{line}\n")),
                }
            }
        }
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

struct Report<'a> {
    item: &'a Diagnostic,
    source: NamedSource<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.item)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.item.problem)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = &self.item.span;
        let label = LabeledSpan::new(Some(self.item.problem.label().to_owned()), span.start, span.len().max(1));
        Some(Box::new(std::iter::once(label)))
    }

    fn help(&self) -> Option<Box<dyn fmt::Display + '_>> {
        self.item.problem.hint().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}
