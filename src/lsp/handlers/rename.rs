//! `textDocument/rename`: rename a node, source or declared kind everywhere it is written.

use std::collections::HashMap;

use lsp_types::{Position, TextEdit, WorkspaceEdit};

use crate::api::document::SymbolKind;
use crate::lsp::world::DocState;

/// The edits that rename the id under the cursor, or why it cannot be renamed.
pub fn handle(state: &DocState, position: Position, new_name: &str) -> Result<WorkspaceEdit, String> {
    let text = state.text();
    let occurrence = state
        .doc
        .occurrence_at(state.lines.offset(text, position))
        .ok_or_else(|| "no node, source or kind id here".to_owned())?;
    let is_kind = matches!(occurrence.kind, SymbolKind::NodeKind | SymbolKind::EdgeKind);
    if is_kind && state.doc.definition(occurrence.kind, &occurrence.name).is_none() {
        return Err(format!("`{}` is a built-in kind; only declared kinds can be renamed", occurrence.name));
    }
    let valid = if is_kind {
        new_name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && new_name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    } else {
        !new_name.trim().is_empty() && !new_name.contains(['"', '\\', '\n'])
    };
    if !valid {
        return Err(format!("`{new_name}` cannot be an id here"));
    }
    let edits = state
        .doc
        .occurrences_of(occurrence.kind, &occurrence.name)
        .map(|o| TextEdit { range: state.lines.range(text, &o.range), new_text: new_name.to_owned() })
        .collect();
    Ok(WorkspaceEdit { changes: Some(HashMap::from([(state.uri.clone(), edits)])), ..WorkspaceEdit::default() })
}
