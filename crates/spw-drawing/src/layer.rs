//! Layers: what each carries and how it is drawn.

use serde::Serialize;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Line patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Linetype {
    /// Solid.
    Continuous,
    /// Hidden detail: dashes (paper mm pattern 3 on, 1.5 off).
    Hidden,
    /// Centre line: long dash, gap, short dash, gap (paper mm 12, 3, 2, 3).
    Centre,
}

impl Linetype {
    /// Dash pattern in paper mm (on, off, …); empty for continuous.
    pub fn pattern_mm(self) -> &'static [f64] {
        match self {
            Linetype::Continuous => &[],
            Linetype::Hidden => &[3.0, 1.5],
            Linetype::Centre => &[12.0, 3.0, 2.0, 3.0],
        }
    }

    /// The DXF linetype name.
    pub fn dxf_name(self) -> &'static str {
        match self {
            Linetype::Continuous => "CONTINUOUS",
            Linetype::Hidden => "HIDDEN",
            Linetype::Centre => "CENTER",
        }
    }
}

/// The standard layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LayerName {
    /// Outer frame and threshold.
    Frame,
    /// Leaves.
    Leaf,
    /// Glass and beads.
    Glazing,
    /// Hinges, locks, handles, closers.
    Hardware,
    /// Polyamide thermal break.
    ThermalBreak,
    /// Hidden detail.
    Hidden,
    /// Centre lines.
    Centre,
    /// Dimensions.
    Dimensions,
    /// Notes, labels, opening symbols.
    Annotations,
    /// Border and title block.
    TitleBlock,
    /// Revision clouds and table.
    Revision,
}

/// A layer's definition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Layer {
    /// Name.
    pub name: LayerName,
    /// Screen/print colour.
    pub colour: Rgb,
    /// AutoCAD colour index used in DXF.
    pub aci: u8,
    /// Lineweight, mm (ISO 128 series).
    pub lineweight_mm: f64,
    /// Line pattern.
    pub linetype: Linetype,
}

impl LayerName {
    /// Every layer, in drawing order (background first).
    pub const ALL: [LayerName; 11] = [
        LayerName::TitleBlock,
        LayerName::Glazing,
        LayerName::ThermalBreak,
        LayerName::Frame,
        LayerName::Leaf,
        LayerName::Hardware,
        LayerName::Hidden,
        LayerName::Centre,
        LayerName::Dimensions,
        LayerName::Annotations,
        LayerName::Revision,
    ];

    /// The name as written in files, e.g. `THERMAL_BREAK`.
    pub fn as_str(self) -> &'static str {
        match self {
            LayerName::Frame => "FRAME",
            LayerName::Leaf => "LEAF",
            LayerName::Glazing => "GLAZING",
            LayerName::Hardware => "HARDWARE",
            LayerName::ThermalBreak => "THERMAL_BREAK",
            LayerName::Hidden => "HIDDEN",
            LayerName::Centre => "CENTRE",
            LayerName::Dimensions => "DIMENSIONS",
            LayerName::Annotations => "ANNOTATIONS",
            LayerName::TitleBlock => "TITLE_BLOCK",
            LayerName::Revision => "REVISION",
        }
    }

    /// The layer's definition.
    pub fn layer(self) -> Layer {
        let (colour, aci, lineweight_mm, linetype) = match self {
            LayerName::Frame => (Rgb(0, 0, 0), 7, 0.5, Linetype::Continuous),
            LayerName::Leaf => (Rgb(0, 0, 160), 5, 0.35, Linetype::Continuous),
            LayerName::Glazing => (Rgb(0, 130, 160), 4, 0.18, Linetype::Continuous),
            LayerName::Hardware => (Rgb(160, 0, 160), 6, 0.25, Linetype::Continuous),
            LayerName::ThermalBreak => (Rgb(0, 140, 0), 3, 0.18, Linetype::Continuous),
            LayerName::Hidden => (Rgb(90, 90, 90), 8, 0.18, Linetype::Hidden),
            LayerName::Centre => (Rgb(200, 0, 0), 1, 0.13, Linetype::Centre),
            LayerName::Dimensions => (Rgb(0, 0, 0), 7, 0.13, Linetype::Continuous),
            LayerName::Annotations => (Rgb(0, 0, 0), 7, 0.18, Linetype::Continuous),
            LayerName::TitleBlock => (Rgb(0, 0, 0), 7, 0.35, Linetype::Continuous),
            LayerName::Revision => (Rgb(220, 0, 0), 1, 0.35, Linetype::Continuous),
        };
        Layer {
            name: self,
            colour,
            aci,
            lineweight_mm,
            linetype,
        }
    }
}
