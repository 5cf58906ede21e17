//! Integration tests: one binary, one module per area.
mod analysis;
mod cli;
mod export;
mod interchange;
mod model;
