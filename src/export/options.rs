//! What to draw and how: the options the DOT writer, both SVG renderers and the HTML map
//! share (direction, dates, highlights, sizes, focus), in their own file so that the scene
//! and the writers all read it and none imports another for it.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::graphviz::Layout;

/// Direction of the main flow in the `dot` layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankDir {
    /// Top to bottom (Graphviz's default).
    #[default]
    TopBottom,
    /// Left to right.
    LeftRight,
    /// Bottom to top.
    BottomTop,
    /// Right to left.
    RightLeft,
}

impl RankDir {
    /// The Graphviz `rankdir` value.
    pub fn as_str(self) -> &'static str {
        match self {
            RankDir::TopBottom => "TB",
            RankDir::LeftRight => "LR",
            RankDir::BottomTop => "BT",
            RankDir::RightLeft => "RL",
        }
    }
}

/// What to draw and how; shared by DOT and both SVG renderers. Build with
/// [`DotOptions::new`] and the `with_*` methods.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DotOptions {
    /// Label edges with their dates (`2014-03–2016`) as well as their kind. Default: off.
    pub dates: bool,
    /// Label edges at all. Default: on.
    pub edge_labels: bool,
    /// Draw the legend; `None` follows the theme. Default: `None`. The DOT legend is a
    /// cluster, so it is left out when [`DotOptions::layout`] names an engine other than
    /// `dot` (the others scatter or ignore clusters); the built-in renderer always draws it.
    pub legend: Option<bool>,
    /// Draw leaders, persons and territories inside their country's box. Default: off.
    pub cluster_by_country: bool,
    /// Nodes to draw bold; everything not highlighted is faded when anything is.
    pub highlight_nodes: BTreeSet<NodeIndex>,
    /// Edges to draw bold, on top; their end nodes are highlighted too.
    pub highlight_edges: BTreeSet<EdgeIndex>,
    /// Edges that end at the date drawn (a small multiple's panel shows the ties that ended
    /// since the previous panel): drawn faint and dotted, whatever else is highlighted.
    pub ended_edges: BTreeSet<EdgeIndex>,
    /// Text added to some edges' labels (model indices), e.g. the strength of an influence
    /// step on a highlighted path.
    pub edge_notes: BTreeMap<EdgeIndex, String>,
    /// A score per node id; nodes are drawn up to twice as large, in proportion to their
    /// score over the largest score. Non-finite and non-positive scores are ignored.
    pub size_by: BTreeMap<String, f64>,
    /// Main direction for the `dot` layout. Default: top to bottom.
    pub rankdir: RankDir,
    /// Layout engine to name in the DOT (`layout=…`); `None` leaves it to the caller.
    pub layout: Option<Layout>,
    /// Show the model's title above the diagram. Default: on.
    pub title: bool,
    /// Longest node label, in characters; longer names are cut with `…`. Default: 160, so
    /// real names show whole (wrapped) and only pathological ones are cut.
    pub max_label_chars: usize,
    /// Wrap node labels at about this many characters per line. Default: 22.
    pub wrap: usize,
}

impl Default for DotOptions {
    fn default() -> Self {
        Self {
            dates: false,
            edge_labels: true,
            legend: None,
            cluster_by_country: false,
            highlight_nodes: BTreeSet::new(),
            highlight_edges: BTreeSet::new(),
            ended_edges: BTreeSet::new(),
            edge_notes: BTreeMap::new(),
            size_by: BTreeMap::new(),
            rankdir: RankDir::default(),
            layout: None,
            title: true,
            max_label_chars: 160,
            wrap: 22,
        }
    }
}

impl DotOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// Label edges with their dates.
    pub fn with_dates(mut self, on: bool) -> Self {
        self.dates = on;
        self
    }
    /// Label edges at all.
    pub fn with_edge_labels(mut self, on: bool) -> Self {
        self.edge_labels = on;
        self
    }
    /// Draw the legend or not, overriding the theme.
    pub fn with_legend(mut self, on: bool) -> Self {
        self.legend = Some(on);
        self
    }
    /// Draw leaders, persons and territories inside their country's box.
    pub fn with_cluster_by_country(mut self, on: bool) -> Self {
        self.cluster_by_country = on;
        self
    }
    /// Highlight these nodes and edges (model indices); out-of-range indices are ignored.
    pub fn with_highlight(
        mut self,
        nodes: impl IntoIterator<Item = NodeIndex>,
        edges: impl IntoIterator<Item = EdgeIndex>,
    ) -> Self {
        self.highlight_nodes = nodes.into_iter().collect();
        self.highlight_edges = edges.into_iter().collect();
        self
    }
    /// Draw these edges (model indices) faint and dotted, as ties that ended.
    pub fn with_ended(mut self, edges: impl IntoIterator<Item = EdgeIndex>) -> Self {
        self.ended_edges = edges.into_iter().collect();
        self
    }
    /// Adds text to these edges' labels (model indices; out-of-range ones are ignored).
    pub fn with_edge_notes(mut self, notes: BTreeMap<EdgeIndex, String>) -> Self {
        self.edge_notes = notes;
        self
    }
    /// Size nodes by a score per node id.
    pub fn with_size_by(mut self, scores: BTreeMap<String, f64>) -> Self {
        self.size_by = scores;
        self
    }
    /// Main direction for the `dot` layout.
    pub fn with_rankdir(mut self, rankdir: RankDir) -> Self {
        self.rankdir = rankdir;
        self
    }
    /// Name a layout engine in the DOT.
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }
    /// Show the title or not.
    pub fn with_title(mut self, on: bool) -> Self {
        self.title = on;
        self
    }
    /// Longest node label in characters.
    pub fn with_max_label_chars(mut self, chars: usize) -> Self {
        self.max_label_chars = chars;
        self
    }
    /// Wrap node labels at about this many characters.
    pub fn with_wrap(mut self, chars: usize) -> Self {
        self.wrap = chars;
        self
    }
}
