//! Influence paths from each G7 member to Russia, as a table: for every member country of
//! the G7 in the shipped model, its strongest influence channel to Russia (strength, support
//! or pressure, and through whom), read with the built-in influence profile.
//!
//! Run with `cargo run --example g7_influence`.

use relgraph::api::Table;
use relgraph::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = Model::load(concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/japan_russia_2014.ron").as_ref())?;
    let g7 = model.node("G7")?.id.clone();
    let members: Vec<String> =
        model.edges().filter(|e| e.to == g7 && e.kind.as_str() == "member_of").map(|e| e.from.clone()).collect();

    let mut table = Table::new(&["member", "strength", "sign", "strongest channel to Russia"]).right_align(1);
    for member in &members {
        let paths = model.paths(member, "Russia").strongest().find()?;
        let (Some(best), Some(chain)) = (paths.signed.first(), paths.chains.first()) else {
            table.row(vec![model.node(member)?.name.clone(), "—".into(), "—".into(), "no channel".into()]);
            continue;
        };
        table.row(vec![
            model.node(member)?.name.clone(),
            format!("{:.4}", best.strength()),
            best.sign.to_string(),
            chain.clone(),
        ]);
    }
    print!("{}", table.render());
    Ok(())
}
