//! Many sources, one model: the files a model is made of, checking a composed model,
//! merging models into one file, and the provenance of nodes and ties.
//!
//! ```
//! use relgraph::api::sources;
//!
//! // The shipped model is one file; a model with `includes` lists every file it reads.
//! let files = sources::files("graphs/japan_russia_2014.ron".as_ref())?;
//! assert_eq!(files.len(), 1);
//!
//! // Merging it with the Senkaku model: one id is one entity, shared ties are corroborated.
//! let merged = sources::merge(&["graphs/japan_russia_2014.ron".into(), "graphs/senkaku_2012.ron".into()])?;
//! let japan = merged.model.node("japan")?;
//! assert_eq!(merged.model.node_sources(japan), ["miller2014", "senkaku2012"]);
//! # Ok::<(), relgraph::Error>(())
//! ```

use std::path::{Path, PathBuf};

pub use crate::io::diagnostic::{Diagnostics, Severity};
pub use crate::io::include::Loaded;
use crate::model::merge::{compose, Part};
pub use crate::model::merge::{Disagreement, Duplicate, Side, Subject};
pub use crate::model::resolve::Resolution;
use crate::{Error, Model};

/// The files a model is made of: the file and everything it includes (transitively),
/// included files first. A file without `includes` is just itself. Editors and servers use
/// this to watch every file a model reads.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    if crate::io::is_ron(path) {
        crate::io::include::files(path)
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

/// Loads a RON model with its includes, and every warning about it: each file's own
/// warnings, the sources' disagreements and probable duplicates (see [`Loaded`]).
pub fn check(path: &Path) -> Result<Loaded, Error> {
    crate::io::include::load_checked(path)
}

/// Composes model files (each with its includes), in order, into one self-contained model
/// with every node's and tie's sources written out.
pub fn merge(paths: &[PathBuf]) -> Result<Loaded, Error> {
    crate::io::include::merge(paths)
}

/// Writes a composed model to `out` as RON, atomically; refuses to overwrite an input.
pub fn write_merged(loaded: &Loaded, out: &Path) -> Result<(), Error> {
    let inputs: Vec<&Path> = loaded.files.iter().map(PathBuf::as_path).collect();
    crate::io::atomic::refuse_overwrite(out, &inputs)?;
    crate::io::ron::save(&loaded.model, out)
}

/// The number of warnings across a composed model's files.
pub fn warning_count(loaded: &Loaded) -> usize {
    loaded.warnings.iter().map(|w| w.count(Severity::Warning)).sum()
}

/// Adds an imported model (a table, edge list, GDELT export or triples read by the
/// importers) to the model in `into`: its names resolve against the model's ids, names and
/// aliases, unknown names become nodes with ids in the model's style, and the two are
/// composed as [`merge`] composes files (the import is the second source). `imported_from`
/// names the imported file, for its source when it has none.
pub fn import_into(into: &Path, imported: Model, imported_from: &Path) -> Result<(Loaded, Resolution), Error> {
    let target = crate::io::load(into)?;
    let target_sources: Vec<String> = target.sources.iter().map(|s| s.id.clone()).collect();
    let files = files(into)?;
    let (mut renamed, mut resolution) = crate::model::resolve::resolve_into(&target, imported)?;
    distinct_sources(&target, &mut renamed, imported_from);
    let name =
        |path: &Path| path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let parts = vec![Part::from_model(name(into), target), Part::from_model(name(imported_from), renamed)];
    // `compose` fails with at least one error; the first is the one to report.
    let composed = compose(parts).map_err(|errors| {
        let unknown = || crate::model::MergeError::Model(crate::model::ModelError::UnknownNode { id: String::new() });
        Error::Merge(errors.into_iter().next().unwrap_or_else(unknown))
    })?;
    let model = composed.model;
    // A tie the import corroborates names a source of the model and one of the import.
    let mine = |id: &str| !target_sources.iter().any(|s| s == id);
    resolution.corroborated =
        model.edges().filter(|e| e.sources.iter().any(|s| mine(s)) && e.sources.iter().any(|s| !mine(s))).count();
    let files = files.into_iter().chain(std::iter::once(imported_from.to_path_buf())).collect();
    let loaded = Loaded {
        model,
        files,
        warnings: Vec::new(),
        disagreements: composed.disagreements,
        duplicates: composed.duplicates,
    };
    Ok((loaded, resolution))
}

/// Renames the imported model's sources whose ids the target uses for another document
/// (every table import calls its source `import`), after the imported file.
fn distinct_sources(target: &Model, imported: &mut Model, imported_from: &Path) {
    let stem = imported_from.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let base = crate::model::vocabulary::slug(&stem).unwrap_or_else(|| "import".to_owned());
    let mut renames: Vec<(String, String)> = Vec::new();
    for source in &mut imported.sources {
        let clash = target.sources.iter().any(|t| t.id == source.id && t != source);
        if clash {
            let mut id = base.clone();
            let mut n = 2;
            while target.sources.iter().any(|t| t.id == id) || renames.iter().any(|(_, r)| *r == id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            renames.push((source.id.clone(), id.clone()));
            source.id = id;
        }
    }
    if renames.is_empty() {
        return;
    }
    let rename = |id: &mut String| {
        if let Some((_, new)) = renames.iter().find(|(old, _)| old == id) {
            *id = new.clone();
        }
    };
    let mut file = std::mem::take(imported).into_file();
    for edge in &mut file.edges {
        edge.evidence.iter_mut().for_each(|e| rename(&mut e.source));
        edge.sources.iter_mut().for_each(rename);
    }
    for node in &mut file.nodes {
        node.sources.iter_mut().for_each(rename);
    }
    // The file came from a model, so it is a valid one.
    if let Ok(model) = Model::from_file(file) {
        *imported = model;
    }
}
