//! Structural balance of the shipped Japan–Russia graph: how many triangles of cooperative
//! and conflictual ties are balanced (Heider: a friend of a friend is a friend, an enemy of
//! an enemy is a friend), which are not, and whether the signed network splits into two
//! camps (Cartwright & Harary).
//!
//! Run with `cargo run --example balance`.

use std::error::Error;
use std::path::Path;

use relgraph::analysis::balance;

fn main() -> Result<(), Box<dyn Error>> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/japan_russia_2014.ron");
    let model = relgraph::io::ron::load(&file)?;
    let graph = model.graph();
    let name = |i: petgraph::graph::NodeIndex| graph[i].name.as_str();

    let census = balance::triangles(&model);
    match census.share_balanced {
        Some(share) => println!(
            "{} signed triangles: {} balanced ({:.1}%), {} unbalanced",
            census.triangles,
            census.balanced,
            share * 100.0,
            census.unbalanced.len()
        ),
        None => println!("no triangle of cooperative or conflictual ties"),
    }
    for triangle in &census.unbalanced {
        let [a, b, c] = triangle.nodes;
        let signs: Vec<String> = triangle
            .ties
            .iter()
            .map(|t| format!("{} {} {}", name(t.a), if t.sign > 0 { "+" } else { "−" }, name(t.b)))
            .collect();
        println!("  unbalanced: {} · {} · {}  ({})", name(a), name(b), name(c), signs.join(", "));
    }
    println!("{} pair(s) are both cooperative and conflictual, and left out", census.ambivalent.len());

    let split = balance::bipartition(&model);
    if split.balanced {
        println!("the signed network splits cleanly into two camps");
    } else {
        println!("no clean split: {} tie(s) stand in the way", split.frustrated.len());
    }
    for (i, camp) in split.camps.iter().enumerate() {
        let names: Vec<&str> = camp.iter().map(|&n| name(n)).collect();
        println!("  camp {}: {}", i + 1, names.join(", "));
    }
    Ok(())
}
