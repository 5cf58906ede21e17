//! Progress on stderr for long runs: a bar with ETA for searches from every node, and a
//! spinner with the time elapsed for any other command that can run long on a big graph.
//! Shown only when stderr is a terminal, and only once a run has lasted half a second
//! (`RELGRAPH_PROGRESS_DELAY_MS` changes that), so `--json`, pipes, scripts and tests see
//! nothing.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before it shows progress: half a second, or
/// `RELGRAPH_PROGRESS_DELAY_MS` milliseconds.
fn quiet() -> Duration {
    let ms = std::env::var("RELGRAPH_PROGRESS_DELAY_MS").ok().and_then(|v| v.parse().ok());
    Duration::from_millis(ms.unwrap_or(500))
}

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
    let (start, delay) = (Instant::now(), quiet());
    let report = |done: usize, total: usize| {
        if bar.length() != Some(total as u64) {
            bar.set_length(total as u64);
        }
        bar.inc(done as u64);
        if bar.is_hidden() && start.elapsed() >= delay {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        }
    };
    let out = work(&report);
    bar.finish_and_clear();
    out
}

/// Whether a spinner is running: one inside another runs its work quietly.
static SPINNING: AtomicBool = AtomicBool::new(false);

/// Runs `work`, showing a spinner labelled `what` if it lasts long.
pub fn spinner<T>(what: &str, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() || SPINNING.swap(true, Ordering::SeqCst) {
        return work();
    }
    let out = spin(what, work);
    SPINNING.store(false, Ordering::SeqCst);
    out
}

fn spin<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let (done, wait) = mpsc::channel::<()>();
    let delay = quiet();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            if !matches!(wait.recv_timeout(delay), Err(RecvTimeoutError::Timeout)) {
                return;
            }
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                bar.set_style(style);
            }
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
