//! Atomic file output: write a temporary file in the target's folder, then rename it over
//! the target, so a reader never sees a half-written file and a failed write loses nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, |out| out.write_all(bytes))
}

/// Writes to `path` atomically through `fill`, which receives a buffered writer.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Error> {
    let io_error = |source| Error::Io { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new().prefix(".relgraph-").suffix(".tmp").tempfile_in(&dir).map_err(io_error)?;
    {
        let mut buffered = std::io::BufWriter::new(temp.as_file_mut());
        fill(&mut buffered).map_err(io_error)?;
        buffered.flush().map_err(io_error)?;
    }
    // Temporary files are private (0600); give the output the permissions of the file it
    // replaces, or 0644 (rw-r--r--) for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode()).unwrap_or(0o644);
        temp.as_file().set_permissions(std::fs::Permissions::from_mode(mode)).map_err(io_error)?;
    }
    temp.as_file().sync_all().map_err(io_error)?;
    temp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Refuses an output path that is the same file as any of the inputs.
pub fn refuse_overwrite(output: &Path, inputs: &[&Path]) -> Result<(), Error> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let Some(out) = canon(output) else { return Ok(()) };
    for input in inputs {
        if canon(input).as_ref() == Some(&out) {
            return Err(Error::WouldOverwriteInput { path: input.to_path_buf() });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_fill_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write(&path, b"keep me").unwrap();
        let result = write_with(&path, |_| Err(std::io::Error::other("boom")));
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.svg");
        write(&path, b"a").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&path, b"b").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn refuses_to_overwrite_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("model.ron");
        std::fs::write(&input, "x").unwrap();
        let sneaky = dir.path().join(".").join("model.ron");
        assert!(refuse_overwrite(&sneaky, &[&input]).is_err());
        assert!(refuse_overwrite(&dir.path().join("other.ron"), &[&input]).is_ok());
    }
}
