//! Resolved drawing entities.

use crate::layer::LayerName;
use serde::Serialize;

/// A point in millimetres (model or paper, by context), y up.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// x, mm.
    pub x: f64,
    /// y, mm.
    pub y: f64,
}

impl Point {
    /// A point.
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// Distance to another point.
    pub fn distance(self, o: Point) -> f64 {
        (self.x - o.x).hypot(self.y - o.y)
    }
}

/// Horizontal text alignment; text is always anchored on its baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Anchor at the start of the text.
    Left,
    /// Anchor at the middle.
    Centre,
    /// Anchor at the end.
    Right,
}

/// Section fill patterns, one per material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HatchPattern {
    /// Aluminium: ANSI32-like double 45° lines.
    Aluminium,
    /// Polyamide thermal break: crossed 45° lines.
    Polyamide,
    /// Glass: sparse 60° strokes.
    Glass,
    /// Gasket: solid fill.
    Gasket,
}

/// How a dimension measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DimensionKind {
    /// Along x.
    Horizontal,
    /// Along y.
    Vertical,
    /// Along the line between the points.
    Aligned,
}

/// A linear dimension, fully resolved: where it measures, where its line sits, its value and
/// the text shown (always the measured value, never typed in).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    /// How it measures.
    pub kind: DimensionKind,
    /// First measured point.
    pub p1: Point,
    /// Second measured point.
    pub p2: Point,
    /// A point on the dimension line (for horizontal: its y matters; vertical: its x).
    pub line_at: Point,
    /// Measured distance, mm.
    pub measured: f64,
    /// Text shown.
    pub text: String,
    /// Text height, paper mm.
    pub text_height: f64,
}

impl Dimension {
    /// A horizontal dimension between `p1` and `p2` with its line at height `y`.
    pub fn horizontal(p1: Point, p2: Point, y: f64, text_height: f64) -> Dimension {
        let measured = (p2.x - p1.x).abs();
        Dimension {
            kind: DimensionKind::Horizontal,
            p1,
            p2,
            line_at: Point::new((p1.x + p2.x) / 2.0, y),
            measured,
            text: format_mm(measured),
            text_height,
        }
    }

    /// A vertical dimension between `p1` and `p2` with its line at `x`.
    pub fn vertical(p1: Point, p2: Point, x: f64, text_height: f64) -> Dimension {
        let measured = (p2.y - p1.y).abs();
        Dimension {
            kind: DimensionKind::Vertical,
            p1,
            p2,
            line_at: Point::new(x, (p1.y + p2.y) / 2.0),
            measured,
            text: format_mm(measured),
            text_height,
        }
    }

    /// The two ends of the dimension line.
    pub fn line_ends(&self) -> (Point, Point) {
        match self.kind {
            DimensionKind::Horizontal => (
                Point::new(self.p1.x, self.line_at.y),
                Point::new(self.p2.x, self.line_at.y),
            ),
            DimensionKind::Vertical => (
                Point::new(self.line_at.x, self.p1.y),
                Point::new(self.line_at.x, self.p2.y),
            ),
            DimensionKind::Aligned => (self.p1, self.p2),
        }
    }

    /// Angle of the dimension line, degrees.
    pub fn angle_deg(&self) -> f64 {
        match self.kind {
            DimensionKind::Horizontal => 0.0,
            DimensionKind::Vertical => 90.0,
            DimensionKind::Aligned => (self.p2.y - self.p1.y)
                .atan2(self.p2.x - self.p1.x)
                .to_degrees(),
        }
    }
}

/// Millimetres as a draughtsman writes them: whole numbers without decimals, else one decimal.
pub fn format_mm(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round())
    } else {
        format!("{r:.1}")
    }
}

/// The geometry of an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Shape {
    /// A straight line.
    Line {
        /// Start.
        a: Point,
        /// End.
        b: Point,
    },
    /// A polyline.
    Polyline {
        /// Vertices.
        points: Vec<Point>,
        /// Whether the last vertex joins the first.
        closed: bool,
    },
    /// A circular arc, counter-clockwise from `start_deg` to `end_deg`.
    Arc {
        /// Centre.
        centre: Point,
        /// Radius, mm.
        radius: f64,
        /// Start angle, degrees.
        start_deg: f64,
        /// End angle, degrees.
        end_deg: f64,
    },
    /// A circle.
    Circle {
        /// Centre.
        centre: Point,
        /// Radius, mm.
        radius: f64,
    },
    /// A filled or patterned closed boundary.
    Hatch {
        /// Closed boundary.
        boundary: Vec<Point>,
        /// Fill pattern.
        pattern: HatchPattern,
    },
    /// Single-line text.
    Text {
        /// Baseline anchor.
        at: Point,
        /// Height, paper mm.
        height: f64,
        /// Content.
        value: String,
        /// Alignment about `at`.
        align: Align,
        /// Rotation, degrees counter-clockwise.
        rotation_deg: f64,
    },
    /// A linear dimension.
    Dimension(Dimension),
}

/// A shape on a layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Layer.
    pub layer: LayerName,
    /// Geometry.
    pub shape: Shape,
}

impl Entity {
    /// A line.
    pub fn line(layer: LayerName, a: Point, b: Point) -> Entity {
        Entity {
            layer,
            shape: Shape::Line { a, b },
        }
    }

    /// A closed rectangle as a polyline.
    pub fn rect(layer: LayerName, x0: f64, y0: f64, x1: f64, y1: f64) -> Entity {
        Entity {
            layer,
            shape: Shape::Polyline {
                points: vec![
                    Point::new(x0, y0),
                    Point::new(x1, y0),
                    Point::new(x1, y1),
                    Point::new(x0, y1),
                ],
                closed: true,
            },
        }
    }

    /// Text.
    pub fn text(
        layer: LayerName,
        at: Point,
        height: f64,
        value: impl Into<String>,
        align: Align,
    ) -> Entity {
        Entity {
            layer,
            shape: Shape::Text {
                at,
                height,
                value: value.into(),
                align,
                rotation_deg: 0.0,
            },
        }
    }

    /// A leader, resolved into what every format draws alike: a filled arrowhead at `tip`, a
    /// line to `elbow`, a short landing and the note. `scale` is model mm per paper mm.
    pub fn leader(
        layer: LayerName,
        tip: Point,
        elbow: Point,
        note: &str,
        scale: f64,
    ) -> Vec<Entity> {
        let (dx, dy) = (tip.x - elbow.x, tip.y - elbow.y);
        let len = dx.hypot(dy).max(1e-9);
        let (ux, uy) = (dx / len, dy / len);
        let (a, w) = (2.5 * scale, 0.8 * scale);
        let base = Point::new(tip.x - ux * a, tip.y - uy * a);
        let arrow = vec![
            tip,
            Point::new(base.x - uy * w, base.y + ux * w),
            Point::new(base.x + uy * w, base.y - ux * w),
        ];
        let right = elbow.x >= tip.x;
        let landing = Point::new(elbow.x + if right { 3.0 } else { -3.0 } * scale, elbow.y);
        vec![
            Entity {
                layer,
                shape: Shape::Hatch {
                    boundary: arrow,
                    pattern: HatchPattern::Gasket,
                },
            },
            Entity {
                layer,
                shape: Shape::Polyline {
                    points: vec![base, elbow, landing],
                    closed: false,
                },
            },
            Entity::text(
                layer,
                Point::new(
                    landing.x + if right { 1.0 } else { -1.0 } * scale,
                    landing.y - 0.9 * scale,
                ),
                2.0,
                note,
                if right { Align::Left } else { Align::Right },
            ),
        ]
    }

    /// Axis-aligned bounds (min, max), ignoring text extents.
    pub fn bounds(&self) -> Option<(Point, Point)> {
        let pts: Vec<Point> = match &self.shape {
            Shape::Line { a, b } => vec![*a, *b],
            Shape::Polyline { points, .. }
            | Shape::Hatch {
                boundary: points, ..
            } => points.clone(),
            Shape::Arc { centre, radius, .. } | Shape::Circle { centre, radius } => vec![
                Point::new(centre.x - radius, centre.y - radius),
                Point::new(centre.x + radius, centre.y + radius),
            ],
            Shape::Text { at, .. } => vec![*at],
            Shape::Dimension(d) => {
                let (a, b) = d.line_ends();
                vec![d.p1, d.p2, a, b]
            }
        };
        let first = *pts.first()?;
        Some(pts.iter().fold((first, first), |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        }))
    }
}
