//! The cutting plan returned to callers: bars with positioned cuts, a
//! summary, and a plain-text report for terminals (`Display`).
//!
//! Output JSON contract:
//!
//! ```json
//! {
//!   "bars": [{"stock_length_mm": 6000, "from_remnant": false, "pattern": 1,
//!             "cuts": [{"label": "jamb", "length_mm": 2150, "cut_length_mm": 2150, "position_mm": 0}],
//!             "waste_mm": 45, "remnant_mm": 0}],
//!   "summary": {"total_bars": 1, "stock_bars": 1, "remnant_bars": 0,
//!               "bars_by_length": {"6000": 1}, "waste_percentage": 0.75, ...}
//! }
//! ```
//!
//! Conventions:
//! * `position_mm` is measured from the bar's start *after* the end trim;
//!   consecutive cuts are one kerf apart.
//! * A bar's `waste_mm` is its length minus the nominal lengths of its pieces
//!   minus its kept `remnant_mm`: end trims, kerfs, mitre allowances and any
//!   offcut shorter than `min_remnant_mm`.
//! * `waste_percentage` = Σ `waste_mm` / Σ bar lengths used × 100, rounded
//!   half up to 2 decimals. Kept remnants are not waste.
//! * `bars_by_length` maps every bar length used (stock and remnant, as a
//!   decimal string key) to the number of bars of that length in the plan; its
//!   counts add up to `total_bars`.
//! * `lower_bound_bars` is a proven lower bound on the number of *stock*
//!   bars (remnants are free); `gap_bars` = `stock_bars` − `lower_bound_bars`.
//! * `optimal` is true only when the primary objective (stock bars, or stock
//!   cost when priced) is proven minimal: it meets the lower bound or the
//!   exact search completed.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::pattern::Packing;
use crate::problem::Problem;
use crate::request::CutRequest;
use crate::solver::Solved;

/// One cut piece on a bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cut {
    /// The piece's label from the request.
    pub label: String,
    /// Nominal piece length.
    pub length_mm: u32,
    /// Bar length the piece consumes (nominal plus mitre allowance).
    pub cut_length_mm: u32,
    /// Start of the piece, from the bar start after the end trim.
    pub position_mm: u32,
}

/// One bar of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CutBar {
    /// Length of the bar (stock length or remnant length).
    pub stock_length_mm: u32,
    /// Whether the bar is an existing remnant.
    pub from_remnant: bool,
    /// 1-based number of the bar's cutting pattern (identical bars share it).
    pub pattern: u32,
    /// Cuts in order along the bar.
    pub cuts: Vec<Cut>,
    /// Bar length not in pieces or kept remnant.
    pub waste_mm: u32,
    /// Kept offcut, 0 if below `min_remnant_mm`.
    pub remnant_mm: u32,
}

/// Totals and quality figures of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSummary {
    /// Bars in the plan (stock and remnant).
    pub total_bars: u32,
    /// Bars bought from stock.
    pub stock_bars: u32,
    /// Existing remnants used.
    pub remnant_bars: u32,
    /// Bar length (decimal string key in JSON) to number of bars.
    pub bars_by_length: BTreeMap<u32, u32>,
    /// Waste as a percentage of the bar length used, 2 decimals.
    pub waste_percentage: f64,
    /// Total waste.
    pub waste_mm: u64,
    /// Total kept remnant length.
    pub remnant_mm: u64,
    /// Total length of the bars used.
    pub used_length_mm: u64,
    /// Proven lower bound on the number of stock bars.
    pub lower_bound_bars: u32,
    /// `stock_bars` − `lower_bound_bars`.
    pub gap_bars: u32,
    /// Whether the primary objective is proven optimal.
    pub optimal: bool,
    /// Number of distinct cutting patterns.
    pub patterns: u32,
    /// Total stock cost in pence, when stock is priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_cost: Option<u64>,
    /// Proven lower bound on the stock cost in pence, when priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_bound_cost: Option<u64>,
    /// Stock bars First Fit Decreasing would use (absent if it ran out of
    /// limited stock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ffd_stock_bars: Option<u32>,
    /// Stock cost of the First Fit Decreasing plan in pence, when priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ffd_stock_cost: Option<u64>,
    /// Work units spent (deterministic).
    pub work_used: u64,
}

/// The optimised cutting plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CuttingPlan {
    /// Every bar to cut.
    pub bars: Vec<CutBar>,
    /// Totals and quality figures.
    pub summary: PlanSummary,
}

fn to_u32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn count_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Rounds `part / whole × 100` half up to 2 decimals.
fn percentage(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    let bp = (u128::from(part) * 20_000 + u128::from(whole)) / (2 * u128::from(whole));
    #[allow(clippy::cast_precision_loss)]
    let bp = u64::try_from(bp).unwrap_or(u64::MAX) as f64;
    bp / 100.0
}

pub(crate) fn build(request: &CutRequest, problem: &Problem, solved: &Solved) -> CuttingPlan {
    let packing: &Packing = &solved.packing;
    let mut cursor = vec![0usize; problem.items.len()];
    let mut bars = Vec::with_capacity(packing.bars.len());
    let mut pattern_ids: BTreeMap<&crate::pattern::PackedBar, usize> = BTreeMap::new();
    for bar in &packing.bars {
        let ty = &problem.bar_types[bar.ty];
        let next = pattern_ids.len() + 1;
        let pattern = *pattern_ids.entry(bar).or_insert(next);
        let mut position: u64 = 0;
        let mut nominal: u64 = 0;
        let mut cuts = Vec::with_capacity(bar.items.len());
        for &class in &bar.items {
            let instances = &problem.items[class].instances;
            let piece_index = instances[cursor[class].min(instances.len() - 1)];
            cursor[class] += 1;
            let piece = &request.pieces[piece_index];
            cuts.push(Cut {
                label: piece.label.clone(),
                length_mm: piece.length_mm,
                cut_length_mm: to_u32(piece.cut_length_mm()),
                position_mm: to_u32(position),
            });
            position += piece.cut_length_mm() + problem.kerf;
            nominal += u64::from(piece.length_mm);
        }
        let remnant = ty.remnant_mm(bar.load(problem), problem.kerf, problem.min_remnant);
        bars.push(CutBar {
            stock_length_mm: to_u32(ty.length_mm),
            from_remnant: ty.is_remnant,
            pattern: count_u32(pattern),
            cuts,
            waste_mm: to_u32(ty.length_mm.saturating_sub(nominal + remnant)),
            remnant_mm: to_u32(remnant),
        });
    }
    let mut bars_by_length = BTreeMap::new();
    for bar in &bars {
        *bars_by_length.entry(bar.stock_length_mm).or_insert(0u32) += 1;
    }
    let waste: u64 = bars.iter().map(|b| u64::from(b.waste_mm)).sum();
    let remnant: u64 = bars.iter().map(|b| u64::from(b.remnant_mm)).sum();
    let used: u64 = bars.iter().map(|b| u64::from(b.stock_length_mm)).sum();
    let stock_bars = packing.stock_bars(problem);
    let primary = packing.score(problem).primary;
    let summary = PlanSummary {
        total_bars: count_u32(bars.len()),
        stock_bars: to_u32(stock_bars),
        remnant_bars: count_u32(bars.iter().filter(|b| b.from_remnant).count()),
        bars_by_length,
        waste_percentage: percentage(waste, used),
        waste_mm: waste,
        remnant_mm: remnant,
        used_length_mm: used,
        lower_bound_bars: to_u32(solved.bounds.bars),
        gap_bars: to_u32(stock_bars.saturating_sub(solved.bounds.bars)),
        optimal: solved.optimal,
        patterns: count_u32(packing.pattern_count()),
        stock_cost: problem.costed.then_some(primary),
        lower_bound_cost: problem.costed.then_some(solved.bounds.cost),
        ffd_stock_bars: solved.ffd.as_ref().map(|f| to_u32(f.stock_bars(problem))),
        ffd_stock_cost: solved
            .ffd
            .as_ref()
            .filter(|_| problem.costed)
            .map(|f| f.score(problem).primary),
        work_used: solved.work_used,
    };
    CuttingPlan { bars, summary }
}

const DIAGRAM_WIDTH: u64 = 40;

fn diagram(bar: &CutBar) -> String {
    let length = u64::from(bar.stock_length_mm.max(1));
    let mut out = String::from("[");
    let mut drawn: u64 = 0;
    for cut in &bar.cuts {
        let n = (u64::from(cut.cut_length_mm) * DIAGRAM_WIDTH / length).max(1);
        let n = n.min(DIAGRAM_WIDTH.saturating_sub(drawn)).max(1);
        for _ in 1..n {
            out.push('=');
        }
        out.push('|');
        drawn += n;
    }
    let remnant = u64::from(bar.remnant_mm) * DIAGRAM_WIDTH / length;
    while drawn < DIAGRAM_WIDTH {
        out.push(if DIAGRAM_WIDTH - drawn <= remnant {
            '~'
        } else {
            '.'
        });
        drawn += 1;
    }
    out.push(']');
    out
}

fn pounds(pence: u64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

impl fmt::Display for CuttingPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.bars.len().to_string().len();
        writeln!(
            f,
            "Cutting plan ('=' piece, '|' cut, '~' kept remnant, '.' waste)"
        )?;
        for (i, bar) in self.bars.iter().enumerate() {
            let cuts: Vec<String> = bar
                .cuts
                .iter()
                .map(|c| format!("{} {}@{}", c.label, c.length_mm, c.position_mm))
                .collect();
            let source = if bar.from_remnant { "remnant" } else { "stock" };
            writeln!(
                f,
                "#{:>width$} {:>6} mm {:<7} P{:<3} {} waste {} mm, remnant {} mm: {}",
                i + 1,
                bar.stock_length_mm,
                source,
                bar.pattern,
                diagram(bar),
                bar.waste_mm,
                bar.remnant_mm,
                cuts.join(", "),
            )?;
        }
        let s = &self.summary;
        let by_length: Vec<String> = s
            .bars_by_length
            .iter()
            .map(|(len, n)| format!("{n} × {len} mm"))
            .collect();
        writeln!(
            f,
            "Bars: {} ({} stock, {} remnant): {}",
            s.total_bars,
            s.stock_bars,
            s.remnant_bars,
            by_length.join(", ")
        )?;
        writeln!(
            f,
            "Waste: {:.2} % ({} mm of {} mm used); kept remnants {} mm",
            s.waste_percentage, s.waste_mm, s.used_length_mm, s.remnant_mm
        )?;
        writeln!(
            f,
            "Lower bound: {} stock bars, gap {} bar(s), {}; {} distinct pattern(s)",
            s.lower_bound_bars,
            s.gap_bars,
            if s.optimal {
                "proven optimal"
            } else {
                "not proven optimal"
            },
            s.patterns
        )?;
        if let (Some(cost), Some(bound)) = (s.stock_cost, s.lower_bound_cost) {
            writeln!(
                f,
                "Stock cost: {} (lower bound {})",
                pounds(cost),
                pounds(bound)
            )?;
        }
        if let Some(ffd) = s.ffd_stock_bars {
            writeln!(f, "First Fit Decreasing would use {ffd} stock bars")?;
        }
        Ok(())
    }
}
