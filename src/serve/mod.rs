//! `relgraph serve`: the interactive map of a model on 127.0.0.1, following the file.
//!
//! A front end over [`crate::api`], as the CLI is. A watcher thread polls the model's files
//! ([`crate::api::live::watched_files`]) every [`POLL`]; on a save it loads the model again
//! and either renders a new map (the page number goes up) or keeps the last good map and
//! records the problems. The page asks `/state` four times a second (`assets/viewer/live.js`):
//! a new page number reloads it, keeping zoom, date and selection; problems are shown as
//! `FILE:LINE:COL: message` in `#diagnostics`.
//!
//! Routes: `/` (the map), `/live.js`, `/live.css`, `/state` (JSON). Anything else is a 404,
//! anything but GET or HEAD a 405, so nothing on disk is ever served but the map made from
//! the model. The server listens on 127.0.0.1 only, and stops when `stop` is set (the CLI
//! sets it on Ctrl-C).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::api::live;
use crate::Error;

/// How often the model's files are checked for a save.
pub const POLL: Duration = Duration::from_millis(150);

const LIVE_JS: &str = include_str!("../../assets/viewer/live.js");
const LIVE_CSS: &str = include_str!("../../assets/viewer/live.css");

/// What the server shows: the last good map and the problems of the last save.
#[derive(Debug, Default)]
struct State {
    /// Goes up with every new map.
    page_number: u64,
    /// The last good map, with the live-reload parts added.
    page: String,
    /// The problems of the last save, as `FILE:LINE:COL: message`; empty when it loaded.
    diagnostics: Vec<String>,
}

type Shared = Arc<Mutex<State>>;

/// Serves the map of the model at `path` on 127.0.0.1:`port` (0: any free port) until
/// `stop` is set. `ready` receives the address once the server listens.
pub fn serve(path: &Path, port: u16, stop: &AtomicBool, ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let server = Server::http(address).map_err(|e| Error::Io {
        path: PathBuf::from(address.to_string()),
        source: std::io::Error::other(e.to_string()),
    })?;
    let bound = server.server_addr().to_ip().unwrap_or(address);
    let state: Shared = Arc::default();
    // The files' state is taken before each load, so a save during a load (or between the
    // first load and the watcher's start) is a change the watcher still sees.
    let files = live::watched_files(path);
    let seen = live::fingerprint(&files);
    reload(path, &state);
    ready(bound);
    std::thread::scope(|scope| {
        scope.spawn(|| watch(path, files, seen, &state, stop));
        while !stop.load(Ordering::Relaxed) {
            match server.recv_timeout(Duration::from_millis(100)) {
                Ok(Some(request)) => answer(request, &state),
                Ok(None) => {}
                Err(_) => break,
            }
        }
        stop.store(true, Ordering::Relaxed);
    });
    Ok(())
}

/// Polls the files (`seen`: their state when the current page was loaded) and reloads on
/// every change until `stop` is set.
fn watch(
    path: &Path,
    mut files: Vec<PathBuf>,
    mut seen: Vec<Option<(SystemTime, u64)>>,
    state: &Shared,
    stop: &AtomicBool,
) {
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(POLL);
        if live::fingerprint(&files) != seen {
            files = live::watched_files(path);
            seen = live::fingerprint(&files);
            reload(path, state);
        }
    }
}

/// Loads the model again: a new map, or the problems beside the last good map.
fn reload(path: &Path, state: &Shared) {
    let result = live::map_page(path);
    let mut state = state.lock().unwrap_or_else(PoisonError::into_inner);
    match result {
        Ok(page) => {
            state.page_number += 1;
            state.page = with_live_parts(&page, state.page_number);
            state.diagnostics.clear();
        }
        Err(error) => {
            state.diagnostics = live::problems(path, &error).iter().map(ToString::to_string).collect();
            if state.page.is_empty() {
                state.page_number += 1;
                let title = format!("{} (does not load yet)", path.display());
                state.page = with_live_parts(&live::empty_map_page(&title), state.page_number);
            }
        }
    }
}

/// The exported page with what following the file needs: its page number, the
/// `#diagnostics` element, the live script and style, and a Content-Security-Policy that
/// lets them (and only them) come from this server.
fn with_live_parts(page: &str, number: u64) -> String {
    let page = page
        .replacen("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
        .replacen("script-src ", "script-src 'self' ", 1)
        .replacen("style-src ", "style-src 'self' ", 1);
    let head = format!(
        "<meta name=\"relgraph-page\" content=\"{number}\">\n<link rel=\"stylesheet\" href=\"/live.css\">\n</head>"
    );
    let body = "<div id=\"diagnostics\" role=\"alert\" hidden></div>\n<script src=\"/live.js\"></script>\n</body>";
    page.replacen("</head>", &head, 1).replacen("</body>", body, 1)
}

fn answer(request: Request, state: &Shared) {
    let reply = |body: String, kind: &str, status: u16| {
        let mut response = Response::from_string(body).with_status_code(status);
        // The names and values are ASCII literals of this file, which tiny_http accepts.
        for (name, value) in
            [("Content-Type", kind), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
        {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        response
    };
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(reply("only GET and HEAD\n".into(), "text/plain; charset=utf-8", 405));
        return;
    }
    let path = request.url().split(['?', '#']).next().unwrap_or("").to_owned();
    let response = match path.as_str() {
        "/" | "/index.html" => {
            let state = state.lock().unwrap_or_else(PoisonError::into_inner);
            reply(state.page.clone(), "text/html; charset=utf-8", 200)
        }
        "/live.js" => reply(LIVE_JS.into(), "text/javascript; charset=utf-8", 200),
        "/live.css" => reply(LIVE_CSS.into(), "text/css; charset=utf-8", 200),
        "/state" => {
            let state = state.lock().unwrap_or_else(PoisonError::into_inner);
            let body = serde_json::json!({ "page": state.page_number, "diagnostics": state.diagnostics });
            reply(body.to_string(), "application/json", 200)
        }
        _ => reply("not found\n".into(), "text/plain; charset=utf-8", 404),
    };
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_gets_its_number_the_diagnostics_element_and_a_policy_for_them() {
        let page = live::empty_map_page("t");
        let live = with_live_parts(&page, 7);
        assert!(live.contains("<meta name=\"relgraph-page\" content=\"7\">"));
        assert!(live.contains(
            "<div id=\"diagnostics\" role=\"alert\" hidden></div>\n<script src=\"/live.js\"></script>\n</body>"
        ));
        let csp = live.split("Content-Security-Policy\" content=\"").nth(1).unwrap();
        let csp = &csp[..csp.find('"').unwrap()];
        assert!(csp.starts_with("default-src 'none'; connect-src 'self';"), "{csp}");
        assert!(csp.contains("script-src 'self' 'sha256-") && csp.contains("style-src 'self' 'sha256-"), "{csp}");
    }
}
