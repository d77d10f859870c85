//! An isometric view: frame and leaves as solids with their depth, seen from outside, above and
//! to the right — enough to read the assembly.

use super::ViewContent;
use crate::entity::{Entity, Point, Shape};
use crate::layer::LayerName;
use spw_geometry::{DoorGeometry, Rect};

const COS30: f64 = 0.866_025_403_784_438_6;

/// Project a point (x along the width, y up, z into the building) isometrically.
fn iso(x: f64, y: f64, z: f64) -> Point {
    Point::new((x + z) * COS30, y + (z - x) * 0.5)
}

fn f(v: i64) -> f64 {
    v as f64
}

fn face(out: &mut Vec<Entity>, layer: LayerName, r: &Rect, z: f64) {
    let pts = vec![
        iso(f(r.x0), f(r.y0), z),
        iso(f(r.x1), f(r.y0), z),
        iso(f(r.x1), f(r.y1), z),
        iso(f(r.x0), f(r.y1), z),
    ];
    out.push(Entity {
        layer,
        shape: Shape::Polyline {
            points: pts,
            closed: true,
        },
    });
}

/// A box's visible silhouette edges for a viewer outside (z < 0), above and to the right.
fn solid(out: &mut Vec<Entity>, layer: LayerName, r: &Rect, z0: f64, z1: f64) {
    face(out, layer, r, z0);
    let (x0, x1, y0, y1) = (f(r.x0), f(r.x1), f(r.y0), f(r.y1));
    // Top face and right face recede into the depth.
    for (a, b) in [((x0, y1), (x1, y1)), ((x1, y0), (x1, y1))] {
        out.push(Entity::line(layer, iso(a.0, a.1, z1), iso(b.0, b.1, z1)));
    }
    for (x, y) in [(x0, y1), (x1, y1), (x1, y0)] {
        out.push(Entity::line(layer, iso(x, y, z0), iso(x, y, z1)));
    }
}

/// Build the isometric view.
pub fn isometric(g: &DoorGeometry, depth_mm: f64) -> ViewContent {
    let mut e = Vec::new();
    solid(&mut e, LayerName::Frame, &g.frame, 0.0, depth_mm);
    face(&mut e, LayerName::Frame, &g.aperture, 0.0);
    // The aperture's reveal: inner edges of head and jamb seen in depth.
    let a = &g.aperture;
    for (x, y) in [(f(a.x0), f(a.y1)), (f(a.x1), f(a.y1)), (f(a.x0), f(a.y0))] {
        e.push(Entity::line(
            LayerName::Frame,
            iso(x, y, 0.0),
            iso(x, y, depth_mm * 0.25),
        ));
    }
    for leaf in &g.leaves {
        solid(&mut e, LayerName::Leaf, &leaf.outer, -2.0, depth_mm * 0.25);
        face(&mut e, LayerName::Glazing, &leaf.daylight, 0.0);
        let (lx, ly) = (f(leaf.lock_at_mm.0), f(leaf.lock_at_mm.1));
        e.push(Entity::line(
            LayerName::Hardware,
            iso(lx, ly, -2.0),
            iso(lx, ly, -60.0),
        ));
        let dir = if leaf.hinge_side == spw_geometry::Side::Left {
            -1.0
        } else {
            1.0
        };
        e.push(Entity::line(
            LayerName::Hardware,
            iso(lx, ly, -60.0),
            iso(lx + dir * 130.0, ly, -60.0),
        ));
    }
    ViewContent {
        title: "ISOMETRIC VIEW FROM OUTSIDE".into(),
        entities: e,
    }
}
