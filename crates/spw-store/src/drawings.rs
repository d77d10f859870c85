//! Drawing issues (design plan 7.2.4, 5.2.3): each issue draws every line of a quote's current
//! revision as the next drawing revision (A, B, … Z, AA, …); each sheet is a `drawings` row with
//! its revision letter, the row it supersedes points at it (`superseded_by`) and only the newest
//! is `is_latest_version`; the files are content-addressed.

use crate::error::{Result, StoreError};
use crate::events::{self, Aggregate};
use crate::files::{self, FileStore};
use crate::migrations::Migration;
use crate::quotes::{self, Author};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};
use spw_app::drawings::{Format, OutputFile};
use spw_drawing::{DrawingOptions, RevisionRow};
use spw_model::catalogue::Catalogue;
use spw_protocol::EventType;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 6,
    name: "drawing_issues, drawings, drawing_files",
    sql: "
        CREATE TABLE drawing_issues (
            id                 TEXT PRIMARY KEY,
            quote_id           TEXT NOT NULL REFERENCES quotes(id),
            quote_revision     INTEGER NOT NULL,
            line_number        INTEGER NOT NULL,
            revision           TEXT NOT NULL,
            revision_index     INTEGER NOT NULL,
            door_configuration TEXT NOT NULL,
            note               TEXT NOT NULL,
            issued_by          TEXT NOT NULL,
            issued_at          TEXT NOT NULL,
            issue_date         TEXT NOT NULL,
            generation_time_ms INTEGER NOT NULL,
            version            INTEGER NOT NULL DEFAULT 1,
            UNIQUE (quote_id, line_number, revision_index)
        );
        CREATE TABLE drawings (
            id                TEXT PRIMARY KEY,
            issue_id          TEXT NOT NULL REFERENCES drawing_issues(id),
            drawing_number    TEXT NOT NULL,
            quote_id          TEXT NOT NULL REFERENCES quotes(id),
            project_id        TEXT REFERENCES projects(id),
            line_number       INTEGER NOT NULL,
            drawing_type      TEXT NOT NULL,
            title             TEXT NOT NULL,
            scale             TEXT,
            sheet             TEXT NOT NULL,
            revision          TEXT NOT NULL,
            revision_index    INTEGER NOT NULL,
            superseded_by     TEXT REFERENCES drawings(id),
            is_latest_version INTEGER NOT NULL,
            status            TEXT NOT NULL CHECK (status IN ('completed', 'superseded')),
            generated_at      TEXT NOT NULL,
            metadata          TEXT NOT NULL DEFAULT '{}',
            version           INTEGER NOT NULL DEFAULT 1,
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL,
            UNIQUE (quote_id, line_number, drawing_number, revision_index)
        );
        CREATE INDEX idx_drawings_latest ON drawings(quote_id, line_number, is_latest_version);
        CREATE TABLE drawing_files (
            drawing_id TEXT NOT NULL REFERENCES drawings(id),
            format     TEXT NOT NULL,
            file_name  TEXT NOT NULL,
            file_hash  TEXT NOT NULL REFERENCES files(hash),
            size_bytes INTEGER NOT NULL,
            PRIMARY KEY (drawing_id, format)
        ) WITHOUT ROWID;
    ",
    audited: &["drawing_issues", "drawings"],
    additive: true,
}];

/// One file of a stored drawing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredFile {
    /// `dxf`, `svg`, `pdf`, `png`.
    pub format: String,
    /// File name, e.g. `SPW600e-ELV-001-B.dxf`.
    pub file_name: String,
    /// SHA-256 (the file's name in the store).
    pub sha256: String,
    /// Bytes.
    pub size_bytes: i64,
}

/// One sheet (or the set's PDF) of an issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDrawing {
    /// Drawing number, e.g. `SPW600e-ELV-001`.
    pub drawing_number: String,
    /// `elevation` … `isometric`, or `set` for the PDF of the whole set.
    pub drawing_type: String,
    /// Title.
    pub title: String,
    /// Scale of its first view.
    pub scale: Option<String>,
    /// Sheet, e.g. `A3-landscape`.
    pub sheet: String,
    /// Latest revision of this drawing number?
    pub is_latest_version: bool,
    /// `completed` or `superseded`.
    pub status: String,
    /// Files.
    pub files: Vec<StoredFile>,
}

/// One drawing revision of one quote line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrawingRevision {
    /// Revision letter.
    pub revision: String,
    /// Quote line drawn.
    pub line_number: u32,
    /// The quote revision it was drawn from.
    pub quote_revision: u32,
    /// What changed since the previous drawing revision.
    pub note: String,
    /// Date printed in the title block.
    pub date: String,
    /// When it was issued (UTC).
    pub issued_at: String,
    /// Who issued it.
    pub issued_by: String,
    /// Time to draw and export, ms.
    pub generation_time_ms: i64,
    /// Sheets.
    pub drawings: Vec<StoredDrawing>,
}

struct Previous {
    index: u32,
    config: String,
}

fn previous(conn: &Connection, quote_id: &str, line: u32) -> Result<Option<Previous>> {
    Ok(conn
        .query_row(
            "SELECT revision_index, door_configuration FROM drawing_issues
             WHERE quote_id = ?1 AND line_number = ?2 ORDER BY revision_index DESC LIMIT 1",
            params![quote_id, line],
            |r| {
                Ok(Previous {
                    index: r.get(0)?,
                    config: r.get(1)?,
                })
            },
        )
        .optional()?)
}

fn history_rows(conn: &Connection, quote_id: &str, line: u32) -> Result<Vec<RevisionRow>> {
    let mut stmt = conn.prepare(
        "SELECT revision, issue_date, note, issued_by FROM drawing_issues
         WHERE quote_id = ?1 AND line_number = ?2 ORDER BY revision_index",
    )?;
    let rows = stmt.query_map(params![quote_id, line], |r| {
        Ok(RevisionRow {
            letter: r.get(0)?,
            date: r.get(1)?,
            description: r.get(2)?,
            by: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A drawn line, ready to be written and recorded.
pub(crate) struct Drawn {
    line: u32,
    quote_revision: u32,
    index: u32,
    previous_index: Option<u32>,
    config: String,
    note: String,
    date: String,
    elapsed_ms: i64,
    drawing: spw_drawing::Drawing,
    files: Vec<OutputFile>,
    hashes: Vec<String>,
}

/// What the caller chooses for an issue.
pub struct IssueOptions<'a> {
    /// Formats to export.
    pub formats: &'a [Format],
    /// Base drawing options (views, sheet, scale, template); revision, history, note and
    /// sequence are set per line.
    pub base: DrawingOptions,
    /// Date printed in the title blocks.
    pub date: String,
}

/// Draw every line of the quote's current revision as its next drawing revision, and write the
/// files (durably) — nothing is recorded yet.
pub(crate) fn draw(
    conn: &Connection,
    store: &FileStore,
    number: &str,
    who_name: &str,
    opts: &IssueOptions<'_>,
    cat: &Catalogue,
) -> Result<Vec<Drawn>> {
    let detail = quotes::detail(conn, number, None)?;
    let row = quotes::find(conn, number)?;
    let lines = detail
        .request
        .get("lines")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line_number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let config = line
            .get("door_configuration")
            .map(|c| serde_json::to_string_pretty(c).unwrap_or_default())
            .unwrap_or_default();
        let prev = previous(conn, &row.id, line_number)?;
        let mut options = opts.base.clone();
        options.sequence = line_number;
        options.info.date.clone_from(&opts.date);
        options.info.drawn_by = who_name.to_owned();
        if let Some(c) = detail.report.get("customer_name").and_then(Value::as_str) {
            options.info.customer = c.to_owned();
        }
        if let Some(p) = detail.report.get("project_name").and_then(Value::as_str) {
            options.info.project = format!("{p} — {number} line {line_number}");
        } else {
            options.info.project = format!("{number} line {line_number}");
        }
        let started = std::time::Instant::now();
        let (set, index, note) = match &prev {
            None => {
                options.revision = 0;
                options.revision_note = format!("First issue, quote revision {}", row.revision);
                let note = options.revision_note.clone();
                (
                    spw_app::drawings::draw(&config, &options, opts.formats, cat)?,
                    0,
                    note,
                )
            }
            Some(p) => {
                options.revision = p.index + 1;
                options.history = history_rows(conn, &row.id, line_number)?;
                let set = spw_app::drawings::draw_revision(
                    &config,
                    &p.config,
                    &options,
                    opts.formats,
                    cat,
                )?;
                let note = set.revision_note.clone();
                (set, p.index + 1, note)
            }
        };
        let elapsed_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
        let hashes = set
            .files
            .iter()
            .map(|f| store.put(&f.bytes))
            .collect::<Result<Vec<_>>>()?;
        out.push(Drawn {
            line: line_number,
            quote_revision: row.revision,
            index,
            previous_index: prev.as_ref().map(|p| p.index),
            config,
            note,
            date: opts.date.clone(),
            elapsed_ms,
            drawing: set.drawing,
            files: set.files,
            hashes,
        });
    }
    Ok(out)
}

/// Record drawn lines: new rows, the old ones superseded, the files listed and the outbox event —
/// refused if someone else issued or revised the quote since it was drawn.
pub(crate) fn record(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    number: &str,
    drawn: &[Drawn],
) -> Result<Vec<DrawingRevision>> {
    let row = quotes::find(tx, number)?;
    let project_id: Option<String> = tx.query_row(
        "SELECT project_id FROM quotes WHERE id = ?1",
        [&row.id],
        |r| r.get(0),
    )?;
    let mut issued = Vec::new();
    for d in drawn {
        let now_prev = previous(tx, &row.id, d.line)?.map(|p| p.index);
        if now_prev != d.previous_index || row.revision != d.quote_revision {
            return Err(StoreError::Conflict {
                what: "drawing issue of quote",
                key: number.to_owned(),
                expected: i64::from(d.previous_index.map_or(0, |i| i + 1)),
                actual: i64::from(now_prev.map_or(0, |i| i + 1)),
            });
        }
        let letter = spw_drawing::revision_letter(d.index);
        let issue_id = uuid::Uuid::new_v4().to_string();
        tx.execute(
            "INSERT INTO drawing_issues(id, quote_id, quote_revision, line_number, revision,
                revision_index, door_configuration, note, issued_by, issued_at, issue_date,
                generation_time_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                issue_id,
                row.id,
                d.quote_revision,
                d.line,
                letter,
                d.index,
                d.config,
                d.note,
                who.name,
                who.now,
                d.date,
                d.elapsed_ms
            ],
        )?;
        // One row per drawing number: each sheet, and the set (its PDF).
        let mut numbers: Vec<&str> = Vec::new();
        for f in &d.files {
            if !numbers.contains(&f.drawing_number.as_str()) {
                numbers.push(&f.drawing_number);
            }
        }
        for dn in numbers {
            let sheet = d
                .drawing
                .sheets
                .iter()
                .find(|s| s.title.drawing_number == dn);
            let first = d.files.iter().find(|f| f.drawing_number == dn);
            let kind = first.and_then(|f| f.view).map_or("set", |v| v.as_str());
            let (title, scale, size) = match sheet {
                Some(s) => (
                    s.title.title.clone(),
                    s.views.first().map(|v| v.scale.label()),
                    s.size,
                ),
                None => (
                    "Drawing set".to_owned(),
                    None,
                    d.drawing
                        .sheets
                        .first()
                        .map_or(spw_app::drawings::default_options(Vec::new()).sheet, |s| {
                            s.size
                        }),
                ),
            };
            let sheet_name = format!("{}-{}", size.format.as_str(), orientation(size.orientation));
            let id = uuid::Uuid::new_v4().to_string();
            tx.execute(
                "INSERT INTO drawings(id, issue_id, drawing_number, quote_id, project_id,
                    line_number, drawing_type, title, scale, sheet, revision, revision_index,
                    is_latest_version, status, generated_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 'completed', ?13, ?13, ?13)",
                params![
                    id, issue_id, dn, row.id, project_id, d.line, kind, title, scale, sheet_name,
                    letter, d.index, who.now
                ],
            )?;
            tx.execute(
                "UPDATE drawings SET superseded_by = ?1, is_latest_version = 0,
                    status = 'superseded', version = version + 1, updated_at = ?2
                 WHERE quote_id = ?3 AND line_number = ?4 AND drawing_number = ?5
                   AND is_latest_version = 1 AND id <> ?1",
                params![id, who.now, row.id, d.line, dn],
            )?;
            for (f, hash) in d.files.iter().zip(&d.hashes) {
                if f.drawing_number != dn {
                    continue;
                }
                files::record(tx, hash, f.bytes.len(), &f.file_name, who.now)?;
                tx.execute(
                    "INSERT INTO drawing_files(drawing_id, format, file_name, file_hash, size_bytes)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, f.format.extension(), f.file_name, hash, f.bytes.len() as i64],
                )?;
            }
        }
        // Sheets an earlier revision had and this one does not: superseded by nothing.
        tx.execute(
            "UPDATE drawings SET is_latest_version = 0, status = 'superseded',
                version = version + 1, updated_at = ?1
             WHERE quote_id = ?2 AND line_number = ?3 AND is_latest_version = 1
               AND issue_id <> ?4",
            params![who.now, row.id, d.line, issue_id],
        )?;
        let entry = revisions(tx, &row.id, Some(&issue_id))?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound {
                what: "drawing issue",
                key: issue_id.clone(),
            })?;
        let (event, key) = if d.index == 0 {
            (
                EventType::DrawingsGenerated,
                format!("drawings:{}:{}:{letter}", row.id, d.line),
            )
        } else {
            (
                EventType::DrawingRevisionCompleted,
                format!("drawings:{}:{}:{letter}", row.id, d.line),
            )
        };
        events::enqueue(
            tx,
            event,
            Aggregate::Quote(&row.id),
            &key,
            &json!({
                "quote_number": number,
                "quote_revision": d.quote_revision,
                "line_number": d.line,
                "revision": letter,
                "revision_note": d.note,
                "drawings": entry.drawings,
                "issued_by": who.name,
                "timestamp": who.now,
            }),
            who.now,
        )?;
        issued.push(entry);
    }
    Ok(issued)
}

fn orientation(o: spw_drawing::Orientation) -> &'static str {
    match o {
        spw_drawing::Orientation::Landscape => "landscape",
        spw_drawing::Orientation::Portrait => "portrait",
    }
}

/// Drawing revisions of a quote (every line), oldest first; or only the issue `only`.
pub(crate) fn revisions(
    conn: &Connection,
    quote_id: &str,
    only: Option<&str>,
) -> Result<Vec<DrawingRevision>> {
    let mut stmt = conn.prepare(
        "SELECT id, revision, line_number, quote_revision, note, issue_date, issued_at, issued_by,
                generation_time_ms
         FROM drawing_issues WHERE quote_id = ?1 AND (?2 IS NULL OR id = ?2)
         ORDER BY revision_index, line_number",
    )?;
    let issues: Vec<(String, DrawingRevision)> = stmt
        .query_map(params![quote_id, only], |r| {
            Ok((
                r.get(0)?,
                DrawingRevision {
                    revision: r.get(1)?,
                    line_number: r.get(2)?,
                    quote_revision: r.get(3)?,
                    note: r.get(4)?,
                    date: r.get(5)?,
                    issued_at: r.get(6)?,
                    issued_by: r.get(7)?,
                    generation_time_ms: r.get(8)?,
                    drawings: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut dstmt = conn.prepare(
        "SELECT id, drawing_number, drawing_type, title, scale, sheet, is_latest_version, status
         FROM drawings WHERE issue_id = ?1 ORDER BY rowid",
    )?;
    let mut fstmt = conn.prepare(
        "SELECT format, file_name, file_hash, size_bytes FROM drawing_files
         WHERE drawing_id = ?1 ORDER BY format",
    )?;
    let mut out = Vec::new();
    for (issue_id, mut rev) in issues {
        let rows: Vec<(String, StoredDrawing)> = dstmt
            .query_map([&issue_id], |r| {
                Ok((
                    r.get(0)?,
                    StoredDrawing {
                        drawing_number: r.get(1)?,
                        drawing_type: r.get(2)?,
                        title: r.get(3)?,
                        scale: r.get(4)?,
                        sheet: r.get(5)?,
                        is_latest_version: r.get(6)?,
                        status: r.get(7)?,
                        files: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, mut d) in rows {
            d.files = fstmt
                .query_map([&id], |r| {
                    Ok(StoredFile {
                        format: r.get(0)?,
                        file_name: r.get(1)?,
                        sha256: r.get(2)?,
                        size_bytes: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            rev.drawings.push(d);
        }
        out.push(rev);
    }
    Ok(out)
}

/// The configuration a drawing revision (by letter) drew for a line.
pub(crate) fn issued_config(
    conn: &Connection,
    quote_id: &str,
    letter: &str,
    line: u32,
) -> Result<Option<(String, u32)>> {
    Ok(conn
        .query_row(
            "SELECT door_configuration, quote_revision FROM drawing_issues
             WHERE quote_id = ?1 AND revision = ?2 AND line_number = ?3",
            params![quote_id, letter, line],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
