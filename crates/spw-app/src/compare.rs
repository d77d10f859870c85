//! Comparing two revisions of a door: changed fields, BOM and price deltas, and the drawing
//! diff, with overlay sheets where removed geometry is red and added green.

use crate::Refusal;
use serde::Serialize;
use serde_json::{Value, json};
use spw_drawing::{Drawing, DrawingOptions};
use spw_model::catalogue::Catalogue;
use spw_model::{DoorConfiguration, Pence};
use spw_validation::Evaluation;
use std::collections::BTreeMap;

/// A changed configuration field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// Field path in the configuration schema, e.g. `frame_width`, `hardware.lock`.
    pub field: String,
    /// Old value.
    pub old: Value,
    /// New value.
    pub new: Value,
}

/// A BOM line that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BomChange {
    /// Product code.
    pub code: String,
    /// Unit.
    pub unit: spw_bom::Unit,
    /// Old quantity (0 when new).
    pub old_quantity: f64,
    /// New quantity (0 when gone).
    pub new_quantity: f64,
    /// Cost change, pence.
    pub cost_delta: Pence,
}

/// An old → new figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta<T> {
    /// Old.
    pub old: T,
    /// New.
    pub new: T,
    /// New − old.
    pub delta: T,
}

/// `spw compare --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// Changed fields.
    pub fields: Vec<FieldChange>,
    /// Changed BOM lines.
    pub bom: Vec<BomChange>,
    /// Selling price of one door before discount, pence.
    pub price: Delta<Pence>,
    /// Material cost of one door, pence.
    pub material_cost: Delta<Pence>,
    /// Door weight, kg.
    pub weight_kg: Delta<f64>,
    /// U_D, W/m²K.
    pub u_value: Delta<f64>,
    /// Drawing entities added and removed, per view and layer.
    pub drawing: Vec<spw_drawing::revision::LayerChange>,
}

/// The configuration in its schema's field names, flattened.
pub fn fields(cfg: &DoorConfiguration) -> BTreeMap<String, Value> {
    let hw = &cfg.hardware;
    let v = json!({
        "type": cfg.door_type,
        "opening_direction": cfg.opening_direction,
        "handing": cfg.handing,
        "frame_width": cfg.frame_width_mm,
        "frame_height": cfg.frame_height_mm,
        "glazing_type": cfg.glazing_type,
        "glazing_thickness": cfg.glazing_thickness_mm,
        "glazing_unit": cfg.glazing_unit,
        "glazing_u_value": cfg.glazing_u_value,
        "spacer": cfg.spacer,
        "threshold_type": cfg.threshold_type,
        "finish": cfg.finish,
        "color": cfg.color,
        "hardware.hinges": hw.hinges,
        "hardware.lock": hw.lock,
        "hardware.handles": hw.handles,
        "hardware.closer": hw.closer,
        "security_rating": cfg.security_rating,
        "fire_rating": cfg.fire_rating.as_ref().map(|f| f.designation.clone()),
        "acoustic_rating": cfg.acoustic_rating_db,
        "accessible": cfg.accessible,
    });
    v.as_object()
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

fn valid(text: &str, cat: &Catalogue) -> Result<Evaluation, Refusal> {
    let e = spw_validation::evaluate_text(text, cat);
    if e.valid_parts().is_some() {
        Ok(e)
    } else {
        Err(Refusal::from_issues(e.issues))
    }
}

/// Two revisions compared, with their drawings (for overlays).
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The report.
    pub report: CompareReport,
    /// Old drawing.
    pub old_drawing: Drawing,
    /// New drawing.
    pub new_drawing: Drawing,
}

/// Compare two configurations (JSON text), drawing both with `options`.
pub fn compare(
    old_text: &str,
    new_text: &str,
    options: &DrawingOptions,
    cat: &Catalogue,
) -> Result<Comparison, crate::drawings::DrawFailure> {
    use crate::drawings::DrawFailure;
    let old = valid(old_text, cat).map_err(DrawFailure::Invalid)?;
    let new = valid(new_text, cat).map_err(DrawFailure::Invalid)?;
    let (Some((oc, og, ot)), Some((nc, ng, nt))) = (old.valid_parts(), new.valid_parts()) else {
        return Err(DrawFailure::Invalid(Refusal::from_issues(Vec::new())));
    };
    let (of, nf) = (fields(oc), fields(nc));
    let fields: Vec<FieldChange> = nf
        .iter()
        .filter(|(k, v)| of.get(*k) != Some(v))
        .map(|(k, v)| FieldChange {
            field: k.clone(),
            old: of.get(k).cloned().unwrap_or(Value::Null),
            new: v.clone(),
        })
        .collect();

    let (ob, nb) = (spw_bom::build(oc, og, cat), spw_bom::build(nc, ng, cat));
    let mut bom = Vec::new();
    let mut codes: Vec<&str> = nb.items.iter().map(|i| i.code.as_str()).collect();
    codes.extend(
        ob.items
            .iter()
            .map(|i| i.code.as_str())
            .filter(|c| !nb.items.iter().any(|i| i.code == *c)),
    );
    for code in codes {
        let (o, n) = (
            ob.items.iter().find(|i| i.code == code),
            nb.items.iter().find(|i| i.code == code),
        );
        let changed = match (o, n) {
            (Some(o), Some(n)) => o.quantity != n.quantity || o.cost != n.cost,
            _ => true,
        };
        if changed {
            let unit = n.or(o).map_or(spw_bom::Unit::Piece, |i| i.quantity.unit());
            bom.push(BomChange {
                code: code.to_owned(),
                unit,
                old_quantity: o.map_or(0.0, |i| i.quantity.in_unit()),
                new_quantity: n.map_or(0.0, |i| i.quantity.in_unit()),
                cost_delta: n.map_or(Pence::ZERO, |i| i.cost) - o.map_or(Pence::ZERO, |i| i.cost),
            });
        }
    }
    let (op, np) = (
        spw_quote::price_door(oc, &ob, cat),
        spw_quote::price_door(nc, &nb, cat),
    );
    let old_drawing =
        spw_drawing::drawing_set(oc, og, cat, options).map_err(|e| DrawFailure::Drawing {
            code: spw_drawing::DrawingError::CODE,
            message: e.message,
        })?;
    let new_drawing =
        spw_drawing::drawing_set(nc, ng, cat, options).map_err(|e| DrawFailure::Drawing {
            code: spw_drawing::DrawingError::CODE,
            message: e.message,
        })?;
    let round = |v: f64, p: i32| crate::round::dp(v, p);
    let report = CompareReport {
        fields,
        bom,
        price: Delta {
            old: op.subtotal,
            new: np.subtotal,
            delta: np.subtotal - op.subtotal,
        },
        material_cost: Delta {
            old: op.material_cost,
            new: np.material_cost,
            delta: np.material_cost - op.material_cost,
        },
        weight_kg: Delta {
            old: round(ob.total_weight_kg, 2),
            new: round(nb.total_weight_kg, 2),
            delta: round(nb.total_weight_kg - ob.total_weight_kg, 2),
        },
        u_value: Delta {
            old: ot.rounded_u_value(),
            new: nt.rounded_u_value(),
            delta: round(nt.rounded_u_value() - ot.rounded_u_value(), 2),
        },
        drawing: spw_drawing::revision::changes(&old_drawing, &new_drawing),
    };
    Ok(Comparison {
        report,
        old_drawing,
        new_drawing,
    })
}
