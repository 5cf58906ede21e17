//! Which lines the built-in renderer draws for the scene's edges: one per edge, or — by
//! default — one bundle per pair of nodes.
//!
//! A bundle joins every tie between the same two nodes, whichever way they point. It is
//! drawn as one strand per polarity present (cooperative, conflictual, neutral, side by
//! side), each as wide as its widest tie plus `1.6·√(ties − 1)`, capped at 10 px. The pair
//! gets one compact label on its largest strand: `cooperates with ×6 · negotiates ×3 ·
//! sanctions`, kinds by count then first appearance, wrapped at about [`LABEL_WRAP`]
//! characters; a pair with one tie keeps that tie's full label. Every strand's tooltip lists
//! all the pair's ties with their dates.
//!
//! Unbundled, each edge is its own line, and pairs of [`COMBINED_LABEL_MIN`] or more edges
//! share one list label (the drawing before bundling existed).

use std::collections::BTreeMap;

use super::scene::Scene;
use super::theme::{LineStyle, Theme};
use crate::model::Polarity;

/// Unbundled pairs of at least this many edges get one combined label.
pub(crate) const COMBINED_LABEL_MIN: usize = 3;
/// Bundle labels wrap at about this many characters.
pub(crate) const LABEL_WRAP: usize = 44;
/// Widest bundle strand, in pixels.
const MAX_WIDTH: f64 = 10.0;

/// One drawn line: a single edge, or one polarity strand of a bundle.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The scene edges it stands for.
    pub members: Vec<usize>,
    /// End nodes (for bundles, the smaller index first).
    pub from: usize,
    pub to: usize,
    pub polarity: Polarity,
    pub width: f64,
    pub style: LineStyle,
    /// Arrowheads at `to` and at `from`.
    pub arrow_end: bool,
    pub arrow_start: bool,
    /// Label text, lines separated by `\n`; empty for none.
    pub label: String,
    /// Tooltip text, lines separated by `\n`.
    pub tooltip: String,
    pub highlighted: bool,
    pub faded: bool,
    /// Every tie of the line ended (drawn faint and dotted).
    pub ended: bool,
    /// Which of the pair's strands (0-based) and how many there are; a fan slot when unbundled.
    pub slot: usize,
    pub slots: usize,
    /// Whether the slot is a bow (unbundled fan) rather than a parallel strand.
    pub bow: bool,
    /// Labels are placed most important first and dropped least important first.
    pub importance: f64,
}

/// One tooltip row per tie: `From —kind (topic)→ To · since–until`.
fn tie_rows(scene: &Scene, members: &[usize]) -> String {
    let name = |i: usize| scene.nodes[i].tooltip.chars().take(80).collect::<String>();
    let rows: Vec<String> = members
        .iter()
        .map(|&k| {
            let e = &scene.edges[k];
            let mut row = format!("{} —{}→ {}", name(e.from), e.summary, name(e.to));
            if !e.dates.is_empty() {
                row.push_str(&format!(" · {}", e.dates));
            }
            row
        })
        .collect();
    rows.join("\n")
}

/// The compact label of several ties: kinds with counts, wrapped.
pub(crate) fn compact_label(kinds: &[String]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for kind in kinds {
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind.clone(), 1)),
        }
    }
    // Stable: equal counts keep first appearance.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let items: Vec<String> = counts.into_iter().map(|(k, n)| if n > 1 { format!("{k} ×{n}") } else { k }).collect();
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + item.chars().count() <= LABEL_WRAP => {
                line.push_str(" · ");
                line.push_str(&item);
            }
            _ => lines.push(item),
        }
    }
    lines.join("\n")
}

/// The lines to draw.
pub(crate) fn lines(scene: &Scene, theme: &Theme, bundle: bool) -> Vec<Line> {
    let mut pairs: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, e) in scene.edges.iter().enumerate() {
        pairs.entry((e.from.min(e.to), e.from.max(e.to))).or_default().push(k);
    }
    let mut out = Vec::new();
    for ((lo, hi), members) in pairs {
        if bundle {
            bundled(scene, theme, lo, hi, &members, &mut out);
        } else {
            unbundled(scene, &members, &mut out);
        }
    }
    out
}

fn unbundled(scene: &Scene, members: &[usize], out: &mut Vec<Line>) {
    let combined = members.len() >= COMBINED_LABEL_MIN && members.iter().any(|&k| !scene.edges[k].label.is_empty());
    let carrier = members[members.len() / 2];
    for (slot, &k) in members.iter().enumerate() {
        let e = &scene.edges[k];
        let label = if !combined {
            e.label.clone()
        } else if k == carrier {
            let rows: Vec<String> = members.iter().map(|&m| scene.edges[m].label.replace('\n', " ")).collect();
            rows.join("\n")
        } else {
            String::new()
        };
        out.push(Line {
            members: vec![k],
            from: e.from,
            to: e.to,
            polarity: e.polarity,
            width: e.width,
            style: e.line,
            arrow_end: e.directed,
            arrow_start: false,
            label,
            tooltip: tie_rows(scene, &[k]),
            highlighted: e.highlighted,
            faded: e.faded,
            ended: e.ended,
            slot,
            slots: members.len(),
            bow: true,
            importance: importance(scene, if k == carrier { members } else { &members[slot..=slot] }),
        });
    }
}

fn importance(scene: &Scene, members: &[usize]) -> f64 {
    let highlighted = members.iter().any(|&k| scene.edges[k].highlighted);
    let weight: f64 = members.iter().map(|&k| scene.edges[k].width).sum();
    (if highlighted { 1e6 } else { 0.0 }) + members.len() as f64 + weight * 0.01
}

fn bundled(scene: &Scene, theme: &Theme, lo: usize, hi: usize, members: &[usize], out: &mut Vec<Line>) {
    // One strand per polarity, ties that ended (a panel's faint ones) on a strand of their own.
    let strands: Vec<(Polarity, Vec<usize>)> = Polarity::ALL
        .into_iter()
        .flat_map(|p| [(p, false), (p, true)])
        .map(|(p, ended)| {
            let strand =
                members.iter().copied().filter(|&k| scene.edges[k].polarity == p && scene.edges[k].ended == ended);
            (p, strand.collect::<Vec<_>>())
        })
        .filter(|(_, m)| !m.is_empty())
        .collect();
    let labelled = members.iter().any(|&k| !scene.edges[k].label.is_empty());
    let label = if !labelled {
        String::new()
    } else if members.len() == 1 {
        scene.edges[members[0]].label.clone()
    } else {
        let mut label = compact_label(&members.iter().map(|&k| scene.edges[k].kind.label()).collect::<Vec<_>>());
        // A highlighted influence step keeps its strength on the bundle's label.
        if let Some(note) = members.iter().find_map(|&k| scene.edges[k].note.as_deref()) {
            label.push_str(&format!("\nstrength {note}"));
        }
        label
    };
    // The label rides on the largest strand (the first of equals).
    let carrier =
        (0..strands.len()).fold(0, |best, s| if strands[s].1.len() > strands[best].1.len() { s } else { best });
    let tooltip = tie_rows(scene, members);
    let slots = strands.len();
    for (slot, (polarity, strand)) in strands.into_iter().enumerate() {
        let edges = || strand.iter().map(|&k| &scene.edges[k]);
        let widest = edges().map(|e| e.width).fold(theme.pen_min, f64::max);
        let width = (widest + 1.6 * (strand.len() as f64 - 1.0).sqrt()).min(MAX_WIDTH.max(widest));
        let first = scene.edges[strand[0]].line;
        let style = if edges().all(|e| e.line == first) { first } else { LineStyle::Solid };
        let forward = edges().any(|e| e.directed && e.from == lo && e.to == hi);
        let backward = edges().any(|e| e.directed && e.from == hi && e.to == lo);
        out.push(Line {
            from: lo,
            to: hi,
            polarity,
            width,
            style,
            arrow_end: forward,
            arrow_start: backward,
            label: if slot == carrier { label.clone() } else { String::new() },
            tooltip: tooltip.clone(),
            highlighted: edges().any(|e| e.highlighted),
            faded: edges().all(|e| e.faded),
            ended: edges().all(|e| e.ended),
            slot,
            slots,
            bow: false,
            importance: importance(scene, members),
            members: strand,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_label_counts_kinds_most_first() {
        let kinds: Vec<String> =
            ["negotiates", "cooperates with", "cooperates with", "sanctions", "negotiates", "cooperates with"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(compact_label(&kinds), "cooperates with ×3 · negotiates ×2\nsanctions");
    }
}
