//! The language server's state: the open documents, each with its analysis, and the files
//! they include.
//!
//! Text arrives with every change (full synchronisation); the analysis
//! ([`crate::api::document::Document`]) is made when something asks for it and kept for
//! that version, so a burst of keystrokes costs one analysis and every request on one
//! version shares it. Each document also keeps the last model that loaded, so hover and
//! completion keep working while the text has errors.
//!
//! A model may be several files (`includes`). [`World::family`] lists the files of the
//! model a document belongs to: its includes (transitively) and the open documents that
//! include it, with theirs. Files that are not open are read from disk and analysed once
//! per save (their modification time and length), so definitions, references and renames
//! reach into them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    /// The last model this document loaded without errors, while the current text has
    /// errors (when it has none, its model is in `doc`).
    pub last_model: Option<Model>,
    /// The current text, when newer than `doc`.
    pending: Option<String>,
    /// The file's path, resolved (symbolic links followed) where it exists.
    identity: PathBuf,
    /// Whether the client has the document open (else it was read from disk).
    pub open: bool,
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

    /// The file's path, resolved (symbolic links followed) where it exists.
    pub fn identity(&self) -> &Path {
        &self.identity
    }

    /// Whether the text changed since the last analysis.
    pub fn is_stale(&self) -> bool {
        self.pending.is_some()
    }

    fn refresh(&mut self) {
        if let Some(text) = self.pending.take() {
            self.lines = LineIndex::new(&text);
            let doc = Document::analyse(&self.doc.path, text);
            let mut previous = std::mem::replace(&mut self.doc, doc);
            // The last good model moves along (no copy): the previous text's, if it loaded.
            if self.doc.model.is_none() {
                if let Some(model) = previous.model.take() {
                    self.last_model = Some(model);
                }
            } else if let Some(model) = self.last_model.take() {
                dispose(model);
            }
            dispose(previous);
        }
    }
}

/// Drops a value on another thread: freeing the analysis of a 10,000-node model (its
/// model, outline and index) takes tens of milliseconds the answer need not wait for.
fn dispose<T: Send + 'static>(value: T) {
    // When no thread can be started, the closure, value and all, is dropped here instead.
    let _ = std::thread::Builder::new().name("relgraph-lsp-drop".into()).spawn(move || drop(value));
}

/// Every open document, by URI, and the files they include that are not open.
#[derive(Debug, Default)]
pub struct World {
    docs: HashMap<String, DocState>,
    /// Included files read from disk, by URI, with the state of the file when read.
    disk: HashMap<String, (Option<(SystemTime, u64)>, DocState)>,
}

impl World {
    /// An empty world.
    pub fn new() -> Self {
        World::default()
    }

    /// Opens (or replaces) a document and analyses it.
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        self.docs.insert(uri.as_str().to_owned(), DocState::new(uri, version, text, true));
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

    /// An analysed file of a family (see [`World::family`]): an open document or an
    /// included file read from disk.
    pub fn file(&self, uri: &Uri) -> Option<&DocState> {
        self.docs.get(uri.as_str()).or_else(|| self.disk.get(uri.as_str()).map(|(_, state)| state))
    }

    /// The files of the model the document at `uri` belongs to, each analysed up to its
    /// latest text: `uri` first, then what it includes (transitively) and the open
    /// documents that include it, with what they include. A file that cannot be read is
    /// left out.
    pub fn family(&mut self, uri: &Uri) -> Vec<Uri> {
        let mut out = vec![uri.clone()];
        let own = self.closure(uri);
        let roots: Vec<Uri> = self.docs.values().map(|d| d.uri.clone()).filter(|r| r != uri).collect();
        let mut groups = vec![own];
        for root in roots {
            let closure = self.closure(&root);
            if closure.contains(uri) {
                groups.push(closure);
            }
        }
        for found in groups.into_iter().flatten() {
            if !out.contains(&found) {
                out.push(found);
            }
        }
        out.retain(|u| self.file(u).is_some());
        out
    }

    /// `uri` and every file it includes, transitively (each once), each analysed up to its
    /// latest text; a file that cannot be read is left out.
    pub fn closure(&mut self, uri: &Uri) -> Vec<Uri> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        self.walk(uri.clone(), &mut seen, &mut out);
        out
    }

    fn walk(&mut self, uri: Uri, seen: &mut Vec<PathBuf>, out: &mut Vec<Uri>) {
        let Some(state) = self.load(&uri) else { return };
        if seen.contains(&state.identity) {
            return;
        }
        seen.push(state.identity.clone());
        let base = state.identity.parent().map(Path::to_path_buf).unwrap_or_default();
        let targets: Vec<PathBuf> = state.doc.includes().into_iter().map(|(written, _)| base.join(written)).collect();
        out.push(uri);
        let targets: Vec<Uri> = targets.iter().filter_map(|t| self.uri_of_path(t)).collect();
        for target in targets {
            self.walk(target, seen, out);
        }
    }

    /// The URI a path is known by: an open document's, else the path's own.
    pub fn uri_of_path(&self, path: &Path) -> Option<Uri> {
        let identity = identity_of(path);
        match self.docs.values().find(|d| d.identity == identity) {
            Some(open) => Some(open.uri.clone()),
            None => uri_of(&identity),
        }
    }

    /// An open document (analysed up to its text), or a file read from disk (again when it
    /// was saved since).
    fn load(&mut self, uri: &Uri) -> Option<&DocState> {
        if self.docs.contains_key(uri.as_str()) {
            return self.get(uri);
        }
        let path = path_of(uri);
        let stamp = std::fs::metadata(&path).ok().map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
        let fresh = self.disk.get(uri.as_str()).is_some_and(|(at, _)| *at == stamp);
        if !fresh {
            let text = std::fs::read_to_string(&path).ok()?;
            self.disk.insert(uri.as_str().to_owned(), (stamp, DocState::new(uri.clone(), 0, text, false)));
        }
        self.disk.get(uri.as_str()).map(|(_, state)| state)
    }
}

impl DocState {
    fn new(uri: Uri, version: i32, text: String, open: bool) -> DocState {
        let path = path_of(&uri);
        let lines = LineIndex::new(&text);
        let doc = Document::analyse(&path, text);
        DocState { identity: identity_of(&path), uri, version, doc, lines, last_model: None, pending: None, open }
    }
}

/// A path with symbolic links resolved, or as it is when it does not exist.
fn identity_of(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The `file:` URI of a path, with every byte but letters, digits and `-._~/` escaped.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let mut text = String::from("file://");
    let path = path.to_string_lossy();
    if !path.starts_with('/') {
        text.push('/');
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => text.push(byte as char),
            b'\\' => text.push('/'),
            other => text.push_str(&format!("%{other:02X}")),
        }
    }
    text.parse().ok()
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
    fn decodes_and_encodes_file_uris() {
        let uri = Uri::from_str("file:///tmp/my%20model.ron").unwrap();
        assert_eq!(path_of(&uri), PathBuf::from("/tmp/my model.ron"));
        assert_eq!(uri_of(Path::new("/tmp/my model.ron")), Some(uri));
    }

    #[test]
    fn a_family_is_the_document_its_includes_and_who_includes_it() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().canonicalize().unwrap();
        let part = dir.join("part.ron");
        std::fs::write(&part, "Model(title: \"Part\", includes: [\"leaf.ron\"])").unwrap();
        std::fs::write(dir.join("leaf.ron"), "Model(title: \"Leaf\")").unwrap();
        std::fs::write(dir.join("other.ron"), "Model(title: \"Other\")").unwrap();
        let top = uri_of(&dir.join("top.ron")).unwrap();
        let mut world = World::new();
        world.open(top.clone(), 1, "Model(title: \"Top\", includes: [\"part.ron\"])".into());
        let names = |world: &mut World, uri: &Uri| -> Vec<String> {
            world.family(uri).iter().map(|u| u.as_str().rsplit('/').next().unwrap().to_owned()).collect()
        };
        assert_eq!(names(&mut world, &top), ["top.ron", "part.ron", "leaf.ron"]);
        // Opened, the included file's family reaches up to the document that includes it.
        let part_uri = uri_of(&part).unwrap();
        world.open(part_uri.clone(), 1, std::fs::read_to_string(&part).unwrap());
        assert_eq!(names(&mut world, &part_uri), ["part.ron", "leaf.ron", "top.ron"]);
        world.open(uri_of(&dir.join("other.ron")).unwrap(), 1, "Model(title: \"Other\")".into());
        assert_eq!(names(&mut world, &part_uri), ["part.ron", "leaf.ron", "top.ron"]);
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
