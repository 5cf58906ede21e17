//! Node shapes and text as SVG: the box a shape needs around its label, the outline of
//! each shape, label lines as `<tspan>`s, and text measured with the bundled font
//! ([`super::font`]). Shared by the built-in renderer's nodes and its legend.

use std::fmt::Write as _;

use super::escape::xml_text;
use super::font;
use super::geometry::Point;
use super::theme::Shape;
use crate::model::NodeKind;

/// Width and height in pixels of `text` (lines separated by `\n`) at `size`, measured with
/// the bundled font's metrics ([`super::font`]).
pub(crate) fn text_size(text: &str, size: f64) -> Point {
    let lines: Vec<&str> = text.split('\n').collect();
    let width = lines.iter().map(|l| font::text_width(l, size, false)).fold(0.0, f64::max);
    Point { x: width, y: lines.len() as f64 * size * LINE_HEIGHT }
}

/// Line spacing in ems; a line's box runs from 0.95 em above its baseline to 0.25 em below.
pub(crate) const LINE_HEIGHT: f64 = 1.2;

/// A node's box (outer size) for its shape around text of size `t`.
pub(crate) fn box_size(shape: Shape, t: Point, font: f64) -> Point {
    let (px, py) = (font * 0.9, font * 0.45);
    match shape {
        Shape::Box | Shape::Rounded | Shape::Note => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py },
        Shape::Parallelogram => Point { x: t.x + 2.0 * px + t.y, y: t.y + 2.0 * py },
        Shape::Ellipse => Point { x: t.x * 1.2 + 2.0 * px, y: t.y * 1.3 + 2.0 * py },
        Shape::Hexagon | Shape::Octagon => Point { x: t.x + 2.0 * px + t.y * 0.8, y: t.y + 3.0 * py },
        Shape::Diamond => Point { x: t.x * 1.5 + 2.0 * px, y: t.y * 1.7 + 2.0 * py },
        Shape::House => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py + font },
        Shape::Cylinder => Point { x: t.x + 2.0 * px, y: t.y + 2.0 * py + font * 0.8 },
    }
}

pub(crate) fn kind_label(kind: NodeKind) -> &'static str {
    kind.as_str()
}

pub(crate) fn legend_text(s: &mut String, x: f64, y: f64, font: f64, text: &str) {
    let _ = writeln!(
        s,
        r##"<text x="{x:.1}" y="{:.1}" font-size="{font:.1}" fill="#222222">{}</text>"##,
        y + font * 0.35,
        xml_text(text)
    );
}

/// `<tspan>` lines centred vertically on `p`.
pub(crate) fn write_lines(s: &mut String, text: &str, p: Point, size: f64) {
    let lines: Vec<&str> = text.split('\n').collect();
    let step = size * LINE_HEIGHT;
    let first = p.y - step * (lines.len() as f64 - 1.0) / 2.0 + size * 0.35;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(s, r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#, p.x, first + step * i as f64, xml_text(line));
    }
}

/// The outline of `shape` centred on `c` with half-size `h`.
pub(crate) fn shape_svg(s: &mut String, shape: Shape, c: Point, h: Point, paint: &str) {
    let poly = |s: &mut String, pts: &[(f64, f64)]| {
        let pts: Vec<String> = pts.iter().map(|(x, y)| format!("{:.1},{:.1}", c.x + x, c.y + y)).collect();
        let _ = write!(s, r#"<polygon points="{}"{paint}/>"#, pts.join(" "));
    };
    let (w, v) = (h.x, h.y);
    match shape {
        Shape::Box => {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"{paint}/>"#,
                c.x - w,
                c.y - v,
                2.0 * w,
                2.0 * v
            );
        }
        Shape::Rounded => {
            let r = v.min(8.0);
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{r:.1}"{paint}/>"#,
                c.x - w,
                c.y - v,
                2.0 * w,
                2.0 * v
            );
        }
        Shape::Ellipse => {
            let _ = write!(s, r#"<ellipse cx="{:.1}" cy="{:.1}" rx="{w:.1}" ry="{v:.1}"{paint}/>"#, c.x, c.y);
        }
        Shape::Hexagon => {
            let k = v.min(w * 0.3);
            poly(s, &[(-w, 0.0), (-w + k, -v), (w - k, -v), (w, 0.0), (w - k, v), (-w + k, v)]);
        }
        Shape::Octagon => {
            let k = (v * 0.6).min(w * 0.3);
            poly(
                s,
                &[
                    (-w + k, -v),
                    (w - k, -v),
                    (w, -v + k),
                    (w, v - k),
                    (w - k, v),
                    (-w + k, v),
                    (-w, v - k),
                    (-w, -v + k),
                ],
            );
        }
        Shape::Diamond => poly(s, &[(0.0, -v), (w, 0.0), (0.0, v), (-w, 0.0)]),
        Shape::Parallelogram => {
            let k = v.min(w * 0.3);
            poly(s, &[(-w + k, -v), (w, -v), (w - k, v), (-w, v)]);
        }
        Shape::Note => {
            let k = v.min(w).min(9.0);
            poly(s, &[(-w, -v), (w - k, -v), (w, -v + k), (w, v), (-w, v)]);
            let _ = write!(
                s,
                r#"<polyline points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="none"{}/>"#,
                c.x + w - k,
                c.y - v,
                c.x + w - k,
                c.y - v + k,
                c.x + w,
                c.y - v + k,
                paint.replace(" fill=", " data-fill=")
            );
        }
        Shape::House => {
            let r = (v * 0.7).min(w * 0.6);
            poly(s, &[(-w, v), (-w, -v + r), (0.0, -v), (w, -v + r), (w, v)]);
        }
        Shape::Cylinder => {
            let e = (v * 0.25).min(6.0);
            let _ = write!(
                s,
                r#"<path d="M{x0:.1},{t:.1} A{w:.1},{e:.1} 0 0 1 {x1:.1},{t:.1} L{x1:.1},{b:.1} A{w:.1},{e:.1} 0 0 1 {x0:.1},{b:.1} Z M{x0:.1},{t:.1} A{w:.1},{e:.1} 0 0 0 {x1:.1},{t:.1}"{paint}/>"#,
                x0 = c.x - w,
                x1 = c.x + w,
                t = c.y - v + e,
                b = c.y + v - e,
            );
        }
    }
}
