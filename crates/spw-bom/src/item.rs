//! One line of a bill of materials and its exact quantity.

use serde::Serialize;
use spw_model::money::div_round;
use spw_model::{Pence, Percentage};

/// What kind of material a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Aluminium bars and beads.
    Profile,
    /// Glass units.
    Glazing,
    /// Hinges, locks, handles, closers.
    Hardware,
    /// Gaskets and seals.
    Sealing,
    /// Frame fixings.
    Fixing,
    /// Surface finish.
    Finish,
}

/// Unit of measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    /// Metres.
    #[serde(rename = "m")]
    Metre,
    /// Square metres.
    #[serde(rename = "m²")]
    SquareMetre,
    /// Pieces.
    #[serde(rename = "pcs")]
    Piece,
}

/// An exact quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// A length, mm.
    LengthMm(u64),
    /// An area, mm².
    AreaMm2(u64),
    /// A count.
    Count(u32),
}

impl Quantity {
    /// The unit it is read in.
    pub fn unit(self) -> Unit {
        match self {
            Quantity::LengthMm(_) => Unit::Metre,
            Quantity::AreaMm2(_) => Unit::SquareMetre,
            Quantity::Count(_) => Unit::Piece,
        }
    }

    /// In its reading unit (m, m², pcs).
    pub fn in_unit(self) -> f64 {
        match self {
            Quantity::LengthMm(mm) => mm as f64 / 1000.0,
            Quantity::AreaMm2(mm2) => mm2 as f64 / 1e6,
            Quantity::Count(n) => f64::from(n),
        }
    }

    /// Exact amount and how many of it make one reading unit.
    fn parts(self) -> (i128, i128) {
        match self {
            Quantity::LengthMm(mm) => (i128::from(mm), 1000),
            Quantity::AreaMm2(mm2) => (i128::from(mm2), 1_000_000),
            Quantity::Count(n) => (i128::from(n), 1),
        }
    }
}

/// A profile cut: what the saw cuts and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cut {
    /// Member.
    pub label: String,
    /// Length, mm (long point for mitres).
    pub length_mm: u32,
    /// Pieces.
    pub count: u32,
    /// End cuts, e.g. `mitre/mitre`.
    pub end_cuts: &'static str,
}

/// A glass pane to order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pane {
    /// Where it goes.
    pub label: String,
    /// Width, mm.
    pub width_mm: u32,
    /// Height, mm.
    pub height_mm: u32,
    /// Panes.
    pub count: u32,
}

/// One BOM line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BomItem {
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// Kind.
    pub category: Category,
    /// Exact quantity, net of waste.
    pub quantity: Quantity,
    /// Waste allowance.
    pub waste: Percentage,
    /// Mass net of waste, kg.
    pub weight_kg: f64,
    /// Price per reading unit.
    pub unit_price: Pence,
    /// Cost of the quantity with waste.
    pub cost: Pence,
    /// Profile cuts.
    pub cuts: Vec<Cut>,
    /// Glass panes.
    pub panes: Vec<Pane>,
}

impl BomItem {
    /// A line, costing `quantity × (1 + waste) × unit_price` exactly, rounded once to the penny.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        code: String,
        description: String,
        category: Category,
        quantity: Quantity,
        waste: Percentage,
        weight_kg: f64,
        unit_price: Pence,
        cuts: Vec<Cut>,
        panes: Vec<Pane>,
    ) -> BomItem {
        let (amount, per_unit) = quantity.parts();
        let cost = Pence(
            i64::try_from(div_round(
                i128::from(unit_price.0) * amount * (10_000 + i128::from(waste.0)),
                per_unit * 10_000,
            ))
            .unwrap_or(i64::MAX),
        );
        BomItem {
            code,
            description,
            category,
            quantity,
            waste,
            weight_kg,
            unit_price,
            cost,
            cuts,
            panes,
        }
    }

    /// Waste factor, e.g. 1.10.
    pub fn waste_factor(&self) -> f64 {
        1.0 + self.waste.as_f64() / 100.0
    }

    /// Quantity with waste in the reading unit.
    pub fn quantity_with_waste(&self) -> f64 {
        self.quantity.in_unit() * self.waste_factor()
    }
}
