//! Bounded knapsack by dynamic programming over bar capacity: the pricing
//! step of column generation (real-valued duals) and the exact verification
//! of dual bounds (integer values).
//!
//! Each item class may be taken `min(demand, capacity / weight)` times; the
//! copies are grouped in binary bundles (1, 2, 4, … copies) so the bounded
//! problem becomes a 0/1 knapsack over few rows. `best[c]` is the best value
//! of a selection of total weight at most `c`, so one table answers every
//! bar capacity up to the largest.

/// Splits `copies` into bundle sizes 1, 2, 4, … summing to `copies`.
fn bundles(copies: u32) -> impl Iterator<Item = u32> {
    let mut left = copies;
    let mut next = 1u32;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let size = next.min(left);
        left -= size;
        next = next.saturating_mul(2);
        Some(size)
    })
}

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
        for size in bundles(copies) {
            let k = usize::try_from(size).unwrap_or(usize::MAX);
            let bw = w * k;
            let bv = value * u64::from(size);
            work.charge((cap - bw + 1) as u64);
            for c in (bw..=cap).rev() {
                let candidate = best[c - bw] + bv;
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
    /// (item index, bundle size) per row.
    rows: Vec<(usize, u32)>,
    /// `take[row * (cap + 1) + c]`: whether bundle `row` is taken at capacity `c`.
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
            for size in bundles(copies) {
                let bw = w * usize::try_from(size).unwrap_or(usize::MAX);
                let bv = value * f64::from(size);
                work.charge(width as u64);
                let base = take.len();
                take.resize(base + width, false);
                rows.push((index, size));
                for c in (bw..=cap).rev() {
                    let candidate = best[c - bw] + bv;
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
                let (index, size) = self.rows[row];
                counts[index] += size;
                let w = usize::try_from(items[index].weight).unwrap_or(0);
                c -= w * usize::try_from(size).unwrap_or(0);
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exhaustive bounded knapsack for checking the DP.
    fn brute(items: &[KnapItem], values: &[u64], cap: u64) -> u64 {
        fn go(k: usize, items: &[KnapItem], values: &[u64], room: u64) -> u64 {
            let Some(item) = items.get(k) else { return 0 };
            let mut best = 0;
            for n in 0..=item.copies {
                let w = item.weight * u64::from(n);
                if w > room {
                    break;
                }
                best = best.max(values[k] * u64::from(n) + go(k + 1, items, values, room - w));
            }
            best
        }
        go(0, items, values, cap)
    }

    #[test]
    fn bundles_sum_to_copies() {
        for copies in 0..40 {
            assert_eq!(bundles(copies).sum::<u32>(), copies);
        }
        assert_eq!(bundles(6).collect::<Vec<_>>(), vec![1, 2, 3]);
    }

    #[test]
    fn dp_matches_brute_force_and_reconstructs() {
        let items = [
            KnapItem {
                weight: 7,
                copies: 3,
            },
            KnapItem {
                weight: 11,
                copies: 5,
            },
            KnapItem {
                weight: 4,
                copies: 2,
            },
            KnapItem {
                weight: 13,
                copies: 1,
            },
        ];
        let values = [9u64, 15, 5, 18];
        let mut work = Work::new(u64::MAX, None);
        let best = best_values_int(&items, &values, 60, &mut work);
        let float_values: Vec<f64> = values.iter().map(|&v| v as f64).collect();
        let knap = FloatKnapsack::solve(&items, &float_values, 60, &mut work);
        for (index, &dp) in best.iter().enumerate() {
            let cap = index as u64;
            let expected = brute(&items, &values, cap);
            assert_eq!(dp, expected, "capacity {cap}");
            assert!((knap.value(cap) - expected as f64).abs() < 1e-9);
            let sel = knap.selection(cap, &items);
            let weight: u64 = sel
                .iter()
                .zip(&items)
                .map(|(&n, i)| u64::from(n) * i.weight)
                .sum();
            let value: u64 = sel
                .iter()
                .zip(&values)
                .map(|(&n, &v)| u64::from(n) * v)
                .sum();
            assert!(weight <= cap);
            assert_eq!(value, expected);
            assert!(sel.iter().zip(&items).all(|(&n, i)| n <= i.copies));
        }
    }
}
