//! `textDocument/hover`: what the id under the cursor names.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::api::describe;
use crate::lsp::world::DocState;

/// The description of the node, kind or source under the cursor.
pub fn handle(state: &DocState, position: Position) -> Option<Hover> {
    let text = state.text();
    let occurrence = state.doc.occurrence_at(state.lines.offset(text, position))?;
    let value = describe::describe(state.model()?, occurrence.kind, &occurrence.name)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }),
        range: Some(state.lines.range(text, &occurrence.range)),
    })
}
