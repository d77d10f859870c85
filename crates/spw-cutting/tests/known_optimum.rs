//! Generated instances with a known optimum: whole bars cut into random
//! pieces that fill them exactly (kerf included), and the hard "triplet"
//! family (three pieces exactly filling each bar, shuffled). The optimum is
//! the number of bars; the optimiser must find and prove it.

mod common;

use common::generator as gen_;
use spw_cutting::{CutRequest, SolveOptions, optimise};

fn solve(request: &CutRequest) -> spw_cutting::CuttingPlan {
    match optimise(request, &SolveOptions::default()) {
        Ok(plan) => plan,
        Err(err) => panic!("unexpected error {}: {err}", err.code()),
    }
}

#[test]
fn exact_fill_instances_reach_the_optimum() {
    for seed in 0..6 {
        let request = gen_::exact_fill(seed, 8, 6000, 5, 400);
        let plan = solve(&request);
        let s = &plan.summary;
        assert_eq!(s.stock_bars, 8, "seed {seed}: {s:?}");
        assert_eq!(s.lower_bound_bars, 8, "seed {seed}");
        assert!(s.optimal, "seed {seed}: optimality must be proven");
        assert_eq!(s.gap_bars, 0);
    }
}

#[test]
fn exact_fill_with_zero_kerf() {
    let request = gen_::exact_fill(42, 6, 6500, 0, 350);
    let plan = solve(&request);
    assert_eq!(plan.summary.stock_bars, 6);
    assert!(plan.summary.optimal);
    // Exactly filled bars: no waste at all.
    assert_eq!(plan.summary.waste_mm, 0);
}

#[test]
fn triplet_instances_reach_the_optimum() {
    let mut beat_ffd = 0;
    for seed in 0..4 {
        let request = gen_::triplets(seed, 10, 6000, 5);
        let plan = solve(&request);
        let s = &plan.summary;
        assert_eq!(s.stock_bars, 10, "seed {seed}: {s:?}");
        assert!(s.optimal, "seed {seed}");
        // Every bar holds exactly three pieces and no offcut.
        for bar in &plan.bars {
            assert_eq!(bar.cuts.len(), 3, "seed {seed}: {bar:?}");
        }
        if s.ffd_stock_bars.is_some_and(|f| f > s.stock_bars) {
            beat_ffd += 1;
        }
    }
    // Triplets are hard for FFD: the optimiser must improve on it somewhere.
    assert!(beat_ffd > 0, "FFD was already optimal on every instance");
}

#[test]
fn generators_are_deterministic_and_exact() {
    let a = gen_::triplets(7, 5, 6000, 5);
    let b = gen_::triplets(7, 5, 6000, 5);
    assert_eq!(a, b);
    let weights: u64 = a
        .pieces
        .iter()
        .map(|p| u64::from(p.length_mm + a.kerf_mm) * u64::from(p.count))
        .sum();
    assert_eq!(weights, 5 * 6005);
    let fill = gen_::exact_fill(3, 4, 6000, 5, 300);
    let weights: u64 = fill
        .pieces
        .iter()
        .map(|p| u64::from(p.length_mm + fill.kerf_mm) * u64::from(p.count))
        .sum();
    assert_eq!(weights, 4 * 6005);
}
