//! Sections through the members, drawn from the catalogue's real profile outlines with a hatch
//! per material, the glazing unit's build-up pane by pane, beads and gaskets; and the enlarged
//! details (meeting stile, threshold) that reuse them.

use super::{DimensionRows, ViewContent};
use crate::entity::{Align, Entity, HatchPattern, Point, Shape};
use crate::layer::LayerName;
use spw_geometry::DoorGeometry;
use spw_model::catalogue::{Catalogue, Layer, Material, Profile, ProfileRole};
use spw_model::config::{DoorConfiguration, ThresholdType};

/// Where a section cuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionCut {
    /// Vertical cut through the frame head and the leaf's top rail.
    Head,
    /// Horizontal cut through the hinge-side jamb and leaf stile.
    Jamb,
    /// Vertical cut through the threshold and the leaf's bottom rail.
    Sill,
}

impl SectionCut {
    /// Label, e.g. `SECTION A-A HEAD`.
    pub fn title(self) -> &'static str {
        match self {
            SectionCut::Head => "SECTION A-A  HEAD",
            SectionCut::Jamb => "SECTION B-B  JAMB",
            SectionCut::Sill => "SECTION C-C  SILL / THRESHOLD",
        }
    }
}

fn pattern(m: Material) -> HatchPattern {
    match m {
        Material::Aluminium => HatchPattern::Aluminium,
        Material::Polyamide => HatchPattern::Polyamide,
        Material::Gasket => HatchPattern::Gasket,
    }
}

/// Draw a profile's cross-section, each outline mapped by `place(depth, across)`, hatched by
/// material (polyamide on the thermal-break layer).
pub(super) fn profile(
    out: &mut Vec<Entity>,
    p: &Profile,
    layer: LayerName,
    place: &dyn Fn(f64, f64) -> Point,
) {
    for part in &p.section {
        let pts: Vec<Point> = part.outline.iter().map(|[x, y]| place(*x, *y)).collect();
        let l = if part.material == Material::Polyamide {
            LayerName::ThermalBreak
        } else {
            layer
        };
        out.push(Entity {
            layer: l,
            shape: Shape::Hatch {
                boundary: pts.clone(),
                pattern: pattern(part.material),
            },
        });
        out.push(Entity {
            layer: l,
            shape: Shape::Polyline {
                points: pts,
                closed: true,
            },
        });
    }
}

/// The glazing unit in section between `from` and `to` along its run (model mm), panes hatched,
/// placed across the depth from `face` (outside face of the unit).
fn glazing_unit(
    out: &mut Vec<Entity>,
    cat: &Catalogue,
    g: &DoorGeometry,
    face: f64,
    run: (f64, f64),
    vertical_run: bool,
) {
    let Some(unit) = cat.glazing_unit(&g.glazing_unit_code) else {
        return;
    };
    let mut x = face;
    for layer in &unit.build().layers {
        let (t, pane) = match layer {
            Layer::Pane { thickness_mm, .. } => (*thickness_mm, true),
            Layer::Cavity { width_mm, .. } => (*width_mm, false),
        };
        let (a, b) = (x, x + t);
        let pts = if vertical_run {
            vec![
                Point::new(a, run.0),
                Point::new(b, run.0),
                Point::new(b, run.1),
                Point::new(a, run.1),
            ]
        } else {
            vec![
                Point::new(run.0, a),
                Point::new(run.1, a),
                Point::new(run.1, b),
                Point::new(run.0, b),
            ]
        };
        if pane {
            out.push(Entity {
                layer: LayerName::Glazing,
                shape: Shape::Hatch {
                    boundary: pts.clone(),
                    pattern: HatchPattern::Glass,
                },
            });
            out.push(Entity {
                layer: LayerName::Glazing,
                shape: Shape::Polyline {
                    points: pts,
                    closed: true,
                },
            });
        }
        x = b;
    }
}

fn glass_face(cfg: &DoorConfiguration, depth: f64) -> f64 {
    ((depth - f64::from(cfg.glazing_thickness_mm)) / 2.0).max(0.0)
}

fn beads_and_gaskets(
    out: &mut Vec<Entity>,
    cfg: &DoorConfiguration,
    cat: &Catalogue,
    depth: f64,
    edge: f64,
    dir: f64,
    vertical_run: bool,
) {
    // `edge` is the daylight edge along the run; `dir` points from the glass into the member.
    let face = glass_face(cfg, depth);
    let inner = face + f64::from(cfg.glazing_thickness_mm);
    let bead = cat
        .bead_for(cfg.glazing_thickness_mm)
        .map_or(20.0, |b| f64::from(b.sightline_mm));
    let rect = |x0: f64, x1: f64, r0: f64, r1: f64| -> Vec<Point> {
        if vertical_run {
            vec![
                Point::new(x0, r0),
                Point::new(x1, r0),
                Point::new(x1, r1),
                Point::new(x0, r1),
            ]
        } else {
            vec![
                Point::new(r0, x0),
                Point::new(r0, x1),
                Point::new(r1, x1),
                Point::new(r1, x0),
            ]
        }
    };
    // Bead on the inside of the glass, from the daylight edge into the member.
    let bead_pts = rect(
        inner + 3.0,
        (depth - 2.0).max(inner + 4.0),
        edge,
        edge + dir * bead,
    );
    out.push(Entity {
        layer: LayerName::Glazing,
        shape: Shape::Hatch {
            boundary: bead_pts.clone(),
            pattern: HatchPattern::Aluminium,
        },
    });
    out.push(Entity {
        layer: LayerName::Glazing,
        shape: Shape::Polyline {
            points: bead_pts,
            closed: true,
        },
    });
    // Wedge gaskets either side of the glass at the sight line.
    for (x0, x1) in [(face - 3.0, face), (inner, inner + 3.0)] {
        let pts = rect(x0, x1, edge, edge + dir * 6.0);
        out.push(Entity {
            layer: LayerName::Glazing,
            shape: Shape::Hatch {
                boundary: pts.clone(),
                pattern: HatchPattern::Gasket,
            },
        });
    }
}

fn f(v: i64) -> f64 {
    v as f64
}

/// Build a section at `scale`.
pub fn section(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    cut: SectionCut,
    scale: f64,
) -> ViewContent {
    let mut e = Vec::new();
    let depth = f64::from(cat.system.depth_mm);
    let frame = cat.profile(ProfileRole::Frame);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    let leaf = &g.leaves[0];
    let reach = 260.0;
    let face = glass_face(cfg, depth);
    let (lo, hi);
    match cut {
        SectionCut::Head => {
            let top = f(g.frame.y1);
            profile(&mut e, frame, LayerName::Frame, &|x, y| {
                Point::new(x, top - y)
            });
            let rail = f(leaf.outer.y1);
            profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
                Point::new(x, rail - y)
            });
            let dlo = f(leaf.daylight.y1);
            let cover = f64::from(cat.allowances.glass_edge_cover_mm);
            glazing_unit(&mut e, cat, g, face, (top - reach, dlo + cover), true);
            beads_and_gaskets(&mut e, cfg, cat, depth, dlo, 1.0, true);
            // Callouts on the outside face: profiles, thermal break, glass.
            let strut = frame
                .section
                .iter()
                .find(|p| p.material == Material::Polyamide)
                .and_then(|p| p.outline.first().copied())
                .unwrap_or([depth / 2.0, 8.0]);
            let left = -12.0 * scale;
            let unit_code = cat
                .glazing_unit(&g.glazing_unit_code)
                .map_or(String::new(), |u| u.code.clone());
            for (tip, elbow_y, note) in [
                (Point::new(2.0, top - 20.0), top - 8.0, frame.code.as_str()),
                (
                    Point::new(strut[0] + 2.0, top - strut[1] - 1.0),
                    top - 45.0,
                    "Polyamide thermal break",
                ),
                (
                    Point::new(2.0, rail - 45.0),
                    rail - 60.0,
                    leaf_p.code.as_str(),
                ),
                (
                    Point::new(face + 2.0, top - reach + 40.0),
                    top - reach + 40.0,
                    unit_code.as_str(),
                ),
            ] {
                e.extend(Entity::leader(
                    LayerName::Annotations,
                    tip,
                    Point::new(left, elbow_y),
                    note,
                    scale,
                ));
            }
            lo = Point::new(0.0, top - reach);
            hi = Point::new(depth, top);
            let rows = DimensionRows {
                lo,
                hi,
                scale,
                text_height: 2.5,
            };
            rows.right(&mut e, 0, &[dlo, rail, f(g.aperture.y1), top]);
            rows.above(&mut e, 0, &[0.0, depth]);
        }
        SectionCut::Sill => {
            let th = cat.profile(match cfg.threshold_type {
                ThresholdType::Standard => ProfileRole::ThresholdStandard,
                ThresholdType::Low => ProfileRole::ThresholdLow,
            });
            profile(&mut e, th, LayerName::Frame, &|x, y| Point::new(x, y));
            let rail = f(leaf.outer.y0);
            profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
                Point::new(x, rail + y)
            });
            let dlo = f(leaf.daylight.y0);
            let cover = f64::from(cat.allowances.glass_edge_cover_mm);
            glazing_unit(&mut e, cat, g, face, (dlo - cover, reach), true);
            beads_and_gaskets(&mut e, cfg, cat, depth, dlo, -1.0, true);
            // Finished floor level.
            e.push(Entity::line(
                LayerName::Annotations,
                Point::new(-40.0, 0.0),
                Point::new(depth + 40.0, 0.0),
            ));
            e.push(Entity::text(
                LayerName::Annotations,
                Point::new(-40.0, 2.0 * scale),
                2.0,
                "FFL",
                Align::Left,
            ));
            lo = Point::new(0.0, 0.0);
            hi = Point::new(depth, reach);
            let rows = DimensionRows {
                lo,
                hi,
                scale,
                text_height: 2.5,
            };
            rows.right(
                &mut e,
                0,
                &[
                    0.0,
                    f(th.upstand_mm.unwrap_or(th.sightline_mm).into()),
                    rail,
                    dlo,
                ],
            );
            rows.below(&mut e, 0, &[0.0, depth]);
        }
        SectionCut::Jamb => {
            // Horizontal cut seen from above: x along the width, y across the depth (outside at
            // the bottom).
            profile(&mut e, frame, LayerName::Frame, &|x, y| Point::new(y, x));
            let x0 = f(leaf.outer.x0);
            profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
                Point::new(x0 + y, x)
            });
            let dlo = f(leaf.daylight.x0);
            let cover = f64::from(cat.allowances.glass_edge_cover_mm);
            let jamb_reach = dlo + 60.0;
            glazing_unit(&mut e, cat, g, face, (dlo - cover, jamb_reach), false);
            beads_and_gaskets(&mut e, cfg, cat, depth, dlo, -1.0, false);
            // The structural opening (indicative, 10 mm sealant joint) and a frame fixing
            // through the jamb into it.
            let joint = 10.0;
            e.push(Entity::line(
                LayerName::Hidden,
                Point::new(-joint, -30.0),
                Point::new(-joint, depth + 30.0),
            ));
            e.push(Entity::text(
                LayerName::Annotations,
                Point::new(-joint - 2.0 * scale, -28.0),
                2.0,
                "OPENING",
                Align::Right,
            ));
            let fy = depth / 2.0;
            e.push(Entity::rect(
                LayerName::Hardware,
                -joint - 60.0,
                fy - 2.5,
                f(g.aperture.x0) - 6.0,
                fy + 2.5,
            ));
            e.push(Entity::rect(
                LayerName::Hardware,
                -joint,
                fy - 12.0,
                0.0,
                fy + 12.0,
            ));
            let fixing = format!(
                "{} @ {} max",
                cat.sundries.fixing_code, cat.allowances.fixing_max_centres_mm
            );
            e.extend(Entity::leader(
                LayerName::Annotations,
                Point::new(-joint - 40.0, fy + 2.5),
                Point::new(-joint - 30.0, depth + 12.0 * scale),
                &fixing,
                scale,
            ));
            e.push(Entity::text(
                LayerName::Annotations,
                Point::new(jamb_reach, -6.0 * scale),
                2.0,
                "OUTSIDE",
                Align::Right,
            ));
            e.push(Entity::text(
                LayerName::Annotations,
                Point::new(jamb_reach, depth + 3.0 * scale),
                2.0,
                "INSIDE",
                Align::Right,
            ));
            lo = Point::new(-joint - 60.0, 0.0);
            hi = Point::new(jamb_reach, depth);
            let rows = DimensionRows {
                lo,
                hi,
                scale,
                text_height: 2.5,
            };
            rows.below(&mut e, 0, &[0.0, f(g.aperture.x0), x0, dlo]);
            rows.left(&mut e, 0, &[0.0, depth]);
        }
    }
    let _ = (lo, hi);
    ViewContent {
        title: cut.title().into(),
        entities: e,
    }
}

/// Enlarged detail of a double door's meeting stiles and astragal (horizontal cut).
pub fn detail_meeting_stile(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> Option<ViewContent> {
    let gap = g.meeting_gap?;
    let [left, right] = g.leaves.as_slice() else {
        return None;
    };
    let mut e = Vec::new();
    let depth = f64::from(cat.system.depth_mm);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    let meeting = cat.profile(ProfileRole::MeetingStile);
    let (lx, rx) = (f(left.outer.x1), f(right.outer.x0));
    profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
        Point::new(lx - y, x)
    });
    profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
        Point::new(rx + y, x)
    });
    // The astragal sits on the outside face of the passive leaf, over the gap.
    let mid = f(gap.x0 + gap.x1) / 2.0;
    let half = f64::from(meeting.sightline_mm) / 2.0;
    let thickness = meeting
        .section
        .iter()
        .flat_map(|p| p.outline.iter().map(|pt| pt[0]))
        .fold(0.0, f64::max);
    profile(&mut e, meeting, LayerName::Leaf, &|x, y| {
        Point::new(mid - half + y, x - thickness)
    });
    let cover = f64::from(cat.allowances.glass_edge_cover_mm);
    let face = glass_face(cfg, depth);
    glazing_unit(
        &mut e,
        cat,
        g,
        face,
        (f(left.daylight.x1) - 120.0, f(left.daylight.x1) + cover),
        false,
    );
    glazing_unit(
        &mut e,
        cat,
        g,
        face,
        (f(right.daylight.x0) - cover, f(right.daylight.x0) + 120.0),
        false,
    );
    e.push(Entity::line(
        LayerName::Centre,
        Point::new(mid, -40.0),
        Point::new(mid, depth + 20.0),
    ));
    let lo = Point::new(f(left.daylight.x1) - 120.0, -thickness);
    let hi = Point::new(f(right.daylight.x0) + 120.0, depth);
    let rows = DimensionRows {
        lo,
        hi,
        scale,
        text_height: 2.5,
    };
    rows.above(
        &mut e,
        0,
        &[f(left.daylight.x1), lx, rx, f(right.daylight.x0)],
    );
    rows.right(&mut e, 0, &[0.0, depth]);
    Some(ViewContent {
        title: "DETAIL D  MEETING STILE".into(),
        entities: e,
    })
}

/// Enlarged detail of the threshold (the sill section at a larger scale).
pub fn detail_threshold(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> ViewContent {
    let mut v = section(cfg, g, cat, SectionCut::Sill, scale);
    v.title = "DETAIL E  THRESHOLD".into();
    v
}

/// Enlarged horizontal detail at a hinge: frame jamb, leaf stile and the hinge's knuckle and
/// flaps on the face the leaf opens to.
pub fn detail_hinge(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> ViewContent {
    let mut e = Vec::new();
    let depth = f64::from(cat.system.depth_mm);
    let frame = cat.profile(ProfileRole::Frame);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    let fs = f64::from(frame.sightline_mm);
    let edge = f64::from(cat.allowances.edge_gap_mm);
    // Local coordinates: the jamb's wall edge at x = 0, the leaf beyond it; outside at y = 0.
    profile(&mut e, frame, LayerName::Frame, &|x, y| Point::new(y, x));
    profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
        Point::new(fs + edge + y, x)
    });
    let outward = cfg.opening_direction == spw_model::config::OpeningDirection::Outward;
    let face = if outward { 0.0 } else { depth };
    let out = if outward { -1.0 } else { 1.0 };
    let pin = Point::new(fs + edge / 2.0, face + out * 9.0);
    e.push(Entity {
        layer: LayerName::Hardware,
        shape: Shape::Circle {
            centre: pin,
            radius: 7.0,
        },
    });
    e.push(Entity {
        layer: LayerName::Hardware,
        shape: Shape::Circle {
            centre: pin,
            radius: 2.5,
        },
    });
    for (x0, x1) in [(fs - 35.0, pin.x - 6.0), (pin.x + 6.0, fs + edge + 35.0)] {
        let (y0, y1) = (face + out * 1.0, face + out * 4.0);
        e.push(Entity::rect(
            LayerName::Hardware,
            x0,
            y0.min(y1),
            x1,
            y0.max(y1),
        ));
    }
    let code = cat
        .hinge(&g.hinge_option_id)
        .map_or("hinge", |h| h.code.as_str());
    let note = format!("{code} × {} per leaf", g.hinges_per_leaf);
    e.extend(Entity::leader(
        LayerName::Annotations,
        Point::new(pin.x + 5.0, pin.y + out * 5.0),
        Point::new(pin.x + 60.0, pin.y + out * 25.0),
        &note,
        scale,
    ));
    let lo = Point::new(0.0, 0.0_f64.min(face + out * 20.0));
    let hi = Point::new(
        fs + edge + f64::from(leaf_p.sightline_mm),
        depth.max(face + out * 20.0),
    );
    let rows = DimensionRows {
        lo,
        hi,
        scale,
        text_height: 2.5,
    };
    for chain in [
        [0.0, fs],
        [fs + edge, fs + edge + f64::from(leaf_p.sightline_mm)],
    ] {
        if outward {
            rows.above(&mut e, 0, &chain);
        } else {
            rows.below(&mut e, 0, &chain);
        }
    }
    ViewContent {
        title: "DETAIL F  HINGE".into(),
        entities: e,
    }
}

/// Enlarged horizontal detail at the lock: the active leaf's lock stile with the lock case and
/// bolt, and the keep in the frame jamb (single door) or in the passive leaf (double door).
pub fn detail_lock(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> ViewContent {
    let mut e = Vec::new();
    let depth = f64::from(cat.system.depth_mm);
    let frame = cat.profile(ProfileRole::Frame);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    let ls = f64::from(leaf_p.sightline_mm);
    let double = g.leaves.len() == 2;
    let gap = f64::from(if double {
        cat.allowances.meeting_gap_mm
    } else {
        cat.allowances.edge_gap_mm
    });
    // Local coordinates: the active leaf's lock edge at x = 0, the leaf to the left.
    profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| Point::new(-y, x));
    let keeper_w = if double {
        profile(&mut e, leaf_p, LayerName::Leaf, &|x, y| {
            Point::new(gap + y, x)
        });
        ls
    } else {
        let fs = f64::from(frame.sightline_mm);
        profile(&mut e, frame, LayerName::Frame, &|x, y| {
            Point::new(gap + fs - y, x)
        });
        fs
    };
    // Lock case in the stile, bolt thrown into the keep.
    let (cy0, cy1) = (depth * 0.3, depth * 0.7);
    e.push(Entity::rect(
        LayerName::Hardware,
        -ls + 12.0,
        cy0,
        -6.0,
        cy1,
    ));
    e.push(Entity::rect(
        LayerName::Hardware,
        -6.0,
        depth * 0.45,
        gap + 14.0,
        depth * 0.55,
    ));
    e.push(Entity::rect(
        LayerName::Hardware,
        gap,
        cy0 - 4.0,
        gap + 3.0,
        cy1 + 4.0,
    ));
    let lock = cfg
        .hardware
        .lock
        .as_deref()
        .and_then(|id| cat.lock(id))
        .map_or_else(|| "Lock (not specified)".to_owned(), |l| l.code.clone());
    e.extend(Entity::leader(
        LayerName::Annotations,
        Point::new(-ls / 2.0, cy1 - 2.0),
        Point::new(-ls / 2.0 - 20.0, depth + 22.0),
        &lock,
        scale,
    ));
    e.extend(Entity::leader(
        LayerName::Annotations,
        Point::new(gap + 1.5, cy0 - 2.0),
        Point::new(gap + 25.0, -20.0),
        "Keep",
        scale,
    ));
    let lo = Point::new(-ls, -20.0);
    let hi = Point::new(gap + keeper_w, depth + 22.0);
    let rows = DimensionRows {
        lo,
        hi,
        scale,
        text_height: 2.5,
    };
    rows.right(&mut e, 0, &[0.0, depth]);
    ViewContent {
        title: "DETAIL G  LOCK AND KEEP".into(),
        entities: e,
    }
}
