//! The [`Model`]: a petgraph graph of nodes and edges with the file's title, sources,
//! declared vocabulary and influence rules, and the file form it is read from and saved as.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::element::{Edge, Node, Source};
use super::id_index::IdIndex;
use super::influence::{EdgeInfluence, Profile, Rule};
use super::kind::{EdgeKindDecl, NodeKindDecl};
use super::vocabulary::{Vocabulary, VocabularyError};

/// The serialised form of a model: what a RON model file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Model")]
pub struct ModelFile {
    /// Title of the model.
    pub title: String,
    /// What the model covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The date the model describes (its present), when it says so; else the latest date
    /// among its ties and sources is taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Documents the evidence comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Node kinds the model declares beside the built-in ones (see [`vocabulary`](super::vocabulary)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub node_kinds: Vec<NodeKindDecl>,
    /// Edge kinds the model declares beside the built-in ones (see [`vocabulary`](super::vocabulary)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edge_kinds: Vec<EdgeKindDecl>,
    /// The nodes.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// The edges.
    #[serde(default)]
    pub edges: Vec<Edge>,
    /// Influence rules that override the profile for this model (see [`influence`](super::influence)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub influence: Vec<Rule>,
}

/// [`ModelFile`] borrowed from a [`Model`] ([`Model::file_view`]): the same fields, names and
/// skipped empties, so both serialise to the same text.
#[derive(Serialize)]
#[serde(rename = "Model")]
pub(crate) struct FileView<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<PartialDate>,
    #[serde(skip_serializing_if = "is_empty")]
    sources: &'a Vec<Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    node_kinds: Vec<NodeKindDecl>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    edge_kinds: Vec<EdgeKindDecl>,
    nodes: NodeWeights<'a>,
    edges: EdgeWeights<'a>,
    #[serde(skip_serializing_if = "is_empty")]
    influence: &'a Vec<Rule>,
}

fn is_empty<T>(list: &&Vec<T>) -> bool {
    list.is_empty()
}

/// The nodes of a graph, serialised as a sequence straight from the graph.
struct NodeWeights<'a>(&'a DiGraph<Node, Edge>);

impl Serialize for NodeWeights<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.node_weights())
    }
}

/// The edges of a graph, serialised as a sequence straight from the graph.
struct EdgeWeights<'a>(&'a DiGraph<Node, Edge>);

impl Serialize for EdgeWeights<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.edge_weights())
    }
}

/// Why a model cannot be built from parts (the loader reports these with file positions).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Two nodes share an id.
    #[error("duplicate node id `{id}`")]
    DuplicateNode {
        /// The id.
        id: String,
    },
    /// An edge names a node that does not exist.
    #[error("edge refers to unknown node `{id}`")]
    UnknownNode {
        /// The id.
        id: String,
    },
    /// A kind is declared wrongly, or used without being declared.
    #[error(transparent)]
    Vocabulary(#[from] VocabularyError),
}

/// A relationship model: title, sources, and the typed graph.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Title of the model.
    pub title: String,
    /// What the model covers.
    pub description: Option<String>,
    /// The date the model describes, when the file declares one (`as_of`).
    pub as_of: Option<PartialDate>,
    /// Documents the evidence comes from.
    pub sources: Vec<Source>,
    /// Influence rules that override the profile for this model (see [`influence`](super::influence)).
    pub influence: Vec<Rule>,
    /// The node and edge kinds the model declares (see [`vocabulary`](super::vocabulary)).
    pub vocabulary: Vocabulary,
    graph: DiGraph<Node, Edge>,
    /// Node index by id (see [`super::id_index`]).
    ids: IdIndex,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.to_file() == other.to_file()
    }
}

impl Model {
    /// An empty model with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self { title: title.into(), ..Self::default() }
    }

    /// The petgraph graph. Node and edge indices follow file order.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Adds a node; fails when its id is taken.
    pub fn add_node(&mut self, node: Node) -> Result<NodeIndex, ModelError> {
        if self.ids.contains(&node.id) {
            return Err(ModelError::DuplicateNode { id: node.id });
        }
        self.ids.insert(&node.id, NodeIndex::new(self.graph.node_count()));
        Ok(self.graph.add_node(node))
    }

    /// Adds an edge between existing nodes, named by id.
    pub fn add_edge(&mut self, edge: Edge) -> Result<EdgeIndex, ModelError> {
        let from = self.index_of(&edge.from).ok_or_else(|| ModelError::UnknownNode { id: edge.from.clone() })?;
        let to = self.index_of(&edge.to).ok_or_else(|| ModelError::UnknownNode { id: edge.to.clone() })?;
        Ok(self.graph.add_edge(from, to, edge))
    }

    /// Adds an edge between nodes given by index (the caller has checked that they exist and
    /// that `edge.from` and `edge.to` name them).
    pub(crate) fn add_edge_at(&mut self, from: NodeIndex, to: NodeIndex, edge: Edge) -> EdgeIndex {
        self.graph.add_edge(from, to, edge)
    }

    /// The node at `index`, to change in place; the caller keeps its `id` (the id index is
    /// not updated).
    pub(crate) fn node_mut(&mut self, index: NodeIndex) -> Option<&mut Node> {
        self.graph.node_weight_mut(index)
    }

    /// The edge at `index`, to change in place; the caller keeps its `from` and `to`.
    pub(crate) fn edge_mut(&mut self, index: EdgeIndex) -> Option<&mut Edge> {
        self.graph.edge_weight_mut(index)
    }

    /// For each edge in file order, the file positions of its tail and head nodes.
    pub(crate) fn edge_ends(&self) -> Vec<(u32, u32)> {
        use petgraph::visit::EdgeRef;
        self.graph.edge_references().map(|e| (e.source().index() as u32, e.target().index() as u32)).collect()
    }

    /// Makes room for `nodes` more nodes and `edges` more edges.
    pub(crate) fn reserve(&mut self, nodes: usize, edges: usize) {
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(edges);
        self.ids.reserve(nodes);
    }

    /// The graph index of the node with this exact id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id)
    }

    /// The node with this exact id.
    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|i| &self.graph[i])
    }

    /// Nodes in file order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_weights()
    }

    /// Edges in file order.
    pub fn edges(&self) -> impl Iterator<Item = &Edge> + '_ {
        self.graph.edge_weights()
    }

    /// Scales every edge weight by the largest when any is above 1, so that weights read as
    /// plain positive numbers (edge lists, GraphML, JSON) become tie strengths in (0, 1]
    /// as the model format requires. Ratios between weights, and so every weighted ranking,
    /// are kept. Returns the largest weight when it scaled.
    pub fn fit_weights_to_unit(&mut self) -> Option<f64> {
        let largest = self.edges().filter_map(|e| e.weight).filter(|w| w.is_finite()).fold(0.0, f64::max);
        if largest <= 1.0 {
            return None;
        }
        for edge in self.graph.edge_weights_mut() {
            if let Some(w) = edge.weight.as_mut() {
                *w /= largest;
            }
        }
        Some(largest)
    }

    /// Builds a model from its file form, checking ids, references and that every kind used
    /// is built in or declared (declared names are resolved to the file's declarations).
    pub fn from_file(file: ModelFile) -> Result<Self, ModelError> {
        let vocabulary = Vocabulary::from_declarations(&file.node_kinds, &file.edge_kinds)?;
        let mut model = Model {
            title: file.title,
            description: file.description,
            as_of: file.as_of,
            sources: file.sources,
            influence: file.influence,
            vocabulary,
            ..Self::default()
        };
        for rule in &mut model.influence {
            rule.kind = model.vocabulary.resolve_edge(rule.kind)?;
        }
        for mut node in file.nodes {
            node.kind = model.vocabulary.resolve_node(node.kind)?;
            model.add_node(node)?;
        }
        for mut edge in file.edges {
            edge.kind = model.vocabulary.resolve_edge(edge.kind)?;
            model.add_edge(edge)?;
        }
        Ok(model)
    }

    /// The file form: nodes and edges in graph (file) order.
    pub fn to_file(&self) -> ModelFile {
        ModelFile {
            title: self.title.clone(),
            description: self.description.clone(),
            as_of: self.as_of,
            sources: self.sources.clone(),
            node_kinds: self.vocabulary.node_declarations(),
            edge_kinds: self.vocabulary.edge_declarations(),
            nodes: self.graph.node_weights().cloned().collect(),
            edges: self.graph.edge_weights().cloned().collect(),
            influence: self.influence.clone(),
        }
    }

    /// The file form, borrowed: serialises exactly as [`Model::to_file`] does, without
    /// copying the nodes and edges first (saving a big model).
    pub(crate) fn file_view(&self) -> FileView<'_> {
        FileView {
            title: &self.title,
            description: self.description.as_ref(),
            as_of: self.as_of,
            sources: &self.sources,
            node_kinds: self.vocabulary.node_declarations(),
            edge_kinds: self.vocabulary.edge_declarations(),
            nodes: NodeWeights(&self.graph),
            edges: EdgeWeights(&self.graph),
            influence: &self.influence,
        }
    }

    /// The file form, taking the nodes and edges out of the model instead of copying them.
    pub fn into_file(self) -> ModelFile {
        let node_kinds = self.vocabulary.node_declarations();
        let edge_kinds = self.vocabulary.edge_declarations();
        let (nodes, edges) = self.graph.into_nodes_edges();
        ModelFile {
            title: self.title,
            description: self.description,
            as_of: self.as_of,
            sources: self.sources,
            node_kinds,
            edge_kinds,
            nodes: nodes.into_iter().map(|n| n.weight).collect(),
            edges: edges.into_iter().map(|e| e.weight).collect(),
            influence: self.influence,
        }
    }

    /// A new model with only the nodes and edges that pass the filters. An edge is kept
    /// when it passes `keep_edge` and both its ends are kept.
    pub fn filtered(&self, keep_node: impl Fn(&Node) -> bool, keep_edge: impl Fn(&Edge) -> bool) -> Model {
        let mut out = Model {
            title: self.title.clone(),
            description: self.description.clone(),
            as_of: self.as_of,
            sources: self.sources.clone(),
            influence: self.influence.clone(),
            vocabulary: self.vocabulary.clone(),
            ..Self::default()
        };
        for node in self.graph.node_weights().filter(|n| keep_node(n)) {
            // Ids are unique in `self`, so this cannot fail.
            let _ = out.add_node(node.clone());
        }
        for edge in self.graph.edge_weights().filter(|e| keep_edge(e)) {
            if out.ids.contains(&edge.from) && out.ids.contains(&edge.to) {
                let _ = out.add_edge(edge.clone());
            }
        }
        out
    }

    /// The model without its unreviewed drafts (nodes and edges marked `draft`), as
    /// analyses read it with `--no-drafts`.
    pub fn without_drafts(&self) -> Model {
        self.filtered(|n| !n.draft, |e| !e.draft)
    }

    /// The model as it stands on `at`: nodes and edges in force then. A tie with its own
    /// `since` or `until` is in force on its own dates, and keeps its ends, even when an
    /// end node carries a later `date` (the proposal of a purchase before the purchase);
    /// a node's dates bound only its undated ties.
    pub fn at(&self, at: &PartialDate) -> Model {
        self.at_where(at, |_| true, |_| true)
    }

    /// Whether `edge` is in force on `at` by the rule of [`Model::at`].
    pub fn tie_in_force(&self, edge: &Edge, at: &PartialDate) -> bool {
        let node_in_force = |id: &str| self.node_by_id(id).is_some_and(|n| n.in_force(at));
        edge.in_force(at) && (edge.is_dated() || (node_in_force(&edge.from) && node_in_force(&edge.to)))
    }

    /// As [`Model::at`], keeping only the nodes and edges the predicates accept too (an
    /// edge needs both its ends kept).
    pub fn at_where(
        &self,
        at: &PartialDate,
        keep_node: impl Fn(&Node) -> bool,
        keep_edge: impl Fn(&Edge) -> bool,
    ) -> Model {
        let held: std::collections::HashSet<&str> = self
            .edges()
            .filter(|e| e.is_dated() && e.in_force(at) && keep_edge(e))
            .flat_map(|e| [e.from.as_str(), e.to.as_str()])
            .collect();
        self.filtered(
            |n| keep_node(n) && (n.in_force(at) || held.contains(n.id.as_str())),
            |e| keep_edge(e) && self.tie_in_force(e, at),
        )
    }

    /// Edges touching a node, as (edge, other end, outgoing?) triples, in file order.
    pub fn incident(&self, index: NodeIndex) -> Vec<(&Edge, NodeIndex, bool)> {
        let mut out: Vec<(EdgeIndex, NodeIndex, bool)> = self
            .graph
            .edges_directed(index, petgraph::Direction::Outgoing)
            .map(|e| (e.id(), e.target(), true))
            .chain(self.graph.edges_directed(index, petgraph::Direction::Incoming).map(|e| (e.id(), e.source(), false)))
            .collect();
        out.sort_by_key(|(e, _, _)| e.index());
        out.dedup_by_key(|(e, _, _)| e.index());
        out.into_iter().map(|(e, other, outgoing)| (&self.graph[e], other, outgoing)).collect()
    }

    /// `profile` as this model reads it: its declared kinds' rules first (so a profile that
    /// names a declared kind overrides the declaration), then the profile's rules, then the
    /// model's own `influence` rules (which take precedence over both).
    pub fn read_with(&self, profile: &Profile) -> Profile {
        Profile { rules: self.vocabulary.rules() }.with_rules(&profile.rules).with_rules(&self.influence)
    }

    /// The influence each edge carries under `profile` as the model reads it
    /// ([`Model::read_with`]), in file order; `None` for edges that are no channel.
    pub fn edge_influence(&self, profile: &Profile) -> Vec<Option<EdgeInfluence>> {
        let profile = self.read_with(profile);
        self.graph
            .edge_references()
            .map(|e| {
                let (from, to) = (&self.graph[e.source()], &self.graph[e.target()]);
                profile.edge(e.weight(), from.kind, to.kind)
            })
            .collect()
    }

    /// The model without its isolated nodes (those no edge touches): what a view at a date
    /// draws, leaving out nodes with no tie in force.
    pub fn without_isolated(&self) -> Model {
        let tied: std::collections::HashSet<&str> =
            self.edges().flat_map(|e| [e.from.as_str(), e.to.as_str()]).collect();
        self.filtered(|n| tied.contains(n.id.as_str()), |_| true)
    }

    /// Earliest and latest date named anywhere in the model.
    pub fn date_range(&self) -> Option<(PartialDate, PartialDate)> {
        let node_dates = self.nodes().flat_map(|n| [n.since, n.until, n.date]);
        let edge_dates = self.edges().flat_map(|e| [e.since, e.until]);
        let mut dates = node_dates.chain(edge_dates).flatten();
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }
}
