//! The Quotes and Revisions commands' operations against a real workstation database: a quote
//! saved from the screen's request is listed and found by a search with a typo, revised from
//! the version it was loaded at (a stale version is `ERR_STORE_002`), moved only along the
//! status transitions the core allows, compared revision against revision with the changed
//! field, price delta and overlay sheets, and its technical package kept in the store.

use spw_desktop::quotes;
use spw_desktop::wire::{
    CompareRequest, QuoteInput, QuoteLineInput, QuoteSearch, SaveQuoteRequest,
};
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, Store};
use std::path::PathBuf;

fn cat() -> Catalogue {
    Catalogue::builtin().expect("built-in catalogue")
}

struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        let dir =
            std::env::temp_dir().join(format!("spw-desktop-quotes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDb(dir)
    }

    fn open(&self) -> Store {
        Store::open(
            &self.0.join("spw600e.db"),
            Actor {
                name: "tester".into(),
                email: None,
            },
        )
        .expect("open store")
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn seed_door() -> String {
    spw_desktop::SEED_DOOR.to_owned()
}

fn wider_door() -> String {
    let mut v: serde_json::Value = serde_json::from_str(spw_desktop::SEED_DOOR).expect("seed JSON");
    v["frame_width"] = serde_json::json!(1950);
    v.to_string()
}

fn input(door: String) -> QuoteInput {
    QuoteInput {
        customer_name: "Harbour View Developments Ltd".into(),
        project_name: "Harbour View Apartments, Block B".into(),
        project_reference: "PRJ-2025-034".into(),
        discount_percentage: 5.0,
        tax_percentage: 20.0,
        lines: vec![QuoteLineInput { door, quantity: 2 }],
    }
}

fn today() -> time::Date {
    time::macros::date!(2026 - 12 - 01)
}

#[test]
fn save_list_search_revise_status_compare_and_package() {
    let db = TempDb::new("flow");
    let mut store = db.open();
    let cat = cat();

    let live = quotes::price(&input(seed_door()), today(), &cat).expect("priced");
    assert!(live.total > 0 && live.lines.len() == 1 && live.lines[0].quantity == 2);

    let saved = quotes::save(
        &mut store,
        &SaveQuoteRequest {
            number: None,
            version: None,
            note: None,
            input: input(seed_door()),
        },
        today(),
        &cat,
    )
    .expect("saved");
    assert_eq!(saved.revision, 1);
    assert_eq!(
        saved.priced.total, live.total,
        "the saved total is the live total"
    );
    assert_eq!(saved.input.customer_name, "Harbour View Developments Ltd");
    assert_eq!(saved.input.lines.len(), 1);
    assert_eq!(saved.next_statuses, ["pending", "sent", "expired"]);

    // Found again after reopening, by a search with a typo.
    drop(store);
    let mut store = db.open();
    let found = quotes::list(
        &store,
        &QuoteSearch {
            text: "Harbur".into(),
            page: 1,
            page_size: 10,
        },
    )
    .expect("search");
    assert_eq!(found.items.len(), 1, "{found:?}");
    assert_eq!(found.items[0].quote_number, saved.quote_number);
    assert!(
        found.corrections.iter().any(|c| c.contains("harbour")),
        "{:?}",
        found.corrections
    );

    // A revision from the version it was loaded at; the same version again is stale.
    let revise = |store: &mut Store, version| {
        quotes::save(
            store,
            &SaveQuoteRequest {
                number: Some(saved.quote_number.clone()),
                version: Some(version),
                note: Some("frame width 1950".into()),
                input: input(wider_door()),
            },
            today(),
            &cat,
        )
    };
    let rev2 = revise(&mut store, saved.version).expect("revision 2");
    assert_eq!(rev2.revision, 2);
    assert!(rev2.priced.total > saved.priced.total);
    let stale = revise(&mut store, saved.version).expect_err("stale version refused");
    assert_eq!(stale.code, "ERR_STORE_002");

    // Only the transitions the core allows.
    let sent = quotes::change_status(
        &mut store,
        &saved.quote_number,
        "sent",
        Some(rev2.version),
        None,
    )
    .expect("sent");
    assert_eq!(sent.status, "sent");
    assert_eq!(sent.next_statuses, ["approved", "rejected", "expired"]);
    let refused = quotes::change_status(
        &mut store,
        &saved.quote_number,
        "draft",
        Some(sent.version),
        None,
    )
    .expect_err("sent → draft refused");
    assert!(refused.code.starts_with("ERR_"), "{refused:?}");

    // Compare revision 1 with revision 2.
    let options = {
        let mut o = spw_app::drawings::default_options(vec![
            spw_drawing::ViewKind::Elevation,
            spw_drawing::ViewKind::Plan,
        ]);
        o.template = spw_app::drawings::builtin_template();
        o
    };
    let cmp = quotes::compare(
        &store,
        &CompareRequest {
            number: saved.quote_number.clone(),
            old: "1".into(),
            new: "2".into(),
            line: 1,
        },
        &options,
        &cat,
    )
    .expect("compared");
    let fw = cmp
        .fields
        .iter()
        .find(|f| f.field == "frame_width")
        .expect("frame_width changed");
    assert_eq!((fw.old.as_str(), fw.new.as_str()), ("1870", "1950"));
    assert!(cmp.price.delta > 0 && cmp.price.delta == cmp.price.new - cmp.price.old);
    assert!(cmp.weight_kg.delta > 0.0);
    assert!(!cmp.sheets.is_empty());
    for s in &cmp.sheets {
        assert!(
            s.new_svg.starts_with("<svg")
                && s.old_svg.as_deref().is_some_and(|o| o.starts_with("<svg"))
        );
        assert!(
            s.overlay_svg.contains("overlay-removed") && s.overlay_svg.contains("overlay-added")
        );
    }
    let bad = quotes::compare(
        &store,
        &CompareRequest {
            number: saved.quote_number.clone(),
            old: "1".into(),
            new: "9".into(),
            line: 1,
        },
        &options,
        &cat,
    )
    .expect_err("no revision 9");
    assert_eq!(bad.code, "ERR_STORE_001");

    // Drawings issued from the latest revision, then compared by letter with a quote revision.
    let issued = quotes::issue(
        &mut store,
        &saved.quote_number,
        options.clone(),
        today(),
        &cat,
    )
    .expect("issued");
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].revision, "A");
    assert_eq!(
        quotes::drawing_history(&store, &saved.quote_number)
            .expect("history")
            .len(),
        1
    );
    let by_letter = quotes::compare(
        &store,
        &CompareRequest {
            number: saved.quote_number.clone(),
            old: "1".into(),
            new: "A".into(),
            line: 1,
        },
        &options,
        &cat,
    )
    .expect("compared with drawing revision A");
    assert!(by_letter.fields.iter().any(|f| f.field == "frame_width"));

    // The package, kept with its revision.
    let (pdf, doc) = quotes::package(
        &mut store,
        &saved.quote_number,
        None,
        &cat,
        ("tester", today()),
    )
    .expect("package");
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(doc.quote_revision, 2);
    let view = quotes::view(&store, &saved.quote_number, None).expect("view");
    assert_eq!(view.documents.len(), 1);
    assert_eq!(view.documents[0].kind, "package");
    assert_eq!(view.revisions.len(), 2);
    assert_eq!(view.revisions[1].note.as_deref(), Some("frame width 1950"));
}

#[test]
fn an_invalid_door_is_refused_with_its_code_and_nothing_is_saved() {
    let db = TempDb::new("invalid");
    let mut store = db.open();
    let cat = cat();
    let mut v: serde_json::Value = serde_json::from_str(spw_desktop::SEED_DOOR).expect("seed JSON");
    v["frame_width"] = serde_json::json!(2600);
    let e = quotes::price(&input(v.to_string()), today(), &cat).expect_err("refused");
    assert_eq!(e.code, "ERR_VAL_002");
    assert!(
        e.issues.iter().any(|i| i.field.contains("frame_width")),
        "{:?}",
        e.issues
    );
    let e = quotes::save(
        &mut store,
        &SaveQuoteRequest {
            number: None,
            version: None,
            note: None,
            input: input(v.to_string()),
        },
        today(),
        &cat,
    )
    .expect_err("refused");
    assert_eq!(e.code, "ERR_VAL_002");
    let all = quotes::list(
        &store,
        &QuoteSearch {
            text: String::new(),
            page: 1,
            page_size: 10,
        },
    )
    .expect("list");
    assert_eq!(all.total, 0);
}
