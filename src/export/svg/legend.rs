//! The built-in renderer's legend: one row per node kind, polarity and styled edge kind
//! drawn, and the note on labels left out, in a box under the drawing.

use std::fmt::Write as _;

use super::Drawing;
use crate::export::geometry::Point;
use crate::export::shape::{kind_label, legend_text, shape_svg, text_size, LINE_HEIGHT};
use crate::export::theme::LineStyle;

impl Drawing<'_> {
    pub(super) fn legend_rows(&self) -> usize {
        self.scene.kinds.len() + self.scene.polarities.len() + self.scene.styled_kinds.len()
    }

    /// The note under the legend about labels left out, one entry per line.
    pub(super) fn note(&self) -> Vec<String> {
        if self.dropped == 0 {
            return Vec::new();
        }
        let labels = if self.dropped == 1 { "edge label" } else { "edge labels" };
        vec![
            format!("{} {labels} left out", self.dropped),
            "for room, fewest ties first;".to_owned(),
            "every tie is in its edge's tooltip".to_owned(),
        ]
    }

    pub(super) fn legend_size(&self) -> Point {
        let font = self.theme.font_size * 0.9;
        let longest = self
            .scene
            .kinds
            .iter()
            .map(|k| k.as_str().to_owned())
            .chain(self.scene.polarities.iter().map(|p| p.as_str().to_owned()))
            .chain(self.scene.styled_kinds.iter().map(|(k, _)| k.label()))
            .map(|t| text_size(&t, font).x + 60.0)
            .chain(self.note().iter().map(|t| text_size(t, font).x + 10.0))
            .fold(0.0, f64::max);
        let rows = self.legend_rows() as f64;
        let note = self.note().len() as f64 * font * LINE_HEIGHT;
        Point { x: longest + 24.0, y: 30.0 + rows * font * 2.2 + 10.0 + note }
    }
    pub(super) fn write_legend(&self, s: &mut String, origin: Point) {
        let theme = self.theme;
        let font = theme.font_size * 0.9;
        let size = self.legend_size();
        let row = font * 2.2;
        let _ = writeln!(
            s,
            r##"<g class="legend"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{}" stroke="#bbbbbb"/><text x="{:.1}" y="{:.1}" font-weight="bold" font-size="{font:.1}" fill="#222222">Legend</text>"##,
            origin.x,
            origin.y,
            size.x,
            size.y,
            theme.background,
            origin.x + 10.0,
            origin.y + 20.0
        );
        let mut y = origin.y + 30.0 + row / 2.0;
        let label_x = origin.x + 60.0;
        let sample_x = origin.x + 30.0;
        for kind in &self.scene.kinds {
            let style = theme.node(*kind);
            let paint =
                format!(r#" fill="{}" stroke="{}" stroke-width="{:.2}""#, style.fill, style.border, style.border_width);
            shape_svg(s, style.shape, Point { x: sample_x, y }, Point { x: 18.0, y: row * 0.36 }, &paint);
            legend_text(s, label_x, y, font, kind_label(*kind));
            y += row;
        }
        let samples = self
            .scene
            .polarities
            .iter()
            .map(|p| (p.as_str().to_owned(), theme.polarity.get(*p), LineStyle::Solid))
            .chain(self.scene.styled_kinds.iter().map(|(k, l)| (k.label(), theme.polarity.get(k.polarity()), *l)));
        for (label, colour, line) in samples {
            let dash = match line {
                LineStyle::Solid => "",
                LineStyle::Dashed => r#" stroke-dasharray="7,5""#,
                LineStyle::Dotted => r#" stroke-dasharray="2,4""#,
            };
            let _ = write!(
                s,
                r#"<path d="M{:.1},{y:.1} L{:.1},{y:.1}" stroke="{colour}" stroke-width="2.5"{dash}/>"#,
                sample_x - 18.0,
                sample_x + 18.0
            );
            legend_text(s, label_x, y, font, &label);
            y += row;
        }
        let mut y = y - row / 2.0 + font;
        for line in self.note() {
            legend_text(s, origin.x + 10.0, y, font, &line);
            y += font * LINE_HEIGHT;
        }
        s.push_str("</g>\n");
    }
}
