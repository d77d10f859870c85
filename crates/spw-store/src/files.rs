//! Content-addressed files — drawings and documents — kept on disk beside the database, named
//! by their SHA-256 and listed in the `files` table.
//!
//! Order of writing (the crash-safety rule): a file is written to a temporary file created
//! exclusively under a random name in its final folder (never following a link someone planted),
//! flushed to disk, renamed into place and its folder flushed, all *before* the transaction whose
//! rows point at it commits. A crash can leave a file no row names (the check reports it as
//! unreferenced) or a temporary file (counted, and removed once stale), never a row naming a
//! missing or half-written file.
//!
//! Only a well-formed SHA-256 (64 lowercase hex digits) ever becomes a path here, so a hash read
//! from a hostile project file or database cannot reach outside the folder.

use crate::error::{Result, StoreError};
use crate::migrations::Migration;
use rusqlite::{Transaction, params};
use sha2::{Digest, Sha256};
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

/// Whether `s` is a SHA-256 as the store writes it: exactly 64 lowercase hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The longest file name kept with a drawing or document, in bytes (most file systems allow 255).
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// Check that `name` is one plain file-name component, safe to join to any output folder: not
/// empty, no `/` or `\`, not `.` or `..`, no drive prefix (`C:`), no NUL or control
/// characters, at most [`MAX_FILE_NAME_BYTES`] bytes. The answer says what is wrong.
pub fn check_file_name(name: &str) -> std::result::Result<(), String> {
    if name.is_empty() {
        return Err("the file name is empty".into());
    }
    if name.len() > MAX_FILE_NAME_BYTES {
        return Err(format!(
            "the file name is {} bytes long (at most {MAX_FILE_NAME_BYTES})",
            name.len()
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("`{name}` is not a file name"));
    }
    if name.contains(['/', '\\', ':']) {
        return Err(format!(
            "`{}` is a path, not a plain file name (it could be written outside the folder)",
            name.escape_debug()
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(format!(
            "`{}` contains control characters",
            name.escape_debug()
        ));
    }
    let mut parts = Path::new(name).components();
    match (parts.next(), parts.next()) {
        (Some(std::path::Component::Normal(_)), None) => Ok(()),
        _ => Err(format!(
            "`{}` is not a plain file name",
            name.escape_debug()
        )),
    }
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

    /// Where the file with this hash lives (the caller has checked it is a SHA-256).
    pub fn path(&self, hash: &str) -> PathBuf {
        let (a, b) = hash.split_at(hash.len().min(2));
        self.root.join(a).join(b)
    }

    /// Store `bytes` durably; returns their hash. A regular file already there with the same
    /// size is kept (same hash, same contents).
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        let hash = sha256_hex(bytes);
        let path = self.path(&hash);
        if std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        {
            return Ok(hash);
        }
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        let made_dir = !dir.is_dir();
        std::fs::create_dir_all(&dir).map_err(StoreError::io("creating", &dir))?;
        if made_dir {
            // The new sub-folder's own name must survive a power cut too.
            sync_dir(&self.root)?;
        }
        spw_files::write_atomic(&path, bytes).map_err(|e| StoreError::Io {
            action: e.step,
            path: e.path,
            source: e.source,
        })?;
        Ok(hash)
    }

    /// The contents of a stored file, checked against its hash. A hash that is not a SHA-256
    /// is refused without touching the disk.
    pub fn get(&self, hash: &str) -> Result<Vec<u8>> {
        if !is_sha256_hex(hash) {
            return Err(StoreError::Corrupt {
                path: self.root.clone(),
                detail: format!(
                    "a row names the file `{}`, which is not a SHA-256",
                    hash.escape_debug()
                ),
            });
        }
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

    #[test]
    fn a_hash_that_is_not_a_sha256_never_becomes_a_path() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io("temp", "."))?;
        let fs = FileStore::beside(&dir.path().join("x.db"));
        for bad in [
            "../../../../etc/passwd",
            "/etc/passwd",
            "",
            &"A".repeat(64),
            &format!("{}/", "a".repeat(63)),
        ] {
            assert!(!is_sha256_hex(bad), "{bad}");
            assert!(
                matches!(fs.get(bad), Err(StoreError::Corrupt { .. })),
                "{bad}"
            );
        }
        assert!(is_sha256_hex(&sha256_hex(b"x")));
        Ok(())
    }

    #[test]
    fn put_leaves_no_temporary_file_and_keeps_an_existing_one() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io("temp", "."))?;
        let fs = FileStore::beside(&dir.path().join("x.db"));
        let h = fs.put(b"drawing")?;
        let folder = fs
            .path(&h)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let names: Vec<String> = std::fs::read_dir(&folder)
            .map_err(StoreError::io("listing", &folder))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![h.get(2..).unwrap_or_default().to_owned()]);
        Ok(())
    }

    #[test]
    fn only_plain_file_names_pass() {
        for good in [
            "SPW600e-ELV-001-A.dxf",
            "Q-2026-7KQ2-001-R2-package.pdf",
            "a",
            ".hidden",
        ] {
            assert_eq!(check_file_name(good), Ok(()), "{good}");
        }
        let long = "x".repeat(MAX_FILE_NAME_BYTES + 1);
        for bad in [
            "",
            ".",
            "..",
            "../../x",
            "/abs/path",
            "a/b",
            "a\\b",
            "C:x",
            "a\0b",
            "a\nb",
            &long,
        ] {
            assert!(check_file_name(bad).is_err(), "{bad:?}");
        }
    }
}
