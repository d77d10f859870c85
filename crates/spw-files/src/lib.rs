//! Writing output files safely, for every front end: a file — or a whole batch of them — is
//! staged under random temporary names created exclusively in the target folder (never
//! following a link another user planted), flushed to disk, and only then renamed into place,
//! so a reader never sees half a file, a crash never leaves one, and a batch that fails part-way
//! publishes nothing. A target that exists must be a regular file: a folder, link, FIFO or
//! device is refused, and a read-only file is replaced only when forced.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Temporary files start with this, so a cleanup can recognise the ones a killed process left.
pub const TEMP_PREFIX: &str = ".spw-tmp-";

/// Whether a file name is one of our temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
}

/// Why a file was not written: the step that failed, the path it concerned, and the OS error.
#[derive(Debug)]
pub struct WriteError {
    /// What was being done, e.g. `creating`, or `checking` for a refused target.
    pub step: &'static str,
    /// The file concerned.
    pub path: PathBuf,
    /// The operating system's error (or, for a refused target, why it was refused).
    pub source: std::io::Error,
}

impl WriteError {
    /// The machine code: `ERR_IO_002` when the target path was refused before anything was
    /// written (not a regular file, read-only, no such folder), `ERR_IO_001` when writing
    /// failed (disk full, no permission).
    pub fn code(&self) -> &'static str {
        if self.step == "checking" {
            "ERR_IO_002"
        } else {
            "ERR_IO_001"
        }
    }

    fn refused(path: &Path, kind: std::io::ErrorKind, why: String) -> WriteError {
        WriteError {
            step: "checking",
            path: path.to_path_buf(),
            source: std::io::Error::new(kind, why),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.step == "checking" {
            write!(f, "{}: {}", self.path.display(), self.source)
        } else {
            write!(f, "{} {}: {}", self.step, self.path.display(), self.source)
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// How an existing file at a target path is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Overwrite {
    /// A writable regular file is replaced; a read-only one is refused.
    #[default]
    Writable,
    /// A read-only regular file is replaced too (the command line's `--force`).
    Force,
}

/// Write `bytes` to `path` atomically (see the crate documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_all(&[(path, bytes)], Overwrite::Writable)
}

/// Write every file of a batch, or none: each target is checked, every file staged and flushed
/// (in parallel: one flush waits for the disk, several share its journal commits), then all are
/// renamed into place and their folders flushed. If staging fails — a full disk, say — nothing
/// is published; if a rename fails, the files this batch had newly published are removed.
pub fn write_all(files: &[(&Path, &[u8])], overwrite: Overwrite) -> Result<(), WriteError> {
    let mut seen = BTreeSet::new();
    for (path, _) in files {
        check_target(path, overwrite)?;
        if !seen.insert(*path) {
            return Err(WriteError::refused(
                path,
                std::io::ErrorKind::InvalidInput,
                "is written twice in the same batch".into(),
            ));
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push(stage(path, bytes)?);
    }
    sync_all(&staged)?;
    publish(staged)
}

/// A file written under its temporary name, waiting to be renamed to `target`.
struct Staged {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
    existed: bool,
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The target is absent, or a regular file we may replace; its folder exists.
fn check_target(path: &Path, overwrite: Overwrite) -> Result<(), WriteError> {
    use std::io::ErrorKind;
    if path.file_name().is_none() {
        return Err(WriteError::refused(
            path,
            ErrorKind::InvalidInput,
            "the output path has no file name".into(),
        ));
    }
    let dir = folder_of(path);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(WriteError::refused(
                path,
                ErrorKind::NotADirectory,
                format!("{} is not a folder", dir.display()),
            ));
        }
        Err(_) => {
            return Err(WriteError::refused(
                path,
                ErrorKind::NotFound,
                format!("the folder {} does not exist", dir.display()),
            ));
        }
    }
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(WriteError {
            step: "checking",
            path: path.to_path_buf(),
            source: e,
        }),
        Ok(m) if m.is_dir() => Err(WriteError::refused(
            path,
            ErrorKind::IsADirectory,
            "is a folder, not a file".into(),
        )),
        Ok(m) if m.file_type().is_symlink() => Err(WriteError::refused(
            path,
            ErrorKind::InvalidInput,
            "is a symbolic link; name the file itself".into(),
        )),
        Ok(m) if !m.is_file() => Err(WriteError::refused(
            path,
            ErrorKind::InvalidInput,
            "exists and is not a regular file (a device, FIFO or socket); it was left alone".into(),
        )),
        Ok(m) if m.permissions().readonly() && overwrite != Overwrite::Force => {
            Err(WriteError::refused(
                path,
                ErrorKind::PermissionDenied,
                "is read-only; use --force to replace it".into(),
            ))
        }
        Ok(_) => Ok(()),
    }
}

/// Create a temporary file exclusively (`O_EXCL`, random name) in the target's folder and
/// write the bytes to it.
fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // An output file gets the usual permissions (the umask applies), not 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|source| WriteError {
        step: "creating a temporary file for",
        path: path.to_path_buf(),
        source,
    })?;
    temp.as_file_mut()
        .write_all(bytes)
        .map_err(|source| WriteError {
            step: "writing",
            path: path.to_path_buf(),
            source,
        })?;
    Ok(Staged {
        temp,
        target: path.to_path_buf(),
        existed: std::fs::symlink_metadata(path).is_ok(),
    })
}

/// Flush every staged file to disk, a few at a time in parallel.
fn sync_all(staged: &[Staged]) -> Result<(), WriteError> {
    const THREADS: usize = 8;
    if staged.len() <= 1 {
        return staged.iter().try_for_each(sync_one);
    }
    let chunk = staged.len().div_ceil(THREADS);
    std::thread::scope(|scope| {
        let workers: Vec<_> = staged
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().try_for_each(sync_one)))
            .collect();
        let mut first = Ok(());
        for w in workers {
            let result = w.join().unwrap_or_else(|_| {
                Err(WriteError {
                    step: "flushing",
                    path: PathBuf::new(),
                    source: std::io::Error::other("a flushing thread stopped"),
                })
            });
            if first.is_ok() {
                first = result;
            }
        }
        first
    })
}

fn sync_one(s: &Staged) -> Result<(), WriteError> {
    s.temp.as_file().sync_all().map_err(|source| WriteError {
        step: "flushing",
        path: s.target.clone(),
        source,
    })
}

/// Rename every staged file into place, then flush each folder once.
fn publish(staged: Vec<Staged>) -> Result<(), WriteError> {
    let mut published: Vec<(PathBuf, bool)> = Vec::with_capacity(staged.len());
    let mut folders = BTreeSet::new();
    for s in staged {
        let Staged {
            temp,
            target,
            existed,
        } = s;
        if let Err(e) = temp.persist(&target) {
            // Take back what this batch newly put in place; replaced files cannot be restored.
            for (path, existed) in &published {
                if !existed {
                    std::fs::remove_file(path).ok();
                }
            }
            return Err(WriteError {
                step: "renaming into",
                path: target,
                source: e.error,
            });
        }
        folders.insert(folder_of(&target).to_path_buf());
        published.push((target, existed));
    }
    for dir in folders {
        sync_folder(&dir);
    }
    Ok(())
}

/// Flush a folder, so the renames in it survive a power cut (Unix; NTFS journals renames).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        d.sync_all().ok();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_the_bytes_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        assert_eq!(names(dir.path()), vec!["out.txt"]);
    }

    #[test]
    fn a_missing_folder_is_refused_naming_the_file() {
        let path = std::env::temp_dir().join("spw-files-no-such-dir/x/out.txt");
        let err = write_atomic(&path, b"x").expect_err("no folder");
        assert_eq!(err.code(), "ERR_IO_002");
        assert!(err.to_string().contains("out.txt"), "{err}");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_folder_at_the_target_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = write_atomic(dir.path(), b"x").expect_err("a folder");
        assert_eq!(err.code(), "ERR_IO_002");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_target_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"precious").expect("victim");
        let link = dir.path().join("out.pdf");
        std::os::unix::fs::symlink(&victim, &link).expect("link");
        let err = write_atomic(&link, b"x").expect_err("a link");
        assert_eq!(err.code(), "ERR_IO_002");
        assert_eq!(std::fs::read(&victim).expect("read"), b"precious");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_or_fifo_is_refused() {
        // /dev/null is a character device: as root it would otherwise be replaced.
        let err = write_atomic(Path::new("/dev/null"), b"x").expect_err("a device");
        assert_eq!(err.code(), "ERR_IO_002");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn a_read_only_file_needs_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ro.txt");
        std::fs::write(&path, b"old").expect("write");
        let mut p = std::fs::metadata(&path).expect("meta").permissions();
        p.set_readonly(true);
        std::fs::set_permissions(&path, p).expect("chmod");
        let err = write_atomic(&path, b"new").expect_err("read-only");
        assert_eq!(err.code(), "ERR_IO_002");
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        write_all(&[(&path, b"new")], Overwrite::Force).expect("forced");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
    }

    #[test]
    fn a_batch_with_one_refused_target_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.dxf");
        let b = dir.path().join("sub");
        std::fs::create_dir(&b).expect("sub");
        let err = write_all(&[(&a, b"a"), (&b, b"b")], Overwrite::Writable).expect_err("folder");
        assert_eq!(err.code(), "ERR_IO_002");
        assert_eq!(names(dir.path()), vec!["sub"]);
    }

    #[test]
    fn a_batch_is_written_whole_with_no_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths: Vec<PathBuf> = (0..40)
            .map(|i| dir.path().join(format!("f{i:02}")))
            .collect();
        let bodies: Vec<Vec<u8>> = (0..40u8).map(|i| vec![i; 1000 + usize::from(i)]).collect();
        let batch: Vec<(&Path, &[u8])> = paths
            .iter()
            .zip(&bodies)
            .map(|(p, b)| (p.as_path(), b.as_slice()))
            .collect();
        write_all(&batch, Overwrite::Writable).expect("batch");
        for (p, b) in paths.iter().zip(&bodies) {
            assert_eq!(&std::fs::read(p).expect("read"), b);
        }
        assert_eq!(names(dir.path()).len(), 40);
        assert!(names(dir.path()).iter().all(|n| !is_temp_name(n)));
    }

    #[test]
    fn the_same_target_twice_in_a_batch_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a");
        let err = write_all(&[(&a, b"1"), (&a, b"2")], Overwrite::Writable).expect_err("twice");
        assert_eq!(err.code(), "ERR_IO_002");
        assert!(names(dir.path()).is_empty());
    }
}
