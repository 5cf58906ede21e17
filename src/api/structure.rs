//! Structure: connected components, brokers (articulation points and bridges), ego
//! networks and structural balance, as `relgraph components`, `brokers`, `ego` and
//! `balance` print them.

use serde_json::json;

use super::Selection;
use crate::analysis::structure;
use crate::analysis::view::{GraphView, ViewOptions};
use crate::model::Model;
use crate::report::table::Table;
use crate::report::{self, Report};
use crate::Error;

pub use crate::analysis::structure::Direction;

impl Selection<'_> {
    /// Articulation points and bridges, as `relgraph brokers` prints them.
    pub fn brokers(&self) -> Result<Report, Error> {
        let model = self.model();
        let view = GraphView::new(model, &ViewOptions::undirected());
        Ok(report::brokers(model, &structure::articulation_points(&view), &structure::bridges(&view)))
    }

    /// Connected components (strongly connected when directed), largest first, as node ids.
    pub fn components(&self) -> Vec<Vec<String>> {
        let view = self.graph_view();
        let mut parts = if self.directed { structure::strong_components(&view) } else { structure::components(&view) };
        parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.first().cmp(&b.first())));
        parts.iter().map(|p| report::ids(self.names(), p)).collect()
    }

    /// The components as `relgraph components` prints them: a table of sizes and members
    /// (JSON: `{size, nodes}` per component).
    pub fn components_report(&self) -> Report {
        let view = self.graph_view();
        let model = self.names();
        let mut parts = if self.directed { structure::strong_components(&view) } else { structure::components(&view) };
        parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.first().cmp(&b.first())));
        let items: Vec<_> = parts.iter().map(|p| json!({"size": p.len(), "nodes": report::ids(model, p)})).collect();
        let what = if self.directed { "strongly connected component" } else { "connected component" };
        let mut table = Table::new(&["#", "size", "members"]).right_align(0).right_align(1);
        for (i, part) in parts.iter().enumerate() {
            table.row(vec![(i + 1).to_string(), part.len().to_string(), report::listing(model, part, 8)]);
        }
        let mut text = table.render();
        text.push_str(&format!("{} {what}(s)\n", parts.len()));
        Report::new(text, serde_json::Value::Array(items))
    }

    /// The neighbourhood of `node` out to `depth` steps, as a model of its own.
    pub fn ego(&self, node: &str, depth: usize, direction: Direction) -> Result<Model, Error> {
        let model = self.model();
        let center = model.node_index(node)?;
        Ok(structure::ego(model, &self.graph_view(), center, depth, direction))
    }

    /// The ego network of `node` as `relgraph ego` lists it.
    pub fn ego_report(&self, node: &str, depth: usize, direction: Direction) -> Result<Report, Error> {
        let ego = self.ego(node, depth, direction)?;
        let json = json!({
            "nodes": ego.nodes().map(report::json::node).collect::<Vec<_>>(),
            "edges": ego.edges().map(report::json::edge).collect::<Vec<_>>(),
        });
        let mut table = Table::new(&["id", "kind", "name"]);
        for node in ego.nodes() {
            table.row(vec![node.id.clone(), node.kind.to_string(), node.name.clone()]);
        }
        let mut text = table.render();
        text.push_str(&format!(
            "ego network of {} at depth {depth}: {} nodes, {} edges\n",
            self.node(node)?.name,
            ego.node_count(),
            ego.edge_count()
        ));
        Ok(Report::new(text, json))
    }

    /// Structural balance, as `relgraph balance` prints it (20 unbalanced triangles shown).
    pub fn balance(&self) -> Result<Report, Error> {
        self.balance_showing(20)
    }

    /// Structural balance, listing at most `show` unbalanced triangles in the text.
    pub fn balance_showing(&self, show: usize) -> Result<Report, Error> {
        let model = self.model();
        let census = crate::analysis::balance::triangles(model);
        let split = crate::analysis::balance::bipartition(model);
        Ok(report::balance(model, &census, &split, show))
    }
}
