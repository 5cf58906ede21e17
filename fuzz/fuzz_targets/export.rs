//! An arbitrary valid model (every text from the fuzz input) exported to DOT, SVG, HTML and
//! every interchange format, each output checked to parse (see `checks::export`).
#![no_main]

libfuzzer_sys::fuzz_target!(|model: relgraph_fuzz::model::ArbitraryModel| relgraph_fuzz::checks::export(&model.0));
