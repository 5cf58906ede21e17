//! Influence paths: the five strongest chains of ties from Canada to the Kuril Islands
//! dispute in the shipped Japan–Russia graph (a path's strength is the product of its ties'
//! weights, Yen's k best loopless paths), printed as `Canada —opposes→ Russia …`.
//!
//! Run with `cargo run --example influence_paths`.

use std::error::Error;
use std::path::Path;

use relgraph::analysis::path::{self, PathMode, PathQuery};
use relgraph::analysis::{GraphView, ViewOptions};
use relgraph::model::Lookup;
use relgraph::Model;

fn find(model: &Model, name: &str) -> Result<petgraph::graph::NodeIndex, String> {
    match model.lookup(name) {
        Lookup::Found(index) => Ok(index),
        other => Err(format!("cannot find `{name}`: {other:?}")),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
    let model = relgraph::io::ron::load(&file)?;
    let view = GraphView::new(&model, &ViewOptions::undirected());
    let (from, to) = (find(&model, "Canada")?, find(&model, "Kuril Islands dispute")?);

    let query = PathQuery::new(PathMode::Strongest);
    let paths = path::k_shortest_paths(&model, &view, from, to, 5, &query)?;

    let graph = model.graph();
    println!("Strongest influence paths from {} to {}:", graph[from].name, graph[to].name);
    for (rank, found) in paths.iter().enumerate() {
        let mut chain = graph[found.nodes[0]].name.clone();
        for (step, &edge) in found.edges.iter().enumerate() {
            let tie = &graph[edge];
            let next = found.nodes[step + 1];
            let forward = graph.edge_endpoints(edge).is_some_and(|(tail, _)| tail == found.nodes[step]);
            let arrow = if forward || tie.kind.is_symmetric() {
                format!(" —{}→ ", tie.kind.label())
            } else {
                format!(" ←{}— ", tie.kind.label())
            };
            chain.push_str(&arrow);
            chain.push_str(&graph[next].name);
        }
        println!("{:>2}. strength {:.3}: {chain}", rank + 1, found.cost);
    }
    Ok(())
}
