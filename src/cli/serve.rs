//! `relgraph serve`: the interactive map of a model on 127.0.0.1, updated on every save.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::Args;

use super::Failure;

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The model to show and follow.
    #[arg(value_name = "MODEL")]
    model: PathBuf,
    /// The port on 127.0.0.1 (never another address). Default: 8000; 0 picks a free port.
    #[arg(long, value_name = "N", default_value_t = 8000)]
    port: u16,
}

/// Serves until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<(), Failure> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    // Only the first handler can be set; a second `serve` in one process keeps it.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    crate::serve::serve(&args.model, args.port, &stop, |address| {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "relgraph: serving {} on http://{address}/ (Ctrl-C to stop)", args.model.display());
        let _ = stdout.flush();
    })?;
    eprintln!("relgraph: stopped");
    Ok(())
}
