//! The terminal: everything `spw` prints goes through `outln!` (and `errln!` for standard
//! error), so a closed pipe (`spw quote list | head`) ends the command quietly and a full device
//! (`> /dev/full`) is a coded error, never a panic. Commands print after their files are
//! published and their transactions committed, so stopping at a failed print loses nothing.
//!
//! Text for people is neutralised on its way out: control characters (terminal escape
//! sequences) and bidirectional-text overrides in a name or a path are printed as visible
//! escapes (`spw_model::display_safe`), whichever command printed them; only line breaks and
//! tabs pass. JSON goes out as serde_json wrote it (control characters already escaped).

use std::io::Write;

/// Exit code when standard output cannot be written for a reason other than a closed pipe.
const OUTPUT_FAILED: i32 = 2;

/// Write formatted text for people to standard output; see the module documentation.
pub(crate) fn write(args: std::fmt::Arguments<'_>) {
    write_raw(&terminal_safe(&args.to_string()));
}

/// Write text exactly as given (JSON) to standard output.
pub(crate) fn write_raw(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()) {
        failed(&e);
    }
}

/// Write formatted text for people to standard error; a standard error that cannot be written
/// is ignored (there is nowhere left to say so).
pub(crate) fn write_err(args: std::fmt::Arguments<'_>) {
    let _ = std::io::stderr()
        .lock()
        .write_all(terminal_safe(&args.to_string()).as_bytes());
}

/// `text` with every unsafe character but line breaks and tabs shown as a visible escape.
pub(crate) fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c != '\n' && c != '\t' && spw_model::text::is_unsafe_char(c);
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&spw_model::display_safe(c.encode_utf8(&mut buf)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Flush standard output before exiting, with the same handling of failures.
pub(crate) fn flush() {
    if let Err(e) = std::io::stdout().lock().flush() {
        failed(&e);
    }
}

/// Standard output cannot be written: a closed pipe ends the program quietly (the reader has
/// what it wanted); anything else is `ERR_IO_001` on standard error.
fn failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "spw: ERR_IO_001: cannot write the output: {e}");
    std::process::exit(OUTPUT_FAILED);
}

/// `println!` that never panics: see [`crate::output`].
macro_rules! outln {
    () => { $crate::output::write(format_args!("\n")) };
    ($($arg:tt)*) => {{
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))
    }};
}

/// `eprintln!` that never panics, neutralising unsafe characters like `outln!`.
macro_rules! errln {
    ($($arg:tt)*) => {{
        $crate::output::write_err(format_args!("{}\n", format_args!($($arg)*)))
    }};
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn escapes_and_overrides_are_shown_line_breaks_and_tabs_kept() {
        let shown = terminal_safe("Harbour\u{1b}[2J View\u{202E}cba\n\tline two");
        assert_eq!(shown, "Harbour\\u{1B}[2J View\\u{202E}cba\n\tline two");
        assert!(matches!(
            terminal_safe("plain\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
