//! Reading a quote request in the design plan's 7.2.6 names, collecting every issue, each line's
//! under `lines[i].door_configuration`.

use serde_json::{Map, Value, json};
use spw_model::Percentage;
use spw_model::catalogue::Catalogue;
use spw_model::issue::{Issue, IssueCode, echo, has_errors};
use spw_model::json::{Document, parse_object};
use spw_model::limits::{MAX_NAME_CHARS, MAX_REFERENCE_CHARS, check_text};
use spw_model::text::{ECHO_CHARS, clip};
use spw_validation::Evaluation;
use time::Date;
use time::macros::format_description;

/// Largest quantity on one line.
pub const MAX_QUANTITY: u64 = 10_000;

/// Most lines one quote may have. More is `ERR_VAL_002` on `lines` (`"limit": {"max": 500}`).
pub const MAX_QUOTE_LINES: usize = 500;

/// The text fields of a quote request and their limits, in characters (see
/// [`spw_model::limits`]).
pub const QUOTE_TEXT_LIMITS: [(&str, usize); 5] = [
    ("customer_name", MAX_NAME_CHARS),
    ("project_name", MAX_NAME_CHARS),
    ("project_reference", MAX_REFERENCE_CHARS),
    ("quote_number", MAX_REFERENCE_CHARS),
    ("date", MAX_REFERENCE_CHARS),
];

/// One line: its evaluated (valid) door and how many.
#[derive(Debug, Clone)]
pub struct QuoteLineRequest {
    /// Doors.
    pub quantity: u32,
    /// The evaluated door (valid).
    pub evaluation: Evaluation,
}

/// A readable, valid quote request.
#[derive(Debug, Clone)]
pub struct QuoteRequest {
    /// Quote number, when the request carries one.
    pub quote_number: Option<String>,
    /// Customer.
    pub customer_name: String,
    /// Project.
    pub project_name: Option<String>,
    /// Project reference.
    pub project_reference: Option<String>,
    /// Discount.
    pub discount: Percentage,
    /// VAT.
    pub tax: Percentage,
    /// Quote date, when the request carries one.
    pub date: Option<Date>,
    /// Lines.
    pub lines: Vec<QuoteLineRequest>,
    /// Warnings (all lines).
    pub warnings: Vec<Issue>,
}

fn text(obj: &Map<String, Value>, key: &str, out: &mut Vec<Issue>) -> Option<String> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => {
            let max = QUOTE_TEXT_LIMITS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(MAX_REFERENCE_CHARS, |(_, m)| *m);
            if let Some(issue) = check_text(key, s.trim(), max) {
                out.push(issue);
                return None;
            }
            Some(s.trim().to_owned())
        }
        Some(Value::String(_)) => None,
        Some(v) => {
            out.push(
                Issue::error(IssueCode::Malformed, key, format!("{key} must be a string"))
                    .value(echo(v)),
            );
            None
        }
    }
}

fn percentage(
    obj: &Map<String, Value>,
    key: &str,
    default: Percentage,
    out: &mut Vec<Issue>,
) -> Percentage {
    let Some(v) = obj.get(key).filter(|v| !v.is_null()) else {
        return default;
    };
    let parsed = match v {
        Value::Number(n) => n
            .as_f64()
            .ok_or_else(|| "not a number".to_owned())
            .and_then(Percentage::from_f64),
        Value::String(s) => Percentage::parse(s),
        _ => Err(format!("{key} must be a number")),
    };
    match parsed {
        Ok(p) if (0..=10_000).contains(&p.0) => p,
        Ok(p) => {
            out.push(
                Issue::error(
                    IssueCode::Malformed,
                    key,
                    format!("{key} must be between 0 and 100, got {p}"),
                )
                .value(echo(v))
                .limit(json!({"min": 0, "max": 100})),
            );
            default
        }
        Err(e) => {
            out.push(Issue::error(IssueCode::Malformed, key, format!("{key}: {e}")).value(echo(v)));
            default
        }
    }
}

/// Read and validate a quote request; every issue of every line at once.
pub fn read_quote_request(text_in: &str, cat: &Catalogue) -> Result<QuoteRequest, Vec<Issue>> {
    let (members, duplicate_keys) = match parse_object(text_in).map_err(|i| vec![i])? {
        Document::Object { members, warnings } => (members, warnings),
        Document::NotObject { .. } => {
            return Err(vec![Issue::error(
                IssueCode::Malformed,
                "",
                "a quote must be a JSON object",
            )]);
        }
    };
    let obj = &members;
    let mut issues = Vec::new();
    let customer_name = text(obj, "customer_name", &mut issues);
    if customer_name.is_none() && !issues.iter().any(|i| i.field == "customer_name") {
        issues.push(Issue::error(
            IssueCode::Malformed,
            "customer_name",
            "customer_name is required",
        ));
    }
    let project_name = text(obj, "project_name", &mut issues);
    let project_reference = text(obj, "project_reference", &mut issues);
    let quote_number = text(obj, "quote_number", &mut issues);
    let discount = percentage(obj, "discount_percentage", Percentage(0), &mut issues);
    let tax = percentage(
        obj,
        "tax_percentage",
        cat.commercial.tax_percentage,
        &mut issues,
    );
    let date = match text(obj, "date", &mut issues) {
        None => None,
        Some(s) => match Date::parse(&s, format_description!("[year]-[month]-[day]")) {
            Ok(d) => Some(d),
            Err(_) => {
                issues.push(
                    Issue::error(
                        IssueCode::Malformed,
                        "date",
                        format!(
                            "date `{}` is not a date like 2025-11-08",
                            clip(&s, ECHO_CHARS)
                        ),
                    )
                    .value(s),
                );
                None
            }
        },
    };

    let mut lines = Vec::new();
    match obj.get("lines") {
        Some(Value::Array(arr)) if arr.len() > MAX_QUOTE_LINES => issues.push(
            Issue::error(
                IssueCode::DimensionLimit,
                "lines",
                format!(
                    "the quote has {} lines; a quote may have at most {MAX_QUOTE_LINES} (split it into several quotes)",
                    arr.len()
                ),
            )
            .value(arr.len())
            .limit(json!({ "max": MAX_QUOTE_LINES })),
        ),
        Some(Value::Array(arr)) if !arr.is_empty() => {
            for (i, line) in arr.iter().enumerate() {
                let prefix = format!("lines[{i}]");
                let Some(lo) = line.as_object() else {
                    issues.push(Issue::error(
                        IssueCode::Malformed,
                        prefix,
                        "a line must be an object with door_configuration and quantity",
                    ));
                    continue;
                };
                let quantity = match lo.get("quantity") {
                    None => Some(1),
                    Some(q) => {
                        match q.as_u64() {
                            Some(n) if (1..=MAX_QUANTITY).contains(&n) => u32::try_from(n).ok(),
                            _ => {
                                issues.push(
                                Issue::error(IssueCode::Malformed, format!("{prefix}.quantity"), format!("quantity must be a whole number from 1 to {MAX_QUANTITY}"))
                                    .value(echo(q))
                                    .limit(json!({"min": 1, "max": MAX_QUANTITY})),
                            );
                                None
                            }
                        }
                    }
                };
                let Some(cfg) = lo.get("door_configuration") else {
                    issues.push(Issue::error(
                        IssueCode::Malformed,
                        format!("{prefix}.door_configuration"),
                        "each line needs a door_configuration",
                    ));
                    continue;
                };
                let evaluation = spw_validation::evaluate_value(cfg, cat);
                let under = format!("{prefix}.door_configuration");
                issues.extend(evaluation.issues.iter().cloned().map(|i| i.under(&under)));
                if let (Some(quantity), true) = (quantity, evaluation.valid_parts().is_some()) {
                    lines.push(QuoteLineRequest {
                        quantity,
                        evaluation,
                    });
                }
            }
        }
        Some(Value::Array(_)) | None => issues.push(Issue::error(
            IssueCode::Malformed,
            "lines",
            "a quote needs at least one line",
        )),
        Some(v) => issues.push(
            Issue::error(IssueCode::Malformed, "lines", "lines must be an array").value(echo(v)),
        ),
    }

    issues.extend(duplicate_keys);
    if has_errors(&issues) {
        return Err(issues);
    }
    Ok(QuoteRequest {
        quote_number,
        customer_name: customer_name.unwrap_or_default(),
        project_name,
        project_reference,
        discount,
        tax,
        date,
        lines,
        warnings: issues,
    })
}
