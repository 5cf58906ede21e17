//! Scripting relgraph in Rhai: the engine behind `relgraph run SCRIPT.rhai [ARGS…]`.
//!
//! A script sees the fluent API ([`crate::api`]) as functions on a `Model` value: load a
//! model, look nodes up, select a part, run any analysis, read the results as maps and
//! arrays, print the same tables the commands print, and write exports. Every function is
//! listed in [`FUNCTIONS`] with its signature and a line of help; `docs/scripting.md` shows
//! them all (a test keeps the page and the registrations equal).
//!
//! Scripts are sandboxed: they can read models and write outputs only through these
//! functions (no module imports, no `eval`), and they run under an operation limit and size
//! limits for strings, arrays and maps, so a runaway loop ends with an error, not a hang.
//! Every error is reported at `SCRIPT:LINE:COL`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, Map, Position, Scope, AST};

use crate::api::{self, Direction, DotOptions, Format, Measure, Report, Table, Theme};
use crate::model::{EdgeKind, Model, NodeKind, PartialDate, Polarity};

/// Every function a script can call: (name, signature, help, an example that runs with
/// `model` loaded from the shipped graph and `dir` a folder to write into).
pub const FUNCTIONS: &[(&str, &str, &str, &str)] = &[
    ("load", "load(path) -> Model", "Loads a model in any supported format (RON, edge list, GraphML, JSON).", "let m = load(\"graphs/japan_russia_2014.ron\");"),
    ("title", "model.title -> string", "The model's title.", "print(model.title);"),
    ("node_count", "model.node_count() -> int", "Number of nodes.", "print(model.node_count());"),
    ("edge_count", "model.edge_count() -> int", "Number of edges.", "print(model.edge_count());"),
    ("node", "model.node(name) -> map", "A node by id, name or alias: #{id, name, kind, aliases}; an error lists the closest ids.", "print(model.node(\"northern territories\").name);"),
    ("nodes", "model.nodes() / model.nodes(kind) -> array", "The nodes (of one kind), as maps, in file order.", "for c in model.nodes(\"country\") { print(c.name); }"),
    ("edges", "model.edges() -> array", "The edges as maps: #{from, to, kind, polarity, since, until, weight, topic}.", "print(model.edges()[0].kind);"),
    ("at", "model.at(date) -> Model", "What is in force on a date (\"2014\", \"2014-07\", \"2014-07-31\").", "print(model.at(\"2014-07-31\").edge_count());"),
    ("only_nodes", "model.only_nodes(kinds) -> Model", "Only nodes of these kinds (a kind or an array of kinds).", "let actors = model.only_nodes([\"country\", \"leader\"]);"),
    ("only_edges", "model.only_edges(kinds) -> Model", "Only edges of these kinds (a kind or an array of kinds).", "let pressure = model.only_edges([\"sanctions\", \"condemns\"]);"),
    ("only_polarity", "model.only_polarity(polarities) -> Model", "Only edges of these polarities.", "let friends = model.only_polarity(\"cooperative\");"),
    ("without_edge", "model.without_edge(from, to, kind) -> Model", "The model without the ties of this kind between two nodes (either way).", "let cut = model.without_edge(\"Abe\", \"Putin\", \"negotiates\");"),
    ("without_node", "model.without_node(name) -> Model", "The model without a node and its ties.", "let no_mori = model.without_node(\"Mori\");"),
    ("focus", "model.focus(name, depth) -> Model", "The neighbourhood of a node, `depth` steps out.", "let kuril = model.focus(\"Kuril Islands dispute\", 1);"),
    ("paths", "model.paths(from, to) / model.paths(from, to, options) -> Report", "Best paths, as `relgraph path`; options #{strongest, weighted, k, via, avoid}.", "print(model.paths(\"Canada\", \"Russia\", #{strongest: true, k: 2}));"),
    ("influence_on", "model.influence_on(name) / (name, options) -> Report", "Who influences a node, as `relgraph influence --on`; options #{method: \"total\", top}.", "print(model.influence_on(\"Russia\", #{top: 3}));"),
    ("influence_from", "model.influence_from(name) / (name, options) -> Report", "Whom a node influences, as `relgraph influence --from`.", "let r = model.influence_from(\"Canada\", #{method: \"total\", top: 3});"),
    ("centrality", "model.centrality(measure) / (measure, options) -> Report", "A centrality measure, as `relgraph centrality`; options #{top, weighted}.", "print(model.centrality(\"pagerank\", #{top: 5}));"),
    ("brokers", "model.brokers() -> Report", "Articulation points and bridges, as `relgraph brokers`.", "print(model.brokers().data.bridges.len());"),
    ("balance", "model.balance() -> Report", "Structural balance, as `relgraph balance`.", "print(model.balance().data.balanced);"),
    ("components", "model.components() -> array", "Connected components, largest first, as arrays of node ids.", "print(model.components().len());"),
    ("diff", "model.diff(from, to) / (from, to, options) -> Report", "What changed between two dates, as `relgraph diff`; options #{measure, top}.", "print(model.diff(\"2014-03-17\", \"2014-07-31\", #{top: 5}));"),
    ("text", "model.text(format) -> string", "The model as dot, svg, graphml, gexf, json, ron, tsv, csv or html text.", "let dot = model.text(\"dot\");"),
    ("save", "model.save(path) / model.save(path, options) -> ()", "Writes a diagram or file atomically, format from the extension; options #{format, cluster_by_country, edge_labels, legend}.", "model.focus(\"Canada\", 1).save(dir + \"/canada.png\");"),
    ("data", "report.data -> map or array", "A report's data: exactly the command's --json output, as maps and arrays.", "let rows = model.influence_on(\"Japan\").data;"),
    ("json", "json(value) -> string", "Any value as pretty JSON.", "print(json(#{a: 1, b: [2, 3]}));"),
    ("fixed", "fixed(number, digits) -> string", "A number written with this many decimals.", "print(fixed(2.0 / 3.0, 3));"),
    ("join", "join(array, separator) -> string", "The items of an array as text, between separators.", "print(join([\"a\", \"b\"], \" → \"));"),
    ("table", "table(columns, rows) -> string", "An aligned text table: an array of column names and an array of rows (arrays).", "print(table([\"id\", \"n\"], [[\"a\", 1], [\"b\", 2]]));"),
    ("write", "write(path, text) -> ()", "Writes text to a file atomically.", "write(dir + \"/note.md\", \"# Notes\\n\");"),
    ("draft", "draft(text) / draft(text, options) -> Model", "Drafts a model from an article's text, as `relgraph draft`: every node and tie marked draft, each tie with its quote; options #{date, title, url, author}.", "let d = draft(\"Japan condemned Russia.\", #{date: \"2014-03-18\"}); print(d.edge_count());"),
];

/// Limits a script runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most operations (Rhai's unit of work) before the script is stopped. Default: 50 million.
    pub operations: u64,
    /// Longest string, in bytes. Default: 64 MiB.
    pub string: usize,
    /// Largest array or map. Default: 1 million items.
    pub items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { operations: 50_000_000, string: 64 << 20, items: 1_000_000 }
    }
}

/// A script failed: where, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ScriptError {
    /// The script.
    pub path: PathBuf,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

/// A model as scripts hold it (cheap to copy).
#[derive(Debug, Clone)]
pub struct ScriptModel(Rc<Model>);

impl ScriptModel {
    fn new(model: Model) -> Self {
        ScriptModel(Rc::new(model))
    }
}

type Fallible<T> = Result<T, Box<EvalAltResult>>;

fn fail<T>(message: impl std::fmt::Display) -> Fallible<T> {
    Err(Box::new(EvalAltResult::ErrorRuntime(message.to_string().into(), Position::NONE)))
}

fn lift<T, E: std::fmt::Display>(result: Result<T, E>) -> Fallible<T> {
    result.or_else(fail)
}

fn to_dynamic(value: &serde_json::Value) -> Fallible<Dynamic> {
    rhai::serde::to_dynamic(value)
}

fn node_map(node: &crate::Node) -> Map {
    let mut map = Map::new();
    map.insert("id".into(), node.id.clone().into());
    map.insert("name".into(), node.name.clone().into());
    map.insert("kind".into(), node.kind.as_str().into());
    let aliases: Array = node.aliases.iter().map(|a| Dynamic::from(a.clone())).collect();
    map.insert("aliases".into(), aliases.into());
    map
}

fn words(value: &Dynamic) -> Vec<String> {
    if let Some(array) = value.clone().try_cast::<Array>() {
        array.into_iter().map(|v| v.to_string()).collect()
    } else {
        vec![value.to_string()]
    }
}

fn parse_all<T: std::str::FromStr>(value: &Dynamic) -> Fallible<Vec<T>>
where
    T::Err: std::fmt::Display,
{
    words(value).iter().map(|w| lift(w.parse::<T>())).collect()
}

fn option<'a>(options: &'a Map, key: &str) -> Option<&'a Dynamic> {
    options.get(key).filter(|v| !v.is_unit())
}

fn int_option(options: &Map, key: &str) -> Fallible<Option<usize>> {
    match option(options, key) {
        None => Ok(None),
        Some(v) => match v.as_int() {
            Ok(n) if n >= 0 => Ok(Some(n as usize)),
            _ => fail(format!("option `{key}` must be a whole number ≥ 0, not {v}")),
        },
    }
}

fn bool_option(options: &Map, key: &str) -> Fallible<bool> {
    match option(options, key) {
        None => Ok(false),
        Some(v) => v.as_bool().or_else(|_| fail(format!("option `{key}` must be true or false, not {v}"))),
    }
}

fn date(text: &str) -> Fallible<PartialDate> {
    lift(text.parse::<PartialDate>())
}

/// Where a script may read from and write to: paths relative to the working directory.
fn script_path(text: &str) -> PathBuf {
    PathBuf::from(text)
}

fn paths(model: &mut ScriptModel, from: &str, to: &str, options: Map) -> Fallible<Report> {
    let mut search = model.0.paths(from, to);
    if bool_option(&options, "strongest")? {
        search = search.strongest();
    } else if bool_option(&options, "weighted")? {
        search = search.weighted();
    }
    if let Some(k) = int_option(&options, "k")? {
        search = search.k(k);
    }
    for node in option(&options, "via").map(words).unwrap_or_default() {
        search = search.via(&node);
    }
    for node in option(&options, "avoid").map(words).unwrap_or_default() {
        search = search.avoid(&node);
    }
    Ok(lift(search.find())?.report().clone())
}

fn influence(model: &mut ScriptModel, node: &str, options: Map, on: bool) -> Fallible<Report> {
    let mut query = if on { model.0.influence_on(node) } else { model.0.influence_from(node) };
    match option(&options, "method").map(|m| m.to_string()) {
        None => {}
        Some(m) if m == "total" => query = query.total(),
        Some(m) if m == "strongest" => {}
        Some(m) => return fail(format!("unknown method `{m}`; expected strongest or total")),
    }
    if let Some(top) = int_option(&options, "top")? {
        query = query.top(top);
    }
    Ok(lift(query.run())?.report().clone())
}

fn centrality(model: &mut ScriptModel, measure: &str, options: Map) -> Fallible<Report> {
    let measure: Measure = lift(measure.parse())?;
    let mut query = model.0.centrality(measure);
    if bool_option(&options, "weighted")? {
        query = query.weighted();
    }
    if let Some(top) = int_option(&options, "top")? {
        query = query.top(top);
    }
    Ok(lift(query.run())?.report().clone())
}

fn diff(model: &mut ScriptModel, from: &str, to: &str, options: Map) -> Fallible<Report> {
    let mut query = model.0.diff(date(from)?, date(to)?);
    if let Some(m) = option(&options, "measure") {
        query = query.measure(lift(m.to_string().parse::<Measure>())?);
    }
    if let Some(top) = int_option(&options, "top")? {
        query = query.top(top);
    }
    lift(query.run())
}

fn save(model: &mut ScriptModel, path: &str, options: Map) -> Fallible<()> {
    let target = script_path(path);
    let format = match option(&options, "format") {
        Some(f) => Format::from_name(&f.to_string()),
        None => Format::from_path(&target),
    };
    let Some(format) = format else {
        return fail(format!("cannot tell the format of `{path}`; give #{{format: \"svg\"}} or an extension"));
    };
    let mut diagram = DotOptions::new().with_cluster_by_country(bool_option(&options, "cluster_by_country")?);
    if option(&options, "edge_labels").is_some() {
        diagram = diagram.with_edge_labels(bool_option(&options, "edge_labels")?);
    }
    if option(&options, "legend").is_some() {
        diagram = diagram.with_legend(bool_option(&options, "legend")?);
    }
    let bytes = lift(model.0.view().export_bytes(format, &diagram, &Theme::default()))?;
    lift(api::write_atomically(&target, &bytes))
}

fn filtered(
    model: &ScriptModel,
    keep_node: impl Fn(&crate::Node) -> bool,
    keep_edge: impl Fn(&crate::Edge) -> bool,
) -> ScriptModel {
    ScriptModel::new(model.0.filtered(keep_node, keep_edge))
}

fn table(columns: Array, rows: Array) -> Fallible<String> {
    let header: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(&names);
    for row in rows {
        let Some(cells) = row.clone().try_cast::<Array>() else {
            return fail(format!("a table row must be an array, not {row}"));
        };
        table.row(cells.iter().map(|c| c.to_string()).collect());
    }
    Ok(table.render())
}

/// Builds the engine with every function of [`FUNCTIONS`] registered, printing into `out`.
pub fn engine(out: Rc<RefCell<Vec<u8>>>, limits: Limits) -> Engine {
    let mut engine = Engine::new();
    engine.set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    engine.disable_symbol("eval");
    engine.set_max_operations(limits.operations);
    engine.set_max_string_size(limits.string);
    engine.set_max_array_size(limits.items);
    engine.set_max_map_size(limits.items);
    engine.set_max_call_levels(64);
    engine.set_max_expr_depths(128, 64);
    let printed = out.clone();
    engine.on_print(move |text| {
        let mut out = printed.borrow_mut();
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
    });
    engine.on_debug(move |text, _, _| {
        let mut out = out.borrow_mut();
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
    });

    engine.register_type_with_name::<ScriptModel>("Model");
    engine.register_type_with_name::<Report>("Report");
    engine.register_fn("load", |path: &str| -> Fallible<ScriptModel> {
        lift(Model::load(&script_path(path))).map(ScriptModel::new)
    });
    engine.register_get("title", |m: &mut ScriptModel| m.0.title.clone());
    engine.register_fn("node_count", |m: &mut ScriptModel| m.0.node_count() as i64);
    engine.register_fn("edge_count", |m: &mut ScriptModel| m.0.edge_count() as i64);
    engine.register_fn("to_string", |m: &mut ScriptModel| {
        format!("{} ({} nodes, {} edges)", m.0.title, m.0.node_count(), m.0.edge_count())
    });
    engine
        .register_fn("node", |m: &mut ScriptModel, name: &str| -> Fallible<Map> { lift(m.0.node(name)).map(node_map) });
    engine.register_fn("nodes", |m: &mut ScriptModel| -> Array {
        m.0.nodes().map(|n| Dynamic::from(node_map(n))).collect()
    });
    engine.register_fn("nodes", |m: &mut ScriptModel, kind: &str| -> Fallible<Array> {
        let kind: NodeKind = lift(m.0.vocabulary.node_kind(kind))?;
        Ok(m.0.nodes().filter(|n| n.kind == kind).map(|n| Dynamic::from(node_map(n))).collect())
    });
    engine.register_fn("edges", |m: &mut ScriptModel| -> Fallible<Array> {
        m.0.edges().map(|e| to_dynamic(&api::edge_json(e))).collect()
    });
    engine.register_fn("at", |m: &mut ScriptModel, when: &str| -> Fallible<ScriptModel> {
        Ok(ScriptModel::new(m.0.at(&date(when)?)))
    });
    engine.register_fn("only_nodes", |m: &mut ScriptModel, kinds: Dynamic| -> Fallible<ScriptModel> {
        let kinds: Vec<NodeKind> = parse_all(&kinds)?;
        Ok(filtered(m, |n| kinds.contains(&n.kind), |_| true))
    });
    engine.register_fn("only_edges", |m: &mut ScriptModel, kinds: Dynamic| -> Fallible<ScriptModel> {
        let kinds: Vec<EdgeKind> = parse_all(&kinds)?;
        Ok(filtered(m, |_| true, |e| kinds.contains(&e.kind)))
    });
    engine.register_fn("only_polarity", |m: &mut ScriptModel, polarities: Dynamic| -> Fallible<ScriptModel> {
        let polarities: Vec<Polarity> = parse_all(&polarities)?;
        Ok(filtered(m, |_| true, |e| polarities.contains(&e.polarity())))
    });
    engine.register_fn(
        "without_edge",
        |m: &mut ScriptModel, from: &str, to: &str, kind: &str| -> Fallible<ScriptModel> {
            let (a, b) = (lift(m.0.node(from))?.id.clone(), lift(m.0.node(to))?.id.clone());
            let kind: EdgeKind = lift(m.0.vocabulary.edge_kind(kind))?;
            let between = |e: &crate::Edge| (e.from == a && e.to == b) || (e.from == b && e.to == a);
            if !m.0.edges().any(|e| between(e) && e.kind == kind) {
                return fail(format!("there is no `{kind}` tie between {from} and {to}"));
            }
            Ok(filtered(m, |_| true, |e| !(between(e) && e.kind == kind)))
        },
    );
    engine.register_fn("without_node", |m: &mut ScriptModel, name: &str| -> Fallible<ScriptModel> {
        let id = lift(m.0.node(name))?.id.clone();
        Ok(filtered(m, |n| n.id != id, |_| true))
    });
    engine.register_fn("focus", |m: &mut ScriptModel, name: &str, depth: i64| -> Fallible<ScriptModel> {
        Ok(ScriptModel::new(lift(m.0.view().ego(name, depth.max(0) as usize, Direction::Both))?))
    });
    engine.register_fn("paths", |m: &mut ScriptModel, from: &str, to: &str| paths(m, from, to, Map::new()));
    engine.register_fn("paths", paths);
    engine.register_fn("influence_on", |m: &mut ScriptModel, node: &str| influence(m, node, Map::new(), true));
    engine.register_fn("influence_on", |m: &mut ScriptModel, node: &str, o: Map| influence(m, node, o, true));
    engine.register_fn("influence_from", |m: &mut ScriptModel, node: &str| influence(m, node, Map::new(), false));
    engine.register_fn("influence_from", |m: &mut ScriptModel, node: &str, o: Map| influence(m, node, o, false));
    engine.register_fn("centrality", |m: &mut ScriptModel, measure: &str| centrality(m, measure, Map::new()));
    engine.register_fn("centrality", centrality);
    engine.register_fn("brokers", |m: &mut ScriptModel| -> Fallible<Report> { lift(m.0.view().brokers()) });
    engine.register_fn("balance", |m: &mut ScriptModel| -> Fallible<Report> { lift(m.0.view().balance()) });
    engine.register_fn("components", |m: &mut ScriptModel| -> Array {
        m.0.view()
            .components()
            .into_iter()
            .map(|part| Dynamic::from(part.into_iter().map(Dynamic::from).collect::<Array>()))
            .collect()
    });
    engine.register_fn("diff", |m: &mut ScriptModel, from: &str, to: &str| diff(m, from, to, Map::new()));
    engine.register_fn("diff", diff);
    engine.register_fn("text", |m: &mut ScriptModel, format: &str| -> Fallible<String> {
        let Some(format) = Format::from_name(format) else {
            return fail(format!(
                "unknown format `{format}`; expected dot, svg, graphml, gexf, json, ron, tsv, csv or html"
            ));
        };
        lift(m.0.view().export(format))
    });
    engine.register_fn("save", |m: &mut ScriptModel, path: &str| save(m, path, Map::new()));
    engine.register_fn("save", save);
    engine.register_fn("to_string", |r: &mut Report| r.text().to_owned());
    engine.register_get("data", |r: &mut Report| -> Fallible<Dynamic> { to_dynamic(r.json()) });
    engine.register_fn("json", |value: Dynamic| -> Fallible<String> {
        let json: serde_json::Value = lift(rhai::serde::from_dynamic(&value))?;
        lift(serde_json::to_string_pretty(&json))
    });
    engine.register_fn("table", table);
    engine.register_fn("join", |items: Array, separator: &str| {
        items.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(separator)
    });
    engine.register_fn("fixed", |x: f64, digits: i64| format!("{x:.*}", digits.clamp(0, 17) as usize));
    engine.register_fn("fixed", |x: i64, digits: i64| format!("{:.*}", digits.clamp(0, 17) as usize, x as f64));
    engine.register_fn("draft", |text: &str| draft(text, Map::new()));
    engine.register_fn("draft", draft);
    engine.register_fn("write", |path: &str, text: &str| -> Fallible<()> {
        lift(api::write_atomically(&script_path(path), text.as_bytes()))
    });
    engine
}

/// `draft(text, options)`: a drafted model (options: date, title, url, author).
fn draft(text: &str, options: Map) -> Fallible<ScriptModel> {
    let mut o = crate::api::draft::DraftOptions::new();
    for (key, value) in &options {
        let value = value.to_string();
        match key.as_str() {
            "date" => o.date = Some(lift(value.parse::<PartialDate>())?),
            "title" => o.title = Some(value),
            "url" => o.url = Some(value),
            "author" => o.author = Some(value),
            other => return fail(format!("unknown draft option `{other}` (date, title, url, author)")),
        }
    }
    Ok(ScriptModel::new(crate::api::draft::draft(text, &o).model))
}

/// Every script function as the Markdown table `docs/scripting.md` shows (a test keeps
/// them equal).
pub fn markdown() -> String {
    let mut out = String::from("| function | call | what it does | example |\n|---|---|---|---|\n");
    for (name, signature, help, example) in FUNCTIONS {
        out.push_str(&format!("| `{name}` | `{signature}` | {help} | `{example}` |\n"));
    }
    out
}

fn position_of(error: &EvalAltResult) -> Position {
    let mut error = error;
    let mut best = error.position();
    // The innermost position names the line inside a script function.
    while let EvalAltResult::ErrorInFunctionCall(_, _, inner, _) = error {
        error = inner;
        if !error.position().is_none() {
            best = error.position();
        }
    }
    best
}

fn message_of(error: &EvalAltResult) -> String {
    match error.unwrap_inner() {
        EvalAltResult::ErrorRuntime(message, _) => message.to_string(),
        EvalAltResult::ErrorTooManyOperations(_) => {
            "the script ran past its operation limit (a runaway loop?); raise it with --max-operations".to_owned()
        }
        EvalAltResult::ErrorDataTooLarge(what, _) => format!("{what} grew past the script's size limit"),
        inner => inner.to_string().split(" (line ").next().unwrap_or_default().to_owned(),
    }
}

/// Compiles a script, reporting syntax errors at their line and column.
pub fn compile(engine: &Engine, path: &Path, text: &str) -> Result<AST, ScriptError> {
    engine.compile(text).map_err(|e| {
        let position = e.position();
        ScriptError {
            path: path.to_path_buf(),
            line: position.line().unwrap_or(0),
            column: position.position().unwrap_or(0),
            message: e.err_type().to_string(),
        }
    })
}

/// Runs a script with its arguments (the `args` array), writing what it prints to `out`.
pub fn run(path: &Path, args: &[String], limits: Limits, out: &mut Vec<u8>) -> Result<(), ScriptError> {
    let bytes = std::fs::read(path).map_err(|e| ScriptError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: format!("cannot read the script: {e}"),
    })?;
    let text = api::decode_text(bytes).map_err(|bad| ScriptError {
        path: path.to_path_buf(),
        line: bad.line,
        column: bad.column,
        message: bad.to_string(),
    })?;
    run_text(path, &text, args, limits, out)
}

/// Runs script text; `path` names it in errors.
pub fn run_text(
    path: &Path,
    text: &str,
    args: &[String],
    limits: Limits,
    out: &mut Vec<u8>,
) -> Result<(), ScriptError> {
    let text = api::strip_bom(text);
    let printed = Rc::new(RefCell::new(Vec::new()));
    let engine = engine(printed.clone(), limits);
    let ast = compile(&engine, path, text)?;
    let mut scope = Scope::new();
    let array: Array = args.iter().map(|a| Dynamic::from(a.clone())).collect();
    scope.push("args", array);
    let result = engine.run_ast_with_scope(&mut scope, &ast);
    out.extend(printed.borrow().iter());
    result.map_err(|e| {
        let position = position_of(&e);
        ScriptError {
            path: path.to_path_buf(),
            line: position.line().unwrap_or(0),
            column: position.position().unwrap_or(0),
            message: message_of(&e),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Result<String, ScriptError> {
        let mut out = Vec::new();
        run_text(Path::new("t.rhai"), text, &["a".into()], Limits::default(), &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn a_runaway_loop_stops_at_the_operation_limit() {
        let mut out = Vec::new();
        let limits = Limits { operations: 100_000, ..Limits::default() };
        let error =
            run_text(Path::new("loop.rhai"), "let x = 0;\nloop { x += 1; }\n", &[], limits, &mut out).unwrap_err();
        assert_eq!((error.line, error.message.contains("operation limit")), (2, true), "{error}");
    }

    #[test]
    fn a_growing_string_stops_at_the_size_limit() {
        let mut out = Vec::new();
        let limits = Limits { string: 1000, ..Limits::default() };
        let error = run_text(Path::new("s.rhai"), "let s = \"x\";\nwhile true { s += s; }\n", &[], limits, &mut out)
            .unwrap_err();
        assert!(error.message.contains("size limit"), "{error}");
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let syntax = run("let x = ;\n").unwrap_err();
        assert_eq!((syntax.line, syntax.column), (1, 9), "{syntax}");
        let unknown =
            run("let m = load(\"graphs/japan_russia_2014.ron\");\n\nlet n = m.node(\"Atlantis\");\n").unwrap_err();
        assert_eq!((unknown.line, unknown.column), (3, 11), "{unknown}");
        assert!(unknown.message.starts_with("no node is called `Atlantis`"), "{unknown}");
        assert!(unknown.to_string().starts_with("t.rhai:3:11: "), "{unknown}");
    }

    #[test]
    fn every_registered_function_is_documented_and_every_documented_one_registered() {
        let engine = engine(Rc::new(RefCell::new(Vec::new())), Limits::default());
        let mut registered: Vec<String> = engine
            .gen_fn_signatures(false)
            .iter()
            .filter_map(|s| s.split('(').next())
            .map(|name| name.trim_start_matches("get$").to_owned())
            .filter(|name| name != "to_string")
            .collect();
        registered.sort();
        registered.dedup();
        let mut listed: Vec<String> = FUNCTIONS.iter().map(|(n, _, _, _)| (*n).to_owned()).collect();
        listed.sort();
        assert_eq!(registered, listed);
        let docs = include_str!("../../docs/scripting.md");
        assert!(
            docs.contains(&markdown()),
            "docs/scripting.md is out of date: paste script::markdown():\n{}",
            markdown()
        );
    }

    #[test]
    fn every_documented_example_runs() {
        let dir = tempfile::tempdir().unwrap();
        for (name, _, _, example) in FUNCTIONS {
            let text = format!(
                "let model = load(\"graphs/japan_russia_2014.ron\");\nlet dir = {:?};\n{example}\n",
                dir.path().display().to_string()
            );
            let mut out = Vec::new();
            run_text(Path::new("example.rhai"), &text, &[], Limits::default(), &mut out)
                .unwrap_or_else(|e| panic!("the example of `{name}` fails: {e}"));
        }
        assert!(dir.path().join("canada.png").exists() && dir.path().join("note.md").exists());
    }

    #[test]
    fn imports_and_eval_are_refused() {
        assert!(run("import \"x\" as x;").is_err());
        assert!(run("eval(\"1\")").is_err());
        assert_eq!(run("print(args[0]);").unwrap(), "a\n");
    }
}
