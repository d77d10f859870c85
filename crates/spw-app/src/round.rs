//! Rounding for display in wire reports.

/// Round to `places` decimals.
pub(crate) fn dp(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}
