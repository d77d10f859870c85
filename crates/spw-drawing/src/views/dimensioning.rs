//! Automatic dimension rows: chains and overall dimensions stacked outside the geometry, each
//! row further out, so no two rows cross and no dimension lies on the drawing.

use crate::entity::{Dimension, Entity, Point, Shape};
use crate::layer::LayerName;

/// Where dimension rows go around an object's bounds, in model mm.
#[derive(Debug, Clone, Copy)]
pub struct DimensionRows {
    /// Object bounds, min corner.
    pub lo: Point,
    /// Object bounds, max corner.
    pub hi: Point,
    /// Model mm per paper mm (the view's scale denominator).
    pub scale: f64,
    /// Text height, paper mm.
    pub text_height: f64,
}

impl DimensionRows {
    /// Distance from the object to the first row, model mm (10 paper mm).
    fn first(&self) -> f64 {
        10.0 * self.scale
    }

    /// Distance between rows, model mm (8 paper mm).
    fn step(&self) -> f64 {
        8.0 * self.scale
    }

    /// Smallest length worth dimensioning: its text must fit between the extension lines.
    fn fits(&self, length: f64) -> bool {
        let text = crate::entity::format_mm(length);
        length >= (super::text_width(&text, self.text_height) + 2.0) * self.scale
    }

    fn push(&self, out: &mut Vec<Entity>, d: Dimension) {
        out.push(Entity {
            layer: LayerName::Dimensions,
            shape: Shape::Dimension(d),
        });
    }

    /// A chain of horizontal dimensions between consecutive `xs`, `row` rows below the object.
    pub fn below(&self, out: &mut Vec<Entity>, row: u32, xs: &[f64]) {
        let y = self.lo.y - self.first() - f64::from(row) * self.step();
        for w in xs.windows(2) {
            if self.fits(w[1] - w[0]) {
                self.push(
                    out,
                    Dimension::horizontal(
                        Point::new(w[0], self.lo.y),
                        Point::new(w[1], self.lo.y),
                        y,
                        self.text_height,
                    ),
                );
            }
        }
    }

    /// A chain of horizontal dimensions `row` rows above the object.
    pub fn above(&self, out: &mut Vec<Entity>, row: u32, xs: &[f64]) {
        let y = self.hi.y + self.first() + f64::from(row) * self.step();
        for w in xs.windows(2) {
            if self.fits(w[1] - w[0]) {
                self.push(
                    out,
                    Dimension::horizontal(
                        Point::new(w[0], self.hi.y),
                        Point::new(w[1], self.hi.y),
                        y,
                        self.text_height,
                    ),
                );
            }
        }
    }

    /// A chain of vertical dimensions `row` rows left of the object.
    pub fn left(&self, out: &mut Vec<Entity>, row: u32, ys: &[f64]) {
        let x = self.lo.x - self.first() - f64::from(row) * self.step();
        for w in ys.windows(2) {
            if self.fits(w[1] - w[0]) {
                self.push(
                    out,
                    Dimension::vertical(
                        Point::new(self.lo.x, w[0]),
                        Point::new(self.lo.x, w[1]),
                        x,
                        self.text_height,
                    ),
                );
            }
        }
    }

    /// A chain of vertical dimensions `row` rows right of the object.
    pub fn right(&self, out: &mut Vec<Entity>, row: u32, ys: &[f64]) {
        let x = self.hi.x + self.first() + f64::from(row) * self.step();
        for w in ys.windows(2) {
            if self.fits(w[1] - w[0]) {
                self.push(
                    out,
                    Dimension::vertical(
                        Point::new(self.hi.x, w[0]),
                        Point::new(self.hi.x, w[1]),
                        x,
                        self.text_height,
                    ),
                );
            }
        }
    }
}
