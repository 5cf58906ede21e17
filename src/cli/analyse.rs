//! Options shared by the analysis commands, and loading the part of a model they look at.

use std::path::PathBuf;

use clap::Args;
use petgraph::graph::NodeIndex;

use super::{input, Failure};
use crate::analysis::centrality::{self, CentralityOptions, Measure, Scores};
use crate::analysis::filter::Filter;
use crate::analysis::view::{GraphView, ViewOptions};
use crate::model::{EdgeKind, Model, NodeKind, PartialDate, Polarity};

/// The input and selection every analysis takes.
#[derive(Debug, Args, Clone)]
pub struct Selection {
    /// The model: .ron, an edge list (.tsv, .csv, .txt: `source<sep>target[<sep>weight]`),
    /// GraphML (.graphml) or node-link JSON (.json).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
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
    /// Keep only what is in force on this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub at: Option<PartialDate>,
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
    /// Applies the date and kind filters. A kind the model neither has built in nor
    /// declares is a usage error with suggestions (else it would quietly match nothing).
    pub fn apply(&self, model: Model) -> Result<Model, Failure> {
        self.validate(&model)?;
        Ok(self.apply_checked(model))
    }

    /// Refuses a node or edge kind that `model` neither has built in nor declares.
    pub fn validate(&self, model: &Model) -> Result<(), Failure> {
        for &kind in &self.node_kind {
            model.vocabulary.resolve_node(kind).map_err(Failure::usage)?;
        }
        for &kind in &self.edge_kind {
            model.vocabulary.resolve_edge(kind).map_err(Failure::usage)?;
        }
        Ok(())
    }

    fn apply_checked(&self, model: Model) -> Model {
        let filter = Filter {
            at: self.at,
            node_kinds: self.node_kind.clone(),
            edge_kinds: self.edge_kind.clone(),
            polarities: self.polarity.clone(),
        };
        if filter.is_empty() {
            model
        } else {
            filter.apply(&model)
        }
    }
}

impl Selection {
    /// Loads the file and applies the filters.
    pub fn load(&self) -> Result<Model, Failure> {
        self.filters.apply(input::load_any(&self.file)?)
    }

    /// The selection of a (loaded, unfiltered) model these options ask for.
    pub fn select<'m>(&self, model: &'m Model) -> Result<crate::api::Selection<'m>, Failure> {
        self.filters.validate(model)?;
        let mut selection = model.view();
        if let Some(at) = self.filters.at {
            selection = selection.at(at);
        }
        if !self.filters.node_kind.is_empty() {
            selection = selection.nodes_of(self.filters.node_kind.clone());
        }
        if !self.filters.edge_kind.is_empty() {
            selection = selection.edges_of(self.filters.edge_kind.clone());
        }
        if !self.filters.polarity.is_empty() {
            selection = selection.polarity(self.filters.polarity.clone());
        }
        if self.directed {
            selection = selection.directed(input::is_edge_list(&self.file));
        }
        Ok(selection)
    }

    /// The model and its analysis view. A plain edge list read without filters never
    /// becomes a full model: its view is built straight from the list, and the model holds
    /// only its nodes (enough to name results), so big lists stay fast and lean.
    pub fn load_with_view(&self) -> Result<(Model, GraphView), Failure> {
        let unfiltered = self.filters.at.is_none()
            && self.filters.node_kind.is_empty()
            && self.filters.edge_kind.is_empty()
            && self.filters.polarity.is_empty();
        if unfiltered && input::is_edge_list(&self.file) {
            let list = super::progress::spinner("reading", || crate::io::edgelist::read_list(&self.file))?;
            let view = GraphView::from_edge_list(&list, &self.view_options());
            return Ok((list.to_node_model(), view));
        }
        let model = self.load()?;
        let view = self.view(&model);
        Ok((model, view))
    }

    fn view_options(&self) -> ViewOptions {
        if self.directed {
            ViewOptions::directed().with_strict_direction(input::is_edge_list(&self.file))
        } else {
            ViewOptions::undirected()
        }
    }

    /// The analysis view of a model, directed or not as asked. Edge lists have only
    /// `related_to` edges, a symmetric kind; with `--directed` their lines are read strictly
    /// as source → target.
    pub fn view(&self, model: &Model) -> GraphView {
        GraphView::new(model, &self.view_options())
    }
}

/// Scores every node of the view by a measure; a failure to converge is bad input.
pub fn scores(measure: Measure, view: &GraphView, options: &CentralityOptions) -> Result<Scores, Failure> {
    centrality::compute(view, measure, options).map_err(Failure::input)
}

/// Resolves several node names.
pub fn nodes(model: &Model, names: &[String]) -> Result<Vec<NodeIndex>, Failure> {
    names.iter().map(|n| input::node(model, n)).collect()
}

pub use crate::report::ids;
