//! User text made safe to show and short enough to echo: [`display_safe`] neutralises control
//! characters and bidirectional-text controls before a name reaches a terminal or a PDF, and
//! [`clip`] shortens a value quoted back in an issue.

use std::borrow::Cow;
use std::fmt::Write as _;

/// How many characters of a user's value an issue quotes back before cutting it with `…`.
pub const ECHO_CHARS: usize = 200;

/// Whether `c` must not be shown as it is: a control character (C0, DEL, C1 — terminal escape
/// sequences start with one), a line or paragraph separator, or a bidirectional-text control
/// (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E,
/// U+200F, U+061C), which can make shown text read differently from what is stored.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `s` with every [unsafe character](is_unsafe_char) replaced by a visible escape such as
/// `\u{202E}` or `\u{1B}`; borrowed unchanged when there is none. Use it for every piece of
/// user text printed to a terminal or typeset into a document.
pub fn display_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` cut to its first `max` characters followed by `…` when it is longer; borrowed unchanged
/// otherwise.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_overrides_and_terminal_escapes() {
        assert_eq!(display_safe("Harbour View"), "Harbour View");
        assert!(matches!(display_safe("Harbour View"), Cow::Borrowed(_)));
        assert_eq!(display_safe("abc\u{202E}fdp.exe"), "abc\\u{202E}fdp.exe");
        assert_eq!(
            display_safe("\u{1b}[31mred\u{1b}[0m"),
            "\\u{1B}[31mred\\u{1B}[0m"
        );
        assert_eq!(display_safe("a\u{2066}b\u{2069}"), "a\\u{2066}b\\u{2069}");
        assert_eq!(display_safe("line\nbreak\u{9b}"), "line\\u{A}break\\u{9B}");
        assert_eq!(display_safe("Ærø — £12 ×"), "Ærø — £12 ×");
    }

    #[test]
    fn clips_long_text_with_an_ellipsis() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "abc…");
        assert_eq!(clip("ééééé", 2), "éé…");
    }

    proptest::proptest! {
        #[test]
        fn display_safe_output_has_no_control_or_bidi_character(s in "\\PC{0,40}|[\\x00-\\x1f\\u{7f}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-z]{0,40}") {
            let out = display_safe(&s);
            proptest::prop_assert!(!out.chars().any(is_unsafe_char), "{out:?}");
            // Safe text is shown as it is.
            if !s.chars().any(is_unsafe_char) {
                proptest::prop_assert_eq!(out.as_ref(), s.as_str());
            }
        }

        #[test]
        fn display_safe_keeps_every_safe_character_in_order(s in ".{0,60}") {
            let out = display_safe(&s);
            let kept: String = s.chars().filter(|c| !is_unsafe_char(*c)).collect();
            let shown: String = out.chars().collect();
            // Removing the escapes gives back the safe characters.
            let mut rest = shown.as_str();
            let mut unescaped = String::new();
            while let Some(i) = rest.find("\\u{") {
                let Some(close) = rest[i..].find('}') else { break };
                let hex = &rest[i + 3..i + close];
                let is_escape = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .is_some_and(is_unsafe_char);
                if is_escape {
                    unescaped.push_str(&rest[..i]);
                } else {
                    unescaped.push_str(&rest[..i + close + 1]);
                }
                rest = &rest[i + close + 1..];
            }
            unescaped.push_str(rest);
            proptest::prop_assert_eq!(unescaped, kept);
        }

        #[test]
        fn clip_is_bounded(s in ".{0,300}", max in 0usize..250) {
            let out = clip(&s, max);
            proptest::prop_assert!(out.chars().count() <= max + 1);
            proptest::prop_assert!(s.starts_with(out.trim_end_matches('…')) || out.as_ref() == s);
        }
    }
}
