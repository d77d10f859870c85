//! One-dimensional cutting optimiser for SPW600e aluminium profile bars.
//!
//! Given the pieces of one profile/finish group, the purchasable stock
//! lengths and any existing remnants, [`optimise`] returns a [`CuttingPlan`]:
//! which bars to cut, the cuts on each with positions, waste and kept
//! remnants, and a summary with a proven lower bound.
//!
//! # Objective
//! Lexicographic: fewest stock bars (or least stock cost in pence when every
//! stock length is priced; remnants are free), then least waste, then fewest
//! distinct cutting patterns.
//!
//! # Kerf and trim convention
//! Each bar loses `end_trim_mm` at *both* ends; the rest is its usable
//! length `U`. Pieces are laid from position 0 (just after the trim), a
//! piece consuming `length_mm + mitre_allowance_mm`. One kerf is consumed
//! between consecutive pieces, so `n` pieces fit when
//! `Σ cut lengths + (n − 1) · kerf ≤ U`. If offcut remains after the last
//! piece, the cut that frees it consumes one more kerf (all of the offcut
//! if it is shorter than a kerf); a bar whose pieces fill it exactly needs
//! no kerf after the last piece. The offcut left after that final kerf is
//! kept as a remnant when `min_remnant_mm > 0` and it is at least
//! `min_remnant_mm`, otherwise it is waste.
//!
//! # Method
//! First Fit Decreasing and Best Fit Decreasing give the baseline (the
//! answer is never worse). Volume (L1) and Martello–Toth (L2) bounds are
//! computed; when the baseline does not meet them, Gilmore–Gomory column
//! generation (revised simplex, knapsack pricing by DP) yields the LP bound
//! — verified in exact integer arithmetic — and a diving heuristic with FFD
//! repair; small problems that still have a gap go to an exact branch and
//! bound (any number of bar types) or, for a single stock length, to bin
//! completion, which can also raise the lower bound. A final local search
//! moves and swaps pieces between bars to cut waste (shorter stock lengths,
//! offcuts merged into kept remnants). All effort is counted in deterministic work units
//! ([`SolveOptions::max_work`]); the same input always gives the same plan.
//! A caller that needs a wall-clock limit passes a stop closure to
//! [`optimise_with_stop`].

mod bin_completion;
mod column_generation;
mod error;
mod exact;
mod ffd;
mod knapsack;
mod lower_bound;
mod lp;
mod pattern;
mod plan;
mod problem;
mod request;
mod solver;
mod waste;
mod work;

pub use error::{CutError, InputIssue, OversizePiece};
pub use plan::{Cut, CutBar, CuttingPlan, PlanSummary};
pub use problem::{
    MAX_BAR_COUNT, MAX_BAR_ENTRIES, MAX_COST_PENCE, MAX_KERF_MM, MAX_LENGTH_MM, MAX_TOTAL_PIECES,
};
pub use request::{CutRequest, DEFAULT_KERF_MM, Piece, RemnantBar, StockLength, parse_request};
pub use solver::{DEFAULT_MAX_WORK, SolveOptions};

/// Optimises a cutting request within the deterministic work budget.
///
/// # Errors
/// `ERR_CUT_001` for invalid input, `ERR_CUT_002` for a piece longer than
/// every usable bar, `ERR_CUT_003` when limited stock cannot cover the
/// pieces.
pub fn optimise(request: &CutRequest, options: &SolveOptions) -> Result<CuttingPlan, CutError> {
    optimise_with_stop(request, options, None)
}

/// Like [`optimise`], polling `stop` between steps; once it returns `true`
/// the best plan found so far is returned (baselines always complete).
///
/// # Errors
/// As [`optimise`].
pub fn optimise_with_stop(
    request: &CutRequest,
    options: &SolveOptions,
    stop: Option<&dyn Fn() -> bool>,
) -> Result<CuttingPlan, CutError> {
    let problem = problem::build(request)?;
    let solved = solver::solve(&problem, options, stop)?;
    Ok(plan::build(request, &problem, &solved))
}

/// Validates a request without optimising it.
///
/// # Errors
/// As [`optimise`], except that `ERR_CUT_003` is only reported when the
/// shortage is proven by total length.
pub fn validate(request: &CutRequest) -> Result<(), CutError> {
    problem::build(request).map(|_| ())
}
