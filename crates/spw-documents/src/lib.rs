//! Customer documents for the SPW600e door system: the specification datasheet and the quote
//! technical package as paginated A4 PDFs typeset by typst from editable templates, and the bill
//! of materials as CSV and XLSX.
//!
//! Everything here is pure: the templates are compiled in (`templates/documents/`, or an edited
//! copy handed in through [`Templates`]), the data is generated from the domain types into a JSON
//! file the templates read, drawings are embedded as SVG vector images, the only font is the
//! bundled DejaVu Sans Condensed and the date is the one in [`DocMeta`]. No file, clock or
//! network is touched.

mod data;
mod render;
mod tabular;
mod templates;
mod world;

pub use render::{Document, Section};
pub use tabular::{BOM_SHEET, bom_csv, bom_xlsx};
pub use templates::{TEMPLATE_FILES, Templates};

use spw_app::QuoteReport;
use spw_bom::Bom;
use spw_drawing::{Drawing, DrawingOptions, ViewKind};
use spw_geometry::DoorGeometry;
use spw_model::DoorConfiguration;
use spw_model::catalogue::Catalogue;
use spw_thermal::Thermal;

/// What a document says about itself: its number, revision, date and author. The date is the
/// document's date (printed, `today()` in the templates, and the PDF's creation date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    /// Document number printed in the running header, e.g. `SPW-DS-0001` or the quote number.
    pub document_number: String,
    /// Revision letter, e.g. `A`.
    pub revision: String,
    /// Issue date.
    pub date: time::Date,
    /// Who prepared the document (the PDF author).
    pub prepared_by: String,
    /// Project the document is for, when known.
    pub project: Option<String>,
    /// Customer the document is for, when known.
    pub customer: Option<String>,
}

/// Why a document was not made. Each variant has a stable machine code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    /// `ERR_DOC_001`: a template did not compile.
    #[error("ERR_DOC_001: template {file}{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Template {
        /// Template file, e.g. `datasheet.typ`.
        file: String,
        /// 1-based line of the error, when the diagnostic points into a file.
        line: Option<usize>,
        /// The typst diagnostic, with its hints.
        message: String,
    },
    /// `ERR_DOC_002`: the typeset document could not be written as PDF.
    #[error("ERR_DOC_002: PDF export failed: {0}")]
    Export(String),
    /// `ERR_DOC_003`: the input cannot be documented (a quote line that does not build, a
    /// missing drawing, an unknown template file).
    #[error("ERR_DOC_003: {0}")]
    Input(String),
    /// `ERR_DOC_004`: the spreadsheet could not be written.
    #[error("ERR_DOC_004: spreadsheet export failed: {0}")]
    Spreadsheet(String),
}

impl DocError {
    /// The machine code, e.g. `ERR_DOC_001`.
    pub fn code(&self) -> &'static str {
        match self {
            DocError::Template { .. } => "ERR_DOC_001",
            DocError::Export(_) => "ERR_DOC_002",
            DocError::Input(_) => "ERR_DOC_003",
            DocError::Spreadsheet(_) => "ERR_DOC_004",
        }
    }
}

/// The specification datasheet of one door, typeset with the built-in templates.
pub fn datasheet(
    cfg: &DoorConfiguration,
    geometry: &DoorGeometry,
    thermal: &Thermal,
    bom: &Bom,
    cat: &Catalogue,
    meta: &DocMeta,
) -> Result<Document, DocError> {
    datasheet_with(
        cfg,
        geometry,
        thermal,
        bom,
        cat,
        meta,
        &Templates::builtin(),
    )
}

/// The specification datasheet of one door, typeset with the given templates.
pub fn datasheet_with(
    cfg: &DoorConfiguration,
    geometry: &DoorGeometry,
    thermal: &Thermal,
    bom: &Bom,
    cat: &Catalogue,
    meta: &DocMeta,
    templates: &Templates,
) -> Result<Document, DocError> {
    let json = data::datasheet(cfg, geometry, thermal, bom, cat, meta);
    render::render(templates, templates::DATASHEET, json, Vec::new(), meta)
}

/// The technical package of a priced quote, typeset with the built-in templates. `drawings`
/// holds one drawing set per quote line, in line order (see [`quote_drawings`]); every sheet of
/// each set is embedded as a vector image.
pub fn quote_package(
    quote: &QuoteReport,
    drawings: &[Drawing],
    cat: &Catalogue,
    meta: &DocMeta,
) -> Result<Document, DocError> {
    quote_package_with(quote, drawings, cat, meta, &Templates::builtin())
}

/// The technical package of a priced quote, typeset with the given templates.
pub fn quote_package_with(
    quote: &QuoteReport,
    drawings: &[Drawing],
    cat: &Catalogue,
    meta: &DocMeta,
    templates: &Templates,
) -> Result<Document, DocError> {
    if drawings.len() != quote.lines.len() {
        return Err(DocError::Input(format!(
            "the quote has {} lines but {} drawing sets were given",
            quote.lines.len(),
            drawings.len()
        )));
    }
    let (json, files) = data::quote(quote, drawings, cat, meta)?;
    render::render(templates, templates::QUOTE_PACKAGE, json, files, meta)
}

/// The views drawn for each line of a quote package: elevation, plan and section.
pub const PACKAGE_VIEWS: [ViewKind; 3] = [ViewKind::Elevation, ViewKind::Plan, ViewKind::Section];

/// Draw each line of a quote as a drawing set (elevation, plan, section on A3 landscape sheets,
/// numbered by line), titled with the quote's project and customer and dated `meta.date`.
pub fn quote_drawings(
    quote: &QuoteReport,
    cat: &Catalogue,
    meta: &DocMeta,
) -> Result<Vec<Drawing>, DocError> {
    quote
        .lines
        .iter()
        .map(|line| {
            let cfg = &line.door_configuration;
            let g = data::line_geometry(line, cat)?;
            let mut options: DrawingOptions =
                spw_app::drawings::default_options(PACKAGE_VIEWS.to_vec());
            options.sequence = u32::try_from(line.line_number).unwrap_or(u32::MAX);
            let safe = |s: &str| spw_model::display_safe(s).into_owned();
            options.info = spw_drawing::ProjectInfo {
                project: safe(quote.project_name.as_deref().unwrap_or_default()),
                customer: safe(&quote.customer_name),
                date: meta.date.to_string(),
                drawn_by: safe(&meta.prepared_by),
                checked_by: String::new(),
            };
            spw_drawing::drawing_set(cfg, &g, cat, &options).map_err(|e| {
                DocError::Input(format!(
                    "line {} cannot be drawn: {}",
                    line.line_number, e.message
                ))
            })
        })
        .collect()
}
