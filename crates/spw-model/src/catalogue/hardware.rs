//! Hinges, locks, handles, closers and sundries (`hardware.toml`).

use crate::money::Pence;
use serde::Deserialize;

/// A hinge option: a hinge type and how many go on each leaf.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HingeOption {
    /// Id used in configurations, e.g. `heavy_duty_3_per_leaf`.
    pub id: String,
    /// Product code of the hinge.
    pub code: String,
    /// Description.
    pub description: String,
    /// Hinges per leaf.
    pub per_leaf: u32,
    /// Load one hinge carries, kg.
    pub capacity_kg: f64,
    /// Price per hinge.
    pub price: Pence,
    /// Mass per hinge, kg.
    pub weight_kg: f64,
}

/// A lock.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockItem {
    /// Id.
    pub id: String,
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// Whether it locks at several points (PAS 24 needs this).
    pub multipoint: bool,
    /// Locking points.
    pub points: u32,
    /// Price each.
    pub price: Pence,
    /// Mass each, kg.
    pub weight_kg: f64,
}

/// A handle set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandleItem {
    /// Id.
    pub id: String,
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// Price per set.
    pub price: Pence,
    /// Mass per set, kg.
    pub weight_kg: f64,
}

/// An overhead door closer with its EN 1154 rating.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloserItem {
    /// Id.
    pub id: String,
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// EN 1154 power size.
    pub en1154_size: u32,
    /// Widest leaf it closes, mm.
    pub max_leaf_width_mm: u32,
    /// Heaviest leaf it closes, kg.
    pub max_leaf_mass_kg: f64,
    /// Price each.
    pub price: Pence,
    /// Mass each, kg.
    pub weight_kg: f64,
}

/// Consumables priced by the piece or metre.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sundries {
    /// Closing sequence selector code.
    pub selector_code: String,
    /// Its description.
    pub selector_description: String,
    /// Its price.
    pub selector_price: Pence,
    /// Its mass, kg.
    pub selector_weight_kg: f64,
    /// Gasket code.
    pub gasket_code: String,
    /// Gasket description.
    pub gasket_description: String,
    /// Gasket price per metre.
    pub gasket_price_per_m: Pence,
    /// Gasket mass per metre, kg.
    pub gasket_weight_kg_m: f64,
    /// Fixing code.
    pub fixing_code: String,
    /// Fixing description.
    pub fixing_description: String,
    /// Price per fixing.
    pub fixing_price: Pence,
    /// Mass per fixing, kg.
    pub fixing_weight_kg: f64,
}

/// The whole of `hardware.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HardwareFile {
    pub hinge: Vec<HingeOption>,
    pub lock: Vec<LockItem>,
    pub handle: Vec<HandleItem>,
    pub closer: Vec<CloserItem>,
    pub sundries: Sundries,
}
