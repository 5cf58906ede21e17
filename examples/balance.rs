//! Structural balance before and after Crimea: for the countries, leaders and organisations
//! of the shipped model as they stood on 2013-12-31 and on 2014-07-31, how many triangles of
//! cooperative and conflictual ties are balanced (Heider: a friend of a friend is a friend, an
//! enemy of an enemy is a friend) and whether the network splits into two camps (Cartwright &
//! Harary), printed as `relgraph balance` prints it.
//!
//! Run with `cargo run --example balance`.

use relgraph::{Model, NodeKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    let actors = [NodeKind::Country, NodeKind::Leader, NodeKind::Organization];
    for date in ["2013-12-31", "2014-07-31"] {
        println!("## {date}\n");
        print!("{}", model.view().at(date.parse()?).nodes_of(actors).balance()?);
        println!();
    }
    Ok(())
}
