//! Revisions: what changed between two drawings of a door, view by view and layer by layer, and
//! the revision clouds drawn around it.

use crate::entity::{Entity, Point, Shape};
use crate::layer::LayerName;
use crate::sheet::{Drawing, View};
use serde::Serialize;
use std::collections::BTreeMap;

/// Entities added and removed on one layer of one view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerChange {
    /// View title.
    pub view: String,
    /// Layer.
    pub layer: LayerName,
    /// Entities only in the new drawing.
    pub added: usize,
    /// Entities only in the old drawing.
    pub removed: usize,
    /// Entities in both.
    pub unchanged: usize,
}

/// One view's entities split by whether they changed.
#[derive(Debug, Clone, Default)]
pub struct ViewDiff<'a> {
    /// Only in the new view.
    pub added: Vec<&'a Entity>,
    /// Only in the old view.
    pub removed: Vec<&'a Entity>,
    /// In both.
    pub unchanged: Vec<&'a Entity>,
}

fn key(e: &Entity) -> String {
    // Entities are fully resolved values computed deterministically, so their serialised form
    // is an exact identity.
    serde_json::to_string(e).unwrap_or_default()
}

/// Compare two views entity by entity (as multisets).
pub fn diff_view<'a>(old: &'a View, new: &'a View) -> ViewDiff<'a> {
    let mut pool: BTreeMap<String, Vec<&'a Entity>> = BTreeMap::new();
    for e in &old.entities {
        pool.entry(key(e)).or_default().push(e);
    }
    let mut d = ViewDiff::default();
    for e in &new.entities {
        match pool.get_mut(&key(e)).and_then(Vec::pop) {
            Some(_) => d.unchanged.push(e),
            None => d.added.push(e),
        }
    }
    d.removed = pool.into_values().flatten().collect();
    d
}

/// Per view and layer counts of what changed between two drawings (views matched by title).
pub fn changes(old: &Drawing, new: &Drawing) -> Vec<LayerChange> {
    let old_views: Vec<&View> = old.sheets.iter().flat_map(|s| &s.views).collect();
    let mut out = Vec::new();
    for nv in new.sheets.iter().flat_map(|s| &s.views) {
        let Some(ov) = old_views.iter().find(|v| v.title == nv.title) else {
            continue;
        };
        let d = diff_view(ov, nv);
        for layer in LayerName::ALL {
            let count = |v: &[&Entity]| v.iter().filter(|e| e.layer == layer).count();
            let (added, removed, unchanged) =
                (count(&d.added), count(&d.removed), count(&d.unchanged));
            if added + removed > 0 {
                out.push(LayerChange {
                    view: nv.title.clone(),
                    layer,
                    added,
                    removed,
                    unchanged,
                });
            }
        }
    }
    out
}

fn bounds_of(entities: &[&Entity]) -> Vec<(Point, Point)> {
    entities
        .iter()
        .filter(|e| !matches!(e.shape, Shape::Text { .. }) && e.layer != LayerName::Dimensions)
        .filter_map(|e| e.bounds())
        .collect()
}

/// Merge boxes that overlap once grown by `margin`, so nearby changes share one cloud.
fn cluster(mut boxes: Vec<(Point, Point)>, margin: f64) -> Vec<(Point, Point)> {
    let mut merged = true;
    while merged {
        merged = false;
        'outer: for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                let (a, b) = (boxes[i], boxes[j]);
                let touch = a.0.x - margin <= b.1.x
                    && b.0.x - margin <= a.1.x
                    && a.0.y - margin <= b.1.y
                    && b.0.y - margin <= a.1.y;
                if touch {
                    boxes[i] = (
                        Point::new(a.0.x.min(b.0.x), a.0.y.min(b.0.y)),
                        Point::new(a.1.x.max(b.1.x), a.1.y.max(b.1.y)),
                    );
                    boxes.swap_remove(j);
                    merged = true;
                    break 'outer;
                }
            }
        }
    }
    boxes
}

/// A revision cloud: scalloped outline around a box, arcs of about `arc` paper mm, as a closed
/// polyline in model mm.
fn cloud(lo: Point, hi: Point, scale: f64) -> Vec<Point> {
    let pad = 4.0 * scale;
    let (x0, y0, x1, y1) = (lo.x - pad, lo.y - pad, hi.x + pad, hi.y + pad);
    let arc = 6.0 * scale;
    let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
    let mut pts = Vec::new();
    for w in corners.windows(2) {
        let ((ax, ay), (bx, by)) = (w[0], w[1]);
        let len = (bx - ax).hypot(by - ay);
        let n = (len / arc).ceil().max(1.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small positive count
        let count = n as usize;
        let (ux, uy) = ((bx - ax) / n, (by - ay) / n);
        // Outward normal of a counter-clockwise box edge.
        let (nx, ny) = (uy / (len / n), -ux / (len / n));
        for k in 0..count {
            let (sx, sy) = (ax + ux * k as f64, ay + uy * k as f64);
            for t in 0..4 {
                let f = f64::from(t) / 4.0;
                let bump = (f * std::f64::consts::PI).sin() * arc * 0.35;
                pts.push(Point::new(sx + ux * f + nx * bump, sy + uy * f + ny * bump));
            }
        }
    }
    pts
}

/// Revision clouds (and a revision tag) around what changed in `new` relative to `old`.
pub fn clouds(old: &View, new: &View, letter: &str) -> Vec<Entity> {
    let d = diff_view(old, new);
    let s = f64::from(new.scale.0);
    let mut boxes = bounds_of(&d.added);
    boxes.extend(bounds_of(&d.removed));
    let mut out = Vec::new();
    for (lo, hi) in cluster(boxes, 10.0 * s) {
        out.push(Entity {
            layer: LayerName::Revision,
            shape: Shape::Polyline {
                points: cloud(lo, hi, s),
                closed: true,
            },
        });
        // Revision triangle with the letter at the cloud's top-right corner.
        let (tx, ty) = (hi.x + 4.0 * s, hi.y + 4.0 * s);
        let h = 6.0 * s;
        out.push(Entity {
            layer: LayerName::Revision,
            shape: Shape::Polyline {
                points: vec![
                    Point::new(tx - h / 2.0, ty),
                    Point::new(tx + h / 2.0, ty),
                    Point::new(tx, ty + h * 0.87),
                ],
                closed: true,
            },
        });
        out.push(Entity::text(
            LayerName::Revision,
            Point::new(tx, ty + 0.8 * s),
            2.5,
            letter,
            crate::Align::Centre,
        ));
    }
    out
}

/// Add revision clouds to every view of `new` that changed from the view of the same title in
/// `old`. Returns how many clouds were drawn.
pub fn add_clouds(new: &mut Drawing, old: &Drawing, letter: &str) -> usize {
    let old_views: Vec<&View> = old.sheets.iter().flat_map(|s| &s.views).collect();
    let mut count = 0;
    for view in new.sheets.iter_mut().flat_map(|s| s.views.iter_mut()) {
        let Some(ov) = old_views.iter().find(|v| v.title == view.title) else {
            continue;
        };
        let extra = clouds(ov, view, letter);
        count += extra
            .iter()
            .filter(|e| matches!(e.shape, Shape::Text { .. }))
            .count();
        view.entities.extend(extra);
    }
    count
}
