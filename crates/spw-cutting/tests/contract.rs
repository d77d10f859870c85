//! Contract tests: the JSON shapes read and printed by the CLI, every error
//! code, the kerf/trim/remnant conventions, remnant use and the cost
//! objective.

use spw_cutting::{
    CutError, CutRequest, CuttingPlan, Piece, RemnantBar, SolveOptions, StockLength, optimise,
    optimise_with_stop, parse_request, validate,
};

fn piece(label: &str, length_mm: u32, count: u32) -> Piece {
    Piece {
        label: label.into(),
        length_mm,
        count,
        group: None,
        mitre_allowance_mm: 0,
    }
}

fn stock(length_mm: u32) -> StockLength {
    StockLength {
        length_mm,
        count: None,
        cost: None,
    }
}

fn request(stock: Vec<StockLength>, pieces: Vec<Piece>) -> CutRequest {
    CutRequest {
        kerf_mm: 5,
        end_trim_mm: 0,
        min_remnant_mm: 0,
        stock,
        remnants: Vec::new(),
        pieces,
    }
}

fn solve(request: &CutRequest) -> CuttingPlan {
    match optimise(request, &SolveOptions::default()) {
        Ok(plan) => plan,
        Err(err) => panic!("unexpected {}: {err}", err.code()),
    }
}

fn error(request: &CutRequest) -> CutError {
    match optimise(request, &SolveOptions::default()) {
        Ok(plan) => panic!("expected an error, got {plan:?}"),
        Err(err) => err,
    }
}

const CONTRACT_INPUT: &str = r#"{
    "kerf_mm": 4,
    "end_trim_mm": 10,
    "min_remnant_mm": 800,
    "stock": [{"length_mm": 6000}, {"length_mm": 6500, "count": 10, "cost": 2300}, {"length_mm": 7000, "cost": 2400}],
    "remnants": [{"length_mm": 2500, "count": 1}],
    "pieces": [
        {"label": "jamb", "length_mm": 2150, "count": 4, "group": "frame-RAL9016", "mitre_allowance_mm": 12},
        {"label": "head", "length_mm": 1130, "count": 2, "group": "frame-RAL9016"},
        {"label": "rail", "length_mm": 980, "count": 3}
    ]
}"#;

#[test]
fn contract_json_parses_and_output_has_the_contract_fields() {
    let mut input: serde_json::Value = match serde_json::from_str(CONTRACT_INPUT) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    // Give every stock length a price so the input is valid.
    input["stock"][0]["cost"] = serde_json::json!(2100);
    let req = match parse_request(&input.to_string()) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(req.kerf_mm, 4);
    assert_eq!(req.pieces[0].mitre_allowance_mm, 12);
    assert_eq!(req.pieces[0].group.as_deref(), Some("frame-RAL9016"));
    assert_eq!(req.stock[1].count, Some(10));
    let plan = solve(&req);
    let out = match serde_json::to_value(&plan) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let bar = &out["bars"][0];
    for field in [
        "stock_length_mm",
        "from_remnant",
        "cuts",
        "waste_mm",
        "remnant_mm",
        "pattern",
    ] {
        assert!(bar.get(field).is_some(), "bar field {field} missing: {bar}");
    }
    let cut = &bar["cuts"][0];
    for field in ["label", "length_mm", "position_mm", "cut_length_mm"] {
        assert!(cut.get(field).is_some(), "cut field {field} missing: {cut}");
    }
    let summary = &out["summary"];
    for field in [
        "total_bars",
        "bars_by_length",
        "waste_percentage",
        "lower_bound_bars",
        "gap_bars",
        "optimal",
        "patterns",
        "stock_cost",
    ] {
        assert!(
            summary.get(field).is_some(),
            "summary field {field} missing: {summary}"
        );
    }
    // bars_by_length is an object keyed by the decimal bar length.
    let by_length = summary["bars_by_length"].as_object().map(|m| {
        m.iter()
            .map(|(k, v)| (k.clone(), v.as_u64()))
            .collect::<Vec<_>>()
    });
    let by_length = by_length.unwrap_or_default();
    assert!(!by_length.is_empty());
    for (key, count) in &by_length {
        assert!(key.parse::<u32>().is_ok(), "key {key}");
        assert!(count.is_some_and(|c| c > 0));
    }
    // The free remnant is used first.
    assert!(
        plan.bars
            .iter()
            .any(|b| b.from_remnant && b.stock_length_mm == 2500)
    );
    // Round trip of the output.
    let back: CuttingPlan = match serde_json::from_value(out) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(back, plan);
}

#[test]
fn request_defaults_and_round_trip() {
    let req = match parse_request(
        r#"{"stock": [{"length_mm": 6000}], "pieces": [{"label": "a", "length_mm": 100, "count": 1}]}"#,
    ) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(req.kerf_mm, 5);
    assert_eq!(req.end_trim_mm, 0);
    assert_eq!(req.min_remnant_mm, 0);
    assert!(req.remnants.is_empty());
    assert_eq!(req.pieces[0].mitre_allowance_mm, 0);
    let text = match serde_json::to_string(&req) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(parse_request(&text), Ok(req));
}

#[test]
fn negative_or_malformed_json_is_err_cut_001() {
    let err = parse_request(
        r#"{"stock": [{"length_mm": -6000}], "pieces": [{"label": "a", "length_mm": 100, "count": 1}]}"#,
    );
    assert_eq!(err.as_ref().map_err(CutError::code), Err("ERR_CUT_001"));
    assert_eq!(parse_request("{").map_err(|e| e.code()), Err("ERR_CUT_001"));
}

#[test]
fn invalid_input_collects_every_issue_with_field_paths() {
    let mut req = request(
        vec![stock(6000), stock(0), stock(6000)],
        vec![
            piece("a", 100, 1),
            piece("b", 0, 1),
            piece("c", 200, 0),
            piece("", 300, 1),
        ],
    );
    req.remnants.push(RemnantBar {
        length_mm: 1000,
        count: 0,
    });
    let err = error(&req);
    assert_eq!(err.code(), "ERR_CUT_001");
    let fields: Vec<&str> = err.issues().iter().map(|i| i.field.as_str()).collect();
    for expected in [
        "stock[1].length_mm",
        "stock[2].length_mm",
        "remnants[0].count",
        "pieces[1].length_mm",
        "pieces[2].count",
        "pieces[3].label",
    ] {
        assert!(
            fields.contains(&expected),
            "{expected} missing from {fields:?}"
        );
    }
    assert!(err.to_string().contains("pieces[1].length_mm"));
    // The message names the limit.
    assert!(err.to_string().contains("between 1 and 100000"), "{err}");
}

#[test]
fn empty_stock_or_pieces_and_unusable_bars_are_err_cut_001() {
    let err = error(&request(Vec::new(), Vec::new()));
    let fields: Vec<&str> = err.issues().iter().map(|i| i.field.as_str()).collect();
    assert_eq!(err.code(), "ERR_CUT_001");
    assert!(
        fields.contains(&"stock") && fields.contains(&"pieces"),
        "{fields:?}"
    );
    let mut req = request(vec![stock(6000)], vec![piece("a", 100, 1)]);
    req.end_trim_mm = 3000;
    let err = error(&req);
    assert_eq!(err.code(), "ERR_CUT_001");
    assert_eq!(err.issues()[0].field, "stock[0].length_mm");
    assert!(err.to_string().contains("end trim"), "{err}");
    let mut req = request(vec![stock(6000)], vec![piece("a", 100, 1)]);
    req.kerf_mm = 5000;
    assert_eq!(error(&req).issues()[0].field, "kerf_mm");
}

#[test]
fn mixed_groups_and_partial_prices_are_rejected() {
    let mut req = request(
        vec![stock(6000)],
        vec![piece("a", 100, 1), piece("b", 200, 1)],
    );
    req.pieces[0].group = Some("frame".into());
    req.pieces[1].group = Some("sash".into());
    let err = error(&req);
    assert_eq!(err.issues()[0].field, "pieces[1].group");
    let mut req = request(vec![stock(6000), stock(7000)], vec![piece("a", 100, 1)]);
    req.stock[1].cost = Some(1000);
    let err = error(&req);
    assert_eq!(err.issues()[0].field, "stock[0].cost");
}

#[test]
fn piece_too_long_is_err_cut_002() {
    let mut req = request(
        vec![stock(6000), stock(6500)],
        vec![piece("ok", 1000, 1), piece("beam", 6490, 1)],
    );
    req.end_trim_mm = 10;
    let err = error(&req);
    assert_eq!(err.code(), "ERR_CUT_002");
    let text = err.to_string();
    assert!(text.contains("beam") && text.contains("6480"), "{text}");
    // Mitre allowance counts against the bar.
    let mut req = request(vec![stock(6000)], vec![piece("m", 5990, 1)]);
    req.pieces[0].mitre_allowance_mm = 20;
    assert_eq!(error(&req).code(), "ERR_CUT_002");
}

#[test]
fn insufficient_limited_stock_is_err_cut_003() {
    let mut req = request(vec![stock(6000)], vec![piece("a", 2000, 7)]);
    req.stock[0].count = Some(2);
    let err = error(&req);
    assert_eq!(err.code(), "ERR_CUT_003");
    assert!(validate(&req).is_err());
    // Enough length in total but not in whole bars: 3 pieces of 3100 need
    // 3 bars of 6000, only 2 exist.
    let mut req = request(vec![stock(6000)], vec![piece("a", 3100, 3)]);
    req.stock[0].count = Some(2);
    assert_eq!(error(&req).code(), "ERR_CUT_003");
}

#[test]
fn kerf_convention_exact_fill_needs_no_trailing_kerf() {
    // 495 + kerf 5 + 500 = 1000: one bar, positions 0 and 500.
    let plan = solve(&request(
        vec![stock(1000)],
        vec![piece("a", 500, 1), piece("b", 495, 1)],
    ));
    assert_eq!(plan.summary.total_bars, 1);
    let cuts = &plan.bars[0].cuts;
    assert_eq!((cuts[0].position_mm, cuts[1].position_mm), (0, 505));
    assert_eq!(cuts[0].length_mm, 500);
    assert_eq!(plan.bars[0].waste_mm, 5);
    // 500 + 5 + 500 = 1005 does not fit a 1000 bar.
    let plan = solve(&request(vec![stock(1000)], vec![piece("a", 500, 2)]));
    assert_eq!(plan.summary.total_bars, 2);
    assert!(plan.summary.optimal);
}

#[test]
fn end_trim_and_mitre_allowance_shift_positions() {
    let mut req = request(vec![stock(2000)], vec![piece("m", 900, 2)]);
    req.end_trim_mm = 20;
    req.pieces[0].mitre_allowance_mm = 45;
    // Usable 1960; 2 × 945 + 5 = 1895 fits.
    let plan = solve(&req);
    assert_eq!(plan.summary.total_bars, 1);
    let bar = &plan.bars[0];
    assert_eq!(bar.cuts[0].cut_length_mm, 945);
    assert_eq!(bar.cuts[1].position_mm, 950);
    // Waste: trims 40, kerfs 5 + 5, mitres 90, offcut 1960 - 1895 - 5 = 60.
    assert_eq!(bar.waste_mm, 40 + 10 + 90 + 60);
    assert_eq!(bar.remnant_mm, 0);
}

#[test]
fn offcuts_at_the_threshold_are_kept_as_remnants() {
    let mut req = request(vec![stock(6000)], vec![piece("a", 5000, 1)]);
    req.min_remnant_mm = 995;
    let plan = solve(&req);
    // Offcut 1000 minus the final kerf = 995: kept.
    assert_eq!(plan.bars[0].remnant_mm, 995);
    assert_eq!(plan.bars[0].waste_mm, 5);
    assert!((plan.summary.waste_percentage - 0.08).abs() < 1e-9);
    req.min_remnant_mm = 996;
    let plan = solve(&req);
    assert_eq!(plan.bars[0].remnant_mm, 0);
    assert_eq!(plan.bars[0].waste_mm, 1000);
    assert!((plan.summary.waste_percentage - 16.67).abs() < 1e-9);
}

#[test]
fn remnants_are_used_before_stock() {
    let mut req = request(
        vec![stock(6000)],
        vec![piece("a", 1200, 2), piece("b", 800, 1)],
    );
    req.remnants.push(RemnantBar {
        length_mm: 2500,
        count: 1,
    });
    req.remnants.push(RemnantBar {
        length_mm: 900,
        count: 2,
    });
    let plan = solve(&req);
    // 1200 + 1200 + kerf fits the 2500 remnant, 800 fits a 900 remnant.
    assert_eq!(plan.summary.stock_bars, 0, "{plan}");
    assert_eq!(plan.summary.remnant_bars, 2);
    assert!(plan.bars.iter().all(|b| b.from_remnant));
    assert!(plan.summary.optimal);
}

#[test]
fn cost_objective_prefers_cheaper_bars() {
    let priced = |cost6000, cost3000| {
        let mut req = request(vec![stock(6000), stock(3000)], vec![piece("a", 1400, 4)]);
        req.stock[0].cost = Some(cost6000);
        req.stock[1].cost = Some(cost3000);
        req
    };
    // Two 3000 bars (2 × 400) beat one 6000 bar (1000).
    let plan = solve(&priced(1000, 400));
    assert_eq!(plan.summary.stock_cost, Some(800));
    assert_eq!(plan.summary.bars_by_length.get(&3000), Some(&2));
    assert!(plan.summary.optimal);
    // With the 6000 bar cheaper per piece, one bar wins.
    let plan = solve(&priced(700, 400));
    assert_eq!(plan.summary.stock_cost, Some(700));
    assert_eq!(plan.summary.total_bars, 1);
    // Uncosted: fewest bars.
    let plan = solve(&request(
        vec![stock(6000), stock(3000)],
        vec![piece("a", 1400, 4)],
    ));
    assert_eq!(plan.summary.total_bars, 1);
    assert_eq!(plan.summary.stock_cost, None);
}

#[test]
fn shorter_stock_is_chosen_to_cut_waste() {
    // One piece of 2900: a 3000 bar wastes less than a 6000 bar.
    let plan = solve(&request(
        vec![stock(6000), stock(3000)],
        vec![piece("a", 2900, 1)],
    ));
    assert_eq!(plan.bars[0].stock_length_mm, 3000);
}

#[test]
fn stop_signal_still_returns_a_valid_plan() {
    let req = request(
        vec![stock(6000)],
        vec![piece("a", 1700, 7), piece("b", 1100, 5)],
    );
    let stop = || true;
    let plan = match optimise_with_stop(&req, &SolveOptions::default(), Some(&stop)) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let pieces: usize = plan.bars.iter().map(|b| b.cuts.len()).sum();
    assert_eq!(pieces, 12);
}

#[test]
fn text_report_lists_bars_and_summary() {
    let plan = solve(&request(vec![stock(6000)], vec![piece("jamb", 2150, 4)]));
    let text = plan.to_string();
    assert_eq!(
        text.lines().filter(|l| l.starts_with('#')).count(),
        2,
        "{text}"
    );
    assert!(text.contains("jamb 2150@0"), "{text}");
    assert!(text.contains("Lower bound: 2 stock bars"), "{text}");
    assert!(text.contains('['), "{text}");
}

#[test]
fn offcuts_are_concentrated_into_kept_remnants() {
    // Two bars either way. FFD packs 3500+2000 and 2000+2000+1500, wasting
    // 2 × 500 mm; 2000+2000+2000 and 3500+1500 waste nothing and keep a
    // 1000 mm remnant.
    let mut req = request(
        vec![stock(6000)],
        vec![
            piece("a", 3500, 1),
            piece("b", 2000, 3),
            piece("c", 1500, 1),
        ],
    );
    req.kerf_mm = 0;
    req.min_remnant_mm = 1000;
    let plan = solve(&req);
    assert_eq!(plan.summary.total_bars, 2);
    assert_eq!(plan.summary.waste_mm, 0, "{plan}");
    assert_eq!(plan.summary.remnant_mm, 1000);
    assert!((plan.summary.waste_percentage - 0.0).abs() < 1e-9);
}

#[test]
fn same_input_gives_identical_output() {
    let req = request(
        vec![stock(6000), stock(6500), stock(7000)],
        (0..12)
            .map(|i| piece(&format!("p{i}"), 700 + 137 * i, 1 + i % 3))
            .collect(),
    );
    let a = solve(&req);
    let b = solve(&req);
    assert_eq!(a, b);
    assert_eq!(a.to_string(), b.to_string());
}
