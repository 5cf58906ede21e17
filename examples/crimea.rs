//! Crimea, before and after: draws the shipped model as it stood on 2014-02-28 and on
//! 2014-07-31 (two SVG diagrams by the built-in renderer, clustered by country) and prints
//! what changed between the two dates, as `relgraph diff` does.
//!
//! Run with `cargo run --example crimea [FOLDER]` (default: the current folder).

use std::path::PathBuf;

use relgraph::api::Format;
use relgraph::export::{DotOptions, Theme};
use relgraph::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    let options = DotOptions::new().with_cluster_by_country(true);
    for (date, name) in [("2014-02-28", "before_crimea.svg"), ("2014-07-31", "after_crimea.svg")] {
        let then = model.view().at(date.parse()?);
        let svg = then.export_with(Format::Svg, &options, &Theme::default())?;
        let path = folder.join(name);
        relgraph::io::atomic::write(&path, svg.as_bytes())?;
        println!(
            "wrote {} ({} nodes, {} ties in force on {date})",
            path.display(),
            then.model().node_count(),
            then.model().edge_count()
        );
    }
    println!();
    print!("{}", model.diff("2014-02-28".parse()?, "2014-07-31".parse()?).top(5).run()?);
    Ok(())
}
