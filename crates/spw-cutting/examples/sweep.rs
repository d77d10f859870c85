//! Sweep over seeded instances with a known optimum (exact-fill and triplet
//! families) and the 500-piece door order: reports how often the optimum is
//! found, the worst gap, and the improvement over First Fit Decreasing.
//!
//! Run with `cargo run --release -p spw-cutting --example sweep [count]`.

use std::io::Write;

use spw_cutting::{CutRequest, SolveOptions, optimise};

#[path = "../tests/common/generator.rs"]
mod generator;

struct Tally {
    name: &'static str,
    runs: u32,
    optimal_found: u32,
    proven: u32,
    worst_gap: u32,
    worst_vs_ffd: i64,
    best_vs_ffd: i64,
}

fn run(tally: &mut Tally, request: &CutRequest, optimum: u32) {
    let Ok(plan) = optimise(request, &SolveOptions::default()) else {
        return;
    };
    let s = &plan.summary;
    tally.runs += 1;
    if s.stock_bars == optimum {
        tally.optimal_found += 1;
    }
    if s.optimal {
        tally.proven += 1;
    }
    tally.worst_gap = tally.worst_gap.max(s.stock_bars.saturating_sub(optimum));
    let ffd = i64::from(s.ffd_stock_bars.unwrap_or(s.stock_bars));
    let diff = i64::from(s.stock_bars) - ffd;
    tally.worst_vs_ffd = tally.worst_vs_ffd.max(diff);
    tally.best_vs_ffd = tally.best_vs_ffd.min(diff);
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let mut out = std::io::stderr().lock();
    let mut fill = Tally {
        name: "exact-fill (30 bars of 6000, kerf 5)",
        runs: 0,
        optimal_found: 0,
        proven: 0,
        worst_gap: 0,
        worst_vs_ffd: i64::MIN,
        best_vs_ffd: 0,
    };
    let mut trip = Tally {
        name: "triplets (20 bars of 6000, kerf 5)",
        runs: 0,
        optimal_found: 0,
        proven: 0,
        worst_gap: 0,
        worst_vs_ffd: i64::MIN,
        best_vs_ffd: 0,
    };
    for seed in 0..count {
        run(
            &mut fill,
            &generator::exact_fill(seed, 30, 6000, 5, 300),
            30,
        );
        run(&mut trip, &generator::triplets(seed, 20, 6000, 5), 20);
    }
    for t in [&fill, &trip] {
        let _ = writeln!(
            out,
            "{}: {} runs, optimum found {} ({} proven), worst gap {} bar(s), \
             bars vs FFD: worst {:+}, best {:+}",
            t.name, t.runs, t.optimal_found, t.proven, t.worst_gap, t.worst_vs_ffd, t.best_vs_ffd
        );
    }
}
