//! An influence profile file, loaded as `--profile FILE` loads it; a profile that loads must
//! save and load again unchanged, and every error must render.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| relgraph_fuzz::checks::profile(bytes));
