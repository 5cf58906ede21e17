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

use super::influence::Rule;
pub use super::kind::{
    intern_edge, intern_node, DeclaredEdge, DeclaredNode, EdgeEntry, EdgeKindDecl, NodeEntry, NodeKindDecl,
};
use super::kind::{EdgeKind, NodeKind};
pub use super::name::is_valid_name;
use super::name::{closest, normalise, UnknownName};
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
fn named<K: std::str::FromStr<Err = UnknownName>>(
    text: &str,
    placeholder: impl FnOnce(&str) -> K,
) -> Result<K, String> {
    text.parse::<K>().or_else(|e| {
        let name = normalise(text);
        if is_valid_name(&name) {
            Ok(placeholder(&name))
        } else {
            Err(e.to_string())
        }
    })
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
fn lookup<K: std::str::FromStr>(
    vocabulary: &'static str,
    text: &str,
    mut declared: impl Iterator<Item = (&'static str, K)>,
    suggest: impl FnOnce() -> Option<&'static str>,
) -> Result<K, VocabularyError> {
    if let Ok(kind) = text.parse::<K>() {
        return Ok(kind);
    }
    let wanted = normalise(text);
    declared.find(|(name, _)| *name == wanted).map(|(_, kind)| kind).ok_or_else(|| VocabularyError::Unknown {
        vocabulary,
        name: text.to_owned(),
        suggestion: suggest().map(str::to_owned),
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
        lookup("node kind", text, declared, || closest(text, self.node_names()))
    }

    /// The edge kind a text names (built-in or declared; case, `-` and spaces are forgiven).
    /// An unknown name's suggestion never leans against it (see [`super::lean`]).
    pub fn edge_kind(&self, text: &str) -> Result<EdgeKind, VocabularyError> {
        let declared = self.edges.iter().map(|&e| (e.name(), EdgeKind::Declared(e)));
        lookup("edge kind", text, declared, || super::lean::suggest(text, self.edge_kinds_all()))
    }

    /// Every edge kind, built-in first, then declared.
    pub fn edge_kinds_all(&self) -> impl Iterator<Item = EdgeKind> + '_ {
        EdgeKind::ALL.into_iter().chain(self.edge_kinds())
    }

    /// Every node kind, built-in first, then declared.
    pub fn node_kinds_all(&self) -> impl Iterator<Item = NodeKind> + '_ {
        NodeKind::ALL.into_iter().chain(self.node_kinds())
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
    use crate::model::Polarity;

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
        for (typo, wanted) in [("protestz", "protests"), ("threatenz", "threatens"), ("acuses", "accuses")] {
            match v.edge_kind(typo) {
                Err(VocabularyError::Unknown { suggestion, .. }) => assert_eq!(suggestion.as_deref(), Some(wanted)),
                other => panic!("{other:?}"),
            }
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
