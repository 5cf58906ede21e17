//! Reading and writing models: one module per format.
pub mod atomic;
pub mod diagnostic;
pub mod edgelist;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod neo4j;
pub mod profile;
pub mod ron;
pub mod spans;
