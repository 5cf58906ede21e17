//! A centrality report: the five nodes that matter most in the shipped model by degree,
//! betweenness and PageRank (each equal to NetworkX's definition), printed as the
//! `relgraph centrality` command prints them, then the same among countries and leaders only.
//!
//! Run with `cargo run --example centrality_report`.

use relgraph::analysis::Measure;
use relgraph::{Model, NodeKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    for measure in [Measure::Degree, Measure::Betweenness, Measure::PageRank] {
        println!("## {measure}");
        print!("{}", model.centrality(measure).top(5).run()?);
        println!();
    }
    println!("## betweenness among countries and leaders");
    let actors = model.view().nodes_of([NodeKind::Country, NodeKind::Leader]);
    print!("{}", actors.centrality(Measure::Betweenness).top(5).run()?);
    Ok(())
}
