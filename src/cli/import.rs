//! `relgraph import`: read an edge list, GraphML, node-link JSON, a GDELT event export, a
//! table with a header, or triples into a RON model (see `docs/import.md`).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{input, Failure};
use crate::api::{
    self, Actors, DateFormat, GdeltOptions, ImportError, KindMap, KindRule, Role, TableOptions, Version, Window,
};
use crate::model::{EdgeKind, Model, NodeKind};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormat {
    /// By extension: edge list (.tsv, .csv, .txt), GraphML (.graphml, .xml), node-link JSON
    /// (.json), else RON.
    Auto,
    /// A GDELT 1.0 event export (57 or 58 tab-separated columns; plain, .gz or .zip).
    Gdelt1,
    /// A GDELT 2.0 event export (61 tab-separated columns; plain, .gz or .zip).
    Gdelt2,
    /// A CSV or TSV table with a header; give the roles with --columns.
    Table,
    /// head<TAB>relation<TAB>tail lines.
    Triples,
}

/// Time windows for GDELT ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum WindowArg {
    /// One tie per day.
    Day,
    /// One tie per month.
    Month,
    /// One tie per quarter.
    Quarter,
    /// One tie per year.
    Year,
    /// One tie for the whole file.
    None,
}

/// What GDELT actors with roles become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ActorsArg {
    /// Organizations (`usa_gov`) part_of their country.
    Roles,
    /// Their country.
    Country,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (plain, or .gz/.zip for gdelt1, gdelt2, table and triples).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write the RON model (atomically). Default: standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// The input format. Default: auto (by extension).
    #[arg(long, value_enum, default_value_t = ImportFormat::Auto)]
    format: ImportFormat,
    /// Table columns by role: ROLE=COLUMN,… with roles from, to, kind, since, until, date,
    /// weight, intensity, quote, url; COLUMN is a header name or 1-based number, and a+b+c
    /// joins columns with `-` (dates split over year, month and day columns).
    #[arg(long, value_name = "ROLE=COLUMN,…", value_delimiter = ',', value_parser = parse_column)]
    columns: Vec<(Role, String)>,
    /// The kind of every row of a table without a kind column. Default: related_to.
    #[arg(long, value_name = "KIND", value_parser = crate::model::vocabulary::edge_kind_named)]
    kind: Option<EdgeKind>,
    /// The kind of every node of a table or triples. Default: actor.
    #[arg(long, value_name = "KIND", default_value = "actor", value_parser = crate::model::vocabulary::node_kind_named)]
    node_kind: NodeKind,
    /// The pattern of the dates of a table: strftime-like, %Y %m %d %b %%, e.g. %m/%d/%Y.
    /// Default: ISO (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "PATTERN", value_parser = parse_date_format)]
    date_format: Option<DateFormat>,
    /// A RON file mapping relation values to kinds (None drops the rows); see docs/import.md.
    #[arg(long, value_name = "FILE")]
    map: Option<PathBuf>,
    /// Declare every relation that is neither mapped nor a kind as a neutral kind.
    #[arg(long)]
    declare: bool,
    /// Skip and count rows that cannot be read instead of failing on the first.
    #[arg(long)]
    skip_bad: bool,
    /// GDELT: merge the events of a pair and kind per window. Default: month.
    #[arg(long, value_enum, default_value_t = WindowArg::Month)]
    window: WindowArg,
    /// GDELT: what actors with a role (GOV, MIL, …) become. Default: roles.
    #[arg(long, value_enum, default_value_t = ActorsArg::Roles)]
    actors: ActorsArg,
}

fn parse_column(text: &str) -> Result<(Role, String), String> {
    let (role, column) = text.split_once('=').ok_or_else(|| format!("`{text}` is not ROLE=COLUMN"))?;
    if column.trim().is_empty() {
        return Err(format!("role `{role}` names no column"));
    }
    Ok((role.parse()?, column.trim().to_owned()))
}

fn parse_date_format(text: &str) -> Result<DateFormat, String> {
    DateFormat::new(text)
        .ok_or_else(|| format!("`{text}` is not a date pattern: use %Y with %m, %d, %b and literal text"))
}

/// Runs `import`.
pub fn run(args: &ImportArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (mut model, report) = match args.format {
        ImportFormat::Auto => (input::open(&args.file)?.into_model(), None),
        ImportFormat::Gdelt1 | ImportFormat::Gdelt2 => {
            let version = if args.format == ImportFormat::Gdelt1 { Version::V1 } else { Version::V2 };
            let options = GdeltOptions::new(version)
                .with_window(window(args.window))
                .with_actors(if args.actors == ActorsArg::Country { Actors::Country } else { Actors::Roles })
                .with_skip_bad(args.skip_bad);
            let (model, report) = api::import_gdelt(&args.file, options).map_err(failure)?;
            (model, Some(report))
        }
        ImportFormat::Table | ImportFormat::Triples => {
            let map = match &args.map {
                Some(path) => KindMap::load(path).map_err(failure)?,
                None => KindMap::default(),
            };
            let mut options = TableOptions::default()
                .with_columns(args.columns.clone())
                .with_kinds(KindRule { fixed: args.kind, map, declare: args.declare })
                .with_date_format(args.date_format.clone())
                .with_skip_bad(args.skip_bad);
            options.node_kind = args.node_kind;
            let read = if args.format == ImportFormat::Table { api::import_table } else { api::import_triples };
            let (model, report) = read(&args.file, &options).map_err(failure)?;
            (model, Some(report))
        }
    };
    let mut summary = report.as_ref().map(|r| api::import_summary(r, &model)).unwrap_or_default();
    if let Some(largest) = model.fit_weights_to_unit() {
        summary.push_str(&format!(
            "weights divided by the largest, {largest}, to fit the model format's (0, 1]; their ratios are kept\n"
        ));
    }
    match &args.output {
        Some(path) => {
            write(&model, path, &args.file)?;
            let line =
                format!("wrote {} ({} nodes, {} edges)\n", path.display(), model.node_count(), model.edge_count());
            out.extend(line.into_bytes());
            out.extend(summary.into_bytes());
        }
        None => {
            out.extend(model.to_ron().into_bytes());
            eprint!("{summary}");
        }
    }
    Ok(())
}

fn window(arg: WindowArg) -> Window {
    match arg {
        WindowArg::Day => Window::Day,
        WindowArg::Month => Window::Month,
        WindowArg::Quarter => Window::Quarter,
        WindowArg::Year => Window::Year,
        WindowArg::None => Window::None,
    }
}

fn write(model: &Model, path: &Path, input: &Path) -> Result<(), Failure> {
    model.save_ron(path, &[input])?;
    Ok(())
}

fn failure(error: ImportError) -> Failure {
    Failure::input(error)
}
