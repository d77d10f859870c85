//! Writing output files safely: each file goes to a temporary name in the target folder, is
//! flushed to disk and renamed into place, so a reader never sees half a file and a crash never
//! leaves one. Shared by the `spw` command line and the desktop shell; the only I/O helper the
//! front ends have in common.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written: the step that failed, the path it concerned, and the OS error.
#[derive(Debug)]
pub struct WriteError {
    /// What was being done, e.g. `creating`.
    pub step: &'static str,
    /// The file concerned.
    pub path: PathBuf,
    /// The operating system's error.
    pub source: std::io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.step, self.path.display(), self.source)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Write `bytes` to `path` atomically (temp file, fsync, rename, fsync the folder).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = path.file_name() else {
        return Err(WriteError {
            step: "naming",
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "output path has no file name",
            ),
        });
    };
    let tmp: PathBuf = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let fail = |step: &'static str, p: &Path| {
        let p = p.to_path_buf();
        move |source| WriteError {
            step,
            path: p,
            source,
        }
    };
    let result = (|| -> Result<(), WriteError> {
        let mut f = std::fs::File::create(&tmp).map_err(fail("creating", &tmp))?;
        f.write_all(bytes).map_err(fail("writing", &tmp))?;
        f.sync_all().map_err(fail("flushing", &tmp))?;
        std::fs::rename(&tmp, path).map_err(fail("renaming into", path))?;
        if let Ok(d) = std::fs::File::open(dir) {
            d.sync_all().ok();
        }
        Ok(())
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_bytes_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("spw-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("out.txt");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let path = std::env::temp_dir().join("spw-files-no-such-dir/x/out.txt");
        let err = write_atomic(&path, b"x").expect_err("no folder");
        assert_eq!(err.step, "creating");
        assert!(err.to_string().contains("out.txt"), "{err}");
    }
}
