//! Neo4j export: CSV files for `neo4j-admin database import full`, plus a Cypher script
//! that builds the same graph from the same files with `LOAD CSV`.
//!
//! [`write_dir`] writes four files into a folder, each atomically:
//!
//! - `nodes.csv`: `id:ID`, `:LABEL` (the kind in PascalCase plus `Entity`, e.g.
//!   `Country;Entity`), `kind`, `name`, `aliases:string[]`, `since`, `until`, `date`,
//!   `tags:string[]`, `description`, then one string column per attribute name;
//! - `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (the kind in upper case, e.g.
//!   `COMPETES_WITH`), `id` (`e0`, `e1`, … in model order), `polarity`, `since`, `until`,
//!   `weight:float`, `intensity:float`, `topic`, `note`, `evidence` (JSON);
//! - `import.cypher`: a uniqueness constraint on `(:Entity {id})`, then one `LOAD CSV …
//!   MERGE` statement per node kind and per relationship type present in the model;
//! - `README.txt`: how to run either route.
//!
//! Arrays use `;` between elements (Neo4j's default array delimiter), so an alias or tag
//! that itself contains `;` is split in Neo4j. Dates stay strings, as written in the model
//! (`2014`, `2014-03`, `2014-03-18`), since Neo4j has no partial dates. An attribute name
//! that is not a plain identifier, or collides with a column, becomes `attr_` + the name with
//! every other character replaced by `_` (and `_2`, `_3` … on a clash). Quoting follows RFC
//! 4180 (the `csv` crate); fields may contain newlines, hence `--multiline-fields=true`.

use std::path::Path;

use crate::io::atomic;
use crate::model::{EdgeKind, Model, NodeKind};
use crate::Error;

/// Fixed node columns, in order, before the attribute columns.
pub const NODE_COLUMNS: [&str; 10] =
    ["id:ID", ":LABEL", "kind", "name", "aliases:string[]", "since", "until", "date", "tags:string[]", "description"];

/// Relationship columns, in order.
pub const RELATIONSHIP_COLUMNS: [&str; 12] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "id",
    "polarity",
    "since",
    "until",
    "weight:float",
    "intensity:float",
    "topic",
    "note",
    "evidence",
];

/// The label every node carries besides its kind's, used to find nodes by id.
pub const COMMON_LABEL: &str = "Entity";

/// The array delimiter of `aliases:string[]` and `tags:string[]`.
pub const ARRAY_DELIMITER: char = ';';

/// The Neo4j label of a node kind: `country` → `Country`, `organization` → `Organization`.
pub fn label(kind: NodeKind) -> String {
    pascal(kind.as_str())
}

/// The Neo4j relationship type of an edge kind: `competes_with` → `COMPETES_WITH`.
pub fn relationship_type(kind: EdgeKind) -> String {
    kind.as_str().to_ascii_uppercase()
}

fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Attribute names in model order with the column each is written to.
pub fn attr_columns(model: &Model) -> Vec<(String, String)> {
    let reserved = ["id", "kind", "name", "aliases", "since", "until", "date", "tags", "description"];
    let mut out: Vec<(String, String)> = Vec::new();
    for node in model.nodes() {
        for name in node.attrs.keys() {
            if out.iter().any(|(n, _)| n == name) {
                continue;
            }
            let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let base = if plain && !reserved.contains(&name.as_str()) && !name.starts_with("attr_") {
                name.clone()
            } else {
                let cleaned: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
                format!("attr_{cleaned}")
            };
            let mut column = base.clone();
            let mut n = 2;
            while out.iter().any(|(_, c)| *c == column) {
                column = format!("{base}_{n}");
                n += 1;
            }
            out.push((name.clone(), column));
        }
    }
    out
}

fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(false).from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn opt<T: ToString>(x: &Option<T>) -> String {
    x.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The text of `nodes.csv`.
pub fn nodes_csv(model: &Model) -> String {
    let attrs = attr_columns(model);
    let mut header: Vec<String> = NODE_COLUMNS.iter().map(|s| s.to_string()).collect();
    header.extend(attrs.iter().map(|(_, c)| c.clone()));
    let mut rows = vec![header];
    let delimiter = ARRAY_DELIMITER.to_string();
    for node in model.nodes() {
        let mut row = vec![
            node.id.clone(),
            format!("{}{ARRAY_DELIMITER}{COMMON_LABEL}", label(node.kind)),
            node.kind.as_str().to_owned(),
            node.name.clone(),
            node.aliases.join(&delimiter),
            opt(&node.since),
            opt(&node.until),
            opt(&node.date),
            node.tags.join(&delimiter),
            opt(&node.description),
        ];
        row.extend(attrs.iter().map(|(name, _)| node.attrs.get(name).cloned().unwrap_or_default()));
        rows.push(row);
    }
    csv_text(rows)
}

/// The text of `relationships.csv`.
pub fn relationships_csv(model: &Model) -> String {
    let mut rows = vec![RELATIONSHIP_COLUMNS.iter().map(|s| s.to_string()).collect()];
    let finite = |x: Option<f64>| x.filter(|x| x.is_finite()).map(|x| x.to_string()).unwrap_or_default();
    for (i, edge) in model.edges().enumerate() {
        rows.push(vec![
            edge.from.clone(),
            edge.to.clone(),
            relationship_type(edge.kind),
            format!("e{i}"),
            edge.polarity().as_str().to_owned(),
            opt(&edge.since),
            opt(&edge.until),
            finite(edge.weight),
            finite(edge.intensity),
            opt(&edge.topic),
            opt(&edge.note),
            if edge.evidence.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&edge.evidence).unwrap_or_default()
            },
        ]);
    }
    csv_text(rows)
}

/// The text of `import.cypher`: `LOAD CSV` + `MERGE` statements that build the graph from
/// `nodes.csv` and `relationships.csv` in Neo4j's import folder. It names no user data, only
/// kinds and columns, so nothing in the model can inject Cypher.
pub fn import_cypher(model: &Model) -> String {
    let mut out = String::new();
    out.push_str("// Built by relgraph. Copy nodes.csv and relationships.csv into Neo4j's import folder,\n");
    out.push_str("// then run: cypher-shell -u neo4j -p <password> -f import.cypher\n");
    out.push_str("// Re-running is safe: nodes merge on id, relationships on their id.\n\n");
    out.push_str(&format!(
        "CREATE CONSTRAINT relgraph_entity_id IF NOT EXISTS FOR (n:{COMMON_LABEL}) REQUIRE n.id IS UNIQUE;\n"
    ));
    let attrs = attr_columns(model);
    let array = |column: &str| {
        format!(
            "CASE WHEN row.`{column}` IS NULL OR row.`{column}` = '' THEN null ELSE split(row.`{column}`, '{ARRAY_DELIMITER}') END"
        )
    };
    for kind in NodeKind::ALL.into_iter().chain(model.vocabulary.node_kinds()) {
        if !model.nodes().any(|n| n.kind == kind) {
            continue;
        }
        out.push_str("\nLOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n");
        out.push_str(&format!("WITH row WHERE row.kind = '{}'\n", kind.as_str()));
        out.push_str(&format!("MERGE (n:{COMMON_LABEL} {{id: row.`id:ID`}})\n"));
        out.push_str(&format!("SET n:{},\n", label(kind)));
        out.push_str("    n.kind = row.kind,\n    n.name = row.name,\n");
        out.push_str(&format!("    n.aliases = {},\n", array("aliases:string[]")));
        out.push_str("    n.since = row.since,\n    n.until = row.until,\n    n.date = row.date,\n");
        out.push_str(&format!("    n.tags = {},\n", array("tags:string[]")));
        out.push_str("    n.description = row.description");
        for (_, column) in &attrs {
            out.push_str(&format!(",\n    n.`{column}` = row.`{column}`"));
        }
        out.push_str(";\n");
    }
    for kind in EdgeKind::ALL.into_iter().chain(model.vocabulary.edge_kinds()) {
        if !model.edges().any(|e| e.kind == kind) {
            continue;
        }
        let ty = relationship_type(kind);
        out.push_str("\nLOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n");
        out.push_str(&format!("WITH row WHERE row.`:TYPE` = '{ty}'\n"));
        out.push_str(&format!("MATCH (a:{COMMON_LABEL} {{id: row.`:START_ID`}})\n"));
        out.push_str(&format!("MATCH (b:{COMMON_LABEL} {{id: row.`:END_ID`}})\n"));
        out.push_str(&format!("MERGE (a)-[r:{ty} {{id: row.id}}]->(b)\n"));
        out.push_str("SET r.polarity = row.polarity,\n    r.since = row.since,\n    r.until = row.until,\n");
        out.push_str(
            "    r.weight = toFloat(row.`weight:float`),\n    r.intensity = toFloat(row.`intensity:float`),\n",
        );
        out.push_str("    r.topic = row.topic,\n    r.note = row.note,\n    r.evidence = row.evidence;\n");
    }
    out
}

/// The text of `README.txt`.
pub fn readme(model: &Model) -> String {
    format!(
        "{title}\n\
         Neo4j export by relgraph: {nodes} nodes, {edges} relationships.\n\
         \n\
         Files\n\
         \x20 nodes.csv          one row per node; labels = kind (e.g. Country) and Entity\n\
         \x20 relationships.csv  one row per edge; type = kind in upper case (e.g. COMPETES_WITH)\n\
         \x20 import.cypher      LOAD CSV + MERGE statements that build the same graph\n\
         \n\
         Route 1: bulk import into a new, empty database (Neo4j 5; stop the database first)\n\
         \x20 neo4j-admin database import full neo4j \\\n\
         \x20   --nodes=nodes.csv --relationships=relationships.csv \\\n\
         \x20   --array-delimiter=';' --multiline-fields=true --overwrite-destination=true\n\
         \x20 (Neo4j 4.x: neo4j-admin import --database=neo4j --nodes=... --relationships=...)\n\
         \n\
         Route 2: Cypher into a running database\n\
         \x20 Copy nodes.csv and relationships.csv into the server's import folder, then\n\
         \x20 cypher-shell -u neo4j -p <password> -f import.cypher\n\
         \x20 (or paste import.cypher into Neo4j Browser). Re-running merges, it does not duplicate.\n\
         \n\
         Notes\n\
         \x20 Dates are strings as in the model (2014, 2014-03, 2014-03-18).\n\
         \x20 aliases and tags are string arrays split on ';'.\n\
         \x20 evidence is a JSON array of {{\"source\", \"quote\"}} objects.\n\
         \x20 CSV fields may contain line breaks; quotes are doubled (RFC 4180). If a value holds a\n\
         \x20 backslash before a quote, set dbms.import.csv.legacy_quote_escaping=false for LOAD CSV.\n",
        title = model.title.replace(['\r', '\n'], " "),
        nodes = model.node_count(),
        edges = model.edge_count(),
    )
}

/// Writes `nodes.csv`, `relationships.csv`, `import.cypher` and `README.txt` into `dir`,
/// creating the folder when missing. Each file is written atomically.
pub fn write_dir(model: &Model, dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    atomic::write(&dir.join("nodes.csv"), nodes_csv(model).as_bytes())?;
    atomic::write(&dir.join("relationships.csv"), relationships_csv(model).as_bytes())?;
    atomic::write(&dir.join("import.cypher"), import_cypher(model).as_bytes())?;
    atomic::write(&dir.join("README.txt"), readme(model).as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Node};

    #[test]
    fn labels_and_types_follow_the_kinds() {
        assert_eq!(label(NodeKind::Organization), "Organization");
        assert_eq!(relationship_type(EdgeKind::CompetesWith), "COMPETES_WITH");
    }

    #[test]
    fn odd_attribute_names_get_safe_unique_columns() {
        let mut m = Model::new("t");
        let mut a = Node::new("a", NodeKind::Country, "A");
        for k in ["population", "name", "x:y", "x y", "attr_name"] {
            a.attrs.insert(k.into(), "v".into());
        }
        m.add_node(a).unwrap();
        let cols: Vec<String> = attr_columns(&m).into_iter().map(|(_, c)| c).collect();
        // BTreeMap order: "attr_name", "name", "population", "x y", "x:y".
        assert_eq!(cols, ["attr_attr_name", "attr_name", "population", "attr_x_y", "attr_x_y_2"]);
    }

    #[test]
    fn cypher_has_one_statement_per_kind_present() {
        let mut m = Model::new("t");
        m.add_node(Node::new("a", NodeKind::Country, "A")).unwrap();
        m.add_node(Node::new("b", NodeKind::Country, "B")).unwrap();
        m.add_edge(Edge::new("a", "b", EdgeKind::CompetesWith)).unwrap();
        let cypher = import_cypher(&m);
        assert_eq!(cypher.matches("LOAD CSV").count(), 2);
        assert!(cypher.contains("SET n:Country"));
        assert!(cypher.contains("MERGE (a)-[r:COMPETES_WITH {id: row.id}]->(b)"));
    }

    #[test]
    fn write_dir_writes_four_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("neo");
        write_dir(&Model::new("t"), &out).unwrap();
        let mut names: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, ["README.txt", "import.cypher", "nodes.csv", "relationships.csv"]);
    }
}
