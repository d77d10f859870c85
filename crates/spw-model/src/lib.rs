//! The SPW600e door model: the configuration a designer edits, the product catalogue it is built
//! from, and the coded issues that validation reports.
//!
//! Everything here is pure: text and values in, values out. Reading catalogue files from disk is
//! the caller's business (see [`catalogue::CatalogueSources`]).

pub mod catalogue;
pub mod config;
pub mod config_reader;
pub mod issue;
pub mod json;
pub mod limits;
pub mod money;
pub mod text;

pub use catalogue::Catalogue;
pub use config::DoorConfiguration;
pub use issue::{Issue, IssueCode, Severity};
pub use money::{Pence, Percentage};
pub use text::display_safe;
