//! Reading and writing models: one module per format.
pub mod atomic;
pub mod diagnostic;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod neo4j;
