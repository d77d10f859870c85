//! Content-addressed files — drawings and documents — kept on disk beside the database, named
//! by their SHA-256 and listed in the `files` table.
//!
//! Order of writing (the crash-safety rule): a file is written to a temporary name in its final
//! folder, flushed to disk, renamed into place and its folder flushed, all *before* the
//! transaction whose rows point at it commits. A crash can leave a file no row names (the check
//! reports it as unreferenced), never a row naming a missing or half-written file.

use crate::error::{Result, StoreError};
use crate::migrations::Migration;
use rusqlite::{Transaction, params};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 5,
    name: "files",
    sql: "
        CREATE TABLE files (
            hash       TEXT PRIMARY KEY,
            size_bytes INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
    ",
    audited: &[],
    additive: true,
}];

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The media type of a file name's extension.
pub fn media_type(name: &str) -> &'static str {
    match name
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("dxf") => "image/vnd.dxf",
        Some("csv") => "text/csv",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

/// The folder of content-addressed files of one database.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

impl FileStore {
    /// The file folder of the database at `db`: `<db>.files` beside it.
    pub fn beside(db: &Path) -> FileStore {
        let mut name = db.file_name().unwrap_or_default().to_os_string();
        name.push(".files");
        FileStore {
            root: db.with_file_name(name),
        }
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the file with this hash lives.
    pub fn path(&self, hash: &str) -> PathBuf {
        let (a, b) = hash.split_at(hash.len().min(2));
        self.root.join(a).join(b)
    }

    /// Store `bytes` durably; returns their hash. A file already there with the same size is
    /// kept (same hash, same contents).
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        let hash = sha256_hex(bytes);
        let path = self.path(&hash);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(hash);
        }
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        std::fs::create_dir_all(&dir).map_err(StoreError::io("creating", &dir))?;
        let tmp = dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp).map_err(StoreError::io("creating", &tmp))?;
            f.write_all(bytes)
                .map_err(StoreError::io("writing", &tmp))?;
            f.sync_all().map_err(StoreError::io("flushing", &tmp))?;
            std::fs::rename(&tmp, &path).map_err(StoreError::io("renaming into", &path))?;
            sync_dir(&dir)?;
            sync_dir(&self.root)
        })();
        if written.is_err() {
            std::fs::remove_file(&tmp).ok();
        }
        written.map(|()| hash)
    }

    /// The contents of a stored file, checked against its hash.
    pub fn get(&self, hash: &str) -> Result<Vec<u8>> {
        let path = self.path(hash);
        let bytes = std::fs::read(&path).map_err(StoreError::io("reading", &path))?;
        if sha256_hex(&bytes) != hash {
            return Err(StoreError::Corrupt {
                path,
                detail: "the file's contents do not match its SHA-256 name".into(),
            });
        }
        Ok(bytes)
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<()> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io("flushing folder", dir))
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<()> {
    // Windows cannot open a folder as a file; NTFS journals the rename itself.
    Ok(())
}

/// List a stored file in the database (inside the transaction that points at it).
pub(crate) fn record(
    tx: &Transaction<'_>,
    hash: &str,
    size: usize,
    name: &str,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO files(hash, size_bytes, media_type, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![hash, size as i64, media_type(name), now],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_then_get_round_trips_and_dedupes() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io("temp", "."))?;
        let fs = FileStore::beside(&dir.path().join("x.db"));
        let a = fs.put(b"hello")?;
        let b = fs.put(b"hello")?;
        assert_eq!(a, b);
        assert_eq!(a, sha256_hex(b"hello"));
        assert_eq!(fs.get(&a)?, b"hello");
        std::fs::write(fs.path(&a), b"jello").map_err(StoreError::io("w", "."))?;
        assert!(matches!(fs.get(&a), Err(StoreError::Corrupt { .. })));
        Ok(())
    }
}
