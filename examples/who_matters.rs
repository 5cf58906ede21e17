//! Who matters, before and after Crimea: betweenness centrality of the shipped graph as it
//! stood on 2014-02-28 and on 2014-07-31 (`Model::at` keeps what was in force then), with
//! the top five of the later date and how far each moved.
//!
//! Run with `cargo run --example who_matters`.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::Path;

use relgraph::analysis::centrality::{self, CentralityOptions, Measure};
use relgraph::analysis::{GraphView, ViewOptions};
use relgraph::{Model, PartialDate};

/// Rank (1-based) and score of every node, by betweenness on the model as it stood `at`.
fn ranking(model: &Model, at: &PartialDate) -> Result<BTreeMap<String, (usize, f64)>, Box<dyn Error>> {
    let then = model.at(at);
    let view = GraphView::new(&then, &ViewOptions::undirected());
    let scores = centrality::compute(&view, Measure::Betweenness, &CentralityOptions::default())?;
    Ok(scores.ranked(&then).into_iter().enumerate().map(|(i, (id, score))| (id.to_owned(), (i + 1, score))).collect())
}

fn main() -> Result<(), Box<dyn Error>> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
    let model = relgraph::io::ron::load(&file)?;
    let (before, after): (PartialDate, PartialDate) = ("2014-02-28".parse()?, "2014-07-31".parse()?);
    let ranks_before = ranking(&model, &before)?;
    let ranks_after = ranking(&model, &after)?;

    let mut top: Vec<(&String, &(usize, f64))> = ranks_after.iter().collect();
    top.sort_by_key(|(_, (rank, _))| *rank);
    println!("Betweenness, top 5 on {after} (rank on {before} → now)");
    for (id, &(rank, score)) in top.into_iter().take(5) {
        let name = model.node(id).map_or(id.as_str(), |n| n.name.as_str());
        let moved = match ranks_before.get(id) {
            Some(&(was, _)) if was > rank => format!("▲{} (was {was})", was - rank),
            Some(&(was, _)) if was < rank => format!("▼{} (was {was})", rank - was),
            Some(_) => "=".to_owned(),
            None => "new".to_owned(),
        };
        println!("{rank:>2}. {score:.4}  {moved:<12} {name}");
    }
    Ok(())
}
