//! Integration tests: architecture — the layers of `src/` as its `use` lines and `crate::` paths
//! show them, read from the source files themselves.
//!
//! Each file's code before its `#[cfg(test)]` unit tests is scanned for `use` trees and for
//! `crate::`/`super::`/`self::` paths. A path is resolved to the file that defines the item:
//! the longest prefix that is a module file, then through that file's `pub use` re-exports
//! (so `crate::model::Model` counts as an import of `model/graph.rs`, not of the folder's
//! `mod.rs` facade). `mod x;` declarations are not imports.
//!
//! The rules: the data flows one way,
//! model ← io ← analysis ← export / report ← api ← front ends (cli, script, …); `error` is the
//! crate's one error enum, which every layer returns and which names each layer's own error
//! type, so it is the one module outside the order (its file takes part in the file-cycle check
//! like any other). No two files import each other directly or through a ring, and no file
//! is over 800 lines before its unit tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines a file may have before its `#[cfg(test)]` unit tests.
const MAX_LINES: usize = 800;

/// The front ends: they parse, call the API and print. Listed so that a new one (a language
/// server, a web server, the Python binding) is held to the same rule as the CLI.
const FRONT_ENDS: &[&str] = &["cli", "script", "lsp", "serve", "python"];

/// Which top-level modules each may import (besides itself). `lib` is the crate root, which
/// only re-exports.
fn allowed(from: &str) -> Option<&'static [&'static str]> {
    Some(match from {
        "model" => &[],
        "io" => &["model", "error"],
        "analysis" => &["model", "io", "error"],
        // Drafting reads text into a model, beside analysis (issue 24).
        "draft" => &["model", "io", "error"],
        "export" | "report" => &["model", "io", "analysis", "draft", "error"],
        "api" => &["model", "io", "analysis", "draft", "export", "report", "error"],
        "error" => &["model", "io", "analysis", "export"],
        "lib" => &["model", "error"],
        // Front ends: the API, the model's types, the error, and each other (the CLI runs
        // scripts).
        f if FRONT_ENDS.contains(&f) => &["api", "model", "error", "cli", "script", "lsp", "serve", "python"],
        _ => return None,
    })
}

/// One source file: its path under `src/` and its code before the unit tests.
struct Source {
    rel: String,
    module: Vec<String>,
    code: String,
    lines_before_tests: usize,
}

fn src_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("src/ is readable").map(|e| e.expect("a directory entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `export/svg/label.rs` → `[export, svg, label]`.
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code before the first top-level `#[cfg(test)]`, without `//` comments.
fn code_before_tests(text: &str) -> (String, usize) {
    let mut code = String::new();
    let mut count = 0;
    for line in text.lines() {
        if line.trim_end() == "#[cfg(test)]" {
            break;
        }
        count += 1;
        code.push_str(strip_comment(line));
        code.push('\n');
    }
    (code, count)
}

/// `line` without a `//` comment (one outside a string literal).
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes[i + 1] == b'/' => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

fn sources() -> Vec<Source> {
    let root = src_dir();
    let mut files = Vec::new();
    collect(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&root).expect("under src/").to_string_lossy().replace('\\', "/");
            // The binary's entry point uses the library by its crate name, not `crate::`.
            if rel == "main.rs" {
                return None;
            }
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            let (code, lines_before_tests) = code_before_tests(&text);
            Some(Source { module: module_of(&rel), rel, code, lines_before_tests })
        })
        .collect()
}

/// A `use` statement: whether it is a re-export, and the tree after `use`.
fn use_statements(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_use(rest) {
        let (public, start) = at;
        let Some(end) = rest[start..].find(';') else { break };
        out.push((public, rest[start..start + end].to_owned()));
        rest = &rest[start + end + 1..];
    }
    out
}

/// The next `use` at the start of a line (after indentation and an optional `pub(..)`):
/// whether it is public, and where its tree starts.
fn find_use(text: &str) -> Option<(bool, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let (public, after) = if let Some(r) = trimmed.strip_prefix("pub ") {
            (true, r)
        } else if trimmed.starts_with("pub(") {
            match trimmed.find(") ") {
                Some(close) => (true, &trimmed[close + 2..]),
                None => (false, trimmed),
            }
        } else {
            (false, trimmed)
        };
        if let Some(tree) = after.strip_prefix("use ") {
            let start = offset + indent + (trimmed.len() - after.len()) + (after.len() - tree.len());
            return Some((public, start));
        }
        offset += line.len();
    }
    None
}

/// Expands a use tree into paths, each with the name it binds (`as` renames it).
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    expand_into(&[], &tree, &mut out);
    out
}

fn expand_into(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, String)>) {
    for part in split_top(tree) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(open) = part.find('{') {
            let close = part.rfind('}').unwrap_or(part.len());
            let mut next = prefix.to_vec();
            next.extend(segments(&part[..open]));
            expand_into(&next, &part[open + 1..close], out);
        } else {
            let (path, alias) = match part.split_once(" as ") {
                Some((p, a)) => (p, Some(a.trim().to_owned())),
                None => (part, None),
            };
            let mut full = prefix.to_vec();
            full.extend(segments(path));
            if full.last().is_some_and(|s| s == "self") {
                full.pop();
            }
            let name = alias.or_else(|| full.last().cloned()).unwrap_or_default();
            out.push((full, name));
        }
    }
}

fn segments(path: &str) -> Vec<String> {
    path.split("::").map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Splits on commas outside braces.
fn split_top(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `crate::`, `super::` and `self::` paths written inline in code.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for head in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(head) {
            let start = from + at;
            from = start + head.len();
            // Whole words only (not `mycrate::`).
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let end = code[start..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| start + e);
            let path = segments(&code[start..end]);
            // `crate::{…}` in a use line names nothing by itself; the use tree is read apart.
            if path.len() > 1 {
                out.push(path);
            }
        }
    }
    out
}

/// The import graph: file → files it imports, and the module path of every file.
struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
}

/// Turns a path written in `module` into an absolute module path, if it names this crate.
fn absolute(module: &[String], path: &[String], modules: &BTreeMap<Vec<String>, String>) -> Option<Vec<String>> {
    let first = path.first()?;
    match first.as_str() {
        "crate" => Some(path[1..].to_vec()),
        "self" => Some(module.iter().chain(&path[1..]).cloned().collect()),
        "super" => {
            let mut base = module.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
            Some(base.into_iter().chain(rest.iter().cloned()).collect())
        }
        // A path relative to this module, through one of its submodules (`use svg::Renderer`).
        child => {
            let mut candidate = module.to_vec();
            candidate.push(child.to_owned());
            modules.contains_key(&candidate).then(|| module.iter().chain(path).cloned().collect())
        }
    }
}

fn build() -> (Vec<Source>, Graph) {
    let sources = sources();
    let modules: BTreeMap<Vec<String>, String> = sources.iter().map(|s| (s.module.clone(), s.rel.clone())).collect();
    // Re-exports: module → name → absolute path it stands for.
    let mut exports: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut uses: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for s in &sources {
        let mut paths = Vec::new();
        for (public, tree) in use_statements(&s.code) {
            for (path, name) in expand(&tree) {
                let Some(abs) = absolute(&s.module, &path, &modules) else { continue };
                if public && name != "*" {
                    exports.entry(s.module.clone()).or_default().insert(name, abs.clone());
                }
                paths.push(abs);
            }
        }
        for path in inline_paths(&s.code) {
            if let Some(abs) = absolute(&s.module, &path, &modules) {
                paths.push(abs);
            }
        }
        uses.insert(s.rel.clone(), paths);
    }
    let resolve = |path: &[String]| -> Option<String> {
        let mut path = path.to_vec();
        for _ in 0..16 {
            let k = (0..=path.len()).rev().find(|&k| modules.contains_key(&path[..k]))?;
            let module = path[..k].to_vec();
            match path.get(k).and_then(|name| exports.get(&module)?.get(name)) {
                Some(target) if k < path.len() => {
                    let mut next = target.clone();
                    next.extend(path[k + 1..].iter().cloned());
                    path = next;
                }
                _ => return modules.get(&module).cloned(),
            }
        }
        modules.get(&path).cloned()
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, paths) in &uses {
        let targets = edges.entry(file.clone()).or_default();
        for path in paths {
            if let Some(target) = resolve(path) {
                if &target != file {
                    targets.insert(target);
                }
            }
        }
    }
    (sources, Graph { edges })
}

/// The top-level module a file belongs to (`lib` for the crate root).
fn top(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Strongly connected components with more than one file (Tarjan), each sorted.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// Edges from files in `froms` top-level modules that the layer table does not allow.
fn layer_violations(graph: &Graph, froms: impl Fn(&str) -> bool) -> Vec<String> {
    let mut bad = Vec::new();
    for (file, targets) in &graph.edges {
        let from = top(file);
        if !froms(from) {
            continue;
        }
        for target in targets {
            let to = top(target);
            if to == from {
                continue;
            }
            match allowed(from) {
                Some(list) if list.contains(&to) => {}
                Some(_) => bad.push(format!("{file} → {target} ({from} may not import {to})")),
                None => bad.push(format!("{file}: top-level module `{from}` is not in the layer table")),
            }
        }
    }
    bad
}

#[test]
fn the_scanner_sees_imports_through_use_lines_paths_and_re_exports() {
    let (_, graph) = build();
    let has = |from: &str, to: &str| graph.edges.get(from).is_some_and(|t| t.contains(to));
    // A `use super::…` line, a `use crate::…` line through the folder's re-export of a
    // child, and an inline `crate::io::…` path.
    assert!(has("export/untangle.rs", "export/geometry.rs"));
    assert!(has("io/ron.rs", "model/graph.rs"), "crate::model::Model resolves through model/mod.rs to graph.rs");
    assert!(has("io/ron.rs", "io/loader.rs"));
    assert!(has("export/theme.rs", "io/text.rs"), "the inline crate::io::text path");
    // Re-exports are followed, so the folder facades are not hubs of false cycles.
    assert!(!has("model/lookup.rs", "model/mod.rs"));
}

#[test]
fn the_cycle_finder_finds_rings_and_only_rings() {
    let edges: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e")]
        .into_iter()
        .fold(BTreeMap::new(), |mut m, (f, t)| {
            m.entry(f.to_owned()).or_insert_with(BTreeSet::new).insert(t.to_owned());
            m.entry(t.to_owned()).or_insert_with(BTreeSet::new);
            m
        });
    assert_eq!(cycles(&edges), vec![vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]]);
}

#[test]
fn no_two_files_import_each_other_directly_or_through_a_ring() {
    let (_, graph) = build();
    let rings: Vec<String> = cycles(&graph.edges)
        .into_iter()
        .map(|ring| {
            let members: BTreeSet<&String> = ring.iter().collect();
            let arrows: Vec<String> = ring
                .iter()
                .flat_map(|f| graph.edges[f].iter().filter(|t| members.contains(t)).map(move |t| format!("{f} → {t}")))
                .collect();
            format!("ring of {}: {}", ring.len(), arrows.join(", "))
        })
        .collect();
    assert!(rings.is_empty(), "import cycles:\n{}", rings.join("\n"));
}

#[test]
fn the_library_layers_import_only_downwards() {
    let (_, graph) = build();
    let bad = layer_violations(&graph, |m| !FRONT_ENDS.contains(&m));
    assert!(bad.is_empty(), "imports against the layer order:\n{}", bad.join("\n"));
}

#[test]
fn front_ends_use_only_the_api_the_model_types_and_the_error() {
    // A front end names only the API, the model's types, the error and other front ends. What
    // the API re-exports (a `Measure`, a `Diagnostics`) is the API's own vocabulary, so the rule
    // reads the paths as written (`crate::api::Measure`), not resolved through re-exports.
    let mut bad = Vec::new();
    for source in sources() {
        let from = top(&source.rel);
        if !FRONT_ENDS.contains(&from) {
            continue;
        }
        let allowed = allowed(from).expect("front ends are in the layer table");
        for (n, line) in source.code.lines().enumerate() {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                // `crate::Error`, `crate::Node`: the crate root's re-exports, which the layer
                // table holds to the model and the error.
                let root_item = name.starts_with(char::is_uppercase);
                if !root_item && name != from && !allowed.contains(&name.as_str()) {
                    bad.push(format!("{}:{}: {} ({from} may not name crate::{name})", source.rel, n + 1, line.trim()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "front ends past the API:\n{}", bad.join("\n"));
}

#[test]
fn the_cli_names_no_analysis_export_or_io_path() {
    // The issue's own check, `grep -rnE "crate::(analysis|export|io)" src/cli`, on every line
    // of every file (tests included).
    let mut root = src_dir();
    root.push("cli");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut hits = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if ["crate::analysis", "crate::export", "crate::io"].iter().any(|p| line.contains(p)) {
                hits.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(files_scanned(&root) > 0, "src/cli has Rust files");
    assert!(hits.is_empty(), "the CLI bypasses the API:\n{}", hits.join("\n"));
}

fn files_scanned(dir: &Path) -> usize {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.len()
}

#[test]
fn no_file_is_over_800_lines_before_its_unit_tests() {
    let (sources, _) = build();
    assert!(sources.len() > 50, "the scan found the source files");
    let long: Vec<String> = sources
        .iter()
        .filter(|s| s.lines_before_tests > MAX_LINES)
        .map(|s| format!("{}: {} lines", s.rel, s.lines_before_tests))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines before their tests:\n{}", long.join("\n"));
}

#[test]
fn the_python_binding_names_only_the_api_the_model_and_the_error() {
    // python/ is a crate of its own that wraps the library: it converts and delegates to
    // `relgraph::api`, with the model's types and the error, like every front end.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python").join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(!files.is_empty(), "python/src has Rust files");
    let mut hits = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if ["relgraph::analysis", "relgraph::export", "relgraph::io", "relgraph::report"]
                .iter()
                .any(|p| line.contains(p))
            {
                hits.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(hits.is_empty(), "the Python binding bypasses the API:\n{}", hits.join("\n"));
}
