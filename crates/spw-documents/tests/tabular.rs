//! The BOM as CSV parses back to the same rows; as XLSX it is a zip with the expected sheet
//! (checked further with Python's openpyxl when it is installed).

use spw_model::Catalogue;
use std::path::Path;
use std::process::Command;

fn bom() -> spw_bom::Bom {
    let cat = Catalogue::builtin().expect("catalogue");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed-door-configuration.json"),
    )
    .expect("example");
    let e = spw_validation::evaluate_text(&text, &cat);
    let (cfg, g, _) = e.valid_parts().expect("valid");
    spw_bom::build(cfg, g, &cat)
}

#[test]
fn csv_parses_back_to_the_bom_rows() {
    let bom = bom();
    let csv_text = spw_documents::bom_csv(&bom);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "Code");
    assert_eq!(header.len(), 11);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), bom.items.len());
    for (row, item) in rows.iter().zip(&bom.items) {
        assert_eq!(&row[0], item.code);
        assert_eq!(&row[1], item.description);
        assert_eq!(&row[4], format!("{:.3}", item.quantity.in_unit()));
        assert_eq!(
            &row[9],
            format!("{}.{:02}", item.cost.0 / 100, item.cost.0 % 100)
        );
    }
    // Profile cuts are listed with their lengths.
    let first_profile = bom
        .items
        .iter()
        .position(|i| !i.cuts.is_empty())
        .expect("a profile");
    let cut = &bom.items[first_profile].cuts[0];
    assert!(rows[first_profile][10].contains(&format!("{} mm", cut.length_mm)));
}

#[test]
fn xlsx_is_a_workbook_with_the_bom_sheet() {
    let bom = bom();
    let bytes = spw_documents::bom_xlsx(&bom).expect("xlsx");
    assert!(bytes.starts_with(b"PK\x03\x04"), "zip magic");
    // The sheet name is stored uncompressed-searchable in workbook.xml only after inflating, so
    // look for the part names in the zip directory instead.
    let as_text = String::from_utf8_lossy(&bytes);
    assert!(as_text.contains("xl/workbook.xml"));
    assert!(as_text.contains("xl/worksheets/sheet1.xml"));

    let dir = std::env::temp_dir().join(format!("spw-documents-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("bom.xlsx");
    std::fs::write(&path, &bytes).expect("write");
    let script = format!(
        "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nws=wb[{:?}]\nprint(ws.max_row, ws['A1'].value, ws['A2'].value)",
        spw_documents::BOM_SHEET
    );
    // The first Python that has openpyxl checks the workbook (a pyenv shim may lack it where the
    // system Python has it).
    let mut checked = false;
    for python in ["python3", "/usr/bin/python3"] {
        let Ok(out) = Command::new(python)
            .args(["-c", &script, path.to_str().expect("path")])
            .output()
        else {
            continue;
        };
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("No module named"),
                "openpyxl rejected the file: {err}"
            );
            continue;
        }
        let s = String::from_utf8_lossy(&out.stdout);
        let mut it = s.split_whitespace();
        let max_row: usize = it.next().and_then(|v| v.parse().ok()).expect("rows");
        assert_eq!(max_row, bom.items.len() + 2, "header + items + total");
        assert_eq!(it.next(), Some("Code"));
        assert_eq!(it.next(), Some(bom.items[0].code.as_str()));
        checked = true;
        break;
    }
    if !checked {
        eprintln!("openpyxl not available; checked the zip structure only");
    }
}
