//! BOM properties: every cut is a geometry piece, quantities and costs add up.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use spw_bom::{Category, Quantity, build};
use spw_model::Catalogue;
use std::sync::LazyLock;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_cut_is_a_geometry_piece_and_back(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("builds");
        let bom = build(&cfg, &g, &CAT);
        let mut cuts = Vec::new();
        for item in bom.items_of(Category::Profile) {
            let total: u64 = item.cuts.iter().map(|c| u64::from(c.length_mm) * u64::from(c.count)).sum();
            prop_assert_eq!(item.quantity, Quantity::LengthMm(total), "{} quantity is not its cuts", item.code);
            for c in &item.cuts {
                cuts.push((item.code.clone(), c.label.clone(), c.length_mm, c.count));
            }
        }
        let mut pieces: Vec<_> = g.pieces.iter().map(|p| (p.profile_code.clone(), p.label.clone(), p.length_mm, p.count)).collect();
        cuts.sort();
        pieces.sort();
        prop_assert_eq!(cuts, pieces);
    }

    #[test]
    fn costs_and_weights_add_up(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("builds");
        let bom = build(&cfg, &g, &CAT);
        let sum: i64 = bom.items.iter().map(|i| i.cost.0).sum();
        prop_assert_eq!(sum, bom.material_cost.0);
        let kg: f64 = bom.items.iter().map(|i| i.weight_kg).sum();
        prop_assert!((kg - bom.total_weight_kg).abs() < 1e-9);
        // The door weighs at least its leaves.
        let leaves: f64 = g.leaves.iter().map(|l| l.weight.total_kg()).sum();
        prop_assert!(bom.total_weight_kg + 1e-9 >= leaves * 0.95, "{} < {}", bom.total_weight_kg, leaves);
        let glass = bom.items_of(Category::Glazing).next().expect("glass");
        let panes: u64 = g.leaves.iter().map(|l| u64::from(l.glass.width_mm) * u64::from(l.glass.height_mm)).sum();
        prop_assert_eq!(glass.quantity, Quantity::AreaMm2(panes));
        let hinges: u32 = bom.items.iter().filter(|i| i.code.starts_with("HINGE")).map(|i| match i.quantity { Quantity::Count(n) => n, _ => 0 }).sum();
        prop_assert_eq!(hinges, g.hinges_per_leaf * cfg.leaf_count());
    }
}

#[test]
fn hinge_rule_follows_the_design_plan() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut cfg = spw_testkit::door()
        .new_tree(&mut runner)
        .expect("tree")
        .current();
    cfg.hardware.hinges = None;
    cfg.frame_width_mm = 900;
    cfg.door_type = spw_model::config::DoorType::Single;
    cfg.glazing_type = spw_model::config::GlazingType::Double;
    cfg.glazing_thickness_mm = 28;
    for (h, at_least) in [(2000, 2), (2400, 3)] {
        cfg.frame_height_mm = h;
        let g = spw_geometry::build(&cfg, &CAT).expect("builds");
        assert!(
            g.hinges_per_leaf >= at_least,
            "{h} mm frame has {} hinges",
            g.hinges_per_leaf
        );
        assert!(g.hinges_per_leaf >= g.hinges_required_per_leaf);
    }
}
