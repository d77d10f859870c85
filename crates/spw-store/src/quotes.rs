//! Quotes (design plan 7.2.6) with every saved revision kept: the quote row carries the latest
//! revision's figures and the status; `quote_revisions` keeps each revision's request and its
//! priced report exactly as saved; `quote_lines` and `specifications` break a revision down per
//! door; `quote_status_history` says who moved the status when.
//!
//! Quote numbers are `Q-<year>-<workstation>-<nnn>`, e.g. `Q-2026-7KQ2-001`: the design plan's
//! `Q-2025-001` with the four-character code of the workstation database that made it, so two
//! workstations working offline on the same day never hand out the same number.

use crate::error::{Result, StoreError};
use crate::events::{self, Aggregate};
use crate::meta::next_number;
use crate::migrations::{Migration, Repair};
use crate::parties;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, ToSql, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use spw_app::QuoteReport;
use spw_model::catalogue::Catalogue;
use spw_model::{Pence, Percentage};
use spw_protocol::EventType;
use spw_quote::QuoteStatus;
use time::Date;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 4,
    name: "quotes, quote_revisions, quote_lines, quote_status_history, specifications",
    sql: "
        CREATE TABLE quotes (
            rid                      INTEGER PRIMARY KEY,
            id                       TEXT NOT NULL UNIQUE,
            quote_number             TEXT NOT NULL UNIQUE,
            revision                 INTEGER NOT NULL DEFAULT 1,
            customer_id              TEXT NOT NULL REFERENCES customers(id),
            project_id               TEXT REFERENCES projects(id),
            project_reference        TEXT,
            quantity                 INTEGER NOT NULL,
            material_cost            INTEGER NOT NULL,
            labor_cost               INTEGER NOT NULL,
            overhead_cost            INTEGER NOT NULL,
            profit_margin_percentage INTEGER NOT NULL,
            subtotal                 INTEGER NOT NULL,
            discount_percentage      INTEGER NOT NULL DEFAULT 0,
            discount_amount          INTEGER NOT NULL DEFAULT 0,
            tax_percentage           INTEGER NOT NULL,
            tax_amount               INTEGER NOT NULL,
            total                    INTEGER NOT NULL,
            currency                 TEXT NOT NULL DEFAULT 'GBP',
            technical_package_generated INTEGER NOT NULL DEFAULT 0,
            estimated_weight_kg      REAL NOT NULL,
            estimated_lead_time_days INTEGER NOT NULL,
            quote_date               TEXT NOT NULL,
            valid_until              TEXT NOT NULL,
            status                   TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'pending', 'sent', 'approved', 'rejected', 'expired')),
            requested_by             TEXT NOT NULL,
            requested_by_email       TEXT,
            approved_by              TEXT,
            approved_at              TEXT,
            rejected_reason          TEXT,
            notes                    TEXT,
            metadata                 TEXT NOT NULL DEFAULT '{}',
            version                  INTEGER NOT NULL DEFAULT 1,
            created_at               TEXT NOT NULL,
            updated_at               TEXT NOT NULL
        );
        CREATE INDEX idx_quotes_customer_id ON quotes(customer_id);
        CREATE INDEX idx_quotes_project_id ON quotes(project_id);
        CREATE INDEX idx_quotes_status ON quotes(status);
        CREATE INDEX idx_quotes_updated_at ON quotes(updated_at DESC, rid DESC);

        CREATE TABLE quote_revisions (
            id          TEXT PRIMARY KEY,
            quote_id    TEXT NOT NULL REFERENCES quotes(id),
            revision    INTEGER NOT NULL,
            request     TEXT NOT NULL,
            report      TEXT NOT NULL,
            total       INTEGER NOT NULL,
            is_latest   INTEGER NOT NULL,
            note        TEXT,
            created_by  TEXT NOT NULL,
            version     INTEGER NOT NULL DEFAULT 1,
            created_at  TEXT NOT NULL,
            UNIQUE (quote_id, revision)
        );

        CREATE TABLE quote_lines (
            id                 TEXT PRIMARY KEY,
            revision_id        TEXT NOT NULL REFERENCES quote_revisions(id),
            line_number        INTEGER NOT NULL,
            description        TEXT NOT NULL,
            quantity           INTEGER NOT NULL,
            door_configuration TEXT NOT NULL,
            unit_price         INTEGER NOT NULL,
            subtotal           INTEGER NOT NULL,
            discount_amount    INTEGER NOT NULL,
            tax_amount         INTEGER NOT NULL,
            total              INTEGER NOT NULL,
            estimated_weight_kg REAL NOT NULL,
            overall_u_value    REAL NOT NULL,
            version            INTEGER NOT NULL DEFAULT 1,
            UNIQUE (revision_id, line_number)
        );

        CREATE TABLE quote_status_history (
            id          TEXT PRIMARY KEY,
            quote_id    TEXT NOT NULL REFERENCES quotes(id),
            revision    INTEGER NOT NULL,
            from_status TEXT,
            to_status   TEXT NOT NULL,
            reason      TEXT,
            changed_by  TEXT NOT NULL,
            changed_at  TEXT NOT NULL,
            version     INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX idx_quote_status_history_quote ON quote_status_history(quote_id, changed_at);

        CREATE TABLE specifications (
            id                  TEXT PRIMARY KEY,
            spec_number         TEXT NOT NULL UNIQUE,
            quote_id            TEXT NOT NULL REFERENCES quotes(id),
            revision_id         TEXT NOT NULL REFERENCES quote_revisions(id),
            line_number         INTEGER NOT NULL,
            project_id          TEXT REFERENCES projects(id),
            door_configuration  TEXT NOT NULL,
            thermal_performance TEXT NOT NULL,
            bom                 TEXT NOT NULL,
            is_latest_version   INTEGER NOT NULL,
            status              TEXT NOT NULL DEFAULT 'completed',
            version             INTEGER NOT NULL DEFAULT 1,
            created_at          TEXT NOT NULL
        );
        CREATE INDEX idx_specifications_quote ON specifications(quote_id, line_number);
    ",
    audited: &["quotes", "quote_revisions", "quote_status_history"],
    additive: true,
}, Migration {
    id: 10,
    name: "quotes: profit_margin_percentage, discount_percentage and tax_percentage hold basis \
           points (hundredths of a percent: 7.5 % is 750); saved quotes' percentages, stored as \
           0 until now, repaired from each quote's latest priced revision",
    // The unit, in the database itself (SQLite keeps no column comments). The repair is
    // `repair_percentages`, run by the migration runner in this migration's transaction.
    //
    // Not additive: a program older than this writes 0 into the three columns, which now mean
    // basis points, so older programs must not write to a database migrated to this.
    //
    // What it cannot repair (left 0, and named in `meta.migration_10_note`): a quote whose
    // latest revision is missing, whose priced result is unreadable or lacks a percentage, has
    // a percentage with more than two decimals, or whose discount or VAT amount is not that
    // percentage of its subtotal (the priced result and the row's amounts disagree).
    sql: "
        INSERT INTO meta(key, value) VALUES ('quotes.percentage_unit',
            'quotes.profit_margin_percentage, discount_percentage, tax_percentage: basis points (hundredths of a percent; 7.5 % is 750, 20 % is 2000)')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    ",
    audited: &[],
    additive: false,
}];

/// The data repairs of this module's migrations: (migration id, repair), each run in the
/// transaction of its migration, after its SQL.
pub(crate) const REPAIRS: &[(i64, Repair)] = &[(10, repair_percentages)];

/// A priced quote's figures as the `quotes` row holds them, every one typed: one struct for the
/// INSERT of a new quote and the UPDATE of a revised one, so the two can never differ.
///
/// Units in the row: amounts in pence; percentages in basis points (hundredths of a percent,
/// `Percentage`'s own integer: 7.5 % is 750); weight in kg (REAL, the priced `f64` as is);
/// lead time in days; dates as ISO 8601 `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuoteFigures {
    /// Doors, Σ line quantities.
    pub quantity: i64,
    /// Σ material.
    pub material_cost: Pence,
    /// Σ labour.
    pub labor_cost: Pence,
    /// Σ overhead.
    pub overhead_cost: Pence,
    /// Margin used.
    pub profit_margin_percentage: Percentage,
    /// Before discount.
    pub subtotal: Pence,
    /// Discount asked.
    pub discount_percentage: Percentage,
    /// Discount.
    pub discount_amount: Pence,
    /// VAT rate.
    pub tax_percentage: Percentage,
    /// VAT.
    pub tax_amount: Pence,
    /// To pay.
    pub total: Pence,
    /// ISO 4217.
    pub currency: String,
    /// Σ weight, kg.
    pub estimated_weight_kg: f64,
    /// Days to despatch.
    pub estimated_lead_time_days: u32,
    /// Quote date.
    pub quote_date: Date,
    /// Last valid day.
    pub valid_until: Date,
}

const ISO_DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

fn iso_date(field: &'static str, text: &str) -> Result<Date> {
    Date::parse(text, ISO_DATE).map_err(|e| StoreError::Argument {
        field,
        message: format!("`{text}` is not a date: {e}"),
    })
}

impl QuoteFigures {
    /// The figures of a priced quote, from its typed values.
    pub(crate) fn of(report: &QuoteReport) -> Result<QuoteFigures> {
        Ok(QuoteFigures {
            quantity: report.lines.iter().map(|l| i64::from(l.quantity)).sum(),
            material_cost: report.material_cost,
            labor_cost: report.labor_cost,
            overhead_cost: report.overhead_cost,
            profit_margin_percentage: report.profit_margin_percentage,
            subtotal: report.subtotal,
            discount_percentage: report.discount_percentage,
            discount_amount: report.discount_amount,
            tax_percentage: report.tax_percentage,
            tax_amount: report.tax_amount,
            total: report.total,
            currency: report.currency.clone(),
            estimated_weight_kg: report.estimated_weight_kg,
            estimated_lead_time_days: report.estimated_lead_time_days,
            quote_date: iso_date("quote_date", &report.quote_date)?,
            valid_until: iso_date("valid_until", &report.valid_until)?,
        })
    }

    /// Each figure column of the `quotes` row with its value, in the row's units.
    fn columns(&self) -> [(&'static str, Sql); 16] {
        let pence = |p: Pence| Sql::Integer(p.0);
        let pct = |p: Percentage| Sql::Integer(p.0);
        [
            ("quantity", Sql::Integer(self.quantity)),
            ("material_cost", pence(self.material_cost)),
            ("labor_cost", pence(self.labor_cost)),
            ("overhead_cost", pence(self.overhead_cost)),
            (
                "profit_margin_percentage",
                pct(self.profit_margin_percentage),
            ),
            ("subtotal", pence(self.subtotal)),
            ("discount_percentage", pct(self.discount_percentage)),
            ("discount_amount", pence(self.discount_amount)),
            ("tax_percentage", pct(self.tax_percentage)),
            ("tax_amount", pence(self.tax_amount)),
            ("total", pence(self.total)),
            ("currency", Sql::Text(self.currency.clone())),
            ("estimated_weight_kg", Sql::Real(self.estimated_weight_kg)),
            (
                "estimated_lead_time_days",
                Sql::Integer(i64::from(self.estimated_lead_time_days)),
            ),
            ("quote_date", Sql::Text(self.quote_date.to_string())),
            ("valid_until", Sql::Text(self.valid_until.to_string())),
        ]
    }
}

/// The figure columns of the `quotes` row as SQL: `columns` (`a, b, …`) and `values`
/// (`:a, :b, …`) for an INSERT, `assignments` (`a = :a, …`) for an UPDATE.
struct FigureSql {
    columns: String,
    values: String,
    assignments: String,
}

/// Run the statement `sql` makes of the figure columns, with the figures bound as `:column`
/// beside the `others`.
fn execute_with_figures(
    tx: &Transaction<'_>,
    sql: impl Fn(&FigureSql) -> String,
    figures: &QuoteFigures,
    others: &[(&str, &dyn ToSql)],
) -> Result<usize> {
    let columns = figures.columns();
    let names: Vec<String> = columns.iter().map(|(c, _)| format!(":{c}")).collect();
    let parts = FigureSql {
        columns: columns
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", "),
        values: names.join(", "),
        assignments: columns
            .iter()
            .zip(&names)
            .map(|((c, _), n)| format!("{c} = {n}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut bound: Vec<(&str, &dyn ToSql)> = others.to_vec();
    for ((_, v), n) in columns.iter().zip(&names) {
        bound.push((n.as_str(), v as &dyn ToSql));
    }
    Ok(tx.execute(&sql(&parts), bound.as_slice())?)
}

/// What the percentage repair reads of a stored priced result, typed: the percentages as the
/// priced result writes them (JSON numbers such as 7.5, `Percentage`'s serialised form) and the
/// amounts they must reproduce.
#[derive(Debug, Deserialize)]
struct StoredPercentages {
    profit_margin_percentage: f64,
    subtotal: i64,
    discount_percentage: f64,
    discount_amount: i64,
    tax_percentage: f64,
    tax_amount: i64,
}

/// The row's amounts the repair checks a stored priced result against.
struct RowAmounts {
    subtotal: i64,
    discount_amount: i64,
    tax_amount: i64,
}

/// A quote's three percentages from its latest revision's stored priced result, when that
/// result is readable, exact (two decimals at most) and agrees with the row's amounts: its
/// discount and VAT amounts are its percentages of the subtotal and the discounted subtotal.
fn stored_percentages(
    report: Option<&str>,
    row: &RowAmounts,
) -> std::result::Result<(Percentage, Percentage, Percentage), String> {
    let report = report.ok_or("its latest revision is missing")?;
    let p: StoredPercentages = serde_json::from_str(report)
        .map_err(|e| format!("its latest priced result is not readable: {e}"))?;
    let exact = |name: &str, v: f64| Percentage::from_f64(v).map_err(|e| format!("{name}: {e}"));
    let margin = exact("profit_margin_percentage", p.profit_margin_percentage)?;
    let discount = exact("discount_percentage", p.discount_percentage)?;
    let tax = exact("tax_percentage", p.tax_percentage)?;
    if (p.subtotal, p.discount_amount, p.tax_amount)
        != (row.subtotal, row.discount_amount, row.tax_amount)
    {
        return Err("its amounts differ from its latest priced result's".into());
    }
    let net = Pence(p.subtotal) - Pence(p.discount_amount);
    if discount.of(Pence(p.subtotal)) != Pence(p.discount_amount)
        || tax.of(net) != Pence(p.tax_amount)
    {
        return Err("its discount or VAT amount is not its percentage of the subtotal".into());
    }
    Ok((margin, discount, tax))
}

/// An imported quote's percentages taken from its latest revision's priced result (which the
/// import has checked adds up), not from the row it carried: project files exported before
/// schema 10 carry 0 there. A quote whose percentages cannot be derived exactly keeps the row's.
pub(crate) fn rederive_percentages(tx: &Transaction<'_>, quote_id: &str) -> Result<()> {
    let (amounts, report) = tx.query_row(
        "SELECT q.subtotal, q.discount_amount, q.tax_amount, r.report
         FROM quotes q LEFT JOIN quote_revisions r ON r.quote_id = q.id AND r.revision = q.revision
         WHERE q.id = ?1",
        [quote_id],
        |r| {
            Ok((
                RowAmounts {
                    subtotal: r.get(0)?,
                    discount_amount: r.get(1)?,
                    tax_amount: r.get(2)?,
                },
                r.get::<_, Option<String>>(3)?,
            ))
        },
    )?;
    if let Ok((margin, discount, tax)) = stored_percentages(report.as_deref(), &amounts) {
        tx.execute(
            "UPDATE quotes SET profit_margin_percentage = ?2, discount_percentage = ?3,
                tax_percentage = ?4
             WHERE id = ?1",
            params![quote_id, margin.0, discount.0, tax.0],
        )?;
    }
    Ok(())
}

/// Migration 10's repair: every saved quote's percentages (0 in the row until now: the priced
/// values are JSON numbers such as 7.5, which the old code read as integers and took as 0) in
/// basis points, from its latest revision's stored priced result. What it could not repair
/// stays 0 and is named in `meta.migration_10_note`.
fn repair_percentages(tx: &Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT q.id, q.quote_number, q.subtotal, q.discount_amount, q.tax_amount, r.report
         FROM quotes q LEFT JOIN quote_revisions r ON r.quote_id = q.id AND r.revision = q.revision
         ORDER BY q.rid",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                RowAmounts {
                    subtotal: r.get(2)?,
                    discount_amount: r.get(3)?,
                    tax_amount: r.get(4)?,
                },
                r.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    let mut repaired = 0usize;
    let mut not_repaired = Vec::new();
    for (id, number, amounts, report) in rows {
        match stored_percentages(report.as_deref(), &amounts) {
            Ok((margin, discount, tax)) => {
                tx.execute(
                    "UPDATE quotes SET profit_margin_percentage = ?2, discount_percentage = ?3,
                        tax_percentage = ?4
                     WHERE id = ?1",
                    params![id, margin.0, discount.0, tax.0],
                )?;
                repaired += 1;
            }
            Err(why) => not_repaired.push(format!("{number}: {why}")),
        }
    }
    let note = if not_repaired.is_empty() {
        format!("percentages repaired for {repaired} quote(s); none left unrepaired")
    } else {
        format!(
            "percentages repaired for {repaired} quote(s); {} not repaired (their percentages \
             stay 0): {}",
            not_repaired.len(),
            not_repaired.join("; ")
        )
    };
    tx.execute(
        "INSERT INTO meta(key, value) VALUES ('migration_10_note', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [note],
    )?;
    Ok(())
}

/// Who is saving.
pub(crate) struct Author<'a> {
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub now: &'a str,
    pub ws: &'a str,
}

/// A saved quote revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedQuote {
    /// Quote number.
    pub quote_number: String,
    /// Revision saved (1, 2, …).
    pub revision: u32,
    /// Row version of the quote after the save (for the next optimistic update).
    pub version: i64,
    /// Status after the save.
    pub status: String,
    /// Total, pence.
    pub total: i64,
    /// Currency.
    pub currency: String,
    /// The priced report as stored.
    pub report: Value,
}

/// The request as it is stored: the user's JSON with the quote number and date set.
fn stamped_request(text: &str, number: &str, date: Date) -> Result<Value> {
    let mut v = spw_model::config_reader::parse_json(text).map_err(|i| {
        StoreError::Invalid(spw_app::Refusal {
            unreadable: true,
            report: spw_app::ValidationReport::new(vec![i]),
        })
    })?;
    let Some(obj) = v.as_object_mut() else {
        // Let the core say what is wrong with it.
        return Ok(v);
    };
    obj.insert("quote_number".into(), json!(number));
    obj.insert("date".into(), json!(date.to_string()));
    Ok(v)
}

/// A request priced: the request text as stored, the typed priced quote, and the priced quote
/// as stored (JSON).
struct Priced {
    request_text: String,
    typed: QuoteReport,
    stored: Value,
}

fn price(request: &Value, today: Date, cat: &Catalogue) -> Result<Priced> {
    let text = serde_json::to_string_pretty(request).map_err(|e| StoreError::Argument {
        field: "request",
        message: e.to_string(),
    })?;
    let typed = spw_app::quote(&text, today, cat).map_err(StoreError::Invalid)?;
    let stored = serde_json::to_value(&typed).map_err(|e| StoreError::Argument {
        field: "report",
        message: e.to_string(),
    })?;
    Ok(Priced {
        request_text: text,
        typed,
        stored,
    })
}

/// Check a request before a number is spent on it: the core's coded issues, all at once.
pub(crate) fn check_request(text: &str, today: Date, cat: &Catalogue) -> Result<()> {
    spw_app::quote(text, today, cat)
        .map(|_| ())
        .map_err(StoreError::Invalid)
}

/// Save a new quote: number it, price it, store revision 1 and its outbox event.
pub(crate) fn create(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    request_text: &str,
    today: Date,
    cat: &Catalogue,
) -> Result<SavedQuote> {
    check_request(request_text, today, cat)?;
    let year = today.year();
    let n = next_number(tx, &format!("Q-{year}-{}", who.ws))?;
    let number = format!("Q-{year}-{}-{n:03}", who.ws);
    let request = stamped_request(request_text, &number, today)?;
    let priced = price(&request, today, cat)?;
    let figures = QuoteFigures::of(&priced.typed)?;
    let (customer_id, project_id) = parties_of(tx, who, &priced.typed, year)?;
    let id = uuid::Uuid::new_v4().to_string();
    execute_with_figures(
        tx,
        |f| {
            format!(
                "INSERT INTO quotes(id, quote_number, revision, customer_id, project_id,
                    project_reference, status, requested_by, requested_by_email, created_at,
                    updated_at, {})
                 VALUES (:id, :number, 1, :customer_id, :project_id, :project_reference,
                    'draft', :requested_by, :requested_by_email, :now, :now, {})",
                f.columns, f.values
            )
        },
        &figures,
        &[
            (":id", &id),
            (":number", &number),
            (":customer_id", &customer_id),
            (":project_id", &project_id),
            (":project_reference", &priced.typed.project_reference),
            (":requested_by", &who.name),
            (":requested_by_email", &who.email),
            (":now", &who.now),
        ],
    )?;
    insert_revision(tx, who, &id, 1, &priced, None, cat)?;
    history(tx, who, &id, 1, None, "draft", Some("created"))?;
    crate::search::index_quote(tx, &id)?;
    events::enqueue(
        tx,
        EventType::QuoteRequested,
        Aggregate::Quote(&id),
        &format!("quote:{id}:rev:1"),
        &json!({"quote_number": number, "revision": 1, "quote": priced.stored}),
        who.now,
    )?;
    Ok(SavedQuote {
        quote_number: number,
        revision: 1,
        version: 1,
        status: "draft".into(),
        total: figures.total.0,
        currency: figures.currency,
        report: priced.stored,
    })
}

/// The customer and project a priced quote names, found by name or made.
fn parties_of(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    report: &QuoteReport,
    year: i32,
) -> Result<(String, Option<String>)> {
    let customer_id = parties::customer(tx, who.ws, &report.customer_name, who.now)?;
    let project_id = match &report.project_name {
        Some(p) => Some(parties::project(
            tx,
            who.ws,
            year,
            &customer_id,
            p,
            report.project_reference.as_deref(),
            who.now,
        )?),
        None => None,
    };
    Ok((customer_id, project_id))
}

/// The quote row's key facts.
pub(crate) struct QuoteRow {
    pub id: String,
    pub revision: u32,
    pub status: QuoteStatus,
    pub version: i64,
}

pub(crate) fn find(conn: &Connection, number: &str) -> Result<QuoteRow> {
    conn.query_row(
        "SELECT id, revision, status, version FROM quotes WHERE quote_number = ?1",
        [number],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        },
    )
    .optional()?
    .map(|(id, revision, status, version)| QuoteRow {
        id,
        revision,
        status: status.parse().unwrap_or(QuoteStatus::Draft),
        version,
    })
    .ok_or_else(|| StoreError::NotFound {
        what: "quote",
        key: number.to_owned(),
    })
}

fn check_version(row: &QuoteRow, number: &str, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(e) if e != row.version => Err(StoreError::Conflict {
            what: "quote",
            key: number.to_owned(),
            expected: e,
            actual: row.version,
        }),
        _ => Ok(()),
    }
}

/// Save a new revision of a quote: priced afresh, dated today, back to draft.
/// `expected_version` is the quote version the edit was made from (refused when stale).
#[allow(clippy::too_many_arguments)]
pub(crate) fn revise(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    number: &str,
    request_text: &str,
    expected_version: Option<i64>,
    note: Option<&str>,
    today: Date,
    cat: &Catalogue,
) -> Result<SavedQuote> {
    let row = find(tx, number)?;
    check_version(&row, number, expected_version)?;
    check_request(request_text, today, cat)?;
    let request = stamped_request(request_text, number, today)?;
    let priced = price(&request, today, cat)?;
    let figures = QuoteFigures::of(&priced.typed)?;
    let revision = row.revision + 1;
    let (customer_id, project_id) = parties_of(tx, who, &priced.typed, today.year())?;
    let changed = execute_with_figures(
        tx,
        |f| {
            format!(
                "UPDATE quotes SET revision = :revision, customer_id = :customer_id,
                    project_id = :project_id, project_reference = :project_reference, {},
                    status = 'draft', technical_package_generated = 0,
                    approved_by = NULL, approved_at = NULL, rejected_reason = NULL,
                    version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :version",
                f.assignments
            )
        },
        &figures,
        &[
            (":id", &row.id),
            (":revision", &revision),
            (":customer_id", &customer_id),
            (":project_id", &project_id),
            (":project_reference", &priced.typed.project_reference),
            (":now", &who.now),
            (":version", &row.version),
        ],
    )?;
    if changed != 1 {
        return Err(StoreError::Conflict {
            what: "quote",
            key: number.to_owned(),
            expected: row.version,
            actual: find(tx, number)?.version,
        });
    }
    tx.execute(
        "UPDATE quote_revisions SET is_latest = 0, version = version + 1
         WHERE quote_id = ?1 AND is_latest = 1",
        [&row.id],
    )?;
    tx.execute(
        "UPDATE specifications SET is_latest_version = 0, version = version + 1
         WHERE quote_id = ?1 AND is_latest_version = 1",
        [&row.id],
    )?;
    insert_revision(tx, who, &row.id, revision, &priced, note, cat)?;
    if row.status != QuoteStatus::Draft {
        history(
            tx,
            who,
            &row.id,
            revision,
            Some(row.status.as_str()),
            "draft",
            Some("revised"),
        )?;
    }
    crate::search::index_quote(tx, &row.id)?;
    events::enqueue(
        tx,
        EventType::QuoteUpdated,
        Aggregate::Quote(&row.id),
        &format!("quote:{}:rev:{revision}", row.id),
        &json!({"quote_number": number, "revision": revision, "quote": priced.stored}),
        who.now,
    )?;
    Ok(SavedQuote {
        quote_number: number.to_owned(),
        revision,
        version: row.version + 1,
        status: "draft".into(),
        total: figures.total.0,
        currency: figures.currency,
        report: priced.stored,
    })
}

fn insert_revision(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    quote_id: &str,
    revision: u32,
    priced: &Priced,
    note: Option<&str>,
    cat: &Catalogue,
) -> Result<()> {
    let report = &priced.typed;
    let rev_id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO quote_revisions(id, quote_id, revision, request, report, total, is_latest,
                                     note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9)",
        params![
            rev_id,
            quote_id,
            revision,
            priced.request_text,
            priced.stored.to_string(),
            report.total.0,
            note,
            who.name,
            who.now
        ],
    )?;
    let number = report.quote_number.as_deref().unwrap_or("");
    let request_value: Value = serde_json::from_str(&priced.request_text).unwrap_or(Value::Null);
    let request_lines = request_value
        .get("lines")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let project_id: Option<String> = tx.query_row(
        "SELECT project_id FROM quotes WHERE id = ?1",
        [quote_id],
        |r| r.get(0),
    )?;
    for line in &report.lines {
        let n = line.line_number;
        let line_number = i64::try_from(n).map_err(|e| StoreError::Argument {
            field: "line_number",
            message: e.to_string(),
        })?;
        // The door as the user wrote it (the wire names), not the report's typed echo.
        let cfg = n
            .checked_sub(1)
            .and_then(|i| request_lines.get(i))
            .and_then(|l| l.get("door_configuration"))
            .cloned()
            .unwrap_or(Value::Null);
        let cfg_text = cfg.to_string();
        tx.execute(
            "INSERT INTO quote_lines(id, revision_id, line_number, description, quantity,
                door_configuration, unit_price, subtotal, discount_amount, tax_amount, total,
                estimated_weight_kg, overall_u_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                uuid::Uuid::new_v4().to_string(),
                rev_id,
                line_number,
                line.description,
                line.quantity,
                cfg_text,
                line.unit_price.0,
                line.subtotal.0,
                line.discount_amount.0,
                line.tax_amount.0,
                line.total.0,
                line.estimated_weight_kg,
                line.overall_u_value,
            ],
        )?;
        // The specification of the door as quoted: its thermal breakdown and BOM, made by the
        // same core operations as `spw thermal` and `spw bom`.
        let thermal = spw_app::thermal(&cfg_text, cat).map_err(StoreError::Invalid)?;
        let bom = spw_app::bom(&cfg_text, cat).map_err(StoreError::Invalid)?;
        tx.execute(
            "INSERT INTO specifications(id, spec_number, quote_id, revision_id, line_number,
                project_id, door_configuration, thermal_performance, bom, is_latest_version,
                created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10)",
            params![
                uuid::Uuid::new_v4().to_string(),
                format!("{number}-R{revision}-S{n:02}"),
                quote_id,
                rev_id,
                line_number,
                project_id,
                cfg_text,
                as_json(&thermal),
                as_json(&bom),
                who.now,
            ],
        )?;
    }
    Ok(())
}

fn as_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn history(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    quote_id: &str,
    revision: u32,
    from: Option<&str>,
    to: &str,
    reason: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO quote_status_history(id, quote_id, revision, from_status, to_status, reason,
                                          changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            uuid::Uuid::new_v4().to_string(),
            quote_id,
            revision,
            from,
            to,
            reason,
            who.name,
            who.now
        ],
    )?;
    Ok(())
}

/// Move a quote to `to` (design plan statuses), recording who and when; approvals and
/// rejections go to the outbox.
pub(crate) fn set_status(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    number: &str,
    to: QuoteStatus,
    expected_version: Option<i64>,
    reason: Option<&str>,
) -> Result<StatusChange> {
    let row = find(tx, number)?;
    check_version(&row, number, expected_version)?;
    row.status.transition(to)?;
    let (approved_by, approved_at) = if to == QuoteStatus::Approved {
        (Some(who.name), Some(who.now))
    } else {
        (None, None)
    };
    let rejected = if to == QuoteStatus::Rejected {
        reason
    } else {
        None
    };
    tx.execute(
        "UPDATE quotes SET status = ?2, approved_by = coalesce(?3, approved_by),
            approved_at = coalesce(?4, approved_at), rejected_reason = coalesce(?5, rejected_reason),
            version = version + 1, updated_at = ?6
         WHERE id = ?1 AND version = ?7",
        params![
            row.id,
            to.as_str(),
            approved_by,
            approved_at,
            rejected,
            who.now,
            row.version
        ],
    )?;
    history(
        tx,
        who,
        &row.id,
        row.revision,
        Some(row.status.as_str()),
        to.as_str(),
        reason,
    )?;
    let event = match to {
        QuoteStatus::Approved => Some(EventType::QuoteApproved),
        QuoteStatus::Rejected => Some(EventType::QuoteRejected),
        _ => None,
    };
    if let Some(event) = event {
        events::enqueue(
            tx,
            event,
            Aggregate::Quote(&row.id),
            &format!("quote:{}:rev:{}:{}", row.id, row.revision, to.as_str()),
            &json!({"quote_number": number, "revision": row.revision, "status": to.as_str(),
                    "changed_by": who.name, "reason": reason, "timestamp": who.now}),
            who.now,
        )?;
    }
    Ok(StatusChange {
        quote_number: number.to_owned(),
        revision: row.revision,
        from: row.status.as_str().to_owned(),
        to: to.as_str().to_owned(),
        version: row.version + 1,
    })
}

/// A status change made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// Quote number.
    pub quote_number: String,
    /// Its current revision.
    pub revision: u32,
    /// Status before.
    pub from: String,
    /// Status now.
    pub to: String,
    /// Row version now.
    pub version: i64,
}

/// One revision in a quote's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionSummary {
    /// 1, 2, …
    pub revision: u32,
    /// Total, pence.
    pub total: i64,
    /// The latest?
    pub is_latest: bool,
    /// Who saved it.
    pub created_by: String,
    /// When (UTC).
    pub created_at: String,
    /// Why, when said.
    pub note: Option<String>,
}

/// One status change in a quote's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusEntry {
    /// Revision it applied to.
    pub revision: u32,
    /// From (none when created).
    pub from_status: Option<String>,
    /// To.
    pub to_status: String,
    /// Why.
    pub reason: Option<String>,
    /// Who.
    pub changed_by: String,
    /// When (UTC).
    pub changed_at: String,
}

/// A quote as `spw quote show` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteDetail {
    /// Quote number.
    pub quote_number: String,
    /// The revision shown.
    pub revision: u32,
    /// The latest revision.
    pub latest_revision: u32,
    /// Status now.
    pub status: String,
    /// Row version (for an optimistic update).
    pub version: i64,
    /// Customer.
    pub customer_number: String,
    /// Project number, when there is a project.
    pub project_number: Option<String>,
    /// The request as saved for this revision.
    pub request: Value,
    /// The priced report as saved for this revision.
    pub report: Value,
    /// Every revision.
    pub revisions: Vec<RevisionSummary>,
    /// Every status change.
    pub status_history: Vec<StatusEntry>,
}

/// A quote, at `revision` or its latest.
pub(crate) fn detail(
    conn: &Connection,
    number: &str,
    revision: Option<u32>,
) -> Result<QuoteDetail> {
    let row = find(conn, number)?;
    let rev = revision.unwrap_or(row.revision);
    let (request, report): (String, String) = conn
        .query_row(
            "SELECT request, report FROM quote_revisions WHERE quote_id = ?1 AND revision = ?2",
            params![row.id, rev],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "revision",
            key: format!("{number} revision {rev}"),
        })?;
    let (customer_number, project_number): (String, Option<String>) = conn.query_row(
        "SELECT c.customer_number, p.project_number FROM quotes q
         JOIN customers c ON c.id = q.customer_id LEFT JOIN projects p ON p.id = q.project_id
         WHERE q.id = ?1",
        [&row.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(
        "SELECT revision, total, is_latest, created_by, created_at, note FROM quote_revisions
         WHERE quote_id = ?1 ORDER BY revision",
    )?;
    let revisions = stmt
        .query_map([&row.id], |r| {
            Ok(RevisionSummary {
                revision: r.get(0)?,
                total: r.get(1)?,
                is_latest: r.get(2)?,
                created_by: r.get(3)?,
                created_at: r.get(4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT revision, from_status, to_status, reason, changed_by, changed_at
         FROM quote_status_history WHERE quote_id = ?1 ORDER BY changed_at, rowid",
    )?;
    let status_history = stmt
        .query_map([&row.id], |r| {
            Ok(StatusEntry {
                revision: r.get(0)?,
                from_status: r.get(1)?,
                to_status: r.get(2)?,
                reason: r.get(3)?,
                changed_by: r.get(4)?,
                changed_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let parse = |s: &str| serde_json::from_str(s).unwrap_or(Value::Null);
    Ok(QuoteDetail {
        quote_number: number.to_owned(),
        revision: rev,
        latest_revision: row.revision,
        status: row.status.as_str().to_owned(),
        version: row.version,
        customer_number,
        project_number,
        request: parse(&request),
        report: parse(&report),
        revisions,
        status_history,
    })
}
