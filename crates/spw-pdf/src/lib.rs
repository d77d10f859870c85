//! Vector PDF output for the SPW600e drawing model.
//!
//! [`write`] turns a [`Drawing`] into a PDF with one page per sheet at true paper size. Everything
//! is vector: lines, polylines, arcs and circles (as cubic Bézier curves), hatches (clipped to
//! their boundary and stroked in paper millimetres, so the pattern reads the same at any scale),
//! dimensions (extension lines, filled arrowheads, centred text) and text as real, selectable text
//! in an embedded subset of DejaVu Sans Condensed. Each layer's colour, lineweight and linetype is
//! honoured; joins are round.
//!
//! The writer is pure and deterministic: it does no I/O, reads no clock (the creation date, if
//! any, comes in [`DocumentMeta`]) and the same input always gives the same bytes.
//!
//! PDF optional content groups (layers) are not written: krilla, the PDF library used, does not
//! support optional content. Each sheet gets a bookmark titled with its drawing number and title,
//! and its drawing number as page label.

mod font;
mod geom;
mod render;
mod validate;

use krilla::Document;
use krilla::SerializeSettings;
use krilla::destination::XyzDestination;
use krilla::geom::Point as PdfPoint;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{PageLabel, PageSettings};
use spw_drawing::Drawing;

pub use validate::Location;

/// Document-level information written to the PDF's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentMeta {
    /// Document title.
    pub title: String,
    /// Author (drawn by / company).
    pub author: String,
    /// Subject, e.g. the project and door reference.
    pub subject: String,
    /// Keywords; by convention the drawing numbers of the sheets.
    pub keywords: Vec<String>,
    /// The application that created the document, e.g. `SPW600e Designer 0.1.0`.
    pub creator: String,
    /// Creation date (year, month 1–12, day 1–31); none writes no date.
    pub date: Option<(u16, u8, u8)>,
}

impl DocumentMeta {
    /// Metadata for a drawing: its sheets' drawing numbers as keywords, the first sheet's
    /// project as subject, and the given title, author and creator.
    pub fn for_drawing(
        drawing: &Drawing,
        title: &str,
        author: &str,
        creator: &str,
    ) -> DocumentMeta {
        DocumentMeta {
            title: title.to_owned(),
            author: author.to_owned(),
            subject: drawing
                .sheets
                .first()
                .map(|s| s.title.project.clone())
                .unwrap_or_default(),
            keywords: drawing
                .sheets
                .iter()
                .map(|s| s.title.drawing_number.clone())
                .collect(),
            creator: creator.to_owned(),
            date: None,
        }
    }
}

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// The drawing has no sheets; a PDF needs at least one page.
    #[error("the drawing has no sheets")]
    NoSheets,
    /// A coordinate, radius, angle or height is NaN or infinite.
    #[error("{what} is not a finite number at {at}")]
    NonFinite {
        /// Where in the drawing.
        at: Location,
        /// Which value.
        what: &'static str,
    },
    /// A value is finite but unusable: a negative radius, a text height that is not positive, or
    /// a coordinate too far off the sheet to be written.
    #[error("{what} is out of range at {at}")]
    OutOfRange {
        /// Where in the drawing.
        at: Location,
        /// Which value.
        what: &'static str,
    },
    /// The creation date in the metadata is not a calendar date.
    #[error("creation date {0:04}-{1:02}-{2:02} is not a valid date")]
    InvalidDate(u16, u8, u8),
    /// The bundled font could not be read.
    #[error("the bundled font could not be read")]
    Font,
    /// The PDF library refused the document.
    #[error("PDF serialisation failed: {0}")]
    Serialize(String),
}

/// Millimetres to PDF points.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// Writes the drawing as a PDF: one page per sheet, in sheet order.
///
/// Fails without producing a file when the drawing has no sheets, when any coordinate, radius,
/// angle or text height is NaN, infinite or out of range, or when the date is invalid.
///
/// ```
/// use spw_drawing::{Align, Drawing, Entity, IsoFormat, LayerName, Orientation, Point, Sheet};
/// use spw_drawing::{SheetSize, TitleInfo};
///
/// let title = TitleInfo {
///     company: "SFG Aluminium".into(),
///     project: "Example".into(),
///     customer: String::new(),
///     drawing_number: "SPW600e-ELV-001".into(),
///     title: "Elevation".into(),
///     date: "2026-12-01".into(),
///     drawn_by: String::new(),
///     checked_by: String::new(),
///     revision: "A".into(),
/// };
/// let sheet = Sheet {
///     size: SheetSize { format: IsoFormat::A4, orientation: Orientation::Portrait },
///     title,
///     views: Vec::new(),
///     paper: vec![
///         Entity::rect(LayerName::TitleBlock, 10.0, 10.0, 200.0, 287.0),
///         Entity::text(LayerName::TitleBlock, Point::new(190.0, 15.0), 5.0, "SPW600e-ELV-001", Align::Right),
///     ],
/// };
/// let drawing = Drawing { layers: Drawing::standard_layers(), sheets: vec![sheet] };
/// let meta = spw_pdf::DocumentMeta::for_drawing(&drawing, "Door D01", "SFG Aluminium", "SPW600e Designer");
/// let pdf = spw_pdf::write(&drawing, &meta)?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), spw_pdf::PdfError>(())
/// ```
pub fn write(drawing: &Drawing, meta: &DocumentMeta) -> Result<Vec<u8>, PdfError> {
    if drawing.sheets.is_empty() {
        return Err(PdfError::NoSheets);
    }
    validate::drawing(drawing)?;
    let date = meta
        .date
        .map(|(y, m, d)| creation_date(y, m, d))
        .transpose()?;
    let text_font = font::TextFont::bundled()?;

    let settings = SerializeSettings {
        compress_content_streams: true,
        xmp_metadata: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let mut outline = Outline::new();
    for (index, sheet) in drawing.sheets.iter().enumerate() {
        let (w_mm, h_mm) = sheet.size.mm();
        let settings = PageSettings::from_wh(
            geom::to_f32(w_mm * PT_PER_MM),
            geom::to_f32(h_mm * PT_PER_MM),
        )
        .ok_or(PdfError::OutOfRange {
            at: Location::sheet(index),
            what: "sheet size",
        })?;
        // Viewers show the drawing number as the page's label.
        let number = sheet.title.drawing_number.trim();
        let settings = if number.is_empty() {
            settings
        } else {
            settings.with_page_label(PageLabel::new(None, Some(number.to_owned()), None))
        };
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        render::sheet(&mut surface, drawing, sheet, &text_font);
        surface.finish();
        page.finish();
        outline.push_child(OutlineNode::new(
            bookmark_title(&sheet.title.drawing_number, &sheet.title.title),
            XyzDestination::new(index, PdfPoint::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(meta, date));
    document
        .finish()
        .map_err(|e| PdfError::Serialize(format!("{e:?}")))
}

fn bookmark_title(number: &str, title: &str) -> String {
    match (number.trim(), title.trim()) {
        ("", "") => "Sheet".to_owned(),
        (n, "") => n.to_owned(),
        ("", t) => t.to_owned(),
        (n, t) => format!("{n} {t}"),
    }
}

fn creation_date(year: u16, month: u8, day: u8) -> Result<DateTime, PdfError> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if year == 0 || year > 9999 || day == 0 || day > days {
        return Err(PdfError::InvalidDate(year, month, day));
    }
    Ok(DateTime::new(year).month(month).day(day))
}

fn metadata(meta: &DocumentMeta, date: Option<DateTime>) -> Metadata {
    let mut m = Metadata::new().producer(format!("spw-pdf {}", env!("CARGO_PKG_VERSION")));
    if !meta.title.is_empty() {
        m = m.title(meta.title.clone());
    }
    if !meta.author.is_empty() {
        m = m.authors(vec![meta.author.clone()]);
    }
    if !meta.subject.is_empty() {
        m = m.description(meta.subject.clone());
    }
    if !meta.keywords.is_empty() {
        m = m.keywords(meta.keywords.clone());
    }
    if !meta.creator.is_empty() {
        m = m.creator(meta.creator.clone());
    }
    if let Some(d) = date {
        m = m.creation_date(d);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(creation_date(2026, 2, 29).is_err());
        assert!(creation_date(2024, 2, 29).is_ok());
        assert!(creation_date(2026, 13, 1).is_err());
        assert!(creation_date(2026, 4, 31).is_err());
        assert!(creation_date(2026, 12, 31).is_ok());
    }

    #[test]
    fn bookmark_titles_join_number_and_title() {
        assert_eq!(
            bookmark_title("SPW600e-ELV-001", "Elevation"),
            "SPW600e-ELV-001 Elevation"
        );
        assert_eq!(bookmark_title("SPW600e-ELV-001", " "), "SPW600e-ELV-001");
        assert_eq!(bookmark_title("", ""), "Sheet");
    }

    #[test]
    fn empty_drawing_is_an_error() {
        let d = Drawing {
            layers: Drawing::standard_layers(),
            sheets: vec![],
        };
        assert_eq!(write(&d, &DocumentMeta::default()), Err(PdfError::NoSheets));
    }
}
