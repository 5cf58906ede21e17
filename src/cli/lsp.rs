//! `relgraph lsp`: run the language server on stdin and stdout.

use clap::Args;

use super::Failure;

/// Arguments of `lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it (VS Code's client does); stdio is the only transport.
    #[arg(long)]
    stdio: bool,
}

/// Serves the Language Server Protocol until the client exits.
pub fn run(_args: &LspArgs) -> Result<(), Failure> {
    crate::lsp::run_stdio().map_err(Failure::from)
}
