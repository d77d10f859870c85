//! Keeping the database sound: an online backup with the files it points at, a check that the
//! database and its files agree, and clearing away the temporary files a killed program left.
//!
//! The backup is `VACUUM INTO` a temporary file created exclusively beside the destination: one
//! read transaction, so it finishes however busily other programs write (SQLite's step-wise
//! backup starts again after every write by another connection, and under a steady load never
//! ends). The copy is flushed to disk, the files it names are copied, and only then is it
//! renamed into place.

use crate::error::{Result, StoreError};
use crate::files::{FileStore, is_sha256_hex, sha256_hex};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file not written to for this long was left by a program that was killed or lost
/// power; it is removed when a store next opens for writing. No live save or backup leaves its
/// temporary file untouched this long.
pub const STALE_TEMPORARY_FILE_AGE: Duration = Duration::from_secs(60 * 60);

/// `spw db check --fix` removes temporary files not written to for this long: long enough that
/// a save or backup running at the same moment keeps its own (a backup touches its file after
/// every file it copies).
pub const FIX_TEMPORARY_FILE_AGE: Duration = Duration::from_secs(60);

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

fn folder_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Copy the database to `dest` (a consistent snapshot made beside it and renamed into place
/// once complete and flushed) and its files to `dest`'s file folder.
pub(crate) fn backup(conn: &Connection, files: &FileStore, dest: &Path) -> Result<BackupSummary> {
    let dir = folder_of(dest);
    std::fs::create_dir_all(&dir).map_err(StoreError::io("creating", &dir))?;
    if dest.file_name().is_none() {
        return Err(StoreError::Argument {
            field: "path",
            message: "the backup path has no file name".into(),
        });
    }
    if let Ok(m) = std::fs::symlink_metadata(dest)
        && !m.is_file()
    {
        return Err(StoreError::Argument {
            field: "path",
            message: format!(
                "{} exists and is not a regular file (a folder, link or device); it was left alone",
                dest.display()
            ),
        });
    }
    remove_temporary_files_in(&dir, false, STALE_TEMPORARY_FILE_AGE);
    let temp = tempfile::Builder::new()
        .prefix(spw_files::TEMP_PREFIX)
        .suffix(".db")
        .tempfile_in(&dir)
        .map_err(StoreError::io("creating a temporary file in", &dir))?;
    let tmp_path = temp.path().to_path_buf();
    let tmp_text = tmp_path.to_str().ok_or_else(|| StoreError::Argument {
        field: "path",
        message: format!("{} is not valid UTF-8", dest.display()),
    })?;
    // One read transaction: a snapshot, however many writes others make meanwhile.
    conn.execute("VACUUM INTO ?1", [tmp_text])
        .map_err(|e| StoreError::from(e).at(&tmp_path))?;
    temp.as_file()
        .sync_all()
        .map_err(StoreError::io("flushing", &tmp_path))?;
    // Files next, then the database that names them. Rows are only ever added, so the files the
    // live database names now include every file the snapshot names.
    let target = FileStore::beside(dest);
    let mut stmt = conn.prepare("SELECT hash FROM files ORDER BY hash")?;
    let hashes: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut n = 0;
    for h in hashes {
        target.put(&files.get(&h)?)?;
        n += 1;
        // Still alive: a cleanup elsewhere must not take this file for a stale one.
        temp.as_file().set_modified(SystemTime::now()).ok();
    }
    temp.persist(dest).map_err(|e| StoreError::Io {
        action: "renaming into",
        path: dest.to_path_buf(),
        source: e.error,
    })?;
    #[cfg(unix)]
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
}

/// Whether a file name in the file store's folders is a temporary file: ours, or one an older
/// version of the store made (`.tmp-<pid>-<id>`).
fn is_file_store_temp(name: &str) -> bool {
    spw_files::is_temp_name(name) || name.starts_with(".tmp-")
}

/// The folders temporary files of a database can be left in: the database's own folder (backups,
/// exports), the file store and each of its sub-folders.
fn temporary_folders(db: &Path, files: &FileStore) -> Vec<(PathBuf, bool)> {
    let mut folders = vec![(folder_of(db), false), (files.root().to_path_buf(), true)];
    if let Ok(dirs) = std::fs::read_dir(files.root()) {
        for d in dirs.flatten() {
            if d.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push((d.path(), true));
            }
        }
    }
    folders
}

/// The temporary files in one folder, with when each was last written.
fn temporary_files_in(dir: &Path, file_store: bool) -> Vec<(PathBuf, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if file_store {
                is_file_store_temp(&name)
            } else {
                spw_files::is_temp_name(&name)
            }
        })
        .filter_map(|e| {
            let m = std::fs::symlink_metadata(e.path()).ok()?;
            m.is_file()
                .then(|| (e.path(), m.modified().unwrap_or(SystemTime::UNIX_EPOCH)))
        })
        .collect()
}

fn remove_temporary_files_in(dir: &Path, file_store: bool, older: Duration) -> u64 {
    let now = SystemTime::now();
    let mut removed = 0;
    for (path, modified) in temporary_files_in(dir, file_store) {
        let age = now.duration_since(modified).unwrap_or(Duration::ZERO);
        if age >= older && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Every temporary file beside the database and in its file store.
pub(crate) fn temporary_files(db: &Path, files: &FileStore) -> Vec<PathBuf> {
    temporary_folders(db, files)
        .into_iter()
        .flat_map(|(dir, fs)| temporary_files_in(&dir, fs))
        .map(|(p, _)| p)
        .collect()
}

/// Remove the temporary files beside the database and in its file store not written to for
/// `older_than`; returns how many were removed.
pub(crate) fn remove_temporary_files(db: &Path, files: &FileStore, older_than: Duration) -> u64 {
    temporary_folders(db, files)
        .into_iter()
        .map(|(dir, fs)| remove_temporary_files_in(&dir, fs, older_than))
        .sum()
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
    /// Temporary files beside the database and in its file store (left by a program killed
    /// mid-save, or belonging to one saving right now; `spw db check --fix` removes the stale).
    pub temporary_files: u64,
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

pub(crate) fn check(conn: &Connection, db: &Path, files: &FileStore) -> Result<CheckReport> {
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
        if !is_sha256_hex(h) {
            // Never a path: a name like `../../etc/passwd` is reported, not read.
            damaged.push(h.clone());
            continue;
        }
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
        temporary_files: temporary_files(db, files).len() as u64,
        schema_version: crate::migrations::version(conn)?,
        quotes: count(conn, "SELECT count(*) FROM quotes")?,
        quote_revisions: count(conn, "SELECT count(*) FROM quote_revisions")?,
        drawings: count(conn, "SELECT count(*) FROM drawings")?,
        outbox_pending: count(conn, "SELECT count(*) FROM outbox WHERE status = 'pending'")?,
    })
}
