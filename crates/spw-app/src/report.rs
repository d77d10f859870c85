//! Wire reports: the JSON shapes front ends and integrations read. Field names follow the design
//! plan (6.3.3, 7.2.6); numbers a person reads are rounded here, once, for display.

use crate::quote_request::QuoteRequest;
use crate::round::dp;
use serde::Serialize;
use spw_bom::Bom;
use spw_model::catalogue::Catalogue;
use spw_model::issue::{Issue, has_errors};
use spw_model::{Pence, Percentage};
use spw_quote::{LineInput, QuoteStatus};
use spw_thermal::{ENERGY_RATING_BASIS, METHOD, Thermal};
use time::Date;

/// `{"valid", "issues"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ValidationReport {
    /// No errors (warnings allowed).
    pub valid: bool,
    /// Every issue.
    pub issues: Vec<Issue>,
}

impl ValidationReport {
    /// From issues.
    pub fn new(issues: Vec<Issue>) -> Self {
        ValidationReport {
            valid: !has_errors(&issues),
            issues,
        }
    }
}

/// The breakdown of a U-value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThermalBreakdown {
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
}

/// One frame member family.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FramePartReport {
    /// Member.
    pub name: String,
    /// Profile.
    pub profile_code: String,
    /// Area, m².
    pub area_m2: f64,
    /// Uf.
    pub uf: f64,
    /// Af·Uf, W/K.
    pub contribution: f64,
}

/// A compliance verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ComplianceReport {
    /// Rule id.
    pub rule: &'static str,
    /// Maximum U_D.
    pub limit: f64,
    /// Verdict.
    pub pass: bool,
    /// What it applies to, with its source.
    pub description: &'static str,
}

/// `spw thermal --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThermalReport {
    /// U_D, 2 decimals.
    pub overall_u_value: f64,
    /// Area-weighted Uf, 2 decimals.
    pub frame_u_value: f64,
    /// Ug used.
    pub glazing_u_value: f64,
    /// ψg used.
    pub psi_value: f64,
    /// `EN ISO 10077-1`.
    pub method: &'static str,
    /// Areas, perimeter and contributions (4 decimals).
    pub breakdown: ThermalBreakdown,
    /// Each frame member's Uf and share.
    pub frame_parts: Vec<FramePartReport>,
    /// Approved Document L verdicts.
    pub compliance: Vec<ComplianceReport>,
    /// Indicative band.
    pub energy_rating: String,
    /// How the band is derived.
    pub energy_rating_basis: &'static str,
    /// Spacer used.
    pub spacer: String,
    /// Warnings about the configuration.
    pub warnings: Vec<Issue>,
}

impl ThermalReport {
    /// From an assessment.
    pub fn new(t: &Thermal, warnings: &[Issue]) -> Self {
        ThermalReport {
            overall_u_value: t.rounded_u_value(),
            frame_u_value: dp(t.frame_u_value, 2),
            glazing_u_value: t.glazing_u_value,
            psi_value: t.psi_value,
            method: METHOD,
            breakdown: ThermalBreakdown {
                frame_area_m2: dp(t.frame_area_m2, 4),
                glazing_area_m2: dp(t.glazing_area_m2, 4),
                panel_area_m2: dp(t.panel_area_m2, 4),
                edge_length_m: dp(t.edge_length_m, 4),
                frame_contribution: dp(t.frame_contribution, 4),
                glazing_contribution: dp(t.glazing_contribution, 4),
                edge_contribution: dp(t.edge_contribution, 4),
            },
            frame_parts: t
                .frame_parts
                .iter()
                .map(|p| FramePartReport {
                    name: p.name.clone(),
                    profile_code: p.profile_code.clone(),
                    area_m2: dp(p.area_m2, 4),
                    uf: p.uf,
                    contribution: dp(p.contribution, 4),
                })
                .collect(),
            compliance: t
                .compliance
                .iter()
                .map(|c| ComplianceReport {
                    rule: c.rule,
                    limit: c.limit,
                    pass: c.pass,
                    description: c.description,
                })
                .collect(),
            energy_rating: t.energy_rating.to_string(),
            energy_rating_basis: ENERGY_RATING_BASIS,
            spacer: t.spacer.clone(),
            warnings: warnings.to_vec(),
        }
    }
}

/// A cut in a BOM line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CutReport {
    /// Member.
    pub label: String,
    /// Length, mm.
    pub length_mm: u32,
    /// Pieces.
    pub count: u32,
    /// End cuts.
    pub end_cuts: &'static str,
}

/// A glass pane in a BOM line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PaneReport {
    /// Where.
    pub label: String,
    /// Width, mm.
    pub width_mm: u32,
    /// Height, mm.
    pub height_mm: u32,
    /// Panes.
    pub count: u32,
}

/// A BOM line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BomItemReport {
    /// Product code.
    pub code: String,
    /// Description.
    pub description: String,
    /// Kind.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub category: spw_bom::Category,
    /// `m`, `m²`, `pcs`.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub unit: spw_bom::Unit,
    /// Net quantity (3 decimals).
    pub quantity: f64,
    /// e.g. 1.1.
    pub waste_factor: f64,
    /// Quantity with waste (3 decimals).
    pub quantity_with_waste: f64,
    /// Net mass, kg (2 decimals).
    pub weight_kg: f64,
    /// Price per unit, pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub unit_price: Pence,
    /// Cost with waste, pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub cost: Pence,
    /// Profile cuts.
    pub cuts: Vec<CutReport>,
    /// Glass panes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(type = "Array<PaneReport> | undefined"))]
    pub panes: Vec<PaneReport>,
}

/// `spw bom --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BomReport {
    /// Lines.
    pub items: Vec<BomItemReport>,
    /// Net mass of everything, kg.
    pub total_weight_kg: f64,
    /// Heaviest leaf, kg.
    pub leaf_weight_kg: f64,
    /// Material cost, pence.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub material_cost: Pence,
    /// Warnings about the configuration.
    pub warnings: Vec<Issue>,
}

impl BomReport {
    /// From a BOM.
    pub fn new(bom: &Bom, warnings: &[Issue]) -> Self {
        BomReport {
            items: bom
                .items
                .iter()
                .map(|i| BomItemReport {
                    code: i.code.clone(),
                    description: i.description.clone(),
                    category: i.category,
                    unit: i.quantity.unit(),
                    quantity: dp(i.quantity.in_unit(), 3),
                    waste_factor: dp(i.waste_factor(), 4),
                    quantity_with_waste: dp(i.quantity_with_waste(), 3),
                    weight_kg: dp(i.weight_kg, 2),
                    unit_price: i.unit_price,
                    cost: i.cost,
                    cuts: i
                        .cuts
                        .iter()
                        .map(|c| CutReport {
                            label: c.label.clone(),
                            length_mm: c.length_mm,
                            count: c.count,
                            end_cuts: c.end_cuts,
                        })
                        .collect(),
                    panes: i
                        .panes
                        .iter()
                        .map(|p| PaneReport {
                            label: p.label.clone(),
                            width_mm: p.width_mm,
                            height_mm: p.height_mm,
                            count: p.count,
                        })
                        .collect(),
                })
                .collect(),
            total_weight_kg: dp(bom.total_weight_kg, 2),
            leaf_weight_kg: dp(bom.leaf_weight_kg, 1),
            material_cost: bom.material_cost,
            warnings: warnings.to_vec(),
        }
    }
}

/// One priced line of `spw quote --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteLineReport {
    /// 1-based.
    pub line_number: usize,
    /// What the door is, in a line.
    pub description: String,
    /// Doors.
    pub quantity: u32,
    /// Selling price of one door before discount, pence.
    pub unit_price: Pence,
    /// Material, pence.
    pub material_cost: Pence,
    /// Labour, pence.
    pub labor_cost: Pence,
    /// Overhead, pence.
    pub overhead_cost: Pence,
    /// Margin.
    pub profit_margin_percentage: Percentage,
    /// Before discount, pence.
    pub subtotal: Pence,
    /// Share of the discount, pence.
    pub discount_amount: Pence,
    /// Share of the VAT, pence.
    pub tax_amount: Pence,
    /// Line total, pence.
    pub total: Pence,
    /// Weight of the line, kg.
    pub estimated_weight_kg: f64,
    /// One door's U_D.
    pub overall_u_value: f64,
    /// Lead time of this door type, days.
    pub estimated_lead_time_days: u32,
    /// The door as priced.
    pub door_configuration: spw_model::DoorConfiguration,
}

/// `spw quote --json`: amounts in integer pence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// Quote number, when given.
    pub quote_number: Option<String>,
    /// Customer.
    pub customer_name: String,
    /// Project.
    pub project_name: Option<String>,
    /// Project reference.
    pub project_reference: Option<String>,
    /// Quote date.
    pub quote_date: String,
    /// Last valid day.
    pub valid_until: String,
    /// Status.
    pub status: QuoteStatus,
    /// ISO 4217.
    pub currency: String,
    /// Σ material.
    pub material_cost: Pence,
    /// Σ labour.
    pub labor_cost: Pence,
    /// Σ overhead.
    pub overhead_cost: Pence,
    /// Margin.
    pub profit_margin_percentage: Percentage,
    /// Before discount.
    pub subtotal: Pence,
    /// Discount asked.
    pub discount_percentage: Percentage,
    /// Discount.
    pub discount_amount: Pence,
    /// VAT rate.
    pub tax_percentage: Percentage,
    /// VAT.
    pub tax_amount: Pence,
    /// To pay.
    pub total: Pence,
    /// Σ weight, kg.
    pub estimated_weight_kg: f64,
    /// Days to despatch.
    pub estimated_lead_time_days: u32,
    /// Lines.
    pub lines: Vec<QuoteLineReport>,
    /// Warnings, under `lines[i].door_configuration…`.
    pub warnings: Vec<Issue>,
}

fn describe(cfg: &spw_model::DoorConfiguration, unit: &str) -> String {
    format!(
        "SPW600e {} door, {} opening, {} × {} mm, {} glazing {unit}, {}{}",
        if cfg.leaf_count() == 2 {
            "double"
        } else {
            "single"
        },
        match cfg.opening_direction {
            spw_model::config::OpeningDirection::Inward => "inward",
            spw_model::config::OpeningDirection::Outward => "outward",
        },
        cfg.frame_width_mm,
        cfg.frame_height_mm,
        cfg.glazing_type.as_str(),
        cfg.finish.as_str().replace('_', " "),
        cfg.color
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default()
    )
}

/// Price a read request.
pub(crate) fn price(req: &QuoteRequest, date: Date, cat: &Catalogue) -> QuoteReport {
    let date = req.date.unwrap_or(date);
    let mut inputs = Vec::new();
    let mut extra = Vec::new();
    for line in &req.lines {
        let Some((cfg, g, t)) = line.evaluation.valid_parts() else {
            continue;
        };
        let bom = spw_bom::build(cfg, g, cat);
        let unit = spw_quote::price_door(cfg, &bom, cat);
        let fire_glass = cat
            .glazing_unit(&g.glazing_unit_code)
            .is_some_and(|u| u.fire_rating_minutes > 0);
        inputs.push(LineInput {
            unit,
            quantity: line.quantity,
            weight_kg: bom.total_weight_kg,
            lead_time_days: spw_quote::door_lead_time_days(cfg, cat, fire_glass),
        });
        extra.push((
            cfg.clone(),
            t.rounded_u_value(),
            g.glazing_unit_code.clone(),
        ));
    }
    let q = spw_quote::price_quote(&inputs, req.discount, req.tax, date, cat);
    let lines = q
        .lines
        .iter()
        .zip(extra)
        .map(|(l, (cfg, u, unit))| QuoteLineReport {
            line_number: l.line_number,
            description: describe(&cfg, &unit),
            quantity: l.quantity,
            unit_price: l.unit.subtotal,
            material_cost: l.material_cost,
            labor_cost: l.labor_cost,
            overhead_cost: l.overhead_cost,
            profit_margin_percentage: l.unit.profit_margin_percentage,
            subtotal: l.subtotal,
            discount_amount: l.discount_amount,
            tax_amount: l.tax_amount,
            total: l.total,
            estimated_weight_kg: dp(l.estimated_weight_kg, 2),
            overall_u_value: u,
            estimated_lead_time_days: l.lead_time_days,
            door_configuration: cfg,
        })
        .collect();
    QuoteReport {
        quote_number: req.quote_number.clone(),
        customer_name: req.customer_name.clone(),
        project_name: req.project_name.clone(),
        project_reference: req.project_reference.clone(),
        quote_date: date.to_string(),
        valid_until: q.valid_until.to_string(),
        status: q.status,
        currency: q.currency.clone(),
        material_cost: q.material_cost,
        labor_cost: q.labor_cost,
        overhead_cost: q.overhead_cost,
        profit_margin_percentage: q.profit_margin_percentage,
        subtotal: q.subtotal,
        discount_percentage: q.discount_percentage,
        discount_amount: q.discount_amount,
        tax_percentage: q.tax_percentage,
        tax_amount: q.tax_amount,
        total: q.total,
        estimated_weight_kg: dp(q.estimated_weight_kg, 2),
        estimated_lead_time_days: q.estimated_lead_time_days,
        lines,
        warnings: req.warnings.clone(),
    }
}
