//! Thermal transmittance of a door set, U_D, by EN ISO 10077-1, from the door's own geometry,
//! and its compliance with the limiting U-values of Approved Document L (England, 2021 edition).
//!
//! U_D = (ΣAg·Ug + ΣAp·Up + ΣAf·Uf + Σlg·ψg + Σlp·ψp) / (ΣAg + ΣAp + ΣAf)
//!
//! Areas and the glazing perimeter come from [`spw_geometry::DoorGeometry`]; Uf per member from
//! the catalogue's profiles, Ug from the glazing unit (or a certified override), ψg from the
//! spacer. Nothing is hard-coded but the regulations' own figures, which are cited below.

mod compliance;
mod formula;

pub use compliance::{Compliance, ENERGY_RATING_BASIS, LIMITS, LimitingValue, energy_rating};
pub use formula::{AreaTerm, EdgeTerm, u_value};

use serde::Serialize;
use spw_geometry::{DoorGeometry, RegionKind};
use spw_model::catalogue::{Catalogue, ProfileRole};
use spw_model::config::{DoorConfiguration, ThresholdType};

/// The method reported with every result.
pub const METHOD: &str = "EN ISO 10077-1";

/// One frame member family and its share of the frame area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramePart {
    /// Member, e.g. `outer frame`, `threshold`.
    pub name: String,
    /// Profile code.
    pub profile_code: String,
    /// Projected area, m².
    pub area_m2: f64,
    /// Uf, W/m²K.
    pub uf: f64,
    /// Af·Uf, W/K.
    pub contribution: f64,
}

/// The full thermal assessment of a door.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thermal {
    /// U_D, W/m²K, unrounded.
    pub overall_u_value: f64,
    /// Area-weighted Uf of all frame members, W/m²K.
    pub frame_u_value: f64,
    /// Ug used, W/m²K.
    pub glazing_u_value: f64,
    /// Whether Ug came from the configuration's override rather than the catalogue.
    pub glazing_u_value_overridden: bool,
    /// ψg used, W/(m·K).
    pub psi_value: f64,
    /// Spacer id used.
    pub spacer: String,
    /// ΣAf, m².
    pub frame_area_m2: f64,
    /// ΣAg, m².
    pub glazing_area_m2: f64,
    /// ΣAp, m².
    pub panel_area_m2: f64,
    /// Σlg, m.
    pub edge_length_m: f64,
    /// ΣAf·Uf, W/K.
    pub frame_contribution: f64,
    /// ΣAg·Ug, W/K.
    pub glazing_contribution: f64,
    /// Σlg·ψg, W/K.
    pub edge_contribution: f64,
    /// Frame members with their own Uf.
    pub frame_parts: Vec<FramePart>,
    /// Verdicts against Approved Document L.
    pub compliance: Vec<Compliance>,
    /// Indicative energy band (see [`ENERGY_RATING_BASIS`]).
    pub energy_rating: char,
}

impl Thermal {
    /// U_D rounded to two decimals, as reported and as judged for compliance.
    pub fn rounded_u_value(&self) -> f64 {
        round2(self.overall_u_value)
    }
}

/// Round to two decimals.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Assess a door. `None` only when the geometry has no area (it never has, once built).
pub fn assess(
    cfg: &DoorConfiguration,
    geometry: &DoorGeometry,
    cat: &Catalogue,
) -> Option<Thermal> {
    let unit = cat.glazing_unit(&geometry.glazing_unit_code)?;
    let spacer = cat
        .spacer(cfg.spacer.as_deref())
        .or_else(|| cat.spacer(None))?;
    let ug = cfg.glazing_u_value.unwrap_or(unit.ug);
    let m2 = |mm2: i64| mm2 as f64 / 1e6;

    let threshold_role = match cfg.threshold_type {
        ThresholdType::Standard => ProfileRole::ThresholdStandard,
        ThresholdType::Low => ProfileRole::ThresholdLow,
    };
    let members = [
        ("outer frame", RegionKind::Frame, ProfileRole::Frame),
        ("threshold", RegionKind::Threshold, threshold_role),
        ("leaf", RegionKind::Leaf, ProfileRole::Leaf),
        (
            "meeting stile",
            RegionKind::MeetingStile,
            ProfileRole::MeetingStile,
        ),
    ];
    let frame_parts: Vec<FramePart> = members
        .iter()
        .filter_map(|(name, kind, role)| {
            let area = m2(geometry.area_mm2(*kind));
            (area > 0.0).then(|| {
                let p = cat.profile(*role);
                FramePart {
                    name: (*name).to_owned(),
                    profile_code: p.code.clone(),
                    area_m2: area,
                    uf: p.uf,
                    contribution: area * p.uf,
                }
            })
        })
        .collect();

    let glazing_area = m2(geometry.area_mm2(RegionKind::Glazing));
    let panel_area = m2(geometry.area_mm2(RegionKind::Panel));
    let edge_length = geometry.glazing_perimeter_mm() as f64 / 1000.0;
    let mut areas: Vec<AreaTerm> = frame_parts
        .iter()
        .map(|p| AreaTerm {
            area_m2: p.area_m2,
            u: p.uf,
        })
        .collect();
    areas.push(AreaTerm {
        area_m2: glazing_area,
        u: ug,
    });
    let edges = [EdgeTerm {
        length_m: edge_length,
        psi: spacer.psi,
    }];
    let overall = u_value(&areas, &edges)?;

    let frame_area: f64 = frame_parts.iter().map(|p| p.area_m2).sum();
    let frame_contribution: f64 = frame_parts.iter().map(|p| p.contribution).sum();
    let rounded = round2(overall);
    Some(Thermal {
        overall_u_value: overall,
        frame_u_value: if frame_area > 0.0 {
            frame_contribution / frame_area
        } else {
            0.0
        },
        glazing_u_value: ug,
        glazing_u_value_overridden: cfg.glazing_u_value.is_some(),
        psi_value: spacer.psi,
        spacer: spacer.id.clone(),
        frame_area_m2: frame_area,
        glazing_area_m2: glazing_area,
        panel_area_m2: panel_area,
        edge_length_m: edge_length,
        frame_contribution,
        glazing_contribution: glazing_area * ug,
        edge_contribution: edge_length * spacer.psi,
        frame_parts,
        compliance: compliance::assess(rounded),
        energy_rating: energy_rating(rounded),
    })
}
