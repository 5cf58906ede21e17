//! The language server's state: the open documents, each with its analysis.
//!
//! Text arrives with every change (full synchronisation); the analysis
//! ([`crate::api::document::Document`]) is made when something asks for it, so a burst of
//! keystrokes costs one analysis. Each document also keeps the last model that loaded, so
//! hover and completion keep working while the text has errors.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::Uri;

use crate::api::document::Document;
use crate::lsp::position::LineIndex;
use crate::Model;

/// One open document.
#[derive(Debug)]
pub struct DocState {
    /// Where the document lives.
    pub uri: Uri,
    /// The version the client gave with the text.
    pub version: i32,
    /// The analysis of the current text.
    pub doc: Document,
    /// Line starts of the current text.
    pub lines: LineIndex,
    /// The last model this document loaded without errors.
    pub last_model: Option<Model>,
    /// The current text, when newer than `doc`.
    pending: Option<String>,
}

impl DocState {
    /// The model to answer from: the current one, else the last that loaded.
    pub fn model(&self) -> Option<&Model> {
        self.doc.model.as_ref().or(self.last_model.as_ref())
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.doc.text
    }

    /// Whether the text changed since the last analysis.
    pub fn is_stale(&self) -> bool {
        self.pending.is_some()
    }

    fn refresh(&mut self) {
        if let Some(text) = self.pending.take() {
            self.lines = LineIndex::new(&text);
            self.doc = Document::analyse(&self.doc.path, text);
            if let Some(model) = &self.doc.model {
                self.last_model = Some(model.clone());
            }
        }
    }
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct World {
    docs: HashMap<String, DocState>,
}

impl World {
    /// An empty world.
    pub fn new() -> Self {
        World::default()
    }

    /// Opens (or replaces) a document and analyses it.
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = path_of(&uri);
        let lines = LineIndex::new(&text);
        let doc = Document::analyse(&path, text);
        let last_model = doc.model.clone();
        self.docs.insert(uri.as_str().to_owned(), DocState { uri, version, doc, lines, last_model, pending: None });
    }

    /// Records new text for a document; it is analysed when next asked for.
    pub fn change(&mut self, uri: &Uri, version: i32, text: String) {
        if let Some(state) = self.docs.get_mut(uri.as_str()) {
            state.version = version;
            state.pending = Some(text);
        }
    }

    /// Forgets a closed document.
    pub fn close(&mut self, uri: &Uri) {
        self.docs.remove(uri.as_str());
    }

    /// A document, analysed up to its latest text.
    pub fn get(&mut self, uri: &Uri) -> Option<&DocState> {
        let state = self.docs.get_mut(uri.as_str())?;
        state.refresh();
        Some(state)
    }

    /// The URIs of the documents changed since their last analysis.
    pub fn stale(&self) -> Vec<Uri> {
        self.docs.values().filter(|d| d.is_stale()).map(|d| d.uri.clone()).collect()
    }
}

/// The file path of a `file:` URI (percent-escapes decoded); other URIs as they are.
pub fn path_of(uri: &Uri) -> PathBuf {
    let text = uri.as_str();
    let Some(rest) = text.strip_prefix("file://") else { return PathBuf::from(text) };
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = |b: u8| (b as char).to_digit(16);
        match (byte, bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    PathBuf::from(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn decodes_file_uris() {
        let uri = Uri::from_str("file:///tmp/my%20model.ron").unwrap();
        assert_eq!(path_of(&uri), PathBuf::from("/tmp/my model.ron"));
    }

    #[test]
    fn analyses_lazily_and_keeps_the_last_good_model() {
        let uri = Uri::from_str("file:///m.ron").unwrap();
        let mut world = World::new();
        let good = "Model(title: \"t\", nodes: [Node(id: \"a\", kind: country, name: \"A\")])";
        world.open(uri.clone(), 1, good.into());
        world.change(&uri, 2, good.replace("country", "contry"));
        assert_eq!(world.stale().len(), 1);
        let state = world.get(&uri).unwrap();
        assert!(state.doc.model.is_none());
        assert_eq!(state.model().unwrap().node_count(), 1);
        assert!(world.stale().is_empty());
    }
}
