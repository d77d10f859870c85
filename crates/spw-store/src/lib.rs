//! The workstation database: customers, projects, quotes with every revision, drawing issues
//! with their files, produced documents, the outbox and inbox of the sync engine, and the audit
//! log — one SQLite file per user (WAL, foreign keys on, `synchronous = FULL`), offline first.
//!
//! Every change goes through one write path: an immediate transaction (waiting out another
//! writer up to the busy timeout, then retrying), in which the business rows, their outbox event
//! and — by trigger — their audit records are written together, or not at all. Files are made
//! durable before the transaction that names them commits. Mutable rows carry a `version`; an
//! update made from a stale read is refused (`ERR_STORE_002`), never merged silently.
//!
//! A file that is not an SPW600e database, is damaged, or comes from a newer program is refused
//! (`ERR_STORE_003`, `ERR_STORE_004`) before anything is written to it: its header is read
//! without SQLite (a file cut short is caught there), and before a session's first write SQLite's
//! `quick_check` looks at every page. A full disk, an I/O error or a read-only file is not
//! damage: it is `ERR_STORE_007`, so nobody throws away a healthy database over it.

mod audit;
mod clock;
mod documents;
mod drawings;
mod error;
mod events;
mod files;
mod maintenance;
mod meta;
pub mod migrations;
mod parties;
mod quotes;
mod search;
mod transfer;

pub use audit::AuditEntry;
pub use clock::{Clock, SystemClock, TestClock};
pub use documents::{DocumentKind, NewDocument, StoredDocument};
pub use drawings::{DrawingRevision, IssueOptions, StoredDrawing, StoredFile};
pub use error::{Result, StoreError};
pub use events::{IncomingEvent, OutboxEvent, timestamp};
pub use files::{FileStore, MAX_FILE_NAME_BYTES, check_file_name, is_sha256_hex, sha256_hex};
pub use maintenance::{
    BackupSummary, CheckReport, FIX_TEMPORARY_FILE_AGE, STALE_TEMPORARY_FILE_AGE,
};
pub use quotes::{QuoteDetail, RevisionSummary, SavedQuote, StatusChange, StatusEntry};
pub use search::{MAX_PAGE_SIZE, QuoteListItem, QuotePage, QuoteQuery, edit_distance};
pub use spw_protocol::{Direction, EventType, Priority, UnknownEventType};
pub use transfer::{ImportSummary, MAX_PROJECT_FILE_BYTES, read_project_file};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::Serialize;
use spw_model::catalogue::Catalogue;
use spw_quote::QuoteStatus;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use time::{Date, OffsetDateTime};

/// `PRAGMA application_id` of SPW600e databases ("SPW6").
pub const APPLICATION_ID: i32 = 0x5350_5736;

/// How long a write waits for another program's transaction before retrying.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The person the store acts for: recorded as `requested_by`, `changed_by` and in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Name (or login).
    pub name: String,
    /// E-mail, when known.
    pub email: Option<String>,
}

impl Actor {
    /// The person at this workstation: `name` when one is given (the CLI's `--user`, the app's
    /// "drawn by"), else the operating system's login name (asked of the OS, so it is known
    /// even where `USER` is not set), else "unknown".
    pub fn at_workstation(name: Option<&str>, email: Option<String>) -> Self {
        let name = name
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .or_else(|| whoami::username().ok())
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "unknown".into());
        Self { name, email }
    }
}

/// The application identifier: the folder name of the per-user data folder, the same one the
/// desktop app uses (its `tauri.conf.json` identifier), so the app and `spw` share a database.
pub const APP_IDENTIFIER: &str = "com.sfgaluminium.spw600e-designer";

/// The database's file name in that folder.
pub const FILE_NAME: &str = "spw600e.db";

/// Where the database lives by default: the OS's per-user application data folder
/// (`%APPDATA%\com.sfgaluminium.spw600e-designer` on Windows,
/// `~/Library/Application Support/com.sfgaluminium.spw600e-designer` on macOS,
/// `$XDG_DATA_HOME/com.sfgaluminium.spw600e-designer` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join(APP_IDENTIFIER).join(FILE_NAME))
}

/// Which revision of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevisionRef {
    /// The latest quote revision.
    Latest,
    /// Quote revision 1, 2, …
    Quote(u32),
    /// The quote revision drawing revision `A`, `B`, … was drawn from.
    Drawing(String),
}

impl RevisionRef {
    /// `3` → quote revision 3; `B` → drawing revision B; empty → latest.
    pub fn parse(s: &str) -> Option<RevisionRef> {
        let s = s.trim();
        if s.is_empty() {
            return Some(RevisionRef::Latest);
        }
        if let Ok(n) = s.parse::<u32>() {
            return (n > 0).then_some(RevisionRef::Quote(n));
        }
        let up = s.to_ascii_uppercase();
        up.bytes()
            .all(|b| b.is_ascii_uppercase())
            .then_some(RevisionRef::Drawing(up))
    }
}

/// A door configuration as stored for one line of one revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDoor {
    /// Quote number.
    pub quote_number: String,
    /// Quote revision.
    pub quote_revision: u32,
    /// Drawing revision letter, when asked by letter.
    pub drawing_revision: Option<String>,
    /// Line.
    pub line_number: u32,
    /// The configuration (JSON text).
    pub door_configuration: String,
}

/// A project, for listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectSummary {
    /// Number.
    pub project_number: String,
    /// Name.
    pub project_name: String,
    /// Reference.
    pub project_reference: Option<String>,
    /// Customer.
    pub customer_name: String,
    /// Quotes in it.
    pub quotes: u64,
}

/// An open workstation database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    files: FileStore,
    actor: Actor,
    workstation: String,
    /// Where "now" comes from for every timestamp the store writes.
    clock: Arc<dyn Clock>,
    /// Whether this session has checked every page (`quick_check`) and may write.
    checked: bool,
    /// Whether a write-ahead log was left beside the file when it was opened (a crash, or another
    /// program using it): until the file is checked, closing must not copy it into the file.
    wal_left: bool,
}

fn corrupt(path: &Path, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// What an error while opening means: damage and foreign files are `ERR_STORE_003`, the disk
/// failing `ERR_STORE_007`, anything else SQLite says at this point makes it unusable.
fn opening(path: &Path, e: rusqlite::Error) -> StoreError {
    match StoreError::from(e) {
        StoreError::Database(e) => corrupt(path, e),
        other => other.at(path),
    }
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A write-ahead log with something in it beside the database: another program has it open, or
/// one was killed with changes not yet copied into the file.
fn wal_left(path: &Path) -> bool {
    std::fs::metadata(side_file(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// Read the header of an existing file without letting SQLite touch it: is it SQLite at all, is
/// its page size sane, is it a whole number of pages, and not shorter than its header says?
///
/// A finding is looked at again a moment later before it is believed: another program copying
/// its log into the file (a checkpoint) grows it page by page after rewriting the header.
fn precheck(path: &Path) -> Result<()> {
    let mut attempt = 0;
    loop {
        match precheck_once(path) {
            Err(StoreError::Corrupt { .. }) if attempt < 3 => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(40));
            }
            other => return other,
        }
    }
}

fn precheck_once(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io("opening", path)(e)),
    };
    let mut head = Vec::with_capacity(100);
    (&mut f)
        .take(100)
        .read_to_end(&mut head)
        .map_err(StoreError::io("reading", path))?;
    if head.is_empty() {
        return Ok(());
    }
    let len = f.metadata().map_err(StoreError::io("reading", path))?.len();
    if head.len() < 100 || !head.starts_with(b"SQLite format 3\0") {
        return Err(corrupt(path, "it is not a SQLite database"));
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(corrupt(path, "its header is damaged (no valid page size)"));
    }
    if len % page_size != 0 {
        return Err(corrupt(
            path,
            format!(
                "it is damaged or cut short: {len} bytes is not a whole number of {page_size}-byte pages"
            ),
        ));
    }
    let pages = u64::from(be32(28));
    let size_valid = pages > 0 && be32(24) == be32(92);
    if size_valid && !wal_left(path) && len < pages * page_size {
        return Err(corrupt(
            path,
            format!(
                "it is cut short: its header says {pages} pages of {page_size} bytes, the file has {len} bytes"
            ),
        ));
    }
    Ok(())
}

/// Audit records take their time from the store's clock too: the triggers in the file stamp them
/// with SQLite's own `'now'`, and this connection-only (temporary) trigger restamps each one with
/// `spw_now()` — nothing is written to the file's schema.
fn use_clock_for_audit(conn: &Connection, clock: Arc<dyn Clock>) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "spw_now",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        move |_| Ok(events::timestamp(clock.now())),
    )?;
    conn.execute_batch(
        "CREATE TEMP TRIGGER IF NOT EXISTS spw_audit_clock AFTER INSERT ON main.activity_log
         BEGIN
           UPDATE activity_log SET timestamp = spw_now() WHERE id = NEW.id;
         END;",
    )
}

impl Store {
    /// Open (or create) the database at `path` for `actor`, bringing its schema up to date.
    ///
    /// Nothing is written to a file that is not ours, is damaged or is newer: it is looked at
    /// first, and every page is checked before the first write (here, when the schema must be
    /// created or brought up to date; otherwise before the session's first change).
    pub fn open(path: &Path, actor: Actor) -> Result<Store> {
        Self::open_with_clock(path, actor, Arc::new(SystemClock))
    }

    /// [`Store::open`], with every timestamp the store writes — rows, outbox events and their
    /// retry times, audit records — taken from `clock` (a [`TestClock`] pins them in tests).
    pub fn open_with_clock(path: &Path, actor: Actor, clock: Arc<dyn Clock>) -> Result<Store> {
        precheck(path)?;
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(StoreError::io("creating", dir))?;
        }
        let wal_left = wal_left(path);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| opening(path, e))?;
        if wal_left {
            // Until the file is known sound, closing must not copy the log into it.
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
                .map_err(|e| opening(path, e))?;
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        audit::register_actor(&conn, &actor.name, actor.email.as_deref())?;
        // Look before writing anything: whose file is it, and how new?
        let looked = (|| -> rusqlite::Result<(i32, i64, i64, String)> {
            let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let version = migrations::version(&conn)?;
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            Ok((app, version, tables, mode))
        })();
        let (app, version, tables, mode) = looked.map_err(|e| opening(path, e))?;
        // Only an empty file is new: no tables, no schema version, no other program's id.
        let new = app == 0 && version == 0 && tables == 0;
        if app != APPLICATION_ID && !new {
            return Err(corrupt(
                path,
                if app == 0 {
                    "it is a SQLite database of another program (it has tables or a schema \
                     version, and is not marked as an SPW600e database)"
                } else {
                    "it is a SQLite database of another program (application id differs)"
                },
            ));
        }
        let latest = migrations::latest();
        if version > latest {
            let compatible = migrations::compatible_from(&conn).map_err(|e| opening(path, e))?;
            if compatible.is_none_or(|c| c > latest) {
                return Err(StoreError::NewerSchema {
                    path: path.to_path_buf(),
                    found: version,
                    supported: latest,
                });
            }
        }
        let mut store = Store {
            files: FileStore::beside(path),
            path: path.to_path_buf(),
            conn,
            actor,
            workstation: String::new(),
            clock,
            checked: false,
            wal_left,
        };
        if new || version < latest || !mode.eq_ignore_ascii_case("wal") {
            // The schema or the journal is about to be written: check every page first.
            store.ready_to_write()?;
        }
        let conn = &mut store.conn;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| opening(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(corrupt(
                path,
                format!("cannot use WAL journaling (got {mode})"),
            ));
        }
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;
             PRAGMA cache_size = -32000;",
        )
        .map_err(|e| opening(path, e))?;
        if app == 0 {
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(|e| opening(path, e))?;
        }
        migrations::apply(conn).map_err(|e| e.at(path))?;
        use_clock_for_audit(conn, store.clock.clone()).map_err(|e| opening(path, e))?;
        store.workstation = meta::workstation(&mut store.conn).map_err(|e| e.at(path))?;
        Ok(store)
    }

    /// Before the session's first write: check every page (a bounded `quick_check`, stopping
    /// at the first finding) and refuse a damaged file untouched; then clear away temporary
    /// files a killed program left long ago.
    fn ready_to_write(&mut self) -> Result<()> {
        if self.checked {
            return Ok(());
        }
        let found: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|e| StoreError::from(e).at(&self.path))?;
        if found != "ok" {
            return Err(corrupt(
                &self.path,
                format!("it is damaged (SQLite's check found: {found})"),
            ));
        }
        if self.wal_left {
            self.conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
                .map_err(|e| StoreError::from(e).at(&self.path))?;
        }
        self.checked = true;
        maintenance::remove_temporary_files(
            &self.path,
            &self.files,
            maintenance::STALE_TEMPORARY_FILE_AGE,
        );
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The content-addressed file folder.
    pub fn files(&self) -> &FileStore {
        &self.files
    }

    /// The current instant by the store's clock (the system clock unless opened with
    /// [`Store::open_with_clock`]).
    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// This database's workstation code (in every number it hands out).
    pub fn workstation(&self) -> &str {
        &self.workstation
    }

    /// The one write path: an immediate transaction, retried while another program holds the
    /// database, committed only if `f` succeeds.
    fn write<T>(
        &mut self,
        f: impl Fn(&Transaction<'_>, &quotes::Author<'_>) -> Result<T>,
    ) -> Result<T> {
        self.ready_to_write()?;
        let mut attempt = 0;
        loop {
            let now = events::timestamp(self.clock.now());
            let who = quotes::Author {
                name: &self.actor.name,
                email: self.actor.email.as_deref(),
                now: &now,
                ws: &self.workstation,
            };
            let result = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = f(&tx, &who)?;
                tx.commit()?;
                Ok(value)
            })();
            match result {
                Err(StoreError::Busy) if attempt < 5 => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(50 * attempt));
                }
                other => return other.map_err(|e| e.at(&self.path)),
            }
        }
    }

    /// Save a new quote from a quote request (design plan 7.2.6 names); it gets its number here.
    pub fn create_quote(
        &mut self,
        request: &str,
        today: Date,
        cat: &Catalogue,
    ) -> Result<SavedQuote> {
        self.write(|tx, who| quotes::create(tx, who, request, today, cat))
    }

    /// Save many new quotes in one transaction: all or none.
    pub fn create_quotes(
        &mut self,
        requests: &[String],
        today: Date,
        cat: &Catalogue,
    ) -> Result<Vec<SavedQuote>> {
        self.write(|tx, who| {
            requests
                .iter()
                .map(|r| quotes::create(tx, who, r, today, cat))
                .collect()
        })
    }

    /// Save a new revision of a quote. `expected_version` is the quote version the edit started
    /// from; a stale one is refused with `ERR_STORE_002`.
    pub fn revise_quote(
        &mut self,
        number: &str,
        request: &str,
        expected_version: Option<i64>,
        note: Option<&str>,
        today: Date,
        cat: &Catalogue,
    ) -> Result<SavedQuote> {
        self.write(|tx, who| {
            quotes::revise(tx, who, number, request, expected_version, note, today, cat)
        })
    }

    /// Move a quote to another status.
    pub fn set_status(
        &mut self,
        number: &str,
        to: QuoteStatus,
        expected_version: Option<i64>,
        reason: Option<&str>,
    ) -> Result<StatusChange> {
        self.write(|tx, who| quotes::set_status(tx, who, number, to, expected_version, reason))
    }

    /// A quote at a revision (its latest when `None`).
    pub fn quote(&self, number: &str, revision: Option<u32>) -> Result<QuoteDetail> {
        quotes::detail(&self.conn, number, revision)
    }

    /// A page of quotes, searched by number, customer, project and reference.
    pub fn list_quotes(&self, query: &QuoteQuery) -> Result<QuotePage> {
        search::list(&self.conn, query)
    }

    /// Projects, by number.
    pub fn projects(&self) -> Result<Vec<ProjectSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.project_number, p.project_name, p.project_reference, c.company_name,
                    (SELECT count(*) FROM quotes q WHERE q.project_id = p.id)
             FROM projects p JOIN customers c ON c.id = p.customer_id ORDER BY p.project_number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ProjectSummary {
                project_number: r.get(0)?,
                project_name: r.get(1)?,
                project_reference: r.get(2)?,
                customer_name: r.get(3)?,
                quotes: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Draw every line of the quote's current revision as its next drawing revision and store
    /// the sheets and files.
    pub fn issue_drawings(
        &mut self,
        number: &str,
        options: &IssueOptions<'_>,
        cat: &Catalogue,
    ) -> Result<Vec<DrawingRevision>> {
        self.ready_to_write()?;
        let drawn = drawings::draw(
            &self.conn,
            &self.files,
            number,
            &self.actor.name,
            options,
            cat,
        )?;
        self.write(|tx, who| drawings::record(tx, who, number, &drawn))
    }

    /// Every drawing revision of a quote, oldest first.
    pub fn drawing_history(&self, number: &str) -> Result<Vec<DrawingRevision>> {
        let row = quotes::find(&self.conn, number)?;
        drawings::revisions(&self.conn, &row.id, None)
    }

    /// The door configuration of a quote line at a revision (quote revision or drawing letter).
    pub fn door(&self, number: &str, at: &RevisionRef, line: u32) -> Result<StoredDoor> {
        let row = quotes::find(&self.conn, number)?;
        let not_found = |key: String| StoreError::NotFound {
            what: "revision",
            key,
        };
        let (config, quote_revision, letter) = match at {
            RevisionRef::Drawing(letter) => {
                let (c, r) = drawings::issued_config(&self.conn, &row.id, letter, line)?
                    .ok_or_else(|| {
                        not_found(format!("{number} drawing revision {letter} line {line}"))
                    })?;
                (c, r, Some(letter.clone()))
            }
            RevisionRef::Quote(_) | RevisionRef::Latest => {
                let rev = match at {
                    RevisionRef::Quote(n) => Some(*n),
                    _ => None,
                };
                let d = quotes::detail(&self.conn, number, rev)?;
                let idx = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
                let cfg = d
                    .request
                    .get("lines")
                    .and_then(|l| l.get(idx))
                    .and_then(|l| l.get("door_configuration"))
                    .ok_or_else(|| {
                        not_found(format!("{number} revision {} line {line}", d.revision))
                    })?;
                (
                    serde_json::to_string_pretty(cfg).unwrap_or_default(),
                    d.revision,
                    None,
                )
            }
        };
        Ok(StoredDoor {
            quote_number: number.to_owned(),
            quote_revision,
            drawing_revision: letter,
            line_number: line,
            door_configuration: config,
        })
    }

    /// Store a file's bytes durably (content-addressed); returns its SHA-256.
    pub fn put_file(&self, bytes: &[u8]) -> Result<String> {
        self.files.put(bytes)
    }

    /// A stored file's bytes, checked against its hash.
    pub fn file(&self, sha256: &str) -> Result<Vec<u8>> {
        self.files.get(sha256)
    }

    /// Keep a produced document (its file already stored with [`Store::put_file`]) against the
    /// quote revision it was made from.
    pub fn record_document(
        &mut self,
        number: &str,
        doc: &NewDocument<'_>,
    ) -> Result<StoredDocument> {
        self.write(|tx, who| documents::record(tx, who, number, doc))
    }

    /// Every document produced for a quote.
    pub fn documents(&self, number: &str) -> Result<Vec<StoredDocument>> {
        let row = quotes::find(&self.conn, number)?;
        documents::list(&self.conn, &row.id)
    }

    /// The audit trail of a quote (the quote row, its revisions and status changes), oldest first.
    pub fn quote_audit(&self, number: &str) -> Result<Vec<AuditEntry>> {
        let row = quotes::find(&self.conn, number)?;
        let mut all = audit::entries(&self.conn, "quotes", &row.id)?;
        let mut stmt = self.conn.prepare(
            "SELECT 'quote_revisions', id FROM quote_revisions WHERE quote_id = ?1
             UNION ALL SELECT 'quote_status_history', id FROM quote_status_history WHERE quote_id = ?1
             UNION ALL SELECT 'drawings', id FROM drawings WHERE quote_id = ?1",
        )?;
        let ids: Vec<(String, String)> = stmt
            .query_map([&row.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (t, id) in ids {
            all.extend(audit::entries(&self.conn, &t, &id)?);
        }
        all.sort_by(|a, b| a.timestamp.cmp(&b.timestamp));
        Ok(all)
    }

    /// Outbox events due at `now`, most urgent first.
    pub fn outbox_due(&self, now: OffsetDateTime, limit: u32) -> Result<Vec<OutboxEvent>> {
        events::due(&self.conn, &events::timestamp(now), limit)
    }

    /// The latest outbox events, newest first.
    pub fn outbox(&self, limit: u32) -> Result<Vec<OutboxEvent>> {
        events::all(&self.conn, limit)
    }

    /// An outbox event was delivered.
    pub fn outbox_delivered(&mut self, id: i64) -> Result<OutboxEvent> {
        self.write(|tx, who| events::delivered(tx, id, who.now))
    }

    /// An outbox delivery failed at `now`; `jitter` in 0…1 spreads the retry.
    pub fn outbox_failed(
        &mut self,
        id: i64,
        error: &str,
        now: OffsetDateTime,
        jitter: f64,
    ) -> Result<OutboxEvent> {
        self.write(|tx, _| events::failed(tx, id, error, now, jitter))
    }

    /// Record a received event; `false` when it was a redelivery.
    pub fn receive_event(&mut self, event: &IncomingEvent<'_>) -> Result<bool> {
        self.write(|tx, who| events::receive(tx, event, who.now))
    }

    /// A received event was handled (`error` = `None`) or failed.
    pub fn event_processed(&mut self, event_id: &str, error: Option<&str>) -> Result<()> {
        self.write(|tx, who| events::processed(tx, event_id, error, who.now))
    }

    /// Received events not yet handled: (event id, type, payload).
    pub fn inbox_pending(&self, limit: u32) -> Result<Vec<(String, EventType, serde_json::Value)>> {
        events::pending_inbox(&self.conn, limit)
    }

    /// One project as a portable file's bytes.
    pub fn export_project(&self, project_number: &str) -> Result<Vec<u8>> {
        let now = events::timestamp(self.clock.now());
        transfer::export(
            &self.conn,
            &self.files,
            project_number,
            &self.actor.name,
            &now,
        )
    }

    /// Merge a project file made by [`Store::export_project`] on any workstation.
    ///
    /// The whole file is checked first — format and versions, every hash, file name, size and
    /// reference, every column's type, and every quote's figures against the priced result they
    /// came from — and refused whole (`ERR_STORE_006`, nothing written) when anything is wrong.
    /// Its files are written only in the merge, after every row was accepted and just before the
    /// rows commit.
    pub fn import_project(&mut self, bytes: &[u8]) -> Result<ImportSummary> {
        let checked = transfer::read(&self.conn, bytes)?;
        let files = self.files.clone();
        self.write(|tx, _| transfer::merge(tx, &files, &checked))
    }

    /// Back the database and its files up to `dest`, while others may go on writing.
    pub fn backup(&self, dest: &Path) -> Result<BackupSummary> {
        maintenance::backup(&self.conn, &self.files, dest).map_err(|e| e.at(&self.path))
    }

    /// Check the database and its files.
    pub fn check(&self) -> Result<CheckReport> {
        maintenance::check(&self.conn, &self.path, &self.files).map_err(|e| e.at(&self.path))
    }

    /// Remove the temporary files beside the database and in its file store that nothing has
    /// written to for `older_than` (left by a program that was killed); returns how many.
    pub fn remove_temporary_files(&self, older_than: Duration) -> u64 {
        maintenance::remove_temporary_files(&self.path, &self.files, older_than)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cli_and_the_desktop_share_one_data_folder() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../../tauri.conf.json"))
                .expect("tauri.conf.json");
        assert_eq!(conf["identifier"], super::APP_IDENTIFIER);
    }

    #[test]
    fn revision_references() {
        use super::RevisionRef;
        assert_eq!(RevisionRef::parse("3"), Some(RevisionRef::Quote(3)));
        assert_eq!(
            RevisionRef::parse("b"),
            Some(RevisionRef::Drawing("B".into()))
        );
        assert_eq!(
            RevisionRef::parse("AA"),
            Some(RevisionRef::Drawing("AA".into()))
        );
        assert_eq!(RevisionRef::parse(""), Some(RevisionRef::Latest));
        assert_eq!(RevisionRef::parse("0"), None);
        assert_eq!(RevisionRef::parse("B2"), None);
    }
}
