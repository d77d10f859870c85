//! Writing output files safely: every file of a command — one PDF or a whole drawing batch — is
//! staged, flushed and renamed into place together, or not at all (the shared `spw-files` crate,
//! also used by the desktop shell). A target that is not a regular file is refused; a read-only
//! one is replaced only with the global `--force`.

use spw_files::{Overwrite, WriteError};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static OVERWRITE: OnceLock<Overwrite> = OnceLock::new();

/// Set once at start-up from `--force`.
pub(crate) fn set_force(force: bool) {
    let _ = OVERWRITE.set(if force {
        Overwrite::Force
    } else {
        Overwrite::Writable
    });
}

fn overwrite() -> Overwrite {
    OVERWRITE.get().copied().unwrap_or_default()
}

/// Write one file atomically.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    spw_files::write_all(&[(path, bytes)], overwrite())
}

/// Write a batch of files: all of them, or none.
pub(crate) fn write_all(batch: &[(&Path, &[u8])]) -> Result<(), WriteError> {
    spw_files::write_all(batch, overwrite())
}

/// Create the folders files will be written to (and their parents); returns those this call
/// created, outermost first, so a failed batch can take them back.
pub(crate) fn make_folders<'a>(
    dirs: impl IntoIterator<Item = &'a Path>,
) -> Result<Vec<PathBuf>, WriteError> {
    let mut made = Vec::new();
    for dir in dirs {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at.filter(|d| !d.as_os_str().is_empty()) {
            match std::fs::symlink_metadata(d) {
                Ok(m) if m.is_dir() || (m.file_type().is_symlink() && d.is_dir()) => break,
                Ok(_) => {
                    return Err(WriteError {
                        step: "checking",
                        path: d.to_path_buf(),
                        source: std::io::Error::new(
                            std::io::ErrorKind::NotADirectory,
                            "exists and is not a folder",
                        ),
                    });
                }
                Err(_) => missing.push(d.to_path_buf()),
            }
            at = d.parent();
        }
        for d in missing.into_iter().rev() {
            match std::fs::create_dir(&d) {
                Ok(()) => made.push(d),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    remove_folders(&made);
                    return Err(WriteError {
                        step: "creating folder",
                        path: d,
                        source,
                    });
                }
            }
        }
    }
    Ok(made)
}

/// Remove folders [`make_folders`] created, innermost first, where they are still empty.
pub(crate) fn remove_folders(made: &[PathBuf]) {
    for d in made.iter().rev() {
        std::fs::remove_dir(d).ok();
    }
}
