//! A node-link JSON document, imported as the command line imports `.json`; a model that
//! imports must export to JSON and import again unchanged, and save as RON.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| relgraph_fuzz::checks::json(bytes));
