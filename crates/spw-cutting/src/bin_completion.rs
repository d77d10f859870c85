//! Bin completion: an exact search for packings into a given number of bars
//! of a single bar type, used to reach (or raise) the lower bound.
//!
//! Bars are filled one at a time around the longest piece left, completed
//! only maximally, with the total unused capacity capped by the slack the
//! target bar count allows.

use crate::pattern::{PackedBar, Packing, polish};
use crate::problem::Problem;
use crate::work::Work;

/// Bin completion for problems with a single bar type: tries to pack all
/// pieces into `bars` bars. Each bar is built around the longest piece left
/// and completed only *maximally* (no remaining piece would still fit), and
/// the total unused capacity is capped by `bars × capacity − total weight`;
/// both rules are exact, so a completed search without a packing proves
/// that `bars` bars do not suffice.
pub(crate) struct Completion {
    /// A packing into at most `bars` bars, if found.
    pub packing: Option<Packing>,
    /// Whether the search finished (a `None` packing is then a proof).
    pub complete: bool,
}

struct BinSearch<'p, 'w, 'a> {
    problem: &'p Problem,
    work: &'w mut Work<'a>,
    ty: usize,
    capacity: u64,
    left: Vec<u32>,
    bars: Vec<PackedBar>,
    aborted: bool,
}

impl BinSearch<'_, '_, '_> {
    fn solve(&mut self, bars_left: u64, slack: u64) -> bool {
        let Some(first) = self.left.iter().position(|&c| c > 0) else {
            return true;
        };
        if bars_left == 0 {
            return false;
        }
        self.work.charge(self.left.len() as u64 + 16);
        if self.work.exhausted() {
            self.aborted = true;
            return false;
        }
        let weight = self.problem.items[first].weight;
        self.left[first] -= 1;
        let mut chosen = vec![first];
        let found = self.complete(first, self.capacity - weight, bars_left, slack, &mut chosen);
        self.left[first] += 1;
        found
    }

    /// Adds pieces from class `from` on to the bar with `room` left.
    fn complete(
        &mut self,
        from: usize,
        room: u64,
        bars_left: u64,
        slack: u64,
        chosen: &mut Vec<usize>,
    ) -> bool {
        if self.aborted {
            return false;
        }
        // Close the bar here if it is maximal and within the waste budget.
        let fits_more = self
            .left
            .iter()
            .zip(&self.problem.items)
            .any(|(&c, item)| c > 0 && item.weight <= room);
        if !fits_more && room <= slack {
            self.bars.push(PackedBar {
                ty: self.ty,
                items: chosen.clone(),
            });
            if self.solve(bars_left - 1, slack - room) {
                return true;
            }
            self.bars.pop();
            if self.aborted {
                return false;
            }
        }
        for class in from..self.left.len() {
            let weight = self.problem.items[class].weight;
            if self.left[class] == 0 || weight > room {
                continue;
            }
            self.left[class] -= 1;
            chosen.push(class);
            let found = self.complete(class, room - weight, bars_left, slack, chosen);
            chosen.pop();
            self.left[class] += 1;
            if found || self.aborted {
                return found;
            }
        }
        false
    }
}

/// Runs bin completion for `bars` bars; `None` when the problem does not
/// have exactly one bar type.
pub(crate) fn complete_bins(
    problem: &Problem,
    bars: u64,
    work: &mut Work<'_>,
) -> Option<Completion> {
    let [ty] = problem.bar_types.as_slice() else {
        return None;
    };
    if ty.limit.is_some_and(|l| u64::from(l) < bars) {
        return None;
    }
    let total = problem.total_weight();
    let Some(slack) = bars
        .checked_mul(ty.capacity)
        .and_then(|c| c.checked_sub(total))
    else {
        return Some(Completion {
            packing: None,
            complete: true,
        });
    };
    let mut s = BinSearch {
        problem,
        work,
        ty: 0,
        capacity: ty.capacity,
        left: problem.items.iter().map(|i| i.demand).collect(),
        bars: Vec::new(),
        aborted: false,
    };
    let found = s.solve(bars, slack);
    let packing = found.then(|| {
        let mut packing = Packing { bars: s.bars };
        packing.normalise();
        polish(problem, packing)
    });
    Some(Completion {
        packing,
        complete: !s.aborted,
    })
}
