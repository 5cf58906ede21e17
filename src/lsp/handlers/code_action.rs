//! `textDocument/codeAction`: apply the suggestion of a "did you mean …" diagnostic.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit};

use crate::lsp::world::DocState;

/// Quick fixes for the problems in the requested range.
pub fn handle(state: &DocState, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let text = state.text();
    let (start, end) = (state.lines.offset(text, params.range.start), state.lines.offset(text, params.range.end));
    let diagnostics = super::diagnostics::publish(state).diagnostics;
    state
        .doc
        .notes
        .iter()
        .zip(diagnostics)
        .filter(|(note, _)| note.range.start <= end && start <= note.range.end)
        .filter_map(|(note, diagnostic)| {
            let replacement = note.replacement.clone()?;
            let edit = TextEdit { range: state.lines.range(text, &note.range), new_text: replacement.clone() };
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace with {replacement}"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(state.uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}
