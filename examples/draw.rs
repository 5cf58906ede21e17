//! Draws the shipped Japan–Russia model with the built-in renderer (no Graphviz needed)
//! and writes `japan_russia_2014.svg`: the library's export API in a dozen lines.

use relgraph::export::{svg, DotOptions, Theme};

fn main() -> Result<(), relgraph::Error> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
    let model = relgraph::io::ron::load(&path)?;
    let options = DotOptions::new().with_cluster_by_country(true);
    let picture = svg::render_builtin(&model, &options, &Theme::default());
    relgraph::io::atomic::write(std::path::Path::new("japan_russia_2014.svg"), picture.as_bytes())?;
    println!("wrote japan_russia_2014.svg ({} nodes, {} edges)", model.node_count(), model.edge_count());
    Ok(())
}
