//! Rules that need the built door: derived leaf sizes and weights, hinges and closers for them,
//! glass size and kind, clear opening width, and stated results that disagree with ours.

use serde_json::json;
use spw_geometry::DoorGeometry;
use spw_model::catalogue::Catalogue;
use spw_model::config::DoorConfiguration;
use spw_model::{Issue, IssueCode};
use spw_thermal::Thermal;

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

pub(crate) fn check(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    thermal: Option<&Thermal>,
    cat: &Catalogue,
    out: &mut Vec<Issue>,
) {
    let l = &cat.limits;
    let widest = g.leaves.iter().map(|x| x.width_mm()).max().unwrap_or(0);
    let height = g.leaves.first().map_or(0, |x| x.height_mm());

    // Derived leaf size against the product limits.
    if widest > i64::from(l.leaf_width_max_mm) {
        let hint = if cfg.leaf_count() == 1 {
            " — choose a double door or a narrower frame"
        } else {
            " — choose a narrower frame"
        };
        out.push(
            Issue::error(
                IssueCode::DimensionLimit,
                "leaf_width",
                format!(
                    "a {} mm frame gives a {widest} mm leaf, which exceeds the maximum leaf width of {} mm{hint}",
                    cfg.frame_width_mm, l.leaf_width_max_mm
                ),
            )
            .value(widest)
            .limit(json!({"max": l.leaf_width_max_mm})),
        );
    }
    if height > i64::from(l.leaf_height_max_mm) {
        out.push(
            Issue::error(
                IssueCode::DimensionLimit,
                "leaf_height",
                format!(
                    "the leaf would be {height} mm high, above the maximum of {} mm",
                    l.leaf_height_max_mm
                ),
            )
            .value(height)
            .limit(json!({"max": l.leaf_height_max_mm})),
        );
    }

    // Stated leaf sizes are checked against the derived ones, never used.
    let tol = i64::from(l.leaf_size_tolerance_mm);
    if let Some(stated) = cfg.leaf_width_mm.map(i64::from)
        && !g
            .leaves
            .iter()
            .any(|x| (x.width_mm() - stated).abs() <= tol)
    {
        let derived: Vec<i64> = g.leaves.iter().map(|x| x.width_mm()).collect();
        out.push(
                Issue::warning(
                    IssueCode::DerivedMismatch,
                    "leaf_width",
                    format!(
                        "leaf_width {stated} mm differs from the {} mm this frame gives (frame less jambs, clearances{}); the derived width is used",
                        derived.iter().map(i64::to_string).collect::<Vec<_>>().join(" / "),
                        if cfg.leaf_count() == 2 { " and meeting gap" } else { "" }
                    ),
                )
                .value(stated)
                .limit(derived),
            );
    }
    if let Some(stated) = cfg.leaf_height_mm.map(i64::from)
        && (height - stated).abs() > tol
    {
        out.push(
                Issue::warning(
                    IssueCode::DerivedMismatch,
                    "leaf_height",
                    format!("leaf_height {stated} mm differs from the {height} mm this frame gives (frame less head, threshold and clearances); the derived height is used"),
                )
                .value(stated)
                .limit(height),
            );
    }

    // Leaf weight.
    let weight = g.max_leaf_weight_kg();
    if weight > l.leaf_weight_max_kg {
        out.push(
            Issue::error(
                IssueCode::DimensionLimit,
                "leaf_weight",
                format!(
                    "the leaf weighs {:.1} kg (glass {:.1} kg, profiles {:.1} kg), above the maximum of {} kg — choose lighter glazing or a smaller leaf",
                    weight,
                    g.leaves.iter().map(|x| x.weight.glass_kg).fold(0.0, f64::max),
                    g.leaves.iter().map(|x| x.weight.profiles_kg).fold(0.0, f64::max),
                    l.leaf_weight_max_kg
                ),
            )
            .value(round1(weight))
            .limit(json!({"max": l.leaf_weight_max_kg})),
        );
    }
    if let Some(stated) = cfg.declared.leaf_weight_kg
        && (stated - weight).abs() > 1.0
    {
        out.push(
                Issue::warning(
                    IssueCode::DerivedMismatch,
                    "leaf_weight",
                    format!("leaf_weight {stated} kg differs from the computed {weight:.1} kg; the computed weight is used"),
                )
                .value(stated)
                .limit(round1(weight)),
            );
    }

    // Hinges for the height and weight.
    if !g.hinges_derived && g.hinges_per_leaf < g.hinges_required_per_leaf {
        out.push(
            Issue::error(
                IssueCode::HardwareSecurity,
                "hardware.hinges",
                format!(
                    "a {height} mm, {weight:.1} kg leaf needs {} hinges; `{}` gives {}",
                    g.hinges_required_per_leaf, g.hinge_option_id, g.hinges_per_leaf
                ),
            )
            .value(g.hinge_option_id.clone())
            .limit(json!({"min_hinges_per_leaf": g.hinges_required_per_leaf})),
        );
    } else if g.hinges_derived && g.hinges_per_leaf < g.hinges_required_per_leaf {
        out.push(
            Issue::error(
                IssueCode::HardwareSecurity,
                "hardware.hinges",
                format!("no hinge option in the catalogue carries a {weight:.1} kg leaf"),
            )
            .limit(json!({"min_hinges_per_leaf": g.hinges_required_per_leaf})),
        );
    }

    // Closer rated for the leaf (EN 1154).
    if let Some(closer) = cfg.hardware.closer.as_deref().and_then(|id| cat.closer(id))
        && (widest > i64::from(closer.max_leaf_width_mm) || weight > closer.max_leaf_mass_kg)
    {
        out.push(
                Issue::error(
                    IssueCode::HardwareSecurity,
                    "hardware.closer",
                    format!(
                        "an EN 1154 size {} closer is rated for leaves up to {} mm and {} kg; this leaf is {widest} mm and {weight:.1} kg",
                        closer.en1154_size, closer.max_leaf_width_mm, closer.max_leaf_mass_kg
                    ),
                )
                .value(closer.id.clone())
                .limit(json!({"max_leaf_width_mm": closer.max_leaf_width_mm, "max_leaf_mass_kg": closer.max_leaf_mass_kg})),
            );
    }

    // Glass: size, safety glass, laminated for PAS 24, fire resistance.
    let smallest = g
        .leaves
        .iter()
        .map(|x| x.glass.width_mm.min(x.glass.height_mm))
        .min()
        .unwrap_or(0);
    if smallest < l.glass_min_mm {
        out.push(
            Issue::error(
                IssueCode::Glazing,
                "frame_width",
                format!(
                    "the glass would be only {smallest} mm across; the smallest pane made is {} mm",
                    l.glass_min_mm
                ),
            )
            .value(smallest)
            .limit(json!({"min": l.glass_min_mm})),
        );
    }
    if let Some(unit) = cat.glazing_unit(&g.glazing_unit_code) {
        let build = unit.build();
        if !build.all_safety_glass() {
            out.push(
                Issue::error(
                    IssueCode::Glazing,
                    "glazing_unit",
                    format!("door glass must be safety glass (Approved Document K); `{}` has an annealed pane", unit.code),
                )
                .value(unit.code.clone()),
            );
        }
        if cfg.security_rating.needs_pas24() && !unit.laminated() {
            out.push(
                Issue::error(
                    IssueCode::Glazing,
                    "glazing_unit",
                    format!(
                        "a {} door needs a laminated inner pane; `{}` ({}) has none",
                        cfg.security_rating.as_str(),
                        unit.code,
                        unit.build_up
                    ),
                )
                .value(unit.code.clone())
                .limit("laminated inner pane"),
            );
        }
        if let Some(fire) = &cfg.fire_rating
            && unit.fire_rating_minutes < fire.minutes
        {
            let suitable: Vec<&str> = cat
                .glazing_units
                .iter()
                .filter(|u| u.fire_rating_minutes >= fire.minutes)
                .map(|u| u.code.as_str())
                .collect();
            out.push(
                    Issue::error(
                        IssueCode::FireRating,
                        "glazing_unit",
                        format!(
                            "a {} door needs glass rated for {} minutes; `{}` is not fire-resisting. Suitable units: {}",
                            fire.designation,
                            fire.minutes,
                            unit.code,
                            if suitable.is_empty() { "none".to_owned() } else { suitable.join(", ") }
                        ),
                    )
                    .value(unit.code.clone())
                    .limit(suitable),
                );
        }
    }

    // Approved Document M clear width through the active leaf, opened to 90°: the leaf width less
    // the open leaf's own thickness standing in the opening.
    if cfg.accessible {
        let clear = g.active_leaf().width_mm() - i64::from(cat.system.depth_mm);
        if clear < i64::from(cat.accessibility.min_clear_width_mm) {
            out.push(
                Issue::error(
                    IssueCode::Accessibility,
                    "frame_width",
                    format!(
                        "the effective clear width through the active leaf is {clear} mm; an accessible entrance door needs {} mm (Approved Document M)",
                        cat.accessibility.min_clear_width_mm
                    ),
                )
                .value(clear)
                .limit(json!({"min": cat.accessibility.min_clear_width_mm})),
            );
        }
    }

    if let (Some(stated), Some(t)) = (cfg.declared.overall_u_value, thermal) {
        let ours = t.rounded_u_value();
        if (stated - ours).abs() > 0.005 {
            out.push(
                Issue::warning(
                    IssueCode::DerivedMismatch,
                    "overall_u_value",
                    format!("overall_u_value {stated} W/m²K differs from the {ours:.2} W/m²K computed by EN ISO 10077-1 from this door's geometry; the computed value is used"),
                )
                .value(stated)
                .limit(ours),
            );
        }
    }
}
