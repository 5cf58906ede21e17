//! A custom theme: starts from the shipped theme (themes/default.ron), makes every
//! conflictual tie black and countries red-bordered, and draws Canada's neighbourhood with it
//! to `canada_custom.svg` (or the path given), by the built-in renderer.
//!
//! Run with `cargo run --example custom_theme [OUT.svg]`.

use relgraph::api::Format;
use relgraph::export::{DotOptions, Theme};
use relgraph::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "canada_custom.svg".into());
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    // A theme is RON text; edit the shipped one and check it parses.
    let text = relgraph::export::theme::DEFAULT_RON
        .replace("conflictual: \"#d55e00\"", "conflictual: \"#000000\"")
        .replace("border: \"#0072b2\", font: \"#08306b\"", "border: \"#c00000\", font: \"#08306b\"");
    let theme = Theme::from_ron_str(&text)?;
    let canada = model.node("Canada")?.id.clone();
    let near: Vec<String> = model
        .edges()
        .filter(|e| e.from == canada || e.to == canada)
        .flat_map(|e| [e.from.clone(), e.to.clone()])
        .collect();
    let around = model.filtered(|n| near.contains(&n.id), |_| true);
    let svg = around.view().export_with(Format::Svg, &DotOptions::new(), &theme)?;
    relgraph::io::atomic::write(out.as_ref(), svg.as_bytes())?;
    println!("wrote {out} ({} nodes, {} edges)", around.node_count(), around.edge_count());
    Ok(())
}
