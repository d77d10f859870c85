//! Drawing one sheet onto a page: entities brought to paper millimetres, fills behind lines,
//! layers in their drawing order, each stroked with its colour, lineweight and dash pattern.

use crate::PT_PER_MM;
use crate::font::TextFont;
use crate::geom::{self, PageMap, arc_cubics, ccw_sweep_deg, hatch_lines, to_f32};
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point as PdfPoint, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use spw_drawing::{
    Align, Dimension, Drawing, Entity, HatchPattern, Layer, LayerName, Point, Rgb, Shape, Sheet,
    View,
};

/// Lineweight of hatch pattern lines, mm: thinner than any outline.
const HATCH_LINE_MM: f64 = 0.09;
/// Gap between a measured point and the start of its extension line, mm.
const EXT_GAP_MM: f64 = 1.0;
/// How far an extension line runs past the dimension line, mm.
const EXT_OVERSHOOT_MM: f64 = 2.0;
/// Arrowhead length, mm.
const ARROW_LEN_MM: f64 = 2.5;
/// Arrowhead half width, mm (a slender 1:3 closed, filled arrow).
const ARROW_HALF_MM: f64 = 0.42;
/// Gap between the dimension line and the baseline of its text, mm.
const DIM_TEXT_GAP_MM: f64 = 1.0;

/// One entity ready to draw: its layer's definition and its shape in paper millimetres.
struct Item {
    layer: Layer,
    shape: Shape,
}

/// Draws a sheet: its paper entities and all its views.
pub(crate) fn sheet(surface: &mut Surface<'_>, drawing: &Drawing, sheet: &Sheet, font: &TextFont) {
    let (w_mm, h_mm) = sheet.size.mm();
    let mut items: Vec<((u8, usize, usize), Item)> = Vec::new();
    let mut push = |entity: &Entity, view: Option<&View>| {
        let layer = drawing
            .layers
            .iter()
            .find(|l| l.name == entity.layer)
            .copied()
            .unwrap_or_else(|| entity.layer.layer());
        let rank = LayerName::ALL
            .iter()
            .position(|l| *l == entity.layer)
            .unwrap_or(LayerName::ALL.len());
        let shape = match view {
            Some(v) => to_paper(&entity.shape, v),
            None => entity.shape.clone(),
        };
        // Fills and hatches go behind every line, whatever their layer.
        let pass = u8::from(!matches!(shape, Shape::Hatch { .. }));
        let order = items.len();
        items.push(((pass, rank, order), Item { layer, shape }));
    };
    for e in &sheet.paper {
        push(e, None);
    }
    for v in &sheet.views {
        for e in &v.entities {
            push(e, Some(v));
        }
    }
    items.sort_by_key(|(key, _)| *key);

    let mut page = Page {
        surface,
        map: PageMap { height_mm: h_mm },
        width_mm: w_mm,
        font,
    };
    for (_, item) in &items {
        page.item(item);
    }
}

/// A view's shape in paper millimetres.
fn to_paper(shape: &Shape, view: &View) -> Shape {
    let p = |q: &Point| view.to_paper(*q);
    let f = view.scale.factor();
    match shape {
        Shape::Line { a, b } => Shape::Line { a: p(a), b: p(b) },
        Shape::Polyline { points, closed } => Shape::Polyline {
            points: points.iter().map(p).collect(),
            closed: *closed,
        },
        Shape::Arc {
            centre,
            radius,
            start_deg,
            end_deg,
        } => Shape::Arc {
            centre: p(centre),
            radius: radius * f,
            start_deg: *start_deg,
            end_deg: *end_deg,
        },
        Shape::Circle { centre, radius } => Shape::Circle {
            centre: p(centre),
            radius: radius * f,
        },
        Shape::Hatch { boundary, pattern } => Shape::Hatch {
            boundary: boundary.iter().map(p).collect(),
            pattern: *pattern,
        },
        Shape::Text {
            at,
            height,
            value,
            align,
            rotation_deg,
        } => Shape::Text {
            at: p(at),
            height: *height,
            value: value.clone(),
            align: *align,
            rotation_deg: *rotation_deg,
        },
        Shape::Dimension(d) => Shape::Dimension(Dimension {
            p1: p(&d.p1),
            p2: p(&d.p2),
            line_at: p(&d.line_at),
            ..d.clone()
        }),
    }
}

struct Page<'a, 's> {
    surface: &'a mut Surface<'s>,
    map: PageMap,
    width_mm: f64,
    font: &'a TextFont,
}

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

/// A colour mixed with white: `percent` 0 gives white, 100 the colour.
fn tint(c: Rgb, percent: u16) -> Rgb {
    let p = percent.min(100);
    let mix = |v: u8| {
        let t = 255 - (255 - u16::from(v)) * p / 100;
        u8::try_from(t).unwrap_or(u8::MAX)
    };
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

fn solid_fill(c: Rgb) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(c: Rgb, width_mm: f64, dash_mm: &[f64]) -> Stroke {
    let dash = (!dash_mm.is_empty()).then(|| StrokeDash {
        array: dash_mm.iter().map(|d| to_f32(d * PT_PER_MM)).collect(),
        offset: 0.0,
    });
    Stroke {
        paint: colour(c).into(),
        width: to_f32(width_mm.max(0.0) * PT_PER_MM),
        miter_limit: 4.0,
        // Dashes keep their drawn length with butt caps; solid lines end round.
        line_cap: if dash.is_some() {
            LineCap::Butt
        } else {
            LineCap::Round
        },
        line_join: LineJoin::Round,
        opacity: NormalizedF32::ONE,
        dash,
    }
}

fn layer_stroke(layer: &Layer) -> Stroke {
    stroke(
        layer.colour,
        layer.lineweight_mm,
        layer.linetype.pattern_mm(),
    )
}

impl Page<'_, '_> {
    fn item(&mut self, item: &Item) {
        let layer = &item.layer;
        match &item.shape {
            Shape::Line { a, b } => {
                let path = self.polyline(&[*a, *b], false);
                self.stroke_path(path, layer_stroke(layer));
            }
            Shape::Polyline { points, closed } => {
                let path = self.polyline(points, *closed);
                self.stroke_path(path, layer_stroke(layer));
            }
            Shape::Arc {
                centre,
                radius,
                start_deg,
                end_deg,
            } => {
                let sweep = ccw_sweep_deg(*start_deg, *end_deg);
                if *radius > 0.0 && sweep > 0.0 {
                    let path = self.arc(*centre, *radius, *start_deg, sweep, false);
                    self.stroke_path(path, layer_stroke(layer));
                }
            }
            Shape::Circle { centre, radius } => {
                if *radius > 0.0 {
                    let path = self.arc(*centre, *radius, 0.0, 360.0, true);
                    self.stroke_path(path, layer_stroke(layer));
                }
            }
            Shape::Hatch { boundary, pattern } => self.hatch(layer, boundary, *pattern),
            Shape::Text {
                at,
                height,
                value,
                align,
                rotation_deg,
            } => {
                self.text(*at, *height, value, *align, *rotation_deg, layer.colour);
            }
            Shape::Dimension(d) => self.dimension(layer, d),
        }
    }

    fn polyline(&self, points: &[Point], closed: bool) -> Option<Path> {
        if points.len() < 2 {
            return None;
        }
        let mut pb = PathBuilder::new();
        for (i, p) in points.iter().enumerate() {
            let (x, y) = self.map.pt(*p);
            if i == 0 {
                pb.move_to(x, y)
            } else {
                pb.line_to(x, y)
            }
        }
        if closed {
            pb.close();
        }
        pb.finish()
    }

    fn arc(
        &self,
        centre: Point,
        radius: f64,
        start_deg: f64,
        sweep_deg: f64,
        closed: bool,
    ) -> Option<Path> {
        let (start, segments) = arc_cubics(centre, radius, start_deg, sweep_deg);
        let mut pb = PathBuilder::new();
        let (x, y) = self.map.pt(start);
        pb.move_to(x, y);
        for [c1, c2, end] in segments {
            let (x1, y1) = self.map.pt(c1);
            let (x2, y2) = self.map.pt(c2);
            let (x, y) = self.map.pt(end);
            pb.cubic_to(x1, y1, x2, y2, x, y);
        }
        if closed {
            pb.close();
        }
        pb.finish()
    }

    fn stroke_path(&mut self, path: Option<Path>, stroke: Stroke) {
        if let Some(path) = path {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(stroke));
            self.surface.draw_path(&path);
        }
    }

    fn fill_path(&mut self, path: Option<Path>, c: Rgb) {
        if let Some(path) = path {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(solid_fill(c)));
            self.surface.draw_path(&path);
        }
    }

    /// Line families (angle°, spacing mm, phase mm) making up each pattern.
    fn families(pattern: HatchPattern) -> &'static [(f64, f64, f64)] {
        match pattern {
            // Pairs of 45° lines, as ANSI32.
            HatchPattern::Aluminium => &[(45.0, 1.6, 0.0), (45.0, 1.6, 0.45)],
            HatchPattern::Polyamide => &[(45.0, 1.0, 0.0), (135.0, 1.0, 0.0)],
            HatchPattern::Glass => &[(60.0, 5.0, 0.0)],
            HatchPattern::Gasket => &[],
        }
    }

    fn hatch(&mut self, layer: &Layer, boundary: &[Point], pattern: HatchPattern) {
        if boundary.len() < 3 {
            return;
        }
        let Some(outline) = self.polyline(boundary, true) else {
            return;
        };
        match pattern {
            HatchPattern::Gasket => {
                self.fill_path(Some(outline), Rgb(40, 40, 40));
                return;
            }
            HatchPattern::Glass => {
                let tinted = self.polyline(boundary, true);
                self.fill_path(tinted, tint(layer.colour, 12));
            }
            HatchPattern::Aluminium | HatchPattern::Polyamide => {}
        }
        // Only the part of the boundary on the sheet needs lines.
        let Some((lo, hi)) = geom::bounds(boundary) else {
            return;
        };
        let page_hi_y = self.map.height_mm;
        let lo = Point::new(lo.x.max(0.0), lo.y.max(0.0));
        let hi = Point::new(hi.x.min(self.width_mm), hi.y.min(page_hi_y));
        if !(lo.x < hi.x && lo.y < hi.y) {
            return;
        }
        let mut pb = PathBuilder::new();
        for &(angle, spacing, phase) in Self::families(pattern) {
            for (a, b) in hatch_lines(lo, hi, angle, spacing, phase) {
                let (ax, ay) = self.map.pt(a);
                let (bx, by) = self.map.pt(b);
                pb.move_to(ax, ay);
                pb.line_to(bx, by);
            }
        }
        let Some(lines) = pb.finish() else { return };
        self.surface.push_clip_path(&outline, &FillRule::EvenOdd);
        let mut s = stroke(layer.colour, HATCH_LINE_MM, &[]);
        s.line_cap = LineCap::Butt;
        self.stroke_path(Some(lines), s);
        self.surface.pop();
    }

    /// Single-line text. `height` (paper mm) is the font size, as the drawing model lays text
    /// out and as the SVG export draws it.
    fn text(
        &mut self,
        at: Point,
        height: f64,
        value: &str,
        align: Align,
        rotation_deg: f64,
        c: Rgb,
    ) {
        let shaped = self.font.shape(value);
        if shaped.glyphs.is_empty() {
            return;
        }
        let size_pt = height * PT_PER_MM;
        let width_pt = shaped.width_em * size_pt;
        let dx = match align {
            Align::Left => 0.0,
            Align::Centre => -width_pt / 2.0,
            Align::Right => -width_pt,
        };
        let (x, y) = self.map.pt(at);
        let rotation = rotation_deg.rem_euclid(360.0);
        let rotated = rotation != 0.0;
        if rotated {
            // Counter-clockwise on paper is clockwise in the page's y-down space.
            self.surface
                .push_transform(&Transform::from_rotate_at(to_f32(-rotation), x, y));
        }
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(solid_fill(c)));
        self.surface.draw_glyphs(
            PdfPoint::from_xy(x + to_f32(dx), y),
            &shaped.glyphs,
            self.font.font.clone(),
            value,
            to_f32(size_pt),
            false,
        );
        if rotated {
            self.surface.pop();
        }
    }

    fn arrow(&mut self, tip: Point, dir: (f64, f64), c: Rgb) {
        // `dir` points from the tip back along the arrow's body.
        let base = Point::new(tip.x + dir.0 * ARROW_LEN_MM, tip.y + dir.1 * ARROW_LEN_MM);
        let (nx, ny) = (-dir.1 * ARROW_HALF_MM, dir.0 * ARROW_HALF_MM);
        let pts = [
            tip,
            Point::new(base.x + nx, base.y + ny),
            Point::new(base.x - nx, base.y - ny),
        ];
        let path = self.polyline(&pts, true);
        self.fill_path(path, c);
    }

    fn dimension(&mut self, layer: &Layer, d: &Dimension) {
        let (a, b) = d.line_ends();
        let thin = stroke(layer.colour, layer.lineweight_mm, &[]);
        for (p, e) in [(d.p1, a), (d.p2, b)] {
            let len = p.distance(e);
            if len > EXT_GAP_MM {
                let u = ((e.x - p.x) / len, (e.y - p.y) / len);
                let from = Point::new(p.x + u.0 * EXT_GAP_MM, p.y + u.1 * EXT_GAP_MM);
                let to = Point::new(e.x + u.0 * EXT_OVERSHOOT_MM, e.y + u.1 * EXT_OVERSHOOT_MM);
                let path = self.polyline(&[from, to], false);
                self.stroke_path(path, thin.clone());
            }
        }
        let len = a.distance(b);
        let mid = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        let mut angle = 0.0;
        if len > 1e-9 {
            let u = ((b.x - a.x) / len, (b.y - a.y) / len);
            angle = u.1.atan2(u.0).to_degrees();
            let inside = len >= 2.0 * ARROW_LEN_MM + 1.0;
            let (from, to, at_a, at_b) = if inside {
                (a, b, u, (-u.0, -u.1))
            } else {
                // Too short for arrows between the extension lines: they point in from outside.
                let run = ARROW_LEN_MM + 1.5;
                (
                    Point::new(a.x - u.0 * run, a.y - u.1 * run),
                    Point::new(b.x + u.0 * run, b.y + u.1 * run),
                    (-u.0, -u.1),
                    u,
                )
            };
            let path = self.polyline(&[from, to], false);
            self.stroke_path(path, thin);
            self.arrow(a, at_a, layer.colour);
            self.arrow(b, at_b, layer.colour);
        }
        // Text reads from the bottom or the right, as drawings are read.
        if angle > 90.0 + 1e-6 {
            angle -= 180.0;
        } else if angle <= -90.0 + 1e-6 {
            angle += 180.0;
        }
        let (s, c) = angle.to_radians().sin_cos();
        let at = Point::new(mid.x - s * DIM_TEXT_GAP_MM, mid.y + c * DIM_TEXT_GAP_MM);
        self.text(
            at,
            d.text_height,
            &d.text,
            Align::Centre,
            angle,
            layer.colour,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tints_mix_with_white() {
        assert_eq!(tint(Rgb(0, 130, 160), 0), Rgb(255, 255, 255));
        assert_eq!(tint(Rgb(0, 130, 160), 100), Rgb(0, 130, 160));
        assert_eq!(tint(Rgb(0, 0, 0), 50), Rgb(128, 128, 128));
    }

    #[test]
    fn dashed_strokes_use_the_layer_pattern_in_points() {
        let s = layer_stroke(&LayerName::Centre.layer());
        let dash = s.dash.expect("centre lines are dashed");
        assert_eq!(dash.array.len(), 4);
        assert!((f64::from(dash.array[0]) - 12.0 * PT_PER_MM).abs() < 1e-3);
        assert_eq!(s.line_join, LineJoin::Round);
        let solid = layer_stroke(&LayerName::Frame.layer());
        assert!(solid.dash.is_none());
        assert!((f64::from(solid.width) - 0.5 * PT_PER_MM).abs() < 1e-4);
    }
}
