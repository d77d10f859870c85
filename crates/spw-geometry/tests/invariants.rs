//! Engineering invariants of the geometry, for random doors across the product range.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use spw_geometry::{Rect, RegionKind, build};
use spw_model::Catalogue;
use spw_model::catalogue::ProfileRole;
use spw_model::config::{DoorType, ThresholdType};
use std::sync::LazyLock;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Leaf widths plus clearances, meeting gap and frame sightlines equal the frame width;
    /// leaf height plus head, threshold and clearances equal the frame height.
    #[test]
    fn leaves_gaps_and_sightlines_add_up(cfg in spw_testkit::door()) {
        let cat = &*CAT;
        let g = build(&cfg, cat).expect("a door inside the frame limits builds");
        let a = &cat.allowances;
        let fs = i64::from(cat.profile(ProfileRole::Frame).sightline_mm);
        let ts = i64::from(cat.profile(match cfg.threshold_type {
            ThresholdType::Standard => ProfileRole::ThresholdStandard,
            ThresholdType::Low => ProfileRole::ThresholdLow,
        }).sightline_mm);
        let leaves: i64 = g.leaves.iter().map(|l| l.width_mm()).sum();
        let meeting = if cfg.door_type == DoorType::Double { i64::from(a.meeting_gap_mm) } else { 0 };
        prop_assert_eq!(leaves + meeting + 2 * i64::from(a.edge_gap_mm) + 2 * fs, i64::from(cfg.frame_width_mm));
        for l in &g.leaves {
            prop_assert_eq!(
                l.height_mm() + i64::from(a.head_gap_mm) + fs + i64::from(a.threshold_gap_mm) + ts,
                i64::from(cfg.frame_height_mm)
            );
        }
        if let [a, b] = g.leaves.as_slice() {
            prop_assert!((a.width_mm() - b.width_mm()).abs() <= 1);
        }
    }

    /// The regions partition the frame outline: they lie inside it, never overlap, and their
    /// areas add up to it — so Af + Ag (+ Ap) is the frame's projected area.
    #[test]
    fn regions_partition_the_frame(cfg in spw_testkit::door()) {
        let g = build(&cfg, &CAT).expect("builds");
        let frame = Rect::new(0, 0, i64::from(cfg.frame_width_mm), i64::from(cfg.frame_height_mm)).expect("frame");
        for (i, r) in g.regions.iter().enumerate() {
            prop_assert!(frame.contains(&r.rect), "{} outside the frame", r.label);
            for s in &g.regions[i + 1..] {
                prop_assert!(!r.rect.overlaps(&s.rect), "{} overlaps {}", r.label, s.label);
            }
        }
        prop_assert_eq!(g.total_area_mm2(), frame.area_mm2());
        let by_kind: i64 = [RegionKind::Frame, RegionKind::Threshold, RegionKind::Leaf, RegionKind::MeetingStile, RegionKind::Glazing, RegionKind::Panel]
            .iter().map(|k| g.area_mm2(*k)).sum();
        prop_assert_eq!(by_kind, frame.area_mm2());
    }

    /// Daylight openings sit inside their leaves, glass is larger than its opening by the edge
    /// cover, hinges are on the leaf in ascending order, and the glazing perimeter is the sum of
    /// the openings' perimeters.
    #[test]
    fn leaves_hold_their_glass_and_hardware(cfg in spw_testkit::door()) {
        let cat = &*CAT;
        let g = build(&cfg, cat).expect("builds");
        let cover = cat.allowances.glass_edge_cover_mm;
        for l in &g.leaves {
            prop_assert!(l.outer.contains(&l.daylight));
            prop_assert_eq!(i64::from(l.glass.width_mm), l.daylight.width() + 2 * i64::from(cover));
            prop_assert_eq!(i64::from(l.glass.height_mm), l.daylight.height() + 2 * i64::from(cover));
            prop_assert!(l.hinge_y_mm.windows(2).all(|p| p[0] < p[1]));
            prop_assert!(l.hinge_y_mm.iter().all(|y| (l.outer.y0..=l.outer.y1).contains(y)));
            prop_assert!(l.outer.x0 <= l.lock_at_mm.0 && l.lock_at_mm.0 <= l.outer.x1);
            prop_assert!(l.weight.total_kg() > 0.0);
        }
        prop_assert_eq!(g.glazing_perimeter_mm(), g.leaves.iter().map(|l| l.daylight.perimeter_mm()).sum::<i64>());
        prop_assert_eq!(g.leaves.iter().filter(|l| l.active).count(), 1);
    }

    /// Every piece has a length, frame members match the frame, and leaf members their leaf.
    #[test]
    fn pieces_match_the_members(cfg in spw_testkit::door()) {
        let g = build(&cfg, &CAT).expect("builds");
        prop_assert!(g.pieces.iter().all(|p| p.length_mm > 0 && p.count > 0));
        let head = g.pieces.iter().find(|p| p.label == "frame head").expect("head");
        prop_assert_eq!(head.length_mm, cfg.frame_width_mm);
        let jamb = g.pieces.iter().find(|p| p.label == "frame jamb").expect("jambs");
        prop_assert_eq!((jamb.length_mm, jamb.count), (cfg.frame_height_mm, 2));
        let threshold = g.pieces.iter().find(|p| p.label == "threshold").expect("threshold");
        prop_assert_eq!(i64::from(threshold.length_mm), g.threshold.width());
        for l in &g.leaves {
            let prefix = if g.leaves.len() == 2 { format!("leaf {} ", l.number) } else { "leaf ".into() };
            let stile = g.pieces.iter().find(|p| p.label == format!("{prefix}stile")).expect("stile");
            let rail = g.pieces.iter().find(|p| p.label == format!("{prefix}rail")).expect("rail");
            prop_assert_eq!(i64::from(stile.length_mm), l.height_mm());
            prop_assert_eq!(i64::from(rail.length_mm), l.width_mm());
        }
    }
}

#[test]
fn degenerate_frames_are_refused_not_panicked() {
    let base = spw_testkit::door();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut cfg = base.new_tree(&mut runner).expect("tree").current();
    for (w, h) in [
        (1, 1),
        (100, 2000),
        (2000, 100),
        (200, 200),
        (100_001, 2000),
        (u32::MAX, u32::MAX),
    ] {
        cfg.frame_width_mm = w;
        cfg.frame_height_mm = h;
        let r = build(&cfg, &CAT);
        assert!(r.is_err(), "{w} × {h} built");
    }
}
