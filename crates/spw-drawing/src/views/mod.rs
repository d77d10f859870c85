//! Views built from a door's geometry, and the drawing set that places them on sheets.

mod dimensioning;
mod elevation;
mod isometric;
mod plan;
pub(crate) mod section;

pub use dimensioning::DimensionRows;
pub use elevation::elevation;
pub use isometric::isometric;
pub use plan::plan;
pub use section::{
    SectionCut, detail_hinge, detail_lock, detail_meeting_stile, detail_threshold, section,
};

use crate::entity::{Entity, Point};

/// A view's content before it is placed: entities in model mm and their bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewContent {
    /// Title.
    pub title: String,
    /// Entities, model mm.
    pub entities: Vec<Entity>,
}

impl ViewContent {
    /// Bounds of every entity (min, max), model mm; text adds its approximate extent at `scale`.
    pub fn bounds(&self, scale: f64) -> Option<(Point, Point)> {
        let mut acc: Option<(Point, Point)> = None;
        for e in &self.entities {
            let b = match &e.shape {
                crate::Shape::Text {
                    at,
                    height,
                    value,
                    align,
                    ..
                } => {
                    let w = text_width(value, *height) * scale;
                    let h = height * scale;
                    let x0 = match align {
                        crate::Align::Left => at.x,
                        crate::Align::Centre => at.x - w / 2.0,
                        crate::Align::Right => at.x - w,
                    };
                    Some((Point::new(x0, at.y), Point::new(x0 + w, at.y + h)))
                }
                crate::Shape::Dimension(d) => {
                    let (a, b) = d.line_ends();
                    let h = d.text_height * scale * 1.6;
                    let (lo, hi) = (
                        Point::new(
                            a.x.min(b.x).min(d.p1.x).min(d.p2.x),
                            a.y.min(b.y).min(d.p1.y).min(d.p2.y),
                        ),
                        Point::new(
                            a.x.max(b.x).max(d.p1.x).max(d.p2.x),
                            a.y.max(b.y).max(d.p1.y).max(d.p2.y),
                        ),
                    );
                    Some(match d.kind {
                        crate::DimensionKind::Vertical => (Point::new(lo.x - h, lo.y), hi),
                        _ => (lo, Point::new(hi.x, hi.y + h)),
                    })
                }
                _ => e.bounds(),
            };
            if let Some((lo, hi)) = b {
                acc = Some(match acc {
                    None => (lo, hi),
                    Some((a, b)) => (
                        Point::new(a.x.min(lo.x), a.y.min(lo.y)),
                        Point::new(b.x.max(hi.x), b.y.max(hi.y)),
                    ),
                });
            }
        }
        acc
    }
}

/// Approximate advance width of `text` at `height` in DejaVu Sans Condensed (average 0.55 em
/// for digits and letters), for layout.
pub fn text_width(text: &str, height: f64) -> f64 {
    text.chars().count() as f64 * height * 0.55
}
