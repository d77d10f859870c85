//! Cutting patterns and packings: a packing is a list of bars, each a bar type
//! and the item classes cut from it; this module evaluates the lexicographic
//! objective and re-chooses bar types to save cost and waste.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::problem::Problem;

/// One bar of a packing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PackedBar {
    /// Index into [`Problem::bar_types`].
    pub ty: usize,
    /// Item class indices, one entry per piece, sorted ascending (classes are
    /// sorted by decreasing weight, so this is longest piece first).
    pub items: Vec<usize>,
}

/// A complete assignment of every piece to a bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Packing {
    pub bars: Vec<PackedBar>,
}

/// The lexicographic objective: primary cost (bars or pence), then waste
/// (total bar length used minus kept remnants; the piece lengths are a
/// constant so this orders plans by waste), then distinct patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Score {
    pub primary: u64,
    pub waste_key: u64,
    pub patterns: usize,
}

impl PackedBar {
    /// Total weight of the pieces on the bar.
    pub fn load(&self, problem: &Problem) -> u64 {
        self.items.iter().map(|&i| problem.items[i].weight).sum()
    }
}

impl Packing {
    /// Sorts bars and their items into canonical order.
    pub fn normalise(&mut self) {
        for bar in &mut self.bars {
            bar.items.sort_unstable();
        }
        self.bars.sort();
    }

    /// Number of distinct (bar type, pieces) patterns.
    pub fn pattern_count(&self) -> usize {
        self.bars.iter().collect::<BTreeSet<_>>().len()
    }

    /// Objective value of this packing.
    pub fn score(&self, problem: &Problem) -> Score {
        let mut primary = 0;
        let mut waste_key = 0;
        for bar in &self.bars {
            let ty = &problem.bar_types[bar.ty];
            primary += ty.cost;
            waste_key +=
                ty.length_mm - ty.remnant_mm(bar.load(problem), problem.kerf, problem.min_remnant);
        }
        Score {
            primary,
            waste_key,
            patterns: self.pattern_count(),
        }
    }

    /// Number of bars bought from stock (not remnants).
    pub fn stock_bars(&self, problem: &Problem) -> u64 {
        let n = self
            .bars
            .iter()
            .filter(|b| !problem.bar_types[b.ty].is_remnant)
            .count();
        u64::try_from(n).unwrap_or(u64::MAX)
    }

    /// Whether every piece is placed exactly once, every bar holds its load
    /// and no bar type is used beyond its limit.
    pub fn is_feasible(&self, problem: &Problem) -> bool {
        let mut placed = vec![0u64; problem.items.len()];
        let mut used = vec![0u64; problem.bar_types.len()];
        for bar in &self.bars {
            let Some(ty) = problem.bar_types.get(bar.ty) else {
                return false;
            };
            if bar.items.is_empty() || bar.load(problem) > ty.capacity {
                return false;
            }
            used[bar.ty] += 1;
            for &i in &bar.items {
                match placed.get_mut(i) {
                    Some(p) => *p += 1,
                    None => return false,
                }
            }
        }
        let demand_ok = problem
            .items
            .iter()
            .zip(&placed)
            .all(|(item, &p)| u64::from(item.demand) == p);
        let limits_ok = problem
            .bar_types
            .iter()
            .zip(&used)
            .all(|(ty, &u)| ty.limit.is_none_or(|l| u <= u64::from(l)));
        demand_ok && limits_ok
    }

    /// Re-chooses the bar type of every bar: bars in order of decreasing load
    /// each take the available type that minimises (cost, length − kept
    /// remnant). Returns the re-typed packing, or `None` if it is infeasible
    /// (cannot happen when `self` is feasible, as option sets are nested).
    pub fn retyped(&self, problem: &Problem) -> Option<Packing> {
        let mut order: Vec<(u64, usize)> = self
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| (b.load(problem), i))
            .collect();
        order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut remaining: Vec<Option<u32>> = problem.bar_types.iter().map(|t| t.limit).collect();
        let mut bars = self.bars.clone();
        for (load, index) in order {
            let mut best: Option<(u64, u64, usize)> = None;
            for (t, ty) in problem.bar_types.iter().enumerate() {
                if ty.capacity < load || remaining[t] == Some(0) {
                    continue;
                }
                let key = (
                    ty.cost,
                    ty.length_mm - ty.remnant_mm(load, problem.kerf, problem.min_remnant),
                    t,
                );
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
            let (_, _, t) = best?;
            if let Some(r) = remaining[t].as_mut() {
                *r -= 1;
            }
            bars[index].ty = t;
        }
        let mut packing = Packing { bars };
        packing.normalise();
        Some(packing)
    }
}

/// Keeps the better of two optional packings (ties keep `a`).
pub(crate) fn better(problem: &Problem, a: Option<Packing>, b: Option<Packing>) -> Option<Packing> {
    match (a, b) {
        (Some(a), Some(b)) => match b.score(problem).cmp(&a.score(problem)) {
            Ordering::Less => Some(b),
            _ => Some(a),
        },
        (a, None) => a,
        (None, b) => b,
    }
}

/// Improves a feasible packing by re-typing bars when that scores better.
pub(crate) fn polish(problem: &Problem, packing: Packing) -> Packing {
    let retyped = packing.retyped(problem);
    better(problem, Some(packing), retyped).unwrap_or_default()
}
