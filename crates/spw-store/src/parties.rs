//! Customers and their projects (design plan 7.2.1, 7.2.2), found or created by name when a
//! quote names them.

use crate::error::Result;
use crate::meta::next_number;
use crate::migrations::Migration;
use rusqlite::{OptionalExtension, Transaction, params};

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 3,
    name: "customers, projects",
    sql: "
        CREATE TABLE customers (
            id                  TEXT PRIMARY KEY,
            customer_number     TEXT NOT NULL UNIQUE,
            company_name        TEXT NOT NULL,
            trading_name        TEXT,
            customer_type       TEXT NOT NULL DEFAULT 'main_contractor',
            tax_id              TEXT,
            billing_address     TEXT NOT NULL DEFAULT '{}',
            shipping_address    TEXT,
            primary_contact     TEXT NOT NULL DEFAULT '{}',
            payment_terms       TEXT,
            discount_percentage INTEGER NOT NULL DEFAULT 0,
            status              TEXT NOT NULL DEFAULT 'active',
            metadata            TEXT NOT NULL DEFAULT '{}',
            version             INTEGER NOT NULL DEFAULT 1,
            created_at          TEXT NOT NULL,
            updated_at          TEXT NOT NULL,
            deleted_at          TEXT
        );
        CREATE INDEX idx_customers_company_name ON customers(company_name COLLATE NOCASE);
        CREATE TABLE projects (
            id                TEXT PRIMARY KEY,
            project_number    TEXT NOT NULL UNIQUE,
            project_name      TEXT NOT NULL,
            project_reference TEXT,
            customer_id       TEXT NOT NULL REFERENCES customers(id),
            site_address      TEXT NOT NULL DEFAULT '{}',
            project_manager   TEXT,
            project_type      TEXT,
            status            TEXT NOT NULL DEFAULT 'active',
            description       TEXT,
            metadata          TEXT NOT NULL DEFAULT '{}',
            version           INTEGER NOT NULL DEFAULT 1,
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL
        );
        CREATE INDEX idx_projects_customer_id ON projects(customer_id);
        CREATE INDEX idx_projects_name ON projects(customer_id, project_name COLLATE NOCASE);
    ",
    audited: &["customers", "projects"],
    additive: true,
}];

/// The customer called `name` (case-insensitive), made when there is none.
pub(crate) fn customer(tx: &Transaction<'_>, ws: &str, name: &str, now: &str) -> Result<String> {
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM customers WHERE company_name = ?1 COLLATE NOCASE AND deleted_at IS NULL
             ORDER BY created_at LIMIT 1",
            [name],
            |r| r.get::<_, String>(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    let n = next_number(tx, &format!("C-{ws}"))?;
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO customers(id, customer_number, company_name, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, format!("C-{ws}-{n:04}"), name, now],
    )?;
    Ok(id)
}

/// The customer's project called `name`, made when there is none; a reference given now fills
/// an empty one.
pub(crate) fn project(
    tx: &Transaction<'_>,
    ws: &str,
    year: i32,
    customer_id: &str,
    name: &str,
    reference: Option<&str>,
    now: &str,
) -> Result<String> {
    if let Some((id, old_ref)) = tx
        .query_row(
            "SELECT id, project_reference FROM projects
             WHERE customer_id = ?1 AND project_name = ?2 COLLATE NOCASE
             ORDER BY created_at LIMIT 1",
            params![customer_id, name],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)),
        )
        .optional()?
    {
        if old_ref.is_none() && reference.is_some() {
            tx.execute(
                "UPDATE projects SET project_reference = ?2, version = version + 1, updated_at = ?3
                 WHERE id = ?1",
                params![id, reference, now],
            )?;
        }
        return Ok(id);
    }
    let n = next_number(tx, &format!("P-{year}-{ws}"))?;
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO projects(id, project_number, project_name, project_reference, customer_id,
                              created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            format!("P-{year}-{ws}-{n:03}"),
            name,
            reference,
            customer_id,
            now
        ],
    )?;
    Ok(id)
}
