//! Progress on stderr for long runs: a bar with ETA for searches from every node, a
//! spinner for big loads. Shown only when stderr is a terminal, and only once a run has
//! lasted half a second, so `--json`, pipes, scripts and tests see nothing.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before it shows progress.
const QUIET: Duration = Duration::from_millis(500);

/// Runs `work`, giving it a callback `(units just finished, all units)` that advances a
/// bar labelled `what`.
pub fn bar<T>(what: &str, work: impl FnOnce(&(dyn Fn(usize, usize) + Sync)) -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work(&|_, _| {});
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} sources, ETA {eta}") {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    let start = Instant::now();
    let report = |done: usize, total: usize| {
        if bar.length() != Some(total as u64) {
            bar.set_length(total as u64);
        }
        bar.inc(done as u64);
        if bar.is_hidden() && start.elapsed() > QUIET {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        }
    };
    let out = work(&report);
    bar.finish_and_clear();
    out
}

/// Runs `work`, showing a spinner labelled `what` if it lasts long.
pub fn spinner<T>(what: &str, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let (done, wait) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            if !matches!(wait.recv_timeout(QUIET), Err(RecvTimeoutError::Timeout)) {
                return;
            }
            let bar = ProgressBar::new_spinner();
            bar.set_message(what.to_owned());
            bar.enable_steady_tick(Duration::from_millis(120));
            let _ = wait.recv();
            bar.finish_and_clear();
        });
        let out = work();
        drop(done);
        out
    })
}
