//! The article as plain text: HTML and Markdown are reduced to their words (the quotes a
//! draft keeps are exact substrings of this text, which the review page shows), then split
//! into sentences with their byte ranges.
//!
//! The reduction is deliberately small: tags are dropped (with `<script>`, `<style>` and
//! `<head>` contents), block tags become line breaks, the common entities are decoded;
//! Markdown loses heading marks, emphasis, link targets and list bullets. Nothing here
//! interprets the text, so hostile input cannot do more than produce odd words.

#![allow(
    clippy::indexing_slicing,
    reason = "token, mention and actor indices are made from this text by the loops that use them, and \
              byte offsets come from tokens and automaton matches, so they are in bounds and on \
              character boundaries; `draft_never_panics` in tests/draft.rs drafts arbitrary text"
)]

/// The form an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text, taken as it is.
    Plain,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

impl TextFormat {
    /// The format a file name suggests (`.html`/`.htm`, `.md`/`.markdown`), else sniffed
    /// from the text: a leading `<` or `<html` makes HTML.
    pub fn guess(name: Option<&str>, text: &str) -> TextFormat {
        let lower = name.unwrap_or("").to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            TextFormat::Html
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
            TextFormat::Markdown
        } else if text.trim_start().starts_with('<') {
            TextFormat::Html
        } else {
            TextFormat::Plain
        }
    }
}

/// The plain text of an article in `format`.
pub fn plain(text: &str, format: TextFormat) -> String {
    match format {
        TextFormat::Plain => text.replace("\r\n", "\n"),
        TextFormat::Markdown => markdown(&text.replace("\r\n", "\n")),
        TextFormat::Html => html(text),
    }
}

fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut l = line.trim_start_matches('#').trim_start_matches('>');
        if l.len() != line.len() {
            l = l.trim_start();
        }
        for bullet in ["* ", "- ", "+ "] {
            if let Some(rest) = l.trim_start().strip_prefix(bullet) {
                l = rest;
            }
        }
        let mut rest = l;
        // [words](target) -> words; images likewise keep their alt text.
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find("](").map(|c| c + open) else { break };
            let Some(end) = rest[close..].find(')').map(|e| e + close) else { break };
            out.push_str(rest[..open].trim_end_matches('!'));
            out.push_str(&rest[open + 1..close]);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out.replace("**", "").replace("__", "").replace('`', "")
}

fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let after = &rest[open..];
        let lower: String = after.chars().take(9).collect::<String>().to_ascii_lowercase();
        let skip_to =
            ["<script", "<style", "<head"].iter().find(|t| lower.starts_with(*t)).map(|t| format!("</{}", &t[1..]));
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let name: String = after[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect::<String>()
            .to_ascii_lowercase();
        let name = name.trim_start_matches('/');
        if matches!(
            name,
            "p" | "div"
                | "br"
                | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "blockquote"
                | "section"
                | "article"
                | "title"
        ) {
            out.push('\n');
        }
        rest = match skip_to {
            Some(end) => {
                let lower_after = after.to_ascii_lowercase();
                lower_after.find(&end).map_or("", |i| &after[i..]).split_once('>').map_or("", |(_, r)| r)
            }
            None => &after[close..],
        };
    }
    out.push_str(&decode(rest));
    // Collapse the blank lines markup leaves behind.
    let mut clean = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !clean.is_empty() {
            clean.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        clean.push_str(&line);
    }
    clean.push('\n');
    clean
}

fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "Jan", "Feb", "Mar", "Apr", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs",
];

/// Sentences as byte ranges of `text`: a sentence ends at `.`, `!` or `?` (with any closing
/// quotes and brackets) followed by white space and an upper-case letter, digit or quote,
/// or at a blank line; initials ("J.", "U.S.") and common abbreviations do not end one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let paragraph = b == b'\n' && bytes.get(i + 1) == Some(&b'\n');
        let single_line =
            b == b'\n' && i > start && !text[start..i].trim().ends_with(|c: char| c.is_alphanumeric() || c == ',');
        let mut end = None;
        if paragraph || (b == b'\n' && single_line) {
            end = Some(i);
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // Closing curly quotes (3 bytes each).
            while text[j..].starts_with('”') || text[j..].starts_with('’') {
                j += 3;
            }
            let next = text[j..].trim_start_matches([' ', '\t']);
            let spaced = next.len() < text.len() - j;
            let opens =
                next.chars().next().is_none_or(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'([\n".contains(c));
            let word: &str = text[start..i].rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
            let initial =
                b == b'.' && (word.chars().count() == 1 || word.contains('.') || ABBREVIATIONS.contains(&word));
            if (spaced || next.is_empty()) && opens && !initial {
                end = Some(j);
            }
        }
        if let Some(e) = end {
            push_trimmed(text, start, e, &mut out);
            start = e;
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

/// A word of the text: its byte range.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

/// Words: runs of letters and digits with inner hyphens and apostrophes; an upper-case
/// letter followed by a full stop ("J.", "U.S.") stays one word with its stops.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let joins = matches!(d, '-' | '\'' | '’' | '.')
                && text[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
            let initial_stop = d == '.' && text[i..j].chars().all(|x| x.is_uppercase() || x == '.');
            if d.is_alphanumeric() || joins || initial_stop {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        out.push(Token { start: i, end });
    }
    out
}

/// How a mention takes part in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A name: it can act or be acted on.
    Name,
    /// An adjective or demonym ("Russian"): it names the actor, but modifies a noun.
    Adjective,
    /// Part of a role phrase ("Japan's" in "Japan's Prime Minister Shinzo Abe"): the
    /// phrase's person acts, not this.
    Modifier,
}

/// A mention of an actor or context: byte range, which one, and how.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Index into the actors found (`Found::actors` of the mention finder).
    pub actor: usize,
    /// How it takes part.
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_but_not_at_initials_or_abbreviations() {
        let text =
            "Mr. Abe met U.S. President Barack Obama. Then J. Berkshire Miller wrote!\n\nA title\n\nA wrapped\nline.";
        let got: Vec<&str> = sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "Mr. Abe met U.S. President Barack Obama.",
                "Then J. Berkshire Miller wrote!",
                "A title",
                "A wrapped\nline."
            ]
        );
    }

    #[test]
    fn html_keeps_words_drops_scripts_and_decodes_entities() {
        let page = "<html><head><title>x</title></head><body><p>Japan &amp; Russia</p><script>alert(1)</script><p>Putin&#8217;s visit</p></body></html>";
        assert_eq!(plain(page, TextFormat::Html), "Japan & Russia\n\nPutin’s visit\n");
    }

    #[test]
    fn markdown_keeps_link_words_and_drops_marks() {
        let md = "# Title\n\n* **Japan** met [Russia](https://example.org) today.";
        assert_eq!(plain(md, TextFormat::Markdown), "Title\n\nJapan met Russia today.\n");
    }
}
