//! The operations every front end calls — validate, thermal, BOM, quote, cut — each taking the
//! user's JSON text and returning a wire report (serde) or the coded issues that stopped it.
//!
//! This is the only crate that knows the JSON shapes integrations script against; the domain
//! crates below it know nothing of them. Front ends (the `spw` CLI, the desktop shell, the
//! server) stay thin: read the input, call one function here, print or send the result.

pub mod compare;
mod cutting;
pub mod drawings;
pub mod input;
mod quote_request;
pub mod report;
mod round;

pub use cutting::{CutFailure, CutGroup, QuoteCutError, QuoteCutReport, cut, cut_quote};
pub use input::{MAX_INPUT_BYTES, check_input_size, input_text};
pub use quote_request::{
    MAX_QUANTITY, MAX_QUOTE_LINES, QUOTE_TEXT_LIMITS, QuoteRequest, read_quote_request,
};
pub use report::{BomReport, QuoteReport, ThermalReport, ValidationReport};
pub use spw_cutting::SolveOptions;

use spw_model::catalogue::Catalogue;
use spw_model::issue::Issue;
use spw_validation::Evaluation;
use time::Date;

/// Why an operation produced no result.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// The input could not be read or parsed at all (as opposed to read but invalid).
    pub unreadable: bool,
    /// The coded issues, errors first in field order.
    pub report: ValidationReport,
}

impl Refusal {
    fn from_issues(issues: Vec<Issue>) -> Refusal {
        let unreadable = issues.iter().any(|i| i.position.is_some());
        Refusal {
            unreadable,
            report: ValidationReport::new(issues),
        }
    }
}

/// Validate a door configuration.
pub fn validate(text: &str, cat: &Catalogue) -> (ValidationReport, bool) {
    let e = spw_validation::evaluate_text(text, cat);
    let unreadable = e.issues.iter().any(|i| i.position.is_some());
    (ValidationReport::new(e.issues), unreadable)
}

fn evaluate_valid(text: &str, cat: &Catalogue) -> Result<Evaluation, Refusal> {
    let e = spw_validation::evaluate_text(text, cat);
    if e.valid_parts().is_some() {
        Ok(e)
    } else {
        Err(Refusal::from_issues(e.issues))
    }
}

/// The U-value of a door configuration.
pub fn thermal(text: &str, cat: &Catalogue) -> Result<ThermalReport, Refusal> {
    let e = evaluate_valid(text, cat)?;
    let (_, _, t) = e
        .valid_parts()
        .ok_or_else(|| Refusal::from_issues(e.issues.clone()))?;
    Ok(ThermalReport::new(t, &e.issues))
}

/// The bill of materials of a door configuration.
pub fn bom(text: &str, cat: &Catalogue) -> Result<BomReport, Refusal> {
    let e = evaluate_valid(text, cat)?;
    let (cfg, g, _) = e
        .valid_parts()
        .ok_or_else(|| Refusal::from_issues(e.issues.clone()))?;
    Ok(BomReport::new(&spw_bom::build(cfg, g, cat), &e.issues))
}

/// A priced quote, dated `date` (the caller's today, or the quote's own date).
pub fn quote(text: &str, date: Date, cat: &Catalogue) -> Result<QuoteReport, Refusal> {
    let req = read_quote_request(text, cat).map_err(Refusal::from_issues)?;
    Ok(report::price(&req, date, cat))
}
