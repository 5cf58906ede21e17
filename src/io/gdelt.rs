//! GDELT event exports: the 1.0 (57 or 58 columns) and 2.0 (61 columns) layouts, headerless
//! and tab-separated, plain, `.gz` or `.zip`, read row by row into an aggregated model.
//!
//! - **Actors.** A row's actors become nodes. An actor with a CAMEO country code becomes a
//!   `country` node (id: the code in lower case, name from `profiles/cameo/CAMEO.country.txt`;
//!   a region code such as `EUR` becomes an `actor` node, an unlisted code an `actor` named by
//!   the code). With [`Actors::Roles`] (the default) an actor that also has a role (its
//!   `Type1Code`: GOV, MIL, …) becomes an `organization` node `<country>_<role>` named
//!   "`<country> <role label>`", `part_of` its country; [`Actors::Country`] folds roles into the
//!   country. An actor without a country code becomes an `organization` node named by its
//!   role label, or its GDELT name. Rows without both actor codes are counted and skipped;
//!   so are rows whose two actors are the same node.
//! - **Events.** The event code maps to an edge kind through [`cameo::EVENT_KINDS`]
//!   (built-in where one fits, else a declared kind that carries the CAMEO root code and its
//!   Goldstein score); tie direction is actor 1 → actor 2, except that symmetric kinds keep
//!   their ends in id order so that A–B and B–A events merge.
//! - **Aggregation.** Events with the same ends, kind and [`Window`] merge into one tie: since
//!   and until from the first and last event day, intensity the mean Goldstein score, the
//!   note `N events` ([`events_note`]), and evidence from the first three distinct source URLs
//!   (each a source titled by its host).
//!
//! Memory holds the nodes and the aggregated ties (each with at most three URLs), not the
//! rows.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::io::cameo::{self, Target};
use crate::io::rows::{for_each_line, with_lines, ImportError, ImportReport, RowProblem};
use crate::model::{Edge, EdgeKind, Evidence, Model, Node, NodeKind, PartialDate, Source, Vocabulary};

/// The export layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// GDELT 1.0: 57 columns (back files) or 58 (daily files, with SOURCEURL).
    V1,
    /// GDELT 2.0: 61 columns.
    V2,
}

/// How ties are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// One tie per day.
    Day,
    /// One tie per calendar month.
    #[default]
    Month,
    /// One tie per calendar quarter.
    Quarter,
    /// One tie per year.
    Year,
    /// One tie for the whole file.
    None,
}

impl Window {
    /// The bucket a day falls in.
    fn bucket(self, day: &PartialDate) -> String {
        let d = day.first_day();
        match self {
            Window::Day => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            Window::Month => format!("{:04}-{:02}", d.year, d.month),
            Window::Quarter => format!("{:04}-Q{}", d.year, d.month.div_ceil(3)),
            Window::Year => format!("{:04}", d.year),
            Window::None => String::new(),
        }
    }
}

/// What an actor with a role becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Actors {
    /// An organization node `part_of` its country.
    #[default]
    Roles,
    /// Its country.
    Country,
}

/// How to read a GDELT export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GdeltOptions {
    /// The layout.
    pub version: Version,
    /// How ties are grouped in time.
    pub window: Window,
    /// What actors with roles become.
    pub actors: Actors,
    /// Skip and count unreadable rows instead of failing.
    pub skip_bad: bool,
}

impl GdeltOptions {
    /// Options for a layout, with monthly ties and role organizations.
    pub fn new(version: Version) -> Self {
        GdeltOptions { version, window: Window::Month, actors: Actors::Roles, skip_bad: false }
    }

    /// With a time window.
    pub fn with_window(mut self, window: Window) -> Self {
        self.window = window;
        self
    }

    /// With an actor rule.
    pub fn with_actors(mut self, actors: Actors) -> Self {
        self.actors = actors;
        self
    }

    /// Skipping unreadable rows.
    pub fn with_skip_bad(mut self, skip_bad: bool) -> Self {
        self.skip_bad = skip_bad;
        self
    }
}

/// Column positions (0-based) shared by both layouts.
mod col {
    pub const ID: usize = 0;
    pub const DATE: usize = 1;
    pub const ACTOR1: [usize; 4] = [5, 6, 7, 12];
    pub const ACTOR2: [usize; 4] = [15, 16, 17, 22];
    pub const EVENT_CODE: usize = 26;
    pub const GOLDSTEIN: usize = 30;
}

/// One merged tie.
#[derive(Debug)]
struct Tie {
    events: u64,
    goldstein: f64,
    first: PartialDate,
    last: PartialDate,
    urls: Vec<(String, String)>,
}

/// The aggregation state.
struct Import {
    options: GdeltOptions,
    vocabulary: Vocabulary,
    nodes: Vec<Node>,
    ids: HashMap<String, usize>,
    part_of: Vec<(String, String)>,
    ties: BTreeMap<(String, String, EdgeKind, String), Tie>,
    kinds: HashMap<&'static str, EdgeKind>,
    report: ImportReport,
}

impl Import {
    fn node(&mut self, id: String, kind: NodeKind, name: &str) -> String {
        if !self.ids.contains_key(&id) {
            self.ids.insert(id.clone(), self.nodes.len());
            self.nodes.push(Node::new(id.as_str(), kind, name));
        }
        id
    }

    /// The node id of an actor: code, GDELT name, country code, role code.
    fn actor(&mut self, [code, name, country, role]: [&str; 4]) -> String {
        let country_node = |this: &mut Self| {
            let (kind, label) = match cameo::country_name(country) {
                Some(label) if cameo::is_region(country) => (NodeKind::Actor, label),
                Some(label) => (NodeKind::Country, label),
                None => (NodeKind::Actor, country),
            };
            let id = this.node(country.to_ascii_lowercase(), kind, label);
            (id, label)
        };
        if !country.is_empty() {
            let (country_id, country_label) = country_node(self);
            if role.is_empty() || self.options.actors == Actors::Country {
                return country_id;
            }
            let role_label = cameo::type_label(role).unwrap_or(role);
            let id = format!("{country_id}_{}", role.to_ascii_lowercase());
            if !self.ids.contains_key(&id) {
                self.part_of.push((id.clone(), country_id));
            }
            return self.node(id, NodeKind::Organization, &format!("{country_label} {role_label}"));
        }
        let name = cameo::type_label(code).unwrap_or(if name.is_empty() { code } else { name });
        self.node(code.to_ascii_lowercase(), NodeKind::Organization, name)
    }

    /// The edge kind of an event code, declaring the table's kind on first use.
    fn kind(&mut self, code: &str) -> Result<EdgeKind, RowProblem> {
        let unknown = || RowProblem::Number { text: code.to_owned(), expected: "a CAMEO event code (01… to 20…)" };
        let (prefix, target) = cameo::event_target(code).ok_or_else(unknown)?;
        match target {
            Target::Builtin(kind) => Ok(kind),
            Target::Declared(name, polarity, meaning) => {
                if let Some(kind) = self.kinds.get(name) {
                    return Ok(*kind);
                }
                let kind = self
                    .vocabulary
                    .declare_edge(cameo::declaration(prefix, name, polarity, meaning))
                    .map_err(|_| unknown())?;
                self.kinds.insert(name, kind);
                self.report.declared += 1;
                Ok(kind)
            }
        }
    }

    fn row(&mut self, fields: &[&str]) -> Result<(), (Option<usize>, RowProblem)> {
        let expected: &[usize] = match self.options.version {
            Version::V1 => &[57, 58],
            Version::V2 => &[61],
        };
        if !expected.contains(&fields.len()) {
            let expected = expected.last().copied().unwrap_or_default();
            return Err((None, RowProblem::FieldCount { found: fields.len(), expected }));
        }
        let get = |i: usize| fields.get(i).map_or("", |f| f.trim());
        let actor = |cols: [usize; 4]| cols.map(get);
        let (a1, a2) = (actor(col::ACTOR1), actor(col::ACTOR2));
        if a1[0].is_empty() || a2[0].is_empty() {
            self.report.missing_actor += 1;
            return Ok(());
        }
        let date_text = get(col::DATE);
        let date = crate::io::rows::read_date(date_text, cameo_date()).map_err(|p| (Some(col::DATE + 1), p))?;
        let code = get(col::EVENT_CODE);
        let goldstein_text = get(col::GOLDSTEIN);
        let goldstein = goldstein_text.parse::<f64>().ok().filter(|g| (-10.0..=10.0).contains(g)).ok_or((
            Some(col::GOLDSTEIN + 1),
            RowProblem::Number { text: goldstein_text.to_owned(), expected: "a Goldstein score, −10 … 10" },
        ))?;
        let unknown = || RowProblem::Number { text: code.to_owned(), expected: "a CAMEO event code (01… to 20…)" };
        if cameo::event_target(code).is_none() {
            return Err((Some(col::EVENT_CODE + 1), unknown()));
        }
        let (mut from, mut to) = (self.actor(a1), self.actor(a2));
        if from == to {
            self.report.self_ties += 1;
            return Ok(());
        }
        // Declared on first use, so the model declares only the kinds its ties have.
        let kind = self.kind(code).map_err(|p| (Some(col::EVENT_CODE + 1), p))?;
        if kind.is_symmetric() && to < from {
            std::mem::swap(&mut from, &mut to);
        }
        let url = if fields.len() == 57 { "" } else { fields.last().map_or("", |f| f.trim()) };
        let bucket = self.options.window.bucket(&date);
        let tie = self.ties.entry((from, to, kind, bucket)).or_insert(Tie {
            events: 0,
            goldstein: 0.0,
            first: date,
            last: date,
            urls: Vec::new(),
        });
        tie.events += 1;
        tie.goldstein += goldstein;
        tie.first = tie.first.min(date);
        tie.last = tie.last.max(date);
        if !url.is_empty() && tie.urls.len() < 3 && !tie.urls.iter().any(|(u, _)| u == url) {
            let description = cameo::event_description(code).unwrap_or(code);
            tie.urls.push((url.to_owned(), format!("GDELT event {}: {description} (CAMEO {code})", get(col::ID))));
        }
        self.report.imported += 1;
        Ok(())
    }

    fn finish(self, title: String, path: &Path) -> Result<(Model, ImportReport), ImportError> {
        let build = |e: crate::model::ModelError| ImportError::Options { path: path.into(), message: e.to_string() };
        let mut model = Model::new(title);
        model.description = Some(format!(
            "GDELT {} events aggregated per {} (imported by relgraph)",
            match self.options.version {
                Version::V1 => "1.0",
                Version::V2 => "2.0",
            },
            match self.options.window {
                Window::Day => "day",
                Window::Month => "month",
                Window::Quarter => "quarter",
                Window::Year => "year",
                Window::None => "file",
            }
        ));
        model.vocabulary = self.vocabulary;
        for node in self.nodes {
            model.add_node(node).map_err(build)?;
        }
        for (org, country) in self.part_of {
            model.add_edge(Edge::new(org, country, EdgeKind::PartOf)).map_err(build)?;
        }
        let mut source_ids: HashMap<String, String> = HashMap::new();
        for ((from, to, kind, _), tie) in self.ties {
            let mut edge = Edge::new(from, to, kind);
            edge.since = Some(tie.first);
            edge.until = Some(tie.last);
            edge.intensity = Some(tie.goldstein / tie.events as f64);
            edge.note = Some(events_note(tie.events));
            for (url, quote) in tie.urls {
                let next = source_ids.len() + 1;
                let id = source_ids
                    .entry(url.clone())
                    .or_insert_with(|| {
                        model.sources.push(Source {
                            id: format!("gdelt{next}"),
                            title: host(&url).to_owned(),
                            author: None,
                            date: None,
                            url: Some(url.clone()),
                        });
                        format!("gdelt{next}")
                    })
                    .clone();
                edge.evidence.push(Evidence { source: id, quote });
            }
            model.add_edge(edge).map_err(build)?;
        }
        Ok((model, self.report))
    }
}

/// The host of a URL (`www.example.org`), the title of a GDELT source; the URL itself
/// when it has none.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty()).unwrap_or(url)
}

/// The note a merged tie carries: `1 event`, `12 events`.
pub fn events_note(events: u64) -> String {
    format!("{events} event{}", if events == 1 { "" } else { "s" })
}

/// GDELT's SQLDATE: `YYYYMMDD`.
fn cameo_date() -> Option<&'static crate::io::rows::DateFormat> {
    static FORMAT: std::sync::OnceLock<Option<crate::io::rows::DateFormat>> = std::sync::OnceLock::new();
    FORMAT.get_or_init(|| crate::io::rows::DateFormat::new("%Y%m%d")).as_ref()
}

/// Reads a GDELT event export (see the [module docs](self)).
pub fn read(path: &Path, options: GdeltOptions) -> Result<(Model, ImportReport), ImportError> {
    let title = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    with_lines(path, |input| {
        let mut import = Import {
            options,
            vocabulary: Vocabulary::new(),
            nodes: Vec::new(),
            ids: HashMap::new(),
            part_of: Vec::new(),
            ties: BTreeMap::new(),
            kinds: HashMap::new(),
            report: ImportReport::default(),
        };
        for_each_line(input, path, |line, bytes| {
            let text = String::from_utf8_lossy(bytes);
            if text.is_empty() {
                return Ok(());
            }
            import.report.rows += 1;
            let fields: Vec<&str> = text.split('\t').collect();
            match import.row(&fields) {
                Err((column, problem)) if !options.skip_bad => {
                    Err(ImportError::Row { path: path.into(), line, column, problem })
                }
                Err((_, problem)) => {
                    import.report.skip(line, &problem);
                    Ok(())
                }
                Ok(()) => Ok(()),
            }
        })?;
        import.finish(title, path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_bucket_days_and_sources_are_titled_by_host() {
        let day: PartialDate = "2016-08-31".parse().unwrap();
        let buckets: Vec<String> =
            [Window::Day, Window::Month, Window::Quarter, Window::Year, Window::None].map(|w| w.bucket(&day)).into();
        assert_eq!(buckets, ["2016-08-31", "2016-08", "2016-Q3", "2016", ""]);
        assert_eq!(host("https://www.thenews.com.pk/print/1?x"), "www.thenews.com.pk");
        assert_eq!(host("example.org"), "example.org");
        assert_eq!(host("https://"), "https://");
        assert_eq!(events_note(1), "1 event");
        assert_eq!(events_note(12), "12 events");
    }
}
