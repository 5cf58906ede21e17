//! `relgraph lsp`: a Language Server Protocol server for model files, on stdio.
//!
//! A front end over [`crate::api`], as the CLI is: the protocol plumbing lives here, the
//! answers in [`handlers`] (one file per request, as taplo's server is laid out), over the
//! open documents of a [`World`]. It is synchronous: [`transport`] reads and writes the
//! messages on their own threads and this loop answers one message at a time. Answers are
//! written as JSON text straight from their typed values, never as `serde_json::Value`
//! trees (for 30,000 document symbols, building that tree was most of the time).
//!
//! Diagnostics are published when a document opens and, after changes, once the client has
//! been quiet for [`DEBOUNCE`]; a request that comes first analyses the new text itself.
//! Definitions, references and renames reach every file of a model (`includes`), and the
//! problems of an included file are published under its own URI.

pub mod handlers;
pub mod position;
pub mod transport;
pub mod world;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Request, RequestId};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, References, Rename,
    Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DiagnosticSeverity, OneOf, PublishDiagnosticsParams,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
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
    let (incoming, outgoing, threads) = transport::stdio();
    serve(&incoming, &outgoing);
    drop(outgoing);
    threads.join().map_err(|e| crate::Error::Io { path: "<stdio>".into(), source: e })
}

/// Serves the protocol: the handshake, then every message until `exit` (or until the
/// client goes away). Messages come from `incoming`; the JSON text of every message the
/// server sends goes to `outgoing`.
pub fn serve(incoming: &Receiver<Message>, outgoing: &Sender<String>) {
    // The handshake: requests before `initialize` are refused, notifications ignored.
    loop {
        match incoming.recv() {
            Ok(Message::Request(request)) if request.method == "initialize" => {
                let info = serde_json::json!({
                    "capabilities": serde_json::to_value(capabilities()).unwrap_or_default(),
                    "serverInfo": { "name": "relgraph", "version": env!("CARGO_PKG_VERSION") },
                });
                if outgoing.send(response_body(&request.id, Ok(info.to_string()))).is_err() {
                    return;
                }
                break;
            }
            Ok(Message::Request(request)) => {
                let refused = Err((ErrorCode::ServerNotInitialized, "the server is not initialised yet".into()));
                if outgoing.send(response_body(&request.id, refused)).is_err() {
                    return;
                }
            }
            Ok(Message::Notification(n)) if n.method == "exit" => return,
            Ok(_) => {}
            Err(_) => return,
        }
    }

    let mut world = World::new();
    let mut shut_down = false;
    // Documents changed since their diagnostics were last published, with when.
    let mut unpublished: BTreeMap<String, (Uri, Instant)> = BTreeMap::new();
    loop {
        let next = unpublished.values().map(|(_, at)| *at + DEBOUNCE).min();
        let message = match next {
            Some(due) => match incoming.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    for (_, (uri, _)) in std::mem::take(&mut unpublished) {
                        publish(outgoing, &mut world, &uri);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match incoming.recv() {
                Ok(message) => message,
                Err(_) => return,
            },
        };
        match message {
            Message::Request(request) => {
                let body = if shut_down {
                    response_body(&request.id, Err((ErrorCode::InvalidRequest, "the server is shutting down".into())))
                } else if request.method == "shutdown" {
                    shut_down = true;
                    response_body(&request.id, Ok("null".into()))
                } else {
                    respond(&mut world, request)
                };
                if outgoing.send(body).is_err() {
                    return;
                }
            }
            Message::Notification(notification) => match notification.method.as_str() {
                "exit" => return,
                DidOpenTextDocument::METHOD => {
                    if let Ok(p) =
                        notification.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                    {
                        let uri = p.text_document.uri;
                        world.open(uri.clone(), p.text_document.version, p.text_document.text);
                        publish(outgoing, &mut world, &uri);
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
                        let _ = outgoing.send(transport::notification_body(PublishDiagnostics::METHOD, &empty));
                    }
                }
                _ => {}
            },
            Message::Response(_) => {}
        }
    }
}

/// Publishes the diagnostics of a document, those of the files it includes that are not
/// open (each under its own URI), and again those of the open documents that include it
/// (their model composes with its new text).
fn publish(outgoing: &Sender<String>, world: &mut World, uri: &Uri) {
    publish_one(outgoing, world, uri);
    let open: Vec<Uri> =
        world.family(uri).into_iter().filter(|o| o != uri && world.file(o).is_some_and(|f| f.open)).collect();
    for other in open {
        if world.closure(&other).contains(uri) {
            publish_one(outgoing, world, &other);
        }
    }
}

/// Publishes the diagnostics of a document and those of the files it includes that are
/// not open.
fn publish_one(outgoing: &Sender<String>, world: &mut World, uri: &Uri) {
    let send = |params: PublishDiagnosticsParams| {
        let _ = outgoing.send(transport::notification_body(PublishDiagnostics::METHOD, &params));
    };
    let Some(state) = world.get(uri) else { return };
    let mut params = handlers::diagnostics::publish(state);
    params.diagnostics.extend(handlers::diagnostics::missing_includes(state));
    if state.doc.includes().is_empty() {
        send(params);
        return;
    }
    let broken = handlers::diagnostics::broken_includes(world, uri);
    let loads = broken.is_empty() && params.diagnostics.iter().all(|d| d.severity != Some(DiagnosticSeverity::ERROR));
    params.diagnostics.extend(broken);
    if loads {
        params.diagnostics.extend(handlers::diagnostics::composed(world, uri));
    }
    send(params);
    for other in world.family(uri) {
        match world.file(&other) {
            Some(file) if !file.open => send(handlers::diagnostics::publish(file)),
            _ => {}
        }
    }
}

/// Answers one request from the state of `world`: the JSON text of the response.
pub fn respond(world: &mut World, request: Request) -> String {
    let id = request.id.clone();
    response_body(&id, answer(world, request))
}

/// The JSON text of a response, its result already JSON text (written once, straight from
/// the typed answer).
fn response_body(id: &RequestId, answer: Answer) -> String {
    let id = serde_json::to_string(id).unwrap_or_else(|_| "null".into());
    match answer {
        Ok(result) => format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{result}}}"#),
        Err((code, message)) => {
            let message = serde_json::to_string(&message).unwrap_or_else(|_| "\"\"".into());
            format!(r#"{{"jsonrpc":"2.0","id":{id},"error":{{"code":{},"message":{message}}}}}"#, code as i32)
        }
    }
}

/// The JSON text of a result, or the error to answer with.
type Answer = Result<String, (ErrorCode, String)>;

fn params<P: DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn json<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_string(&value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
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
            symbols::handle(state).map_err(|e| (ErrorCode::InternalError, e.to_string()))
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
