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
use crate::migrations::Migration;
use crate::parties;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};
use spw_model::catalogue::Catalogue;
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
}];

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

fn price(request: &Value, today: Date, cat: &Catalogue) -> Result<(String, Value)> {
    let text = serde_json::to_string_pretty(request).map_err(|e| StoreError::Argument {
        field: "request",
        message: e.to_string(),
    })?;
    let report = spw_app::quote(&text, today, cat).map_err(StoreError::Invalid)?;
    let report = serde_json::to_value(&report).map_err(|e| StoreError::Argument {
        field: "report",
        message: e.to_string(),
    })?;
    Ok((text, report))
}

fn int(v: &Value, key: &str) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap_or(0)
}

fn float(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
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
    let (request_text, report) = price(&request, today, cat)?;
    let (customer_id, project_id) = parties_of(tx, who, &report, year)?;
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO quotes(id, quote_number, revision, customer_id, project_id, project_reference,
            quantity, material_cost, labor_cost, overhead_cost, profit_margin_percentage, subtotal,
            discount_percentage, discount_amount, tax_percentage, tax_amount, total, currency,
            estimated_weight_kg, estimated_lead_time_days, quote_date, valid_until, status,
            requested_by, requested_by_email, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, 'draft', ?22, ?23, ?24, ?24)",
        params![
            id,
            number,
            customer_id,
            project_id,
            text(&report, "project_reference"),
            quantity(&report),
            int(&report, "material_cost"),
            int(&report, "labor_cost"),
            int(&report, "overhead_cost"),
            int(&report, "profit_margin_percentage"),
            int(&report, "subtotal"),
            int(&report, "discount_percentage"),
            int(&report, "discount_amount"),
            int(&report, "tax_percentage"),
            int(&report, "tax_amount"),
            int(&report, "total"),
            text_or(&report, "currency"),
            float(&report, "estimated_weight_kg"),
            int(&report, "estimated_lead_time_days"),
            text_or(&report, "quote_date"),
            text_or(&report, "valid_until"),
            who.name,
            who.email,
            who.now,
        ],
    )?;
    insert_revision(tx, who, &id, 1, &request_text, &report, None, cat)?;
    history(tx, who, &id, 1, None, "draft", Some("created"))?;
    crate::search::index_quote(tx, &id)?;
    events::enqueue(
        tx,
        "quote.requested",
        Aggregate::Quote(&id),
        &format!("quote:{id}:rev:1"),
        &json!({"quote_number": number, "revision": 1, "quote": report}),
        who.now,
    )?;
    Ok(SavedQuote {
        quote_number: number,
        revision: 1,
        version: 1,
        status: "draft".into(),
        total: int(&report, "total"),
        currency: text_or(&report, "currency").to_owned(),
        report,
    })
}

/// The customer and project a priced quote names, found by name or made.
fn parties_of(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    report: &Value,
    year: i32,
) -> Result<(String, Option<String>)> {
    let customer_id = parties::customer(tx, who.ws, text_or(report, "customer_name"), who.now)?;
    let project_id = match text(report, "project_name") {
        Some(p) => Some(parties::project(
            tx,
            who.ws,
            year,
            &customer_id,
            p,
            text(report, "project_reference"),
            who.now,
        )?),
        None => None,
    };
    Ok((customer_id, project_id))
}

fn text_or<'v>(v: &'v Value, key: &str) -> &'v str {
    text(v, key).unwrap_or("")
}

fn quantity(report: &Value) -> i64 {
    report
        .get("lines")
        .and_then(Value::as_array)
        .map_or(0, |l| l.iter().map(|l| int(l, "quantity")).sum())
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
    let (request_text, report) = price(&request, today, cat)?;
    let revision = row.revision + 1;
    let (customer_id, project_id) = parties_of(tx, who, &report, today.year())?;
    let changed = tx.execute(
        "UPDATE quotes SET revision = ?2, customer_id = ?3, project_id = ?4, project_reference = ?5,
            quantity = ?6, material_cost = ?7, labor_cost = ?8, overhead_cost = ?9,
            profit_margin_percentage = ?10, subtotal = ?11, discount_percentage = ?12,
            discount_amount = ?13, tax_percentage = ?14, tax_amount = ?15, total = ?16,
            currency = ?17, estimated_weight_kg = ?18, estimated_lead_time_days = ?19,
            quote_date = ?20, valid_until = ?21, status = 'draft', technical_package_generated = 0,
            approved_by = NULL, approved_at = NULL, rejected_reason = NULL,
            version = version + 1, updated_at = ?22
         WHERE id = ?1 AND version = ?23",
        params![
            row.id,
            revision,
            customer_id,
            project_id,
            text(&report, "project_reference"),
            quantity(&report),
            int(&report, "material_cost"),
            int(&report, "labor_cost"),
            int(&report, "overhead_cost"),
            int(&report, "profit_margin_percentage"),
            int(&report, "subtotal"),
            int(&report, "discount_percentage"),
            int(&report, "discount_amount"),
            int(&report, "tax_percentage"),
            int(&report, "tax_amount"),
            int(&report, "total"),
            text_or(&report, "currency"),
            float(&report, "estimated_weight_kg"),
            int(&report, "estimated_lead_time_days"),
            text_or(&report, "quote_date"),
            text_or(&report, "valid_until"),
            who.now,
            row.version,
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
    insert_revision(
        tx,
        who,
        &row.id,
        revision,
        &request_text,
        &report,
        note,
        cat,
    )?;
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
        "quote.updated",
        Aggregate::Quote(&row.id),
        &format!("quote:{}:rev:{revision}", row.id),
        &json!({"quote_number": number, "revision": revision, "quote": report}),
        who.now,
    )?;
    Ok(SavedQuote {
        quote_number: number.to_owned(),
        revision,
        version: row.version + 1,
        status: "draft".into(),
        total: int(&report, "total"),
        currency: text_or(&report, "currency").to_owned(),
        report,
    })
}

#[allow(clippy::too_many_arguments)]
fn insert_revision(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    quote_id: &str,
    revision: u32,
    request: &str,
    report: &Value,
    note: Option<&str>,
    cat: &Catalogue,
) -> Result<()> {
    let rev_id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO quote_revisions(id, quote_id, revision, request, report, total, is_latest,
                                     note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9)",
        params![
            rev_id,
            quote_id,
            revision,
            request,
            report.to_string(),
            int(report, "total"),
            note,
            who.name,
            who.now
        ],
    )?;
    let number = text_or(report, "quote_number");
    let request_value: Value = serde_json::from_str(request).unwrap_or(Value::Null);
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
    for line in report
        .get("lines")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let n = int(line, "line_number");
        // The door as the user wrote it (the wire names), not the report's typed echo.
        let cfg = usize::try_from(n - 1)
            .ok()
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
                n,
                text_or(line, "description"),
                int(line, "quantity"),
                cfg_text,
                int(line, "unit_price"),
                int(line, "subtotal"),
                int(line, "discount_amount"),
                int(line, "tax_amount"),
                int(line, "total"),
                float(line, "estimated_weight_kg"),
                float(line, "overall_u_value"),
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
                n,
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
        QuoteStatus::Approved => Some("quote.approved"),
        QuoteStatus::Rejected => Some("quote.rejected"),
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
