//! Drawing sets: a door configuration drawn as sheets and exported to files in memory, so a
//! front end writes them only once every one of them has been made.

use crate::Refusal;
use spw_drawing::{Drawing, DrawingOptions, IsoFormat, Orientation, Scale, SheetSize, ViewKind};
use spw_model::catalogue::Catalogue;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Scalable vector graphics, one file per sheet.
    Svg,
    /// Raster preview, one file per sheet.
    Png,
    /// AutoCAD drawing exchange, one file per sheet.
    Dxf,
    /// Vector PDF, one file for the set, a page per sheet.
    Pdf,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Dxf => "dxf",
            Format::Pdf => "pdf",
        }
    }

    /// Parse `svg`.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "dxf" => Some(Format::Dxf),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// Parse a view kind name.
pub fn parse_view(s: &str) -> Option<ViewKind> {
    [
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ]
    .into_iter()
    .find(|k| k.as_str() == s.trim())
}

/// Parse `A3`, `A3-portrait`, `A4-landscape`.
pub fn parse_sheet(s: &str) -> Option<SheetSize> {
    let (f, o) = s.split_once('-').unwrap_or((s, "landscape"));
    let orientation = match o.trim().to_ascii_lowercase().as_str() {
        "landscape" => Orientation::Landscape,
        "portrait" => Orientation::Portrait,
        _ => return None,
    };
    Some(SheetSize {
        format: IsoFormat::parse(f)?,
        orientation,
    })
}

/// One file of a drawing set.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputFile {
    /// Drawing number of the sheet.
    pub drawing_number: String,
    /// View kind of the sheet (`None` for a file holding the whole set, the PDF).
    pub view: Option<ViewKind>,
    /// Revision letter.
    pub revision: String,
    /// Format.
    pub format: Format,
    /// File name, e.g. `SPW600e-ELV-001-A.svg`.
    pub file_name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// A drawn set and its files.
#[derive(Debug, Clone)]
pub struct DrawingSet {
    /// The drawing tree.
    pub drawing: Drawing,
    /// Files, sheet by sheet.
    pub files: Vec<OutputFile>,
    /// What the revision table says this revision changed.
    pub revision_note: String,
}

/// Why a drawing set was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum DrawFailure {
    /// The configuration is invalid or unreadable.
    Invalid(Refusal),
    /// The drawing or an export failed (`ERR_DWG_001`), e.g. it does not fit the sheet.
    Drawing {
        /// Machine code.
        code: &'static str,
        /// What went wrong.
        message: String,
    },
}

fn drawing_failure(message: String) -> DrawFailure {
    DrawFailure::Drawing {
        code: spw_drawing::DrawingError::CODE,
        message,
    }
}

/// Draw a door configuration and export it.
pub fn draw(
    text: &str,
    options: &DrawingOptions,
    formats: &[Format],
    cat: &Catalogue,
) -> Result<DrawingSet, DrawFailure> {
    let e = spw_validation::evaluate_text(text, cat);
    let Some((cfg, g, _)) = e.valid_parts() else {
        return Err(DrawFailure::Invalid(Refusal::from_issues(e.issues)));
    };
    let drawing = spw_drawing::drawing_set(cfg, g, cat, options)
        .map_err(|err| drawing_failure(err.message))?;
    let files = export(&drawing, formats)?;
    Ok(DrawingSet {
        drawing,
        files,
        revision_note: options.revision_note.clone(),
    })
}

/// Resolution of PNG exports.
pub const PNG_DPI: f64 = 150.0;

/// Export every sheet of a drawing in each format.
pub fn export(drawing: &Drawing, formats: &[Format]) -> Result<Vec<OutputFile>, DrawFailure> {
    let mut renderer: Option<spw_png::Renderer> = None;
    let mut files = Vec::new();
    for (i, sheet) in drawing.sheets.iter().enumerate() {
        for format in formats {
            let bytes = match format {
                Format::Svg => spw_svg::write_sheet(drawing, i)
                    .map_err(|err| drawing_failure(err.to_string()))?
                    .into_bytes(),
                Format::Png => renderer
                    .get_or_insert_with(spw_png::Renderer::new)
                    .sheet(drawing, i, PNG_DPI)
                    .map_err(|err| drawing_failure(err.to_string()))?,
                Format::Dxf => spw_dxf::write_sheet(drawing, i)
                    .map_err(|err| drawing_failure(format!("DXF export failed: {err}")))?
                    .into_bytes(),
                Format::Pdf => continue,
            };
            files.push(OutputFile {
                drawing_number: sheet.title.drawing_number.clone(),
                view: sheet.views.first().map(|v| v.kind),
                revision: sheet.title.revision.clone(),
                format: *format,
                file_name: format!(
                    "{}-{}.{}",
                    sheet.title.drawing_number,
                    sheet.title.revision,
                    format.extension()
                ),
                bytes,
            });
        }
    }
    if formats.contains(&Format::Pdf)
        && let Some(first) = drawing.sheets.first()
    {
        let number = set_number(&first.title.drawing_number);
        let mut meta = spw_pdf::DocumentMeta::for_drawing(
            drawing,
            &format!(
                "{number} — {} — drawing set",
                first.title.title.split(" — ").next().unwrap_or_default()
            ),
            &first.title.drawn_by,
            "SPW600e Designer",
        );
        meta.date = parse_date(&first.title.date);
        let bytes = spw_pdf::write(drawing, &meta).map_err(|err| DrawFailure::Drawing {
            code: "ERR_DWG_002",
            message: format!("PDF export failed: {err}"),
        })?;
        files.push(OutputFile {
            drawing_number: number.clone(),
            view: None,
            revision: first.title.revision.clone(),
            format: Format::Pdf,
            file_name: format!("{number}-{}.pdf", first.title.revision),
            bytes,
        });
    }
    Ok(files)
}

/// The set's number from a sheet's: `SPW600e-ELV-001` → `SPW600e-SET-001`.
fn set_number(sheet_number: &str) -> String {
    let mut parts: Vec<&str> = sheet_number.split('-').collect();
    if parts.len() >= 3 {
        let n = parts.len();
        parts[n - 2] = "SET";
    }
    parts.join("-")
}

/// `2026-12-01` → (2026, 12, 1).
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut it = s.split('-');
    let (y, m, d) = (
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    );
    Some((y, m, d))
}

/// The title block template shipped in `templates/title_block.toml`, compiled in. A unit test of
/// `spw-drawing` parses it, so this cannot fail at run time.
pub fn builtin_template() -> spw_drawing::TitleBlockTemplate {
    spw_drawing::TitleBlockTemplate::parse(spw_drawing::title_block::BUILTIN)
        .expect("the built-in title block template parses (tested in spw-drawing)")
}

/// The default options: every view, A3 landscape, fitted scale, revision A.
pub fn default_options(views: Vec<ViewKind>) -> DrawingOptions {
    DrawingOptions {
        views,
        sheet: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        scale: None,
        info: spw_drawing::ProjectInfo::default(),
        revision: 0,
        history: Vec::new(),
        revision_note: String::new(),
        sequence: 1,
        template: builtin_template(),
    }
}

/// Parse `1:10`.
pub fn parse_scale(s: &str) -> Option<Scale> {
    Scale::parse(s)
}

/// Draw a configuration as the next revision of an earlier one: the revision letter advances,
/// the revision table gains a row saying what changed, and revision clouds ring the geometry
/// that changed.
pub fn draw_revision(
    text: &str,
    previous: &str,
    options: &DrawingOptions,
    formats: &[Format],
    cat: &Catalogue,
) -> Result<DrawingSet, DrawFailure> {
    let mut old_options = options.clone();
    old_options.revision = options.revision.saturating_sub(1);
    old_options.history.clear();
    old_options.revision_note.clear();
    let cmp = crate::compare::compare(previous, text, &old_options, cat)?;
    let mut new_options = options.clone();
    if new_options.revision == 0 {
        new_options.revision = 1;
    }
    let old_letter = spw_drawing::revision_letter(new_options.revision - 1);
    if new_options.history.is_empty() {
        new_options.history.push(spw_drawing::RevisionRow {
            letter: old_letter,
            date: String::new(),
            description: "Previous issue".into(),
            by: String::new(),
        });
    }
    if new_options.revision_note.is_empty() {
        let changed: Vec<String> = cmp
            .report
            .fields
            .iter()
            .map(|f| format!("{} {} → {}", f.field, plain(&f.old), plain(&f.new)))
            .collect();
        let mut note = if changed.is_empty() {
            "Reissued, no change".to_owned()
        } else {
            changed.join("; ")
        };
        if note.chars().count() > 70 {
            note = note.chars().take(69).collect::<String>() + "…";
        }
        new_options.revision_note = note;
    }
    let e = spw_validation::evaluate_text(text, cat);
    let Some((cfg, g, _)) = e.valid_parts() else {
        return Err(DrawFailure::Invalid(Refusal::from_issues(e.issues)));
    };
    let mut drawing = spw_drawing::drawing_set(cfg, g, cat, &new_options)
        .map_err(|err| drawing_failure(err.message))?;
    let letter = spw_drawing::revision_letter(new_options.revision);
    spw_drawing::revision::add_clouds(&mut drawing, &cmp.old_drawing, &letter);
    let files = export(&drawing, formats)?;
    Ok(DrawingSet {
        drawing,
        files,
        revision_note: new_options.revision_note,
    })
}

fn plain(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "none".into(),
        other => other.to_string(),
    }
}
