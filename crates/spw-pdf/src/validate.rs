//! Up-front checks: every number the writer uses must be finite and in range, so a bad drawing
//! gives an error rather than a broken or partial file.

use crate::PdfError;
use spw_drawing::{Drawing, Entity, Point, Shape, View};
use std::fmt;

/// Largest distance from the sheet origin, in paper mm, that the writer accepts (100 m of paper):
/// far beyond any sheet, and safely inside the range of PDF's single-precision numbers.
pub(crate) const PAPER_LIMIT_MM: f64 = 100_000.0;

/// Largest angle magnitude, degrees: any real angle fits, and differences stay exact enough.
const ANGLE_LIMIT_DEG: f64 = 1.0e6;

/// Largest text height, paper mm.
const TEXT_HEIGHT_LIMIT_MM: f64 = 1_000.0;

/// Where in a drawing a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Sheet index, from 0.
    pub sheet: usize,
    /// View index within the sheet, from 0; none for the sheet itself or its paper entities.
    pub view: Option<usize>,
    /// Entity index within the view or the sheet's paper entities, from 0.
    pub entity: Option<usize>,
}

impl Location {
    /// The sheet itself.
    pub(crate) fn sheet(sheet: usize) -> Location {
        Location {
            sheet,
            view: None,
            entity: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet {}", self.sheet + 1)?;
        if let Some(v) = self.view {
            write!(f, ", view {}", v + 1)?;
        }
        match (self.view, self.entity) {
            (_, None) => Ok(()),
            (None, Some(e)) => write!(f, ", paper entity {}", e + 1),
            (Some(_), Some(e)) => write!(f, ", entity {}", e + 1),
        }
    }
}

/// Checks the whole drawing.
pub(crate) fn drawing(drawing: &Drawing) -> Result<(), PdfError> {
    for layer in &drawing.layers {
        let at = Location::sheet(0);
        number(layer.lineweight_mm, at, "layer lineweight")?;
        if !(layer.lineweight_mm >= 0.0 && layer.lineweight_mm <= 100.0) {
            return Err(PdfError::OutOfRange {
                at,
                what: "layer lineweight",
            });
        }
    }
    for (s, sheet) in drawing.sheets.iter().enumerate() {
        for (e, entity) in sheet.paper.iter().enumerate() {
            let at = Location {
                sheet: s,
                view: None,
                entity: Some(e),
            };
            self::entity(entity, &|p| p, 1.0, at)?;
        }
        for (v, view) in sheet.views.iter().enumerate() {
            let at = Location {
                sheet: s,
                view: Some(v),
                entity: None,
            };
            point(view.placement, at, "view placement")?;
            let factor = view.scale.factor();
            for (e, entity) in view.entities.iter().enumerate() {
                let at = Location {
                    sheet: s,
                    view: Some(v),
                    entity: Some(e),
                };
                let map = |p: Point| View::to_paper(view, p);
                self::entity(entity, &map, factor, at)?;
            }
        }
    }
    Ok(())
}

fn entity(
    entity: &Entity,
    map: &dyn Fn(Point) -> Point,
    factor: f64,
    at: Location,
) -> Result<(), PdfError> {
    let pt = |p: Point, what: &'static str| -> Result<(), PdfError> {
        number(p.x, at, what)?;
        number(p.y, at, what)?;
        point(map(p), at, what)
    };
    match &entity.shape {
        Shape::Line { a, b } => {
            pt(*a, "line start")?;
            pt(*b, "line end")
        }
        Shape::Polyline { points, .. } => points.iter().try_for_each(|p| pt(*p, "polyline vertex")),
        Shape::Hatch { boundary, .. } => boundary.iter().try_for_each(|p| pt(*p, "hatch vertex")),
        Shape::Arc {
            centre,
            radius,
            start_deg,
            end_deg,
        } => {
            pt(*centre, "arc centre")?;
            radius_ok(*radius, factor, at, "arc radius")?;
            angle(*start_deg, at, "arc start angle")?;
            angle(*end_deg, at, "arc end angle")
        }
        Shape::Circle { centre, radius } => {
            pt(*centre, "circle centre")?;
            radius_ok(*radius, factor, at, "circle radius")
        }
        Shape::Text {
            at: anchor,
            height,
            rotation_deg,
            ..
        } => {
            pt(*anchor, "text anchor")?;
            text_height(*height, at, "text height")?;
            angle(*rotation_deg, at, "text rotation")
        }
        Shape::Dimension(d) => {
            pt(d.p1, "dimension point")?;
            pt(d.p2, "dimension point")?;
            pt(d.line_at, "dimension line position")?;
            let (a, b) = d.line_ends();
            pt(a, "dimension line end")?;
            pt(b, "dimension line end")?;
            number(d.measured, at, "dimension value")?;
            text_height(d.text_height, at, "dimension text height")
        }
    }
}

fn number(v: f64, at: Location, what: &'static str) -> Result<(), PdfError> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(PdfError::NonFinite { at, what })
    }
}

fn angle(v: f64, at: Location, what: &'static str) -> Result<(), PdfError> {
    number(v, at, what)?;
    if v.abs() > ANGLE_LIMIT_DEG {
        return Err(PdfError::OutOfRange { at, what });
    }
    Ok(())
}

fn point(p: Point, at: Location, what: &'static str) -> Result<(), PdfError> {
    number(p.x, at, what)?;
    number(p.y, at, what)?;
    if p.x.abs() > PAPER_LIMIT_MM || p.y.abs() > PAPER_LIMIT_MM {
        return Err(PdfError::OutOfRange { at, what });
    }
    Ok(())
}

fn radius_ok(r: f64, factor: f64, at: Location, what: &'static str) -> Result<(), PdfError> {
    number(r, at, what)?;
    if !(r >= 0.0 && r * factor <= PAPER_LIMIT_MM) {
        return Err(PdfError::OutOfRange { at, what });
    }
    Ok(())
}

fn text_height(h: f64, at: Location, what: &'static str) -> Result<(), PdfError> {
    number(h, at, what)?;
    if !(h > 0.0 && h <= TEXT_HEIGHT_LIMIT_MM) {
        return Err(PdfError::OutOfRange { at, what });
    }
    Ok(())
}
