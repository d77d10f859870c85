//! First Fit Decreasing and Best Fit Decreasing: the baseline every answer is
//! compared against, and the repair step for residual demand.
//!
//! Pieces are taken longest first. Each goes into the first (FFD) or the
//! fullest (BFD) open bar it fits; otherwise a new bar is opened: the largest
//! remnant that holds the piece if any is left (remnants are free), else the
//! stock length with the lowest cost per millimetre (the longest, when
//! uncosted). Bar types are re-chosen afterwards ([`crate::pattern::polish`]).

use crate::pattern::{PackedBar, Packing, polish};
use crate::problem::Problem;
use crate::work::Work;

/// Which open bar receives a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// The first open bar with room.
    First,
    /// The open bar with the least room left that still holds the piece.
    Best,
}

/// Chooses the bar type to open for a piece of weight `weight`.
fn open_type(problem: &Problem, remaining: &[Option<u32>], weight: u64) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (t, ty) in problem.bar_types.iter().enumerate() {
        if ty.capacity < weight || remaining[t] == Some(0) {
            continue;
        }
        best = match best {
            None => Some(t),
            Some(b) => {
                let cur = &problem.bar_types[b];
                // Compare cost per capacity: ty.cost / ty.capacity < cur.cost / cur.capacity.
                let lhs = u128::from(ty.cost) * u128::from(cur.capacity);
                let rhs = u128::from(cur.cost) * u128::from(ty.capacity);
                if lhs < rhs || (lhs == rhs && ty.capacity > cur.capacity) {
                    Some(t)
                } else {
                    Some(b)
                }
            }
        };
    }
    best
}

/// Packs `demand[i]` pieces of every class using at most `limits[t]` bars of
/// each type. Returns `None` when the limits run out.
pub(crate) fn pack(
    problem: &Problem,
    demand: &[u32],
    limits: &[Option<u32>],
    fit: Fit,
    work: &mut Work<'_>,
) -> Option<Vec<PackedBar>> {
    let mut remaining = limits.to_vec();
    let mut bars: Vec<PackedBar> = Vec::new();
    let mut room: Vec<u64> = Vec::new();
    for (class, &count) in demand.iter().enumerate() {
        let weight = problem.items[class].weight;
        for _ in 0..count {
            work.charge(room.len() as u64 + 1);
            let chosen = match fit {
                Fit::First => room.iter().position(|&r| r >= weight),
                Fit::Best => room
                    .iter()
                    .enumerate()
                    .filter(|&(_, &r)| r >= weight)
                    .min_by_key(|&(i, &r)| (r, i))
                    .map(|(i, _)| i),
            };
            let index = match chosen {
                Some(i) => i,
                None => {
                    let t = open_type(problem, &remaining, weight)?;
                    if let Some(r) = remaining[t].as_mut() {
                        *r -= 1;
                    }
                    bars.push(PackedBar {
                        ty: t,
                        items: Vec::new(),
                    });
                    room.push(problem.bar_types[t].capacity);
                    bars.len() - 1
                }
            };
            bars[index].items.push(class);
            room[index] -= weight;
        }
    }
    Some(bars)
}

/// The whole problem by FFD or BFD, polished; `None` if limits run out.
pub(crate) fn solve(problem: &Problem, fit: Fit, work: &mut Work<'_>) -> Option<Packing> {
    let demand: Vec<u32> = problem.items.iter().map(|i| i.demand).collect();
    let limits: Vec<Option<u32>> = problem.bar_types.iter().map(|t| t.limit).collect();
    let bars = pack(problem, &demand, &limits, fit, work)?;
    let mut packing = Packing { bars };
    packing.normalise();
    Some(polish(problem, packing))
}
