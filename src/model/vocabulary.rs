//! Declared vocabularies: node and edge kinds a model declares beside the built-in ones.
//!
//! A model file may declare `node_kinds: [...]` and `edge_kinds: [...]` (see
//! `docs/format.md`). Each declaration is interned once per process: [`intern_node`] and
//! [`intern_edge`] leak one [`NodeEntry`]/[`EdgeEntry`] per distinct (name, declaration) pair,
//! so that [`NodeKind`] and [`EdgeKind`] stay `Copy` and `as_str()` still returns
//! `&'static str`. A kind's identity is its **name**: two interned entries with the same
//! name compare equal (a theme or a filter that names `exports` matches the `exports` a model
//! declares), while each entry carries the properties its own model declared, so the schema
//! check, polarity, symmetry and influence read them without a table passed around.
//!
//! An entry without a declaration is a *placeholder*: a name read where the vocabulary was
//! not at hand (a theme key, a serde-read edge). [`Vocabulary::resolve_edge`] and
//! [`Vocabulary::resolve_node`] turn placeholders into the model's declared kinds and report
//! names that are declared nowhere, with the closest known name as suggestion.
//!
//! The [`Vocabulary`] a model owns lists its declared kinds in declaration order; it is what
//! every writer saves and every reader restores, so declarations survive round trips.

use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::influence::Rule;
use super::kind::{EdgeKind, EdgeRule, NodeKind, Polarity};
use super::lookup::closest;

/// A node kind a model declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "NodeKind", deny_unknown_fields)]
pub struct NodeKindDecl {
    /// The snake_case name used in the file (`ministry`, `armed_group`).
    pub name: String,
    /// How legends and reports name it; the name with spaces when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether nodes of this kind act (like countries and people) rather than being acted on.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub actor: bool,
    /// One line of documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

impl NodeKindDecl {
    /// An acting node kind with just a name.
    pub fn new(name: impl Into<String>) -> Self {
        NodeKindDecl { name: name.into(), label: None, actor: true, meaning: None }
    }
}

/// An edge kind a model declares: what [`EdgeRule`] and an influence [`Rule`] say about a
/// built-in kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "EdgeKind", deny_unknown_fields)]
pub struct EdgeKindDecl {
    /// The snake_case name used in the file (`military_alliance`, `exports`).
    pub name: String,
    /// How legends and chains read it; the name with spaces when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Cooperative, conflictual or neutral (neutral when absent).
    #[serde(default = "neutral")]
    pub polarity: Polarity,
    /// Whether `a kind b` implies `b kind a`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub symmetric: bool,
    /// Node kinds allowed at the tail; any when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<NodeKind>,
    /// Node kinds allowed at the head; any when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<NodeKind>,
    /// The CAMEO event code the kind stands for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Goldstein score −10 … 10 of the influence the tie carries (0: no channel).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub goldstein: f64,
    /// Share of the strength carried from `from` to `to`, 0 … 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub forward: f64,
    /// Share of the strength carried from `to` back to `from`, 0 … 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub backward: f64,
    /// One line of documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

impl EdgeKindDecl {
    /// A neutral, directed kind between any nodes, carrying no influence.
    pub fn new(name: impl Into<String>) -> Self {
        EdgeKindDecl {
            name: name.into(),
            label: None,
            polarity: Polarity::Neutral,
            symmetric: false,
            from: Vec::new(),
            to: Vec::new(),
            cameo: None,
            goldstein: 0.0,
            forward: 0.0,
            backward: 0.0,
            meaning: None,
        }
    }

    /// The influence rule the declaration implies (see [`super::influence`]).
    pub fn rule(&self, kind: EdgeKind) -> Rule {
        Rule {
            kind,
            from: Vec::new(),
            to: Vec::new(),
            cameo: self.cameo.clone(),
            goldstein: self.goldstein,
            forward: self.forward,
            backward: self.backward,
            reason: self.meaning.clone(),
        }
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}
fn neutral() -> Polarity {
    Polarity::Neutral
}

/// The interned form of a declared node kind (see the [module docs](self)).
#[derive(Debug)]
pub struct NodeEntry {
    name: &'static str,
    label: String,
    decl: Option<NodeKindDecl>,
}

/// The interned form of a declared edge kind (see the [module docs](self)).
#[derive(Debug)]
pub struct EdgeEntry {
    name: &'static str,
    label: String,
    rule: EdgeRule,
    decl: Option<EdgeKindDecl>,
}

/// A declared node kind: a handle on its interned entry. Equal, hashed and ordered by name.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredNode(&'static NodeEntry);

/// A declared edge kind: a handle on its interned entry. Equal, hashed and ordered by name.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredEdge(&'static EdgeEntry);

macro_rules! by_name {
    ($ty:ty) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.0.name == other.0.name
            }
        }
        impl Eq for $ty {}
        impl Hash for $ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.0.name.hash(state);
            }
        }
        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.name.cmp(other.0.name)
            }
        }
        impl $ty {
            /// The declared name.
            pub fn name(self) -> &'static str {
                self.0.name
            }
            /// The label legends use.
            pub fn label(self) -> &'static str {
                &self.0.label
            }
            /// Whether this handle carries a declaration (else it is a name awaiting one).
            pub fn is_declared(self) -> bool {
                self.0.decl.is_some()
            }
        }
    };
}
by_name!(DeclaredNode);
by_name!(DeclaredEdge);

impl DeclaredNode {
    /// The declaration, `None` for a placeholder.
    pub fn declaration(self) -> Option<&'static NodeKindDecl> {
        self.0.decl.as_ref()
    }
}

impl DeclaredEdge {
    /// The declaration, `None` for a placeholder.
    pub fn declaration(self) -> Option<&'static EdgeKindDecl> {
        self.0.decl.as_ref()
    }

    /// The schema row: polarity, symmetry, allowed ends (empty lists: any).
    pub fn rule(self) -> &'static EdgeRule {
        &self.0.rule
    }
}

static NODES: Mutex<Vec<&'static NodeEntry>> = Mutex::new(Vec::new());
static EDGES: Mutex<Vec<&'static EdgeEntry>> = Mutex::new(Vec::new());

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

/// Interns a node kind: the entry for this name and declaration (`None`: a placeholder),
/// leaked on first use.
pub fn intern_node(name: &str, decl: Option<NodeKindDecl>) -> DeclaredNode {
    let mut table = NODES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(entry) = table.iter().find(|e| e.name == name && e.decl == decl) {
        return DeclaredNode(entry);
    }
    let name = table.iter().find(|e| e.name == name).map_or_else(|| leak_str(name), |e| e.name);
    let label = decl.as_ref().and_then(|d| d.label.clone()).unwrap_or_else(|| words(name));
    let entry: &'static NodeEntry = Box::leak(Box::new(NodeEntry { name, label, decl }));
    table.push(entry);
    DeclaredNode(entry)
}

/// Interns an edge kind: the entry for this name and declaration (`None`: a placeholder,
/// neutral, directed, between any nodes), leaked on first use. The declaration's end kinds
/// should already be resolved (see [`Vocabulary::declare_edge`]).
pub fn intern_edge(name: &str, decl: Option<EdgeKindDecl>) -> DeclaredEdge {
    let mut table = EDGES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(entry) = table.iter().find(|e| e.name == name && e.decl == decl) {
        return DeclaredEdge(entry);
    }
    let name = table.iter().find(|e| e.name == name).map_or_else(|| leak_str(name), |e| e.name);
    let label = decl.as_ref().and_then(|d| d.label.clone()).unwrap_or_else(|| words(name));
    let ends = |list: Option<&Vec<NodeKind>>| -> &'static [NodeKind] {
        Box::leak(list.cloned().unwrap_or_default().into_boxed_slice())
    };
    // The rule names its own kind, which needs the entry's address: build the entry with a
    // stand-in kind, then point the kind at a copy that carries the final rule.
    let rule = EdgeRule {
        kind: EdgeKind::RelatedTo,
        polarity: decl.as_ref().map_or(Polarity::Neutral, |d| d.polarity),
        symmetric: decl.as_ref().is_some_and(|d| d.symmetric),
        from: ends(decl.as_ref().map(|d| &d.from)),
        to: ends(decl.as_ref().map(|d| &d.to)),
        meaning: leak_str(decl.as_ref().and_then(|d| d.meaning.as_deref()).unwrap_or("a declared kind")),
    };
    let stand_in: &'static EdgeEntry = Box::leak(Box::new(EdgeEntry { name, label: label.clone(), rule, decl: None }));
    let entry: &'static EdgeEntry = Box::leak(Box::new(EdgeEntry {
        name,
        label,
        rule: EdgeRule { kind: EdgeKind::Declared(DeclaredEdge(stand_in)), ..rule },
        decl,
    }));
    table.push(entry);
    DeclaredEdge(entry)
}

/// The node kind a user names without a model at hand: a built-in kind, or any other
/// snake_case name as a kind the model must declare (it compares equal to the declared one);
/// the error lists the built-in kinds.
pub fn node_kind_named(text: &str) -> Result<NodeKind, String> {
    named(text, |name| NodeKind::Declared(intern_node(name, None)))
}

/// The edge kind a user names without a model at hand (see [`node_kind_named`]).
pub fn edge_kind_named(text: &str) -> Result<EdgeKind, String> {
    named(text, |name| EdgeKind::Declared(intern_edge(name, None)))
}

/// A built-in kind, else a placeholder for a valid name.
fn named<K: std::str::FromStr<Err = super::kind::UnknownName>>(
    text: &str,
    placeholder: impl FnOnce(&str) -> K,
) -> Result<K, String> {
    text.parse::<K>().or_else(|e| {
        let name = super::kind::normalise(text);
        if is_valid_name(&name) {
            Ok(placeholder(&name))
        } else {
            Err(e.to_string())
        }
    })
}

/// Whether a name can be declared: snake_case ASCII, starting with a letter, so that RON can
/// write it as a bare identifier.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Turns free text (`Military Alliance`, `/film/film/genre`) into a name that can be
/// declared (`military_alliance`, `film_film_genre`); `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "k_");
    }
    (!out.is_empty()).then_some(out)
}

/// Why a declaration is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum VocabularyError {
    /// The name is not snake_case ASCII starting with a letter.
    #[error("`{name}` cannot name a {vocabulary}: use lowercase letters, digits and `_`, starting with a letter")]
    InvalidName {
        /// "node kind" or "edge kind".
        vocabulary: &'static str,
        /// The name given.
        name: String,
    },
    /// The name is a built-in kind's.
    #[error("`{name}` is a built-in {vocabulary} and cannot be redeclared")]
    Builtin {
        /// "node kind" or "edge kind".
        vocabulary: &'static str,
        /// The name given.
        name: String,
    },
    /// The name is declared twice.
    #[error("{vocabulary} `{name}` is declared twice")]
    Duplicate {
        /// "node kind" or "edge kind".
        vocabulary: &'static str,
        /// The name given.
        name: String,
    },
    /// A name is neither built in nor declared.
    #[error("unknown {vocabulary} `{name}`{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    Unknown {
        /// "node kind" or "edge kind".
        vocabulary: &'static str,
        /// The name given.
        name: String,
        /// The closest built-in or declared name.
        suggestion: Option<String>,
    },
}

/// A built-in kind by name, else a declared one, else an error with the closest name.
fn lookup<'a, K: std::str::FromStr>(
    vocabulary: &'static str,
    text: &str,
    mut declared: impl Iterator<Item = (&'static str, K)>,
    names: impl Iterator<Item = &'a str>,
) -> Result<K, VocabularyError> {
    if let Ok(kind) = text.parse::<K>() {
        return Ok(kind);
    }
    let wanted = super::kind::normalise(text);
    declared.find(|(name, _)| *name == wanted).map(|(_, kind)| kind).ok_or_else(|| VocabularyError::Unknown {
        vocabulary,
        name: text.to_owned(),
        suggestion: closest(text, names).map(str::to_owned),
    })
}

/// A name that may be declared: valid, not built in, not declared already.
fn check_new_name(vocabulary: &'static str, name: &str, builtin: bool, taken: bool) -> Result<String, VocabularyError> {
    let name = name.to_owned();
    if !is_valid_name(&name) {
        Err(VocabularyError::InvalidName { vocabulary, name })
    } else if builtin {
        Err(VocabularyError::Builtin { vocabulary, name })
    } else if taken {
        Err(VocabularyError::Duplicate { vocabulary, name })
    } else {
        Ok(name)
    }
}

/// The kinds a model declares, in declaration order (see the [module docs](self)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    nodes: Vec<DeclaredNode>,
    edges: Vec<DeclaredEdge>,
}

impl Vocabulary {
    /// An empty vocabulary: the built-in kinds only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// Declares a node kind.
    pub fn declare_node(&mut self, decl: NodeKindDecl) -> Result<NodeKind, VocabularyError> {
        let builtin = decl.name.parse::<NodeKind>().is_ok();
        let taken = self.nodes.iter().any(|n| n.name() == decl.name);
        let name = check_new_name("node kind", &decl.name, builtin, taken)?;
        let kind = intern_node(&name, Some(decl));
        self.nodes.push(kind);
        Ok(NodeKind::Declared(kind))
    }

    /// Declares an edge kind; its end kinds must be built in or declared already.
    pub fn declare_edge(&mut self, mut decl: EdgeKindDecl) -> Result<EdgeKind, VocabularyError> {
        let builtin = decl.name.parse::<EdgeKind>().is_ok();
        let taken = self.edges.iter().any(|e| e.name() == decl.name);
        let name = check_new_name("edge kind", &decl.name, builtin, taken)?;
        for end in decl.from.iter_mut().chain(decl.to.iter_mut()) {
            *end = self.resolve_node(*end)?;
        }
        let kind = intern_edge(&name, Some(decl));
        self.edges.push(kind);
        Ok(EdgeKind::Declared(kind))
    }

    /// The declared node kinds, in order.
    pub fn node_kinds(&self) -> impl Iterator<Item = NodeKind> + '_ {
        self.nodes.iter().map(|&d| NodeKind::Declared(d))
    }

    /// The declared edge kinds, in order.
    pub fn edge_kinds(&self) -> impl Iterator<Item = EdgeKind> + '_ {
        self.edges.iter().map(|&d| EdgeKind::Declared(d))
    }

    /// The node kind declarations, as a file holds them.
    pub fn node_declarations(&self) -> Vec<NodeKindDecl> {
        self.nodes.iter().filter_map(|n| n.declaration().cloned()).collect()
    }

    /// The edge kind declarations, as a file holds them.
    pub fn edge_declarations(&self) -> Vec<EdgeKindDecl> {
        self.edges.iter().filter_map(|e| e.declaration().cloned()).collect()
    }

    /// The influence rules the declared edge kinds carry, in declaration order.
    pub fn rules(&self) -> Vec<Rule> {
        self.edges.iter().filter_map(|&e| e.declaration().map(|d| d.rule(EdgeKind::Declared(e)))).collect()
    }

    /// Every node kind name, built-in first, then declared.
    pub fn node_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        NodeKind::ALL.iter().map(|k| k.as_str()).chain(self.nodes.iter().map(|n| n.name()))
    }

    /// Every edge kind name, built-in first, then declared.
    pub fn edge_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        EdgeKind::ALL.iter().map(|k| k.as_str()).chain(self.edges.iter().map(|e| e.name()))
    }

    /// The node kind a text names (built-in or declared; case, `-` and spaces are forgiven).
    pub fn node_kind(&self, text: &str) -> Result<NodeKind, VocabularyError> {
        let declared = self.nodes.iter().map(|&n| (n.name(), NodeKind::Declared(n)));
        lookup("node kind", text, declared, self.node_names())
    }

    /// The edge kind a text names (built-in or declared; case, `-` and spaces are forgiven).
    pub fn edge_kind(&self, text: &str) -> Result<EdgeKind, VocabularyError> {
        let declared = self.edges.iter().map(|&e| (e.name(), EdgeKind::Declared(e)));
        lookup("edge kind", text, declared, self.edge_names())
    }

    /// A node kind as this vocabulary reads it: built-in kinds as they are, declared names
    /// (placeholders or another model's declaration) as this model declares them.
    pub fn resolve_node(&self, kind: NodeKind) -> Result<NodeKind, VocabularyError> {
        match kind {
            NodeKind::Declared(d) => self.node_kind(d.name()),
            builtin => Ok(builtin),
        }
    }

    /// An edge kind as this vocabulary reads it (see [`Vocabulary::resolve_node`]).
    pub fn resolve_edge(&self, kind: EdgeKind) -> Result<EdgeKind, VocabularyError> {
        match kind {
            EdgeKind::Declared(d) => self.edge_kind(d.name()),
            builtin => Ok(builtin),
        }
    }

    /// Declares everything `other` declares that this vocabulary lacks (by name).
    pub fn merge(&mut self, other: &Vocabulary) -> Result<(), VocabularyError> {
        for decl in other.node_declarations() {
            if self.node_kind(&decl.name).is_err() {
                self.declare_node(decl)?;
            }
        }
        for decl in other.edge_declarations() {
            if self.edge_kind(&decl.name).is_err() {
                self.declare_edge(decl)?;
            }
        }
        Ok(())
    }

    /// Builds a vocabulary from a file's declarations.
    pub fn from_declarations(nodes: &[NodeKindDecl], edges: &[EdgeKindDecl]) -> Result<Self, VocabularyError> {
        let mut out = Vocabulary::new();
        for decl in nodes {
            out.declare_node(decl.clone())?;
        }
        for decl in edges {
            out.declare_edge(decl.clone())?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_kinds_keep_their_properties_and_compare_by_name() {
        let mut v = Vocabulary::new();
        let ministry = v.declare_node(NodeKindDecl::new("ministry")).unwrap();
        let mut decl = EdgeKindDecl::new("military_alliance");
        decl.polarity = Polarity::Cooperative;
        decl.symmetric = true;
        decl.to = vec![NodeKind::Country, NodeKind::Declared(intern_node("ministry", None))];
        let alliance = v.declare_edge(decl).unwrap();
        assert_eq!(alliance.as_str(), "military_alliance");
        assert_eq!(alliance.label(), "military alliance");
        assert_eq!(alliance.polarity(), Polarity::Cooperative);
        assert!(alliance.is_symmetric());
        assert!(alliance.allows(NodeKind::Person, ministry));
        assert!(!alliance.allows(NodeKind::Person, NodeKind::Territory));
        assert_eq!(EdgeKind::Declared(intern_edge("military_alliance", None)), alliance);
        assert_eq!(v.edge_kind("Military Alliance").unwrap(), alliance);
        assert_eq!(alliance.rule().kind, alliance);
    }

    #[test]
    fn builtin_duplicate_and_bad_names_are_refused_and_unknown_ones_get_suggestions() {
        let mut v = Vocabulary::new();
        assert!(matches!(v.declare_edge(EdgeKindDecl::new("meets")), Err(VocabularyError::Builtin { .. })));
        assert!(matches!(v.declare_node(NodeKindDecl::new("Bad Name")), Err(VocabularyError::InvalidName { .. })));
        v.declare_edge(EdgeKindDecl::new("exports")).unwrap();
        assert!(matches!(v.declare_edge(EdgeKindDecl::new("exports")), Err(VocabularyError::Duplicate { .. })));
        match v.edge_kind("exprts") {
            Err(VocabularyError::Unknown { suggestion, .. }) => assert_eq!(suggestion.as_deref(), Some("exports")),
            other => panic!("{other:?}"),
        }
        let mut undeclared_end = EdgeKindDecl::new("hosts");
        undeclared_end.from = vec![NodeKind::Declared(intern_node("embassy", None))];
        assert!(matches!(v.declare_edge(undeclared_end), Err(VocabularyError::Unknown { .. })));
    }

    #[test]
    fn slugs_are_valid_names() {
        assert_eq!(slug("Military Alliance").as_deref(), Some("military_alliance"));
        assert_eq!(slug("/film/film/genre").as_deref(), Some("film_film_genre"));
        assert_eq!(slug("_hypernym").as_deref(), Some("hypernym"));
        assert_eq!(slug("1st").as_deref(), Some("k_1st"));
        assert_eq!(slug(" -- "), None);
        for text in ["Military Alliance", "/film/film/genre", "1st"] {
            assert!(is_valid_name(&slug(text).unwrap()));
        }
    }
}
