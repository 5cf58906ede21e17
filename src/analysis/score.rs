//! What the centrality measures return and take: the measure names, their options, the
//! per-node [`Scores`] with their deterministic ranking, and why a measure can fail. In its
//! own file so that the path-based measures ([`super::centrality`]) and the spectral ones
//! ([`super::spectral`]) both read it and neither imports the other.

use petgraph::graph::NodeIndex;

use crate::model::Model;

/// Why a centrality cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CentralityError {
    /// A power iteration did not converge.
    #[error("{measure} did not converge in {iterations} iterations")]
    NoConvergence {
        /// The measure.
        measure: Measure,
        /// The iteration limit.
        iterations: usize,
    },
}

/// A centrality measure, for callers that choose one at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Measure {
    /// [`degree`](super::centrality::degree).
    Degree,
    /// [`in_degree`](super::centrality::in_degree).
    InDegree,
    /// [`out_degree`](super::centrality::out_degree).
    OutDegree,
    /// [`betweenness`](super::centrality::betweenness).
    Betweenness,
    /// [`closeness`](super::centrality::closeness).
    Closeness,
    /// [`harmonic`](super::centrality::harmonic).
    Harmonic,
    /// [`eigenvector`](super::spectral::eigenvector).
    Eigenvector,
    /// [`pagerank`](super::spectral::pagerank).
    PageRank,
    /// [`katz`](super::spectral::katz).
    Katz,
    /// [`signed_degree`](super::centrality::signed_degree)'s net count (cooperative minus conflictual ties) as the score.
    SignedDegree,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 10] = [
        Measure::Degree,
        Measure::InDegree,
        Measure::OutDegree,
        Measure::Betweenness,
        Measure::Closeness,
        Measure::Harmonic,
        Measure::Eigenvector,
        Measure::PageRank,
        Measure::Katz,
        Measure::SignedDegree,
    ];

    /// The lowercase name (`pagerank`, `in-degree`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::InDegree => "in-degree",
            Measure::OutDegree => "out-degree",
            Measure::Betweenness => "betweenness",
            Measure::Closeness => "closeness",
            Measure::Harmonic => "harmonic",
            Measure::Eigenvector => "eigenvector",
            Measure::PageRank => "pagerank",
            Measure::Katz => "katz",
            Measure::SignedDegree => "signed-degree",
        }
    }
}

impl std::str::FromStr for Measure {
    type Err = crate::model::kind::UnknownName;

    /// Parses a measure's name (`pagerank`, `in-degree`, `signed_degree` …), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase().replace('_', "-");
        Measure::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == wanted)
            .ok_or_else(|| crate::model::kind::UnknownName { vocabulary: "measure", text: text.to_owned() })
    }
}

impl std::fmt::Display for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options shared by the measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CentralityOptions {
    /// Use edge weights (as distance or strength, see the [module docs](super::centrality)). Default: no.
    pub weighted: bool,
    /// Pivot sampling `(k, seed)` for betweenness and closeness (k is raised to at least
    /// 1; k ≥ |V| is exact); ignored by the others. Default: exact.
    pub sample: Option<(usize, u64)>,
}

impl CentralityOptions {
    /// Sets [`CentralityOptions::weighted`].
    pub fn with_weighted(mut self, weighted: bool) -> Self {
        self.weighted = weighted;
        self
    }

    /// Sets [`CentralityOptions::sample`].
    pub fn with_sample(mut self, sample: Option<(usize, u64)>) -> Self {
        self.sample = sample;
        self
    }
}

/// One score per node, indexed by model node index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    values: Vec<f64>,
}

impl Scores {
    /// Wraps per-node values (index = node index). Negative zeros become 0: an empty `f64`
    /// sum is −0.0 in Rust, and a score of −0 helps nobody.
    pub fn from_values(mut values: Vec<f64>) -> Self {
        for v in &mut values {
            *v += 0.0;
        }
        Self { values }
    }

    /// The score of a node, if it is in range.
    pub fn get(&self, node: NodeIndex) -> Option<f64> {
        self.values.get(node.index()).copied()
    }

    /// All scores, by node index.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Number of scores.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no scores.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `(node index, score)` sorted by score descending, then node id ascending.
    /// Nodes missing from `model` sort last by index.
    pub fn ranked_indices(&self, model: &Model) -> Vec<(NodeIndex, f64)> {
        let graph = model.graph();
        let id = |i: usize| graph.node_weight(NodeIndex::new(i)).map(|n| n.id.as_str());
        let mut out: Vec<(usize, f64)> = self.values.iter().copied().enumerate().collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| id(a.0).cmp(&id(b.0))));
        out.into_iter().map(|(i, s)| (NodeIndex::new(i), s)).collect()
    }

    /// `(node id, score)` sorted by score descending, then node id ascending.
    /// Cost O(|V| log |V|).
    pub fn ranked<'m>(&self, model: &'m Model) -> Vec<(&'m str, f64)> {
        let graph = model.graph();
        self.ranked_indices(model)
            .into_iter()
            .filter_map(|(i, s)| graph.node_weight(i).map(|n| (n.id.as_str(), s)))
            .collect()
    }
}
