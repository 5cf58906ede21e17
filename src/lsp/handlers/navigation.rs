//! `textDocument/definition` and `textDocument/references` for node, source and kind ids,
//! across the files of a model (`includes`; see [`World::family`]).
//!
//! Each file of a model checks on its own, so an id may be defined in several of them (one
//! id is one entity): the definition answer lists each, the current file's first. On an
//! `includes` entry, the definition is the included file.

use lsp_types::{GotoDefinitionResponse, Location, Position, Range, Uri};

use crate::api::document::Occurrence;
use crate::lsp::world::{DocState, World};

/// Where the id under the cursor is defined (or the file an `includes` entry names).
pub fn definition(world: &mut World, uri: &Uri, position: Position) -> Option<GotoDefinitionResponse> {
    let state = world.get(uri)?;
    let offset = state.lines.offset(state.text(), position);
    if let Some((written, _)) = state.doc.includes().into_iter().find(|(_, r)| r.start <= offset && offset <= r.end) {
        let base = state.identity().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let target = world.uri_of_path(&base.join(written));
        return Some(GotoDefinitionResponse::Scalar(Location { uri: target, range: Range::default() }));
    }
    let occurrence = state.doc.occurrence_at(offset)?.clone();
    let family = world.family(uri);
    let mut found: Vec<Location> = family
        .iter()
        .filter_map(|u| world.file(u))
        .filter_map(|file| file.doc.definition(occurrence.kind, &occurrence.name).map(|d| location(file, d)))
        .collect();
    match found.len() {
        0 => None,
        1 => found.pop().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(found)),
    }
}

/// Every place the id under the cursor is written, in every file of the model, its
/// definitions when asked for.
pub fn references(world: &mut World, uri: &Uri, position: Position, include_declaration: bool) -> Vec<Location> {
    let Some(state) = world.get(uri) else { return Vec::new() };
    let Some(occurrence) = state.doc.occurrence_at(state.lines.offset(state.text(), position)).cloned() else {
        return Vec::new();
    };
    let family = world.family(uri);
    family
        .iter()
        .filter_map(|u| world.file(u))
        .flat_map(|file| {
            file.doc
                .occurrences_of(occurrence.kind, &occurrence.name)
                .filter(|o| include_declaration || !o.definition)
                .map(move |o| location(file, o))
        })
        .collect()
}

fn location(file: &DocState, occurrence: &Occurrence) -> Location {
    Location { uri: file.uri.clone(), range: file.lines.range(file.text(), &occurrence.range) }
}
