//! Source excerpts under a diagnostic: the offending line (and the one before it) with the
//! offending text underlined and labelled, cut to a window of at most [`WIDTH`] columns
//! around the problem so a 200 kB line prints as one screen line.
//!
//! ```text
//!     ╭─[model.ron:12:19]
//!  11 │         Node(
//!  12 │             kind: countri,
//!     ·                   ───┬───
//!     ·                      ╰── not a known kind
//!     ╰────
//!   help: did you mean `country`?
//! ```
//!
//! Columns are counted in display cells (`unicode-width`): a CJK character takes two, a
//! combining mark none, a tab is shown as one space. A line longer than the window is cut
//! with `…` at either end; the window starts a third of its width before the problem.
//!
//! Why not a crate: ariadne, miette and codespan-reporting draw excerpts like this one, but
//! their frames, spacing and colours differ from ours in the details, so switching would change
//! every diagnostic the CLI prints (which must stay byte-identical); and this one cuts long lines
//! to a window around the problem, which minified or generated models need. The work that is
//! not ours, display widths of Unicode text, comes from the `unicode-width` crate.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::io::spans::LineIndex;

/// The most display columns of source text shown on one line, ellipses included.
pub const WIDTH: usize = 120;

/// What to draw: where the excerpt points and what it says.
pub struct Excerpt<'a> {
    /// `FILE:LINE:COL`, shown in the frame's header.
    pub location: String,
    /// The byte range underlined (clamped to the text and to its first line).
    pub span: Range<usize>,
    /// The label under the underline.
    pub label: &'a str,
    /// Advice printed after the frame.
    pub help: Option<String>,
}

/// Renders `excerpt` of `text` (whose line starts `index` holds) as plain text lines.
pub fn render(text: &str, index: &LineIndex<'_>, excerpt: &Excerpt<'_>) -> String {
    let start = excerpt.span.start.min(text.len());
    let (line, column) = index.position(start);
    let line_text = index.line_text(line);
    // The underlined characters: the span's part on its first line, at least one.
    let span_chars = text
        .get(start..excerpt.span.end.clamp(start, text.len()))
        .map_or(0, |s| s.split('\n').next().unwrap_or("").chars().count());
    let focus = column - 1..column - 1 + span_chars.max(1);
    let first = window_start(line_text, &focus);

    let gutter = (line.to_string().len()).max(2);
    let pad = " ".repeat(gutter + 1);
    let mut out = format!("{pad}╭─[{}]\n", excerpt.location);
    if line > 1 {
        let before = cut(index.line_text(line - 1), first);
        out.push_str(&format!("{:>gutter$} │ {}\n", line - 1, before.text));
    }
    let shown = cut(line_text, first);
    out.push_str(&format!("{line:>gutter$} │ {}\n", shown.text));
    let (lead, width) = shown.underline(&focus);
    let mid = width / 2;
    let bar: String = (0..width).map(|i| if i == mid { '┬' } else { '─' }).collect();
    out.push_str(&format!("{pad}· {}{bar}\n", " ".repeat(lead)));
    out.push_str(&format!("{pad}· {}╰── {}\n", " ".repeat(lead + mid), excerpt.label));
    out.push_str(&format!("{pad}╰────\n"));
    if let Some(help) = &excerpt.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

/// The first character of a line to show so that the focus (a range of character
/// indices) is in the window: 0 when the line fits, else a third of the window before it.
fn window_start(line: &str, focus: &Range<usize>) -> usize {
    let widths: Vec<usize> = line.chars().map(cell_width).collect();
    if widths.iter().sum::<usize>() <= WIDTH {
        return 0;
    }
    let mut start = focus.start.min(widths.len());
    let mut used = 0;
    while start > 0 && used + widths.get(start - 1).copied().unwrap_or(0) <= WIDTH / 3 {
        start -= 1;
        used += widths.get(start).copied().unwrap_or(0);
    }
    start
}

/// Display cells of one character as shown: tabs and other controls take one cell.
fn cell_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(1)
    }
}

/// A line cut to a window of characters.
struct Cut {
    text: String,
    /// The window's first character index, and whether an ellipsis precedes it.
    first: usize,
    ellipsis: bool,
    /// Display widths of the characters shown, from `first`.
    widths: Vec<usize>,
}

impl Cut {
    /// Leading cells before the focus and the underline's width, both within the window.
    fn underline(&self, focus: &Range<usize>) -> (usize, usize) {
        let lead_chars = focus.start.saturating_sub(self.first).min(self.widths.len());
        let lead: usize = self.widths.iter().take(lead_chars).sum::<usize>() + usize::from(self.ellipsis);
        let len = focus.end.saturating_sub(focus.start.max(self.first));
        let width: usize = self.widths.iter().skip(lead_chars).take(len).sum();
        (lead, width.max(1))
    }
}

/// A line shown from character `first` on, cut to [`WIDTH`] columns with ellipses.
fn cut(line: &str, first: usize) -> Cut {
    let total: usize = line.chars().map(cell_width).sum();
    if first == 0 && total <= WIDTH {
        let widths = line.chars().map(cell_width).collect();
        let text = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        return Cut { text, first, ellipsis: false, widths };
    }
    let ellipsis = first > 0;
    let mut text = String::new();
    if ellipsis {
        text.push('…');
    }
    let budget = WIDTH - 1 - usize::from(ellipsis);
    let (mut widths, mut filled) = (Vec::new(), 0);
    let mut rest = line.chars().skip(first).peekable();
    while let Some(&c) = rest.peek() {
        if filled + cell_width(c) > budget {
            break;
        }
        filled += cell_width(c);
        text.push(if c.is_control() { ' ' } else { c });
        widths.push(cell_width(c));
        rest.next();
    }
    if rest.peek().is_some() {
        text.push('…');
    }
    Cut { text, first, ellipsis, widths }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, span: Range<usize>) -> String {
        let index = LineIndex::new(text);
        render(text, &index, &Excerpt { location: "f:1:1".into(), span, label: "here", help: None })
    }

    fn widest(rendered: &str) -> usize {
        rendered.lines().map(|l| l.chars().map(cell_width).sum::<usize>()).max().unwrap_or(0)
    }

    #[test]
    fn short_lines_are_shown_whole_and_underlined_at_the_span() {
        let text = "first\nkind: countri,\n";
        let out = show(text, 12..19);
        assert!(out.contains(" 1 │ first\n"), "{out}");
        assert!(out.contains(" 2 │ kind: countri,\n"), "{out}");
        let underline = out.lines().find(|l| l.contains('┬')).unwrap();
        let line = out.lines().find(|l| l.contains("countri")).unwrap();
        let col = |l: &str, c: char| l.chars().position(|x| x == c).unwrap();
        assert_eq!(col(underline, '─'), col(line, 'c'), "{out}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_problem_with_ellipses() {
        let mut text = "[".repeat(100_000);
        text.push('x');
        text.push_str(&"]".repeat(50_000));
        let out = show(&text, 100_000..100_001);
        assert!(widest(&out) <= WIDTH + 10, "{}", widest(&out));
        let line = out.lines().find(|l| l.contains('x')).unwrap();
        assert!(line.contains("…["), "{line}");
        assert!(line.ends_with("]…"), "{line}");
        // The underline points at the x.
        let underline = out.lines().find(|l| l.contains('┬')).unwrap();
        let pos = |l: &str, c: char| l.chars().position(|x| x == c).unwrap();
        assert_eq!(pos(underline, '┬'), pos(line, 'x'), "{out}");
    }

    #[test]
    fn wide_characters_keep_the_underline_aligned() {
        let text = format!("{}日本語 bad", "日".repeat(200));
        let at = text.find("bad").unwrap();
        let out = show(&text, at..at + 3);
        assert!(widest(&out) <= WIDTH + 10, "{out}");
        let line = out.lines().find(|l| l.contains("bad")).unwrap();
        let underline = out.lines().find(|l| l.contains('┬')).unwrap();
        let cells = |l: &str, c: char| {
            let i = l.chars().position(|x| x == c).unwrap();
            l.chars().take(i).map(cell_width).sum::<usize>()
        };
        assert_eq!(cells(underline, '┬'), cells(line, 'b') + 1, "{out}");
    }

    #[test]
    fn a_longer_line_before_a_short_one_is_cut_only_when_over_the_width() {
        let text = format!("{}\nshort\n", "k".repeat(60));
        let out = show(&text, text.len() - 3..text.len() - 2);
        assert!(out.contains(&format!(" 1 │ {}\n", "k".repeat(60))), "{out}");
        let text = format!("{}\nshort\n", "k".repeat(300));
        let out = show(&text, text.len() - 3..text.len() - 2);
        assert!(out.lines().any(|l| l.ends_with("kk…")), "{out}");
        assert!(widest(&out) <= WIDTH + 10, "{out}");
    }

    #[test]
    fn spans_at_the_end_and_past_it_do_not_panic() {
        for text in ["", "a", "a\n", "\n\n", "é"] {
            for start in 0..=text.len() + 2 {
                let _ = show(text, start..start + 5);
            }
        }
    }
}
