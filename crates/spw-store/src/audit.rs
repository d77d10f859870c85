//! The audit log (design plan 7.3): every insert, update and delete on the followed tables is
//! recorded by triggers built here from each table's own column list — table, record id, action,
//! old and new values, the fields that changed, who and when. No write path records it by hand,
//! so none can forget to.
//!
//! Who: the triggers call `spw_actor()` and `spw_actor_email()`, functions each connection of the
//! store registers with the user it was opened for. A tool that opens the file without them
//! cannot change a followed table unrecorded: its statement fails.

use crate::error::Result;
use crate::migrations::Migration;
use rusqlite::{Connection, params};
use serde::Serialize;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 2,
    name: "activity_log",
    sql: "
        CREATE TABLE activity_log (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name     TEXT NOT NULL,
            record_id      TEXT NOT NULL,
            action         TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            old_values     TEXT,
            new_values     TEXT,
            changed_fields TEXT,
            user_name      TEXT NOT NULL,
            user_email     TEXT,
            timestamp      TEXT NOT NULL
        );
        CREATE INDEX idx_activity_log_record ON activity_log(table_name, record_id);
        CREATE INDEX idx_activity_log_timestamp ON activity_log(timestamp DESC);
    ",
    audited: &[],
    additive: true,
}];

/// Columns never recorded: local row ids that mean nothing outside this file.
const UNRECORDED: &[&str] = &["rid"];

/// Large columns of rows that never change once written (a revision's request and priced
/// report, a door's configuration): the audit records their size, not a second copy.
const BULKY: &[&str] = &["request", "report", "door_configuration"];

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// (Re)build the three audit triggers of `table` from its current columns.
pub(crate) fn install_triggers(conn: &Connection, table: &str) -> Result<()> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let columns: Vec<String> = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let columns: Vec<&String> = columns
        .iter()
        .filter(|c| !UNRECORDED.contains(&c.as_str()))
        .collect();
    let object = |row: &str| {
        let args: Vec<String> = columns
            .iter()
            .map(|c| {
                if BULKY.contains(&c.as_str()) {
                    format!(
                        "{}, json_object('bytes', length({row}.{}))",
                        quote_literal(c),
                        quote_ident(c)
                    )
                } else {
                    format!("{}, {row}.{}", quote_literal(c), quote_ident(c))
                }
            })
            .collect();
        format!("json_object({})", args.join(", "))
    };
    let differs = |c: &str| format!("OLD.{0} IS NOT NEW.{0}", quote_ident(c));
    let any_change: Vec<String> = columns.iter().map(|c| differs(c)).collect();
    let changed: Vec<String> = columns
        .iter()
        .map(|c| format!("SELECT {} AS f WHERE {}", quote_literal(c), differs(c)))
        .collect();
    let t = quote_ident(table);
    let lit = quote_literal(table);
    let who = "spw_actor(), spw_actor_email(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    let sql = format!(
        "DROP TRIGGER IF EXISTS {ins};
         DROP TRIGGER IF EXISTS {upd};
         DROP TRIGGER IF EXISTS {del};
         CREATE TRIGGER {ins} AFTER INSERT ON {t} BEGIN
           INSERT INTO activity_log(table_name, record_id, action, new_values, user_name, user_email, timestamp)
           VALUES ({lit}, NEW.id, 'insert', {new}, {who});
         END;
         CREATE TRIGGER {upd} AFTER UPDATE ON {t} WHEN {any} BEGIN
           INSERT INTO activity_log(table_name, record_id, action, old_values, new_values, changed_fields, user_name, user_email, timestamp)
           VALUES ({lit}, NEW.id, 'update', {old}, {new},
                   (SELECT json_group_array(f) FROM ({changed})), {who});
         END;
         CREATE TRIGGER {del} AFTER DELETE ON {t} BEGIN
           INSERT INTO activity_log(table_name, record_id, action, old_values, user_name, user_email, timestamp)
           VALUES ({lit}, OLD.id, 'delete', {old}, {who});
         END;",
        ins = quote_ident(&format!("audit_{table}_insert")),
        upd = quote_ident(&format!("audit_{table}_update")),
        del = quote_ident(&format!("audit_{table}_delete")),
        new = object("NEW"),
        old = object("OLD"),
        any = any_change.join(" OR "),
        changed = changed.join(" UNION ALL "),
    );
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Register the functions the triggers call, for the user this connection acts for.
pub(crate) fn register_actor(conn: &Connection, name: &str, email: Option<&str>) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let name = name.to_owned();
    let email = email.map(str::to_owned);
    conn.create_scalar_function(
        "spw_actor",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        move |_| Ok(name.clone()),
    )?;
    conn.create_scalar_function(
        "spw_actor_email",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        move |_| Ok(email.clone()),
    )?;
    Ok(())
}

/// One audit record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Table.
    pub table_name: String,
    /// The row's id.
    pub record_id: String,
    /// `insert`, `update` or `delete`.
    pub action: String,
    /// The row before (update, delete).
    pub old_values: Option<serde_json::Value>,
    /// The row after (insert, update).
    pub new_values: Option<serde_json::Value>,
    /// Columns that changed (update).
    pub changed_fields: Vec<String>,
    /// Who.
    pub user_name: String,
    /// Their e-mail, when known.
    pub user_email: Option<String>,
    /// When (UTC, RFC 3339).
    pub timestamp: String,
}

/// The audit trail of one record, oldest first.
pub(crate) fn entries(conn: &Connection, table: &str, record_id: &str) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT table_name, record_id, action, old_values, new_values, changed_fields,
                user_name, user_email, timestamp
         FROM activity_log WHERE table_name = ?1 AND record_id = ?2 ORDER BY id",
    )?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let rows = stmt.query_map(params![table, record_id], |r| {
        Ok(AuditEntry {
            table_name: r.get(0)?,
            record_id: r.get(1)?,
            action: r.get(2)?,
            old_values: json(r.get(3)?),
            new_values: json(r.get(4)?),
            changed_fields: r
                .get::<_, Option<String>>(5)?
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default(),
            user_name: r.get(6)?,
            user_email: r.get(7)?,
            timestamp: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
