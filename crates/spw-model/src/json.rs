//! Reading the JSON text users hand in: a leading UTF-8 byte order mark (Windows Notepad) is
//! skipped, a key given twice in one object is noted (the last value is used, as every JSON
//! reader does, and the reader warns with `ERR_VAL_008`), and a document that must be an object
//! is checked to be one before any tree is built, so a huge array is never held in memory.

use crate::issue::{Issue, IssueCode, Position};
use crate::text::{ECHO_CHARS, clip};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// The UTF-8 byte order mark some editors put at the start of a file.
pub const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// `text` without a leading byte order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text)
}

/// A JSON document read in full: its value and the path of every key that appeared more than
/// once in its object (e.g. `hardware.lock`, `lines[1].door_configuration.frame_width`).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The value; for a repeated key, the last value given.
    pub value: Value,
    /// Paths of repeated keys, in the order they were met.
    pub duplicate_keys: Vec<String>,
}

impl Parsed {
    /// The `ERR_VAL_008` warnings for the repeated keys.
    pub fn duplicate_key_warnings(&self) -> Vec<Issue> {
        self.duplicate_keys
            .iter()
            .map(|path| {
                Issue::warning(
                    IssueCode::UnknownField,
                    path.as_str(),
                    format!(
                        "{} is given more than once; the last value is used and the others are ignored",
                        clip(path, ECHO_CHARS)
                    ),
                )
            })
            .collect()
    }
}

/// What a document that should be an object turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    /// An object, as wanted.
    Object {
        /// Its members; for a repeated key, the last value given.
        members: Map<String, Value>,
        /// The `ERR_VAL_008` warnings for repeated keys.
        warnings: Vec<Issue>,
    },
    /// Well-formed JSON of another kind; no tree was built for it.
    NotObject {
        /// `an array`, `a string`, `a number`, `a boolean` or `null`.
        kind: &'static str,
        /// The start of the document, to quote in an issue (see [`crate::issue::echo`]).
        excerpt: Value,
    },
}

/// The `ERR_VAL_001` issue for JSON that does not parse, with its line and column.
fn syntax_issue(e: &serde_json::Error) -> Issue {
    let position = Position {
        line: e.line(),
        column: e.column(),
    };
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the document ends too early",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "unexpected data",
        serde_json::error::Category::Io => "could not be read",
    };
    Issue::error(
        IssueCode::Malformed,
        "",
        format!(
            "not valid JSON: {what} at line {}, column {} ({e})",
            position.line, position.column
        ),
    )
    .value(serde_json::json!({"line": position.line, "column": position.column}))
    .at(position)
}

/// Parse JSON text (a leading byte order mark skipped), noting repeated keys; or the
/// `ERR_VAL_001` issue giving the syntax error's position.
#[allow(clippy::result_large_err)] // one issue, returned once per document
pub fn parse(text: &str) -> Result<Parsed, Issue> {
    let text = strip_bom(text);
    let mut duplicate_keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed {
        path: Path::Root,
        duplicates: &mut duplicate_keys,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v))
    .map_err(|e| syntax_issue(&e))?;
    Ok(Parsed {
        value,
        duplicate_keys,
    })
}

/// Read a document that must be a JSON object. Anything else is recognised by its first
/// character and only checked for syntax, never built: a syntax error is the same
/// `ERR_VAL_001` issue with its position as [`parse`] gives.
#[allow(clippy::result_large_err)] // one issue, returned once per document
pub fn parse_object(text: &str) -> Result<Document, Issue> {
    let text = strip_bom(text);
    let first = text
        .bytes()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
    let kind = match first {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'-' | b'0'..=b'9') => "a number",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        // An object, an empty document or not JSON at all: parse it for its issues.
        _ => {
            let parsed = parse(text)?;
            let warnings = parsed.duplicate_key_warnings();
            return Ok(match parsed.value {
                Value::Object(members) => Document::Object { members, warnings },
                other => Document::NotObject {
                    kind: kind_of(&other),
                    excerpt: crate::issue::echo(&other),
                },
            });
        }
    };
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| syntax_issue(&e))?;
    let trimmed = text.trim();
    let excerpt = if trimmed.chars().nth(ECHO_CHARS).is_some() {
        Value::String(clip(trimmed, ECHO_CHARS).into_owned())
    } else {
        // Short: the value itself, as it was written.
        serde_json::from_str(trimmed).map_err(|e| syntax_issue(&e))?
    };
    Ok(Document::NotObject { kind, excerpt })
}

/// How a value is called in a message: `an array`, `a number`, …
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where a value sits in the document, rendered only when a repeated key needs naming.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => {
                let p = parent.render();
                if p.is_empty() {
                    (*key).to_owned()
                } else {
                    format!("{p}.{key}")
                }
            }
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

/// Builds a [`Value`] exactly as `serde_json` does, noting repeated keys on the way.
struct Seed<'p, 'd> {
    path: Path<'p>,
    duplicates: &'d mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let seed = Seed {
                path: Path::Index(&self.path, out.len()),
                duplicates: &mut *self.duplicates,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let here = Path::Key(&self.path, &key);
            let value = map.next_value_seed(Seed {
                path: here,
                duplicates: &mut *self.duplicates,
            })?;
            if out.contains_key(&key) {
                self.duplicates.push(here.render());
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_those_serde_json_builds() {
        let text = r#"{"a": [1, -2, 3.5, 1e300, 18446744073709551616, "x", null, true],
                       "b": {"c": {}}, "d": []}"#;
        let mine = parse(text).expect("parses").value;
        let theirs: Value = serde_json::from_str(text).expect("parses");
        assert_eq!(mine, theirs);
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let p = parse("\u{FEFF}{\"a\": 1}").expect("parses");
        assert_eq!(p.value, json!({"a": 1}));
        assert!(matches!(
            parse_object("\u{FEFF}  {\"a\": 1}"),
            Ok(Document::Object { .. })
        ));
    }

    #[test]
    fn repeated_keys_are_named_by_path_and_the_last_wins() {
        let p = parse(
            r#"{"a": 1, "h": {"lock": "x", "lock": "y"}, "lines": [{}, {"q": 1, "q": 2}], "a": 3}"#,
        )
        .expect("parses");
        assert_eq!(p.value["a"], 3);
        assert_eq!(p.value["h"]["lock"], "y");
        assert_eq!(p.duplicate_keys, ["h.lock", "lines[1].q", "a"]);
        let w = p.duplicate_key_warnings();
        assert!(
            w.iter()
                .all(|i| i.code == IssueCode::UnknownField && !i.is_error())
        );
        assert_eq!(w[0].field, "h.lock");
    }

    #[test]
    fn non_objects_are_recognised_without_building_them() {
        let big = format!("[{}1]", "1,".repeat(100_000));
        match parse_object(&big) {
            Ok(Document::NotObject { kind, excerpt }) => {
                assert_eq!(kind, "an array");
                let s = excerpt.as_str().expect("an excerpt");
                assert!(s.starts_with("[1,1,") && s.ends_with('…'));
                assert_eq!(s.chars().count(), ECHO_CHARS + 1);
            }
            other => panic!("not refused as an array: {other:?}"),
        }
        assert!(matches!(
            parse_object(" [1, 2]"),
            Ok(Document::NotObject { kind: "an array", excerpt }) if excerpt == json!([1, 2])
        ));
        assert!(matches!(
            parse_object("42"),
            Ok(Document::NotObject {
                kind: "a number",
                ..
            })
        ));
        // A broken array is a syntax error with its position, as before.
        let e = parse_object("[1,\n 2,").expect_err("syntax");
        assert_eq!(e.position.map(|p| p.line), Some(2));
        let e = parse_object("").expect_err("empty");
        assert!(e.position.is_some());
    }

    proptest::proptest! {
        #[test]
        fn parse_agrees_with_serde_json(s in "[\\[\\]{}\",:0-9a-z \\-.]{0,60}") {
            let theirs = serde_json::from_str::<Value>(&s);
            let mine = parse(&s);
            match (theirs, mine) {
                (Ok(t), Ok(m)) => proptest::prop_assert_eq!(t, m.value),
                (Err(t), Err(m)) => proptest::prop_assert_eq!(
                    Some((t.line(), t.column())),
                    m.position.map(|p| (p.line, p.column))
                ),
                (t, m) => proptest::prop_assert!(false, "serde_json {t:?}, ours {m:?}"),
            }
        }
    }
}
