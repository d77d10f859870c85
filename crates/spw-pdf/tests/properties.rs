//! Properties: any drawing, however odd, gives a PDF or a typed error and never a panic; every
//! valid door's drawing set writes.

use proptest::prelude::*;
use spw_drawing::{
    Align, Dimension, DimensionKind, Drawing, DrawingOptions, Entity, HatchPattern, IsoFormat,
    LayerName, Orientation, Point, ProjectInfo, Scale, Shape, Sheet, SheetSize, TitleBlockTemplate,
    TitleInfo, View, ViewKind,
};
use spw_model::catalogue::Catalogue;

/// Ordinary numbers, or (when `wild`) sometimes extreme ones or not numbers at all.
fn number(wild: bool) -> impl Strategy<Value = f64> {
    prop_oneof![
        if wild { 8 } else { 1 } => -2000.0..2000.0f64,
        if wild { 1 } else { 0 } =>
        prop::sample::select(vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e9,
            -1e300,
            f64::MIN_POSITIVE,
        ]),
    ]
}

/// A radius or text height: positive when not `wild`.
fn size(wild: bool) -> impl Strategy<Value = f64> {
    prop_oneof![
        if wild { 0 } else { 1 } => 0.1..60.0f64,
        if wild { 1 } else { 0 } => number(true),
    ]
}

fn point(wild: bool) -> impl Strategy<Value = Point> {
    (number(wild), number(wild)).prop_map(|(x, y)| Point::new(x, y))
}

fn layer() -> impl Strategy<Value = LayerName> {
    prop::sample::select(LayerName::ALL.to_vec())
}

fn align() -> impl Strategy<Value = Align> {
    prop::sample::select(vec![Align::Left, Align::Centre, Align::Right])
}

fn shape(wild: bool) -> impl Strategy<Value = Shape> {
    let pattern = prop::sample::select(vec![
        HatchPattern::Aluminium,
        HatchPattern::Polyamide,
        HatchPattern::Glass,
        HatchPattern::Gasket,
    ]);
    let kind = prop::sample::select(vec![
        DimensionKind::Horizontal,
        DimensionKind::Vertical,
        DimensionKind::Aligned,
    ]);
    prop_oneof![
        (point(wild), point(wild)).prop_map(|(a, b)| Shape::Line { a, b }),
        (prop::collection::vec(point(wild), 0..6), any::<bool>())
            .prop_map(|(points, closed)| Shape::Polyline { points, closed }),
        (point(wild), size(wild), number(wild), number(wild)).prop_map(
            |(centre, radius, start_deg, end_deg)| {
                Shape::Arc {
                    centre,
                    radius,
                    start_deg,
                    end_deg,
                }
            }
        ),
        (point(wild), size(wild)).prop_map(|(centre, radius)| Shape::Circle { centre, radius }),
        (prop::collection::vec(point(wild), 0..7), pattern)
            .prop_map(|(boundary, pattern)| Shape::Hatch { boundary, pattern }),
        (point(wild), size(wild), ".{0,12}", align(), number(wild)).prop_map(
            |(at, height, value, align, rotation_deg)| Shape::Text {
                at,
                height,
                value,
                align,
                rotation_deg,
            }
        ),
        (kind, point(wild), point(wild), point(wild), size(wild)).prop_map(
            |(kind, p1, p2, line_at, h)| {
                Shape::Dimension(Dimension {
                    kind,
                    p1,
                    p2,
                    line_at,
                    measured: p1.distance(p2),
                    text: spw_drawing::entity::format_mm(p1.distance(p2)),
                    text_height: h,
                })
            }
        ),
    ]
}

fn entities(wild: bool) -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::vec(
        (layer(), shape(wild)).prop_map(|(layer, shape)| Entity { layer, shape }),
        0..12,
    )
}

fn info() -> TitleInfo {
    TitleInfo {
        company: "SFG".into(),
        project: "P".into(),
        customer: "C".into(),
        drawing_number: "SPW600e-DET-009".into(),
        title: "Fuzz".into(),
        date: "2026-12-01".into(),
        drawn_by: "PDF".into(),
        checked_by: "QA".into(),
        revision: "A".into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn odd_drawings_give_a_pdf_or_an_error(
        (paper, view_entities, placement, scale) in any::<bool>().prop_flat_map(|wild| (
            entities(wild),
            entities(wild),
            point(wild),
            prop::sample::select(Scale::STANDARD.to_vec()),
        )),
    ) {
        let view = View { title: "V".into(), kind: ViewKind::Detail, scale, placement, entities: view_entities };
        let sheet = Sheet {
            size: SheetSize { format: IsoFormat::A4, orientation: Orientation::Landscape },
            title: info(),
            views: vec![view],
            paper,
        };
        let drawing = Drawing { layers: Drawing::standard_layers(), sheets: vec![sheet] };
        let all_finite = drawing.sheets[0].paper.iter().chain(&drawing.sheets[0].views[0].entities).all(|e| finite(&e.shape))
            && placement.x.is_finite() && placement.y.is_finite();
        match spw_pdf::write(&drawing, &spw_pdf::DocumentMeta::default()) {
            Ok(bytes) => {
                prop_assert!(all_finite, "a drawing with NaN or infinity must not give a file");
                prop_assert!(bytes.starts_with(b"%PDF-"));
            }
            Err(e) => prop_assert!(
                matches!(e, spw_pdf::PdfError::NonFinite { .. } | spw_pdf::PdfError::OutOfRange { .. }),
                "{e}"
            ),
        }
    }
}

fn finite(s: &Shape) -> bool {
    let p = |q: &Point| q.x.is_finite() && q.y.is_finite();
    match s {
        Shape::Line { a, b } => p(a) && p(b),
        Shape::Polyline { points, .. } => points.iter().all(p),
        Shape::Hatch { boundary, .. } => boundary.iter().all(p),
        Shape::Arc {
            centre,
            radius,
            start_deg,
            end_deg,
        } => p(centre) && radius.is_finite() && start_deg.is_finite() && end_deg.is_finite(),
        Shape::Circle { centre, radius } => p(centre) && radius.is_finite(),
        Shape::Text {
            at,
            height,
            rotation_deg,
            ..
        } => p(at) && height.is_finite() && rotation_deg.is_finite(),
        Shape::Dimension(d) => {
            p(&d.p1)
                && p(&d.p2)
                && p(&d.line_at)
                && d.measured.is_finite()
                && d.text_height.is_finite()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_door_set_writes(cfg in spw_testkit::door()) {
        let cat = Catalogue::builtin().expect("built-in catalogue");
        let text = spw_testkit::door_json(&cfg).to_string();
        let evaluation = spw_validation::evaluate_text(&text, &cat);
        if let Some((cfg, g, _)) = evaluation.valid_parts() {
            let opts = DrawingOptions {
                views: vec![ViewKind::Elevation, ViewKind::Section],
                sheet: SheetSize { format: IsoFormat::A3, orientation: Orientation::Landscape },
                scale: None,
                info: ProjectInfo::default(),
                revision: 0,
                history: Vec::new(),
                revision_note: String::new(),
                sequence: 7,
                template: TitleBlockTemplate::parse(spw_drawing::title_block::BUILTIN).expect("template"),
            };
            if let Ok(drawing) = spw_drawing::drawing_set(cfg, g, &cat, &opts) {
                let meta = spw_pdf::DocumentMeta::for_drawing(&drawing, "Door", "SFG", "test");
                let bytes = spw_pdf::write(&drawing, &meta);
                prop_assert!(bytes.is_ok(), "{:?}", bytes.err());
            }
        }
    }
}
