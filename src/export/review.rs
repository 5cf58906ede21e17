//! The review page of a draft (`relgraph draft --review draft.html`): one offline HTML file
//! with the article's text, every actor mention and tie quote highlighted where the text
//! states it, a panel to accept, edit (ends, kind, date) or reject each proposed tie, keys
//! for all of it, and a button that downloads the accepted ties as a RON model.
//!
//! Built like the map page ([`super::html`]): the skeleton `assets/draft/review.html`, its
//! style and script compiled in; the draft as JSON inside `<script type="application/json">`
//! with `<`, `>`, `&` and the line separators escaped, so no text can close the element; the
//! script inserts every piece of text with `textContent`; a Content-Security-Policy allows
//! only the page's own script and style (by SHA-256 hash) and no network request.

use serde_json::json;

use super::escape::xml_text;
use super::html::csp;
use crate::draft::Draft;
use crate::model::EdgeKind;

/// The review script.
pub const REVIEW_JS: &str = include_str!("../../assets/draft/review.js");
/// The review style sheet.
pub const REVIEW_CSS: &str = include_str!("../../assets/draft/review.css");
const PAGE: &str = include_str!("../../assets/draft/review.html");

/// JSON that can sit inside a `<script>` element.
fn script_safe(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The page's data: text, nodes, mentions, ties, the kinds a reviewer may choose.
fn data(draft: &Draft) -> serde_json::Value {
    let model = &draft.model;
    let source = model.sources.first();
    let mut kinds: Vec<String> = EdgeKind::ALL.iter().map(|k| k.as_str().to_owned()).collect();
    // Each declared kind as one line of RON, as the model file writes it.
    let mut only_kinds = crate::model::Model::new("kinds");
    only_kinds.vocabulary = model.vocabulary.clone();
    let written = crate::io::ron::to_string(&only_kinds);
    let mut declared: Vec<serde_json::Value> = Vec::new();
    let mut current: Option<String> = None;
    for line in written.lines() {
        let line = line.trim();
        if line.starts_with("EdgeKind(") {
            current = Some(String::from("EdgeKind("));
        } else if let Some(entry) = current.as_mut() {
            if line == ")," || line == ")" {
                entry.push(')');
                let name = entry.split("name: \"").nth(1).and_then(|r| r.split('"').next()).unwrap_or("").to_owned();
                kinds.push(name.clone());
                declared.push(json!({"name": name, "ron": entry.replace(",)", ")")}));
                current = None;
            } else {
                if !entry.ends_with('(') {
                    entry.push(' ');
                }
                entry.push_str(line);
            }
        }
    }
    json!({
        "title": source.map_or(model.title.as_str(), |s| s.title.as_str()),
        "model_title": model.title.replace("Draft: ", "Reviewed: "),
        "source": {
            "title": source.map(|s| s.title.clone()),
            "author": source.and_then(|s| s.author.clone()),
            "date": source.and_then(|s| s.date.map(|d| d.to_string())),
            "url": source.and_then(|s| s.url.clone()),
        },
        "text": draft.text,
        "nodes": model.nodes().map(|n| json!({"id": n.id, "kind": n.kind.as_str(), "name": n.name, "aliases": n.aliases})).collect::<Vec<_>>(),
        "mentions": draft.mentions,
        "ties": draft.ties,
        "kinds": kinds,
        "declared": declared,
    })
}

/// The review page as HTML text; never fails.
pub fn render(draft: &Draft) -> String {
    let json = script_safe(&data(draft));
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; form-action 'none'",
        csp::csp_source(REVIEW_JS),
        csp::csp_source(REVIEW_CSS)
    );
    let title = xml_text(&super::escape::clean(&format!("Review: {}", draft.model.title), 300, false));
    super::html::fill(
        PAGE,
        &[("CSP", &csp), ("TITLE", &title), ("CSS", REVIEW_CSS), ("JS", REVIEW_JS), ("DATA", &json)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{draft, DraftOptions};

    #[test]
    fn hostile_text_stays_inside_the_json() {
        let text = "Japan condemned Russia. </script><script>alert(1)</script> <!-- & \u{2028}";
        let page = render(&draft(text, &DraftOptions::new()));
        assert_eq!(page.matches("</script>").count(), 2, "only the page's own two script elements close");
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("Content-Security-Policy"));
        assert!(!REVIEW_JS.to_ascii_lowercase().contains("</script"));
    }
}
