//! Benchmarks of loading and of the analyses, on Barabási–Albert graphs from the shared
//! seeded generator (`benches/common`). Run with `cargo bench --bench analysis`.
//!
//! The whole-process comparison with igraph, rustworkx and NetworkX is `bench/compare.py`;
//! its results are in BENCHMARKS.md.

mod common;

use std::path::Path as FilePath;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use petgraph::graph::NodeIndex;
use relgraph::analysis::centrality;
use relgraph::analysis::influence::{self, Method, Strengths, Toward};
use relgraph::analysis::path::{self, PathMode, PathQuery};
use relgraph::analysis::{GraphView, ViewOptions};
use relgraph::io::edgelist;

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let text = common::edge_list(20_000, 5, 1);
    let path = FilePath::new("ba.tsv");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("edge_list_lean_100k_ties", |b| b.iter(|| edgelist::parse_list(&text, path)));
    group.bench_function("edge_list_model_100k_ties", |b| b.iter(|| edgelist::parse(&text, path)));
    let list = edgelist::parse_list(&text, path).expect("valid");
    group.bench_function("view_from_edge_list_100k_ties", |b| {
        b.iter(|| GraphView::from_edge_list(&list, &ViewOptions::undirected()))
    });
    group.finish();
}

fn centralities(c: &mut Criterion) {
    let mut group = c.benchmark_group("centrality");
    group.sample_size(10);
    for n in [2_000, 10_000] {
        let model = common::model(n, 5, 7);
        let view = GraphView::new(&model, &ViewOptions::undirected());
        // Exact betweenness on 10k nodes takes seconds: sample 100 pivots there.
        let sample = (n > 2_000).then_some((100, 7));
        group.bench_with_input(BenchmarkId::new("betweenness", n), &view, |b, v| {
            b.iter(|| centrality::betweenness(v, false, sample))
        });
        group.bench_with_input(BenchmarkId::new("betweenness_weighted", n), &view, |b, v| {
            b.iter(|| centrality::betweenness(v, true, sample))
        });
        group.bench_with_input(BenchmarkId::new("closeness", n), &view, |b, v| {
            b.iter(|| centrality::closeness(v, false, None))
        });
        group
            .bench_with_input(BenchmarkId::new("pagerank", n), &view, |b, v| b.iter(|| centrality::pagerank(v, false)));
    }
    let model = common::model(100_000, 5, 3);
    let view = GraphView::new(&model, &ViewOptions::undirected());
    group.bench_with_input(BenchmarkId::new("pagerank", 100_000), &view, |b, v| {
        b.iter(|| centrality::pagerank(v, false))
    });
    group.finish();
}

fn paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("path");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let model = common::model(n, 3, 11);
        let view = GraphView::new(&model, &ViewOptions::undirected());
        let (s, t) = (NodeIndex::new(n - 1), NodeIndex::new(n / 2));
        for (name, mode) in
            [("hops", PathMode::Hops), ("weighted", PathMode::Weighted), ("strongest", PathMode::Strongest)]
        {
            group.bench_with_input(BenchmarkId::new(format!("k_shortest_5_{name}"), n), &view, |b, v| {
                b.iter(|| path::k_shortest_paths(&model, v, s, t, 5, &PathQuery::new(mode)))
            });
        }
        group.bench_with_input(BenchmarkId::new("strongest_path", n), &view, |b, v| {
            b.iter(|| path::shortest_path(&model, v, s, t, &PathQuery::new(PathMode::Strongest)))
        });
    }
    group.finish();
}

/// Influence rankings on the edge-list convention (each tie's weight is its strength, both
/// ways): the channel view, then every node's influence on a hub, strongest channel and
/// total (walk sum).
fn influence_rankings(c: &mut Criterion) {
    let mut group = c.benchmark_group("influence");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let model = common::model(n, 3, 13);
        let view =
            influence::channel_view(&model, Strengths::Weights { directed: false }).expect("weights are in (0, 1]");
        group.bench_with_input(BenchmarkId::new("channel_view", n), &model, |b, m| {
            b.iter(|| influence::channel_view(m, Strengths::Weights { directed: false }))
        });
        let hub = Toward::On(NodeIndex::new(0));
        for (name, method) in [("rank_strongest", Method::Strongest), ("rank_total", Method::Total)] {
            group.bench_with_input(BenchmarkId::new(name, n), &view, |b, v| b.iter(|| influence::rank(v, hub, method)));
        }
    }
    group.finish();
}

criterion_group!(benches, loading, centralities, paths, influence_rankings);
criterion_main!(benches);
