//! `textDocument/rename`: rename a node, source or declared kind everywhere it is written,
//! in every file of the model (`includes`; see [`World::family`]).

use std::collections::HashMap;

use lsp_types::{Position, TextEdit, Uri, WorkspaceEdit};

use crate::api::document::SymbolKind;
use crate::lsp::world::World;

/// The edits that rename the id under the cursor, or why it cannot be renamed.
pub fn handle(world: &mut World, uri: &Uri, position: Position, new_name: &str) -> Result<WorkspaceEdit, String> {
    let state = world.get(uri).ok_or_else(|| format!("{} is not open", uri.as_str()))?;
    let occurrence = state
        .doc
        .occurrence_at(state.lines.offset(state.text(), position))
        .cloned()
        .ok_or_else(|| "no node, source or kind id here".to_owned())?;
    let family = world.family(uri);
    let files: Vec<_> = family.iter().filter_map(|u| world.file(u)).collect();
    let is_kind = matches!(occurrence.kind, SymbolKind::NodeKind | SymbolKind::EdgeKind);
    if is_kind && files.iter().all(|f| f.doc.definition(occurrence.kind, &occurrence.name).is_none()) {
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
    let mut changes = HashMap::new();
    for file in files {
        let edits: Vec<TextEdit> = file
            .doc
            .occurrences_of(occurrence.kind, &occurrence.name)
            .map(|o| TextEdit { range: file.lines.range(file.text(), &o.range), new_text: new_name.to_owned() })
            .collect();
        if !edits.is_empty() {
            changes.insert(file.uri.clone(), edits);
        }
    }
    Ok(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() })
}
