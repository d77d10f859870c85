//! Approved Document L limiting U-values and the indicative energy band.

use serde::Serialize;

/// A limiting U-value from the regulations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LimitingValue {
    /// Short rule id.
    pub rule: &'static str,
    /// What it applies to, with its source.
    pub description: &'static str,
    /// Maximum U_D, W/m²K.
    pub limit: f64,
}

/// The limiting U-values for external pedestrian doors in England:
///
/// - Approved Document L 2021, Volume 1 (dwellings), Table 4.1, limiting standards for new
///   fabric elements in new dwellings: windows and doors 1.6 W/m²K.
/// - Approved Document L 2021, Volume 1, Table 4.2, new and replacement elements in existing
///   dwellings: doors 1.4 W/m²K (or a Door Set Energy Rating of band C for doors with more than
///   60 % of the internal face glazed, band B for other doors).
/// - Approved Document L 2021, Volume 2 (buildings other than dwellings), Table 4.1: pedestrian
///   doors 1.6 W/m²K.
pub const LIMITS: [LimitingValue; 3] = [
    LimitingValue {
        rule: "ADL2021-V1-T4.1-new-dwelling",
        description: "Approved Document L 2021 Vol. 1 Table 4.1: doors in new dwellings",
        limit: 1.6,
    },
    LimitingValue {
        rule: "ADL2021-V1-T4.2-existing-dwelling",
        description: "Approved Document L 2021 Vol. 1 Table 4.2: new or replacement doors in existing dwellings",
        limit: 1.4,
    },
    LimitingValue {
        rule: "ADL2021-V2-T4.1-non-domestic",
        description: "Approved Document L 2021 Vol. 2 Table 4.1: pedestrian doors in buildings other than dwellings",
        limit: 1.6,
    },
];

/// A verdict against one limiting value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    /// Rule id.
    pub rule: &'static str,
    /// What it applies to.
    pub description: &'static str,
    /// Maximum U_D, W/m²K.
    pub limit: f64,
    /// Whether the door's U_D (rounded to two decimals, as declared) is at most the limit.
    pub pass: bool,
}

pub(crate) fn assess(u_rounded: f64) -> Vec<Compliance> {
    LIMITS
        .iter()
        .map(|l| Compliance {
            rule: l.rule,
            description: l.description,
            limit: l.limit,
            pass: u_rounded <= l.limit + 1e-9,
        })
        .collect()
}

/// How [`energy_rating`] is derived, for reports.
pub const ENERGY_RATING_BASIS: &str = "Indicative band from U_D alone in 0.2 W/m²K steps, anchored \
on BFRC's statement that band E corresponds to U 1.8 W/m²K (A ≤ 1.0, B ≤ 1.2, C ≤ 1.4, D ≤ 1.6, \
E ≤ 1.8, F ≤ 2.0, G above). A certified BFRC Door Set Energy Rating also needs tested air \
permeability, and the g-value for doors more than 60 % glazed.";

/// The indicative energy band of a U_D (rounded to two decimals).
pub fn energy_rating(u_rounded: f64) -> char {
    const BANDS: [(f64, char); 6] = [
        (1.0, 'A'),
        (1.2, 'B'),
        (1.4, 'C'),
        (1.6, 'D'),
        (1.8, 'E'),
        (2.0, 'F'),
    ];
    BANDS
        .iter()
        .find(|(limit, _)| u_rounded <= limit + 1e-9)
        .map_or('G', |(_, band)| *band)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_limits() {
        assert_eq!(energy_rating(0.95), 'A');
        assert_eq!(energy_rating(1.0), 'A');
        assert_eq!(energy_rating(1.01), 'B');
        assert_eq!(energy_rating(1.8), 'E');
        assert_eq!(energy_rating(2.5), 'G');
        let v = assess(1.4);
        assert!(v.iter().all(|c| c.pass));
        let v = assess(1.41);
        assert_eq!(v.iter().filter(|c| c.pass).count(), 2);
    }
}
