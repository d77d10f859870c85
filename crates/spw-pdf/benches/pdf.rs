//! Time to write the two-sheet test drawing (A3 elevation at 1:10, A4 section at 1:2) as PDF.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let d = common::drawing();
    let m = common::meta(&d);
    c.bench_function("write two-sheet drawing", |b| {
        b.iter(|| spw_pdf::write(black_box(&d), black_box(&m)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
