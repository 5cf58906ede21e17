//! Options several commands share: the file and the part of it to analyse, how paths are
//! ranked, and the influence profile; each turned into the library's [`api::Selection`]
//! and [`api::PathSearch`].

use std::path::PathBuf;

use clap::Args;

use super::{input, Failure};
use crate::api::{self, Input};
use crate::model::{EdgeKind, Model, NodeKind, PartialDate, Polarity};

/// The model a command reads, and the models composed with it.
#[derive(Debug, Args, Clone)]
pub struct FileArg {
    /// The model: .ron, an edge list (.tsv, .csv, .txt: `source<sep>target[<sep>weight]`),
    /// GraphML (.graphml) or node-link JSON (.json).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Another model (RON, with its includes) composed with FILE as a model including both
    /// would be: one node per id, a tie both state is one tie with two sources
    /// (docs/sources.md). Repeatable.
    #[arg(long = "with", value_name = "MODEL")]
    pub with: Vec<PathBuf>,
}

impl FileArg {
    /// Opens the file, composed with the `--with` models.
    pub fn open(&self) -> Result<Input, Failure> {
        input::open_with(&self.file, &self.with, false)
    }

    /// Opens the file as [`FileArg::open`] does, a plain edge list lean.
    pub fn open_lean(&self) -> Result<Input, Failure> {
        input::open_with(&self.file, &self.with, true)
    }

    /// Every file named, FILE first: the inputs an output must not overwrite.
    pub fn paths(&self) -> Vec<&std::path::Path> {
        std::iter::once(&self.file).chain(&self.with).map(PathBuf::as_path).collect()
    }
}

/// The input and selection every analysis takes.
#[derive(Debug, Args, Clone)]
pub struct Selection {
    #[command(flatten)]
    pub file: FileArg,
    #[command(flatten)]
    pub filters: Filters,
    /// Follow edge direction (symmetric kinds count both ways). Default: undirected.
    #[arg(long)]
    pub directed: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Which part of the model to look at.
#[derive(Debug, Args, Clone)]
pub struct Filters {
    /// Keep only what is in force on this date (YYYY, YYYY-MM or YYYY-MM-DD). `export`
    /// takes it more than once to draw one panel per date (small multiples).
    #[arg(long, value_name = "DATE")]
    pub at: Vec<PartialDate>,
    /// Keep only nodes of these kinds (repeatable or comma-separated).
    #[arg(long = "node-kind", value_name = "KIND", value_delimiter = ',', value_parser = crate::model::vocabulary::node_kind_named)]
    pub node_kind: Vec<NodeKind>,
    /// Keep only edges of these kinds (repeatable or comma-separated).
    #[arg(long = "edge-kind", value_name = "KIND", value_delimiter = ',', value_parser = crate::model::vocabulary::edge_kind_named)]
    pub edge_kind: Vec<EdgeKind>,
    /// Keep only edges of these polarities: cooperative, conflictual, neutral.
    #[arg(long, value_delimiter = ',')]
    pub polarity: Vec<Polarity>,
}

impl Filters {
    /// Whether the filters keep everything.
    pub fn is_empty(&self) -> bool {
        self.at.is_empty() && self.node_kind.is_empty() && self.edge_kind.is_empty() && self.polarity.is_empty()
    }

    /// Refuses a node or edge kind that `model` neither has built in nor declares (else
    /// it would quietly match nothing): a usage error with suggestions.
    pub fn validate(&self, model: &Model) -> Result<(), Failure> {
        for &kind in &self.node_kind {
            model.vocabulary.resolve_node(kind).map_err(Failure::usage)?;
        }
        for &kind in &self.edge_kind {
            model.vocabulary.resolve_edge(kind).map_err(Failure::usage)?;
        }
        Ok(())
    }

    /// The selection of `input` these filters ask for.
    pub fn select<'m>(&self, input: &'m Input) -> Result<api::Selection<'m>, Failure> {
        self.validate(input.model())?;
        let mut selection = input.select();
        match self.at.as_slice() {
            [] => {}
            [at] => selection = selection.at(*at),
            _ => return Err(Failure::usage("--at more than once draws small multiples: only `export` takes it")),
        }
        if !self.node_kind.is_empty() {
            selection = selection.nodes_of(self.node_kind.clone());
        }
        if !self.edge_kind.is_empty() {
            selection = selection.edges_of(self.edge_kind.clone());
        }
        if !self.polarity.is_empty() {
            selection = selection.polarity(self.polarity.clone());
        }
        Ok(selection)
    }
}

impl Selection {
    /// Opens the file. A plain edge list read without filters is opened lean: its
    /// analyses run on a view built straight from the list, so big lists stay fast.
    pub fn open(&self) -> Result<Input, Failure> {
        if self.filters.is_empty() && input::is_edge_list(&self.file.file) {
            return super::progress::spinner("reading", || self.file.open_lean());
        }
        self.file.open()
    }

    /// Opens the file as a full model, whatever its format.
    pub fn open_full(&self) -> Result<Input, Failure> {
        self.file.open()
    }

    /// The selection of an opened file these options ask for.
    pub fn select<'m>(&self, input: &'m Input) -> Result<api::Selection<'m>, Failure> {
        let selection = self.filters.select(input)?;
        Ok(if self.directed { selection.directed(input.is_edge_list()) } else { selection })
    }
}

/// The `--profile` option, shared by `path`, `influence` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct ProfileArg {
    /// Influence profile (RON) to read tie strengths with, replacing the built-in one
    /// (profiles/influence.ron) for this run. Default: the built-in profile on models, and
    /// each edge's weight on edge lists.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

impl ProfileArg {
    /// The selection with its strengths read with `--profile` when given.
    pub fn apply<'m>(&self, selection: api::Selection<'m>) -> Result<api::Selection<'m>, Failure> {
        Ok(match &self.profile {
            Some(path) => selection.with_profile_file(path)?,
            None => selection,
        })
    }
}

/// How paths are scored and constrained; shared by `path` and `export --highlight-path`.
#[derive(Debug, Args)]
pub struct Ranking {
    /// Use edge weights as distances and minimise their sum (as NetworkX `weight=`).
    #[arg(long, conflicts_with = "strongest")]
    weighted: bool,
    /// Find the strongest influence path: the product of the channels' strengths, read from
    /// the influence profile on models and from the weights (in (0, 1]) on edge lists.
    #[arg(long)]
    strongest: bool,
    /// The K best loopless paths, best first (Yen's algorithm). Default: 1.
    #[arg(short = 'k', long = "k", value_name = "K", default_value_t = 1)]
    pub k: usize,
    /// The path must pass through this node (repeatable; in the order given).
    #[arg(long, value_name = "NODE")]
    via: Vec<String>,
    /// The path may not pass through this node (repeatable).
    #[arg(long, value_name = "NODE")]
    avoid: Vec<String>,
    /// The path may not pass through nodes of this kind (repeatable or comma-separated).
    #[arg(long = "avoid-kind", value_name = "KIND", value_delimiter = ',')]
    avoid_kind: Vec<NodeKind>,
    #[command(flatten)]
    pub profile: ProfileArg,
}

impl Ranking {
    /// The path search these options ask for, from `from` to `to` in `selection`.
    pub fn search<'m>(&self, selection: &api::Selection<'m>, from: &str, to: &str) -> api::PathSearch<'m> {
        let mut search = selection.paths(from, to).k(self.k);
        search = match (self.weighted, self.strongest) {
            (_, true) => search.strongest(),
            (true, _) => search.weighted(),
            _ => search,
        };
        for node in &self.via {
            search = search.via(node);
        }
        for node in &self.avoid {
            search = search.avoid(node);
        }
        for &kind in &self.avoid_kind {
            search = search.avoid_kind(kind);
        }
        search
    }
}
