//! Builds a small model with the library API — countries, a leader, a dispute; dated,
//! weighted ties with evidence — then checks it the way a file is checked: saves it as RON
//! text, parses that text back (which validates it against the schema), and prints the RON
//! and the two strongest influence paths from Abe to Russia in April 2014.
//!
//! Run with `cargo run --example build_model`.

use std::error::Error;
use std::path::Path;

use relgraph::model::{Evidence, Source};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};

fn main() -> Result<(), Box<dyn Error>> {
    let mut model = Model::new("Japan and Russia, spring 2014");
    model.sources.push(Source {
        id: "miller2014".into(),
        title: "Japan’s “Russian Embrace” Faces Awkward Trajectory".into(),
        author: Some("J. Berkshire Miller".into()),
        date: Some("2014-07".parse()?),
        url: None,
    });

    model.add_node(Node::new("japan", NodeKind::Country, "Japan"))?;
    model.add_node(Node::new("russia", NodeKind::Country, "Russia"))?;
    let mut abe = Node::new("abe", NodeKind::Leader, "Shinzo Abe");
    abe.aliases.push("Abe".into());
    model.add_node(abe)?;
    model.add_node(Node::new("kuril_dispute", NodeKind::Dispute, "Kuril Islands dispute"))?;

    let mut leads = Edge::new("abe", "japan", EdgeKind::Leads);
    leads.since = Some("2012-12-26".parse()?);
    model.add_edge(leads)?;

    let mut talks = Edge::new("japan", "russia", EdgeKind::CooperatesWith);
    talks.since = Some("2013-04".parse()?);
    talks.until = Some("2014-03".parse()?);
    talks.weight = Some(0.6);
    talks.topic = Some("energy and security".into());
    talks.evidence.push(Evidence {
        source: "miller2014".into(),
        quote: "Abe has made a concerted effort to engage Russia".into(),
    });
    model.add_edge(talks)?;

    let mut sanctions = Edge::new("japan", "russia", EdgeKind::Sanctions);
    sanctions.since = Some("2014-03-18".parse()?);
    sanctions.weight = Some(0.4);
    model.add_edge(sanctions)?;

    model.add_edge(Edge::new("japan", "kuril_dispute", EdgeKind::PartyTo))?;
    model.add_edge(Edge::new("russia", "kuril_dispute", EdgeKind::PartyTo))?;

    // Validate: the RON text must parse back, schema rules and all, into the same model.
    let text = relgraph::io::ron::to_string(&model);
    let parsed = relgraph::io::ron::parse(&text, Path::new("built.ron"))
        .map_err(|diagnostics| format!("the built model is invalid:\n{}", diagnostics.render()))?;
    if parsed != model {
        return Err("the model changed on its way through RON".into());
    }
    println!("{text}");
    println!("valid: {} nodes, {} edges", parsed.node_count(), parsed.edge_count());

    // Ask it a question: how does Abe move Russia once the sanctions start, and is it support?
    let after = model.view().at("2014-04".parse()?);
    print!("{}", after.paths("Abe", "Russia").strongest().k(2).find()?);
    Ok(())
}
