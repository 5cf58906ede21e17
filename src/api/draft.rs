//! Drafting a model from an article (issue 24): [`draft`] for text in hand, [`draft_path`]
//! for a file or a folder of files, [`save_draft`] to write the model. The engine is in
//! [`crate::draft`]; this is where callers start.
//!
//! ```
//! use relgraph::api::draft::{draft, DraftOptions};
//!
//! let text = "Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi.";
//! let d = draft(text, &DraftOptions::new().with_date("2014-02-08".parse()?));
//! let abe = d.model.node("Shinzo Abe")?;
//! assert!(abe.draft);
//! // Every tie carries its quote, an exact part of the text.
//! assert!(d.model.edges().all(|e| e.draft && e.evidence.iter().all(|q| text.contains(&q.quote))));
//! assert!(d.model.edges().any(|e| e.kind.as_str() == "meets"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use crate::draft::{Draft, DraftMention, DraftOptions, DraftTie, Span, TextFormat};
use crate::Error;

/// Drafts a model from an article's text (plain unless `options.format` says otherwise).
pub fn draft(text: &str, options: &DraftOptions) -> Draft {
    crate::draft::draft(text, options)
}

/// Drafts a model from a file (HTML, Markdown or plain text, by extension or content), or
/// from every file of a folder (sorted by name, drafted in parallel). A folder's drafts
/// come back one per file; their title defaults to each file's first line.
pub fn draft_path(path: &Path, options: &DraftOptions) -> Result<Vec<(PathBuf, Draft)>, Error> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| Error::Io { path: path.to_owned(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown" | "html" | "htm" | "xhtml")
                })
            })
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_owned()]
    };
    files
        .par_iter()
        .map(|file| {
            let bytes = std::fs::read(file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let text = String::from_utf8_lossy(&bytes);
            let format = options.format.unwrap_or_else(|| TextFormat::guess(file.to_str(), &text));
            let opts = DraftOptions { format: Some(format), ..options.clone() };
            Ok((file.clone(), crate::draft::draft(&text, &opts)))
        })
        .collect()
}

/// Writes a draft's model as RON, atomically.
pub fn save_draft(draft: &Draft, path: &Path) -> Result<(), Error> {
    crate::io::ron::save(&draft.model, path)
}

/// The draft's model as RON text.
pub fn to_ron(draft: &Draft) -> String {
    crate::io::ron::to_string(&draft.model)
}

/// The review page of a draft as HTML text (see [`crate::export::review`]).
pub fn review_page(draft: &Draft) -> String {
    crate::export::review::render(draft)
}

/// Writes the review page, atomically.
pub fn save_review(draft: &Draft, path: &Path) -> Result<(), Error> {
    crate::io::atomic::write(path, review_page(draft).as_bytes())
}
