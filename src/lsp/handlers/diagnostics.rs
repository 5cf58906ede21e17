//! `textDocument/publishDiagnostics`: every problem `check` reports, with its range, in the
//! file where it is written. Each file of a model checks on its own, so the diagnostics of
//! an included file that is not open are published under its own URI (the server does so
//! with those of the document that includes it); an `includes` entry naming a file that
//! does not exist is an error at the entry.

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
    let version = state.open.then_some(state.version);
    PublishDiagnosticsParams { uri: state.uri.clone(), diagnostics, version }
}

/// An error at each `includes` entry of a document that names no file.
pub fn missing_includes(state: &DocState) -> Vec<Diagnostic> {
    let text = state.text();
    let base = state.identity().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    state
        .doc
        .includes()
        .into_iter()
        .filter(|(written, _)| !base.join(written).exists())
        .map(|(written, range)| Diagnostic {
            range: state.lines.range(text, &range),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("relgraph".into()),
            message: format!("cannot include `{written}`: no such file"),
            ..Diagnostic::default()
        })
        .collect()
}
