//! The datasheet and the quote package as real PDFs, checked with the poppler and qpdf tools
//! (`qpdf --check`, `pdfinfo`, `pdffonts`, `pdftotext`), and their text per page compared with
//! the references in `tests/ref/` so a template change shows as a diff.
//!
//! `SPW_UPDATE_REFS=1 cargo test -p spw-documents` rewrites the references.

use spw_documents::{DocError, DocMeta, Document, Templates};
use spw_model::Catalogue;
use std::path::{Path, PathBuf};
use std::process::Command;
use time::macros::date;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("examples").join(name)).expect("example file")
}

fn catalogue() -> Catalogue {
    Catalogue::builtin().expect("built-in catalogue")
}

fn meta(number: &str) -> DocMeta {
    DocMeta {
        document_number: number.into(),
        revision: "A".into(),
        date: date!(2026 - 12 - 01),
        prepared_by: "J. Smith, SFG Aluminium".into(),
        project: Some("Harbour View Apartments, Block B".into()),
        customer: Some("Harbour View Developments Ltd".into()),
    }
}

fn datasheet_doc(name: &str, number: &str) -> (Document, spw_thermal::Thermal) {
    let cat = catalogue();
    let e = spw_validation::evaluate_text(&example(name), &cat);
    let (cfg, g, t) = e.valid_parts().expect("valid example door");
    let bom = spw_bom::build(cfg, g, &cat);
    let doc = spw_documents::datasheet(cfg, g, t, &bom, &cat, &meta(number)).expect("datasheet");
    (doc, t.clone())
}

fn quote_report(number: Option<&str>) -> spw_app::QuoteReport {
    let mut v: serde_json::Value = serde_json::from_str(&example("quote.json")).expect("json");
    if let Some(n) = number {
        v["quote_number"] = n.into();
    }
    spw_app::quote(&v.to_string(), date!(2026 - 12 - 01), &catalogue()).expect("priced quote")
}

fn package(q: &spw_app::QuoteReport) -> Document {
    let cat = catalogue();
    let m = meta(q.quote_number.as_deref().unwrap_or("DRAFT"));
    let drawings = spw_documents::quote_drawings(q, &cat, &m).expect("drawings");
    spw_documents::quote_package(q, &drawings, &cat, &m).expect("package")
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("`{name}` is needed by this test (apt-get install qpdf poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "`{name} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spw-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Collapse runs of whitespace so a heading broken across lines still matches.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The checks every document passes; returns the whole text.
fn check_pdf(doc: &Document, file: &str) -> String {
    assert!(doc.pdf.starts_with(b"%PDF-"), "not a PDF");
    let path = write_temp(file, &doc.pdf);
    let p = path.to_str().expect("utf-8 path");
    tool("qpdf", &["--check", p]);

    let info = tool("pdfinfo", &[p]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo page count");
    assert_eq!(pages, doc.pages, "pdfinfo pages vs Document.pages");
    assert!(
        info.contains("A4") || info.contains("595.276 x 841.89"),
        "A4: {info}"
    );
    assert!(info.contains("SPW600e Designer"), "creator: {info}");

    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: `emb` is the fifth field from the end.
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }

    let text = squash(&tool("pdftotext", &["-layout", p, "-"]));
    for s in &doc.sections {
        assert!(
            text.contains(&squash(&s.title)),
            "section heading `{}` not in the text",
            s.title
        );
        assert!(
            s.page >= 1 && s.page <= doc.pages,
            "section page {}",
            s.page
        );
    }
    text
}

/// Per-page text of the document compared with `tests/ref/<name>.txt`.
fn check_reference(doc: &Document, file: &str, name: &str) {
    let path = write_temp(file, &doc.pdf);
    let p = path.to_str().expect("utf-8 path");
    let mut dump = String::new();
    for page in 1..=doc.pages {
        let n = page.to_string();
        let text = tool("pdftotext", &["-layout", "-f", &n, "-l", &n, p, "-"]);
        dump.push_str(&format!("===== page {page} of {} =====\n", doc.pages));
        for line in text.lines() {
            dump.push_str(line.trim_end());
            dump.push('\n');
        }
    }
    dump.push_str("===== sections =====\n");
    for s in &doc.sections {
        dump.push_str(&format!(
            "{} {} p{}\n",
            "#".repeat(s.level),
            s.title,
            s.page
        ));
    }
    let ref_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ref")
        .join(format!("{name}.txt"));
    if std::env::var_os("SPW_UPDATE_REFS").is_some() {
        std::fs::write(&ref_path, &dump).expect("write reference");
        return;
    }
    let expected = std::fs::read_to_string(&ref_path).unwrap_or_else(|_| {
        panic!(
            "no reference {}; run with SPW_UPDATE_REFS=1",
            ref_path.display()
        )
    });
    if expected != dump {
        let diff: Vec<String> = expected
            .lines()
            .zip(dump.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(10)
            .map(|(i, (a, b))| format!("line {}:\n  - {a}\n  + {b}", i + 1))
            .collect();
        panic!(
            "{name}: text differs from {} ({} vs {} lines); first differences:\n{}\nrun with SPW_UPDATE_REFS=1 to accept",
            ref_path.display(),
            expected.lines().count(),
            dump.lines().count(),
            diff.join("\n")
        );
    }
}

const DATASHEET_SECTIONS: [&str; 10] = [
    "Product overview",
    "Technical specification",
    "Thermal performance",
    "Structural performance",
    "Security and safety",
    "Weather performance",
    "Materials and finishes",
    "Hardware",
    "Installation requirements",
    "Compliance and certification",
];

#[test]
fn datasheet_is_a_valid_pdf_with_the_ten_sections() {
    let (doc, t) = datasheet_doc("seed-door-configuration.json", "SPW-DS-0001");
    let text = check_pdf(&doc, "datasheet.pdf");
    assert_eq!(doc.warnings, Vec::<String>::new());
    let top: Vec<&str> = doc.top_sections().map(|s| s.title.as_str()).collect();
    assert_eq!(top, DATASHEET_SECTIONS);
    assert!(text.contains(&format!("{:.2}", t.rounded_u_value())));
    for part in &t.frame_parts {
        assert!(
            text.contains(&format!("{:.4}", part.area_m2)),
            "{}",
            part.name
        );
    }
    assert!(text.contains("Anthracite grey"), "RAL name");
    assert!(
        text.contains("nominal, to be confirmed by test")
            || text.contains("Nominal catalogue values, to be confirmed by test")
    );
    assert!(text.contains("EN AW-6063 T6"));
    assert!(text.contains("Page 1 of"));
    assert!(text.contains("SPW-DS-0001"));
    let info = tool(
        "pdfinfo",
        &[write_temp("datasheet.pdf", &doc.pdf)
            .to_str()
            .expect("path")],
    );
    assert!(info.contains("J. Smith"), "author: {info}");
    check_reference(&doc, "datasheet.pdf", "datasheet-seed-double");
}

#[test]
fn single_door_datasheet() {
    let (doc, t) = datasheet_doc("single-door.json", "SPW-DS-0002");
    let text = check_pdf(&doc, "datasheet-single.pdf");
    assert!(text.contains(&format!("{:.2}", t.rounded_u_value())));
    check_reference(&doc, "datasheet-single.pdf", "datasheet-single");
}

#[test]
fn quote_package_has_the_nine_contents_and_the_figures() {
    let q = quote_report(Some("Q-2026-0142"));
    let doc = package(&q);
    let text = check_pdf(&doc, "package.pdf");
    assert_eq!(doc.warnings, Vec::<String>::new());
    for heading in [
        "Priced summary",
        "Specification, line 1",
        "Specification, line 2",
        "Drawings",
        "Bill of materials",
        "Finish specification",
        "Compliance certificates",
        "Installation notes",
        "Lead time estimate",
        "Terms and conditions",
    ] {
        assert!(
            doc.top_sections().any(|s| s.title == heading),
            "no section {heading}: {:?}",
            doc.sections
        );
    }
    assert!(text.contains("Q-2026-0142"));
    assert!(!text.contains("DRAFT"));
    assert!(text.contains(&q.total.to_string()), "total {}", q.total);
    for l in &q.lines {
        assert!(text.contains(&format!("{:.2}", l.overall_u_value)));
        assert!(text.contains(&l.total.to_string()));
    }
    // Every drawing sheet has its page, and its number is in the text and the keywords.
    let info = tool(
        "pdfinfo",
        &[write_temp("package.pdf", &doc.pdf).to_str().expect("path")],
    );
    for number in ["SPW600e-ELV-001", "SPW600e-PLN-002", "SPW600e-SEC-002"] {
        assert!(text.contains(number), "{number} in the text");
    }
    assert!(info.contains("Q-2026-0142"), "keywords/title: {info}");
    let drawing_sections = doc
        .sections
        .iter()
        .filter(|s| s.level == 2 && s.title.starts_with("SPW600e-"))
        .count();
    assert_eq!(drawing_sections, 6);
    check_reference(&doc, "package.pdf", "quote-package");
}

#[test]
fn quote_without_a_number_is_a_draft() {
    let q = quote_report(None);
    let doc = package(&q);
    let text = check_pdf(&doc, "package-draft.pdf");
    assert!(text.contains("DRAFT"));
}

#[test]
fn a_broken_template_is_err_doc_001_with_its_line() {
    let cat = catalogue();
    let e = spw_validation::evaluate_text(&example("single-door.json"), &cat);
    let (cfg, g, t) = e.valid_parts().expect("valid");
    let bom = spw_bom::build(cfg, g, &cat);
    let mut templates = Templates::builtin();
    let text = templates.get("datasheet.typ").expect("builtin").to_owned();
    templates
        .replace(
            "datasheet.typ",
            format!("{text}\n#let x = (\n#undefined-thing\n"),
        )
        .expect("known file");
    let err = spw_documents::datasheet_with(cfg, g, t, &bom, &cat, &meta("X"), &templates)
        .expect_err("broken template");
    assert_eq!(err.code(), "ERR_DOC_001");
    match &err {
        DocError::Template { file, line, .. } => {
            assert_eq!(file, "datasheet.typ");
            assert!(line.is_some_and(|l| l > text.lines().count()), "{err}");
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().starts_with("ERR_DOC_001"));
    assert!(templates.replace("nope.typ", "").is_err());
}

#[test]
fn an_edited_house_style_changes_the_document() {
    let cat = catalogue();
    let e = spw_validation::evaluate_text(&example("single-door.json"), &cat);
    let (cfg, g, t) = e.valid_parts().expect("valid");
    let bom = spw_bom::build(cfg, g, &cat);
    let mut templates = Templates::builtin();
    let style = templates.get("house-style.typ").expect("builtin").replace(
        "name: \"SFG Aluminium Ltd\"",
        "name: \"SFG Aluminium Northern Branch\"",
    );
    templates.replace("house-style.typ", style).expect("known");
    let doc = spw_documents::datasheet_with(cfg, g, t, &bom, &cat, &meta("X"), &templates)
        .expect("datasheet");
    let text = check_pdf(&doc, "edited.pdf");
    assert!(text.contains("SFG Aluminium Northern Branch"));
}

#[test]
fn control_characters_and_bidi_overrides_are_typeset_as_visible_escapes() {
    let mut q = quote_report(Some("Q-2026-0042"));
    q.customer_name = "Harbour\u{202E}dtL weiV\u{1b}[2J".into();
    q.project_reference = Some("PRJ\u{2066}-1\u{2069}".into());
    let mut m = meta("Q-2026-0042");
    m.customer = None;
    m.prepared_by = "J. Smith\u{7}\u{202D}".into();
    let cat = catalogue();
    let drawings = spw_documents::quote_drawings(&q, &cat, &m).expect("drawings");
    let doc = spw_documents::quote_package(&q, &drawings, &cat, &m).expect("package");
    let text = check_pdf(&doc, "package-escapes.pdf");
    assert!(
        text.contains("Harbour\\u{202E}dtL weiV\\u{1B}[2J"),
        "customer not escaped: {}",
        &text[..text.len().min(3000)]
    );
    assert!(
        text.contains("PRJ\\u{2066}-1\\u{2069}"),
        "reference not escaped"
    );
    for c in [
        '\u{202E}', '\u{2066}', '\u{2069}', '\u{202D}', '\u{1b}', '\u{7}',
    ] {
        assert!(!text.contains(c), "{c:?} typeset raw");
    }
    let path = write_temp("package-escapes-info.pdf", &doc.pdf);
    let info = tool("pdfinfo", &[path.to_str().expect("utf-8 path")]);
    assert!(info.contains("J. Smith\\u{7}\\u{202D}"), "author: {info}");
}
