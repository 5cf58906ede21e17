//! `--watch`: run a command again whenever the model's files are saved, until Ctrl-C.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::Failure;
use crate::api::live;

/// How often the files are checked for a save.
const POLL: Duration = Duration::from_millis(150);

/// Runs `once` now and after every save of the `models` (the first named in messages) or of
/// a file they include, printing its output as it comes; a run that fails is reported and
/// the watch goes on. Returns on Ctrl-C.
pub fn run(models: &[&Path], once: &mut dyn FnMut(&mut Vec<u8>) -> Result<(), Failure>) -> Result<(), Failure> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let mut first = true;
    while !stop.load(Ordering::Relaxed) {
        let files: Vec<_> = models.iter().flat_map(|model| live::watched_files(model)).collect();
        let seen = live::fingerprint(&files);
        let mut out = Vec::new();
        let result = once(&mut out);
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&out).and_then(|()| stdout.flush());
        drop(stdout);
        if let Err(failure) = result {
            eprintln!("relgraph: error: {}", failure.message);
        }
        if first {
            let named = models.first().map_or_else(String::new, |model| model.display().to_string());
            eprintln!("relgraph: watching {named} (Ctrl-C to stop)");
            first = false;
        }
        while !stop.load(Ordering::Relaxed) && live::fingerprint(&files) == seen {
            std::thread::sleep(POLL);
        }
    }
    eprintln!("relgraph: stopped");
    Ok(())
}
