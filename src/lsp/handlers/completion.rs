//! `textDocument/completion`: node and source ids, kinds (fitting ones first), dates and
//! field names, by what belongs at the cursor.

use lsp_types::{CompletionItem, CompletionItemKind, Position};

use crate::api::describe::{self, Candidate, CandidateKind};
use crate::api::document::Slot;
use crate::lsp::world::DocState;

/// The candidates at a position.
pub fn handle(state: &DocState, position: Position) -> Vec<CompletionItem> {
    let text = state.text();
    let offset = state.lines.offset(text, position);
    let model = state.model();
    let doc = &state.doc;
    let (candidates, quoted) = match doc.slot_at(offset) {
        Slot::NodeId => (describe::node_candidates(doc, model), true),
        Slot::SourceId => (describe::source_candidates(doc, model), true),
        Slot::NodeKind => (describe::node_kind_candidates(model), false),
        Slot::EdgeKind { from, to } => (describe::edge_kind_candidates(model, from.as_deref(), to.as_deref()), false),
        Slot::Date => (describe::date_candidates(model), true),
        Slot::Field(ty) => (describe::field_candidates(ty), false),
        Slot::Other => (Vec::new(), false),
    };
    // Inside quotes already, insert the bare word; else quote it.
    let word_start = text[..offset].trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '-').len();
    let in_quotes = text[..word_start].ends_with('"');
    candidates.into_iter().enumerate().map(|(i, c)| item(c, i, quoted && !in_quotes)).collect()
}

fn item(candidate: Candidate, index: usize, quote: bool) -> CompletionItem {
    let kind = match candidate.kind {
        CandidateKind::Node => CompletionItemKind::REFERENCE,
        CandidateKind::Source => CompletionItemKind::FILE,
        CandidateKind::Kind => CompletionItemKind::ENUM_MEMBER,
        CandidateKind::Field => CompletionItemKind::FIELD,
        CandidateKind::Date => CompletionItemKind::VALUE,
    };
    let insert = match candidate.kind {
        CandidateKind::Field => format!("{}: ", candidate.label),
        _ if quote => format!("\"{}\"", candidate.label),
        _ => candidate.label.clone(),
    };
    CompletionItem {
        sort_text: Some(format!("{}{index:06}", if candidate.preferred { 0 } else { 1 })),
        insert_text: Some(insert),
        detail: Some(candidate.detail),
        kind: Some(kind),
        label: candidate.label,
        ..CompletionItem::default()
    }
}
