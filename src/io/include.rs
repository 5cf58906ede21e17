//! Models made of several files: `includes: ["a.ron", "b.ron"]` and `relgraph merge`.
//!
//! A RON model may list other model files in `includes`, with paths relative to itself.
//! Loading reads the included files first, depth-first in the order listed (each file once,
//! however often it is included), then the including file, and composes them with
//! [`crate::model::merge::compose`]: one id is one entity, a tie stated by several files is
//! one tie with each file's evidence, and every fact keeps its sources. Each file is
//! checked on its own, so every diagnostic points at the file and line where the fact is
//! written; a missing file or a cycle is an error at the `includes` entry that names it.
//! Every file is read even when another has errors, so a model whose files have problems
//! fails with the problems of each ([`Error::InvalidFiles`] when there are several).
//! Composition problems (one entity with two kinds) are errors at the later definition,
//! naming the first as `FILE:LINE:COL`; disagreements between sources and probable
//! duplicates are warnings there.
//!
//! A file without includes loads exactly as [`crate::io::ron::load`] loads it.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::io::diagnostic::{Diagnostics, Problem};
use crate::io::ron::{self, Sites};
use crate::io::spans::LineIndex;
use crate::model::merge::{self, Composed, Disagreement, Duplicate, MergeError, Part, Site, Subject};
use crate::{Error, Model};

/// One file read, with its text and where its facts are.
struct File {
    path: PathBuf,
    text: String,
    model: Model,
    sites: Sites,
}

/// A composed model, the files it was read from, and what reading them found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The one model.
    pub model: Model,
    /// Every file read, in composition order (included files before the files including them).
    pub files: Vec<PathBuf>,
    /// Warnings, one list per file that has any (lint warnings, disagreements, probable
    /// duplicates), in file order.
    pub warnings: Vec<Diagnostics>,
    /// Where the files disagree.
    pub disagreements: Vec<Disagreement>,
    /// Probable duplicate entities.
    pub duplicates: Vec<Duplicate>,
}

/// Loads a RON model and everything it includes, composed into one model.
pub fn load(path: &Path) -> Result<Model, Error> {
    Ok(compose_files(&[path.to_path_buf()], &[], false, false)?.model)
}

/// Loads a RON model and its includes as [`load`] does, with every file's warnings.
pub fn load_checked(path: &Path) -> Result<Loaded, Error> {
    compose_files(&[path.to_path_buf()], &[], false, true)
}

/// Composes a model and its includes as [`load`] does, with the texts of some of its files
/// given (an editor's unsaved buffers, by path) instead of read from disk, and without
/// each file's own lint: what composing adds (an entity with two kinds, disagreements,
/// probable duplicates) is what the result holds, each problem in the file where it is
/// written.
pub fn compose_unsaved(path: &Path, unsaved: &[(PathBuf, String)]) -> Result<Loaded, Error> {
    let unsaved: Vec<(PathBuf, &str)> = unsaved.iter().map(|(p, t)| (identity(p), t.as_str())).collect();
    compose_files(&[path.to_path_buf()], &unsaved, false, false)
}

/// Composes several model files (each with its includes), in order, into one model, as
/// `relgraph merge` does; provenance is written on every node and tie even for one file.
pub fn merge(paths: &[PathBuf]) -> Result<Loaded, Error> {
    compose_files(paths, &[], true, false)
}

/// The files a model is made of: the file itself and everything it includes, included files
/// first (paths as reached from `path`).
pub fn files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let (mut files, mut failed) = (Vec::new(), Vec::new());
    read_tree(path, &[], &mut Vec::new(), &mut files, &mut failed)?;
    if !failed.is_empty() {
        return Err(Error::invalid(failed));
    }
    Ok(files.into_iter().map(|f| f.path).collect())
}

/// A file's path with symbolic links resolved, or as it is when it cannot be resolved.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Reads each root with what it includes, the roots in parallel, keeping every file once
/// (its first reading, in root order). Files with problems fail the whole, with the
/// problems of every such file.
fn read_roots(roots: &[PathBuf], unsaved: &[(PathBuf, &str)]) -> Result<Vec<File>, Error> {
    use rayon::prelude::*;
    type Tree = (Vec<File>, Vec<Diagnostics>);
    let trees: Vec<Result<Tree, Error>> = roots
        .par_iter()
        .map(|root| {
            let (mut files, mut failed) = (Vec::new(), Vec::new());
            read_tree(root, unsaved, &mut Vec::new(), &mut files, &mut failed).map(|()| (files, failed))
        })
        .collect();
    let mut files: Vec<File> = Vec::new();
    let mut failed: Vec<Diagnostics> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for tree in trees {
        let (tree_files, tree_failed) = tree?;
        for file in tree_files {
            let identity = identity(&file.path);
            if !seen.contains(&identity) {
                seen.push(identity);
                files.push(file);
            }
        }
        for problems in tree_failed {
            let identity = identity(&problems.path);
            if !seen.contains(&identity) {
                seen.push(identity);
                failed.push(problems);
            }
        }
    }
    if !failed.is_empty() {
        return Err(Error::invalid(failed));
    }
    Ok(files)
}

/// A file's warnings, sorted, if it has any.
fn found(path: &Path, text: &str, fill: impl FnOnce(&mut Diagnostics)) -> Option<Diagnostics> {
    let mut found = Diagnostics::new(path, text);
    fill(&mut found);
    found.sort();
    (!found.is_empty()).then_some(found)
}

/// Reads and composes `roots`, taking the files named in `unsaved` (by identity) from
/// there; `always` composes even one file (writing provenance out), `lint` collects each
/// file's own lint warnings (`check`; `merge` leaves them to `check`).
fn compose_files(roots: &[PathBuf], unsaved: &[(PathBuf, &str)], always: bool, lint: bool) -> Result<Loaded, Error> {
    let mut files = read_roots(roots, unsaved)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let mut warnings: Vec<Option<Diagnostics>> = files
        .iter()
        .map(|f| lint.then(|| found(&f.path, &f.text, |d| crate::io::lint::lint(&f.model, &f.text, d))).flatten())
        .collect();
    if files.len() == 1 && !always {
        let model = files.pop().map(|f| f.model).unwrap_or_default();
        let warnings = warnings.into_iter().flatten().collect();
        return Ok(Loaded { model, files: paths, warnings, disagreements: Vec::new(), duplicates: Vec::new() });
    }
    let mut texts: Vec<(PathBuf, String)> = Vec::with_capacity(files.len());
    let mut parts: Vec<Part> = Vec::with_capacity(files.len());
    for f in files {
        let name =
            f.path.file_name().map_or_else(|| f.path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let ends = f.model.edge_ends();
        parts.push(Part {
            name,
            file: f.model.into_file(),
            node_sites: f.sites.nodes,
            edge_sites: f.sites.edges,
            ends,
        });
        texts.push((f.path, f.text));
    }
    // Line starts of each file, computed when a position in it is first shown.
    let lines: Vec<std::cell::OnceCell<Vec<usize>>> = texts.iter().map(|_| std::cell::OnceCell::new()).collect();
    let place = |site: &Site| match (texts.get(site.part), lines.get(site.part)) {
        (Some((path, text)), Some(starts)) => {
            let starts = starts.get_or_init(|| crate::io::spans::line_starts(text));
            let (line, column) = LineIndex::with_starts(text, starts).position(site.span.start);
            format!("{}:{line}:{column}", path.display())
        }
        _ => String::from("?"),
    };
    // A model with includes is titled by the including file (the last part); a merge by
    // the first model with a title (see `compose`).
    let root = (!always)
        .then(|| parts.last().map(|p| (p.file.title.clone(), p.file.description.clone(), p.file.as_of)))
        .flatten();
    let Composed { mut model, mut disagreements, mut duplicates } = match merge::compose(parts) {
        Ok(composed) => composed,
        Err(mut errors) => {
            for error in &mut errors {
                if let MergeError::KindConflict { first_site, second_site, .. } = error {
                    refine(first_site, &texts, ron::node_site);
                    refine(second_site, &texts, ron::node_site);
                }
            }
            // Every file with an error, each with every error in it, in file order.
            let mut by_file: Vec<Option<Diagnostics>> = texts.iter().map(|_| None).collect();
            for error in errors {
                let (part, problem, span) = problem_of(error, &place, &texts);
                let (Some(slot), Some((path, text))) = (by_file.get_mut(part), texts.get(part)) else { continue };
                slot.get_or_insert_with(|| Diagnostics::new(path, text.as_str())).push(problem, span);
            }
            let mut failed: Vec<Diagnostics> = by_file.into_iter().flatten().collect();
            failed.iter_mut().for_each(Diagnostics::sort);
            if failed.is_empty() {
                failed.push(Diagnostics::new(Path::new(""), ""));
            }
            return Err(Error::invalid(failed));
        }
    };
    // Parts give where each element is written; a position points at its id or date.
    for d in &mut disagreements {
        let at: fn(&str, Range<usize>) -> Range<usize> = match d.subject {
            Subject::NodeDate { .. } | Subject::Attribute { .. } => ron::node_site,
            _ => ron::edge_site,
        };
        refine(&mut d.first.site, &texts, at);
        refine(&mut d.second.site, &texts, at);
    }
    for d in &mut duplicates {
        refine(&mut d.first.1, &texts, ron::node_site);
        refine(&mut d.second.1, &texts, ron::node_site);
    }
    if let Some((title, description, as_of)) = root {
        model.title = title;
        model.description = description.or(model.description);
        model.as_of = as_of.or(model.as_of);
    }
    let mut later: Vec<(usize, Problem, std::ops::Range<usize>)> = Vec::new();
    for d in &disagreements {
        let subject = match &d.subject {
            Subject::NodeDate { id, field } => format!("the {field} of `{id}`"),
            Subject::Attribute { id, key } => format!("the `{key}` of `{id}`"),
            Subject::TieDates { from, to, kind } => format!("the dates of `{from} {kind} {to}`"),
            Subject::Opposite { a, b } => format!("the tie between `{a}` and `{b}`"),
        };
        let problem = Problem::Disagreement {
            subject,
            states: d.second.states.clone(),
            sources: d.second.sources.clone(),
            quote: d.second.quote.clone(),
            other_states: d.first.states.clone(),
            other: place(&d.first.site),
            other_sources: d.first.sources.clone(),
            other_quote: d.first.quote.clone(),
        };
        later.push((d.second.site.part, problem, d.second.site.span.clone()));
    }
    for d in &duplicates {
        let problem = Problem::ProbableDuplicate {
            id: d.second.0.clone(),
            name: d.name.clone(),
            other_id: d.first.0.clone(),
            other: place(&d.first.1),
        };
        later.push((d.second.1.part, problem, d.second.1.span.clone()));
    }
    for (part, problem, span) in later {
        let (Some(slot), Some((path, text))) = (warnings.get_mut(part), texts.get(part)) else { continue };
        slot.get_or_insert_with(|| Diagnostics::new(path, text.as_str())).warn(problem, span);
    }
    let warnings: Vec<Diagnostics> = warnings
        .into_iter()
        .flatten()
        .map(|mut w| {
            w.sort();
            w
        })
        .collect();
    Ok(Loaded { model, files: paths, warnings, disagreements, duplicates })
}

/// Narrows a site from the element it names to the field `at` finds in it.
fn refine(site: &mut Site, texts: &[(PathBuf, String)], at: fn(&str, Range<usize>) -> Range<usize>) {
    if let Some((_, text)) = texts.get(site.part) {
        site.span = at(text, site.span.clone());
    }
}

/// The file, problem and span a composition error is reported at.
fn problem_of(
    error: MergeError,
    place: &dyn Fn(&Site) -> String,
    texts: &[(PathBuf, String)],
) -> (usize, Problem, std::ops::Range<usize>) {
    match error {
        MergeError::KindConflict { id, first, first_site, second, second_site } => {
            let problem = Problem::KindConflict { id, kind: second, other_kind: first, other: place(&first_site) };
            (second_site.part, problem, second_site.span)
        }
        MergeError::SourceConflict { id, first_part, second_part } => {
            let quoted = format!("\"{id}\"");
            let span = texts
                .get(second_part)
                .and_then(|(_, text)| text.find(&quoted))
                .map_or(0..0, |at| at..at + quoted.len());
            let other = texts.get(first_part).map(|(p, _)| p.display().to_string()).unwrap_or_default();
            (second_part, Problem::SourceConflict { id, other }, span)
        }
        MergeError::Vocabulary(error) => (0, Problem::Declaration(error), 0..0),
        other => (0, Problem::Syntax { message: other.to_string() }, 0..0),
    }
}

/// Reads `path` (from `unsaved` when its identity is there) and, first, everything it
/// includes, appending each file once to `files`, or its problems to `failed` (reading goes
/// on, so that every file's problems are found). `stack` holds the files being read, for
/// finding cycles.
fn read_tree(
    path: &Path,
    unsaved: &[(PathBuf, &str)],
    stack: &mut Vec<PathBuf>,
    files: &mut Vec<File>,
    failed: &mut Vec<Diagnostics>,
) -> Result<(), Error> {
    let given = match unsaved {
        [] => None,
        _ => {
            let id = identity(path);
            unsaved.iter().find(|(p, _)| *p == id).map(|(_, text)| (*text).to_owned())
        }
    };
    let text = match given.map_or_else(|| crate::io::loader::read_utf8(path), Ok) {
        Ok(text) => text,
        Err(Error::Invalid { diagnostics }) => {
            failed.push(diagnostics);
            return Ok(());
        }
        Err(other) => return Err(other),
    };
    let text = crate::io::text::strip_bom(&text).to_owned();
    let (parsed, sites) = ron::parse_sited(&text, path);
    stack.push(identity(path));
    let base = path.parent().unwrap_or(Path::new(""));
    let mut problems = Diagnostics::new(path, text.as_str());
    for (written, span) in &sites.includes {
        let target = base.join(written);
        let target_id = identity(&target);
        if let Some(at) = stack.iter().position(|p| *p == target_id) {
            let chain: Vec<String> = stack
                .iter()
                .skip(at)
                .chain(std::iter::once(&target_id))
                .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
                .collect();
            problems.push(Problem::IncludeCycle { file: written.clone(), chain: chain.join(" → ") }, span.clone());
            continue;
        }
        let seen =
            files.iter().map(|f| &f.path).chain(failed.iter().map(|d| &d.path)).any(|p| identity(p) == target_id);
        if seen {
            continue;
        }
        if let Err(error) = std::fs::metadata(&target) {
            problems.push(Problem::Include { file: written.clone(), reason: error.to_string() }, span.clone());
            continue;
        }
        read_tree(&target, unsaved, stack, files, failed)?;
    }
    stack.pop();
    let model = match parsed {
        Ok(model) if problems.is_empty() => model,
        Ok(_) => {
            problems.sort();
            failed.push(problems);
            return Ok(());
        }
        Err(mut diagnostics) => {
            diagnostics.items.extend(problems.items);
            diagnostics.sort();
            failed.push(diagnostics);
            return Ok(());
        }
    };
    files.push(File { path: path.to_path_buf(), text, model, sites });
    Ok(())
}
