//! Writing a model as RON, its nodes and edges serialised in parallel chunks.
//!
//! The text is exactly what ron's pretty printer gives for the whole model
//! ([`crate::io::ron::to_string`]): ron writes each element of a list at the list's depth
//! with the same state whatever came before it, so a chunk of nodes serialised on its own
//! as the only field of a one-field `Model(nodes: […])` comes out as the lines those nodes
//! take in the whole file. Each chunk's text is cut out of its frame (checked to be the
//! frame expected, else the whole model is written by ron in one piece), and the pieces are
//! written in order. Chunks are serialised a batch at a time on rayon's threads, so the text
//! held at once is a batch's, not the file's. Saving a 957,000-tie model spent a fifth of
//! a merge's time in one thread serialising (BENCHMARKS.md, issue 23).

use std::io::{self, Write};

use petgraph::graph::{Edge as GraphEdge, Node as GraphNode};
use rayon::prelude::*;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::io::loader::{pretty_config, write_pretty};
use crate::io::plain_writer;
use crate::model::{Edge, Model, Node, PartialDate, Rule, Source};
use crate::model::{EdgeKindDecl, NodeKindDecl};

/// Elements per chunk: big enough that a chunk's frame costs nothing beside it.
const CHUNK: usize = 2048;
/// Chunks serialised before their text is written.
const BATCH: usize = 32;

/// What ron writes before the fields of a `Model` with relgraph's pretty configuration.
const OPEN: &str = "#![enable(implicit_some)]\nModel(\n";

/// Writes `model` as [`crate::io::ron::to_string`] gives it, serialising big lists in
/// parallel.
pub(crate) fn write(model: &Model, out: &mut dyn Write) -> io::Result<()> {
    let Some(head) = head(model) else {
        return write_pretty(&model.file_view(), out);
    };
    out.write_all(head.as_bytes())?;
    list(out, "nodes", model.graph().raw_nodes(), |n: &GraphNode<Node>| &n.weight, plain_writer::node)?;
    list(out, "edges", model.graph().raw_edges(), |e: &GraphEdge<Edge>| &e.weight, plain_writer::edge)?;
    if !model.influence.is_empty() {
        let tail = Piece { field: "influence", items: Items(&model.influence, |r: &Rule| r) };
        out.write_all(cut(&tail)?.as_bytes())?;
    }
    out.write_all(b")\n")
}

/// The file's text up to its nodes, or `None` when ron does not frame it as expected.
fn head(model: &Model) -> Option<String> {
    let head = Head {
        title: &model.title,
        description: model.description.as_ref(),
        as_of: model.as_of,
        sources: &model.sources,
        node_kinds: model.vocabulary.node_declarations(),
        edge_kinds: model.vocabulary.edge_declarations(),
    };
    // The head's text without the struct's closing parenthesis.
    text(&head).and_then(|t| t.strip_suffix(')').map(str::to_owned)).filter(|t| t.starts_with(OPEN))
}

/// Writes the field `field` holding `items` (each element as `weight` gives it), each
/// chunk written by `plain` ([`plain_writer`]) when it can write every element, else by ron.
fn list<T: Sync, E: Serialize>(
    out: &mut dyn Write,
    field: &'static str,
    items: &[T],
    weight: fn(&T) -> &E,
    plain: Plain<E>,
) -> io::Result<()> {
    if items.is_empty() {
        let empty = Piece { field, items: Items(items, weight) };
        return out.write_all(cut(&empty)?.as_bytes());
    }
    // Each chunk comes as `    nodes: [\n` + its elements + `    ],\n`.
    let open = format!("    {field}: [\n");
    out.write_all(open.as_bytes())?;
    for batch in items.chunks(CHUNK * BATCH) {
        let texts: Vec<io::Result<String>> = batch
            .par_chunks(CHUNK)
            .map(|chunk| {
                if let Some(text) = plain_chunk(chunk, weight, plain) {
                    return Ok(text);
                }
                let piece = cut(&Piece { field, items: Items(chunk, weight) })?;
                piece
                    .strip_prefix(open.as_str())
                    .and_then(|rest| rest.strip_suffix("    ],\n"))
                    .map(str::to_owned)
                    .ok_or_else(|| unexpected(field))
            })
            .collect();
        for text in texts {
            out.write_all(text?.as_bytes())?;
        }
    }
    out.write_all(b"    ],\n")
}

/// Writes an element as ron would, or gives up (see [`plain_writer`]).
type Plain<E> = fn(&mut String, &E, &mut String) -> Option<()>;

/// A chunk's elements written by `plain`, or `None` when it gives up on one of them.
fn plain_chunk<T, E>(chunk: &[T], weight: fn(&T) -> &E, plain: Plain<E>) -> Option<String> {
    let (mut text, mut scratch) = (String::with_capacity(chunk.len() * 256), String::new());
    chunk.iter().try_for_each(|item| plain(&mut text, weight(item), &mut scratch))?;
    Some(text)
}

/// The fields `value` (a one-or-more-field `Model`) writes: its text without the frame.
fn cut<T: Serialize>(value: &T) -> io::Result<String> {
    text(value)
        .and_then(|t| t.strip_prefix(OPEN).and_then(|rest| rest.strip_suffix(')')).map(str::to_owned))
        .ok_or_else(|| unexpected("model"))
}

/// ron's pretty text of `value`, or `None` when ron refuses it.
fn text<T: Serialize>(value: &T) -> Option<String> {
    ron::ser::to_string_pretty(value, pretty_config()).ok()
}

fn unexpected(what: &str) -> io::Error {
    io::Error::other(format!("ron wrote the {what} of a model in an unexpected frame"))
}

/// The model's fields before its nodes, as [`crate::model::ModelFile`] names and skips
/// them.
#[derive(Serialize)]
#[serde(rename = "Model")]
struct Head<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<PartialDate>,
    #[serde(skip_serializing_if = "<[Source]>::is_empty")]
    sources: &'a [Source],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    node_kinds: Vec<NodeKindDecl>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    edge_kinds: Vec<EdgeKindDecl>,
}

/// A `Model` with one field, a list.
struct Piece<'a, T, E> {
    field: &'static str,
    items: Items<'a, T, E>,
}

impl<T, E: Serialize> Serialize for Piece<'_, T, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut model = serializer.serialize_struct("Model", 1)?;
        model.serialize_field(self.field, &self.items)?;
        model.end()
    }
}

/// A list of elements, each serialised as `weight` gives it.
struct Items<'a, T, E>(&'a [T], fn(&T) -> &E);

impl<T, E: Serialize> Serialize for Items<'_, T, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn written(model: &Model) -> String {
        // Written in chunks, not by the fallback.
        assert!(head(model).is_some());
        let mut out = Vec::new();
        write(model, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The chunked text is the text ron gives for the whole model, on the shipped models,
    /// on models with every optional field and none, and on lists longer than a chunk and
    /// a batch (cut at chunk boundaries).
    #[test]
    fn writes_what_ron_writes_for_the_whole_model() {
        let graphs = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs");
        for file in ["japan_russia_2014.ron", "senkaku_2012.ron"] {
            let model = crate::io::ron::load(&graphs.join(file)).unwrap();
            assert_eq!(written(&model), crate::io::ron::to_string(&model), "{file}");
        }
        let text = "Model(title: \"T \\\"q\\\" )\", description: \"line\\nbreak\", as_of: \"2024\", \
                    sources: [Source(id: \"s\", title: \"S\")], \
                    node_kinds: [NodeKind(name: \"port\")], \
                    edge_kinds: [EdgeKind(name: \"exports\", polarity: cooperative)], \
                    nodes: [Node(id: \"a\", kind: port, name: \"A\\n(\", tags: [\"t\"]), Node(id: \"b\", kind: actor, name: \"B\")], \
                    edges: [Edge(from: \"a\", to: \"b\", kind: exports, since: \"2020\", note: \"x\\n    ],\\n)\", \
                    evidence: [Evidence(source: \"s\", quote: \"q\")])], \
                    influence: [Rule(kind: exports, goldstein: 1.0, forward: 0.5, backward: 0.1)])";
        let full = crate::io::ron::parse(text, Path::new("t.ron")).unwrap();
        assert_eq!(written(&full), crate::io::ron::to_string(&full));
        let empty = Model::new("E");
        assert_eq!(written(&empty), crate::io::ron::to_string(&empty));
        let mut nodes_only = Model::new("N");
        nodes_only.add_node(Node::new("a", crate::model::NodeKind::Country, "A")).unwrap();
        assert_eq!(written(&nodes_only), crate::io::ron::to_string(&nodes_only));
        let mut big = Model::new("Big");
        let n = CHUNK * BATCH + CHUNK + 3;
        for i in 0..n {
            big.add_node(Node::new(format!("n{i}"), crate::model::NodeKind::Country, format!("N {i}"))).unwrap();
        }
        for i in 1..n {
            let mut edge = Edge::new(format!("n{}", i - 1), format!("n{i}"), crate::model::EdgeKind::Meets);
            edge.note = (i % 7 == 0).then(|| format!("tie {i}\nsecond line"));
            big.add_edge(edge).unwrap();
        }
        assert_eq!(written(&big), crate::io::ron::to_string(&big));
    }

    /// ron's text for one element of a model's list `field`.
    fn by_ron<E: Serialize>(field: &'static str, element: &E) -> String {
        let piece = cut(&Piece { field, items: Items(std::slice::from_ref(element), |e: &E| e) }).unwrap();
        let open = format!("    {field}: [\n");
        piece.strip_prefix(open.as_str()).and_then(|rest| rest.strip_suffix("    ],\n")).unwrap().to_owned()
    }

    /// The plain writer writes each element as ron does, or gives up: on the shipped models'
    /// elements, on a node and an edge with every field set, and on values ron writes in
    /// another form (a quote or backslash in a string, an infinite number). Those with every field set are written plainly.
    #[test]
    fn the_plain_writer_writes_what_ron_writes() {
        use crate::model::{EdgeKind, Evidence, NodeKind};
        let same_node = |n: &Node| {
            let (mut out, mut scratch) = (String::new(), String::new());
            let plain = plain_writer::node(&mut out, n, &mut scratch).map(|()| out.clone());
            assert!(plain.as_ref().is_none_or(|p| *p == by_ron("nodes", n)), "{n:?}");
            plain.is_some()
        };
        let mut full = Node::new("a", NodeKind::Country, "Ä \u{1F600} line\nbreak");
        full.aliases = vec!["x".into(), "y z".into()];
        (full.since, full.until, full.date) =
            (Some("2014-03".parse().unwrap()), Some("2015".parse().unwrap()), Some("2014-03-18".parse().unwrap()));
        full.tags = vec!["t".into()];
        full.attrs = [("k".to_owned(), "v".to_owned()), ("j".to_owned(), "w".to_owned())].into();
        full.description = Some("D".into());
        (full.same_as, full.sources, full.draft) = (vec!["b".into()], vec!["s".into(), "r".into()], true);
        assert!(same_node(&full));
        for odd in [
            Node { name: "say \"hi\"".into(), ..full.clone() },
            Node { aliases: vec!["back\\slash".into()], ..full.clone() },
            Node { attrs: [("q\"".to_owned(), "v".to_owned())].into(), ..full.clone() },
        ] {
            assert!(!same_node(&odd), "{odd:?}");
        }
        let same_edge = |e: &Edge| {
            let (mut out, mut scratch) = (String::new(), String::new());
            let plain = plain_writer::edge(&mut out, e, &mut scratch).map(|()| out.clone());
            assert!(plain.as_ref().is_none_or(|p| *p == by_ron("edges", e)), "{e:?}");
            plain.is_some()
        };
        let mut full = Edge::new("a", "b", EdgeKind::Meets);
        (full.since, full.until) = (Some("2014".parse().unwrap()), Some("2014-12".parse().unwrap()));
        (full.weight, full.intensity) = (Some(0.25), Some(-7.0));
        (full.topic, full.note) = (Some("energy".into()), Some("n\n(x)".into()));
        full.evidence = vec![
            Evidence { source: "s".into(), quote: "q".into() },
            Evidence { source: "r".into(), quote: "p".into() },
        ];
        (full.sources, full.draft) = (vec!["s".into()], true);
        assert!(same_edge(&full));
        assert!(same_edge(&Edge { weight: Some(1.0), intensity: Some(1e-7), ..full.clone() }));
        assert!(same_edge(&Edge { weight: Some(1e21), intensity: Some(0.1 + 0.2), ..full.clone() }));
        for odd in [
            Edge { weight: Some(f64::INFINITY), ..full.clone() },
            Edge { intensity: Some(f64::NAN), ..full.clone() },
            Edge { note: Some("a \"b\"".into()), ..full.clone() },
            Edge { evidence: vec![Evidence { source: "s".into(), quote: "\\".into() }], ..full.clone() },
        ] {
            assert!(!same_edge(&odd), "{odd:?}");
        }
        let graphs = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs");
        for file in ["japan_russia_2014.ron", "senkaku_2012.ron"] {
            let model = crate::io::ron::load(&graphs.join(file)).unwrap();
            let plain_nodes = model.nodes().filter(|n| same_node(n)).count();
            let plain_edges = model.edges().filter(|e| same_edge(e)).count();
            assert!(plain_nodes > 0 && plain_edges > 0, "{file}");
        }
    }
}
