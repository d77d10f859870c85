//! Hatch pattern definitions per material, in paper millimetres at hatch scale 1.
//!
//! Every material uses a pattern predefined in AutoCAD's `acadiso.pat` (and in LibreCAD's
//! library), with its line definitions written into the file, so a CAD program that regenerates
//! the hatch from its own pattern file draws what the file holds: aluminium `ANSI31` (general
//! section lining), polyamide `ANSI37` (crossed lines, ANSI's insulation pattern), glass
//! `ANSI36` (ANSI's glass pattern) turned 15° so its strokes run at 60°; gaskets are solid.

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
    /// Pattern angle, degrees (code 52), added to every line's angle.
    pub(crate) angle_deg: f64,
    /// Pattern scale on paper (code 41 is this times the view's scale).
    pub(crate) scale: f64,
    /// Line families at angle 0 and scale 1; empty for solid fill.
    pub(crate) lines: &'static [PatternLine],
}

/// `ANSI31` (ANSI iron, ISO general section lining): 45° lines 3.175 apart.
const ANSI31: [PatternLine; 1] = [PatternLine {
    angle_deg: 45.0,
    base: (0.0, 0.0),
    offset: (0.0, 3.175),
    dashes: &[],
}];

/// `ANSI37` (ANSI insulation): crossed 45° and 135° lines 3.175 apart.
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

/// `ANSI36` (ANSI marble, slate, glass): staggered 45° dash-dot strokes.
const ANSI36: [PatternLine; 1] = [PatternLine {
    angle_deg: 45.0,
    base: (0.0, 0.0),
    offset: (5.55625, 3.175),
    dashes: &[7.9375, -1.5875, 0.0, -1.5875],
}];

/// The pattern for a material. Spacing on paper: aluminium 2 mm, polyamide 1.5 mm crossed,
/// glass strokes turned to 60° and 4.8 mm apart.
pub(crate) fn pattern(p: HatchPattern) -> PatternDef {
    match p {
        HatchPattern::Aluminium => PatternDef {
            name: "ANSI31",
            kind: 1,
            solid: false,
            angle_deg: 0.0,
            scale: 2.0 / 3.175,
            lines: &ANSI31,
        },
        HatchPattern::Polyamide => PatternDef {
            name: "ANSI37",
            kind: 1,
            solid: false,
            angle_deg: 0.0,
            scale: 1.5 / 3.175,
            lines: &ANSI37,
        },
        HatchPattern::Glass => PatternDef {
            name: "ANSI36",
            kind: 1,
            solid: false,
            angle_deg: 15.0,
            scale: 1.5,
            lines: &ANSI36,
        },
        HatchPattern::Gasket => PatternDef {
            name: "SOLID",
            kind: 1,
            solid: true,
            angle_deg: 0.0,
            scale: 1.0,
            lines: &[],
        },
    }
}

/// A pattern line as written into the HATCH: angle, base point, offset and dashes in drawing
/// units, with the pattern angle and the scale applied.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedLine {
    /// Angle, degrees (code 53).
    pub(crate) angle_deg: f64,
    /// Base point (codes 43, 44).
    pub(crate) base: (f64, f64),
    /// Offset vector between lines, drawing coordinates (codes 45, 46).
    pub(crate) offset: (f64, f64),
    /// Dash lengths (code 49).
    pub(crate) dashes: Vec<f64>,
}

fn rotate((x, y): (f64, f64), deg: f64) -> (f64, f64) {
    let (s, c) = deg.to_radians().sin_cos();
    (x * c - y * s, x * s + y * c)
}

impl PatternDef {
    /// The lines of this pattern at total scale `scale` (pattern scale × view scale).
    pub(crate) fn resolve(&self, scale: f64) -> Vec<ResolvedLine> {
        self.lines
            .iter()
            .map(|l| {
                let (bx, by) = rotate(l.base, self.angle_deg);
                let (ox, oy) = rotate(l.offset, l.angle_deg + self.angle_deg);
                ResolvedLine {
                    angle_deg: l.angle_deg + self.angle_deg,
                    base: (bx * scale, by * scale),
                    offset: (ox * scale, oy * scale),
                    dashes: l.dashes.iter().map(|d| d * scale).collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aluminium_lines_are_two_paper_mm_apart_at_45_degrees() {
        let def = pattern(HatchPattern::Aluminium);
        let lines = def.resolve(def.scale * 10.0);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert!((l.angle_deg - 45.0).abs() < 1e-12);
        // Perpendicular spacing 2 mm on paper = 20 mm at 1:10, offset perpendicular to the lines.
        assert!((l.offset.0.hypot(l.offset.1) - 20.0).abs() < 1e-9);
        assert!((l.offset.0 + 14.142_135_623_730_951).abs() < 1e-9);
    }

    #[test]
    fn glass_strokes_run_at_60_degrees_and_polyamide_is_crossed() {
        let glass = pattern(HatchPattern::Glass).resolve(1.0);
        assert!((glass[0].angle_deg - 60.0).abs() < 1e-12);
        assert_eq!(glass[0].dashes.len(), 4);
        let pa = pattern(HatchPattern::Polyamide).resolve(1.0);
        let angles: Vec<f64> = pa.iter().map(|l| l.angle_deg).collect();
        assert_eq!(angles, [45.0, 135.0]);
        assert!(pattern(HatchPattern::Gasket).solid);
    }
}
