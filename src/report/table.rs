//! Aligned plain-text tables, as every command and report prints them.
//!
//! Why not a crate: comfy-table and tabled draw borders and pad cells by their own presets; none
//! prints exactly these columns two spaces apart, a `─` rule under the header, numbers aligned
//! right and trailing spaces trimmed, and the CLI's output must stay byte-identical. The hard part, the display width of each cell, is
//! the `unicode-width` crate's.

use unicode_width::UnicodeWidthStr;

/// A table: a header row and data rows, printed with columns padded to their widest cell.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            right: vec![false; header.len()],
        }
    }

    /// Right-aligns a column (for numbers).
    pub fn right_align(mut self, column: usize) -> Self {
        if let Some(r) = self.right.get_mut(column) {
            *r = true;
        }
        self
    }

    /// Adds a row; missing cells are blank.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text, one line per row, with a rule under the header.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let cell = |row: &Vec<String>, i: usize| row.get(i).map(|c| clean(c)).unwrap_or_default();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, width) in widths.iter_mut().enumerate() {
                *width = (*width).max(cell(row, i).width());
            }
        }
        let line = |cells: Vec<String>| {
            let mut out = String::new();
            for (i, text) in cells.iter().enumerate().take(columns) {
                let pad = widths.get(i).map_or(0, |w| w.saturating_sub(text.width()));
                let last = i + 1 == columns;
                if self.right.get(i).copied().unwrap_or(false) {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(text);
                } else {
                    out.push_str(text);
                    if !last {
                        out.push_str(&" ".repeat(pad));
                    }
                }
                if !last {
                    out.push_str("  ");
                }
            }
            out.trim_end().to_owned() + "\n"
        };
        let mut out = line(self.header.clone());
        out.push_str(&line(widths.iter().map(|w| "─".repeat(*w)).collect()));
        for row in &self.rows {
            out.push_str(&line((0..columns).map(|i| cell(row, i)).collect()));
        }
        out
    }
}

/// Replaces line breaks and other control characters so a cell stays on one line.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width_including_wide_characters() {
        let mut table = Table::new(&["id", "name"]);
        table.row(vec!["japan".into(), "日本".into()]);
        table.row(vec!["ru".into(), "Russia\nFederation".into()]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "id     name");
        assert_eq!(lines[2], "japan  日本");
        assert_eq!(lines[3], "ru     Russia Federation");
    }
}
