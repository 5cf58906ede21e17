//! Benchmarks of the built-in SVG renderer (layout + drawing) and of DOT generation on
//! random models of 100, 500 and 2,000 nodes. Run with `cargo bench --bench export`.

#[path = "../tests/export/fixture.rs"]
mod fixture;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relgraph::export::{dot, svg, DotOptions, Theme};

fn export(c: &mut Criterion) {
    let theme = Theme::default();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for (n, m) in [(100, 300), (500, 1500), (2000, 4000)] {
        let model = fixture::random(n, m);
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
