//! The outbox and inbox the sync engine works from. A business change and its outbox row are
//! written in one transaction, so an event is sent if and only if its change was saved; the
//! idempotency key makes enqueueing the same change twice a no-op, and the receiver deduplicates
//! on `event_id`. Events are `spw-protocol`'s typed [`EventType`] (stored as its wire name; a name
//! this program does not know is an error, never a default); priorities and retry schedules are
//! its design plan 5.3.1 matrix.

use crate::error::{Result, StoreError};
use crate::migrations::Migration;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::Value;
use spw_protocol::{EventType, Priority, UnknownEventType};
use time::OffsetDateTime;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 8,
    name: "outbox, inbox",
    sql: "
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id        TEXT NOT NULL UNIQUE,
            idempotency_key TEXT NOT NULL UNIQUE,
            event_type      TEXT NOT NULL,
            aggregate_type  TEXT NOT NULL,
            aggregate_id    TEXT NOT NULL,
            payload         TEXT NOT NULL,
            priority        TEXT NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low')),
            status          TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'delivered', 'dead')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            max_attempts    INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL,
            last_error      TEXT,
            created_at      TEXT NOT NULL,
            delivered_at    TEXT
        );
        CREATE INDEX idx_outbox_due ON outbox(status, next_attempt_at);
        CREATE TABLE inbox (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id           TEXT NOT NULL UNIQUE,
            event_type         TEXT NOT NULL,
            source_system      TEXT NOT NULL,
            payload            TEXT NOT NULL,
            signature          TEXT NOT NULL,
            signature_verified INTEGER NOT NULL,
            received_at        TEXT NOT NULL,
            processed_at       TEXT,
            status             TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'completed', 'failed')),
            retry_count        INTEGER NOT NULL DEFAULT 0,
            error_message      TEXT
        );
        CREATE INDEX idx_inbox_status ON inbox(status, received_at);
    ",
    audited: &[],
    additive: true,
}];

/// An event name to queue: an [`EventType`], or its wire name (checked: a name that is not one
/// of the 20 events of design plan 5.1 is refused, `ERR_STORE_008`, never given a default).
pub(crate) trait EventName {
    /// The typed event.
    fn event_type(self) -> Result<EventType>;
}

impl EventName for EventType {
    fn event_type(self) -> Result<EventType> {
        Ok(self)
    }
}

impl EventName for &str {
    fn event_type(self) -> Result<EventType> {
        self.parse()
            .map_err(|e: UnknownEventType| StoreError::Argument {
                field: "event_type",
                message: e.to_string(),
            })
    }
}

/// A column that holds something this program does not know (a newer program's event or
/// priority, or a hand edit): read as an error naming the row, never as a default.
#[derive(Debug)]
struct UnknownValue {
    table: &'static str,
    id: String,
    detail: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} row `{}`: {}", self.table, self.id, self.detail)
    }
}

impl std::error::Error for UnknownValue {}

fn column<T>(
    r: &rusqlite::Row<'_>,
    table: &'static str,
    id: &dyn std::fmt::Display,
    idx: usize,
) -> rusqlite::Result<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let text: String = r.get(idx)?;
    text.parse().map_err(|e: T::Err| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::new(UnknownValue {
                table,
                id: id.to_string(),
                detail: e.to_string(),
            }),
        )
    })
}

/// What an outbox row belongs to.
pub(crate) enum Aggregate<'a> {
    Quote(&'a str),
}

/// Timestamps as the database keeps them, ordered as text: `2026-12-01T11:50:20.123Z`.
pub fn timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Queue an event (inside the transaction of the change it reports). Queuing the same
/// idempotency key again does nothing.
pub(crate) fn enqueue(
    tx: &Transaction<'_>,
    event_type: EventType,
    aggregate: Aggregate<'_>,
    idempotency_key: &str,
    payload: &Value,
    now: &str,
) -> Result<()> {
    let Aggregate::Quote(id) = aggregate;
    let priority = event_type.priority();
    let event_id = uuid::Uuid::new_v4().to_string();
    let mut body = serde_json::Map::new();
    body.insert("event".into(), Value::from(event_type.as_str()));
    body.insert("event_id".into(), Value::from(event_id.clone()));
    body.insert("timestamp".into(), Value::from(now));
    if let Value::Object(p) = payload {
        for (k, v) in p {
            body.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    tx.execute(
        "INSERT INTO outbox(event_id, idempotency_key, event_type, aggregate_type, aggregate_id,
            payload, priority, max_attempts, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, 'quote', ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT(idempotency_key) DO NOTHING",
        params![
            event_id,
            idempotency_key,
            event_type.as_str(),
            id,
            Value::Object(body).to_string(),
            priority.as_str(),
            priority.max_attempts(),
            now
        ],
    )?;
    Ok(())
}

/// One queued outgoing event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEvent {
    /// Local sequence.
    pub id: i64,
    /// The id receivers deduplicate on.
    pub event_id: String,
    /// Idempotency key of the change.
    pub idempotency_key: String,
    /// The design plan 5.1 event (its wire name in JSON and in the database).
    pub event_type: EventType,
    /// Priority.
    pub priority: Priority,
    /// `pending`, `delivered` or `dead`.
    pub status: String,
    /// Attempts made.
    pub attempts: u32,
    /// Attempts allowed.
    pub max_attempts: u32,
    /// Not before (UTC).
    pub next_attempt_at: String,
    /// Last failure.
    pub last_error: Option<String>,
    /// The body to send.
    pub payload: Value,
    /// Queued at (UTC).
    pub created_at: String,
}

const OUTBOX_COLUMNS: &str =
    "id, event_id, idempotency_key, event_type, priority, status, attempts,
    max_attempts, next_attempt_at, last_error, payload, created_at";

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxEvent> {
    let id: i64 = r.get(0)?;
    Ok(OutboxEvent {
        id,
        event_id: r.get(1)?,
        idempotency_key: r.get(2)?,
        event_type: column(r, "outbox", &id, 3)?,
        priority: column(r, "outbox", &id, 4)?,
        status: r.get(5)?,
        attempts: r.get(6)?,
        max_attempts: r.get(7)?,
        next_attempt_at: r.get(8)?,
        last_error: r.get(9)?,
        payload: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or(Value::Null),
        created_at: r.get(11)?,
    })
}

/// Pending events due at `now`, most urgent first, then oldest.
pub(crate) fn due(conn: &Connection, now: &str, limit: u32) -> Result<Vec<OutboxEvent>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= ?1
         ORDER BY CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, id
         LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit], outbox_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every outbox event, newest first (for display).
pub(crate) fn all(conn: &Connection, limit: u32) -> Result<Vec<OutboxEvent>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit], outbox_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn outbox_event(conn: &Connection, id: i64) -> Result<OutboxEvent> {
    conn.query_row(
        &format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = ?1"),
        [id],
        outbox_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "outbox event",
        key: id.to_string(),
    })
}

/// The event was accepted by the receiver.
pub(crate) fn delivered(tx: &Transaction<'_>, id: i64, now: &str) -> Result<OutboxEvent> {
    tx.execute(
        "UPDATE outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?2,
            last_error = NULL WHERE id = ?1 AND status = 'pending'",
        params![id, now],
    )?;
    outbox_event(tx, id)
}

/// An attempt failed: schedule the next one per the priority's policy, or give up (`dead`)
/// once the attempts are spent. `jitter` (0..1) spreads retries by up to 10 %.
pub(crate) fn failed(
    tx: &Transaction<'_>,
    id: i64,
    error: &str,
    now: OffsetDateTime,
    jitter: f64,
) -> Result<OutboxEvent> {
    let ev = outbox_event(tx, id)?;
    if ev.status != "pending" {
        return Ok(ev);
    }
    let attempts = ev.attempts + 1;
    let base = ev.priority.delay(attempts);
    let wait = base.mul_f64(1.0 + 0.1 * jitter.clamp(0.0, 1.0));
    let next = timestamp(now + wait);
    let status = if attempts >= ev.max_attempts {
        "dead"
    } else {
        "pending"
    };
    tx.execute(
        "UPDATE outbox SET attempts = ?2, status = ?3, next_attempt_at = ?4, last_error = ?5
         WHERE id = ?1",
        params![id, attempts, status, next, error],
    )?;
    outbox_event(tx, id)
}

/// A received event to record.
pub struct IncomingEvent<'a> {
    /// The sender's event id (deduplication key).
    pub event_id: &'a str,
    /// Event name: one of the 20 of design plan 5.1 ([`EventType::as_str`]); any other is
    /// refused (`ERR_STORE_008`) and nothing is recorded.
    pub event_type: &'a str,
    /// Who sent it.
    pub source_system: &'a str,
    /// The raw body.
    pub payload: &'a str,
    /// The signature header as received.
    pub signature: &'a str,
    /// Whether it verified.
    pub signature_verified: bool,
}

/// Record a received event; `false` when it was already recorded (a redelivery).
pub(crate) fn receive(tx: &Transaction<'_>, ev: &IncomingEvent<'_>, now: &str) -> Result<bool> {
    let event_type = ev.event_type.event_type()?;
    let n = tx.execute(
        "INSERT INTO inbox(event_id, event_type, source_system, payload, signature,
            signature_verified, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(event_id) DO NOTHING",
        params![
            ev.event_id,
            event_type.as_str(),
            ev.source_system,
            ev.payload,
            ev.signature,
            ev.signature_verified,
            now
        ],
    )?;
    Ok(n == 1)
}

/// Mark a received event handled, or failed with a reason.
pub(crate) fn processed(
    tx: &Transaction<'_>,
    event_id: &str,
    error: Option<&str>,
    now: &str,
) -> Result<()> {
    let n = match error {
        None => tx.execute(
            "UPDATE inbox SET status = 'completed', processed_at = ?2, error_message = NULL
             WHERE event_id = ?1",
            params![event_id, now],
        )?,
        Some(e) => tx.execute(
            "UPDATE inbox SET status = 'failed', retry_count = retry_count + 1, error_message = ?2
             WHERE event_id = ?1",
            params![event_id, e],
        )?,
    };
    if n == 0 {
        return Err(StoreError::NotFound {
            what: "inbox event",
            key: event_id.to_owned(),
        });
    }
    Ok(())
}

/// Received events waiting to be handled, oldest first.
pub(crate) fn pending_inbox(
    conn: &Connection,
    limit: u32,
) -> Result<Vec<(String, EventType, Value)>> {
    let mut stmt = conn.prepare(
        "SELECT event_id, event_type, payload FROM inbox WHERE status <> 'completed'
         ORDER BY id LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        let event_id: String = r.get(0)?;
        let event_type = column(r, "inbox", &event_id, 1)?;
        Ok((
            event_id,
            event_type,
            serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or(Value::Null),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_sort_as_text() {
        let a = OffsetDateTime::from_unix_timestamp(1_700_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let b = a + std::time::Duration::from_millis(1);
        assert!(timestamp(a) < timestamp(b));
        assert_eq!(timestamp(a).len(), 24);
    }
}
