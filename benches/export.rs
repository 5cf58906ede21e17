//! Benchmarks of the built-in SVG renderer (layout + drawing) and of DOT generation on
//! Barabási–Albert models from the shared seeded generator (`benches/common`): 100, 500
//! and 2,000 nodes with two ties each (2,000 nodes, ~4,000 ties is the issue-8 target).
//! Run with `cargo bench --bench export`.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relgraph::export::{dot, svg, DotOptions, Theme};

fn export(c: &mut Criterion) {
    let theme = Theme::default();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for n in [100, 500, 2000] {
        let model = common::model(n, 2, 5);
        group.bench_with_input(BenchmarkId::new("builtin_svg", n), &model, |b, model| {
            b.iter(|| svg::render_builtin(model, &DotOptions::new(), &theme))
        });
        group.bench_with_input(BenchmarkId::new("dot", n), &model, |b, model| {
            b.iter(|| dot::to_dot(model, &DotOptions::new(), &theme))
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
