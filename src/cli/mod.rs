//! The command line: clap definitions, and one module per subcommand, each with a `run`
//! that parses its arguments, calls the library's one front door ([`crate::api`]) and
//! prints what it returns (a report's text, or its JSON with `--json`).
//!
//! clap types live only here; the library never sees them. Nothing here reads files,
//! runs analyses or draws by itself: what a command needs and the API lacks becomes API.
//! Options several commands share are in `args.rs`, opening files with the command
//! line's wording for failures in `input.rs`, printing in `output.rs`, progress on a
//! terminal in `progress.rs`.

mod args;
mod balance;
mod centrality;
mod check;
mod draft;
mod export;
mod fmt;
mod import;
mod influence;
mod input;
mod kinds;
mod layout;
mod lsp;
mod merge;
mod output;
mod path;
mod progress;
mod query;
mod run;
mod serve;
mod structure;
mod timeline;
mod watch;

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::model::PartialDate;

/// Model international relations as a typed graph: check, query, analyse and draw it.
#[derive(Debug, Parser)]
#[command(name = "relgraph", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Worker threads for the analyses; results are the same on any number. Default: all
    /// cores (0 also means all cores).
    #[arg(long, global = true, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Leave out drafted nodes and ties nobody has reviewed yet (`draft: true`, as
    /// `relgraph draft` writes them). Default: keep them.
    #[arg(long, global = true)]
    no_drafts: bool,
}

/// The exit statuses, one per class of failure, as `--help` and the README list them.
macro_rules! exit_status {
    () => {
        "Exit status:
  0  success
  1  invalid input (a model with problems, a malformed file) or an analysis that cannot run
  2  usage error (bad arguments, an unknown or ambiguous node name)
  3  I/O error (a file cannot be read or written, or output would overwrite an input)
  4  a time or size budget was exceeded (--timeout, an input too large to hold)"
    };
}

/// The exit statuses (0 is success), as `--help` lists them.
pub const EXIT_STATUS: &str = exit_status!();

const EXAMPLES: &str = concat!(
    "Examples:
  relgraph check graphs/japan_russia_2014.ron
  relgraph info graphs/japan_russia_2014.ron
  relgraph edges graphs/japan_russia_2014.ron --node Japan --polarity conflictual
  relgraph neighbors graphs/japan_russia_2014.ron \"Northern Territories\" --depth 2\n\n",
    exit_status!()
);

#[derive(Debug, Subcommand)]
enum Command {
    /// Check model files and report every problem as FILE:LINE:COL.
    #[command(
        after_help = "Examples:\n  relgraph check graphs/japan_russia_2014.ron\n  relgraph check --json model.ron\n\nWarnings (ids that differ only by case, shared names, repeated edges) do not fail the check unless --strict is given.\n\nExit status: 0 valid, 1 invalid (or warnings with --strict), 2 usage error, 3 unreadable file."
    )]
    Check(check::CheckArgs),
    /// Summarise a model: title, sources, counts by kind, date range.
    #[command(
        after_help = "Examples:\n  relgraph info graphs/japan_russia_2014.ron\n  relgraph info graphs/japan_russia_2014.ron --at 2013-12-31 --json"
    )]
    Info(query::InfoArgs),
    /// List nodes, optionally of some kinds.
    #[command(
        after_help = "Examples:\n  relgraph nodes graphs/japan_russia_2014.ron --kind leader\n  relgraph nodes graphs/japan_russia_2014.ron --kind territory,dispute --json"
    )]
    Nodes(query::NodesArgs),
    /// List edges, filtered by kind, polarity or node.
    #[command(
        after_help = "Examples:\n  relgraph edges graphs/japan_russia_2014.ron --kind sanctions\n  relgraph edges graphs/japan_russia_2014.ron --node Putin --polarity cooperative --at 2014-01-01\n  relgraph edges graphs/japan_russia_2014.ron --json"
    )]
    Edges(query::EdgesArgs),
    /// List the nodes within N steps of a node.
    #[command(
        after_help = "Examples:\n  relgraph neighbors graphs/japan_russia_2014.ron Japan\n  relgraph neighbors graphs/japan_russia_2014.ron \"Southern Kurils\" --depth 2 --direction in"
    )]
    Neighbors(query::NeighborsArgs),
    /// Find the best paths between two nodes: fewest hops, shortest, strongest, k best, all.
    #[command(
        after_help = "Examples:\n  relgraph path graphs/japan_russia_2014.ron Canada \"Kuril Islands dispute\"\n  relgraph path graphs/japan_russia_2014.ron Canada kuril_dispute --strongest -k 3\n  relgraph path graphs/japan_russia_2014.ron Obama Putin --all --max-hops 3 --avoid-kind event\n  relgraph path network.tsv \"Node A\" \"Node B\" --weighted --json"
    )]
    Path(path::PathArgs),
    /// Rank who influences a node (--on) or whom a node influences (--from), with the channel.
    #[command(
        after_help = "Examples:\n  relgraph influence graphs/japan_russia_2014.ron --on Russia --top 10\n  relgraph influence graphs/japan_russia_2014.ron --from \"United States\" --method total\n  relgraph influence graphs/japan_russia_2014.ron --on Japan --at 2014-07-31 --json\n  relgraph influence network.tsv --on 7 --directed\n\nStrengths come from the influence profile (docs/influence.md) on models, from the weights on edge lists."
    )]
    Influence(influence::InfluenceArgs),
    /// Score nodes by centrality: degree, betweenness, closeness, PageRank … or all.
    #[command(
        after_help = "Examples:\n  relgraph centrality graphs/japan_russia_2014.ron --measure betweenness --top 10\n  relgraph centrality graphs/japan_russia_2014.ron --measure all --polarity cooperative\n  relgraph centrality network.tsv --measure pagerank --weighted --json\n  relgraph centrality big.tsv --measure betweenness --sample 200 --seed 7"
    )]
    Centrality(centrality::CentralityArgs),
    /// List connected components (strongly connected with --directed).
    #[command(
        after_help = "Examples:\n  relgraph components graphs/japan_russia_2014.ron\n  relgraph components network.tsv --directed --json"
    )]
    Components(structure::ComponentsArgs),
    /// Find brokers: nodes and ties whose removal splits the network, and into what.
    #[command(
        after_help = "Examples:\n  relgraph brokers graphs/japan_russia_2014.ron\n  relgraph brokers graphs/japan_russia_2014.ron --polarity cooperative --json"
    )]
    Brokers(structure::BrokersArgs),
    /// The neighbourhood of a node, listed or written as a new model.
    #[command(
        after_help = "Examples:\n  relgraph ego graphs/japan_russia_2014.ron \"Kuril Islands dispute\" --depth 2\n  relgraph ego graphs/japan_russia_2014.ron Canada --depth 2 -o canada.ron"
    )]
    Ego(structure::EgoArgs),
    /// Structural balance: balanced and unbalanced triangles, and Harary's two-camp test.
    #[command(
        after_help = "Examples:\n  relgraph balance graphs/japan_russia_2014.ron\n  relgraph balance graphs/japan_russia_2014.ron --at 2014-06 --json"
    )]
    Balance(balance::BalanceArgs),
    /// Ties in the order they started and ended.
    #[command(
        after_help = "Examples:\n  relgraph timeline graphs/japan_russia_2014.ron\n  relgraph timeline graphs/japan_russia_2014.ron --node Japan --json"
    )]
    Timeline(timeline::TimelineArgs),
    /// What changed between two dates: ties that appeared or ended, polarity, rankings.
    #[command(
        after_help = "Examples:\n  relgraph diff graphs/japan_russia_2014.ron --from 2014-03-17 --to 2014-07-31\n  relgraph diff graphs/japan_russia_2014.ron --from 2013 --to 2014-07 --measure pagerank --top 5"
    )]
    Diff(timeline::DiffArgs),
    /// Draw the model (DOT, SVG) or convert it (GraphML, GEXF, JSON, Neo4j, RON, edge list).
    #[command(
        after_help = "Examples:\n  relgraph export graphs/japan_russia_2014.ron -o japan_russia_2014.svg\n  relgraph export graphs/japan_russia_2014.ron --format dot --cluster-by country\n  relgraph export graphs/japan_russia_2014.ron --focus \"Kuril Islands dispute\" --depth 1 -o kuril.svg\n  relgraph export graphs/japan_russia_2014.ron --highlight-path Canada kuril_dispute --strongest -o path.svg\n  relgraph export graphs/japan_russia_2014.ron --at 2014-01-01 --size-by betweenness -o before.svg\n  relgraph export graphs/japan_russia_2014.ron -o model.graphml\n  relgraph export graphs/japan_russia_2014.ron --format neo4j -o neo4j/"
    )]
    Export(export::ExportArgs),
    /// Write where the built-in renderer puts every node, as a positions file (RON, a map
    /// from node id to (x, y)) that `export --positions` draws with.
    #[command(
        after_help = "Examples:\n  relgraph layout graphs/japan_russia_2014.ron -o japan_russia_2014.layout.ron\n  relgraph export graphs/japan_russia_2014.ron --positions japan_russia_2014.layout.ron -o figure.svg"
    )]
    Layout(layout::LayoutArgs),
    /// Run a Rhai script with relgraph's API: load, query, analyse, print, export.
    #[command(
        after_help = "Examples:\n  relgraph run examples/scripts/report.rhai\n  relgraph run examples/scripts/diagrams.rhai out/\n  relgraph run examples/scripts/edge_list.rhai network.tsv\n\nEvery function a script can call is in docs/scripting.md. Errors are reported at SCRIPT:LINE:COL (exit 1)."
    )]
    Run(run::RunArgs),
    /// Read an edge list, GraphML, node-link JSON, a GDELT event export, a table or triples
    /// into a RON model.
    #[command(
        after_help = "Examples:\n  relgraph import network.tsv -o network.ron\n  relgraph import model.graphml -o model.ron\n  relgraph import 20160312.export.CSV.zip --format gdelt1 --window month -o events.ron\n  relgraph import alliances.csv --format table --columns from=state_name1,to=state_name2,since=dyad_st_year+dyad_st_month+dyad_st_day --kind allied_with -o alliances.ron\n  relgraph import triples.txt --format triples --declare -o kg.ron\n\nEvery format, option and mapping table is in docs/import.md."
    )]
    Import(import::ImportArgs),
    /// Merge model files into one: one id is one entity, a tie several sources state is one
    /// tie with each source's evidence, and disagreements between sources are listed.
    #[command(
        after_help = "Examples:\n  relgraph merge graphs/japan_russia_2014.ron graphs/senkaku_2012.ron -o merged.ron\n  relgraph merge a.ron b.ron c.ron -o all.ron --strict\n\nSee docs/sources.md."
    )]
    Merge(merge::MergeArgs),
    /// Rewrite model files into the canonical layout, keeping every comment.
    #[command(
        after_help = "Examples:\n  relgraph fmt graphs/*.ron\n  relgraph fmt --check graphs/*.ron\n  relgraph fmt - < model.ron > formatted.ron\n\nA file with problems is left untouched and its problems are reported as by `check`.\n\nExit status: 0 formatted (or, with --check, already canonical), 1 a file has problems or, with --check, is not canonical, 3 unreadable file."
    )]
    Fmt(fmt::FmtArgs),
    /// Run the language server (diagnostics, completion, hover, rename …) on stdio.
    #[command(after_help = "Editors start it themselves: see docs/editors.md for VS Code, Neovim and Helix.")]
    Lsp(lsp::LspArgs),
    /// Serve the interactive map on 127.0.0.1 and update open pages whenever the model is saved.
    #[command(
        after_help = "Examples:\n  relgraph serve graphs/japan_russia_2014.ron\n  relgraph serve model.ron --port 0\n\nOpen pages reload within a second of a save, keeping zoom, date and selection; a save with errors keeps the last good map and lists the problems (FILE:LINE:COL) over it. Ctrl-C stops the server."
    )]
    Serve(serve::ServeArgs),
    /// Draft a model from an article: actors, dated and signed ties, each with its quote, all
    /// marked as drafts to review.
    #[command(
        after_help = "Examples:\n  relgraph draft article.txt --date 2014-08-01 -o draft.ron --review draft.html\n  relgraph draft article.html --into graphs/japan_russia_2014.ron -o patch.ron\n  relgraph draft articles/ -o drafts/\n\nWhere the dictionaries come from and how the draft is made: docs/draft.md."
    )]
    Draft(draft::DraftArgs),
    /// List every node and edge kind, built in or declared in a model, with its label,
    /// polarity, CAMEO code, Goldstein score, influence and allowed ends.
    #[command(
        after_help = "Examples:\n  relgraph kinds\n  relgraph kinds graphs/japan_russia_2014.ron --json\n\nThe schema and the influence profile behind it: docs/format.md, docs/influence.md."
    )]
    Kinds(kinds::KindsArgs),
}

/// Options every query command shares.
#[derive(Debug, Args, Clone)]
pub struct Common {
    /// Keep only what is in force on this date (YYYY, YYYY-MM or YYYY-MM-DD; a year or month
    /// means "at some time in that period").
    #[arg(long, value_name = "DATE")]
    at: Option<PartialDate>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// The most problems printed in full for one file; `check --json` lists every one.
pub(crate) const SHOWN_PROBLEMS: usize = 50;

/// Why a command failed, and so which exit status it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Invalid input or an analysis that cannot run: exit 1.
    Input = 1,
    /// Bad arguments: exit 2.
    Usage = 2,
    /// A file cannot be read or written: exit 3.
    Io = 3,
    /// A time or size budget was exceeded: exit 4.
    Budget = 4,
}

/// What went wrong: the message to print and the exit status to return.
#[derive(Debug)]
pub struct Failure {
    /// The class of failure, which gives the exit status.
    pub status: Status,
    /// What to print after `relgraph: error: `.
    pub message: String,
    /// Whether the message was printed already.
    pub reported: bool,
}

impl Failure {
    fn new(status: Status, message: impl std::fmt::Display) -> Self {
        Failure { status, message: message.to_string(), reported: false }
    }

    /// Bad arguments.
    fn usage(message: impl std::fmt::Display) -> Self {
        Failure::new(Status::Usage, message)
    }

    /// Bad input.
    fn input(message: impl std::fmt::Display) -> Self {
        Failure::new(Status::Input, message)
    }

    /// A time or size budget exceeded.
    fn budget(message: impl std::fmt::Display) -> Self {
        Failure::new(Status::Budget, message)
    }
}

impl From<crate::api::EdgeListError> for Failure {
    fn from(error: crate::api::EdgeListError) -> Self {
        Failure::from(crate::Error::EdgeList(error))
    }
}

impl From<crate::Error> for Failure {
    fn from(error: crate::Error) -> Self {
        use crate::Error;
        match error {
            Error::Invalid { diagnostics } => {
                let message = format!(
                    "{}{} has {} problem(s)",
                    diagnostics.render_first(SHOWN_PROBLEMS),
                    diagnostics.path.display(),
                    diagnostics.items.len()
                );
                Failure::input(message)
            }
            Error::InvalidFiles { files } => {
                let shown: String = files.iter().map(|d| d.render_first(SHOWN_PROBLEMS)).collect();
                let counts: Vec<String> =
                    files.iter().map(|d| format!("{} has {} problem(s)", d.path.display(), d.items.len())).collect();
                Failure::input(format!("{shown}{}", counts.join(", ")))
            }
            Error::Lookup(e) => Failure::usage(e),
            e @ (Error::Io { .. }
            | Error::WouldOverwriteInput { .. }
            | Error::EdgeList(crate::api::EdgeListError::Io { .. })) => Failure::new(Status::Io, e),
            e @ (Error::TooLarge(_) | Error::EdgeList(crate::api::EdgeListError::TooLarge(_))) => Failure::budget(e),
            other => Failure::input(other),
        }
    }
}

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    // A panic is a bug: say so in one line, without a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("relgraph: error: internal error, please report it: {info}");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(mut error) => {
            suggest_with(&mut error, std::env::args_os().skip(1));
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let mut out = Vec::new();
    let result = run(cli, &mut out);
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_all(&out).and_then(|()| stdout.flush()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("relgraph: error: cannot write output: {error}");
            return ExitCode::from(Status::Io as u8);
        }
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.reported {
                eprintln!("relgraph: error: {}", failure.message);
            }
            ExitCode::from(failure.status as u8)
        }
    }
}

/// A second model file given where a command takes one (`relgraph info a.ron b.ron`): the
/// tip names `--with`, which composes it with the first, when the command has it.
fn suggest_with(error: &mut clap::Error, args: impl Iterator<Item = std::ffi::OsString>) {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::CommandFactory;
    if error.kind() != ErrorKind::UnknownArgument {
        return;
    }
    let Some(ContextValue::String(extra)) = error.get(ContextKind::InvalidArg) else { return };
    if extra.starts_with('-') || !std::path::Path::new(extra).is_file() {
        return;
    }
    let command = Cli::command();
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let takes_with = args
        .iter()
        .find_map(|a| command.find_subcommand(a))
        .is_some_and(|sub| sub.get_arguments().any(|arg| arg.get_id() == "with"));
    if takes_with {
        let tip = format!("to read '{extra}' together with the first model, give it with --with: --with {extra}");
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
    }
}

/// Runs a parsed command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut Vec<u8>) -> Result<(), Failure> {
    if cli.threads > 0 {
        // Fails only when the pool exists already (a second run in one process): keep it.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(cli.threads).build_global();
    }
    input::leave_out_drafts(cli.no_drafts);
    // Work that can run long on a big graph shows a spinner with the time elapsed once it
    // has lasted half a second (on a terminal only): never a silent wait. Centrality has
    // its own bar with ETA; `check`, `run` and `path --all` print as they go.
    let busy = |what: &str, work: &mut dyn FnMut() -> Result<(), Failure>| progress::spinner(what, work);
    match cli.command {
        Command::Check(args) => check::run(&args, out),
        Command::Info(args) => busy("reading", &mut || query::info(&args, out)),
        Command::Nodes(args) => busy("reading", &mut || query::nodes(&args, out)),
        Command::Edges(args) => busy("reading", &mut || query::edges(&args, out)),
        Command::Neighbors(args) => busy("searching", &mut || query::neighbors(&args, out)),
        Command::Path(args) if args.streams() => path::run(&args, out),
        Command::Path(args) => busy("finding paths", &mut || path::run(&args, out)),
        Command::Influence(args) => busy("ranking influence", &mut || influence::run(&args, out)),
        Command::Centrality(args) => centrality::run(&args, out),
        Command::Components(args) => busy("finding components", &mut || structure::components(&args, out)),
        Command::Brokers(args) => busy("finding brokers", &mut || structure::brokers(&args, out)),
        Command::Ego(args) => busy("collecting the neighbourhood", &mut || structure::ego(&args, out)),
        Command::Balance(args) => busy("counting triangles", &mut || balance::run(&args, out)),
        Command::Timeline(args) => busy("ordering ties", &mut || timeline::timeline(&args, out)),
        Command::Diff(args) => busy("comparing", &mut || timeline::diff(&args, out)),
        Command::Export(args) if args.watches() => export::export(&args, out),
        Command::Export(args) => busy("drawing", &mut || export::export(&args, out)),
        Command::Layout(args) => busy("laying out", &mut || layout::run(&args, out)),
        Command::Import(args) => busy("importing", &mut || import::run(&args, out)),
        Command::Run(args) => run::run(&args, out),
        Command::Merge(args) => busy("merging", &mut || merge::run(&args, out)),
        Command::Fmt(args) => fmt::run(&args, out),
        Command::Lsp(args) => lsp::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Draft(args) => busy("drafting", &mut || draft::run(&args, out)),
        Command::Kinds(args) => kinds::run(&args, out),
    }
}
