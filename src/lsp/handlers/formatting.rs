//! `textDocument/formatting`: the canonical layout of `relgraph fmt`, as one edit.

use lsp_types::{Position, Range, TextEdit};

use crate::lsp::world::DocState;

/// The edit that formats the document; none when it is canonical already or has errors
/// (which the diagnostics show).
pub fn handle(state: &DocState) -> Vec<TextEdit> {
    let text = state.text();
    match state.doc.formatted() {
        Ok(formatted) if formatted != text => {
            let end = state.lines.position(text, text.len());
            vec![TextEdit { range: Range { start: Position::default(), end }, new_text: formatted }]
        }
        _ => Vec::new(),
    }
}
