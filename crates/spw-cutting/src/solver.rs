//! The optimisation pipeline: baselines, bounds, column generation, exact
//! search, and the choice of the best packing.

use serde::{Deserialize, Serialize};

use crate::bin_completion;
use crate::column_generation;
use crate::error::CutError;
use crate::exact;
use crate::ffd::{self, Fit};
use crate::lower_bound::{self, Bounds};
use crate::pattern::{Packing, better};
use crate::problem::Problem;
use crate::waste;
use crate::work::Work;

/// Tuning knobs of the optimiser. All limits are deterministic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SolveOptions {
    /// Work budget in deterministic work units (about one inner-loop step
    /// each: a knapsack cell, a simplex matrix entry, a search node). When it
    /// is spent the optimiser returns the best plan found so far.
    pub max_work: u64,
    /// The exact branch and bound runs when the problem has at most this many
    /// pieces and the heuristics have not already proven optimality.
    pub exact_max_pieces: u32,
    /// Share of `max_work` (in percent, 1–100) that column generation may use
    /// before the exact search gets its turn.
    pub column_generation_percent: u8,
}

/// Default work budget: at most a few seconds of single-core time in a
/// release build (about 10⁹ units per second); orders whose answer meets the
/// lower bound stop long before.
pub const DEFAULT_MAX_WORK: u64 = 3_000_000_000;

impl Default for SolveOptions {
    fn default() -> Self {
        Self {
            max_work: DEFAULT_MAX_WORK,
            exact_max_pieces: 20,
            column_generation_percent: 60,
        }
    }
}

/// Column generation keeps a dense basis inverse (classes²) and a knapsack
/// choice table (copies × capacity); beyond these sizes it is skipped and the
/// plan comes from the baselines (and the bounds from L1/L2).
const MAX_CG_CLASSES: usize = 600;
const MAX_KNAPSACK_CELLS: u64 = 64_000_000;
/// Bin completion recurses once per piece; it is used up to this size.
const MAX_COMPLETION_PIECES: u64 = 1_000;

fn column_generation_fits(problem: &Problem) -> bool {
    let cap = problem.max_capacity();
    let copies: u64 = problem
        .items
        .iter()
        .map(|i| u64::from(i.demand).min(cap / i.weight.max(1)))
        .sum();
    problem.items.len() <= MAX_CG_CLASSES && copies.saturating_mul(cap + 1) <= MAX_KNAPSACK_CELLS
}

/// What the pipeline hands to the plan builder.
pub(crate) struct Solved {
    pub packing: Packing,
    /// The First Fit Decreasing plan (`None` if it ran out of limited stock).
    pub ffd: Option<Packing>,
    pub bounds: Bounds,
    pub optimal: bool,
    pub work_used: u64,
}

pub(crate) fn solve(
    problem: &Problem,
    options: &SolveOptions,
    stop: Option<&dyn Fn() -> bool>,
) -> Result<Solved, CutError> {
    // 90 % of the budget for finding the fewest bars, 10 % for waste.
    let mut work = Work::new(options.max_work / 10 * 9, stop);
    // Baselines always run in full: the answer is never worse than FFD.
    let ffd = ffd::solve(problem, Fit::First, &mut work);
    let bfd = ffd::solve(problem, Fit::Best, &mut work);
    let mut best = better(problem, ffd.clone(), bfd);
    let mut bounds = lower_bound::cheap(problem);
    let reached = |best: &Option<Packing>, bounds: &Bounds| {
        best.as_ref()
            .is_some_and(|p| p.score(problem).primary <= bounds.cost)
    };
    if !reached(&best, &bounds) && column_generation_fits(problem) {
        let percent = u64::from(options.column_generation_percent.clamp(1, 100));
        let share = options.max_work.saturating_mul(percent) / 100;
        let mut cg_work = Work::new(share.min(work.remaining()), stop);
        let incumbent = best.as_ref().map_or(u64::MAX, |p| p.score(problem).primary);
        let outcome = column_generation::run(problem, incumbent, &mut cg_work);
        let dual = lower_bound::dual(problem, &outcome.root_duals, &mut cg_work);
        bounds = lower_bound::max(problem, bounds, dual);
        best = better(problem, best, checked(problem, outcome.packing));
        work.charge(cg_work.used());
    }
    let mut optimal = reached(&best, &bounds);
    let current = best.as_ref().map(|p| p.stock_bars(problem));
    let small = problem.total_pieces() <= MAX_COMPLETION_PIECES;
    if let (false, true, Some(current)) = (optimal, small, current) {
        // A single bar type: bin completion towards the lower bound, where a
        // finished search without a packing raises the bound.
        let mut bars = current.saturating_sub(1);
        while bars >= bounds.bars.max(1) && !work.exhausted() {
            let Some(completion) = bin_completion::complete_bins(problem, bars, &mut work) else {
                break;
            };
            match completion.packing {
                Some(packing) => {
                    best = better(problem, best, checked(problem, Some(packing)));
                    bars -= 1;
                }
                None if completion.complete => {
                    let raised = Bounds {
                        bars: bars + 1,
                        cost: 0,
                    };
                    bounds = lower_bound::max(problem, bounds, raised);
                    break;
                }
                None => break,
            }
        }
        optimal = reached(&best, &bounds);
    }
    let mut proven_infeasible = false;
    if !optimal && problem.total_pieces() <= u64::from(options.exact_max_pieces) {
        let incumbent = best.as_ref().map_or(u64::MAX, |p| p.score(problem).primary);
        let outcome = exact::search(problem, incumbent, &mut work);
        best = better(problem, best, checked(problem, outcome.improved));
        optimal = outcome.complete && best.is_some();
        proven_infeasible = outcome.complete && best.is_none();
    }
    let mut waste_work = Work::new(options.max_work / 10, stop);
    let best = best.map(|p| waste::reduce(problem, p, &mut waste_work));
    work.charge(waste_work.used());
    optimal = optimal || reached(&best, &bounds);
    let Some(packing) = best else {
        let required = problem.total_weight();
        let available = problem
            .bar_types
            .iter()
            .filter_map(|t| t.limit.map(|l| t.capacity * u64::from(l)))
            .sum();
        return Err(CutError::InsufficientStock {
            required_mm: required,
            available_mm: available,
            detail: if proven_infeasible {
                "proven by exhaustive search".into()
            } else {
                "no plan was found that fits the limited counts".into()
            },
        });
    };
    Ok(Solved {
        packing,
        ffd,
        bounds,
        optimal,
        work_used: work.used(),
    })
}

/// Discards a candidate that breaks a constraint (a defensive check: the
/// baselines are always kept, so a faulty stage cannot corrupt the answer).
fn checked(problem: &Problem, packing: Option<Packing>) -> Option<Packing> {
    packing.filter(|p| p.is_feasible(problem))
}
