//! Benchmarks of the workstation database (filled in below).
fn main() {}
