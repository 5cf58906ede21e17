//! `textDocument/definition` and `textDocument/references` for node, source and kind ids.

use lsp_types::{Location, Position};

use crate::lsp::world::DocState;

/// Where the id under the cursor is defined.
pub fn definition(state: &DocState, position: Position) -> Option<Location> {
    let text = state.text();
    let occurrence = state.doc.occurrence_at(state.lines.offset(text, position))?;
    let definition = state.doc.definition(occurrence.kind, &occurrence.name)?;
    Some(Location { uri: state.uri.clone(), range: state.lines.range(text, &definition.range) })
}

/// Every place the id under the cursor is written, its definition when asked for.
pub fn references(state: &DocState, position: Position, include_declaration: bool) -> Vec<Location> {
    let text = state.text();
    let Some(occurrence) = state.doc.occurrence_at(state.lines.offset(text, position)) else { return Vec::new() };
    state
        .doc
        .occurrences_of(occurrence.kind, &occurrence.name)
        .filter(|o| include_declaration || !o.definition)
        .map(|o| Location { uri: state.uri.clone(), range: state.lines.range(text, &o.range) })
        .collect()
}
