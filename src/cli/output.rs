//! Printing what the library returns: a report as text or JSON, pretty JSON, and
//! streaming long listings to standard output in bounded memory.

use serde_json::Value;

use crate::api::Report;

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
pub fn report(report: &Report, json: bool, out: &mut Vec<u8>) {
    if json {
        print(report.json(), out);
    } else {
        out.extend(report.text().as_bytes());
    }
}
