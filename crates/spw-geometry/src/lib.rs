//! SPW600e door geometry: from a configuration and the catalogue's sightlines, the frame, the
//! leaves, glazing daylight openings, beads, gaskets, threshold, hardware positions, the thermal
//! regions that partition the frame's projected area, and every profile piece with its cut length.
//!
//! Pure and exact: integer millimetres in, integer millimetres out; degenerate input gives coded
//! issues, never a panic.

mod door;
mod hardware_layout;
mod leaf;
mod piece;
mod rect;
mod region;

pub use door::{DoorGeometry, FrameFixings, GasketRuns, MAX_LENGTH_MM, build};
pub use hardware_layout::{hinge_centres, hinges_for_height, required_hinges};
pub use leaf::{GlassPane, Leaf, LeafWeight, Side};
pub use piece::{EndCut, Piece, PieceRole};
pub use rect::Rect;
pub use region::{Region, RegionKind};
