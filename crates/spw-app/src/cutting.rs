//! Cutting lists: a cutting request as given, or every profile of a priced quote's doors,
//! grouped by profile and finish, cut from the catalogue's bar stock.

use crate::Refusal;
use crate::quote_request::read_quote_request;
use serde::Serialize;
use spw_bom::Category;
use spw_cutting::{CutError, CutRequest, CuttingPlan, Piece, SolveOptions, StockLength};
use spw_model::catalogue::Catalogue;
use std::collections::BTreeMap;

/// A refused cutting request: `{"error": {"code", "message", "issues"}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutFailure {
    /// The error.
    pub error: CutErrorReport,
}

/// The error's wire form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutErrorReport {
    /// `ERR_CUT_001`…`ERR_CUT_003`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Field-level problems, `[{"field", "message"}]`.
    pub issues: Vec<serde_json::Value>,
}

impl From<CutError> for CutFailure {
    fn from(e: CutError) -> Self {
        CutFailure {
            error: CutErrorReport {
                code: e.code(),
                message: e.to_string(),
                issues: e
                    .issues()
                    .iter()
                    .map(|i| serde_json::json!({"field": i.field, "message": i.message}))
                    .collect(),
            },
        }
    }
}

/// Cut a request given as JSON text.
pub fn cut(
    text: &str,
    options: &SolveOptions,
    stop: Option<&dyn Fn() -> bool>,
) -> Result<CuttingPlan, CutFailure> {
    let request = spw_cutting::parse_request(text)?;
    Ok(spw_cutting::optimise_with_stop(&request, options, stop)?)
}

/// One profile-and-finish group of a quote's cutting list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutGroup {
    /// Profile code.
    pub profile_code: String,
    /// Finish and colour, e.g. `powder_coating RAL 7016`.
    pub finish: String,
    /// The plan.
    pub plan: CuttingPlan,
}

/// `spw cut --quote`: every profile of a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteCutReport {
    /// Groups, by profile then finish.
    pub groups: Vec<CutGroup>,
    /// Bars over all groups.
    pub total_bars: u64,
    /// Whether every group is proven optimal.
    pub optimal: bool,
}

/// Why a quote could not be cut.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteCutError {
    /// The quote is invalid.
    Quote(Refusal),
    /// A group could not be cut.
    Cut(CutFailure),
}

/// Cut every profile of a quote's doors (each line's cuts × its quantity).
pub fn cut_quote(
    text: &str,
    cat: &Catalogue,
    options: &SolveOptions,
    stop: Option<&dyn Fn() -> bool>,
) -> Result<QuoteCutReport, QuoteCutError> {
    let req = read_quote_request(text, cat)
        .map_err(|issues| QuoteCutError::Quote(Refusal::from_issues(issues)))?;
    let mut groups: BTreeMap<(String, String), Vec<Piece>> = BTreeMap::new();
    for (n, line) in req.lines.iter().enumerate() {
        let Some((cfg, g, _)) = line.evaluation.valid_parts() else {
            continue;
        };
        let bom = spw_bom::build(cfg, g, cat);
        let finish = format!(
            "{}{}",
            cfg.finish.as_str(),
            cfg.color
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default()
        );
        for item in bom.items_of(Category::Profile) {
            let pieces = groups
                .entry((item.code.clone(), finish.clone()))
                .or_default();
            for c in &item.cuts {
                pieces.push(Piece {
                    label: format!("line {} {}", n + 1, c.label),
                    length_mm: c.length_mm,
                    count: c.count.saturating_mul(line.quantity),
                    group: None,
                    mitre_allowance_mm: 0,
                });
            }
        }
    }
    let stock: Vec<StockLength> = cat
        .cutting
        .stock_lengths_mm
        .iter()
        .map(|&length_mm| StockLength {
            length_mm,
            count: None,
            cost: None,
        })
        .collect();
    let mut out = Vec::new();
    for ((profile_code, finish), pieces) in groups {
        let request = CutRequest {
            kerf_mm: cat.cutting.kerf_mm,
            end_trim_mm: cat.cutting.end_trim_mm,
            min_remnant_mm: cat.cutting.min_remnant_mm,
            stock: stock.clone(),
            remnants: Vec::new(),
            pieces,
        };
        let plan = spw_cutting::optimise_with_stop(&request, options, stop)
            .map_err(|e| QuoteCutError::Cut(e.into()))?;
        out.push(CutGroup {
            profile_code,
            finish,
            plan,
        });
    }
    Ok(QuoteCutReport {
        total_bars: out
            .iter()
            .map(|g| u64::from(g.plan.summary.total_bars))
            .sum(),
        optimal: out.iter().all(|g| g.plan.summary.optimal),
        groups: out,
    })
}
