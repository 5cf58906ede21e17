//! Running Graphviz: finding its programs on PATH and turning DOT into SVG, with a time
//! limit. The process is spawned directly (no temporary files): DOT goes in on stdin, SVG
//! comes back on stdout, and stdin, stdout and stderr are each served by their own thread so
//! a large graph cannot deadlock the pipes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::error::ExportError;

/// How to install Graphviz, carried by [`ExportError::GraphvizNotFound`].
pub const INSTALL_HINT: &str = "apt-get install graphviz / brew install graphviz / winget install graphviz";

/// The default time limit for a Graphviz run.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Largest graph (nodes) for which `dot` is the default engine; `dot` took 7 s on
/// 100 nodes / 300 edges and over a minute at 200 nodes, while `sfdp` takes 0.2 s at 500.
pub const DOT_MAX_NODES: usize = 60;
/// Largest graph (edges) for which `dot` is the default engine.
pub const DOT_MAX_EDGES: usize = 150;

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Layered (hierarchical) drawing; best for small graphs and flows.
    Dot,
    /// Spring model (stress majorization).
    Neato,
    /// Force-directed, with cluster support.
    Fdp,
    /// Circular.
    Circo,
    /// Multiscale force-directed; fast on large graphs.
    Sfdp,
}

impl Layout {
    /// Every engine.
    pub const ALL: [Layout; 5] = [Layout::Dot, Layout::Neato, Layout::Fdp, Layout::Circo, Layout::Sfdp];

    /// The program (and `layout=` value) name.
    pub fn program(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Circo => "circo",
            Layout::Sfdp => "sfdp",
        }
    }

    /// The engine to use by default for a graph of this size: `dot` up to
    /// [`DOT_MAX_NODES`] nodes and [`DOT_MAX_EDGES`] edges, `sfdp` beyond.
    pub fn for_size(nodes: usize, edges: usize) -> Layout {
        if nodes <= DOT_MAX_NODES && edges <= DOT_MAX_EDGES {
            Layout::Dot
        } else {
            Layout::Sfdp
        }
    }
}

/// The full path of a Graphviz program on PATH, if there is one.
pub fn find(layout: Layout) -> Option<PathBuf> {
    find_program(layout.program())
}

/// Whether Graphviz (`dot`) is installed.
pub fn is_installed() -> bool {
    find(Layout::Dot).is_some()
}

fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let exts: &[&str] = if cfg!(windows) { &[".exe", ".bat", ""] } else { &[""] };
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .find_map(|dir| exts.iter().map(|ext| dir.join(format!("{name}{ext}"))).find(|p| is_executable(p)))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Most stderr kept in an error.
const STDERR_LIMIT: usize = 4096;

/// Runs Graphviz `layout` on `dot` and returns the SVG it writes. The child is killed when
/// it runs longer than `timeout`.
pub fn to_svg(dot: &str, layout: Layout, timeout: Duration) -> Result<String, ExportError> {
    let program = find(layout).ok_or_else(|| not_found(layout.program()))?;
    run(&program, &["-Tsvg"], dot.as_bytes(), timeout).and_then(|stdout| {
        String::from_utf8(stdout).map_err(|_| ExportError::GraphvizOutput { program: layout.program().to_owned() })
    })
}

fn not_found(program: &str) -> ExportError {
    ExportError::GraphvizNotFound { program: program.to_owned(), hint: INSTALL_HINT }
}

/// Runs `program args` with `input` on stdin, returning stdout.
fn run(program: &Path, args: &[&str], input: &[u8], timeout: Duration) -> Result<Vec<u8>, ExportError> {
    let name = program.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let spawn_error = |source| ExportError::GraphvizSpawn { program: program.to_path_buf(), source };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_error)?;
    let input = input.to_vec();
    let stdin = child.stdin.take();
    let writer = thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            // A write error means the child exited early; its status and stderr tell why.
            let _ = stdin.write_all(&input);
        }
    });
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = reader(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = reader(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));

    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = writer.join();
                let _ = stdout.join();
                let _ = stderr.join();
                return Err(ExportError::GraphvizTimeout { program: name, limit: timeout });
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(source) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(spawn_error(source));
            }
        }
    };
    let _ = writer.join();
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    if !status.success() {
        let mut text = String::from_utf8_lossy(&err).into_owned();
        if text.len() > STDERR_LIMIT {
            let mut cut = STDERR_LIMIT;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        return Err(ExportError::GraphvizFailed { program: name, status: status.to_string(), stderr: text });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_chosen_by_size() {
        assert_eq!(Layout::for_size(0, 0), Layout::Dot);
        assert_eq!(Layout::for_size(60, 150), Layout::Dot);
        assert_eq!(Layout::for_size(61, 10), Layout::Sfdp);
        assert_eq!(Layout::for_size(10, 151), Layout::Sfdp);
    }

    #[test]
    fn missing_program_error_carries_the_install_hint() {
        assert!(find_program("relgraph-no-such-program-here").is_none());
        let text = not_found("sfdp").to_string();
        assert!(text.contains("apt-get install graphviz") && text.contains("brew install graphviz"), "{text}");
        assert!(text.contains("`sfdp`"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn a_slow_child_is_killed_at_the_limit() {
        let Some(sleep) = find_program("sleep") else { return };
        let start = Instant::now();
        let result = run(&sleep, &["5"], b"", Duration::from_millis(200));
        assert!(matches!(result, Err(ExportError::GraphvizTimeout { .. })), "{result:?}");
        assert!(start.elapsed() < Duration::from_secs(3));
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_child_reports_status_and_stderr() {
        let Some(sh) = find_program("sh") else { return };
        let result = run(&sh, &["-c", "echo oops >&2; exit 3"], b"", Duration::from_secs(10));
        match result {
            Err(ExportError::GraphvizFailed { stderr, .. }) => assert!(stderr.contains("oops")),
            other => panic!("{other:?}"),
        }
    }
}
