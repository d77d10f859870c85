//! Human-readable terminal output. Every piece of text that came from a user's file (names,
//! references, field paths, values quoted in messages, catalogue text) is printed through
//! [`safe`], so control characters, terminal escape sequences and bidirectional-text controls
//! show as visible escapes instead of acting on the terminal.

use spw_app::{BomReport, QuoteReport, ThermalReport, ValidationReport};
use spw_model::display_safe as safe;
use spw_model::issue::{Issue, Severity};

pub fn issues(issues: &[Issue]) {
    for i in issues {
        let sev = match i.severity {
            Severity::Error => "error  ",
            Severity::Warning => "warning",
        };
        let field = if i.field.is_empty() {
            "(document)"
        } else {
            &i.field
        };
        outln!("  {sev} {} {}: {}", i.code, safe(field), safe(&i.message));
    }
}

pub fn validation(r: &ValidationReport) {
    let errors = r.issues.iter().filter(|i| i.is_error()).count();
    let warnings = r.issues.len() - errors;
    if r.valid {
        outln!(
            "Valid ({warnings} warning{}).",
            if warnings == 1 { "" } else { "s" }
        );
    } else {
        outln!(
            "Invalid: {errors} error{}, {warnings} warning{}.",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        );
    }
    issues(&r.issues);
}

fn warnings(w: &[Issue]) {
    if !w.is_empty() {
        outln!("\nWarnings:");
        issues(w);
    }
}

pub fn thermal(r: &ThermalReport) {
    let b = &r.breakdown;
    outln!(
        "U_D = {:.2} W/m²K ({}), indicative energy band {}",
        r.overall_u_value,
        r.method,
        r.energy_rating
    );
    outln!();
    outln!(
        "  {:<16} {:>10} {:>10} {:>12}",
        "element",
        "area m²",
        "U / ψ",
        "W/K"
    );
    for p in &r.frame_parts {
        outln!(
            "  {:<16} {:>10.4} {:>10.2} {:>12.4}",
            safe(&p.name),
            p.area_m2,
            p.uf,
            p.contribution
        );
    }
    outln!(
        "  {:<16} {:>10.4} {:>10.2} {:>12.4}",
        "glazing",
        b.glazing_area_m2,
        r.glazing_u_value,
        b.glazing_contribution
    );
    outln!(
        "  {:<16} {:>9.3}m {:>10.3} {:>12.4}",
        format!("glass edge ({})", safe(&r.spacer)),
        b.edge_length_m,
        r.psi_value,
        b.edge_contribution
    );
    outln!(
        "  {:<16} {:>10.4} {:>10} {:>12.4}",
        "total",
        b.frame_area_m2 + b.glazing_area_m2 + b.panel_area_m2,
        "",
        b.frame_contribution + b.glazing_contribution + b.edge_contribution
    );
    outln!(
        "\n  frame Uf (area-weighted) {:.2} W/m²K over {:.4} m²",
        r.frame_u_value,
        b.frame_area_m2
    );
    outln!("\nApproved Document L 2021:");
    for c in &r.compliance {
        outln!(
            "  {} ≤ {:.1}  {}",
            if c.pass { "PASS" } else { "FAIL" },
            c.limit,
            c.description
        );
    }
    warnings(&r.warnings);
}

pub fn bom(r: &BomReport) {
    outln!(
        "  {:<18} {:<44} {:>10} {:>5} {:>10} {:>9} {:>11}",
        "code",
        "description",
        "qty",
        "unit",
        "with waste",
        "kg",
        "cost"
    );
    for i in &r.items {
        let unit = serde_json::to_value(i.unit)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let mut d = safe(&i.description).into_owned();
        if d.chars().count() > 44 {
            d = d.chars().take(43).collect::<String>() + "…";
        }
        outln!(
            "  {:<18} {:<44} {:>10.3} {:>5} {:>10.3} {:>9.2} {:>11}",
            safe(&i.code),
            d,
            i.quantity,
            unit,
            i.quantity_with_waste,
            i.weight_kg,
            i.cost.to_string()
        );
        for c in &i.cuts {
            outln!(
                "      {:>3} × {:>5} mm  {} ({})",
                c.count,
                c.length_mm,
                safe(&c.label),
                c.end_cuts
            );
        }
        for p in &i.panes {
            outln!(
                "      {:>3} × {} × {} mm  {}",
                p.count,
                p.width_mm,
                p.height_mm,
                safe(&p.label)
            );
        }
    }
    outln!(
        "\n  total weight {:.2} kg, heaviest leaf {:.1} kg, material {}",
        r.total_weight_kg,
        r.leaf_weight_kg,
        r.material_cost
    );
    warnings(&r.warnings);
}

pub fn quote(r: &QuoteReport) {
    outln!(
        "Quote{} for {}",
        r.quote_number
            .as_deref()
            .map(|n| format!(" {}", safe(n)))
            .unwrap_or_default(),
        safe(&r.customer_name)
    );
    if let Some(p) = &r.project_name {
        outln!(
            "Project {}{}",
            safe(p),
            r.project_reference
                .as_deref()
                .map(|x| format!(" ({})", safe(x)))
                .unwrap_or_default()
        );
    }
    outln!(
        "Dated {}, valid until {}, status {}, lead time {} days\n",
        r.quote_date,
        r.valid_until,
        r.status,
        r.estimated_lead_time_days
    );
    for l in &r.lines {
        outln!(
            "  {}. {} × {}",
            l.line_number,
            l.quantity,
            safe(&l.description)
        );
        outln!(
            "     U_D {:.2} W/m²K, {:.2} kg; unit price {}, line {}",
            l.overall_u_value,
            l.estimated_weight_kg,
            l.unit_price,
            l.subtotal
        );
    }
    outln!();
    outln!("  {:<28} {:>14}", "material", r.material_cost.to_string());
    outln!("  {:<28} {:>14}", "labour", r.labor_cost.to_string());
    outln!("  {:<28} {:>14}", "overhead", r.overhead_cost.to_string());
    outln!(
        "  {:<28} {:>14}",
        format!("subtotal (margin {})", r.profit_margin_percentage),
        r.subtotal.to_string()
    );
    outln!(
        "  {:<28} {:>14}",
        format!("discount {}", r.discount_percentage),
        (-r.discount_amount).to_string()
    );
    outln!(
        "  {:<28} {:>14}",
        format!("VAT {}", r.tax_percentage),
        r.tax_amount.to_string()
    );
    outln!(
        "  {:<28} {:>14}",
        format!("total {}", r.currency),
        r.total.to_string()
    );
    outln!("\n  estimated weight {:.2} kg", r.estimated_weight_kg);
    warnings(&r.warnings);
}

pub fn compare(r: &spw_app::compare::CompareReport) {
    if r.fields.is_empty() {
        outln!("No configuration field changed.");
    } else {
        outln!("Changed fields:");
        for f in &r.fields {
            outln!(
                "  {:<20} {} → {}",
                safe(&f.field),
                safe(&f.old.to_string()),
                safe(&f.new.to_string())
            );
        }
    }
    if !r.bom.is_empty() {
        outln!("\nBOM changes:");
        for b in &r.bom {
            let unit = serde_json::to_value(b.unit)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            outln!(
                "  {:<20} {:>10.3} → {:>10.3} {unit:<4} {:>12}",
                safe(&b.code),
                b.old_quantity,
                b.new_quantity,
                b.cost_delta.to_string()
            );
        }
    }
    outln!(
        "\n  price per door   {} → {} ({})",
        r.price.old,
        r.price.new,
        r.price.delta
    );
    outln!(
        "  material         {} → {} ({})",
        r.material_cost.old,
        r.material_cost.new,
        r.material_cost.delta
    );
    outln!(
        "  weight           {:.2} → {:.2} kg ({:+.2})",
        r.weight_kg.old,
        r.weight_kg.new,
        r.weight_kg.delta
    );
    outln!(
        "  U_D              {:.2} → {:.2} W/m²K ({:+.2})",
        r.u_value.old,
        r.u_value.new,
        r.u_value.delta
    );
    if !r.drawing.is_empty() {
        outln!("\nDrawing changes:");
        for c in &r.drawing {
            outln!(
                "  {:<32} {:<14} +{} −{}",
                c.view,
                c.layer.as_str(),
                c.added,
                c.removed
            );
        }
    }
}
