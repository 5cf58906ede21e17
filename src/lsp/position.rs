//! Byte offsets to LSP positions (line, UTF-16 code unit) and back.
//!
//! relgraph works in byte offsets; the protocol counts lines from 0 and columns in UTF-16
//! code units, the encoding every client supports.

use std::ops::Range;

use lsp_types::Position;

/// Line starts of a text, for converting between offsets and positions.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        LineIndex { starts: std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// The position of a byte offset (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = text[start..offset].encode_utf16().count();
        Position { line: line as u32, character: character as u32 }
    }

    /// The byte offset of a position (clamped to its line and the text).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else { return text.len() };
        let end = self.starts.get(position.line as usize + 1).map_or(text.len(), |&e| e.saturating_sub(1));
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }

    /// The LSP range of a byte range.
    pub fn range(&self, text: &str, range: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range { start: self.position(text, range.start), end: self.position(text, range.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_units_and_round_trips() {
        let text = "ab\n“𝄞x”\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        // “ is one unit, 𝄞 two.
        assert_eq!(index.position(text, x), Position { line: 1, character: 3 });
        assert_eq!(index.offset(text, Position { line: 1, character: 3 }), x);
        assert_eq!(index.offset(text, Position { line: 1, character: 99 }), text.len() - 1);
        assert_eq!(index.offset(text, Position { line: 9, character: 0 }), text.len());
    }
}
