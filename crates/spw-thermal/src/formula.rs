//! The EN ISO 10077-1 area-weighted formula itself, free of any door.

/// An area with its thermal transmittance (glazing, panel or frame).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaTerm {
    /// Area, m².
    pub area_m2: f64,
    /// U, W/m²K.
    pub u: f64,
}

/// A linear junction with its linear thermal transmittance (glazing or panel edge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeTerm {
    /// Length, m.
    pub length_m: f64,
    /// ψ, W/(m·K).
    pub psi: f64,
}

/// U = (ΣA·U + Σl·ψ) / ΣA. `None` when the total area is not positive or a term is not finite.
pub fn u_value(areas: &[AreaTerm], edges: &[EdgeTerm]) -> Option<f64> {
    let total: f64 = areas.iter().map(|a| a.area_m2).sum();
    let heat: f64 = areas.iter().map(|a| a.area_m2 * a.u).sum::<f64>()
        + edges.iter().map(|e| e.length_m * e.psi).sum::<f64>();
    (total > 0.0 && heat.is_finite()).then(|| heat / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approx(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn published_example() {
        // Ag 1.2 m², Ug 1.1; Af 0.3 m², Uf 1.5; lg 6 m, ψ 0.04 → (1.32 + 0.45 + 0.24) / 1.5 = 1.34
        let u = u_value(
            &[
                AreaTerm {
                    area_m2: 1.2,
                    u: 1.1,
                },
                AreaTerm {
                    area_m2: 0.3,
                    u: 1.5,
                },
            ],
            &[EdgeTerm {
                length_m: 6.0,
                psi: 0.04,
            }],
        )
        .expect("u");
        assert!(approx(u, 1.34), "{u}");
    }

    #[test]
    fn design_plan_inputs_give_1_13_not_0_95() {
        // Design plan 4.3: Af 2.5 m² at 1.8, Ag 3.8 m² at 0.6, lg 8.5 m at 0.04.
        let u = u_value(
            &[
                AreaTerm {
                    area_m2: 2.5,
                    u: 1.8,
                },
                AreaTerm {
                    area_m2: 3.8,
                    u: 0.6,
                },
            ],
            &[EdgeTerm {
                length_m: 8.5,
                psi: 0.04,
            }],
        )
        .expect("u");
        assert!(approx(u, 1.13), "{u}");
    }

    #[test]
    fn no_area_is_none() {
        assert_eq!(u_value(&[], &[]), None);
        assert_eq!(
            u_value(
                &[AreaTerm {
                    area_m2: 0.0,
                    u: 1.0
                }],
                &[]
            ),
            None
        );
    }
}
