//! Quote pricing: each door's material, labour and overhead cost, the margin, then the quote's
//! discount and VAT — all in integer pence, each figure rounded once — plus lead time, validity
//! and the quote's status rules.
//!
//! Money adds up to the penny: a quote's figures are computed on the quote's subtotal and
//! shared out to its lines by largest remainder, so the lines always sum to the quote.

mod allocation;
mod status;

pub use allocation::allocate;
pub use status::{QuoteStatus, StatusError};

use serde::Serialize;
use spw_bom::Bom;
use spw_model::catalogue::Catalogue;
use spw_model::config::DoorConfiguration;
use spw_model::money::div_round;
use spw_model::{Pence, Percentage};
use time::Date;

/// What one door costs and sells for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DoorPrice {
    /// Material including finish and waste.
    pub material_cost: Pence,
    /// Labour hours, hundredths.
    pub labour_centihours: i64,
    /// Labour.
    pub labor_cost: Pence,
    /// Overhead on material and labour.
    pub overhead_cost: Pence,
    /// Margin on the selling price.
    pub profit_margin_percentage: Percentage,
    /// Selling price before discount and tax.
    pub subtotal: Pence,
}

impl DoorPrice {
    /// Cost before margin.
    pub fn cost(&self) -> Pence {
        self.material_cost + self.labor_cost + self.overhead_cost
    }
}

/// Price one door from its BOM.
pub fn price_door(cfg: &DoorConfiguration, bom: &Bom, cat: &Catalogue) -> DoorPrice {
    let lab = &cat.labour;
    let hours = lab.hours_per_door
        + lab.hours_per_leaf * f64::from(cfg.leaf_count())
        + lab.hours_per_glass_m2 * bom.glass_area_m2
        + lab.hours_per_hardware_item * f64::from(bom.hardware_items);
    #[allow(clippy::cast_possible_truncation)] // hours of one door are small and finite
    let centihours = (hours * 100.0).round().clamp(0.0, 1e9) as i64;
    let labor_cost = lab.rate_per_hour.mul_ratio(i128::from(centihours), 100);
    let material_cost = bom.material_cost;
    let overhead_cost = cat
        .commercial
        .overhead_percentage
        .of(material_cost + labor_cost);
    let margin = cat.commercial.profit_margin_percentage;
    let cost = material_cost + labor_cost + overhead_cost;
    let subtotal = Pence(
        i64::try_from(div_round(
            i128::from(cost.0) * 10_000,
            10_000 - i128::from(margin.0),
        ))
        .unwrap_or(i64::MAX),
    );
    DoorPrice {
        material_cost,
        labour_centihours: centihours,
        labor_cost,
        overhead_cost,
        profit_margin_percentage: margin,
        subtotal,
    }
}

/// Days from order to despatch for one door type, before batching.
pub fn door_lead_time_days(cfg: &DoorConfiguration, cat: &Catalogue, fire_glass: bool) -> u32 {
    let lt = &cat.lead_time;
    lt.base_days
        + cat.finish(cfg.finish).lead_time_days
        + if fire_glass { lt.fire_glass_days } else { 0 }
}

/// A priced quote line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PricedLine {
    /// 1-based line number.
    pub line_number: usize,
    /// Doors on the line.
    pub quantity: u32,
    /// One door's price.
    pub unit: DoorPrice,
    /// Material for the line.
    pub material_cost: Pence,
    /// Labour for the line.
    pub labor_cost: Pence,
    /// Overhead for the line.
    pub overhead_cost: Pence,
    /// Line selling price before discount.
    pub subtotal: Pence,
    /// The line's share of the quote discount.
    pub discount_amount: Pence,
    /// The line's share of the quote VAT.
    pub tax_amount: Pence,
    /// Line total.
    pub total: Pence,
    /// Weight of the line's doors, kg.
    pub estimated_weight_kg: f64,
    /// Lead time of this line's door type, days.
    pub lead_time_days: u32,
}

/// A line to price.
#[derive(Debug, Clone, Copy)]
pub struct LineInput {
    /// One door's price.
    pub unit: DoorPrice,
    /// Doors.
    pub quantity: u32,
    /// One door's weight, kg.
    pub weight_kg: f64,
    /// This door type's lead time, days.
    pub lead_time_days: u32,
}

/// Quote-level figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PricedQuote {
    /// Lines.
    pub lines: Vec<PricedLine>,
    /// Σ material.
    pub material_cost: Pence,
    /// Σ labour.
    pub labor_cost: Pence,
    /// Σ overhead.
    pub overhead_cost: Pence,
    /// Margin used.
    pub profit_margin_percentage: Percentage,
    /// Σ line subtotals.
    pub subtotal: Pence,
    /// Discount asked.
    pub discount_percentage: Percentage,
    /// Discount on the subtotal.
    pub discount_amount: Pence,
    /// VAT rate.
    pub tax_percentage: Percentage,
    /// VAT on the discounted subtotal.
    pub tax_amount: Pence,
    /// What the customer pays.
    pub total: Pence,
    /// ISO 4217 currency.
    pub currency: String,
    /// Σ weight, kg.
    pub estimated_weight_kg: f64,
    /// Days to despatch for the whole order.
    pub estimated_lead_time_days: u32,
    /// Last day the quote is valid.
    pub valid_until: Date,
    /// Status of a newly priced quote.
    pub status: QuoteStatus,
}

/// Price a quote: lines, then the discount and VAT on the quote, shared out to the lines.
pub fn price_quote(
    lines: &[LineInput],
    discount: Percentage,
    tax: Percentage,
    quote_date: Date,
    cat: &Catalogue,
) -> PricedQuote {
    let line_subtotals: Vec<Pence> = lines
        .iter()
        .map(|l| l.unit.subtotal.times(i64::from(l.quantity)))
        .collect();
    let subtotal: Pence = line_subtotals.iter().copied().sum();
    let discount_amount = discount.of(subtotal);
    let discounts = allocate(discount_amount, &line_subtotals);
    let nets: Vec<Pence> = line_subtotals
        .iter()
        .zip(&discounts)
        .map(|(s, d)| *s - *d)
        .collect();
    let net = subtotal - discount_amount;
    let tax_amount = tax.of(net);
    let taxes = allocate(tax_amount, &nets);

    let priced: Vec<PricedLine> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let q = i64::from(l.quantity);
            PricedLine {
                line_number: i + 1,
                quantity: l.quantity,
                unit: l.unit,
                material_cost: l.unit.material_cost.times(q),
                labor_cost: l.unit.labor_cost.times(q),
                overhead_cost: l.unit.overhead_cost.times(q),
                subtotal: line_subtotals[i],
                discount_amount: discounts[i],
                tax_amount: taxes[i],
                total: nets[i] + taxes[i],
                estimated_weight_kg: l.weight_kg * f64::from(l.quantity),
                lead_time_days: l.lead_time_days,
            }
        })
        .collect();

    let doors: u32 = lines.iter().map(|l| l.quantity).sum();
    let lt = &cat.lead_time;
    let batches = doors.div_ceil(lt.batch_doors.max(1)).max(1);
    let estimated_lead_time_days = lines
        .iter()
        .map(|l| l.lead_time_days)
        .max()
        .unwrap_or(lt.base_days)
        + (batches - 1) * lt.days_per_extra_batch;
    let validity = time::Duration::days(i64::from(cat.commercial.quote_validity_days));
    PricedQuote {
        material_cost: priced.iter().map(|l| l.material_cost).sum(),
        labor_cost: priced.iter().map(|l| l.labor_cost).sum(),
        overhead_cost: priced.iter().map(|l| l.overhead_cost).sum(),
        profit_margin_percentage: cat.commercial.profit_margin_percentage,
        subtotal,
        discount_percentage: discount,
        discount_amount,
        tax_percentage: tax,
        tax_amount,
        total: net + tax_amount,
        currency: cat.commercial.currency.clone(),
        estimated_weight_kg: priced.iter().map(|l| l.estimated_weight_kg).sum(),
        estimated_lead_time_days,
        valid_until: quote_date.checked_add(validity).unwrap_or(quote_date),
        status: QuoteStatus::Draft,
        lines: priced,
    }
}
