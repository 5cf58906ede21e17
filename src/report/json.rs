//! JSON shapes of nodes and edges, shared by every command and report that prints them.

use serde_json::{json, Map, Value};

use crate::model::{Edge, Node};

/// A node as JSON: `id`, `kind`, `name`, and `aliases`, `since`, `until`, `date`, `tags`,
/// `attrs`, `description`, `same_as`, `sources` where set.
pub fn node(node: &Node) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), json!(node.id));
    map.insert("kind".into(), json!(node.kind.as_str()));
    map.insert("name".into(), json!(node.name));
    if !node.aliases.is_empty() {
        map.insert("aliases".into(), json!(node.aliases));
    }
    for (key, date) in [("since", node.since), ("until", node.until), ("date", node.date)] {
        if let Some(date) = date {
            map.insert(key.into(), json!(date.to_string()));
        }
    }
    if !node.tags.is_empty() {
        map.insert("tags".into(), json!(node.tags));
    }
    if !node.attrs.is_empty() {
        map.insert("attrs".into(), json!(node.attrs));
    }
    if let Some(description) = &node.description {
        map.insert("description".into(), json!(description));
    }
    if !node.same_as.is_empty() {
        map.insert("same_as".into(), json!(node.same_as));
    }
    if !node.sources.is_empty() {
        map.insert("sources".into(), json!(node.sources));
    }
    Value::Object(map)
}

/// An edge as JSON: `from`, `to`, `kind`, `polarity`, and `since`, `until`, `weight`,
/// `intensity`, `topic`, `note`, `evidence`, `sources` where set.
pub fn edge(edge: &Edge) -> Value {
    let mut map = Map::new();
    map.insert("from".into(), json!(edge.from));
    map.insert("to".into(), json!(edge.to));
    map.insert("kind".into(), json!(edge.kind.as_str()));
    map.insert("polarity".into(), json!(edge.polarity().as_str()));
    for (key, date) in [("since", edge.since), ("until", edge.until)] {
        if let Some(date) = date {
            map.insert(key.into(), json!(date.to_string()));
        }
    }
    if let Some(weight) = edge.weight {
        map.insert("weight".into(), json!(weight));
    }
    if let Some(intensity) = edge.intensity {
        map.insert("intensity".into(), json!(intensity));
    }
    if let Some(topic) = &edge.topic {
        map.insert("topic".into(), json!(topic));
    }
    if let Some(note) = &edge.note {
        map.insert("note".into(), json!(note));
    }
    if !edge.evidence.is_empty() {
        let evidence: Vec<Value> =
            edge.evidence.iter().map(|e| json!({"source": e.source, "quote": e.quote})).collect();
        map.insert("evidence".into(), Value::Array(evidence));
    }
    if !edge.sources.is_empty() {
        map.insert("sources".into(), json!(edge.sources));
    }
    Value::Object(map)
}
