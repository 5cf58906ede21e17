//! `relgraph lsp` driven as an editor drives it: JSON-RPC over the real binary's stdio.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::SMALL;

const URI: &str = "file:///tmp/relgraph-lsp-test/small.ron";

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for responses.
    notifications: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relgraph"))
            .args(["lsp", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary runs");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            stdout.read_exact(&mut body).unwrap();
            if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Client { child, stdin, messages, next_id: 0, notifications: Vec::new() }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.messages.recv_timeout(Duration::from_secs(20)).expect("an answer in time");
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
    }

    /// A server started and past the `initialize` handshake.
    fn initialized() -> Client {
        let mut client = Client::start();
        client.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
        client.notify("initialized", json!({}));
        client
    }

    /// Opens a document in the editor.
    fn open(&mut self, uri: &str, text: &str) {
        let document = json!({"uri": uri, "languageId": "ron", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    /// Replaces an open document's whole text, as one keystroke's change.
    fn change(&mut self, uri: &str, version: i32, text: &str) {
        let document = json!({"uri": uri, "version": version});
        self.notify("textDocument/didChange", json!({"textDocument": document, "contentChanges": [{"text": text}]}));
    }

    /// Shuts the server down and checks that it exits cleanly.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        assert!(self.child.wait().unwrap().success());
    }

    /// The next diagnostics published, waiting up to 20 s.
    fn diagnostics(&mut self) -> Vec<Value> {
        if let Some(i) = self.notifications.iter().position(|m| m["method"] == "textDocument/publishDiagnostics") {
            return self.notifications.remove(i)["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.messages.recv_timeout(Duration::from_secs(20)).expect("diagnostics in time");
            if message["method"] == "textDocument/publishDiagnostics" {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

/// 0-based line and UTF-16 column of the `nth` occurrence of `needle` (plus `ahead`).
fn position(text: &str, needle: &str, nth: usize, ahead: usize) -> Value {
    let offset = text.match_indices(needle).nth(nth).expect("needle present").0 + ahead;
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": text[start..offset].encode_utf16().count()})
}

fn doc_at(text: &str, needle: &str, nth: usize, ahead: usize) -> Value {
    json!({"textDocument": {"uri": URI}, "position": position(text, needle, nth, ahead)})
}

/// Applies LSP text edits (ranges in the original text) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line_start: usize =
            text.split_inclusive('\n').take(p["line"].as_u64().unwrap() as usize).map(str::len).sum();
        let units = p["character"].as_u64().unwrap() as usize;
        let line = &text[line_start..];
        let mut count = 0;
        let within = line.char_indices().find(|(_, c)| {
            let done = count >= units;
            count += c.len_utf16();
            done
        });
        line_start + within.map_or(line.len(), |(i, _)| i)
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn an_editor_session_gets_every_answer_and_a_clean_exit() {
    let mut client = Client::start();
    let init = client.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert_eq!(init["serverInfo"]["name"], "relgraph");
    assert_eq!(init["capabilities"]["renameProvider"], true);
    client.notify("initialized", json!({}));

    // An unknown id: a diagnostic on its line, with a quick fix.
    let broken = SMALL.replace("to: \"russia\"", "to: \"rusia\"");
    client.open(URI, &broken);
    let diagnostics = client.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"], position(&broken, "\"rusia\"", 0, 0));
    assert_eq!(diagnostics[0]["severity"], 1);
    assert!(diagnostics[0]["message"].as_str().unwrap().starts_with("unknown node `rusia`"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": diagnostics[0]["range"], "context": {"diagnostics": diagnostics}}),
    );
    let edits = actions[0]["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply(&broken, edits);
    assert_eq!(fixed, SMALL);

    // The fix, typed in: the diagnostics clear.
    client.change(URI, 2, &fixed);
    assert_eq!(client.diagnostics(), Vec::<Value>::new());

    // Completion of node ids inside `to: "`.
    let items = client.request("textDocument/completion", doc_at(SMALL, "to: \"japan\"", 0, 5));
    let items = items.as_array().unwrap();
    let japan = items.iter().find(|i| i["label"] == "japan").expect("japan offered");
    assert_eq!(japan["detail"], "Japan (country)");
    assert_eq!(japan["insertText"], "japan");
    let ids: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(ids, ["japan", "russia", "abe"]);

    // Edge kinds: the ones whose ends fit a leader → country tie come first.
    let kinds = client.request("textDocument/completion", doc_at(SMALL, "kind: leads", 0, 6));
    assert_eq!(kinds[0]["label"], "leads");

    // Hover on a use of `japan` names the node.
    let hover = client.request("textDocument/hover", doc_at(SMALL, "\"japan\"", 1, 2));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**Japan** (`japan`, country)"), "{value}");
    assert!(value.contains("2 tie(s)"), "{value}");

    // Definition: the line of `Node(id: "japan" …)`.
    let definition = client.request("textDocument/definition", doc_at(SMALL, "\"japan\"", 2, 1));
    assert_eq!(definition["range"]["start"], position(SMALL, "japan", 0, 0));

    // References: the definition and both ties.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": URI}, "position": position(SMALL, "japan", 0, 1), "context": {"includeDeclaration": true}}),
    );
    let lines: Vec<u64> =
        references.as_array().unwrap().iter().map(|r| r["range"]["start"]["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [4, 9, 10]);

    // Rename edits every use, and the result still loads.
    let rename = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": URI}, "position": position(SMALL, "japan", 1, 0), "newName": "nippon"}),
    );
    let renamed = apply(SMALL, rename["changes"][URI].as_array().unwrap());
    assert_eq!(renamed.matches("\"nippon\"").count(), 3);
    assert!(!renamed.contains("\"japan\""));
    let model = relgraph::io::ron::parse(&renamed, "m.ron".as_ref()).expect("the renamed model loads");
    assert_eq!(model.node_by_id("nippon").unwrap().name, "Japan");

    // Document symbols: nodes by kind, then the ties.
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    let names: Vec<&str> = symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["sources", "country", "leader", "ties"]);
    let countries: Vec<&str> =
        symbols[1]["children"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(countries, ["japan", "russia"]);
    assert_eq!(symbols[3]["children"][0]["name"], "abe → japan");

    // Formatting gives what `relgraph fmt` gives.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let formatted = apply(SMALL, edits.as_array().unwrap());
    assert_eq!(formatted, relgraph::api::format::format_text(SMALL, "m.ron".as_ref()).unwrap());

    // A clean exit.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The next diagnostics published for `uri`, waiting up to 20 s.
fn diagnostics_for(client: &mut Client, uri: &str) -> Vec<Value> {
    let is_it = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
    if let Some(i) = client.notifications.iter().position(is_it) {
        return client.notifications.remove(i)["params"]["diagnostics"].as_array().unwrap().clone();
    }
    loop {
        let message = client.messages.recv_timeout(Duration::from_secs(20)).expect("diagnostics in time");
        if is_it(&message) {
            return message["params"]["diagnostics"].as_array().unwrap().clone();
        }
        client.notifications.push(message);
    }
}

#[test]
fn definitions_references_renames_and_diagnostics_reach_included_files() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    // The included file, not open in the editor, with a mistake of its own.
    let part = crate::common::small_with("kind: country, name: \"Russia\"", "kind: contry, name: \"Russia\"");
    std::fs::write(dir.join("part.ron"), &part).unwrap();
    let top = "Model(\n    title: \"Top\",\n    includes: [\"part.ron\"],\n    nodes: [\n        Node(id: \"japan\", kind: country, name: \"Japan\"),\n        Node(id: \"china\", kind: country, name: \"China\"),\n    ],\n    edges: [Edge(from: \"china\", to: \"japan\", kind: meets)],\n)\n";
    std::fs::write(dir.join("top.ron"), top).unwrap();
    let top_uri = format!("file://{}", dir.join("top.ron").display());
    let part_uri = format!("file://{}", dir.join("part.ron").display());
    let at = |text: &str, needle: &str, nth: usize, ahead: usize| json!({"textDocument": {"uri": top_uri}, "position": position(text, needle, nth, ahead)});

    let mut client = Client::initialized();
    client.open(&top_uri, top);
    // Each file's problems in that file: the misspelt kind in the included one; in the open
    // one, only at the `includes` entry (the model does not load), pointing at the mistake
    // as `FILE:LINE:COL` (1-based, as `check` writes it).
    let own = diagnostics_for(&mut client, &top_uri);
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0]["range"]["start"], position(top, "part.ron", 0, 0));
    assert_eq!(own[0]["severity"], 1);
    let mistake = position(&part, "contry", 0, 0);
    let place =
        format!("part.ron:{}:{}", mistake["line"].as_u64().unwrap() + 1, mistake["character"].as_u64().unwrap() + 1);
    let message = own[0]["message"].as_str().unwrap();
    assert!(message.contains(&format!("1 error, first {place}: unknown node kind `contry`")), "{message}");
    let included = diagnostics_for(&mut client, &part_uri);
    assert_eq!(included.len(), 1, "{included:?}");
    assert_eq!(included[0]["range"]["start"], mistake);
    assert!(included[0]["message"].as_str().unwrap().starts_with("unknown node kind `contry`"), "{included:?}");

    // The `includes` entry leads to the included file.
    let file = client.request("textDocument/definition", at(top, "part.ron", 0, 2));
    assert_eq!(file["uri"], part_uri);
    assert_eq!(file["range"]["start"], json!({"line": 0, "character": 0}));

    // `japan` is defined in both files (one id, one entity): both definitions, this file's first.
    let definitions = client.request("textDocument/definition", at(top, "\"japan\"", 1, 2));
    let definitions = definitions.as_array().expect("two definitions");
    assert_eq!(definitions.len(), 2, "{definitions:?}");
    assert_eq!(
        (&definitions[0]["uri"], &definitions[0]["range"]["start"]),
        (&json!(top_uri), &position(top, "japan", 0, 0))
    );
    assert_eq!(
        (&definitions[1]["uri"], &definitions[1]["range"]["start"]),
        (&json!(part_uri), &position(&part, "japan", 0, 0))
    );

    // References: two in this file, three in the included one.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": top_uri}, "position": position(top, "japan", 0, 1), "context": {"includeDeclaration": true}}),
    );
    let places: Vec<(String, u64)> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["uri"].as_str().unwrap().to_owned(), r["range"]["start"]["line"].as_u64().unwrap()))
        .collect();
    let line = |text: &str, nth| position(text, "\"japan\"", nth, 0)["line"].as_u64().unwrap();
    let expected: Vec<(String, u64)> = [(top, &top_uri, 0), (top, &top_uri, 1)]
        .into_iter()
        .chain([(part.as_str(), &part_uri, 0), (part.as_str(), &part_uri, 1), (part.as_str(), &part_uri, 2)])
        .map(|(text, uri, nth)| (uri.clone(), line(text, nth)))
        .collect();
    assert_eq!(places, expected);

    // Rename edits both files.
    let rename = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": top_uri}, "position": position(top, "japan", 0, 0), "newName": "nippon"}),
    );
    let renamed_top = apply(top, rename["changes"][&top_uri].as_array().unwrap());
    let renamed_part = apply(&part, rename["changes"][&part_uri].as_array().unwrap());
    assert_eq!((renamed_top.matches("\"nippon\"").count(), renamed_part.matches("\"nippon\"").count()), (2, 3));
    assert!(!renamed_top.contains("\"japan\"") && !renamed_part.contains("\"japan\""));

    client.shut_down();
}

/// An included file defining Japan as a country.
const PART: &str = "Model(\n    title: \"Part\",\n    nodes: [\n        Node(id: \"japan\", kind: country, name: \"Japan\"),\n    ],\n)\n";

#[test]
fn composing_the_files_of_a_model_is_checked_as_you_type() {
    // `japan` is a country in the included file and a person in the open one: `check` on the
    // including file fails on the later definition, naming the first; the editor says so too.
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let part = PART;
    std::fs::write(dir.join("part.ron"), part).unwrap();
    let top = "Model(\n    title: \"Top\",\n    includes: [\"part.ron\"],\n    nodes: [\n        Node(id: \"china\", kind: country, name: \"China\"),\n        Node(id: \"japan\", kind: person, name: \"Japan\"),\n    ],\n)\n";
    std::fs::write(dir.join("top.ron"), top).unwrap();
    let top_uri = format!("file://{}", dir.join("top.ron").display());
    let part_uri = format!("file://{}", dir.join("part.ron").display());
    let checked = Command::new(env!("CARGO_BIN_EXE_relgraph")).arg("check").arg(dir.join("top.ron")).output().unwrap();
    let printed = String::from_utf8_lossy(&checked.stderr).into_owned();
    assert!(!checked.status.success() && printed.contains("is a person here but a country at"), "{printed}");

    let mut client = Client::initialized();
    client.open(&top_uri, top);
    let own = latest_diagnostics(&mut client, &top_uri);
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0]["severity"], 1);
    assert_eq!(own[0]["range"]["start"]["line"], position(top, "kind: person", 0, 0)["line"]);
    let message = own[0]["message"].as_str().unwrap();
    // The first definition as `check` gives it: line 4, column 18 of part.ron (its id).
    assert!(message.starts_with("node `japan` is a person here but a country at "), "{message}");
    assert!(message.contains("part.ron:4:18"), "{message}");

    // The included file opened and edited (not saved) to agree: the model composes as the
    // editor has it, and the error clears.
    client.open(&part_uri, &part.replace("country", "person"));
    client.change(&top_uri, 2, top);
    assert_eq!(latest_diagnostics(&mut client, &top_uri), Vec::<Value>::new());

    // Back to a country in the included buffer: the including document's error is back
    // (typing in the included file republishes the files that include it).
    client.change(&part_uri, 2, part);
    assert_eq!(latest_diagnostics(&mut client, &top_uri).len(), 1);
    // The open file agreeing: clean; saying person again: the error is back.
    let agreeing = top.replace("kind: person", "kind: country");
    client.change(&top_uri, 3, &agreeing);
    assert_eq!(latest_diagnostics(&mut client, &top_uri), Vec::<Value>::new());
    client.change(&top_uri, 4, top);
    assert_eq!(latest_diagnostics(&mut client, &top_uri).len(), 1);

    client.shut_down();
}

/// An included file that is not open is read from disk once, and again only when its
/// modification time or length changes: a keystroke in the including document composes the
/// model from the text read before. Shown by changing the file on disk behind the server's
/// back with its length and modification time kept (the keystroke still sees the old text),
/// then touching it (the next keystroke reads it).
#[test]
fn a_keystroke_reads_no_unchanged_included_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let part = PART;
    // The same length: `person` is one letter shorter than `country`.
    let agreeing = part.replace("kind: country,", "kind: person ,");
    assert_eq!(part.len(), agreeing.len());
    let part_path = dir.join("part.ron");
    std::fs::write(&part_path, part).unwrap();
    let top = "Model(\n    title: \"Top\",\n    includes: [\"part.ron\"],\n    nodes: [\n        Node(id: \"japan\", kind: person, name: \"Japan\"),\n    ],\n)\n";
    std::fs::write(dir.join("top.ron"), top).unwrap();
    let top_uri = format!("file://{}", dir.join("top.ron").display());

    let mut client = Client::initialized();
    client.open(&top_uri, top);
    // A person here, a country in the included file.
    assert_eq!(latest_diagnostics(&mut client, &top_uri).len(), 1);

    // The file now agrees on disk, with its length and modification time as they were.
    let stamp = std::fs::metadata(&part_path).unwrap().modified().unwrap();
    std::fs::write(&part_path, &agreeing).unwrap();
    std::fs::File::options().write(true).open(&part_path).unwrap().set_modified(stamp).unwrap();
    client.change(&top_uri, 2, top);
    let composed = latest_diagnostics(&mut client, &top_uri);
    assert_eq!(composed.len(), 1, "the included file was read again: {composed:?}");

    // Touched: the next keystroke reads it, and the model composes cleanly.
    let later = stamp + Duration::from_secs(2);
    std::fs::File::options().write(true).open(&part_path).unwrap().set_modified(later).unwrap();
    client.change(&top_uri, 3, top);
    assert_eq!(latest_diagnostics(&mut client, &top_uri), Vec::<Value>::new());

    client.shut_down();
}

/// The diagnostics last published for `uri` once the server has gone quiet: one change may
/// republish a document more than once (its own change, a change in a file it includes).
fn latest_diagnostics(client: &mut Client, uri: &str) -> Vec<Value> {
    let is_it = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
    let diagnostics = |m: &Value| m["params"]["diagnostics"].as_array().unwrap().clone();
    let mut latest = None;
    client.notifications.retain(|m| {
        if is_it(m) {
            latest = Some(diagnostics(m));
        }
        !is_it(m)
    });
    let mut latest = latest.unwrap_or_else(|| diagnostics_for(client, uri));
    while let Ok(message) = client.messages.recv_timeout(Duration::from_millis(600)) {
        if is_it(&message) {
            latest = diagnostics(&message);
        } else {
            client.notifications.push(message);
        }
    }
    latest
}
