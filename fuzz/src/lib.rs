//! relgraph's fuzz targets' checks (see docs/fuzzing.md): [`checks`] holds what each target
//! checks, [`model`] the arbitrary valid models the export target draws.

pub mod checks;
pub mod model;
