//! The desktop's operations against the real core: the editable door form and every choice
//! offered are read by the core without complaint; previews carry what the viewer needs;
//! an invalid door is refused with its code and writes nothing.

use spw_desktop::choices::choices;
use spw_desktop::ops;
use spw_desktop::wire::{DoorInput, ExportRequest, HardwareInput, PreviewRequest, Settings};
use spw_model::catalogue::Catalogue;

fn cat() -> Catalogue {
    Catalogue::builtin().expect("built-in catalogue")
}

fn seed() -> DoorInput {
    DoorInput {
        door_type: "double".into(),
        opening_direction: "outward".into(),
        handing: "left".into(),
        frame_width: Some(1870.0),
        frame_height: Some(2235.0),
        glazing_type: "triple".into(),
        glazing_thickness: Some(44.0),
        glazing_unit: None,
        glazing_u_value: None,
        spacer: None,
        threshold_type: "standard".into(),
        finish: "powder_coating".into(),
        color: Some("RAL 7016".into()),
        hardware: HardwareInput {
            hinges: Some("heavy_duty_3_per_leaf".into()),
            lock: Some("multipoint_5_point".into()),
            handles: Some("lever_stainless_steel".into()),
            closer: Some("overhead_size_4".into()),
        },
        security_rating: "PAS24".into(),
        fire_rating: None,
        acoustic_rating: None,
        accessible: false,
    }
}

fn text(d: &DoorInput) -> String {
    serde_json::to_string(d).expect("json")
}

fn date() -> time::Date {
    time::macros::date!(2026 - 12 - 01)
}

#[test]
fn the_editable_form_is_read_by_the_core_field_for_field() {
    let (report, unreadable) = spw_app::validate(&text(&seed()), &cat());
    assert!(!unreadable);
    assert!(report.valid, "{:?}", report.issues);
    assert!(
        report
            .issues
            .iter()
            .all(|i| !matches!(i.code.as_str(), "ERR_VAL_001" | "ERR_VAL_008")),
        "{:?}",
        report.issues
    );
}

#[test]
fn every_offered_choice_is_a_value_the_core_reads() {
    let c = cat();
    let ch = choices(&c);
    let malformed = |d: &DoorInput| {
        let (r, _) = spw_app::validate(&text(d), &c);
        r.issues
            .into_iter()
            .filter(|i| i.code.as_str() == "ERR_VAL_001" || i.code.as_str() == "ERR_VAL_008")
            .collect::<Vec<_>>()
    };
    let mut cases: Vec<DoorInput> = Vec::new();
    let base = seed();
    for o in &ch.door_types {
        cases.push(DoorInput {
            door_type: o.value.clone(),
            ..base.clone()
        });
    }
    for o in &ch.opening_directions {
        cases.push(DoorInput {
            opening_direction: o.value.clone(),
            ..base.clone()
        });
    }
    for o in &ch.handings {
        cases.push(DoorInput {
            handing: o.value.clone(),
            ..base.clone()
        });
    }
    for o in &ch.threshold_types {
        cases.push(DoorInput {
            threshold_type: o.value.clone(),
            ..base.clone()
        });
    }
    for o in &ch.security_ratings {
        cases.push(DoorInput {
            security_rating: o.value.clone(),
            ..base.clone()
        });
    }
    for o in &ch.fire_ratings {
        cases.push(DoorInput {
            fire_rating: Some(o.value.clone()),
            ..base.clone()
        });
    }
    for o in &ch.spacers {
        cases.push(DoorInput {
            spacer: Some(o.value.clone()),
            ..base.clone()
        });
    }
    for f in &ch.finishes {
        cases.push(DoorInput {
            finish: f.value.clone(),
            color: f.shades.first().cloned(),
            ..base.clone()
        });
    }
    for r in ch.ral_colours.iter().take(5) {
        cases.push(DoorInput {
            color: Some(r.code.clone()),
            ..base.clone()
        });
    }
    for u in &ch.glazing_units {
        cases.push(DoorInput {
            glazing_type: u.glazing_type.clone(),
            glazing_thickness: Some(f64::from(u.thickness_mm)),
            glazing_unit: Some(u.code.clone()),
            ..base.clone()
        });
    }
    for h in &ch.hinges {
        let mut d = base.clone();
        d.hardware.hinges = Some(h.value.clone());
        cases.push(d);
    }
    for h in &ch.locks {
        let mut d = base.clone();
        d.hardware.lock = Some(h.value.clone());
        cases.push(d);
    }
    for h in &ch.handles {
        let mut d = base.clone();
        d.hardware.handles = Some(h.value.clone());
        cases.push(d);
    }
    for h in &ch.closers {
        let mut d = base.clone();
        d.hardware.closer = Some(h.value.clone());
        cases.push(d);
    }
    for d in &cases {
        assert_eq!(malformed(d), vec![], "{}", text(d));
    }
    assert!(ch.ral_colours.iter().filter(|r| r.hex.is_some()).count() > 150);
    assert_eq!(
        ch.ral_colours
            .iter()
            .find(|r| r.code == "RAL 7016")
            .and_then(|r| r.hex.clone()),
        Some("#2F353B".into())
    );
    for s in &ch.sheets {
        assert!(
            spw_app::drawings::parse_sheet(&s.value).is_some(),
            "{}",
            s.value
        );
    }
    for s in ch.scales.iter().filter(|s| s.value != "fit") {
        assert!(
            spw_app::drawings::parse_scale(&s.value).is_some(),
            "{}",
            s.value
        );
    }
}

#[test]
fn evaluation_of_a_valid_door_has_u_value_weight_and_price() {
    let e = ops::evaluate_door(&text(&seed()), &cat(), date());
    assert!(e.validation.valid);
    let t = e.thermal.expect("thermal");
    assert!(t.overall_u_value > 0.5 && t.overall_u_value < 2.5);
    assert!(e.bom.expect("bom").leaf_weight_kg > 20.0);
    let p = e.price.expect("price");
    assert!(p.total > p.subtotal && p.subtotal > 100_000, "{p:?}");
}

#[test]
fn an_invalid_width_is_reported_at_frame_width_and_has_no_results() {
    let d = DoorInput {
        frame_width: Some(2600.0),
        ..seed()
    };
    let e = ops::evaluate_door(&text(&d), &cat(), date());
    assert!(!e.validation.valid);
    let i = e
        .validation
        .issues
        .iter()
        .find(|i| i.field == "frame_width")
        .expect("frame_width issue");
    assert_eq!(i.code.as_str(), "ERR_VAL_002");
    assert!(e.thermal.is_none() && e.price.is_none());
}

#[test]
fn a_preview_has_the_sheet_its_views_and_layers() {
    let s = Settings::default();
    let req = PreviewRequest {
        door: text(&seed()),
        view: "elevation".into(),
        sheet: None,
        scale: None,
    };
    let tpl = spw_app::drawings::builtin_template();
    let p = ops::preview_sheet(&req, &cat(), &s, &tpl, date()).expect("preview");
    assert!(p.svg.starts_with("<svg"));
    assert!(p.svg.contains("1870"));
    assert_eq!((p.sheet_width_mm, p.sheet_height_mm), (420.0, 297.0));
    let v = p.views.first().expect("a view");
    assert_eq!(v.kind, "elevation");
    // The elevation's frame is 1870 mm wide; its paper frame (with dimensions) is wider.
    assert!(v.width * f64::from(v.scale_denominator) > 1870.0);
    assert!(v.x >= 0.0 && v.y >= 0.0 && v.x + v.width <= 420.0 && v.y + v.height <= 297.0);
    assert!(p.layers.iter().any(|l| l.id == "layer-FRAME"));
    assert!(
        p.layers
            .iter()
            .all(|l| p.svg.contains(&format!("id=\"{}\"", l.id)))
    );
}

#[test]
fn a_design_answer_carries_the_evaluation_and_the_sheet_of_the_same_door() {
    let s = Settings::default();
    let tpl = spw_app::drawings::builtin_template();
    let req = |d: &DoorInput| PreviewRequest {
        door: text(d),
        view: "elevation".into(),
        sheet: None,
        scale: None,
    };
    let valid = ops::design_door(&req(&seed()), &cat(), &s, &tpl, date());
    assert!(valid.evaluation.validation.valid && valid.refusal.is_none());
    assert!(valid.evaluation.price.is_some());
    let sheet = valid.sheet.expect("a sheet for a valid door");
    assert!(sheet.svg.contains("1870"));
    assert_eq!(sheet.warnings, valid.evaluation.validation.issues);

    let wide = DoorInput {
        frame_width: Some(2600.0),
        ..seed()
    };
    let refused = ops::design_door(&req(&wide), &cat(), &s, &tpl, date());
    assert!(refused.sheet.is_none() && refused.evaluation.price.is_none());
    let why = refused.refusal.expect("why it cannot be drawn");
    assert_eq!(why.code, "ERR_VAL_002");
    assert!(why.message.contains("frame_width"), "{}", why.message);
    assert!(
        refused
            .evaluation
            .validation
            .issues
            .iter()
            .any(|i| i.field == "frame_width" && i.code.as_str() == "ERR_VAL_002")
    );
}

#[test]
fn export_of_an_invalid_door_is_refused_with_its_code() {
    let d = DoorInput {
        frame_width: Some(2600.0),
        ..seed()
    };
    let req = ExportRequest {
        door: text(&d),
        formats: vec!["pdf".into(), "dxf".into()],
        views: vec!["elevation".into()],
        sheet: "A3-landscape".into(),
        scale: "fit".into(),
        folder: "/nonexistent".into(),
        project: String::new(),
        customer: String::new(),
    };
    let tpl = spw_app::drawings::builtin_template();
    let e =
        ops::export_files(&req, &cat(), &Settings::default(), &tpl, date()).expect_err("refused");
    assert_eq!(e.code, "ERR_VAL_002");
    assert!(e.issues.iter().any(|i| i.field == "frame_width"));
}

#[test]
fn a_valid_export_makes_every_file_in_memory() {
    let req = ExportRequest {
        door: text(&seed()),
        formats: vec!["pdf".into(), "dxf".into()],
        views: vec!["elevation".into(), "plan".into()],
        sheet: "A3-landscape".into(),
        scale: "fit".into(),
        folder: String::new(),
        project: "Harbour View".into(),
        customer: "Acme".into(),
    };
    let tpl = spw_app::drawings::builtin_template();
    let files = ops::export_files(&req, &cat(), &Settings::default(), &tpl, date()).expect("files");
    let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "SPW600e-ELV-001-A.dxf",
            "SPW600e-PLN-001-A.dxf",
            "SPW600e-SET-001-A.pdf"
        ]
    );
    let bad = ExportRequest {
        formats: vec!["bmp".into()],
        ..req
    };
    assert_eq!(
        ops::export_files(&bad, &cat(), &Settings::default(), &tpl, date())
            .expect_err("bad format")
            .code,
        "ERR_DWG_001"
    );
}
