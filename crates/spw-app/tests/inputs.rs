//! Inputs at and past their limits: text lengths and line counts refused with `ERR_VAL_002`
//! naming the field and the limit, a byte order mark accepted, repeated keys warned with
//! `ERR_VAL_008`, and issues that stay small whatever was sent.

use proptest::prelude::*;
use serde_json::{Value, json};
use spw_model::Catalogue;
use std::sync::LazyLock;
use time::macros::date;

static CAT: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::builtin().expect("catalogue"));

fn example_quote() -> Value {
    serde_json::from_str(include_str!("../../../examples/quote.json")).expect("example quote")
}

fn refusal(text: &str) -> Vec<Value> {
    let r = spw_app::quote(text, date!(2026 - 12 - 01), &CAT).expect_err("refused");
    serde_json::to_value(&r.report.issues)
        .expect("json")
        .as_array()
        .cloned()
        .expect("issues")
}

fn issue<'a>(issues: &'a [Value], field: &str) -> &'a Value {
    issues
        .iter()
        .find(|i| i["field"] == field)
        .unwrap_or_else(|| panic!("no issue for {field}: {issues:?}"))
}

#[test]
fn long_quote_texts_are_refused_with_their_limit() {
    for (field, max) in spw_app::QUOTE_TEXT_LIMITS {
        let mut q = example_quote();
        q[field] = "x".repeat(max + 1).into();
        let issues = refusal(&q.to_string());
        let i = issue(&issues, field);
        assert_eq!(i["code"], "ERR_VAL_002", "{field}");
        assert_eq!(i["limit"], json!({"max": max}), "{field}");
        assert!(
            i["message"]
                .as_str()
                .is_some_and(|m| m.contains(&format!("at most {max}"))),
            "{i}"
        );
        // At the limit, the field is accepted (the date is checked as a date on top).
        if field != "date" {
            let mut q = example_quote();
            q[field] = "x".repeat(max).into();
            spw_app::quote(&q.to_string(), date!(2026 - 12 - 01), &CAT).expect("at the limit");
        }
    }
}

#[test]
fn a_hundred_kilobyte_customer_name_is_refused_and_not_echoed_whole() {
    let mut q = example_quote();
    q["customer_name"] = "A".repeat(100_000).into();
    let issues = refusal(&q.to_string());
    assert_eq!(issue(&issues, "customer_name")["code"], "ERR_VAL_002");
    assert!(Value::from(issues).to_string().len() < 2_000);
}

#[test]
fn more_lines_than_the_limit_are_refused() {
    let mut q = example_quote();
    let line = q["lines"][0].clone();
    q["lines"] = vec![line.clone(); spw_app::MAX_QUOTE_LINES + 1].into();
    let issues = refusal(&q.to_string());
    let i = issue(&issues, "lines");
    assert_eq!(i["code"], "ERR_VAL_002");
    assert_eq!(i["limit"], json!({"max": 500}));
    assert_eq!(i["value"], json!(501));
    // Exactly the limit is a quote.
    q["lines"] = vec![line; spw_app::MAX_QUOTE_LINES].into();
    let r = spw_app::quote(&q.to_string(), date!(2026 - 12 - 01), &CAT).expect("500 lines");
    assert_eq!(r.lines.len(), 500);
}

#[test]
fn a_quote_with_a_byte_order_mark_prices() {
    let text = format!("\u{FEFF}{}", include_str!("../../../examples/quote.json"));
    let plain = spw_app::quote(
        include_str!("../../../examples/quote.json"),
        date!(2026 - 12 - 01),
        &CAT,
    )
    .expect("prices");
    let with_bom = spw_app::quote(&text, date!(2026 - 12 - 01), &CAT).expect("prices");
    assert_eq!(plain, with_bom);
    let (report, unreadable) = spw_app::validate(
        &format!(
            "\u{FEFF}{}",
            include_str!("../../../examples/seed-door-configuration.json")
        ),
        &CAT,
    );
    assert!(report.valid && !unreadable, "{report:?}");
}

#[test]
fn repeated_keys_in_a_quote_are_warned_with_their_path() {
    let text = include_str!("../../../examples/quote.json")
        .replacen(
            "\"customer_name\":",
            "\"customer_name\": \"Someone else\", \"customer_name\":",
            1,
        )
        .replacen(
            "\"frame_width\":",
            "\"frame_width\": 5, \"frame_width\":",
            1,
        );
    let r = spw_app::quote(&text, date!(2026 - 12 - 01), &CAT).expect("prices");
    assert_eq!(r.customer_name, "Harbour View Developments Ltd");
    let warned: Vec<(&str, &str)> = r
        .warnings
        .iter()
        .map(|i| (i.field.as_str(), i.code.as_str()))
        .collect();
    for field in ["customer_name", "lines[0].door_configuration.frame_width"] {
        assert!(
            warned.contains(&(field, "ERR_VAL_008")),
            "{field} not warned: {warned:?}"
        );
    }
}

#[test]
fn a_repeated_key_in_a_door_is_warned() {
    let text = include_str!("../../../examples/seed-door-configuration.json").replacen(
        "{",
        "{\"finish\": \"mill\",",
        1,
    );
    let (report, _) = spw_app::validate(&text, &CAT);
    assert!(report.valid, "{report:?}");
    let i = report
        .issues
        .iter()
        .find(|i| i.field == "finish")
        .expect("warned");
    assert_eq!(i.code.as_str(), "ERR_VAL_008");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever a quote's fields hold, the issues quote at most a short piece of it.
    #[test]
    fn issues_stay_small(n in 0usize..20_000, s in "\\PC{0,50}") {
        let big = s.repeat(n / (s.len() + 1) + 1);
        let q = json!({
            "customer_name": big,
            "project_name": [big.clone(), big.clone()],
            "discount_percentage": big,
            "date": big,
            "lines": [{"door_configuration": {"type": big, "colour_of_day": big}, "quantity": big}],
        });
        if let Err(r) = spw_app::quote(&q.to_string(), date!(2026 - 12 - 01), &CAT) {
            for i in &r.report.issues {
                let text = serde_json::to_string(i).expect("json");
                prop_assert!(text.len() < 8_000, "{} bytes: {}", text.len(), i.field);
            }
        }
    }
}
