//! Integration tests: the interactive map (`export --format html`).
//!
//! The first tests read the page as text: one file, a Content-Security-Policy that forbids
//! the network, the embedded data complete and unable to close its script element. The
//! browser tests open the page in headless Chromium through `tests/viewer/driver.py`
//! (selenium) and compare what it shows with the model and the CLI: every node drawn, search
//! and click showing evidence, the time slider applying the `--at` rule, the path picker
//! giving the library's both sides of influence (checked in `picker.rs`), hostile names shown as text
//! with nothing run, no network request, and each interaction on 2,000 nodes and 4,000 ties
//! under 100 ms. They skip, saying why, when Chromium, chromedriver or selenium is missing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use relgraph::analysis::influence;
use relgraph::export::html::{self, HtmlOptions};
use relgraph::export::Theme;
use relgraph::model::{Evidence, PartialDate, Profile, Source};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};
use serde_json::{json, Value};

use crate::common::{self, graph, ok};

/// The JSON the page embeds.
pub(crate) fn embedded(page: &str) -> Value {
    let open = r#"<script type="application/json" id="relgraph-data">"#;
    let start = page.find(open).expect("the data element") + open.len();
    let end = start + page[start..].find("</script>").expect("the data element ends");
    serde_json::from_str(&page[start..end]).expect("the data is JSON")
}

/// The page without its embedded data: what the browser parses as markup, style and code.
fn markup(page: &str) -> String {
    let open = r#"<script type="application/json" id="relgraph-data">"#;
    let start = page.find(open).expect("the data element") + open.len();
    let end = start + page[start..].find("</script>").expect("the data element ends");
    format!("{}{}", &page[..start], &page[end..])
}

/// Exports the shipped model to `dir/map.html` with the binary; returns the path and page.
pub(crate) fn export_shipped(dir: &Path, extra: &[&str]) -> (PathBuf, String) {
    let out = dir.join("map.html");
    let mut args: Vec<String> = vec!["export".into(), graph(), "-o".into(), out.display().to_string()];
    args.extend(extra.iter().map(|s| s.to_string()));
    ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let page = std::fs::read_to_string(&out).expect("the page was written");
    (out, page)
}

#[test]
fn html_export_is_one_file_that_forbids_the_network() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = export_shipped(dir.path(), &["--cluster-by", "country"]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    let csp = page.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).expect("a CSP meta tag");
    let csp = &csp[..csp.find('"').unwrap()];
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("http"), "{csp}");
    assert!(csp.contains("script-src 'sha256-") && csp.contains("style-src 'sha256-"), "{csp}");
    // The one URL in the code is the SVG namespace, a name that is never fetched.
    let code = markup(&page).to_ascii_lowercase().replace("\"http://www.w3.org/2000/svg\"", "");
    for forbidden in
        ["src=", "href=", "url(h", "url(/", "@import", "http:", "https:", "fetch(", "xmlhttprequest", "websocket"]
    {
        assert!(!code.contains(forbidden), "the page's own markup or code contains {forbidden}");
    }
    assert_eq!(page.matches("<script").count(), 2, "the data and the viewer, nothing else");
}

#[test]
fn html_is_chosen_by_extension_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    for (name, flag) in [("a.html", None), ("b.htm", None), ("c.out", Some("html"))] {
        let out = dir.path().join(name).display().to_string();
        let file = graph();
        let mut args = vec!["export", &file, "-o", &out];
        if let Some(f) = flag {
            args.extend(["--format", f]);
        }
        ok(&args);
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
    }
}

#[test]
fn embedded_data_holds_every_node_tie_quote_and_influence() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = export_shipped(dir.path(), &[]);
    let data = embedded(&page);
    let model = common::load_japan_russia();
    let nodes = data["nodes"].as_array().unwrap();
    let edges = data["edges"].as_array().unwrap();
    assert_eq!(nodes.len(), model.node_count());
    assert_eq!(edges.len(), model.edge_count());
    let strengths = influence::edge_strengths(&model, &Profile::builtin());
    for (k, (edge, drawn)) in model.edges().zip(edges).enumerate() {
        assert_eq!(drawn["n"], k);
        assert_eq!(drawn["kind"], edge.kind.as_str());
        assert_eq!(drawn["evidence"].as_array().unwrap().len(), edge.evidence.len());
        for (quote, given) in drawn["evidence"].as_array().unwrap().iter().zip(&edge.evidence) {
            assert_eq!(quote["quote"], given.quote.as_str());
        }
        match strengths[k] {
            None => assert!(drawn["influence"].is_null()),
            Some(s) => assert_eq!(drawn["influence"], json!([s.forward, s.backward, f64::from(s.sign.value())])),
        }
    }
    // Node dates become the first and last day they can mean.
    for (node, drawn) in model.nodes().zip(nodes) {
        assert_eq!(drawn["id"], node.id.as_str());
        let start = [node.since, node.date].into_iter().flatten().map(|d| d.first_day().to_string()).max();
        assert_eq!(drawn["start"].as_str().map(str::to_owned), start, "{}", node.id);
    }
}

#[test]
fn a_focused_map_numbers_ties_by_their_place_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = export_shipped(dir.path(), &["--focus", "Crimea", "--edge-kind", "sanctions,annexes,condemns"]);
    let data = embedded(&page);
    let model = common::load_japan_russia();
    let file: Vec<&Edge> = model.edges().collect();
    let ids: Vec<&str> = data["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    let edges = data["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let original = file[e["n"].as_u64().unwrap() as usize];
        assert_eq!(original.kind.as_str(), e["kind"]);
        assert_eq!(original.from, ids[e["from"].as_u64().unwrap() as usize]);
        assert_eq!(original.to, ids[e["to"].as_u64().unwrap() as usize]);
    }
}

#[test]
fn at_sets_the_opening_date_and_keeps_the_whole_range() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = export_shipped(dir.path(), &["--at", "2014-03"]);
    let data = embedded(&page);
    assert_eq!(data["at"], json!({"label": "2014-03", "first": "2014-03-01", "last": "2014-03-31"}));
    assert_eq!(data["edges"].as_array().unwrap().len(), common::load_japan_russia().edge_count());
}

/// Names, quotes, notes and URLs that try to become markup or script.
fn hostile() -> Model {
    let mut m = Model::new("</script><script>window.__pwned='title'</script>");
    m.sources.push(Source {
        id: "s".into(),
        title: "<img src=x onerror=\"window.__pwned='source'\">".into(),
        author: Some("</title><script>window.__pwned='author'</script>".into()),
        date: None,
        url: Some("javascript:window.__pwned='url'".into()),
    });
    let names = [
        "</script><script>window.__pwned='name'</script>",
        "<img src=x onerror=\"window.__pwned='img'\">",
        "javascript:window.__pwned='js'",
        "<!-- <script>window.__pwned='comment'</script> -->",
        "\u{2028}\u{2029}</ScRiPt ><svg onload=\"window.__pwned='svg'\">",
        "&lt;b&gt;entity&amp;&#x3C;script&#x3E;",
        "\"'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\">",
    ];
    for (i, name) in names.iter().enumerate() {
        let mut node = Node::new(format!("h{i}"), NodeKind::ALL[i % NodeKind::ALL.len()], *name);
        node.aliases = vec![format!("<b onmouseover=\"window.__pwned='alias{i}'\">alias {i}</b>")];
        node.description = Some("<script>window.__pwned='description'</script>".into());
        m.add_node(node).unwrap();
    }
    for i in 0..names.len() {
        let mut e = Edge::new(format!("h{i}"), format!("h{}", (i + 1) % names.len()), EdgeKind::ALL[i * 4 % 31]);
        e.topic = Some("</text><script>window.__pwned='topic'</script>".into());
        e.note = Some("<a href=\"javascript:window.__pwned='note'\">click</a>".into());
        e.evidence =
            vec![Evidence { source: "s".into(), quote: format!("<script>window.__pwned='quote{i}'</script>") }];
        m.add_edge(e).unwrap();
    }
    m
}

#[test]
fn hostile_names_cannot_close_the_data_element() {
    let model = hostile();
    let page = html::render(&model, &HtmlOptions::new(), &Theme::default());
    assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 2, "only the two real script ends");
    assert_eq!(page.matches("<script").count(), 2);
    let data = embedded(&page);
    // Outside the data the title appears only escaped.
    let outside = markup(&page);
    assert!(!outside.contains("<script>window") && !outside.contains("</script><script>"), "raw hostile markup");
    assert!(outside.contains("&lt;/script&gt;&lt;script&gt;window.__pwned"), "the title, escaped");
    for (node, drawn) in model.nodes().zip(data["nodes"].as_array().unwrap()) {
        let shown = relgraph::export::escape::clean(&node.name, 20_000, false);
        assert_eq!(drawn["name"], shown.as_str());
    }
}

// ------------------------------------------------------------------ the browser tests

/// Chromium, chromedriver and python3 with selenium, or why the browser tests skip.
pub(crate) struct Browser {
    pub(crate) chromium: PathBuf,
    pub(crate) chromedriver: PathBuf,
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

pub(crate) fn browser(test: &str) -> Option<Browser> {
    let skip = |why: &str| {
        println!("skipping {test}: {why}");
        eprintln!("skipping {test}: {why}");
        None
    };
    let Some(chromium) = which(&["chromium", "chromium-browser", "google-chrome"]) else {
        return skip("Chromium is not installed (apt-get install chromium chromium-driver)");
    };
    let Some(chromedriver) = which(&["chromedriver"])
        .or_else(|| Some(PathBuf::from("/usr/lib/chromium/chromedriver")).filter(|p| p.is_file()))
    else {
        return skip("chromedriver is not installed (apt-get install chromium-driver)");
    };
    let selenium = Command::new("python3").args(["-c", "import selenium"]).output();
    if !selenium.is_ok_and(|o| o.status.success()) {
        return skip("python3 with selenium is missing (pip install selenium)");
    }
    Some(Browser { chromium, chromedriver })
}

/// One browser at a time, so that the timings are not those of a machine running four.
static ONE_BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs one scenario of the driver and returns what it observed.
pub(crate) fn drive(browser: &Browser, mut job: Value, dir: &Path) -> Value {
    let _turn = ONE_BROWSER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    job["chromium"] = json!(browser.chromium);
    job["chromedriver"] = json!(browser.chromedriver);
    let job_file = dir.join("job.json");
    std::fs::write(&job_file, job.to_string()).unwrap();
    let driver = common::repo().join("tests/viewer/driver.py");
    let output = Command::new("python3")
        .arg(&driver)
        .arg(&job_file)
        .env("SE_AVOID_STATS", "true")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "the driver failed:\n{}\n{}", text, String::from_utf8_lossy(&output.stderr));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("driver output is not JSON ({e}): {text}"))
}

pub(crate) fn strings(value: &Value) -> BTreeSet<String> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect()
}

/// No console message at all, and no request but the page itself.
pub(crate) fn assert_quiet(seen: &Value, page: &Path) {
    assert_eq!(seen["ready"], true, "the viewer did not start: {}", seen["console"]);
    assert_eq!(seen["console"], json!([]), "console messages");
    // The browser's own pages (chrome://, chrome-untrusted:// such as the new-tab page,
    // about:), inline data: and the page's own blob: downloads are not network requests.
    let own = format!("file://{}", page.display());
    for url in seen["requests"].as_array().unwrap() {
        let url = url.as_str().unwrap_or_default();
        if !(url.starts_with("chrome://")
            || url.starts_with("chrome-untrusted://")
            || url.starts_with("about:")
            || url.starts_with("data:")
            || url.starts_with("blob:file://"))
        {
            assert_eq!(url, own, "a request");
        }
    }
}

/// Ids shown on a day by the `--at` rule (`Model::at`): nodes in force or held by a dated
/// tie in force, and ties in force between them.
fn expected_on(model: &Model, day: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let part = model.at(&day.parse().unwrap());
    let nodes = part.nodes().map(|n| n.id.clone()).collect();
    let edges = html::edge_numbers(model, &part).into_iter().map(|k| k.to_string()).collect();
    (nodes, edges)
}

#[test]
fn the_map_works_in_chromium_on_the_shipped_model() {
    let Some(browser) = browser("the_map_works_in_chromium_on_the_shipped_model") else { return };
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = export_shipped(dir.path(), &["--cluster-by", "country"]);
    let model = common::load_japan_russia();
    let japan = model.index_of("japan").unwrap();
    let ties = model.incident(japan);
    let quoted = ties.iter().find(|(e, _, _)| !e.evidence.is_empty()).expect("Japan has a quoted tie");
    let tie = model.edges().position(|e| std::ptr::eq(e, quoted.0)).unwrap();
    let sanctions: Vec<usize> = model
        .edges()
        .enumerate()
        .filter(|(_, e)| e.kind == EdgeKind::Sanctions && e.since.is_some_and(|s| s >= "2014-03".parse().unwrap()))
        .map(|(k, _)| k)
        .collect();
    assert!(!sanctions.is_empty(), "the shipped model has Crimea sanctions");

    // Pairs for the picker: every ordered pair of a spread of actors, and a few more.
    let pairs = crate::picker::shipped_pairs(&model);
    // A tie to a node with no other tie, where no other tie passes close by.
    let near_tie = model
        .graph()
        .node_indices()
        .find_map(|i| match model.incident(i).as_slice() {
            [(e, _, _)] => model.edges().position(|x| std::ptr::eq(x, *e)),
            _ => None,
        })
        .expect("a node with one tie");

    let job = json!({
        "scenario": "shipped",
        "file": page,
        "search": "Japa",
        "node": "japan",
        "tie": tie,
        "filter_kind": "event",
        "dates": ["2014-02-28", "2014-07-31"],
        "pairs": pairs.iter().map(|(a, b)| [a, b]).collect::<Vec<_>>(),
        "ui_pairs": crate::picker::UI_PAIRS,
        "states": crate::picker::STATES,
        "key_node": "russia",
        "near_tie": near_tie,
    });
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &page);
    assert!(seen["alert"].is_null());

    // Every node and tie is drawn.
    assert_eq!(strings(&seen["nodes_drawn"]), model.nodes().map(|n| n.id.clone()).collect());
    assert_eq!(seen["edges_drawn"].as_array().unwrap().len(), model.edge_count());
    // Search completes the name, Enter and a click select Japan: its details show a quote.
    assert_eq!(seen["suggestions"][0], "japan", "{}", seen["suggestions"]);
    let details = seen["details"].as_str().unwrap();
    assert!(details.contains("Japan") && details.contains("country"), "{details}");
    assert!(details.contains(quoted.0.evidence[0].quote.trim()), "no quote in #details:\n{details}");
    assert!(details.contains(&format!("Ties ({})", ties.len())), "{details}");
    let lit = strings(&seen["highlighted"]);
    assert!(lit.contains(&tie.to_string()));
    // Clicking a tie shows its quotes.
    let tie_details = seen["tie_details"].as_str().unwrap();
    for evidence in &model.edges().nth(tie).unwrap().evidence {
        assert!(tie_details.contains(evidence.quote.trim()), "{tie_details}");
    }
    // The legend hides node kinds.
    let filtered = strings(&seen["filtered_nodes"]);
    let expected: BTreeSet<String> =
        model.nodes().filter(|n| n.kind != NodeKind::Event).map(|n| n.id.clone()).collect();
    assert_eq!(filtered, expected);
    // The slider: before March 2014 no Crimea sanctions, after it all of them; on each date
    // exactly what `--at` keeps.
    let times = seen["times"].as_array().unwrap();
    for (t, sanctions_shown) in times.iter().zip([false, true]) {
        let day = t["chosen"].as_str().expect("a date was chosen");
        assert!(day <= t["asked"].as_str().unwrap());
        assert_eq!(t["label"], day);
        let (nodes, edges) = expected_on(&model, day);
        assert_eq!(strings(&t["nodes"]), nodes, "nodes on {day}");
        assert_eq!(strings(&t["edges"]), edges, "ties on {day}");
        for k in &sanctions {
            assert_eq!(edges.contains(&k.to_string()), sanctions_shown, "sanctions tie {k} on {day}");
        }
    }
    assert_eq!(seen["edges_after_all"], model.edge_count());
    assert_eq!(seen["near_click"], format!("Tie {near_tie}"), "a click beside a tie");
    // Keyboard selection, wheel zoom and fit.
    assert_eq!(seen["key_details"], "Russia");
    let zoom = &seen["zoom"];
    assert_ne!(zoom["zoomed"], zoom["fitted"], "the wheel did not zoom");
    assert_eq!(zoom["refitted"], zoom["fitted"], "F did not fit the map again");

    // The picker: both sides, as the library, the influence API and the CLI give them.
    crate::picker::check_shipped(&model, &pairs, &seen);
}

#[test]
fn hostile_names_run_nothing_in_chromium() {
    let Some(browser) = browser("hostile_names_run_nothing_in_chromium") else { return };
    let dir = tempfile::tempdir().unwrap();
    let model = hostile();
    let file = dir.path().join("hostile.html");
    std::fs::write(&file, html::render(&model, &HtmlOptions::new(), &Theme::default())).unwrap();
    let ids: Vec<String> = model.nodes().map(|n| n.id.clone()).collect();
    let job = json!({
        "scenario": "hostile",
        "file": file,
        "nodes": ids,
        "edges": (0..model.edge_count()).collect::<Vec<_>>(),
        "search": "alias",
    });
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &file);
    assert!(seen["alert"].is_null() && seen["alert_after"].is_null(), "an alert ran");
    assert!(seen["pwned"].is_null(), "script from the model ran: {}", seen["pwned"]);
    assert_eq!(seen["elements"], json!({"img": 0, "script": 2}));
    assert_eq!(strings(&seen["nodes_drawn"]), ids.iter().cloned().collect());
    for (node, shown) in model.nodes().zip(seen["names"].as_array().unwrap()) {
        assert_eq!(shown.as_str().unwrap(), relgraph::export::escape::clean(&node.name, 20_000, false));
    }
    for (k, text) in seen["ties"].as_array().unwrap().iter().enumerate() {
        let quote = format!("<script>window.__pwned='quote{k}'</script>");
        assert!(text.as_str().unwrap().contains(&quote), "quote {k} not shown as text: {text}");
    }
    assert_eq!(seen["title"], model.title.as_str());
    assert_eq!(seen["suggestions"].as_array().unwrap().len(), ids.len());
}

#[test]
fn a_map_made_with_at_opens_on_that_date_in_chromium() {
    let Some(browser) = browser("a_map_made_with_at_opens_on_that_date_in_chromium") else { return };
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = export_shipped(dir.path(), &["--at", "2014-03"]);
    let seen = drive(&browser, json!({"scenario": "opening", "file": page}), dir.path());
    assert_quiet(&seen, &page);
    assert_eq!(seen["label"], "2014-03");
    // Exactly what `--at 2014-03` keeps (in force on some day of March 2014).
    let model = common::load_japan_russia();
    let (nodes, edges) = expected_on(&model, "2014-03");
    assert_eq!(strings(&seen["nodes"]), nodes);
    assert_eq!(strings(&seen["edges"]), edges);
    assert!(edges.len() < model.edge_count());
}

/// A model of `n` nodes and `m` dated, quoted ties, deterministic.
pub fn large(n: usize, m: usize) -> Model {
    let mut model = Model::new(format!("{n} nodes, {m} ties"));
    model.sources.push(Source { id: "s".into(), title: "Source".into(), author: None, date: None, url: None });
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..n {
        let mut node = Node::new(format!("v{i}"), NodeKind::ALL[i % 9], format!("Actor number {i}"));
        node.aliases = vec![format!("A{i}")];
        model.add_node(node).unwrap();
    }
    for k in 0..m {
        let a = (next() % n as u64) as usize;
        let b = if k % 2 == 0 { (next() % (n as u64 / 10 + 1)) as usize } else { (next() % n as u64) as usize };
        let mut e = Edge::new(format!("v{a}"), format!("v{b}"), EdgeKind::ALL[(next() % 31) as usize]);
        let year = 2000 + (next() % 20) as u16;
        e.since = PartialDate::month(year, 1 + (next() % 12) as u8);
        if k % 3 == 0 {
            e.until = Some(PartialDate::year(year + 1 + (next() % 5) as u16));
        }
        e.weight = Some(0.2 + (next() % 80) as f64 / 100.0);
        e.evidence = vec![Evidence { source: "s".into(), quote: format!("Quote number {k} about the tie.") }];
        model.add_edge(e).unwrap();
    }
    model
}

/// Measures search, click, slider step, filter and path on 2,000 nodes and 4,000 ties;
/// with `RELGRAPH_VIEWER_BENCH=FILE` (a benchmark run) each must answer within 100 ms and
/// the numbers are written to FILE as JSON.
#[test]
fn interactions_on_two_thousand_nodes_run_and_are_timed() {
    let Some(browser) = browser("interactions_on_two_thousand_nodes_run_and_are_timed") else { return };
    let dir = tempfile::tempdir().unwrap();
    let model = large(2000, 4000);
    let file = dir.path().join("large.html");
    std::fs::write(&file, html::render(&model, &HtmlOptions::new(), &Theme::default())).unwrap();
    if let Some(keep) = std::env::var_os("RELGRAPH_VIEWER_KEEP") {
        std::fs::copy(&file, Path::new(&keep).join("large.html")).unwrap();
    }
    let runs = 15;
    let search: Vec<String> = (0..runs)
        .map(|i| format!("var s = document.getElementById('search'); s.value = 'actor number {}'; s.dispatchEvent(new Event('input'));", 100 + i * 37))
        .collect();
    let click: Vec<String> = (0..runs)
        .map(|i| format!("document.querySelector('[data-node=\"v{}\"]').dispatchEvent(new MouseEvent('click', {{ bubbles: true }}));", i * 13))
        .collect();
    // A step moves the slider to the next date (after the jumps, from where they left it); a
    // jump moves it across a fifteenth of the range.
    let step: Vec<String> = (0..runs)
        .map(|_| "var t = document.getElementById('time'); t.value = String(Number(t.value) + 1); t.dispatchEvent(new Event('input'));".to_owned())
        .collect();
    let jump: Vec<String> = (0..runs)
        .map(|i| format!("var t = document.getElementById('time'); t.value = String(Math.floor(Number(t.max) * {} / {runs})); t.dispatchEvent(new Event('input'));", (i * 7) % (runs - 1) + 1))
        .collect();
    // From a date in the middle to All dates and back: the largest changes of all.
    let back_and_forth: Vec<String> = (0..runs - 1)
        .map(|i| match i % 2 {
            0 => "document.getElementById('time-all').click();".to_owned(),
            _ => "var t = document.getElementById('time'); t.value = String(Math.floor(Number(t.max) / 2)); t.dispatchEvent(new Event('input'));".to_owned(),
        })
        .collect();
    let filter: Vec<String> =
        (0..runs).map(|_| "document.querySelector('[data-filter=\"polarity:neutral\"]').click();".to_owned()).collect();
    let path: Vec<String> = (0..runs)
        .map(|i| {
            format!(
                "var f = document.getElementById('path-from'), t = document.getElementById('path-to'); f.value = 'v{}'; t.value = 'v{}'; document.getElementById('path-go').click();",
                i * 7,
                1999 - i * 11
            )
        })
        .collect();
    let job = json!({
        "scenario": "bench",
        "file": file,
        "interactions": {"search": search, "click": click, "slider jump": jump, "slider step": step, "legend filter": filter,
            "all dates and back": back_and_forth, "influence path": path},
    });
    // Timings are measured and printed here, and asserted only in benchmark mode
    // (RELGRAPH_VIEWER_BENCH=out.json, on a quiet machine): a shared machine's load would
    // make a timed assertion fail for reasons that are not the viewer's.
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &file);
    assert_eq!(seen["nodes_drawn"], 2000);
    let interactions = seen["interactions"].as_object().unwrap();
    assert_eq!(interactions.len(), 7, "{interactions:?}");
    for (name, result) in interactions {
        let median = result["median_ms"].as_f64().unwrap_or(f64::NAN);
        assert!(median.is_finite() && median >= 0.0, "{name} did not run: {result}");
    }
    println!("{}", serde_json::to_string_pretty(&seen["interactions"]).unwrap());
    if let Some(out) = std::env::var_os("RELGRAPH_VIEWER_BENCH") {
        std::fs::write(out, serde_json::to_string_pretty(&seen).unwrap()).unwrap();
        for (name, result) in interactions {
            let median = result["median_ms"].as_f64().unwrap();
            assert!(median < 100.0, "{name} took {median} ms (median)");
        }
    }
}
