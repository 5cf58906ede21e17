//! Positions files: where each node is drawn, as RON, a map from node id to `(x, y)` in
//! pixels (`{"japan": (512.0, 300.5), …}`), sorted by id, one node per line: plain text
//! that diffs well. `relgraph layout` writes one; `export --positions` draws with it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::spans::LineIndex;
use crate::Error;

/// Node centres by id.
pub type Positions = BTreeMap<String, (f64, f64)>;

/// The file's text: a RON map, one entry per line, coordinates rounded to 0.1 px.
pub fn to_string(positions: &Positions) -> String {
    let mut out = String::from("{\n");
    for (id, (x, y)) in positions {
        let id = ron::to_string(id).unwrap_or_else(|_| format!("{id:?}"));
        out.push_str(&format!("    {id}: ({:.1}, {:.1}),\n", round(*x), round(*y)));
    }
    out.push_str("}\n");
    out
}

fn round(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Parses positions text; `path` names the file in diagnostics. Coordinates must be finite.
pub fn parse(text: &str, path: &Path) -> Result<Positions, Diagnostics> {
    let text = crate::io::text::strip_bom(text);
    let mut diagnostics = Diagnostics::new(path, text);
    match ron::Options::default().from_str::<Positions>(text) {
        Ok(positions) => {
            if let Some((id, _)) = positions.iter().find(|(_, (x, y))| !x.is_finite() || !y.is_finite()) {
                let at = text.find(&format!("{id:?}")).unwrap_or(0);
                diagnostics.push(
                    Problem::Syntax { message: format!("the position of `{id}` is not a finite number") },
                    at..at + id.len() + 2,
                );
                return Err(diagnostics);
            }
            Ok(positions)
        }
        Err(error) => {
            let index = LineIndex::new(text);
            let start = index.offset(error.span.start.line, error.span.start.col);
            let end = index.offset(error.span.end.line, error.span.end.col).max(start);
            diagnostics.push(Problem::Syntax { message: error.code.to_string() }, start..end);
            Err(diagnostics)
        }
    }
}

/// Reads a positions file.
pub fn load(path: &Path) -> Result<Positions, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text, path).map_err(|diagnostics| Error::Invalid { diagnostics })
}

/// Writes a positions file atomically.
pub fn save(positions: &Positions, path: &Path) -> Result<(), Error> {
    crate::io::atomic::write(path, to_string(positions).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_round_trips_and_reads_as_the_issue_writes_it() {
        let text = "{\"japan\": (512.0, 300.5), \"russia\": (-20.25, 7.0)}";
        let read = parse(text, "x.layout.ron".as_ref()).unwrap();
        assert_eq!(read["japan"], (512.0, 300.5));
        assert_eq!(read["russia"], (-20.25, 7.0));
        let written = to_string(&read);
        assert_eq!(written, "{\n    \"japan\": (512.0, 300.5),\n    \"russia\": (-20.3, 7.0),\n}\n");
        let again = parse(&written, "x.layout.ron".as_ref()).unwrap();
        assert_eq!(again["japan"], (512.0, 300.5));
    }

    #[test]
    fn a_bad_file_is_a_diagnostic_at_its_line() {
        let error = parse("{\n  \"japan\": (1.0, oops),\n}", "x.layout.ron".as_ref()).unwrap_err();
        assert!(error.to_string().contains("x.layout.ron:2:"), "{error}");
    }
}
