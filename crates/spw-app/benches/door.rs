//! One door through the core: validate + geometry + thermal (one evaluation), then the BOM, and
//! the whole `spw bom` operation from JSON text.

use criterion::{Criterion, criterion_group, criterion_main};
use spw_model::Catalogue;
use std::hint::black_box;

fn door(c: &mut Criterion) {
    let cat = Catalogue::builtin().expect("catalogue");
    let text = include_str!("../../../examples/seed-door-configuration.json");
    c.bench_function("validate + geometry + thermal + BOM (seed door)", |b| {
        b.iter(|| {
            let e = spw_validation::evaluate_text(black_box(text), &cat);
            let (cfg, g, _) = e.valid_parts().expect("valid");
            black_box(spw_bom::build(cfg, g, &cat))
        })
    });
    c.bench_function("spw bom operation, JSON in, report out", |b| {
        b.iter(|| black_box(spw_app::bom(black_box(text), &cat).expect("bom")))
    });
    c.bench_function("catalogue load (all six files)", |b| {
        b.iter(|| black_box(Catalogue::builtin().expect("catalogue")))
    });
}

criterion_group!(benches, door);
criterion_main!(benches);
