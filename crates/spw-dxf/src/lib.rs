//! DXF export of SPW600e drawing sheets: one AutoCAD 2013 (`AC1027`) DXF file per sheet,
//! written by hand so that every table, block and object is complete and owned correctly.
//!
//! # Version
//!
//! AutoCAD 2013 (`AC1027`), because from R2007 on a DXF file is UTF-8: the `String` this crate
//! returns *is* the file, and the drawings' text (Ø, °, ×, — in titles and notes) is read the
//! same by AutoCAD, BricsCAD, LibreCAD and ezdxf. R2000 (`AC1015`) was written first and
//! measured: its `ANSI_1252` text needs `\U+XXXX` escapes for anything outside ASCII in a UTF-8
//! `String`, which ezdxf's standard loader leaves undecoded (the title block read
//! `1010 \U+00D7 2100`). The content is the same either way — every table with its handle,
//! VPORT `*Active`, LTYPE ByBlock/ByLayer/Continuous/HIDDEN/CENTER, LAYER `0`/`Defpoints` and the
//! drawing's layers, STYLE `Standard` and `SPW` (DejaVu Sans Condensed), APPID `ACAD`, DIMSTYLE
//! `Standard` and the sheet's styles, BLOCK_RECORDs; the model and paper blocks and one block per
//! dimension; the root dictionary with `ACAD_GROUP`, `ACAD_LAYOUT` (Model, Layout1),
//! `ACAD_MLINESTYLE` and `ACAD_PLOTSTYLENAME` — a superset of what AutoCAD requires of any
//! R13+ file. Layer colours are ACI (no true colour, code 420): colour-dependent plot styles
//! (CTB) key on ACI, and ACI 7 shows black on white and white on black where RGB black would
//! vanish on a dark model background.
//!
//! # Layout: the sheet drawn at scale in model space
//!
//! Model space holds real millimetres at 1:1, which is what a CAD user measures and snaps to.
//! The sheet's main scale `S` is the largest scale denominator among its views (in the SPW600e
//! drawing set every sheet's views share one scale; where they do not, the others are enlarged
//! sections and details). A view at `S` goes to `placement × S + model point`: the sheet
//! arrangement scaled by `S`, so such views are at true size *and* where they are on the sheet,
//! and plotting model space at `1:S` on the sheet's paper reproduces the sheet. A view at another
//! scale (a 1:2 section on a 1:10 sheet) keeps its geometry at 1:1 too — so every dimension
//! measures what it says — and is centred on the centre of its place on the sheet (× `S`); it
//! therefore appears smaller in model space than on the printed sheet (by `S / scale`), and
//! because `S` is the largest denominator it always fits inside its place and never overlaps
//! its neighbours. Centring rather than anchoring at `placement × S` matters: the drawing set
//! places some views with their model origin far outside their geometry (a head section's
//! origin lies 800 mm below it), and scaling about such an origin would move the view off its
//! place. The border and title block (`sheet.paper`) are drawn in model space multiplied by `S`
//! (the classic "drawing at scale in model space"); the sheet limits and the model layout's plot
//! settings are the sheet at `1:S`.
//!
//! Text heights and dimension symbol sizes are paper millimetres times the scale of their view
//! (times `S` for paper entities); linetype patterns are paper millimetres scaled by
//! `$LTSCALE = S`. Dimensions of each (scale, text height) get their own dimension style, whose
//! `DIMSCALE` is the view's scale, so a CAD program regenerating them draws the same sizes.
//! Entities on a layer missing from `drawing.layers` get that layer's standard definition, so
//! the file never references an undefined layer.
//!
//! A paper-space layout with one viewport per view was considered; it needs VIEWPORT entities,
//! per-viewport layer overrides and a non-overlapping model arrangement, for no gain in what a
//! fabricator receives, so the paper layout (`Layout1`) is present, sized to the sheet, and
//! empty.
//!
//! # Blocks and dimensions
//!
//! Each DIMENSION references its own anonymous block `*D<n>` holding what AutoCAD would draw:
//! extension lines (offset and overshoot), the dimension line, closed filled arrowheads as
//! SOLIDs, the text and the definition points — so viewers that do not regenerate dimensions
//! still show them. The entity records the measured value (code 42) from the model, and a text
//! override (code 1) only when the model's text differs from the formatted measurement.
//!
//! # Determinism
//!
//! Output is a pure function of the drawing: handles are handed out in a fixed order, there are
//! no timestamps, and numbers are written with at most 6 decimals. NaN or infinite values are
//! refused with [`DxfError::NonFinite`], never written.

mod dim;
mod doc;
mod hatch;
mod place;
mod tags;

pub use tags::{encode_text, format_real};

use spw_drawing::Drawing;
use std::fmt;

/// Why a sheet could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DxfError {
    /// The sheet index is not in the drawing.
    SheetOutOfRange {
        /// Index asked for.
        index: usize,
        /// Number of sheets in the drawing.
        count: usize,
    },
    /// A coordinate, size or angle is NaN or infinite.
    NonFinite {
        /// Where.
        what: String,
    },
    /// Geometry that cannot be represented (e.g. a polyline with one point, a zero radius).
    Degenerate {
        /// Where and why.
        what: String,
    },
}

impl fmt::Display for DxfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DxfError::SheetOutOfRange { index, count } => {
                write!(
                    f,
                    "sheet {index} does not exist (the drawing has {count} sheets)"
                )
            }
            DxfError::NonFinite { what } => write!(f, "non-finite number in {what}"),
            DxfError::Degenerate { what } => write!(f, "degenerate geometry in {what}"),
        }
    }
}

impl std::error::Error for DxfError {}

/// Writes sheet `sheet` of `drawing` as a complete DXF file, AutoCAD 2013 format (the file's
/// text, UTF-8).
///
/// # Errors
///
/// [`DxfError::SheetOutOfRange`] when there is no such sheet, [`DxfError::NonFinite`] when any
/// number is NaN or infinite, [`DxfError::Degenerate`] for geometry DXF cannot hold.
pub fn write_sheet(drawing: &Drawing, sheet: usize) -> Result<String, DxfError> {
    let s = drawing.sheets.get(sheet).ok_or(DxfError::SheetOutOfRange {
        index: sheet,
        count: drawing.sheets.len(),
    })?;
    let plan = place::plan(drawing, s)?;
    doc::render(&plan)
}
