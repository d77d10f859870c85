//! The workstation database at 100,000 quotes: opening it, the first page of the quote list,
//! and searches (a customer word, a typo, a quote number, a project reference).
//!
//! The database is built once per run in a temporary folder (100,000 priced quotes, 2,000
//! customers, in transactions of 5,000), then each operation is measured on it.

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, QuoteQuery, Store};
use std::hint::black_box;
use time::macros::date;

const QUOTES: usize = 100_000;

const FIRST: [&str; 20] = [
    "Harbour",
    "Kingsgate",
    "Marlow",
    "Ashford",
    "Beacon",
    "Carrick",
    "Dunmore",
    "Elmfield",
    "Fairway",
    "Glenwood",
    "Hollins",
    "Irwell",
    "Juniper",
    "Kestrel",
    "Lindale",
    "Moorcroft",
    "Northgate",
    "Oakridge",
    "Pennine",
    "Quayside",
];
const SECOND: [&str; 10] = [
    "View",
    "Construction",
    "Developments",
    "Builders",
    "Estates",
    "Homes",
    "Contracting",
    "Partnership",
    "Properties",
    "Group",
];
const SITES: [&str; 10] = [
    "Apartments",
    "School",
    "Hospital Wing",
    "Library",
    "Offices",
    "Retail Park",
    "Care Home",
    "Student Halls",
    "Leisure Centre",
    "Depot",
];

fn build(path: &std::path::Path) -> String {
    let cat = Catalogue::builtin().expect("catalogue");
    let base: Value =
        serde_json::from_str(include_str!("../../../examples/quote.json")).expect("example");
    let mut store = Store::open(
        path,
        Actor {
            name: "bench".into(),
            email: None,
        },
    )
    .expect("open");
    let mut one_number = String::new();
    for chunk in 0..QUOTES / 5_000 {
        let requests: Vec<String> = (0..5_000)
            .map(|i| {
                let n = chunk * 5_000 + i;
                let customer = n % 2_000;
                let mut v = base.clone();
                v["customer_name"] = json!(format!(
                    "{} {} {} Ltd",
                    FIRST[customer % 20],
                    SECOND[(customer / 20) % 10],
                    customer / 200
                ));
                v["project_name"] = json!(format!(
                    "{} {} Block {}",
                    FIRST[(n / 7) % 20],
                    SITES[n % 10],
                    n % 50
                ));
                v["project_reference"] = json!(format!("PRJ-{:06}", n));
                v["lines"][0]["quantity"] = json!(1 + n % 9);
                v.to_string()
            })
            .collect();
        let saved = store
            .create_quotes(&requests, date!(2026 - 12 - 01), &cat)
            .expect("save");
        if chunk == 7 {
            one_number = saved[1234].quote_number.clone();
        }
    }
    one_number
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bench.db");
    let started = std::time::Instant::now();
    let number = build(&path);
    eprintln!(
        "built {QUOTES} quotes in {:.1} s; database {} MB",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path)
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0)
    );
    let actor = || Actor {
        name: "bench".into(),
        email: None,
    };
    let mut g = c.benchmark_group("100k quotes");
    g.sample_size(30);
    g.bench_function("open", |b| {
        b.iter(|| black_box(Store::open(&path, actor()).expect("open")))
    });
    let s = Store::open(&path, actor()).expect("open");
    let page = |text: &str| QuoteQuery {
        text: text.into(),
        page: 1,
        page_size: 50,
    };
    g.bench_function("list, first page of 50", |b| {
        b.iter(|| black_box(s.list_quotes(&page("")).expect("list")))
    });
    g.bench_function("list, page 1000 of 50", |b| {
        b.iter(|| {
            black_box(
                s.list_quotes(&QuoteQuery {
                    text: String::new(),
                    page: 1000,
                    page_size: 50,
                })
                .expect("list"),
            )
        })
    });
    for (name, text) in [
        ("search a customer (`kestrel homes`)", "kestrel homes"),
        ("search with a typo (`kestral homes`)", "kestral homes"),
        ("search a quote number", number.as_str()),
        ("search a project reference (`PRJ-012345`)", "PRJ-012345"),
    ] {
        let r = s.list_quotes(&page(text)).expect("search");
        eprintln!(
            "{name}: {} quotes, corrections {:?}",
            r.total, r.corrections
        );
        assert!(r.total > 0, "{name} finds something");
        g.bench_function(name, |b| {
            b.iter(|| black_box(s.list_quotes(&page(text)).expect("search")))
        });
    }
    g.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
