//! The commands over the workstation database: `spw quote new|list|show|revise|status|package`,
//! `spw drawing issue|history|files`, `spw project list|export|import`, `spw backup`,
//! `spw db check|path`, and stored revisions for `spw compare NUMBER@REV`.

use crate::{Outcome, files, print_json, read_input, refused};
use anyhow::{Context, Result};
use clap::Subcommand;
use serde_json::json;
use spw_model::catalogue::Catalogue;
use spw_store::{Actor, QuoteQuery, RevisionRef, Store, StoreError};
use std::path::{Path, PathBuf};

/// `spw quote …` over the store.
#[derive(Subcommand)]
pub enum QuoteAction {
    /// Save a new quote from a quote request; prints its number.
    New {
        /// Quote request (JSON).
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List quotes, newest change first, or search them (typos and partial words allowed).
    List {
        /// Search number, customer, project and reference.
        #[arg(long)]
        search: Option<String>,
        /// Page, from 1.
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Quotes per page (1…500).
        #[arg(long, default_value_t = 20)]
        page_size: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a quote: figures, lines, revisions and status history.
    Show {
        /// Quote number.
        number: String,
        /// Revision (default: the latest).
        #[arg(long)]
        revision: Option<u32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Save a new revision of a quote from an edited request.
    Revise {
        /// Quote number.
        number: String,
        /// The edited quote request (JSON).
        file: PathBuf,
        /// The quote version the edit was made from (refused if the quote changed since).
        #[arg(long)]
        base_version: Option<i64>,
        /// Why (kept with the revision).
        #[arg(long)]
        note: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a quote's status: draft, pending, sent, approved, rejected, expired.
    Status {
        /// Quote number.
        number: String,
        /// New status.
        status: String,
        /// Why (kept in the status history; the rejection reason when rejected).
        #[arg(long)]
        reason: Option<String>,
        /// The quote version the change was decided on (refused if the quote changed since).
        #[arg(long)]
        base_version: Option<i64>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Produce the quote technical package PDF of a stored quote and keep it with its revision.
    Package {
        /// Quote number.
        number: String,
        /// Revision (default: the latest).
        #[arg(long)]
        revision: Option<u32>,
        /// Also write the PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Folder of edited document templates.
        #[arg(long, env = "SPW_DOCUMENT_TEMPLATES", value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Produce the specification datasheet PDF of one line of a stored quote and keep it.
    Datasheet {
        /// Quote number.
        number: String,
        /// Line (from 1).
        #[arg(long, default_value_t = 1)]
        line: u32,
        /// Revision (default: the latest).
        #[arg(long)]
        revision: Option<u32>,
        /// Also write the PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Folder of edited document templates.
        #[arg(long, env = "SPW_DOCUMENT_TEMPLATES", value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `spw drawing …` over the store.
#[derive(Subcommand)]
pub enum DrawingAction {
    /// Draw the quote's current revision as the next drawing revision and store it.
    Issue {
        /// Quote number.
        number: String,
        /// Formats, comma separated: dxf, svg, pdf, png.
        #[arg(long, value_delimiter = ',', default_value = "dxf,svg,pdf")]
        formats: Vec<String>,
        /// Sheet size: A4…A0, optionally `-portrait`.
        #[arg(long, default_value = "A3")]
        sheet: String,
        /// Scale of elevation, plan and isometric, e.g. 1:10 (fitted when absent).
        #[arg(long)]
        scale: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every drawing revision of a quote: letter, drawing numbers, date, files.
    History {
        /// Quote number.
        number: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the stored files of a drawing revision to a folder.
    Files {
        /// Quote number.
        number: String,
        /// Drawing revision letter (default: the latest).
        #[arg(long)]
        revision: Option<String>,
        /// Folder.
        #[arg(long)]
        out: PathBuf,
    },
}

/// `spw project …`.
#[derive(Subcommand)]
pub enum ProjectAction {
    /// Projects in the database.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write one project (customer, quotes, revisions, drawings, documents, files) to a file.
    Export {
        /// Project number.
        number: String,
        /// File to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Merge a project file exported on any workstation.
    Import {
        /// Project file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `spw db …`.
#[derive(Subcommand)]
pub enum DbAction {
    /// Check the database and its files (integrity, references, hashes, temporary files).
    Check {
        /// Also remove the temporary files a killed program left (those untouched for a minute).
        #[arg(long)]
        fix: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print where the database and its files live.
    Path,
}

/// Where and as whom.
pub struct StoreArgs {
    /// `--db` / `SPW_DB`.
    pub db: Option<PathBuf>,
    /// `--user` / `SPW_USER`.
    pub user: Option<String>,
    /// `--email` / `SPW_USER_EMAIL`.
    pub email: Option<String>,
}

impl StoreArgs {
    fn path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => spw_store::default_path()
                .context("no per-user data folder is known here: pass --db PATH or set SPW_DB"),
        }
    }

    fn actor(&self) -> Actor {
        Actor::at_workstation(self.user.as_deref(), self.email.clone())
    }

    /// Open the store, or say why not (printed, with its code).
    pub fn open(&self, json: bool) -> Result<std::result::Result<Store, Outcome>> {
        match Store::open(&self.path()?, self.actor()) {
            Ok(s) => Ok(Ok(s)),
            Err(e) => failed(&e, json).map(Err),
        }
    }
}

/// Print a store error with its code; the exit code says whether the input (1) or the
/// database or a file (2) is at fault.
pub fn failed(e: &StoreError, json: bool) -> Result<Outcome> {
    if let StoreError::Invalid(r) = e {
        return refused(r, json);
    }
    if json {
        print_json(&json!({"error": {"code": e.code(), "message": e.to_string()}}))?;
    } else {
        outln!("{e}");
    }
    Ok(match e {
        StoreError::Corrupt { .. }
        | StoreError::NewerSchema { .. }
        | StoreError::Io { .. }
        | StoreError::Database(_)
        | StoreError::Busy
        | StoreError::Transfer(_) => Outcome::Unreadable,
        _ => Outcome::Invalid,
    })
}

macro_rules! open_or_return {
    ($args:expr, $json:expr) => {
        match $args.open($json)? {
            Ok(s) => s,
            Err(o) => return Ok(o),
        }
    };
}

macro_rules! done_or_return {
    ($e:expr, $json:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return failed(&e, $json),
        }
    };
}

fn pounds(pence: i64) -> String {
    spw_model::Pence(pence).to_string()
}

/// `spw quote new|list|show|revise|status|package`.
pub fn quote(args: &StoreArgs, cat: &Catalogue, action: QuoteAction) -> Result<Outcome> {
    match action {
        QuoteAction::New { file, json } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            let mut store = open_or_return!(args, json);
            let saved = done_or_return!(store.create_quote(&text, crate::today(), cat), json);
            if json {
                print_json(&saved)?;
            } else {
                outln!("{}", saved.quote_number);
            }
            Ok(Outcome::Done)
        }
        QuoteAction::List {
            search,
            page,
            page_size,
            json,
        } => {
            let store = open_or_return!(args, json);
            let q = QuoteQuery {
                text: search.unwrap_or_default(),
                page,
                page_size,
            };
            let p = done_or_return!(store.list_quotes(&q), json);
            if json {
                print_json(&p)?;
            } else {
                for c in &p.corrections {
                    outln!("(searched for {c})");
                }
                outln!(
                    "{:<18} {:>3} {:<9} {:<32} {:<34} {:>14}",
                    "quote",
                    "rev",
                    "status",
                    "customer",
                    "project",
                    "total"
                );
                for i in &p.items {
                    outln!(
                        "{:<18} {:>3} {:<9} {:<32} {:<34} {:>14}",
                        i.quote_number,
                        i.revision,
                        i.status,
                        clip(&i.customer_name, 32),
                        clip(i.project_name.as_deref().unwrap_or("—"), 34),
                        pounds(i.total)
                    );
                }
                outln!("page {} of {} ({} quotes)", p.page, p.pages.max(1), p.total);
            }
            Ok(Outcome::Done)
        }
        QuoteAction::Show {
            number,
            revision,
            json,
        } => {
            let store = open_or_return!(args, json);
            let d = done_or_return!(store.quote(&number, revision), json);
            if json {
                let mut v = serde_json::to_value(&d)?;
                v["documents"] =
                    serde_json::to_value(done_or_return!(store.documents(&number), json))?;
                print_json(&v)?;
            } else {
                outln!(
                    "{}  revision {} of {}  status {}  version {}",
                    d.quote_number,
                    d.revision,
                    d.latest_revision,
                    d.status,
                    d.version
                );
                outln!(
                    "customer {}{}",
                    d.customer_number,
                    d.project_number
                        .as_deref()
                        .map(|p| format!("  project {p}"))
                        .unwrap_or_default()
                );
                for l in d.report["lines"].as_array().into_iter().flatten() {
                    outln!(
                        "  {:>2}. {} × {}  {}",
                        l["line_number"],
                        l["quantity"],
                        l["description"].as_str().unwrap_or_default(),
                        pounds(l["total"].as_i64().unwrap_or(0))
                    );
                }
                outln!(
                    "  total {}",
                    pounds(d.report["total"].as_i64().unwrap_or(0))
                );
                outln!("revisions:");
                for r in &d.revisions {
                    outln!(
                        "  {:>2}  {}  {}  {}{}",
                        r.revision,
                        r.created_at,
                        r.created_by,
                        pounds(r.total),
                        r.note
                            .as_deref()
                            .map(|n| format!("  — {n}"))
                            .unwrap_or_default()
                    );
                }
                outln!("status history:");
                for s in &d.status_history {
                    outln!(
                        "  {}  {} → {}  by {}{}",
                        s.changed_at,
                        s.from_status.as_deref().unwrap_or("—"),
                        s.to_status,
                        s.changed_by,
                        s.reason
                            .as_deref()
                            .map(|r| format!("  ({r})"))
                            .unwrap_or_default()
                    );
                }
            }
            Ok(Outcome::Done)
        }
        QuoteAction::Revise {
            number,
            file,
            base_version,
            note,
            json,
        } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            let mut store = open_or_return!(args, json);
            let saved = done_or_return!(
                store.revise_quote(
                    &number,
                    &text,
                    base_version,
                    note.as_deref(),
                    crate::today(),
                    cat
                ),
                json
            );
            if json {
                print_json(&saved)?;
            } else {
                outln!(
                    "{} revision {} saved ({})",
                    saved.quote_number,
                    saved.revision,
                    pounds(saved.total)
                );
            }
            Ok(Outcome::Done)
        }
        QuoteAction::Status {
            number,
            status,
            reason,
            base_version,
            json,
        } => {
            let to: spw_quote::QuoteStatus = match status.parse() {
                Ok(s) => s,
                Err(m) => {
                    let e = StoreError::Argument {
                        field: "status",
                        message: m,
                    };
                    return failed(&e, json);
                }
            };
            let mut store = open_or_return!(args, json);
            let c = done_or_return!(
                store.set_status(&number, to, base_version, reason.as_deref()),
                json
            );
            if json {
                print_json(&c)?;
            } else {
                outln!("{} {} → {}", c.quote_number, c.from, c.to);
            }
            Ok(Outcome::Done)
        }
        QuoteAction::Package {
            number,
            revision,
            out,
            templates,
            json,
        } => package(
            args,
            cat,
            &number,
            revision,
            out.as_deref(),
            templates.as_deref(),
            json,
        ),
        QuoteAction::Datasheet {
            number,
            line,
            revision,
            out,
            templates,
            json,
        } => datasheet(
            args,
            cat,
            (&number, line, revision),
            out.as_deref(),
            templates.as_deref(),
            json,
        ),
    }
}

fn datasheet(
    args: &StoreArgs,
    cat: &Catalogue,
    (number, line, revision): (&str, u32, Option<u32>),
    out: Option<&Path>,
    templates: Option<&Path>,
    json: bool,
) -> Result<Outcome> {
    let mut store = open_or_return!(args, json);
    let at = revision.map_or(RevisionRef::Latest, RevisionRef::Quote);
    let door = done_or_return!(store.door(number, &at, line), json);
    let d = done_or_return!(store.quote(number, Some(door.quote_revision)), json);
    let e = spw_validation::evaluate_text(&door.door_configuration, cat);
    let Some((cfg, g, t)) = e.valid_parts() else {
        let (report, unreadable) = spw_app::validate(&door.door_configuration, cat);
        return refused(&spw_app::Refusal { unreadable, report }, json);
    };
    let bom = spw_bom::build(cfg, g, cat);
    let date = d.report["quote_date"]
        .as_str()
        .and_then(|s| {
            time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
        })
        .unwrap_or_else(crate::today);
    let meta = spw_documents::DocMeta {
        document_number: format!("{number}-R{}-DS{line:02}", door.quote_revision),
        revision: door.quote_revision.to_string(),
        date,
        prepared_by: args.actor().name,
        project: d.report["project_name"].as_str().map(str::to_owned),
        customer: d.report["customer_name"].as_str().map(str::to_owned),
    };
    let tpl = crate::documents::templates(templates)?;
    let doc = match spw_documents::datasheet_with(cfg, g, t, &bom, cat, &meta, &tpl) {
        Ok(doc) => doc,
        Err(e) => return crate::documents::doc_failed(&e, json),
    };
    let file_name = format!("{}.pdf", meta.document_number);
    let kind = spw_store::DocumentKind::Datasheet;
    keep_document(
        &mut store,
        number,
        (kind, door.quote_revision, Some(line)),
        &file_name,
        &doc,
        out,
        json,
    )
}

/// Keep a produced PDF with the quote revision it was made from, write it to `out` when asked,
/// and say what was kept.
fn keep_document(
    store: &mut Store,
    number: &str,
    (kind, quote_revision, line_number): (spw_store::DocumentKind, u32, Option<u32>),
    file_name: &str,
    doc: &spw_documents::Document,
    out: Option<&Path>,
    json: bool,
) -> Result<Outcome> {
    let hash = done_or_return!(store.put_file(&doc.pdf), json);
    let stored = done_or_return!(
        store.record_document(
            number,
            &spw_store::NewDocument {
                kind,
                quote_revision,
                line_number,
                file_name,
                sha256: &hash,
                size_bytes: doc.pdf.len(),
                pages: u32::try_from(doc.pages).unwrap_or(u32::MAX),
            },
        ),
        json
    );
    if let Some(out) = out {
        files::write_atomic(out, &doc.pdf)?;
    }
    if json {
        let mut v = serde_json::to_value(&stored)?;
        v["path"] = json!(out.map(|p| p.display().to_string()));
        print_json(&v)?;
    } else {
        outln!(
            "{} ({} pages, {} bytes, sha256 {}){}",
            stored.file_name,
            stored.pages,
            stored.size_bytes,
            stored.sha256.get(..12).unwrap_or_default(),
            out.map(|p| format!(" → {}", p.display()))
                .unwrap_or_default()
        );
    }
    Ok(Outcome::Done)
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

fn package(
    args: &StoreArgs,
    cat: &Catalogue,
    number: &str,
    revision: Option<u32>,
    out: Option<&Path>,
    templates: Option<&Path>,
    json: bool,
) -> Result<Outcome> {
    let mut store = open_or_return!(args, json);
    let d = done_or_return!(store.quote(number, revision), json);
    let text = serde_json::to_string(&d.request)?;
    let date = d.report["quote_date"]
        .as_str()
        .and_then(|s| {
            time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
        })
        .unwrap_or_else(crate::today);
    let quote = match spw_app::quote(&text, date, cat) {
        Ok(q) => q,
        Err(r) => return refused(&r, json),
    };
    let meta = spw_documents::DocMeta {
        document_number: number.to_owned(),
        revision: d.revision.to_string(),
        date,
        prepared_by: args.actor().name,
        project: quote.project_name.clone(),
        customer: Some(quote.customer_name.clone()),
    };
    let tpl = crate::documents::templates(templates)?;
    let doc = spw_documents::quote_drawings(&quote, cat, &meta)
        .and_then(|dr| spw_documents::quote_package_with(&quote, &dr, cat, &meta, &tpl));
    let doc = match doc {
        Ok(doc) => doc,
        Err(e) => return crate::documents::doc_failed(&e, json),
    };
    let file_name = format!("{number}-R{}-package.pdf", d.revision);
    let kind = spw_store::DocumentKind::Package;
    keep_document(
        &mut store,
        number,
        (kind, d.revision, None),
        &file_name,
        &doc,
        out,
        json,
    )
}

/// `spw drawing issue|history|files`.
pub fn drawing(
    args: &StoreArgs,
    cat: &Catalogue,
    template: &spw_drawing::TitleBlockTemplate,
    action: DrawingAction,
) -> Result<Outcome> {
    match action {
        DrawingAction::Issue {
            number,
            formats,
            sheet,
            scale,
            json,
        } => {
            let mut fmts = Vec::new();
            for f in &formats {
                match spw_app::drawings::Format::parse(f) {
                    Some(x) => fmts.push(x),
                    None => {
                        return crate::usage(
                            format!("--formats: `{f}` is not one of dxf, svg, pdf, png"),
                            json,
                        );
                    }
                }
            }
            let mut base = spw_app::drawings::default_options(vec![
                spw_drawing::ViewKind::Elevation,
                spw_drawing::ViewKind::Plan,
                spw_drawing::ViewKind::Section,
                spw_drawing::ViewKind::Detail,
                spw_drawing::ViewKind::Isometric,
            ]);
            base.template = template.clone();
            match spw_app::drawings::parse_sheet(&sheet) {
                Some(s) => base.sheet = s,
                None => return crate::usage(format!("--sheet: `{sheet}` is not A4…A0"), json),
            }
            if let Some(s) = scale {
                match spw_app::drawings::parse_scale(&s) {
                    Some(s) => base.scale = Some(s),
                    None => return crate::usage(format!("--scale: `{s}` is not like 1:10"), json),
                }
            }
            let mut store = open_or_return!(args, json);
            let opts = spw_store::IssueOptions {
                formats: &fmts,
                base,
                date: crate::today().to_string(),
            };
            let issued = done_or_return!(store.issue_drawings(&number, &opts, cat), json);
            if json {
                print_json(&issued)?;
            } else {
                for r in &issued {
                    outln!(
                        "{number} line {} drawing revision {} (quote revision {}): {}",
                        r.line_number,
                        r.revision,
                        r.quote_revision,
                        r.note
                    );
                    for d in &r.drawings {
                        let f: Vec<&str> = d.files.iter().map(|f| f.format.as_str()).collect();
                        outln!(
                            "  {} rev {}  {}",
                            d.drawing_number,
                            r.revision,
                            f.join(", ")
                        );
                    }
                }
            }
            Ok(Outcome::Done)
        }
        DrawingAction::History { number, json } => {
            let store = open_or_return!(args, json);
            let h = done_or_return!(store.drawing_history(&number), json);
            if json {
                print_json(&h)?;
            } else if h.is_empty() {
                outln!("{number}: no drawings issued yet (spw drawing issue {number})");
            } else {
                for r in &h {
                    outln!(
                        "rev {}  line {}  {}  by {}  quote revision {}  — {}",
                        r.revision,
                        r.line_number,
                        r.date,
                        r.issued_by,
                        r.quote_revision,
                        r.note
                    );
                    for d in &r.drawings {
                        outln!(
                            "  {} {}{}",
                            d.drawing_number,
                            d.status,
                            d.files
                                .iter()
                                .map(|f| format!("  {} ({} B)", f.file_name, f.size_bytes))
                                .collect::<String>()
                        );
                    }
                }
            }
            Ok(Outcome::Done)
        }
        DrawingAction::Files {
            number,
            revision,
            out,
        } => {
            let store = open_or_return!(args, false);
            let h = done_or_return!(store.drawing_history(&number), false);
            let letter = revision
                .map(|r| r.to_ascii_uppercase())
                .or_else(|| h.last().map(|r| r.revision.clone()));
            let chosen: Vec<_> = h
                .iter()
                .filter(|r| Some(&r.revision) == letter.as_ref())
                .collect();
            if chosen.is_empty() {
                let e = StoreError::NotFound {
                    what: "drawing revision",
                    key: format!("{number} {}", letter.unwrap_or_default()),
                };
                return failed(&e, false);
            }
            let mut made = Vec::new();
            for r in chosen {
                for d in &r.drawings {
                    for f in &d.files {
                        // The name came from the database, perhaps from an imported project
                        // file: it must be one plain file name, or it could land outside `out`.
                        if let Err(why) = spw_store::check_file_name(&f.file_name) {
                            let e = StoreError::Corrupt {
                                path: store.path().to_path_buf(),
                                detail: format!(
                                    "drawing {} revision {} has a file name that is refused ({why})",
                                    d.drawing_number, r.revision
                                ),
                            };
                            return failed(&e, false);
                        }
                        let bytes = done_or_return!(store.file(&f.sha256), false);
                        made.push((out.join(&f.file_name), bytes));
                    }
                }
            }
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            // The whole set, or none of it.
            let batch: Vec<(&Path, &[u8])> = made
                .iter()
                .map(|(p, b)| (p.as_path(), b.as_slice()))
                .collect();
            if let Err(e) = spw_files::write_all(&batch, spw_files::Overwrite::Writable) {
                return crate::write_failed(&e, false);
            }
            for (p, _) in &made {
                outln!("{}", p.display());
            }
            Ok(Outcome::Done)
        }
    }
}

/// `spw project list|export|import`.
pub fn project(args: &StoreArgs, action: ProjectAction) -> Result<Outcome> {
    match action {
        ProjectAction::List { json } => {
            let store = open_or_return!(args, json);
            let p = done_or_return!(store.projects(), json);
            if json {
                print_json(&p)?;
            } else {
                for p in &p {
                    outln!(
                        "{:<20} {:<40} {:<30} {} quotes",
                        p.project_number,
                        clip(&p.project_name, 40),
                        clip(&p.customer_name, 30),
                        p.quotes
                    );
                }
            }
            Ok(Outcome::Done)
        }
        ProjectAction::Export { number, out } => {
            let store = open_or_return!(args, false);
            let bytes = done_or_return!(store.export_project(&number), false);
            files::write_atomic(&out, &bytes)?;
            outln!("{} ({} bytes)", out.display(), bytes.len());
            Ok(Outcome::Done)
        }
        ProjectAction::Import { file, json } => {
            let bytes = done_or_return!(spw_store::read_project_file(&file), json);
            let mut store = open_or_return!(args, json);
            let s = done_or_return!(store.import_project(&bytes), json);
            if json {
                print_json(&s)?;
            } else {
                let sum = |m: &std::collections::BTreeMap<String, u64>| m.values().sum::<u64>();
                outln!(
                    "{}: {} rows added, {} updated, {} already here; {} files",
                    s.project_number,
                    sum(&s.added),
                    sum(&s.updated),
                    sum(&s.unchanged),
                    s.files_written
                );
            }
            Ok(Outcome::Done)
        }
    }
}

/// `spw backup PATH`.
pub fn backup(args: &StoreArgs, dest: &Path, json: bool) -> Result<Outcome> {
    let store = open_or_return!(args, json);
    let b = done_or_return!(store.backup(dest), json);
    if json {
        print_json(&b)?;
    } else {
        outln!(
            "{} ({} bytes) and {} files in {}",
            b.path,
            b.bytes,
            b.files,
            b.files_folder
        );
    }
    Ok(Outcome::Done)
}

/// `spw db check|path`.
pub fn db(args: &StoreArgs, action: DbAction) -> Result<Outcome> {
    match action {
        DbAction::Path => {
            let p = args.path()?;
            outln!("{}", p.display());
            outln!("{}", spw_store::FileStore::beside(&p).root().display());
            Ok(Outcome::Done)
        }
        DbAction::Check { fix, json } => {
            let store = open_or_return!(args, json);
            let removed = if fix {
                store.remove_temporary_files(spw_store::FIX_TEMPORARY_FILE_AGE)
            } else {
                0
            };
            let c = done_or_return!(store.check(), json);
            if json {
                let mut v = serde_json::to_value(&c)?;
                if fix {
                    v["removed_temporary_files"] = json!(removed);
                }
                if !c.ok() {
                    v["error"] = json!({
                        "code": "ERR_STORE_003",
                        "message": "the database or its files are damaged",
                    });
                }
                print_json(&v)?;
            } else {
                outln!(
                    "integrity {}; {} foreign-key problems; {} missing and {} damaged files; {} unreferenced; {} temporary",
                    c.integrity,
                    c.foreign_key_violations,
                    c.missing_files.len(),
                    c.damaged_files.len(),
                    c.unreferenced_files,
                    c.temporary_files
                );
                if fix {
                    outln!("removed {removed} temporary files left by an interrupted program");
                }
                if !c.ok() {
                    outln!("ERR_STORE_003: the database or its files are damaged");
                }
                outln!(
                    "schema {}; {} quotes, {} revisions, {} drawings; {} events waiting to be sent",
                    c.schema_version,
                    c.quotes,
                    c.quote_revisions,
                    c.drawings,
                    c.outbox_pending
                );
            }
            Ok(if c.ok() {
                Outcome::Done
            } else {
                Outcome::Unreadable
            })
        }
    }
}

/// `NUMBER@REV` (REV a quote revision number or a drawing revision letter), when `s` is one.
pub fn stored_ref(s: &str) -> Option<(String, RevisionRef)> {
    let (number, rev) = s.rsplit_once('@')?;
    if number.is_empty() {
        return None;
    }
    Some((number.to_owned(), RevisionRef::parse(rev)?))
}

/// The door configuration a compare argument names: a file, or `NUMBER@REV` from the store.
pub fn compare_input(
    args: &StoreArgs,
    arg: &str,
    line: u32,
    json: bool,
) -> Result<std::result::Result<String, Outcome>> {
    let path = Path::new(arg);
    if path.exists() {
        return read_input(path, json);
    }
    let Some((number, at)) = stored_ref(arg) else {
        if let Some((number, rev)) = arg.rsplit_once('@').filter(|(n, _)| !n.is_empty()) {
            return crate::usage(
                format!(
                    "`{number}@{rev}`: `{rev}` is neither a quote revision (1, 2, …) nor a \
                     drawing revision (A, B, …), and no file is called `{arg}`"
                ),
                json,
            )
            .map(Err);
        }
        return read_input(path, json);
    };
    let store = match args.open(json)? {
        Ok(s) => s,
        Err(o) => return Ok(Err(o)),
    };
    match store.door(&number, &at, line) {
        Ok(d) => Ok(Ok(d.door_configuration)),
        Err(e) => failed(&e, json).map(Err),
    }
}
