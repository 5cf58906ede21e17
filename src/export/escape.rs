//! Escaping, in one place: every piece of user text (names, topics, dates, tooltips) goes
//! through here before it reaches DOT or SVG.
//!
//! The rules:
//! - [`clean`] removes what no output should carry: control characters (XML 1.0 forbids most
//!   of them; NUL ends C strings in Graphviz), Unicode bidirectional overrides and isolates
//!   (which can make text display reversed, "Trojan Source" style), and noncharacters; line
//!   breaks become spaces unless asked for; very long text is cut with an ellipsis.
//! - [`dot_string`] quotes a DOT string: `"` and `\` are backslash-escaped, line breaks become
//!   Graphviz's centred line break `\n`, and `&`, `<`, `>` become the entities `&amp;`, `&lt;`,
//!   `&gt;` (Graphviz decodes entities in labels, so the picture shows the characters while the
//!   DOT text never holds a raw `<`).
//! - [`xml_text`] and [`xml_attr`] escape text for SVG.
//!
//! Ids in DOT are generated (`n0`, `n1`, …) and never come from user text; no `URL`, `href`
//! or `target` attribute is ever emitted, so hostile names can only ever be shown as text.

/// Removes characters that must not reach any output and cuts `text` to at most `max_chars`
/// characters (adding `…` when cut). Line breaks (`\n`) are kept when `keep_newlines`,
/// otherwise they become spaces; other control characters are dropped.
pub fn clean(text: &str, max_chars: usize, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)));
    let mut count = 0usize;
    for c in text.chars() {
        let c = match c {
            '\n' if keep_newlines => '\n',
            '\n' | '\r' | '\t' => ' ',
            c if is_forbidden(c) => continue,
            c => c,
        };
        if count == max_chars {
            // Cut: replace the last character with an ellipsis.
            out.pop();
            out.push('…');
            return out;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// Whether `c` is dropped from all output.
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{FDD0}'..='\u{FDEF}' | '\u{FFFE}' | '\u{FFFF}')
        || (c as u32) & 0xFFFE == 0xFFFE
}

/// A quoted DOT string for `text`, safe as an attribute value or id.
///
/// ```
/// use relgraph::export::escape::dot_string;
/// assert_eq!(dot_string("a \"b\"\n<c>"), r#""a \"b\"\n&lt;c&gt;""#);
/// ```
pub fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_forbidden(c) || c == '\r' || c == '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` escaped for XML character data (`<`, `>`, `&`, and quotes too, so the same
/// string is also safe inside attributes). Forbidden characters are dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped for a double-quoted XML attribute value; the same as [`xml_text`].
pub fn xml_attr(text: &str) -> String {
    xml_text(text)
}

/// Whether `value` is a colour the theme may use: `#rgb`, `#rrggbb`, `#rrggbbaa` or
/// `none`. Anything else is refused, so theme values can never break out of an attribute.
pub fn is_colour(value: &str) -> bool {
    if value == "none" {
        return true;
    }
    let Some(hex) = value.strip_prefix('#') else { return false };
    matches!(hex.len(), 3 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Whether `value` is a plausible font family list: letters, digits, spaces, `-`, `_`, `,`.
pub fn is_font_name(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 200
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | ','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_controls_and_bidi_overrides() {
        assert_eq!(clean("a\0b\u{1}c\u{202E}d", 100, false), "abcd");
        assert_eq!(clean("a\nb", 100, false), "a b");
        assert_eq!(clean("a\nb", 100, true), "a\nb");
    }

    #[test]
    fn clean_cuts_long_text_with_an_ellipsis() {
        let long = "x".repeat(10_000);
        let cut = clean(&long, 10, false);
        assert_eq!(cut.chars().count(), 10);
        assert!(cut.ends_with('…'));
        assert_eq!(clean("北方領土", 4, false), "北方領土");
    }

    #[test]
    fn dot_string_escapes_quotes_backslashes_and_markup() {
        assert_eq!(dot_string(r#"x" URL="javascript:alert(1)"#), r#""x\" URL=\"javascript:alert(1)""#);
        assert_eq!(dot_string("a\\b"), r#""a\\b""#);
        assert_eq!(dot_string("</text><script>"), "\"&lt;/text&gt;&lt;script&gt;\"");
        assert_eq!(dot_string("a\0b"), "\"a b\"");
    }

    #[test]
    fn xml_text_escapes_all_five() {
        assert_eq!(xml_text(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
        assert_eq!(xml_text("a\u{0}\u{1F}b"), "ab");
    }

    #[test]
    fn colours_and_fonts_are_checked() {
        assert!(is_colour("#0072B2"));
        assert!(is_colour("#abc"));
        assert!(!is_colour("red\" onload=\"x"));
        assert!(is_font_name("Helvetica, Arial, sans-serif"));
        assert!(!is_font_name("x\" onload=\"y"));
    }
}
