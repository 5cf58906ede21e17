//! Small multiples: several built-in drawings of one model (one per date, say) set side by
//! side in one SVG, each a `<g class="panel">` headed by its title, in rows of `columns`.
//!
//! The panels are drawn by the caller at the same node positions (see `export::pin`) and
//! each tells where the layout's origin landed in it; this file shifts every panel's drawing
//! so that the origins coincide, so every node sits at the same place relative to its
//! panel, and lays the panels out. Each panel keeps its drawing as it is (nodes stay
//! `<g class="node KIND">` with a `<title>`); the marker definitions, the same in every panel
//! drawn with one theme, are kept once.

use std::fmt::Write as _;

use super::escape::xml_text;

/// Space between panels, in pixels.
const GAP: f64 = 24.0;
/// Height of a panel's heading.
const HEADING: f64 = 28.0;

/// One panel: its heading and the SVG document drawn for it.
#[derive(Debug, Clone)]
pub struct Panel {
    /// The heading, e.g. the date the panel shows.
    pub title: String,
    /// A complete SVG document from the built-in renderer.
    pub svg: String,
    /// Where the layout's origin lies in `svg` (see `svg::builtin_framed`).
    pub origin: (f64, f64),
}

/// Width, height and inner markup (between `<svg …>` and `</svg>`) of an SVG document.
fn parts(svg: &str) -> Option<(f64, f64, &str)> {
    let open = svg.find("<svg")?;
    let head_end = open + svg[open..].find('>')?;
    let head = &svg[open..head_end];
    let attribute = |name: &str| -> Option<f64> {
        let at = head.find(&format!(" {name}=\""))? + name.len() + 3;
        head[at..].split('"').next()?.parse().ok()
    };
    let close = svg.rfind("</svg>")?;
    Some((attribute("width")?, attribute("height")?, svg.get(head_end + 1..close)?))
}

/// Sets `panels` in rows of `columns` (at least 1) under `title`, as one SVG document.
/// Panels that are not SVG documents are left out.
pub fn compose(panels: &[Panel], columns: usize, title: &str) -> String {
    let columns = columns.max(1);
    let parsed: Vec<(&Panel, f64, f64, &str)> =
        panels.iter().filter_map(|p| parts(&p.svg).map(|(w, h, inner)| (p, w, h, inner))).collect();
    // Each drawing moves right and down by what its origin lacks of the largest.
    let ox = parsed.iter().map(|p| p.0.origin.0).fold(f64::NEG_INFINITY, f64::max);
    let oy = parsed.iter().map(|p| p.0.origin.1).fold(f64::NEG_INFINITY, f64::max);
    let shift = |p: &Panel| (ox - p.origin.0, oy - p.origin.1);
    let cell_w = parsed.iter().map(|p| p.1 + shift(p.0).0).fold(0.0, f64::max);
    let cell_h = parsed.iter().map(|p| p.2 + shift(p.0).1).fold(0.0, f64::max) + HEADING;
    let rows = parsed.len().div_ceil(columns);
    let top = if title.is_empty() { 0.0 } else { 40.0 };
    let width = GAP + columns.min(parsed.len().max(1)) as f64 * (cell_w + GAP);
    let height = top + GAP + rows as f64 * (cell_h + GAP);
    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{:.0}" height="{:.0}" viewBox="0 0 {width:.1} {height:.1}" font-family="DejaVu Sans, Verdana, sans-serif">"#,
        width.ceil(),
        height.ceil()
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    if !title.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{GAP:.1}" y="30.0" font-size="20.0" font-weight="bold">{}</text>"#,
            xml_text(title)
        );
    }
    let mut defs_written = false;
    for (k, (panel, _, _, inner)) in parsed.iter().enumerate() {
        let (row, column) = (k / columns, k % columns);
        let x = GAP + column as f64 * (cell_w + GAP);
        let y = top + GAP + row as f64 * (cell_h + GAP);
        let mut inner: String = (*inner).to_owned();
        if let (Some(a), Some(b)) = (inner.find("<defs>"), inner.find("</defs>")) {
            if defs_written {
                inner.replace_range(a..b + "</defs>".len(), "");
            }
            defs_written = true;
        }
        let _ = writeln!(s, r#"<g class="panel" transform="translate({x:.1},{y:.1})">"#);
        let _ = writeln!(s, "<title>{}</title>", xml_text(&panel.title));
        let _ = writeln!(
            s,
            r#"<text class="panel-title" x="0.0" y="20.0" font-size="18.0" font-weight="bold">{}</text>"#,
            xml_text(&panel.title)
        );
        let (dx, dy) = shift(panel);
        let _ = writeln!(s, r#"<g transform="translate({dx:.1},{:.1})">{inner}</g>"#, HEADING + dy);
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(w: u32, h: u32, body: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><defs><marker id=\"m\"/></defs>{body}</svg>\n")
    }

    #[test]
    fn panels_sit_in_rows_of_the_given_columns_with_one_set_of_markers() {
        let panels: Vec<Panel> = (0..3)
            .map(|i| Panel {
                title: format!("20{i}"),
                svg: doc(100, 50, &format!("<g class=\"node country\"><title>n{i}</title></g>")),
                origin: (10.0, 10.0 + i as f64),
            })
            .collect();
        let svg = compose(&panels, 2, "");
        assert_eq!(svg.matches("<g class=\"panel\"").count(), 3);
        assert_eq!(svg.matches("<marker id=\"m\"/>").count(), 1);
        assert!(svg.contains("translate(24.0,24.0)") && svg.contains("translate(148.0,24.0)"));
        // The third panel's origin is lowest: the first is moved down by 2, the second by 1.
        assert!(svg.contains(&format!("translate(24.0,{:.1})", 24.0 + 52.0 + HEADING + GAP)));
        assert!(svg.contains(&format!("translate(0.0,{:.1})", HEADING + 2.0)));
        assert!(svg.contains(&format!("translate(0.0,{:.1})", HEADING + 1.0)));
        assert!(svg.contains(&format!("translate(0.0,{:.1})", HEADING)));
        assert!(svg.contains("<title>n2</title>"));
        let mut reader = quick_xml::Reader::from_str(&svg);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
    }
}
