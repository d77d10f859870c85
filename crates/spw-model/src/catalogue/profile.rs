//! Aluminium profiles, thresholds and glazing beads (`profiles.toml`).

use crate::money::Pence;
use serde::Deserialize;

/// Where a profile goes in the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileRole {
    /// Frame head and jambs.
    Frame,
    /// Leaf stiles and rails.
    Leaf,
    /// Meeting-stile astragal of a double door.
    MeetingStile,
    /// Standard threshold.
    ThresholdStandard,
    /// Low (accessible) threshold.
    ThresholdLow,
}

/// A material in a profile cross-section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Material {
    /// Extruded aluminium.
    Aluminium,
    /// Polyamide thermal break.
    Polyamide,
    /// EPDM gasket.
    Gasket,
}

/// One closed outline of a profile's cross-section, in mm (x across the depth, y across the
/// sightline).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionPart {
    /// What it is made of.
    pub material: Material,
    /// Closed polygon, at least three points.
    pub outline: Vec<[f64; 2]>,
}

/// An aluminium profile.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Product code, e.g. `SPW600e-FRAME-75`.
    pub code: String,
    /// Description.
    pub description: String,
    /// Role in the door.
    pub role: ProfileRole,
    /// Visible face width, mm.
    pub sightline_mm: u32,
    /// Depth, mm.
    pub depth_mm: u32,
    /// Mass per metre, kg.
    pub weight_kg_m: f64,
    /// Price per metre (mill finish).
    pub price_per_m: Pence,
    /// Developed surface to finish per metre, m².
    pub finish_area_m2_per_m: f64,
    /// Thermal transmittance Uf, W/m²K.
    pub uf: f64,
    /// Upstand above the floor (thresholds only), mm.
    #[serde(default)]
    pub upstand_mm: Option<u32>,
    /// Cross-section outlines.
    pub section: Vec<SectionPart>,
}

/// A glazing bead for a band of glazing thicknesses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bead {
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// Thinnest unit it holds, mm.
    pub glazing_min_mm: u32,
    /// Thickest unit it holds, mm.
    pub glazing_max_mm: u32,
    /// Visible face width, mm (inside the leaf sightline).
    pub sightline_mm: u32,
    /// Mass per metre, kg.
    pub weight_kg_m: f64,
    /// Price per metre.
    pub price_per_m: Pence,
}

/// The whole of `profiles.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfilesFile {
    pub profile: Vec<Profile>,
    pub bead: Vec<Bead>,
}
