//! The SPW600e drawing model: one fully resolved tree — sheets, views at a scale, layers with
//! their colour, lineweight and linetype, and entities whose geometry, text and dimension values
//! are already final — that every exporter (DXF, SVG, PDF, PNG) walks without deciding anything.
//!
//! Coordinates: view entities are in model millimetres (real size, y up); a view places model
//! space on the sheet at `placement` and `1 : scale`. Sheet entities (border, title block) are in
//! paper millimetres from the sheet's bottom-left corner, y up. Text heights are always paper
//! millimetres, so text stays legible at any scale.

pub mod entity;
pub mod layer;
pub mod revision;
pub mod set;
pub mod sheet;
pub mod title_block;
pub mod views;

pub use entity::{Align, Dimension, DimensionKind, Entity, HatchPattern, Point, Shape};
pub use layer::{Layer, LayerName, Linetype, Rgb};
pub use set::{DrawingError, DrawingOptions, ProjectInfo, drawing_number, drawing_set};
pub use sheet::{
    Drawing, IsoFormat, Orientation, Scale, Sheet, SheetSize, TitleInfo, View, ViewKind,
};
pub use title_block::{RevisionRow, TitleBlockTemplate, revision_letter};
