//! Running a long analysis with the GIL released and Ctrl-C honoured.
//!
//! The work runs on its own thread while the calling thread, without the GIL, waits for it
//! in short slices and checks Python's signal handlers between them. On Ctrl-C the call
//! returns `KeyboardInterrupt` at once; the abandoned work finishes in the background and its
//! result is dropped (the library's analyses have no cancellation points).

use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;

/// Runs `work` off the GIL and returns its result, or the error a signal handler raised.
pub fn interruptible<T: Send + 'static>(py: Python<'_>, work: impl FnOnce() -> T + Send + 'static) -> PyResult<T> {
    let (send, receive) = mpsc::channel();
    std::thread::Builder::new()
        .name("relgraph-analysis".into())
        .spawn(move || {
            let _ = send.send(work());
        })
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
    let mut receive = receive;
    loop {
        let (back, waited) = py.allow_threads(move || {
            let waited = receive.recv_timeout(Duration::from_millis(50));
            (receive, waited)
        });
        receive = back;
        match waited {
            Ok(value) => return Ok(value),
            Err(mpsc::RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(pyo3::exceptions::PyRuntimeError::new_err("the analysis thread stopped without a result"))
            }
        }
    }
}
