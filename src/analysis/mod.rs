//! Analyses on a compact read-only view of a model: paths, centrality, structure, balance,
//! change over time.
