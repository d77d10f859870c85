//! Validation of a [`CutRequest`] and its normalised, solver-facing form.
//!
//! The solvers see a plain bin-packing problem with integer weights: every
//! piece weighs its cut length (nominal length plus mitre allowance) plus one
//! kerf, and every bar holds its usable length (bar length minus both end
//! trims) plus one kerf. A set of pieces fits a bar exactly when the sum of
//! their weights is at most the bar's capacity, because `n` pieces need only
//! `n - 1` kerfs between them; the kerf after the last piece is only taken
//! when offcut remains (see [`BarType::remnant_mm`]).

use crate::error::{CutError, InputIssue, OversizePiece};
use crate::request::CutRequest;

/// Longest bar or piece length accepted (100 m).
pub const MAX_LENGTH_MM: u32 = 100_000;
/// Widest saw kerf accepted.
pub const MAX_KERF_MM: u32 = 1_000;
/// Largest number of pieces (sum of counts) in one request.
pub const MAX_TOTAL_PIECES: u64 = 50_000;
/// Largest number of entries in `stock` and in `remnants`.
pub const MAX_BAR_ENTRIES: usize = 64;
/// Largest price of one stock bar in pence (£10 million).
pub const MAX_COST_PENCE: u64 = 1_000_000_000;
/// Largest `count` accepted for a stock length or remnant.
pub const MAX_BAR_COUNT: u32 = 1_000_000;

/// Pieces with the same weight, interchangeable for packing.
#[derive(Debug, Clone)]
pub(crate) struct ItemClass {
    /// Cut length plus one kerf.
    pub weight: u64,
    /// Number of pieces in the class.
    pub demand: u32,
    /// Request piece index of every piece in the class (repeated per count).
    pub instances: Vec<usize>,
}

/// A kind of bar that pieces may be cut from.
#[derive(Debug, Clone)]
pub(crate) struct BarType {
    /// Bar length in millimetres.
    pub length_mm: u64,
    /// Usable length plus one kerf.
    pub capacity: u64,
    /// How many may be used; `None` is unlimited.
    pub limit: Option<u32>,
    /// Cost in objective units: pence when costed, else 1 per stock bar;
    /// remnants cost 0.
    pub cost: u64,
    /// Whether this is an existing remnant.
    pub is_remnant: bool,
}

/// The normalised problem.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub kerf: u64,
    pub min_remnant: u64,
    /// Item classes sorted by decreasing weight.
    pub items: Vec<ItemClass>,
    /// Stock types first (request order), then remnant types.
    pub bar_types: Vec<BarType>,
    /// Whether the primary objective is stock cost in pence.
    pub costed: bool,
}

impl BarType {
    /// Kept remnant length of a bar of this type loaded with total weight
    /// `load` (> 0): the offcut after the last piece, less one kerf for the
    /// final cut, if at least `min_remnant` (> 0); otherwise 0.
    pub fn remnant_mm(&self, load: u64, kerf: u64, min_remnant: u64) -> u64 {
        let leftover = self.capacity.saturating_sub(load).saturating_sub(kerf);
        if min_remnant > 0 && leftover >= min_remnant {
            leftover
        } else {
            0
        }
    }
}

impl Problem {
    /// Total number of pieces.
    pub fn total_pieces(&self) -> u64 {
        self.items.iter().map(|i| u64::from(i.demand)).sum()
    }

    /// Total weight of all pieces.
    pub fn total_weight(&self) -> u64 {
        self.items
            .iter()
            .map(|i| i.weight * u64::from(i.demand))
            .sum()
    }

    /// Largest capacity of any bar type.
    pub fn max_capacity(&self) -> u64 {
        self.bar_types.iter().map(|b| b.capacity).max().unwrap_or(0)
    }
}

fn issue(issues: &mut Vec<InputIssue>, field: String, message: String) {
    issues.push(InputIssue { field, message });
}

/// Validates a request and builds the normalised problem.
pub(crate) fn build(request: &CutRequest) -> Result<Problem, CutError> {
    let mut issues = Vec::new();
    if request.kerf_mm > MAX_KERF_MM {
        issue(
            &mut issues,
            "kerf_mm".into(),
            format!(
                "{} mm exceeds the limit of {MAX_KERF_MM} mm",
                request.kerf_mm
            ),
        );
    }
    if request.end_trim_mm > MAX_LENGTH_MM {
        issue(
            &mut issues,
            "end_trim_mm".into(),
            format!(
                "{} mm exceeds the limit of {MAX_LENGTH_MM} mm",
                request.end_trim_mm
            ),
        );
    }
    if request.min_remnant_mm > MAX_LENGTH_MM {
        issue(
            &mut issues,
            "min_remnant_mm".into(),
            format!(
                "{} mm exceeds the limit of {MAX_LENGTH_MM} mm",
                request.min_remnant_mm
            ),
        );
    }
    let trims = 2 * u64::from(request.end_trim_mm);
    check_entries(&mut issues, "stock", request.stock.len());
    check_entries(&mut issues, "remnants", request.remnants.len());
    let costed_count = request.stock.iter().filter(|s| s.cost.is_some()).count();
    let costed = costed_count > 0;
    for (i, s) in request.stock.iter().enumerate() {
        check_bar_length(
            &mut issues,
            &format!("stock[{i}].length_mm"),
            s.length_mm,
            trims,
        );
        if let Some(count) = s.count {
            check_count(
                &mut issues,
                &format!("stock[{i}].count"),
                count,
                MAX_BAR_COUNT,
            );
        }
        match s.cost {
            Some(cost) if cost == 0 || cost > MAX_COST_PENCE => issue(
                &mut issues,
                format!("stock[{i}].cost"),
                format!("{cost} pence must be between 1 and {MAX_COST_PENCE}"),
            ),
            None if costed => issue(
                &mut issues,
                format!("stock[{i}].cost"),
                "missing: give a cost for every stock length or for none".into(),
            ),
            _ => {}
        }
        if let Some(j) = request.stock[..i]
            .iter()
            .position(|o| o.length_mm == s.length_mm)
        {
            issue(
                &mut issues,
                format!("stock[{i}].length_mm"),
                format!("{} mm duplicates stock[{j}]", s.length_mm),
            );
        }
    }
    for (i, r) in request.remnants.iter().enumerate() {
        check_bar_length(
            &mut issues,
            &format!("remnants[{i}].length_mm"),
            r.length_mm,
            trims,
        );
        check_count(
            &mut issues,
            &format!("remnants[{i}].count"),
            r.count,
            MAX_BAR_COUNT,
        );
    }
    let mut total_pieces: u64 = 0;
    for (i, p) in request.pieces.iter().enumerate() {
        if p.length_mm == 0 || p.length_mm > MAX_LENGTH_MM {
            issue(
                &mut issues,
                format!("pieces[{i}].length_mm"),
                format!(
                    "{} mm must be between 1 and {MAX_LENGTH_MM} mm",
                    p.length_mm
                ),
            );
        }
        if p.mitre_allowance_mm > MAX_LENGTH_MM {
            issue(
                &mut issues,
                format!("pieces[{i}].mitre_allowance_mm"),
                format!(
                    "{} mm exceeds the limit of {MAX_LENGTH_MM} mm",
                    p.mitre_allowance_mm
                ),
            );
        }
        if p.count == 0 {
            issue(
                &mut issues,
                format!("pieces[{i}].count"),
                "0 must be at least 1".into(),
            );
        }
        if p.label.trim().is_empty() {
            issue(
                &mut issues,
                format!("pieces[{i}].label"),
                "must not be empty".into(),
            );
        }
        let clash = p.group.as_ref().and_then(|group| {
            request.pieces[..i]
                .iter()
                .position(|o| o.group.as_ref().is_some_and(|g| g != group))
                .map(|j| (group, j))
        });
        if let Some((group, j)) = clash {
            let other = request.pieces[j].group.as_deref().unwrap_or_default();
            issue(
                &mut issues,
                format!("pieces[{i}].group"),
                format!(
                    "`{group}` differs from pieces[{j}].group `{other}`: one request is one profile group"
                ),
            );
        }
        total_pieces += u64::from(p.count);
    }
    if total_pieces > MAX_TOTAL_PIECES {
        issue(
            &mut issues,
            "pieces".into(),
            format!("{total_pieces} pieces in total exceed the limit of {MAX_TOTAL_PIECES}"),
        );
    }
    if request.stock.is_empty() {
        issue(
            &mut issues,
            "stock".into(),
            "at least one stock length is required".into(),
        );
    }
    if request.pieces.is_empty() {
        issue(
            &mut issues,
            "pieces".into(),
            "at least one piece is required".into(),
        );
    }
    if !issues.is_empty() {
        return Err(CutError::InvalidInput { issues });
    }
    build_valid(request, costed)
}

fn check_entries(issues: &mut Vec<InputIssue>, field: &str, len: usize) {
    if len > MAX_BAR_ENTRIES {
        issue(
            issues,
            field.to_owned(),
            format!("{len} entries exceed the limit of {MAX_BAR_ENTRIES}"),
        );
    }
}

fn check_count(issues: &mut Vec<InputIssue>, field: &str, count: u32, max: u32) {
    if count == 0 || count > max {
        issue(
            issues,
            field.to_owned(),
            format!("{count} must be between 1 and {max}"),
        );
    }
}

fn check_bar_length(issues: &mut Vec<InputIssue>, field: &str, length: u32, trims: u64) {
    if length == 0 || length > MAX_LENGTH_MM {
        issue(
            issues,
            field.to_owned(),
            format!("{length} mm must be between 1 and {MAX_LENGTH_MM} mm"),
        );
    } else if u64::from(length) <= trims {
        issue(
            issues,
            field.to_owned(),
            format!(
                "{length} mm leaves no usable length after both end trims (2 × end_trim_mm = {trims} mm)"
            ),
        );
    }
}

fn build_valid(request: &CutRequest, costed: bool) -> Result<Problem, CutError> {
    let kerf = u64::from(request.kerf_mm);
    let trims = 2 * u64::from(request.end_trim_mm);
    let mut bar_types = Vec::new();
    for s in &request.stock {
        let length = u64::from(s.length_mm);
        bar_types.push(BarType {
            length_mm: length,
            capacity: length - trims + kerf,
            limit: s.count,
            cost: if costed { s.cost.unwrap_or(1) } else { 1 },
            is_remnant: false,
        });
    }
    for r in &request.remnants {
        let length = u64::from(r.length_mm);
        if let Some(existing) = bar_types
            .iter_mut()
            .find(|b| b.is_remnant && b.length_mm == length)
        {
            existing.limit = existing.limit.map(|l| l.saturating_add(r.count));
            continue;
        }
        bar_types.push(BarType {
            length_mm: length,
            capacity: length - trims + kerf,
            limit: Some(r.count),
            cost: 0,
            is_remnant: true,
        });
    }
    let longest_usable = bar_types
        .iter()
        .map(|b| b.capacity - kerf)
        .max()
        .unwrap_or(0);
    let oversize: Vec<OversizePiece> = request
        .pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.cut_length_mm() > longest_usable)
        .map(|(index, p)| OversizePiece {
            index,
            label: p.label.clone(),
            required_mm: p.cut_length_mm(),
        })
        .collect();
    if !oversize.is_empty() {
        return Err(CutError::PieceTooLong {
            pieces: oversize,
            longest_usable_mm: longest_usable,
        });
    }
    let mut items: Vec<ItemClass> = Vec::new();
    for (index, p) in request.pieces.iter().enumerate() {
        let weight = p.cut_length_mm() + kerf;
        let count = usize::try_from(p.count).unwrap_or(usize::MAX);
        match items.iter_mut().find(|c| c.weight == weight) {
            Some(class) => {
                class.demand = class.demand.saturating_add(p.count);
                class.instances.extend(std::iter::repeat_n(index, count));
            }
            None => items.push(ItemClass {
                weight,
                demand: p.count,
                instances: vec![index; count],
            }),
        }
    }
    items.sort_by_key(|c| std::cmp::Reverse(c.weight));
    let problem = Problem {
        kerf,
        min_remnant: u64::from(request.min_remnant_mm),
        items,
        bar_types,
        costed,
    };
    check_limited_capacity(&problem)?;
    Ok(problem)
}

/// Proves shortage by length alone when every bar type that can hold the
/// pieces is limited.
fn check_limited_capacity(problem: &Problem) -> Result<(), CutError> {
    if problem.bar_types.iter().any(|b| b.limit.is_none()) {
        return Ok(());
    }
    let available: u64 = problem
        .bar_types
        .iter()
        .map(|b| b.capacity * u64::from(b.limit.unwrap_or(0)))
        .sum();
    let required = problem.total_weight();
    if required > available {
        return Err(CutError::InsufficientStock {
            required_mm: required,
            available_mm: available,
            detail: "proven by total length".into(),
        });
    }
    Ok(())
}
