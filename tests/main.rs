//! Integration tests: one binary, one module per area.
mod analysis;
mod architecture;
mod cli;
mod commands;
mod common;
mod draft;
mod export;
mod fuzz_regressions;
mod hardening;
mod import;
mod influence;
mod interchange;
mod model;
mod readme;
mod scripting;
mod viewer;
