//! The desktop's operations, free of the window: each one calls `spw-app` and shapes the
//! answer for the UI. No rule of the product is decided here — validation, prices, geometry
//! and drawings all come from the core.

use crate::wire::{
    CommandError, DoorDesign, DoorEvaluation, ExportRequest, LayerInfo, PreviewRequest,
    PreviewSheet, PriceSummary, Settings, ViewFrame,
};
use spw_app::drawings::{self, DrawFailure, Format, OutputFile};
use spw_drawing::{DrawingOptions, ProjectInfo, Sheet, TitleBlockTemplate, ViewKind};
use spw_model::catalogue::Catalogue;
use std::time::Instant;

/// Today, as the title block and the price date print it (the core reads no clock).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn micros(since: Instant) -> u32 {
    u32::try_from(since.elapsed().as_micros()).unwrap_or(u32::MAX)
}

/// The coded error for a refused door: its first error's code, every issue attached.
pub fn refusal_error(r: &spw_app::Refusal) -> CommandError {
    let first = r
        .report
        .issues
        .iter()
        .find(|i| i.is_error())
        .or(r.report.issues.first());
    CommandError {
        code: first.map_or("ERR_VAL_001", |i| i.code.as_str()).into(),
        message: first.map_or_else(
            || "the door configuration is invalid".into(),
            |i| format!("{}: {}", i.field, i.message),
        ),
        issues: r.report.issues.clone(),
    }
}

fn draw_error(f: DrawFailure) -> CommandError {
    match f {
        DrawFailure::Invalid(r) => refusal_error(&r),
        DrawFailure::Drawing { code, message } => CommandError::new(code, message),
    }
}

/// Validation, U-value, BOM and the price of one door (a one-line quote, no discount).
pub fn evaluate_door(door: &str, cat: &Catalogue, date: time::Date) -> DoorEvaluation {
    let started = Instant::now();
    let (validation, _) = spw_app::validate(door, cat);
    let (thermal, bom, price) = if validation.valid {
        let price = serde_json::from_str::<serde_json::Value>(door)
            .ok()
            .and_then(|d| {
                let req = serde_json::json!({
                    "customer_name": "Price of one door",
                    "lines": [{"door_configuration": d, "quantity": 1}],
                });
                spw_app::quote(&req.to_string(), date, cat).ok()
            })
            .map(|q| PriceSummary {
                subtotal: q.subtotal.0,
                tax_amount: q.tax_amount.0,
                total: q.total.0,
                tax_percentage: q.tax_percentage.as_f64(),
                currency: q.currency,
                lead_time_days: q.estimated_lead_time_days,
            });
        (
            spw_app::thermal(door, cat).ok(),
            spw_app::bom(door, cat).ok(),
            price,
        )
    } else {
        (None, None, None)
    };
    DoorEvaluation {
        validation,
        thermal,
        bom,
        price,
        core_us: micros(started),
    }
}

/// Drawing options from the settings and a request's sheet and scale.
pub fn options(
    views: Vec<ViewKind>,
    sheet: &str,
    scale: &str,
    settings: &Settings,
    template: &TitleBlockTemplate,
    info: ProjectInfo,
) -> Result<DrawingOptions, CommandError> {
    let mut o = drawings::default_options(views);
    o.sheet = drawings::parse_sheet(sheet).ok_or_else(|| {
        CommandError::new(
            "ERR_DWG_001",
            format!("`{sheet}` is not a sheet size such as A3-landscape"),
        )
    })?;
    o.scale = match scale.trim() {
        "" | "fit" => None,
        s => Some(drawings::parse_scale(s).ok_or_else(|| {
            CommandError::new(
                "ERR_DWG_001",
                format!("`{s}` is not a standard scale such as 1:10"),
            )
        })?),
    };
    o.template = template.clone();
    o.info = info;
    if o.info.drawn_by.is_empty() {
        o.info.drawn_by = settings.drawn_by.clone();
    }
    Ok(o)
}

fn parse_views(names: &[String]) -> Result<Vec<ViewKind>, CommandError> {
    names
        .iter()
        .map(|n| {
            drawings::parse_view(n).ok_or_else(|| {
                CommandError::new("ERR_DWG_001", format!("`{n}` is not a view kind"))
            })
        })
        .collect()
}

fn frames(sheet: &Sheet) -> Vec<ViewFrame> {
    let (_, sheet_h) = sheet.size.mm();
    sheet
        .views
        .iter()
        .filter_map(|v| {
            let mut lo = (f64::INFINITY, f64::INFINITY);
            let mut hi = (f64::NEG_INFINITY, f64::NEG_INFINITY);
            for (a, b) in v.entities.iter().filter_map(spw_drawing::Entity::bounds) {
                for p in [v.to_paper(a), v.to_paper(b)] {
                    lo = (lo.0.min(p.x), lo.1.min(p.y));
                    hi = (hi.0.max(p.x), hi.1.max(p.y));
                }
            }
            (lo.0.is_finite() && hi.0.is_finite()).then(|| ViewFrame {
                kind: v.kind.as_str().into(),
                title: v.title.clone(),
                scale_denominator: v.scale.0,
                x: lo.0,
                // Paper y is up from the sheet's bottom edge; SVG y is down from its top.
                y: sheet_h - hi.1,
                width: hi.0 - lo.0,
                height: hi.1 - lo.1,
            })
        })
        .collect()
}

/// One sheet of the door, drawn by the core as SVG, with what the viewer needs to measure
/// and toggle layers.
pub fn preview_sheet(
    req: &PreviewRequest,
    cat: &Catalogue,
    settings: &Settings,
    template: &TitleBlockTemplate,
    date: time::Date,
) -> Result<PreviewSheet, CommandError> {
    let started = Instant::now();
    let views = parse_views(std::slice::from_ref(&req.view))?;
    let sheet = req.sheet.as_deref().unwrap_or(&settings.default_sheet);
    let scale = req.scale.as_deref().unwrap_or(&settings.default_scale);
    let info = ProjectInfo {
        date: date.to_string(),
        ..ProjectInfo::default()
    };
    let o = options(views, sheet, scale, settings, template, info)?;
    let set = drawings::draw(&req.door, &o, &[Format::Svg], cat).map_err(draw_error)?;
    let (first, file) = set
        .drawing
        .sheets
        .first()
        .zip(set.files.into_iter().next())
        .ok_or_else(|| CommandError::new("ERR_DWG_001", "the drawing has no sheet"))?;
    let svg = String::from_utf8(file.bytes)
        .map_err(|e| CommandError::new("ERR_DWG_001", format!("SVG is not UTF-8: {e}")))?;
    let (w, h) = first.size.mm();
    let layers = set
        .drawing
        .layers
        .iter()
        .filter(|l| svg.contains(&format!("id=\"layer-{}\"", l.name.as_str())))
        .map(|l| LayerInfo {
            id: format!("layer-{}", l.name.as_str()),
            name: l.name.as_str().into(),
            colour: l.colour.hex(),
        })
        .collect();
    let (validation, _) = spw_app::validate(&req.door, cat);
    Ok(PreviewSheet {
        svg,
        drawing_number: first.title.drawing_number.clone(),
        revision: first.title.revision.clone(),
        sheet_width_mm: w,
        sheet_height_mm: h,
        views: frames(first),
        layers,
        warnings: validation.issues,
        core_us: micros(started),
    })
}

/// The configurator's answer to an edit: the evaluation and the sheet (or why there is none).
pub fn design_door(
    req: &PreviewRequest,
    cat: &Catalogue,
    settings: &Settings,
    template: &TitleBlockTemplate,
    date: time::Date,
) -> DoorDesign {
    let evaluation = evaluate_door(&req.door, cat, date);
    let (sheet, refusal) = match preview_sheet(req, cat, settings, template, date) {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e)),
    };
    DoorDesign {
        evaluation,
        sheet,
        refusal,
    }
}

/// The files of an export, made in memory: all of them or none.
pub fn export_files(
    req: &ExportRequest,
    cat: &Catalogue,
    settings: &Settings,
    template: &TitleBlockTemplate,
    date: time::Date,
) -> Result<Vec<OutputFile>, CommandError> {
    let formats: Vec<Format> = req
        .formats
        .iter()
        .map(|f| {
            Format::parse(f)
                .ok_or_else(|| CommandError::new("ERR_DWG_001", format!("`{f}` is not a format")))
        })
        .collect::<Result<_, _>>()?;
    if formats.is_empty() {
        return Err(CommandError::new(
            "ERR_DWG_001",
            "choose at least one format",
        ));
    }
    let views = parse_views(&req.views)?;
    if views.is_empty() {
        return Err(CommandError::new("ERR_DWG_001", "choose at least one view"));
    }
    let info = ProjectInfo {
        project: req.project.clone(),
        customer: req.customer.clone(),
        date: date.to_string(),
        drawn_by: settings.drawn_by.clone(),
        checked_by: String::new(),
    };
    let o = options(views, &req.sheet, &req.scale, settings, template, info)?;
    drawings::draw(&req.door, &o, &formats, cat)
        .map(|s| s.files)
        .map_err(draw_error)
}
