//! The server's stdio: messages read from stdin on one thread, messages written to stdout
//! on another, each framed by a `Content-Length` header (the protocol's base layer).
//!
//! `lsp_server` reads and frames the incoming messages ([`Message::read`]); outgoing ones
//! are handed over already serialised, so that a big answer (the document symbols of a
//! 10,000-node model) goes out as the JSON text it was written as, never as a
//! `serde_json::Value` tree (which `lsp_server`'s own connection requires).

use std::io::{self, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use serde::Serialize;

/// The reading and writing threads, to be joined once the server is done.
pub struct Threads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for both threads; the first error either met.
    pub fn join(self) -> io::Result<()> {
        let reader = self.reader.join().unwrap_or_else(|_| Err(io::Error::other("the reader thread panicked")));
        let writer = self.writer.join().unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        reader.and(writer)
    }
}

/// Starts reading stdin and writing stdout: the incoming messages, the sender of outgoing
/// message bodies (JSON text, framed by the writer), and the threads. Reading stops after
/// `exit` or at the end of the input; writing stops when every sender is dropped.
pub fn stdio() -> (Receiver<Message>, Sender<String>, Threads) {
    let (incoming_tx, incoming) = crossbeam_channel::bounded::<Message>(0);
    let reader = std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        while let Some(message) = Message::read(&mut input)? {
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if incoming_tx.send(message).is_err() || exit {
                break;
            }
        }
        Ok(())
    });
    let (outgoing, outgoing_rx) = crossbeam_channel::bounded::<String>(0);
    let writer = std::thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for body in outgoing_rx {
            write_framed(&mut out, &body)?;
        }
        Ok(())
    });
    (incoming, outgoing, Threads { reader, writer })
}

/// Writes one message body with its header.
pub fn write_framed(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body.as_bytes())?;
    out.flush()
}

/// The JSON text of a notification, its parameters serialised straight from `params`.
pub fn notification_body(method: &str, params: &impl Serialize) -> String {
    #[derive(Serialize)]
    struct JsonRpc<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    serde_json::to_string(&JsonRpc { jsonrpc: "2.0", method, params }).unwrap_or_default()
}
