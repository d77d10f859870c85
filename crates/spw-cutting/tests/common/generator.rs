//! Seeded instance generators shared by the tests, the benchmark and the
//! sweep example: a splitmix64 PRNG, realistic door orders, instances with a
//! known optimum (whole bars cut into pieces) and the "triplet" family.

#![allow(dead_code)]

use spw_cutting::{CutRequest, Piece, StockLength};

/// splitmix64: tiny, deterministic, good enough for instance generation.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi - lo) + 1;
        lo + u32::try_from(self.next_u64() % span).unwrap_or(0)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = usize::try_from(self.next_u64() % (i as u64 + 1)).unwrap_or(0);
            v.swap(i, j);
        }
    }
}

fn piece(label: String, length_mm: u32, count: u32) -> Piece {
    Piece {
        label,
        length_mm,
        count,
        group: None,
        mitre_allowance_mm: 0,
    }
}

fn stock(lengths: &[u32]) -> Vec<StockLength> {
    lengths
        .iter()
        .map(|&length_mm| StockLength {
            length_mm,
            count: None,
            cost: None,
        })
        .collect()
}

/// A realistic door order of exactly `total` pieces, lengths 400–2400 mm,
/// stock 6000/6500/7000 mm, kerf 5 mm.
pub fn door_order(seed: u64, total: u32) -> CutRequest {
    let mut rng = SplitMix64(seed);
    let mut pieces = Vec::new();
    let mut placed = 0;
    let mut door = 0;
    while placed < total {
        door += 1;
        let width = rng.range(140, 260) * 5;
        let height = rng.range(390, 480) * 5;
        let repeat = rng.range(1, 3);
        let parts = [
            ("jamb", height, 2),
            ("head", width, 1),
            ("stile", height - 60, 2),
            ("rail", width - 110, 2),
            ("bead-v", height - 300, 2),
            ("bead-h", width - 280, 2),
        ];
        for (name, length, per_door) in parts {
            if placed >= total {
                break;
            }
            let length = length.clamp(400, 2400);
            let count = (per_door * repeat).min(total - placed);
            pieces.push(piece(format!("D{door}-{name}"), length, count));
            placed += count;
        }
    }
    CutRequest {
        kerf_mm: 5,
        end_trim_mm: 0,
        min_remnant_mm: 0,
        stock: stock(&[6000, 6500, 7000]),
        remnants: Vec::new(),
        pieces,
    }
}

/// `bars` bars of `bar_mm` cut into random pieces that fill each bar exactly
/// (accounting for kerf), so the optimum is `bars`. Pieces are at least
/// `min_piece` long.
pub fn exact_fill(seed: u64, bars: u32, bar_mm: u32, kerf: u32, min_piece: u32) -> CutRequest {
    let mut rng = SplitMix64(seed);
    let mut lengths = Vec::new();
    for _ in 0..bars {
        let mut left = bar_mm;
        loop {
            // Cut a piece, leaving room for a kerf and another piece, or take the rest.
            if left < 2 * min_piece + kerf || rng.range(0, 3) == 0 && left <= 3 * min_piece {
                lengths.push(left);
                break;
            }
            let max = (left - kerf - min_piece).min(bar_mm / 2);
            let len = rng.range(min_piece, max.max(min_piece));
            lengths.push(len);
            left -= len + kerf;
        }
    }
    rng.shuffle(&mut lengths);
    CutRequest {
        kerf_mm: kerf,
        end_trim_mm: 0,
        min_remnant_mm: 0,
        stock: stock(&[bar_mm]),
        remnants: Vec::new(),
        pieces: lengths
            .iter()
            .enumerate()
            .map(|(i, &l)| piece(format!("P{i}"), l, 1))
            .collect(),
    }
}

/// Triplet instance (Falkenauer style): `bars` bars of capacity `1000`
/// units scaled to `bar_mm`, each filled exactly by three pieces between a
/// quarter and a half of the bar, kerf included. Optimum is `bars`.
pub fn triplets(seed: u64, bars: u32, bar_mm: u32, kerf: u32) -> CutRequest {
    let mut rng = SplitMix64(seed);
    // Work in weights: piece weight = length + kerf, capacity = bar + kerf.
    let cap = bar_mm + kerf;
    let mut lengths = Vec::new();
    for _ in 0..bars {
        loop {
            let a = rng.range(cap / 4 + 1, cap / 2 - 1);
            let lo = (cap / 4 + 1).max((cap - a) - (cap / 2 - 1));
            let hi = (cap / 2 - 1).min((cap - a) - (cap / 4 + 1));
            if lo > hi {
                continue;
            }
            let b = rng.range(lo, hi);
            let c = cap - a - b;
            if c > cap / 4 && c < cap / 2 {
                lengths.extend([a - kerf, b - kerf, c - kerf]);
                break;
            }
        }
    }
    rng.shuffle(&mut lengths);
    CutRequest {
        kerf_mm: kerf,
        end_trim_mm: 0,
        min_remnant_mm: 0,
        stock: stock(&[bar_mm]),
        remnants: Vec::new(),
        pieces: lengths
            .iter()
            .enumerate()
            .map(|(i, &l)| piece(format!("T{i}"), l, 1))
            .collect(),
    }
}
