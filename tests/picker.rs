//! Browser tests: the map's path picker answers as relgraph does. For a pair of actors it
//! gives both sides of the first's influence on the second (the strongest support channel
//! and the strongest pressure channel, each with its strength, its path of actors and the tie
//! or shared context of each step) and the stance they make, over the ties shown at the
//! slider's date. The reference is the library's `sides::both_sides` on the model as of that
//! date, the computation `relgraph path A B --strongest --at DATE` prints as "both sides";
//! the public influence API (`influence_on`) and the CLI's text are checked against the page
//! too. Strengths must be equal to the bit.

use std::collections::BTreeMap;

use relgraph::analysis::context;
use relgraph::analysis::influence::{self, InfluencePath, Toward};
use relgraph::analysis::sides::{self, SidedView};
use relgraph::export::html::{self, HtmlOptions};
use relgraph::export::Theme;
use relgraph::model::{PartialDate, Profile};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};
use serde_json::{json, Value};

use crate::common::{self, graph, relgraph};
use crate::viewer::{assert_quiet, browser, drive};

/// One channel: node ids; per step the tie shown (its position in the file) and, through a
/// shared context, the context's tie onwards; the steps' strengths; their product.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Channel {
    nodes: Vec<String>,
    edges: Vec<u64>,
    via: Vec<Option<u64>>,
    steps: Vec<f64>,
    strength: f64,
}

/// Both sides and the stance.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Answer {
    support: Option<Channel>,
    pressure: Option<Channel>,
    stance: String,
}

impl Answer {
    fn none() -> Self {
        Answer { support: None, pressure: None, stance: "support".into() }
    }

    fn channels(&self) -> impl Iterator<Item = &Channel> {
        self.support.iter().chain(&self.pressure)
    }
}

/// The library's answers on a model as of one date (`Model::at`, the `--at` rule) or on
/// every date, computed as `PathSearch::find` computes them for `path --strongest`: between
/// two actors over the actor channels (direct ties and shared contexts), else over every
/// node's channels. The channels and each target's search are built once.
struct Reference {
    model: Model,
    /// Each tie's position in `file`.
    numbers: Vec<usize>,
    /// The sided views: over every node, and between actors.
    views: [SidedView; 2],
    /// Both sides of every node on a target, by (target, between actors).
    sides: BTreeMap<(usize, bool), Vec<sides::Sides>>,
}

impl Reference {
    fn new(file: &Model, day: Option<&str>) -> Self {
        let model = match day {
            Some(day) => file.at(&day.parse::<PartialDate>().expect("an ISO day")),
            None => file.clone(),
        };
        let per_edge = influence::edge_strengths(&model, &Profile::builtin());
        let views = [
            SidedView::from_pairs(model.node_count(), &influence::channel_pairs(&model, &per_edge)),
            SidedView::from_pairs(model.node_count(), &context::actor_pairs(&model, &per_edge)),
        ];
        let numbers = html::edge_numbers(file, &model);
        Reference { model, numbers, views, sides: BTreeMap::new() }
    }

    /// Both sides of `a` on `b`.
    fn answer(&mut self, a: &str, b: &str) -> Answer {
        let (Some(from), Some(to)) = (self.model.index_of(a), self.model.index_of(b)) else { return Answer::none() };
        let graph = self.model.graph();
        let actors = context::is_actor(graph[from].kind) && context::is_actor(graph[to].kind);
        let view = &self.views[usize::from(actors)];
        let both = self
            .sides
            .entry((to.index(), actors))
            .or_insert_with(|| sides::both_sides(view, Toward::On(to)).expect("both sides"));
        let numbers = &self.numbers;
        let channel = |p: &InfluencePath| Channel {
            nodes: p.path.nodes.iter().map(|&i| graph[i].id.clone()).collect(),
            edges: p.path.edges.iter().map(|e| numbers[e.index()] as u64).collect(),
            via: p.via.iter().map(|v| v.map(|e| numbers[e.index()] as u64)).collect(),
            steps: p.steps.clone(),
            strength: p.strength(),
        };
        let pair = &both[from.index()];
        Answer {
            support: pair.support.as_ref().map(channel),
            pressure: pair.pressure.as_ref().map(channel),
            stance: pair.stance().as_str().to_owned(),
        }
    }
}

/// The page's answer (`relgraph.sides` or the form's `data-*` attributes).
fn page(value: &Value) -> Answer {
    if value.is_null() {
        return Answer::none();
    }
    let channel = |side: &Value, sign: &str| -> Option<Channel> {
        if side.is_null() {
            return None;
        }
        assert_eq!(side["sign"], sign, "{side}");
        let list = |key: &str| side[key].as_array().unwrap_or_else(|| panic!("{key} in {side}")).clone();
        Some(Channel {
            nodes: list("nodes").iter().map(|v| v.as_str().unwrap().to_owned()).collect(),
            edges: list("edges").iter().map(|v| v.as_u64().unwrap()).collect(),
            via: list("via").iter().map(Value::as_u64).collect(),
            steps: list("steps").iter().map(|v| v.as_f64().unwrap()).collect(),
            strength: side["strength"].as_f64().unwrap(),
        })
    };
    Answer {
        support: channel(&value["support"], "support"),
        pressure: channel(&value["pressure"], "pressure"),
        stance: value["stance"].as_str().unwrap_or_default().to_owned(),
    }
}

/// What the checks saw, to show that they meant something.
#[derive(Debug, Default)]
struct Seen {
    pairs: usize,
    with_channel: usize,
    both_sides: usize,
    longer: usize,
    shared_context: usize,
    ambivalent: usize,
    api_checked: usize,
}

impl Seen {
    fn count(&mut self, answer: &Answer) {
        self.pairs += 1;
        self.with_channel += usize::from(answer.channels().next().is_some());
        self.both_sides += usize::from(answer.support.is_some() && answer.pressure.is_some());
        self.longer += usize::from(answer.channels().any(|c| c.nodes.len() > 2));
        self.shared_context += usize::from(answer.channels().any(|c| c.via.iter().any(Option::is_some)));
        self.ambivalent += usize::from(answer.stance == "ambivalent");
    }
}

/// Support and pressure strengths and stance of every actor on actor `b`, by the public
/// API's ranking (`influence --on B`) as of `day` or over every date.
fn api_sides(file: &Model, day: Option<&str>, b: &str) -> BTreeMap<String, (f64, f64, String)> {
    let selection = match day {
        Some(day) => file.view().at(day.parse().expect("a day")),
        None => file.view(),
    };
    let query = selection.influence_on(b);
    let ranking = if day.is_none() { query.all_time() } else { query }.run().expect("the ranking runs");
    let part = selection.model();
    let strength = |p: &Option<InfluencePath>| p.as_ref().map_or(0.0, InfluencePath::strength);
    ranking
        .rows()
        .iter()
        .map(|row| {
            let sides = &row.sides;
            let id = part.graph()[row.node].id.clone();
            (id, (strength(&sides.support), strength(&sides.pressure), row.stance.as_str().to_owned()))
        })
        .collect()
}

/// Checks the page's answers at each slider state against the library (every pair) and the
/// public ranking API (pairs of actors); returns what was seen.
fn check_states(file: &Model, pairs: &[(String, String)], states: &[Option<&str>], seen: &Value) -> Seen {
    let observed = seen["sides"].as_array().expect("answers per state");
    assert_eq!(observed.len(), states.len());
    let mut counts = Seen::default();
    for (asked, state) in states.iter().zip(observed) {
        let day = state["chosen"].as_str();
        match asked {
            Some(asked) => assert!(day.is_some_and(|d| d <= *asked), "the slider moved to {day:?} for {asked}"),
            None => assert_eq!(state["label"], "all dates"),
        }
        let mut reference = Reference::new(file, day);
        let answers = state["answers"].as_array().expect("answers");
        assert_eq!(answers.len(), pairs.len());
        let mut api: BTreeMap<String, BTreeMap<String, (f64, f64, String)>> = BTreeMap::new();
        for ((a, b), value) in pairs.iter().zip(answers) {
            let on_page = page(value);
            let expected = reference.answer(a, b);
            assert_eq!(on_page, expected, "{a} on {b} as of {day:?}");
            counts.count(&expected);
            let actor = |id: &str| file.node(id).is_ok_and(|n| context::is_actor(n.kind));
            if actor(a) && actor(b) && reference.model.index_of(b).is_some() {
                let rows = api.entry(b.clone()).or_insert_with(|| api_sides(file, day, b));
                let (s, p, stance) = rows.get(a).cloned().unwrap_or((0.0, 0.0, "support".to_owned()));
                let strength = |c: &Option<Channel>| c.as_ref().map_or(0.0, |c| c.strength);
                assert_eq!((strength(&on_page.support), strength(&on_page.pressure)), (s, p), "{a} on {b}: API");
                if s > 0.0 || p > 0.0 {
                    assert_eq!(on_page.stance, stance, "{a} on {b}: API stance");
                }
                counts.api_checked += 1;
            }
        }
    }
    counts
}

/// Both sides as `relgraph path A B --strongest` prints them (stance, and each side's sign
/// and strength to four places), as of `day` or over every date.
fn cli_sides(a: &str, b: &str, day: Option<&str>) -> Option<(String, Vec<(String, String)>)> {
    let file = graph();
    let mut args = vec!["path", &file, a, b, "--strongest"];
    match day {
        Some(day) => args.extend(["--at", day]),
        None => args.push("--all-time"),
    }
    let output = relgraph(&args);
    let text = common::stdout(&output);
    let at = text.find("both sides (")?;
    let rest = &text[at + "both sides (".len()..];
    let stance = rest[..rest.find(')')?].to_owned();
    let lines = rest.lines().skip(1).take_while(|l| l.starts_with("  ")).map(|l| {
        let mut words = l.split_whitespace();
        (words.next().unwrap_or_default().to_owned(), words.next().unwrap_or_default().to_owned())
    });
    Some((stance, lines.collect()))
}

/// The pairs the shipped-model test asks about: every ordered pair of a spread of actors,
/// and a few with a context at one end.
pub(crate) fn shipped_pairs(model: &Model) -> Vec<(String, String)> {
    let actors: Vec<String> =
        model.nodes().filter(|n| context::is_actor(n.kind)).map(|n| n.id.clone()).step_by(3).collect();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for a in &actors {
        for b in &actors {
            if a != b {
                pairs.push((a.clone(), b.clone()));
            }
        }
    }
    for (a, b) in
        [("Japan", "Russia"), ("United States", "Russia"), ("Canada", "Kuril Islands dispute"), ("Japan", "Crimea")]
    {
        pairs.push((common::id_of(model, a), common::id_of(model, b)));
    }
    pairs
}

/// The pairs typed into the form.
pub(crate) const UI_PAIRS: [(&str, &str); 4] = [
    ("Japan", "Russia"),
    ("United States", "Vladimir Putin"),
    ("Vladimir Putin", "Shinzo Abe"),
    ("Canada", "Kuril Islands dispute"),
];

/// The slider states the shipped-model test visits: before Crimea, the model's present, and
/// All dates.
pub(crate) const STATES: [Option<&str>; 3] = [Some("2014-02-28"), Some("2014-07-31"), None];

/// Checks the shipped-model scenario's picker answers (see `viewer.rs`).
pub(crate) fn check_shipped(model: &Model, pairs: &[(String, String)], seen: &Value) {
    let counts = check_states(model, pairs, &STATES, seen);
    println!("picker checked on {counts:?}");
    assert!(counts.with_channel * 2 > counts.pairs, "too few pairs connected: {counts:?}");
    assert!(counts.both_sides > 20 && counts.longer > 20 && counts.shared_context > 5, "{counts:?}");
    assert!(counts.ambivalent > 0 && counts.api_checked > 100, "{counts:?}");
    // The form, and the CLI's "both sides" for the same questions.
    for (state, day) in seen["sides"].as_array().unwrap().iter().zip(STATES) {
        let day = day.and(state["chosen"].as_str());
        let mut reference = Reference::new(model, day);
        for ((a, b), shown) in UI_PAIRS.iter().zip(state["ui"].as_array().unwrap()) {
            let (ia, ib) = (common::id_of(model, a), common::id_of(model, b));
            let on_page = page(shown);
            assert_eq!(on_page, reference.answer(&ia, &ib), "{a} on {b} through the form as of {day:?}");
            let text = shown["text"].as_str().unwrap_or_default();
            assert!(text.contains(&on_page.stance), "{text}");
            let Some((stance, lines)) = cli_sides(a, b, day) else {
                assert!(on_page.channels().next().is_none(), "{a} on {b}: the CLI found no path");
                continue;
            };
            assert_eq!(stance, on_page.stance, "{a} on {b} as of {day:?}: CLI stance");
            let expected: Vec<(String, String)> = [("support", &on_page.support), ("pressure", &on_page.pressure)]
                .into_iter()
                .filter_map(|(sign, c)| c.as_ref().map(|c| (sign.to_owned(), format!("{:.4}", c.strength))))
                .collect();
            assert_eq!(lines, expected, "{a} on {b} as of {day:?}: CLI both sides");
        }
    }
    // The example: as of the model's present Japan both sanctions and engages Russia.
    let last = &seen["sides"][1]["answers"];
    let at = pairs.iter().position(|(a, b)| a == "japan" && b == "russia").expect("asked");
    assert_eq!(page(&last[at]).stance, "ambivalent");
}

/// Many equally strong channels: weights 0.5 or 1, parallel ties of both signs, every kind
/// of tie between actors and contexts of every kind, half the ties dated.
fn tie_heavy() -> Model {
    let mut model = Model::new("ties");
    let kinds = [
        NodeKind::Country,
        NodeKind::Leader,
        NodeKind::Agreement,
        NodeKind::Organization,
        NodeKind::Dispute,
        NodeKind::Person,
        NodeKind::Event,
        NodeKind::Territory,
    ];
    for i in 0..40 {
        model.add_node(Node::new(format!("t{i}"), kinds[i % kinds.len()], format!("T{i}"))).unwrap();
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for k in 0..220 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let (a, b) = (state % 40, (state >> 8) % 40);
        let kind = EdgeKind::ALL[(state >> 16) as usize % EdgeKind::ALL.len()];
        let mut e = Edge::new(format!("t{a}"), format!("t{b}"), kind);
        e.weight = Some(if k % 3 == 0 { 0.5 } else { 1.0 });
        match k % 4 {
            1 => e.since = Some(PartialDate::year(2012)),
            2 => e.until = Some(PartialDate::year(2011)),
            _ => {}
        }
        model.add_edge(e).unwrap();
    }
    model
}

#[test]
fn the_picker_breaks_ties_as_the_library_does() {
    let Some(browser) = browser("the_picker_breaks_ties_as_the_library_does") else { return };
    let dir = tempfile::tempdir().unwrap();
    let model = tie_heavy();
    let file = dir.path().join("ties.html");
    std::fs::write(&file, html::render(&model, &HtmlOptions::new(), &Theme::default())).unwrap();
    let ids: Vec<String> = model.nodes().map(|n| n.id.clone()).collect();
    let pairs: Vec<(String, String)> =
        ids.iter().flat_map(|a| ids.iter().map(move |b| (a.clone(), b.clone()))).filter(|(a, b)| a != b).collect();
    let states = [Some("2011-12-31"), Some("2013-01-01"), None];
    let job = json!({
        "scenario": "paths",
        "file": file,
        "pairs": pairs.iter().map(|(a, b)| [a, b]).collect::<Vec<_>>(),
        "states": states,
    });
    let seen = drive(&browser, job, dir.path());
    assert_quiet(&seen, &file);
    let counts = check_states(&model, &pairs, &states, &seen);
    println!("{counts:?}");
    assert!(counts.longer > 300 && counts.both_sides > 300, "{counts:?}");
    assert!(counts.shared_context > 100 && counts.ambivalent > 50, "{counts:?}");
}
