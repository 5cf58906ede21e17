//! Selections: the part of a model an analysis looks at (in force on a date, of some node
//! and edge kinds, of some polarities, read with or without direction, with influence
//! strengths from a profile or the weights), and the entry points on [`Model`].
//!
//! A [`Selection`] borrows its model and copies nothing until an analysis runs; then the
//! filtered model is built once and kept. A selection of a plain edge list opened lean
//! ([`super::Input::open_lean`]) builds its analysis view straight from the list, so big
//! lists never become full models unless a filter or a model-wide analysis asks for one.

use std::cell::OnceCell;
use std::path::Path;

use crate::analysis::filter::Filter;
use crate::analysis::influence::{self, Strengths};
use crate::analysis::view::{GraphView, ViewOptions};
use crate::io::edgelist::EdgeList;
use crate::model::{EdgeKind, LookupError, Model, Node, NodeKind, PartialDate, Polarity, Profile};
use crate::Error;

impl Model {
    /// A selection of the whole model, to narrow down and analyse.
    pub fn view(&self) -> Selection<'_> {
        Selection::new(self)
    }
}

/// A part of a model: in force on a date, of some node and edge kinds, of some polarities,
/// read with or without direction. Borrowed, copied only once an analysis needs it.
#[derive(Debug, Clone)]
pub struct Selection<'m> {
    pub(super) model: &'m Model,
    /// The edge list `model` names the nodes of, when opened lean.
    pub(super) list: Option<&'m EdgeList>,
    pub(super) filter: Filter,
    pub(super) directed: bool,
    pub(super) strict: bool,
    pub(super) strengths: StrengthSource,
    pub(super) selected: OnceCell<Model>,
}

/// Where influence strengths come from.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum StrengthSource {
    BuiltIn,
    Profile(Profile, String),
    Weights,
}

impl<'m> Selection<'m> {
    /// The whole model, undirected, strengths from the built-in influence profile.
    pub fn new(model: &'m Model) -> Self {
        Selection {
            model,
            list: None,
            filter: Filter::default(),
            directed: false,
            strict: false,
            strengths: StrengthSource::BuiltIn,
            selected: OnceCell::new(),
        }
    }

    /// The whole of a lean edge list whose nodes `model` holds (see [`super::Input`]).
    pub(super) fn of_list(model: &'m Model, list: &'m EdgeList) -> Self {
        Selection { list: Some(list), ..Selection::new(model) }
    }

    /// The same reading (direction, strengths) of another model, unfiltered: for a part
    /// cut out of this selection, such as a focus neighbourhood.
    pub fn rebased<'n>(&self, model: &'n Model) -> Selection<'n> {
        Selection {
            directed: self.directed,
            strict: self.strict,
            strengths: self.strengths.clone(),
            ..Selection::new(model)
        }
    }

    fn changed(mut self, change: impl FnOnce(&mut Self)) -> Self {
        change(&mut self);
        self.selected = OnceCell::new();
        self
    }

    /// Only what is in force on (some day of) `date`.
    pub fn at(self, date: PartialDate) -> Self {
        self.changed(|s| s.filter.at = Some(date))
    }

    /// Everything, whatever its dates (undoes [`Selection::at`]).
    pub fn all_dates(self) -> Self {
        self.changed(|s| s.filter.at = None)
    }

    /// Only nodes of these kinds (and the edges between them).
    pub fn nodes_of(self, kinds: impl IntoIterator<Item = NodeKind>) -> Self {
        self.changed(|s| s.filter.node_kinds = kinds.into_iter().collect())
    }

    /// Only edges of these kinds.
    pub fn edges_of(self, kinds: impl IntoIterator<Item = EdgeKind>) -> Self {
        self.changed(|s| s.filter.edge_kinds = kinds.into_iter().collect())
    }

    /// Only edges of these polarities.
    pub fn polarity(self, polarities: impl IntoIterator<Item = Polarity>) -> Self {
        self.changed(|s| s.filter.polarities = polarities.into_iter().collect())
    }

    /// Follow edge direction (symmetric kinds count both ways); `strict` follows every edge
    /// only as written, as for edge lists.
    pub fn directed(self, strict: bool) -> Self {
        self.changed(|s| {
            s.directed = true;
            s.strict = strict;
        })
    }

    /// Whether the selection follows edge direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Read influence strengths with this profile (the model's own rules still on top).
    pub fn with_profile(self, profile: Profile) -> Self {
        self.with_named_profile(profile, "custom profile")
    }

    /// As [`Selection::with_profile`], naming the profile in reports (`profile FILE`).
    pub fn with_named_profile(self, profile: Profile, name: &str) -> Self {
        self.changed(|s| s.strengths = StrengthSource::Profile(profile, name.to_owned()))
    }

    /// Read influence strengths with the profile in a RON file, checked against the
    /// model's vocabulary and named `profile FILE` in reports.
    pub fn with_profile_file(self, path: &Path) -> Result<Self, Error> {
        let profile = crate::io::profile::load_for(path, &self.model.vocabulary)?;
        Ok(self.with_named_profile(profile, &format!("profile {}", path.display())))
    }

    /// Read influence strengths from the edges' weights, as for edge lists.
    pub fn with_weights(self) -> Self {
        self.changed(|s| s.strengths = StrengthSource::Weights)
    }

    /// The selected part as a model of its own (built once).
    pub fn model(&self) -> &Model {
        self.selected.get_or_init(|| match self.list {
            Some(list) if self.filter.is_empty() => list.to_model(),
            Some(list) => self.filter.apply(&list.to_model()),
            None if self.filter.is_empty() => self.model.clone(),
            None => self.filter.apply(self.model),
        })
    }

    /// The model that names the nodes of [`Selection::graph_view`]: the selected model,
    /// or only the nodes of a lean edge list read whole.
    pub fn names(&self) -> &Model {
        match self.list {
            Some(_) if self.filter.is_empty() => self.model,
            _ => self.model(),
        }
    }

    /// A node of the selection by id, name or alias.
    pub fn node(&self, name: &str) -> Result<&Node, LookupError> {
        self.names().node(name)
    }

    pub(super) fn view_options(&self) -> ViewOptions {
        if self.directed {
            ViewOptions::directed().with_strict_direction(self.strict)
        } else {
            ViewOptions::undirected()
        }
    }

    /// The analysis view of the selection.
    pub fn graph_view(&self) -> GraphView {
        match self.list {
            Some(list) if self.filter.is_empty() => GraphView::from_edge_list(list, &self.view_options()),
            _ => GraphView::new(self.model(), &self.view_options()),
        }
    }

    /// The influence channels of the selection (see [`influence`]), between every pair
    /// of nodes, contexts included.
    pub fn channels(&self) -> Result<GraphView, Error> {
        self.with_strengths(influence::channel_view)
    }

    /// The influence channels between actors, each a direct tie or a shared context (see
    /// [`crate::analysis::context`]).
    pub fn actor_channels(&self) -> Result<GraphView, Error> {
        self.with_strengths(crate::analysis::context::actor_view)
    }

    /// Whether a node of the selection acts (influence runs between actors).
    pub fn is_actor(&self, name: &str) -> Result<bool, Error> {
        Ok(crate::analysis::context::is_actor(self.model().node(name)?.kind))
    }

    /// Both signs of every channel: between actors only (`actors`), else between any nodes.
    pub(super) fn channel_pairs(&self, actors: bool) -> Result<influence::Pairs, Error> {
        self.with_strengths(|m, s| {
            let per_edge = influence::strengths_of(m, s)?;
            Ok(if actors {
                crate::analysis::context::actor_pairs(m, &per_edge)
            } else {
                influence::channel_pairs(m, &per_edge)
            })
        })
    }

    fn with_strengths<T>(
        &self,
        build: impl FnOnce(&Model, Strengths<'_>) -> Result<T, influence::InfluenceError>,
    ) -> Result<T, Error> {
        let builtin;
        let strengths = match &self.strengths {
            StrengthSource::BuiltIn => {
                builtin = Profile::builtin();
                Strengths::Profile(&builtin)
            }
            StrengthSource::Profile(p, _) => Strengths::Profile(p),
            StrengthSource::Weights => Strengths::Weights { directed: self.directed },
        };
        Ok(build(self.model(), strengths)?)
    }

    /// Words for where influence strengths come from, as the command line prints them.
    pub fn strengths_source(&self) -> String {
        match &self.strengths {
            StrengthSource::BuiltIn => "built-in profile".to_owned(),
            StrengthSource::Profile(_, name) => name.clone(),
            StrengthSource::Weights => "edge weights".to_owned(),
        }
    }

    /// The model's present: the latest date among its ties (`since`, `until`) and its
    /// sources; `None` for a model without dates (an edge list).
    pub fn present(&self) -> Option<PartialDate> {
        let ties = self.model.edges().flat_map(|e| [e.since, e.until]);
        let sources = self.model.sources.iter().map(|s| s.date);
        ties.chain(sources).flatten().max()
    }

    /// The selection an influence question answers on, and the words saying which date it
    /// is: its own date when it has one (`as of D`); else, unless `all_time`, the model's
    /// [present](Selection::present) (`as of D, the model's present`); else every tie of
    /// every date (`all dates`). A model without dates answers on all of it, saying nothing.
    pub(super) fn as_of(&self, all_time: bool) -> (Selection<'m>, Option<String>) {
        if let Some(at) = self.filter.at {
            return (self.clone(), Some(format!("as of {at}")));
        }
        match self.present() {
            None => (self.clone(), None),
            Some(_) if all_time => (self.clone(), Some("all dates".to_owned())),
            Some(present) => (self.clone().at(present), Some(format!("as of {present}, the model's present"))),
        }
    }
}
