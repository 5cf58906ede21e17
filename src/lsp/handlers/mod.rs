//! One module per request or notification the server answers, each over a [`DocState`].
//!
//! [`DocState`]: crate::lsp::world::DocState

pub mod code_action;
pub mod completion;
pub mod diagnostics;
pub mod formatting;
pub mod hover;
pub mod navigation;
pub mod rename;
pub mod symbols;
