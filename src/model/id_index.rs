//! The index from node ids to graph indices that every [`super::Model`] keeps.
//!
//! Loading a file looks up both ends of every tie here. A map keyed by `String`s compares
//! each looked-up id with a key that lives in its own heap allocation, scattered among the
//! nodes' other fields: on a 500,000-tie file nearly every such comparison missed the
//! cache, and the look-ups were a fifth of the load (BENCHMARKS.md, issue 23). Here the ids
//! are written one after another in one string and the table holds where each is, so a
//! look-up reads the table and a small, dense block of text.
//!
//! Ids are only ever added (a model never renames or removes a node in place), so offsets
//! into the text stay valid. Nothing depends on the table's order.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use petgraph::graph::NodeIndex;

/// Node ids and their graph indices.
#[derive(Clone, Default)]
pub(crate) struct IdIndex {
    /// Every id, one after another.
    text: String,
    /// Where each id is in `text` (start, end) and its node's index.
    table: HashTable<(usize, usize, NodeIndex)>,
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex").field("ids", &self.table.len()).finish()
    }
}

impl IdIndex {
    /// The index of the node with this exact id.
    pub(crate) fn get(&self, id: &str) -> Option<NodeIndex> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&(start, end, _)| self.text.get(start..end) == Some(id)).map(|&(_, _, index)| index)
    }

    /// Whether a node has this id.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Records `id` as the node at `index`; the caller has checked that the id is new.
    pub(crate) fn insert(&mut self, id: &str, index: NodeIndex) {
        let hash = self.hasher.hash_one(id);
        let start = self.text.len();
        self.text.push_str(id);
        let (text, hasher) = (&self.text, &self.hasher);
        let rehash = |&(start, end, _): &(usize, usize, NodeIndex)| hasher.hash_one(&text[start..end]);
        self.table.insert_unique(hash, (start, self.text.len(), index), rehash);
    }

    /// Makes room for `more` ids.
    pub(crate) fn reserve(&mut self, more: usize) {
        let (text, hasher) = (&self.text, &self.hasher);
        self.table.reserve(more, |&(start, end, _)| hasher.hash_one(&text[start..end]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id inserted is found at its index, through the table's growth, and ids that
    /// are prefixes or extensions of others, or were never inserted, are not confused.
    #[test]
    fn finds_each_id_it_was_given_and_no_other() {
        let mut index = IdIndex::default();
        let ids: Vec<String> = (0..5000).map(|i| format!("n{i}")).chain(["".into(), "é".into()]).collect();
        for (i, id) in ids.iter().enumerate() {
            assert!(!index.contains(id));
            index.insert(id, NodeIndex::new(i));
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(NodeIndex::new(i)), "{id}");
        }
        for absent in ["n5000", "n", "n00", "N1", "e"] {
            assert_eq!(index.get(absent), None, "{absent}");
        }
        let mut reserved = IdIndex::default();
        reserved.reserve(10);
        reserved.insert("a", NodeIndex::new(7));
        assert_eq!(reserved.clone().get("a"), Some(NodeIndex::new(7)));
    }
}
