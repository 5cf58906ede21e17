//! `relgraph path`: the best paths between two nodes.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use clap::Args;

use super::args::{Ranking, Selection};
use super::{output, Failure};
use crate::api::{PathSearch, Stop};

/// Arguments of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    selection: Selection,
    /// Where the path starts (id, name or alias).
    #[arg(value_name = "FROM")]
    from: String,
    /// Where the path ends (id, name or alias).
    #[arg(value_name = "TO")]
    to: String,
    #[command(flatten)]
    ranking: Ranking,
    /// With --strongest: count every tie of every date. Default: a dated model answers as
    /// of --at, else as of its present (the latest date among its ties and sources).
    #[arg(long = "all-time", conflicts_with = "at")]
    all_time: bool,
    /// With --strongest: let paths pass through contexts (agreements, disputes, events,
    /// territories, projects) as through actors. Default: between two actors, through
    /// actors only, as the HTML map's picker (docs/influence.md).
    #[arg(long = "all-kinds")]
    all_kinds: bool,
    /// List every simple path up to --max-hops steps instead of the best ones.
    #[arg(long, requires = "max_hops")]
    all: bool,
    /// With --all: the longest path to list, in steps.
    #[arg(long, value_name = "H")]
    max_hops: Option<usize>,
    /// With --all: stop after this many paths (the listing says when it was cut).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    limit: usize,
    /// With --all: stop after this many seconds with the paths listed so far (exit 4).
    /// 0 = no time limit. Paths are printed as they are found.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    timeout: f64,
}

impl PathArgs {
    /// Whether the command prints paths as it finds them (`--all`).
    pub fn streams(&self) -> bool {
        self.all
    }
}

/// Runs `path`.
pub fn run(args: &PathArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let input = args.selection.open_full()?;
    let selection = args.ranking.profile.apply(args.selection.select(&input)?)?;
    let mut search = args.ranking.search(&selection, &args.from, &args.to);
    if args.all_time {
        search = search.all_time();
    }
    if args.all_kinds {
        search = search.all_kinds();
    }
    if args.all {
        return list_all(args, &search, out);
    }
    let paths = search.find()?;
    output::report(paths.report(), args.selection.json, out);
    Ok(())
}

/// `path --all`: prints each path as it is found (memory does not grow with `--limit`)
/// until the paths run out, `--limit` is reached or `--timeout` passes.
fn list_all(args: &PathArgs, search: &PathSearch<'_>, out: &mut Vec<u8>) -> Result<(), Failure> {
    if !(args.timeout >= 0.0 && args.timeout.is_finite()) {
        return Err(Failure::usage(format!("--timeout {} is not a number of seconds ≥ 0", args.timeout)));
    }
    let timeout = (args.timeout > 0.0).then(|| Duration::from_secs_f64(args.timeout));
    let json = args.selection.json;
    let (heading, none) = search.heading()?;
    let (mut listed, mut more, mut closed) = (0usize, false, false);
    let started = Instant::now();
    let stop = search.stream(args.max_hops.unwrap_or(0), timeout, |entry| {
        if listed == args.limit {
            more = true;
            return ControlFlow::Break(());
        }
        if json {
            out.extend(if listed == 0 { "[\n" } else { ",\n" }.as_bytes());
            let item = serde_json::to_string_pretty(entry.json()).unwrap_or_default();
            out.extend(indent(&item).into_bytes());
        } else {
            if listed == 0 {
                out.extend(heading.as_bytes());
            }
            out.extend(entry.text().as_bytes());
        }
        listed += 1;
        match output::drain(out) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => {
                closed = true;
                ControlFlow::Break(())
            }
        }
    })?;
    if closed {
        return Ok(());
    }
    match (json, listed) {
        (true, 0) => out.extend(b"[]\n"),
        (true, _) => out.extend(b"\n]\n"),
        (false, 0) if stop != Stop::Deadline => out.extend(none.as_bytes()),
        (false, _) if more => out.extend(PathSearch::cut_note(args.limit).as_bytes()),
        _ => {}
    }
    if stop == Stop::Deadline {
        return Err(Failure::budget(format!(
            "path --all stopped after {:.1} s (--timeout {}) with {listed} path(s) listed; there may be more: \
             raise --timeout, lower --max-hops, or narrow the search with --avoid or --avoid-kind",
            started.elapsed().as_secs_f64(),
            args.timeout
        )));
    }
    Ok(())
}

/// Pretty JSON indented by two spaces, as an item inside a pretty-printed array.
fn indent(item: &str) -> String {
    item.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}
