//! The terminal: everything `spw` prints goes through `outln!` (and `errln!` for standard
//! error), so a closed pipe (`spw quote list | head`) ends the command quietly and a full device
//! (`> /dev/full`) is a coded error, never a panic. Commands print after their files are
//! published and their transactions committed, so stopping at a failed print loses nothing.

use std::io::Write;

/// Exit code when standard output cannot be written for a reason other than a closed pipe.
const OUTPUT_FAILED: i32 = 2;

/// Write formatted text to standard output; see the module documentation for failures.
pub(crate) fn write(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args) {
        failed(&e);
    }
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

/// `eprintln!` that never panics: standard error that cannot be written is ignored.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}
