//! Time to typeset the quote technical package of a ten-line quote (drawings drawn beforehand,
//! as a front end would hold them), and the datasheet of one door.

use criterion::{Criterion, criterion_group, criterion_main};
use spw_model::Catalogue;
use std::hint::black_box;
use time::macros::date;

fn ten_line_quote() -> String {
    let text = include_str!("../../../examples/quote.json");
    let mut v: serde_json::Value = serde_json::from_str(text).expect("example quote");
    let lines = v["lines"].as_array().cloned().unwrap_or_default();
    let mut ten = Vec::new();
    for (line, i) in lines.iter().cycle().take(10).zip(0u64..) {
        let mut line = line.clone();
        // Vary the height (downwards, so leaves stay within their hinges) so the doors differ.
        let h = line["door_configuration"]["frame_height"]
            .as_u64()
            .unwrap_or(2100);
        line["door_configuration"]["frame_height"] = (h - 10 * i).into();
        ten.push(line);
    }
    v["lines"] = ten.into();
    v["quote_number"] = "Q-BENCH-0010".into();
    v.to_string()
}

fn bench(c: &mut Criterion) {
    let cat = Catalogue::builtin().expect("catalogue");
    let q = spw_app::quote(&ten_line_quote(), date!(2026 - 12 - 01), &cat).expect("quote");
    let meta = spw_documents::DocMeta {
        document_number: "Q-BENCH-0010".into(),
        revision: "A".into(),
        date: date!(2026 - 12 - 01),
        prepared_by: "Bench".into(),
        project: None,
        customer: None,
    };
    let drawings = spw_documents::quote_drawings(&q, &cat, &meta).expect("drawings");
    let mut group = c.benchmark_group("documents");
    group.sample_size(10);
    group.bench_function("quote_package_10_lines", |b| {
        b.iter(|| {
            spw_documents::quote_package(black_box(&q), &drawings, &cat, &meta).expect("package")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
