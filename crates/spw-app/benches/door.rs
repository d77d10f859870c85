//! One door through the core: validate + geometry + thermal (one evaluation), then the BOM;
//! the `spw bom` operation from JSON text; the live preview (elevation sheet as SVG); and the
//! full drawing set in all four formats.

use criterion::{Criterion, criterion_group, criterion_main};
use spw_app::drawings::{Format, default_options, draw};
use spw_drawing::ViewKind;
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

fn drawings(c: &mut Criterion) {
    let cat = Catalogue::builtin().expect("catalogue");
    let text = include_str!("../../../examples/seed-door-configuration.json");
    let preview = default_options(vec![ViewKind::Elevation]);
    c.bench_function("live preview: JSON → elevation sheet SVG", |b| {
        b.iter(|| black_box(draw(black_box(text), &preview, &[Format::Svg], &cat).expect("draws")))
    });
    let all = default_options(vec![
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ]);
    c.bench_function(
        "full set: 5 sheets × DXF + SVG + PDF (vector formats)",
        |b| {
            b.iter(|| {
                black_box(
                    draw(
                        black_box(text),
                        &all,
                        &[Format::Dxf, Format::Svg, Format::Pdf],
                        &cat,
                    )
                    .expect("draws"),
                )
            })
        },
    );
    let mut group = c.benchmark_group("raster");
    group.sample_size(10);
    group.bench_function(
        "full set: 5 sheets × DXF + SVG + PDF + PNG at 150 dpi",
        |b| {
            b.iter(|| {
                black_box(
                    draw(
                        black_box(text),
                        &all,
                        &[Format::Dxf, Format::Svg, Format::Pdf, Format::Png],
                        &cat,
                    )
                    .expect("draws"),
                )
            })
        },
    );
    group.finish();
}

criterion_group!(benches, door, drawings);
criterion_main!(benches);
