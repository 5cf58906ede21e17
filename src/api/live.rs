//! Following a model as it is saved: the files to watch, the map page, and what a broken
//! save says, for `relgraph serve` and `export --watch`.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::api::Format;
use crate::{Error, Model};

/// One problem of a broken save, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file.
    pub file: PathBuf,
    /// 1-based line (0 when the problem has no place in the file).
    pub line: usize,
    /// 1-based column in characters (0 when the problem has no place).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.column, self.message)
        }
    }
}

/// The problems an error carries, each with its place when it has one.
pub fn problems(path: &Path, error: &Error) -> Vec<Located> {
    let located = |diagnostics: &crate::io::diagnostic::Diagnostics| -> Vec<Located> {
        diagnostics
            .items
            .iter()
            .map(|d| Located {
                file: diagnostics.path.clone(),
                line: d.line,
                column: d.column,
                message: d.problem.to_string(),
            })
            .collect()
    };
    match error {
        Error::Invalid { diagnostics } => located(diagnostics),
        Error::InvalidFiles { files } => files.iter().flat_map(located).collect(),
        other => vec![Located { file: path.to_path_buf(), line: 0, column: 0, message: other.to_string() }],
    }
}

/// The files whose saving changes the model at `path`: the file and every file it includes
/// (transitively, included files first), as [`crate::api::sources::files`] lists them.
///
/// While a file is broken, the list is read from what the texts say (the `includes` of each
/// file, found by the span scanner, which never fails), so that a save that fixes an
/// included file is seen too.
pub fn watched_files(path: &Path) -> Vec<PathBuf> {
    crate::api::sources::files(path).unwrap_or_else(|_| {
        let mut files = Vec::new();
        includes_as_written(path, &mut Vec::new(), &mut files);
        files
    })
}

/// Appends the files `path` includes (each once, included files first), then `path`.
fn includes_as_written(path: &Path, seen: &mut Vec<PathBuf>, files: &mut Vec<PathBuf>) {
    let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if seen.contains(&identity) {
        return;
    }
    seen.push(identity);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let outline = crate::io::spans::outline(&text);
    let base = path.parent().unwrap_or(Path::new(""));
    for entry in outline.field("includes").map_or(&[][..], |l| l.items.as_slice()) {
        if let Ok(written) = ron::from_str::<String>(&text[entry.range.clone()]) {
            includes_as_written(&base.join(written), seen, files);
        }
    }
    files.push(path.to_path_buf());
}

/// A cheap summary of the files' state (modification time and length of each): when it
/// changes, a file was saved.
pub fn fingerprint(files: &[PathBuf]) -> Vec<Option<(SystemTime, u64)>> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).ok().map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len())))
        .collect()
}

/// The interactive map of the model at `path` (the page `export --format html` writes).
pub fn map_page(path: &Path) -> Result<String, Error> {
    let model = Model::load(path)?;
    model.view().export(Format::Html)
}

/// The map of an empty model titled `title`, for when no version of a model has loaded yet.
pub fn empty_map_page(title: &str) -> String {
    Model::new(title).view().export(Format::Html).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_model_gives_file_line_column_and_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let text = "Model(\n    title: \"t\",\n    nodes: [Node(id: \"a\", kind: contry, name: \"A\")],\n)\n";
        std::fs::write(&path, text).unwrap();
        let column = text.lines().nth(2).unwrap().find("contry").unwrap() + 1;
        let error = map_page(&path).unwrap_err();
        let lines: Vec<String> = problems(&path, &error).iter().map(ToString::to_string).collect();
        assert_eq!(lines, [format!("{}:3:{column}: unknown node kind `contry`", path.display())]);
        let before = fingerprint(&watched_files(&path));
        std::fs::write(&path, "Model(title: \"t\")").unwrap();
        assert_ne!(fingerprint(&watched_files(&path)), before);
        assert!(map_page(&path).unwrap().starts_with("<!DOCTYPE html>"));
    }

    #[test]
    fn watches_included_files_even_while_one_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("top.ron");
        let part = dir.path().join("part.ron");
        std::fs::write(&top, "// top\nModel(title: \"Top\", includes: [\"part.ron\"])\n").unwrap();
        std::fs::write(&part, "Model(title: \"Part\")\n").unwrap();
        assert_eq!(watched_files(&top), [part.clone(), top.clone()]);
        // Broken: the loader fails, the list still names both files.
        std::fs::write(&part, "Model(title: \"Part\", nodes: [Node(id: \"a\", kind: contry, name: \"A\")])\n").unwrap();
        assert!(crate::api::sources::files(&top).is_err());
        assert_eq!(watched_files(&top), [part.clone(), top.clone()]);
        let before = fingerprint(&watched_files(&top));
        std::fs::write(&part, "Model(title: \"Part, fixed\")\n").unwrap();
        assert_ne!(fingerprint(&watched_files(&top)), before);
    }
}
