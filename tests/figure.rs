//! Integration tests: figures that hold still — views of one model keep shared nodes in
//! place, positions files pin nodes and round-trip, isolated nodes leave date views. Node
//! centres are read back from the SVG the real binary writes (the first label line of each
//! `<g class="node …">`, which moves exactly as its node does).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{assert_well_formed_xml, graph, ok, relgraph, stderr};

/// Label anchors by node title, and the drawing's diagonal.
pub(crate) fn centres(svg: &str) -> (BTreeMap<String, (f64, f64)>, f64) {
    let number = |text: &str, key: &str| -> f64 {
        let at = text.find(key).unwrap_or_else(|| panic!("{key} in {text}")) + key.len();
        let end = at + text[at..].find('"').expect("a closing quote");
        text[at..end].parse().expect("a number")
    };
    let mut out = BTreeMap::new();
    for part in svg.split("<g class=\"node ").skip(1) {
        let title_at = part.find("<title>").expect("a title") + "<title>".len();
        let title = part[title_at..title_at + part[title_at..].find("</title>").expect("title end")].to_owned();
        // The label's first line gives x; the mean height of its lines gives y, which sits
        // at the same place for a label of one line or three.
        let text = &part[part.find("<text").expect("a label")..];
        let text = &text[..text.find("</text>").expect("label end")];
        let lines: Vec<&str> = text.split("<tspan").skip(1).collect();
        let y = lines.iter().map(|l| number(l, " y=\"")).sum::<f64>() / lines.len() as f64;
        out.insert(title, (number(lines[0], " x=\""), y));
    }
    let view = &svg[svg.find("viewBox=\"0 0 ").expect("a viewBox") + "viewBox=\"0 0 ".len()..];
    let mut sizes = view.split(['"', ' ']).take(2).map(|v| v.parse::<f64>().expect("a size"));
    let (w, h) = (sizes.next().expect("width"), sizes.next().expect("height"));
    (out, w.hypot(h))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Displacement of every shared node after removing the overall shift (the median shift on
/// each axis), and the larger diagonal.
fn displacement(a: &str, b: &str) -> (BTreeMap<String, f64>, f64) {
    let ((a, da), (b, db)) = (centres(a), centres(b));
    let shared: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    assert!(shared.len() > 10, "views share nodes");
    let dx = median(shared.iter().map(|k| b[*k].0 - a[*k].0).collect());
    let dy = median(shared.iter().map(|k| b[*k].1 - a[*k].1).collect());
    let moved = shared.iter().map(|k| ((*k).clone(), (b[*k].0 - a[*k].0 - dx).hypot(b[*k].1 - a[*k].1 - dy))).collect();
    (moved, da.max(db))
}

fn draw(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    let mut all = args.to_vec();
    all.extend(["--renderer", "builtin", "-o", out.to_str().expect("UTF-8 path")]);
    ok(&all);
    std::fs::read_to_string(out).expect("the SVG was written")
}

#[test]
fn before_and_after_crimea_keep_shared_nodes_within_two_percent_of_the_diagonal() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let before = draw(dir.path(), "before.svg", &["export", &g, "--at", "2013-12-31"]);
    let after = draw(dir.path(), "after.svg", &["export", &g, "--at", "2014-07-31"]);
    let (moved, diagonal) = displacement(&before, &after);
    let share = median(moved.values().copied().collect()) / diagonal;
    assert!(share < 0.02, "shared nodes moved {:.1}% of the diagonal", share * 100.0);
    // Filters are views too: the conflictual ties alone keep their nodes where the whole
    // model's layout put them.
    let whole = draw(dir.path(), "whole.svg", &["export", &g, "--polarity", "cooperative"]);
    let conflict = draw(dir.path(), "conflict.svg", &["export", &g, "--polarity", "conflictual"]);
    let (moved, diagonal) = displacement(&whole, &conflict);
    assert!(median(moved.values().copied().collect()) / diagonal < 0.02);
}

#[test]
fn date_views_leave_out_nodes_with_no_tie_in_force_unless_told_to_keep_them() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let model = relgraph::io::ron::load(g.as_ref()).unwrap().at(&"2013-12-31".parse().unwrap());
    let tied: std::collections::BTreeSet<&str> = model.edges().flat_map(|e| [e.from.as_str(), e.to.as_str()]).collect();
    let names = |svg: &str| centres(svg).0.into_keys().collect::<std::collections::BTreeSet<String>>();
    let dropped = names(&draw(dir.path(), "dropped.svg", &["export", &g, "--at", "2013-12-31"]));
    let kept = names(&draw(dir.path(), "kept.svg", &["export", &g, "--at", "2013-12-31", "--keep-isolated"]));
    let expected: std::collections::BTreeSet<String> =
        model.nodes().filter(|n| tied.contains(n.id.as_str())).map(|n| n.name.clone()).collect();
    assert_eq!(dropped, expected);
    assert_eq!(kept.len(), model.node_count());
    assert!(kept.len() > dropped.len(), "the shipped model has nodes with no tie at that date");
}

#[test]
fn a_positions_file_round_trips_and_moving_one_node_in_it_moves_only_that_node() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let file = dir.path().join("jr.layout.ron");
    ok(&["layout", &g, "-o", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    let positions = relgraph::api::figure::load(&file).unwrap();
    let model = relgraph::io::ron::load(g.as_ref()).unwrap();
    assert_eq!(positions.len(), model.node_count());
    assert_eq!(relgraph::api::figure::to_text(&positions), text, "the file reads back as written");

    let first = draw(dir.path(), "first.svg", &["export", &g, "--positions", file.to_str().unwrap()]);
    // Japan moves 200 px right in the file.
    let (x, y) = positions["japan"];
    let moved_text =
        text.replace(&format!("\"japan\": ({x:.1}, {y:.1})"), &format!("\"japan\": ({:.1}, {y:.1})", x + 200.0));
    assert_ne!(moved_text, text);
    std::fs::write(&file, moved_text).unwrap();
    let second = draw(dir.path(), "second.svg", &["export", &g, "--positions", file.to_str().unwrap()]);
    // The drawing may be spread out uniformly for its labels, by 1.2 at a time, so the two
    // drawings agree up to a scale 1.2^k and a shift: find the k under which every node but
    // Japan is where it was. A label's anchor sits at a fixed offset from its node's centre
    // (up to a few px for some shapes), which a spread scales too: hence 1.5 px.
    let ((a, _), (b, _)) = (centres(&first), centres(&second));
    let others: Vec<&String> = a.keys().filter(|k| *k != "Japan" && b.contains_key(*k)).collect();
    let fits = (-3..=3).map(|k| 1.2_f64.powi(k)).find_map(|scale| {
        let dx = median(others.iter().map(|k| b[*k].0 - scale * a[*k].0).collect());
        let dy = median(others.iter().map(|k| b[*k].1 - scale * a[*k].1).collect());
        let off = |k: &str| (b[k].0 - scale * a[k].0 - dx, b[k].1 - scale * a[k].1 - dy);
        others.iter().all(|k| off(k).0.hypot(off(k).1) < 1.5).then(|| off("Japan"))
    });
    let (japan_dx, japan_dy) = fits.expect("every node but Japan keeps its place up to a uniform spread");
    // Japan moved 200 px right in layout units, which the second drawing spreads by 1.2^j.
    let spread = (0..5).any(|j| (japan_dx - 200.0 * 1.2_f64.powi(j)).abs() < 2.0);
    assert!(spread && japan_dy.abs() < 1.5, "Japan moved ({japan_dx}, {japan_dy}) px");
}

#[test]
fn three_new_ties_move_no_node_drawn_from_a_positions_file_and_update_adds_new_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let file = dir.path().join("jr.layout.ron");
    ok(&["layout", &g, "-o", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&g).unwrap();
    let at = text.find("        Edge(").unwrap();
    let ties = "        Edge(from: \"italy\", to: \"canada\", kind: cooperates_with),\n        Edge(from: \"letta\", to: \"kishida\", kind: meets),\n        Edge(from: \"tepco\", to: \"g7\", kind: supports),\n";
    let node = "        Node(id: \"new_summit\", kind: event, name: \"A new summit\"),\n";
    let nodes_at = text.find("        Node(").unwrap();
    let edited = format!("{}{node}{}{ties}{}", &text[..nodes_at], &text[nodes_at..at], &text[at..]);
    let edited_path = dir.path().join("edited.ron");
    std::fs::write(
        &edited_path,
        edited.replace(ties, &format!("{ties}        Edge(from: \"abe\", to: \"new_summit\", kind: attends),\n")),
    )
    .unwrap();
    let edited_path = edited_path.to_str().unwrap();

    let original = relgraph::api::figure::load(&file).unwrap();
    let before = draw(dir.path(), "before.svg", &["export", &g, "--positions", file.to_str().unwrap()]);
    let after =
        draw(dir.path(), "after.svg", &["export", edited_path, "--positions", file.to_str().unwrap(), "--update"]);
    let (moved, diagonal) = displacement(&before, &after);
    assert!(median(moved.values().copied().collect()) / diagonal < 0.05);
    assert!(moved.values().all(|d| *d < 0.2), "no pinned node moves: {moved:?}");
    // --update wrote the new node into the file, near Abe, and kept every old position.
    let updated = relgraph::api::figure::load(&file).unwrap();
    let (ax, ay) = updated["abe"];
    let (nx, ny) = updated["new_summit"];
    assert!((nx - ax).hypot(ny - ay) < 400.0, "the new node is placed by its neighbour");
    assert_eq!(updated.len(), original.len() + 1);
    for (id, p) in &original {
        assert_eq!(updated[id], *p, "{id} kept its place in the file");
    }
}

#[test]
fn a_positions_file_beside_the_model_keeps_its_picture_through_an_edit_graphviz_or_not() {
    // The analyst's loop: `layout MODEL -o MODEL.layout.ron` once, then edit and export
    // with no further flag. The default renderer would be Graphviz where it is installed;
    // the file beside the model makes it the built-in one, at the file's positions.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("jr.ron");
    let text = std::fs::read_to_string(graph()).unwrap();
    std::fs::write(&model, &text).unwrap();
    let m = model.to_str().unwrap();
    ok(&["layout", m, "-o", dir.path().join("jr.layout.ron").to_str().unwrap()]);
    let export = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec!["export", m, "-o", out.to_str().unwrap()];
        args.extend(extra);
        let output = relgraph(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        (std::fs::read_to_string(out).unwrap(), stderr(&output))
    };
    let (before, note) = export("before.svg", &[]);
    assert!(note.contains("drawing at the positions in") && note.contains("jr.layout.ron"), "{note}");
    assert!(!before.contains("Generated by graphviz"), "drawn by the built-in renderer");

    let at = text.find("        Edge(").unwrap();
    let ties = "        Edge(from: \"italy\", to: \"canada\", kind: cooperates_with),\n        Edge(from: \"letta\", to: \"kishida\", kind: meets),\n        Edge(from: \"tepco\", to: \"g7\", kind: supports),\n";
    std::fs::write(&model, format!("{}{ties}{}", &text[..at], &text[at..])).unwrap();
    let (after, _) = export("after.svg", &[]);
    let (moved, _) = displacement(&before, &after);
    assert!(moved.values().all(|d| *d < 0.2), "no node moves: {moved:?}");

    // --fresh-layout lays the edited model out afresh: no note, and the nodes move.
    let (fresh, quiet) = export("fresh.svg", &["--fresh-layout", "--renderer", "builtin"]);
    assert!(!quiet.contains("positions"), "{quiet}");
    let (moved, _) = displacement(&before, &fresh);
    assert!(median(moved.values().copied().collect()) > 1.0, "a fresh layout is not the file's");

    // Graphviz asked for by name with a positions file is refused, not silently unpinned.
    let file = dir.path().join("jr.layout.ron");
    let refused =
        relgraph(&["export", m, "--renderer", "graphviz", "--positions", file.to_str().unwrap(), "-f", "svg"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("built-in renderer"), "{}", stderr(&refused));
}

#[test]
fn small_multiples_put_every_shared_node_at_the_same_place_in_each_panel() {
    let model = relgraph::io::ron::load(graph().as_ref()).unwrap();
    let dates = ["2013-12-31".parse().unwrap(), "2014-07-31".parse().unwrap()];
    let theme = relgraph::export::Theme::default();
    let svg = relgraph::api::figure::small_multiples(&model, &dates, 2, &theme, &Default::default());
    assert_well_formed_xml(&svg);
    let panels: Vec<&str> = svg.split("<g class=\"panel\"").skip(1).collect();
    assert_eq!(panels.len(), 2);
    assert!(panels[0].contains("<title>2013-12-31</title>") && panels[1].contains("<title>2014-07-31</title>"));
    // Each panel's own drawing, read as one SVG, keeps shared nodes within 2% of its diagonal.
    let inner = |p: &str| -> String {
        let start = p.find("<svg").map_or(0, |i| i);
        format!("<svg viewBox=\"0 0 1000 1000\">{}", &p[start..])
    };
    let (a, _) = centres(&inner(panels[0]));
    let (b, _) = centres(&inner(panels[1]));
    let shared: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    assert!(shared.len() > 50);
    let dx = median(shared.iter().map(|k| b[*k].0 - a[*k].0).collect());
    let dy = median(shared.iter().map(|k| b[*k].1 - a[*k].1).collect());
    let moved = median(shared.iter().map(|k| (b[*k].0 - a[*k].0 - dx).hypot(b[*k].1 - a[*k].1 - dy)).collect());
    assert!(moved < 1.0, "shared nodes moved {moved} px between panels");
    // The ties that appeared after the first date are drawn bold in the second panel only,
    // the rest faded; the first panel emphasises nothing.
    assert!(!panels[0].contains(" opacity=\""), "nothing is faded in the first panel");
    assert!(panels[1].contains(" opacity=\""), "the second panel fades what did not change");
}

#[test]
fn the_matrix_view_labels_every_node_and_counts_the_ties_of_each_pair() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let svg = draw(dir.path(), "matrix.svg", &["export", &g, "--view", "matrix", "--at", "2014-07-31"]);
    let model = relgraph::io::ron::load(g.as_ref()).unwrap().at(&"2014-07-31".parse().unwrap()).without_isolated();
    assert_eq!(svg.matches("<text class=\"row\"").count(), model.node_count());
    assert_eq!(svg.matches("<text class=\"column\"").count(), model.node_count());
    // Ties per pair, counted independently of the renderer.
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in model.edges().filter(|e| e.from != e.to) {
        let (a, b) = if e.from < e.to { (&e.from, &e.to) } else { (&e.to, &e.from) };
        *pairs.entry((a.clone(), b.clone())).or_default() += 1;
    }
    assert_eq!(svg.matches("<g class=\"cell\">").count(), 2 * pairs.len(), "each pair fills two mirrored cells");
    let (busiest, ties) = pairs.iter().max_by_key(|(_, n)| **n).map(|(k, n)| (k.clone(), *n)).unwrap();
    assert!(ties > 1);
    let name = |id: &str| model.node_by_id(id).unwrap().name.clone();
    let tip = format!("<title>{} – {}: ", name(&busiest.0), name(&busiest.1));
    let at = svg.find(&tip).or_else(|| svg.find(&format!("<title>{} – {}: ", name(&busiest.1), name(&busiest.0))));
    let cell = &svg[at.expect("the busiest pair's cell")..];
    let cell = &cell[..cell.find("</g>").unwrap()];
    assert!(cell.contains(&format!(">{ties}</text>")), "the cell shows {ties}: {cell}");
    for word in ["cooperative", "conflictual", "neutral"] {
        assert!(svg.contains(&format!(">{word}</text>")), "legend names {word}");
    }
    let png = dir.path().join("matrix.png");
    ok(&["export", &g, "--view", "matrix", "-o", png.to_str().unwrap()]);
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn export_at_two_dates_draws_two_aligned_panels_with_the_ended_ties_faint() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let svg = draw(dir.path(), "panels.svg", &["export", &g, "--at", "2013-12-31", "--at", "2014-07-31"]);
    assert_well_formed_xml(&svg);
    let panels: Vec<&str> = svg.split("<g class=\"panel\"").skip(1).collect();
    assert_eq!(panels.len(), 2);
    assert!(panels[0].contains("<title>2013-12-31</title>") && panels[1].contains("<title>2014-07-31</title>"));
    // Node positions relative to their panel (the drawing inside is shifted by the second
    // translate of the panel): the same for a node both panels draw.
    let relative = |p: &str| -> BTreeMap<String, (f64, f64)> {
        let at = p.match_indices("translate(").nth(1).expect("the drawing's shift").0 + "translate(".len();
        let mut shift = p[at..at + p[at..].find(')').unwrap()].split(',').map(|v| v.parse::<f64>().unwrap());
        let (dx, dy) = (shift.next().unwrap(), shift.next().unwrap());
        let (nodes, _) = centres(&format!("<svg viewBox=\"0 0 1000 1000\">{p}"));
        nodes.into_iter().map(|(k, (x, y))| (k, (x + dx, y + dy))).collect()
    };
    let (a, b) = (relative(panels[0]), relative(panels[1]));
    for name in ["Japan", "Russia", "United States"] {
        let (pa, pb) = (a[name], b[name]);
        // Coordinates are written to 0.1 px: two roundings apart at most.
        assert!((pa.0 - pb.0).abs() < 0.21 && (pa.1 - pb.1).abs() < 0.21, "{name}: {pa:?} vs {pb:?}");
    }
    // The ties in force at the first date and not at the second, from the model itself.
    let model = relgraph::io::ron::load(g.as_ref()).unwrap();
    let (d1, d2) = ("2013-12-31".parse().unwrap(), "2014-07-31".parse().unwrap());
    let name = |id: &str| model.node_by_id(id).unwrap().name.clone();
    let ended: Vec<(String, String)> = model
        .edges()
        .filter(|e| model.tie_in_force(e, &d1) && !model.tie_in_force(e, &d2))
        .map(|e| (name(&e.from), name(&e.to)))
        .collect();
    assert!(!ended.is_empty(), "the shipped model has ties that end in the first half of 2014");
    assert!(!panels[0].contains(" ended\""), "nothing has ended in the first panel");
    let faint: Vec<&str> = panels[1]
        .split("<path class=\"edge ")
        .skip(1)
        .filter(|p| p[..p.find('"').unwrap()].ends_with(" ended"))
        .collect();
    for (from, to) in &ended {
        let path = faint.iter().find(|p| {
            let title = &p[p.find("<title>").unwrap()..p.find("</title>").unwrap()];
            title.contains(from.as_str()) && title.contains(to.as_str())
        });
        let path = path.unwrap_or_else(|| panic!("{from} – {to} is drawn as ended"));
        let at = path.find(" opacity=\"").expect("an ended tie is faint") + " opacity=\"".len();
        let opacity: f64 = path[at..at + path[at..].find('"').unwrap()].parse().unwrap();
        assert!(opacity < 0.25, "fainter than a merely faded tie: {opacity}");
    }
    // PNG and PDF from the same figure.
    for (file, magic) in [("panels.png", &b"\x89PNG"[..]), ("panels.pdf", &b"%PDF"[..])] {
        let out = dir.path().join(file);
        ok(&["export", &g, "--at", "2013-12-31", "--at", "2014-07-31", "--columns", "1", "-o", out.to_str().unwrap()]);
        assert_eq!(&std::fs::read(&out).unwrap()[..magic.len()], magic);
    }
}

/// Three new ties between nodes of `model`, drawn with a fixed seed (the same draw as
/// bench/layout_compare.py's): each copies the kind of a tie of the model picked at random
/// and joins two nodes, picked at random, of the kinds that tie joins, not yet tied either way.
fn three_ties(model: &relgraph::model::Model, seed: u64) -> Vec<(String, String, &'static str)> {
    let nodes: Vec<&relgraph::model::Node> = model.nodes().collect();
    let edges: Vec<&relgraph::model::Edge> = model.edges().collect();
    let kind = |id: &str| nodes.iter().find(|n| n.id == id).expect("an end").kind;
    let pair = |a: &str, b: &str| if a < b { (a.to_owned(), b.to_owned()) } else { (b.to_owned(), a.to_owned()) };
    let mut tied: std::collections::BTreeSet<(String, String)> = edges.iter().map(|e| pair(&e.from, &e.to)).collect();
    let mut state = seed.wrapping_mul(2_654_435_761);
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut out = Vec::new();
    while out.len() < 3 {
        let like = edges[next() % edges.len()];
        let of = |k| nodes.iter().filter(|n| n.kind == k).map(|n| n.id.as_str()).collect::<Vec<_>>();
        let (froms, tos) = (of(kind(&like.from)), of(kind(&like.to)));
        let (a, b) = (froms[next() % froms.len()], tos[next() % tos.len()]);
        if a != b && tied.insert(pair(a, b)) {
            out.push((a.to_owned(), b.to_owned(), like.kind.as_str()));
        }
    }
    out
}

/// The median displacement of the nodes two drawings share after the best rotation (or,
/// with `mirror`, the best reflection) about the first drawing's median node, tried every 2°,
/// and the overall shift: how far apart the drawings are once turned (or turned over).
fn best_fit(a: &BTreeMap<String, (f64, f64)>, b: &BTreeMap<String, (f64, f64)>, mirror: bool) -> f64 {
    let shared: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    (0..180)
        .map(|step| {
            let t = (step * 2) as f64 * std::f64::consts::PI / 180.0;
            let (c, s) = (t.cos(), t.sin());
            let turned: Vec<(f64, f64)> = shared
                .iter()
                .map(|k| {
                    let (x, y) = a[*k];
                    let y = if mirror { -y } else { y };
                    (c * x - s * y, s * x + c * y)
                })
                .collect();
            let dx = median(shared.iter().zip(&turned).map(|(k, p)| b[*k].0 - p.0).collect());
            let dy = median(shared.iter().zip(&turned).map(|(k, p)| b[*k].1 - p.1).collect());
            median(shared.iter().zip(&turned).map(|(k, p)| (b[*k].0 - p.0 - dx).hypot(b[*k].1 - p.1 - dy)).collect())
        })
        .fold(f64::INFINITY, f64::min)
}

/// Draws the shipped model and, for each edit, the model with its three ties added, all
/// fresh (no positions file); returns for each edit the median node's displacement as a
/// share of the diagonal and whether the edited drawing fits the original better mirrored.
fn edits_moved(edits: &[Vec<(String, String, &'static str)>]) -> Vec<(f64, bool)> {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let text = std::fs::read_to_string(&g).unwrap();
    let at = text.find("        Edge(").unwrap();
    let before = draw(dir.path(), "before.svg", &["export", &g]);
    edits
        .iter()
        .enumerate()
        .map(|(k, ties)| {
            let lines: String = ties
                .iter()
                .map(|(a, b, kind)| format!("        Edge(from: \"{a}\", to: \"{b}\", kind: {kind}),\n"))
                .collect();
            let edited = dir.path().join(format!("edited{k}.ron"));
            std::fs::write(&edited, format!("{}{lines}{}", &text[..at], &text[at..])).unwrap();
            let after = draw(dir.path(), &format!("after{k}.svg"), &["export", edited.to_str().unwrap()]);
            let (moved, diagonal) = displacement(&before, &after);
            let ((a, _), (b, _)) = (centres(&before), centres(&after));
            (median(moved.values().copied().collect()) / diagonal, best_fit(&a, &b, true) < best_fit(&a, &b, false))
        })
        .collect()
}

fn percent(v: &[(f64, bool)]) -> String {
    v.iter().map(|(s, m)| format!("{:.1}{}", s * 100.0, if *m { "m" } else { "" })).collect::<Vec<_>>().join(" ")
}

#[test]
fn three_new_ties_without_a_positions_file_move_the_median_node_little_and_never_mirror_the_picture() {
    // Issue 22 asks that adding three ties move the median node under 5% of the diagonal,
    // for a fresh layout: held here for the edit of the test above; of the ten seeded
    // edits, at most one reaches 5% and the median of all eleven stays under 4%; none is
    // mirrored. Measured on this layout: 4.4% for the test's edit, median 3.7%, seed 6 at
    // 5.9% (it was 4.7% before the layout was turned onto its hub axis, export/orient.rs,
    // which took the fifty seeded edits of the test below from 12 at 5% or more to 8).
    // Before the layout tried three starts and kept the one of least stress
    // (export/layout.rs), seed 6 moved it 8.1% (its single start fell into another local
    // minimum), and seed 7 had come out mirrored before the layout fixed which way each
    // axis points.
    let model = relgraph::io::ron::load(graph().as_ref()).unwrap();
    let own = [("italy", "canada", "cooperates_with"), ("letta", "kishida", "meets"), ("tepco", "g7", "supports")];
    let mut edits = vec![own.iter().map(|(a, b, k)| ((*a).to_owned(), (*b).to_owned(), *k)).collect::<Vec<_>>()];
    edits.extend((1..=10).map(|seed| three_ties(&model, seed)));
    let moved = edits_moved(&edits);
    assert!(moved[0].0 < 0.05, "the test's edit moved the median node {:.1}% of the diagonal", moved[0].0 * 100.0);
    let far = moved[1..].iter().filter(|m| m.0 >= 0.05).count();
    assert!(far <= 1, "{far} of ten seeded edits moved the median node 5% or more: {}", percent(&moved));
    let typical = median(moved.iter().map(|m| m.0).collect());
    assert!(typical < 0.04, "the median edit moved the median node {:.1}%: {}", typical * 100.0, percent(&moved));
    assert!(moved.iter().all(|m| !m.1), "mirrored pictures (m): {}", percent(&moved));
}

/// Fifty seeded edits (a few minutes in a debug build): prints the median, the worst, how
/// many move the median node 5% of the diagonal or more and how many come out mirrored
/// (BENCHMARKS.md). Run with `cargo test --release --test main figure::fifty -- --ignored
/// --nocapture`.
#[test]
#[ignore = "slow: fifty fresh layouts of the shipped model"]
fn fifty_seeded_edits_of_three_ties() {
    let model = relgraph::io::ron::load(graph().as_ref()).unwrap();
    let edits: Vec<_> = (1..=50).map(|seed| three_ties(&model, seed)).collect();
    let moved = edits_moved(&edits);
    let shares: Vec<f64> = moved.iter().map(|m| m.0).collect();
    let far = shares.iter().filter(|&&s| s >= 0.05).count();
    let mirrored = moved.iter().filter(|m| m.1).count();
    println!(
        "50 seeded edits: median {:.1}%, worst {:.1}%, {far} at 5% or more, {mirrored} mirrored\n{}",
        median(shares.clone()) * 100.0,
        shares.iter().copied().fold(0.0, f64::max) * 100.0,
        percent(&moved)
    );
    // Measured on this layout: 8 at 5% or more, none mirrored; before the layout was
    // turned onto its hub axis (export/orient.rs), 12 (five of them turned by 14° to 64°);
    // before the three starts, 12 and one mirrored (seed 17).
    assert_eq!(mirrored, 0, "{}", percent(&moved));
    assert!(far <= 8, "{far} edits moved the median node 5% or more: {}", percent(&moved));
}
