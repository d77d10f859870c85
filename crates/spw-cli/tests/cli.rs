//! The `spw` binary as a script would use it: exit codes and JSON shapes.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn spw(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spw"))
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json, stdout)
}

#[test]
fn validate_exit_codes() {
    let seed = example("seed-door-configuration.json");
    let (code, v, _) = spw(&["validate", seed.to_str().expect("path"), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["valid"], true);

    let bad = example("invalid-door.json");
    let (code, v, _) = spw(&["validate", bad.to_str().expect("path"), "--json"]);
    assert_eq!(code, 1);
    assert_eq!(v["valid"], false);
    let issues = v["issues"].as_array().expect("issues");
    for key in ["code", "field", "message", "value", "limit", "severity"] {
        assert!(
            issues.iter().all(|i| i.get(key).is_some()),
            "issue without {key}"
        );
    }
    let codes: Vec<&str> = issues.iter().filter_map(|i| i["code"].as_str()).collect();
    for c in [
        "ERR_VAL_001",
        "ERR_VAL_002",
        "ERR_VAL_003",
        "ERR_VAL_004",
        "ERR_VAL_005",
        "ERR_VAL_009",
    ] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
}

#[test]
fn unparsable_and_missing_files_exit_2_with_err_val_001() {
    let dir = std::env::temp_dir().join(format!("spw-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("broken.json");
    std::fs::write(
        &file,
        "{\n  \"type\": \"single\",\n  \"frame_width\": 900,,\n}",
    )
    .expect("write");
    let (code, v, _) = spw(&["validate", file.to_str().expect("path"), "--json"]);
    assert_eq!(code, 2);
    assert_eq!(v["issues"][0]["code"], "ERR_VAL_001");
    assert_eq!(v["issues"][0]["position"]["line"], 3);
    let (code, v, _) = spw(&["thermal", file.to_str().expect("path"), "--json"]);
    assert_eq!(code, 2);
    assert_eq!(v["issues"][0]["code"], "ERR_VAL_001");
    let (code, v, _) = spw(&[
        "bom",
        dir.join("absent.json").to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(v["issues"][0]["code"], "ERR_VAL_001");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_configuration_refuses_thermal_bom_and_quote() {
    let bad = example("invalid-door.json");
    for cmd in ["thermal", "bom"] {
        let (code, v, _) = spw(&[cmd, bad.to_str().expect("path"), "--json"]);
        assert_eq!(code, 1, "{cmd}");
        assert_eq!(v["valid"], false);
    }
}

#[test]
fn thermal_bom_quote_json() {
    let seed = example("seed-door-configuration.json");
    let (code, t, _) = spw(&["thermal", seed.to_str().expect("path"), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(t["method"], "EN ISO 10077-1");
    assert!(
        t["overall_u_value"]
            .as_f64()
            .is_some_and(|u| u > 0.5 && u < 2.0)
    );

    let (code, b, _) = spw(&["bom", seed.to_str().expect("path"), "--json"]);
    assert_eq!(code, 0);
    let items = b["items"].as_array().expect("items");
    for key in [
        "code",
        "description",
        "unit",
        "quantity",
        "waste_factor",
        "quantity_with_waste",
        "weight_kg",
        "cuts",
    ] {
        assert!(
            items.iter().all(|i| i.get(key).is_some()),
            "item without {key}"
        );
    }
    for code in [
        "SPW600e-FRAME-75",
        "SPW600e-LEAF-75",
        "HA176P-THRESHOLD",
        "GLAZING-44",
        "HINGE-HEAVY",
        "LOCK-MULTIPOINT",
        "GASKET-EPDM",
        "FIXING-SS-A2",
    ] {
        assert!(items.iter().any(|i| i["code"] == code), "{code} missing");
    }
    assert!(b["total_weight_kg"].as_f64().is_some() && b["leaf_weight_kg"].as_f64().is_some());

    let quote = example("quote.json");
    let (code, q, _) = spw(&[
        "quote",
        quote.to_str().expect("path"),
        "--date",
        "2026-12-01",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(q["currency"], "GBP");
    assert_eq!(q["valid_until"], "2026-12-31");
    assert!(q["total"].is_i64());
    assert_eq!(q["lines"].as_array().map(Vec::len), Some(2));
}

#[test]
fn human_output_is_readable() {
    let seed = example("seed-door-configuration.json");
    let (code, _, out) = spw(&["thermal", seed.to_str().expect("path")]);
    assert_eq!(code, 0);
    assert!(out.contains("U_D = "));
    assert!(out.contains("Approved Document L 2021"));
    let (_, _, out) = spw(&[
        "quote",
        example("quote.json").to_str().expect("path"),
        "--date",
        "2026-12-01",
    ]);
    assert!(out.contains("total GBP"));
    assert!(out.contains('£'));
}

#[test]
fn cut_request_and_quote() {
    let (code, v, _) = spw(&["cut", example("cut.json").to_str().expect("path"), "--json"]);
    assert_eq!(code, 0);
    let bars = v["bars"].as_array().expect("bars");
    let cut: usize = bars
        .iter()
        .map(|b| b["cuts"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(cut, 8 + 4 + 16 + 16, "every piece cut once");
    assert!(v["summary"]["lower_bound_bars"].as_u64() <= v["summary"]["total_bars"].as_u64());

    let (code, v, _) = spw(&[
        "cut",
        "--quote",
        example("quote.json").to_str().expect("path"),
        "--json",
        "--time-limit-ms",
        "5000",
    ]);
    assert_eq!(code, 0);
    let groups = v["groups"].as_array().expect("groups");
    assert!(
        groups
            .iter()
            .any(|g| g["profile_code"] == "SPW600e-FRAME-75")
    );
    // Line 1: 2 doors × (1 head + 2 jambs) of frame; line 2: 5 doors × 3.
    let frame_pieces: usize = groups
        .iter()
        .filter(|g| g["profile_code"] == "SPW600e-FRAME-75")
        .flat_map(|g| g["plan"]["bars"].as_array().cloned().unwrap_or_default())
        .map(|b| b["cuts"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(frame_pieces, 2 * 3 + 5 * 3);

    let dir = std::env::temp_dir().join(format!("spw-cut-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("too-long.json");
    std::fs::write(
        &file,
        r#"{"stock":[{"length_mm":1000}],"pieces":[{"label":"x","length_mm":3000,"count":1}]}"#,
    )
    .expect("write");
    let (code, v, _) = spw(&["cut", file.to_str().expect("path"), "--json"]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "ERR_CUT_002");
    std::fs::remove_dir_all(&dir).ok();
}

fn python() -> String {
    if let Ok(p) = std::env::var("SPW_PYTHON") {
        return p;
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    if venv.exists() {
        venv.display().to_string()
    } else {
        "python3".into()
    }
}

fn tool(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| {
        panic!("`{cmd}` could not run ({e}); install it (scripts/test.sh does)")
    });
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

const EZDXF_CHECK: &str = r#"
import sys, ezdxf
for path in sys.argv[1:]:
    doc = ezdxf.readfile(path)
    aud = doc.audit()
    if aud.has_errors or aud.has_fixes:
        print(path, "errors", [str(e.message) for e in aud.errors], "fixes", [str(f.message) for f in aud.fixes])
        sys.exit(1)
    for d in doc.modelspace().query("DIMENSION"):
        print(round(d.get_measurement(), 3))
"#;

#[test]
fn draw_writes_every_format_and_outside_tools_accept_them() {
    let out = std::env::temp_dir().join(format!("spw-draw-test-{}", std::process::id()));
    std::fs::remove_dir_all(&out).ok();
    let seed = example("seed-door-configuration.json");
    let (code, m, _) = spw(&[
        "draw",
        seed.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
        "--date",
        "2026-12-01",
        "--project",
        "Harbour View",
        "--customer",
        "HVD Ltd",
        "--json",
    ]);
    assert_eq!(code, 0);
    let drawings = m["drawings"].as_array().expect("manifest");
    let numbers: Vec<&str> = drawings
        .iter()
        .filter_map(|d| d["drawing_number"].as_str())
        .collect();
    assert_eq!(
        numbers,
        [
            "SPW600e-ELV-001",
            "SPW600e-PLN-001",
            "SPW600e-SEC-001",
            "SPW600e-DET-001",
            "SPW600e-DET-001-2",
            "SPW600e-ISO-001",
            "SPW600e-SET-001"
        ]
    );
    let mut dxf = Vec::new();
    let mut pdf = None;
    for d in drawings {
        assert_eq!(d["revision"], "A");
        for f in d["files"].as_array().expect("files") {
            let path = f["path"].as_str().expect("path").to_owned();
            let bytes = std::fs::read(&path).expect("written");
            assert_eq!(bytes.len() as u64, f["bytes"].as_u64().expect("bytes"));
            assert_eq!(f["sha256"].as_str().map(str::len), Some(64));
            match f["format"].as_str() {
                Some("dxf") => dxf.push(path),
                Some("pdf") => pdf = Some(path),
                Some("png") => assert_eq!(&bytes[1..4], b"PNG"),
                Some("svg") => assert!(bytes.starts_with(b"<svg")),
                other => panic!("unexpected format {other:?}"),
            }
        }
    }
    // PDF: qpdf, pdfinfo, pdffonts, pdftotext.
    let pdf = pdf.expect("a PDF of the set");
    let (ok, msg) = tool("qpdf", &["--check", &pdf]);
    assert!(ok, "qpdf --check failed: {msg}");
    let (_, info) = tool("pdfinfo", &[&pdf]);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(pages, Some("6"), "{info}");
    assert!(info.contains("drawing set"), "{info}");
    let (_, fonts) = tool("pdffonts", &[&pdf]);
    for line in fonts.lines().skip(2) {
        assert!(
            line.contains(" yes yes "),
            "font not embedded as a subset: {line}"
        );
    }
    let (_, text) = tool("pdftotext", &["-layout", &pdf, "-"]);
    for needle in [
        "SPW600e-ELV-001",
        "SPW600e-SEC-001",
        "1870",
        "2235",
        "870",
        "Harbour View",
    ] {
        assert!(text.contains(needle), "pdftotext did not find {needle}");
    }
    // DXF: ezdxf's strict loader and audit, and the dimension values.
    let mut args = vec!["-c".to_owned(), EZDXF_CHECK.to_owned()];
    args.extend(dxf.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (ok, msg) = tool(&python(), &args);
    assert!(
        ok,
        "ezdxf rejected a DXF (is ezdxf installed? scripts/test.sh installs it): {msg}"
    );
    for value in ["1870.0", "2235.0", "870.0", "75.0"] {
        assert!(
            msg.lines().any(|l| l.trim() == value),
            "no DIMENSION measures {value}: {msg}"
        );
    }
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn draw_batch_with_an_invalid_door_writes_nothing() {
    let out = std::env::temp_dir().join(format!("spw-draw-batch-{}", std::process::id()));
    std::fs::remove_dir_all(&out).ok();
    let good = example("seed-door-configuration.json");
    let bad = example("invalid-door.json");
    let (code, v, _) = spw(&[
        "draw",
        good.to_str().expect("p"),
        bad.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
        "--json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["valid"], false);
    assert!(!out.exists(), "a refused batch must not write anything");
    // A scale that does not fit the sheet is a coded error, not a drawing off the sheet.
    let (code, v, _) = spw(&[
        "draw",
        good.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
        "--scale",
        "1:5",
        "--json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "ERR_DWG_001");
    assert!(!out.exists());
    // Two doors: one folder each.
    let single = example("single-door.json");
    let (code, v, _) = spw(&[
        "draw",
        good.to_str().expect("p"),
        single.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
        "--formats",
        "svg",
        "--views",
        "elevation",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["drawings"].as_array().map(Vec::len), Some(2));
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn compare_and_revision_clouds() {
    let old = example("seed-door-configuration.json");
    let new = example("seed-door-configuration-rev-b.json");
    let out = std::env::temp_dir().join(format!("spw-compare-{}", std::process::id()));
    std::fs::remove_dir_all(&out).ok();
    let (code, v, _) = spw(&[
        "compare",
        old.to_str().expect("p"),
        new.to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
        "--json",
    ]);
    assert_eq!(code, 0);
    let fields: Vec<&str> = v["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["frame_width", "hardware.lock"]);
    assert_eq!(v["fields"][0]["old"], 1870);
    assert_eq!(v["fields"][0]["new"], 1950);
    let head = v["bom"]
        .as_array()
        .expect("bom")
        .iter()
        .find(|b| b["code"] == "SPW600e-FRAME-75")
        .expect("frame line");
    // 80 mm wider: the head grows by 80 mm (jambs unchanged).
    assert!(
        (head["new_quantity"].as_f64().expect("q")
            - head["old_quantity"].as_f64().expect("q")
            - 0.08)
            .abs()
            < 1e-9
    );
    assert_eq!(
        v["price"]["delta"].as_i64(),
        Some(v["price"]["new"].as_i64().expect("n") - v["price"]["old"].as_i64().expect("o"))
    );
    assert!(
        v["drawing"]
            .as_array()
            .expect("drawing")
            .iter()
            .any(|c| c["layer"] == "FRAME" && c["added"].as_u64() > Some(0))
    );
    let overlays = v["overlays"].as_array().expect("overlays");
    assert!(!overlays.is_empty());
    let svg =
        std::fs::read_to_string(overlays[0].as_str().expect("path")).expect("overlay written");
    assert!(svg.contains(r#"id="removed""#) && svg.contains(r#"id="added""#));

    // Drawn as a revision: letter B, a revision cloud on the REVISION layer, the table row.
    let dir = out.join("revb");
    let (code, m, _) = spw(&[
        "draw",
        new.to_str().expect("p"),
        "--revision-of",
        old.to_str().expect("p"),
        "--out",
        dir.to_str().expect("p"),
        "--views",
        "elevation",
        "--formats",
        "svg",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(m["drawings"][0]["revision"], "B");
    let svg = std::fs::read_to_string(m["drawings"][0]["files"][0]["path"].as_str().expect("path"))
        .expect("svg");
    let revision_layer = svg
        .split(r#"id="layer-REVISION""#)
        .nth(1)
        .expect("revision layer");
    assert!(revision_layer.contains("<polygon"), "no revision cloud");
    assert!(
        svg.contains("frame_width 1870 → 1950"),
        "revision table lacks the change"
    );
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn an_edited_title_block_template_is_used_without_rebuilding() {
    let dir = std::env::temp_dir().join(format!("spw-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let builtin = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../templates/title_block.toml"),
    )
    .expect("template");
    let edited = dir.join("title_block.toml");
    std::fs::write(
        &edited,
        builtin.replace("SFG Aluminium Ltd", "SFG Aluminium Ltd, Leeds works"),
    )
    .expect("write");
    let out = dir.join("out");
    let (code, m, _) = spw(&[
        "--title-block",
        edited.to_str().expect("p"),
        "draw",
        example("single-door.json").to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
        "--views",
        "elevation",
        "--formats",
        "svg",
        "--json",
    ]);
    assert_eq!(code, 0);
    let svg = std::fs::read_to_string(m["drawings"][0]["files"][0]["path"].as_str().expect("path"))
        .expect("svg");
    assert!(svg.contains("SFG Aluminium Ltd, Leeds works"));
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, "[company]\nname = 3\n").expect("write");
    let (code, _, _) = spw(&[
        "--title-block",
        broken.to_str().expect("p"),
        "draw",
        example("single-door.json").to_str().expect("p"),
        "--out",
        out.to_str().expect("p"),
    ]);
    assert_eq!(code, 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn datasheet_package_and_bom_spreadsheets() {
    let dir = std::env::temp_dir().join(format!("spw-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let ds = dir.join("datasheet.pdf");
    let (code, v, _) = spw(&[
        "datasheet",
        example("seed-door-configuration.json").to_str().expect("p"),
        "--out",
        ds.to_str().expect("p"),
        "--date",
        "2026-12-01",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert!(v["pages"].as_u64() >= Some(2));
    let (ok, msg) = tool("qpdf", &["--check", ds.to_str().expect("p")]);
    assert!(ok, "{msg}");
    let (_, text) = tool("pdftotext", &[ds.to_str().expect("p"), "-"]);
    assert!(text.contains("1.32"), "the datasheet states U_D");

    let pkg = dir.join("package.pdf");
    let (code, v, _) = spw(&[
        "package",
        example("quote.json").to_str().expect("p"),
        "--out",
        pkg.to_str().expect("p"),
        "--date",
        "2026-12-01",
        "--json",
    ]);
    assert_eq!(code, 0);
    let titles: Vec<&str> = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    for t in [
        "Priced summary",
        "Drawings",
        "Bill of materials",
        "Terms and conditions",
    ] {
        assert!(titles.contains(&t), "{t} missing from {titles:?}");
    }
    let (_, text) = tool("pdftotext", &[pkg.to_str().expect("p"), "-"]);
    assert!(
        text.contains("£15,011.72"),
        "the package states the quote total"
    );

    let bad = dir.join("bad.pdf");
    let (code, v, _) = spw(&[
        "datasheet",
        example("invalid-door.json").to_str().expect("p"),
        "--out",
        bad.to_str().expect("p"),
        "--json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["valid"], false);
    assert!(!bad.exists());

    let (csv, xlsx) = (dir.join("bom.csv"), dir.join("bom.xlsx"));
    let (code, _, _) = spw(&[
        "bom",
        example("single-door.json").to_str().expect("p"),
        "--csv",
        csv.to_str().expect("p"),
        "--xlsx",
        xlsx.to_str().expect("p"),
    ]);
    assert_eq!(code, 0);
    let csv_text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        csv_text
            .lines()
            .next()
            .is_some_and(|h| h.starts_with("Code,Description"))
    );
    assert!(csv_text.contains("SPW600e-FRAME-75"));
    assert!(std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"));
    std::fs::remove_dir_all(&dir).ok();
}
