//! Finish prices, labour, commercial terms and lead times (`pricing.toml`).

use crate::config::Finish;
use crate::money::{Pence, Percentage};
use serde::Deserialize;

/// How a finish takes a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColourScheme {
    /// A RAL Classic colour.
    Ral,
    /// One of the finish's own named shades.
    Anodised,
    /// No colour.
    None,
}

/// A finish and its price.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishRule {
    /// Which finish.
    pub id: Finish,
    /// Description.
    pub description: String,
    /// Price per m² of developed surface.
    pub price_per_m2: Pence,
    /// Extra lead time, days.
    pub lead_time_days: u32,
    /// How it takes a colour.
    pub colour: ColourScheme,
    /// Named shades (anodised).
    #[serde(default)]
    pub colours: Vec<String>,
}

/// Labour rate and hours.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labour {
    /// Rate per hour.
    pub rate_per_hour: Pence,
    /// Hours per door.
    pub hours_per_door: f64,
    /// Hours per leaf.
    pub hours_per_leaf: f64,
    /// Hours per m² of glass.
    pub hours_per_glass_m2: f64,
    /// Hours per hardware item fitted.
    pub hours_per_hardware_item: f64,
}

/// Commercial terms.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commercial {
    /// Overhead on material plus labour.
    pub overhead_percentage: Percentage,
    /// Margin on the selling price.
    pub profit_margin_percentage: Percentage,
    /// Default VAT.
    pub tax_percentage: Percentage,
    /// Days a quote stays valid.
    pub quote_validity_days: u32,
    /// ISO 4217 currency code.
    pub currency: String,
}

/// Lead-time rules.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadTime {
    /// Base days.
    pub base_days: u32,
    /// Doors per production batch.
    pub batch_doors: u32,
    /// Extra days per batch after the first.
    pub days_per_extra_batch: u32,
    /// Extra days when fire-resisting glass is ordered.
    pub fire_glass_days: u32,
}

/// Waste allowances on material quantities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waste {
    /// Frame, leaf and meeting-stile bars.
    pub profiles_percentage: Percentage,
    /// Threshold bars.
    pub threshold_percentage: Percentage,
    /// Glazing beads.
    pub beads_percentage: Percentage,
    /// Glass.
    pub glazing_percentage: Percentage,
    /// Gaskets.
    pub gasket_percentage: Percentage,
}

/// Bar stock and saw settings for cutting lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuttingStock {
    /// Bar lengths bought, mm.
    pub stock_lengths_mm: Vec<u32>,
    /// Saw kerf, mm.
    pub kerf_mm: u32,
    /// Trim at each bar end, mm.
    pub end_trim_mm: u32,
    /// Offcuts at least this long are kept, mm.
    pub min_remnant_mm: u32,
}

/// The whole of `pricing.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PricingFile {
    pub finish: Vec<FinishRule>,
    pub labour: Labour,
    pub commercial: Commercial,
    pub lead_time: LeadTime,
    pub waste: Waste,
    pub cutting: CuttingStock,
}
