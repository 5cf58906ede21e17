//! An arbitrary valid model (every text from the fuzz input) exported to DOT, SVG, HTML and
//! every interchange format, each output checked to parse (see `checks::export`). With
//! `RELGRAPH_FUZZ_PRINT` set, the model is printed as RON first: that is how a finding
//! becomes a regression input (tests/fixtures/fuzz/export/NAME.ron).
#![no_main]

libfuzzer_sys::fuzz_target!(|model: relgraph_fuzz::model::ArbitraryModel| {
    if std::env::var_os("RELGRAPH_FUZZ_PRINT").is_some() {
        eprintln!("{}", relgraph::io::ron::to_string(&model.0));
    }
    relgraph_fuzz::checks::export(&model.0);
});
