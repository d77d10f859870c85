//! The Quotes and Revisions screens' commands over the workstation database (`spw-store`),
//! the same Store calls `spw quote …`, `spw drawing …` and `spw compare NUMBER@REV` make:
//! list and search quotes, create and revise them (a stale edit is `ERR_STORE_002`), change
//! their status, issue drawings, read their history, compare two revisions and produce the
//! quote technical package.
//!
//! The functions taking a [`Store`] shape its answers for the window and decide nothing; the
//! `#[tauri::command]` wrappers at the end open the store and call one of them each.

use crate::commands::guard;
use crate::ops;
use crate::state::AppState;
use crate::wire::{
    BomChangeInfo, CommandError, CompareRequest, CompareSheet, CompareView, DocumentInfo,
    DrawingRevisionInfo, FieldChangeInfo, FigureDelta, IssuedDrawing, LayerChangeInfo, MoneyDelta,
    PackageResult, PricedLine, PricedQuote, QuoteInput, QuoteLineInput, QuoteListPage,
    QuoteRevisionInfo, QuoteRow, QuoteSearch, QuoteView, RecentQuote, SaveQuoteRequest, StatusInfo,
};
use serde_json::{Value, json};
use spw_app::drawings::{self, DrawFailure, Format};
use spw_drawing::{DrawingOptions, ViewKind};
use spw_model::catalogue::Catalogue;
use spw_quote::QuoteStatus;
use spw_store::{Actor, QuoteQuery, RevisionRef, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// The database file in the app's data folder.
pub const DB_FILE: &str = "spw600e.db";

/// The workstation database the commands use, opened on first use and kept open (the CLI may
/// write the same file at the same time; the store waits out the other writer).
pub struct StoreState {
    path: PathBuf,
    open: Mutex<Option<(Actor, Store)>>,
}

impl StoreState {
    /// The store at `path`, not yet opened.
    pub fn new(path: PathBuf) -> StoreState {
        StoreState {
            path,
            open: Mutex::new(None),
        }
    }

    /// Run `f` on the store, opened for `actor` (reopened when the designer's name changed).
    pub fn with<T>(
        &self,
        actor: Actor,
        f: impl FnOnce(&mut Store, &Actor) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        let mut guard = self
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if guard.as_ref().is_none_or(|(a, _)| *a != actor) {
            *guard = None;
            let store = Store::open(&self.path, actor.clone()).map_err(store_error)?;
            *guard = Some((actor, store));
        }
        match guard.as_mut() {
            Some((actor, store)) => f(store, actor),
            None => Err(CommandError::new(
                "ERR_STORE_009",
                "the database is not open",
            )),
        }
    }
}

/// The person the store records: the settings' "drawn by", else the OS user.
pub fn actor(drawn_by: &str) -> Actor {
    Actor::at_workstation(Some(drawn_by), None)
}

/// A store error with its machine code; a refused request carries the core's issues.
pub fn store_error(e: StoreError) -> CommandError {
    match e {
        StoreError::Invalid(r) => ops::refusal_error(&r),
        other => CommandError::new(other.code(), other.to_string()),
    }
}

fn draw_error(f: DrawFailure) -> CommandError {
    match f {
        DrawFailure::Invalid(r) => ops::refusal_error(&r),
        DrawFailure::Drawing { code, message } => CommandError::new(code, message),
    }
}

fn count(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

/// The quote request (the JSON of `examples/quote.json`) the core reads. A door that is not
/// JSON goes as its text, for the core to refuse with its code.
pub fn request_json(input: &QuoteInput) -> String {
    let text = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    let lines: Vec<Value> = input
        .lines
        .iter()
        .map(|l| {
            let door = serde_json::from_str::<Value>(&l.door)
                .unwrap_or_else(|_| Value::String(l.door.clone()));
            json!({"door_configuration": door, "quantity": l.quantity})
        })
        .collect();
    json!({
        "customer_name": input.customer_name.trim(),
        "project_name": text(&input.project_name),
        "project_reference": text(&input.project_reference),
        "discount_percentage": input.discount_percentage,
        "tax_percentage": input.tax_percentage,
        "lines": lines,
    })
    .to_string()
}

/// A saved request back as the screen edits it.
pub fn input_from_request(request: &Value) -> QuoteInput {
    let s = |k: &str| {
        request
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let n = |k: &str| request.get(k).and_then(Value::as_f64).unwrap_or(0.0);
    let lines = request
        .get("lines")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|l| QuoteLineInput {
            door: l
                .get("door_configuration")
                .map(|d| serde_json::to_string_pretty(d).unwrap_or_default())
                .unwrap_or_default(),
            quantity: l
                .get("quantity")
                .and_then(Value::as_u64)
                .map_or(1, |q| u32::try_from(q).unwrap_or(u32::MAX)),
        })
        .collect();
    QuoteInput {
        customer_name: s("customer_name"),
        project_name: s("project_name"),
        project_reference: s("project_reference"),
        discount_percentage: n("discount_percentage"),
        tax_percentage: n("tax_percentage"),
        lines,
    }
}

/// The figures of `spw quote --json` the screen shows.
#[derive(serde::Deserialize)]
struct Figures {
    quote_date: String,
    valid_until: String,
    currency: String,
    subtotal: i64,
    discount_percentage: f64,
    discount_amount: i64,
    tax_percentage: f64,
    tax_amount: i64,
    total: i64,
    estimated_weight_kg: f64,
    estimated_lead_time_days: u32,
    lines: Vec<PricedLine>,
}

/// The core's priced quote (`spw quote --json`) in the screen's shape.
pub fn priced(
    report: &Value,
    warnings: Vec<spw_model::Issue>,
) -> Result<PricedQuote, CommandError> {
    let f: Figures = serde_json::from_value(report.clone()).map_err(|e| {
        CommandError::new(
            "ERR_APP_WIRE",
            format!("the priced quote could not be read: {e}"),
        )
    })?;
    Ok(PricedQuote {
        quote_date: f.quote_date,
        valid_until: f.valid_until,
        currency: f.currency,
        subtotal: f.subtotal,
        discount_percentage: f.discount_percentage,
        discount_amount: f.discount_amount,
        tax_percentage: f.tax_percentage,
        tax_amount: f.tax_amount,
        total: f.total,
        estimated_weight_kg: f.estimated_weight_kg,
        estimated_lead_time_days: f.estimated_lead_time_days,
        lines: f.lines,
        warnings,
    })
}

/// Live totals of the quote being edited, priced by the core (`spw_app::quote`).
pub fn price(
    input: &QuoteInput,
    date: time::Date,
    cat: &Catalogue,
) -> Result<PricedQuote, CommandError> {
    let report =
        spw_app::quote(&request_json(input), date, cat).map_err(|r| ops::refusal_error(&r))?;
    let v = serde_json::to_value(&report)
        .map_err(|e| CommandError::new("ERR_APP_WIRE", e.to_string()))?;
    priced(&v, report.warnings)
}

/// A page of quotes, searched with the store's typo-tolerant search.
pub fn list(store: &Store, q: &QuoteSearch) -> Result<QuoteListPage, CommandError> {
    let page = store
        .list_quotes(&QuoteQuery {
            text: q.text.clone(),
            page: q.page.max(1),
            page_size: q.page_size,
        })
        .map_err(store_error)?;
    Ok(QuoteListPage {
        items: page
            .items
            .into_iter()
            .map(|i| QuoteRow {
                quote_number: i.quote_number,
                revision: i.revision,
                status: i.status,
                customer_name: i.customer_name,
                project_name: i.project_name,
                project_reference: i.project_reference,
                total: i.total,
                currency: i.currency,
                quote_date: i.quote_date,
                updated_at: i.updated_at,
            })
            .collect(),
        page: page.page,
        pages: count(page.pages),
        total: count(page.total),
        corrections: page.corrections,
    })
}

fn wire_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A quote at a revision (its latest when `None`), with the statuses it may move to.
pub fn view(store: &Store, number: &str, revision: Option<u32>) -> Result<QuoteView, CommandError> {
    let d = store.quote(number, revision).map_err(store_error)?;
    let documents = store.documents(number).map_err(store_error)?;
    let next_statuses = d
        .status
        .parse::<QuoteStatus>()
        .map(|s| s.next().iter().map(|n| n.as_str().to_owned()).collect())
        .unwrap_or_default();
    Ok(QuoteView {
        input: input_from_request(&d.request),
        priced: priced(&d.report, Vec::new())?,
        quote_number: d.quote_number,
        revision: d.revision,
        latest_revision: d.latest_revision,
        status: d.status,
        version: d.version,
        customer_number: d.customer_number,
        project_number: d.project_number,
        revisions: d
            .revisions
            .into_iter()
            .map(|r| QuoteRevisionInfo {
                revision: r.revision,
                total: r.total,
                is_latest: r.is_latest,
                created_by: r.created_by,
                created_at: r.created_at,
                note: r.note,
            })
            .collect(),
        status_history: d
            .status_history
            .into_iter()
            .map(|s| StatusInfo {
                revision: s.revision,
                from_status: s.from_status,
                to_status: s.to_status,
                reason: s.reason,
                changed_by: s.changed_by,
                changed_at: s.changed_at,
            })
            .collect(),
        next_statuses,
        documents: documents
            .into_iter()
            .map(|d| DocumentInfo {
                kind: wire_name(&d.kind),
                quote_revision: d.quote_revision,
                file_name: d.file_name,
                pages: d.pages,
                size_bytes: d.size_bytes,
                created_by: d.created_by,
                created_at: d.created_at,
            })
            .collect(),
    })
}

/// Save a new quote, or a new revision of one made from the version it was loaded at.
pub fn save(
    store: &mut Store,
    req: &SaveQuoteRequest,
    today: time::Date,
    cat: &Catalogue,
) -> Result<QuoteView, CommandError> {
    let text = request_json(&req.input);
    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let saved = match req.number.as_deref().filter(|n| !n.trim().is_empty()) {
        None => store.create_quote(&text, today, cat),
        Some(number) => store.revise_quote(number, &text, req.version, note, today, cat),
    }
    .map_err(store_error)?;
    view(store, &saved.quote_number, None)
}

/// Move a quote to another status (refused unless `QuoteStatus::next` allows it).
pub fn change_status(
    store: &mut Store,
    number: &str,
    to: &str,
    version: Option<i64>,
    reason: Option<&str>,
) -> Result<QuoteView, CommandError> {
    let to: QuoteStatus = to
        .parse()
        .map_err(|m: String| CommandError::new("ERR_STORE_008", m))?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    store
        .set_status(number, to, version, reason)
        .map_err(store_error)?;
    view(store, number, None)
}

fn drawing_info(r: spw_store::DrawingRevision) -> DrawingRevisionInfo {
    DrawingRevisionInfo {
        revision: r.revision,
        line_number: r.line_number,
        quote_revision: r.quote_revision,
        note: r.note,
        date: r.date,
        issued_at: r.issued_at,
        issued_by: r.issued_by,
        drawings: r
            .drawings
            .into_iter()
            .map(|d| IssuedDrawing {
                drawing_number: d.drawing_number,
                title: d.title,
                formats: d.files.into_iter().map(|f| f.format).collect(),
            })
            .collect(),
    }
}

/// Draw every line of the quote's current revision as its next drawing revision and store it
/// (`spw drawing issue`: every view, DXF, SVG and PDF).
pub fn issue(
    store: &mut Store,
    number: &str,
    base: DrawingOptions,
    today: time::Date,
    cat: &Catalogue,
) -> Result<Vec<DrawingRevisionInfo>, CommandError> {
    let opts = spw_store::IssueOptions {
        formats: &[Format::Dxf, Format::Svg, Format::Pdf],
        base,
        date: today.to_string(),
    };
    let issued = store
        .issue_drawings(number, &opts, cat)
        .map_err(store_error)?;
    Ok(issued.into_iter().map(drawing_info).collect())
}

/// Every drawing revision of a quote, oldest first.
pub fn drawing_history(
    store: &Store,
    number: &str,
) -> Result<Vec<DrawingRevisionInfo>, CommandError> {
    let h = store.drawing_history(number).map_err(store_error)?;
    Ok(h.into_iter().map(drawing_info).collect())
}

fn revision_ref(s: &str) -> Result<RevisionRef, CommandError> {
    RevisionRef::parse(s).ok_or_else(|| {
        CommandError::new(
            "ERR_STORE_008",
            format!("`{s}` is neither a quote revision (1, 2, …) nor a drawing revision (A, B, …)"),
        )
    })
}

fn shown(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn svg(r: Result<String, spw_svg::SvgError>) -> Result<String, CommandError> {
    r.map_err(|e| CommandError::new("ERR_DWG_001", e.to_string()))
}

/// Two revisions of a quote line compared by the core (`spw compare NUMBER@OLD NUMBER@NEW`):
/// the report, and per sheet both sides and the overlay.
pub fn compare(
    store: &Store,
    req: &CompareRequest,
    options: &DrawingOptions,
    cat: &Catalogue,
) -> Result<CompareView, CommandError> {
    let line = req.line.max(1);
    let old = store
        .door(&req.number, &revision_ref(&req.old)?, line)
        .map_err(store_error)?;
    let new = store
        .door(&req.number, &revision_ref(&req.new)?, line)
        .map_err(store_error)?;
    let cmp = spw_app::compare::compare(
        &old.door_configuration,
        &new.door_configuration,
        options,
        cat,
    )
    .map_err(draw_error)?;
    let mut sheets = Vec::new();
    for (i, sheet) in cmp.new_drawing.sheets.iter().enumerate() {
        let (w, h) = sheet.size.mm();
        sheets.push(CompareSheet {
            drawing_number: sheet.title.drawing_number.clone(),
            sheet_width_mm: w,
            sheet_height_mm: h,
            old_svg: spw_svg::write_sheet(&cmp.old_drawing, i).ok(),
            new_svg: svg(spw_svg::write_sheet(&cmp.new_drawing, i))?,
            overlay_svg: svg(spw_svg::write_overlay(
                &cmp.old_drawing,
                &cmp.new_drawing,
                i,
            ))?,
        });
    }
    let r = cmp.report;
    let money = |d: spw_app::compare::Delta<spw_model::Pence>| MoneyDelta {
        old: d.old.0,
        new: d.new.0,
        delta: d.delta.0,
    };
    let figure = |d: spw_app::compare::Delta<f64>| FigureDelta {
        old: d.old,
        new: d.new,
        delta: d.delta,
    };
    Ok(CompareView {
        old: req.old.clone(),
        new: req.new.clone(),
        line,
        fields: r
            .fields
            .iter()
            .map(|f| FieldChangeInfo {
                field: f.field.clone(),
                old: shown(&f.old),
                new: shown(&f.new),
            })
            .collect(),
        bom: r
            .bom
            .iter()
            .map(|b| BomChangeInfo {
                code: b.code.clone(),
                unit: wire_name(&b.unit),
                old_quantity: b.old_quantity,
                new_quantity: b.new_quantity,
                cost_delta: b.cost_delta.0,
            })
            .collect(),
        price: money(r.price),
        material_cost: money(r.material_cost),
        weight_kg: figure(r.weight_kg),
        u_value: figure(r.u_value),
        drawing: r
            .drawing
            .iter()
            .map(|c| LayerChangeInfo {
                view: c.view.clone(),
                layer: c.layer.as_str().to_owned(),
                added: count(c.added),
                removed: count(c.removed),
                unchanged: count(c.unchanged),
            })
            .collect(),
        sheets,
    })
}

/// The quote technical package of a stored quote revision (`spw quote package`): made by
/// `spw-documents`, kept in the store against its revision. Returns the PDF and its record.
pub fn package(
    store: &mut Store,
    number: &str,
    revision: Option<u32>,
    cat: &Catalogue,
    (prepared_by, today): (&str, time::Date),
) -> Result<(Vec<u8>, spw_store::StoredDocument), CommandError> {
    let d = store.quote(number, revision).map_err(store_error)?;
    let text = d.request.to_string();
    let date = d.report["quote_date"]
        .as_str()
        .and_then(|s| {
            time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
        })
        .unwrap_or(today);
    let quote = spw_app::quote(&text, date, cat).map_err(|r| ops::refusal_error(&r))?;
    let meta = spw_documents::DocMeta {
        document_number: number.to_owned(),
        revision: d.revision.to_string(),
        date,
        prepared_by: prepared_by.to_owned(),
        project: quote.project_name.clone(),
        customer: Some(quote.customer_name.clone()),
    };
    let doc = spw_documents::quote_drawings(&quote, cat, &meta)
        .and_then(|dr| {
            spw_documents::quote_package_with(
                &quote,
                &dr,
                cat,
                &meta,
                &spw_documents::Templates::builtin(),
            )
        })
        .map_err(|e| CommandError::new(e.code(), e.to_string()))?;
    let hash = store.put_file(&doc.pdf).map_err(store_error)?;
    let file_name = format!("{number}-R{}-package.pdf", d.revision);
    let stored = store
        .record_document(
            number,
            &spw_store::NewDocument {
                kind: spw_store::DocumentKind::Package,
                quote_revision: d.revision,
                line_number: None,
                file_name: &file_name,
                sha256: &hash,
                size_bytes: doc.pdf.len(),
                pages: count(doc.pages),
            },
        )
        .map_err(store_error)?;
    Ok((doc.pdf, stored))
}

/// The views a compare draws (as `spw compare`).
pub fn compare_options(state: &AppState) -> DrawingOptions {
    let mut o =
        drawings::default_options(vec![ViewKind::Elevation, ViewKind::Plan, ViewKind::Section]);
    o.template = (*state.template()).clone();
    o
}

fn issue_options(state: &AppState) -> Result<DrawingOptions, CommandError> {
    let s = state.settings();
    let info = spw_drawing::ProjectInfo {
        drawn_by: s.drawn_by.clone(),
        ..spw_drawing::ProjectInfo::default()
    };
    ops::options(
        vec![
            ViewKind::Elevation,
            ViewKind::Plan,
            ViewKind::Section,
            ViewKind::Detail,
            ViewKind::Isometric,
        ],
        &s.default_sheet,
        &s.default_scale,
        &s,
        &state.template(),
        info,
    )
}

fn who(state: &AppState) -> Actor {
    actor(&state.settings().drawn_by)
}

// The commands: `async`, so the store's work runs off the window's main thread.

/// A page of quotes, newest change first, or those matching a search.
#[tauri::command]
pub async fn list_quotes(
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    search: QuoteSearch,
) -> Result<QuoteListPage, CommandError> {
    guard("list_quotes", || {
        store.with(who(&state), |s, _| list(s, &search))
    })
}

/// Live totals of the quote being edited.
#[tauri::command]
pub async fn price_quote(
    state: State<'_, AppState>,
    input: QuoteInput,
) -> Result<PricedQuote, CommandError> {
    guard("price_quote", || {
        price(&input, ops::today(), &state.catalogue())
    })
}

/// A stored quote at a revision (its latest when `revision` is `null`).
#[tauri::command]
pub async fn get_quote(
    app: AppHandle,
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    number: String,
    revision: Option<u32>,
) -> Result<QuoteView, CommandError> {
    let v = guard("get_quote", || {
        store.with(who(&state), |s, _| view(s, &number, revision))
    })?;
    remember(&app, &state, &v);
    Ok(v)
}

/// Put a quote first among the recent quotes (File menu, Quotes screen). Not being able to
/// write the list is logged, never a failure of what the designer did.
fn remember(app: &AppHandle, state: &AppState, v: &QuoteView) {
    match state.remember_quote(crate::recent::entry(v)) {
        Ok(list) => crate::menu::refresh(app, &list),
        Err(e) => tracing::warn!("{}: {}", e.code, e.message),
    }
}

/// The quotes opened or saved most recently here, newest first.
#[tauri::command]
pub fn recent_quotes(state: State<'_, AppState>) -> Vec<RecentQuote> {
    state.recent_quotes()
}

/// Save a new quote or a new revision (`ERR_STORE_002` when the quote changed since it was
/// loaded).
#[tauri::command]
pub async fn save_quote(
    app: AppHandle,
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    request: SaveQuoteRequest,
) -> Result<QuoteView, CommandError> {
    let v = guard("save_quote", || {
        let cat = state.catalogue();
        store.with(who(&state), |s, _| save(s, &request, ops::today(), &cat))
    })?;
    remember(&app, &state, &v);
    Ok(v)
}

/// Change a quote's status.
#[tauri::command]
pub async fn set_quote_status(
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    number: String,
    status: String,
    version: Option<i64>,
    reason: Option<String>,
) -> Result<QuoteView, CommandError> {
    guard("set_quote_status", || {
        store.with(who(&state), |s, _| {
            change_status(s, &number, &status, version, reason.as_deref())
        })
    })
}

/// Issue the quote's drawings as their next revision.
#[tauri::command]
pub async fn issue_quote_drawings(
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    number: String,
) -> Result<Vec<DrawingRevisionInfo>, CommandError> {
    guard("issue_quote_drawings", || {
        let base = issue_options(&state)?;
        let cat = state.catalogue();
        store.with(who(&state), |s, _| {
            issue(s, &number, base, ops::today(), &cat)
        })
    })
}

/// Every drawing revision of a quote.
#[tauri::command]
pub async fn quote_drawing_history(
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    number: String,
) -> Result<Vec<DrawingRevisionInfo>, CommandError> {
    guard("quote_drawing_history", || {
        store.with(who(&state), |s, _| drawing_history(s, &number))
    })
}

/// Compare two revisions of a quote line.
#[tauri::command]
pub async fn compare_revisions(
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    request: CompareRequest,
) -> Result<CompareView, CommandError> {
    guard("compare_revisions", || {
        let options = compare_options(&state);
        let cat = state.catalogue();
        store.with(who(&state), |s, _| compare(s, &request, &options, &cat))
    })
}

/// Produce the quote technical package PDF, keep it in the store and write it where a native
/// save dialog (or `path`) says; `None` when cancelled.
#[tauri::command]
pub async fn produce_package(
    app: AppHandle,
    state: State<'_, AppState>,
    store: State<'_, StoreState>,
    number: String,
    revision: Option<u32>,
    path: Option<String>,
) -> Result<Option<PackageResult>, CommandError> {
    let target = match path.filter(|p| !p.trim().is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None => app
            .dialog()
            .file()
            .add_filter("PDF", &["pdf"])
            .set_file_name(format!("{number}-package.pdf"))
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(target) = target else {
        return Ok(None);
    };
    guard("produce_package", || {
        let cat = state.catalogue();
        let (pdf, stored) = store.with(who(&state), |s, a| {
            package(s, &number, revision, &cat, (&a.name, ops::today()))
        })?;
        write_pdf(&target, &pdf)?;
        tracing::info!(quote = %number, path = %target.display(), "produced the quote package");
        Ok(Some(PackageResult {
            path: target.display().to_string(),
            file_name: stored.file_name,
            pages: stored.pages,
            bytes: count(pdf.len()),
        }))
    })
}

fn write_pdf(path: &Path, bytes: &[u8]) -> Result<(), CommandError> {
    spw_files::write_atomic(path, bytes).map_err(crate::commands::write_error)
}
