//! Importing into a model: the names an imported table uses, resolved against the model's
//! ids, names and aliases (`Tokyo` → `japan`), and new nodes, with ids in the model's
//! style, for the names the model does not know. No I/O; the caller composes the result
//! with the model ([`super::merge::compose`]).
//!
//! Each imported node is looked up by its id, then by its name, then by its aliases:
//! exactly first, then once case and Unicode normalisation are ignored. A name that is an id,
//! name or alias of several nodes of the model is an error listing them. A node the model
//! does not have keeps the kind the import gave it; its id is its name as a slug
//! (`South Korea` → `south_korea`) when the model's ids are slugs, else its name, made unique.

use std::collections::{HashMap, HashSet};

use super::{fold, Model, ModelError};

/// How the imported names were resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// Names that are ids of the model.
    pub by_id: usize,
    /// Names that are names of the model's nodes.
    pub by_name: usize,
    /// Names that are aliases (or joined ids) of the model's nodes.
    pub by_alias: usize,
    /// Names the model does not know, added as new nodes: (name, new id).
    pub created: Vec<(String, String)>,
    /// Imported ties the model states already (counted once composed, see
    /// `api::sources::import_into`).
    pub corroborated: usize,
}

/// Why imported names cannot be resolved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// A name names several nodes of the model.
    #[error("`{name}` could be any of {}: give the row the id instead", candidates.join(", "))]
    Ambiguous {
        /// The name.
        name: String,
        /// The model's ids it matches, sorted.
        candidates: Vec<String>,
    },
    /// A tie does not fit its ends' kinds once they are resolved.
    #[error("a `{kind}` tie cannot run from `{from}` ({from_kind}) to `{to}` ({to_kind})")]
    Schema {
        /// The tie's kind.
        kind: super::EdgeKind,
        /// Tail id.
        from: String,
        /// Tail kind.
        from_kind: super::NodeKind,
        /// Head id.
        to: String,
        /// Head kind.
        to_kind: super::NodeKind,
    },
    /// The renamed model cannot be built.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// How a name matched.
#[derive(Clone, Copy)]
enum How {
    Id,
    Name,
    Alias,
}

/// Renames `imported`'s nodes to the ids of `target`'s nodes they name, and gives the rest
/// ids in `target`'s style; nodes it matches take `target`'s kind.
pub fn resolve_into(target: &Model, imported: Model) -> Result<(Model, Resolution), ResolveError> {
    // Every way to name a node of the target, exact and folded.
    let mut exact: HashMap<&str, Vec<(usize, How)>> = HashMap::new();
    let mut folded: HashMap<String, Vec<(usize, How)>> = HashMap::new();
    for (i, node) in target.nodes().enumerate() {
        let names = std::iter::once((node.id.as_str(), How::Id))
            .chain(std::iter::once((node.name.as_str(), How::Name)))
            .chain(node.aliases.iter().chain(node.same_as.iter()).map(|a| (a.as_str(), How::Alias)));
        for (name, how) in names {
            exact.entry(name).or_default().push((i, how));
            folded.entry(fold(name)).or_default().push((i, how));
        }
    }
    let slugs = target.node_count() > 0
        && target.nodes().all(|n| super::vocabulary::slug(&n.id).as_deref() == Some(n.id.as_str()));
    let mut taken: HashSet<String> = target.nodes().map(|n| n.id.clone()).collect();
    let targets: Vec<&super::Node> = target.nodes().collect();

    let mut resolution = Resolution::default();
    let mut rename: HashMap<String, String> = HashMap::new();
    let file = imported.into_file();
    let mut nodes = Vec::with_capacity(file.nodes.len());
    for mut node in file.nodes {
        let hits = |list: Option<&Vec<(usize, How)>>| {
            let mut list: Vec<(usize, How)> = list.cloned().unwrap_or_default();
            list.sort_by_key(|(i, how)| (*i, *how as u8));
            list.dedup_by_key(|(i, _)| *i);
            list
        };
        let mut found = hits(exact.get(node.id.as_str()));
        if found.is_empty() {
            found = hits(folded.get(&fold(&node.id)));
        }
        match found.as_slice() {
            [] => {
                let base = if slugs {
                    super::vocabulary::slug(&node.name).unwrap_or_else(|| "node".to_owned())
                } else {
                    node.id.clone()
                };
                let mut id = base.clone();
                let mut n = 2;
                while taken.contains(&id) {
                    id = format!("{base}_{n}");
                    n += 1;
                }
                taken.insert(id.clone());
                resolution.created.push((node.name.clone(), id.clone()));
                rename.insert(node.id.clone(), id.clone());
                node.id = id;
            }
            [(i, how)] => {
                let Some(into) = targets.get(*i) else { continue };
                match how {
                    How::Id => resolution.by_id += 1,
                    How::Name => resolution.by_name += 1,
                    How::Alias => resolution.by_alias += 1,
                }
                rename.insert(node.id.clone(), into.id.clone());
                node.id = into.id.clone();
                node.kind = into.kind;
                // The table's name is a name the model knows already.
                node.name = into.name.clone();
            }
            many => {
                let mut candidates: Vec<String> =
                    many.iter().filter_map(|(i, _)| targets.get(*i)).map(|n| n.id.clone()).collect();
                candidates.sort();
                return Err(ResolveError::Ambiguous { name: node.id, candidates });
            }
        }
        nodes.push(node);
    }
    let kinds: HashMap<&str, super::NodeKind> = nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();
    let mut edges = Vec::with_capacity(file.edges.len());
    for mut edge in file.edges {
        edge.from = rename.get(&edge.from).cloned().unwrap_or(edge.from);
        edge.to = rename.get(&edge.to).cloned().unwrap_or(edge.to);
        if let (Some(&from_kind), Some(&to_kind)) = (kinds.get(edge.from.as_str()), kinds.get(edge.to.as_str())) {
            if !edge.kind.allows(from_kind, to_kind) {
                return Err(ResolveError::Schema { kind: edge.kind, from: edge.from, from_kind, to: edge.to, to_kind });
            }
        }
        edges.push(edge);
    }
    let file = super::ModelFile { nodes, edges, ..file };
    Ok((Model::from_file(file)?, resolution))
}

#[cfg(test)]
mod tests {
    use super::super::{Edge, EdgeKind, Node, NodeKind};
    use super::*;

    #[test]
    fn names_resolve_by_id_name_and_alias_and_the_rest_get_slug_ids() {
        let mut target = Model::new("t");
        let mut japan = Node::new("japan", NodeKind::Country, "Japan");
        japan.aliases = vec!["Tokyo".into()];
        target.add_node(japan).unwrap();
        target.add_node(Node::new("china", NodeKind::Country, "China")).unwrap();
        target.add_node(Node::new("south", NodeKind::Country, "South")).unwrap();

        let mut imported = Model::new("i");
        for (name, kind) in [("tokyo", NodeKind::Actor), ("China", NodeKind::Actor), ("south", NodeKind::Actor)] {
            imported.add_node(Node::new(name, kind, name)).unwrap();
        }
        imported.add_node(Node::new("South Korea", NodeKind::Country, "South Korea")).unwrap();
        imported.add_node(Node::new("South-Korea!", NodeKind::Country, "South-Korea!")).unwrap();
        imported.add_edge(Edge::new("tokyo", "South Korea", EdgeKind::Meets)).unwrap();
        imported.add_edge(Edge::new("China", "south", EdgeKind::Meets)).unwrap();

        let (model, resolution) = resolve_into(&target, imported).unwrap();
        assert_eq!((resolution.by_id, resolution.by_name, resolution.by_alias), (1, 1, 1));
        assert_eq!(
            resolution.created,
            [
                ("South Korea".to_owned(), "south_korea".to_owned()),
                ("South-Korea!".to_owned(), "south_korea_2".to_owned())
            ]
        );
        let ends: Vec<(&str, &str)> = model.edges().map(|e| (e.from.as_str(), e.to.as_str())).collect();
        assert_eq!(ends, [("japan", "south_korea"), ("china", "south")]);
        assert_eq!(model.node_by_id("japan").unwrap().kind, NodeKind::Country);
    }

    #[test]
    fn a_name_of_two_nodes_is_an_error_naming_both() {
        let mut target = Model::new("t");
        let mut a = Node::new("korea_north", NodeKind::Country, "North Korea");
        a.aliases = vec!["Korea".into()];
        let mut b = Node::new("korea_south", NodeKind::Country, "South Korea");
        b.aliases = vec!["korea".into()];
        target.add_node(a).unwrap();
        target.add_node(b).unwrap();
        let mut imported = Model::new("i");
        imported.add_node(Node::new("KOREA", NodeKind::Actor, "KOREA")).unwrap();
        let error = resolve_into(&target, imported).unwrap_err();
        assert_eq!(
            error,
            ResolveError::Ambiguous {
                name: "KOREA".into(),
                candidates: vec!["korea_north".into(), "korea_south".into()]
            }
        );
    }
}
