//! Checks on an input file before it is read: its size against [`MAX_INPUT_BYTES`], then its
//! bytes as text (a UTF-8 byte order mark is dropped). The front ends open and read the file;
//! these functions only look at numbers and bytes handed to them.
//!
//! A front end reading a file does: stated size from the file's metadata through
//! [`check_input_size`]; at most [`MAX_INPUT_BYTES`]` + 1` bytes read (a pipe states no size);
//! the bytes through [`input_text`], which refuses them when there were too many.

use serde_json::json;
use spw_model::issue::{Issue, IssueCode};

/// The largest input file read: 4 MiB. A door configuration is about one kilobyte and a quote
/// of 500 lines (the most a quote may have) about 400 kilobytes, so anything larger is not a
/// door or a quote, and reading it would only cost memory and time.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

fn too_large(name: &str, size: Option<u64>) -> Issue {
    let stated = match size {
        Some(n) => format!("is {n} bytes"),
        None => format!("is more than {MAX_INPUT_BYTES} bytes"),
    };
    let issue = Issue::error(
        IssueCode::Malformed,
        "",
        format!(
            "{name} {stated}; input files are limited to {MAX_INPUT_BYTES} bytes (4 MiB): a door or a quote is a few kilobytes"
        ),
    )
    .limit(json!({ "max_bytes": MAX_INPUT_BYTES }));
    match size {
        Some(n) => issue.value(n),
        None => issue,
    }
}

/// Refuse an input by its stated size (the file's metadata), before reading it: `ERR_VAL_001`
/// naming the limit and the size.
#[allow(clippy::result_large_err)] // one issue, returned once per file
pub fn check_input_size(name: &str, size: u64) -> Result<(), Issue> {
    if size > MAX_INPUT_BYTES {
        return Err(too_large(name, Some(size)));
    }
    Ok(())
}

/// The text of an input from its bytes, read with at most [`MAX_INPUT_BYTES`]` + 1` bytes taken:
/// more than the limit is refused like [`check_input_size`] (the file grew, or is a pipe); a
/// leading UTF-8 byte order mark is dropped; bytes that are not UTF-8 are `ERR_VAL_001` with
/// the offset of the first bad byte.
#[allow(clippy::result_large_err)] // one issue, returned once per file
pub fn input_text(name: &str, bytes: Vec<u8>) -> Result<String, Issue> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_INPUT_BYTES {
        return Err(too_large(name, None));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Issue::error(
            IssueCode::Malformed,
            "",
            format!("cannot read {name}: it is not UTF-8 text (byte {at} is not valid UTF-8)"),
        )
        .value(at)
    })?;
    if text.starts_with(spw_model::json::BYTE_ORDER_MARK) {
        text.drain(..spw_model::json::BYTE_ORDER_MARK.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_up_to_the_limit_are_read() {
        assert!(check_input_size("door.json", 0).is_ok());
        assert!(check_input_size("door.json", MAX_INPUT_BYTES).is_ok());
        let e = check_input_size("door.json", 200_000_000).expect_err("too large");
        assert_eq!(e.code, IssueCode::Malformed);
        assert!(e.message.contains("200000000 bytes"), "{}", e.message);
        assert!(e.message.contains("4194304"), "{}", e.message);
        assert_eq!(e.limit, Some(json!({"max_bytes": MAX_INPUT_BYTES})));
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let t = input_text("door.json", b"\xEF\xBB\xBF{\"a\": 1}".to_vec()).expect("text");
        assert_eq!(t, "{\"a\": 1}");
        let t = input_text("door.json", b"{}".to_vec()).expect("text");
        assert_eq!(t, "{}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_the_offset() {
        let e = input_text("door.json", b"{\"a\": \"\xff\"}".to_vec()).expect_err("not text");
        assert_eq!(e.code, IssueCode::Malformed);
        assert_eq!(e.value, Some(json!(7)));
    }

    #[test]
    fn one_byte_over_the_limit_is_refused() {
        let bytes = vec![b' '; usize::try_from(MAX_INPUT_BYTES).expect("fits") + 1];
        let e = input_text("-", bytes).expect_err("too large");
        assert!(
            e.message.contains("more than 4194304 bytes"),
            "{}",
            e.message
        );
    }

    proptest::proptest! {
        #[test]
        fn any_size_over_the_cap_is_refused_with_the_code(extra in 1u64..u64::MAX - MAX_INPUT_BYTES) {
            let e = check_input_size("f", MAX_INPUT_BYTES + extra).expect_err("refused");
            proptest::prop_assert_eq!(e.code, IssueCode::Malformed);
            proptest::prop_assert_eq!(e.value, Some(json!(MAX_INPUT_BYTES + extra)));
        }

        #[test]
        fn any_size_within_the_cap_is_accepted(n in 0u64..=MAX_INPUT_BYTES) {
            proptest::prop_assert!(check_input_size("f", n).is_ok());
        }
    }
}
