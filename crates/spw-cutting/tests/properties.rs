//! Property tests on random instances: every piece is cut exactly once, cuts
//! fit their bars with kerfs and trims, positions increase without overlap,
//! the lower bound never exceeds the answer, the answer is never worse than
//! an independent First Fit Decreasing, and the optimiser is deterministic.

use std::collections::BTreeMap;

use proptest::prelude::*;
use spw_cutting::{
    CutRequest, CuttingPlan, Piece, RemnantBar, SolveOptions, StockLength, optimise,
};

fn options() -> SolveOptions {
    SolveOptions {
        max_work: 5_000_000,
        exact_max_pieces: 10,
        ..SolveOptions::default()
    }
}

prop_compose! {
    fn piece_strategy()(length in 50u32..2900, count in 1u32..5, mitre in prop_oneof![Just(0u32), 1u32..60]) -> (u32, u32, u32) {
        (length, count, mitre)
    }
}

prop_compose! {
    fn request_strategy()(
        pieces in prop::collection::vec(piece_strategy(), 1..9),
        stock in prop::collection::btree_set(3000u32..7000, 1..4),
        kerf in 0u32..8,
        trim in 0u32..30,
        min_remnant in prop_oneof![Just(0u32), 200u32..1500],
        remnants in prop::collection::vec((1000u32..4000, 1u32..3), 0..3),
        priced in any::<bool>(),
    ) -> CutRequest {
        CutRequest {
            kerf_mm: kerf,
            end_trim_mm: trim,
            min_remnant_mm: min_remnant,
            stock: stock
                .iter()
                .map(|&l| StockLength {
                    length_mm: l,
                    count: None,
                    cost: priced.then_some(u64::from(l) / 2 + 700),
                })
                .collect(),
            remnants: remnants
                .iter()
                .map(|&(length_mm, count)| RemnantBar { length_mm, count })
                .collect(),
            pieces: pieces
                .iter()
                .enumerate()
                .map(|(i, &(length_mm, count, mitre))| Piece {
                    label: format!("p{i}"),
                    length_mm,
                    count,
                    group: None,
                    mitre_allowance_mm: mitre,
                })
                .collect(),
        }
    }
}

/// Checks the physical validity of a plan against its request.
fn check_plan(request: &CutRequest, plan: &CuttingPlan) -> Result<(), TestCaseError> {
    let kerf = u64::from(request.kerf_mm);
    let trims = 2 * u64::from(request.end_trim_mm);
    let mut cut: BTreeMap<(String, u32), u32> = BTreeMap::new();
    let mut remnants_used: BTreeMap<u32, u32> = BTreeMap::new();
    for bar in &plan.bars {
        let length = u64::from(bar.stock_length_mm);
        if bar.from_remnant {
            *remnants_used.entry(bar.stock_length_mm).or_default() += 1;
        } else {
            prop_assert!(
                request
                    .stock
                    .iter()
                    .any(|s| s.length_mm == bar.stock_length_mm)
            );
        }
        prop_assert!(!bar.cuts.is_empty());
        let mut end: Option<u64> = None;
        let mut nominal = 0u64;
        for c in &bar.cuts {
            *cut.entry((c.label.clone(), c.length_mm)).or_default() += 1;
            let start = u64::from(c.position_mm);
            if let Some(previous_end) = end {
                prop_assert!(
                    start >= previous_end + kerf,
                    "overlap or missing kerf: {bar:?}"
                );
            }
            end = Some(start + u64::from(c.cut_length_mm));
            nominal += u64::from(c.length_mm);
        }
        prop_assert!(
            end.unwrap_or(0) + trims <= length,
            "bar overfilled: {bar:?}"
        );
        prop_assert_eq!(
            nominal + u64::from(bar.waste_mm) + u64::from(bar.remnant_mm),
            length
        );
        if bar.remnant_mm > 0 {
            prop_assert!(bar.remnant_mm >= request.min_remnant_mm && request.min_remnant_mm > 0);
            // The kept offcut lies beyond the last cut and one kerf.
            prop_assert!(end.unwrap_or(0) + kerf + u64::from(bar.remnant_mm) + trims <= length);
        }
    }
    let mut expected: BTreeMap<(String, u32), u32> = BTreeMap::new();
    for p in &request.pieces {
        *expected.entry((p.label.clone(), p.length_mm)).or_default() += p.count;
    }
    prop_assert_eq!(cut, expected, "every piece must be cut exactly once");
    for (length, used) in remnants_used {
        let available: u32 = request
            .remnants
            .iter()
            .filter(|r| r.length_mm == length)
            .map(|r| r.count)
            .sum();
        prop_assert!(used <= available);
    }
    let s = &plan.summary;
    prop_assert_eq!(s.total_bars as usize, plan.bars.len());
    prop_assert_eq!(s.stock_bars + s.remnant_bars, s.total_bars);
    prop_assert_eq!(s.bars_by_length.values().sum::<u32>(), s.total_bars);
    prop_assert!(
        s.lower_bound_bars <= s.stock_bars,
        "lower bound above answer"
    );
    prop_assert_eq!(s.gap_bars, s.stock_bars - s.lower_bound_bars);
    if let (Some(cost), Some(bound)) = (s.stock_cost, s.lower_bound_cost) {
        prop_assert!(bound <= cost, "cost bound above answer");
    }
    match (s.stock_cost, s.ffd_stock_cost, s.ffd_stock_bars) {
        (Some(cost), Some(ffd_cost), _) => prop_assert!(cost <= ffd_cost),
        (None, None, Some(ffd_bars)) => prop_assert!(s.stock_bars <= ffd_bars),
        // FFD may run out of limited stock where the optimiser does not.
        (_, None, None) => prop_assert!(request.stock.iter().any(|s| s.count.is_some())),
        _ => prop_assert!(false, "inconsistent FFD figures"),
    }
    Ok(())
}

/// Independent First Fit Decreasing on the longest stock length only.
fn reference_ffd(request: &CutRequest) -> u32 {
    let kerf = u64::from(request.kerf_mm);
    let capacity = request
        .stock
        .iter()
        .map(|s| u64::from(s.length_mm))
        .max()
        .unwrap_or(0)
        - 2 * u64::from(request.end_trim_mm)
        + kerf;
    let mut weights: Vec<u64> = request
        .pieces
        .iter()
        .flat_map(|p| {
            std::iter::repeat_n(
                u64::from(p.length_mm) + u64::from(p.mitre_allowance_mm) + kerf,
                p.count as usize,
            )
        })
        .collect();
    weights.sort_unstable_by(|a, b| b.cmp(a));
    let mut room: Vec<u64> = Vec::new();
    for w in weights {
        match room.iter_mut().find(|r| **r >= w) {
            Some(r) => *r -= w,
            None => room.push(capacity - w),
        }
    }
    u32::try_from(room.len()).unwrap_or(u32::MAX)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn plans_are_valid_and_deterministic(request in request_strategy()) {
        let first = optimise(&request, &options());
        let second = optimise(&request, &options());
        prop_assert_eq!(&first, &second, "same input must give the same output");
        match first {
            Ok(plan) => check_plan(&request, &plan)?,
            Err(err) => prop_assert!(
                err.code() == "ERR_CUT_002",
                "unexpected error {err}"
            ),
        }
    }

    #[test]
    fn never_worse_than_reference_ffd(mut request in request_strategy()) {
        request.remnants.clear();
        for s in &mut request.stock {
            s.cost = None;
        }
        let longest = request.stock.iter().map(|s| s.length_mm).max().unwrap_or(0);
        request.stock.retain(|s| s.length_mm == longest);
        if let Ok(plan) = optimise(&request, &options()) {
            check_plan(&request, &plan)?;
            prop_assert!(plan.summary.stock_bars <= reference_ffd(&request));
        }
    }

    #[test]
    fn limited_stock_is_respected(mut request in request_strategy(), limit in 1u32..6) {
        for s in &mut request.stock {
            s.count = Some(limit);
        }
        match optimise(&request, &options()) {
            Ok(plan) => {
                check_plan(&request, &plan)?;
                for s in &request.stock {
                    let used = plan
                        .bars
                        .iter()
                        .filter(|b| !b.from_remnant && b.stock_length_mm == s.length_mm)
                        .count();
                    prop_assert!(used <= limit as usize);
                }
            }
            Err(err) => prop_assert!(
                err.code() == "ERR_CUT_003" || err.code() == "ERR_CUT_002",
                "unexpected error {err}"
            ),
        }
    }

    #[test]
    fn arbitrary_input_never_panics(
        kerf in 0u32..2000,
        trim in 0u32..4000,
        min_remnant in 0u32..200_000,
        stock in prop::collection::vec((0u32..120_000, prop::option::of(0u32..4), prop::option::of(0u64..5000)), 0..4),
        remnants in prop::collection::vec((0u32..9000, 0u32..3), 0..3),
        pieces in prop::collection::vec((0u32..120_000, 0u32..6, 0u32..3000), 0..6),
    ) {
        let request = CutRequest {
            kerf_mm: kerf,
            end_trim_mm: trim,
            min_remnant_mm: min_remnant,
            stock: stock
                .iter()
                .map(|&(length_mm, count, cost)| StockLength { length_mm, count, cost })
                .collect(),
            remnants: remnants
                .iter()
                .map(|&(length_mm, count)| RemnantBar { length_mm, count })
                .collect(),
            pieces: pieces
                .iter()
                .enumerate()
                .map(|(i, &(length_mm, count, mitre))| Piece {
                    label: format!("x{i}"),
                    length_mm,
                    count,
                    group: None,
                    mitre_allowance_mm: mitre,
                })
                .collect(),
        };
        match optimise(&request, &options()) {
            Ok(plan) => check_plan(&request, &plan)?,
            Err(err) => {
                prop_assert!(["ERR_CUT_001", "ERR_CUT_002", "ERR_CUT_003"].contains(&err.code()));
                prop_assert!(!err.to_string().is_empty());
                if err.code() == "ERR_CUT_001" {
                    prop_assert!(!err.issues().is_empty());
                }
            }
        }
    }

    #[test]
    fn small_instances_are_solved_exactly(
        lengths in prop::collection::vec(200u32..3500, 1..8),
        stock in prop::collection::btree_set(2000u32..6500, 1..3),
        kerf in 0u32..6,
        priced in any::<bool>(),
    ) {
        let request = CutRequest {
            kerf_mm: kerf,
            end_trim_mm: 0,
            min_remnant_mm: 0,
            stock: stock
                .iter()
                .map(|&l| StockLength { length_mm: l, count: None, cost: priced.then_some(u64::from(l) / 3 + 500) })
                .collect(),
            remnants: Vec::new(),
            pieces: lengths
                .iter()
                .enumerate()
                .map(|(i, &length_mm)| Piece {
                    label: format!("s{i}"),
                    length_mm,
                    count: 1,
                    group: None,
                    mitre_allowance_mm: 0,
                })
                .collect(),
        };
        let Some(optimum) = brute_force_optimum(&request) else {
            prop_assert_eq!(optimise(&request, &options()).map_err(|e| e.code()).err(), Some("ERR_CUT_002"));
            return Ok(());
        };
        let plan = match optimise(&request, &options()) {
            Ok(plan) => plan,
            Err(err) => return Err(TestCaseError::fail(format!("unexpected {err}"))),
        };
        check_plan(&request, &plan)?;
        let found = plan.summary.stock_cost.unwrap_or(u64::from(plan.summary.stock_bars));
        prop_assert_eq!(found, optimum, "plan {}", plan);
        prop_assert!(plan.summary.optimal);
    }
}

/// Minimum stock cost (bar count when unpriced) over all partitions of the
/// pieces, by dynamic programming over subsets; `None` if a piece fits no bar.
fn brute_force_optimum(request: &CutRequest) -> Option<u64> {
    let kerf = u64::from(request.kerf_mm);
    let weights: Vec<u64> = request
        .pieces
        .iter()
        .map(|p| u64::from(p.length_mm) + kerf)
        .collect();
    let n = weights.len();
    let full = (1usize << n) - 1;
    // Cheapest bar holding each subset.
    let subset_cost: Vec<Option<u64>> = (0..=full)
        .map(|mask| {
            let load: u64 = (0..n)
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| weights[i])
                .sum();
            request
                .stock
                .iter()
                .filter(|s| u64::from(s.length_mm) + kerf >= load)
                .map(|s| s.cost.unwrap_or(1))
                .min()
        })
        .collect();
    let mut best: Vec<Option<u64>> = vec![None; full + 1];
    best[0] = Some(0);
    for mask in 1..=full {
        let low = mask & mask.wrapping_neg();
        let mut sub = mask;
        while sub > 0 {
            let pair = (subset_cost[sub], best[mask ^ sub]);
            if let (true, (Some(c), Some(rest))) = (sub & low != 0, pair) {
                let total = c + rest;
                if best[mask].is_none_or(|b| total < b) {
                    best[mask] = Some(total);
                }
            }
            sub = (sub - 1) & mask;
        }
    }
    best[full]
}
