//! Documents produced for a quote — the technical package, datasheets — each stored
//! content-addressed and linked to the quote revision it was made from.

use crate::error::Result;
use crate::events::{self, Aggregate};
use crate::files;
use crate::migrations::Migration;
use crate::quotes::{self, Author};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::json;
use spw_protocol::EventType;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 7,
    name: "documents",
    sql: "
        CREATE TABLE documents (
            id             TEXT PRIMARY KEY,
            quote_id       TEXT NOT NULL REFERENCES quotes(id),
            quote_revision INTEGER NOT NULL,
            kind           TEXT NOT NULL CHECK (kind IN ('package', 'datasheet')),
            line_number    INTEGER,
            file_name      TEXT NOT NULL,
            file_hash      TEXT NOT NULL REFERENCES files(hash),
            size_bytes     INTEGER NOT NULL,
            pages          INTEGER NOT NULL,
            created_by     TEXT NOT NULL,
            created_at     TEXT NOT NULL,
            version        INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX idx_documents_quote ON documents(quote_id, quote_revision);
    ",
    audited: &["documents"],
    additive: true,
}];

/// The kind of a produced document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// The quote technical package.
    Package,
    /// A door's specification datasheet.
    Datasheet,
}

impl DocumentKind {
    fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Package => "package",
            DocumentKind::Datasheet => "datasheet",
        }
    }
}

/// A produced document as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Kind.
    pub kind: DocumentKind,
    /// The quote revision it was made from.
    pub quote_revision: u32,
    /// The line, for a datasheet.
    pub line_number: Option<u32>,
    /// File name.
    pub file_name: String,
    /// SHA-256.
    pub sha256: String,
    /// Bytes.
    pub size_bytes: i64,
    /// Pages.
    pub pages: u32,
    /// Who made it.
    pub created_by: String,
    /// When (UTC).
    pub created_at: String,
}

/// What a front end made and asks the store to keep.
pub struct NewDocument<'a> {
    /// Kind.
    pub kind: DocumentKind,
    /// The quote revision it was made from.
    pub quote_revision: u32,
    /// The line, for a datasheet.
    pub line_number: Option<u32>,
    /// File name.
    pub file_name: &'a str,
    /// Its hash, the file already in the store.
    pub sha256: &'a str,
    /// Bytes.
    pub size_bytes: usize,
    /// Pages.
    pub pages: u32,
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    who: &Author<'_>,
    number: &str,
    doc: &NewDocument<'_>,
) -> Result<StoredDocument> {
    let row = quotes::find(tx, number)?;
    // The revision must exist.
    quotes::detail(tx, number, Some(doc.quote_revision))?;
    files::record(tx, doc.sha256, doc.size_bytes, doc.file_name, who.now)?;
    tx.execute(
        "INSERT INTO documents(id, quote_id, quote_revision, kind, line_number, file_name,
            file_hash, size_bytes, pages, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            uuid::Uuid::new_v4().to_string(),
            row.id,
            doc.quote_revision,
            doc.kind.as_str(),
            doc.line_number,
            doc.file_name,
            doc.sha256,
            doc.size_bytes as i64,
            doc.pages,
            who.name,
            who.now
        ],
    )?;
    let event = match doc.kind {
        DocumentKind::Package => {
            if doc.quote_revision == row.revision {
                tx.execute(
                    "UPDATE quotes SET technical_package_generated = 1, version = version + 1,
                        updated_at = ?2 WHERE id = ?1 AND technical_package_generated = 0",
                    params![row.id, who.now],
                )?;
            }
            EventType::QuoteTechnicalDataReady
        }
        DocumentKind::Datasheet => EventType::SpecificationGenerated,
    };
    events::enqueue(
        tx,
        event,
        Aggregate::Quote(&row.id),
        &format!(
            "document:{}:{}:{}:{}",
            row.id,
            doc.quote_revision,
            doc.kind.as_str(),
            doc.sha256
        ),
        &json!({"quote_number": number, "quote_revision": doc.quote_revision,
                "kind": doc.kind, "line_number": doc.line_number, "file_name": doc.file_name,
                "sha256": doc.sha256, "size_bytes": doc.size_bytes, "pages": doc.pages,
                "timestamp": who.now}),
        who.now,
    )?;
    Ok(StoredDocument {
        kind: doc.kind,
        quote_revision: doc.quote_revision,
        line_number: doc.line_number,
        file_name: doc.file_name.to_owned(),
        sha256: doc.sha256.to_owned(),
        size_bytes: doc.size_bytes as i64,
        pages: doc.pages,
        created_by: who.name.to_owned(),
        created_at: who.now.to_owned(),
    })
}

/// Every document of a quote, oldest first.
pub(crate) fn list(conn: &Connection, quote_id: &str) -> Result<Vec<StoredDocument>> {
    let mut stmt = conn.prepare(
        "SELECT kind, quote_revision, line_number, file_name, file_hash, size_bytes, pages,
                created_by, created_at
         FROM documents WHERE quote_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([quote_id], |r| {
        Ok(StoredDocument {
            kind: if r.get::<_, String>(0)? == "package" {
                DocumentKind::Package
            } else {
                DocumentKind::Datasheet
            },
            quote_revision: r.get(1)?,
            line_number: r.get(2)?,
            file_name: r.get(3)?,
            sha256: r.get(4)?,
            size_bytes: r.get(5)?,
            pages: r.get(6)?,
            created_by: r.get(7)?,
            created_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
