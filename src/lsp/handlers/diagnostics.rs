//! `textDocument/publishDiagnostics`: every problem `check` reports, with its range.

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use crate::lsp::world::DocState;

/// The diagnostics of a document, as the notification carries them.
pub fn publish(state: &DocState) -> PublishDiagnosticsParams {
    let text = state.text();
    let diagnostics = state
        .doc
        .notes
        .iter()
        .map(|note| Diagnostic {
            range: state.lines.range(text, &note.range),
            severity: Some(if note.is_error { DiagnosticSeverity::ERROR } else { DiagnosticSeverity::WARNING }),
            code: note.replacement.as_ref().map(|_| NumberOrString::String("did-you-mean".into())),
            source: Some("relgraph".into()),
            message: match &note.hint {
                Some(hint) => format!("{}\n{hint}", note.message),
                None => note.message.clone(),
            },
            data: note.replacement.as_ref().map(|r| serde_json::json!({ "replacement": r })),
            ..Diagnostic::default()
        })
        .collect();
    PublishDiagnosticsParams { uri: state.uri.clone(), diagnostics, version: Some(state.version) }
}
