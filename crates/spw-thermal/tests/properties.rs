//! U-value properties over random doors.

use proptest::prelude::*;
use spw_model::Catalogue;
use spw_model::config::GlazingType;
use spw_thermal::{AreaTerm, EdgeTerm, assess, u_value};
use std::sync::LazyLock;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The U-value equals the formula applied to its own breakdown, and the areas are the
    /// geometry's.
    #[test]
    fn u_equals_its_breakdown(cfg in spw_testkit::door()) {
        let g = spw_geometry::build(&cfg, &CAT).expect("builds");
        let t = assess(&cfg, &g, &CAT).expect("assessed");
        let total = t.frame_area_m2 + t.glazing_area_m2 + t.panel_area_m2;
        let u = (t.frame_contribution + t.glazing_contribution + t.edge_contribution) / total;
        prop_assert!((u - t.overall_u_value).abs() < 1e-9);
        prop_assert!((total - g.total_area_mm2() as f64 / 1e6).abs() < 1e-9);
        let parts: f64 = t.frame_parts.iter().map(|p| p.area_m2 * p.uf).sum();
        prop_assert!((parts - t.frame_contribution).abs() < 1e-9);
        prop_assert!((t.edge_length_m - g.glazing_perimeter_mm() as f64 / 1000.0).abs() < 1e-9);
        prop_assert!(t.overall_u_value > 0.0 && t.overall_u_value < 6.0);
    }

    /// Triple glazing never gives a higher U than double glazing on the same door.
    #[test]
    fn triple_never_worse_than_double(
        cfg in spw_testkit::door(),
        double in prop::sample::select(vec![28u32, 32, 36]),
        triple in prop::sample::select(vec![44u32, 48, 52, 56]),
    ) {
        let mut d = cfg.clone();
        d.glazing_type = GlazingType::Double;
        d.glazing_thickness_mm = double;
        let mut t = cfg;
        t.glazing_type = GlazingType::Triple;
        t.glazing_thickness_mm = triple;
        let ud = assess(&d, &spw_geometry::build(&d, &CAT).expect("double"), &CAT).expect("u");
        let ut = assess(&t, &spw_geometry::build(&t, &CAT).expect("triple"), &CAT).expect("u");
        prop_assert!(ut.overall_u_value <= ud.overall_u_value, "triple {} > double {}", ut.overall_u_value, ud.overall_u_value);
    }

    /// The formula is an area-weighted mean plus the edge term: with no edge it lies between the
    /// smallest and largest U.
    #[test]
    fn formula_is_a_weighted_mean(terms in prop::collection::vec((0.01f64..10.0, 0.1f64..6.0), 1..8)) {
        let areas: Vec<AreaTerm> = terms.iter().map(|&(a, u)| AreaTerm { area_m2: a, u }).collect();
        let u = u_value(&areas, &[]).expect("u");
        let lo = terms.iter().map(|t| t.1).fold(f64::INFINITY, f64::min);
        let hi = terms.iter().map(|t| t.1).fold(0.0, f64::max);
        prop_assert!(u >= lo - 1e-9 && u <= hi + 1e-9);
        let with_edge = u_value(&areas, &[EdgeTerm { length_m: 5.0, psi: 0.08 }]).expect("u");
        prop_assert!(with_edge > u);
    }
}
