//! `relgraph layout`: the built-in layout of the whole model as a positions file.

use std::path::PathBuf;

use clap::Args;

use super::args::FileArg;
use super::Failure;
use crate::api::figure;

/// Arguments of `layout`.
#[derive(Debug, Args)]
pub struct LayoutArgs {
    #[command(flatten)]
    file: FileArg,
    /// Where to write the positions (RON, written atomically). Default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Keep the nodes this positions file names where it puts them, placing only the others
    /// (an incremental layout after an edit). Default: a fresh layout.
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
}

/// Runs `layout`.
pub fn run(args: &LayoutArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let model = args.file.open()?.into_model();
    let pinned = match &args.from {
        Some(path) => figure::load(path)?,
        None => figure::Positions::new(),
    };
    let positions = figure::layout(&model, &pinned);
    match &args.output {
        Some(path) => {
            figure::save(&positions, path)?;
            out.extend(format!("wrote {} ({} nodes)\n", path.display(), positions.len()).into_bytes());
        }
        None => out.extend(figure::to_text(&positions).into_bytes()),
    }
    Ok(())
}
