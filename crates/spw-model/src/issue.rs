//! Coded validation issues: what is wrong, where, by how much, and how bad.
//!
//! Codes extend the design plan's Appendix C (`ERR_VAL_001`–`ERR_VAL_003`) with the rule
//! families a fabricator checks; every code's meaning is documented on [`IssueCode`].

use crate::text::{ECHO_CHARS, clip};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// Longest field path an issue carries (a path naming a user's key is cut with `…`).
pub const MAX_FIELD_CHARS: usize = 300;
/// Longest message an issue carries (a message quoting a user's value is cut with `…`).
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// A stable machine code for an issue. The UI and integrations match on these, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum IssueCode {
    /// `ERR_VAL_001`: malformed input — not JSON, wrong type, missing field, unknown value.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_001"))]
    Malformed,
    /// `ERR_VAL_002`: a dimension or weight exceeds the product's limits.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_002"))]
    DimensionLimit,
    /// `ERR_VAL_003`: the glazing configuration is invalid (thickness, type, unit, glass size).
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_003"))]
    Glazing,
    /// `ERR_VAL_004`: hardware or security requirements are not met (locks, hinges, closers).
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_004"))]
    HardwareSecurity,
    /// `ERR_VAL_005`: fire-rating requirements are not met.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_005"))]
    FireRating,
    /// `ERR_VAL_006`: accessibility (Approved Document M) is not met by a door meant to be
    /// accessible.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_006"))]
    Accessibility,
    /// `ERR_VAL_007`: a derived value stated in the input disagrees with the computed one; the
    /// computed value is used.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_007"))]
    DerivedMismatch,
    /// `ERR_VAL_008`: a field this schema does not know; it is ignored.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_008"))]
    UnknownField,
    /// `ERR_VAL_009`: a finish or colour rule is not met.
    #[cfg_attr(feature = "ts", ts(rename = "ERR_VAL_009"))]
    Finish,
}

impl IssueCode {
    /// Every code, in order.
    pub const ALL: [IssueCode; 9] = [
        IssueCode::Malformed,
        IssueCode::DimensionLimit,
        IssueCode::Glazing,
        IssueCode::HardwareSecurity,
        IssueCode::FireRating,
        IssueCode::Accessibility,
        IssueCode::DerivedMismatch,
        IssueCode::UnknownField,
        IssueCode::Finish,
    ];

    /// The wire form, e.g. `ERR_VAL_002`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueCode::Malformed => "ERR_VAL_001",
            IssueCode::DimensionLimit => "ERR_VAL_002",
            IssueCode::Glazing => "ERR_VAL_003",
            IssueCode::HardwareSecurity => "ERR_VAL_004",
            IssueCode::FireRating => "ERR_VAL_005",
            IssueCode::Accessibility => "ERR_VAL_006",
            IssueCode::DerivedMismatch => "ERR_VAL_007",
            IssueCode::UnknownField => "ERR_VAL_008",
            IssueCode::Finish => "ERR_VAL_009",
        }
    }
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How bad an issue is. Errors make a configuration invalid; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The configuration cannot be built or sold as it stands.
    Error,
    /// Worth the designer's attention; the configuration is still valid.
    Warning,
}

/// Where in the input text a problem was found (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// One problem with a configuration, in terms a designer understands.
///
/// An issue stays small whatever the input: the value it quotes is cut to [`ECHO_CHARS`]
/// characters (see [`echo`]), its field path to [`MAX_FIELD_CHARS`] and its message to
/// [`MAX_MESSAGE_CHARS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Issue {
    /// Machine code.
    pub code: IssueCode,
    /// Path of the field concerned, e.g. `hardware.lock` or `lines[1].door_configuration.frame_width`.
    pub field: String,
    /// A sentence for the designer.
    pub message: String,
    /// The offending value, when there is one.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub value: Option<Value>,
    /// The limit or allowed set it breaks, when there is one.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub limit: Option<Value>,
    /// Error or warning.
    pub severity: Severity,
    /// Position in the source text (syntax errors only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub position: Option<Position>,
}

impl Issue {
    /// A new error.
    pub fn error(code: IssueCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            code,
            field: clipped(field.into(), MAX_FIELD_CHARS),
            message: clipped(message.into(), MAX_MESSAGE_CHARS),
            value: None,
            limit: None,
            severity: Severity::Error,
            position: None,
        }
    }

    /// A new warning.
    pub fn warning(code: IssueCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            severity: Severity::Warning,
            ..Issue::error(code, field, message)
        }
    }

    /// Attach the offending value, cut as [`echo`] does.
    #[must_use]
    pub fn value(mut self, value: impl Into<Value>) -> Self {
        let value = value.into();
        self.value = Some(if echo_fits(&value) {
            value
        } else {
            echo(&value)
        });
        self
    }

    /// Attach the limit broken.
    #[must_use]
    pub fn limit(mut self, limit: impl Into<Value>) -> Self {
        self.limit = Some(limit.into());
        self
    }

    /// Attach a source position.
    #[must_use]
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// Prefix the field path, e.g. to place a door's issues under `lines[2].door_configuration`.
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Self {
        self.field = if self.field.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{}", self.field)
        };
        self
    }

    /// Whether this issue makes the input invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let field = if self.field.is_empty() {
            "(document)"
        } else {
            &self.field
        };
        write!(f, "{sev} {} {field}: {}", self.code, self.message)
    }
}

fn clipped(s: String, max: usize) -> String {
    match clip(&s, max) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(c) => c,
    }
}

/// A writer that keeps at most `cap` bytes and fails past them, so measuring a huge value
/// stops early.
struct Capped {
    buf: Vec<u8>,
    cap: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let room = self.cap - self.buf.len();
        if data.len() > room {
            self.buf.extend_from_slice(&data[..room]);
            return Err(std::io::Error::other("value longer than an echo"));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The compact JSON text of `value` when it is at most [`ECHO_CHARS`] characters long, else
/// its first characters (enough to cut it to [`ECHO_CHARS`]) and `false`.
fn short_json(value: &Value) -> (String, bool) {
    let mut w = Capped {
        buf: Vec::new(),
        cap: 4 * (ECHO_CHARS + 1),
    };
    let complete = serde_json::to_writer(&mut w, value).is_ok();
    let text = String::from_utf8_lossy(&w.buf).into_owned();
    let fits = complete && text.chars().count() <= ECHO_CHARS;
    (text, fits)
}

fn echo_fits(value: &Value) -> bool {
    match value {
        Value::String(s) => s.chars().nth(ECHO_CHARS).is_none(),
        Value::Array(_) | Value::Object(_) => short_json(value).1,
        _ => true,
    }
}

/// A user's value as an issue quotes it: unchanged when it is short; a string longer than
/// [`ECHO_CHARS`] characters cut to them with `…`; a longer array or object replaced by the
/// start of its JSON text, cut the same way. Only the start of a huge value is looked at.
pub fn echo(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(clip(s, ECHO_CHARS).into_owned()),
        Value::Array(_) | Value::Object(_) => {
            let (text, fits) = short_json(value);
            if fits {
                value.clone()
            } else {
                Value::String(clip(&text, ECHO_CHARS).into_owned())
            }
        }
        other => other.clone(),
    }
}

/// True when any issue is an error.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn short_values_are_quoted_unchanged() {
        for v in [
            json!(2600),
            json!("RAL 7016"),
            json!([1, 2]),
            json!({"a": 1}),
        ] {
            let i = Issue::error(IssueCode::Malformed, "f", "m").value(v.clone());
            assert_eq!(i.value, Some(v));
        }
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        let long = "x".repeat(10_000);
        let i = Issue::error(IssueCode::Malformed, "f", "m").value(long.as_str());
        let Some(Value::String(s)) = &i.value else {
            panic!("a string: {:?}", i.value)
        };
        assert_eq!(s.chars().count(), ECHO_CHARS + 1);
        assert!(s.ends_with('…'));

        let big: Vec<u32> = vec![1; 1_000_000];
        let i = Issue::error(IssueCode::Malformed, "", "m").value(big);
        let Some(Value::String(s)) = &i.value else {
            panic!("a string: {:?}", i.value)
        };
        assert!(s.starts_with("[1,1,1"), "{s}");
        assert_eq!(s.chars().count(), ECHO_CHARS + 1);
    }

    #[test]
    fn fields_and_messages_are_bounded() {
        let i = Issue::warning(
            IssueCode::UnknownField,
            "k".repeat(5000),
            "m".repeat(50_000),
        );
        assert_eq!(i.field.chars().count(), MAX_FIELD_CHARS + 1);
        assert_eq!(i.message.chars().count(), MAX_MESSAGE_CHARS + 1);
    }

    proptest::proptest! {
        #[test]
        fn every_quoted_value_is_small(s in ".{0,400}", n in 0usize..400) {
            let values = [
                Value::String(s.clone()),
                json!(vec![s.clone(); n % 7]),
                json!({"k": s, "n": vec![n; n]}),
            ];
            for v in values {
                let i = Issue::error(IssueCode::Malformed, "f", "m").value(v);
                let text = serde_json::to_string(&i.value).expect("json");
                // At most the echo, its quotes and escapes (a control character is six bytes).
                proptest::prop_assert!(text.chars().count() <= 6 * (ECHO_CHARS + 1) + 2, "{text}");
            }
        }
    }
}
