//! The quote row's figures: every figure the `quotes` row holds (amounts in pence, percentages in
//! basis points, weight, lead time, dates) is the one priced, for new quotes and revisions; and a
//! database saved before percentages were stored (all three 0) is repaired when it is opened.

use proptest::prelude::*;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use serde_json::{Value, json};
use spw_app::QuoteReport;
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, Store};
use std::path::Path;
use time::Date;
use time::macros::date;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The example quote with the discount and VAT (basis points) and the second line's door count
/// and width set.
fn request(discount_bp: u32, tax_bp: u32, quantity: u32, width: u32) -> String {
    let mut v: Value =
        serde_json::from_str(include_str!("../../../examples/quote.json")).expect("example");
    v["discount_percentage"] = json!(f64::from(discount_bp) / 100.0);
    v["tax_percentage"] = json!(f64::from(tax_bp) / 100.0);
    v["lines"][1]["quantity"] = json!(quantity);
    v["lines"][1]["door_configuration"]["frame_width"] = json!(width);
    v.to_string()
}

/// The figures of the `quotes` row, as stored.
#[derive(Debug, PartialEq)]
struct Row {
    quantity: i64,
    material_cost: i64,
    labor_cost: i64,
    overhead_cost: i64,
    profit_margin_percentage: i64,
    subtotal: i64,
    discount_percentage: i64,
    discount_amount: i64,
    tax_percentage: i64,
    tax_amount: i64,
    total: i64,
    currency: String,
    estimated_weight_kg: f64,
    estimated_lead_time_days: i64,
    quote_date: String,
    valid_until: String,
}

fn row(db: &Path, number: &str) -> Row {
    let c = Connection::open(db).expect("read the database");
    c.query_row(
        "SELECT quantity, material_cost, labor_cost, overhead_cost, profit_margin_percentage,
            subtotal, discount_percentage, discount_amount, tax_percentage, tax_amount, total,
            currency, estimated_weight_kg, estimated_lead_time_days, quote_date, valid_until
         FROM quotes WHERE quote_number = ?1",
        [number],
        |r| {
            Ok(Row {
                quantity: r.get(0)?,
                material_cost: r.get(1)?,
                labor_cost: r.get(2)?,
                overhead_cost: r.get(3)?,
                profit_margin_percentage: r.get(4)?,
                subtotal: r.get(5)?,
                discount_percentage: r.get(6)?,
                discount_amount: r.get(7)?,
                tax_percentage: r.get(8)?,
                tax_amount: r.get(9)?,
                total: r.get(10)?,
                currency: r.get(11)?,
                estimated_weight_kg: r.get(12)?,
                estimated_lead_time_days: r.get(13)?,
                quote_date: r.get(14)?,
                valid_until: r.get(15)?,
            })
        },
    )
    .expect("the quote row")
}

/// What the row must say of a priced quote: pence, basis points, kg, days, ISO dates.
fn expected(p: &QuoteReport) -> Row {
    Row {
        quantity: p.lines.iter().map(|l| i64::from(l.quantity)).sum(),
        material_cost: p.material_cost.0,
        labor_cost: p.labor_cost.0,
        overhead_cost: p.overhead_cost.0,
        profit_margin_percentage: p.profit_margin_percentage.0,
        subtotal: p.subtotal.0,
        discount_percentage: p.discount_percentage.0,
        discount_amount: p.discount_amount.0,
        tax_percentage: p.tax_percentage.0,
        tax_amount: p.tax_amount.0,
        total: p.total.0,
        currency: p.currency.clone(),
        estimated_weight_kg: p.estimated_weight_kg,
        estimated_lead_time_days: i64::from(p.estimated_lead_time_days),
        quote_date: p.quote_date.clone(),
        valid_until: p.valid_until.clone(),
    }
}

/// The quote as priced when it was saved: its stored request priced again, typed.
fn priced(s: &Store, number: &str, today: Date, cat: &Catalogue) -> QuoteReport {
    let d = s.quote(number, None).expect("show");
    spw_app::quote(&d.request.to_string(), today, cat).expect("prices")
}

fn actor() -> Actor {
    Actor {
        name: "f".into(),
        email: None,
    }
}

#[derive(Debug, Clone)]
struct Save {
    discount_bp: u32,
    tax_bp: u32,
    quantity: u32,
    width: u32,
}

fn save() -> impl Strategy<Value = Save> {
    (0u32..=10_000, 0u32..=10_000, 1u32..40, 985u32..1011).prop_map(
        |(discount_bp, tax_bp, quantity, width)| Save {
            discount_bp,
            tax_bp,
            quantity,
            width,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_of_the_quote_row_is_the_one_priced(
        first in save(),
        revisions in prop::collection::vec(save(), 0..3),
    ) {
        let cat = Catalogue::builtin().expect("catalogue");
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("f.db");
        let mut s = Store::open(&db, actor()).expect("open");
        let today = date!(2026 - 12 - 01);
        let q = s
            .create_quote(&request(first.discount_bp, first.tax_bp, first.quantity, first.width), today, &cat)
            .expect("new");
        let p = priced(&s, &q.quote_number, today, &cat);
        prop_assert_eq!(p.discount_percentage.0, i64::from(first.discount_bp));
        prop_assert_eq!(p.tax_percentage.0, i64::from(first.tax_bp));
        prop_assert_eq!(row(&db, &q.quote_number), expected(&p));
        prop_assert_eq!(q.total, p.total.0);
        let mut day = today;
        for r in revisions {
            day = day.next_day().expect("a day");
            let saved = s
                .revise_quote(&q.quote_number, &request(r.discount_bp, r.tax_bp, r.quantity, r.width), None, None, day, &cat)
                .expect("revise");
            let p = priced(&s, &q.quote_number, day, &cat);
            prop_assert_eq!(p.discount_percentage.0, i64::from(r.discount_bp));
            prop_assert_eq!(p.tax_percentage.0, i64::from(r.tax_bp));
            prop_assert_eq!(row(&db, &q.quote_number), expected(&p));
            prop_assert_eq!(saved.total, p.total.0);
        }
    }
}

/// A connection that may change the audited tables as a tool would (the audit triggers call
/// these functions).
fn tool(db: &Path) -> rusqlite::Result<Connection> {
    let c = Connection::open(db)?;
    c.create_scalar_function("spw_actor", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok("test".to_owned())
    })?;
    c.create_scalar_function("spw_actor_email", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok(None::<String>)
    })?;
    Ok(c)
}

#[test]
fn a_database_saved_with_zero_percentages_is_repaired_when_opened() -> TestResult {
    let cat = Catalogue::builtin()?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("old.db");
    let today = date!(2026 - 12 - 01);
    let (a, b, c) = {
        let mut s = Store::open(&db, actor())?;
        // 5 % discount, 20 % VAT (the example).
        let a = s.create_quote(include_str!("../../../examples/quote.json"), today, &cat)?;
        let b = s.create_quote(&request(1250, 1750, 3, 1000), today, &cat)?;
        s.revise_quote(
            &b.quote_number,
            &request(775, 2000, 4, 990),
            None,
            None,
            today,
            &cat,
        )?;
        let c = s.create_quote(&request(1000, 2000, 1, 1010), today, &cat)?;
        (a.quote_number, b.quote_number, c.quote_number)
    };
    let store = Store::open(&db, actor())?;
    let want_a = expected(&priced(&store, &a, today, &cat));
    let want_b = expected(&priced(&store, &b, today, &cat));
    let want_c = expected(&priced(&store, &c, today, &cat));
    drop(store);
    assert_eq!(
        (want_a.discount_percentage, want_a.tax_percentage),
        (500, 2000)
    );
    assert_eq!(
        (want_b.discount_percentage, want_b.tax_percentage),
        (775, 2000)
    );
    assert_ne!(want_a.profit_margin_percentage, 0);
    let latest = spw_store::migrations::latest();
    {
        // As the program before the fix left it: the three percentages 0, schema 9, and quote
        // C's latest priced result unreadable (so it cannot be repaired).
        let t = tool(&db)?;
        t.execute_batch(
            "UPDATE quotes SET profit_margin_percentage = 0, discount_percentage = 0,
                tax_percentage = 0;
             DELETE FROM schema_migrations WHERE id >= 10;
             DELETE FROM meta WHERE key IN ('quotes.percentage_unit', 'migration_10_note');
             UPDATE meta SET value = '1' WHERE key = 'compatible_from';
             PRAGMA user_version = 9;",
        )?;
        t.execute(
            "UPDATE quote_revisions SET report = '{\"lines\": 1}'
             WHERE quote_id = (SELECT id FROM quotes WHERE quote_number = ?1)",
            [&c],
        )?;
        assert_eq!(row(&db, &a).tax_percentage, 0);
    }
    let s = Store::open(&db, actor())?;
    assert_eq!(row(&db, &a), want_a);
    assert_eq!(row(&db, &b), want_b);
    // C's percentages stay 0; its other figures are untouched.
    assert_eq!(
        row(&db, &c),
        Row {
            profit_margin_percentage: 0,
            discount_percentage: 0,
            tax_percentage: 0,
            ..want_c
        }
    );
    let t = Connection::open(&db)?;
    let meta = |key: &str| -> rusqlite::Result<String> {
        t.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
    };
    let note = meta("migration_10_note")?;
    assert!(note.contains("repaired for 2 quote(s)"), "{note}");
    assert!(
        note.contains(&format!("{c}: its latest priced result is not readable")),
        "{note}"
    );
    assert!(!note.contains(&a) && !note.contains(&b), "{note}");
    assert!(meta("quotes.percentage_unit")?.contains("basis points"));
    // Schema 10 is the newest; older programs would write 0 again, so they may no longer write.
    let version: i64 = t.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, latest);
    assert_eq!(meta("compatible_from")?, "10");
    assert!(s.check()?.ok());
    // Opened again, nothing is repaired twice.
    drop(s);
    drop(Store::open(&db, actor())?);
    assert_eq!(row(&db, &a), want_a);
    assert_eq!(meta("migration_10_note")?, note);
    Ok(())
}

/// A project file exported before schema 10 carries 0 % in the quote rows; the import takes the
/// percentages from the priced result it has checked, not from those rows.
#[test]
fn an_older_project_file_with_zero_percentages_imports_the_priced_ones() -> TestResult {
    let cat = Catalogue::builtin()?;
    let dir = tempfile::tempdir()?;
    let (from, to) = (dir.path().join("from.db"), dir.path().join("to.db"));
    let mut a = Store::open(&from, actor())?;
    let q = a.create_quote(&request(750, 2000, 2, 1000), date!(2026 - 12 - 01), &cat)?;
    let project = a
        .quote(&q.quote_number, None)?
        .project_number
        .ok_or("project")?;
    let mut file: Value = serde_json::from_slice(&a.export_project(&project)?)?;
    for row in file["tables"]["quotes"]
        .as_array_mut()
        .ok_or("quote rows")?
    {
        for key in [
            "profit_margin_percentage",
            "discount_percentage",
            "tax_percentage",
        ] {
            row[key] = json!(0);
        }
    }
    let mut b = Store::open(&to, actor())?;
    b.import_project(&serde_json::to_vec(&file)?)?;
    drop(b);
    let imported = row(&to, &q.quote_number);
    assert_eq!(imported.discount_percentage, 750);
    assert_eq!(imported.tax_percentage, 2000);
    assert_eq!(imported, row(&from, &q.quote_number));
    Ok(())
}
