//! The door configuration a designer edits: the typed form of the design plan's
//! `door_configuration` (7.2.3) and drawing-request body (6.3.2).
//!
//! A `DoorConfiguration` only exists once its fields have the right types and allowed values
//! (see [`crate::config_reader`]); limits and design rules are checked later, against the
//! catalogue and the computed geometry. All lengths are whole millimetres.

use serde::{Deserialize, Serialize};

/// The newest configuration schema version this code reads. Older versions are read unchanged;
/// a newer version is refused rather than half-understood.
pub const SCHEMA_VERSION: u32 = 1;

/// Single or double leaf door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DoorType {
    /// One leaf.
    Single,
    /// Two leaves meeting at a rebated meeting stile.
    Double,
}

impl DoorType {
    /// Number of leaves.
    pub fn leaf_count(self) -> u32 {
        match self {
            DoorType::Single => 1,
            DoorType::Double => 2,
        }
    }
}

/// Which way the leaves swing, seen from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OpeningDirection {
    /// Opens into the building.
    Inward,
    /// Opens out of the building.
    Outward,
}

/// Handing: the side the hinges are on, seen from outside. For a double door both leaves are
/// hinged at the jambs and the handing names the side of the active (master) leaf, which carries
/// the lock and opens first. Default: `left`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Handing {
    /// Hinges on the left seen from outside (double: active leaf on the left).
    Left,
    /// Hinges on the right seen from outside (double: active leaf on the right).
    Right,
}

/// Insulating glass unit type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GlazingType {
    /// Two panes.
    Double,
    /// Three panes.
    Triple,
}

impl GlazingType {
    /// Number of panes.
    pub fn panes(self) -> usize {
        match self {
            GlazingType::Double => 2,
            GlazingType::Triple => 3,
        }
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            GlazingType::Double => "double",
            GlazingType::Triple => "triple",
        }
    }
}

/// Threshold profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ThresholdType {
    /// HA176P, 25 mm.
    Standard,
    /// Low threshold, 15 mm upstand (Approved Document M / DDA).
    Low,
}

/// Surface finish of the aluminium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// Polyester powder coating in a RAL colour.
    PowderCoating,
    /// Anodised.
    Anodised,
    /// Untreated mill finish.
    Mill,
}

impl Finish {
    /// The wire name, also the catalogue id.
    pub fn as_str(self) -> &'static str {
        match self {
            Finish::PowderCoating => "powder_coating",
            Finish::Anodised => "anodised",
            Finish::Mill => "mill",
        }
    }
}

/// Security rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SecurityRating {
    /// PAS 24:2022 enhanced security.
    #[serde(rename = "PAS24")]
    Pas24,
    /// Secured by Design (requires PAS 24 performance too).
    #[serde(rename = "SBD")]
    SecuredByDesign,
    /// No security rating asked for.
    #[serde(rename = "none")]
    None,
}

impl SecurityRating {
    /// Whether PAS 24 performance is required (PAS24 itself, and Secured by Design).
    pub fn needs_pas24(self) -> bool {
        matches!(
            self,
            SecurityRating::Pas24 | SecurityRating::SecuredByDesign
        )
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SecurityRating::Pas24 => "PAS24",
            SecurityRating::SecuredByDesign => "SBD",
            SecurityRating::None => "none",
        }
    }
}

/// A fire resistance rating: UK `FD30`/`FD60` (BS 476-22) or European `EI30`/`EI60`
/// (EN 1634-1). The SPW600e is rated up to 60 minutes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FireRating {
    /// The rating as written, e.g. `FD30`.
    pub designation: String,
    /// Minutes of fire resistance.
    pub minutes: u32,
}

/// Chosen hardware, by catalogue id. `None` means "not specified": hinges are then chosen by
/// the rules, and no lock, handle or closer is supplied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Hardware {
    /// Hinge option id, e.g. `heavy_duty_3_per_leaf`.
    pub hinges: Option<String>,
    /// Lock id, e.g. `multipoint_5_point`.
    pub lock: Option<String>,
    /// Handle id, e.g. `lever_stainless_steel`.
    pub handles: Option<String>,
    /// Closer id, e.g. `overhead_size_4`.
    pub closer: Option<String>,
}

/// Values an integration may send that are really results (design plan 7.2.3 carries
/// `leaf_count`, `leaf_weight` and `overall_u_value`). They are recomputed and compared, never
/// trusted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Declared {
    /// Stated number of leaves.
    pub leaf_count: Option<u32>,
    /// Stated leaf weight, kg.
    pub leaf_weight_kg: Option<f64>,
    /// Stated overall U-value, W/m²K.
    pub overall_u_value: Option<f64>,
}

/// A complete, well-typed door configuration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoorConfiguration {
    /// Single or double.
    pub door_type: DoorType,
    /// Inward or outward opening.
    pub opening_direction: OpeningDirection,
    /// Hinge side (double: active leaf side), seen from outside.
    pub handing: Handing,
    /// Overall frame width, mm.
    pub frame_width_mm: u32,
    /// Overall frame height including threshold, mm.
    pub frame_height_mm: u32,
    /// Leaf width as stated (derived when absent), mm.
    pub leaf_width_mm: Option<u32>,
    /// Leaf height as stated (derived when absent), mm.
    pub leaf_height_mm: Option<u32>,
    /// Double or triple glazing.
    pub glazing_type: GlazingType,
    /// Glazing unit thickness, mm.
    pub glazing_thickness_mm: u32,
    /// A specific catalogue glazing unit; chosen by the rules when absent.
    pub glazing_unit: Option<String>,
    /// Ug override from a glass certificate, W/m²K.
    pub glazing_u_value: Option<f64>,
    /// Spacer id (`warm_edge` or `aluminium`); the catalogue default when absent.
    pub spacer: Option<String>,
    /// Threshold profile.
    pub threshold_type: ThresholdType,
    /// Surface finish.
    pub finish: Finish,
    /// Colour: a RAL Classic code (`RAL 7016`) for powder coating, an anodising shade for anodised.
    pub color: Option<String>,
    /// Hardware choices.
    pub hardware: Hardware,
    /// Security rating.
    pub security_rating: SecurityRating,
    /// Fire rating, if any.
    pub fire_rating: Option<FireRating>,
    /// Acoustic rating Rw in dB, if asked for.
    pub acoustic_rating_db: Option<u32>,
    /// Whether the door must meet Approved Document M (set by choosing the low threshold, or
    /// explicitly with `accessible: true`).
    pub accessible: bool,
    /// Derived values stated by the sender, for comparison only.
    pub declared: Declared,
}

impl DoorConfiguration {
    /// Number of leaves.
    pub fn leaf_count(&self) -> u32 {
        self.door_type.leaf_count()
    }
}
