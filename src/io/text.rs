//! Input bytes as text: every reader expects UTF-8, accepts a byte-order mark (dropped) and
//! CRLF line ends, and names the line and column of the first byte that is not UTF-8.

use std::fmt;

/// Where input stops being UTF-8, and what it looks like instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Byte offset of the first bad byte (after any byte-order mark).
    pub offset: usize,
    /// 1-based line of that byte.
    pub line: usize,
    /// 1-based column of that byte, in characters.
    pub column: usize,
    /// The byte.
    pub byte: u8,
    /// Whether the input starts with a UTF-16 byte-order mark.
    pub utf16: bool,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.utf16 {
            return f.write_str("the file is UTF-16; relgraph reads UTF-8: save it as UTF-8");
        }
        write!(
            f,
            "byte 0x{:02X} is not UTF-8; relgraph reads UTF-8 text \
             (a file saved as Latin-1 or Windows-1252 must be saved as UTF-8)",
            self.byte
        )
    }
}

/// The byte-order mark some editors put at the start of UTF-8 files.
const BOM: &str = "\u{feff}";

/// Drops a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// Bytes as UTF-8 text, without a leading byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, NotUtf8> {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| locate(bytes, error.valid_up_to()))
}

/// Owned bytes as UTF-8 text, without a leading byte-order mark.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if bytes.starts_with(BOM.as_bytes()) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|error| locate(error.as_bytes(), error.utf8_error().valid_up_to()))
}

/// Where the first bad byte at `valid` (everything before it being UTF-8) sits.
fn locate(bytes: &[u8], valid: usize) -> NotUtf8 {
    let before = bytes.get(..valid).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    NotUtf8 { offset: valid, line, column, byte: bytes.get(valid).copied().unwrap_or(0), utf16 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_and_column_of_the_first_bad_byte() {
        let e = decode(b"a\tb\nc\t\xff\xfed\n").unwrap_err();
        assert_eq!((e.offset, e.line, e.column, e.byte, e.utf16), (6, 2, 3, 0xFF, false));
        assert!(e.to_string().starts_with("byte 0xFF is not UTF-8"), "{e}");
        let e = decode_owned("é\nñx".bytes().chain([0xE9]).collect()).unwrap_err();
        assert_eq!((e.line, e.column, e.byte), (2, 3, 0xE9));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_utf16_is_named() {
        assert_eq!(decode(b"\xef\xbb\xbfa,b\r\n").unwrap(), "a,b\r\n");
        assert_eq!(decode_owned(b"\xef\xbb\xbfx".to_vec()).unwrap(), "x");
        assert_eq!(strip_bom("\u{feff}x"), "x");
        assert!(decode(b"\xff\xfea\x00").unwrap_err().utf16);
    }
}
