//! A real drawing set, built by `spw-drawing` from the example single door, written as PDF and
//! checked with qpdf and poppler: every sheet becomes a page and its drawing number is text.

use spw_drawing::{
    DrawingOptions, IsoFormat, Orientation, ProjectInfo, SheetSize, TitleBlockTemplate, ViewKind,
};
use spw_model::catalogue::Catalogue;
use std::path::PathBuf;
use std::process::Command;

fn tool(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not be run ({e}); install qpdf and poppler-utils: `apt-get install -y qpdf poppler-utils`")
    });
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "`{tool} {}` failed:\n{text}",
        args.join(" ")
    );
    text
}

#[test]
fn the_example_door_set_writes_and_checks() {
    let cat = Catalogue::builtin().expect("built-in catalogue");
    let text = include_str!("../../../examples/single-door.json");
    let evaluation = spw_validation::evaluate_text(text, &cat);
    let (cfg, g, _) = evaluation.valid_parts().expect("the example door is valid");
    let views = vec![
        ViewKind::Elevation,
        ViewKind::Plan,
        ViewKind::Section,
        ViewKind::Detail,
        ViewKind::Isometric,
    ];
    let opts = DrawingOptions {
        views,
        sheet: SheetSize {
            format: IsoFormat::A3,
            orientation: Orientation::Landscape,
        },
        scale: None,
        info: ProjectInfo {
            project: "PDF test".into(),
            customer: "Customer".into(),
            date: "2026-12-01".into(),
            drawn_by: "PDF".into(),
            checked_by: "QA".into(),
        },
        revision: 0,
        history: Vec::new(),
        revision_note: String::new(),
        sequence: 1,
        template: TitleBlockTemplate::parse(spw_drawing::title_block::BUILTIN)
            .expect("built-in template"),
    };
    let drawing = spw_drawing::drawing_set(cfg, g, &cat, &opts).expect("the example door draws");
    let meta = spw_pdf::DocumentMeta::for_drawing(
        &drawing,
        "Single door",
        "SFG Aluminium",
        "spw-pdf test",
    );
    let bytes = spw_pdf::write(&drawing, &meta).expect("the drawing set writes");
    assert_eq!(
        bytes,
        spw_pdf::write(&drawing, &meta).expect("writes again"),
        "deterministic"
    );
    eprintln!(
        "{}-sheet door set: {} bytes",
        drawing.sheets.len(),
        bytes.len()
    );

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("spw-pdf-door-set.pdf");
    std::fs::write(&path, &bytes).expect("write to the target tmp dir");
    let file = path.to_str().expect("utf-8 temp path");
    tool("qpdf", &["--check", file]);
    let info = tool("pdfinfo", &[file]);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(
        pages,
        Some(drawing.sheets.len().to_string().as_str()),
        "{info}"
    );
    let text = tool("pdftotext", &["-layout", file, "-"]);
    for sheet in &drawing.sheets {
        assert!(
            text.contains(&sheet.title.drawing_number),
            "{} missing:\n{text}",
            sheet.title.drawing_number
        );
    }
    assert!(
        text.contains(&cfg.frame_width_mm.to_string()),
        "the frame width dimension is text"
    );
}
