//! Reference files for the exporters: each example door's sheets as SVG (compared as text) and
//! as PNG rendered by resvg (compared by pixels, with a diff image written on mismatch).
//!
//! `SPW_UPDATE_REFS=1 cargo test -p spw-app --test reference` rewrites the references.

use spw_app::drawings::{Format, default_options, draw};
use spw_drawing::{ProjectInfo, ViewKind};
use spw_model::Catalogue;
use std::path::{Path, PathBuf};

const CASES: [(&str, &str); 2] = [
    ("seed-double", "seed-door-configuration.json"),
    ("single", "single-door.json"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn update() -> bool {
    std::env::var_os("SPW_UPDATE_REFS").is_some()
}

fn options(views: Vec<ViewKind>) -> spw_drawing::DrawingOptions {
    let mut o = default_options(views);
    o.info = ProjectInfo {
        project: "Harbour View Apartments".into(),
        customer: "Harbour View Developments Ltd".into(),
        date: "2026-12-01".into(),
        drawn_by: "JS".into(),
        checked_by: "AB".into(),
    };
    o
}

/// Compare `bytes` with the reference at `path` (or rewrite it in update mode), noting failures.
fn check(path: &Path, bytes: &[u8], failures: &mut Vec<String>) {
    if update() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
        std::fs::write(path, bytes).expect("write ref");
        return;
    }
    match std::fs::read(path) {
        Ok(expected) if expected == bytes => {}
        Ok(_) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let out = std::env::temp_dir().join(format!("actual-{name}"));
            std::fs::write(&out, bytes).ok();
            failures.push(format!(
                "{} differs (actual written to {})",
                path.display(),
                out.display()
            ));
        }
        Err(_) => failures.push(format!(
            "{} is missing: run with SPW_UPDATE_REFS=1",
            path.display()
        )),
    }
}

#[test]
fn svg_references() {
    let cat = Catalogue::builtin().expect("catalogue");
    let mut failures = Vec::new();
    for (name, file) in CASES {
        let text = std::fs::read_to_string(root().join("examples").join(file)).expect("example");
        let all = vec![
            ViewKind::Elevation,
            ViewKind::Plan,
            ViewKind::Section,
            ViewKind::Detail,
            ViewKind::Isometric,
        ];
        let set = draw(&text, &options(all), &[Format::Svg], &cat)
            .unwrap_or_else(|_| panic!("{name} draws"));
        for f in &set.files {
            let path = root()
                .join("tests/ref/svg")
                .join(format!("{name}-{}", f.file_name));
            check(&path, &f.bytes, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A PDF as a reviewable, compression-independent reference: its text per `pdftotext -layout`,
/// then a digest of its objects with every stream decompressed (`qpdf --qdf`), ids dropped. The
/// bytes themselves depend on which deflate backend the build links, not on what we wrote.
fn pdf_fingerprint(pdf: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    let dir = std::env::temp_dir().join(format!("spw-pdf-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (input, qdf) = (dir.join("in.pdf"), dir.join("out.qdf"));
    std::fs::write(&input, pdf).expect("write");
    let run = |cmd: &str, args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(cmd)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("`{cmd}` could not run ({e}); install qpdf and poppler-utils (scripts/test.sh does)"));
        assert!(
            out.status.success(),
            "{cmd} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let text = run(
        "pdftotext",
        &["-layout".as_ref(), input.as_os_str(), "-".as_ref()],
    );
    run(
        "qpdf",
        &[
            "--qdf".as_ref(),
            "--object-streams=disable".as_ref(),
            "--static-id".as_ref(),
            input.as_os_str(),
            qdf.as_os_str(),
        ],
    );
    let objects = std::fs::read(&qdf).expect("qdf");
    let kept: Vec<&[u8]> = objects
        .split(|b| *b == b'\n')
        .filter(|l| {
            !l.windows(10).any(|w| w == b"InstanceID")
                && !l.starts_with(b"  /ID [")
                && !l.windows(10).any(|w| w == b"DocumentID")
        })
        .collect();
    let digest: String = sha2::Sha256::digest(kept.join(&b'\n'))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::remove_dir_all(&dir).ok();
    let mut out = text;
    out.extend_from_slice(format!("\n-- objects sha256 {digest}\n").as_bytes());
    out
}

/// DXF (text) and PDF (text and object digest) of the double door: both writers are
/// deterministic, so any change shows here and is reviewed by regenerating.
#[test]
fn dxf_and_pdf_references() {
    let cat = Catalogue::builtin().expect("catalogue");
    let text = std::fs::read_to_string(root().join("examples/seed-door-configuration.json"))
        .expect("example");
    let all = vec![
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ];
    let set = draw(&text, &options(all), &[Format::Dxf, Format::Pdf], &cat).expect("draws");
    let mut failures = Vec::new();
    for f in &set.files {
        let (path, bytes) = if f.format == Format::Pdf {
            (
                root()
                    .join("tests/ref/pdf")
                    .join(format!("seed-double-{}.txt", f.file_name)),
                pdf_fingerprint(&f.bytes),
            )
        } else {
            (
                root()
                    .join("tests/ref")
                    .join(f.format.extension())
                    .join(format!("seed-double-{}", f.file_name)),
                f.bytes.clone(),
            )
        };
        check(&path, &bytes, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn png_references() {
    let cat = Catalogue::builtin().expect("catalogue");
    let renderer = spw_png::Renderer::new();
    let mut failures = Vec::new();
    for (name, file) in CASES {
        let text = std::fs::read_to_string(root().join("examples").join(file)).expect("example");
        let set = draw(
            &text,
            &options(vec![ViewKind::Elevation, ViewKind::Section]),
            &[],
            &cat,
        )
        .unwrap_or_else(|_| panic!("{name} draws"));
        for (i, sheet) in set.drawing.sheets.iter().enumerate() {
            let png = renderer.sheet(&set.drawing, i, 40.0).expect("renders");
            let path = root()
                .join("tests/ref/png")
                .join(format!("{name}-{}.png", sheet.title.drawing_number));
            if update() {
                std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
                std::fs::write(&path, &png).expect("write ref");
                continue;
            }
            let Ok(expected) = std::fs::read(&path) else {
                failures.push(format!(
                    "{} is missing: run with SPW_UPDATE_REFS=1",
                    path.display()
                ));
                continue;
            };
            let (ew, eh, e) = spw_png::decode_rgba(&expected).expect("reference decodes");
            let (aw, ah, a) = spw_png::decode_rgba(&png).expect("render decodes");
            if (ew, eh) != (aw, ah) {
                failures.push(format!(
                    "{}: size {ew}×{eh} became {aw}×{ah}",
                    path.display()
                ));
                continue;
            }
            let (differing, diff) = spw_png::diff_rgba(&e, &a, aw, ah, 8).expect("same size");
            if differing > 0 {
                let out = std::env::temp_dir()
                    .join(format!("diff-{name}-{}.png", sheet.title.drawing_number));
                std::fs::write(&out, diff).ok();
                failures.push(format!(
                    "{}: {differing} pixels differ (diff image {})",
                    path.display(),
                    out.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_svg_renders_with_text() {
    // resvg parses every sheet and draws its text with the bundled font: the title block's
    // drawing number area is not blank.
    let cat = Catalogue::builtin().expect("catalogue");
    let text = std::fs::read_to_string(root().join("examples/seed-door-configuration.json"))
        .expect("example");
    let all = vec![
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ];
    let set = draw(&text, &options(all), &[Format::Png], &cat).expect("draws");
    assert_eq!(set.files.len(), set.drawing.sheets.len());
    assert_eq!(set.files.len(), 6);
    for f in &set.files {
        let (w, h, px) = spw_png::decode_rgba(&f.bytes).expect("png");
        let dark = px
            .chunks_exact(4)
            .filter(|p| p[0] < 100 && p[1] < 100 && p[2] < 100)
            .count();
        assert!(
            dark > (w as usize * h as usize) / 400,
            "{} looks empty",
            f.file_name
        );
    }
}
