//! An edge list (`.tsv`; the separator is detected from the text), loaded as the command
//! line loads it; a list that loads must be written as TSV and CSV and read back unchanged.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| relgraph_fuzz::checks::edge_list(bytes));
