//! `relgraph lsp`: a Language Server Protocol server for model files, on stdio.
//!
//! A front end over [`crate::api`], as the CLI is: the protocol plumbing lives here, the
//! answers in [`handlers`] (one file per request, as taplo's server is laid out), over the
//! open documents of a [`World`]. It is synchronous: [`lsp_server`] reads and writes the
//! messages on its own threads and this loop answers one message at a time.
//!
//! Diagnostics are published when a document opens and, after changes, once the client has
//! been quiet for [`DEBOUNCE`]; a request that comes first analyses the new text itself.
//! Definitions, references and renames reach every file of a model (`includes`), and the
//! problems of an included file are published under its own URI.

pub mod handlers;
pub mod position;
pub mod world;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, References, Rename,
    Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, OneOf, PublishDiagnosticsParams, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;

pub use world::World;

/// How long the client must be quiet after a change before diagnostics are published.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the server can do, as it tells the client.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), ":".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves the protocol on stdin and stdout until the client says `exit`.
pub fn run_stdio() -> Result<(), crate::Error> {
    let (connection, threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    threads.join().map_err(|e| crate::Error::Io { path: "<stdio>".into(), source: e })
}

/// Serves the protocol on a connection: the handshake, then every message until `exit`.
pub fn serve(connection: &Connection) -> Result<(), crate::Error> {
    let capabilities = serde_json::to_value(capabilities()).unwrap_or_default();
    let info = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "relgraph", "version": env!("CARGO_PKG_VERSION") },
    });
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, info)?;

    let mut world = World::new();
    // Documents changed since their diagnostics were last published, with when.
    let mut unpublished: BTreeMap<String, (Uri, Instant)> = BTreeMap::new();
    loop {
        let next = unpublished.values().map(|(_, at)| *at + DEBOUNCE).min();
        let message = match next {
            Some(due) => match connection.receiver.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    for (_, (uri, _)) in std::mem::take(&mut unpublished) {
                        publish(connection, &mut world, &uri);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match connection.receiver.recv() {
                Ok(message) => message,
                Err(_) => return Ok(()),
            },
        };
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = handle_request(&mut world, request);
                if connection.sender.send(response.into()).is_err() {
                    return Ok(());
                }
            }
            Message::Notification(notification) => match notification.method.as_str() {
                "exit" => return Ok(()),
                DidOpenTextDocument::METHOD => {
                    if let Ok(p) =
                        notification.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                    {
                        let uri = p.text_document.uri;
                        world.open(uri.clone(), p.text_document.version, p.text_document.text);
                        publish(connection, &mut world, &uri);
                    }
                }
                DidChangeTextDocument::METHOD => {
                    if let Ok(p) =
                        notification.extract::<lsp_types::DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                    {
                        // Full synchronisation: the last change holds the whole text.
                        if let Some(change) = p.content_changes.into_iter().last() {
                            let uri = p.text_document.uri;
                            world.change(&uri, p.text_document.version, change.text);
                            unpublished.insert(uri.as_str().to_owned(), (uri, Instant::now()));
                        }
                    }
                }
                DidCloseTextDocument::METHOD => {
                    if let Ok(p) =
                        notification.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                    {
                        let uri = p.text_document.uri;
                        world.close(&uri);
                        unpublished.remove(uri.as_str());
                        let empty = PublishDiagnosticsParams { uri, diagnostics: Vec::new(), version: None };
                        let _ =
                            connection.sender.send(Notification::new(PublishDiagnostics::METHOD.into(), empty).into());
                    }
                }
                _ => {}
            },
            Message::Response(_) => {}
        }
    }
}

/// Publishes the diagnostics of a document, and those of the files it includes that are
/// not open (each under its own URI).
fn publish(connection: &Connection, world: &mut World, uri: &Uri) {
    let send = |params: PublishDiagnosticsParams| {
        let _ = connection.sender.send(Notification::new(PublishDiagnostics::METHOD.into(), params).into());
    };
    let Some(state) = world.get(uri) else { return };
    let mut params = handlers::diagnostics::publish(state);
    params.diagnostics.extend(handlers::diagnostics::missing_includes(state));
    send(params);
    if state.doc.includes().is_empty() {
        return;
    }
    for other in world.family(uri) {
        match world.file(&other) {
            Some(file) if !file.open => send(handlers::diagnostics::publish(file)),
            _ => {}
        }
    }
}

/// Answers one request from the state of `world`.
pub fn handle_request(world: &mut World, request: Request) -> Response {
    let id = request.id.clone();
    match answer(world, request) {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

type Answer = Result<serde_json::Value, (ErrorCode, String)>;

fn params<P: DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn json<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn answer(world: &mut World, request: Request) -> Answer {
    use handlers::*;
    let unknown = |uri: &Uri| (ErrorCode::InvalidParams, format!("{} is not open", uri.as_str()));
    match request.method.as_str() {
        Completion::METHOD => {
            let p: lsp_types::CompletionParams = params(request)?;
            let at = p.text_document_position;
            let state = world.get(&at.text_document.uri).ok_or_else(|| unknown(&at.text_document.uri))?;
            json(completion::handle(state, at.position))
        }
        HoverRequest::METHOD => {
            let p: lsp_types::HoverParams = params(request)?;
            let at = p.text_document_position_params;
            let state = world.get(&at.text_document.uri).ok_or_else(|| unknown(&at.text_document.uri))?;
            json(hover::handle(state, at.position))
        }
        GotoDefinition::METHOD => {
            let p: lsp_types::GotoDefinitionParams = params(request)?;
            let at = p.text_document_position_params;
            world.get(&at.text_document.uri).ok_or_else(|| unknown(&at.text_document.uri))?;
            json(navigation::definition(world, &at.text_document.uri, at.position))
        }
        References::METHOD => {
            let p: lsp_types::ReferenceParams = params(request)?;
            let at = p.text_document_position;
            world.get(&at.text_document.uri).ok_or_else(|| unknown(&at.text_document.uri))?;
            json(navigation::references(world, &at.text_document.uri, at.position, p.context.include_declaration))
        }
        Rename::METHOD => {
            let p: lsp_types::RenameParams = params(request)?;
            let at = p.text_document_position;
            world.get(&at.text_document.uri).ok_or_else(|| unknown(&at.text_document.uri))?;
            let edit = rename::handle(world, &at.text_document.uri, at.position, &p.new_name);
            json(edit.map_err(|e| (ErrorCode::InvalidParams, e))?)
        }
        DocumentSymbolRequest::METHOD => {
            let p: lsp_types::DocumentSymbolParams = params(request)?;
            let state = world.get(&p.text_document.uri).ok_or_else(|| unknown(&p.text_document.uri))?;
            json(symbols::handle(state))
        }
        Formatting::METHOD => {
            let p: lsp_types::DocumentFormattingParams = params(request)?;
            let state = world.get(&p.text_document.uri).ok_or_else(|| unknown(&p.text_document.uri))?;
            json(formatting::handle(state))
        }
        CodeActionRequest::METHOD => {
            let p: lsp_types::CodeActionParams = params(request)?;
            let state = world.get(&p.text_document.uri).ok_or_else(|| unknown(&p.text_document.uri))?;
            json(code_action::handle(state, &p))
        }
        other => Err((ErrorCode::MethodNotFound, format!("relgraph does not answer {other}"))),
    }
}
