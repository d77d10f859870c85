//! Thermal regions: the rectangles that partition the frame's projected area by what fills them
//! (EN ISO 10077-1 counts frame, glazing and panel areas separately).

use crate::rect::Rect;
use serde::Serialize;

/// What fills a region, for the thermal calculation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// Outer frame head and jambs, with the leaf-to-frame clearances they cover.
    Frame,
    /// Threshold, with the clearance above it.
    Threshold,
    /// Leaf stiles and rails (not the meeting stiles of a double door).
    Leaf,
    /// Meeting stiles of a double door and the gap between them.
    MeetingStile,
    /// Visible glass (daylight opening).
    Glazing,
    /// Opaque infill panel.
    Panel,
}

impl RegionKind {
    /// Whether the region is a frame area (Af) in EN ISO 10077-1 terms.
    pub fn is_frame(self) -> bool {
        matches!(
            self,
            RegionKind::Frame | RegionKind::Threshold | RegionKind::Leaf | RegionKind::MeetingStile
        )
    }
}

/// One rectangle of the elevation and what fills it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// What fills it.
    pub kind: RegionKind,
    /// Which member, e.g. `frame head`, `leaf 1 bottom rail`.
    pub label: String,
    /// Where it is.
    pub rect: Rect,
}
