//! Shared proptest strategies: random door configurations across the product's whole range, so
//! every crate's property tests draw from the same population.

use proptest::prelude::*;
use spw_model::config::{
    Declared, DoorConfiguration, DoorType, Finish, GlazingType, Handing, Hardware,
    OpeningDirection, SecurityRating, ThresholdType,
};

/// Glazing type and a thickness the catalogue stocks for it.
pub fn glazing() -> impl Strategy<Value = (GlazingType, u32)> {
    prop_oneof![
        prop::sample::select(vec![28u32, 32, 36]).prop_map(|t| (GlazingType::Double, t)),
        prop::sample::select(vec![44u32, 48, 52, 56]).prop_map(|t| (GlazingType::Triple, t)),
    ]
}

/// A door configuration inside the frame limits (its leaves may still be too wide or heavy —
/// the rules decide that).
pub fn door() -> impl Strategy<Value = DoorConfiguration> {
    (
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
        600u32..=2000,
        1800u32..=2400,
        glazing(),
        prop::bool::ANY,
        prop::sample::select(vec![Finish::PowderCoating, Finish::Anodised, Finish::Mill]),
        prop::sample::select(vec![
            SecurityRating::None,
            SecurityRating::Pas24,
            SecurityRating::SecuredByDesign,
        ]),
        prop::sample::select(vec![
            None,
            Some("heavy_duty_3_per_leaf"),
            Some("heavy_duty_2_per_leaf"),
        ]),
        prop::bool::ANY,
    )
        .prop_map(
            |(double, outward, left, w, h, (gt, gthk), low, finish, security, hinges, closer)| {
                DoorConfiguration {
                    door_type: if double {
                        DoorType::Double
                    } else {
                        DoorType::Single
                    },
                    opening_direction: if outward {
                        OpeningDirection::Outward
                    } else {
                        OpeningDirection::Inward
                    },
                    handing: if left { Handing::Left } else { Handing::Right },
                    frame_width_mm: w,
                    frame_height_mm: h,
                    leaf_width_mm: None,
                    leaf_height_mm: None,
                    glazing_type: gt,
                    glazing_thickness_mm: gthk,
                    glazing_unit: None,
                    glazing_u_value: None,
                    spacer: None,
                    threshold_type: if low {
                        ThresholdType::Low
                    } else {
                        ThresholdType::Standard
                    },
                    finish,
                    color: match finish {
                        Finish::PowderCoating => Some("RAL 7016".into()),
                        Finish::Anodised => Some("natural_silver".into()),
                        Finish::Mill => None,
                    },
                    hardware: Hardware {
                        hinges: hinges.map(str::to_owned),
                        lock: Some("multipoint_5_point".into()),
                        handles: Some("lever_stainless_steel".into()),
                        closer: closer.then(|| "overhead_size_5".to_owned()),
                    },
                    security_rating: security,
                    fire_rating: None,
                    acoustic_rating_db: None,
                    accessible: low,
                    declared: Declared::default(),
                }
            },
        )
}

/// A door configuration as the JSON a user writes.
pub fn door_json(cfg: &DoorConfiguration) -> serde_json::Value {
    serde_json::json!({
        "type": cfg.door_type,
        "opening_direction": cfg.opening_direction,
        "handing": cfg.handing,
        "frame_width": cfg.frame_width_mm,
        "frame_height": cfg.frame_height_mm,
        "glazing_type": cfg.glazing_type,
        "glazing_thickness": cfg.glazing_thickness_mm,
        "threshold_type": cfg.threshold_type,
        "finish": cfg.finish,
        "color": cfg.color,
        "hardware": {
            "hinges": cfg.hardware.hinges,
            "lock": cfg.hardware.lock,
            "handles": cfg.hardware.handles,
            "closer": cfg.hardware.closer,
        },
        "security_rating": cfg.security_rating,
    })
}
