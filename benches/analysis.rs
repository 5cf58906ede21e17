//! Benchmarks of the analyses on seeded random graphs of 1k and 10k nodes.
//!
//! Run with `cargo bench --bench analysis`. The graph generator is shared by every
//! benchmark: `generate(n, seed)` gives n actors and 4n weighted ties drawn with a small
//! xorshift generator, so runs are comparable across machines and commits.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use petgraph::graph::NodeIndex;
use relgraph::analysis::centrality;
use relgraph::analysis::path::{self, PathMode, PathQuery};
use relgraph::analysis::{GraphView, ViewOptions};
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};

/// A seeded random model: `n` actors, `4n` ties with weights in (0, 1].
pub fn generate(n: usize, seed: u64) -> Model {
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut model = Model::new(format!("random {n}"));
    for i in 0..n {
        let id = format!("n{i}");
        model.add_node(Node::new(id.clone(), NodeKind::Actor, id)).expect("ids are unique");
    }
    for _ in 0..4 * n {
        let (a, b) = (next() as usize % n, next() as usize % n);
        let mut edge = Edge::new(format!("n{a}"), format!("n{b}"), EdgeKind::RelatedTo);
        edge.weight = Some(((next() % 1000) + 1) as f64 / 1000.0);
        model.add_edge(edge).expect("ends exist");
    }
    model
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let model = generate(n, 42);
        let view = GraphView::new(&model, &ViewOptions::undirected());
        // Exact betweenness on 10k nodes takes seconds: sample 100 pivots there.
        let sample = (n > 1_000).then_some((100, 7));
        group.bench_with_input(BenchmarkId::new("betweenness", n), &view, |b, v| {
            b.iter(|| centrality::betweenness(v, false, sample))
        });
        group.bench_with_input(BenchmarkId::new("pagerank", n), &view, |b, v| b.iter(|| centrality::pagerank(v, true)));
        let (s, t) = (NodeIndex::new(0), NodeIndex::new(n - 1));
        group.bench_with_input(BenchmarkId::new("shortest_path_weighted", n), &view, |b, v| {
            b.iter(|| path::shortest_path(&model, v, s, t, &PathQuery::new(PathMode::Weighted)))
        });
        group.bench_with_input(BenchmarkId::new("k_shortest_paths_5", n), &view, |b, v| {
            b.iter(|| path::k_shortest_paths(&model, v, s, t, 5, &PathQuery::new(PathMode::Hops)))
        });
        group.bench_with_input(BenchmarkId::new("view", n), &model, |b, m| {
            b.iter(|| GraphView::new(m, &ViewOptions::undirected()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
