//! Answer latency of the language server (`relgraph lsp`) on the shipped model and on a
//! 10,000-node model from the shared generator (`benches/common`), each request answered
//! as the server answers it ([`relgraph::lsp::respond`]: the JSON text of the response) on an analysed document,
//! plus the analysis a change costs (check, lint and the id index). The targets (issue 25):
//! under 50 ms on the shipped model, under 500 ms on 10,000 nodes. Run with
//! `cargo bench --bench lsp`. Besides criterion's means, each group ends with a line per
//! request giving the median and 95th percentile of single answers timed one by one (the
//! figures BENCHMARKS.md tabulates). The debounce of diagnostics is not counted: the
//! change benchmark is the analysis and the diagnostics it publishes.

mod common;

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Request, RequestId};
use lsp_types::Uri;
use relgraph::lsp::World;
use serde_json::{json, Value};

const URI: &str = "file:///bench/model.ron";

/// 0-based line and UTF-16 column of the first `needle` in `text` after `after`, plus `ahead`.
fn position(text: &str, after: &str, needle: &str, ahead: usize) -> Value {
    let from = text.find(after).expect("anchor present");
    let offset = from + text[from..].find(needle).expect("needle present") + ahead;
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": text[start..offset].encode_utf16().count()})
}

fn requests(text: &str, node: &str) -> Vec<(&'static str, &'static str, Value)> {
    let at = |after: &str, needle: &str, ahead| json!({"textDocument": {"uri": URI}, "position": position(text, after, needle, ahead)});
    // A use of the node in a tie, and its definition.
    let use_of = format!("\"{node}\"");
    let definition = format!("id: \"{node}\"");
    vec![
        ("completion_node_ids", "textDocument/completion", at("edges:", "to: \"", 5)),
        ("completion_edge_kinds", "textDocument/completion", at("edges:", "kind: ", 6)),
        ("hover_node", "textDocument/hover", at("edges:", &use_of, 2)),
        ("definition", "textDocument/definition", at("edges:", &use_of, 2)),
        ("references", "textDocument/references", {
            let mut p = at("nodes:", &definition, 5);
            p["context"] = json!({"includeDeclaration": true});
            p
        }),
        ("rename", "textDocument/rename", {
            let mut p = at("nodes:", &definition, 5);
            p["newName"] = json!("renamed");
            p
        }),
        ("document_symbols", "textDocument/documentSymbol", json!({"textDocument": {"uri": URI}})),
        (
            "formatting",
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 4, "insertSpaces": true}}),
        ),
    ]
}

fn bench_model(c: &mut Criterion, name: &str, text: String, node: &str) {
    let uri = Uri::from_str(URI).expect("a valid URI");
    let mut world = World::new();
    world.open(uri.clone(), 1, text.clone());
    let mut group = c.benchmark_group(format!("lsp_{name}"));
    group.sample_size(10);
    let mut latencies = Vec::new();
    for (label, method, params) in requests(&text, node) {
        let request = Request::new(RequestId::from(1), method.to_owned(), params);
        let response: Value =
            serde_json::from_str(&relgraph::lsp::respond(&mut world, request.clone())).expect("a JSON response");
        assert!(response.get("error").is_none(), "{label}: {:?}", response["error"]);
        assert!(response.get("result").is_some_and(|r| !r.is_null()), "{label}: no answer");
        group.bench_function(label, |b| b.iter(|| relgraph::lsp::respond(&mut world, request.clone())));
        latencies.push((label, percentiles(|| drop(relgraph::lsp::respond(&mut world, request.clone())))));
    }
    // A keystroke: new text, then the analysis and the diagnostics it publishes.
    let mut version = 1;
    let mut keystroke = || {
        version += 1;
        world.change(&uri, version, text.clone());
        world.get(&uri).map(|d| relgraph::lsp::handlers::diagnostics::publish(d).diagnostics.len())
    };
    group.bench_function("change_and_analyse", |b| b.iter(&mut keystroke));
    latencies.push((
        "change_and_analyse",
        percentiles(|| {
            let _ = keystroke();
        }),
    ));
    group.finish();
    for (label, (p50, p95)) in latencies {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!("lsp latency {name} {label}: p50 {:.2} ms, p95 {:.2} ms", ms(p50), ms(p95));
    }
}

/// The median and 95th percentile of 40 single runs of `answer` (fewer when one run takes
/// over 100 ms, so that a slow request does not hold the benchmark for minutes).
fn percentiles(mut answer: impl FnMut()) -> (Duration, Duration) {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 40 && (times.len() < 10 || started.elapsed() < Duration::from_secs(4)) {
        let at = Instant::now();
        answer();
        times.push(at.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((q * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.5), at(0.95))
}

fn shipped(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
    let text = std::fs::read_to_string(path).expect("the shipped model");
    bench_model(c, "shipped", text, "japan");
}

fn generated(c: &mut Criterion) {
    let text = relgraph::io::ron::to_string(&common::model(10_000, 2, 11));
    bench_model(c, "10k", text, "n5000");
}

criterion_group!(benches, shipped, generated);
criterion_main!(benches);
