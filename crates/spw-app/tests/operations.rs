//! The application operations end to end: JSON text in, wire report out — money to the penny,
//! printed U-values consistent with their printed breakdown, every issue at once.

use proptest::prelude::*;
use serde_json::{Value, json};
use spw_model::Catalogue;
use std::sync::LazyLock;
use time::macros::date;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serialises")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Quote money adds up to the penny, per line and overall.
    #[test]
    fn quote_money_adds_up(
        doors in prop::collection::vec((spw_testkit::door(), 1u32..40), 1..5),
        discount in 0u32..=5000,
        tax in prop::sample::select(vec![0u32, 500, 2000, 1750]),
    ) {
        // Price the doors that pass the rules (random ones may have too wide or heavy a leaf).
        let mut lines: Vec<Value> = doors
            .iter()
            .filter(|(d, _)| spw_validation::evaluate_config(d, &CAT).is_valid())
            .map(|(d, q)| json!({"door_configuration": spw_testkit::door_json(d), "quantity": q}))
            .collect();
        if lines.is_empty() {
            let seed: Value = serde_json::from_str(include_str!("../../../examples/seed-door-configuration.json")).expect("seed");
            lines.push(json!({"door_configuration": seed, "quantity": 3}));
        }
        let text = json!({
            "customer_name": "Test Ltd",
            "discount_percentage": f64::from(discount) / 100.0,
            "tax_percentage": f64::from(tax) / 100.0,
            "lines": lines,
        }).to_string();
        let q = spw_app::quote(&text, date!(2026-12-01), &CAT).expect("valid doors price");
        let sum = |f: fn(&spw_app::report::QuoteLineReport) -> i64| q.lines.iter().map(f).sum::<i64>();
        prop_assert_eq!(sum(|l| l.subtotal.0), q.subtotal.0);
        prop_assert_eq!(sum(|l| l.discount_amount.0), q.discount_amount.0);
        prop_assert_eq!(sum(|l| l.tax_amount.0), q.tax_amount.0);
        prop_assert_eq!(sum(|l| l.total.0), q.total.0);
        prop_assert_eq!(sum(|l| l.material_cost.0), q.material_cost.0);
        prop_assert_eq!(q.total.0, q.subtotal.0 - q.discount_amount.0 + q.tax_amount.0);
        for l in &q.lines {
            prop_assert_eq!(l.total.0, l.subtotal.0 - l.discount_amount.0 + l.tax_amount.0);
            prop_assert_eq!(l.subtotal.0, l.unit_price.0 * i64::from(l.quantity));
            prop_assert!(l.unit_price.0 > l.material_cost.0 / i64::from(l.quantity), "sells below material cost");
        }
        // Discount and VAT are the quote's, each rounded once.
        prop_assert_eq!(i128::from(q.discount_amount.0), (i128::from(q.subtotal.0) * i128::from(discount) * 2 + 10_000).div_euclid(20_000));
        let net = q.subtotal.0 - q.discount_amount.0;
        prop_assert_eq!(i128::from(q.tax_amount.0), (i128::from(net) * i128::from(tax) * 2 + 10_000).div_euclid(20_000));
    }

    /// The printed U-value is the formula applied to the printed breakdown (to rounding).
    #[test]
    fn printed_u_matches_printed_breakdown(cfg in spw_testkit::door()) {
        let text = spw_testkit::door_json(&cfg).to_string();
        let Ok(t) = spw_app::thermal(&text, &CAT) else { return Ok(()); };
        let b = &t.breakdown;
        let u = (b.frame_contribution + b.glazing_contribution + b.edge_contribution)
            / (b.frame_area_m2 + b.glazing_area_m2 + b.panel_area_m2);
        prop_assert!((u - t.overall_u_value).abs() <= 0.0051, "{u} vs {}", t.overall_u_value);
        let compliant_16 = t.overall_u_value <= 1.6;
        prop_assert_eq!(t.compliance[0].pass, compliant_16);
    }

    /// BOM lengths are the cut lengths: each profile line's quantity is its cuts, in metres.
    #[test]
    fn bom_quantities_are_cut_lengths(cfg in spw_testkit::door()) {
        let text = spw_testkit::door_json(&cfg).to_string();
        let Ok(b) = spw_app::bom(&text, &CAT) else { return Ok(()); };
        for item in b.items.iter().filter(|i| !i.cuts.is_empty()) {
            let mm: u64 = item.cuts.iter().map(|c| u64::from(c.length_mm) * u64::from(c.count)).sum();
            prop_assert!((item.quantity - mm as f64 / 1000.0).abs() < 5e-4);
            prop_assert!((item.quantity_with_waste - item.quantity * item.waste_factor).abs() < 2e-3);
        }
    }

    /// No input, however wrong, panics; garbage is ERR_VAL_001.
    #[test]
    fn garbage_never_panics(s in "\\PC{0,300}") {
        let (report, _) = spw_app::validate(&s, &CAT);
        if !report.valid {
            prop_assert!(!report.issues.is_empty());
        }
        let _ = spw_app::thermal(&s, &CAT);
        let _ = spw_app::bom(&s, &CAT);
        let _ = spw_app::quote(&s, date!(2026-12-01), &CAT);
    }

    /// Random JSON of the right shape but wrong values never panics and is always explained.
    #[test]
    fn wrong_values_are_explained(
        w in prop_oneof![Just(json!(null)), any::<i64>().prop_map(Value::from), any::<f64>().prop_map(Value::from), "[a-z]{0,6}".prop_map(Value::from)],
        h in prop_oneof![Just(json!(null)), any::<i64>().prop_map(Value::from), "[0-9]{0,5}".prop_map(Value::from)],
        t in prop_oneof![Just(json!("single")), Just(json!("double")), Just(json!(3)), Just(json!([]))],
        g in prop_oneof![Just(json!(28)), Just(json!(44)), Just(json!(-5)), Just(json!("thick"))],
    ) {
        let text = json!({"type": t, "frame_width": w, "frame_height": h, "glazing_type": "triple",
            "glazing_thickness": g, "opening_direction": "inward", "finish": "mill"}).to_string();
        let (report, unreadable) = spw_app::validate(&text, &CAT);
        prop_assert!(!unreadable);
        for i in &report.issues {
            prop_assert!(!i.message.is_empty());
            prop_assert!(i.code.as_str().starts_with("ERR_VAL_"));
        }
    }
}

#[test]
fn seed_quote_prices() {
    let q = spw_app::quote(
        include_str!("../../../examples/quote.json"),
        date!(2026 - 12 - 01),
        &CAT,
    )
    .expect("prices");
    assert_eq!(q.lines.len(), 2);
    assert_eq!(q.currency, "GBP");
    assert_eq!(q.valid_until, "2026-12-31");
    let v = to_json(&q);
    let money = [
        "material_cost",
        "labor_cost",
        "overhead_cost",
        "subtotal",
        "discount_amount",
        "tax_amount",
        "total",
    ];
    for key in money.iter().chain(&[
        "profit_margin_percentage",
        "estimated_weight_kg",
        "estimated_lead_time_days",
    ]) {
        assert!(v.get(*key).is_some(), "missing {key}");
        assert!(v["lines"][0].get(*key).is_some(), "line missing {key}");
    }
    assert!(v.get("currency").is_some());
    assert!(v["total"].is_i64(), "money is integer pence");
}

#[test]
fn quote_line_issues_are_placed_under_their_line() {
    let text = json!({
        "customer_name": "Test Ltd",
        "lines": [
            {"door_configuration": {"type": "single", "opening_direction": "inward", "frame_width": 900, "frame_height": 2100, "glazing_type": "double", "glazing_thickness": 28, "finish": "mill"}, "quantity": 1},
            {"door_configuration": {"type": "single", "opening_direction": "inward", "frame_width": 5000, "frame_height": 2100, "glazing_type": "double", "glazing_thickness": 28, "finish": "mill"}, "quantity": 0}
        ]
    }).to_string();
    let r = spw_app::quote(&text, date!(2026 - 12 - 01), &CAT).expect_err("invalid");
    let fields: Vec<&str> = r.report.issues.iter().map(|i| i.field.as_str()).collect();
    assert!(
        fields.contains(&"lines[1].door_configuration.frame_width"),
        "{fields:?}"
    );
    assert!(fields.contains(&"lines[1].quantity"), "{fields:?}");
    assert!(!r.unreadable);
}

#[test]
fn thermal_report_has_the_contract_shape() {
    let t = spw_app::thermal(
        include_str!("../../../examples/seed-door-configuration.json"),
        &CAT,
    )
    .expect("u");
    let v = to_json(&t);
    for key in [
        "overall_u_value",
        "frame_u_value",
        "glazing_u_value",
        "psi_value",
        "method",
        "breakdown",
        "compliance",
        "energy_rating",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in [
        "frame_area_m2",
        "glazing_area_m2",
        "panel_area_m2",
        "edge_length_m",
        "frame_contribution",
        "glazing_contribution",
        "edge_contribution",
    ] {
        assert!(v["breakdown"].get(key).is_some(), "missing breakdown.{key}");
    }
    for c in v["compliance"].as_array().expect("array") {
        assert!(c.get("rule").is_some() && c.get("limit").is_some() && c.get("pass").is_some());
    }
    assert_eq!(v["glazing_u_value"], json!(0.6));
}

/// The seed door's leaf weight and labour worked by hand from the catalogue's figures.
#[test]
fn seed_door_figures_by_hand() {
    let e = spw_validation::evaluate_text(
        include_str!("../../../examples/seed-door-configuration.json"),
        &CAT,
    );
    let (cfg, g, _) = e.valid_parts().expect("valid");
    // Leaf 870 × 2141 (frame 1870 − 2×60 jambs − 2×3 clearances − 4 meeting gap, halved;
    // 2235 − 60 head − 3 − 25 threshold − 6), daylight 690 × 1961, glass 718 × 1989.
    let active = g.active_leaf();
    assert_eq!((active.width_mm(), active.height_mm()), (870, 2141));
    assert_eq!((active.glass.width_mm, active.glass.height_mm), (718, 1989));
    let glass = 0.718 * 1.989 * 36.0; // TGU-44-L: 14.4 mm of glass × 2.5 kg/m²
    let profiles = 2.0 * (0.870 + 2.141) * 1.95;
    let beads = 2.0 * ((1.961 + 0.040) + (0.690 + 0.040)) * 0.20;
    let gaskets = (2.0 * (0.870 + 2.141) + 2.0 * 2.0 * (0.690 + 1.961)) * 0.06;
    let hardware = 3.0 * 0.45 + 1.60 + 0.60; // hinges, 5-point lock, lever set
    let expected_active = glass + profiles + beads + gaskets + hardware;
    assert!(
        (active.weight.total_kg() - expected_active).abs() < 1e-9,
        "{} vs {expected_active}",
        active.weight.total_kg()
    );
    let passive = g.leaves.iter().find(|l| !l.active).expect("passive");
    assert!(
        (passive.weight.total_kg() - (expected_active + 2.141 * 0.98)).abs() < 1e-9,
        "the passive leaf carries the astragal"
    );

    // Labour: 1.5 h per door + 3 h per leaf + 0.4 h per m² of glass + 0.2 h per hardware item
    // (6 hinges, 2 locks, 2 handle sets, 2 closers, 1 selector) at £38.00 per hour.
    let bom = spw_bom::build(cfg, g, &CAT);
    let hours: f64 = 1.5 + 3.0 * 2.0 + 0.4 * (2.0 * 0.718 * 1.989) + 0.2 * 13.0;
    let price = spw_quote::price_door(cfg, &bom, &CAT);
    assert!((price.labour_centihours as f64 - (hours * 100.0).round()).abs() < 1e-9);
    assert_eq!(
        price.labor_cost.0,
        (3800 * price.labour_centihours + 50) / 100
    );
    // Overhead 15 % of material + labour, margin 30 % of the selling price.
    let cost = price.material_cost.0 + price.labor_cost.0;
    assert_eq!(price.overhead_cost.0, (cost * 15 + 50) / 100);
    let total_cost = cost + price.overhead_cost.0;
    assert_eq!(price.subtotal.0, (total_cost * 100 * 2 + 70) / (70 * 2));
}

/// Lead time: 15 base days + 5 for powder coating; 7 doors are one batch of 10, so no extra.
/// Twelve doors start a second batch: +5 days.
#[test]
fn lead_time_follows_the_rules() {
    let text = include_str!("../../../examples/quote.json");
    let q = spw_app::quote(text, date!(2026 - 12 - 01), &CAT).expect("prices");
    assert_eq!(q.estimated_lead_time_days, 15 + 5);
    let more = text.replace("\"quantity\": 5", "\"quantity\": 10");
    let q = spw_app::quote(&more, date!(2026 - 12 - 01), &CAT).expect("prices");
    assert_eq!(q.estimated_lead_time_days, 15 + 5 + 5);
}
