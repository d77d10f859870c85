//! Sweep over seeded instances: the exact-fill and triplet families (known
//! optimum = number of bars) and realistic door orders (optimum unknown;
//! judged against the proven lower bound). Reports how often the optimum is
//! found or proven, the worst gap, and the bar counts against First Fit
//! Decreasing.
//!
//! Run with `cargo run --release -p spw-cutting --example sweep [count]`.

use std::io::Write;

use spw_cutting::{CutRequest, SolveOptions, optimise};

#[path = "../tests/common/generator.rs"]
mod generator;

struct Tally {
    name: String,
    runs: u32,
    at_optimum: u32,
    proven: u32,
    worst_gap: u32,
    /// Stock bars minus FFD stock bars: max (worst) and min (best).
    vs_ffd: (i64, i64),
    waste_percent_sum: f64,
}

impl Tally {
    fn new(name: String) -> Self {
        Self {
            name,
            runs: 0,
            at_optimum: 0,
            proven: 0,
            worst_gap: 0,
            vs_ffd: (i64::MIN, i64::MAX),
            waste_percent_sum: 0.0,
        }
    }

    /// `optimum`: the known optimum, or `None` to judge by the lower bound.
    fn run(&mut self, request: &CutRequest, optimum: Option<u32>) {
        let Ok(plan) = optimise(request, &SolveOptions::default()) else {
            return;
        };
        let s = &plan.summary;
        let reference = optimum.unwrap_or(s.lower_bound_bars);
        self.runs += 1;
        self.at_optimum += u32::from(s.stock_bars == reference);
        self.proven += u32::from(s.optimal);
        self.worst_gap = self.worst_gap.max(s.stock_bars.saturating_sub(reference));
        let diff = i64::from(s.stock_bars) - i64::from(s.ffd_stock_bars.unwrap_or(s.stock_bars));
        self.vs_ffd = (self.vs_ffd.0.max(diff), self.vs_ffd.1.min(diff));
        self.waste_percent_sum += s.waste_percentage;
    }

    fn report(&self, out: &mut impl Write) {
        let runs = f64::from(self.runs.max(1));
        let _ = writeln!(
            out,
            "{}: {} runs, at optimum/bound {} ({:.0} %), proven optimal {}, worst gap {} bar(s), \
             bars vs FFD worst {:+} best {:+}, mean waste {:.2} %",
            self.name,
            self.runs,
            self.at_optimum,
            100.0 * f64::from(self.at_optimum) / runs,
            self.proven,
            self.worst_gap,
            self.vs_ffd.0,
            self.vs_ffd.1,
            self.waste_percent_sum / runs
        );
    }
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let mut fill = Tally::new("exact-fill, 30 bars of 6000 mm, kerf 5 (optimum 30)".into());
    let mut trip = Tally::new("triplets, 20 bars of 6000 mm, kerf 5 (optimum 20)".into());
    let mut trip_large = Tally::new("triplets, 40 bars of 6000 mm, kerf 5 (optimum 40)".into());
    let mut doors = Tally::new("door orders, 200 pieces, stock 6000/6500/7000 (vs bound)".into());
    for seed in 0..count {
        fill.run(&generator::exact_fill(seed, 30, 6000, 5, 300), Some(30));
        trip.run(&generator::triplets(seed, 20, 6000, 5), Some(20));
        if seed % 4 == 0 {
            trip_large.run(&generator::triplets(seed, 40, 6000, 5), Some(40));
        }
        doors.run(&generator::door_order(seed, 200), None);
    }
    let mut out = std::io::stderr().lock();
    for t in [&fill, &trip, &trip_large, &doors] {
        t.report(&mut out);
    }
}
