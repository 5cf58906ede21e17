//! JSON shapes of nodes and edges, shared by every command that prints them.

use serde_json::Value;

pub use crate::report::json::{edge, node};

/// Pretty JSON followed by a newline.
pub fn print(value: &Value, out: &mut Vec<u8>) {
    out.extend(serde_json::to_string_pretty(value).unwrap_or_default().into_bytes());
    out.push(b'\n');
}

/// Writes the output gathered so far to stdout once it passes 64 KiB, so a long listing
/// streams in bounded memory. Fails when stdout is closed (a pipe whose reader quit).
pub fn drain(out: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Write;
    if out.len() < 1 << 16 {
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out)?;
    stdout.flush()?;
    out.clear();
    Ok(())
}

/// Prints a report: its JSON with `--json`, else its text.
pub fn report(report: &crate::report::Report, json: bool, out: &mut Vec<u8>) {
    if json {
        print(report.json(), out);
    } else {
        out.extend(report.text().as_bytes());
    }
}

/// A date range as text: `2014-03 – 2014-07`, `2014-03 –`, `– 2014-07` or empty.
pub fn span(since: Option<crate::PartialDate>, until: Option<crate::PartialDate>) -> String {
    match (since, until) {
        (None, None) => String::new(),
        (Some(s), None) => format!("{s} –"),
        (None, Some(u)) => format!("– {u}"),
        (Some(s), Some(u)) => format!("{s} – {u}"),
    }
}
