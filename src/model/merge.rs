//! Composing one model from several sources' models: identity, corroboration, provenance
//! and disagreements. No I/O: the parts come parsed, with the byte spans where their facts
//! are written, and [`crate::io::include`] turns [`Site`]s back into `FILE:LINE:COL`.
//!
//! The rules, in the order [`compose`] applies them:
//!
//! - **Sources** are united by id. Two different sources under one id are an error. A part
//!   that states facts but declares no source is given one named after its file, so every
//!   fact has a source.
//! - **Identity.** Nodes with the same id are one entity. `same_as: ["other"]` joins ids
//!   (transitively); the group keeps the id defined first, in part order, and lists the
//!   others in `same_as`, so ties written with them still attach. United nodes keep the first
//!   name, every other name and alias as aliases, every tag, every attribute (the first value
//!   of a key stated twice), each distinct description, and a date any one part states. Two
//!   kinds for one entity are an error naming both places; two values for one date or
//!   attribute are a [`Disagreement`].
//! - **Corroboration.** A tie another part stated already (same ends, the same kind, either
//!   way round for symmetric kinds, overlapping dates) is that tie again, not a second one:
//!   its evidence and sources are added to the first, so every analysis gives the answer it
//!   gave on one source, and the tie counts its sources. A date only one part states is
//!   kept; a date two parts state differently is a disagreement, and the first part's kept. Ties within one part are never folded
//!   together (a part may state a tie twice on purpose, which `check` warns about).
//! - **Provenance.** Every node and tie of the result lists its sources: what it says
//!   itself, else its evidence's sources (ties), else its part's sources.
//! - **Opposite ties.** Two parts that set the same pair against each other in one kind
//!   family (cooperation and rivalry, support and opposition, signing and rejecting) over
//!   overlapping periods disagree; one part saying both is ambivalence, not disagreement.
//! - **Probable duplicates.** Nodes of different parts, not joined, that share a name or
//!   alias once case and Unicode normalisation are ignored are reported with the
//!   `same_as` that would join them.
//!
//! Cost: one pass over the parts' nodes and edges. Ids are hashed once per node; ties reach
//! their nodes through the parts' own node positions ([`Part::ends`]) and are matched by a
//! hash map keyed by node indices and kind; each node and tie goes into the model when first
//! met and later statements are united into it there, so time and memory grow with the size
//! of the result.

// Indices here come from the vectors this module builds itself (slots, built nodes and
// ties), as in the analysis kernels.
#![allow(clippy::indexing_slicing)]

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::ops::Range;

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{fold, Edge, EdgeKind, Model, ModelFile, Node, NodeKind, PartialDate, Source, Vocabulary};
use super::{ModelError, VocabularyError};

/// Where a fact is written: the part (file) it comes from, and the byte span in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Index of the part in the list given to [`compose`].
    pub part: usize,
    /// Byte range in that part's text (empty when the part has no text, e.g. built in memory).
    pub span: Range<usize>,
}

/// One source's model, ready to be composed.
#[derive(Debug, Clone)]
pub struct Part {
    /// The file's name, for the source a part without sources is given.
    pub name: String,
    /// The model as its file states it, kinds resolved.
    pub file: ModelFile,
    /// For each node of `file`, where its id is written (may be shorter: no position).
    pub node_sites: Vec<Range<usize>>,
    /// For each edge of `file`, where it is written (may be shorter: no position).
    pub edge_sites: Vec<Range<usize>>,
    /// For each edge of `file`, the positions of its ends in `file.nodes` (the nodes whose
    /// ids the edge's `from` and `to` are), so that ties find their nodes without looking
    /// ids up; empty when not known (ends are found by id).
    pub ends: Vec<(u32, u32)>,
}

impl Part {
    /// A part without positions, from a model built in memory.
    pub fn from_model(name: impl Into<String>, model: Model) -> Self {
        let ends = model.edge_ends();
        Part { name: name.into(), file: model.into_file(), node_sites: Vec::new(), edge_sites: Vec::new(), ends }
    }
}

/// Hash maps keyed by ids and node indices: a fast hash, as nothing depends on their order.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Why parts cannot be composed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// One entity is given two kinds.
    #[error("node `{id}` is a {second} here but a {first} where it was first defined")]
    KindConflict {
        /// The entity's id (as the second definition writes it).
        id: String,
        /// The kind first given.
        first: NodeKind,
        /// Where it was first given.
        first_site: Site,
        /// The other kind.
        second: NodeKind,
        /// Where the other kind is given.
        second_site: Site,
    },
    /// Two different sources share an id.
    #[error("source `{id}` is described differently in two files")]
    SourceConflict {
        /// The id.
        id: String,
        /// The part that described it first.
        first_part: usize,
        /// The part that described it differently.
        second_part: usize,
    },
    /// The parts' kind declarations cannot be united.
    #[error(transparent)]
    Vocabulary(#[from] VocabularyError),
    /// The united model cannot be built.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// What two parts disagree about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Subject {
    /// A date of a node (`field` is `since`, `until` or `date`).
    NodeDate {
        /// The node's id.
        id: String,
        /// Which date.
        field: &'static str,
    },
    /// The value of a node attribute.
    Attribute {
        /// The node's id.
        id: String,
        /// The attribute.
        key: String,
    },
    /// The dates of one tie.
    TieDates {
        /// Tail id.
        from: String,
        /// Head id.
        to: String,
        /// The tie's kind.
        kind: EdgeKind,
    },
    /// Opposite ties between one pair over the same period.
    Opposite {
        /// One end.
        a: String,
        /// The other end.
        b: String,
    },
}

/// One side of a disagreement: where, by which sources, what it states.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Where it is written.
    pub site: Site,
    /// The sources that state it.
    pub sources: Vec<String>,
    /// What it states: a date, a value, or a tie (`japan cooperates_with china`).
    pub states: String,
    /// A quote supporting it, if any.
    pub quote: Option<String>,
}

/// Two parts state one thing differently: information for the analyst, not an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    /// What it is about.
    pub subject: Subject,
    /// What was stated first, in part order.
    pub first: Side,
    /// What a later part states.
    pub second: Side,
}

/// Nodes of different parts that are probably one entity, not joined by `same_as`.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The name or alias they share, as the later node writes it.
    pub name: String,
    /// The earlier node's id and where it is written.
    pub first: (String, Site),
    /// The later node's id and where it is written.
    pub second: (String, Site),
}

impl Duplicate {
    /// The line to add to the later node to join the two.
    pub fn same_as_line(&self) -> String {
        format!("same_as: [\"{}\"],", self.first.0)
    }
}

/// The composed model and what composing it found.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The one model.
    pub model: Model,
    /// Where parts disagree, in part order.
    pub disagreements: Vec<Disagreement>,
    /// Probable duplicate entities.
    pub duplicates: Vec<Duplicate>,
}

/// Union-find over ids; the root of a set is its smallest slot, i.e. its first definition.
struct Ids {
    slot: Map<String, u32>,
    names: Vec<String>,
    parent: Vec<u32>,
}

impl Ids {
    fn slot(&mut self, id: &str) -> u32 {
        if let Some(&s) = self.slot.get(id) {
            return s;
        }
        let s = self.names.len() as u32;
        self.slot.insert(id.to_owned(), s);
        self.names.push(id.to_owned());
        self.parent.push(s);
        s
    }

    fn find(&mut self, mut s: u32) -> u32 {
        while self.parent[s as usize] != s {
            let up = self.parent[self.parent[s as usize] as usize];
            self.parent[s as usize] = up;
            s = up;
        }
        s
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            self.parent[high as usize] = low;
        }
    }
}

/// The parts that state a node or tie, in part order. Most facts come from one part, so the
/// first is kept inline and a list is allocated only for the others (a million ties, a
/// million fewer allocations).
#[derive(Debug, Clone)]
struct Parts {
    first: usize,
    more: Vec<usize>,
}

impl Parts {
    fn one(p: usize) -> Self {
        Parts { first: p, more: Vec::new() }
    }

    fn contains(&self, p: usize) -> bool {
        self.first == p || self.more.contains(&p)
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }

    /// Whether the two share a part.
    fn meet(&self, other: &Parts) -> bool {
        self.iter().any(|p| other.contains(p))
    }
}

/// A node of the result being built (the node itself is in the model, at the same index):
/// where it was first written, its parts.
struct Built {
    site: Site,
    parts: Parts,
}

/// A tie of the result being built (the tie itself is in the model, at the same index).
struct BuiltEdge {
    from: u32,
    to: u32,
    site: Site,
    parts: Parts,
}

fn site(part: usize, spans: &[Range<usize>], i: usize) -> Site {
    Site { part, span: spans.get(i).cloned().unwrap_or(0..0) }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_owned());
    }
}

/// Whether two date intervals (`None` is open) share a day.
fn overlaps(a: (Option<PartialDate>, Option<PartialDate>), b: (Option<PartialDate>, Option<PartialDate>)) -> bool {
    let starts_before_end = |s: Option<PartialDate>, u: Option<PartialDate>| match (s, u) {
        (Some(s), Some(u)) => s.first_day() <= u.last_day(),
        _ => true,
    };
    starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
}

fn dates_text(since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (since, until) {
        (None, None) => "undated".to_owned(),
        (Some(s), None) => format!("since {s}"),
        (None, Some(u)) => format!("until {u}"),
        (Some(s), Some(u)) => format!("{s} to {u}"),
    }
}

/// Pairs of kinds that set a pair against each other within one family of kinds:
/// cooperation and rivalry, support and opposition, signing and rejecting.
const OPPOSED: [(EdgeKind, EdgeKind); 9] = {
    use EdgeKind::*;
    [
        (CooperatesWith, CompetesWith),
        (CooperatesWith, HedgesAgainst),
        (AlliedWith, CompetesWith),
        (AlliedWith, HedgesAgainst),
        (Supports, Opposes),
        (Supports, Condemns),
        (Signs, Opposes),
        (Signs, Suspends),
        (Proposes, Opposes),
    ]
};

/// Whether two kinds are opposed (see [`OPPOSED`]).
fn opposed(a: EdgeKind, b: EdgeKind) -> bool {
    OPPOSED.iter().any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// Whether a kind has an opposite.
fn opposable(kind: EdgeKind) -> bool {
    OPPOSED.iter().any(|&(x, y)| x == kind || y == kind)
}

/// Composes parts into one model, applying the rules in the module docs. Returns every
/// error found, in part order, when there is any.
pub fn compose(parts: Vec<Part>) -> Result<Composed, Vec<MergeError>> {
    let mut errors = Vec::new();
    let mut vocabulary = Vocabulary::new();
    for part in &parts {
        let declared = Vocabulary::from_declarations(&part.file.node_kinds, &part.file.edge_kinds)
            .and_then(|v| vocabulary.merge(&v));
        if let Err(error) = declared {
            errors.push(MergeError::Vocabulary(error));
        }
    }

    // Sources, and each part's sources for facts that name none.
    let mut sources: Vec<Source> = Vec::new();
    let mut source_part: HashMap<String, usize> = HashMap::new();
    let mut part_sources: Vec<Vec<String>> = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        let mut own: Vec<Source> = part.file.sources.clone();
        if own.is_empty() && !(part.file.nodes.is_empty() && part.file.edges.is_empty()) {
            let id = super::vocabulary::slug(&part.name).unwrap_or_else(|| format!("part{}", p + 1));
            own.push(Source { id, title: part.name.clone(), author: None, date: None, url: None });
        }
        part_sources.push(own.iter().map(|s| s.id.clone()).collect());
        for source in own {
            match source_part.get(&source.id) {
                Some(&first) => {
                    if sources.iter().any(|s| s.id == source.id && *s != source) {
                        errors.push(MergeError::SourceConflict { id: source.id, first_part: first, second_part: p });
                    }
                }
                None => {
                    source_part.insert(source.id.clone(), p);
                    sources.push(source);
                }
            }
        }
    }

    // Identity: every defined id gets a slot in definition order, then `same_as` joins.
    let total: usize = parts.iter().map(|p| p.file.nodes.len()).sum();
    let mut ids = Ids { slot: Map::default(), names: Vec::with_capacity(total), parent: Vec::with_capacity(total) };
    ids.slot.reserve(total);
    // The slot of each node of each part.
    let node_slots: Vec<Vec<u32>> =
        parts.iter().map(|part| part.file.nodes.iter().map(|node| ids.slot(&node.id)).collect()).collect();
    for (part, slots) in parts.iter().zip(&node_slots) {
        for (node, &a) in part.file.nodes.iter().zip(slots) {
            for other in &node.same_as {
                let b = ids.slot(other);
                ids.union(a, b);
            }
        }
    }

    let mut disagreements = Vec::new();
    // Nodes and ties go into the model as they are first met, and later statements are
    // united into them there, so that no tie is copied once more at the end.
    let mut model = Model::new("");
    let mut built: Vec<Built> = Vec::with_capacity(total);
    // The built node of each root slot (`NONE` until built).
    const NONE: u32 = u32::MAX;
    let mut built_at: Vec<u32> = vec![NONE; ids.names.len()];
    let mut edges: Vec<BuiltEdge> = Vec::with_capacity(parts.iter().map(|p| p.file.edges.len()).sum());
    model.reserve(total, edges.capacity());
    // Ties by ends and kind: the last tie with each key, and for each tie the one before it.
    // Sized for every tie at once: growing it through a million ties rehashed it twenty times.
    let mut by_key: Map<(u32, u32, EdgeKind), u32> =
        Map::with_capacity_and_hasher(edges.capacity(), Default::default());
    let mut earlier: Vec<u32> = Vec::with_capacity(edges.capacity());
    let mut title = None;
    let mut description = None;
    let mut influence = Vec::new();
    for ((p, part), slots) in parts.into_iter().enumerate().zip(node_slots) {
        let Part { file, node_sites, edge_sites, ends, .. } = part;
        if title.is_none() && !file.title.is_empty() {
            title = Some(file.title);
        }
        description = description.or(file.description);
        influence.extend(file.influence);
        for (i, mut node) in file.nodes.into_iter().enumerate() {
            let here = site(p, &node_sites, i);
            node.kind = match vocabulary.resolve_node(node.kind) {
                Ok(kind) => kind,
                Err(error) => {
                    errors.push(error.into());
                    continue;
                }
            };
            if node.sources.is_empty() {
                node.sources = part_sources[p].clone();
            }
            let root = slots.get(i).map_or_else(|| ids.slot(&node.id), |&s| s);
            let root = ids.find(root);
            match built_at[root as usize] {
                NONE => {
                    let canonical = &ids.names[root as usize];
                    node.same_as.retain(|s| s != canonical);
                    if node.id != *canonical {
                        node.id = canonical.clone();
                    }
                    // One node per root, so its id is new; built nodes and the model's
                    // nodes keep the same indices.
                    match model.add_node(node) {
                        Ok(_) => {
                            built_at[root as usize] = built.len() as u32;
                            built.push(Built { site: here, parts: Parts::one(p) });
                        }
                        Err(error) => errors.push(error.into()),
                    }
                }
                at => {
                    let (Some(into), Some(target)) =
                        (built.get_mut(at as usize), model.node_mut(NodeIndex::new(at as usize)))
                    else {
                        continue;
                    };
                    if target.kind != node.kind {
                        errors.push(MergeError::KindConflict {
                            id: node.id.clone(),
                            first: target.kind,
                            first_site: into.site.clone(),
                            second: node.kind,
                            second_site: here.clone(),
                        });
                        continue;
                    }
                    unite(target, into, node, here, p, &mut disagreements);
                }
            }
        }
        for (i, mut edge) in file.edges.into_iter().enumerate() {
            let here = site(p, &edge_sites, i);
            edge.kind = match vocabulary.resolve_edge(edge.kind) {
                Ok(kind) => kind,
                Err(error) => {
                    errors.push(error.into());
                    continue;
                }
            };
            // The built node of an end: by the part's own node when known, else by id; and
            // whether the id the tie writes may differ from the built node's. A tie reaching
            // its end by position writes that node's id (see `Part::ends`), which is the built
            // node's id unless `same_as` joined it to an earlier one, so most ties never read
            // the built node (a cache miss per end, on a big merge).
            let mut end = |at: Option<u32>, id: &str| {
                let (slot, by_position) = match at.and_then(|n| slots.get(n as usize)) {
                    Some(&slot) => (slot, true),
                    None => (*ids.slot.get(id)?, false),
                };
                let root = ids.find(slot);
                Some((built_at[root as usize], !by_position || root != slot)).filter(|&(b, _)| b != NONE)
            };
            let (from_at, to_at) = ends.get(i).map_or((None, None), |&(f, t)| (Some(f), Some(t)));
            let (Some((from, from_renamed)), Some((to, to_renamed))) = (end(from_at, &edge.from), end(to_at, &edge.to))
            else {
                errors.push(MergeError::Model(ModelError::UnknownNode {
                    id: if end(from_at, &edge.from).is_none() { edge.from } else { edge.to },
                }));
                continue;
            };
            for (written, at, renamed) in [(&mut edge.from, from, from_renamed), (&mut edge.to, to, to_renamed)] {
                if let (true, Some(node)) = (renamed, model.graph().node_weight(NodeIndex::new(at as usize))) {
                    if *written != node.id {
                        written.clone_from(&node.id);
                    }
                }
            }
            if edge.sources.is_empty() {
                for evidence in &edge.evidence {
                    push_unique(&mut edge.sources, &evidence.source);
                }
                if edge.sources.is_empty() {
                    edge.sources = part_sources[p].clone();
                }
            }
            let key =
                if edge.kind.is_symmetric() { (from.min(to), from.max(to), edge.kind) } else { (from, to, edge.kind) };
            // One probe: the entry is read here, written below if the tie is new.
            let entry = by_key.entry(key);
            let last = match &entry {
                Entry::Occupied(found) => *found.get(),
                Entry::Vacant(_) => NONE,
            };
            let candidates =
                std::iter::successors(Some(last), |&c| earlier.get(c as usize).copied()).take_while(|&c| c != NONE);
            // The matching tie another part stated: same dates and topic first, then same
            // dates, then same topic, then any that overlaps.
            let graph = model.graph();
            let same = candidates
                .filter(|&c| {
                    let other = &graph.raw_edges()[c as usize].weight;
                    !edges[c as usize].parts.contains(p)
                        && overlaps((other.since, other.until), (edge.since, edge.until))
                })
                .min_by_key(|&c| {
                    let other = &graph.raw_edges()[c as usize].weight;
                    let dates = (other.since, other.until) == (edge.since, edge.until);
                    (!dates, other.topic != edge.topic, c)
                });
            match same {
                Some(c) => {
                    if let Some(target) = model.edge_mut(EdgeIndex::new(c as usize)) {
                        corroborate(target, &mut edges[c as usize], edge, here, p, &mut disagreements);
                    }
                }
                None => {
                    let new = edges.len() as u32;
                    match entry {
                        Entry::Occupied(mut found) => *found.get_mut() = new,
                        Entry::Vacant(vacant) => _ = vacant.insert(new),
                    }
                    earlier.push(last);
                    // Built nodes are the model's nodes, so the ends are graph indices.
                    model.add_edge_at(NodeIndex::new(from as usize), NodeIndex::new(to as usize), edge);
                    edges.push(BuiltEdge { from, to, site: here, parts: Parts::one(p) });
                }
            }
        }
    }

    // Two independent reads of the result: side by side.
    let (opposed, duplicates) = rayon::join(|| opposites(&model, &edges), || duplicates(&model, &built));
    disagreements.extend(opposed);
    if !errors.is_empty() {
        return Err(errors);
    }
    model.title = title.unwrap_or_default();
    model.description = description;
    model.sources = sources;
    model.influence = influence;
    model.vocabulary = vocabulary;
    Ok(Composed { model, disagreements, duplicates })
}

/// Unites a later definition of an entity into the first, `target` (built as `into`).
fn unite(target: &mut Node, into: &mut Built, node: Node, here: Site, p: usize, disagreements: &mut Vec<Disagreement>) {
    let known = |target: &Node, name: &str| {
        let f = fold(name);
        fold(&target.name) == f || target.aliases.iter().any(|a| fold(a) == f)
    };
    for name in std::iter::once(&node.name).chain(node.aliases.iter()) {
        if !known(target, name) {
            target.aliases.push(name.clone());
        }
    }
    if node.id != target.id {
        push_unique(&mut target.same_as, &node.id);
    }
    for other in &node.same_as {
        if *other != target.id {
            push_unique(&mut target.same_as, other);
        }
    }
    for tag in &node.tags {
        push_unique(&mut target.tags, tag);
    }
    for (key, value) in node.attrs {
        match target.attrs.get(&key) {
            None => {
                target.attrs.insert(key, value);
            }
            Some(first) if *first != value => disagreements.push(Disagreement {
                subject: Subject::Attribute { id: target.id.clone(), key: key.clone() },
                first: Side {
                    site: into.site.clone(),
                    sources: target.sources.clone(),
                    states: first.clone(),
                    quote: None,
                },
                second: Side { site: here.clone(), sources: node.sources.clone(), states: value, quote: None },
            }),
            Some(_) => {}
        }
    }
    if let Some(more) = node.description {
        match &mut target.description {
            Some(first) if !first.contains(more.as_str()) => {
                first.push(' ');
                first.push_str(&more);
            }
            Some(_) => {}
            None => target.description = Some(more),
        }
    }
    for (field, mine, theirs) in [
        ("since", &mut target.since, node.since),
        ("until", &mut target.until, node.until),
        ("date", &mut target.date, node.date),
    ] {
        match (*mine, theirs) {
            (None, Some(d)) => *mine = Some(d),
            (Some(a), Some(b)) if a != b => disagreements.push(Disagreement {
                subject: Subject::NodeDate { id: target.id.clone(), field },
                first: Side {
                    site: into.site.clone(),
                    sources: target.sources.clone(),
                    states: a.to_string(),
                    quote: None,
                },
                second: Side { site: here.clone(), sources: node.sources.clone(), states: b.to_string(), quote: None },
            }),
            _ => {}
        }
    }
    for source in &node.sources {
        push_unique(&mut target.sources, source);
    }
    if !into.parts.contains(p) {
        into.parts.more.push(p);
    }
}

/// Adds a later part's statement of a tie to the tie, `target` (built as `into`).
fn corroborate(
    target: &mut Edge,
    into: &mut BuiltEdge,
    edge: Edge,
    here: Site,
    p: usize,
    disagreements: &mut Vec<Disagreement>,
) {
    let differ = |a: Option<PartialDate>, b: Option<PartialDate>| matches!((a, b), (Some(a), Some(b)) if a != b);
    if differ(target.since, edge.since) || differ(target.until, edge.until) {
        let tie = |e: &Edge| e.evidence.first().map(|q| q.quote.clone());
        disagreements.push(Disagreement {
            subject: Subject::TieDates { from: target.from.clone(), to: target.to.clone(), kind: target.kind },
            first: Side {
                site: into.site.clone(),
                sources: target.sources.clone(),
                states: dates_text(target.since, target.until),
                quote: tie(target),
            },
            second: Side {
                site: here,
                sources: edge.sources.clone(),
                states: dates_text(edge.since, edge.until),
                quote: tie(&edge),
            },
        });
    }
    // A date only one source states is kept.
    target.since = target.since.or(edge.since);
    target.until = target.until.or(edge.until);
    for evidence in edge.evidence {
        if !target.evidence.contains(&evidence) {
            target.evidence.push(evidence);
        }
    }
    for source in &edge.sources {
        push_unique(&mut target.sources, source);
    }
    target.weight = target.weight.or(edge.weight);
    target.intensity = target.intensity.or(edge.intensity);
    target.topic = target.topic.take().or(edge.topic);
    target.note = target.note.take().or(edge.note);
    into.parts.more.push(p);
}

/// Opposite ties stated by different parts over overlapping periods.
fn opposites(model: &Model, edges: &[BuiltEdge]) -> Vec<Disagreement> {
    use rayon::prelude::*;
    let ties = model.graph().raw_edges();
    // The ties of a kind that has an opposite, grouped by the pair of nodes they join
    // (sorting a list, not a map of lists: a million ties made a million small lists).
    let mut by_pair: Vec<(u32, u32, u32)> = ties
        .par_iter()
        .zip(edges)
        .enumerate()
        .filter(|(_, (tie, _))| opposable(tie.weight.kind))
        .map(|(c, (_, e))| (e.from.min(e.to), e.from.max(e.to), c as u32))
        .collect();
    by_pair.par_sort_unstable();
    let mut found: Vec<(u32, u32)> = Vec::new();
    for group in by_pair.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        for (i, &(_, _, a)) in group.iter().enumerate() {
            for &(_, _, b) in &group[i + 1..] {
                let (x, y) = (&edges[a as usize], &edges[b as usize]);
                let (xe, ye) = (&ties[a as usize].weight, &ties[b as usize].weight);
                let same_way = xe.kind.is_symmetric() || ye.kind.is_symmetric() || (x.from, x.to) == (y.from, y.to);
                let topics_agree = match (&xe.topic, &ye.topic) {
                    (Some(s), Some(t)) => fold(s) == fold(t),
                    _ => true,
                };
                if opposed(xe.kind, ye.kind)
                    && same_way
                    && topics_agree
                    && !x.parts.meet(&y.parts)
                    && overlaps((xe.since, xe.until), (ye.since, ye.until))
                {
                    found.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(a, b)| {
            let side = |at: u32| {
                let (built, e) = (&edges[at as usize], &ties[at as usize].weight);
                Side {
                    site: built.site.clone(),
                    sources: e.sources.clone(),
                    states: format!("{} {} {}, {}", e.from, e.kind.as_str(), e.to, dates_text(e.since, e.until)),
                    quote: e.evidence.first().map(|q| q.quote.clone()),
                }
            };
            let x = &ties[a as usize].weight;
            let (a_id, b_id) = (x.from.clone(), x.to.clone());
            Disagreement { subject: Subject::Opposite { a: a_id, b: b_id }, first: side(a), second: side(b) }
        })
        .collect()
}

/// Nodes of disjoint parts sharing a folded name or alias.
fn duplicates(model: &Model, built: &[Built]) -> Vec<Duplicate> {
    let nodes = model.graph().raw_nodes();
    let mut owner: Map<String, usize> = Map::with_capacity_and_hasher(built.len(), Default::default());
    let mut out: Vec<Duplicate> = Vec::new();
    let mut reported: std::collections::HashSet<(usize, usize), foldhash::fast::RandomState> = Default::default();
    for (i, (b, node)) in built.iter().zip(nodes).enumerate() {
        let node = &node.weight;
        for name in std::iter::once(&node.name).chain(node.aliases.iter()) {
            let key = fold(name);
            match owner.get(&key) {
                Some(&j) if j != i => {
                    let first = &built[j];
                    let disjoint = !first.parts.meet(&b.parts);
                    if disjoint && reported.insert((j, i)) {
                        out.push(Duplicate {
                            name: name.clone(),
                            first: (nodes[j].weight.id.clone(), first.site.clone()),
                            second: (node.id.clone(), b.site.clone()),
                        });
                    }
                }
                Some(_) => {}
                None => {
                    owner.insert(key, i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(name: &str, source: &str, nodes: Vec<Node>, edges: Vec<Edge>) -> Part {
        let mut model = Model::new(name);
        model.sources = vec![Source { id: source.into(), title: source.into(), author: None, date: None, url: None }];
        for node in nodes {
            model.add_node(node).unwrap();
        }
        for edge in edges {
            model.add_edge(edge).unwrap();
        }
        Part::from_model(name, model)
    }

    fn country(id: &str, name: &str) -> Node {
        Node::new(id, NodeKind::Country, name)
    }

    fn dated(from: &str, to: &str, kind: EdgeKind, since: Option<&str>, until: Option<&str>) -> Edge {
        let mut edge = Edge::new(from, to, kind);
        edge.since = since.map(|d| d.parse().unwrap());
        edge.until = until.map(|d| d.parse().unwrap());
        edge
    }

    #[test]
    fn same_as_joins_transitively_and_keeps_the_id_defined_first() {
        let a = part(
            "a",
            "sa",
            vec![country("prc", "PRC"), country("x", "X")],
            vec![Edge::new("prc", "x", EdgeKind::Meets)],
        );
        let mut china = country("china", "China");
        china.same_as = vec!["zhongguo".into()];
        let mut zhongguo = country("zhongguo", "Zhongguo");
        zhongguo.same_as = vec!["prc".into()];
        let b = part("b", "sb", vec![china, country("x", "X")], vec![Edge::new("china", "x", EdgeKind::Sanctions)]);
        let c =
            part("c", "sc", vec![zhongguo, country("x", "X")], vec![Edge::new("x", "zhongguo", EdgeKind::Supports)]);
        let composed = compose(vec![a, b, c]).unwrap();
        let model = &composed.model;
        let ids: Vec<&str> = model.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["prc", "x"]);
        let prc = model.node_by_id("prc").unwrap();
        assert_eq!(prc.aliases, ["China", "Zhongguo"]);
        assert_eq!(prc.same_as, ["china", "zhongguo"]);
        assert_eq!(prc.sources, ["sa", "sb", "sc"]);
        let ends: Vec<(&str, &str)> = model.edges().map(|e| (e.from.as_str(), e.to.as_str())).collect();
        assert_eq!(ends, [("prc", "x"), ("prc", "x"), ("x", "prc")]);
        assert!(composed.duplicates.is_empty());
    }

    #[test]
    fn a_tie_is_corroborated_only_across_parts_and_over_overlapping_dates() {
        let nodes = || vec![country("a", "A"), country("b", "B")];
        let first = part(
            "one",
            "s1",
            nodes(),
            vec![
                dated("a", "b", EdgeKind::CooperatesWith, Some("2010"), Some("2012")),
                dated("a", "b", EdgeKind::CooperatesWith, Some("2010"), Some("2012")),
            ],
        );
        let second = part(
            "two",
            "s2",
            nodes(),
            vec![
                // Symmetric, written the other way round, within the first's dates.
                dated("b", "a", EdgeKind::CooperatesWith, Some("2011"), None),
                // After the first part's ties end: another tie.
                dated("a", "b", EdgeKind::CooperatesWith, Some("2013"), None),
                // Directed the other way: another tie.
                dated("b", "a", EdgeKind::Sanctions, None, None),
            ],
        );
        let composed = compose(vec![first, second]).unwrap();
        let model = &composed.model;
        let sources: Vec<Vec<String>> = model.edges().map(|e| e.sources.clone()).collect();
        assert_eq!(
            sources,
            [
                vec!["s1".to_owned(), "s2".to_owned()],
                vec!["s1".to_owned()],
                vec!["s2".to_owned()],
                vec!["s2".to_owned()]
            ]
        );
        // The since dates differ (2010, 2011): a disagreement, the first kept.
        assert_eq!(composed.disagreements.len(), 1);
        assert_eq!(
            (composed.disagreements[0].first.states.as_str(), composed.disagreements[0].second.states.as_str()),
            ("2010 to 2012", "since 2011")
        );
        assert_eq!(model.edges().next().unwrap().since, Some("2010".parse().unwrap()));
    }

    #[test]
    fn a_date_one_source_states_is_kept_and_descriptions_tags_attributes_unite() {
        let mut a = country("japan", "Japan");
        a.tags = vec!["g7".into()];
        a.description = Some("An island state.".into());
        a.attrs.insert("capital".into(), "Tokyo".into());
        let mut b = country("japan", "japan");
        b.since = Some("1952".parse().unwrap());
        b.tags = vec!["g7".into(), "quad".into()];
        b.description = Some("A US ally.".into());
        b.attrs.insert("capital".into(), "Kyoto".into());
        b.attrs.insert("currency".into(), "yen".into());
        let composed = compose(vec![part("a", "sa", vec![a], vec![]), part("b", "sb", vec![b], vec![])]).unwrap();
        let japan = composed.model.node_by_id("japan").unwrap();
        assert_eq!(japan.since, Some("1952".parse().unwrap()));
        assert_eq!(japan.tags, ["g7", "quad"]);
        assert!(japan.aliases.is_empty(), "`japan` is the name in another case");
        assert_eq!(japan.description.as_deref(), Some("An island state. A US ally."));
        assert_eq!(japan.attrs.get("capital").map(String::as_str), Some("Tokyo"));
        assert_eq!(japan.attrs.get("currency").map(String::as_str), Some("yen"));
        assert_eq!(composed.disagreements.len(), 1);
        assert_eq!(composed.disagreements[0].subject, Subject::Attribute { id: "japan".into(), key: "capital".into() });
    }

    #[test]
    fn one_entity_with_two_kinds_and_one_source_id_for_two_documents_are_errors() {
        let a = part("a", "s", vec![country("crimea", "Crimea")], vec![]);
        let b = part("b", "s", vec![Node::new("crimea", NodeKind::Territory, "Crimea")], vec![]);
        let mut b = b;
        b.file.sources[0].title = "Another document".into();
        b.node_sites = std::iter::once(10..16).collect();
        let errors = compose(vec![a, b]).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(matches!(&errors[0], MergeError::SourceConflict { id, first_part: 0, second_part: 1 } if id == "s"));
        match &errors[1] {
            MergeError::KindConflict { first, second, second_site, .. } => {
                assert_eq!((*first, *second), (NodeKind::Country, NodeKind::Territory));
                assert_eq!(*second_site, Site { part: 1, span: 10..16 });
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn intervals_overlap_when_they_share_a_day() {
        let d = |s: &str| Some(s.parse::<PartialDate>().unwrap());
        assert!(overlaps((d("2012"), d("2012")), (d("2012-12-31"), None)));
        assert!(!overlaps((d("2012"), d("2012")), (d("2013-01-01"), None)));
        assert!(overlaps((None, None), (d("1900"), d("1900"))));
        assert!(!overlaps((None, d("2011-05")), (d("2011-06"), None)));
    }
}
