//! Integration tests: one binary, one module per area.
mod analysis;
mod cli;
mod commands;
mod common;
mod export;
mod fmt;
mod fuzz_regressions;
mod hardening;
mod import;
mod influence;
mod interchange;
mod lsp;
mod model;
mod scripting;
mod serve;
mod viewer;
