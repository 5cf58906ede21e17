//! Tables and triples: any CSV/TSV with a header whose columns are given roles
//! (`--format table --columns from=…,to=…,kind=…`), and `head<TAB>relation<TAB>tail` lines
//! (`--format triples`).
//!
//! Roles: `from`, `to` (required), `kind`, `since`, `until`, `date` (a point date: since and
//! until both, unless those have their own columns), `weight`, `intensity`, `quote`, `url`,
//! `from_kind`, `to_kind` (the node kinds of the ends, else `--node-kind`).
//! A role names a header (any case) or a 1-based column number; `a+b+c` joins several
//! columns with `-` (a start date split over year, month and day columns), leaving out empty
//! ones. Dates are ISO, or follow `--date-format` ([`DateFormat`]). Relation values become
//! kinds through [`KindRule`]. Node names are kept verbatim as id and name; every node has
//! the kind given (`actor` by default). A `url` becomes a [`Source`] (one per distinct URL)
//! and, with the row's `quote`, the edge's evidence.
//!
//! The input streams (plain, `.gz` or `.zip`); a row that cannot be read fails the import
//! with FILE:LINE:COL, or is counted and skipped with `skip_bad`.

use std::collections::HashMap;
use std::path::Path;

use crate::io::rows::{
    for_each_line, read_date, with_lines, DateFormat, ImportError, ImportReport, KindResolver, KindRule, Relation,
    RowProblem,
};
use crate::model::{Edge, Evidence, Model, Node, NodeKind, Source, Vocabulary};

/// What a column stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The tail node's name.
    From,
    /// The head node's name.
    To,
    /// The relation, turned into an edge kind.
    Kind,
    /// First day the tie holds.
    Since,
    /// Last day the tie holds.
    Until,
    /// A point date: since and until.
    Date,
    /// Tie strength in (0, 1].
    Weight,
    /// Goldstein score, −10 … 10.
    Intensity,
    /// Evidence text.
    Quote,
    /// Where the evidence is.
    Url,
    /// The tail node's kind (the node kind of the row's first mention wins).
    FromKind,
    /// The head node's kind.
    ToKind,
}

impl Role {
    /// Every role, in documentation order.
    pub const ALL: [Role; 12] = [
        Role::From,
        Role::To,
        Role::Kind,
        Role::Since,
        Role::Until,
        Role::Date,
        Role::Weight,
        Role::Intensity,
        Role::Quote,
        Role::Url,
        Role::FromKind,
        Role::ToKind,
    ];

    /// The role's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::From => "from",
            Role::To => "to",
            Role::Kind => "kind",
            Role::Since => "since",
            Role::Until => "until",
            Role::Date => "date",
            Role::Weight => "weight",
            Role::Intensity => "intensity",
            Role::Quote => "quote",
            Role::Url => "url",
            Role::FromKind => "from_kind",
            Role::ToKind => "to_kind",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let wanted = text.trim().to_ascii_lowercase();
        Role::ALL.into_iter().find(|r| r.as_str() == wanted).ok_or_else(|| {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            format!("unknown role `{text}`; roles are {}", names.join(", "))
        })
    }
}

/// How to read the rows of a table or triples file.
#[derive(Debug, Clone)]
pub struct TableOptions {
    /// Role → column (header name or 1-based number; `a+b` joins columns).
    pub columns: Vec<(Role, String)>,
    /// Relation values → kinds.
    pub kinds: KindRule,
    /// The pattern dates follow; ISO when `None`.
    pub date_format: Option<DateFormat>,
    /// The kind every node gets.
    pub node_kind: NodeKind,
    /// Skip and count unreadable rows instead of failing.
    pub skip_bad: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            columns: Vec::new(),
            kinds: KindRule::default(),
            date_format: None,
            node_kind: NodeKind::Actor,
            skip_bad: false,
        }
    }
}

impl TableOptions {
    /// Options with these roles.
    pub fn with_columns(mut self, columns: Vec<(Role, String)>) -> Self {
        self.columns = columns;
        self
    }

    /// Options with this kind rule.
    pub fn with_kinds(mut self, kinds: KindRule) -> Self {
        self.kinds = kinds;
        self
    }

    /// Options with a date pattern.
    pub fn with_date_format(mut self, format: Option<DateFormat>) -> Self {
        self.date_format = format;
        self
    }

    /// Options that skip unreadable rows.
    pub fn with_skip_bad(mut self, skip_bad: bool) -> Self {
        self.skip_bad = skip_bad;
        self
    }
}

/// One row's fields by role, before they are checked.
#[derive(Debug, Default)]
struct RawRow {
    from: String,
    to: String,
    relation: Option<String>,
    since: Option<String>,
    until: Option<String>,
    date: Option<String>,
    weight: Option<String>,
    intensity: Option<String>,
    quote: Option<String>,
    url: Option<String>,
    from_kind: Option<String>,
    to_kind: Option<String>,
}

/// Builds the model row by row: nodes by name, sources by URL, kinds through the resolver.
struct Builder<'o> {
    options: &'o TableOptions,
    vocabulary: Vocabulary,
    resolver: KindResolver,
    nodes: Vec<Node>,
    ids: HashMap<String, usize>,
    edges: Vec<Edge>,
    sources: Vec<Source>,
    source_ids: HashMap<String, usize>,
    report: ImportReport,
}

/// The source id evidence without a URL points at: the imported file.
const FILE_SOURCE: &str = "import";

impl<'o> Builder<'o> {
    fn new(options: &'o TableOptions) -> Result<Self, ImportError> {
        let mut vocabulary = Vocabulary::new();
        let resolver = KindResolver::new(options.kinds.clone(), &mut vocabulary)?;
        Ok(Builder {
            options,
            vocabulary,
            resolver,
            nodes: Vec::new(),
            ids: HashMap::new(),
            edges: Vec::new(),
            sources: Vec::new(),
            source_ids: HashMap::new(),
            report: ImportReport::default(),
        })
    }

    fn node(&mut self, name: &str, kind: Option<NodeKind>) -> String {
        if !self.ids.contains_key(name) {
            self.ids.insert(name.to_owned(), self.nodes.len());
            self.nodes.push(Node::new(name, kind.unwrap_or(self.options.node_kind), name));
        }
        name.to_owned()
    }

    /// A node kind given in a row, read through the vocabulary.
    fn node_kind(&self, role: Role, text: Option<&str>) -> Result<Option<NodeKind>, (Option<Role>, RowProblem)> {
        match text.map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => self.vocabulary.node_kind(text).map(Some).map_err(|e| {
                (Some(role), RowProblem::Malformed { message: format!("`{text}` is not a node kind ({e})") })
            }),
        }
    }

    fn source(&mut self, url: Option<&str>, title: &str) -> String {
        let key = url.unwrap_or(FILE_SOURCE).to_owned();
        if let Some(&i) = self.source_ids.get(&key) {
            return self.sources.get(i).map(|s| s.id.clone()).unwrap_or_default();
        }
        let id = if url.is_some() { format!("url{}", self.source_ids.len() + 1) } else { FILE_SOURCE.to_owned() };
        self.source_ids.insert(key, self.sources.len());
        self.sources.push(Source {
            id: id.clone(),
            title: url.unwrap_or(title).to_owned(),
            author: None,
            date: None,
            url: url.map(str::to_owned),
        });
        id
    }

    /// Turns one row into an edge; `Ok(false)` when the map drops it.
    fn row(&mut self, raw: RawRow, title: &str) -> Result<bool, (Option<Role>, RowProblem)> {
        let nonempty = |role: Role, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                Err((Some(role), RowProblem::Empty { field: role.as_str().to_owned() }))
            } else {
                Ok(text.to_owned())
            }
        };
        let from = nonempty(Role::From, &raw.from)?;
        let to = nonempty(Role::To, &raw.to)?;
        let relation = raw.relation.as_deref().map(str::trim);
        let kind = match self.resolver.resolve(relation, &mut self.vocabulary, &mut self.report) {
            Ok(Relation::Kind(kind)) => kind,
            Ok(Relation::Drop) => {
                self.report.dropped += 1;
                return Ok(false);
            }
            Err(problem) => return Err((Some(Role::Kind), problem)),
        };
        let format = self.options.date_format.as_ref();
        let date = |role: Role, text: &Option<String>| match text.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => read_date(text, format).map(Some).map_err(|p| (Some(role), p)),
        };
        let point = date(Role::Date, &raw.date)?;
        let since = date(Role::Since, &raw.since)?.or(point);
        let until = date(Role::Until, &raw.until)?.or(point);
        if let (Some(s), Some(u)) = (since, until) {
            if u.last_day() < s.first_day() {
                let problem = RowProblem::Date { text: u.to_string(), pattern: format!("a day not before {s}") };
                return Err((Some(Role::Until), problem));
            }
        }
        let number = |role: Role, text: &Option<String>, ok: fn(f64) -> bool, expected: &'static str| match text
            .as_deref()
            .map(str::trim)
        {
            None | Some("") => Ok(None),
            Some(text) => match text.parse::<f64>() {
                Ok(value) if ok(value) => Ok(Some(value)),
                _ => Err((Some(role), RowProblem::Number { text: text.to_owned(), expected })),
            },
        };
        let weight = number(Role::Weight, &raw.weight, |w| w > 0.0 && w <= 1.0, "a weight in (0, 1]")?;
        let intensity =
            number(Role::Intensity, &raw.intensity, |i| (-10.0..=10.0).contains(&i), "a Goldstein score, −10 … 10")?;
        let from_kind = self.node_kind(Role::FromKind, raw.from_kind.as_deref())?;
        let to_kind = self.node_kind(Role::ToKind, raw.to_kind.as_deref())?;
        let from = self.node(&from, from_kind);
        let to = self.node(&to, to_kind);
        let mut edge = Edge::new(from, to, kind);
        (edge.since, edge.until, edge.weight, edge.intensity) = (since, until, weight, intensity);
        let url = raw.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let quote = raw.quote.as_deref().map(str::trim).filter(|q| !q.is_empty());
        if url.is_some() || quote.is_some() {
            let source = self.source(url, title);
            edge.evidence.push(Evidence { source, quote: quote.unwrap_or_default().to_owned() });
        }
        self.edges.push(edge);
        self.report.imported += 1;
        Ok(true)
    }

    fn finish(self, title: &str) -> Result<(Model, ImportReport), ImportError> {
        let mut model = Model::new(title);
        model.vocabulary = self.vocabulary;
        model.sources = self.sources;
        for node in self.nodes {
            model.add_node(node).map_err(|e| ImportError::Options { path: title.into(), message: e.to_string() })?;
        }
        for edge in self.edges {
            model.add_edge(edge).map_err(|e| ImportError::Options { path: title.into(), message: e.to_string() })?;
        }
        Ok((model, self.report))
    }
}

/// The file's name, the model's title.
fn title_of(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Where a role's value comes from: column indices, joined with `-`.
type Sources = Vec<(Role, Vec<usize>)>;

fn columns_of(path: &Path, header: &[String], options: &TableOptions) -> Result<Sources, ImportError> {
    let bad = |message: String| ImportError::Options { path: path.into(), message };
    let mut out: Sources = Vec::new();
    for (role, spec) in &options.columns {
        let mut indices = Vec::new();
        for part in spec.split('+') {
            let part = part.trim();
            let index = match part.parse::<usize>() {
                Ok(n) if n >= 1 && n <= header.len() => n - 1,
                _ => header.iter().position(|h| h.trim().eq_ignore_ascii_case(part)).ok_or_else(|| {
                    let suggestion = crate::model::closest(part, header.iter().map(String::as_str))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    bad(format!("no column `{part}` for role `{}`{suggestion}", role.as_str()))
                })?,
            };
            indices.push(index);
        }
        if out.iter().any(|(r, _)| r == role) {
            return Err(bad(format!("role `{}` is given twice", role.as_str())));
        }
        out.push((*role, indices));
    }
    for required in [Role::From, Role::To] {
        if !out.iter().any(|(r, _)| *r == required) {
            return Err(bad(format!("--columns needs a `{}` column", required.as_str())));
        }
    }
    if out.iter().any(|(r, _)| *r == Role::Kind) && options.kinds.fixed.is_some() {
        return Err(bad("give either a `kind` column or --kind, not both".to_owned()));
    }
    Ok(out)
}

/// The delimiter of a table: tab for `.tsv` and `.tab` files or a header with a tab, else comma.
fn delimiter(path: &Path, first: &[u8]) -> u8 {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let header = first.split(|&b| b == b'\n').next().unwrap_or_default();
    if name.contains(".tsv") || name.contains(".tab") || header.contains(&b'\t') {
        b'\t'
    } else {
        b','
    }
}

/// Reads a table with a header (see the [module docs](self)).
pub fn read_table(path: &Path, options: &TableOptions) -> Result<(Model, ImportReport), ImportError> {
    let title = title_of(path);
    with_lines(path, |input| {
        let io = |source| ImportError::Io { path: path.into(), source };
        let sep = delimiter(path, input.fill_buf().map_err(io)?);
        let mut reader = csv::ReaderBuilder::new().delimiter(sep).flexible(true).from_reader(input);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| ImportError::Options { path: path.into(), message: e.to_string() })?
            .iter()
            .map(str::to_owned)
            .collect();
        let columns = columns_of(path, &header, options)?;
        let mut builder = Builder::new(options)?;
        let mut record = csv::StringRecord::new();
        loop {
            let line = reader.position().line() + 1;
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(error) => {
                    let line = error.position().map_or(line, |p| p.line());
                    let problem = RowProblem::Malformed { message: error.to_string() };
                    builder.report.rows += 1;
                    fail(path, options, &mut builder.report, line, None, problem)?;
                    continue;
                }
            }
            let line = record.position().map_or(line, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            builder.report.rows += 1;
            let get = |indices: &[usize]| -> String {
                let parts: Vec<&str> =
                    indices.iter().filter_map(|&i| record.get(i)).map(str::trim).filter(|p| !p.is_empty()).collect();
                parts.join("-")
            };
            let mut raw = RawRow::default();
            for (role, indices) in &columns {
                let value = get(indices);
                match role {
                    Role::From => raw.from = value,
                    Role::To => raw.to = value,
                    Role::Kind => raw.relation = Some(value),
                    Role::Since => raw.since = Some(value),
                    Role::Until => raw.until = Some(value),
                    Role::Date => raw.date = Some(value),
                    Role::Weight => raw.weight = Some(value),
                    Role::Intensity => raw.intensity = Some(value),
                    Role::Quote => raw.quote = Some(value),
                    Role::Url => raw.url = Some(value),
                    Role::FromKind => raw.from_kind = Some(value),
                    Role::ToKind => raw.to_kind = Some(value),
                }
            }
            if let Err((role, problem)) = builder.row(raw, &title) {
                let column = role.and_then(|r| columns.iter().find(|(c, _)| *c == r)).and_then(|(_, i)| i.first());
                fail(path, options, &mut builder.report, line, column.map(|c| c + 1), problem)?;
            }
        }
        builder.finish(&title)
    })
}

/// A bad row: an error, or a count with `skip_bad`.
fn fail(
    path: &Path,
    options: &TableOptions,
    report: &mut ImportReport,
    line: u64,
    column: Option<usize>,
    problem: RowProblem,
) -> Result<(), ImportError> {
    if options.skip_bad {
        report.skip(line, &problem);
        Ok(())
    } else {
        Err(ImportError::Row { path: path.into(), line, column, problem })
    }
}

/// Reads `head<TAB>relation<TAB>tail` lines; blank lines and lines starting with `#` are
/// skipped. The options' columns are ignored.
pub fn read_triples(path: &Path, options: &TableOptions) -> Result<(Model, ImportReport), ImportError> {
    let title = title_of(path);
    with_lines(path, |input| {
        let mut builder = Builder::new(options)?;
        for_each_line(input, path, |line, bytes| {
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    builder.report.rows += 1;
                    let problem = RowProblem::Malformed { message: format!("not UTF-8 at byte {}", e.valid_up_to()) };
                    return fail(path, options, &mut builder.report, line, None, problem);
                }
            };
            if text.trim().is_empty() || text.trim_start().starts_with('#') {
                return Ok(());
            }
            builder.report.rows += 1;
            let fields: Vec<&str> = text.split('\t').collect();
            let [head, relation, tail] = fields.as_slice() else {
                let problem = RowProblem::FieldCount { found: fields.len(), expected: 3 };
                return fail(path, options, &mut builder.report, line, None, problem);
            };
            let raw = RawRow {
                from: (*head).to_owned(),
                to: (*tail).to_owned(),
                relation: Some((*relation).to_owned()),
                ..RawRow::default()
            };
            match builder.row(raw, &title) {
                Ok(_) => Ok(()),
                Err((role, problem)) => {
                    let column = match role {
                        Some(Role::From) => Some(1),
                        Some(Role::Kind) => Some(2),
                        Some(Role::To) => Some(3),
                        _ => None,
                    };
                    fail(path, options, &mut builder.report, line, column, problem)
                }
            }
        })?;
        builder.finish(&title)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_dated_dyad_table_reads_roles_joined_dates_and_kinds() {
        let (_d, path) = write(
            "alliances.csv",
            "a,b,type,y,m,d,end\nUSA,UK,defense,1949,4,4,\nUSA,FRA,Neutrality,1950,,,12/31/1960\n",
        );
        let mut map = crate::io::rows::KindMap::default();
        map.kinds.insert("defense".into(), Some("allied_with".into()));
        let columns = vec![
            (Role::From, "a".into()),
            (Role::To, "B".into()),
            (Role::Kind, "type".into()),
            (Role::Since, "y+m+d".into()),
            (Role::Until, "7".into()),
        ];
        let options =
            TableOptions::default().with_columns(columns).with_kinds(KindRule { fixed: None, map, declare: true });
        // ISO dates by default: the US date is a bad row, named by line and column.
        let error = read_table(&path, &options).unwrap_err().to_string();
        assert!(
            error.ends_with("alliances.csv:3:7: `12/31/1960` is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"),
            "{error}"
        );
        let (model, report) = read_table(&path, &options.clone().with_skip_bad(true)).unwrap();
        assert_eq!((report.rows, report.imported, report.skipped_bad), (2, 1, 1));
        let options = options.with_date_format(DateFormat::new("%m/%d/%Y"));
        let error = read_table(&path, &options).unwrap_err().to_string();
        assert!(error.contains(":2:4: `1949-4-4` is not a date in the form %m/%d/%Y"), "{error}");
        assert_eq!(model.edge_count(), 1);
    }

    #[test]
    fn triples_declare_every_relation_and_report_bad_lines() {
        let (_d, path) = write("t.txt", "# comment\n/m/1\t/film/genre\t/m/2\n/m/2\tmember_of\t/m/3\n\nbroken line\n");
        let options = TableOptions::default().with_kinds(KindRule { declare: true, ..KindRule::default() });
        let error = read_triples(&path, &options).unwrap_err().to_string();
        assert!(error.ends_with("t.txt:5: 1 fields, expected 3"), "{error}");
        let (model, report) = read_triples(&path, &options.with_skip_bad(true)).unwrap();
        assert_eq!((report.rows, report.imported, report.skipped_bad, report.declared), (3, 2, 1, 1));
        let kinds: Vec<&str> = model.edges().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["film_genre", "member_of"]);
        assert_eq!(model.node_count(), 3);
    }
}
