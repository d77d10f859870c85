//! The plan, seen from above through a cut at handle height: jamb and leaf profiles in section,
//! the glass, the threshold below (hidden), and each leaf's opening arc.

use super::section::profile as section;
use super::{DimensionRows, ViewContent};
use crate::entity::{Align, Entity, HatchPattern, Point, Shape};
use crate::layer::LayerName;
use spw_geometry::{DoorGeometry, Side};
use spw_model::catalogue::{Catalogue, ProfileRole};
use spw_model::config::{DoorConfiguration, OpeningDirection};

fn f(v: i64) -> f64 {
    v as f64
}

/// Build the plan at `scale`.
pub fn plan(cfg: &DoorConfiguration, g: &DoorGeometry, cat: &Catalogue, scale: f64) -> ViewContent {
    let mut e = Vec::new();
    let depth = f64::from(cat.system.depth_mm);
    let w = f(g.frame.x1);
    let frame = cat.profile(ProfileRole::Frame);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    // Outside at the bottom (y = 0 is the outside face), inside at the top.
    section(&mut e, frame, LayerName::Frame, &|x, y| Point::new(y, x));
    section(&mut e, frame, LayerName::Frame, &|x, y| {
        Point::new(w - y, x)
    });
    // The structural opening either side (indicative, 10 mm sealant joints).
    for x in [-10.0, w + 10.0] {
        e.push(Entity::line(
            LayerName::Hidden,
            Point::new(x, -40.0),
            Point::new(x, depth + 40.0),
        ));
    }
    // Threshold below the cut.
    e.push(Entity::rect(
        LayerName::Hidden,
        f(g.threshold.x0),
        0.0,
        f(g.threshold.x1),
        depth,
    ));
    let t = f64::from(cfg.glazing_thickness_mm);
    let gy0 = (depth - t) / 2.0;
    let outward = cfg.opening_direction == OpeningDirection::Outward;
    for leaf in &g.leaves {
        let (x0, x1) = (f(leaf.outer.x0), f(leaf.outer.x1));
        section(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
            Point::new(x0 + y, x)
        });
        section(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
            Point::new(x1 - y, x)
        });
        let cover = f64::from(cat.allowances.glass_edge_cover_mm);
        let (gx0, gx1) = (f(leaf.daylight.x0) - cover, f(leaf.daylight.x1) + cover);
        let glass = vec![
            Point::new(gx0, gy0),
            Point::new(gx1, gy0),
            Point::new(gx1, gy0 + t),
            Point::new(gx0, gy0 + t),
        ];
        e.push(Entity {
            layer: LayerName::Glazing,
            shape: Shape::Hatch {
                boundary: glass.clone(),
                pattern: HatchPattern::Glass,
            },
        });
        e.push(Entity {
            layer: LayerName::Glazing,
            shape: Shape::Polyline {
                points: glass,
                closed: true,
            },
        });

        // Opening: the leaf drawn open at 90° about its hinge, and its swing arc.
        let width = x1 - x0;
        let pivot_x = match leaf.hinge_side {
            Side::Left => x0,
            Side::Right => x1,
        };
        let pivot_y = if outward { 0.0 } else { depth };
        let pivot = Point::new(pivot_x, pivot_y);
        let open_end = Point::new(pivot_x, if outward { -width } else { depth + width });
        e.push(Entity::line(LayerName::Annotations, pivot, open_end));
        let (start, end) = match (leaf.hinge_side, outward) {
            (Side::Left, true) => (270.0, 360.0),
            (Side::Right, true) => (180.0, 270.0),
            (Side::Left, false) => (0.0, 90.0),
            (Side::Right, false) => (90.0, 180.0),
        };
        e.push(Entity {
            layer: LayerName::Annotations,
            shape: Shape::Arc {
                centre: pivot,
                radius: width,
                start_deg: start,
                end_deg: end,
            },
        });
    }
    if let Some(a) = g.astragal {
        e.push(Entity::rect(LayerName::Leaf, f(a.x0), -22.0, f(a.x1), 0.0));
    }
    let swing = g
        .leaves
        .iter()
        .map(|l| f(l.outer.width()))
        .fold(0.0, f64::max);
    let (lo_y, hi_y) = if outward {
        (-swing, depth)
    } else {
        (0.0, depth + swing)
    };
    let label_x = w + 22.0 * scale;
    e.push(Entity::text(
        LayerName::Annotations,
        Point::new(label_x, depth + 2.0 * scale),
        2.5,
        "INSIDE",
        Align::Left,
    ));
    e.push(Entity::text(
        LayerName::Annotations,
        Point::new(label_x, -5.0 * scale),
        2.5,
        "OUTSIDE",
        Align::Left,
    ));
    let rows = DimensionRows {
        lo: Point::new(0.0, lo_y),
        hi: Point::new(w, hi_y),
        scale,
        text_height: 2.5,
    };
    let mut xs: Vec<f64> = vec![0.0];
    xs.extend(g.leaves.iter().flat_map(|l| [f(l.outer.x0), f(l.outer.x1)]));
    xs.push(w);
    let leaf_xs: Vec<f64> = g
        .leaves
        .iter()
        .flat_map(|l| [f(l.outer.x0), f(l.outer.x1)])
        .collect();
    for pair in leaf_xs.chunks(2) {
        rows.above(&mut e, 0, pair);
    }
    rows.above(&mut e, 1, &[0.0, w]);
    let depth_rows = DimensionRows {
        lo: Point::new(0.0, 0.0),
        hi: Point::new(w, depth),
        scale,
        text_height: 2.5,
    };
    depth_rows.right(&mut e, 0, &[0.0, depth]);
    let _ = xs;
    ViewContent {
        title: "PLAN (CUT AT HANDLE HEIGHT)".into(),
        entities: e,
    }
}
