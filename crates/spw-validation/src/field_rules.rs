//! Rules on single fields and their combinations, checked on the draft so that one bad field
//! never hides another: product limits, catalogue choices, security, fire, finish, access.

use serde_json::json;
use spw_model::catalogue::{Catalogue, ColourScheme};
use spw_model::config::{Finish, ThresholdType};
use spw_model::config_reader::Draft;
use spw_model::{Issue, IssueCode};

fn range_issue(
    code: IssueCode,
    field: &str,
    what: &str,
    value: i64,
    min: u32,
    max: u32,
) -> Option<Issue> {
    let (min, max) = (i64::from(min), i64::from(max));
    let message = if value < min {
        format!("{what} {value} mm is below the minimum of {min} mm")
    } else if value > max {
        format!("{what} {value} mm exceeds the maximum of {max} mm")
    } else {
        return None;
    };
    Some(
        Issue::error(code, field, message)
            .value(value)
            .limit(json!({"min": min, "max": max})),
    )
}

fn unknown_choice(field: &str, what: &str, id: &str, options: Vec<&str>) -> Issue {
    Issue::error(
        IssueCode::Malformed,
        field,
        format!(
            "{what} `{id}` is not in the catalogue; choose one of: {}",
            options.join(", ")
        ),
    )
    .value(id)
    .limit(options)
}

pub(crate) fn check(d: &Draft, cat: &Catalogue, out: &mut Vec<Issue>) {
    let l = &cat.limits;
    if let Some(w) = d.frame_width_mm {
        out.extend(range_issue(
            IssueCode::DimensionLimit,
            "frame_width",
            "Frame width",
            w,
            l.frame_width_min_mm,
            l.frame_width_max_mm,
        ));
    }
    if let Some(h) = d.frame_height_mm {
        out.extend(range_issue(
            IssueCode::DimensionLimit,
            "frame_height",
            "Frame height",
            h,
            l.frame_height_min_mm,
            l.frame_height_max_mm,
        ));
    }
    for (field, what, value, max) in [
        (
            "leaf_width",
            "Leaf width",
            d.leaf_width_mm,
            l.leaf_width_max_mm,
        ),
        (
            "leaf_height",
            "Leaf height",
            d.leaf_height_mm,
            l.leaf_height_max_mm,
        ),
    ] {
        if let Some(v) = value {
            out.extend(range_issue(
                IssueCode::DimensionLimit,
                field,
                what,
                v,
                1,
                max,
            ));
        }
    }
    if let Some(t) = d.glazing_thickness_mm {
        out.extend(range_issue(
            IssueCode::Glazing,
            "glazing_thickness",
            "Glazing thickness",
            t,
            l.glazing_thickness_min_mm,
            l.glazing_thickness_max_mm,
        ));
    }
    if let Some(u) = d.glazing_u_value
        && !(0.3..=6.0).contains(&u)
    {
        out.push(
                Issue::error(
                    IssueCode::Glazing,
                    "glazing_u_value",
                    format!("a glazing U-value of {u} W/m²K is not plausible; certified units lie between 0.3 and 6.0"),
                )
                .value(u)
                .limit(json!({"min": 0.3, "max": 6.0})),
            );
    }
    if let Some(id) = d.spacer.as_deref()
        && cat.spacer(Some(id)).is_none()
    {
        out.push(unknown_choice(
            "spacer",
            "Spacer",
            id,
            cat.spacers.iter().map(|s| s.id.as_str()).collect(),
        ));
    }

    let hw = &d.hardware;
    if let Some(id) = hw.hinges.as_deref()
        && cat.hinge(id).is_none()
    {
        out.push(unknown_choice(
            "hardware.hinges",
            "Hinge option",
            id,
            cat.hinges.iter().map(|h| h.id.as_str()).collect(),
        ));
    }
    let lock = hw.lock.as_deref().map(|id| (id, cat.lock(id)));
    if let Some((id, None)) = lock {
        out.push(unknown_choice(
            "hardware.lock",
            "Lock",
            id,
            cat.locks.iter().map(|h| h.id.as_str()).collect(),
        ));
    }
    if let Some(id) = hw.handles.as_deref()
        && cat.handle(id).is_none()
    {
        out.push(unknown_choice(
            "hardware.handles",
            "Handle",
            id,
            cat.handles.iter().map(|h| h.id.as_str()).collect(),
        ));
    }
    if let Some(id) = hw.closer.as_deref()
        && id != "none"
        && cat.closer(id).is_none()
    {
        out.push(unknown_choice(
            "hardware.closer",
            "Closer",
            id,
            cat.closers.iter().map(|h| h.id.as_str()).collect(),
        ));
    }

    // Security: PAS 24 (and Secured by Design, which requires PAS 24) needs a multipoint lock.
    if let Some(rating) = d.security_rating.filter(|r| r.needs_pas24()) {
        match lock {
            None => out.push(
                Issue::error(
                    IssueCode::HardwareSecurity,
                    "hardware.lock",
                    format!(
                        "a {} door needs a multipoint lock; none is specified",
                        rating.as_str()
                    ),
                )
                .limit("multipoint"),
            ),
            Some((id, Some(item))) if !item.multipoint => out.push(
                Issue::error(
                    IssueCode::HardwareSecurity,
                    "hardware.lock",
                    format!(
                        "a {} door needs a multipoint lock; `{id}` locks at a single point",
                        rating.as_str()
                    ),
                )
                .value(id)
                .limit("multipoint"),
            ),
            _ => {}
        }
    }

    // Fire: rated up to 60 minutes, in 30-minute classes, and a fire door must be self-closing
    // (Approved Document B, Appendix C).
    if let Some(fire) = &d.fire_rating {
        if fire.minutes != 30 && fire.minutes != 60 {
            out.push(
                Issue::error(
                    IssueCode::FireRating,
                    "fire_rating",
                    format!(
                        "the SPW600e is fire rated for 30 or 60 minutes; {} is not available",
                        fire.designation
                    ),
                )
                .value(fire.designation.clone())
                .limit(json!([30, 60])),
            );
        }
        let closer = hw.closer.as_deref().filter(|c| *c != "none");
        if closer.is_none() {
            out.push(
                Issue::error(
                    IssueCode::FireRating,
                    "hardware.closer",
                    format!(
                        "a {} fire door must be self-closing: choose a door closer",
                        fire.designation
                    ),
                )
                .limit("closer required"),
            );
        }
    }

    // Finish and colour.
    if let Some(finish) = d.finish {
        let rule = cat.finish(finish);
        match (rule.colour, d.color.as_deref()) {
            (ColourScheme::Ral, None) => out.push(
                Issue::error(
                    IssueCode::Finish,
                    "color",
                    "powder coating needs a RAL colour, e.g. \"RAL 7016\"",
                )
                .limit("RAL Classic"),
            ),
            (ColourScheme::Ral, Some(c)) if cat.ral(c).is_none() => out.push(
                Issue::error(
                    IssueCode::Finish,
                    "color",
                    format!("`{c}` is not a RAL Classic colour; write it like \"RAL 7016\""),
                )
                .value(c)
                .limit("RAL Classic"),
            ),
            (ColourScheme::Anodised, c)
                if !c.is_some_and(|c| rule.colours.iter().any(|s| s == c)) =>
            {
                out.push(
                    Issue::error(
                        IssueCode::Finish,
                        "color",
                        format!(
                            "an anodised finish needs one of the shades: {}",
                            rule.colours.join(", ")
                        ),
                    )
                    .value(c.map_or(serde_json::Value::Null, serde_json::Value::from))
                    .limit(rule.colours.clone()),
                )
            }
            (ColourScheme::None, Some(c)) if finish == Finish::Mill => out.push(
                Issue::warning(
                    IssueCode::Finish,
                    "color",
                    format!("a mill finish has no colour; `{c}` is ignored"),
                )
                .value(c),
            ),
            _ => {}
        }
    }

    // Accessibility: an accessible door needs the low threshold (Approved Document M: at most
    // 15 mm total upstand).
    if d.accessible == Some(true)
        && d.threshold_type.unwrap_or(ThresholdType::Standard) == ThresholdType::Standard
    {
        let upstand = cat
            .profile(spw_model::catalogue::ProfileRole::ThresholdStandard)
            .upstand_mm;
        out.push(
            Issue::error(
                IssueCode::Accessibility,
                "threshold_type",
                format!(
                    "an accessible door needs the low threshold: the standard threshold's {} mm upstand exceeds {} mm",
                    upstand.unwrap_or(0),
                    cat.accessibility.max_threshold_upstand_mm
                ),
            )
            .value("standard")
            .limit(json!({"max_upstand_mm": cat.accessibility.max_threshold_upstand_mm})),
        );
    }

    if let (Some(stated), Some(t)) = (d.declared.leaf_count, d.door_type)
        && stated != t.leaf_count()
    {
        out.push(
                Issue::warning(
                    IssueCode::DerivedMismatch,
                    "leaf_count",
                    format!("leaf_count {stated} does not match a {} door ({} leaves); the door type governs", if t.leaf_count() == 1 { "single" } else { "double" }, t.leaf_count()),
                )
                .value(stated)
                .limit(t.leaf_count()),
            );
    }
}
