//! Integration tests: a hand-built sheet covering every shape, layer, hatch pattern, dimension
//! kind and text alignment is written and checked with ezdxf (strict load, audit with no errors
//! and no fixes, content against expectations); plus determinism and error cases.

use serde_json::{Value, json};
use spw_drawing::{
    Align, Dimension, DimensionKind, Drawing, Entity, HatchPattern, IsoFormat, LayerName,
    Orientation, Point, Scale, Shape, Sheet, SheetSize, TitleInfo, View, ViewKind,
};
use spw_dxf::{DxfError, write_sheet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

fn text(
    layer: LayerName,
    at: Point,
    height: f64,
    value: &str,
    align: Align,
    rotation_deg: f64,
) -> Entity {
    Entity {
        layer,
        shape: Shape::Text {
            at,
            height,
            value: value.to_owned(),
            align,
            rotation_deg,
        },
    }
}

fn hatch(layer: LayerName, x0: f64, y0: f64, x1: f64, y1: f64, pattern: HatchPattern) -> Entity {
    Entity {
        layer,
        shape: Shape::Hatch {
            boundary: vec![p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1)],
            pattern,
        },
    }
}

fn aligned(p1: Point, p2: Point, text_height: f64) -> Dimension {
    let measured = p1.distance(p2);
    Dimension {
        kind: DimensionKind::Aligned,
        p1,
        p2,
        line_at: p1,
        measured,
        text: spw_drawing::entity::format_mm(measured),
        text_height,
    }
}

/// An A3 sheet: an elevation at 1:10, a section at 1:2, a border and title block.
fn sample() -> Drawing {
    use LayerName as L;
    let elevation = View {
        title: "ELEVATION (FROM OUTSIDE)".to_owned(),
        kind: ViewKind::Elevation,
        scale: Scale(10),
        placement: p(30.0, 40.0),
        entities: vec![
            Entity::line(L::Frame, p(0.0, 0.0), p(1000.0, 0.0)),
            Entity::line(L::Frame, p(0.0, 0.0), p(0.0, 2100.0)),
            Entity::rect(L::Frame, 0.0, 0.0, 1000.0, 2100.0),
            Entity::rect(L::Leaf, 60.0, 20.0, 940.0, 2040.0),
            Entity {
                layer: L::Hardware,
                shape: Shape::Polyline {
                    points: vec![p(850.0, 1000.0), p(850.0, 1050.0), p(700.0, 1050.0)],
                    closed: false,
                },
            },
            Entity {
                layer: L::Hardware,
                shape: Shape::Circle {
                    centre: p(850.0, 1000.0),
                    radius: 12.0,
                },
            },
            Entity {
                layer: L::Hardware,
                shape: Shape::Arc {
                    centre: p(60.0, 20.0),
                    radius: 880.0,
                    start_deg: 0.0,
                    end_deg: 90.0,
                },
            },
            Entity::line(L::Hidden, p(60.0, 1000.0), p(940.0, 1000.0)),
            Entity::line(L::Centre, p(500.0, -100.0), p(500.0, 2200.0)),
            hatch(L::Glazing, 160.0, 120.0, 840.0, 1940.0, HatchPattern::Glass),
            text(
                L::Annotations,
                p(0.0, -250.0),
                3.5,
                "LEFT",
                Align::Left,
                0.0,
            ),
            text(
                L::Annotations,
                p(500.0, -250.0),
                3.5,
                "ELEVATION (FROM OUTSIDE) 1:10",
                Align::Centre,
                0.0,
            ),
            text(
                L::Annotations,
                p(1000.0, -250.0),
                2.5,
                "RIGHT Ø50",
                Align::Right,
                0.0,
            ),
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(Dimension::horizontal(
                    p(0.0, 0.0),
                    p(1000.0, 0.0),
                    -150.0,
                    2.5,
                )),
            },
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(Dimension::vertical(
                    p(0.0, 0.0),
                    p(0.0, 2100.0),
                    -150.0,
                    2.5,
                )),
            },
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(Dimension {
                    text: "CLEAR OPENING 880".to_owned(),
                    ..Dimension::horizontal(p(60.0, 2040.0), p(940.0, 2040.0), 2250.0, 2.5)
                }),
            },
        ],
    };
    let section = View {
        title: "SECTION A-A".to_owned(),
        kind: ViewKind::Section,
        scale: Scale(2),
        placement: p(300.0, 150.0),
        entities: vec![
            hatch(L::Frame, 0.0, 0.0, 20.0, 75.0, HatchPattern::Aluminium),
            hatch(
                L::ThermalBreak,
                20.0,
                0.0,
                44.0,
                75.0,
                HatchPattern::Polyamide,
            ),
            hatch(L::Frame, 44.0, 0.0, 64.0, 75.0, HatchPattern::Aluminium),
            hatch(L::Glazing, 70.0, 10.0, 98.0, 75.0, HatchPattern::Glass),
            hatch(L::Glazing, 66.0, 70.0, 70.0, 75.0, HatchPattern::Gasket),
            Entity::rect(L::Frame, 0.0, 0.0, 64.0, 75.0),
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(Dimension::horizontal(
                    p(0.0, 0.0),
                    p(64.0, 0.0),
                    -15.0,
                    2.5,
                )),
            },
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(Dimension::vertical(
                    p(64.0, 0.0),
                    p(64.0, 75.0),
                    80.0,
                    2.5,
                )),
            },
            Entity {
                layer: L::Dimensions,
                shape: Shape::Dimension(aligned(p(0.0, 75.0), p(30.0, 115.0), 2.5)),
            },
            text(
                L::Annotations,
                p(32.0, -30.0),
                3.5,
                "SECTION A-A 1:2",
                Align::Centre,
                0.0,
            ),
            text(
                L::Annotations,
                p(-10.0, 10.0),
                2.5,
                "FRAME 75",
                Align::Left,
                90.0,
            ),
        ],
    };
    let paper = vec![
        Entity::rect(L::TitleBlock, 10.0, 10.0, 410.0, 287.0),
        Entity::line(L::TitleBlock, p(250.0, 10.0), p(250.0, 50.0)),
        Entity::line(L::TitleBlock, p(250.0, 50.0), p(410.0, 50.0)),
        text(
            L::TitleBlock,
            p(255.0, 40.0),
            5.0,
            "SFG Aluminium",
            Align::Left,
            0.0,
        ),
        text(
            L::TitleBlock,
            p(255.0, 25.0),
            3.5,
            "SPW600e single door 1010 × 2100 mm — elevation",
            Align::Left,
            0.0,
        ),
        text(
            L::TitleBlock,
            p(405.0, 15.0),
            3.5,
            "SPW600e-ELV-001",
            Align::Right,
            0.0,
        ),
        Entity::rect(L::Revision, 250.0, 50.0, 410.0, 60.0),
        text(
            L::Revision,
            p(255.0, 53.0),
            2.5,
            "A  FIRST ISSUE",
            Align::Left,
            0.0,
        ),
    ];
    let sheet = Sheet {
        size: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        title: TitleInfo {
            company: "SFG Aluminium".to_owned(),
            project: "Test".to_owned(),
            customer: "Customer".to_owned(),
            drawing_number: "SPW600e-ELV-001".to_owned(),
            title: "Door".to_owned(),
            date: "2026-01-01".to_owned(),
            drawn_by: "AB".to_owned(),
            checked_by: "CD".to_owned(),
            revision: "A".to_owned(),
        },
        views: vec![elevation, section],
        paper,
    };
    // Sheet 1: the section alone on an A4 portrait sheet, main scale 1:2.
    let mut detail = sheet.clone();
    detail.size = SheetSize {
        format: IsoFormat::A4,
        orientation: Orientation::Portrait,
    };
    detail.views = vec![View {
        placement: p(60.0, 120.0),
        ..sheet.views[1].clone()
    }];
    detail.paper = vec![
        Entity::rect(L::TitleBlock, 10.0, 10.0, 200.0, 287.0),
        Entity::line(L::TitleBlock, p(10.0, 40.0), p(200.0, 40.0)),
        text(
            L::TitleBlock,
            p(105.0, 20.0),
            3.5,
            "SPW600e-SEC-001",
            Align::Centre,
            0.0,
        ),
        // A dimension in paper mm: drawn ×2 in model space, DIMLFAC 0.5 keeps its value.
        Entity {
            layer: L::Dimensions,
            shape: Shape::Dimension(Dimension::horizontal(
                p(10.0, 40.0),
                p(200.0, 40.0),
                32.0,
                2.5,
            )),
        },
    ];
    Drawing {
        layers: Drawing::standard_layers(),
        sheets: vec![sheet, detail],
    }
}

fn dxf_type(s: &Shape) -> &'static str {
    match s {
        Shape::Line { .. } => "LINE",
        Shape::Polyline { .. } => "LWPOLYLINE",
        Shape::Arc { .. } => "ARC",
        Shape::Circle { .. } => "CIRCLE",
        Shape::Hatch { .. } => "HATCH",
        Shape::Text { .. } => "TEXT",
        Shape::Dimension(_) => "DIMENSION",
    }
}

/// What ezdxf must find on sheet `index`, derived from the drawing and the conventions in the
/// crate docs; `lines` and `texts` are positions and heights worked out by hand.
fn expectations(d: &Drawing, index: usize, lines: Value, texts: Value) -> Value {
    let sheet = &d.sheets[index];
    let main_scale = sheet.views.iter().map(|v| v.scale.0).max().unwrap_or(1);
    let mut counts = serde_json::Map::new();
    let mut dims = Vec::new();
    let mut patterns = Vec::new();
    let mut aligns = Vec::new();
    let views = sheet.views.iter().map(|v| (Some(v), &v.entities));
    for (view, entities) in views.chain(std::iter::once((None, &sheet.paper))) {
        for e in entities {
            let key = format!("{}/{}", e.layer.as_str(), dxf_type(&e.shape));
            let n = counts.get(&key).and_then(Value::as_u64).unwrap_or(0);
            counts.insert(key, json!(n + 1));
            match &e.shape {
                Shape::Dimension(dim) => {
                    let default = spw_drawing::entity::format_mm(dim.measured);
                    dims.push(json!({
                        "measured": dim.measured,
                        // What the geometry measures in model space: paper dimensions are × S.
                        "geometric": dim.measured * if view.is_some() { 1.0 } else { f64::from(main_scale) },
                        "dimlfac": if view.is_some() { 1.0 } else { 1.0 / f64::from(main_scale) },
                        "dimtype": if dim.kind == DimensionKind::Aligned { 1 } else { 0 },
                        "override": if dim.text == default { Value::Null } else { json!(dim.text) },
                        "text": dim.text,
                        "dimscale": view.map_or(main_scale, |v| v.scale.0),
                    }));
                }
                Shape::Hatch { pattern, .. } => patterns.push(match pattern {
                    HatchPattern::Aluminium => "ANSI31",
                    HatchPattern::Polyamide => "ANSI37",
                    HatchPattern::Glass => "ANSI36",
                    HatchPattern::Gasket => "SOLID",
                }),
                Shape::Text { align, .. } => aligns.push(match align {
                    Align::Left => 0,
                    Align::Centre => 1,
                    Align::Right => 2,
                }),
                _ => {}
            }
        }
    }
    aligns.sort_unstable();
    aligns.dedup();
    let layers: serde_json::Map<String, Value> = d
        .layers
        .iter()
        .map(|l| {
            let lw = (l.lineweight_mm * 100.0).round();
            (
                l.name.as_str().to_owned(),
                json!({ "aci": l.aci, "linetype": l.linetype.dxf_name(), "lineweight": lw }),
            )
        })
        .collect();
    json!({
        "version": "AC1027",
        "main_scale": main_scale,
        "layers": layers,
        "counts": counts,
        "dimensions": dims,
        "hatch_patterns": patterns,
        "text_aligns": aligns,
        "lines": lines,
        "texts": texts,
    })
}

/// Expectations for the two sample sheets.
fn sample_expectations(d: &Drawing, index: usize) -> Value {
    if index == 0 {
        expectations(
            d,
            0,
            // Elevation at 1:10, placement (30, 40) × 10: model (0,0)-(1000,0) at true size.
            // Title block line at paper (250,10)-(250,50) × 10.
            json!([
                { "layer": "FRAME", "coords": [300.0, 400.0, 1300.0, 400.0] },
                { "layer": "TITLE_BLOCK", "coords": [2500.0, 100.0, 2500.0, 500.0] },
            ]),
            // Text heights: paper mm × the view's scale (× 10 for the title block).
            json!([
                { "value": "LEFT", "height": 35.0 },
                { "value": "SECTION A-A 1:2", "height": 7.0 },
                { "value": "SFG Aluminium", "height": 50.0 },
                { "value": "SPW600e single door 1010 × 2100 mm — elevation", "height": 35.0 },
                { "value": "RIGHT Ø50", "height": 25.0 },
            ]),
        )
    } else {
        expectations(
            d,
            1,
            json!([{ "layer": "TITLE_BLOCK", "coords": [20.0, 80.0, 400.0, 80.0] }]),
            json!([
                { "value": "SECTION A-A 1:2", "height": 7.0 },
                { "value": "SPW600e-SEC-001", "height": 7.0 },
            ]),
        )
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("SPW_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = workspace_root().join(".venv/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

fn temp_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spw-dxf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir.join(name)
}

fn check_with_ezdxf(name: &str, dxf: &str, expected: &Value) {
    let file = temp_file(&format!("{name}.dxf"));
    let exp_file = temp_file(&format!("{name}.json"));
    std::fs::write(&file, dxf).expect("write dxf");
    std::fs::write(&exp_file, expected.to_string()).expect("write expectations");

    let py = python();
    let probe = Command::new(&py).args(["-c", "import ezdxf"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "ezdxf cannot be imported by {} ({}); install it: python3 -m venv .venv && .venv/bin/pip install ezdxf \
             (or set SPW_PYTHON)",
            py.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!(
            "cannot run {} ({e}); set SPW_PYTHON to a Python with ezdxf",
            py.display()
        ),
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_dxf.py");
    let out = Command::new(&py)
        .arg(&script)
        .arg(&file)
        .arg(&exp_file)
        .output()
        .expect("run check_dxf.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "ezdxf check failed for {}:\n{stdout}\n{stderr}",
        file.display()
    );
    // SPW_DXF_OUT=<dir> keeps the file for looking at it in a CAD program.
    if let Some(dir) = std::env::var_os("SPW_DXF_OUT") {
        std::fs::write(Path::new(&dir).join(format!("{name}.dxf")), dxf).expect("write kept copy");
    }
    let _ = std::fs::remove_file(&file);
    let _ = std::fs::remove_file(&exp_file);
}

#[test]
fn sample_sheets_pass_ezdxf_audit_and_content_checks() {
    let drawing = sample();
    for index in 0..drawing.sheets.len() {
        let dxf = write_sheet(&drawing, index).expect("sheet writes");
        check_with_ezdxf(
            &format!("spw-dxf-sample-{index}"),
            &dxf,
            &sample_expectations(&drawing, index),
        );
    }
}

#[test]
fn same_drawing_gives_identical_bytes() {
    for index in 0..2 {
        let a = write_sheet(&sample(), index).expect("writes");
        let b = write_sheet(&sample(), index).expect("writes");
        assert_eq!(a, b);
    }
}

#[test]
fn nan_coordinate_is_an_error_not_a_file() {
    let mut d = sample();
    d.sheets[0].views[1].entities.push(Entity::line(
        LayerName::Frame,
        p(0.0, 0.0),
        p(f64::NAN, 1.0),
    ));
    assert!(matches!(
        write_sheet(&d, 0),
        Err(DxfError::NonFinite { .. })
    ));

    let mut d = sample();
    d.sheets[0].paper.push(Entity {
        layer: LayerName::TitleBlock,
        shape: Shape::Circle {
            centre: p(f64::INFINITY, 0.0),
            radius: 1.0,
        },
    });
    assert!(matches!(
        write_sheet(&d, 0),
        Err(DxfError::NonFinite { .. })
    ));
}

#[test]
fn missing_sheet_is_an_error() {
    assert_eq!(
        write_sheet(&sample(), 3),
        Err(DxfError::SheetOutOfRange { index: 3, count: 2 })
    );
}

#[test]
fn degenerate_geometry_is_an_error() {
    let mut d = sample();
    d.sheets[0].views[0].entities.push(Entity {
        layer: LayerName::Frame,
        shape: Shape::Polyline {
            points: vec![p(1.0, 1.0)],
            closed: false,
        },
    });
    assert!(matches!(
        write_sheet(&d, 0),
        Err(DxfError::Degenerate { .. })
    ));
}

#[test]
fn file_has_the_sections_in_order_and_a_correct_handseed() {
    let dxf = write_sheet(&sample(), 0).expect("writes");
    let lines: Vec<&str> = dxf.lines().collect();
    let sections: Vec<&str> = lines
        .windows(4)
        .filter(|w| w[1] == "SECTION" && w[2].trim() == "2")
        .map(|w| w[3])
        .collect();
    assert_eq!(
        sections,
        [
            "HEADER", "CLASSES", "TABLES", "BLOCKS", "ENTITIES", "OBJECTS"
        ]
    );
    assert_eq!(lines.last().copied(), Some("EOF"));
    // A UTF-8 file: text as it is.
    assert!(dxf.contains("\n  1\nRIGHT Ø50\n"));
    assert!(dxf.contains("\n  1\nAC1027\n"));
    // Every handle (codes 5 and 105) unique and below $HANDSEED.
    let pairs: Vec<(&str, &str)> = lines.chunks_exact(2).map(|c| (c[0].trim(), c[1])).collect();
    let mut handles = Vec::new();
    let mut seed = None;
    for (i, (code, value)) in pairs.iter().enumerate() {
        if *value == "$HANDSEED" {
            seed = pairs
                .get(i + 1)
                .map(|(_, v)| u32::from_str_radix(v, 16).expect("hex seed"));
        } else if (*code == "5" || *code == "105")
            && pairs
                .get(i.wrapping_sub(1))
                .is_none_or(|(_, v)| *v != "$HANDSEED")
        {
            handles.push(u32::from_str_radix(value, 16).expect("hex handle"));
        }
    }
    let seed = seed.expect("$HANDSEED present");
    let n = handles.len();
    handles.sort_unstable();
    handles.dedup();
    assert_eq!(handles.len(), n, "duplicate handles");
    assert!(handles.iter().all(|h| *h < seed && *h > 0));
    assert_eq!(handles.last().copied(), Some(seed - 1));
}
