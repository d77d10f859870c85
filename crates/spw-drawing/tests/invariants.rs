//! Drawing invariants for random doors: the dimensions shown are the geometry's own, their
//! texts never overlap, and every view sits inside the sheet's border, clear of the title block.

use proptest::prelude::*;
use spw_drawing::views::text_width;
use spw_drawing::{
    Dimension, DimensionKind, Drawing, DrawingOptions, IsoFormat, Orientation, ProjectInfo, Shape,
    SheetSize, TitleBlockTemplate, ViewKind, drawing_set,
};
use spw_model::Catalogue;
use std::sync::LazyLock;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

fn options() -> DrawingOptions {
    DrawingOptions {
        views: vec![
            ViewKind::Elevation,
            ViewKind::Plan,
            ViewKind::Section,
            ViewKind::Detail,
            ViewKind::Isometric,
        ],
        sheet: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        scale: None,
        info: ProjectInfo {
            project: "P".into(),
            customer: "C".into(),
            date: "2026-12-01".into(),
            drawn_by: "D".into(),
            checked_by: String::new(),
        },
        revision: 0,
        history: Vec::new(),
        revision_note: String::new(),
        sequence: 1,
        template: TitleBlockTemplate::parse(spw_drawing::title_block::BUILTIN).expect("template"),
    }
}

fn dims(d: &Drawing, kind: ViewKind) -> Vec<&Dimension> {
    d.sheets
        .iter()
        .flat_map(|s| &s.views)
        .filter(|v| v.kind == kind)
        .flat_map(|v| &v.entities)
        .filter_map(|e| match &e.shape {
            Shape::Dimension(d) => Some(d),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn dimensions_are_the_geometry(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("geometry");
        let d = drawing_set(&cfg, &g, &CAT, &options()).expect("drawing");
        // Every dimension measures the distance between its points and shows that value.
        for v in d.sheets.iter().flat_map(|s| &s.views) {
            for e in &v.entities {
                if let Shape::Dimension(dim) = &e.shape {
                    let m = match dim.kind {
                        DimensionKind::Horizontal => (dim.p2.x - dim.p1.x).abs(),
                        DimensionKind::Vertical => (dim.p2.y - dim.p1.y).abs(),
                        DimensionKind::Aligned => dim.p1.distance(dim.p2),
                    };
                    prop_assert!((m - dim.measured).abs() < 1e-9);
                    prop_assert_eq!(&dim.text, &spw_drawing::entity::format_mm(m));
                }
            }
        }
        // The elevation shows the frame size, every leaf width and the leaf height.
        let elv: Vec<f64> = dims(&d, ViewKind::Elevation).iter().map(|d| d.measured).collect();
        let has = |v: i64| elv.iter().any(|m| (m - v as f64).abs() < 1e-9);
        prop_assert!(has(i64::from(cfg.frame_width_mm)), "no {} in {:?}", cfg.frame_width_mm, elv);
        prop_assert!(has(i64::from(cfg.frame_height_mm)));
        for l in &g.leaves {
            prop_assert!(has(l.width_mm()), "leaf width {} missing from {:?}", l.width_mm(), elv);
            prop_assert!(has(l.height_mm()));
        }
        // The sections show the system depth and the frame and leaf sightlines.
        let sec: Vec<f64> = dims(&d, ViewKind::Section).iter().map(|d| d.measured).collect();
        for v in [CAT.system.depth_mm, CAT.profile(spw_model::catalogue::ProfileRole::Frame).sightline_mm, CAT.profile(spw_model::catalogue::ProfileRole::Leaf).sightline_mm] {
            prop_assert!(sec.iter().any(|m| (m - f64::from(v)).abs() < 1e-9), "sections lack {} in {:?}", v, sec);
        }
    }

    #[test]
    fn dimension_texts_never_overlap(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("geometry");
        let d = drawing_set(&cfg, &g, &CAT, &options()).expect("drawing");
        for v in d.sheets.iter().flat_map(|s| &s.views) {
            let boxes: Vec<(f64, f64, f64, f64)> = v
                .entities
                .iter()
                .filter_map(|e| match &e.shape {
                    Shape::Dimension(dim) => {
                        let (a, b) = dim.line_ends();
                        let mid = v.to_paper(spw_drawing::Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
                        let w = text_width(&dim.text, dim.text_height);
                        let h = dim.text_height;
                        Some(match dim.kind {
                            DimensionKind::Vertical => (mid.x - h - 1.0, mid.y - w / 2.0, mid.x, mid.y + w / 2.0),
                            _ => (mid.x - w / 2.0, mid.y, mid.x + w / 2.0, mid.y + h + 1.0),
                        })
                    }
                    _ => None,
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                    prop_assert!(!overlap, "dimension texts overlap in {}: {:?} {:?}", v.title, a, b);
                }
            }
        }
    }

    #[test]
    fn views_sit_inside_the_border_clear_of_the_title_block(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("geometry");
        let opts = options();
        let d = drawing_set(&cfg, &g, &CAT, &opts).expect("drawing");
        for s in &d.sheets {
            let (fx0, fy0, fx1, fy1) = opts.template.frame(s.size);
            let (bx, by) = opts.template.block_corner(s.size);
            for v in &s.views {
                for e in &v.entities {
                    let Some((lo, hi)) = e.bounds() else { continue };
                    let (lo, hi) = (v.to_paper(lo), v.to_paper(hi));
                    prop_assert!(lo.x >= fx0 && hi.x <= fx1 && lo.y >= fy0 && hi.y <= fy1, "{} entity outside the border", v.title);
                    let in_block = hi.x > bx && lo.y < by;
                    prop_assert!(!in_block, "{} entity over the title block: {:?}..{:?}", v.title, lo, hi);
                }
            }
        }
    }
}

#[test]
fn drawing_numbers_and_revisions() {
    let cfg_text = include_str!("../../../examples/seed-door-configuration.json");
    let e = spw_validation::evaluate_text(cfg_text, &CAT);
    let (cfg, g, _) = e.valid_parts().expect("valid");
    let mut opts = options();
    opts.revision = 2;
    let d = drawing_set(cfg, g, &CAT, &opts).expect("drawing");
    let numbers: Vec<&str> = d
        .sheets
        .iter()
        .map(|s| s.title.drawing_number.as_str())
        .collect();
    assert_eq!(
        numbers,
        [
            "SPW600e-ELV-001",
            "SPW600e-PLN-001",
            "SPW600e-SEC-001",
            "SPW600e-DET-001",
            "SPW600e-DET-001-2",
            "SPW600e-ISO-001"
        ]
    );
    assert!(d.sheets.iter().all(|s| s.title.revision == "C"));
    // A scale too large for the sheet is refused with a coded error, not drawn off the sheet.
    opts.scale = Some(spw_drawing::Scale(5));
    let err = drawing_set(cfg, g, &CAT, &opts).expect_err("does not fit");
    assert!(err.to_string().starts_with("ERR_DWG_001"));
    opts.sheet = SheetSize {
        format: IsoFormat::A0,
        orientation: Orientation::Landscape,
    };
    assert!(drawing_set(cfg, g, &CAT, &opts).is_ok(), "1:5 fits on A0");
}
