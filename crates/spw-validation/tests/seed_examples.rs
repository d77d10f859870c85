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
