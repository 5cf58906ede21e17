//! The bundled font, DejaVu Sans (`assets/fonts/`, with its licence), and text measurement
//! from its metrics.
//!
//! The built-in renderer sizes node boxes and edge labels with [`text_width`], which reads
//! the advance widths of the same font that [`super::raster`] embeds into PNG and PDF, so a
//! box measured here is the box drawn there, on every machine. Characters the font lacks
//! (CJK, for example) are estimated at one em (wide scripts) or 0.6 em. Kerning is ignored,
//! which only ever makes the measured width a little larger than the drawn one.

use std::sync::OnceLock;

use ttf_parser::Face;

/// DejaVu Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name of the bundled font.
pub const FAMILY: &str = "DejaVu Sans";

/// Advance widths in ems for the first 0x2500 code points, and the face for the rest.
struct Metrics {
    face: Option<Face<'static>>,
    units: f64,
    table: Vec<f32>,
}

const TABLE: usize = 0x2500;

impl Metrics {
    fn new(data: &'static [u8]) -> Self {
        let face = Face::parse(data, 0).ok();
        let units = face.as_ref().map_or(1000.0, |f| f64::from(f.units_per_em().max(1)));
        let mut metrics = Metrics { face, units, table: Vec::new() };
        metrics.table =
            (0..TABLE as u32).map(|c| char::from_u32(c).map_or(0.6, |c| metrics.lookup(c)) as f32).collect();
        metrics
    }

    fn lookup(&self, c: char) -> f64 {
        let advance = self
            .face
            .as_ref()
            .and_then(|f| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)))
            .map(|a| f64::from(a) / self.units);
        advance.unwrap_or_else(|| fallback(c))
    }

    fn em(&self, c: char) -> f64 {
        match self.table.get(c as usize) {
            Some(&w) => f64::from(w),
            None => self.lookup(c),
        }
    }
}

/// Width in ems of a character the font does not have.
fn fallback(c: char) -> f64 {
    match c as u32 {
        0..=0x1F => 0.0,
        // CJK, Hangul, kana, full-width forms and emoji are about one em wide.
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0x1F000..=0x1FAFF
        | 0x20000..=0x3FFFD => 1.0,
        _ => 0.6,
    }
}

fn metrics(bold: bool) -> &'static Metrics {
    static REGULAR_METRICS: OnceLock<Metrics> = OnceLock::new();
    static BOLD_METRICS: OnceLock<Metrics> = OnceLock::new();
    if bold {
        BOLD_METRICS.get_or_init(|| Metrics::new(BOLD))
    } else {
        REGULAR_METRICS.get_or_init(|| Metrics::new(REGULAR))
    }
}

/// Whether the bundled font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    metrics(false).face.as_ref().is_some_and(|f| f.glyph_index(c).is_some())
}

/// Width in pixels of one line of `text` at font `size` (pixels per em).
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let m = metrics(bold);
    text.chars().map(|c| m.em(c)).sum::<f64>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_parses_and_measures() {
        assert!(Face::parse(REGULAR, 0).is_ok());
        assert!(Face::parse(BOLD, 0).is_ok());
        let w = text_width("Japan", 10.0, false);
        assert!(w > 25.0 && w < 40.0, "{w}");
        assert!(text_width("Japan", 10.0, true) > w);
        assert!(text_width("北方領土", 10.0, false) >= 40.0);
        assert_eq!(text_width("", 10.0, false), 0.0);
    }
}
