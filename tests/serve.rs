//! `relgraph serve` through the real binary: HTTP answers, 127.0.0.1 only, a clean stop,
//! and, in headless Chromium, a saved node appearing and a broken save shown in
//! `#diagnostics` while the map stays (skipped, saying why, without Chromium and selenium).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

const ONE: &str = "Model(\n    title: \"Live\",\n    nodes: [\n        Node(id: \"japan\", kind: country, name: \"Japan\"),\n        Node(id: \"russia\", kind: country, name: \"Russia\"),\n    ],\n    edges: [Edge(from: \"japan\", to: \"russia\", kind: negotiates)],\n)\n";

/// A running `relgraph serve` on a free port; stopped with SIGINT when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Served {
    fn start(model: &Path) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .args(["serve", model.to_str().unwrap(), "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.split("http://").nth(1).unwrap_or_else(|| panic!("no URL in {line:?}"));
        assert!(url.starts_with("127.0.0.1:"), "{line}");
        let port = url["127.0.0.1:".len()..].split('/').next().unwrap().parse().unwrap();
        Served { child, port }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Sends raw request bytes; returns the status code and body.
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        stream.write_all(request).unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes())
    }

    /// Stops the server as Ctrl-C does; returns its exit status and stderr.
    fn interrupt(mut self) -> (Option<i32>, String) {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let mut stderr = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        (self.child.wait().unwrap().code(), stderr)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// 1-based line and column of the first `needle` in `text`.
fn place(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (text[..offset].matches('\n').count() + 1, text[line_start..offset].chars().count() + 1)
}

fn state(served: &Served) -> Value {
    serde_json::from_str(&served.get("/state").1).unwrap()
}

#[test]
fn serves_the_map_and_its_state_refuses_the_rest_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("live.ron");
    std::fs::write(&model, ONE).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "not for the web").unwrap();
    let served = Served::start(&model);

    let (status, page) = served.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("<div id=\"diagnostics\" role=\"alert\" hidden></div>"));
    assert!(page.contains("\"id\":\"russia\""), "the model's data is in the page");
    assert_eq!(state(&served), json!({"page": 1, "diagnostics": []}));

    // Nothing but the map: not the folder's files, not a path out of it, not other methods.
    for path in ["/secret.txt", "/live.ron", "/../secret.txt", "/%2e%2e/secret.txt", "/etc/passwd"] {
        let (status, body) = served.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("not for the web"));
    }
    assert_eq!(served.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").0, 405);
    let (status, _) = served.raw(b"NONSENSE\r\n\r\n");
    assert!((400..500).contains(&status), "a malformed request gets a 4xx, got {status}");
    assert_eq!(served.get("/").0, 200, "still serving after a bad request");

    // A broken save: the problems with FILE:LINE:COL, the same page number (the last map).
    let broken = ONE.replace("kind: negotiates", "kind: negotiate");
    std::fs::write(&model, &broken).unwrap();
    let mut seen = state(&served);
    for _ in 0..100 {
        if !seen["diagnostics"].as_array().unwrap().is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        seen = state(&served);
    }
    assert_eq!(seen["page"], 1);
    let line = seen["diagnostics"][0].as_str().unwrap();
    let (row, column) = place(&broken, "negotiate");
    assert_eq!(line, format!("{}:{row}:{column}: unknown edge kind `negotiate`", model.display()));

    let (code, stderr) = served.interrupt();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
}

#[test]
fn saving_an_included_file_updates_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("top.ron");
    let part = dir.path().join("part.ron");
    std::fs::write(&model, "Model(title: \"Top\", includes: [\"part.ron\"])\n").unwrap();
    std::fs::write(&part, ONE).unwrap();
    let served = Served::start(&model);
    assert_eq!(state(&served), json!({"page": 1, "diagnostics": []}));
    assert!(served.get("/").1.contains("\"id\":\"russia\""), "the included file's nodes are on the map");

    // A node added to the included file: a new page with it.
    let added = ONE.replace(
        "    ],\n    edges",
        "        Node(id: \"china\", kind: country, name: \"China\"),\n    ],\n    edges",
    );
    std::fs::write(&part, &added).unwrap();
    eventually("a new page after the included file's save", || state(&served)["page"] == 2);
    assert!(served.get("/").1.contains("\"id\":\"china\""));

    // Broken, the included file is named in the diagnostics, and the map stays.
    let broken = added.replace("kind: negotiates", "kind: negotiate");
    std::fs::write(&part, &broken).unwrap();
    eventually("the included file's problem", || !state(&served)["diagnostics"].as_array().unwrap().is_empty());
    let (row, column) = place(&broken, "negotiate");
    let seen = state(&served);
    assert_eq!(seen["page"], 2);
    assert_eq!(seen["diagnostics"][0], format!("{}:{row}:{column}: unknown edge kind `negotiate`", part.display()));

    // Fixed again (the watch still follows the included file while it was broken).
    std::fs::write(&part, &added.replace("name: \"China\"", "name: \"PRC\"")).unwrap();
    eventually("the fixed save", || state(&served)["page"] == 3);
    assert_eq!(state(&served)["diagnostics"], json!([]));
}

#[test]
fn listens_on_the_loopback_address_only() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("live.ron");
    std::fs::write(&model, ONE).unwrap();
    let served = Served::start(&model);
    // Another local address of this machine (the loopback net's 127.0.0.2) is refused.
    assert!(TcpStream::connect(("127.0.0.2", served.port)).is_err());
    assert!(TcpStream::connect(("127.0.0.1", served.port)).is_ok());
}

#[test]
fn an_open_page_follows_saves_in_chromium() {
    let Some(browser) = crate::viewer::browser("an_open_page_follows_saves_in_chromium") else { return };
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("live.ron");
    std::fs::write(&model, ONE).unwrap();
    let served = Served::start(&model);
    let added = ONE.replace(
        "    ],\n    edges",
        "        Node(id: \"china\", kind: country, name: \"China\"),\n    ],\n    edges",
    );
    let broken = added.replace("kind: negotiates", "kind: negotiate");
    let fixed = added.replace(
        "    ],\n    edges",
        "        Node(id: \"korea\", kind: country, name: \"Korea\"),\n    ],\n    edges",
    );
    let job = json!({
        "chromium": browser.chromium, "chromedriver": browser.chromedriver,
        "url": served.url(), "model": model, "select": "russia",
        "added": added, "new_node": "china", "broken": broken, "fixed": fixed, "fixed_node": "korea",
    });
    let job_file = dir.path().join("job.json");
    std::fs::write(&job_file, job.to_string()).unwrap();
    let output = Command::new("python3")
        .arg(crate::common::repo().join("tests/viewer/live.py"))
        .arg(&job_file)
        .env("SE_AVOID_STATS", "true")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "the driver failed:\n{text}\n{}", String::from_utf8_lossy(&output.stderr));
    let seen: Value = serde_json::from_str(&text).unwrap();

    assert_eq!(seen["ready"], true);
    assert_eq!(seen["first"], json!(["japan", "russia"]));
    // The saved node appears, and the zoom and the selection survive the reload.
    assert_eq!(seen["after_add"], json!(["japan", "russia", "china"]));
    assert!(seen["add_seconds"].as_f64().is_some(), "the node did not appear: {seen}");
    let (before, after) = (&seen["state_before"], &seen["state_after"]);
    assert_eq!(after["node"], "russia");
    for key in ["x", "y", "k"] {
        assert!((before[key].as_f64().unwrap() - after[key].as_f64().unwrap()).abs() < 1e-6, "{key}: {before} {after}");
    }
    // A broken save: FILE:LINE:COL in #diagnostics, and the last map kept.
    let diagnostics = seen["broken_diagnostics"]["text"].as_str().unwrap_or_default();
    assert!(
        diagnostics.contains(&{
            let (row, column) = place(&broken, "negotiate");
            format!("{}:{row}:{column}: unknown edge kind `negotiate`", model.display())
        }),
        "{seen}"
    );
    assert_eq!(seen["after_break"], json!(["japan", "russia", "china"]));
    // Fixed: the diagnostics go and the new map comes.
    assert_eq!(seen["fixed_diagnostics"]["hidden"], true, "{seen}");
    assert_eq!(seen["after_fix"], json!(["japan", "russia", "china", "korea"]));
    println!(
        "serve: node appeared in {} s, diagnostics in {} s, cleared in {} s",
        seen["add_seconds"], seen["broken_seconds"], seen["fixed_seconds"]
    );
}

/// Waits up to 60 s for `test` to hold.
fn eventually(what: &str, mut test: impl FnMut() -> bool) {
    for _ in 0..1200 {
        if test() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn export_watch_redraws_on_save_and_keeps_the_last_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("live.ron");
    let svg = dir.path().join("live.svg");
    std::fs::write(&model, ONE).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
        .args(["export", model.to_str().unwrap(), "-o", svg.to_str().unwrap(), "--watch"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let read = || std::fs::read_to_string(&svg).unwrap_or_default();
    eventually("the first drawing", || read().contains(">Russia<"));
    assert!(!read().contains(">China<"));

    let added = ONE.replace(
        "    ],\n    edges",
        "        Node(id: \"china\", kind: country, name: \"China\"),\n    ],\n    edges",
    );
    std::fs::write(&model, &added).unwrap();
    eventually("the saved node in the drawing", || read().contains(">China<"));
    let good = read();

    let broken = added.replace("kind: negotiates", "kind: negotiate");
    std::fs::write(&model, &broken).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(read(), good, "a broken save leaves the last good drawing");

    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0), "{stderr}");
    let (row, column) = place(&broken, "negotiate");
    assert!(
        stderr.contains(&format!("{}:{row}:{column}: error: unknown edge kind `negotiate`", model.display())),
        "{stderr}"
    );
    assert!(stderr.contains("stopped"), "{stderr}");
}
