//! The library's error type.

use std::path::PathBuf;

use crate::io::diagnostic::Diagnostics;

/// Everything that can go wrong in relgraph's library calls.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A model file has problems; each carries its position.
    #[error("{} has {} problem(s)", diagnostics.path.display(), diagnostics.items.len())]
    Invalid {
        /// The problems found.
        diagnostics: Diagnostics,
    },
    /// Several files of one model have problems (a model and the files it includes): one
    /// list per file, in the order the files are read, each problem with its position.
    #[error("{} files have {} problem(s)", files.len(), files.iter().map(|d| d.items.len()).sum::<usize>())]
    InvalidFiles {
        /// The problems of each file that has any.
        files: Vec<Diagnostics>,
    },
    /// An input is larger than relgraph will hold in memory.
    #[error(transparent)]
    TooLarge(#[from] crate::io::limit::TooLarge),
    /// Output would overwrite the input model.
    #[error("refusing to overwrite the input {}", path.display())]
    WouldOverwriteInput {
        /// The input file.
        path: PathBuf,
    },
    /// The language server's client broke the protocol, or the connection failed.
    #[error("language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// A model-building error.
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
    /// A kind declaration is refused, or a kind is neither built in nor declared.
    #[error(transparent)]
    Vocabulary(#[from] crate::model::VocabularyError),
    /// Models cannot be composed (see `model::merge`).
    #[error(transparent)]
    Merge(#[from] crate::model::MergeError),
    /// Imported names cannot be resolved against a model (see `model::resolve`).
    #[error(transparent)]
    Resolve(#[from] crate::model::resolve::ResolveError),
    /// A name does not name exactly one node.
    #[error(transparent)]
    Lookup(#[from] crate::model::LookupError),
    /// A path search cannot run.
    #[error(transparent)]
    Path(#[from] crate::analysis::path::PathError),
    /// Influence cannot be computed.
    #[error(transparent)]
    Influence(#[from] crate::analysis::influence::InfluenceError),
    /// A centrality measure cannot be computed.
    #[error(transparent)]
    Centrality(#[from] crate::analysis::centrality::CentralityError),
    /// An edge list cannot be read.
    #[error(transparent)]
    EdgeList(#[from] crate::io::edgelist::EdgeListError),
    /// A diagram cannot be drawn.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// No path joins two nodes, so there is none to draw.
    #[error("no path from {from} to {to} to highlight")]
    NoPath {
        /// The start's name.
        from: String,
        /// The end's name.
        to: String,
    },
    /// A binary format (PNG, PDF) was asked for as text.
    #[error("{format} is a binary format: export it as bytes or to a writer")]
    NotText {
        /// The format's name.
        format: &'static str,
    },
    /// An XML interchange document (GraphML) is not well-formed.
    #[error("{format}: malformed XML at line {line}, column {column}: {source}")]
    Xml {
        /// The format being read.
        format: InterchangeFormat,
        /// Byte offset in the input where the parser stopped.
        offset: u64,
        /// Line of that offset, 1-based.
        line: usize,
        /// Column of that offset, 1-based, in characters.
        column: usize,
        /// The parser's error.
        #[source]
        source: quick_xml::Error,
    },
    /// A node-link JSON document is not valid JSON.
    #[error("{format}: invalid JSON at line {line}, column {column}: {source}")]
    Json {
        /// The format being read.
        format: InterchangeFormat,
        /// Line of the error, 1-based (0 when unknown).
        line: usize,
        /// Column of the error, 1-based (0 when unknown).
        column: usize,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// A well-formed interchange document does not describe a model.
    #[error("{format}: {problem}")]
    Import {
        /// The format being read.
        format: InterchangeFormat,
        /// What is wrong.
        problem: ImportProblem,
    },
}

impl Error {
    /// Whether the error is a misuse of the options rather than bad input: a positions file
    /// given to the Graphviz renderer, which lays nodes out itself. Front ends report it
    /// as a usage error.
    pub fn is_misuse(&self) -> bool {
        matches!(self, Error::Export(crate::export::ExportError::PositionsNeedBuiltin { .. }))
    }

    /// The error for the problems of one or more files: [`Error::Invalid`] for one file,
    /// [`Error::InvalidFiles`] for several.
    pub(crate) fn invalid(mut files: Vec<Diagnostics>) -> Error {
        match files.len() {
            1 => Error::Invalid { diagnostics: files.remove(0) },
            _ => Error::InvalidFiles { files },
        }
    }
}

/// An interchange format that can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InterchangeFormat {
    /// GraphML (`io::graphml`).
    GraphMl,
    /// Node-link JSON (`io::json`).
    NodeLinkJson,
}

impl std::fmt::Display for InterchangeFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InterchangeFormat::GraphMl => "GraphML",
            InterchangeFormat::NodeLinkJson => "node-link JSON",
        })
    }
}

/// Why a well-formed GraphML or node-link JSON document is not a model.
///
/// `item` is `"node"`, `"edge"`, `"key"` or `"graph"`; `index` counts items of that sort
/// from 0 in document order.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportProblem {
    /// The input is not UTF-8.
    #[error("line {line}, column {column}: {0}", line = .0.line, column = .0.column)]
    NotUtf8(crate::io::text::NotUtf8),
    /// The document does not have the expected structure.
    #[error("expected {expected}")]
    Shape {
        /// What was expected, e.g. "`nodes` to be an array".
        expected: &'static str,
    },
    /// A required field or attribute is missing.
    #[error("{item} {index} has no `{field}`")]
    Missing {
        /// The sort of item.
        item: &'static str,
        /// Its position among items of its sort.
        index: usize,
        /// The missing field.
        field: &'static str,
    },
    /// A field holds a value of the wrong form.
    #[error("{item} {index}: `{field}` is `{value}`, expected {expected}")]
    BadValue {
        /// The sort of item.
        item: &'static str,
        /// Its position among items of its sort.
        index: usize,
        /// The field.
        field: String,
        /// The offending value (possibly shortened).
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// Two nodes share an id.
    #[error("duplicate node id `{id}`")]
    DuplicateNode {
        /// The id.
        id: String,
    },
    /// An edge names a node that does not exist.
    #[error("edge {index} refers to unknown node `{id}`")]
    UnknownNode {
        /// The edge's position.
        index: usize,
        /// The id.
        id: String,
    },
}
