//! Reading a door configuration from JSON, collecting every problem instead of stopping at the
//! first one.
//!
//! The reader accepts the design plan's own payloads unchanged: the `door_configuration` of 7.2.3
//! and the drawing-request body of 6.3.2 (where the door type is called `door_type`). The result
//! is a [`Draft`]: every field the reader could make sense of, plus the issues for the rest. The
//! validation rules check limits on a draft field by field, so a bad glazing type does not hide
//! an oversized frame; a complete [`DoorConfiguration`] is built only when nothing is missing.

use crate::config::{
    Declared, DoorConfiguration, DoorType, Finish, FireRating, GlazingType, Handing, Hardware,
    OpeningDirection, SCHEMA_VERSION, SecurityRating, ThresholdType,
};
use crate::issue::{Issue, IssueCode};
use crate::json::{self, Document};
use crate::limits::{check_text, text_limit};
use crate::text::{ECHO_CHARS, clip};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Fields of the request envelopes (6.3.2 drawing request, quotes) that travel with a door
/// configuration but describe the request, not the door. They are accepted silently.
const ENVELOPE_FIELDS: &[&str] = &[
    "project_reference",
    "drawing_types",
    "scale",
    "format",
    "priority",
    "requested_by",
    "requested_by_email",
    "notes",
    "metadata",
    "sheet",
];

/// What the reader made of a configuration: each field that was present and well-formed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Single or double.
    pub door_type: Option<DoorType>,
    /// Opening direction.
    pub opening_direction: Option<OpeningDirection>,
    /// Handing (defaults to left when absent).
    pub handing: Option<Handing>,
    /// Frame width, mm (may be outside the limits; negative values are kept to be reported).
    pub frame_width_mm: Option<i64>,
    /// Frame height, mm.
    pub frame_height_mm: Option<i64>,
    /// Stated leaf width, mm.
    pub leaf_width_mm: Option<i64>,
    /// Stated leaf height, mm.
    pub leaf_height_mm: Option<i64>,
    /// Glazing type.
    pub glazing_type: Option<GlazingType>,
    /// Glazing thickness, mm.
    pub glazing_thickness_mm: Option<i64>,
    /// Named glazing unit.
    pub glazing_unit: Option<String>,
    /// Ug override.
    pub glazing_u_value: Option<f64>,
    /// Spacer id.
    pub spacer: Option<String>,
    /// Threshold (defaults to standard).
    pub threshold_type: Option<ThresholdType>,
    /// Finish.
    pub finish: Option<Finish>,
    /// Colour.
    pub color: Option<String>,
    /// Hardware.
    pub hardware: Hardware,
    /// Security rating (defaults to none).
    pub security_rating: Option<SecurityRating>,
    /// Fire rating.
    pub fire_rating: Option<FireRating>,
    /// Acoustic rating, dB.
    pub acoustic_rating_db: Option<u32>,
    /// Explicit accessibility requirement.
    pub accessible: Option<bool>,
    /// Stated derived values.
    pub declared: Declared,
    /// Fields that were present but unusable (already reported), so rules leave them alone.
    pub broken: BTreeSet<String>,
}

impl Draft {
    /// A complete configuration, when every required field is present and every length is a
    /// usable positive size. Limits are not checked here.
    pub fn complete(&self) -> Option<DoorConfiguration> {
        let len = |v: Option<i64>| v.and_then(|x| u32::try_from(x).ok()).filter(|&x| x > 0);
        let opt_len = |v: Option<i64>| -> Option<Option<u32>> {
            match v {
                None => Some(None),
                Some(x) => len(Some(x)).map(Some),
            }
        };
        if !self.broken.is_empty() {
            return None;
        }
        Some(DoorConfiguration {
            door_type: self.door_type?,
            opening_direction: self.opening_direction?,
            handing: self.handing.unwrap_or(Handing::Left),
            frame_width_mm: len(self.frame_width_mm)?,
            frame_height_mm: len(self.frame_height_mm)?,
            leaf_width_mm: opt_len(self.leaf_width_mm)?,
            leaf_height_mm: opt_len(self.leaf_height_mm)?,
            glazing_type: self.glazing_type?,
            glazing_thickness_mm: len(self.glazing_thickness_mm)?,
            glazing_unit: self.glazing_unit.clone(),
            glazing_u_value: self.glazing_u_value,
            spacer: self.spacer.clone(),
            threshold_type: self.threshold_type.unwrap_or(ThresholdType::Standard),
            finish: self.finish?,
            color: self.color.clone(),
            hardware: self.hardware.clone(),
            security_rating: self.security_rating.unwrap_or(SecurityRating::None),
            fire_rating: self.fire_rating.clone(),
            acoustic_rating_db: self.acoustic_rating_db,
            accessible: self.accessible.unwrap_or(false)
                || self.threshold_type == Some(ThresholdType::Low),
            declared: self.declared.clone(),
        })
    }
}

/// Parse JSON text into a value (a leading byte order mark skipped), or the `ERR_VAL_001` issue
/// giving the syntax error's position.
#[allow(clippy::result_large_err)] // one issue, returned once per document
pub fn parse_json(text: &str) -> Result<Value, Issue> {
    json::parse(text).map(|p| p.value)
}

/// Read a configuration from JSON text. The text is checked to hold an object before any tree
/// is built; a key given twice is an `ERR_VAL_008` warning (the last value is used).
pub fn read_text(text: &str) -> (Draft, Vec<Issue>) {
    match json::parse_object(text) {
        Ok(Document::Object { members, warnings }) => {
            let mut r = Reader::default();
            r.read(&members);
            r.issues.extend(warnings);
            (r.draft, r.issues)
        }
        Ok(Document::NotObject { kind, excerpt }) => {
            (Draft::default(), vec![not_an_object(kind).value(excerpt)])
        }
        Err(issue) => (Draft::default(), vec![issue]),
    }
}

fn not_an_object(kind: &str) -> Issue {
    Issue::error(
        IssueCode::Malformed,
        "",
        format!("a door configuration must be a JSON object, not {kind}"),
    )
}

/// Read a configuration from a JSON value.
pub fn read_value(value: &Value) -> (Draft, Vec<Issue>) {
    let mut r = Reader::default();
    let Some(obj) = value.as_object() else {
        r.issues
            .push(not_an_object(kind(value)).value(crate::issue::echo(value)));
        return (r.draft, r.issues);
    };
    r.read(obj);
    (r.draft, r.issues)
}

fn kind(v: &Value) -> &'static str {
    json::kind_of(v)
}

#[derive(Default)]
struct Reader {
    draft: Draft,
    issues: Vec<Issue>,
}

impl Reader {
    fn bad(&mut self, field: &str, message: String, value: &Value, allowed: Option<Value>) {
        let mut issue =
            Issue::error(IssueCode::Malformed, field, message).value(crate::issue::echo(value));
        if let Some(a) = allowed {
            issue = issue.limit(a);
        }
        self.issues.push(issue);
        self.draft.broken.insert(field.to_owned());
    }

    fn missing(&mut self, field: &str, what: &str) {
        self.issues.push(Issue::error(
            IssueCode::Malformed,
            field,
            format!("{field} is required: {what}"),
        ));
    }

    /// A string field restricted to a set of values; `None` when absent or null.
    fn choice<T: Copy>(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        let v = obj.get(field)?;
        if v.is_null() {
            return None;
        }
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        let allowed = Value::from(names.clone());
        match v.as_str() {
            Some(s) => {
                if let Some((_, t)) = options.iter().find(|(n, _)| *n == s) {
                    Some(*t)
                } else {
                    self.bad(
                        field,
                        format!(
                            "{field} `{}` is not one of: {}",
                            clip(s, ECHO_CHARS),
                            names.join(", ")
                        ),
                        v,
                        Some(allowed),
                    );
                    None
                }
            }
            None => {
                self.bad(
                    field,
                    format!(
                        "{field} must be a string, one of: {}; got {}",
                        names.join(", "),
                        kind(v)
                    ),
                    v,
                    Some(allowed),
                );
                None
            }
        }
    }

    /// A length in whole millimetres.
    fn length(&mut self, obj: &Map<String, Value>, field: &str) -> Option<i64> {
        let v = obj.get(field)?;
        if v.is_null() {
            return None;
        }
        let Some(n) = v.as_f64() else {
            self.bad(
                field,
                format!("{field} must be a number of millimetres, got {}", kind(v)),
                v,
                None,
            );
            return None;
        };
        if let Some(i) = v.as_i64() {
            return Some(i);
        }
        if n.fract() != 0.0 || !n.is_finite() || n.abs() > 1e12 {
            self.bad(
                field,
                format!("{field} must be a whole number of millimetres, got {n}"),
                v,
                None,
            );
            return None;
        }
        #[allow(clippy::cast_possible_truncation)] // integral and bounded above
        Some(n as i64)
    }

    fn number(&mut self, obj: &Map<String, Value>, field: &str, path: &str) -> Option<f64> {
        let v = obj.get(field)?;
        if v.is_null() {
            return None;
        }
        match v.as_f64() {
            Some(n) => Some(n),
            None => {
                self.bad(
                    path,
                    format!("{path} must be a number, got {}", kind(v)),
                    v,
                    None,
                );
                None
            }
        }
    }

    fn text(&mut self, obj: &Map<String, Value>, field: &str, path: &str) -> Option<String> {
        let v = obj.get(field)?;
        match v {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => {
                let limit = text_limit(field).unwrap_or(crate::limits::MAX_REFERENCE_CHARS);
                if let Some(issue) = check_text(path, s.trim(), limit) {
                    self.issues.push(issue);
                    self.draft.broken.insert(path.to_owned());
                    return None;
                }
                Some(s.trim().to_owned())
            }
            other => {
                self.bad(
                    path,
                    format!("{path} must be a string, got {}", kind(other)),
                    other,
                    None,
                );
                None
            }
        }
    }

    fn read(&mut self, obj: &Map<String, Value>) {
        const KNOWN: &[&str] = &[
            "schema_version",
            "type",
            "door_type",
            "opening_direction",
            "handing",
            "frame_width",
            "frame_height",
            "leaf_width",
            "leaf_height",
            "leaf_count",
            "leaf_weight",
            "glazing_thickness",
            "glazing_type",
            "glazing_unit",
            "glazing_u_value",
            "spacer",
            "overall_u_value",
            "threshold_type",
            "finish",
            "color",
            "colour",
            "hardware",
            "security_rating",
            "fire_rating",
            "acoustic_rating",
            "accessible",
        ];
        if let Some(v) = obj.get("schema_version") {
            match v.as_u64() {
                Some(n) if n >= 1 && n <= u64::from(SCHEMA_VERSION) => {}
                Some(n) if n > u64::from(SCHEMA_VERSION) => self.bad(
                    "schema_version",
                    format!(
                        "schema version {n} is newer than this application reads ({SCHEMA_VERSION}); update the application"
                    ),
                    v,
                    Some(SCHEMA_VERSION.into()),
                ),
                _ => self.bad(
                    "schema_version",
                    "schema_version must be a positive whole number".into(),
                    v,
                    Some(SCHEMA_VERSION.into()),
                ),
            }
        }

        let types = [("single", DoorType::Single), ("double", DoorType::Double)];
        let t1 = self.choice(obj, "type", &types);
        let t2 = self.choice(obj, "door_type", &types);
        self.draft.door_type = match (t1, t2) {
            (Some(a), Some(b)) if a != b => {
                self.bad(
                    "door_type",
                    "type and door_type disagree; give one of them".into(),
                    &obj["door_type"],
                    None,
                );
                None
            }
            (a, b) => a.or(b),
        };
        if self.draft.door_type.is_none()
            && !self.draft.broken.contains("type")
            && !self.draft.broken.contains("door_type")
        {
            self.missing("type", "\"single\" or \"double\"");
        }

        self.draft.opening_direction = self.choice(
            obj,
            "opening_direction",
            &[
                ("inward", OpeningDirection::Inward),
                ("outward", OpeningDirection::Outward),
            ],
        );
        if self.draft.opening_direction.is_none()
            && !self.draft.broken.contains("opening_direction")
        {
            self.missing("opening_direction", "\"inward\" or \"outward\"");
        }
        self.draft.handing = self.choice(
            obj,
            "handing",
            &[("left", Handing::Left), ("right", Handing::Right)],
        );

        for (field, slot) in [("frame_width", 0), ("frame_height", 1)] {
            let v = self.length(obj, field);
            if v.is_none() && !self.draft.broken.contains(field) {
                self.missing(field, "the overall frame size in millimetres");
            }
            match slot {
                0 => self.draft.frame_width_mm = v,
                _ => self.draft.frame_height_mm = v,
            }
        }
        self.draft.leaf_width_mm = self.length(obj, "leaf_width");
        self.draft.leaf_height_mm = self.length(obj, "leaf_height");

        self.draft.glazing_type = self.choice(
            obj,
            "glazing_type",
            &[
                ("double", GlazingType::Double),
                ("triple", GlazingType::Triple),
            ],
        );
        if self.draft.glazing_type.is_none() && !self.draft.broken.contains("glazing_type") {
            self.missing("glazing_type", "\"double\" or \"triple\"");
        }
        self.draft.glazing_thickness_mm = self.length(obj, "glazing_thickness");
        if self.draft.glazing_thickness_mm.is_none()
            && !self.draft.broken.contains("glazing_thickness")
        {
            self.missing(
                "glazing_thickness",
                "the glazing unit thickness in millimetres",
            );
        }
        self.draft.glazing_unit = self.text(obj, "glazing_unit", "glazing_unit");
        self.draft.glazing_u_value = self.number(obj, "glazing_u_value", "glazing_u_value");
        self.draft.spacer = self.text(obj, "spacer", "spacer");

        self.draft.threshold_type = self.choice(
            obj,
            "threshold_type",
            &[
                ("standard", ThresholdType::Standard),
                ("low", ThresholdType::Low),
                ("dda", ThresholdType::Low),
            ],
        );
        self.draft.finish = self.choice(
            obj,
            "finish",
            &[
                ("powder_coating", Finish::PowderCoating),
                ("anodised", Finish::Anodised),
                ("mill", Finish::Mill),
            ],
        );
        if self.draft.finish.is_none() && !self.draft.broken.contains("finish") {
            self.missing("finish", "\"powder_coating\", \"anodised\" or \"mill\"");
        }
        let colour_field = if obj.contains_key("color") {
            "color"
        } else {
            "colour"
        };
        self.draft.color = self.text(obj, colour_field, "color");

        self.read_hardware(obj);

        self.draft.security_rating = self.choice(
            obj,
            "security_rating",
            &[
                ("PAS24", SecurityRating::Pas24),
                ("SBD", SecurityRating::SecuredByDesign),
                ("none", SecurityRating::None),
            ],
        );
        self.read_fire_rating(obj);
        if let Some(v) = obj.get("acoustic_rating").filter(|v| !v.is_null()) {
            match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => self.draft.acoustic_rating_db = Some(n),
                None => self.bad(
                    "acoustic_rating",
                    format!(
                        "acoustic_rating must be the sound reduction Rw as a whole number of decibels, got {}",
                        kind(v)
                    ),
                    v,
                    None,
                ),
            }
        }
        if let Some(v) = obj.get("accessible").filter(|v| !v.is_null()) {
            match v.as_bool() {
                Some(b) => self.draft.accessible = Some(b),
                None => self.bad(
                    "accessible",
                    format!("accessible must be true or false, got {}", kind(v)),
                    v,
                    None,
                ),
            }
        }

        if let Some(v) = obj.get("leaf_count").filter(|v| !v.is_null()) {
            match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => self.draft.declared.leaf_count = Some(n),
                None => self.bad(
                    "leaf_count",
                    format!("leaf_count must be a whole number, got {}", kind(v)),
                    v,
                    None,
                ),
            }
        }
        self.draft.declared.leaf_weight_kg = self.number(obj, "leaf_weight", "leaf_weight");
        self.draft.declared.overall_u_value =
            self.number(obj, "overall_u_value", "overall_u_value");

        for (key, value) in obj {
            if ENVELOPE_FIELDS.contains(&key.as_str()) {
                if let (Value::String(s), Some(max)) = (value, text_limit(key)) {
                    self.issues.extend(check_text(key, s, max));
                }
            } else if !KNOWN.contains(&key.as_str()) {
                self.issues.push(
                    Issue::warning(
                        IssueCode::UnknownField,
                        key.as_str(),
                        format!(
                            "{} is not a door configuration field and is ignored",
                            clip(key, ECHO_CHARS)
                        ),
                    )
                    .value(crate::issue::echo(value)),
                );
            }
        }
    }

    fn read_hardware(&mut self, obj: &Map<String, Value>) {
        let Some(v) = obj.get("hardware") else {
            return;
        };
        let Some(hw) = v.as_object() else {
            if !v.is_null() {
                self.bad(
                    "hardware",
                    format!(
                        "hardware must be an object with hinges, lock, handles and closer, got {}",
                        kind(v)
                    ),
                    v,
                    None,
                );
            }
            return;
        };
        self.draft.hardware = Hardware {
            hinges: self.text(hw, "hinges", "hardware.hinges"),
            lock: self.text(hw, "lock", "hardware.lock"),
            handles: self.text(hw, "handles", "hardware.handles"),
            closer: self.text(hw, "closer", "hardware.closer"),
        };
        for (key, value) in hw {
            if !["hinges", "lock", "handles", "closer"].contains(&key.as_str()) {
                let key = clip(key, ECHO_CHARS);
                self.issues.push(
                    Issue::warning(
                        IssueCode::UnknownField,
                        format!("hardware.{key}"),
                        format!("hardware.{key} is not a hardware field and is ignored"),
                    )
                    .value(crate::issue::echo(value)),
                );
            }
        }
    }

    fn read_fire_rating(&mut self, obj: &Map<String, Value>) {
        let Some(v) = obj.get("fire_rating").filter(|v| !v.is_null()) else {
            return;
        };
        let allowed = serde_json::json!(["FD30", "FD60", "EI30", "EI60", "none"]);
        let parsed = match v.as_str() {
            Some("none") => return,
            Some(s) => {
                let upper = s.trim().to_ascii_uppercase();
                let minutes = upper
                    .strip_prefix("FD")
                    .or_else(|| upper.strip_prefix("EI"))
                    .and_then(|m| m.parse::<u32>().ok());
                minutes.map(|m| FireRating {
                    designation: upper.clone(),
                    minutes: m,
                })
            }
            None => None,
        };
        match parsed {
            Some(r) => self.draft.fire_rating = Some(r),
            None => self.bad(
                "fire_rating",
                "fire_rating must be null or a rating such as \"FD30\", \"FD60\", \"EI30\" or \"EI60\""
                    .into(),
                v,
                Some(allowed),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_7_2_3: &str = r#"{
      "type": "double", "opening_direction": "outward", "frame_width": 1870, "frame_height": 2235,
      "leaf_width": 935, "leaf_height": 2235, "leaf_count": 2, "leaf_weight": 65,
      "glazing_thickness": 44, "glazing_type": "triple", "glazing_u_value": 0.6,
      "overall_u_value": 0.95, "threshold_type": "standard", "finish": "powder_coating",
      "color": "RAL 7016",
      "hardware": {"hinges": "heavy_duty_3_per_leaf", "lock": "multipoint_5_point",
                   "handles": "lever_stainless_steel", "closer": "overhead_size_4"},
      "security_rating": "PAS24", "fire_rating": null, "acoustic_rating": null
    }"#;

    #[test]
    fn reads_the_seed_configuration_unchanged() {
        let (draft, issues) = read_text(SEED_7_2_3);
        assert!(issues.is_empty(), "{issues:?}");
        let cfg = draft.complete().expect("complete");
        assert_eq!(cfg.door_type, DoorType::Double);
        assert_eq!(cfg.frame_width_mm, 1870);
        assert_eq!(cfg.leaf_width_mm, Some(935));
        assert_eq!(cfg.declared.leaf_weight_kg, Some(65.0));
        assert_eq!(cfg.hardware.lock.as_deref(), Some("multipoint_5_point"));
        assert_eq!(cfg.handing, Handing::Left);
    }

    #[test]
    fn syntax_error_has_a_position() {
        let (_, issues) = read_text("{\n  \"type\": \"single\",\n  oops\n}");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::Malformed);
        assert_eq!(issues[0].position.map(|p| p.line), Some(3));
    }

    #[test]
    fn collects_every_malformed_field() {
        let (draft, issues) = read_text(
            r#"{"type": "triple", "frame_width": "wide", "frame_height": 2100.5,
                "glazing_type": 4, "finish": "gold", "opening_direction": "inward",
                "glazing_thickness": 28, "colour_of_day": 1}"#,
        );
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        for f in [
            "type",
            "frame_width",
            "frame_height",
            "glazing_type",
            "finish",
            "colour_of_day",
        ] {
            assert!(fields.contains(&f), "missing {f} in {fields:?}");
        }
        assert!(draft.complete().is_none());
        assert_eq!(
            issues
                .iter()
                .find(|i| i.field == "colour_of_day")
                .map(|i| i.code),
            Some(IssueCode::UnknownField)
        );
    }

    #[test]
    fn door_type_and_type_must_agree() {
        let (_, issues) = read_text(
            r#"{"type": "single", "door_type": "double", "frame_width": 900, "frame_height": 2100,
                "opening_direction": "inward", "glazing_type": "double", "glazing_thickness": 28,
                "finish": "mill"}"#,
        );
        assert!(issues.iter().any(|i| i.field == "door_type"));
    }

    #[test]
    fn newer_schema_is_refused() {
        let (_, issues) = read_text(r#"{"schema_version": 99}"#);
        assert!(issues.iter().any(|i| i.field == "schema_version"));
    }

    #[test]
    fn non_object_is_malformed() {
        let (_, issues) = read_text("[1, 2]");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::Malformed);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let (draft, issues) = read_text(&format!("\u{FEFF}{SEED_7_2_3}"));
        assert!(issues.is_empty(), "{issues:?}");
        assert!(draft.complete().is_some());
    }

    #[test]
    fn a_repeated_key_is_warned_with_its_path() {
        let text = SEED_7_2_3
            .replacen(
                "\"frame_width\": 1870,",
                "\"frame_width\": 1000, \"frame_width\": 1870,",
                1,
            )
            .replacen(
                "\"lock\": \"multipoint_5_point\",",
                "\"lock\": \"x\", \"lock\": \"multipoint_5_point\",",
                1,
            );
        let (draft, issues) = read_text(&text);
        assert_eq!(draft.frame_width_mm, Some(1870), "the last value is used");
        let warned: Vec<(&str, IssueCode, bool)> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.code, i.is_error()))
            .collect();
        assert_eq!(
            warned,
            [
                ("frame_width", IssueCode::UnknownField, false),
                ("hardware.lock", IssueCode::UnknownField, false)
            ]
        );
        assert!(issues[0].message.contains("more than once"));
    }

    #[test]
    fn a_huge_array_is_refused_with_a_short_echo() {
        let text = format!("[{}1]", "1,".repeat(1_000_000));
        let (_, issues) = read_text(&text);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::Malformed);
        assert!(
            issues[0].message.contains("not an array"),
            "{}",
            issues[0].message
        );
        let echoed = serde_json::to_string(&issues[0]).expect("json");
        assert!(echoed.len() < 1000, "{} bytes", echoed.len());
    }

    #[test]
    fn long_text_fields_are_refused_with_their_limit() {
        let text = SEED_7_2_3
            .replacen("\"RAL 7016\"", &format!("\"{}\"", "R".repeat(5000)), 1)
            .replacen(
                "\"overhead_size_4\"",
                &format!("\"{}\"", "c".repeat(101)),
                1,
            )
            .replacen("{", &format!("{{\"notes\": \"{}\",", "n".repeat(2001)), 1);
        let (draft, issues) = read_text(&text);
        assert!(draft.complete().is_none());
        for (field, max) in [("color", 100), ("hardware.closer", 100), ("notes", 2000)] {
            let i = issues
                .iter()
                .find(|i| i.field == field)
                .unwrap_or_else(|| panic!("{field} not refused: {issues:?}"));
            assert_eq!(i.code, IssueCode::DimensionLimit);
            assert_eq!(i.limit, Some(serde_json::json!({"max": max})));
        }
        let all = serde_json::to_string(&issues).expect("json");
        assert!(all.len() < 2000, "{all}");
    }

    #[test]
    fn unknown_keys_are_echoed_short() {
        let key = "k".repeat(100_000);
        let (_, issues) = read_text(&format!("{{\"{key}\": \"{key}\"}}"));
        let i = issues
            .iter()
            .find(|i| i.code == IssueCode::UnknownField)
            .expect("warned");
        assert!(serde_json::to_string(i).expect("json").len() < 2000);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_garbage(s in ".{0,200}") {
            let _ = read_text(&s);
        }

        #[test]
        fn never_panics_on_random_json(
            w in proptest::num::i64::ANY, h in proptest::num::f64::ANY,
            t in "[a-z]{0,8}", g in proptest::num::i64::ANY,
        ) {
            let v = serde_json::json!({
                "type": t, "frame_width": w, "frame_height": h, "glazing_thickness": g,
                "hardware": t, "fire_rating": t, "leaf_count": h,
            });
            let _ = read_value(&v);
        }
    }
}
