//! One project as a single portable file — to e-mail, or carry on a USB stick to a workstation
//! that has never been on the network: JSON with the project's rows (customer, project, quotes
//! with every revision and line, status history, specifications, drawing issues, drawings,
//! documents) and the files they point at, base64-encoded.
//!
//! Import merges: a row missing here is added; a row here in an older version (its `version`
//! column) is updated; a newer or equal one is kept. Revisions never change once saved, so the
//! same quote revision made differently on two workstations is a conflict (`ERR_STORE_002`) and
//! the whole import is refused, leaving the database as it was.
//!
//! A project file comes from outside and is not trusted: the whole of it is checked before
//! anything is written ([`read`]) — its size, format and versions; every hash (64 lowercase hex
//! digits, matching the contents); every file carried is named by a `files` row and every such
//! row's file is carried; every drawing or document file name is one plain file name; every
//! column has its type; and every quote's figures equal the priced result of its latest revision,
//! which must add up (lines to subtotal, discount and VAT to the penny, total). Figures are
//! checked, never re-priced: a quote keeps the figures its author priced with their catalogue.
//! Any finding refuses the whole file (`ERR_STORE_006`, naming what is wrong). Files are
//! written in the merge, after every row was accepted, just before the rows commit.

use crate::error::{Result, StoreError};
use crate::files::{FileStore, check_file_name, is_sha256_hex, sha256_hex};
use base64::Engine as _;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Transaction, params_from_iter};
use serde::Serialize;
use serde_json::{Map, Value, json};
use spw_model::{Pence, Percentage};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The largest project file imported, bytes (256 MiB): checked from the file's size before it
/// is read.
pub const MAX_PROJECT_FILE_BYTES: u64 = 256 * 1024 * 1024;

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

fn too_large(what: &str, bytes: u64) -> StoreError {
    StoreError::Transfer(format!(
        "{what} is {bytes} bytes, more than the {} MiB a project file may be \
         (MAX_PROJECT_FILE_BYTES); nothing was imported",
        MAX_PROJECT_FILE_BYTES / (1024 * 1024)
    ))
}

/// Read a project file from disk, refusing one larger than [`MAX_PROJECT_FILE_BYTES`] by its
/// size before reading it (and never reading more than that, should it grow meanwhile).
pub fn read_project_file(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(StoreError::io("reading", path))?;
    let len = f.metadata().map_err(StoreError::io("reading", path))?.len();
    let what = path.display().to_string();
    if len > MAX_PROJECT_FILE_BYTES {
        return Err(too_large(&what, len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    f.take(MAX_PROJECT_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(StoreError::io("reading", path))?;
    if bytes.len() as u64 > MAX_PROJECT_FILE_BYTES {
        return Err(too_large(&what, bytes.len() as u64));
    }
    Ok(bytes)
}

/// A project file that passed every check: its rows by table and the files it carries.
pub(crate) struct Checked {
    project_number: String,
    tables: BTreeMap<&'static str, Vec<Map<String, Value>>>,
    files: Vec<Vec<u8>>,
}

fn refuse(message: impl std::fmt::Display) -> StoreError {
    StoreError::Transfer(format!("{message}; nothing was imported"))
}

/// A column of this database's schema.
struct Column {
    name: String,
    kind: String,
    required: bool,
}

fn columns(conn: &Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(
        "SELECT name, upper(type), \"notnull\", dflt_value IS NULL FROM pragma_table_info(?1)",
    )?;
    let cols = stmt
        .query_map([table], |r| {
            let notnull: bool = r.get(2)?;
            let no_default: bool = r.get(3)?;
            Ok(Column {
                name: r.get(0)?,
                kind: r.get(1)?,
                required: notnull && no_default,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

/// Whether a value fits a column of this declared type (`NOT NULL` checked by the caller).
fn fits(kind: &str, v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Number(n) => match kind {
            "INTEGER" => n.is_i64(),
            "REAL" | "" | "NUMERIC" => true,
            _ => false,
        },
        Value::String(_) => kind == "TEXT" || kind.is_empty(),
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => false,
    }
}

fn int_of(row: &Map<String, Value>, key: &str) -> Option<i64> {
    row.get(key).and_then(Value::as_i64)
}

fn str_of<'a>(row: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    row.get(key).and_then(Value::as_str)
}

/// Read a project file and check all of it; nothing is written here.
pub(crate) fn read(conn: &Connection, bytes: &[u8]) -> Result<Checked> {
    if bytes.len() as u64 > MAX_PROJECT_FILE_BYTES {
        return Err(too_large("the project file", bytes.len() as u64));
    }
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| refuse(format!("not a project file (not JSON: {e})")))?;
    let Some(doc) = doc.as_object() else {
        return Err(refuse("not a project file (not a JSON object)"));
    };
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(refuse(format!(
            "not a project file: `format` must be \"{FORMAT}\""
        )));
    }
    let version = doc
        .get("format_version")
        .and_then(Value::as_i64)
        .ok_or_else(|| refuse("`format_version` must be a whole number"))?;
    if version < 1 {
        return Err(refuse(format!(
            "project file format version {version} does not exist"
        )));
    }
    if version > FORMAT_VERSION {
        return Err(StoreError::Transfer(format!(
            "project file format version {version} is newer than this program reads ({FORMAT_VERSION}); update SPW600e Designer"
        )));
    }
    if doc
        .get("schema_version")
        .and_then(Value::as_i64)
        .is_none_or(|v| v < 1)
    {
        return Err(refuse("`schema_version` must be a whole number from 1"));
    }
    let project_number = doc
        .get("project_number")
        .and_then(Value::as_str)
        .filter(|p| !p.trim().is_empty())
        .ok_or_else(|| refuse("`project_number` is missing"))?
        .to_owned();
    let all = doc
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| refuse("the project file has no `tables`"))?;

    // Every row of every table: an object whose columns have their types.
    let mut tables = BTreeMap::new();
    for (table, _) in TABLES {
        let rows = match all.get(*table) {
            None => Vec::new(),
            Some(Value::Array(rows)) => rows.clone(),
            Some(_) => return Err(refuse(format!("`tables.{table}` is not a list"))),
        };
        let cols = columns(conn, table)?;
        let keys = key_columns(table);
        let mut checked = Vec::with_capacity(rows.len());
        for (i, row) in rows.into_iter().enumerate() {
            let Value::Object(obj) = row else {
                return Err(refuse(format!("row {} of {table} is not an object", i + 1)));
            };
            for c in &cols {
                if LOCAL.contains(&c.name.as_str()) {
                    continue;
                }
                let v = obj.get(&c.name).unwrap_or(&Value::Null);
                let needed = c.required || keys.contains(&c.name.as_str());
                if (v.is_null() && needed) || !fits(&c.kind, v) {
                    return Err(refuse(format!(
                        "row {} of {table}: `{}` must be {}{}, not {}",
                        i + 1,
                        c.name,
                        match c.kind.as_str() {
                            "INTEGER" => "a whole number",
                            "REAL" => "a number",
                            "TEXT" => "text",
                            _ => "a value",
                        },
                        if needed { "" } else { " or null" },
                        clip(&v.to_string())
                    )));
                }
            }
            checked.push(obj);
        }
        tables.insert(*table, checked);
    }

    let files = check_files(doc, &tables)?;
    check_figures(&tables)?;
    Ok(Checked {
        project_number,
        tables,
        files,
    })
}

fn clip(s: &str) -> String {
    if s.chars().count() > 80 {
        s.chars().take(79).collect::<String>() + "…"
    } else {
        s.to_owned()
    }
}

/// The files: hashes, contents, sizes, names and references, all consistent; their bytes.
fn check_files(
    doc: &Map<String, Value>,
    tables: &BTreeMap<&'static str, Vec<Map<String, Value>>>,
) -> Result<Vec<Vec<u8>>> {
    let rows = |t: &str| tables.get(t).map(Vec::as_slice).unwrap_or_default();
    let mut sizes: HashMap<&str, i64> = HashMap::new();
    for row in rows("files") {
        let hash = str_of(row, "hash").unwrap_or_default();
        if !is_sha256_hex(hash) {
            return Err(refuse(format!(
                "a files row names `{}`, which is not a SHA-256 (64 lowercase hex digits)",
                clip(&hash.escape_debug().to_string())
            )));
        }
        let size = int_of(row, "size_bytes")
            .filter(|s| *s >= 0)
            .ok_or_else(|| {
                refuse(format!(
                    "file {hash}: `size_bytes` must be a whole number from 0"
                ))
            })?;
        if sizes.insert(hash, size).is_some() {
            return Err(refuse(format!("file {hash} is listed twice")));
        }
    }
    let empty = Map::new();
    let contents = match doc.get("file_contents") {
        None => &empty,
        Some(Value::Object(c)) => c,
        Some(_) => return Err(refuse("`file_contents` is not an object")),
    };
    let mut out = Vec::with_capacity(contents.len());
    for (hash, b64) in contents {
        if !is_sha256_hex(hash) {
            return Err(refuse(format!(
                "the file carried as `{}` is not named by a SHA-256 (64 lowercase hex digits)",
                clip(&hash.escape_debug().to_string())
            )));
        }
        let Some(size) = sizes.get(hash.as_str()) else {
            return Err(refuse(format!(
                "the project file carries file {hash}, which none of its rows names"
            )));
        };
        let data = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .map_err(|e| refuse(format!("file {hash} is not base64: {e}")))?;
        if sha256_hex(&data) != *hash {
            return Err(refuse(format!(
                "file {hash} is damaged: its contents do not match its SHA-256"
            )));
        }
        if data.len() as u64 != size.unsigned_abs() {
            return Err(refuse(format!(
                "file {hash} is {} bytes, its row says {size}",
                data.len()
            )));
        }
        out.push(data);
    }
    if let Some(missing) = sizes.keys().find(|h| !contents.contains_key(**h)) {
        return Err(refuse(format!(
            "the project file names file {missing} but does not carry it"
        )));
    }
    let mut named = BTreeSet::new();
    for table in ["drawing_files", "documents"] {
        for row in rows(table) {
            let name = str_of(row, "file_name").unwrap_or_default();
            check_file_name(name)
                .map_err(|why| refuse(format!("a {table} row's file name is refused: {why}")))?;
            let hash = str_of(row, "file_hash").unwrap_or_default();
            let Some(size) = sizes.get(hash) else {
                return Err(refuse(format!(
                    "{table} `{name}` names file `{}`, which the project file does not carry",
                    clip(&hash.escape_debug().to_string())
                )));
            };
            if int_of(row, "size_bytes") != Some(*size) {
                return Err(refuse(format!(
                    "{table} `{name}`: `size_bytes` differs from its file's size ({size})"
                )));
            }
            named.insert(hash);
        }
    }
    if let Some(loose) = sizes.keys().find(|h| !named.contains(**h)) {
        return Err(refuse(format!(
            "the project file carries file {loose}, which no drawing or document names"
        )));
    }
    Ok(out)
}

/// A priced result's whole-number figure.
fn pence(v: &Value, key: &str) -> std::result::Result<i64, String> {
    v.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| format!("`{key}` is missing or not a whole number of pence"))
}

fn percentage(v: &Value, key: &str) -> std::result::Result<Percentage, String> {
    v.get(key)
        .and_then(Value::as_f64)
        .ok_or_else(|| format!("`{key}` is missing"))
        .and_then(|p| Percentage::from_f64(p).map_err(|e| format!("`{key}`: {e}")))
}

fn sum(a: i64, b: i64) -> std::result::Result<i64, String> {
    a.checked_add(b)
        .ok_or_else(|| "the figures overflow".to_owned())
}

fn equal(field: &str, stated: i64, computed: i64) -> std::result::Result<(), String> {
    if stated == computed {
        Ok(())
    } else {
        Err(format!(
            "`{field}` is {stated} but its figures make {computed}"
        ))
    }
}

/// A priced result adds up: each line's subtotal is its unit price times its quantity and its
/// total the subtotal less its discount plus its VAT; the quote's money figures are the sums of
/// its lines'; the discount is its percentage of the subtotal, the VAT its percentage of the
/// discounted subtotal (each rounded as the pricing rounds), the total what is left plus VAT.
fn check_report(r: &Value) -> std::result::Result<(), String> {
    let lines = r
        .get("lines")
        .and_then(Value::as_array)
        .ok_or("`lines` is missing")?;
    let keys = [
        "subtotal",
        "discount_amount",
        "tax_amount",
        "total",
        "material_cost",
        "labor_cost",
        "overhead_cost",
    ];
    let mut sums = [0i64; 7];
    for (i, l) in lines.iter().enumerate() {
        let at = |e: String| format!("line {}: {e}", i + 1);
        let q = pence(l, "quantity").map_err(at)?;
        let unit = pence(l, "unit_price").map_err(at)?;
        let subtotal = pence(l, "subtotal").map_err(at)?;
        let line_sub = unit.checked_mul(q).ok_or("the figures overflow")?;
        equal("subtotal", subtotal, line_sub).map_err(at)?;
        let net = subtotal
            .checked_sub(pence(l, "discount_amount").map_err(at)?)
            .ok_or("the figures overflow")?;
        let total = sum(net, pence(l, "tax_amount").map_err(at)?)?;
        equal("total", pence(l, "total").map_err(at)?, total).map_err(at)?;
        for (k, s) in keys.iter().zip(sums.iter_mut()) {
            *s = sum(*s, pence(l, k).map_err(at)?)?;
        }
    }
    for (k, s) in keys.iter().zip(sums) {
        equal(k, pence(r, k)?, s).map_err(|e| format!("{e} (the sum of its lines)"))?;
    }
    let subtotal = pence(r, "subtotal")?;
    let discount = pence(r, "discount_amount")?;
    let tax = pence(r, "tax_amount")?;
    equal(
        "discount_amount",
        discount,
        percentage(r, "discount_percentage")?.of(Pence(subtotal)).0,
    )?;
    let net = subtotal
        .checked_sub(discount)
        .ok_or("the figures overflow")?;
    equal(
        "tax_amount",
        tax,
        percentage(r, "tax_percentage")?.of(Pence(net)).0,
    )?;
    equal("total", pence(r, "total")?, sum(net, tax)?)
}

/// Every quote's figures: each revision's priced result adds up and its row and lines say the
/// same; the quote row's denormalised figures are those of its latest revision.
fn check_figures(tables: &BTreeMap<&'static str, Vec<Map<String, Value>>>) -> Result<()> {
    let rows = |t: &str| tables.get(t).map(Vec::as_slice).unwrap_or_default();
    let number_of: HashMap<&str, &str> = rows("quotes")
        .iter()
        .filter_map(|q| Some((str_of(q, "id")?, str_of(q, "quote_number")?)))
        .collect();
    let mut reports: HashMap<(&str, i64), Value> = HashMap::new();
    let mut parsed: HashMap<&str, Value> = HashMap::new();
    for rev in rows("quote_revisions") {
        let quote_id = str_of(rev, "quote_id").unwrap_or_default();
        let n = int_of(rev, "revision").unwrap_or_default();
        let quote = number_of.get(quote_id).copied().unwrap_or(quote_id);
        let wrong = |e: String| refuse(format!("quote {quote} revision {n}: {e}"));
        let report: Value = serde_json::from_str(str_of(rev, "report").unwrap_or_default())
            .map_err(|e| wrong(format!("its priced result is not readable ({e})")))?;
        check_report(&report).map_err(wrong)?;
        let total = pence(&report, "total").map_err(wrong)?;
        if int_of(rev, "total") != Some(total) {
            return Err(wrong(format!(
                "`total` is {} but its priced result says {total}",
                rev.get("total").map(Value::to_string).unwrap_or_default()
            )));
        }
        let id = str_of(rev, "id").unwrap_or_default();
        parsed.insert(id, report.clone());
        reports.insert((quote_id, n), report);
    }
    for line in rows("quote_lines") {
        let rev_id = str_of(line, "revision_id").unwrap_or_default();
        let n = int_of(line, "line_number").unwrap_or_default();
        let Some(report) = parsed.get(rev_id) else {
            return Err(refuse(format!(
                "quote line {n} belongs to a revision the project file does not carry"
            )));
        };
        let priced = report
            .get("lines")
            .and_then(Value::as_array)
            .and_then(|ls| {
                ls.iter()
                    .find(|l| l.get("line_number").and_then(Value::as_i64) == Some(n))
            })
            .ok_or_else(|| {
                refuse(format!(
                    "quote line {n} is not in its revision's priced result"
                ))
            })?;
        for field in [
            "quantity",
            "unit_price",
            "subtotal",
            "discount_amount",
            "tax_amount",
            "total",
        ] {
            if int_of(line, field) != priced.get(field).and_then(Value::as_i64) {
                let quote = report
                    .get("quote_number")
                    .and_then(Value::as_str)
                    .unwrap_or("?");
                return Err(refuse(format!(
                    "quote {quote} line {n}: `{field}` differs from the priced result it was saved with"
                )));
            }
        }
    }
    for q in rows("quotes") {
        let id = str_of(q, "id").unwrap_or_default();
        let number = str_of(q, "quote_number").unwrap_or(id);
        let latest = int_of(q, "revision").unwrap_or_default();
        let report = reports.get(&(id, latest)).ok_or_else(|| {
            refuse(format!(
                "quote {number}: its latest revision {latest} is not in the project file"
            ))
        })?;
        let mut expected: Vec<(&str, i64)> = [
            "material_cost",
            "labor_cost",
            "overhead_cost",
            "subtotal",
            "discount_amount",
            "tax_amount",
            "total",
        ]
        .iter()
        .map(|k| {
            (
                *k,
                report.get(*k).and_then(Value::as_i64).unwrap_or_default(),
            )
        })
        .collect();
        let doors = report
            .get("lines")
            .and_then(Value::as_array)
            .map_or(0, |ls| {
                ls.iter()
                    .filter_map(|l| l.get("quantity").and_then(Value::as_i64))
                    .sum::<i64>()
            });
        expected.push(("quantity", doors));
        for (field, want) in expected {
            let stated = int_of(q, field);
            if stated != Some(want) {
                return Err(refuse(format!(
                    "quote {number}: `{field}` is {} but revision {latest} was priced at {want}",
                    q.get(field).map(Value::to_string).unwrap_or_default()
                )));
            }
        }
        if str_of(q, "currency") != report.get("currency").and_then(Value::as_str) {
            return Err(refuse(format!(
                "quote {number}: `currency` differs from revision {latest}'s priced result"
            )));
        }
    }
    Ok(())
}

fn key_columns(table: &str) -> &'static [&'static str] {
    match table {
        "files" => &["hash"],
        "drawing_files" => &["drawing_id", "format"],
        _ => &["id"],
    }
}

/// Merge a checked project file's rows, then write its files (durably) before the rows commit.
pub(crate) fn merge(
    tx: &Transaction<'_>,
    files: &FileStore,
    checked: &Checked,
) -> Result<ImportSummary> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut summary = ImportSummary {
        project_number: checked.project_number.clone(),
        ..ImportSummary::default()
    };
    let mut touched_quotes = Vec::new();
    for (table, _) in TABLES {
        let local: Vec<String> = tx
            .prepare("SELECT name FROM pragma_table_info(?1)")?
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let keys = key_columns(table);
        let versioned = local.iter().any(|c| c == "version");
        for obj in checked.tables.get(*table).into_iter().flatten() {
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
        crate::quotes::rederive_percentages(tx, &id)?;
        crate::search::index_quote(tx, &id)?;
    }
    // Every row was accepted: now the files, durably, before the rows that name them commit.
    for bytes in &checked.files {
        files.put(bytes)?;
        summary.files_written += 1;
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
