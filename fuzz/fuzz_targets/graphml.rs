//! A GraphML document, imported as the command line imports `.graphml`; a model that imports
//! must export to GraphML and import again unchanged, and save as RON.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| relgraph_fuzz::checks::graphml(bytes));
