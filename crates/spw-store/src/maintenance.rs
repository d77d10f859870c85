//! Keeping the database sound: an online backup (SQLite's backup API, safe while other programs
//! write) with the files it points at, and a check that the database and its files agree.

use crate::error::{Result, StoreError};
use crate::files::{FileStore, sha256_hex};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    /// The backup database.
    pub path: String,
    /// Its size, bytes.
    pub bytes: u64,
    /// Its file folder.
    pub files_folder: String,
    /// Files in it.
    pub files: u64,
}

/// Copy the database to `dest` (written beside it and renamed into place once complete) and
/// its files to `dest`'s file folder.
pub(crate) fn backup(conn: &Connection, files: &FileStore, dest: &Path) -> Result<BackupSummary> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir).map_err(StoreError::io("creating", &dir))?;
    let name = dest.file_name().ok_or_else(|| StoreError::Argument {
        field: "path",
        message: "the backup path has no file name".into(),
    })?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        {
            let mut out = Connection::open(&tmp)?;
            let b = rusqlite::backup::Backup::new(conn, &mut out)?;
            b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        }
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(StoreError::io("flushing", &tmp))?;
        // Files first, then the database that names them.
        let target = FileStore::beside(dest);
        let mut n = 0;
        let mut stmt = conn.prepare("SELECT hash FROM files ORDER BY hash")?;
        let hashes: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for h in hashes {
            target.put(&files.get(&h)?)?;
            n += 1;
        }
        std::fs::rename(&tmp, dest).map_err(StoreError::io("renaming into", dest))?;
        if let Ok(d) = std::fs::File::open(&dir) {
            d.sync_all().ok();
        }
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupSummary {
            path: dest.display().to_string(),
            bytes,
            files_folder: target.root().display().to_string(),
            files: n,
        })
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

/// The state of a database and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// `PRAGMA integrity_check`: `ok` or its findings.
    pub integrity: String,
    /// Rows pointing at rows that do not exist.
    pub foreign_key_violations: u64,
    /// Files a row names that are not on disk.
    pub missing_files: Vec<String>,
    /// Files whose contents do not match their hash.
    pub damaged_files: Vec<String>,
    /// Files on disk no row names (left by an interrupted save; harmless).
    pub unreferenced_files: u64,
    /// Schema version.
    pub schema_version: i64,
    /// Quotes.
    pub quotes: u64,
    /// Quote revisions.
    pub quote_revisions: u64,
    /// Drawings (sheets, all revisions).
    pub drawings: u64,
    /// Outbox events not yet delivered.
    pub outbox_pending: u64,
}

impl CheckReport {
    /// Everything sound?
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
            && self.foreign_key_violations == 0
            && self.missing_files.is_empty()
            && self.damaged_files.is_empty()
    }
}

fn count(conn: &Connection, sql: &str) -> Result<u64> {
    let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

pub(crate) fn check(conn: &Connection, files: &FileStore) -> Result<CheckReport> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let findings: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let integrity = findings.join("; ");
    let mut stmt = conn.prepare("SELECT hash FROM files ORDER BY hash")?;
    let hashes: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut missing = Vec::new();
    let mut damaged = Vec::new();
    for h in &hashes {
        match std::fs::read(files.path(h)) {
            Err(_) => missing.push(h.clone()),
            Ok(b) if sha256_hex(&b) != *h => damaged.push(h.clone()),
            Ok(_) => {}
        }
    }
    let mut on_disk = 0u64;
    if let Ok(dirs) = std::fs::read_dir(files.root()) {
        for d in dirs.flatten() {
            if let Ok(inner) = std::fs::read_dir(d.path()) {
                for f in inner.flatten() {
                    let name = f.file_name().to_string_lossy().into_owned();
                    let full = format!("{}{name}", d.file_name().to_string_lossy());
                    if !name.starts_with('.') && hashes.binary_search(&full).is_err() {
                        on_disk += 1;
                    }
                }
            }
        }
    }
    Ok(CheckReport {
        integrity,
        foreign_key_violations: count(conn, "SELECT count(*) FROM pragma_foreign_key_check")?,
        missing_files: missing,
        damaged_files: damaged,
        unreferenced_files: on_disk,
        schema_version: crate::migrations::version(conn)?,
        quotes: count(conn, "SELECT count(*) FROM quotes")?,
        quote_revisions: count(conn, "SELECT count(*) FROM quote_revisions")?,
        drawings: count(conn, "SELECT count(*) FROM drawings")?,
        outbox_pending: count(conn, "SELECT count(*) FROM outbox WHERE status = 'pending'")?,
    })
}
