//! What can go wrong while exporting: one enum every writer in this folder returns, in its
//! own file so that the writers and the folder's `mod.rs` need not import each other.

use std::path::PathBuf;
use std::time::Duration;

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A theme file could not be read.
    #[error("cannot read theme {}: {source}", path.display())]
    ThemeRead {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A theme is not valid RON or does not have the theme's fields.
    #[error("{}:{line}:{column}: {message}", path.as_ref().map_or("theme".to_owned(), |p| p.display().to_string()))]
    ThemeSyntax {
        /// The file, when read from one.
        path: Option<PathBuf>,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// A theme value is out of range or not a colour (`#rrggbb`) or font name.
    #[error("theme field `{field}` has an invalid value `{value}`")]
    ThemeValue {
        /// The field, e.g. `nodes.country.fill`.
        field: String,
        /// The value given.
        value: String,
    },
    /// The Graphviz program is not on PATH.
    #[error("Graphviz `{program}` not found on PATH; install Graphviz ({hint}) or use the built-in renderer")]
    GraphvizNotFound {
        /// The program looked for (`dot`, `sfdp` …).
        program: String,
        /// How to install it.
        hint: &'static str,
    },
    /// Graphviz could not be started or talked to.
    #[error("cannot run Graphviz `{}`: {source}", program.display())]
    GraphvizSpawn {
        /// The program.
        program: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Graphviz ran longer than the time limit and was stopped.
    #[error(
        "Graphviz `{program}` took longer than {limit:?} and was stopped; try the sfdp layout or the built-in renderer"
    )]
    GraphvizTimeout {
        /// The program.
        program: String,
        /// The limit.
        limit: Duration,
    },
    /// Graphviz exited with an error.
    #[error("Graphviz `{program}` failed ({status}): {stderr}")]
    GraphvizFailed {
        /// The program.
        program: String,
        /// Exit status, as text (`exit status: 1`, `signal: 9`).
        status: String,
        /// What it wrote to stderr (at most 4 kB).
        stderr: String,
    },
    /// An SVG could not be turned into PNG or PDF.
    #[error("cannot convert the SVG to PNG or PDF: {message}")]
    Raster {
        /// What the converter said.
        message: String,
    },
    /// An SVG to measure is not well-formed XML.
    #[error("cannot read the SVG to measure it: {message}")]
    Measure {
        /// What the XML reader said.
        message: String,
    },
    /// A positions file was given with the Graphviz renderer, which lays the nodes out
    /// itself: the file would be ignored.
    #[error(
        "a positions file ({}) is drawn by the built-in renderer; leave out --renderer graphviz (or the file)",
        path.display()
    )]
    PositionsNeedBuiltin {
        /// The positions file.
        path: std::path::PathBuf,
    },
    /// Graphviz's output was not UTF-8.
    #[error("Graphviz `{program}` wrote output that is not UTF-8")]
    GraphvizOutput {
        /// The program.
        program: String,
    },
}
