//! Formatting models: the canonical layout of [`crate::io::canonical`], for text and files.
//!
//! `relgraph fmt`, the language server's formatting request and scripts all start here.

use std::path::Path;

use crate::Error;

/// Model text in the canonical layout; `path` names the file in diagnostics.
///
/// Text with problems is an [`Error::Invalid`] carrying every problem with its position.
pub fn format_text(text: &str, path: &Path) -> Result<String, Error> {
    crate::io::canonical::format(text, path)
}

/// What formatting a file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formatted {
    /// The file was in canonical form already.
    Unchanged,
    /// The file was not in canonical form (and was rewritten, unless only checked).
    Changed,
}

/// Formats a model file in place, atomically; a file with problems is left untouched.
///
/// With `check_only`, nothing is written: the answer says whether the file would change.
pub fn format_file(path: &Path, check_only: bool) -> Result<Formatted, Error> {
    let (text, formatted) = crate::io::canonical::format_file(path)?;
    if formatted == text {
        return Ok(Formatted::Unchanged);
    }
    if !check_only {
        crate::io::atomic::write(path, formatted.as_bytes())?;
    }
    Ok(Formatted::Changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_when_asked_and_leaves_broken_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        let messy = "Model(title: \"t\", nodes: [Node(name: \"A\", id: \"a\", kind: country)])";
        std::fs::write(&path, messy).unwrap();
        assert_eq!(format_file(&path, true).unwrap(), Formatted::Changed);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), messy);
        assert_eq!(format_file(&path, false).unwrap(), Formatted::Changed);
        let formatted = std::fs::read_to_string(&path).unwrap();
        assert!(
            formatted.starts_with("Model(\n    title: \"t\",\n    nodes: [\n        Node(\n            id: \"a\",\n")
        );
        assert_eq!(format_file(&path, true).unwrap(), Formatted::Unchanged);

        let broken = "Model(title: \"t\", nodes: [Node(id: \"a\", kind: contry, name: \"A\")])";
        std::fs::write(&path, broken).unwrap();
        assert!(matches!(format_file(&path, false), Err(Error::Invalid { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    }
}
