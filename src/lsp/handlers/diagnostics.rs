//! `textDocument/publishDiagnostics`: every problem `check` reports, with its range, in the
//! file where it is written. Each file of a model checks on its own, so the diagnostics of
//! an included file that is not open are published under its own URI (the server does so
//! with those of the document that includes it); an `includes` entry naming a file that
//! does not exist is an error at the entry, and so is one through which the model reaches
//! a file with errors (the model does not load until they are fixed). When every file
//! loads, what composing them finds (an entity with two kinds, disagreements between the
//! files, probable duplicates) is shown where it is written in the document.

use std::path::{Path, PathBuf};

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams, Uri};

use crate::api::document::{composition_notes, Note};
use crate::lsp::world::{DocState, World};

/// The diagnostics of a document, as the notification carries them.
pub fn publish(state: &DocState) -> PublishDiagnosticsParams {
    let diagnostics = state.doc.notes.iter().map(|note| diagnostic(state, note)).collect();
    let version = state.open.then_some(state.version);
    PublishDiagnosticsParams { uri: state.uri.clone(), diagnostics, version }
}

/// A note of a document as the editor shows it: its range, severity and message, and the
/// replacement a "did you mean" note proposes (for the code action).
fn diagnostic(state: &DocState, note: &Note) -> Diagnostic {
    Diagnostic {
        range: state.lines.range(state.text(), &note.range),
        severity: Some(if note.is_error { DiagnosticSeverity::ERROR } else { DiagnosticSeverity::WARNING }),
        code: note.replacement.as_ref().map(|_| NumberOrString::String("did-you-mean".into())),
        source: Some("relgraph".into()),
        message: match &note.hint {
            Some(hint) => format!("{}\n{hint}", note.message),
            None => note.message.clone(),
        },
        data: note.replacement.as_ref().map(|r| serde_json::json!({ "replacement": r })),
        ..Diagnostic::default()
    }
}

/// What composing the model of the document at `uri` with the files it includes finds in
/// the document itself, as `check` finds it: an entity defined here with another kind than
/// in an included file, sources that disagree, probable duplicates. The open documents
/// among those files are read as the editor has them, the others as the server last read
/// them from disk ([`World::closure`] reads a file again only when its modification time or
/// length changed), so a keystroke reads no unchanged file. Call it when every file of the
/// model loads on its own (else those files' errors are what to show).
pub fn composed(world: &mut World, uri: &Uri) -> Vec<Diagnostic> {
    let closure = world.closure(uri);
    let texts: Vec<(PathBuf, String)> = closure
        .iter()
        .filter_map(|u| world.file(u))
        .map(|f| (f.identity().to_path_buf(), f.text().to_owned()))
        .collect();
    let Some(state) = world.get(uri) else { return Vec::new() };
    let path = state.identity().to_path_buf();
    composition_notes(&path, &texts).iter().map(|note| diagnostic(state, note)).collect()
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

/// An error at each `includes` entry of the document at `uri` through which the model
/// reaches a file with errors (the entry's file or one it includes, transitively): the
/// model does not load while they remain, and an editor may list the problems of files
/// that are not open nowhere. The message counts them and gives the first of each file as
/// `FILE:LINE:COL: message`, the file relative to the including one.
pub fn broken_includes(world: &mut World, uri: &Uri) -> Vec<Diagnostic> {
    let Some(state) = world.get(uri) else { return Vec::new() };
    let base = state.identity().parent().map(Path::to_path_buf).unwrap_or_default();
    let entries = state.doc.includes();
    let lines = state.lines.clone();
    let text = state.text().to_owned();
    let mut out = Vec::new();
    for (written, range) in entries {
        let Some(target) = world.uri_of_path(&base.join(&written)) else { continue };
        let mut count = 0;
        let mut firsts = Vec::new();
        for file in world.closure(&target) {
            let Some(file) = world.file(&file) else { continue };
            let errors: Vec<_> = file.doc.notes.iter().filter(|n| n.is_error).collect();
            if let Some(first) = errors.first() {
                let name = file.identity().strip_prefix(&base).unwrap_or(file.identity()).display().to_string();
                // 1-based line and character column, as `check` writes them.
                let at = file.lines.position(file.text(), first.range.start);
                let start = file.lines.offset(file.text(), lsp_types::Position { line: at.line, character: 0 });
                let column = file.text().get(start..first.range.start).map_or(0, |t| t.chars().count()) + 1;
                let line = at.line + 1;
                firsts.push(format!("{name}:{line}:{column}: {}", first.message));
            }
            count += errors.len();
        }
        if count == 0 {
            continue;
        }
        let noun = if count == 1 { "error" } else { "errors" };
        out.push(Diagnostic {
            range: lines.range(&text, &range),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("relgraph".into()),
            message: format!("`{written}` does not load: {count} {noun}, first {}", firsts.join("; ")),
            ..Diagnostic::default()
        });
    }
    out
}
