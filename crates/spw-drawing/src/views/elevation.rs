//! The elevation, seen from outside with the door closed: frame, threshold, leaves, glass and
//! beads, hinges, locks and handles, the hinge-side opening chevron, and dimension chains.

use super::{DimensionRows, ViewContent};
use crate::entity::{Align, Entity, Point};
use crate::layer::LayerName;
use spw_geometry::{DoorGeometry, Side};
use spw_model::catalogue::Catalogue;
use spw_model::config::{DoorConfiguration, OpeningDirection};

fn f(v: i64) -> f64 {
    v as f64
}

/// Build the elevation at `scale` (model mm per paper mm).
pub fn elevation(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> ViewContent {
    let mut e = Vec::new();
    let fr = g.frame;
    let ap = g.aperture;
    e.push(Entity::rect(
        LayerName::Frame,
        f(fr.x0),
        f(fr.y0),
        f(fr.x1),
        f(fr.y1),
    ));
    e.push(Entity::rect(
        LayerName::Frame,
        f(ap.x0),
        f(ap.y0),
        f(ap.x1),
        f(ap.y1),
    ));
    // Mitred corners of the frame head.
    e.push(Entity::line(
        LayerName::Frame,
        Point::new(f(fr.x0), f(fr.y1)),
        Point::new(f(ap.x0), f(ap.y1)),
    ));
    e.push(Entity::line(
        LayerName::Frame,
        Point::new(f(fr.x1), f(fr.y1)),
        Point::new(f(ap.x1), f(ap.y1)),
    ));
    let th = g.threshold;
    e.push(Entity::line(
        LayerName::Frame,
        Point::new(f(th.x0), f(th.y1)),
        Point::new(f(th.x1), f(th.y1)),
    ));

    let bead = cat
        .bead_for(cfg.glazing_thickness_mm)
        .map_or(0, |b| i64::from(b.sightline_mm));
    let toward_viewer = cfg.opening_direction == OpeningDirection::Outward;
    for leaf in &g.leaves {
        let o = leaf.outer;
        let d = leaf.daylight;
        e.push(Entity::rect(
            LayerName::Leaf,
            f(o.x0),
            f(o.y0),
            f(o.x1),
            f(o.y1),
        ));
        // Leaf corners are mitred.
        for (a, b) in [
            ((o.x0, o.y0), (d.x0, d.y0)),
            ((o.x1, o.y0), (d.x1, d.y0)),
            ((o.x0, o.y1), (d.x0, d.y1)),
            ((o.x1, o.y1), (d.x1, d.y1)),
        ] {
            e.push(Entity::line(
                LayerName::Leaf,
                Point::new(f(a.0), f(a.1)),
                Point::new(
                    f(b.0) - f((b.0 - a.0).signum() * bead),
                    f(b.1) - f((b.1 - a.1).signum() * bead),
                ),
            ));
        }
        // Bead line and the glass edge (daylight opening).
        e.push(Entity::rect(
            LayerName::Glazing,
            f(d.x0 - bead),
            f(d.y0 - bead),
            f(d.x1 + bead),
            f(d.y1 + bead),
        ));
        e.push(Entity::rect(
            LayerName::Glazing,
            f(d.x0),
            f(d.y0),
            f(d.x1),
            f(d.y1),
        ));
        // Glass reflection strokes.
        let (w, h) = (f(d.width()), f(d.height()));
        for k in [0.18, 0.26] {
            e.push(Entity::line(
                LayerName::Glazing,
                Point::new(f(d.x0) + w * k, f(d.y1) - h * 0.1),
                Point::new(f(d.x0) + w * (k + 0.12), f(d.y1) - h * 0.1 - w * 0.12),
            ));
        }

        // Hinges on the hinge stile, seen as knuckles on the frame line.
        let hinge_x = match leaf.hinge_side {
            Side::Left => f(o.x0),
            Side::Right => f(o.x1),
        };
        for y in &leaf.hinge_y_mm {
            e.push(Entity::rect(
                LayerName::Hardware,
                hinge_x - 8.0,
                f(*y) - 50.0,
                hinge_x + 8.0,
                f(*y) + 50.0,
            ));
        }
        // Lever handle and escutcheon at the lock.
        let (lx, ly) = (f(leaf.lock_at_mm.0), f(leaf.lock_at_mm.1));
        let lever = if leaf.hinge_side == Side::Left {
            -1.0
        } else {
            1.0
        };
        e.push(Entity::rect(
            LayerName::Hardware,
            lx - 15.0,
            ly - 110.0,
            lx + 15.0,
            ly + 40.0,
        ));
        e.push(Entity::rect(
            LayerName::Hardware,
            lx,
            ly - 9.0,
            lx + lever * 130.0,
            ly + 9.0,
        ));
        e.push(Entity {
            layer: LayerName::Hardware,
            shape: crate::Shape::Circle {
                centre: Point::new(lx, ly - 75.0),
                radius: 6.0,
            },
        });

        // Opening chevron: from the lock-side corners to the middle of the hinge side. Solid when
        // the leaf opens toward the viewer (outward, seen from outside), dashed when away.
        let layer = if toward_viewer {
            LayerName::Annotations
        } else {
            LayerName::Hidden
        };
        let (hx, lxs) = match leaf.hinge_side {
            Side::Left => (f(d.x0), f(d.x1)),
            Side::Right => (f(d.x1), f(d.x0)),
        };
        let mid = Point::new(hx, (f(d.y0) + f(d.y1)) / 2.0);
        e.push(Entity::line(layer, Point::new(lxs, f(d.y1)), mid));
        e.push(Entity::line(layer, mid, Point::new(lxs, f(d.y0))));
    }
    if let Some(a) = g.astragal {
        e.push(Entity::rect(
            LayerName::Leaf,
            f(a.x0),
            f(a.y0),
            f(a.x1),
            f(a.y1),
        ));
    }
    // Centre line of a double door's meeting stile.
    if let Some(gap) = g.meeting_gap {
        let x = f(gap.x0 + gap.x1) / 2.0;
        e.push(Entity::line(
            LayerName::Centre,
            Point::new(x, f(fr.y0) - 5.0 * scale),
            Point::new(x, f(fr.y1) + 5.0 * scale),
        ));
    }

    // Dimensions: leaf widths then overall width below; leaf height then overall height right;
    // handle height left.
    let rows = DimensionRows {
        lo: Point::new(f(fr.x0), f(fr.y0)),
        hi: Point::new(f(fr.x1), f(fr.y1)),
        scale,
        text_height: 2.5,
    };
    let mut xs = vec![f(fr.x0)];
    for leaf in &g.leaves {
        xs.push(f(leaf.outer.x0));
        xs.push(f(leaf.outer.x1));
    }
    xs.push(f(fr.x1));
    xs.dedup();
    let leaf_xs: Vec<f64> = g
        .leaves
        .iter()
        .flat_map(|l| [f(l.outer.x0), f(l.outer.x1)])
        .collect();
    for pair in leaf_xs.chunks(2) {
        rows.below(&mut e, 0, pair);
    }
    rows.below(&mut e, 1, &[f(fr.x0), f(fr.x1)]);
    let first = &g.leaves[0];
    rows.right(&mut e, 0, &[f(first.outer.y0), f(first.outer.y1)]);
    rows.right(&mut e, 1, &[f(fr.y0), f(fr.y1)]);
    rows.left(&mut e, 0, &[f(fr.y0), f(g.active_leaf().lock_at_mm.1)]);

    let title_y = f(fr.y0) - 10.0 * scale - 2.0 * 8.0 * scale - 8.0 * scale;
    e.push(Entity::text(
        LayerName::Annotations,
        Point::new(f(fr.x0 + fr.x1) / 2.0, title_y),
        2.5,
        format!(
            "{} leaf, {} opening, hinges {} (seen from outside)",
            if g.leaves.len() == 2 {
                "Double"
            } else {
                "Single"
            },
            if toward_viewer { "outward" } else { "inward" },
            match cfg.handing {
                spw_model::config::Handing::Left => "left",
                spw_model::config::Handing::Right => "right",
            }
        ),
        Align::Centre,
    ));
    ViewContent {
        title: "ELEVATION FROM OUTSIDE".into(),
        entities: e,
    }
}
