//! What the row-based importers (`table`, `triples`, `gdelt`) share: opening plain, `.gz` or
//! `.zip` input as a stream of lines, the errors that name FILE:LINE(:COL), the counts an
//! import reports, turning relation values into edge kinds (`--kind`, `--map`, `--declare`),
//! and reading dates written in a strftime-like pattern.
//!
//! Inputs are read as streams: a `.gz` file through a gzip decoder, a `.zip` archive through
//! the decoder of its first file, anything else as it is, so memory does not grow with the
//! file (the importers keep only what the model needs).

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::vocabulary::slug;
use crate::model::{EdgeKind, EdgeKindDecl, PartialDate, Vocabulary, VocabularyError};

/// What is wrong with one row.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RowProblem {
    /// The row has fewer fields than the layout needs.
    #[error("{found} fields, expected {expected}")]
    FieldCount {
        /// Fields found.
        found: usize,
        /// Fields the layout has.
        expected: usize,
    },
    /// A required field is empty.
    #[error("`{field}` is empty")]
    Empty {
        /// The column or role.
        field: String,
    },
    /// A date does not match the expected pattern.
    #[error("`{text}` is not a date in the form {pattern}")]
    Date {
        /// The field as written.
        text: String,
        /// The pattern expected.
        pattern: String,
    },
    /// A number does not parse or is out of range.
    #[error("`{text}` is not {expected}")]
    Number {
        /// The field as written.
        text: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A relation names no kind, is not mapped, and `--declare` is off.
    #[error("relation `{relation}` is not a kind{}; map it with --map or declare it with --declare", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRelation {
        /// The relation as written.
        relation: String,
        /// The closest kind.
        suggestion: Option<String>,
    },
    /// A field is not valid UTF-8 or the CSV reader refused the row.
    #[error("{message}")]
    Malformed {
        /// The reader's description.
        message: String,
    },
}

/// Why an import fails.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A `.zip` archive cannot be read or holds no file.
    #[error("{}: {message}", path.display())]
    Archive {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A row cannot be read (and `--skip-bad` is off).
    #[error("{}:{line}{}: {problem}", path.display(), column.map(|c| format!(":{c}")).unwrap_or_default())]
    Row {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based.
        line: u64,
        /// Column (field number), 1-based, when one field is at fault.
        column: Option<usize>,
        /// What is wrong.
        problem: RowProblem,
    },
    /// The options do not fit the file (a column that is not in the header, a bad pattern).
    #[error("{}: {message}", path.display())]
    Options {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A kind mapping file cannot be read.
    #[error("{}: {message}", path.display())]
    Map {
        /// The mapping file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A declaration is refused.
    #[error(transparent)]
    Vocabulary(#[from] VocabularyError),
}

/// The counts an import reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read (header and blank lines not counted).
    pub rows: u64,
    /// Rows that became (part of) an edge.
    pub imported: u64,
    /// Rows that could not be read and were skipped (`--skip-bad`).
    pub skipped_bad: u64,
    /// Rows whose relation the map drops.
    pub dropped: u64,
    /// Rows without both actors (GDELT).
    pub missing_actor: u64,
    /// Rows whose two ends are the same node (GDELT, after folding).
    pub self_ties: u64,
    /// Edge kinds declared on the way (`--declare`, GDELT's event kinds).
    pub declared: u64,
    /// The first skipped row's position and problem, to show the user.
    pub first_bad: Option<(u64, String)>,
}

impl ImportReport {
    /// Counts a bad row that `--skip-bad` lets through.
    pub fn skip(&mut self, line: u64, problem: &RowProblem) {
        self.skipped_bad += 1;
        if self.first_bad.is_none() {
            self.first_bad = Some((line, problem.to_string()));
        }
    }
}

/// Runs `read` on the file's lines: `.gz` decompressed, `.zip` by its first file, else
/// plain; all three stream.
pub fn with_lines<T>(
    path: &Path,
    read: impl FnOnce(&mut dyn BufRead) -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    let io = |source| ImportError::Io { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(io)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_ascii_lowercase();
    if name.ends_with(".gz") {
        let decoder = flate2::read::MultiGzDecoder::new(BufReader::new(file));
        return read(&mut BufReader::with_capacity(1 << 16, decoder));
    }
    if name.ends_with(".zip") {
        let archive = |message: String| ImportError::Archive { path: path.to_path_buf(), message };
        let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| archive(e.to_string()))?;
        let entry = zip.by_index(0).map_err(|_| archive("the archive holds no file".to_owned()))?;
        return read(&mut BufReader::with_capacity(1 << 16, entry));
    }
    read(&mut BufReader::with_capacity(1 << 16, file))
}

/// Calls `each` with every line's number (1-based) and bytes, line ending removed.
pub fn for_each_line(
    input: &mut dyn BufRead,
    path: &Path,
    mut each: impl FnMut(u64, &[u8]) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut buffer = Vec::new();
    let mut line = 0u64;
    loop {
        buffer.clear();
        let n = input.read_until(b'\n', &mut buffer).map_err(|source| ImportError::Io { path: path.into(), source })?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let end = buffer.iter().rposition(|b| !matches!(b, b'\n' | b'\r')).map_or(0, |i| i + 1);
        each(line, buffer.get(..end).unwrap_or_default())?;
    }
}

/// A kind mapping file (`--map`): relation values to kind names, `None` to drop, and the
/// kinds it declares.
///
/// ```ron
/// KindMap(
///     kinds: {"Defense": "allied_with", "Entente": "entente", "noise": None},
///     edge_kinds: [EdgeKind(name: "entente", polarity: cooperative, symmetric: true)],
/// )
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename = "KindMap", deny_unknown_fields)]
pub struct KindMap {
    /// Relation value → kind name, or `None` to drop rows with that relation.
    #[serde(default)]
    pub kinds: BTreeMap<String, Option<String>>,
    /// Kinds the map declares for its targets.
    #[serde(default)]
    pub edge_kinds: Vec<EdgeKindDecl>,
}

impl KindMap {
    /// Reads a mapping file.
    pub fn load(path: &Path) -> Result<KindMap, ImportError> {
        let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io { path: path.into(), source })?;
        crate::io::loader::options()
            .from_str(&text)
            .map_err(|e| ImportError::Map { path: path.into(), message: e.to_string() })
    }
}

/// How relation values become edge kinds: a fixed `--kind`, a `--map`, the kind names
/// themselves, and `--declare` for the rest (see `docs/import.md`).
#[derive(Debug, Clone, Default)]
pub struct KindRule {
    /// Every row gets this kind (when the file has no relation column).
    pub fixed: Option<EdgeKind>,
    /// The mapping.
    pub map: KindMap,
    /// Declare every relation that is neither mapped nor a kind, as a neutral kind.
    pub declare: bool,
}

/// What a relation value turned into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// An edge of this kind.
    Kind(EdgeKind),
    /// The map drops it.
    Drop,
}

/// Resolves relation values through a [`KindRule`], declaring kinds into a vocabulary and
/// remembering every answer.
#[derive(Debug)]
pub struct KindResolver {
    rule: KindRule,
    seen: HashMap<String, Relation>,
}

impl KindResolver {
    /// Declares the map's kinds into `vocabulary` and gets ready.
    pub fn new(mut rule: KindRule, vocabulary: &mut Vocabulary) -> Result<Self, VocabularyError> {
        for decl in &rule.map.edge_kinds {
            vocabulary.declare_edge(decl.clone())?;
        }
        rule.fixed = rule.fixed.map(|k| vocabulary.resolve_edge(k)).transpose()?;
        Ok(KindResolver { rule, seen: HashMap::new() })
    }

    /// The kind of a row whose relation is `relation` (`None`: no relation column).
    pub fn resolve(
        &mut self,
        relation: Option<&str>,
        vocabulary: &mut Vocabulary,
        report: &mut ImportReport,
    ) -> Result<Relation, RowProblem> {
        let Some(relation) = relation else {
            return Ok(Relation::Kind(self.rule.fixed.unwrap_or(EdgeKind::RelatedTo)));
        };
        if let Some(known) = self.seen.get(relation) {
            return Ok(*known);
        }
        let answer = self.lookup(relation, vocabulary, report)?;
        self.seen.insert(relation.to_owned(), answer);
        Ok(answer)
    }

    fn lookup(
        &self,
        relation: &str,
        vocabulary: &mut Vocabulary,
        report: &mut ImportReport,
    ) -> Result<Relation, RowProblem> {
        let unknown = |suggestion| RowProblem::UnknownRelation { relation: relation.to_owned(), suggestion };
        let trimmed = relation.trim();
        if let Some(target) = self.rule.map.kinds.get(trimmed) {
            return match target {
                None => Ok(Relation::Drop),
                Some(name) => match vocabulary.edge_kind(name) {
                    Ok(kind) => Ok(Relation::Kind(kind)),
                    Err(VocabularyError::Unknown { suggestion, .. }) => Err(unknown(suggestion)),
                    Err(_) => Err(unknown(None)),
                },
            };
        }
        match vocabulary.edge_kind(trimmed) {
            Ok(kind) => Ok(Relation::Kind(kind)),
            Err(VocabularyError::Unknown { suggestion, .. }) => {
                if !self.rule.declare {
                    return Err(unknown(suggestion));
                }
                let name = slug(trimmed).ok_or_else(|| RowProblem::Empty { field: "relation".to_owned() })?;
                if let Ok(kind) = vocabulary.edge_kind(&name) {
                    return Ok(Relation::Kind(kind));
                }
                let mut decl = EdgeKindDecl::new(name.as_str());
                decl.label = (trimmed != name).then(|| trimmed.to_owned());
                decl.meaning = Some(format!("declared on import for relation `{trimmed}`"));
                let kind = vocabulary.declare_edge(decl).map_err(|_| unknown(None))?;
                report.declared += 1;
                Ok(Relation::Kind(kind))
            }
            Err(_) => Err(unknown(None)),
        }
    }
}

/// A strftime-like date pattern: `%Y` (year), `%m` (month 1–12), `%d` (day), `%b`/`%B`
/// (month name or its first three letters, any case), `%%`; other characters must match as
/// written. The date is as precise as the pattern: a pattern without `%d` gives months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat {
    pattern: String,
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

impl DateFormat {
    /// A pattern; `None` when it has no `%Y` or an unknown `%` code.
    pub fn new(pattern: &str) -> Option<DateFormat> {
        let mut chars = pattern.chars();
        let mut year = false;
        while let Some(c) = chars.next() {
            if c == '%' {
                match chars.next()? {
                    'Y' => year = true,
                    'm' | 'd' | 'b' | 'B' | '%' => {}
                    _ => return None,
                }
            }
        }
        year.then(|| DateFormat { pattern: pattern.to_owned() })
    }

    /// The pattern as given.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Reads a date; `None` when the text does not fit the pattern or names no real day.
    pub fn parse(&self, text: &str) -> Option<PartialDate> {
        let (mut year, mut month, mut day) = (None, None, None);
        let mut rest = text.trim();
        let mut pattern = self.pattern.chars();
        while let Some(c) = pattern.next() {
            if c != '%' {
                rest = rest.strip_prefix(c)?;
                continue;
            }
            match pattern.next()? {
                'Y' => year = Some(take_number(&mut rest, 4)?),
                'm' => month = Some(take_number(&mut rest, 2)?),
                'd' => day = Some(take_number(&mut rest, 2)?),
                'b' | 'B' => {
                    let lower = rest.to_ascii_lowercase();
                    let index = MONTHS.iter().position(|m| lower.starts_with(m))?;
                    let full_len = lower.chars().take_while(|c| c.is_ascii_alphabetic()).count();
                    rest = rest.get(full_len..)?;
                    month = Some(index as u32 + 1);
                }
                '%' => rest = rest.strip_prefix('%')?,
                _ => return None,
            }
        }
        if !rest.is_empty() {
            return None;
        }
        let year = u16::try_from(year?).ok()?;
        let month = month.map(u8::try_from).transpose().ok()?;
        let day = day.map(u8::try_from).transpose().ok()?;
        match (month, day) {
            (None, None) => Some(PartialDate::year(year)),
            (Some(m), None) => PartialDate::month(year, m),
            (Some(m), Some(d)) => PartialDate::day(year, m, d),
            (None, Some(_)) => None,
        }
    }
}

/// Takes up to `max` digits (at least one).
fn take_number(rest: &mut &str, max: usize) -> Option<u32> {
    let digits = rest.chars().take(max).take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let (number, tail) = rest.split_at(digits);
    *rest = tail;
    number.parse().ok()
}

/// Reads a date with a pattern, or as ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD` without one (month
/// and day may have one digit, as joined columns give them).
pub fn read_date(text: &str, format: Option<&DateFormat>) -> Result<PartialDate, RowProblem> {
    let iso = |pattern: &str| DateFormat { pattern: pattern.to_owned() }.parse(text);
    let parsed = match format {
        Some(format) => format.parse(text),
        None => iso("%Y-%m-%d").or_else(|| iso("%Y-%m")).or_else(|| iso("%Y")),
    };
    parsed.ok_or_else(|| RowProblem::Date {
        text: text.to_owned(),
        pattern: format.map_or_else(|| "YYYY, YYYY-MM or YYYY-MM-DD".to_owned(), |f| f.pattern().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_patterns_read_us_dates_month_names_and_compact_days() {
        let us = DateFormat::new("%m/%d/%Y").unwrap();
        assert_eq!(us.parse("04/04/1949").unwrap().to_string(), "1949-04-04");
        assert_eq!(us.parse("4/4/1949").unwrap().to_string(), "1949-04-04");
        assert!(us.parse("02/30/1949").is_none());
        assert!(us.parse("04/04/1949x").is_none());
        let compact = DateFormat::new("%Y%m%d").unwrap();
        assert_eq!(compact.parse("20160312").unwrap().to_string(), "2016-03-12");
        let named = DateFormat::new("%d %b %Y").unwrap();
        assert_eq!(named.parse("7 December 1941").unwrap().to_string(), "1941-12-07");
        assert_eq!(DateFormat::new("%b %Y").unwrap().parse("Sep 1939").unwrap().to_string(), "1939-09");
        assert!(DateFormat::new("%m/%d").is_none());
        assert!(DateFormat::new("%Y %q").is_none());
    }

    #[test]
    fn relations_map_declare_or_fail_with_a_suggestion() {
        let mut vocabulary = Vocabulary::new();
        let mut report = ImportReport::default();
        let mut map = KindMap::default();
        map.kinds.insert("Defense".into(), Some("allied_with".into()));
        map.kinds.insert("noise".into(), None);
        let rule = KindRule { fixed: None, map: map.clone(), declare: false };
        let mut strict = KindResolver::new(rule, &mut vocabulary).unwrap();
        let mut resolve = |r: &str, v: &mut Vocabulary| strict.resolve(Some(r), v, &mut report);
        assert_eq!(resolve("Defense", &mut vocabulary), Ok(Relation::Kind(EdgeKind::AlliedWith)));
        assert_eq!(resolve("noise", &mut vocabulary), Ok(Relation::Drop));
        assert_eq!(resolve("member-of", &mut vocabulary), Ok(Relation::Kind(EdgeKind::MemberOf)));
        match resolve("sanction", &mut vocabulary) {
            Err(RowProblem::UnknownRelation { suggestion, .. }) => assert_eq!(suggestion.as_deref(), Some("sanctions")),
            other => panic!("{other:?}"),
        }
        let mut lenient = KindResolver::new(KindRule { fixed: None, map, declare: true }, &mut vocabulary).unwrap();
        let kind = lenient.resolve(Some("/film/film/genre"), &mut vocabulary, &mut report).unwrap();
        assert!(
            matches!(kind, Relation::Kind(k) if k.as_str() == "film_film_genre" && k.label() == "/film/film/genre")
        );
        assert_eq!(report.declared, 1);
    }
}
