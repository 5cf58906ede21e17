//! The matrix view: the model as an adjacency matrix, which reads better than a node-link
//! drawing for dense models of more than about twenty nodes (Ghoniem, Fekete & Castagliola,
//! *A comparison of the readability of graphs using node-link and matrix-based
//! representations*, InfoVis 2004).
//!
//! Rows and columns are the nodes in one order: each connected component by reverse
//! Cuthill–McKee (breadth-first from a node of least degree, neighbours taken by increasing
//! degree, then the whole order reversed), so that nodes tied to each other sit together
//! and the filled cells gather along the diagonal; components follow each other, largest
//! first. A cell holds every tie between its two nodes, whichever way they run: coloured by
//! polarity (the theme's colours; ties of more than one polarity are drawn half and half),
//! with the number of ties written in it when there is more than one. Row labels on the
//! left, column labels turned upright above, a legend below. Deterministic; O(n² ) cells.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::escape::xml_text;
use super::shape::text_size;
use super::theme::Theme;
use crate::model::{Model, Polarity};

/// Side of one cell, in pixels.
const CELL: f64 = 16.0;
/// Space around the matrix.
const MARGIN: f64 = 20.0;

/// The order of the rows and columns (node indices).
pub fn order(model: &Model) -> Vec<usize> {
    let graph = model.graph();
    let n = graph.node_count();
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a != b {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    for list in &mut adjacency {
        list.sort_unstable();
        list.dedup();
    }
    let degree: Vec<usize> = adjacency.iter().map(Vec::len).collect();
    let mut seen = vec![false; n];
    let mut components: Vec<Vec<usize>> = Vec::new();
    let mut by_degree: Vec<usize> = (0..n).collect();
    by_degree.sort_by_key(|&i| (degree[i], i));
    for &start in &by_degree {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut order = vec![start];
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let mut next: Vec<usize> = adjacency[v].iter().copied().filter(|&w| !seen[w]).collect();
            next.sort_by_key(|&w| (degree[w], w));
            for w in next {
                seen[w] = true;
                order.push(w);
            }
        }
        order.reverse();
        components.push(order);
    }
    components.sort_by_key(|c| std::cmp::Reverse(c.len()));
    components.concat()
}

/// The matrix of `model` as an SVG document.
pub fn render(model: &Model, theme: &Theme) -> String {
    let graph = model.graph();
    let order = order(model);
    let position: BTreeMap<usize, usize> = order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // Ties per unordered pair, by polarity.
    let mut cells: BTreeMap<(usize, usize), [usize; 3]> = BTreeMap::new();
    for e in graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        let slot = match e.weight().polarity() {
            Polarity::Cooperative => 0,
            Polarity::Conflictual => 1,
            _ => 2,
        };
        cells.entry((a.min(b), a.max(b))).or_insert([0; 3])[slot] += 1;
    }
    let font = theme.font_size;
    let label = |i: usize| graph[petgraph::graph::NodeIndex::new(i)].name.clone();
    let widest = order.iter().map(|&i| text_size(&label(i), font).x).fold(0.0, f64::max);
    let n = order.len() as f64;
    let (left, top) = (MARGIN + widest + 6.0, MARGIN + 40.0 + widest + 6.0);
    let legend_h = 30.0;
    let width = left + n * CELL + MARGIN;
    let height = top + n * CELL + MARGIN + legend_h;
    let colours = [
        theme.polarity.get(Polarity::Cooperative).to_owned(),
        theme.polarity.get(Polarity::Conflictual).to_owned(),
        theme.polarity.get(Polarity::Neutral).to_owned(),
    ];
    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{:.0}" height="{:.0}" viewBox="0 0 {width:.1} {height:.1}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="{font:.1}">"#,
        width.ceil(),
        height.ceil()
    );
    let _ = writeln!(s, "<title>{}</title>", xml_text(&model.title));
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="{}"/>"#, xml_text(&theme.background));
    let _ = writeln!(
        s,
        r#"<text x="{MARGIN:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold">{}</text>"#,
        MARGIN + 16.0,
        font * 1.4,
        xml_text(&model.title)
    );
    // Grid and labels.
    s.push_str("<g class=\"labels\">\n");
    for (k, &i) in order.iter().enumerate() {
        let y = top + k as f64 * CELL + CELL * 0.7;
        let x = left + k as f64 * CELL + CELL * 0.7;
        let name = xml_text(&label(i));
        let _ = writeln!(s, r#"<text class="row" x="{:.1}" y="{y:.1}" text-anchor="end">{name}</text>"#, left - 4.0);
        let _ = writeln!(
            s,
            r#"<text class="column" transform="translate({x:.1},{:.1}) rotate(-90)" text-anchor="start">{name}</text>"#,
            top - 4.0
        );
    }
    s.push_str("</g>\n<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"0.5\">\n");
    for k in 0..=order.len() {
        let d = k as f64 * CELL;
        let _ = writeln!(
            s,
            r#"<line x1="{left:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            top + d,
            left + n * CELL,
            top + d
        );
        let _ = writeln!(
            s,
            r#"<line x1="{:.1}" y1="{top:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            left + d,
            left + d,
            top + n * CELL
        );
    }
    s.push_str("</g>\n<g class=\"cells\">\n");
    for (&(a, b), counts) in &cells {
        let (Some(&pa), Some(&pb)) = (position.get(&a), position.get(&b)) else { continue };
        let total: usize = counts.iter().sum();
        let present: Vec<usize> = (0..3).filter(|&p| counts[p] > 0).collect();
        let tip = format!(
            "{} – {}: {} cooperative, {} conflictual, {} neutral",
            label(a),
            label(b),
            counts[0],
            counts[1],
            counts[2]
        );
        for (row, column) in [(pa, pb), (pb, pa)] {
            let (x, y) = (left + column as f64 * CELL, top + row as f64 * CELL);
            let _ = write!(s, r#"<g class="cell"><title>{}</title>"#, xml_text(&tip));
            let share = CELL / present.len() as f64;
            for (k, &p) in present.iter().enumerate() {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{y:.1}" width="{share:.1}" height="{CELL:.1}" fill="{}"/>"#,
                    x + k as f64 * share,
                    xml_text(&colours[p])
                );
            }
            if total > 1 {
                let _ = write!(
                    s,
                    r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{:.1}" fill="#ffffff">{total}</text>"##,
                    x + CELL / 2.0,
                    y + CELL * 0.72,
                    font * 0.8
                );
            }
            s.push_str("</g>\n");
        }
    }
    s.push_str("</g>\n<g class=\"legend\">\n");
    let y = top + n * CELL + MARGIN;
    for (k, (name, colour)) in ["cooperative", "conflictual", "neutral"].iter().zip(&colours).enumerate() {
        let x = MARGIN + k as f64 * 120.0;
        let _ = writeln!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{CELL:.1}" height="{CELL:.1}" fill="{}"/><text x="{:.1}" y="{:.1}">{name}</text>"#,
            xml_text(colour),
            x + CELL + 4.0,
            y + CELL * 0.75
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}">number: ties between the pair</text>"#,
        MARGIN + 360.0,
        y + CELL * 0.75
    );
    s.push_str("</g>\n</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Node, NodeKind};

    #[test]
    fn reverse_cuthill_mckee_puts_a_path_in_path_order() {
        let mut model = Model::new("path");
        for id in ["c", "a", "d", "b"] {
            model.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        for (a, b) in [("a", "b"), ("b", "c"), ("c", "d")] {
            model.add_edge(Edge::new(a, b, EdgeKind::Meets)).unwrap();
        }
        let ids: Vec<&str> =
            order(&model).into_iter().map(|i| model.graph()[petgraph::graph::NodeIndex::new(i)].id.as_str()).collect();
        // From `a` (degree 1, lower index than `d`), reversed.
        assert_eq!(ids, ["d", "c", "b", "a"]);
    }
}
