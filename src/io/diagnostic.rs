//! Problems found in a model file, each with the file position it concerns, and their
//! rendering as `FILE:LINE:COL` reports with the offending line underlined.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use crate::io::snippet::{self, Excerpt};
use crate::io::spans::{line_starts, LineIndex};
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
    #[error("{}", if *utf16 { "the file is UTF-16, not UTF-8".to_owned() } else { format!("byte 0x{byte:02X} is not UTF-8") })]
    NotUtf8 {
        /// The first bad byte.
        byte: u8,
        /// Whether the file starts with a UTF-16 byte-order mark.
        utf16: bool,
    },
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
    /// Two node ids are one once case and Unicode normalisation are ignored (a warning).
    #[error("node id `{id}` differs from `{other}` only by {how}")]
    SimilarIds {
        /// The later id.
        id: String,
        /// The earlier id.
        other: String,
        /// "case", "Unicode normalisation" or "surrounding spaces".
        how: &'static str,
        /// Line of the earlier id.
        first_line: usize,
    },
    /// A node's name or alias is also another node's id, name or alias (a warning).
    #[error("{what} `{name}` of `{node}` is also the {other_what} `{other}` of `{other_node}`")]
    SharedName {
        /// "name" or "alias".
        what: &'static str,
        /// The name or alias.
        name: String,
        /// The node it belongs to.
        node: String,
        /// "id", "name" or "alias": what it equals in the other node.
        other_what: &'static str,
        /// The other node's id, name or alias it equals.
        other: String,
        /// The other node's id.
        other_node: String,
    },
    /// An edge repeats an earlier one exactly (a warning).
    #[error("this edge repeats the one on line {first_line} exactly")]
    DuplicateEdge {
        /// Line of the earlier edge.
        first_line: usize,
    },
    /// The model holds drafted nodes or ties nobody has reviewed yet (a warning).
    #[error("{nodes} node(s) and {edges} tie(s) are unreviewed drafts")]
    UnreviewedDrafts {
        /// Drafted nodes.
        nodes: usize,
        /// Drafted edges.
        edges: usize,
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
    /// An included file cannot be read.
    #[error("cannot include `{file}`: {reason}")]
    Include {
        /// The path as written.
        file: String,
        /// Why not (the OS error).
        reason: String,
    },
    /// A file includes itself, directly or through others.
    #[error("including `{file}` makes a cycle: {chain}")]
    IncludeCycle {
        /// The path as written.
        file: String,
        /// The files in the cycle, `a.ron → b.ron → a.ron`.
        chain: String,
    },
    /// One entity is given another kind in another file.
    #[error("node `{id}` is a {kind} here but a {other_kind} at {other}")]
    KindConflict {
        /// The id as written here.
        id: String,
        /// The kind given here.
        kind: NodeKind,
        /// The kind given first.
        other_kind: NodeKind,
        /// Where it was given first, `FILE:LINE:COL`.
        other: String,
    },
    /// A source id names different sources in two files.
    #[error("source `{id}` is described differently in {other}")]
    SourceConflict {
        /// The id.
        id: String,
        /// The other file.
        other: String,
    },
    /// Two sources state one thing differently (a warning).
    #[error("sources disagree on {subject}: {states} here, {other_states} at {other}")]
    Disagreement {
        /// What about: `the date of crimea_annexation`, `the tie russia annexes crimea`.
        subject: String,
        /// What is stated here.
        states: String,
        /// The sources stating it here.
        sources: Vec<String>,
        /// A quote stating it here.
        quote: Option<String>,
        /// What was stated first.
        other_states: String,
        /// Where, `FILE:LINE:COL`.
        other: String,
        /// The sources stating it there.
        other_sources: Vec<String>,
        /// A quote stating it there.
        other_quote: Option<String>,
    },
    /// Nodes of two files share a name but are not joined (a warning).
    #[error("node `{id}` shares the name `{name}` with node `{other_id}` at {other}")]
    ProbableDuplicate {
        /// This node's id.
        id: String,
        /// The shared name or alias.
        name: String,
        /// The other node's id.
        other_id: String,
        /// Where it is written, `FILE:LINE:COL`.
        other: String,
    },
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
            Problem::Syntax { .. } | Problem::NotUtf8 { .. } => "here",
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
            Problem::SimilarIds { .. } => "looks like another id",
            Problem::SharedName { .. } => "names two nodes",
            Problem::DuplicateEdge { .. } => "duplicate edge",
            Problem::UnreviewedDrafts { .. } => "first draft",
            Problem::Declaration(_) => "bad declaration",
            Problem::Include { .. } => "cannot read",
            Problem::IncludeCycle { .. } => "cycle",
            Problem::KindConflict { .. } => "another kind",
            Problem::SourceConflict { .. } => "another source",
            Problem::Disagreement { .. } => "sources disagree",
            Problem::ProbableDuplicate { .. } => "probably the same entity",
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
            Problem::NotUtf8 { .. } => Some(
                "relgraph reads UTF-8 text: save the file as UTF-8 (a file from Windows may be in Windows-1252)".into(),
            ),
            Problem::BadDate(_) => Some("dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"".into()),
            Problem::Weight { .. } => Some("weight is tie strength: 0 < weight ≤ 1 (1 when omitted)".into()),
            Problem::Intensity { .. } => {
                Some("intensity runs from −10 (most conflictual) to +10 (most cooperative)".into())
            }
            Problem::UntilBeforeSince { .. } => Some("swap the dates, or fix the one that is wrong".into()),
            Problem::Goldstein { .. } => Some(
                "the Goldstein scale runs from −10 (most conflictual) to +10 (most cooperative); 0 = no channel".into(),
            ),
            Problem::SimilarIds { first_line, .. } => Some(format!(
                "the other is on line {first_line}; lookups ignore case and normalisation, so a name finds either: \
                 rename one, or merge them"
            )),
            Problem::SharedName { .. } => {
                Some("a lookup by this name is ambiguous: drop or change the alias on one node".into())
            }
            Problem::DuplicateEdge { .. } => {
                Some("delete one; to record that a tie held twice, give each its own dates or evidence".into())
            }
            Problem::Include { .. } => Some("paths in `includes` are relative to the including file".into()),
            Problem::IncludeCycle { .. } => Some("a file may include another only once on any chain".into()),
            Problem::KindConflict { .. } => {
                Some("one id is one entity: give both the same kind, or give one of them another id".into())
            }
            Problem::SourceConflict { .. } => {
                Some("one source id is one document: describe it alike, or give one another id".into())
            }
            Problem::Disagreement { sources, quote, other_sources, other_quote, .. } => {
                let side = |sources: &[String], quote: &Option<String>| {
                    let quote = quote.as_ref().map(|q| format!(" “{q}”")).unwrap_or_default();
                    format!("{}{quote}", sources.join(", "))
                };
                Some(format!(
                    "here: {}; there: {}; kept: the first statement",
                    side(sources, quote),
                    side(other_sources, other_quote)
                ))
            }
            Problem::ProbableDuplicate { other_id, .. } => {
                Some(format!("if they are one entity, add `same_as: [\"{other_id}\"],` to this node"))
            }
            Problem::UnreviewedDrafts { .. } => Some(
                "review each drafted node and tie (relgraph draft --review writes a page for it), then delete its \
                 `draft: true`; analyses leave drafts out with --no-drafts"
                    .into(),
            ),
            Problem::Share { .. } => Some("a share is the part of the tie's strength carried that way: 0 … 1".into()),
            _ => None,
        }
    }
}

/// How serious a problem is: an error stops the load, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The model cannot be loaded as written.
    Error,
    /// The model loads, but something in it is probably a mistake.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem at one place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// What is wrong.
    pub problem: Problem,
    /// Error or warning.
    pub severity: Severity,
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
    /// Byte offsets where the lines of `text` start, built on first use.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl PartialEq for Diagnostics {
    fn eq(&self, other: &Self) -> bool {
        (&self.path, &self.text, &self.items) == (&other.path, &other.text, &other.items)
    }
}

impl Diagnostics {
    /// An empty list for a file.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self { path: path.into(), text: text.into(), items: Vec::new(), line_starts: std::sync::OnceLock::new() }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether any problem is an error (not only warnings).
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// The number of problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    fn index(&self) -> LineIndex<'_> {
        let starts = self.line_starts.get_or_init(|| line_starts(&self.text));
        LineIndex::with_starts(&self.text, starts)
    }

    /// Records an error at a byte range of the text.
    pub fn push(&mut self, problem: Problem, span: Range<usize>) {
        self.record(problem, Severity::Error, span);
    }

    /// Records a warning at a byte range of the text.
    pub fn warn(&mut self, problem: Problem, span: Range<usize>) {
        self.record(problem, Severity::Warning, span);
    }

    fn record(&mut self, problem: Problem, severity: Severity, span: Range<usize>) {
        let (line, column) = self.position(span.start);
        let end = span.end.clamp(span.start, self.text.len());
        let span = span.start.min(self.text.len())..end;
        self.items.push(Diagnostic { problem, severity, line, column, span });
    }

    /// 1-based line and character column of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        self.index().position(offset)
    }

    /// Sorts by position; stable for problems at the same place.
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| (d.line, d.column));
    }

    /// Renders every problem: a `FILE:LINE:COL: error: message` line (or `warning:`), then
    /// the offending line (cut to 120 columns around the problem) with the span underlined
    /// and a hint, in plain text.
    pub fn render(&self) -> String {
        self.render_first(usize::MAX)
    }

    /// Renders the first `n` problems as [`Diagnostics::render`] does, then a line saying
    /// how many more there are, if any.
    pub fn render_first(&self, n: usize) -> String {
        let index = self.index();
        let mut out: String = self.items.iter().take(n).map(|item| self.render_one(&index, item)).collect();
        if self.items.len() > n {
            let more = self.items.len() - n;
            out.push_str(&format!("… and {more} more problem(s) in {}\n", self.path.display()));
        }
        out
    }

    fn render_one(&self, index: &LineIndex<'_>, item: &Diagnostic) -> String {
        let location = format!("{}:{}:{}", self.path.display(), item.line, item.column);
        let mut out = format!("{location}: {}: {}\n", item.severity.as_str(), item.problem);
        let excerpt =
            Excerpt { location, span: item.span.clone(), label: item.problem.label(), help: item.problem.hint() };
        out.push_str(&snippet::render(&self.text, index, &excerpt));
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}
