//! The database's own facts: which workstation it belongs to (the code in every number it
//! hands out), the applied migrations, and number sequences.

use crate::error::Result;
use crate::migrations::Migration;
use rusqlite::{Connection, OptionalExtension, Transaction};

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 1,
    name: "meta, schema_migrations, number_sequences",
    sql: "
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE schema_migrations (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        CREATE TABLE number_sequences (
            prefix TEXT PRIMARY KEY,
            last   INTEGER NOT NULL
        ) WITHOUT ROWID;
    ",
    audited: &[],
    additive: true,
}];

/// Crockford base32: no I, L, O, U — nothing to misread on a printed quote.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A fresh four-character workstation code (20 random bits).
fn new_workstation_code() -> String {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    let n = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0]) & 0x000F_FFFF;
    (0..4)
        .rev()
        .map(|i| CROCKFORD[((n >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// The workstation code, made once when the database is created.
pub(crate) fn workstation(conn: &mut Connection) -> Result<String> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let code: Option<String> = tx
        .query_row(
            "SELECT value FROM meta WHERE key = 'workstation'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let code = match code {
        Some(c) => c,
        None => {
            let c = new_workstation_code();
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('workstation', ?1)",
                [&c],
            )?;
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('workstation_id', ?1)",
                [uuid::Uuid::new_v4().to_string()],
            )?;
            c
        }
    };
    tx.commit()?;
    Ok(code)
}

/// The next number of a sequence (1, 2, …), inside the caller's write transaction.
pub(crate) fn next_number(tx: &Transaction<'_>, prefix: &str) -> Result<i64> {
    Ok(tx.query_row(
        "INSERT INTO number_sequences(prefix, last) VALUES (?1, 1)
         ON CONFLICT(prefix) DO UPDATE SET last = last + 1
         RETURNING last",
        [prefix],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workstation_codes_are_four_crockford_characters() {
        for _ in 0..200 {
            let c = new_workstation_code();
            assert_eq!(c.len(), 4);
            assert!(c.bytes().all(|b| CROCKFORD.contains(&b)), "{c}");
        }
    }
}
