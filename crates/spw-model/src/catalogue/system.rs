//! The system's identity, its published limits and the fabrication allowances (`system.toml`).

use serde::Deserialize;

/// What the system is.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SystemInfo {
    /// System name, `SPW600e`.
    pub name: String,
    /// Product code.
    pub product_code: String,
    /// One-line description.
    pub description: String,
    /// Catalogue data version.
    pub version: String,
    /// Frame and leaf depth, mm.
    pub depth_mm: u32,
}

/// The product limits of design plan 2.1.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Minimum frame width, mm.
    pub frame_width_min_mm: u32,
    /// Maximum frame width, mm.
    pub frame_width_max_mm: u32,
    /// Minimum frame height, mm.
    pub frame_height_min_mm: u32,
    /// Maximum frame height, mm.
    pub frame_height_max_mm: u32,
    /// Maximum leaf width, mm.
    pub leaf_width_max_mm: u32,
    /// Maximum leaf height, mm.
    pub leaf_height_max_mm: u32,
    /// Maximum leaf weight, kg.
    pub leaf_weight_max_kg: f64,
    /// Thinnest glazing unit the leaf takes, mm.
    pub glazing_thickness_min_mm: u32,
    /// Thickest glazing unit the leaf takes, mm.
    pub glazing_thickness_max_mm: u32,
    /// Smallest glass pane side, mm.
    pub glass_min_mm: u32,
    /// Allowed difference between a stated and a derived leaf size, mm.
    pub leaf_size_tolerance_mm: u32,
}

/// Fabrication allowances.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Allowances {
    /// Leaf-to-jamb clearance, each side, mm.
    pub edge_gap_mm: u32,
    /// Leaf-to-head clearance, mm.
    pub head_gap_mm: u32,
    /// Leaf-to-threshold clearance, mm.
    pub threshold_gap_mm: u32,
    /// Gap between the leaves of a double door, mm.
    pub meeting_gap_mm: u32,
    /// Glass edge cover under the leaf profile, each side, mm.
    pub glass_edge_cover_mm: u32,
    /// Top hinge centre below the leaf top, mm.
    pub hinge_top_offset_mm: u32,
    /// Bottom hinge centre above the leaf bottom, mm.
    pub hinge_bottom_offset_mm: u32,
    /// Handle height above the threshold base, mm.
    pub handle_height_mm: u32,
    /// Frame fixing distance from corners, mm.
    pub fixing_corner_offset_mm: u32,
    /// Maximum frame fixing centres, mm.
    pub fixing_max_centres_mm: u32,
}

/// Approved Document M figures.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Minimum effective clear width through the (active) leaf, mm.
    pub min_clear_width_mm: u32,
    /// Maximum threshold upstand, mm.
    pub max_threshold_upstand_mm: u32,
}

/// The whole of `system.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SystemFile {
    pub system: SystemInfo,
    pub limits: Limits,
    pub allowances: Allowances,
    pub accessibility: Accessibility,
}
