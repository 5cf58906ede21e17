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
    match error {
        Error::Invalid { diagnostics } => diagnostics
            .items
            .iter()
            .map(|d| Located {
                file: diagnostics.path.clone(),
                line: d.line,
                column: d.column,
                message: d.problem.to_string(),
            })
            .collect(),
        other => vec![Located { file: path.to_path_buf(), line: 0, column: 0, message: other.to_string() }],
    }
}

/// The files whose saving changes the model at `path`: the model file itself.
pub fn watched_files(path: &Path) -> Vec<PathBuf> {
    vec![path.to_path_buf()]
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
}
