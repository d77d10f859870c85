//! Finding quotes by number, customer, project and reference: an FTS5 trigram index finds any
//! part of a word; a word found nowhere is matched to the closest indexed words (one typo in a
//! short word, two in a long one), so `harbuor` still finds Harbour View. Pages are counted so a
//! list can show "page 3 of 40".

use crate::error::{Result, StoreError};
use crate::migrations::Migration;
use rusqlite::{Connection, Transaction, params, params_from_iter};
use serde::Serialize;

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    id: 9,
    name: "quote_search, search_terms",
    sql: "
        CREATE VIRTUAL TABLE quote_search USING fts5(
            quote_number, customer, project, reference, tokenize = 'trigram'
        );
        CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE VIRTUAL TABLE search_terms_fts USING fts5(term, tokenize = 'trigram');
    ",
    audited: &[],
    additive: true,
}];

/// Largest page.
pub const MAX_PAGE_SIZE: u32 = 500;

/// The words of a text as the index keeps them: lowercase letters and digits, 3 or more long.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// (Re)index one quote, inside the transaction that changed it.
pub(crate) fn index_quote(tx: &Transaction<'_>, quote_id: &str) -> Result<()> {
    let (rid, number, customer, project, reference): (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
    ) = tx.query_row(
        "SELECT q.rid, q.quote_number, c.company_name, p.project_name,
                    coalesce(q.project_reference, p.project_reference)
             FROM quotes q JOIN customers c ON c.id = q.customer_id
             LEFT JOIN projects p ON p.id = q.project_id WHERE q.id = ?1",
        [quote_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    tx.execute("DELETE FROM quote_search WHERE rowid = ?1", [rid])?;
    tx.execute(
        "INSERT INTO quote_search(rowid, quote_number, customer, project, reference)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![rid, number, customer, project, reference],
    )?;
    let mut known = tx.prepare_cached("INSERT OR IGNORE INTO search_terms(term) VALUES (?1)")?;
    let mut fts = tx.prepare_cached("INSERT INTO search_terms_fts(term) VALUES (?1)")?;
    let all = [
        Some(&number),
        Some(&customer),
        project.as_ref(),
        reference.as_ref(),
    ];
    for text in all.into_iter().flatten() {
        for w in words(text) {
            if known.execute([&w])? == 1 {
                fts.execute([&w])?;
            }
        }
    }
    Ok(())
}

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteQuery {
    /// Search text; empty lists every quote, newest change first.
    pub text: String,
    /// 1-based page.
    pub page: u32,
    /// Quotes per page (1…500).
    pub page_size: u32,
}

/// One quote in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteListItem {
    /// Number.
    pub quote_number: String,
    /// Latest revision.
    pub revision: u32,
    /// Status.
    pub status: String,
    /// Customer.
    pub customer_name: String,
    /// Project.
    pub project_name: Option<String>,
    /// Reference.
    pub project_reference: Option<String>,
    /// Total, pence.
    pub total: i64,
    /// Currency.
    pub currency: String,
    /// Quote date.
    pub quote_date: String,
    /// Last change (UTC).
    pub updated_at: String,
    /// Row version.
    pub version: i64,
}

/// A page of quotes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePage {
    /// The quotes.
    pub items: Vec<QuoteListItem>,
    /// 1-based page.
    pub page: u32,
    /// Page size.
    pub page_size: u32,
    /// Quotes matching in all.
    pub total: u64,
    /// Pages in all.
    pub pages: u64,
    /// Words the search replaced with close indexed ones (typos), as `typed → used`.
    pub corrections: Vec<String>,
}

fn phrase(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// Typos allowed in a word of `n` characters.
fn allowed_typos(n: usize) -> usize {
    match n {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Indexed words close to `word`, best first: whole words or their beginnings within the typos
/// allowed.
fn corrections(conn: &Connection, word: &str) -> Result<Vec<String>> {
    let chars: Vec<char> = word.chars().collect();
    let allowed = allowed_typos(chars.len());
    if allowed == 0 {
        return Ok(Vec::new());
    }
    let grams: Vec<String> = chars
        .windows(3)
        .map(|w| phrase(&w.iter().collect::<String>()))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT term FROM search_terms_fts WHERE search_terms_fts MATCH ?1 ORDER BY rank LIMIT 400",
    )?;
    let candidates: Vec<String> = stmt
        .query_map([grams.join(" OR ")], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut scored: Vec<(usize, String)> = candidates
        .into_iter()
        .filter_map(|t| {
            let whole = edit_distance(word, &t);
            let prefix: String = t.chars().take(chars.len()).collect();
            let d = whole.min(edit_distance(word, &prefix));
            (d <= allowed).then_some((d, t))
        })
        .collect();
    scored.sort();
    let best = scored.first().map_or(0, |s| s.0);
    Ok(scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .take(8)
        .map(|(_, t)| t)
        .collect())
}

/// The FTS query for a search text, with the corrections made.
/// With `correct`, each word found nowhere is replaced by the closest indexed words.
fn match_expression(
    conn: &Connection,
    text: &str,
    correct: bool,
) -> Result<Option<(String, Vec<String>)>> {
    let mut groups = Vec::new();
    let mut said = Vec::new();
    for token in text.split_whitespace() {
        let token = token.to_lowercase();
        if token.chars().count() < 3 {
            continue;
        }
        if !correct {
            groups.push(phrase(&token));
            continue;
        }
        let found: bool = conn
            .prepare_cached("SELECT count(*) > 0 FROM (SELECT 1 FROM quote_search WHERE quote_search MATCH ?1 LIMIT 1)")?
            .query_row([phrase(&token)], |r| r.get(0))?;
        if found {
            groups.push(phrase(&token));
            continue;
        }
        let close = corrections(conn, &token)?;
        if close.is_empty() {
            // Nothing like it anywhere: the search finds nothing, as it should.
            groups.push(phrase(&token));
        } else {
            said.push(format!("{token} → {}", close.join(" | ")));
            let alts: Vec<String> = close.iter().map(|t| phrase(t)).collect();
            groups.push(format!("({})", alts.join(" OR ")));
        }
    }
    if groups.is_empty() {
        return Ok(None);
    }
    Ok(Some((groups.join(" AND "), said)))
}

const ITEM_COLUMNS: &str = "q.quote_number, q.revision, q.status, c.company_name, p.project_name,
    coalesce(q.project_reference, p.project_reference), q.total, q.currency, q.quote_date,
    q.updated_at, q.version";

fn item(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteListItem> {
    Ok(QuoteListItem {
        quote_number: r.get(0)?,
        revision: r.get(1)?,
        status: r.get(2)?,
        customer_name: r.get(3)?,
        project_name: r.get(4)?,
        project_reference: r.get(5)?,
        total: r.get(6)?,
        currency: r.get(7)?,
        quote_date: r.get(8)?,
        updated_at: r.get(9)?,
        version: r.get(10)?,
    })
}

/// A page of quotes, searched or not.
pub(crate) fn list(conn: &Connection, q: &QuoteQuery) -> Result<QuotePage> {
    if q.page == 0 {
        return Err(StoreError::Argument {
            field: "page",
            message: "pages start at 1".into(),
        });
    }
    if !(1..=MAX_PAGE_SIZE).contains(&q.page_size) {
        return Err(StoreError::Argument {
            field: "page_size",
            message: format!("must be between 1 and {MAX_PAGE_SIZE}, got {}", q.page_size),
        });
    }
    let offset = i64::from(q.page - 1) * i64::from(q.page_size);
    let short: Vec<String> = q
        .text
        .split_whitespace()
        .filter(|t| t.chars().count() < 3)
        .map(|t| format!("%{}%", t.to_lowercase().replace(['%', '_'], "")))
        .collect();
    let expr = match_expression(conn, &q.text, !short.is_empty())?;
    // Words under three characters cannot use the trigram index; they filter by substring.
    let short_filter: String = short
        .iter()
        .map(|_| {
            " AND lower(q.quote_number || ' ' || c.company_name || ' ' || coalesce(p.project_name, '')
                || ' ' || coalesce(q.project_reference, p.project_reference, '')) LIKE ?"
                .to_owned()
        })
        .collect();
    let from = "FROM quotes q JOIN customers c ON c.id = q.customer_id
                LEFT JOIN projects p ON p.id = q.project_id";
    if short.is_empty() {
        // The common case: count and page on one index (the list's order or the search's),
        // then read the page's quotes by row id.
        let limit = i64::from(q.page_size);
        let ranked = |m: &str| -> Result<Vec<i64>> {
            Ok(conn
                .prepare_cached(
                    "SELECT rowid FROM quote_search WHERE quote_search MATCH ?1 ORDER BY rank",
                )?
                .query_map([m], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let (total, rids, corrections): (i64, Vec<i64>, Vec<String>) = match &expr {
            Some((m, _)) => {
                // Exactly as typed first; only when that finds nothing, with typos corrected.
                let mut all = ranked(m)?;
                let mut said = Vec::new();
                if all.is_empty()
                    && let Some((m2, s2)) = match_expression(conn, &q.text, true)?
                    && !s2.is_empty()
                {
                    all = ranked(&m2)?;
                    said = s2;
                }
                let start = usize::try_from(offset).unwrap_or(usize::MAX).min(all.len());
                let end = start
                    .saturating_add(usize::try_from(limit).unwrap_or(0))
                    .min(all.len());
                (
                    i64::try_from(all.len()).unwrap_or(i64::MAX),
                    all[start..end].to_vec(),
                    said,
                )
            }
            None => (
                conn.prepare_cached("SELECT count(*) FROM quotes")?
                    .query_row([], |r| r.get(0))?,
                conn.prepare_cached(
                    "SELECT rid FROM quotes ORDER BY updated_at DESC, rid DESC LIMIT ?1 OFFSET ?2",
                )?
                .query_map(rusqlite::params![limit, offset], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
                Vec::new(),
            ),
        };
        let mut one =
            conn.prepare_cached(&format!("SELECT {ITEM_COLUMNS} {from} WHERE q.rid = ?1"))?;
        let items = rids
            .iter()
            .map(|rid| one.query_row([rid], item))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let total = u64::try_from(total).unwrap_or(0);
        return Ok(QuotePage {
            items,
            page: q.page,
            page_size: q.page_size,
            total,
            pages: total.div_ceil(u64::from(q.page_size)),
            corrections,
        });
    }
    let (total, items, corrections) = match expr {
        Some((m, said)) => {
            let mut args: Vec<rusqlite::types::Value> = vec![m.into()];
            args.extend(short.iter().cloned().map(Into::into));
            let total: i64 = conn.query_row(
                &format!(
                    "SELECT count(*) FROM quote_search JOIN quotes q ON q.rid = quote_search.rowid
                     JOIN customers c ON c.id = q.customer_id LEFT JOIN projects p ON p.id = q.project_id
                     WHERE quote_search MATCH ?{short_filter}"
                ),
                params_from_iter(args.iter()),
                |r| r.get(0),
            )?;
            args.push(i64::from(q.page_size).into());
            args.push(offset.into());
            let mut stmt = conn.prepare(&format!(
                "SELECT {ITEM_COLUMNS} FROM quote_search JOIN quotes q ON q.rid = quote_search.rowid
                 JOIN customers c ON c.id = q.customer_id LEFT JOIN projects p ON p.id = q.project_id
                 WHERE quote_search MATCH ?{short_filter}
                 ORDER BY quote_search.rank, q.updated_at DESC LIMIT ? OFFSET ?"
            ))?;
            let items = stmt
                .query_map(params_from_iter(args.iter()), item)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            (total, items, said)
        }
        None => {
            let mut args: Vec<rusqlite::types::Value> =
                short.iter().cloned().map(Into::into).collect();
            let filter = short_filter.replacen(" AND", " WHERE", 1);
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) {from}{filter}"),
                params_from_iter(args.iter()),
                |r| r.get(0),
            )?;
            args.push(i64::from(q.page_size).into());
            args.push(offset.into());
            let mut stmt = conn.prepare(&format!(
                "SELECT {ITEM_COLUMNS} {from}{filter} ORDER BY q.updated_at DESC, q.rid DESC LIMIT ? OFFSET ?"
            ))?;
            let items = stmt
                .query_map(params_from_iter(args.iter()), item)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            (total, items, Vec::new())
        }
    };
    let total = u64::try_from(total).unwrap_or(0);
    Ok(QuotePage {
        items,
        page: q.page,
        page_size: q.page_size,
        total,
        pages: total.div_ceil(u64::from(q.page_size)),
        corrections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("harbour", "harbour"), 0);
        assert_eq!(edit_distance("harbuor", "harbour"), 1);
        assert_eq!(edit_distance("habour", "harbour"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn words_are_lowercase_and_long_enough() {
        let w: Vec<String> = words("Harbour View Ltd, Block B").collect();
        assert_eq!(w, ["harbour", "view", "ltd", "block"]);
    }
}
