//! The geometry of a linear dimension, as AutoCAD would build its anonymous `*D` block: extension
//! lines with offset and overshoot, the dimension line, closed filled arrowheads (SOLIDs) and the
//! text centred above the line, reading from the bottom or the right (ISO 129).

use crate::place::{PlacedDim, dimsize};
use spw_drawing::{DimensionKind, Point};

/// One primitive of a dimension block, model coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Prim {
    /// A line (dimension or extension line).
    Line(Point, Point),
    /// A filled triangle: tip, then the two base corners.
    Solid([Point; 3]),
    /// The text, middle-centre aligned at `at`.
    Text {
        at: Point,
        height: f64,
        rotation_deg: f64,
        value: String,
    },
    /// A definition point (on layer Defpoints, not plotted).
    Defpoint(Point),
}

/// What a DIMENSION entity records besides its block.
#[derive(Debug, Clone)]
pub(crate) struct DimGeometry {
    /// Angle of the dimension line, degrees (code 50 for rotated dimensions).
    pub(crate) angle_deg: f64,
    /// Point where the dimension line meets the second extension line (code 10).
    pub(crate) def_point: Point,
    /// Middle of the text (code 11).
    pub(crate) text_mid: Point,
    /// Block contents.
    pub(crate) prims: Vec<Prim>,
}

fn add(a: Point, b: Point) -> Point {
    Point::new(a.x + b.x, a.y + b.y)
}

fn sub(a: Point, b: Point) -> Point {
    Point::new(a.x - b.x, a.y - b.y)
}

fn mul(a: Point, s: f64) -> Point {
    Point::new(a.x * s, a.y * s)
}

fn dot(a: Point, b: Point) -> f64 {
    a.x * b.x + a.y * b.y
}

/// Builds the block geometry of `d`.
pub(crate) fn geometry(d: &PlacedDim) -> DimGeometry {
    let angle_deg = match d.kind {
        DimensionKind::Horizontal => 0.0,
        DimensionKind::Vertical => 90.0,
        DimensionKind::Aligned => (d.p2.y - d.p1.y).atan2(d.p2.x - d.p1.x).to_degrees(),
    };
    let (sin, cos) = angle_deg.to_radians().sin_cos();
    let u = Point::new(cos, sin);
    // Feet of the measured points on the dimension line through `line_at`.
    let foot = |p: Point| add(d.line_at, mul(u, dot(sub(p, d.line_at), u)));
    let (d1, d2) = (foot(d.p1), foot(d.p2));

    let k = d.k;
    let (arrow, exo, exe, gap) = (
        dimsize::ARROW * k,
        dimsize::EXT_OFFSET * k,
        dimsize::EXT_BEYOND * k,
        dimsize::GAP * k,
    );
    let mut prims = Vec::new();

    for (p, f) in [(d.p1, d1), (d.p2, d2)] {
        let v = sub(f, p);
        let len = v.x.hypot(v.y);
        if len > 1e-9 {
            let n = mul(v, 1.0 / len);
            let start = if exo < len { add(p, mul(n, exo)) } else { f };
            prims.push(Prim::Line(start, add(f, mul(n, exe))));
        }
    }

    let span = sub(d2, d1);
    let dist = span.x.hypot(span.y);
    let a = if dist > 1e-9 {
        mul(span, 1.0 / dist)
    } else {
        u
    };
    let nrm = Point::new(-a.y, a.x);
    let half = arrow / 6.0;
    let solid = |tip: Point, back: Point| {
        let base = add(tip, mul(back, arrow));
        Prim::Solid([tip, add(base, mul(nrm, half)), sub(base, mul(nrm, half))])
    };
    if dist >= 2.5 * arrow {
        prims.push(Prim::Line(d1, d2));
        prims.push(solid(d1, a));
        prims.push(solid(d2, mul(a, -1.0)));
    } else {
        // Too short for arrows inside: arrows outside pointing in, with short leader lines.
        prims.push(Prim::Line(
            sub(d1, mul(a, 2.0 * arrow)),
            add(d2, mul(a, 2.0 * arrow)),
        ));
        prims.push(solid(d1, mul(a, -1.0)));
        prims.push(solid(d2, a));
    }

    // Text reads from the bottom or from the right: flip the direction when it points left/down.
    let t = if a.x > 1e-9 || (a.x.abs() <= 1e-9 && a.y > 0.0) {
        a
    } else {
        mul(a, -1.0)
    };
    let tn = Point::new(-t.y, t.x);
    let mid = mul(add(d1, d2), 0.5);
    let text_mid = add(mid, mul(tn, gap + d.text_height / 2.0));
    if !d.text.trim().is_empty() {
        prims.push(Prim::Text {
            at: text_mid,
            height: d.text_height,
            rotation_deg: t.y.atan2(t.x).to_degrees(),
            value: d.text.clone(),
        });
    }
    prims.push(Prim::Defpoint(d.p1));
    prims.push(Prim::Defpoint(d.p2));
    prims.push(Prim::Defpoint(d2));

    DimGeometry {
        angle_deg,
        def_point: d2,
        text_mid,
        prims,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dim(kind: DimensionKind, p1: Point, p2: Point, line_at: Point) -> PlacedDim {
        PlacedDim {
            kind,
            p1,
            p2,
            line_at,
            measured: 0.0,
            text_override: None,
            text: "x".to_owned(),
            style: 0,
            k: 1.0,
            text_height: 2.5,
        }
    }

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn horizontal_dimension_line_sits_at_line_height_with_text_above() {
        let g = geometry(&dim(
            DimensionKind::Horizontal,
            Point::new(0.0, 0.0),
            Point::new(100.0, 5.0),
            Point::new(50.0, 20.0),
        ));
        assert!(close(g.def_point, Point::new(100.0, 20.0)));
        assert!(
            g.prims
                .contains(&Prim::Line(Point::new(0.0, 20.0), Point::new(100.0, 20.0)))
        );
        // Extension line from (0, 1) to (0, 21.5).
        assert!(
            g.prims
                .contains(&Prim::Line(Point::new(0.0, 1.0), Point::new(0.0, 21.5)))
        );
        assert!(close(g.text_mid, Point::new(50.0, 20.0 + 1.0 + 1.25)));
        assert_eq!(
            g.prims
                .iter()
                .filter(|p| matches!(p, Prim::Solid(_)))
                .count(),
            2
        );
    }

    #[test]
    fn vertical_dimension_text_reads_from_the_right_side_of_the_sheet() {
        let g = geometry(&dim(
            DimensionKind::Vertical,
            Point::new(0.0, 100.0),
            Point::new(0.0, 0.0),
            Point::new(-30.0, 50.0),
        ));
        let text = g.prims.iter().find_map(|p| match p {
            Prim::Text {
                at, rotation_deg, ..
            } => Some((*at, *rotation_deg)),
            _ => None,
        });
        let (at, rot) = text.expect("dimension has text");
        assert!((rot - 90.0).abs() < 1e-9);
        // Text sits left of the line (above it, read with the sheet turned clockwise).
        assert!(at.x < -30.0);
    }

    #[test]
    fn short_dimension_puts_arrows_outside() {
        let g = geometry(&dim(
            DimensionKind::Horizontal,
            Point::new(0.0, 0.0),
            Point::new(3.0, 0.0),
            Point::new(1.5, 10.0),
        ));
        let line = g.prims.iter().find_map(|p| match p {
            Prim::Line(a, b) if (a.y - 10.0).abs() < 1e-9 && (b.y - 10.0).abs() < 1e-9 => {
                Some((*a, *b))
            }
            _ => None,
        });
        let (a, b) = line.expect("dimension line");
        assert!(a.x < 0.0 && b.x > 3.0);
    }
}
