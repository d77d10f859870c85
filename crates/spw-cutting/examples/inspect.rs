//! Prints the plan and summary JSON of one generated instance, for
//! inspecting the optimiser by hand.
//!
//! `cargo run --release -p spw-cutting --example inspect -- <door|fill|triplets> [seed]`

use std::io::Write;

use spw_cutting::{SolveOptions, optimise};

#[path = "../tests/common/generator.rs"]
mod generator;

fn main() {
    let kind = std::env::args().nth(1).unwrap_or_else(|| "door".into());
    let seed: u64 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let request = match kind.as_str() {
        "fill" => generator::exact_fill(seed, 30, 6000, 5, 300),
        "fill8" => generator::exact_fill(seed, 8, 6000, 5, 400),
        "triplets" => generator::triplets(seed, 20, 6000, 5),
        _ => generator::door_order(seed, 500),
    };
    let mut out = std::io::stderr().lock();
    match optimise(&request, &SolveOptions::default()) {
        Ok(plan) => {
            let _ = write!(out, "{plan}");
            if let Ok(json) = serde_json::to_string_pretty(&plan.summary) {
                let _ = writeln!(out, "{json}");
            }
        }
        Err(err) => {
            let _ = writeln!(out, "{}: {err}", err.code());
        }
    }
}
