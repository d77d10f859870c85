//! The SPW600e design rules. Evaluating a configuration reads it, checks every field against the
//! product limits, builds its geometry and thermal result when it can, and checks the rules that
//! need them — returning every issue at once, never only the first.
//!
//! The same [`Evaluation`] carries the geometry and thermal result on, so callers (BOM, quotes,
//! drawings) never compute them twice.

mod design_rules;
mod field_rules;

use serde_json::Value;
use spw_geometry::DoorGeometry;
use spw_model::catalogue::Catalogue;
use spw_model::config::DoorConfiguration;
use spw_model::config_reader::{self, Draft};
use spw_model::issue::{Issue, has_errors};
use spw_thermal::Thermal;
use std::collections::HashSet;

/// A configuration evaluated against the catalogue.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The typed configuration, when every field could be read.
    pub config: Option<DoorConfiguration>,
    /// The geometry, when the door could be built.
    pub geometry: Option<DoorGeometry>,
    /// The thermal result, when there is geometry.
    pub thermal: Option<Thermal>,
    /// Every issue found, errors and warnings, in field order.
    pub issues: Vec<Issue>,
}

impl Evaluation {
    /// Whether there are no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !has_errors(&self.issues)
    }

    /// The parts a valid door has, or its issues.
    pub fn valid_parts(&self) -> Option<(&DoorConfiguration, &DoorGeometry, &Thermal)> {
        if !self.is_valid() {
            return None;
        }
        Some((
            self.config.as_ref()?,
            self.geometry.as_ref()?,
            self.thermal.as_ref()?,
        ))
    }
}

/// Evaluate JSON text.
pub fn evaluate_text(text: &str, cat: &Catalogue) -> Evaluation {
    let (draft, issues) = config_reader::read_text(text);
    evaluate_draft(&draft, issues, cat)
}

/// Evaluate a JSON value (e.g. one line of a quote).
pub fn evaluate_value(value: &Value, cat: &Catalogue) -> Evaluation {
    let (draft, issues) = config_reader::read_value(value);
    evaluate_draft(&draft, issues, cat)
}

/// Evaluate a typed configuration (e.g. one a front end built directly).
pub fn evaluate_config(cfg: &DoorConfiguration, cat: &Catalogue) -> Evaluation {
    let draft = Draft {
        door_type: Some(cfg.door_type),
        opening_direction: Some(cfg.opening_direction),
        handing: Some(cfg.handing),
        frame_width_mm: Some(i64::from(cfg.frame_width_mm)),
        frame_height_mm: Some(i64::from(cfg.frame_height_mm)),
        leaf_width_mm: cfg.leaf_width_mm.map(i64::from),
        leaf_height_mm: cfg.leaf_height_mm.map(i64::from),
        glazing_type: Some(cfg.glazing_type),
        glazing_thickness_mm: Some(i64::from(cfg.glazing_thickness_mm)),
        glazing_unit: cfg.glazing_unit.clone(),
        glazing_u_value: cfg.glazing_u_value,
        spacer: cfg.spacer.clone(),
        threshold_type: Some(cfg.threshold_type),
        finish: Some(cfg.finish),
        color: cfg.color.clone(),
        hardware: cfg.hardware.clone(),
        security_rating: Some(cfg.security_rating),
        fire_rating: cfg.fire_rating.clone(),
        acoustic_rating_db: cfg.acoustic_rating_db,
        accessible: Some(cfg.accessible),
        declared: cfg.declared.clone(),
        broken: Default::default(),
    };
    evaluate_draft(&draft, Vec::new(), cat)
}

/// Evaluate what the reader made of a configuration, adding to the reader's issues.
pub fn evaluate_draft(draft: &Draft, mut issues: Vec<Issue>, cat: &Catalogue) -> Evaluation {
    field_rules::check(draft, cat, &mut issues);
    // Geometry is built whenever every field could be read, even when limits are broken, so
    // that its rules (weight, hinges, glass size) report alongside the field rules.
    let config = draft.complete();
    let mut geometry = None;
    let mut thermal = None;
    if let Some(cfg) = &config {
        match spw_geometry::build(cfg, cat) {
            Ok(g) => {
                let t = spw_thermal::assess(cfg, &g, cat);
                design_rules::check(cfg, &g, t.as_ref(), cat, &mut issues);
                thermal = t;
                geometry = Some(g);
            }
            Err(geometry_issues) => issues.extend(geometry_issues),
        }
    }
    Evaluation {
        config,
        geometry,
        thermal,
        issues: dedupe(issues),
    }
}

/// Keep the first issue per (code, field): a field rule's message beats a geometry rule's
/// restatement of the same fault.
fn dedupe(issues: Vec<Issue>) -> Vec<Issue> {
    let mut seen = HashSet::new();
    issues
        .into_iter()
        .filter(|i| seen.insert((i.code, i.field.clone(), i.severity)))
        .collect()
}
