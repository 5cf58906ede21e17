//! The loosely typed records a model file's nodes and edges are read into (kinds and dates
//! as text, checked afterwards by [`super::ron`]), and the quick reading of their plain form
//! ([`super::plain`]), which gives exactly what ron gives for the texts it takes.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::io::loader::Word;
use crate::io::plain::{once, Plain};
use crate::model::Evidence;

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(rename = "Node", deny_unknown_fields)]
pub(crate) struct RawNode {
    pub(crate) id: String,
    pub(crate) kind: Word,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    #[serde(default)]
    pub(crate) since: Option<String>,
    #[serde(default)]
    pub(crate) until: Option<String>,
    #[serde(default)]
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) tags: Vec<String>,
    #[serde(default)]
    pub(crate) attrs: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) same_as: Vec<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    #[serde(default)]
    pub(crate) draft: bool,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(rename = "Edge", deny_unknown_fields)]
pub(crate) struct RawEdge {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) kind: Word,
    #[serde(default)]
    pub(crate) since: Option<String>,
    #[serde(default)]
    pub(crate) until: Option<String>,
    #[serde(default)]
    pub(crate) weight: Option<f64>,
    #[serde(default)]
    pub(crate) intensity: Option<f64>,
    #[serde(default)]
    pub(crate) topic: Option<String>,
    #[serde(default)]
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) evidence: Vec<Evidence>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
    #[serde(default)]
    pub(crate) draft: bool,
}

/// An owned string value.
fn text(p: &mut Plain<'_>) -> Option<String> {
    p.string().map(str::to_owned)
}

/// A kind.
fn word(p: &mut Plain<'_>) -> Option<Word> {
    p.word().map(|w| Word(w.to_owned()))
}

/// An optional string written plainly (`Some` implicit): a string.
fn some_text(p: &mut Plain<'_>) -> Option<Option<String>> {
    text(p).map(Some)
}

/// A node written plainly, or `None`.
pub(crate) fn plain_node(element: &str) -> Option<RawNode> {
    let (mut id, mut kind, mut name, mut aliases, mut since, mut until, mut date) =
        (None, None, None, None, None, None, None);
    let (mut tags, mut attrs, mut description, mut same_as) = (None, None, None, None);
    let (mut sources, mut draft) = (None, None);
    let mut p = Plain::new(element);
    p.fields("Node", |p, field| match field {
        "id" => once(&mut id, text(p)),
        "kind" => once(&mut kind, word(p)),
        "name" => once(&mut name, text(p)),
        "aliases" => once(&mut aliases, p.strings()),
        "since" => once(&mut since, some_text(p)),
        "until" => once(&mut until, some_text(p)),
        "date" => once(&mut date, some_text(p)),
        "tags" => once(&mut tags, p.strings()),
        "attrs" => once(&mut attrs, p.string_map()),
        "description" => once(&mut description, some_text(p)),
        "same_as" => once(&mut same_as, p.strings()),
        "sources" => once(&mut sources, p.strings()),
        "draft" => once(&mut draft, p.boolean()),
        _ => None,
    })?;
    p.end()?;
    Some(RawNode {
        id: id?,
        kind: kind?,
        name: name?,
        aliases: aliases.unwrap_or_default(),
        since: since.flatten(),
        until: until.flatten(),
        date: date.flatten(),
        tags: tags.unwrap_or_default(),
        attrs: attrs.unwrap_or_default(),
        description: description.flatten(),
        same_as: same_as.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        draft: draft.unwrap_or_default(),
    })
}

/// One piece of evidence written plainly.
fn evidence(p: &mut Plain<'_>) -> Option<Evidence> {
    let (mut source, mut quote) = (None, None);
    p.fields("Evidence", |p, field| match field {
        "source" => once(&mut source, text(p)),
        "quote" => once(&mut quote, text(p)),
        _ => None,
    })?;
    Some(Evidence { source: source?, quote: quote? })
}

/// An edge written plainly, or `None`.
pub(crate) fn plain_edge(element: &str) -> Option<RawEdge> {
    let (mut from, mut to, mut kind, mut since, mut until, mut topic, mut note) =
        (None, None, None, None, None, None, None);
    let (mut weight, mut intensity, mut evidences, mut sources, mut draft) = (None, None, None, None, None);
    let mut p = Plain::new(element);
    p.fields("Edge", |p, field| match field {
        "from" => once(&mut from, text(p)),
        "to" => once(&mut to, text(p)),
        "kind" => once(&mut kind, word(p)),
        "since" => once(&mut since, some_text(p)),
        "until" => once(&mut until, some_text(p)),
        "weight" => once(&mut weight, p.number().map(Some)),
        "intensity" => once(&mut intensity, p.number().map(Some)),
        "topic" => once(&mut topic, some_text(p)),
        "note" => once(&mut note, some_text(p)),
        "evidence" => once(&mut evidences, p.list(evidence)),
        "sources" => once(&mut sources, p.strings()),
        "draft" => once(&mut draft, p.boolean()),
        _ => None,
    })?;
    p.end()?;
    Some(RawEdge {
        from: from?,
        to: to?,
        kind: kind?,
        since: since.flatten(),
        until: until.flatten(),
        weight: weight.flatten(),
        intensity: intensity.flatten(),
        topic: topic.flatten(),
        note: note.flatten(),
        evidence: evidences.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        draft: draft.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::loader::options;

    /// Every element text the plain reader takes reads as ron reads it; `taken` counts them.
    fn same_as_ron(texts: &[String]) -> usize {
        let mut taken = 0;
        for text in texts {
            if let Some(node) = plain_node(text) {
                assert_eq!(Some(node), options().from_str::<RawNode>(text).ok(), "{text}");
                taken += 1;
            }
            if let Some(edge) = plain_edge(text) {
                assert_eq!(Some(edge), options().from_str::<RawEdge>(text).ok(), "{text}");
                taken += 1;
            }
        }
        taken
    }

    /// Each node and edge of the shipped models and of texts written to trip the reader,
    /// as written and with one character cut out or doubled at every place: whatever the
    /// plain reader takes, ron reads to the same record (and ron is the reference: the
    /// record derives its reading from the struct).
    #[test]
    fn the_plain_reading_is_rons() {
        let mut elements: Vec<String> = Vec::new();
        for file in ["japan_russia_2014.ron", "senkaku_2012.ron"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs").join(file);
            let text = std::fs::read_to_string(path).unwrap();
            let outline = crate::io::spans::top_outline(&text);
            let skeleton = crate::io::skeleton::read(&text, &outline).unwrap();
            for (name, _, items) in skeleton.fields {
                if matches!(name, "nodes" | "edges") {
                    elements.extend(items.unwrap().into_iter().map(str::to_owned));
                }
            }
        }
        let written = elements.len();
        // Every element of the shipped models is plain, and read as ron reads it.
        assert_eq!(same_as_ron(&elements), written);
        let tricky = [
            "Edge(from: \"a\", to: \"b\", kind: meets, evidence: [Evidence(quote: \"q\", source: \"s\"),],)",
            "Edge(from: \"a\", to: \"b\", kind: meets, since: \"2014\", since: \"2015\")",
            "Edge(from: \"a\", to: \"b\", kind: meets, weight: 0.5)",
            "Edge(from: \"a\", to: \"b\", kind: meets, weight: 1, intensity: -7.25)",
            "Edge(from: \"a\", to: \"b\", kind: meets, weight: 1e3, intensity: 1_0)",
            "Edge(from: \"a\", to: \"b\", kind: meets, weight: .5, intensity: 2.)",
            "Edge(from: \"a\", to: \"b\", kind: meets, weight: 0.5f64, intensity: -inf)",
            "Edge(from: \"a\", to: \"b\", kind: meets, topic: Some(\"t\"))",
            "Edge(from: \"a\", to: \"b\", kind: meets, note: None)",
            "Edge(from: \"a\", to: \"b\", kind: meets(1))",
            "Edge(from: \"a\", to: \"b\", kind: \"meets\")",
            "Edge(from: \"a\", to: \"b\", kind: meets, draft: true, sources: [])",
            "Edge(from: \"a\", to: \"b\", kind: r#meets)",
            "Edge(from: \"a\", to: \"b\", kind: m\u{e9}ets)",
            "Edge(from: \"a\nb\", to: \"b\", kind: meets)",
            "Edge(from: \"a\", to: \"b\", kind: meets) // after",
            "Edge(\n    from: \"a\",\n    to: \"b\",\n    kind: meets,\n)\n",
            "Edge(from: \"a\", to: \"b\")",
            "Node(id: \"a\", kind: country, name: \"A\", attrs: {\"k\": \"v\"})",
            "Node(id: \"a\", kind: country, name: \"A\", attrs: {\"k\": \"v\", \"j\": \"w\",})",
            "Node(id: \"a\", kind: country, name: \"A\", attrs: {\"k\": \"v\", \"k\": \"w\"})",
            "Node(id: \"a\", kind: country, name: \"A\", attrs: {k: \"v\"})",
            "Node(id: \"a\", kind: country, name: \"A\", aliases: [\"x\", \"y\",], draft: false)",
            "Node(id: \"a\", kind: country, name: \"A\", tags: [\"x\" \"y\"])",
            "Node(id: \"a\", kind: country, name: \"A\", same_as: [\"b\"], date: \"2014-03\")",
            "Node(id: \"a\", kind: Some, name: \"A\")",
            "Node(id: \"a\", kind: true, name: \"A\")",
            "Node(id: \"a\", kind: country, name: \"A\\u{41}\")",
            "Node(id: \"a\", kind: country, nam: \"A\")",
        ];
        elements.extend(tricky.iter().map(|t| (*t).to_owned()));
        let mut mutated = Vec::new();
        for text in &elements[written..] {
            mutated.extend(variants(text));
        }
        for text in elements.iter().take(written).step_by(7) {
            mutated.extend(variants(text));
        }
        let taken = same_as_ron(&elements) + same_as_ron(&mutated);
        assert!(taken > written, "the mutated texts were all refused");
    }

    /// `text` with one character cut out, and with one doubled, at every place.
    fn variants(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (at, c) in text.char_indices() {
            let next = at + c.len_utf8();
            out.push(format!("{}{}", &text[..at], &text[next..]));
            out.push(format!("{}{}", &text[..next], &text[at..]));
        }
        out
    }
}
