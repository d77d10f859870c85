//! Coded validation issues: what is wrong, where, by how much, and how bad.
//!
//! Codes extend the design plan's Appendix C (`ERR_VAL_001`–`ERR_VAL_003`) with the rule
//! families a fabricator checks; every code's meaning is documented on [`IssueCode`].

use serde::Serialize;
use serde_json::Value;
use std::fmt;

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
            field: field.into(),
            message: message.into(),
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

    /// Attach the offending value.
    #[must_use]
    pub fn value(mut self, value: impl Into<Value>) -> Self {
        self.value = Some(value.into());
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

/// True when any issue is an error.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}
