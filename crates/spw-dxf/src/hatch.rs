//! Hatch pattern definitions per material, in paper millimetres at hatch scale 1.
//!
//! Aluminium and polyamide use AutoCAD's predefined ISO patterns (`ANSI31`, `ANSI37` as in
//! `acadiso.pat`) so a CAD program that regenerates the hatch from its own pattern file draws
//! exactly what the file holds; glass has no standard pattern and is written as a custom one;
//! gaskets are solid fills.

use spw_drawing::HatchPattern;

/// One family of parallel pattern lines, in the pattern's own frame (paper mm).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PatternLine {
    /// Line angle, degrees.
    pub(crate) angle_deg: f64,
    /// A point one line passes through.
    pub(crate) base: (f64, f64),
    /// Shift from one line to the next: along the line, then perpendicular to it.
    pub(crate) offset: (f64, f64),
    /// Dash lengths: positive drawn, negative gap; empty for a continuous line.
    pub(crate) dashes: &'static [f64],
}

/// How a material is hatched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PatternDef {
    /// Pattern name (code 2).
    pub(crate) name: &'static str,
    /// Code 76: 1 predefined, 2 custom.
    pub(crate) kind: i64,
    /// Solid fill (code 70 = 1).
    pub(crate) solid: bool,
    /// Line families; empty for solid fill.
    pub(crate) lines: &'static [PatternLine],
}

const ANSI31: [PatternLine; 1] = [PatternLine {
    angle_deg: 45.0,
    base: (0.0, 0.0),
    offset: (0.0, 3.175),
    dashes: &[],
}];

const ANSI37: [PatternLine; 2] = [
    PatternLine {
        angle_deg: 45.0,
        base: (0.0, 0.0),
        offset: (0.0, 3.175),
        dashes: &[],
    },
    PatternLine {
        angle_deg: 135.0,
        base: (0.0, 0.0),
        offset: (0.0, 3.175),
        dashes: &[],
    },
];

const GLASS: [PatternLine; 1] = [PatternLine {
    angle_deg: 60.0,
    base: (0.0, 0.0),
    offset: (5.0, 6.0),
    dashes: &[4.0, -12.0],
}];

/// The pattern for a material.
pub(crate) fn pattern(p: HatchPattern) -> PatternDef {
    match p {
        HatchPattern::Aluminium => PatternDef {
            name: "ANSI31",
            kind: 1,
            solid: false,
            lines: &ANSI31,
        },
        HatchPattern::Polyamide => PatternDef {
            name: "ANSI37",
            kind: 1,
            solid: false,
            lines: &ANSI37,
        },
        HatchPattern::Glass => PatternDef {
            name: "SPW_GLASS",
            kind: 2,
            solid: false,
            lines: &GLASS,
        },
        HatchPattern::Gasket => PatternDef {
            name: "SOLID",
            kind: 1,
            solid: true,
            lines: &[],
        },
    }
}

impl PatternLine {
    /// The line-to-line offset as a drawing vector (rotated by the line angle), scaled by `k`.
    pub(crate) fn offset_vector(&self, k: f64) -> (f64, f64) {
        let (s, c) = self.angle_deg.to_radians().sin_cos();
        let (dx, dy) = self.offset;
        ((dx * c - dy * s) * k, (dx * s + dy * c) * k)
    }
}
