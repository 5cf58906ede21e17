//! Browser test: a node dragged on the map is saved where it was dropped. A real pointer
//! (selenium's actions) drags Japan by a known offset while Russia is selected; the view
//! must not pan and the selection must stay. The downloaded positions file, read by relgraph,
//! must hold Japan moved by that offset in the layout's coordinates (the screen offset over
//! the zoom) and every other node where the page had it; `export --positions` with that file
//! must draw the map with exactly those positions, and the SVG with Japan moved and the
//! others unchanged relative to a uniform scale and shift.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

use crate::common::{graph, ok};
use crate::figure::centres;
use crate::viewer::{assert_quiet, browser, drive, embedded, export_shipped};

/// Positions as the page embeds them: id → (x, y).
fn page_positions(data: &Value) -> BTreeMap<String, (f64, f64)> {
    let nodes = data["nodes"].as_array().expect("nodes");
    nodes
        .iter()
        .map(|n| (n["id"].as_str().unwrap().to_owned(), (n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap())))
        .collect()
}

/// The least-squares uniform fit s = a·p + b of one coordinate over the given ids.
fn fit(p: &BTreeMap<String, f64>, s: &BTreeMap<String, f64>, ids: &[&String]) -> (f64, f64) {
    let n = ids.len() as f64;
    let (mp, ms) = (ids.iter().map(|i| p[*i]).sum::<f64>() / n, ids.iter().map(|i| s[*i]).sum::<f64>() / n);
    let cov: f64 = ids.iter().map(|i| (p[*i] - mp) * (s[*i] - ms)).sum();
    let var: f64 = ids.iter().map(|i| (p[*i] - mp).powi(2)).sum();
    let a = cov / var;
    (a, ms - a * mp)
}

/// The built-in SVG drawn with a positions file: label anchors by node id.
fn svg_with(
    dir: &Path,
    name: &str,
    positions: &Path,
    names: &BTreeMap<String, String>,
) -> BTreeMap<String, (f64, f64)> {
    let out = dir.join(name);
    let (g, p, o) = (graph(), positions.display().to_string(), out.display().to_string());
    ok(&["export", &g, "--renderer", "builtin", "--positions", &p, "-o", &o]);
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    centres(&svg).0.into_iter().map(|(title, at)| (names[&title].clone(), at)).collect()
}

#[test]
fn a_dragged_node_is_saved_and_drawn_where_it_was_dropped() {
    let Some(browser) = browser("a_dragged_node_is_saved_and_drawn_where_it_was_dropped") else { return };
    let dir = tempfile::tempdir().unwrap();
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads).unwrap();
    let (page, text) = export_shipped(dir.path(), &["--cluster-by", "country"]);
    let original = page_positions(&embedded(&text));
    let (dx, dy) = (120.0, -80.0);
    let job = json!({
        "scenario": "drag", "file": page, "node": "japan", "keep": "russia",
        "dx": dx as i64, "dy": dy as i64, "downloads": downloads,
    });
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &page);
    assert!(seen["alert"].is_null());

    // The drag neither panned, zoomed nor changed the selection.
    let (before, after) = (&seen["before"]["state"], &seen["after"]["state"]);
    for key in ["x", "y", "k", "node"] {
        assert_eq!(before[key], after[key], "{key} changed: {before} → {after}");
    }
    assert_eq!(after["node"], "russia");
    assert_eq!(seen["after"]["details"], "Russia");
    let k = before["k"].as_f64().expect("the zoom");

    // The download is the page's positions text, saved by the browser, and leaves no link.
    let downloaded = seen["downloaded"].as_str().expect("the positions file was downloaded");
    assert_eq!(downloaded, seen["after"]["positions"].as_str().unwrap());
    assert_eq!(seen["links"], 0);
    let before_file = dir.path().join("before.layout.ron");
    let after_file = dir.path().join("after.layout.ron");
    std::fs::write(&before_file, seen["before"]["positions"].as_str().unwrap()).unwrap();
    std::fs::write(&after_file, downloaded).unwrap();
    let saved_before = relgraph::api::figure::load(&before_file).expect("relgraph reads the page's file");
    let saved = relgraph::api::figure::load(&after_file).expect("relgraph reads the downloaded file");
    assert_eq!(relgraph::api::figure::to_text(&saved), downloaded, "the file is in relgraph's own format");

    // Every node, in the layout's coordinates to the file's 0.1: Japan moved by the screen
    // offset over the zoom, every other node where the page drew it.
    assert_eq!(saved.len(), original.len());
    for (id, &(x, y)) in &original {
        let (ex, ey) = if id == "japan" { (x + dx / k, y + dy / k) } else { (x, y) };
        let (sx, sy) = saved[id];
        assert!(
            (sx - ex).abs() <= 0.05 + 1e-9 && (sy - ey).abs() <= 0.05 + 1e-9,
            "{id}: ({sx}, {sy}) for ({ex}, {ey})"
        );
        assert!((saved_before[id].0 - x).abs() <= 0.05 + 1e-9 && (saved_before[id].1 - y).abs() <= 0.05 + 1e-9);
    }

    // The map exported with the file puts every node exactly there.
    let again = dir.path().join("again.html");
    let (g, a, o) = (graph(), after_file.display().to_string(), again.display().to_string());
    ok(&["export", &g, "--cluster-by", "country", "--positions", &a, "-o", &o]);
    let redrawn = page_positions(&embedded(&std::fs::read_to_string(&again).unwrap()));
    assert_eq!(redrawn, saved.iter().map(|(id, &p)| (id.clone(), p)).collect::<BTreeMap<_, _>>());

    // The SVG: label anchors sit at a·x + b (x) and a·y + b + the label's own offset (y).
    let model = crate::common::load_japan_russia();
    let names: BTreeMap<String, String> = model.nodes().map(|n| (n.name.clone(), n.id.clone())).collect();
    let first = svg_with(dir.path(), "before.svg", &before_file, &names);
    let second = svg_with(dir.path(), "after.svg", &after_file, &names);
    let others: Vec<&String> = saved.keys().filter(|id| *id != "japan" && first.contains_key(*id)).collect();
    assert!(others.len() + 1 == saved.len(), "every node is drawn");
    let coord = |m: &BTreeMap<String, (f64, f64)>, axis: usize| -> BTreeMap<String, f64> {
        m.iter().map(|(id, p)| (id.clone(), if axis == 0 { p.0 } else { p.1 })).collect()
    };
    let (p1, p2) = (&saved_before, &saved);
    let (a1, b1) = fit(&coord(p1, 0), &coord(&first, 0), &others);
    let (a2, b2) = fit(&coord(p2, 0), &coord(&second, 0), &others);
    for id in saved.keys() {
        // x: every node, Japan included, on the uniform fit of the others.
        assert!((second[id].0 - (a2 * p2[id].0 + b2)).abs() < 0.3, "{id} x in the second drawing");
        assert!((first[id].0 - (a1 * p1[id].0 + b1)).abs() < 0.3, "{id} x in the first drawing");
        // y: the label's offset from its node cancels between the two drawings.
        let shift = (second[id].1 - a2 * p2[id].1) - (first[id].1 - a1 * p1[id].1);
        let expected = (second["russia"].1 - a2 * p2["russia"].1) - (first["russia"].1 - a1 * p1["russia"].1);
        assert!((shift - expected).abs() < 0.3, "{id} y: {shift} for {expected}");
    }
    assert!((second["japan"].0 - first["japan"].0).abs() > 10.0, "Japan moved in the drawing");
}
