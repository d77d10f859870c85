//! Bounded knapsack by dynamic programming over bar capacity: the pricing
//! step of column generation (real-valued duals) and the exact verification
//! of dual bounds (integer values).
//!
//! Each item class contributes `min(demand, capacity / weight)` 0/1 copies;
//! `best[c]` is the best value of a selection of total weight at most `c`, so
//! one table answers every bar capacity up to the largest.

use crate::work::Work;

/// An item available to the knapsack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnapItem {
    pub weight: u64,
    pub copies: u32,
}

/// Integer-valued bounded knapsack: returns `best[c]` for `c` in
/// `0..=capacity`.
pub(crate) fn best_values_int(
    items: &[KnapItem],
    values: &[u64],
    capacity: u64,
    work: &mut Work<'_>,
) -> Vec<u64> {
    let cap = usize::try_from(capacity).unwrap_or(0);
    let mut best = vec![0u64; cap + 1];
    for (item, &value) in items.iter().zip(values) {
        if value == 0 {
            continue;
        }
        let Ok(w) = usize::try_from(item.weight) else {
            continue;
        };
        if w == 0 || w > cap {
            continue;
        }
        let copies = item.copies.min(u32::try_from(cap / w).unwrap_or(u32::MAX));
        for _ in 0..copies {
            work.charge((cap - w + 1) as u64);
            for c in (w..=cap).rev() {
                let candidate = best[c - w] + value;
                if candidate > best[c] {
                    best[c] = candidate;
                }
            }
        }
    }
    best
}

/// Real-valued bounded knapsack with reconstruction.
pub(crate) struct FloatKnapsack {
    cap: usize,
    best: Vec<f64>,
    /// Copy list: (item index) per copy row.
    rows: Vec<usize>,
    /// `take[row * (cap + 1) + c]`: whether copy `row` is taken at capacity `c`.
    take: Vec<bool>,
}

impl FloatKnapsack {
    /// Solves the knapsack for all capacities up to `capacity`.
    pub fn solve(items: &[KnapItem], values: &[f64], capacity: u64, work: &mut Work<'_>) -> Self {
        let cap = usize::try_from(capacity).unwrap_or(0);
        let width = cap + 1;
        let mut best = vec![0.0f64; width];
        let mut rows = Vec::new();
        let mut take = Vec::new();
        for (index, (item, &value)) in items.iter().zip(values).enumerate() {
            if value <= 1e-12 {
                continue;
            }
            let Ok(w) = usize::try_from(item.weight) else {
                continue;
            };
            if w == 0 || w > cap {
                continue;
            }
            let copies = item.copies.min(u32::try_from(cap / w).unwrap_or(u32::MAX));
            for _ in 0..copies {
                work.charge(width as u64);
                let base = take.len();
                take.resize(base + width, false);
                rows.push(index);
                for c in (w..=cap).rev() {
                    let candidate = best[c - w] + value;
                    if candidate > best[c] + 1e-12 {
                        best[c] = candidate;
                        take[base + c] = true;
                    }
                }
            }
        }
        Self {
            cap,
            best,
            rows,
            take,
        }
    }

    /// Best value within `capacity`.
    pub fn value(&self, capacity: u64) -> f64 {
        let c = usize::try_from(capacity)
            .unwrap_or(usize::MAX)
            .min(self.cap);
        self.best[c]
    }

    /// Item counts of a best selection within `capacity`.
    pub fn selection(&self, capacity: u64, items: &[KnapItem]) -> Vec<u32> {
        let mut counts = vec![0u32; items.len()];
        let mut c = usize::try_from(capacity)
            .unwrap_or(usize::MAX)
            .min(self.cap);
        let width = self.cap + 1;
        for row in (0..self.rows.len()).rev() {
            if self.take[row * width + c] {
                let index = self.rows[row];
                counts[index] += 1;
                let w = usize::try_from(items[index].weight).unwrap_or(0);
                c -= w;
            }
        }
        counts
    }
}
