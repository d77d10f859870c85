//! Waste reduction for a plan whose bar count is settled: pieces are moved
//! and swapped between bars (first improvement, repeated until no move
//! helps or the budget is spent) so that bars fit shorter stock lengths and
//! scattered offcuts merge into kept remnants. A bar emptied by a move is
//! dropped. The result replaces the plan only if it scores better.

use crate::pattern::{PackedBar, Packing, better, polish};
use crate::problem::Problem;
use crate::work::Work;

/// Passes over all bar pairs at most.
const MAX_PASSES: usize = 64;

struct Bars<'p> {
    problem: &'p Problem,
    bars: Vec<PackedBar>,
    loads: Vec<u64>,
    /// Cost of each bar's type: moves never switch to a dearer type.
    costs: Vec<u64>,
}

impl Bars<'_> {
    /// Bar length not kept as remnant for the best type of cost at most
    /// `cost` holding `load`; `None` if no such type holds it.
    fn contribution(&self, load: u64, cost: u64) -> Option<u64> {
        if load == 0 {
            return Some(0);
        }
        let p = self.problem;
        p.bar_types
            .iter()
            .filter(|t| t.capacity >= load && t.cost <= cost)
            .map(|t| t.length_mm - t.remnant_mm(load, p.kerf, p.min_remnant))
            .min()
    }

    fn weight(&self, class: usize) -> u64 {
        self.problem.items[class].weight
    }

    /// Gain of changing bars `a` and `b` to loads `la` and `lb`.
    fn gain(&self, a: usize, la: u64, b: usize, lb: u64) -> Option<u64> {
        let before = self.contribution(self.loads[a], self.costs[a])?
            + self.contribution(self.loads[b], self.costs[b])?;
        let after = self.contribution(la, self.costs[a])? + self.contribution(lb, self.costs[b])?;
        before.checked_sub(after).filter(|&g| g > 0 || la == 0)
    }

    /// Tries one improving relocation or swap; true if one was made.
    fn improve_once(&mut self, work: &mut Work<'_>) -> bool {
        let n = self.bars.len();
        for a in 0..n {
            work.charge(n as u64 * 8);
            if work.exhausted() {
                return false;
            }
            for b in 0..n {
                if a == b {
                    continue;
                }
                for ia in 0..self.bars[a].items.len() {
                    let wa = self.weight(self.bars[a].items[ia]);
                    // Relocate piece `ia` from `a` to `b`.
                    let (la, lb) = (self.loads[a] - wa, self.loads[b] + wa);
                    if self.gain(a, la, b, lb).is_some() {
                        let class = self.bars[a].items.remove(ia);
                        self.bars[b].items.push(class);
                        self.loads[a] = la;
                        self.loads[b] = lb;
                        return true;
                    }
                    // Swap it with a different piece of `b`.
                    for ib in 0..self.bars[b].items.len() {
                        let wb = self.weight(self.bars[b].items[ib]);
                        if wb == wa {
                            continue;
                        }
                        let (la, lb) = (self.loads[a] - wa + wb, self.loads[b] - wb + wa);
                        if self.gain(a, la, b, lb).is_some() {
                            let ca = self.bars[a].items[ia];
                            self.bars[a].items[ia] = self.bars[b].items[ib];
                            self.bars[b].items[ib] = ca;
                            self.loads[a] = la;
                            self.loads[b] = lb;
                            return true;
                        }
                    }
                }
            }
        }
        false
    }
}

/// Reduces waste of a feasible packing; never returns a worse one.
pub(crate) fn reduce(problem: &Problem, packing: Packing, work: &mut Work<'_>) -> Packing {
    let loads = packing.bars.iter().map(|b| b.load(problem)).collect();
    let costs = packing
        .bars
        .iter()
        .map(|b| problem.bar_types[b.ty].cost)
        .collect();
    let mut state = Bars {
        problem,
        bars: packing.bars.clone(),
        loads,
        costs,
    };
    let mut moves = 0;
    let limit = MAX_PASSES * state.bars.len().max(1);
    while moves < limit && state.improve_once(work) {
        moves += 1;
    }
    if moves == 0 {
        return packing;
    }
    state.bars.retain(|b| !b.items.is_empty());
    let mut candidate = Packing { bars: state.bars };
    candidate.normalise();
    let candidate = polish(problem, candidate);
    let candidate = Some(candidate).filter(|c| c.is_feasible(problem));
    better(problem, Some(packing), candidate).unwrap_or_default()
}
