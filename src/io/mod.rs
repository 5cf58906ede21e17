//! Reading and writing models: one module per format.
pub mod atomic;
pub mod diagnostic;
pub mod edgelist;
pub mod ron;
pub mod spans;
