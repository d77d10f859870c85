//! Public input types of the cutting optimiser: the JSON request contract.
//!
//! The shapes here are read unchanged by the CLI, so the field names are part
//! of the public contract:
//!
//! ```json
//! {
//!   "kerf_mm": 5,
//!   "end_trim_mm": 10,
//!   "min_remnant_mm": 500,
//!   "stock": [{"length_mm": 6000}, {"length_mm": 6500, "count": 4, "cost": 2150}],
//!   "remnants": [{"length_mm": 1800, "count": 2}],
//!   "pieces": [{"label": "jamb", "length_mm": 2150, "count": 4,
//!               "group": "SPW600e-frame/RAL9016", "mitre_allowance_mm": 20}]
//! }
//! ```
//!
//! Defaults: `kerf_mm` 5, `end_trim_mm` 0, `min_remnant_mm` 0 (keep no
//! remnants), `remnants` empty, stock `count` absent (unlimited), stock
//! `cost` absent, piece `group` absent, piece `mitre_allowance_mm` 0.

use serde::{Deserialize, Serialize};

use crate::error::{CutError, InputIssue};

/// Default saw blade width in millimetres.
pub const DEFAULT_KERF_MM: u32 = 5;

fn default_kerf() -> u32 {
    DEFAULT_KERF_MM
}

/// One cutting job: the pieces of one profile/finish group and the bars they
/// may be cut from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutRequest {
    /// Saw blade width consumed by every cut (see the crate docs for the
    /// exact kerf convention). Default 5 mm.
    #[serde(default = "default_kerf")]
    pub kerf_mm: u32,
    /// Length trimmed off *each* end of every bar (stock and remnant) before
    /// the first cut. Default 0 mm.
    #[serde(default)]
    pub end_trim_mm: u32,
    /// Offcuts at or above this length are kept as reusable remnants; shorter
    /// offcuts are waste. 0 (the default) keeps no remnants: every offcut is
    /// waste.
    #[serde(default)]
    pub min_remnant_mm: u32,
    /// Purchasable stock lengths.
    pub stock: Vec<StockLength>,
    /// Existing offcut bars to use first (they cost nothing).
    #[serde(default)]
    pub remnants: Vec<RemnantBar>,
    /// Pieces to cut.
    pub pieces: Vec<Piece>,
}

/// A purchasable stock bar length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockLength {
    /// Bar length as delivered, in millimetres.
    pub length_mm: u32,
    /// How many bars of this length are available; absent means unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Price of one bar in pence. When given for every stock length the
    /// optimiser minimises total stock cost instead of the bar count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<u64>,
}

/// Existing offcut bars of one length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemnantBar {
    /// Remnant length in millimetres.
    pub length_mm: u32,
    /// Number of remnants of this length.
    pub count: u32,
}

/// A piece to cut, possibly several times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Label printed on the cutting list (e.g. position and part name).
    pub label: String,
    /// Finished (nominal) length in millimetres.
    pub length_mm: u32,
    /// How many of this piece are needed.
    pub count: u32,
    /// Profile/finish group. One request is one group: all pieces that give a
    /// group must give the same one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Extra bar length consumed by this piece because its ends are mitred.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mitre_allowance_mm: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &u32) -> bool {
    *value == 0
}

impl Piece {
    /// Length of bar this piece consumes, excluding kerf: nominal length plus
    /// mitre allowance.
    #[must_use]
    pub fn cut_length_mm(&self) -> u64 {
        u64::from(self.length_mm) + u64::from(self.mitre_allowance_mm)
    }
}

/// Parses a JSON request, mapping syntax and type errors (such as a negative
/// length, which does not fit the unsigned field) to
/// [`CutError::InvalidInput`] (`ERR_CUT_001`).
///
/// # Errors
/// Returns `ERR_CUT_001` when the text is not a request of the contract shape.
pub fn parse_request(json: &str) -> Result<CutRequest, CutError> {
    serde_json::from_str(json).map_err(|err| CutError::InvalidInput {
        issues: vec![InputIssue {
            field: "request".to_owned(),
            message: format!("not a valid cutting request: {err}"),
        }],
    })
}
