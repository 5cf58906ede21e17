//! `relgraph merge`: compose model files into one self-contained model, listing where the
//! sources disagree.

use std::path::PathBuf;

use clap::Args;

use super::{Failure, Status, SHOWN_PROBLEMS};
use crate::api::sources;

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The models to merge (RON, each with its includes), in order: the first states a
    /// fact first, and its id, name and dates are kept.
    #[arg(value_name = "FILE", required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    /// The merged model (RON), written atomically; nothing is written when the merge fails.
    #[arg(short, long, value_name = "OUT.ron")]
    output: PathBuf,
    /// Title of the merged model. Default: the first model's title.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// Fail (exit 1, writing nothing) on warnings too: disagreements between sources,
    /// probable duplicates, and each file's own warnings.
    #[arg(long)]
    strict: bool,
}

/// Runs `merge`: warnings and disagreements go to stderr, a summary to stdout.
pub fn run(args: &MergeArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let mut merged = sources::merge(&args.files)?;
    if let Some(title) = &args.title {
        merged.model.title = title.clone();
    }
    for found in &merged.warnings {
        eprint!("{}", found.render_first(SHOWN_PROBLEMS));
    }
    let warnings = sources::warning_count(&merged);
    if args.strict && warnings > 0 {
        let message = format!("found {warnings} warning(s), which --strict counts as problems; nothing written");
        return Err(Failure { status: Status::Input, message, reported: false });
    }
    sources::write_merged(&merged, &args.output)?;
    let model = &merged.model;
    let corroborated = model.edges().filter(|e| model.edge_sources(e).len() > 1).count();
    let shared = model.nodes().filter(|n| model.node_sources(n).len() > 1).count();
    out.extend(
        format!(
            "{}: {} nodes ({shared} from more than one source), {} edges ({corroborated} corroborated), \
             {} file(s), {} disagreement(s), {} probable duplicate(s)\n",
            args.output.display(),
            model.node_count(),
            model.edge_count(),
            merged.files.len(),
            merged.disagreements.len(),
            merged.duplicates.len(),
        )
        .into_bytes(),
    );
    // Freeing a big merged model (a million ties) takes a noticeable part of a second; the
    // command's work is done, so it is freed beside the exit rather than before it.
    std::thread::spawn(move || drop(merged));
    Ok(())
}
