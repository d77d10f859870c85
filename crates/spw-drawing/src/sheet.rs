//! Drawings, sheets, views and scales.

use crate::entity::Entity;
use crate::layer::{Layer, LayerName};
use serde::Serialize;

/// ISO 216 A-series formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum IsoFormat {
    /// 210 × 297.
    A4,
    /// 297 × 420.
    A3,
    /// 420 × 594.
    A2,
    /// 594 × 841.
    A1,
    /// 841 × 1189.
    A0,
}

impl IsoFormat {
    /// Short side and long side, mm.
    pub fn sides_mm(self) -> (f64, f64) {
        match self {
            IsoFormat::A4 => (210.0, 297.0),
            IsoFormat::A3 => (297.0, 420.0),
            IsoFormat::A2 => (420.0, 594.0),
            IsoFormat::A1 => (594.0, 841.0),
            IsoFormat::A0 => (841.0, 1189.0),
        }
    }

    /// Parse `A4`…`A0`.
    pub fn parse(s: &str) -> Option<IsoFormat> {
        match s.trim().to_ascii_uppercase().as_str() {
            "A4" => Some(IsoFormat::A4),
            "A3" => Some(IsoFormat::A3),
            "A2" => Some(IsoFormat::A2),
            "A1" => Some(IsoFormat::A1),
            "A0" => Some(IsoFormat::A0),
            _ => None,
        }
    }

    /// `A3` etc.
    pub fn as_str(self) -> &'static str {
        match self {
            IsoFormat::A4 => "A4",
            IsoFormat::A3 => "A3",
            IsoFormat::A2 => "A2",
            IsoFormat::A1 => "A1",
            IsoFormat::A0 => "A0",
        }
    }
}

/// Sheet orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    /// Long side horizontal.
    Landscape,
    /// Long side vertical.
    Portrait,
}

/// A sheet size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SheetSize {
    /// Format.
    pub format: IsoFormat,
    /// Orientation.
    pub orientation: Orientation,
}

impl SheetSize {
    /// Width and height, mm.
    pub fn mm(self) -> (f64, f64) {
        let (s, l) = self.format.sides_mm();
        match self.orientation {
            Orientation::Landscape => (l, s),
            Orientation::Portrait => (s, l),
        }
    }
}

/// A drawing scale 1 : `denominator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Scale(pub u32);

impl Scale {
    /// The scales offered, largest first.
    pub const STANDARD: [Scale; 6] = [
        Scale(1),
        Scale(2),
        Scale(5),
        Scale(10),
        Scale(20),
        Scale(50),
    ];

    /// Parse `1:10`.
    pub fn parse(s: &str) -> Option<Scale> {
        let (a, b) = s.trim().split_once(':')?;
        let n: u32 = b.trim().parse().ok()?;
        (a.trim() == "1" && Scale::STANDARD.contains(&Scale(n))).then_some(Scale(n))
    }

    /// Paper millimetres per model millimetre.
    pub fn factor(self) -> f64 {
        1.0 / f64::from(self.0.max(1))
    }

    /// `1:10`.
    pub fn label(self) -> String {
        format!("1:{}", self.0)
    }
}

/// Kinds of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// Elevation from outside.
    Elevation,
    /// Plan from above.
    Plan,
    /// Section through a member.
    Section,
    /// Enlarged detail.
    Detail,
    /// Isometric.
    Isometric,
}

impl ViewKind {
    /// Drawing number type code, e.g. `ELV` in `SPW600e-ELV-001`.
    pub fn code(self) -> &'static str {
        match self {
            ViewKind::Elevation => "ELV",
            ViewKind::Plan => "PLN",
            ViewKind::Section => "SEC",
            ViewKind::Detail => "DET",
            ViewKind::Isometric => "ISO",
        }
    }

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ViewKind::Elevation => "elevation",
            ViewKind::Plan => "plan",
            ViewKind::Section => "section",
            ViewKind::Detail => "detail",
            ViewKind::Isometric => "isometric",
        }
    }
}

/// A view: model-space entities placed on the sheet at a scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct View {
    /// Title, e.g. `ELEVATION (FROM OUTSIDE)`.
    pub title: String,
    /// Kind.
    pub kind: ViewKind,
    /// Scale.
    pub scale: Scale,
    /// Where model (0, 0) lands on the sheet, paper mm.
    pub placement: crate::Point,
    /// Entities, model mm (text heights paper mm).
    pub entities: Vec<Entity>,
}

impl View {
    /// A model point on the sheet, paper mm.
    pub fn to_paper(&self, p: crate::Point) -> crate::Point {
        let f = self.scale.factor();
        crate::Point::new(self.placement.x + p.x * f, self.placement.y + p.y * f)
    }
}

/// Title block contents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleInfo {
    /// Company.
    pub company: String,
    /// Project.
    pub project: String,
    /// Customer.
    pub customer: String,
    /// Drawing number, e.g. `SPW600e-ELV-001`.
    pub drawing_number: String,
    /// Title.
    pub title: String,
    /// Date, as passed in.
    pub date: String,
    /// Drawn by.
    pub drawn_by: String,
    /// Checked by.
    pub checked_by: String,
    /// Revision letter.
    pub revision: String,
}

/// One sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    /// Size.
    pub size: SheetSize,
    /// Title block contents.
    pub title: TitleInfo,
    /// Views.
    pub views: Vec<View>,
    /// Paper-space entities (border, title block, revision table), paper mm.
    pub paper: Vec<Entity>,
}

/// A drawing: its layers and sheets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drawing {
    /// Layers used.
    pub layers: Vec<Layer>,
    /// Sheets.
    pub sheets: Vec<Sheet>,
}

impl Drawing {
    /// The standard layers.
    pub fn standard_layers() -> Vec<Layer> {
        LayerName::ALL.iter().map(|l| l.layer()).collect()
    }
}
