//! The dependency rules of ARCHITECTURE.md, read from `cargo metadata`: the core depends on no
//! application, storage or front-end crate; the store depends on no operation crate; front ends
//! reach the core only through `spw-app` and the store. Every exception the code still needs is
//! listed here with its reason — and an exception that is no longer needed fails the test too,
//! so the list only shrinks.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The pure core: configuration, validation, geometry, thermal, BOM, pricing, cutting, the
/// drawing model, its exporters, documents, and the protocol's types.
const CORE: &[&str] = &[
    "spw-model",
    "spw-geometry",
    "spw-thermal",
    "spw-validation",
    "spw-bom",
    "spw-quote",
    "spw-cutting",
    "spw-drawing",
    "spw-svg",
    "spw-png",
    "spw-dxf",
    "spw-pdf",
    "spw-documents",
    "spw-protocol",
];

/// The operations every front end calls.
const APPLICATION: &[&str] = &["spw-app"];

/// The crates that exist to touch disk.
const STORAGE: &[&str] = &["spw-store", "spw-files"];

/// The thin front ends.
const FRONT_ENDS: &[&str] = &["spw-cli", "spw-desktop"];

/// Domain crates whose types the store keeps as typed rows (it computes nothing with them).
const STORE_MAY_USE: &[&str] = &["spw-model", "spw-quote", "spw-protocol", "spw-files"];

/// Edges that break a rule today, each with why it is still there.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "spw-documents",
        "spw-app",
        "documents take the wire QuoteReport instead of the priced quote's domain values",
    ),
    (
        "spw-store",
        "spw-app",
        "the store prices quotes and draws drawings inside its transactions",
    ),
    (
        "spw-store",
        "spw-drawing",
        "the store draws drawing issues inside its transactions",
    ),
    (
        "spw-cli",
        "spw-bom",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-documents",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-drawing",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-png",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-quote",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-svg",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-validation",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-cli",
        "spw-model",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-desktop",
        "spw-documents",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-desktop",
        "spw-drawing",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-desktop",
        "spw-model",
        "the configurator's wire types are generated from spw-model's (ts feature)",
    ),
    (
        "spw-desktop",
        "spw-quote",
        "workflows not yet moved below the front ends",
    ),
    (
        "spw-desktop",
        "spw-svg",
        "workflows not yet moved below the front ends",
    ),
];

/// Every normal and build dependency between workspace crates (dev-dependencies are tests'
/// business and left out).
fn workspace_edges() -> BTreeMap<String, BTreeSet<String>> {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let names: BTreeSet<String> = packages
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect();
    let mut edges = BTreeMap::new();
    for p in packages {
        let name = p["name"].as_str().expect("name").to_owned();
        let deps: BTreeSet<String> = p["dependencies"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["kind"].as_str() != Some("dev"))
            .filter_map(|d| d["name"].as_str())
            .filter(|d| names.contains(*d))
            .map(str::to_owned)
            .collect();
        edges.insert(name, deps);
    }
    edges
}

/// Why an edge breaks a rule, if it does.
fn broken_rule(from: &str, to: &str) -> Option<&'static str> {
    let is = |set: &[&str], c: &str| set.contains(&c);
    if is(FRONT_ENDS, to) {
        return Some("nothing depends on a front end");
    }
    if is(CORE, from) && (is(APPLICATION, to) || is(STORAGE, to)) {
        return Some("the core depends on no operation or storage crate");
    }
    if from == "spw-store" && !is(STORE_MAY_USE, to) {
        return Some("the store keeps typed rows and computes nothing");
    }
    if is(FRONT_ENDS, from) && is(CORE, to) {
        return Some("front ends reach the core through spw-app and the store");
    }
    None
}

#[test]
fn every_crate_is_placed_in_a_layer() {
    let edges = workspace_edges();
    let placed: BTreeSet<&str> = CORE
        .iter()
        .chain(APPLICATION)
        .chain(STORAGE)
        .chain(FRONT_ENDS)
        .chain(&["spw-testkit"])
        .copied()
        .collect();
    let unplaced: Vec<&String> = edges
        .keys()
        .filter(|c| !placed.contains(c.as_str()))
        .collect();
    assert!(
        unplaced.is_empty(),
        "name these crates' layer in tests/architecture.rs and ARCHITECTURE.md: {unplaced:?}"
    );
}

#[test]
fn dependencies_follow_the_layers() {
    let edges = workspace_edges();
    let excused: BTreeSet<(&str, &str)> = EXCEPTIONS.iter().map(|(f, t, _)| (*f, *t)).collect();
    let mut broken = Vec::new();
    let mut needed = BTreeSet::new();
    for (from, deps) in &edges {
        for to in deps {
            if let Some(rule) = broken_rule(from, to) {
                if excused.contains(&(from.as_str(), to.as_str())) {
                    needed.insert((from.as_str(), to.as_str()));
                } else {
                    broken.push(format!("{from} → {to}: {rule}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    let stale: Vec<String> = EXCEPTIONS
        .iter()
        .filter(|(f, t, _)| !needed.contains(&(*f, *t)))
        .map(|(f, t, why)| format!("{f} → {t} ({why})"))
        .collect();
    assert!(
        stale.is_empty(),
        "these exceptions are no longer needed; remove them: {}",
        stale.join("; ")
    );
}

#[test]
fn the_rules_catch_a_back_edge() {
    // The rules themselves, on edges the workspace must never have.
    assert!(broken_rule("spw-geometry", "spw-app").is_some());
    assert!(broken_rule("spw-drawing", "spw-store").is_some());
    assert!(broken_rule("spw-app", "spw-cli").is_some());
    assert!(broken_rule("spw-store", "spw-documents").is_some());
    assert!(broken_rule("spw-cli", "spw-geometry").is_some());
    assert!(broken_rule("spw-cli", "spw-app").is_none());
    assert!(broken_rule("spw-store", "spw-model").is_none());
}
