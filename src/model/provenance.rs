//! Provenance: which of a model's sources state each node and tie.
//!
//! A node or edge may name its sources in `sources: [...]`. When it does not, its sources
//! are read off what it carries: an edge's are the sources of its evidence, and a node or an
//! edge without either is stated by every source of its file. Composing files
//! ([`super::merge`]) writes every element's sources out, so a merged model says where each
//! fact came from even after the files are gone.

use super::{Edge, Model, Node};

impl Model {
    /// The ids of the sources that state `node`: its own `sources`, else every source of
    /// the model, in the model's order.
    pub fn node_sources<'m>(&'m self, node: &'m Node) -> Vec<&'m str> {
        if node.sources.is_empty() {
            self.sources.iter().map(|s| s.id.as_str()).collect()
        } else {
            node.sources.iter().map(String::as_str).collect()
        }
    }

    /// The ids of the sources that state `edge`: its own `sources`, else the sources of its
    /// evidence (each once, in order), else every source of the model.
    pub fn edge_sources<'m>(&'m self, edge: &'m Edge) -> Vec<&'m str> {
        if !edge.sources.is_empty() {
            return edge.sources.iter().map(String::as_str).collect();
        }
        let mut quoted: Vec<&str> = Vec::new();
        for evidence in &edge.evidence {
            if !quoted.contains(&evidence.source.as_str()) {
                quoted.push(&evidence.source);
            }
        }
        if quoted.is_empty() {
            self.sources.iter().map(|s| s.id.as_str()).collect()
        } else {
            quoted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EdgeKind, Evidence, NodeKind, Source};
    use super::*;

    fn source(id: &str) -> Source {
        Source { id: id.into(), title: id.to_uppercase(), author: None, date: None, url: None }
    }

    #[test]
    fn unstated_sources_fall_back_to_evidence_then_to_the_file() {
        let mut model = Model::new("t");
        model.sources = vec![source("a"), source("b")];
        let mut japan = Node::new("japan", NodeKind::Country, "Japan");
        model.add_node(japan.clone()).unwrap();
        japan.sources = vec!["b".into()];
        assert_eq!(model.node_sources(&japan), ["b"]);
        let plain = Node::new("x", NodeKind::Country, "X");
        assert_eq!(model.node_sources(&plain), ["a", "b"]);

        let mut edge = Edge::new("japan", "x", EdgeKind::Meets);
        assert_eq!(model.edge_sources(&edge), ["a", "b"]);
        edge.evidence = vec![
            Evidence { source: "b".into(), quote: "one".into() },
            Evidence { source: "b".into(), quote: "two".into() },
        ];
        assert_eq!(model.edge_sources(&edge), ["b"]);
        edge.sources = vec!["a".into(), "b".into()];
        assert_eq!(model.edge_sources(&edge), ["a", "b"]);
    }
}
