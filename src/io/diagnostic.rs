//! Diagnostics: problems in a model file, each with its position.
/// Placeholder, replaced by the loader work.
#[derive(Debug)]
pub struct Diagnostics {
    /// The file.
    pub path: std::path::PathBuf,
    /// The problems.
    pub items: Vec<()>,
}
