//! Profile pieces: what the saw cuts, with lengths, end cuts and labels.

use serde::Serialize;

/// How a piece's end is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndCut {
    /// 90° cut.
    Square,
    /// 45° mitre; the length is measured at the long point.
    Mitre45,
}

/// What kind of member a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceRole {
    /// Frame head or jamb.
    Frame,
    /// Threshold.
    Threshold,
    /// Leaf stile or rail.
    Leaf,
    /// Meeting-stile astragal.
    MeetingStile,
    /// Glazing bead.
    Bead,
}

/// Identical pieces cut from one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// What it is, e.g. `frame jamb`, `leaf 2 rail`.
    pub label: String,
    /// Profile code.
    pub profile_code: String,
    /// Member kind.
    pub role: PieceRole,
    /// Cut length (long point for mitres), mm.
    pub length_mm: u32,
    /// How many.
    pub count: u32,
    /// End cuts, first and second end.
    pub ends: [EndCut; 2],
}

impl Piece {
    /// Total length of all pieces, mm.
    pub fn total_mm(&self) -> u64 {
        u64::from(self.length_mm) * u64::from(self.count)
    }

    /// `mitre/mitre`, `mitre/square`, `square/square`.
    pub fn end_cut_label(&self) -> &'static str {
        match self.ends {
            [EndCut::Mitre45, EndCut::Mitre45] => "mitre/mitre",
            [EndCut::Square, EndCut::Square] => "square/square",
            _ => "mitre/square",
        }
    }
}
