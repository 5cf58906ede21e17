//! `relgraph kinds`: the vocabulary, built in or as a model declares it.

use std::path::PathBuf;

use clap::Args;

use super::{input, output, Failure};

/// Arguments of `kinds`.
#[derive(Debug, Args)]
pub struct KindsArgs {
    /// A model whose declared kinds and influence rules to include. Default: the built-in
    /// vocabulary only.
    #[arg(value_name = "MODEL")]
    file: Option<PathBuf>,
    /// Print JSON: one row per kind, each with `name`, `vocabulary` (node or edge) and
    /// `cameo` (null where the kind is no event).
    #[arg(long)]
    json: bool,
}

/// Lists the kinds.
pub fn run(args: &KindsArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let report = match &args.file {
        Some(file) => input::open(file)?.model().kinds(),
        None => crate::api::kinds(None),
    };
    output::report(&report, args.json, out);
    Ok(())
}
