//! Which part of a model an analysis looks at: a date, node kinds, edge kinds, polarities.

use crate::model::{EdgeKind, Model, NodeKind, PartialDate, Polarity};

/// A selection of the model to analyse. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep only nodes and edges in force on (some day of) this date.
    pub at: Option<PartialDate>,
    /// Keep only nodes of these kinds.
    pub node_kinds: Vec<NodeKind>,
    /// Keep only edges of these kinds.
    pub edge_kinds: Vec<EdgeKind>,
    /// Keep only edges of these polarities.
    pub polarities: Vec<Polarity>,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.at.is_none() && self.node_kinds.is_empty() && self.edge_kinds.is_empty() && self.polarities.is_empty()
    }

    /// A new model with what the filter keeps (an edge needs both its ends kept).
    /// Cost O(|V| + |E|).
    /// Dates follow [`Model::at`]: a tie with its own dates is in force on them whatever
    /// its ends' dates.
    pub fn apply(&self, model: &Model) -> Model {
        let keep_node = |n: &crate::model::Node| self.node_kinds.is_empty() || self.node_kinds.contains(&n.kind);
        let keep_edge = |e: &crate::model::Edge| {
            (self.edge_kinds.is_empty() || self.edge_kinds.contains(&e.kind))
                && (self.polarities.is_empty() || self.polarities.contains(&e.polarity()))
        };
        match &self.at {
            Some(at) => model.at_where(at, keep_node, keep_edge),
            None => model.filtered(keep_node, keep_edge),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node};

    #[test]
    fn filter_keeps_selected_kinds_dates_and_polarities() {
        let mut m = Model::new("t");
        m.add_node(Node::new("a", NodeKind::Country, "A")).unwrap();
        m.add_node(Node::new("b", NodeKind::Country, "B")).unwrap();
        m.add_node(Node::new("o", NodeKind::Organization, "O")).unwrap();
        let mut old = Edge::new("a", "b", EdgeKind::Sanctions);
        old.until = Some(PartialDate::year(2000));
        m.add_edge(old).unwrap();
        m.add_edge(Edge::new("a", "b", EdgeKind::Supports)).unwrap();
        m.add_edge(Edge::new("a", "o", EdgeKind::MemberOf)).unwrap();
        assert_eq!(Filter::default().apply(&m).edge_count(), 3);
        assert!(Filter::default().is_empty());
        let f = Filter { at: Some(PartialDate::year(2010)), ..Filter::default() };
        assert_eq!(f.apply(&m).edge_count(), 2);
        let f = Filter { node_kinds: vec![NodeKind::Country], ..Filter::default() };
        assert_eq!(f.apply(&m).node_count(), 2);
        let f = Filter { polarities: vec![Polarity::Conflictual], ..Filter::default() };
        assert_eq!(f.apply(&m).edge_count(), 1);
        let f = Filter { edge_kinds: vec![EdgeKind::MemberOf], ..Filter::default() };
        assert_eq!(f.apply(&m).edge_count(), 1);
    }
}
