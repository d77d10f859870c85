//! Insulating glass units, their build-ups, and glazing-edge spacers (`glazing.toml`).

use crate::config::GlazingType;
use crate::money::Pence;
use serde::Deserialize;

/// Areal mass of glass: 2.5 kg per m² per mm of thickness (density 2500 kg/m³).
pub const GLASS_KG_PER_M2_PER_MM: f64 = 2.5;

/// A glass pane within a build-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaneKind {
    /// Thermally toughened safety glass.
    Toughened,
    /// Laminated safety glass.
    Laminated,
    /// Fire-resisting laminated glass (intumescent interlayers).
    FireResisting,
    /// Annealed float glass.
    Float,
}

/// One layer of a build-up, outside first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "layer", rename_all = "snake_case")]
pub enum Layer {
    /// A pane of glass.
    Pane {
        /// Thickness, mm.
        thickness_mm: f64,
        /// Kind.
        kind: PaneKind,
    },
    /// A gas-filled cavity.
    Cavity {
        /// Width, mm.
        width_mm: f64,
        /// Fill gas: `Ar`, `Kr` or `Air`.
        gas: String,
    },
}

/// A parsed build-up such as `4T-16Ar-4T-13.6Ar-6.4L`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BuildUp {
    /// Layers from outside to inside.
    pub layers: Vec<Layer>,
}

impl BuildUp {
    /// Parse the notation; panes alternate with cavities and the unit starts and ends with a pane.
    pub fn parse(text: &str) -> Result<BuildUp, String> {
        let mut layers = Vec::new();
        for (i, token) in text.split('-').enumerate() {
            let split = token
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .ok_or_else(|| format!("`{token}` has no pane or cavity suffix"))?;
            let (num, suffix) = token.split_at(split);
            let value: f64 = num
                .parse()
                .map_err(|_| format!("`{token}` does not start with a thickness"))?;
            if !(value > 0.0 && value < 100.0) {
                return Err(format!("`{token}` has an implausible thickness"));
            }
            let pane = |kind| Layer::Pane {
                thickness_mm: value,
                kind,
            };
            let layer = match suffix {
                "T" => pane(PaneKind::Toughened),
                "L" => pane(PaneKind::Laminated),
                "F" => pane(PaneKind::Float),
                s if s.starts_with("EI") => pane(PaneKind::FireResisting),
                "Ar" | "Kr" | "Air" => Layer::Cavity {
                    width_mm: value,
                    gas: suffix.to_owned(),
                },
                other => {
                    return Err(format!(
                        "`{other}` in `{token}` is not T, L, F, EI.., Ar, Kr or Air"
                    ));
                }
            };
            let is_pane = matches!(layer, Layer::Pane { .. });
            if is_pane != (i % 2 == 0) {
                return Err(format!(
                    "`{text}` must alternate pane, cavity, pane…; `{token}` is out of place"
                ));
            }
            layers.push(layer);
        }
        if layers.len() % 2 == 0 {
            return Err(format!("`{text}` must end with a pane"));
        }
        Ok(BuildUp { layers })
    }

    /// Overall thickness, mm.
    pub fn thickness_mm(&self) -> f64 {
        self.layers
            .iter()
            .map(|l| match l {
                Layer::Pane { thickness_mm, .. } => *thickness_mm,
                Layer::Cavity { width_mm, .. } => *width_mm,
            })
            .sum()
    }

    /// Panes, outside first.
    pub fn panes(&self) -> impl Iterator<Item = (f64, PaneKind)> + '_ {
        self.layers.iter().filter_map(|l| match l {
            Layer::Pane { thickness_mm, kind } => Some((*thickness_mm, *kind)),
            Layer::Cavity { .. } => None,
        })
    }

    /// Total glass thickness, mm.
    pub fn glass_mm(&self) -> f64 {
        self.panes().map(|(t, _)| t).sum()
    }

    /// Whether the inner (last) pane is laminated, as PAS 24 needs.
    pub fn inner_pane_laminated(&self) -> bool {
        matches!(
            self.panes().last(),
            Some((_, PaneKind::Laminated | PaneKind::FireResisting))
        )
    }

    /// Whether every pane is safety glass (toughened or laminated), as Approved Document K needs
    /// for doors.
    pub fn all_safety_glass(&self) -> bool {
        self.panes().all(|(_, k)| k != PaneKind::Float)
    }
}

/// An insulating glass unit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlazingUnit {
    /// Product code, e.g. `TGU-44-L`.
    pub code: String,
    /// Double or triple.
    #[serde(rename = "type")]
    pub glazing_type: GlazingType,
    /// Nominal thickness, mm.
    pub thickness_mm: u32,
    /// Build-up notation.
    pub build_up: String,
    /// Centre-pane thermal transmittance Ug, W/m²K.
    pub ug: f64,
    /// Fire resistance of the glass, minutes (0 when not fire-resisting).
    #[serde(default)]
    pub fire_rating_minutes: u32,
    /// Price per m² of unit.
    pub price_per_m2: Pence,
    /// Parsed build-up (filled by the loader).
    #[serde(skip)]
    pub layers: Option<BuildUp>,
}

impl GlazingUnit {
    /// The parsed build-up (the loader guarantees it).
    pub fn build(&self) -> BuildUp {
        self.layers
            .clone()
            .or_else(|| BuildUp::parse(&self.build_up).ok())
            .unwrap_or(BuildUp { layers: Vec::new() })
    }

    /// Areal mass, kg/m², from the build-up.
    pub fn weight_kg_m2(&self) -> f64 {
        self.layers
            .as_ref()
            .map_or(0.0, |b| b.glass_mm() * GLASS_KG_PER_M2_PER_MM)
    }

    /// Whether the inner pane is laminated.
    pub fn laminated(&self) -> bool {
        self.layers
            .as_ref()
            .is_some_and(BuildUp::inner_pane_laminated)
    }
}

/// A glazing-edge spacer and its ψg.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacer {
    /// Id used in configurations, e.g. `warm_edge`.
    pub id: String,
    /// Description.
    pub description: String,
    /// Linear thermal transmittance ψg, W/(m·K).
    pub psi: f64,
    /// Where the value comes from.
    pub source: String,
    /// Whether this is the default spacer.
    #[serde(default)]
    pub default: bool,
}

/// The whole of `glazing.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlazingFile {
    pub unit: Vec<GlazingUnit>,
    pub spacer: Vec<Spacer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_build_ups() {
        let b = BuildUp::parse("4T-16Ar-4T-13.6Ar-6.4L").expect("parses");
        assert!((b.thickness_mm() - 44.0).abs() < 1e-9);
        assert!((b.glass_mm() - 14.4).abs() < 1e-9);
        assert_eq!(b.panes().count(), 3);
        assert!(b.inner_pane_laminated());
        assert!(
            !BuildUp::parse("4T-20Ar-4T")
                .expect("parses")
                .inner_pane_laminated()
        );
        assert!(BuildUp::parse("4T-20Ar").is_err());
        assert!(BuildUp::parse("4T-4T").is_err());
        assert!(BuildUp::parse("4X-20Ar-4T").is_err());
        assert!(BuildUp::parse("").is_err());
    }
}
