//! Schema migrations: each module keeps the migrations of its own tables beside them; this
//! runner puts them in id order, applies the missing ones one transaction each, and records the
//! schema version in `PRAGMA user_version`.
//!
//! Forward compatibility: a migration says whether it only adds (tables, columns, indexes) —
//! then a program that knows an older schema may still read and write the database, because
//! everything it writes stays valid. The oldest schema that can still use the database is kept
//! in `meta.compatible_from`; a program older than that refuses with `ERR_STORE_004` and never
//! writes to the file.

use crate::audit;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Order of application, unique across modules; the schema version after it ran.
    pub id: i64,
    /// What it does.
    pub name: &'static str,
    /// The SQL, a batch.
    pub sql: &'static str,
    /// Tables whose audit triggers are (re)built after it ran: every table it creates or alters
    /// that the audit log follows.
    pub audited: &'static [&'static str],
    /// `true` when it only adds, so older programs can go on using the database.
    pub additive: bool,
}

/// Every migration of every module, in id order.
pub fn all() -> Vec<Migration> {
    let mut m: Vec<Migration> = [
        crate::meta::MIGRATIONS,
        audit::MIGRATIONS,
        crate::parties::MIGRATIONS,
        crate::quotes::MIGRATIONS,
        crate::files::MIGRATIONS,
        crate::drawings::MIGRATIONS,
        crate::documents::MIGRATIONS,
        crate::events::MIGRATIONS,
        crate::search::MIGRATIONS,
    ]
    .concat();
    m.sort_by_key(|m| m.id);
    m
}

/// A data repair: what a migration's SQL alone cannot do (typed reading of stored JSON), run in
/// the migration's transaction.
pub(crate) type Repair = fn(&Transaction<'_>) -> Result<()>;

/// The data repairs that go with migrations, as (migration id, repair): each runs after its
/// migration's SQL, in the same transaction, so a database is repaired exactly once, when it
/// is brought past that migration.
fn repairs() -> &'static [(i64, Repair)] {
    crate::quotes::REPAIRS
}

/// The newest schema this build knows.
pub fn latest() -> i64 {
    all().last().map_or(0, |m| m.id)
}

/// The schema version of an open database.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// The oldest schema that can use this database (`meta.compatible_from`), when recorded.
pub fn compatible_from(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    let has_meta: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get(0),
    )?;
    if !has_meta {
        return Ok(None);
    }
    conn.query_row(
        "SELECT value FROM meta WHERE key = 'compatible_from'",
        [],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|v| v.and_then(|s| s.parse().ok()))
}

/// Apply every migration newer than the database, one transaction each.
pub fn apply(conn: &mut Connection) -> Result<()> {
    for m in all() {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        if version(&tx)? >= m.id {
            tx.commit()?;
            continue;
        }
        tx.execute_batch(m.sql)?;
        for (_, repair) in repairs().iter().filter(|(id, _)| *id == m.id) {
            repair(&tx)?;
        }
        for table in m.audited {
            audit::install_triggers(&tx, table)?;
        }
        let compatible: i64 = if m.additive {
            compatible_from(&tx)?.unwrap_or(m.id)
        } else {
            m.id
        };
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('compatible_from', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [compatible.to_string()],
        )?;
        tx.execute(
            "INSERT INTO schema_migrations(id, name, applied_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            rusqlite::params![m.id, m.name],
        )?;
        tx.pragma_update(None, "user_version", m.id)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_ordered() {
        let m = all();
        for w in m.windows(2) {
            assert!(w[0].id < w[1].id, "{} and {}", w[0].name, w[1].name);
        }
        assert_eq!(m.first().map(|m| m.id), Some(1));
    }
}
