//! Geometry helpers in paper millimetres: arcs as cubic Béziers, hatch line families, and the
//! mapping from paper millimetres (origin bottom-left, y up) to PDF points on the page.

use spw_drawing::Point;
use std::f64::consts::{FRAC_PI_2, TAU};

/// Narrows a value for krilla, which works in single precision. Every value passed here has been
/// checked to be finite and within [`crate::validate::PAPER_LIMIT_MM`] of the sheet (in points,
/// under 3·10⁵), where `f32` holds it to well under a micrometre.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn to_f32(v: f64) -> f32 {
    v as f32
}

/// Paper mm (y up) to page points as krilla expects them (origin top-left, y down).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageMap {
    /// Sheet height, mm.
    pub(crate) height_mm: f64,
}

impl PageMap {
    /// A paper point on the page, rounded to 1/100 pt (3.5 µm): far finer than any printer,
    /// and it keeps the content streams short.
    pub(crate) fn pt(self, p: Point) -> (f32, f32) {
        (
            to_f32(round_pt(p.x * crate::PT_PER_MM)),
            to_f32(round_pt((self.height_mm - p.y) * crate::PT_PER_MM)),
        )
    }
}

/// Rounds to 1/100 pt.
pub(crate) fn round_pt(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// One cubic Bézier segment after a known start point: two control points and the end.
pub(crate) type Cubic = [Point; 3];

/// A counter-clockwise arc from `start_deg` sweeping `sweep_deg` (positive, at most 360) as a
/// start point and cubic segments of at most 90° each.
pub(crate) fn arc_cubics(
    centre: Point,
    radius: f64,
    start_deg: f64,
    sweep_deg: f64,
) -> (Point, Vec<Cubic>) {
    let at = |a: f64| Point::new(centre.x + radius * a.cos(), centre.y + radius * a.sin());
    let start = start_deg.to_radians();
    let sweep = sweep_deg.to_radians().clamp(0.0, TAU);
    let n = (sweep / FRAC_PI_2).ceil().clamp(1.0, 4.0);
    let step = sweep / n;
    let k = 4.0 / 3.0 * (step / 4.0).tan() * radius;
    let mut segments = Vec::with_capacity(4);
    let mut a0 = start;
    let mut i = 0.0;
    while i < n {
        let a1 = start + step * (i + 1.0);
        let p0 = at(a0);
        let p3 = at(a1);
        let c1 = Point::new(p0.x - k * a0.sin(), p0.y + k * a0.cos());
        let c2 = Point::new(p3.x + k * a1.sin(), p3.y - k * a1.cos());
        segments.push([c1, c2, p3]);
        a0 = a1;
        i += 1.0;
    }
    (at(start), segments)
}

/// The counter-clockwise sweep from `start_deg` to `end_deg`, in (0, 360]; an arc whose ends
/// coincide modulo 360° but differ is a full turn, identical ends give zero.
pub(crate) fn ccw_sweep_deg(start_deg: f64, end_deg: f64) -> f64 {
    let raw = end_deg - start_deg;
    if raw == 0.0 {
        return 0.0;
    }
    let s = raw.rem_euclid(360.0);
    if s < 1e-9 || 360.0 - s < 1e-9 {
        360.0
    } else {
        s
    }
}

/// Axis-aligned bounds of points.
pub(crate) fn bounds(points: &[Point]) -> Option<(Point, Point)> {
    let first = *points.first()?;
    Some(points.iter().fold((first, first), |(lo, hi), p| {
        (
            Point::new(lo.x.min(p.x), lo.y.min(p.y)),
            Point::new(hi.x.max(p.x), hi.y.max(p.y)),
        )
    }))
}

/// A family of parallel lines at `angle_deg`, `spacing` apart, anchored on the sheet origin
/// (offset by `phase` along the normal) so neighbouring hatches line up, covering the box.
pub(crate) fn hatch_lines(
    lo: Point,
    hi: Point,
    angle_deg: f64,
    spacing: f64,
    phase: f64,
) -> Vec<(Point, Point)> {
    let (s, c) = angle_deg.to_radians().sin_cos();
    let (dx, dy) = (c, s);
    let (nx, ny) = (-s, c);
    let corners = [lo, Point::new(hi.x, lo.y), hi, Point::new(lo.x, hi.y)];
    let along = |p: &Point| p.x * dx + p.y * dy;
    let across = |p: &Point| p.x * nx + p.y * ny;
    let dmin = corners.iter().map(along).fold(f64::INFINITY, f64::min);
    let dmax = corners.iter().map(along).fold(f64::NEG_INFINITY, f64::max);
    let nmin = corners.iter().map(across).fold(f64::INFINITY, f64::min);
    let nmax = corners.iter().map(across).fold(f64::NEG_INFINITY, f64::max);
    if !(spacing > 0.0) || !(nmax - nmin).is_finite() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut o = ((nmin - phase) / spacing).ceil() * spacing + phase;
    while o <= nmax && lines.len() < 100_000 {
        let base = Point::new(o * nx, o * ny);
        lines.push((
            Point::new(base.x + dmin * dx, base.y + dmin * dy),
            Point::new(base.x + dmax * dx, base.y + dmax * dy),
        ));
        o += spacing;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bezier(p0: Point, c: &Cubic, t: f64) -> Point {
        let u = 1.0 - t;
        let [c1, c2, p3] = *c;
        Point::new(
            u * u * u * p0.x + 3.0 * u * u * t * c1.x + 3.0 * u * t * t * c2.x + t * t * t * p3.x,
            u * u * u * p0.y + 3.0 * u * u * t * c1.y + 3.0 * u * t * t * c2.y + t * t * t * p3.y,
        )
    }

    #[test]
    fn arcs_stay_on_the_circle() {
        let c = Point::new(10.0, -5.0);
        for (start, sweep) in [
            (0.0, 90.0),
            (30.0, 200.0),
            (-45.0, 360.0),
            (350.0, 20.0),
            (10.0, 1.0),
        ] {
            let (p0, segs) = arc_cubics(c, 100.0, start, sweep);
            let mut from = p0;
            for s in &segs {
                for i in 0..=20 {
                    let p = bezier(from, s, f64::from(i) / 20.0);
                    let err = (p.distance(c) - 100.0).abs();
                    assert!(err < 0.03, "radial error {err} for {start}+{sweep}");
                }
                from = s[2];
            }
            let end = (start + sweep).to_radians();
            assert!(
                from.distance(Point::new(c.x + 100.0 * end.cos(), c.y + 100.0 * end.sin())) < 1e-9
            );
            assert!(segs.len() <= 4);
        }
    }

    #[test]
    fn page_points_flip_y_and_round() {
        let m = PageMap { height_mm: 297.0 };
        assert_eq!(m.pt(Point::new(0.0, 297.0)), (0.0, 0.0));
        let (x, y) = m.pt(Point::new(25.4, 0.0));
        assert!((x - 72.0).abs() < 1e-4);
        assert!((f64::from(y) - 841.89).abs() < 1e-4, "{y}");
    }

    #[test]
    fn sweeps_are_counter_clockwise() {
        assert!((ccw_sweep_deg(0.0, 90.0) - 90.0).abs() < 1e-12);
        assert!((ccw_sweep_deg(90.0, 0.0) - 270.0).abs() < 1e-12);
        assert!((ccw_sweep_deg(0.0, 360.0) - 360.0).abs() < 1e-12);
        assert!((ccw_sweep_deg(-90.0, 270.0) - 360.0).abs() < 1e-12);
        assert!(ccw_sweep_deg(45.0, 45.0).abs() < 1e-12);
        assert!((ccw_sweep_deg(350.0, 10.0) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn hatch_lines_cover_the_box_at_the_spacing() {
        let lines = hatch_lines(Point::new(0.0, 0.0), Point::new(10.0, 10.0), 45.0, 1.0, 0.0);
        // The box's extent across 45° lines is 10·√2 ≈ 14.1 mm, so 14 or 15 lines.
        assert!((14..=15).contains(&lines.len()), "{}", lines.len());
        for w in lines.windows(2) {
            let (a, b) = (w[0].0, w[1].0);
            let (s, c) = 45f64.to_radians().sin_cos();
            let gap = (b.x - a.x) * -s + (b.y - a.y) * c;
            assert!((gap - 1.0).abs() < 1e-9);
        }
        let horizontal = hatch_lines(Point::new(0.0, 0.2), Point::new(5.0, 3.1), 0.0, 1.0, 0.0);
        let ys: Vec<f64> = horizontal.iter().map(|l| l.0.y).collect();
        assert_eq!(ys.len(), 3);
        assert!((ys[0] - 1.0).abs() < 1e-9 && (ys[2] - 3.0).abs() < 1e-9);
        assert!(hatch_lines(Point::new(0.0, 0.0), Point::new(1.0, 1.0), 0.0, 0.0, 0.0).is_empty());
    }
}
