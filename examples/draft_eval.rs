//! Drafts every article of the evaluation set (`tests/fixtures/draft/`) and prints, per
//! article and on average, the figures `docs/draft.md` reports: actor recall, relation
//! recall, conflict recall, precision among ties between annotated entities, whether every
//! quote is exact, and the time taken. Run with `cargo run --release --example draft_eval`.

use std::time::Instant;

use relgraph::draft::eval::{score, Annotation};
use relgraph::draft::{draft, DraftOptions};

// The evaluation set: name, article date, whether it is held out (never tuned on). A
// held-out set is annotated and committed before the drafter is first run on it; after its
// one measurement it is tuned on and its flags are cleared (tests/fixtures/draft/README.md).
include!("../tests/fixtures/draft/articles.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft");
    let verbose = std::env::args().any(|a| a == "-v");
    // `--all` shows the details of the held-out articles too: only once they have been
    // measured and turned into development articles.
    let show_all = std::env::args().any(|a| a == "--all");
    println!(
        "| article | held out | words | actors | relations | conflict | precision | scored ties | quotes exact | ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut sums = [[0.0f64; 4]; 2];
    let mut counts = [0usize; 2];
    // Warm the gazetteer so the first article's time is the drafting alone.
    let _ = draft("Japan", &DraftOptions::new());
    for (name, date, held_out) in ARTICLES {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))?;
        let annotation = Annotation::parse(&std::fs::read_to_string(dir.join(format!("{name}.tsv")))?);
        let started = Instant::now();
        let d = draft(&text, &DraftOptions::new().with_date(date.parse()?));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let s = score(&d.model, &d.text, &annotation);
        println!(
            "| {name} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {ms:.1} |",
            if held_out { "yes" } else { "no" },
            text.split_whitespace().count(),
            s.actor_recall,
            s.relation_recall,
            s.conflict_recall,
            s.precision,
            s.scored_ties,
            if s.quotes_exact { "yes" } else { "NO" }
        );
        let k = usize::from(held_out);
        for (slot, v) in sums[k].iter_mut().zip([s.actor_recall, s.relation_recall, s.conflict_recall, s.precision]) {
            *slot += v;
        }
        counts[k] += 1;
        // Details only for the articles tuned on: the held-out ones stay unseen.
        if verbose && (!held_out || show_all) {
            eprintln!("== {name}");
            let entity_names: Vec<String> =
                annotation.entities.iter().map(|(id, forms)| format!("{id}={}", forms.join("|"))).collect();
            let found: Vec<String> = d
                .model
                .nodes()
                .flat_map(|n| std::iter::once(n.name.to_lowercase()).chain(n.aliases.iter().map(|a| a.to_lowercase())))
                .collect();
            for e in &entity_names {
                let forms: Vec<String> = e.split('=').nth(1).unwrap_or("").split('|').map(str::to_lowercase).collect();
                if !forms.iter().any(|f| found.contains(f)) {
                    eprintln!("  MISSING entity {e}");
                }
            }
            let entity_of = |id: &str| -> Option<String> {
                let n = d.model.node_by_id(id)?;
                let names: Vec<String> =
                    std::iter::once(n.name.to_lowercase()).chain(n.aliases.iter().map(|a| a.to_lowercase())).collect();
                annotation
                    .entities
                    .iter()
                    .find(|(_, forms)| forms.iter().any(|f| names.contains(&f.to_lowercase())))
                    .map(|(e, _)| e.clone())
            };
            let drafted: Vec<(String, String, bool)> = d
                .model
                .edges()
                .filter_map(|e| {
                    Some((entity_of(&e.from)?, entity_of(&e.to)?, e.polarity() == relgraph::Polarity::Conflictual))
                })
                .collect();
            for (a, b, conflict, quote) in &annotation.relations {
                let hit =
                    drafted.iter().any(|(x, y, c)| ((x == a && y == b) || (x == b && y == a)) && (!conflict || *c));
                if !hit {
                    eprintln!("  MISSED {a} {b} {} «{quote}»", if *conflict { "conflict" } else { "" });
                }
            }
            for e in d.model.edges() {
                if let (Some(a), Some(b)) = (entity_of(&e.from), entity_of(&e.to)) {
                    if a != b
                        && !annotation.relations.iter().any(|(x, y, _, _)| (x == &a && y == &b) || (x == &b && y == &a))
                    {
                        eprintln!("  WRONG {} -{}-> {} «{}»", e.from, e.kind, e.to, e.evidence[0].quote);
                    }
                }
            }
            for e in d.model.edges().filter(|_| std::env::args().any(|a| a == "-vv")) {
                eprintln!("  {} -{}-> {}   «{}»", e.from, e.kind, e.to, e.evidence[0].quote);
            }
            for n in d.model.nodes() {
                eprintln!("  node {} ({}) {:?}", n.id, n.kind, n.aliases);
            }
        }
    }
    for (k, label) in [(0, "average, tuned on"), (1, "average, held out")] {
        if counts[k] == 0 {
            continue;
        }
        let n = counts[k] as f64;
        let [a, r, c, p] = sums[k].map(|v| v / n);
        println!("| {label} | | | {a:.2} | {r:.2} | {c:.2} | {p:.2} | | | |");
    }
    let all = (counts[0] + counts[1]).max(1) as f64;
    let [a, r, c, p] = [0, 1, 2, 3].map(|i| (sums[0][i] + sums[1][i]) / all);
    println!("| average, all {} | | | {a:.2} | {r:.2} | {c:.2} | {p:.2} | | | |", counts[0] + counts[1]);
    Ok(())
}
