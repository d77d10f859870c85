//! Time to typeset the quote technical package of a 10-, 100- and 500-line quote (drawings
//! drawn beforehand, as a front end would hold them; 500 lines is the most a quote may have),
//! and the drawings themselves. The time per line should stay the same as lines are added.
//!
//! typst memoises layout across compilations in one process; every iteration starts with the
//! caches emptied, so each measures what one `spw package` run costs.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use spw_model::Catalogue;
use std::hint::black_box;
use time::macros::date;

/// A quote of `n` lines cycling through the example quote's doors, each a little lower so no
/// two doors are the same.
fn quote_of(n: usize) -> String {
    let text = include_str!("../../../examples/quote.json");
    let mut v: serde_json::Value = serde_json::from_str(text).expect("example quote");
    let lines = v["lines"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (line, i) in lines.iter().cycle().take(n).zip(0u64..) {
        let mut line = line.clone();
        // Vary the height (downwards, within the frame limits, so leaves stay within their
        // hinges) so the doors differ.
        let h = line["door_configuration"]["frame_height"]
            .as_u64()
            .unwrap_or(2100);
        line["door_configuration"]["frame_height"] = (h - (i % 40) * 5).into();
        out.push(line);
    }
    v["lines"] = out.into();
    v["quote_number"] = format!("Q-BENCH-{n:04}").into();
    v.to_string()
}

fn bench(c: &mut Criterion) {
    let cat = Catalogue::builtin().expect("catalogue");
    let meta = spw_documents::DocMeta {
        document_number: "Q-BENCH".into(),
        revision: "A".into(),
        date: date!(2026 - 12 - 01),
        prepared_by: "Bench".into(),
        project: None,
        customer: None,
    };
    let mut group = c.benchmark_group("quote_package");
    group.sample_size(10);
    group.sampling_mode(criterion::SamplingMode::Flat);
    for n in [10usize, 100, 500] {
        let q = spw_app::quote(&quote_of(n), date!(2026 - 12 - 01), &cat).expect("quote");
        let drawings = spw_documents::quote_drawings(&q, &cat, &meta).expect("drawings");
        group.bench_with_input(BenchmarkId::new("lines", n), &n, |b, _| {
            b.iter(|| {
                typst::comemo::evict(0);
                spw_documents::quote_package(black_box(&q), &drawings, &cat, &meta)
                    .expect("package")
            })
        });
        group.bench_with_input(BenchmarkId::new("drawings", n), &n, |b, _| {
            b.iter(|| spw_documents::quote_drawings(black_box(&q), &cat, &meta).expect("drawings"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
