//! The design plan's own example doors, and a door wrong in every way.

use spw_model::{Catalogue, IssueCode, Severity};
use spw_validation::evaluate_text;

fn cat() -> Catalogue {
    Catalogue::builtin().expect("catalogue")
}

#[test]
fn seed_door_configuration_validates() {
    let e = evaluate_text(
        include_str!("../../../examples/seed-door-configuration.json"),
        &cat(),
    );
    for i in &e.issues {
        eprintln!("{i}");
    }
    assert!(e.is_valid());
    let codes: Vec<(&str, IssueCode)> = e
        .issues
        .iter()
        .map(|i| (i.field.as_str(), i.code))
        .collect();
    // The plan's stated leaf width (frame / 2) and U-value (0.95) are recomputed, not trusted.
    assert!(
        codes.contains(&("leaf_width", IssueCode::DerivedMismatch)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("overall_u_value", IssueCode::DerivedMismatch)),
        "{codes:?}"
    );
    assert!(e.issues.iter().all(|i| i.severity == Severity::Warning));
    let g = e.geometry.expect("geometry");
    assert_eq!(g.leaves.len(), 2);
    assert_eq!(g.glazing_unit_code, "TGU-44-L");
}

#[test]
fn seed_drawing_request_validates() {
    let e = evaluate_text(
        include_str!("../../../examples/seed-drawing-request.json"),
        &cat(),
    );
    for i in &e.issues {
        eprintln!("{i}");
    }
    assert!(e.is_valid());
}

#[test]
fn single_door_example_validates() {
    let e = evaluate_text(include_str!("../../../examples/single-door.json"), &cat());
    for i in &e.issues {
        eprintln!("{i}");
    }
    assert!(e.is_valid());
}

#[test]
fn invalid_door_reports_every_issue_at_once() {
    let e = evaluate_text(include_str!("../../../examples/invalid-door.json"), &cat());
    for i in &e.issues {
        eprintln!("{i}");
    }
    assert!(!e.is_valid());
    let has =
        |field: &str, code: IssueCode| e.issues.iter().any(|i| i.field == field && i.code == code);
    assert!(has("opening_direction", IssueCode::Malformed));
    assert!(has("frame_width", IssueCode::DimensionLimit));
    assert!(has("leaf_width", IssueCode::DimensionLimit));
    assert!(has("glazing_thickness", IssueCode::Glazing));
    assert!(has("color", IssueCode::Finish));
    assert!(has("hardware.lock", IssueCode::HardwareSecurity));
    assert!(has("fire_rating", IssueCode::FireRating));
    assert!(has("hardware.closer", IssueCode::FireRating));
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> spw_validation::Evaluation {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../../examples/single-door.json")).expect("json");
    edit(&mut v);
    spw_validation::evaluate_value(&v, &cat())
}

#[test]
fn each_rule_family_reports_its_code() {
    let has = |e: &spw_validation::Evaluation, field: &str, code: IssueCode| {
        e.issues.iter().any(|i| i.field == field && i.code == code)
    };
    // Accessibility: an accessible door on the standard threshold, and too narrow a leaf.
    let e = with(|v| {
        v["threshold_type"] = "standard".into();
        v["accessible"] = true.into();
    });
    assert!(
        has(&e, "threshold_type", IssueCode::Accessibility),
        "{:?}",
        e.issues
    );
    let e = with(|v| v["frame_width"] = 800.into());
    assert!(
        has(&e, "frame_width", IssueCode::Accessibility),
        "{:?}",
        e.issues
    );
    // Unknown fields are warnings, the door stays valid.
    let e = with(|v| v["colour_scheme"] = "blue".into());
    assert!(has(&e, "colour_scheme", IssueCode::UnknownField));
    assert!(e.is_valid());
    // PAS 24 / SBD glass must have a laminated inner pane.
    let e = with(|v| v["glazing_unit"] = "DGU-28-T".into());
    assert!(
        has(&e, "glazing_unit", IssueCode::Glazing),
        "{:?}",
        e.issues
    );
    // A named unit of the wrong thickness.
    let e = with(|v| v["glazing_unit"] = "TGU-44-L".into());
    assert!(has(&e, "glazing_unit", IssueCode::Glazing));
    // Too heavy a leaf, too few hinges for it.
    let e = with(|v| {
        v["type"] = "single".into();
        v["frame_width"] = 1120.into();
        v["frame_height"] = 2400.into();
        v["glazing_type"] = "triple".into();
        v["glazing_thickness"] = 52.into();
        v["hardware"]["hinges"] = "standard_2_per_leaf".into();
    });
    assert!(
        has(&e, "leaf_weight", IssueCode::DimensionLimit),
        "{:?}",
        e.issues
    );
    assert!(
        has(&e, "hardware.hinges", IssueCode::HardwareSecurity),
        "{:?}",
        e.issues
    );
    // A closer rated below the leaf.
    let e = with(|v| v["hardware"]["closer"] = "overhead_size_2".into());
    assert!(
        has(&e, "hardware.closer", IssueCode::HardwareSecurity),
        "{:?}",
        e.issues
    );
    // A fire door needs fire glass and a closer.
    let e = with(|v| v["fire_rating"] = "FD30".into());
    assert!(
        has(&e, "glazing_unit", IssueCode::FireRating),
        "{:?}",
        e.issues
    );
    assert!(
        has(&e, "hardware.closer", IssueCode::FireRating),
        "{:?}",
        e.issues
    );
    // ... and with them a smaller leaf (fire glass is heavy) validates.
    let e = with(|v| {
        v["fire_rating"] = "FD30".into();
        v["frame_width"] = 900.into();
        v["frame_height"] = 2000.into();
        v["threshold_type"] = "standard".into();
        v["glazing_thickness"] = 36.into();
        v["hardware"]["closer"] = "overhead_size_4".into();
    });
    assert!(e.is_valid(), "{:?}", e.issues);
    assert_eq!(
        e.geometry.expect("geometry").glazing_unit_code,
        "DGU-36-EI30"
    );
    // Narrow double doors leave glass too small to make.
    let e = with(|v| {
        v["type"] = "double".into();
        v["frame_width"] = 700.into();
    });
    assert!(
        e.issues
            .iter()
            .any(|i| i.code == IssueCode::Glazing || i.code == IssueCode::DimensionLimit),
        "{:?}",
        e.issues
    );
    // A mill finish ignores a colour, with a warning.
    let e = with(|v| v["finish"] = "mill".into());
    assert!(
        e.issues
            .iter()
            .any(|i| i.field == "color" && i.severity == Severity::Warning)
    );
}

#[test]
fn issue_codes_are_distinct() {
    let mut codes: Vec<&str> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), IssueCode::ALL.len());
}
