//! Gilmore–Gomory column generation on the cutting-pattern LP, with
//! knapsack pricing by dynamic programming, and a diving heuristic that
//! turns LP solutions into whole bars.
//!
//! Master LP for residual demand `d` and residual availability `n_t`:
//! `min Σ_p cost_p x_p` s.t. `Σ_p a_ip x_p ≥ d_i` for every item class,
//! `Σ_{p of type t} x_p ≤ n_t` for every limited bar type, `x ≥ 0`.
//! Artificial unit columns with a cost above any real pattern keep the LP
//! feasible whatever the limits.
//!
//! Diving: solve the LP; fix `⌊x_p⌋` copies of every pattern (or, if none is
//! at least one, one copy of the largest); reduce the demand and repeat; hand
//! what is left (after the budget runs out) to FFD. The root LP duals feed
//! the proven dual bound in [`crate::lower_bound`].

use std::collections::BTreeSet;

use crate::ffd::{self, Fit};
use crate::knapsack::{FloatKnapsack, KnapItem};
use crate::lp::{Column, Lp, RC_TOL, Status};
use crate::pattern::{PackedBar, Packing, polish};
use crate::problem::Problem;
use crate::work::Work;

/// Backtracks allowed per run of the diving heuristic.
const MAX_BACKTRACKS: u32 = 400;
/// LP values with at least this fractional part are rounded up when fixing.
const ROUND_UP_FROM: f64 = 0.5;
/// Improving columns added per bar type and pricing round.
const COLUMNS_PER_TYPE: usize = 6;
/// How far below the full capacity pricing looks for extra columns.
const SCAN_CAPACITIES: u64 = 200;

/// A cutting pattern: a bar type and how many pieces of each class it holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pattern {
    pub ty: usize,
    pub counts: Vec<(usize, u32)>,
}

/// Result of one master LP solve.
struct LpSolution {
    /// Dual value per item class (0 for classes without residual demand).
    duals: Vec<f64>,
    /// LP value of every pool pattern (0 for patterns not in this LP).
    values: Vec<f64>,
    /// LP objective value.
    objective: f64,
    /// Whether pricing proved the LP optimal (the objective is then a lower
    /// bound on the residual problem's cost).
    optimal: bool,
}

/// Outcome of the column-generation heuristic.
pub(crate) struct Outcome {
    /// Best packing found by diving, if one was completed within limits.
    pub packing: Option<Packing>,
    /// Duals of the root LP (per item class).
    pub root_duals: Vec<f64>,
}

fn pattern_fits(p: &Pattern, demand: &[u32], limits: &[Option<u32>]) -> bool {
    limits[p.ty] != Some(0) && p.counts.iter().all(|&(i, a)| a <= demand[i])
}

fn solve_master(
    problem: &Problem,
    demand: &[u32],
    limits: &[Option<u32>],
    master: &mut Master<'_>,
    work: &mut Work<'_>,
) -> LpSolution {
    let pool = &mut *master.pool;
    let known = &mut *master.known;
    let forbidden = master.forbidden;
    let item_rows: Vec<Option<usize>> = {
        let mut next = 0;
        demand
            .iter()
            .map(|&d| {
                (d > 0).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    let n_items = item_rows.iter().flatten().count();
    let mut limit_rows: Vec<Option<usize>> = Vec::with_capacity(limits.len());
    let mut next = n_items;
    for (t, l) in limits.iter().enumerate() {
        let usable = problem.bar_types[t].capacity > 0;
        limit_rows.push(match l {
            Some(n) if *n > 0 && usable => {
                next += 1;
                Some(next - 1)
            }
            _ => None,
        });
    }
    let rows = next;
    let max_cost = problem.bar_types.iter().map(|t| t.cost).max().unwrap_or(1);
    #[allow(clippy::cast_precision_loss)]
    let big = (2 * max_cost + 1) as f64;
    let mut rhs = vec![0.0; rows];
    let mut unit = Vec::with_capacity(rows);
    for (i, r) in item_rows.iter().enumerate() {
        if let Some(r) = *r {
            rhs[r] = f64::from(demand[i]);
            unit.push(Column {
                cost: big,
                entries: vec![(r, 1.0)],
            });
        }
    }
    for (t, r) in limit_rows.iter().enumerate() {
        if let Some(r) = *r {
            rhs[r] = f64::from(limits[t].unwrap_or(0));
            unit.push(Column {
                cost: 0.0,
                entries: vec![(r, 1.0)],
            });
        }
    }
    let mut lp = Lp::new(rhs, unit);
    // Surplus columns for demand rows (over-cover is allowed).
    for r in item_rows.iter().flatten() {
        lp.add_column(Column {
            cost: 0.0,
            entries: vec![(*r, -1.0)],
        });
    }
    let column_of = |lp: &mut Lp, p: &Pattern| -> usize {
        let mut entries: Vec<(usize, f64)> = p
            .counts
            .iter()
            .filter_map(|&(i, a)| item_rows[i].map(|r| (r, f64::from(a))))
            .collect();
        if let Some(r) = limit_rows[p.ty] {
            entries.push((r, 1.0));
        }
        #[allow(clippy::cast_precision_loss)]
        let cost = problem.bar_types[p.ty].cost as f64;
        lp.add_column(Column { cost, entries })
    };
    let mut pool_col: Vec<Option<usize>> = vec![None; pool.len()];
    for (k, p) in pool.iter().enumerate() {
        if pattern_fits(p, demand, limits) && !forbidden.contains(p) {
            pool_col[k] = Some(column_of(&mut lp, p));
        }
    }
    let knap_items: Vec<KnapItem> = problem
        .items
        .iter()
        .zip(demand)
        .map(|(i, &d)| KnapItem {
            weight: i.weight,
            copies: d,
        })
        .collect();
    let max_cap = problem
        .bar_types
        .iter()
        .zip(limits)
        .filter(|(_, l)| **l != Some(0))
        .map(|(t, _)| t.capacity)
        .max()
        .unwrap_or(0);
    let mut optimal = false;
    let max_rounds = 50 + 4 * rows;
    for _ in 0..max_rounds {
        if lp.optimise(work, 20 * rows + 200) == Status::Stopped {
            break;
        }
        if work.exhausted() {
            break;
        }
        let pi = lp.duals();
        let values: Vec<f64> = item_rows
            .iter()
            .map(|r| r.map_or(0.0, |r| pi[r].max(0.0)))
            .collect();
        let knap = FloatKnapsack::solve(&knap_items, &values, max_cap, work);
        let mut added = false;
        let mut skipped = false;
        for (t, ty) in problem.bar_types.iter().enumerate() {
            if limits[t] == Some(0) {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let cost = ty.cost as f64;
            let limit_dual = limit_rows[t].map_or(0.0, |r| pi[r]);
            let threshold = cost - limit_dual + RC_TOL * (1.0 + cost);
            if knap.value(ty.capacity) <= threshold {
                continue;
            }
            // The best selection within the full capacity, and a few more
            // improving ones found at slightly smaller capacities.
            let mut found = 0;
            let mut previous = f64::INFINITY;
            let lowest = ty.capacity.saturating_sub(SCAN_CAPACITIES);
            for c in (lowest..=ty.capacity).rev() {
                let v = knap.value(c);
                if v <= threshold || found >= COLUMNS_PER_TYPE {
                    break;
                }
                if v >= previous {
                    continue;
                }
                previous = v;
                let sel = knap.selection(c, &knap_items);
                let counts: Vec<(usize, u32)> = sel
                    .iter()
                    .enumerate()
                    .filter(|&(_, &a)| a > 0)
                    .map(|(i, &a)| (i, a))
                    .collect();
                if counts.is_empty() {
                    continue;
                }
                let pattern = Pattern { ty: t, counts };
                if !known.insert(pattern.clone()) {
                    skipped = true;
                    continue;
                }
                let col = column_of(&mut lp, &pattern);
                pool.push(pattern);
                pool_col.push(Some(col));
                added = true;
                found += 1;
            }
        }
        if !added {
            // Skipped (forbidden) improving columns leave the LP unproven.
            optimal = !skipped;
            break;
        }
    }
    let x = lp.values();
    let pi = lp.duals();
    LpSolution {
        duals: item_rows
            .iter()
            .map(|r| r.map_or(0.0, |r| pi[r].max(0.0)))
            .collect(),
        values: pool_col.iter().map(|c| c.map_or(0.0, |c| x[c])).collect(),
        objective: lp.objective(),
        optimal,
    }
}

/// Runs column generation with diving.
pub(crate) fn run(problem: &Problem, incumbent: u64, work: &mut Work<'_>) -> Outcome {
    let mut demand: Vec<u32> = problem.items.iter().map(|i| i.demand).collect();
    let mut limits: Vec<Option<u32>> = problem.bar_types.iter().map(|t| t.limit).collect();
    let mut pool: Vec<Pattern> = Vec::new();
    let mut known: BTreeSet<Pattern> = BTreeSet::new();
    let mut forbidden: Vec<Pattern> = Vec::new();
    let mut fixed: Vec<PackedBar> = Vec::new();
    let mut root: Option<Vec<f64>> = None;
    let mut stack: Vec<Step> = Vec::new();
    let mut backtracks = 0;
    #[allow(clippy::cast_precision_loss)]
    let target = incumbent as f64;
    while !work.exhausted() {
        #[allow(clippy::cast_precision_loss)]
        let fixed_cost = fixed
            .iter()
            .map(|b| problem.bar_types[b.ty].cost)
            .sum::<u64>() as f64;
        let dead = if demand.iter().all(|&d| d == 0) {
            if fixed_cost < target {
                break;
            }
            true
        } else {
            let mut master = Master {
                pool: &mut pool,
                known: &mut known,
                forbidden: &forbidden,
            };
            let sol = solve_master(problem, &demand, &limits, &mut master, work);
            if root.is_none() {
                root = Some(sol.duals.clone());
            }
            if sol.optimal && (fixed_cost + sol.objective - 1e-6).ceil() >= target {
                true
            } else {
                let step = fix_step(&sol, &pool, &mut demand, &mut limits, &mut fixed);
                match step {
                    Some((snapshot, last)) => {
                        stack.push(Step {
                            demand: snapshot.0,
                            limits: snapshot.1,
                            fixed_len: snapshot.2,
                            forbidden_len: forbidden.len(),
                            last,
                        });
                        false
                    }
                    None => true,
                }
            }
        };
        if !dead {
            continue;
        }
        // This dive cannot beat the incumbent: undo the last fixing step and
        // forbid its most doubtful pattern.
        if backtracks >= MAX_BACKTRACKS {
            break;
        }
        let Some(step) = stack.pop() else {
            break;
        };
        demand = step.demand;
        limits = step.limits;
        fixed.truncate(step.fixed_len);
        // Exclusions made below this step no longer apply.
        forbidden.truncate(step.forbidden_len);
        forbidden.push(step.last);
        backtracks += 1;
    }
    let root_duals = root.unwrap_or_else(|| vec![0.0; problem.items.len()]);
    let packing = ffd::pack(problem, &demand, &limits, Fit::First, work).map(|rest| {
        fixed.extend(rest);
        let mut packing = Packing { bars: fixed };
        packing.normalise();
        polish(problem, packing)
    });
    Outcome {
        packing,
        root_duals,
    }
}

/// Snapshot of the residual state: demand, limits, number of fixed bars.
type Snapshot = (Vec<u32>, Vec<Option<u32>>, usize);

/// One fixing step of a dive: fixes the rounded LP values (or one copy of
/// the largest), returning the previous state and the last pattern fixed,
/// or `None` if nothing could be fixed.
fn fix_step(
    sol: &LpSolution,
    pool: &[Pattern],
    demand: &mut [u32],
    limits: &mut [Option<u32>],
    fixed: &mut Vec<PackedBar>,
) -> Option<(Snapshot, Pattern)> {
    let snapshot = (demand.to_vec(), limits.to_vec(), fixed.len());
    let mut order: Vec<usize> = (0..pool.len()).filter(|&k| sol.values[k] > 1e-9).collect();
    order.sort_by(|&a, &b| sol.values[b].total_cmp(&sol.values[a]).then(a.cmp(&b)));
    let mut last: Option<usize> = None;
    for &k in &order {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = (sol.values[k] + 1.0 - ROUND_UP_FROM)
            .floor()
            .min(f64::from(u32::MAX)) as u32;
        for _ in 0..whole {
            if !fix(&pool[k], demand, limits, fixed) {
                break;
            }
            last = Some(k);
        }
    }
    if last.is_none() {
        let &k = order
            .iter()
            .find(|&&k| pattern_fits(&pool[k], demand, limits))?;
        fix(&pool[k], demand, limits, fixed);
        last = Some(k);
    }
    last.map(|k| (snapshot, pool[k].clone()))
}

/// State before one fixing step of a dive, for backtracking.
struct Step {
    demand: Vec<u32>,
    limits: Vec<Option<u32>>,
    fixed_len: usize,
    forbidden_len: usize,
    /// The last (lowest-valued) pattern fixed in the step.
    last: Pattern,
}

/// The column pool shared by all master solves of a run.
struct Master<'a> {
    pool: &'a mut Vec<Pattern>,
    /// Every pattern ever generated (the pool, as a set).
    known: &'a mut BTreeSet<Pattern>,
    /// Patterns excluded by backtracking.
    forbidden: &'a [Pattern],
}

/// Fixes one copy of pattern `p` if it still fits the residual problem.
fn fix(
    p: &Pattern,
    demand: &mut [u32],
    limits: &mut [Option<u32>],
    fixed: &mut Vec<PackedBar>,
) -> bool {
    if !pattern_fits(p, demand, limits) {
        return false;
    }
    let mut items = Vec::new();
    for &(i, a) in &p.counts {
        demand[i] -= a;
        items.extend(std::iter::repeat_n(i, usize::try_from(a).unwrap_or(0)));
    }
    if let Some(l) = limits[p.ty].as_mut() {
        *l -= 1;
    }
    fixed.push(PackedBar { ty: p.ty, items });
    true
}
