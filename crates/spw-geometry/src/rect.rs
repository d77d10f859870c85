//! Axis-aligned rectangles in whole millimetres on the door's elevation plane.
//!
//! The elevation is seen from outside: x runs left to right from the frame's left outer edge,
//! y runs up from the finished floor level (the underside of the threshold). Integer millimetres
//! keep every area sum exact.

use serde::Serialize;

/// A rectangle `[x0, x1] × [y0, y1]` in mm, with `x0 ≤ x1` and `y0 ≤ y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x0: i64,
    /// Bottom edge.
    pub y0: i64,
    /// Right edge.
    pub x1: i64,
    /// Top edge.
    pub y1: i64,
}

impl Rect {
    /// A rectangle from its edges; `None` unless it has positive width and height.
    pub fn new(x0: i64, y0: i64, x1: i64, y1: i64) -> Option<Rect> {
        (x1 > x0 && y1 > y0).then_some(Rect { x0, y0, x1, y1 })
    }

    /// Width, mm.
    pub fn width(&self) -> i64 {
        self.x1 - self.x0
    }

    /// Height, mm.
    pub fn height(&self) -> i64 {
        self.y1 - self.y0
    }

    /// Area, mm².
    pub fn area_mm2(&self) -> i64 {
        self.width() * self.height()
    }

    /// Perimeter, mm.
    pub fn perimeter_mm(&self) -> i64 {
        2 * (self.width() + self.height())
    }

    /// Shrink by `d` on every side.
    pub fn inset(&self, d: i64) -> Option<Rect> {
        Rect::new(self.x0 + d, self.y0 + d, self.x1 - d, self.y1 - d)
    }

    /// Whether `other` lies inside (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }

    /// Whether the interiors overlap.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}
