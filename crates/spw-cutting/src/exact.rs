//! Exact branch and bound for small problems: proves the minimum stock cost
//! (bar count when uncosted) or finds a better packing than the heuristics.
//!
//! Pieces are placed longest first. A piece goes into an open bar with room,
//! or opens one new bar of each bar type that still has availability.
//! Symmetry is cut by trying only one of several open bars with the same
//! type and the same room left, and by placing identical pieces into bars in
//! non-decreasing bar order. A node is pruned when its cost plus a volume
//! bound on the pieces still to place cannot beat the incumbent.

use crate::pattern::{PackedBar, Packing, polish};
use crate::problem::Problem;
use crate::work::Work;

/// Result of the exact search.
pub(crate) struct Outcome {
    /// A packing strictly cheaper than the incumbent, if one exists and was
    /// found.
    pub improved: Option<Packing>,
    /// Whether the search ran to completion (the result is then optimal).
    pub complete: bool,
}

struct Search<'p, 'w, 'a> {
    problem: &'p Problem,
    work: &'w mut Work<'a>,
    /// Item class of every piece, longest first.
    pieces: Vec<usize>,
    /// Suffix sums of piece weights.
    suffix: Vec<u64>,
    bars: Vec<PackedBar>,
    room: Vec<u64>,
    used: Vec<u32>,
    cost: u64,
    best_cost: u64,
    best: Option<Vec<PackedBar>>,
    aborted: bool,
}

impl Search<'_, '_, '_> {
    /// Lower bound on the extra cost of placing `weight` beyond the free room.
    fn extra_cost_bound(&self, weight: u64) -> u64 {
        let free: u64 = self.room.iter().sum();
        let mut excess = weight.saturating_sub(free);
        // Remaining free remnants absorb volume at no cost.
        for (t, ty) in self.problem.bar_types.iter().enumerate() {
            if ty.cost == 0 {
                let left = ty.limit.map_or(u64::MAX, |l| u64::from(l - self.used[t]));
                excess = excess.saturating_sub(left.saturating_mul(ty.capacity));
            }
        }
        if excess == 0 {
            return 0;
        }
        self.problem
            .bar_types
            .iter()
            .enumerate()
            .filter(|&(t, ty)| ty.cost > 0 && ty.limit.is_none_or(|l| self.used[t] < l))
            .map(|(_, ty)| {
                let num = u128::from(excess) * u128::from(ty.cost);
                u64::try_from(num.div_ceil(u128::from(ty.capacity))).unwrap_or(u64::MAX)
            })
            .min()
            .unwrap_or(u64::MAX)
    }

    fn dfs(&mut self, k: usize, min_bar: usize) {
        if self.aborted {
            return;
        }
        self.work.charge(self.bars.len() as u64 + 8);
        if self.work.exhausted() {
            self.aborted = true;
            return;
        }
        if k == self.pieces.len() {
            if self.cost < self.best_cost {
                self.best_cost = self.cost;
                self.best = Some(self.bars.clone());
            }
            return;
        }
        if self
            .cost
            .saturating_add(self.extra_cost_bound(self.suffix[k]))
            >= self.best_cost
        {
            return;
        }
        let class = self.pieces[k];
        let weight = self.problem.items[class].weight;
        let next_same = self.pieces.get(k + 1) == Some(&class);
        let mut tried: Vec<(usize, u64)> = Vec::new();
        for b in min_bar..self.bars.len() {
            let room = self.room[b];
            let ty = self.bars[b].ty;
            if room < weight || tried.contains(&(ty, room)) {
                continue;
            }
            tried.push((ty, room));
            self.room[b] -= weight;
            self.bars[b].items.push(class);
            self.dfs(k + 1, if next_same { b } else { 0 });
            self.bars[b].items.pop();
            self.room[b] += weight;
            if self.aborted {
                return;
            }
        }
        for t in 0..self.problem.bar_types.len() {
            let ty = &self.problem.bar_types[t];
            if ty.capacity < weight || ty.limit.is_some_and(|l| self.used[t] >= l) {
                continue;
            }
            if self.cost + ty.cost >= self.best_cost {
                continue;
            }
            self.used[t] += 1;
            self.cost += ty.cost;
            self.bars.push(PackedBar {
                ty: t,
                items: vec![class],
            });
            self.room.push(ty.capacity - weight);
            let b = self.bars.len() - 1;
            self.dfs(k + 1, if next_same { b } else { 0 });
            self.room.pop();
            self.bars.pop();
            self.cost -= ty.cost;
            self.used[t] -= 1;
            if self.aborted {
                return;
            }
        }
    }
}

/// Searches for a packing cheaper than `incumbent_cost`.
pub(crate) fn search(problem: &Problem, incumbent_cost: u64, work: &mut Work<'_>) -> Outcome {
    let pieces: Vec<usize> = problem
        .items
        .iter()
        .enumerate()
        .flat_map(|(i, item)| std::iter::repeat_n(i, usize::try_from(item.demand).unwrap_or(0)))
        .collect();
    let mut suffix = vec![0u64; pieces.len() + 1];
    for k in (0..pieces.len()).rev() {
        suffix[k] = suffix[k + 1] + problem.items[pieces[k]].weight;
    }
    let mut s = Search {
        problem,
        work,
        pieces,
        suffix,
        bars: Vec::new(),
        room: Vec::new(),
        used: vec![0; problem.bar_types.len()],
        cost: 0,
        best_cost: incumbent_cost,
        best: None,
        aborted: false,
    };
    s.dfs(0, 0);
    let complete = !s.aborted;
    let improved = s.best.map(|bars| {
        let mut packing = Packing { bars };
        packing.normalise();
        polish(problem, packing)
    });
    Outcome { improved, complete }
}
