//! The written PDF checked with outside tools (qpdf, poppler-utils), plus determinism, size and
//! the errors for bad input.

mod common;

use spw_drawing::{Entity, LayerName, Point, Shape};
use spw_pdf::{DocumentMeta, PdfError, write};
use std::path::PathBuf;
use std::process::Command;

const INSTALL: &str = "install them with `apt-get install -y qpdf poppler-utils`";

/// Runs a tool and returns (exit success, stdout); a missing tool fails the test.
fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "`{tool}` could not be run ({e}): the PDF checks need qpdf and poppler-utils; {INSTALL}"
        )
    });
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

fn written(name: &str) -> (PathBuf, Vec<u8>) {
    let d = common::drawing();
    let bytes = write(&d, &common::meta(&d)).expect("the test drawing writes");
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("spw-pdf-{name}.pdf"));
    std::fs::write(&path, &bytes).expect("write to the target tmp dir");
    (path, bytes)
}

fn path_str(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn qpdf_finds_no_errors() {
    let (path, _) = written("qpdf");
    let (ok, out) = run("qpdf", &["--check", path_str(&path)]);
    assert!(ok, "qpdf --check failed:\n{out}");
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

#[test]
fn pdfinfo_sees_two_true_size_pages_and_the_metadata() {
    let (path, _) = written("info");
    let (ok, out) = run("pdfinfo", &["-f", "1", "-l", "2", path_str(&path)]);
    assert!(ok, "pdfinfo failed:\n{out}");
    let field = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
            .unwrap_or_else(|| panic!("pdfinfo shows no `{name}`:\n{out}"))
    };
    assert_eq!(field("Pages:"), "2");
    assert_eq!(field("Title:"), "SPW600e door D01 drawings");
    assert_eq!(field("Author:"), "SFG Aluminium");
    assert_eq!(field("Subject:"), "Test Project");
    assert_eq!(field("Creator:"), "SPW600e Designer test");
    let keywords = field("Keywords:");
    assert!(
        keywords.contains("SPW600e-ELV-001") && keywords.contains("SPW600e-SEC-002"),
        "{keywords}"
    );
    assert!(field("CreationDate:").contains("2026"), "{out}");
    let page = |n: u32| field(&format!("Page {n:>4} size:"));
    assert!(
        page(1).starts_with("1190.55 x 841.89 pts"),
        "page 1 is {}",
        page(1)
    );
    assert!(
        page(2).starts_with("595.276 x 841.89 pts"),
        "page 2 is {}",
        page(2)
    );
}

#[test]
fn every_font_is_an_embedded_subset() {
    let (path, _) = written("fonts");
    let (ok, out) = run("pdffonts", &[path_str(&path)]);
    assert!(ok, "pdffonts failed:\n{out}");
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{out}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap_or_default();
        assert!(
            name.contains("DejaVuSansCondensed"),
            "unexpected font {row}"
        );
        // The subset prefix is six capitals and a plus.
        let (prefix, _) = name
            .split_once('+')
            .unwrap_or_else(|| panic!("not a subset: {row}"));
        assert!(
            prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase()),
            "{row}"
        );
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "uni/sub/emb must all be yes: {row}"
        );
    }
}

#[test]
fn text_is_real_and_selectable() {
    let (path, _) = written("text");
    let (ok, out) = run("pdftotext", &["-layout", path_str(&path), "-"]);
    assert!(ok, "pdftotext failed:\n{out}");
    for needle in [
        "SPW600e-ELV-001",
        "SPW600e-SEC-002",
        "ELEVATION FROM OUTSIDE",
        "1200",
        "84",
        "SINGLE DOOR D01",
    ] {
        assert!(
            out.contains(needle),
            "`{needle}` not found in the text layer:\n{out}"
        );
    }
    // The vertical dimension's text is rotated but still text.
    let (_, page1) = run("pdftotext", &["-f", "1", "-l", "1", path_str(&path), "-"]);
    assert!(
        page1.contains("2100"),
        "vertical dimension text missing:\n{page1}"
    );
}

#[test]
fn each_sheet_has_a_bookmark() {
    let (path, _) = written("outline");
    let (ok, out) = run(
        "qpdf",
        &["--json=2", "--json-key=outlines", path_str(&path)],
    );
    assert!(ok, "qpdf --json failed:\n{out}");
    assert!(
        out.contains("SPW600e-ELV-001 ELEVATION FROM OUTSIDE"),
        "{out}"
    );
    assert!(out.contains("SPW600e-SEC-002 SECTION A-A"), "{out}");
    let (ok, labels) = run(
        "qpdf",
        &["--json=2", "--json-key=pagelabels", path_str(&path)],
    );
    assert!(ok, "qpdf --json failed:\n{labels}");
    assert!(
        labels.contains("SPW600e-ELV-001") && labels.contains("SPW600e-SEC-002"),
        "page labels carry the drawing numbers:\n{labels}"
    );
}

#[test]
fn output_is_deterministic_and_small() {
    let d = common::drawing();
    let m = common::meta(&d);
    let a = write(&d, &m).expect("writes");
    let b = write(&d, &m).expect("writes");
    assert!(a == b, "two writes of the same drawing differ");
    assert!(a.starts_with(b"%PDF-"));
    eprintln!("two-sheet drawing: {} bytes", a.len());
    assert!(
        a.len() < 64 * 1024,
        "a two-sheet drawing should stay small, got {} bytes",
        a.len()
    );
    let mut later = m.clone();
    later.date = Some((2027, 1, 2));
    assert!(
        write(&d, &later).expect("writes") != a,
        "the date is part of the file"
    );
}

fn with_view_entity(shape: Shape) -> spw_drawing::Drawing {
    let mut d = common::drawing();
    d.sheets[1].views[0].entities.push(Entity {
        layer: LayerName::Frame,
        shape,
    });
    d
}

#[test]
fn non_finite_numbers_are_errors() {
    let meta = DocumentMeta::default();
    let bad = [
        Shape::Line {
            a: Point::new(f64::NAN, 0.0),
            b: Point::new(1.0, 1.0),
        },
        Shape::Polyline {
            points: vec![Point::new(0.0, 0.0), Point::new(0.0, f64::INFINITY)],
            closed: false,
        },
        Shape::Circle {
            centre: Point::new(0.0, 0.0),
            radius: f64::NAN,
        },
        Shape::Arc {
            centre: Point::new(0.0, 0.0),
            radius: 1.0,
            start_deg: 0.0,
            end_deg: f64::NEG_INFINITY,
        },
        Shape::Hatch {
            boundary: vec![
                Point::new(0.0, 0.0),
                Point::new(f64::NAN, 1.0),
                Point::new(1.0, 1.0),
            ],
            pattern: spw_drawing::HatchPattern::Glass,
        },
        Shape::Text {
            at: Point::new(0.0, 0.0),
            height: f64::NAN,
            value: "x".into(),
            align: spw_drawing::Align::Left,
            rotation_deg: 0.0,
        },
        Shape::Text {
            at: Point::new(0.0, 0.0),
            height: 2.5,
            value: "x".into(),
            align: spw_drawing::Align::Left,
            rotation_deg: f64::INFINITY,
        },
        Shape::Dimension(spw_drawing::Dimension::horizontal(
            Point::new(0.0, 0.0),
            Point::new(f64::NAN, 0.0),
            5.0,
            2.5,
        )),
    ];
    for shape in bad {
        let err = write(&with_view_entity(shape.clone()), &meta)
            .expect_err("NaN/inf must not give a file");
        match err {
            PdfError::NonFinite { at, .. } => {
                assert_eq!((at.sheet, at.view), (1, Some(0)), "{shape:?}");
                assert!(err.to_string().contains("sheet 2, view 1"), "{err}");
            }
            other => panic!("expected NonFinite for {shape:?}, got {other:?}"),
        }
    }
    let mut d = common::drawing();
    d.sheets[0].views[0].placement = Point::new(f64::NAN, 0.0);
    assert!(matches!(write(&d, &meta), Err(PdfError::NonFinite { .. })));
    let mut d = common::drawing();
    d.sheets[0].paper.push(Entity::line(
        LayerName::TitleBlock,
        Point::new(0.0, 0.0),
        Point::new(f64::INFINITY, 0.0),
    ));
    match write(&d, &meta) {
        Err(PdfError::NonFinite { at, .. }) => assert_eq!((at.sheet, at.view), (0, None)),
        other => panic!("expected NonFinite, got {other:?}"),
    }
}

#[test]
fn unusable_values_are_errors() {
    let meta = DocumentMeta::default();
    let out_of_range = [
        Shape::Circle {
            centre: Point::new(0.0, 0.0),
            radius: -1.0,
        },
        Shape::Text {
            at: Point::new(0.0, 0.0),
            height: 0.0,
            value: "x".into(),
            align: spw_drawing::Align::Left,
            rotation_deg: 0.0,
        },
        Shape::Line {
            a: Point::new(0.0, 0.0),
            b: Point::new(1e12, 0.0),
        },
        Shape::Arc {
            centre: Point::new(0.0, 0.0),
            radius: 5.0,
            start_deg: -1e300,
            end_deg: 1e300,
        },
        Shape::Text {
            at: Point::new(0.0, 0.0),
            height: 2.5,
            value: "x".into(),
            align: spw_drawing::Align::Left,
            rotation_deg: 1e20,
        },
    ];
    for shape in out_of_range {
        assert!(
            matches!(
                write(&with_view_entity(shape.clone()), &meta),
                Err(PdfError::OutOfRange { .. })
            ),
            "{shape:?}"
        );
    }
    let d = common::drawing();
    let mut m = common::meta(&d);
    m.date = Some((2026, 2, 30));
    assert_eq!(write(&d, &m), Err(PdfError::InvalidDate(2026, 2, 30)));
}

#[test]
fn degenerate_shapes_are_drawn_as_nothing_not_errors() {
    let d = with_view_entity(Shape::Polyline {
        points: vec![Point::new(1.0, 1.0)],
        closed: true,
    });
    let d2 = {
        let mut d = d.clone();
        d.sheets[1].views[0].entities.extend([
            Entity {
                layer: LayerName::Frame,
                shape: Shape::Circle {
                    centre: Point::new(0.0, 0.0),
                    radius: 0.0,
                },
            },
            Entity {
                layer: LayerName::Frame,
                shape: Shape::Hatch {
                    boundary: vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)],
                    pattern: spw_drawing::HatchPattern::Aluminium,
                },
            },
            Entity {
                layer: LayerName::Frame,
                shape: Shape::Arc {
                    centre: Point::new(0.0, 0.0),
                    radius: 5.0,
                    start_deg: 10.0,
                    end_deg: 10.0,
                },
            },
            Entity {
                layer: LayerName::Dimensions,
                shape: Shape::Dimension(spw_drawing::Dimension::horizontal(
                    Point::new(3.0, 0.0),
                    Point::new(3.0, 0.0),
                    0.0,
                    2.5,
                )),
            },
            Entity::text(
                LayerName::Annotations,
                Point::new(0.0, 0.0),
                2.5,
                "",
                spw_drawing::Align::Centre,
            ),
            // Far off the sheet but within range: clipped away by the viewer, hatch lines skipped.
            Entity {
                layer: LayerName::Frame,
                shape: Shape::Hatch {
                    boundary: vec![
                        Point::new(5e4, 5e4),
                        Point::new(5e4 + 10.0, 5e4),
                        Point::new(5e4, 5e4 + 10.0),
                    ],
                    pattern: spw_drawing::HatchPattern::Polyamide,
                },
            },
        ]);
        d
    };
    let bytes = write(&d2, &DocumentMeta::default()).expect("degenerate shapes still write");
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("spw-pdf-degenerate.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let (ok, out) = run("qpdf", &["--check", path_str(&path)]);
    assert!(ok, "{out}");
}
