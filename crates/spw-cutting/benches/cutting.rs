//! Criterion benchmark: optimising a realistic 500-piece door order
//! (lengths 400–2400 mm, stock 6000/6500/7000 mm, kerf 5 mm).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use spw_cutting::{SolveOptions, optimise};

#[path = "../tests/common/generator.rs"]
mod generator;

fn bench(c: &mut Criterion) {
    let request = generator::door_order(0x5EED_600E, 500);
    let options = SolveOptions::default();
    if let Ok(plan) = optimise(&request, &options) {
        let s = &plan.summary;
        eprintln!(
            "500-piece door order: {} bars {:?}, waste {:.2} %, lower bound {}, gap {}, optimal {}, patterns {}, FFD {:?}, work {}",
            s.total_bars,
            s.bars_by_length,
            s.waste_percentage,
            s.lower_bound_bars,
            s.gap_bars,
            s.optimal,
            s.patterns,
            s.ffd_stock_bars,
            s.work_used
        );
    }
    let mut group = c.benchmark_group("cutting");
    group.sample_size(10);
    group.bench_function("door_order_500", |b| {
        b.iter(|| optimise(black_box(&request), black_box(&options)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
