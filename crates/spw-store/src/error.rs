//! What can go wrong with the store, each with a machine code the front ends print and the
//! desktop matches on.

use std::path::PathBuf;

/// A refused or failed store operation.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// `ERR_STORE_001`: no such quote, revision, project or file.
    #[error("ERR_STORE_001: {what} `{key}` not found")]
    NotFound {
        /// What was looked for (`quote`, `revision`, `project`, …).
        what: &'static str,
        /// The key asked for.
        key: String,
    },
    /// `ERR_STORE_002`: the row changed since it was read (optimistic concurrency), or an
    /// import carries a revision this workstation made differently.
    #[error(
        "ERR_STORE_002: {what} `{key}` was changed elsewhere (you edited version {expected}, \
         it is now at version {actual}); reload it and apply your change again"
    )]
    Conflict {
        /// What was updated.
        what: &'static str,
        /// Its key.
        key: String,
        /// The version the caller had.
        expected: i64,
        /// The version stored now.
        actual: i64,
    },
    /// `ERR_STORE_003`: the file is not an SPW600e database or is damaged. It is never written.
    #[error(
        "ERR_STORE_003: {path} is not a usable SPW600e database: {detail}; it was left untouched"
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What SQLite or the check said.
        detail: String,
    },
    /// `ERR_STORE_004`: the database was made by a newer version of the program.
    #[error(
        "ERR_STORE_004: {path} has schema version {found}, newer than this program understands \
         ({supported}); it was left untouched — update SPW600e Designer to open it"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// `ERR_STORE_005`: another program held the database longer than the busy timeout.
    #[error("ERR_STORE_005: the database is busy (another program is writing to it); try again")]
    Busy,
    /// `ERR_STORE_006`: a project file to import is not one this program can read.
    #[error("ERR_STORE_006: {0}")]
    Transfer(String),
    /// `ERR_STORE_007`: a file of the store could not be read or written.
    #[error("ERR_STORE_007: {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// `ERR_STORE_008`: an argument the store cannot accept (e.g. a page size of 0).
    #[error("ERR_STORE_008: {field}: {message}")]
    Argument {
        /// The argument.
        field: &'static str,
        /// What is wrong and the limit.
        message: String,
    },
    /// `ERR_STORE_009`: an unexpected database error.
    #[error("ERR_STORE_009: database error: {0}")]
    Database(rusqlite::Error),
    /// The quote or door is invalid: the core's coded issues (`ERR_VAL_…`).
    #[error("the input is invalid ({} issues)", .0.report.issues.len())]
    Invalid(spw_app::Refusal),
    /// A status change the quote cannot make (`ERR_QUOTE_001`).
    #[error("{0}")]
    Status(#[from] spw_quote::StatusError),
    /// A drawing could not be made (`ERR_DWG_001`).
    #[error("{code}: {message}")]
    Drawing {
        /// Machine code.
        code: &'static str,
        /// What went wrong.
        message: String,
    },
}

impl StoreError {
    /// The machine code.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "ERR_STORE_001",
            StoreError::Conflict { .. } => "ERR_STORE_002",
            StoreError::Corrupt { .. } => "ERR_STORE_003",
            StoreError::NewerSchema { .. } => "ERR_STORE_004",
            StoreError::Busy => "ERR_STORE_005",
            StoreError::Transfer(_) => "ERR_STORE_006",
            StoreError::Io { .. } => "ERR_STORE_007",
            StoreError::Argument { .. } => "ERR_STORE_008",
            StoreError::Database(_) => "ERR_STORE_009",
            StoreError::Invalid(r) => r
                .report
                .issues
                .first()
                .map_or("ERR_VAL_001", |i| i.code.as_str()),
            StoreError::Status(_) => "ERR_QUOTE_001",
            StoreError::Drawing { code, .. } => code,
        }
    }

    /// The same error, reported against `path` where SQLite could only say "the database".
    pub(crate) fn at(self, path: &std::path::Path) -> StoreError {
        let unlocated = |p: &PathBuf| p.as_os_str() == THE_DATABASE;
        match self {
            StoreError::Corrupt { path: p, detail } if unlocated(&p) => StoreError::Corrupt {
                path: path.to_path_buf(),
                detail,
            },
            StoreError::Io {
                action,
                path: p,
                source,
            } if unlocated(&p) => StoreError::Io {
                action,
                path: path.to_path_buf(),
                source,
            },
            other => other,
        }
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

/// The path an error from SQLite is reported against until the store puts the database's own
/// path in its place (see `Store::locate`).
pub(crate) const THE_DATABASE: &str = "the database";

impl From<rusqlite::Error> for StoreError {
    /// SQLite's answer, by what it means for the person at the desk: busy (try again), damaged
    /// (`ERR_STORE_003`, leave it alone), or the disk or the file itself failing — full, an I/O
    /// error, no permission, read-only (`ERR_STORE_007`: the database may well be healthy, so
    /// it must never be reported as damaged).
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let disk = |action: &'static str, kind: std::io::ErrorKind, why: String| StoreError::Io {
            action,
            path: PathBuf::from(THE_DATABASE),
            source: std::io::Error::new(kind, why),
        };
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Corrupt {
                path: PathBuf::from(THE_DATABASE),
                detail: format!("it is damaged ({e})"),
            },
            Some(C::DiskFull) => disk(
                "writing",
                std::io::ErrorKind::StorageFull,
                format!("the disk is full ({e})"),
            ),
            Some(C::SystemIoFailure) => disk(
                "reading or writing",
                std::io::ErrorKind::Other,
                format!("the disk reported an I/O error ({e})"),
            ),
            Some(C::CannotOpen | C::PermissionDenied) => disk(
                "opening",
                std::io::ErrorKind::PermissionDenied,
                format!("the file or its folder cannot be opened ({e})"),
            ),
            Some(C::ReadOnly) => disk(
                "writing",
                std::io::ErrorKind::PermissionDenied,
                format!("the file or its folder is read-only ({e})"),
            ),
            _ => StoreError::Database(e),
        }
    }
}

impl From<spw_app::drawings::DrawFailure> for StoreError {
    fn from(f: spw_app::drawings::DrawFailure) -> Self {
        match f {
            spw_app::drawings::DrawFailure::Invalid(r) => StoreError::Invalid(r),
            spw_app::drawings::DrawFailure::Drawing { code, message } => {
                StoreError::Drawing { code, message }
            }
        }
    }
}

/// Store results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
