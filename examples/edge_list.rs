//! An edge-list analysis: reads Zachary's karate club (tests/fixtures/networkx/karate.tsv,
//! or any edge list given), then prints its components, its brokers and its ten most
//! between nodes, as the `components`, `brokers` and `centrality` commands print them.
//!
//! Run with `cargo run --example edge_list [FILE]`.

use relgraph::analysis::Measure;
use relgraph::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/networkx/karate.tsv").into());
    let network = Model::load(file.as_ref())?;
    let view = network.view();
    let parts = view.components();
    let sizes: Vec<String> = parts.iter().map(|p| p.len().to_string()).collect();
    println!(
        "{} nodes, {} edges; {} component(s) of sizes {}",
        network.node_count(),
        network.edge_count(),
        parts.len(),
        sizes.join(", ")
    );
    println!();
    print!("{}", view.brokers()?);
    println!();
    print!("{}", view.centrality(Measure::Betweenness).top(10).run()?);
    Ok(())
}
