//! Placing a sheet in model space: every entity moved to its final model-space position, text
//! and symbol sizes in model units, the layer and dimension-style tables decided.

use crate::DxfError;
use spw_drawing::entity::format_mm;
use spw_drawing::{
    Align, DimensionKind, Drawing, Entity, HatchPattern, LayerName, Linetype, Point, Shape, Sheet,
    View,
};

/// The standard lineweights DXF accepts, 1/100 mm.
const LINEWEIGHTS: [i32; 24] = [
    0, 5, 9, 13, 15, 18, 20, 25, 30, 35, 40, 50, 53, 60, 70, 80, 90, 100, 106, 120, 140, 158, 200,
    211,
];

/// Nearest standard DXF lineweight to `mm`, in 1/100 mm.
pub(crate) fn lineweight_code(mm: f64) -> i64 {
    let target = mm * 100.0;
    let distance = |w: i32| (f64::from(w) - target).abs();
    let best = LINEWEIGHTS.iter().copied().fold(LINEWEIGHTS[0], |best, w| {
        if distance(w) < distance(best) {
            w
        } else {
            best
        }
    });
    i64::from(best)
}

/// A layer table entry.
#[derive(Debug, Clone)]
pub(crate) struct LayerDef {
    /// Name.
    pub(crate) name: &'static str,
    /// AutoCAD colour index, 1..=255.
    pub(crate) aci: i64,
    /// Lineweight, 1/100 mm (a standard value).
    pub(crate) lineweight: i64,
    /// Linetype.
    pub(crate) linetype: Linetype,
}

/// A dimension style: one per (scale, text height, length factor) used on the sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DimStyleDef {
    /// Table name.
    pub(crate) name: String,
    /// `DIMSCALE`: model units per paper millimetre.
    pub(crate) scale: f64,
    /// `DIMTXT`, paper mm.
    pub(crate) text_height: f64,
    /// `DIMLFAC`: measured value per model-space unit (1 for views, 1/S for paper entities).
    pub(crate) lfac: f64,
}

/// Symbol sizes of the dimension style, paper mm (multiplied by `DIMSCALE` in model space).
pub(crate) mod dimsize {
    /// Arrowhead length (`DIMASZ`).
    pub(crate) const ARROW: f64 = 2.5;
    /// Extension line offset from the measured point (`DIMEXO`).
    pub(crate) const EXT_OFFSET: f64 = 1.0;
    /// Extension line overshoot beyond the dimension line (`DIMEXE`).
    pub(crate) const EXT_BEYOND: f64 = 1.5;
    /// Gap between the dimension line and its text (`DIMGAP`).
    pub(crate) const GAP: f64 = 1.0;
}

/// A dimension in model space.
#[derive(Debug, Clone)]
pub(crate) struct PlacedDim {
    /// Kind.
    pub(crate) kind: DimensionKind,
    /// First measured point.
    pub(crate) p1: Point,
    /// Second measured point.
    pub(crate) p2: Point,
    /// A point on the dimension line.
    pub(crate) line_at: Point,
    /// The model's measured value (DXF code 42).
    pub(crate) measured: f64,
    /// Text override, only when the model's text differs from the formatted measurement.
    pub(crate) text_override: Option<String>,
    /// The text shown.
    pub(crate) text: String,
    /// Index into [`Plan::dimstyles`].
    pub(crate) style: usize,
    /// Model units per paper mm for this dimension's symbols.
    pub(crate) k: f64,
    /// Text height, model units.
    pub(crate) text_height: f64,
}

/// A shape in model space.
#[derive(Debug, Clone)]
pub(crate) enum Placed {
    /// LINE.
    Line(Point, Point),
    /// LWPOLYLINE.
    Polyline(Vec<Point>, bool),
    /// ARC.
    Arc {
        centre: Point,
        radius: f64,
        start_deg: f64,
        end_deg: f64,
    },
    /// CIRCLE.
    Circle { centre: Point, radius: f64 },
    /// HATCH; `k` is model units per paper mm for the pattern.
    Hatch {
        boundary: Vec<Point>,
        pattern: HatchPattern,
        k: f64,
    },
    /// TEXT; height in model units.
    Text {
        at: Point,
        height: f64,
        value: String,
        align: Align,
        rotation_deg: f64,
    },
    /// DIMENSION and its block.
    Dim(PlacedDim),
}

/// An entity in model space.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Layer name.
    pub(crate) layer: &'static str,
    /// Geometry.
    pub(crate) shape: Placed,
}

/// Everything the writer needs for one sheet.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The sheet's main scale denominator `S`.
    pub(crate) scale: f64,
    /// Sheet width × S and height × S: the sheet rectangle in model space.
    pub(crate) limits: Point,
    /// Paper size, mm.
    pub(crate) paper: Point,
    /// ISO format name, e.g. `A3`.
    pub(crate) format: &'static str,
    /// Layer table entries (without `0` and `Defpoints`).
    pub(crate) layers: Vec<LayerDef>,
    /// Dimension styles (without `Standard`).
    pub(crate) dimstyles: Vec<DimStyleDef>,
    /// Entities in drawing order.
    pub(crate) items: Vec<Item>,
    /// Drawing extents (min, max).
    pub(crate) extents: (Point, Point),
}

fn finite(p: Point) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

/// How one group of entities (a view, or the sheet's paper entities) maps to model space.
struct Frame {
    origin: Point,
    /// Multiplier for geometry (1 for views, S for paper).
    geo: f64,
    /// Model units per paper mm for text and symbols.
    k: f64,
    /// `DIMLFAC`.
    lfac: f64,
}

impl Frame {
    fn pt(&self, p: Point) -> Point {
        Point::new(
            self.origin.x + p.x * self.geo,
            self.origin.y + p.y * self.geo,
        )
    }
}

fn layer_def(name: LayerName, aci: u8, lineweight_mm: f64, linetype: Linetype) -> LayerDef {
    // ACI 0 means "ByBlock", which a layer cannot have; such a layer is drawn white/black (7).
    let aci = if aci == 0 { 7 } else { i64::from(aci) };
    LayerDef {
        name: name.as_str(),
        aci,
        lineweight: lineweight_code(lineweight_mm),
        linetype,
    }
}

fn dimstyle_name(scale: f64, text_height: f64, lfac: f64) -> String {
    let num = |v: f64| {
        crate::tags::format_real(v)
            .unwrap_or_default()
            .trim_end_matches(".0")
            .to_owned()
    };
    let base = format!("SPW 1-{} {}", num(scale), num(text_height));
    if (lfac - 1.0).abs() < 1e-12 {
        base
    } else {
        format!("{base} PAPER")
    }
}

/// Builds the plan for `sheet`.
pub(crate) fn plan(drawing: &Drawing, sheet: &Sheet) -> Result<Plan, DxfError> {
    let scale = sheet
        .views
        .iter()
        .map(|v| v.scale.0.max(1))
        .max()
        .map_or(1.0, f64::from);
    let (w, h) = sheet.size.mm();

    let mut layers: Vec<LayerDef> = Vec::new();
    for l in &drawing.layers {
        if !layers.iter().any(|d| d.name == l.name.as_str()) {
            layers.push(layer_def(l.name, l.aci, l.lineweight_mm, l.linetype));
        }
    }

    let mut plan = Plan {
        scale,
        limits: Point::new(w * scale, h * scale),
        paper: Point::new(w, h),
        format: sheet.size.format.as_str(),
        layers,
        dimstyles: Vec::new(),
        items: Vec::new(),
        extents: (Point::new(0.0, 0.0), Point::new(w * scale, h * scale)),
    };

    for (vi, view) in sheet.views.iter().enumerate() {
        let k = f64::from(view.scale.0.max(1));
        let placement = view.placement;
        if !finite(placement) {
            return Err(DxfError::NonFinite {
                what: format!("placement of view {vi} ({})", view.title),
            });
        }
        let frame = Frame {
            origin: view_origin(view, scale),
            geo: 1.0,
            k,
            lfac: 1.0,
        };
        for (ei, e) in view.entities.iter().enumerate() {
            place(&mut plan, &frame, e, &|| {
                format!("view {vi} ({}) entity {ei}", view.title)
            })?;
        }
    }
    let frame = Frame {
        origin: Point::new(0.0, 0.0),
        geo: scale,
        k: scale,
        lfac: 1.0 / scale,
    };
    for (ei, e) in sheet.paper.iter().enumerate() {
        place(&mut plan, &frame, e, &|| format!("paper entity {ei}"))?;
    }
    Ok(plan)
}

/// Where a view's model origin goes in model space. At the sheet's scale: `placement × S`. At
/// another scale the true-size geometry is centred on the centre of the view's place on the
/// sheet (scaled by `S`), so it stays inside that place even when the view's origin lies
/// outside its geometry.
pub(crate) fn view_origin(view: &View, scale: f64) -> Point {
    let k = f64::from(view.scale.0.max(1));
    let anchored = Point::new(view.placement.x * scale, view.placement.y * scale);
    if (k - scale).abs() < 1e-12 {
        return anchored;
    }
    let bounds = view
        .entities
        .iter()
        .filter_map(Entity::bounds)
        .filter(|(lo, hi)| finite(*lo) && finite(*hi))
        .reduce(|(alo, ahi), (blo, bhi)| {
            (
                Point::new(alo.x.min(blo.x), alo.y.min(blo.y)),
                Point::new(ahi.x.max(bhi.x), ahi.y.max(bhi.y)),
            )
        });
    match bounds {
        // Paper centre × S is placement × S + c × S / k; the geometry's centre c lands there.
        Some((lo, hi)) => {
            let c = Point::new((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
            let f = scale / k - 1.0;
            Point::new(anchored.x + c.x * f, anchored.y + c.y * f)
        }
        None => anchored,
    }
}

fn place(
    plan: &mut Plan,
    f: &Frame,
    e: &Entity,
    what: &dyn Fn() -> String,
) -> Result<(), DxfError> {
    let nonfinite = || DxfError::NonFinite { what: what() };
    let degenerate = |why: &str| DxfError::Degenerate {
        what: format!("{}: {why}", what()),
    };
    let all_finite = |pts: &[Point]| pts.iter().all(|p| finite(*p));

    if !plan.layers.iter().any(|d| d.name == e.layer.as_str()) {
        let l = e.layer.layer();
        plan.layers
            .push(layer_def(l.name, l.aci, l.lineweight_mm, l.linetype));
    }

    let shape = match &e.shape {
        Shape::Line { a, b } => {
            if !all_finite(&[*a, *b]) {
                return Err(nonfinite());
            }
            Placed::Line(f.pt(*a), f.pt(*b))
        }
        Shape::Polyline { points, closed } => {
            if !all_finite(points) {
                return Err(nonfinite());
            }
            if points.len() < 2 {
                return Err(degenerate("polyline with fewer than 2 points"));
            }
            Placed::Polyline(points.iter().map(|p| f.pt(*p)).collect(), *closed)
        }
        Shape::Arc {
            centre,
            radius,
            start_deg,
            end_deg,
        } => {
            if !finite(*centre)
                || !radius.is_finite()
                || !start_deg.is_finite()
                || !end_deg.is_finite()
            {
                return Err(nonfinite());
            }
            if !(*radius > 0.0) {
                return Err(degenerate("arc radius not positive"));
            }
            Placed::Arc {
                centre: f.pt(*centre),
                radius: radius * f.geo,
                start_deg: *start_deg,
                end_deg: *end_deg,
            }
        }
        Shape::Circle { centre, radius } => {
            if !finite(*centre) || !radius.is_finite() {
                return Err(nonfinite());
            }
            if !(*radius > 0.0) {
                return Err(degenerate("circle radius not positive"));
            }
            Placed::Circle {
                centre: f.pt(*centre),
                radius: radius * f.geo,
            }
        }
        Shape::Hatch { boundary, pattern } => {
            if !all_finite(boundary) {
                return Err(nonfinite());
            }
            let mut pts: Vec<Point> = boundary.iter().map(|p| f.pt(*p)).collect();
            if pts.len() > 1 && pts.first() == pts.last() {
                pts.pop();
            }
            if pts.len() < 3 {
                return Err(degenerate(
                    "hatch boundary with fewer than 3 distinct points",
                ));
            }
            Placed::Hatch {
                boundary: pts,
                pattern: *pattern,
                k: f.k,
            }
        }
        Shape::Text {
            at,
            height,
            value,
            align,
            rotation_deg,
        } => {
            if !finite(*at) || !height.is_finite() || !rotation_deg.is_finite() {
                return Err(nonfinite());
            }
            if !(*height > 0.0) {
                return Err(degenerate("text height not positive"));
            }
            if value.trim().is_empty() {
                // Nothing to draw; AutoCAD discards empty TEXT on load anyway.
                return Ok(());
            }
            Placed::Text {
                at: f.pt(*at),
                height: height * f.k,
                value: value.clone(),
                align: *align,
                rotation_deg: *rotation_deg,
            }
        }
        Shape::Dimension(d) => {
            if !all_finite(&[d.p1, d.p2, d.line_at])
                || !d.measured.is_finite()
                || !d.text_height.is_finite()
            {
                return Err(nonfinite());
            }
            if !(d.text_height > 0.0) {
                return Err(degenerate("dimension text height not positive"));
            }
            let style = DimStyleDef {
                name: dimstyle_name(f.k, d.text_height, f.lfac),
                scale: f.k,
                text_height: d.text_height,
                lfac: f.lfac,
            };
            let style = match plan.dimstyles.iter().position(|s| s.name == style.name) {
                Some(i) => i,
                None => {
                    plan.dimstyles.push(style);
                    plan.dimstyles.len() - 1
                }
            };
            // An empty override means "the measurement" in DXF; a single space shows no text.
            let text_override = if d.text.trim().is_empty() {
                Some(" ".to_owned())
            } else {
                (d.text != format_mm(d.measured)).then(|| d.text.clone())
            };
            Placed::Dim(PlacedDim {
                kind: d.kind,
                p1: f.pt(d.p1),
                p2: f.pt(d.p2),
                line_at: f.pt(d.line_at),
                measured: d.measured,
                text_override,
                text: d.text.clone(),
                style,
                k: f.k,
                text_height: d.text_height * f.k,
            })
        }
    };
    grow_extents(&mut plan.extents, &shape);
    plan.items.push(Item {
        layer: e.layer.as_str(),
        shape,
    });
    Ok(())
}

fn grow_extents(ext: &mut (Point, Point), shape: &Placed) {
    let mut add = |p: Point| {
        ext.0 = Point::new(ext.0.x.min(p.x), ext.0.y.min(p.y));
        ext.1 = Point::new(ext.1.x.max(p.x), ext.1.y.max(p.y));
    };
    match shape {
        Placed::Line(a, b) => {
            add(*a);
            add(*b);
        }
        Placed::Polyline(pts, _) | Placed::Hatch { boundary: pts, .. } => {
            pts.iter().for_each(|p| add(*p))
        }
        Placed::Arc { centre, radius, .. } | Placed::Circle { centre, radius } => {
            add(Point::new(centre.x - radius, centre.y - radius));
            add(Point::new(centre.x + radius, centre.y + radius));
        }
        Placed::Text { at, .. } => add(*at),
        Placed::Dim(d) => {
            add(d.p1);
            add(d.p2);
            add(d.line_at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineweights_snap_to_the_standard_dxf_values() {
        assert_eq!(lineweight_code(0.5), 50);
        assert_eq!(lineweight_code(0.35), 35);
        assert_eq!(lineweight_code(0.13), 13);
        assert_eq!(lineweight_code(0.7), 70);
        assert_eq!(lineweight_code(0.33), 35);
        assert_eq!(lineweight_code(0.0), 0);
        assert_eq!(lineweight_code(5.0), 211);
    }

    #[test]
    fn a_view_at_the_sheet_scale_is_anchored_at_its_scaled_placement() {
        let v = View {
            title: "E".to_owned(),
            kind: spw_drawing::ViewKind::Elevation,
            scale: spw_drawing::Scale(10),
            placement: Point::new(30.0, -80.0),
            entities: vec![Entity::rect(LayerName::Frame, 0.0, 0.0, 1000.0, 2100.0)],
        };
        assert_eq!(view_origin(&v, 10.0), Point::new(300.0, -800.0));
    }

    #[test]
    fn a_view_at_another_scale_is_centred_on_its_place_on_the_sheet() {
        // A 1:2 section whose origin lies far below its geometry, on a 1:10 sheet.
        let v = View {
            title: "S".to_owned(),
            kind: spw_drawing::ViewKind::Section,
            scale: spw_drawing::Scale(2),
            placement: Point::new(100.0, -300.0),
            entities: vec![Entity::rect(LayerName::Frame, 0.0, 1000.0, 60.0, 1100.0)],
        };
        let o = view_origin(&v, 10.0);
        // On paper the section spans x 100..130, y 200..250: centre (115, 225) → (1150, 2250).
        let centre = Point::new(o.x + 30.0, o.y + 1050.0);
        assert!((centre.x - 1150.0).abs() < 1e-9 && (centre.y - 2250.0).abs() < 1e-9);
    }

    #[test]
    fn dimension_styles_are_named_by_scale_and_text_height() {
        assert_eq!(dimstyle_name(10.0, 2.5, 1.0), "SPW 1-10 2.5");
        assert_eq!(dimstyle_name(2.0, 3.5, 0.5), "SPW 1-2 3.5 PAPER");
    }
}
