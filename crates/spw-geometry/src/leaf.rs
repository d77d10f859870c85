//! A door leaf: its outline, daylight opening, glass, hardware positions and weight.

use crate::rect::Rect;
use serde::Serialize;

/// A side seen from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left.
    Left,
    /// Right.
    Right,
}

/// A glass pane to order: the daylight opening plus the edge cover on every side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GlassPane {
    /// Width, mm.
    pub width_mm: u32,
    /// Height, mm.
    pub height_mm: u32,
}

impl GlassPane {
    /// Area, m².
    pub fn area_m2(&self) -> f64 {
        f64::from(self.width_mm) * f64::from(self.height_mm) / 1e6
    }
}

/// How a leaf's weight is made up, kg.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LeafWeight {
    /// Leaf stiles and rails.
    pub profiles_kg: f64,
    /// Glazing beads.
    pub beads_kg: f64,
    /// Glass unit.
    pub glass_kg: f64,
    /// Gaskets on the leaf.
    pub gaskets_kg: f64,
    /// Hinges, lock, handles, astragal.
    pub hardware_kg: f64,
}

impl LeafWeight {
    /// Total, kg.
    pub fn total_kg(&self) -> f64 {
        self.profiles_kg + self.beads_kg + self.glass_kg + self.gaskets_kg + self.hardware_kg
    }
}

/// One leaf.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leaf {
    /// 1 for the left leaf seen from outside, 2 for the right.
    pub number: u32,
    /// Whether it is the active (locking) leaf.
    pub active: bool,
    /// Side of its hinges.
    pub hinge_side: Side,
    /// Outline.
    pub outer: Rect,
    /// Visible glass.
    pub daylight: Rect,
    /// The glass unit to order.
    pub glass: GlassPane,
    /// Hinge centres, height above floor, mm (bottom first).
    pub hinge_y_mm: Vec<i64>,
    /// Lock and lever handle centre, (x, y) mm; the passive leaf's slave lock too.
    pub lock_at_mm: (i64, i64),
    /// Weight build-up.
    pub weight: LeafWeight,
}

impl Leaf {
    /// Width, mm.
    pub fn width_mm(&self) -> i64 {
        self.outer.width()
    }

    /// Height, mm.
    pub fn height_mm(&self) -> i64 {
        self.outer.height()
    }
}
