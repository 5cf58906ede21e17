//! PNG and PDF from SVG: resvg rasterises, svg2pdf converts, both with the bundled font
//! ([`super::font`]) as the only font, so the text looks the same on every machine.
//!
//! Every family the SVG names that is not DejaVu Sans (`Helvetica`, `sans-serif`, …) falls
//! back to the bundled font. DejaVu Sans covers Latin, Greek, Cyrillic, Arabic, Hebrew and
//! more, but not Chinese, Japanese or Korean: only when the SVG holds characters it lacks are
//! the system's fonts loaded as well, for those characters alone (their look then depends on
//! the machine; without such a font they are left blank). The input is the built-in
//! renderer's SVG, but any SVG works.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg;

use super::font;
use super::ExportError;

/// Largest PNG side, in pixels (a 16k × 16k RGBA image is 1 GiB).
pub const MAX_PIXELS_SIDE: u32 = 16_384;

/// Parsing options with the bundled font first, and the system's fonts for characters it
/// lacks.
fn options(svg: &str) -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(font::REGULAR.to_vec());
    db.load_font_data(font::BOLD.to_vec());
    if svg.chars().any(|c| !c.is_control() && !font::has_glyph(c)) {
        db.load_system_fonts();
    }
    for set in [
        usvg::fontdb::Database::set_sans_serif_family,
        usvg::fontdb::Database::set_serif_family,
        usvg::fontdb::Database::set_monospace_family,
        usvg::fontdb::Database::set_cursive_family,
        usvg::fontdb::Database::set_fantasy_family,
    ] {
        set(&mut db, font::FAMILY);
    }
    usvg::Options { font_family: font::FAMILY.to_owned(), fontdb: Arc::new(db), ..usvg::Options::default() }
}

fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    usvg::Tree::from_str(svg, &options(svg)).map_err(|e| ExportError::Raster { message: e.to_string() })
}

/// Rasterises `svg` to PNG bytes, `scale` pixels per SVG pixel (1 = the SVG's own size;
/// 2 for a sharp picture on high-density screens and in print). The scale is reduced when a
/// side would exceed [`MAX_PIXELS_SIDE`].
pub fn to_png(svg: &str, scale: f64) -> Result<Vec<u8>, ExportError> {
    if !scale.is_finite() || scale <= 0.0 {
        return Err(ExportError::Raster { message: format!("scale must be a positive number, not {scale}") });
    }
    let tree = parse(svg)?;
    let size = tree.size();
    let longest = f64::from(size.width().max(size.height())).max(1.0);
    let scale = scale.min(f64::from(MAX_PIXELS_SIDE) / longest) as f32;
    let width = ((size.width() * scale).ceil() as u32).clamp(1, MAX_PIXELS_SIDE);
    let height = ((size.height() * scale).ceil() as u32).clamp(1, MAX_PIXELS_SIDE);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Raster { message: format!("cannot make a {width} × {height} image") })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ExportError::Raster { message: e.to_string() })
}

/// Converts `svg` to a one-page PDF the size of the drawing, with text embedded as text
/// (selectable and searchable) in the bundled font.
pub fn to_pdf(svg: &str) -> Result<Vec<u8>, ExportError> {
    let tree = parse(svg)?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(|e| ExportError::Raster { message: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect x="0" y="0" width="20" height="20" fill="#000000"/><text x="22" y="15" font-family="Helvetica" font-size="12">Aa</text></svg>"##;

    #[test]
    fn png_has_the_scaled_size() {
        let png = to_png(SQUARE, 2.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // IHDR width and height, big-endian, at bytes 16..24.
        assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), 80);
        assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), 40);
    }

    #[test]
    fn pdf_starts_like_a_pdf() {
        let pdf = to_pdf(SQUARE).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(to_png("not svg", 1.0).is_err());
        assert!(to_png(SQUARE, f64::NAN).is_err());
        assert!(to_png(SQUARE, 0.0).is_err());
        assert!(to_pdf("<svg").is_err());
    }
}
