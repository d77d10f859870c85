//! One project as a single portable file — to e-mail, or carry on a USB stick to a workstation
//! that has never been on the network: JSON with the project's rows (customer, project, quotes
//! with every revision and line, status history, specifications, drawing issues, drawings,
//! documents) and the files they point at, base64-encoded.
//!
//! Import merges: a row missing here is added; a row here in an older version (its `version`
//! column) is updated; a newer or equal one is kept. Revisions never change once saved, so the
//! same quote revision made differently on two workstations is a conflict (`ERR_STORE_002`) and
//! the whole import is refused, leaving the database as it was.

use crate::error::{Result, StoreError};
use crate::files::{FileStore, sha256_hex};
use base64::Engine as _;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Transaction, params_from_iter};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The file's format name.
pub const FORMAT: &str = "spw600e-project";
/// The newest format version this build writes and reads.
pub const FORMAT_VERSION: i64 = 1;

/// Tables in the order they are imported (parents first), with the query selecting a project's
/// rows (`?1` = project id).
const TABLES: &[(&str, &str)] = &[
    (
        "customers",
        "SELECT * FROM customers WHERE id = (SELECT customer_id FROM projects WHERE id = ?1)",
    ),
    ("projects", "SELECT * FROM projects WHERE id = ?1"),
    (
        "quotes",
        "SELECT * FROM quotes WHERE project_id = ?1 ORDER BY rid",
    ),
    (
        "quote_revisions",
        "SELECT * FROM quote_revisions WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1) ORDER BY quote_id, revision",
    ),
    (
        "quote_lines",
        "SELECT * FROM quote_lines WHERE revision_id IN (SELECT r.id FROM quote_revisions r JOIN quotes q ON q.id = r.quote_id WHERE q.project_id = ?1) ORDER BY revision_id, line_number",
    ),
    (
        "quote_status_history",
        "SELECT * FROM quote_status_history WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1) ORDER BY changed_at",
    ),
    (
        "specifications",
        "SELECT * FROM specifications WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1)",
    ),
    (
        "files",
        "SELECT * FROM files WHERE hash IN (SELECT f.file_hash FROM drawing_files f JOIN drawings d ON d.id = f.drawing_id JOIN quotes q ON q.id = d.quote_id WHERE q.project_id = ?1 UNION SELECT d.file_hash FROM documents d JOIN quotes q ON q.id = d.quote_id WHERE q.project_id = ?1)",
    ),
    (
        "drawing_issues",
        "SELECT * FROM drawing_issues WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1) ORDER BY quote_id, line_number, revision_index",
    ),
    (
        "drawings",
        "SELECT * FROM drawings WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1) ORDER BY quote_id, line_number, revision_index",
    ),
    (
        "drawing_files",
        "SELECT * FROM drawing_files WHERE drawing_id IN (SELECT d.id FROM drawings d JOIN quotes q ON q.id = d.quote_id WHERE q.project_id = ?1)",
    ),
    (
        "documents",
        "SELECT * FROM documents WHERE quote_id IN (SELECT id FROM quotes WHERE project_id = ?1)",
    ),
];

/// Columns that are local to one database file and never travel.
const LOCAL: &[&str] = &["rid"];

fn to_json(v: Sql) -> Value {
    match v {
        Sql::Null => Value::Null,
        Sql::Integer(i) => json!(i),
        Sql::Real(f) => json!(f),
        Sql::Text(s) => json!(s),
        Sql::Blob(b) => json!({ "base64": base64::engine::general_purpose::STANDARD.encode(b) }),
    }
}

fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .or_else(|| n.as_f64().map(Sql::Real))
            .unwrap_or(Sql::Null),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

fn rows(conn: &Connection, sql: &str, project_id: &str) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
    let mut out = Vec::new();
    let mut q = stmt.query([project_id])?;
    while let Some(r) = q.next()? {
        let mut obj = Map::new();
        for (i, name) in names.iter().enumerate() {
            if LOCAL.contains(&name.as_str()) {
                continue;
            }
            obj.insert(name.clone(), to_json(r.get::<_, Sql>(i)?));
        }
        out.push(Value::Object(obj));
    }
    Ok(out)
}

/// Write a project, by number, as the portable file's bytes.
pub(crate) fn export(
    conn: &Connection,
    files: &FileStore,
    project_number: &str,
    exported_by: &str,
    now: &str,
) -> Result<Vec<u8>> {
    let project_id: String = conn
        .query_row(
            "SELECT id FROM projects WHERE project_number = ?1",
            [project_number],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "project",
            key: project_number.to_owned(),
        })?;
    let mut tables = Map::new();
    for (name, sql) in TABLES {
        tables.insert(
            (*name).to_owned(),
            Value::Array(rows(conn, sql, &project_id)?),
        );
    }
    let mut contents = Map::new();
    for f in tables["files"].as_array().into_iter().flatten() {
        if let Some(hash) = f.get("hash").and_then(Value::as_str) {
            let bytes = files.get(hash)?;
            contents.insert(
                hash.to_owned(),
                json!(base64::engine::general_purpose::STANDARD.encode(bytes)),
            );
        }
    }
    let doc = json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": crate::migrations::latest(),
        "project_number": project_number,
        "exported_at": now,
        "exported_by": exported_by,
        "tables": tables,
        "file_contents": contents,
    });
    serde_json::to_vec_pretty(&doc).map_err(|e| StoreError::Transfer(e.to_string()))
}

/// What an import did, per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Project number imported.
    pub project_number: String,
    /// Rows added, per table.
    pub added: BTreeMap<String, u64>,
    /// Rows updated to a newer version, per table.
    pub updated: BTreeMap<String, u64>,
    /// Rows already here (same or newer), per table.
    pub unchanged: BTreeMap<String, u64>,
    /// Files written.
    pub files_written: u64,
}

/// Read a project file and check it, writing its files to the store (durably, before any row).
pub(crate) fn read(bytes: &[u8], files: &FileStore) -> Result<(Value, u64)> {
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| StoreError::Transfer(format!("not a project file (not JSON: {e})")))?;
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(StoreError::Transfer(format!(
            "not a project file: `format` must be \"{FORMAT}\""
        )));
    }
    let version = doc
        .get("format_version")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    if !(1..=FORMAT_VERSION).contains(&version) {
        return Err(StoreError::Transfer(format!(
            "project file format version {version} is newer than this program reads ({FORMAT_VERSION}); update SPW600e Designer"
        )));
    }
    let mut written = 0;
    if let Some(contents) = doc.get("file_contents").and_then(Value::as_object) {
        for (hash, b64) in contents {
            let data = base64::engine::general_purpose::STANDARD
                .decode(b64.as_str().unwrap_or_default())
                .map_err(|e| StoreError::Transfer(format!("file {hash}: {e}")))?;
            if sha256_hex(&data) != *hash {
                return Err(StoreError::Transfer(format!(
                    "file {hash} is damaged: its contents do not match its SHA-256"
                )));
            }
            files.put(&data)?;
            written += 1;
        }
    }
    Ok((doc, written))
}

fn key_columns(table: &str) -> &'static [&'static str] {
    match table {
        "files" => &["hash"],
        "drawing_files" => &["drawing_id", "format"],
        _ => &["id"],
    }
}

/// Merge a checked project file's rows.
pub(crate) fn merge(tx: &Transaction<'_>, doc: &Value, written: u64) -> Result<ImportSummary> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut summary = ImportSummary {
        project_number: doc
            .get("project_number")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        files_written: written,
        ..ImportSummary::default()
    };
    let tables = doc
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| StoreError::Transfer("the project file has no `tables`".into()))?;
    let mut touched_quotes = Vec::new();
    for (table, _) in TABLES {
        let local: Vec<String> = tx
            .prepare("SELECT name FROM pragma_table_info(?1)")?
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let keys = key_columns(table);
        let versioned = local.iter().any(|c| c == "version");
        for row in tables
            .get(*table)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(obj) = row.as_object() else {
                return Err(StoreError::Transfer(format!(
                    "a row of {table} is not an object"
                )));
            };
            // Columns a newer schema added are left out; those this schema needs must be there.
            let cols: Vec<&String> = obj
                .keys()
                .filter(|k| local.contains(k) && !LOCAL.contains(&k.as_str()))
                .collect();
            let key_vals: Vec<Sql> = keys
                .iter()
                .map(|k| obj.get(*k).map(to_sql).unwrap_or(Sql::Null))
                .collect();
            if key_vals.iter().any(|v| matches!(v, Sql::Null)) {
                return Err(StoreError::Transfer(format!("a row of {table} has no key")));
            }
            let key_where: Vec<String> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| format!("\"{k}\" = ?{}", i + 1))
                .collect();
            let key_where = key_where.join(" AND ");
            let here: Option<i64> = tx
                .query_row(
                    &format!(
                        "SELECT {} FROM \"{table}\" WHERE {key_where}",
                        if versioned { "version" } else { "1" }
                    ),
                    params_from_iter(key_vals.iter()),
                    |r| r.get(0),
                )
                .optional()?;
            let incoming_version = obj.get("version").and_then(Value::as_i64).unwrap_or(1);
            let values: Vec<Sql> = cols.iter().map(|c| to_sql(&obj[c.as_str()])).collect();
            let action = match here {
                None => {
                    let names: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
                    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
                    let sql = format!(
                        "INSERT INTO \"{table}\"({}) VALUES ({})",
                        names.join(", "),
                        marks.join(", ")
                    );
                    tx.execute(&sql, params_from_iter(values.iter()))
                        .map_err(|e| conflict_or(e, table, obj))?;
                    &mut summary.added
                }
                Some(v) if versioned && incoming_version > v => {
                    let sets: Vec<String> = cols
                        .iter()
                        .enumerate()
                        .map(|(i, c)| format!("\"{c}\" = ?{}", i + 1))
                        .collect();
                    let shift: Vec<String> = keys
                        .iter()
                        .enumerate()
                        .map(|(i, k)| format!("\"{k}\" = ?{}", cols.len() + i + 1))
                        .collect();
                    let sql = format!(
                        "UPDATE \"{table}\" SET {} WHERE {}",
                        sets.join(", "),
                        shift.join(" AND ")
                    );
                    let mut args = values.clone();
                    args.extend(key_vals.iter().cloned());
                    tx.execute(&sql, params_from_iter(args.iter()))
                        .map_err(|e| conflict_or(e, table, obj))?;
                    &mut summary.updated
                }
                Some(_) => &mut summary.unchanged,
            };
            *action.entry((*table).to_owned()).or_default() += 1;
            if *table == "quotes"
                && let Some(id) = obj.get("id").and_then(Value::as_str)
            {
                touched_quotes.push(id.to_owned());
            }
        }
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(StoreError::Transfer(format!(
            "the project file is incomplete: {broken} rows point at rows it does not carry"
        )));
    }
    for id in touched_quotes {
        crate::search::index_quote(tx, &id)?;
    }
    Ok(summary)
}

fn conflict_or(e: rusqlite::Error, table: &str, row: &Map<String, Value>) -> StoreError {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        let what = match table {
            "quote_revisions" => format!(
                "quote revision {} was saved differently on another workstation",
                row.get("revision")
                    .map(Value::to_string)
                    .unwrap_or_default()
            ),
            "drawing_issues" => format!(
                "drawing revision {} was issued differently on another workstation",
                row.get("revision")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            ),
            _ => format!("a {table} row clashes with one here ({e})"),
        };
        StoreError::Transfer(format!("ERR_STORE_002: {what}; nothing was imported"))
    } else {
        StoreError::from(e)
    }
}
