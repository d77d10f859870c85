//! Proven lower bounds on the number of stock bars and on the stock cost.
//!
//! * **L1 (volume)**: every bar holds at most its capacity of piece weight
//!   (piece cut length plus one kerf; capacity is usable length plus one
//!   kerf), remnants absorb at most their total capacity, so
//!   `bars ≥ ⌈(W − remnant capacity) / largest stock capacity⌉` and
//!   `cost ≥ ⌈(W − remnant capacity) · min_j cost_j / capacity_j⌉`.
//! * **L2 (Martello–Toth)**: the classic bin-packing bound over the largest
//!   capacity; used when there are no remnants.
//! * **Dual (LP) bound**: any non-negative integer piece values `y` give
//!   `cost ≥ (Σ y_i d_i − Σ_r n_r V_r) / max_j (V_j / cost_j)`, where `V_t` is
//!   the best value that fits one bar of type `t` (a bounded knapsack,
//!   computed exactly in integers). Feeding in scaled column-generation duals
//!   makes this the Gilmore–Gomory LP bound, but because the inequality is
//!   re-checked in exact integer arithmetic it stays valid whatever the
//!   floating-point accuracy of the LP.

use crate::knapsack::{KnapItem, best_values_int};
use crate::problem::Problem;
use crate::work::Work;

/// Lower bounds on the stock bar count and on the primary cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub bars: u64,
    pub cost: u64,
}

fn ceil_div(num: u128, den: u128) -> u64 {
    if den == 0 {
        return 0;
    }
    u64::try_from(num.div_ceil(den)).unwrap_or(u64::MAX)
}

fn remnant_capacity(problem: &Problem) -> u64 {
    problem
        .bar_types
        .iter()
        .filter(|t| t.is_remnant)
        .map(|t| t.capacity * u64::from(t.limit.unwrap_or(0)))
        .sum()
}

/// The volume bound L1.
pub(crate) fn volume(problem: &Problem) -> Bounds {
    let excess = problem
        .total_weight()
        .saturating_sub(remnant_capacity(problem));
    let stock = problem.bar_types.iter().filter(|t| !t.is_remnant);
    let max_cap = stock.clone().map(|t| t.capacity).max().unwrap_or(0);
    let bars = ceil_div(u128::from(excess), u128::from(max_cap));
    let cost = stock
        .map(|t| {
            ceil_div(
                u128::from(excess) * u128::from(t.cost),
                u128::from(t.capacity),
            )
        })
        .min()
        .unwrap_or(0);
    Bounds { bars, cost }
}

/// Martello–Toth L2 over the largest stock capacity (0 when remnants exist,
/// as it does not account for them).
pub(crate) fn martello_toth(problem: &Problem) -> u64 {
    if problem.bar_types.iter().any(|t| t.is_remnant) {
        return 0;
    }
    let cap = problem.max_capacity();
    let items = &problem.items; // sorted by decreasing weight
    let mut count = vec![0u64; items.len() + 1];
    let mut weight = vec![0u64; items.len() + 1];
    for (k, item) in items.iter().enumerate() {
        count[k + 1] = count[k] + u64::from(item.demand);
        weight[k + 1] = weight[k] + item.weight * u64::from(item.demand);
    }
    // Number of leading classes heavier than `t`.
    let heavier = |t: u64| items.partition_point(|i| i.weight > t);
    let half = heavier(cap / 2);
    // Candidate alphas: 0 and each distinct weight not above cap / 2.
    let alphas = std::iter::once(0).chain(items[half..].iter().map(|i| i.weight));
    let mut best = 0;
    for alpha in alphas {
        let k1 = heavier(cap - alpha).min(half);
        let k3 = items.partition_point(|i| i.weight >= alpha).max(half);
        let j1 = count[k1];
        let j2 = count[half] - count[k1];
        let j2_weight = weight[half] - weight[k1];
        let j3_weight = weight[k3] - weight[half];
        let free_in_j2 = j2 * cap - j2_weight;
        let extra = ceil_div(
            u128::from(j3_weight.saturating_sub(free_in_j2)),
            u128::from(cap),
        );
        best = best.max(j1 + j2 + extra);
    }
    best
}

/// The dual bound for real-valued piece duals (scaled to integers and
/// verified exactly). `demand` and `duals` are per item class.
pub(crate) fn dual(problem: &Problem, duals: &[f64], work: &mut Work<'_>) -> Bounds {
    let max_dual = duals.iter().copied().fold(0.0f64, f64::max);
    if !max_dual.is_finite() || max_dual <= 0.0 {
        return Bounds { bars: 0, cost: 0 };
    }
    let scale = f64::from(1u32 << 24) / max_dual;
    let values: Vec<u64> = duals
        .iter()
        .map(|&y| {
            let v = (y.max(0.0) * scale).floor();
            if v.is_finite() && v >= 0.0 && v <= f64::from(1u32 << 25) {
                // In range by the check above.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let v = v as u64;
                v
            } else {
                0
            }
        })
        .collect();
    let items: Vec<KnapItem> = problem
        .items
        .iter()
        .map(|i| KnapItem {
            weight: i.weight,
            copies: i.demand,
        })
        .collect();
    let best = best_values_int(&items, &values, problem.max_capacity(), work);
    let fits = |capacity: u64| -> u128 {
        let c = usize::try_from(capacity)
            .unwrap_or(usize::MAX)
            .min(best.len() - 1);
        u128::from(best[c])
    };
    let total: u128 = problem
        .items
        .iter()
        .zip(&values)
        .map(|(i, &v)| u128::from(i.demand) * u128::from(v))
        .sum();
    let from_remnants: u128 = problem
        .bar_types
        .iter()
        .filter(|t| t.is_remnant)
        .map(|t| u128::from(t.limit.unwrap_or(0)) * fits(t.capacity))
        .sum();
    let net = total.saturating_sub(from_remnants);
    let stock: Vec<(u128, u128)> = problem
        .bar_types
        .iter()
        .filter(|t| !t.is_remnant)
        .map(|t| (fits(t.capacity), u128::from(t.cost)))
        .filter(|&(v, _)| v > 0)
        .collect();
    let max_v = stock.iter().map(|&(v, _)| v).max().unwrap_or(0);
    let bars = if net == 0 { 0 } else { ceil_div(net, max_v) };
    let cost = if net == 0 {
        0
    } else {
        stock
            .iter()
            .map(|&(v, c)| ceil_div(net * c, v))
            .min()
            .unwrap_or(0)
    };
    Bounds { bars, cost }
}

/// Combines the cheap bounds (L1, L2) into one.
pub(crate) fn cheap(problem: &Problem) -> Bounds {
    let l1 = volume(problem);
    tighten(
        problem,
        Bounds {
            bars: l1.bars.max(martello_toth(problem)),
            cost: l1.cost,
        },
    )
}

/// Cross-tightens a bound pair: every stock bar costs at least the cheapest
/// stock price, and without prices the cost *is* the stock bar count.
pub(crate) fn tighten(problem: &Problem, b: Bounds) -> Bounds {
    if problem.costed {
        let min_cost = problem
            .bar_types
            .iter()
            .filter(|t| !t.is_remnant)
            .map(|t| t.cost)
            .min()
            .unwrap_or(0);
        Bounds {
            bars: b.bars,
            cost: b.cost.max(b.bars.saturating_mul(min_cost)),
        }
    } else {
        let v = b.bars.max(b.cost);
        Bounds { bars: v, cost: v }
    }
}

/// The larger of two bounds, componentwise, cross-tightened.
pub(crate) fn max(problem: &Problem, a: Bounds, b: Bounds) -> Bounds {
    tighten(
        problem,
        Bounds {
            bars: a.bars.max(b.bars),
            cost: a.cost.max(b.cost),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{BarType, ItemClass};

    fn problem(capacity: u64, weights: &[(u64, u32)]) -> Problem {
        Problem {
            kerf: 0,
            min_remnant: 0,
            items: weights
                .iter()
                .map(|&(weight, demand)| ItemClass {
                    weight,
                    demand,
                    instances: vec![0; demand as usize],
                })
                .collect(),
            bar_types: vec![BarType {
                length_mm: capacity,
                capacity,
                limit: None,
                cost: 1,
                is_remnant: false,
            }],
            costed: false,
        }
    }

    #[test]
    fn l2_beats_l1_on_large_items() {
        // Six items of 60 in bars of 100: L1 = 4, but no two share a bar.
        let p = problem(100, &[(60, 6)]);
        assert_eq!(volume(&p).bars, 4);
        assert_eq!(martello_toth(&p), 6);
    }

    #[test]
    fn l2_counts_small_items_in_free_space() {
        // Three 70s leave 3 × 30 free; six 20s (120) need 30 more: one bar.
        let p = problem(100, &[(70, 3), (20, 6)]);
        assert_eq!(martello_toth(&p), 4);
        // Brute-force check of the classic formula on a mixed instance.
        let p = problem(100, &[(55, 2), (45, 2), (30, 3), (10, 4)]);
        assert!(martello_toth(&p) >= volume(&p).bars);
        assert!(martello_toth(&p) <= 5);
    }

    #[test]
    fn dual_bound_beats_volume_bound() {
        // Five 40s in bars of 100: L1 = 2, but only two fit a bar, so any
        // positive value per piece proves ceil(5 / 2) = 3 (scale-invariant).
        let p = problem(100, &[(40, 5)]);
        assert_eq!(volume(&p).bars, 2);
        let mut work = Work::new(u64::MAX, None);
        assert_eq!(dual(&p, &[0.4], &mut work).bars, 3);
        assert_eq!(dual(&p, &[7.0], &mut work).bars, 3);
        // Zero values prove nothing.
        assert_eq!(dual(&p, &[0.0], &mut work).bars, 0);
    }
}
