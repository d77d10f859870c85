//! DXF group-code/value pairs: the tag writer, handles, number and string encoding.

use spw_drawing::Point;
use std::fmt::Write as _;

/// An object handle (written as upper-case hexadecimal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Handle(pub(crate) u32);

impl Handle {
    /// The "no owner" handle `0`.
    pub(crate) const NONE: Handle = Handle(0);

    /// Hexadecimal form.
    pub(crate) fn hex(self) -> String {
        format!("{:X}", self.0)
    }
}

/// Hands out handles in a fixed order, so the same drawing always gets the same handles.
#[derive(Debug)]
pub(crate) struct Handles {
    next: u32,
}

impl Handles {
    /// Starts at handle 1.
    pub(crate) fn new() -> Handles {
        Handles { next: 1 }
    }

    /// The next free handle.
    pub(crate) fn take(&mut self) -> Handle {
        let h = Handle(self.next);
        self.next += 1;
        h
    }

    /// The value for `$HANDSEED`: one above the largest handle handed out.
    pub(crate) fn seed(&self) -> Handle {
        Handle(self.next)
    }
}

/// A real number as written into the file: at most 6 decimals, trailing zeros trimmed but
/// always with a decimal point, `-0` written as `0.0`. `None` for NaN and infinities.
pub fn format_real(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    let mut s = format!("{v:.6}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.push('0');
    }
    if s == "-0.0" {
        s = "0.0".to_owned();
    }
    Some(s)
}

/// Text for a DXF string value. DXF R2007 and later files are UTF-8, so characters (Ø, °, ×,
/// —) are written as they are; control characters, which would break the line structure,
/// become spaces, and a literal caret is written `^ ` (DXF's caret escape, `^J` etc.).
pub fn encode_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '^' => out.push_str("^ "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Accumulates tags; remembers the first non-finite real so the caller can refuse the file.
#[derive(Debug)]
pub(crate) struct Tags {
    out: String,
    context: String,
    bad: Option<String>,
}

impl Tags {
    /// An empty writer.
    pub(crate) fn new() -> Tags {
        Tags {
            out: String::new(),
            context: String::new(),
            bad: None,
        }
    }

    /// Names what is being written, for error messages.
    pub(crate) fn set_context(&mut self, context: impl Into<String>) {
        self.context = context.into();
    }

    fn code(&mut self, code: u16) {
        let _ = writeln!(self.out, "{code:>3}");
    }

    /// A string value (written as is; callers encode user text with [`encode_text`]).
    pub(crate) fn str(&mut self, code: u16, v: &str) {
        self.code(code);
        self.out.push_str(v);
        self.out.push('\n');
    }

    /// An integer value.
    pub(crate) fn int(&mut self, code: u16, v: i64) {
        self.code(code);
        let _ = writeln!(self.out, "{v}");
    }

    /// A real value; a non-finite one is recorded as an error.
    pub(crate) fn real(&mut self, code: u16, v: f64) {
        let s = match format_real(v) {
            Some(s) => s,
            None => {
                if self.bad.is_none() {
                    self.bad = Some(format!("{} (group code {code}, value {v})", self.context));
                }
                "0.0".to_owned()
            }
        };
        self.str(code, &s);
    }

    /// A 3D point with z = 0 on codes `code`, `code + 10`, `code + 20`.
    pub(crate) fn point(&mut self, code: u16, p: Point) {
        self.real(code, p.x);
        self.real(code + 10, p.y);
        self.real(code + 20, 0.0);
    }

    /// A 2D point on codes `code`, `code + 10`.
    pub(crate) fn point2(&mut self, code: u16, p: Point) {
        self.real(code, p.x);
        self.real(code + 10, p.y);
    }

    /// A handle value.
    pub(crate) fn handle(&mut self, code: u16, h: Handle) {
        self.str(code, &h.hex());
    }

    /// The first non-finite value written, if any.
    pub(crate) fn bad(&self) -> Option<&str> {
        self.bad.as_deref()
    }

    /// The text written.
    pub(crate) fn into_string(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_have_at_most_six_decimals_and_no_trailing_zeros() {
        assert_eq!(format_real(0.0).as_deref(), Some("0.0"));
        assert_eq!(format_real(-0.0).as_deref(), Some("0.0"));
        assert_eq!(format_real(-0.000_000_1).as_deref(), Some("0.0"));
        assert_eq!(format_real(12.0).as_deref(), Some("12.0"));
        assert_eq!(format_real(2.5).as_deref(), Some("2.5"));
        assert_eq!(format_real(-1234.125).as_deref(), Some("-1234.125"));
        assert_eq!(format_real(1.0 / 3.0).as_deref(), Some("0.333333"));
        assert_eq!(format_real(2.000_000_4).as_deref(), Some("2.0"));
        assert_eq!(format_real(59_460.000_001).as_deref(), Some("59460.000001"));
        assert_eq!(format_real(1e15).as_deref(), Some("1000000000000000.0"));
        assert_eq!(format_real(f64::NAN), None);
        assert_eq!(format_real(f64::INFINITY), None);
        assert_eq!(format_real(f64::NEG_INFINITY), None);
    }

    #[test]
    fn text_keeps_unicode_and_escapes_what_breaks_lines() {
        assert_eq!(encode_text("SPW600e 1:10"), "SPW600e 1:10");
        assert_eq!(encode_text("Ø50 90° ±0.5 2×M8 —"), "Ø50 90° ±0.5 2×M8 —");
        assert_eq!(encode_text("a\nb\r\tc"), "a b  c");
        assert_eq!(encode_text("x^2"), "x^ 2");
    }

    #[test]
    fn non_finite_real_is_remembered_with_its_context() {
        let mut t = Tags::new();
        t.set_context("entity 3");
        t.real(10, 1.0);
        assert!(t.bad().is_none());
        t.real(20, f64::NAN);
        t.real(30, f64::INFINITY);
        assert_eq!(t.bad(), Some("entity 3 (group code 20, value NaN)"));
    }

    #[test]
    fn handles_are_sequential_and_seed_is_the_next_one() {
        let mut h = Handles::new();
        assert_eq!(h.take().hex(), "1");
        for _ in 0..9 {
            h.take();
        }
        assert_eq!(h.take().hex(), "B");
        assert_eq!(h.seed().hex(), "C");
    }
}
