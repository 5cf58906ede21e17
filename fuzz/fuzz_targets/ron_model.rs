//! A RON model file, loaded and validated as `relgraph check` loads it; a model that loads
//! must save and load again unchanged, and every error must render.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| relgraph_fuzz::checks::ron_model(bytes));
