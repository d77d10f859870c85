//! The RAL Classic colour list (`ral_classic.toml`).

use serde::Deserialize;

/// A RAL Classic colour.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RalColour {
    /// Code as written on drawings, e.g. `RAL 7016`.
    pub code: String,
    /// English name, e.g. `Anthracite grey`.
    pub name: String,
    /// Approximate sRGB value for an on-screen swatch, `#RRGGBB` (absent for shades a screen
    /// cannot show fairly, such as pearl and luminous colours). Never used for colour matching.
    #[serde(default)]
    pub hex: Option<String>,
}

impl RalColour {
    /// The swatch colour when it is a well-formed `#RRGGBB`.
    pub fn swatch(&self) -> Option<&str> {
        self.hex.as_deref().filter(|h| {
            h.len() == 7 && h.starts_with('#') && h[1..].bytes().all(|b| b.is_ascii_hexdigit())
        })
    }
}

/// The whole of `ral_classic.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RalFile {
    pub colour: Vec<RalColour>,
}

/// Normalise how people write RAL codes (`ral7016`, `RAL-7016`, `RAL 7016`) to `RAL 7016`.
pub fn normalise_ral(text: &str) -> Option<String> {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    let digits = upper.strip_prefix("RAL")?.trim_start_matches([' ', '-']);
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("RAL {digits}"))
}

#[cfg(test)]
mod tests {
    use super::normalise_ral;

    #[test]
    fn normalises() {
        assert_eq!(normalise_ral("RAL 7016").as_deref(), Some("RAL 7016"));
        assert_eq!(normalise_ral("ral7016").as_deref(), Some("RAL 7016"));
        assert_eq!(normalise_ral("RAL-9016").as_deref(), Some("RAL 9016"));
        assert_eq!(normalise_ral("7016"), None);
        assert_eq!(normalise_ral("RAL 70161"), None);
    }
}
