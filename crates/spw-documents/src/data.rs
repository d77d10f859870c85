//! The data the templates typeset, generated from the domain types as one JSON document
//! (`/data.json` in the templates' world). Numbers a reader sees are formatted here, once, with
//! their units; money is integer pence in the domain and `£1,234.56` here.

use crate::{DocError, DocMeta};
use serde_json::{Value, json};
use spw_app::QuoteReport;
use spw_bom::{Bom, Category, Unit};
use spw_drawing::Drawing;
use spw_geometry::DoorGeometry;
use spw_model::DoorConfiguration;
use spw_model::catalogue::{Catalogue, ColourScheme, Layer, PaneKind, ProfileRole};
use spw_model::config::{DoorType, Handing, OpeningDirection, SecurityRating, ThresholdType};
use spw_thermal::{ENERGY_RATING_BASIS, METHOD, Thermal};

fn f(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

fn mm(v: impl std::fmt::Display) -> String {
    format!("{v} mm")
}

fn door_type(cfg: &DoorConfiguration) -> &'static str {
    match cfg.door_type {
        DoorType::Single => "Single leaf",
        DoorType::Double => "Double leaf (French)",
    }
}

fn unit_label(unit: Unit) -> &'static str {
    match unit {
        Unit::Metre => "m",
        Unit::SquareMetre => "m²",
        Unit::Piece => "pcs",
    }
}

fn category_label(c: Category) -> &'static str {
    match c {
        Category::Profile => "Profiles",
        Category::Glazing => "Glazing",
        Category::Hardware => "Hardware",
        Category::Sealing => "Gaskets and seals",
        Category::Fixing => "Fixings",
        Category::Finish => "Finish",
    }
}

fn quantity_text(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Piece => format!("{v:.0}"),
        _ => format!("{v:.3}"),
    }
}

fn pane_kind(kind: PaneKind) -> &'static str {
    match kind {
        PaneKind::Toughened => "toughened safety glass",
        PaneKind::Laminated => "laminated safety glass",
        PaneKind::FireResisting => "fire-resisting laminated glass",
        PaneKind::Float => "annealed float glass",
    }
}

fn gas_name(gas: &str) -> &str {
    match gas {
        "Ar" => "argon",
        "Kr" => "krypton",
        "Air" => "air",
        other => other,
    }
}

/// The finish line, e.g. `Polyester powder coating …, RAL 7016 Anthracite grey`.
fn finish(cfg: &DoorConfiguration, cat: &Catalogue) -> Value {
    let rule = cat.finish(cfg.finish);
    let (colour, colour_name) = match (rule.colour, cfg.color.as_deref()) {
        (ColourScheme::Ral, Some(code)) => (
            code.to_owned(),
            cat.ral(code).map(|c| c.name.clone()).unwrap_or_default(),
        ),
        (ColourScheme::Anodised, Some(shade)) => {
            (shade.replace('_', " "), "anodised shade".to_owned())
        }
        (_, Some(other)) => (other.to_owned(), String::new()),
        (_, None) => ("none".to_owned(), "natural aluminium".to_owned()),
    };
    json!({
        "id": cfg.finish.as_str(),
        "name": match cfg.finish {
            spw_model::config::Finish::PowderCoating => "Powder coated",
            spw_model::config::Finish::Anodised => "Anodised",
            spw_model::config::Finish::Mill => "Mill finish",
        },
        "description": rule.description,
        "colour": colour,
        "colour_name": colour_name,
        "lead_time_days": rule.lead_time_days,
    })
}

fn bom_rows(bom: &Bom, doors: u32) -> Vec<Value> {
    bom.items
        .iter()
        .map(|i| {
            let unit = i.quantity.unit();
            json!({
                "code": i.code,
                "description": i.description,
                "category": category_label(i.category),
                "unit": unit_label(unit),
                "quantity": quantity_text(i.quantity.in_unit(), unit),
                "waste": i.waste.to_string(),
                "quantity_with_waste": quantity_text(i.quantity_with_waste(), unit),
                "line_quantity": quantity_text(i.quantity_with_waste() * f64::from(doors), unit),
                "weight_kg": f(i.weight_kg, 2),
                "cuts": i.cuts.iter().map(|c| format!("{} × {} mm {}", c.count, c.length_mm, c.label)).collect::<Vec<_>>(),
                "panes": i.panes.iter().map(|p| format!("{} × {} × {} mm {}", p.count, p.width_mm, p.height_mm, p.label)).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// Everything the ten specification sections say about one door.
fn door_spec(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    t: &Thermal,
    bom: &Bom,
    cat: &Catalogue,
) -> Value {
    let sys = &cat.system;
    let lim = &cat.limits;
    let unit = cat.glazing_unit(&g.glazing_unit_code);
    let build = unit.map(|u| u.build());
    let layers: Vec<String> = build
        .as_ref()
        .map(|b| {
            b.layers
                .iter()
                .map(|l| match l {
                    Layer::Pane { thickness_mm, kind } => {
                        format!("{} mm {}", trim(*thickness_mm), pane_kind(*kind))
                    }
                    Layer::Cavity { width_mm, gas } => {
                        format!("{} mm {}-filled cavity", trim(*width_mm), gas_name(gas))
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let laminated_inner = build.as_ref().is_some_and(|b| b.inner_pane_laminated());
    let all_safety = build.as_ref().is_some_and(|b| b.all_safety_glass());

    let threshold_role = match cfg.threshold_type {
        ThresholdType::Standard => ProfileRole::ThresholdStandard,
        ThresholdType::Low => ProfileRole::ThresholdLow,
    };
    let mut roles = vec![ProfileRole::Frame, ProfileRole::Leaf];
    if cfg.leaf_count() == 2 {
        roles.push(ProfileRole::MeetingStile);
    }
    roles.push(threshold_role);
    let profiles: Vec<Value> = roles
        .iter()
        .map(|r| {
            let p = cat.profile(*r);
            json!({
                "code": p.code,
                "description": p.description,
                "sightline": mm(p.sightline_mm),
                "depth": mm(p.depth_mm),
                "uf": f(p.uf, 1),
                "weight": format!("{} kg/m", f(p.weight_kg_m, 2)),
                "upstand": p.upstand_mm.map(mm),
            })
        })
        .collect();
    let bead = cat.beads.iter().find(|b| b.code == g.bead_code);

    let leaves: Vec<Value> = g
        .leaves
        .iter()
        .map(|l| {
            json!({
                "name": if g.leaves.len() == 1 { "Leaf".to_owned() } else if l.active { format!("Leaf {} (active)", l.number) } else { format!("Leaf {} (passive)", l.number) },
                "width": mm(l.width_mm()),
                "height": mm(l.height_mm()),
                "glass": format!("{} × {} mm", l.glass.width_mm, l.glass.height_mm),
                "weight": format!("{} kg", f(l.weight.total_kg(), 1)),
                "hinge_side": match l.hinge_side { spw_geometry::Side::Left => "left", spw_geometry::Side::Right => "right" },
            })
        })
        .collect();

    let hinge = cat.hinge(&g.hinge_option_id);
    let lock = cfg.hardware.lock.as_deref().and_then(|id| cat.lock(id));
    let handle = cfg
        .hardware
        .handles
        .as_deref()
        .and_then(|id| cat.handle(id));
    let closer = cfg.hardware.closer.as_deref().and_then(|id| cat.closer(id));
    let leaves_n = cfg.leaf_count();
    let mut hardware = Vec::new();
    if let Some(h) = hinge {
        hardware.push(json!({"item": "Hinges", "code": h.code, "description": h.description,
            "quantity": format!("{} per leaf, {} in all", g.hinges_per_leaf, g.hinges_per_leaf * leaves_n),
            "note": format!("{} kg capacity each", f(h.capacity_kg, 0))}));
    }
    if let Some(l) = lock {
        hardware.push(json!({"item": "Lock", "code": l.code, "description": l.description,
            "quantity": "1 per door", "note": if l.multipoint { format!("{}-point locking", l.points) } else { "single-point".to_owned() }}));
    }
    if let Some(h) = handle {
        hardware.push(json!({"item": "Handles", "code": h.code, "description": h.description,
            "quantity": "1 set per door", "note": format!("lever at {} mm above finished floor", cat.allowances.handle_height_mm)}));
    }
    if let Some(c) = closer {
        hardware.push(json!({"item": "Closer", "code": c.code, "description": c.description,
            "quantity": "1 per door", "note": format!("EN 1154, leaves to {} mm / {} kg", c.max_leaf_width_mm, f(c.max_leaf_mass_kg, 0))}));
    }
    if leaves_n == 2 {
        hardware.push(json!({"item": "Selector", "code": cat.sundries.selector_code, "description": cat.sundries.selector_description,
            "quantity": "1 per door", "note": "passive leaf"}));
    }

    let thermal_rows: Vec<Value> = t
        .frame_parts
        .iter()
        .map(|p| {
            json!({"member": p.name, "profile": p.profile_code, "area": f(p.area_m2, 4), "u": f(p.uf, 2), "contribution": f(p.contribution, 4)})
        })
        .collect();
    let total_area = t.frame_area_m2 + t.glazing_area_m2 + t.panel_area_m2;
    let heat_loss = t.frame_contribution + t.glazing_contribution + t.edge_contribution;
    let spacer = cat.spacer(Some(&t.spacer));

    let fixings = &g.fixings;
    json!({
        "u_value": f(t.rounded_u_value(), 2),
        "system": {
            "name": sys.name, "product_code": sys.product_code, "version": sys.version,
            "description": sys.description, "depth": mm(sys.depth_mm),
        },
        "config": {
            "type": door_type(cfg),
            "short": if cfg.leaf_count() == 2 { "double door" } else { "single door" },
            "opening": match cfg.opening_direction { OpeningDirection::Inward => "Inward opening", OpeningDirection::Outward => "Outward opening" },
            "handing": match cfg.handing { Handing::Left => "Left hand (hinges left, seen from outside)", Handing::Right => "Right hand (hinges right, seen from outside)" },
            "width": mm(cfg.frame_width_mm),
            "height": mm(cfg.frame_height_mm),
            "depth": mm(sys.depth_mm),
            "size": format!("{} × {} mm", cfg.frame_width_mm, cfg.frame_height_mm),
            "leaf_count": leaves_n,
            "threshold": match cfg.threshold_type { ThresholdType::Standard => "Standard threshold", ThresholdType::Low => "Low threshold (Approved Document M)" },
            "security": match cfg.security_rating { SecurityRating::Pas24 => "PAS 24:2022", SecurityRating::SecuredByDesign => "Secured by Design (PAS 24:2022)", SecurityRating::None => "No security rating requested" },
            "fire": cfg.fire_rating.as_ref().map(|r| format!("{} ({} minutes)", r.designation, r.minutes)),
            "acoustic": cfg.acoustic_rating_db.map(|db| format!("Rw {db} dB requested")),
            "accessible": cfg.accessible,
        },
        "leaves": leaves,
        "profiles": profiles,
        "bead": bead.map(|b| json!({"code": b.code, "description": b.description})),
        "glazing": {
            "capacity": format!("{}–{} mm", lim.glazing_thickness_min_mm, lim.glazing_thickness_max_mm),
            "type": if cfg.glazing_type.panes() == 3 { "Triple glazed" } else { "Double glazed" },
            "thickness": mm(cfg.glazing_thickness_mm),
            "unit": g.glazing_unit_code,
            "build_up": unit.map(|u| u.build_up.clone()).unwrap_or_default(),
            "layers": layers,
            "ug": f(t.glazing_u_value, 2),
            "ug_source": if t.glazing_u_value_overridden { "certified value stated for this order" } else { "catalogue value, EN 673" },
            "weight": unit.map(|u| format!("{} kg/m²", f(u.weight_kg_m2(), 1))).unwrap_or_default(),
            "laminated_inner": laminated_inner,
            "all_safety": all_safety,
            "fire_minutes": unit.map_or(0, |u| u.fire_rating_minutes),
        },
        "thermal": {
            "method": METHOD,
            "u_value": f(t.rounded_u_value(), 2),
            "frame_u": f(t.frame_u_value, 2),
            "frame_rows": thermal_rows,
            "frame_area": f(t.frame_area_m2, 4),
            "frame_contribution": f(t.frame_contribution, 4),
            "glazing_area": f(t.glazing_area_m2, 4),
            "ug": f(t.glazing_u_value, 2),
            "glazing_contribution": f(t.glazing_contribution, 4),
            "edge_length": f(t.edge_length_m, 4),
            "psi": f(t.psi_value, 3),
            "edge_contribution": f(t.edge_contribution, 4),
            "total_area": f(total_area, 4),
            "heat_loss": f(heat_loss, 4),
            "spacer": spacer.map_or_else(|| t.spacer.clone(), |s| s.description.clone()),
            "spacer_source": spacer.map(|s| s.source.clone()).unwrap_or_default(),
            "compliance": t.compliance.iter().map(|c| json!({"rule": c.rule, "description": c.description, "limit": f(c.limit, 2), "pass": c.pass})).collect::<Vec<_>>(),
            "energy_rating": t.energy_rating.to_string(),
            "energy_basis": ENERGY_RATING_BASIS,
        },
        "structural": {
            "max_leaf_width": mm(lim.leaf_width_max_mm),
            "max_leaf_height": mm(lim.leaf_height_max_mm),
            "max_leaf_weight": format!("{} kg", f(lim.leaf_weight_max_kg, 0)),
            "frame_width_range": format!("{}–{} mm", lim.frame_width_min_mm, lim.frame_width_max_mm),
            "frame_height_range": format!("{}–{} mm", lim.frame_height_min_mm, lim.frame_height_max_mm),
            "leaf_weight": format!("{} kg", f(bom.leaf_weight_kg, 1)),
            "leaf_weight_share": format!("{} %", f(bom.leaf_weight_kg / lim.leaf_weight_max_kg * 100.0, 0)),
            "hinges_per_leaf": g.hinges_per_leaf,
            "hinges_required": g.hinges_required_per_leaf,
            "hinge_capacity": hinge.map(|h| format!("{} kg", f(h.capacity_kg * f64::from(g.hinges_per_leaf), 0))).unwrap_or_default(),
            "door_weight": format!("{} kg", f(bom.total_weight_kg, 1)),
        },
        "security": {
            "pas24": cfg.security_rating.needs_pas24(),
            "sbd": cfg.security_rating == SecurityRating::SecuredByDesign,
            "lock": lock.map(|l| format!("{} ({})", l.description, l.code)).unwrap_or_else(|| "No lock specified".into()),
        },
        "finish": finish(cfg, cat),
        "hardware": hardware,
        "installation": {
            "fixing_corner": mm(cat.allowances.fixing_corner_offset_mm),
            "fixing_centres": mm(cat.allowances.fixing_max_centres_mm),
            "fixings_jambs": fixings.jamb_y_mm.len() * 2,
            "fixings_head": fixings.head_x_mm.len(),
            "fixings_threshold": fixings.threshold_x_mm.len(),
            "fixings_total": fixings.count(),
            "fixing": cat.sundries.fixing_description,
            "fixing_code": cat.sundries.fixing_code,
            "gasket": cat.sundries.gasket_description,
            "gasket_length": format!("{} m", f(g.gaskets.total_mm() as f64 / 1000.0, 2)),
            "opening_width": mm(cfg.frame_width_mm + 10),
            "opening_height": mm(cfg.frame_height_mm + 5),
            "threshold_upstand": cat.profile(threshold_role).upstand_mm.map(mm),
        },
        "bom": bom_rows(bom, 1),
        "bom_weight": format!("{} kg", f(bom.total_weight_kg, 2)),
    })
}

/// `6.4` → `6.4`, `4.0` → `4`.
fn trim(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn doc(meta: &DocMeta, kind: &str, title: String, subject: String, keywords: Vec<String>) -> Value {
    json!({
        "kind": kind,
        "number": meta.document_number,
        "revision": meta.revision,
        "date": meta.date.to_string(),
        "prepared_by": meta.prepared_by,
        "project": meta.project,
        "customer": meta.customer,
        "title": title,
        "subject": subject,
        "keywords": keywords,
    })
}

/// The datasheet's data.
pub(crate) fn datasheet(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    t: &Thermal,
    bom: &Bom,
    cat: &Catalogue,
    meta: &DocMeta,
) -> Value {
    let spec = door_spec(cfg, g, t, bom, cat);
    let title = format!(
        "{} specification datasheet — {} door {} × {} mm",
        cat.system.name,
        if cfg.leaf_count() == 2 {
            "double"
        } else {
            "single"
        },
        cfg.frame_width_mm,
        cfg.frame_height_mm
    );
    json!({
        "doc": doc(meta, "datasheet", title, format!("Technical specification of an {} door set", cat.system.name),
            vec![cat.system.product_code.clone(), meta.document_number.clone(), format!("U_D {} W/m²K", f(t.rounded_u_value(), 2))]),
        "door": spec,
    })
}

/// A file the templates embed: its path in the templates' world and its bytes.
pub(crate) type EmbeddedFile = (String, Vec<u8>);

/// The quote package's data and the drawing files it embeds.
pub(crate) fn quote(
    q: &QuoteReport,
    drawings: &[Drawing],
    cat: &Catalogue,
    meta: &DocMeta,
) -> Result<(Value, Vec<EmbeddedFile>), DocError> {
    let mut files = Vec::new();
    let mut lines = Vec::new();
    let mut drawing_numbers = Vec::new();
    for (line, drawing) in q.lines.iter().zip(drawings) {
        let cfg = &line.door_configuration;
        let g = line_geometry(line, cat)?;
        let t = spw_thermal::assess(cfg, &g, cat).ok_or_else(|| {
            DocError::Input(format!(
                "line {} has no thermal assessment",
                line.line_number
            ))
        })?;
        let bom = spw_bom::build(cfg, &g, cat);
        let mut spec = door_spec(cfg, &g, &t, &bom, cat);
        let mut sheets = Vec::new();
        for (i, sheet) in drawing.sheets.iter().enumerate() {
            let svg = spw_svg::write_sheet(drawing, i).map_err(|e| {
                DocError::Input(format!("line {} sheet {}: {e}", line.line_number, i + 1))
            })?;
            let path = format!("/drawings/line-{}-{}.svg", line.line_number, i + 1);
            drawing_numbers.push(sheet.title.drawing_number.clone());
            sheets.push(json!({
                "path": path,
                "number": sheet.title.drawing_number,
                "revision": sheet.title.revision,
                "title": sheet.title.title,
                "view": sheet.views.first().map(|v| v.kind.as_str()).unwrap_or_default(),
                "scale": sheet.views.first().map(|v| v.scale.label()).unwrap_or_default(),
            }));
            files.push((path, svg.into_bytes()));
        }
        if let Some(obj) = spec.as_object_mut() {
            obj.insert(
                "line_bom".into(),
                Value::Array(bom_rows(&bom, line.quantity)),
            );
        }
        lines.push(json!({
            "number": line.line_number,
            "description": line.description,
            "quantity": line.quantity,
            "unit_price": line.unit_price.to_string(),
            "subtotal": line.subtotal.to_string(),
            "discount": line.discount_amount.to_string(),
            "tax": line.tax_amount.to_string(),
            "total": line.total.to_string(),
            "weight": format!("{} kg", f(line.estimated_weight_kg, 1)),
            "u_value": f(line.overall_u_value, 2),
            "lead_time_days": line.estimated_lead_time_days,
            "spec": spec,
            "drawings": sheets,
        }));
    }
    let number = q.quote_number.clone();
    let title = format!(
        "Quotation {} — {}",
        number.as_deref().unwrap_or("DRAFT"),
        q.project_name.as_deref().unwrap_or(&q.customer_name)
    );
    let mut keywords = vec![
        cat.system.product_code.clone(),
        number.clone().unwrap_or_else(|| "DRAFT".into()),
    ];
    keywords.extend(q.project_reference.clone());
    keywords.extend(drawing_numbers);
    let mut meta = meta.clone();
    meta.project = meta.project.or_else(|| q.project_name.clone());
    meta.customer = meta.customer.or_else(|| Some(q.customer_name.clone()));
    let finishes: Vec<Value> = {
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut out = Vec::new();
        for line in &q.lines {
            let cfg = &line.door_configuration;
            let key = (
                cfg.finish.as_str().to_owned(),
                cfg.color.clone().unwrap_or_default(),
            );
            if !seen.contains(&key) {
                seen.push(key);
                let mut v = finish(cfg, cat);
                if let Some(o) = v.as_object_mut() {
                    o.insert(
                        "lines".into(),
                        json!(
                            q.lines
                                .iter()
                                .filter(|l| l.door_configuration.finish == cfg.finish
                                    && l.door_configuration.color == cfg.color)
                                .map(|l| l.line_number)
                                .collect::<Vec<_>>()
                        ),
                    );
                }
                out.push(v);
            }
        }
        out
    };
    let data = json!({
        "doc": doc(&meta, "quote", title, format!("Technical package for quotation {} to {}", number.as_deref().unwrap_or("DRAFT"), q.customer_name), keywords),
        "quote": {
            "number": number,
            "draft": q.quote_number.is_none(),
            "customer": q.customer_name,
            "project": q.project_name,
            "reference": q.project_reference,
            "date": q.quote_date,
            "valid_until": q.valid_until,
            "validity_days": cat.commercial.quote_validity_days,
            "status": q.status.as_str(),
            "currency": q.currency,
            "subtotal": q.subtotal.to_string(),
            "discount_percentage": q.discount_percentage.to_string(),
            "discount": q.discount_amount.to_string(),
            "has_discount": q.discount_amount.0 != 0,
            "net": (q.subtotal - q.discount_amount).to_string(),
            "tax_percentage": q.tax_percentage.to_string(),
            "tax": q.tax_amount.to_string(),
            "total": q.total.to_string(),
            "weight": format!("{} kg", f(q.estimated_weight_kg, 1)),
            "lead_time_days": q.estimated_lead_time_days,
            "lead_time_weeks": q.estimated_lead_time_days.div_ceil(7),
            "doors": q.lines.iter().map(|l| l.quantity).sum::<u32>(),
            "lead_base_days": cat.lead_time.base_days,
            "lead_batch_doors": cat.lead_time.batch_doors,
            "lead_days_per_batch": cat.lead_time.days_per_extra_batch,
            "lead_fire_days": cat.lead_time.fire_glass_days,
        },
        "finishes": finishes,
        "lines": lines,
    });
    Ok((data, files))
}

/// The geometry of a quote line's door, or why it cannot be documented.
pub(crate) fn line_geometry(
    line: &spw_app::report::QuoteLineReport,
    cat: &Catalogue,
) -> Result<spw_geometry::DoorGeometry, DocError> {
    spw_geometry::build(&line.door_configuration, cat).map_err(|issues| {
        DocError::Input(format!(
            "line {} does not build: {}",
            line.line_number,
            issues
                .iter()
                .map(|i| i.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })
}
