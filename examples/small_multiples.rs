//! Before and after Crimea as one figure: a panel per date, side by side, every node at the
//! place the whole model's layout gives it, the ties that appeared since the first date drawn
//! bold. Writes the SVG (and a PNG) to the folder given, `docs/` by default.
//!
//! Run with `cargo run --example small_multiples [OUT_DIR]`.

use relgraph::api::figure;
use relgraph::export::{raster, Theme};
use relgraph::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    let out = std::env::args().nth(1).unwrap_or_else(|| "docs".to_owned());
    let dates = ["2013-12-31".parse()?, "2014-07-31".parse()?];
    let svg = figure::small_multiples(&model, &dates, 2, &Theme::default(), &figure::Positions::new());
    let path = std::path::Path::new(&out).join("crimea_small_multiple.svg");
    std::fs::write(&path, &svg)?;
    std::fs::write(path.with_extension("png"), raster::to_png(&svg, 0.5)?)?;
    println!("wrote {}", path.display());
    Ok(())
}
