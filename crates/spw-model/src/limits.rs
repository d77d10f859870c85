//! How long the text a user types may be. A door or a quote is a few kilobytes; these limits
//! keep every name, reference and note printable on a drawing, a document and a terminal line,
//! and keep a document's typesetting time bounded. Longer text is an `ERR_VAL_002` error naming
//! the field, its length and the limit (`"limit": {"max": N}`, in characters).

use crate::issue::{Issue, IssueCode};
use crate::text::{ECHO_CHARS, clip};

/// Names of people and organisations: customer, project, requested by, prepared by.
pub const MAX_NAME_CHARS: usize = 200;
/// References and identifiers: quote numbers, project references, catalogue ids (glazing unit,
/// spacer, hardware), colours, dates, and the short settings of a request envelope.
pub const MAX_REFERENCE_CHARS: usize = 100;
/// Free-text notes.
pub const MAX_NOTE_CHARS: usize = 2000;

/// The limit of a text field of a door configuration or of the envelope it travels in, by its
/// name; `None` for a field that is not text.
pub fn text_limit(field: &str) -> Option<usize> {
    match field {
        "notes" => Some(MAX_NOTE_CHARS),
        "requested_by" | "requested_by_email" | "customer_name" | "project_name" => {
            Some(MAX_NAME_CHARS)
        }
        "project_reference" | "quote_number" | "priority" | "format" | "scale" | "sheet"
        | "date" | "glazing_unit" | "spacer" | "color" | "colour" | "hinges" | "lock"
        | "handles" | "closer" => Some(MAX_REFERENCE_CHARS),
        _ => None,
    }
}

/// The `ERR_VAL_002` error for `text` in `field` when it is longer than `max` characters.
pub fn check_text(field: &str, text: &str, max: usize) -> Option<Issue> {
    text.chars().nth(max)?;
    let n = text.chars().count();
    Some(
        Issue::error(
            IssueCode::DimensionLimit,
            field,
            format!("{field} is {n} characters long; at most {max} are allowed"),
        )
        .value(clip(text, ECHO_CHARS).into_owned())
        .limit(serde_json::json!({ "max": max })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_at_the_limit_is_accepted_and_one_more_is_refused() {
        assert!(check_text("customer_name", &"a".repeat(200), MAX_NAME_CHARS).is_none());
        let i = check_text("customer_name", &"é".repeat(201), MAX_NAME_CHARS).expect("refused");
        assert_eq!(i.code, IssueCode::DimensionLimit);
        assert_eq!(i.field, "customer_name");
        assert_eq!(i.limit, Some(serde_json::json!({"max": 200})));
        assert!(i.message.contains("201 characters"), "{}", i.message);
    }

    proptest::proptest! {
        #[test]
        fn any_text_over_its_limit_is_refused_with_the_code(extra in 1usize..500, c in proptest::char::any()) {
            for field in ["notes", "customer_name", "project_reference", "color"] {
                let max = text_limit(field).expect("a text field");
                let text: String = std::iter::repeat_n(c, max + extra).collect();
                let i = check_text(field, &text, max).expect("refused");
                proptest::prop_assert_eq!(i.code, IssueCode::DimensionLimit);
                proptest::prop_assert_eq!(i.field.as_str(), field);
                let fits: String = std::iter::repeat_n(c, max).collect();
                proptest::prop_assert!(check_text(field, &fits, max).is_none());
            }
        }
    }
}
