//! Typed errors of the cutting optimiser, each with a stable machine code.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One problem found while validating a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputIssue {
    /// Field path inside the request, e.g. `pieces[3].length_mm`.
    pub field: String,
    /// What is wrong with the field, including the limit that was violated.
    pub message: String,
}

impl fmt::Display for InputIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A piece that does not fit on any available bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OversizePiece {
    /// Index in the request's `pieces` list.
    pub index: usize,
    /// The piece's label.
    pub label: String,
    /// Bar length the piece needs: nominal length plus mitre allowance.
    pub required_mm: u64,
}

/// Everything that can go wrong when optimising a cutting request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CutError {
    /// `ERR_CUT_001`: the request is malformed (all problems are listed).
    #[error("invalid cutting input: {}", join_issues(.issues))]
    InvalidInput {
        /// Every problem found, in request order.
        issues: Vec<InputIssue>,
    },
    /// `ERR_CUT_002`: pieces longer than the longest usable bar length.
    #[error(
        "piece too long: {} (longest usable bar length is {longest_usable_mm} mm after end trims)",
        join_oversize(.pieces)
    )]
    PieceTooLong {
        /// The offending pieces.
        pieces: Vec<OversizePiece>,
        /// Longest usable length (bar length minus both end trims) of any
        /// stock length or remnant.
        longest_usable_mm: u64,
    },
    /// `ERR_CUT_003`: limited stock counts cannot cover the pieces.
    #[error(
        "insufficient stock: the pieces need {required_mm} mm of usable bar (including kerfs) \
         but the limited stock and remnants offer {available_mm} mm; {detail}"
    )]
    InsufficientStock {
        /// Total bar length consumed by the pieces including one kerf each.
        required_mm: u64,
        /// Total usable length of all limited bars (plus one kerf each).
        available_mm: u64,
        /// Whether shortage is proven by length alone or no plan was found.
        detail: String,
    },
}

fn join_issues(issues: &[InputIssue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn join_oversize(pieces: &[OversizePiece]) -> String {
    pieces
        .iter()
        .map(|p| {
            format!(
                "pieces[{}] `{}` needs {} mm",
                p.index, p.label, p.required_mm
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl CutError {
    /// Stable machine-readable code: `ERR_CUT_001`, `ERR_CUT_002` or
    /// `ERR_CUT_003`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidInput { .. } => "ERR_CUT_001",
            Self::PieceTooLong { .. } => "ERR_CUT_002",
            Self::InsufficientStock { .. } => "ERR_CUT_003",
        }
    }

    /// The individual validation issues (empty for other error kinds).
    #[must_use]
    pub fn issues(&self) -> &[InputIssue] {
        match self {
            Self::InvalidInput { issues } => issues,
            _ => &[],
        }
    }
}
