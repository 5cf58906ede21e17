//! Integration tests: `relgraph draft` (issue 24).
//!
//! The evaluation set (`tests/fixtures/draft/`, see its README) is drafted and scored against
//! the hand annotations: every draft passes `check`, every quote is an exact substring, and
//! the figures stay above floors set a little under what was measured (docs/draft.md), for
//! the development articles (tuned on) and, separately, for a held-out set when there is
//! one. The CLI tests run the binary: the model it writes, `check` counting drafts (and `--strict` failing), analyses
//! leaving drafts out with `--no-drafts`, `--into` resolving names to a model's ids, a folder.
//! The browser test opens the review page in headless Chromium (skipping, saying why, when
//! Chromium, chromedriver or selenium is missing), reviews ties with the keyboard and checks
//! the downloaded model with the library.

use std::path::{Path, PathBuf};
use std::process::Command;

use relgraph::draft::eval::{score, Annotation, Score};
use relgraph::draft::{draft, DraftOptions};
use relgraph::model::Polarity;
use serde_json::{json, Value};

use crate::common::{self, ok, relgraph, stderr};

// Name, article date, held out.
include!("fixtures/draft/articles.rs");

fn fixture(name: &str) -> PathBuf {
    common::repo().join("tests/fixtures/draft").join(name)
}

fn scored(name: &str, date: &str) -> (Score, relgraph::draft::Draft) {
    let text = std::fs::read_to_string(fixture(&format!("{name}.txt"))).unwrap();
    let annotation = Annotation::parse(&std::fs::read_to_string(fixture(&format!("{name}.tsv"))).unwrap());
    let d = draft(&text, &DraftOptions::new().with_date(date.parse().unwrap()));
    (score(&d.model, &d.text, &annotation), d)
}

#[test]
fn annotations_quote_their_articles_exactly() {
    for (name, _, _) in ARTICLES {
        let text = std::fs::read_to_string(fixture(&format!("{name}.txt"))).unwrap();
        let annotation = Annotation::parse(&std::fs::read_to_string(fixture(&format!("{name}.tsv"))).unwrap());
        assert!(annotation.entities.len() >= 5 && annotation.relations.len() >= 8, "{name} is annotated");
        for (from, to, _, quote) in &annotation.relations {
            assert!(text.contains(quote.as_str()), "{name}: quote of {from}–{to} is not in the text: {quote}");
            for end in [from, to] {
                assert!(
                    annotation.entities.iter().any(|(id, _)| id == end),
                    "{name}: {end} is not an annotated entity"
                );
            }
        }
    }
}

#[test]
fn drafts_of_the_evaluation_set_pass_check_with_exact_quotes() {
    let dir = tempfile::tempdir().unwrap();
    for (name, date, _) in ARTICLES {
        let (s, d) = scored(name, date);
        assert!(s.quotes_exact, "{name}: a quote is not an exact substring");
        for tie in &d.ties {
            let chars: String = d.text.chars().skip(tie.span.start).take(tie.span.end - tie.span.start).collect();
            assert_eq!(chars, tie.quote, "{name}: the span points at the quote");
        }
        assert!(d.model.nodes().all(|n| n.draft) && d.model.edges().all(|e| e.draft && !e.evidence.is_empty()));
        let path = dir.path().join(format!("{name}.ron"));
        relgraph::api::draft::save_draft(&d, &path).unwrap();
        let (model, warnings) = relgraph::io::ron::load_checked(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(model.edge_count(), d.model.edge_count());
        assert!(warnings.render().contains("unreviewed drafts"), "{name}: check counts the drafts");
    }
}

#[test]
fn the_draft_meets_its_floors_on_the_evaluation_set() {
    // Floors a little under the figures measured and reported in docs/draft.md: the
    // development articles (tuned on) and, separately, the held-out ones (never tuned on)
    // when the set has any.
    let mut sums = [[0.0; 4]; 2];
    let mut counts = [0.0; 2];
    for (name, date, held_out) in ARTICLES {
        let (s, _) = scored(name, date);
        // Per article: most actors found (measured: at least 0.86 on every one of the ten
        // first development articles, 0.70 on the third set, 0.88 on the fourth set, 0.78 on
        // the fifth since the fifth round; 0.86 on the sixth held-out set).
        let floor = if held_out { 0.8 } else { 0.68 };
        assert!(s.actor_recall >= floor, "{name}: actor recall {}", s.actor_recall);
        let k = usize::from(held_out);
        for (slot, v) in sums[k].iter_mut().zip([s.actor_recall, s.relation_recall, s.conflict_recall, s.precision]) {
            *slot += v;
        }
        counts[k] += 1.0;
    }
    // The twenty-five development articles (the first ten, the third, fourth and fifth
    // sets, each tuned on since its one measurement): 0.95 / 0.79 / 0.72 / 0.81 after the
    // fifth round (docs/draft.md).
    let [actors, relations, conflict, precision] = sums[0].map(|v| v / counts[0]);
    assert!(
        actors >= 0.93 && relations >= 0.77 && conflict >= 0.70 && precision >= 0.79,
        "tuned on: {:?}",
        sums[0].map(|v| v / counts[0])
    );
    // The sixth held-out set, measured once (2026-12-06, after the fifth round's last
    // tuning commit, before the drafter ever ran on it): 0.94 / 0.77 / 0.78 / 0.85, every
    // target of the issue met on new text. Floors a little under that, so that the drafter
    // cannot get worse on new text unnoticed; a rule tuned on these five makes them
    // development articles and needs a seventh set.
    if counts[1] > 0.0 {
        let [actors, relations, conflict, precision] = sums[1].map(|v| v / counts[1]);
        assert!(
            actors >= 0.92 && relations >= 0.74 && conflict >= 0.75 && precision >= 0.82,
            "held out: {:?}",
            sums[1].map(|v| v / counts[1])
        );
    }
}

#[test]
fn the_seed_draft_finds_most_of_the_shipped_model() {
    let (s, d) = scored("japan_russia_2014", "2014-08-01");
    assert!(s.actor_recall >= 0.85 && s.relation_recall >= 0.5, "{s:?}");
    // Conflict is drafted as conflict: Russia's annexation of Crimea, condemned.
    assert!(
        d.model.edges().any(|e| e.polarity() == Polarity::Conflictual && e.to == "russia"),
        "a conflictual tie to Russia"
    );
    // Dated from the sentence: "This past February" resolves against the article's date.
    let letta = d
        .ties
        .iter()
        .find(|t| t.quote == "Italy’s then-Prime Minister Enrico Letta")
        .map(|t| (t.kind.as_str(), t.since.clone()));
    assert_eq!(letta, Some(("represents", Some("2014-02".to_owned()))), "a former office holder represents, dated");
}

#[test]
fn a_person_is_named_as_most_of_the_dictionary_writes_him() {
    // PETRARCH2's head form for Medvedev is DMITR_MEDVEDEV, cut short beside the
    // DMITRI_MEDVEDEV of its synonyms; the draft once named him "Dmitr Medvedev".
    let (_, d) = scored("georgia_russia_2008", "2008-08-12");
    let medvedev = d.model.nodes().find(|n| n.name.ends_with("Medvedev")).expect("Medvedev is drafted");
    assert_eq!((medvedev.id.as_str(), medvedev.name.as_str()), ("dmitri_medvedev", "Dmitri Medvedev"));
}

#[test]
fn cli_drafts_checks_and_leaves_drafts_out_of_analyses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.ron");
    let page = dir.path().join("draft.html");
    let article = fixture("japan_russia_2014.txt");
    let printed = ok(&[
        "draft",
        article.to_str().unwrap(),
        "--date",
        "2014-08-01",
        "--url",
        "https://example.org/a",
        "-o",
        out.to_str().unwrap(),
        "--review",
        page.to_str().unwrap(),
    ]);
    assert!(printed.contains("drafted") && printed.contains("review page"), "{printed}");
    let checked = relgraph(&["check", out.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0));
    assert!(stderr(&checked).contains("unreviewed drafts"), "{}", stderr(&checked));
    let strict = relgraph(&["check", "--strict", out.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1), "--strict fails on drafts");
    let all: Value = serde_json::from_str(&ok(&["nodes", out.to_str().unwrap(), "--json"])).unwrap();
    assert!(all.as_array().unwrap().len() > 20);
    let reviewed: Value =
        serde_json::from_str(&ok(&["nodes", out.to_str().unwrap(), "--json", "--no-drafts"])).unwrap();
    assert_eq!(reviewed.as_array().unwrap().len(), 0, "every node is a draft");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("url: \"https://example.org/a\""));
}

#[test]
fn into_resolves_names_to_the_models_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("patch.ron");
    let article = fixture("japan_russia_2014.txt");
    ok(&["draft", article.to_str().unwrap(), "--into", &common::graph(), "-o", out.to_str().unwrap()]);
    let model = relgraph::io::ron::load(&out).unwrap();
    for id in ["japan", "russia", "abe", "putin", "kuril_dispute"] {
        if let Some(node) = model.node_by_id(id) {
            assert!(!node.draft, "{id} comes from the model, reviewed");
        } else if id != "kuril_dispute" {
            panic!("{id} resolved to the model's id");
        }
    }
    assert!(model.edges().any(|e| e.from == "abe" || e.to == "abe"), "ties use the model's ids");
}

#[test]
fn a_folder_drafts_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Japan condemned Russia on Friday.").unwrap();
    std::fs::write(
        input.join("b.html"),
        "<p>Venezuelan President Hugo Chavez met Colombia&#39;s President Alvaro Uribe.</p>",
    )
    .unwrap();
    std::fs::write(input.join("c.md"), "# T\n\n**Ethiopia** hosted talks with [Egypt](https://e.org).").unwrap();
    let output = dir.path().join("out");
    let printed = ok(&["draft", input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(printed.lines().count(), 3, "{printed}");
    let b = relgraph::io::ron::load(&output.join("b.ron")).unwrap();
    assert!(b.edges().any(|e| e.kind.as_str() == "meets"), "{:?}", b.edges().collect::<Vec<_>>());
    assert!(
        b.edges().all(|e| e.evidence.iter().all(|q| !q.quote.contains('<'))),
        "quotes come from the text, not the markup"
    );
    let c = relgraph::io::ron::load(&output.join("c.ron")).unwrap();
    assert!(c.node("Egypt").is_ok() && c.edges().count() >= 1);
}

// ------------------------------------------------------------------ the browser test

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|d| names.iter().map(move |n| d.join(n))).find(|p| p.is_file())
}

fn browser(test: &str) -> Option<(PathBuf, PathBuf)> {
    let skip = |why: &str| {
        println!("skipping {test}: {why}");
        eprintln!("skipping {test}: {why}");
        None
    };
    let Some(chromium) = which(&["chromium", "chromium-browser", "google-chrome"]) else {
        return skip("Chromium is not installed (apt-get install chromium chromium-driver)");
    };
    let Some(driver) = which(&["chromedriver"])
        .or_else(|| Some(PathBuf::from("/usr/lib/chromium/chromedriver")).filter(|p| p.is_file()))
    else {
        return skip("chromedriver is not installed (apt-get install chromium-driver)");
    };
    if !Command::new("python3").args(["-c", "import selenium"]).output().is_ok_and(|o| o.status.success()) {
        return skip("python3 with selenium is missing (pip install selenium)");
    }
    Some((chromium, driver))
}

fn drive(chromium: &Path, chromedriver: &Path, page: &Path, dir: &Path) -> Value {
    let job =
        json!({"chromium": chromium, "chromedriver": chromedriver, "page": page, "downloads": dir.join("downloads")});
    let job_file = dir.join("job.json");
    std::fs::write(&job_file, job.to_string()).unwrap();
    let output = Command::new("python3")
        .arg(common::repo().join("tests/viewer/review_driver.py"))
        .arg(&job_file)
        .env("SE_AVOID_STATS", "true")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "the driver failed:\n{text}\n{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("driver output is not JSON ({e}): {text}"))
}

#[test]
fn review_page_turns_a_draft_into_a_model_in_the_browser() {
    let Some((chromium, chromedriver)) = browser("review_page_turns_a_draft_into_a_model_in_the_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Hostile text: markup, a script, a closing tag inside the quoted ties.
    let article = "Japan condemned Russia. </script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">\n\n\
                   Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin <b>in Sochi</b> on Friday.\n\n\
                   China and Russia signed the gas deal.";
    let d = draft(article, &DraftOptions::new().with_date("2014-02-08".parse().unwrap()));
    assert!(d.ties.len() >= 3, "{:?}", d.ties);
    let page = dir.path().join("review.html");
    relgraph::api::draft::save_review(&d, &page).unwrap();
    let seen = drive(&chromium, &chromedriver, &page, dir.path());
    assert_eq!(seen["pwned"], Value::Null, "nothing of the text ran");
    assert_eq!(seen["console"], json!([]), "console messages");
    // The article is shown as text, every character of it.
    assert_eq!(seen["text"].as_str().unwrap(), d.text);
    assert_eq!(seen["ties_listed"].as_u64().unwrap() as usize, d.ties.len());
    assert!(seen["highlights"].as_u64().unwrap() >= 3);
    // The keyboard review: accept the first tie, reject the second, accept the third.
    let reviewed = seen["model"].as_str().unwrap();
    let model = relgraph::io::ron::parse(reviewed, Path::new("reviewed.ron"))
        .unwrap_or_else(|e| panic!("{}\n{reviewed}", e.render()));
    assert_eq!(model.edge_count(), 2, "{reviewed}");
    for (tie, kept) in d.ties.iter().take(3).zip([true, false, true]) {
        let found =
            model.edges().any(|e| e.evidence.iter().any(|q| q.quote == tie.quote) && e.kind.as_str() == tie.kind);
        assert_eq!(found, kept, "tie {tie:?} in\n{reviewed}");
    }
    assert!(model.nodes().all(|n| !n.draft) && model.edges().all(|e| !e.draft), "reviewed ties are no drafts");
    assert_eq!(seen["clicked_quote"].as_str().unwrap(), format!("“{}”", d.ties[1].quote));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any text drafts without a panic, and every quote is a substring of the text drafted.
    #[test]
    fn draft_never_panics(words in proptest::collection::vec(proptest::prop_oneof![
        proptest::string::string_regex("[A-Za-zé’'\\-.,:;()\\[\\]“”\"<>&#! \\n]{0,12}").unwrap(),
        proptest::sample::select(vec![
            "Japan".to_owned(), "Russian".to_owned(), "President".to_owned(), "Vladimir Putin".to_owned(),
            "Foreign Minister".to_owned(), "met".to_owned(), "condemned".to_owned(), "talks".to_owned(), "between".to_owned(),
            "and".to_owned(), ", ".to_owned(), ". ".to_owned(), "the".to_owned(), "Council".to_owned(), "dispute".to_owned(),
            "on Friday".to_owned(), "May 21st".to_owned(), "(AU)".to_owned(), "U.S.".to_owned(), "\n\n".to_owned(), "’s".to_owned(),
        ]),
    ], 0..60), html in proptest::bool::ANY) {
        let text = words.join(" ");
        let format = if html { relgraph::draft::TextFormat::Html } else { relgraph::draft::TextFormat::Markdown };
        let d = draft(&text, &DraftOptions::new().with_format(format).with_date("2014-08-01".parse().unwrap()));
        for e in d.model.edges() {
            for q in &e.evidence {
                proptest::prop_assert!(d.text.contains(&q.quote));
            }
        }
    }
}
