//! The parts of a model: nodes, edges, and the sources and evidence they cite.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::{in_force, PartialDate};
use super::kind::{EdgeKind, NodeKind, Polarity};

/// A document the model's evidence is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id, referred to by [`Evidence::source`].
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Author(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A verbatim quote from a source that supports an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Id of a [`Source`] of the model.
    pub source: String,
    /// The words of the source, verbatim.
    pub quote: String,
}

/// A node: a country, leader, organisation, agreement, dispute, territory, event …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable unique id, a slug such as `japan` or `kuril_dispute`.
    pub id: String,
    /// What the node is.
    pub kind: NodeKind,
    /// Display name.
    pub name: String,
    /// Other names it goes by ("Northern Territories", "Southern Kurils").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Start of the node's existence or tenure (taking office, entry into force).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// End of the node's existence or tenure, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// A point date: when an agreement was signed or an event held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Free tags for filtering and styling.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Further attributes, kept as text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    /// A sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ids other sources give this entity: nodes with these ids are joined into this one,
    /// and ties written with them attach here (see [`super::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    /// Ids of the sources that state the node; empty means every source of its file (see
    /// [`super::provenance`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Proposed by `relgraph draft` and not yet reviewed: `check` warns, `--no-drafts`
    /// leaves it out. A reviewer deletes the field once the node is confirmed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

impl Node {
    /// A node with just an id, kind and name.
    pub fn new(id: impl Into<String>, kind: NodeKind, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            since: None,
            until: None,
            date: None,
            tags: Vec::new(),
            attrs: BTreeMap::new(),
            description: None,
            same_as: Vec::new(),
            sources: Vec::new(),
            draft: false,
        }
    }

    /// Whether the node exists on (some day of) `at`: within `since..=until`, and its point
    /// `date`, if any, not after `at`.
    pub fn in_force(&self, at: &PartialDate) -> bool {
        let happened = self.date.is_none_or(|d| d.first_day() <= at.last_day());
        happened && in_force(self.since.as_ref(), self.until.as_ref(), at)
    }
}

/// An edge: a typed relation from one node to another, with its dates, strength and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// Id of the tail node.
    pub from: String,
    /// Id of the head node.
    pub to: String,
    /// The relation.
    pub kind: EdgeKind,
    /// First day (period) the relation holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Last day (period) the relation holds, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// Tie strength in (0, 1]; 1 when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Goldstein cooperation–conflict score, −10 to +10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<f64>,
    /// What the relation is about: energy, security, cyber …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Quotes that support the edge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Ids of the sources that state the tie, quoted or not; empty means the sources of its
    /// evidence, else every source of its file (see [`super::provenance`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Proposed by `relgraph draft` and not yet reviewed (see [`Node::draft`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

impl Edge {
    /// An edge with just its ends and kind.
    pub fn new(from: impl Into<String>, to: impl Into<String>, kind: EdgeKind) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            kind,
            since: None,
            until: None,
            weight: None,
            intensity: None,
            topic: None,
            note: None,
            evidence: Vec::new(),
            sources: Vec::new(),
            draft: false,
        }
    }

    /// Tie strength, 1 when not given.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The polarity of the edge's kind.
    pub fn polarity(&self) -> Polarity {
        self.kind.polarity()
    }

    /// Whether the relation holds on (some day of) `at`.
    pub fn in_force(&self, at: &PartialDate) -> bool {
        in_force(self.since.as_ref(), self.until.as_ref(), at)
    }

    /// Whether the relation carries its own dates (`since` or `until`).
    pub fn is_dated(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }
}
