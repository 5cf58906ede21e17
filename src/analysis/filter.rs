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
    pub fn apply(&self, model: &Model) -> Model {
        model.filtered(
            |n| {
                (self.node_kinds.is_empty() || self.node_kinds.contains(&n.kind))
                    && self.at.as_ref().is_none_or(|at| n.in_force(at))
            },
            |e| {
                (self.edge_kinds.is_empty() || self.edge_kinds.contains(&e.kind))
                    && (self.polarities.is_empty() || self.polarities.contains(&e.polarity()))
                    && self.at.as_ref().is_none_or(|at| e.in_force(at))
            },
        )
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
