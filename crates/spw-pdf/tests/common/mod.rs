//! A hand-built two-sheet drawing that uses every shape, layer, hatch and text alignment.

#![allow(dead_code)]

use spw_drawing::{
    Align, Dimension, Drawing, Entity, HatchPattern, IsoFormat, LayerName, Orientation, Point,
    Scale, Shape, Sheet, SheetSize, TitleInfo, View, ViewKind,
};

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

fn title(number: &str, title: &str) -> TitleInfo {
    TitleInfo {
        company: "SFG Aluminium".into(),
        project: "Test Project".into(),
        customer: "A. Customer".into(),
        drawing_number: number.into(),
        title: title.into(),
        date: "2026-12-01".into(),
        drawn_by: "PDF".into(),
        checked_by: "QA".into(),
        revision: "A".into(),
    }
}

/// Border, title block and revision box in paper mm for a sheet `w` × `h`.
fn paper(w: f64, h: f64, t: &TitleInfo, scale: &str) -> Vec<Entity> {
    let tb = LayerName::TitleBlock;
    let (x0, x1) = (w - 190.0, w - 10.0);
    let mut v = vec![
        Entity::rect(tb, 10.0, 10.0, w - 10.0, h - 10.0),
        Entity::rect(tb, x0, 10.0, x1, 42.0),
        Entity::line(tb, p(x0, 26.0), p(x1, 26.0)),
        Entity::line(tb, p(x0 + 110.0, 10.0), p(x0 + 110.0, 42.0)),
        Entity::text(
            tb,
            p(x0 + 3.0, 33.0),
            5.0,
            t.drawing_number.clone(),
            Align::Left,
        ),
        Entity::text(tb, p(x0 + 3.0, 15.0), 3.5, t.title.clone(), Align::Left),
        Entity::text(
            tb,
            p(x0 + 145.0, 33.0),
            3.5,
            t.company.clone(),
            Align::Centre,
        ),
        Entity::text(
            tb,
            p(x1 - 3.0, 15.0),
            2.5,
            format!("SCALE {scale}  REV {}", t.revision),
            Align::Right,
        ),
    ];
    v.push(Entity {
        layer: LayerName::Revision,
        shape: Shape::Polyline {
            points: vec![
                p(x0, 46.0),
                p(x0 + 60.0, 46.0),
                p(x0 + 60.0, 56.0),
                p(x0, 56.0),
            ],
            closed: true,
        },
    });
    v.push(Entity::text(
        LayerName::Revision,
        p(x0 + 2.0, 49.0),
        2.5,
        "A  FIRST ISSUE",
        Align::Left,
    ));
    v
}

/// Sheet 1: A3 landscape elevation of a single door at 1:10.
fn elevation() -> Sheet {
    let t = title("SPW600e-ELV-001", "ELEVATION FROM OUTSIDE");
    let (w, h) = (1200.0, 2100.0);
    let mut e = vec![
        Entity::rect(LayerName::Frame, 0.0, 0.0, w, h),
        Entity::rect(LayerName::Frame, 75.0, 0.0, w - 75.0, h - 75.0),
        Entity::rect(LayerName::Leaf, 80.0, 5.0, w - 80.0, h - 80.0),
        Entity::rect(LayerName::Leaf, 180.0, 105.0, w - 180.0, h - 180.0),
        Entity {
            layer: LayerName::Glazing,
            shape: Shape::Hatch {
                boundary: vec![
                    p(180.0, 105.0),
                    p(w - 180.0, 105.0),
                    p(w - 180.0, h - 180.0),
                    p(180.0, h - 180.0),
                ],
                pattern: HatchPattern::Glass,
            },
        },
        Entity::rect(LayerName::Glazing, 200.0, 125.0, w - 200.0, h - 200.0),
        Entity {
            layer: LayerName::Hardware,
            shape: Shape::Circle {
                centre: p(w - 140.0, 1050.0),
                radius: 25.0,
            },
        },
        Entity::rect(LayerName::Hardware, w - 150.0, 900.0, w - 130.0, 1000.0),
        Entity::line(LayerName::Hidden, p(80.0, 1000.0), p(w - 80.0, 1000.0)),
        Entity::line(LayerName::Centre, p(w / 2.0, -100.0), p(w / 2.0, h + 100.0)),
        Entity::line(LayerName::ThermalBreak, p(37.0, 0.0), p(37.0, h - 37.0)),
        // Opening symbol: the leaf swings about the hinge side.
        Entity {
            layer: LayerName::Annotations,
            shape: Shape::Polyline {
                points: vec![p(80.0, 5.0), p(w - 80.0, h / 2.0), p(80.0, h - 80.0)],
                closed: false,
            },
        },
        Entity {
            layer: LayerName::Annotations,
            shape: Shape::Arc {
                centre: p(80.0, 5.0),
                radius: 300.0,
                start_deg: 0.0,
                end_deg: 90.0,
            },
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::horizontal(p(0.0, 0.0), p(w, 0.0), -150.0, 3.5)),
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::vertical(p(0.0, 0.0), p(0.0, h), -150.0, 3.5)),
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::horizontal(p(0.0, h), p(75.0, h), h + 120.0, 2.5)),
        },
        Entity::text(
            LayerName::Annotations,
            p(w / 2.0, h + 200.0),
            5.0,
            "SINGLE DOOR D01",
            Align::Centre,
        ),
    ];
    e.push(Entity::text(
        LayerName::Annotations,
        p(w + 80.0, 0.0),
        2.5,
        "FFL",
        Align::Left,
    ));
    let view = View {
        title: "ELEVATION (FROM OUTSIDE)".into(),
        kind: ViewKind::Elevation,
        scale: Scale(10),
        placement: p(60.0, 45.0),
        entities: e,
    };
    let mut paper = paper(420.0, 297.0, &t, "1:10");
    paper.push(Entity::text(
        LayerName::Annotations,
        p(120.0, 25.0),
        3.5,
        "ELEVATION (FROM OUTSIDE) 1:10",
        Align::Centre,
    ));
    Sheet {
        size: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        title: t,
        views: vec![view],
        paper,
    }
}

/// Sheet 2: A4 portrait section through the frame at 1:2, with every hatch.
fn section() -> Sheet {
    let t = title("SPW600e-SEC-002", "SECTION A-A");
    // Outer aluminium profile with a chamber (the boundary goes round the hole).
    let outer = vec![
        p(0.0, 0.0),
        p(30.0, 0.0),
        p(30.0, 60.0),
        p(0.0, 60.0),
        p(0.0, 2.0),
        p(2.0, 2.0),
        p(2.0, 58.0),
        p(28.0, 58.0),
        p(28.0, 2.0),
        p(0.0, 2.0),
    ];
    let inner: Vec<Point> = outer.iter().map(|q| p(q.x + 54.0, q.y)).collect();
    let hatch = |layer, boundary, pattern| Entity {
        layer,
        shape: Shape::Hatch { boundary, pattern },
    };
    let e = vec![
        hatch(LayerName::Frame, outer.clone(), HatchPattern::Aluminium),
        hatch(LayerName::Frame, inner.clone(), HatchPattern::Aluminium),
        Entity {
            layer: LayerName::Frame,
            shape: Shape::Polyline {
                points: outer,
                closed: true,
            },
        },
        Entity {
            layer: LayerName::Frame,
            shape: Shape::Polyline {
                points: inner,
                closed: true,
            },
        },
        hatch(
            LayerName::ThermalBreak,
            vec![p(30.0, 10.0), p(54.0, 10.0), p(54.0, 16.0), p(30.0, 16.0)],
            HatchPattern::Polyamide,
        ),
        hatch(
            LayerName::ThermalBreak,
            vec![p(30.0, 44.0), p(54.0, 44.0), p(54.0, 50.0), p(30.0, 50.0)],
            HatchPattern::Polyamide,
        ),
        Entity::rect(LayerName::ThermalBreak, 30.0, 10.0, 54.0, 16.0),
        Entity::rect(LayerName::ThermalBreak, 30.0, 44.0, 54.0, 50.0),
        hatch(
            LayerName::Glazing,
            vec![p(28.0, 70.0), p(56.0, 70.0), p(56.0, 130.0), p(28.0, 130.0)],
            HatchPattern::Glass,
        ),
        Entity::rect(LayerName::Glazing, 28.0, 70.0, 56.0, 130.0),
        hatch(
            LayerName::Glazing,
            vec![p(24.0, 64.0), p(28.0, 64.0), p(28.0, 74.0), p(24.0, 74.0)],
            HatchPattern::Gasket,
        ),
        hatch(
            LayerName::Glazing,
            vec![p(56.0, 64.0), p(60.0, 64.0), p(60.0, 74.0), p(56.0, 74.0)],
            HatchPattern::Gasket,
        ),
        Entity {
            layer: LayerName::Hardware,
            shape: Shape::Circle {
                centre: p(15.0, 30.0),
                radius: 4.0,
            },
        },
        Entity {
            layer: LayerName::Hardware,
            shape: Shape::Arc {
                centre: p(69.0, 30.0),
                radius: 6.0,
                start_deg: 270.0,
                end_deg: 90.0,
            },
        },
        Entity::line(LayerName::Hidden, p(0.0, 30.0), p(84.0, 30.0)),
        Entity::line(LayerName::Centre, p(42.0, -10.0), p(42.0, 140.0)),
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::horizontal(p(0.0, 0.0), p(84.0, 0.0), -20.0, 3.5)),
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::vertical(p(84.0, 0.0), p(84.0, 60.0), 100.0, 3.5)),
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension::horizontal(
                p(30.0, 60.0),
                p(34.0, 60.0),
                150.0,
                2.5,
            )),
        },
        Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(Dimension {
                kind: spw_drawing::DimensionKind::Aligned,
                p1: p(0.0, 60.0),
                p2: p(28.0, 70.0),
                line_at: p(14.0, 65.0),
                measured: p(0.0, 60.0).distance(p(28.0, 70.0)),
                text: "29.7".into(),
                text_height: 2.5,
            }),
        },
        Entity::text(
            LayerName::Annotations,
            p(-8.0, 30.0),
            2.5,
            "OUTSIDE",
            Align::Centre,
        ),
        Entity {
            layer: LayerName::Annotations,
            shape: Shape::Text {
                at: p(95.0, 100.0),
                height: 2.5,
                value: "INSIDE".into(),
                align: Align::Right,
                rotation_deg: 90.0,
            },
        },
        Entity {
            layer: LayerName::Annotations,
            shape: Shape::Text {
                at: p(60.0, 135.0),
                height: 2.5,
                value: "28 mm DGU, Ug 1.1".into(),
                align: Align::Left,
                rotation_deg: 30.0,
            },
        },
    ];
    let view = View {
        title: "SECTION A-A".into(),
        kind: ViewKind::Section,
        scale: Scale(2),
        placement: p(45.0, 120.0),
        entities: e,
    };
    let mut paper = paper(210.0, 297.0, &t, "1:2");
    paper.push(Entity::text(
        LayerName::Annotations,
        p(105.0, 275.0),
        3.5,
        "SECTION A-A 1:2",
        Align::Centre,
    ));
    Sheet {
        size: SheetSize {
            format: IsoFormat::A4,
            orientation: Orientation::Portrait,
        },
        title: t,
        views: vec![view],
        paper,
    }
}

/// The two-sheet test drawing.
pub fn drawing() -> Drawing {
    Drawing {
        layers: Drawing::standard_layers(),
        sheets: vec![elevation(), section()],
    }
}

/// Metadata for the test drawing.
pub fn meta(d: &Drawing) -> spw_pdf::DocumentMeta {
    let mut m = spw_pdf::DocumentMeta::for_drawing(
        d,
        "SPW600e door D01 drawings",
        "SFG Aluminium",
        "SPW600e Designer test",
    );
    m.date = Some((2026, 12, 1));
    m
}
