//! Time to write PDFs: the hand-built two-sheet test drawing (A3 elevation at 1:10, A4 section
//! at 1:2) and the five-sheet drawing set `spw-drawing` makes for the example single door.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use spw_drawing::{
    Drawing, DrawingOptions, IsoFormat, Orientation, ProjectInfo, SheetSize, TitleBlockTemplate,
    ViewKind,
};
use spw_model::catalogue::Catalogue;
use std::hint::black_box;

/// The example door's full drawing set, or none if it cannot be built.
fn door_set() -> Option<Drawing> {
    let cat = Catalogue::builtin().ok()?;
    let evaluation =
        spw_validation::evaluate_text(include_str!("../../../examples/single-door.json"), &cat);
    let (cfg, g, _) = evaluation.valid_parts()?;
    let opts = DrawingOptions {
        views: vec![
            ViewKind::Elevation,
            ViewKind::Plan,
            ViewKind::Section,
            ViewKind::Detail,
            ViewKind::Isometric,
        ],
        sheet: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        scale: None,
        info: ProjectInfo::default(),
        revision: 0,
        history: Vec::new(),
        revision_note: String::new(),
        sequence: 1,
        template: TitleBlockTemplate::parse(spw_drawing::title_block::BUILTIN).ok()?,
    };
    spw_drawing::drawing_set(cfg, g, &cat, &opts).ok()
}

fn bench(c: &mut Criterion) {
    let d = common::drawing();
    let m = common::meta(&d);
    c.bench_function("write two-sheet test drawing", |b| {
        b.iter(|| spw_pdf::write(black_box(&d), black_box(&m)))
    });
    if let Some(set) = door_set() {
        let m = spw_pdf::DocumentMeta::for_drawing(&set, "Single door", "SFG Aluminium", "bench");
        c.bench_function("write five-sheet door set", |b| {
            b.iter(|| spw_pdf::write(black_box(&set), black_box(&m)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
