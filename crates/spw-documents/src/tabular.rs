//! The bill of materials as a spreadsheet: CSV for any tool, XLSX for the purchasing office.
//! Quantities are in their reading unit (m, m², pcs) to three decimals, money in pounds.

use crate::DocError;
use rust_xlsxwriter::{Format, Workbook};
use spw_bom::{Bom, BomItem, Category, Unit};

/// Name of the XLSX worksheet holding the BOM.
pub const BOM_SHEET: &str = "Bill of materials";

const HEADER: [&str; 11] = [
    "Code",
    "Description",
    "Category",
    "Unit",
    "Quantity",
    "Waste %",
    "Quantity with waste",
    "Weight kg",
    "Unit price GBP",
    "Cost GBP",
    "Cuts",
];

fn category(c: Category) -> &'static str {
    match c {
        Category::Profile => "profile",
        Category::Glazing => "glazing",
        Category::Hardware => "hardware",
        Category::Sealing => "sealing",
        Category::Fixing => "fixing",
        Category::Finish => "finish",
    }
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Metre => "m",
        Unit::SquareMetre => "m²",
        Unit::Piece => "pcs",
    }
}

/// Pence as pounds with two decimals, without a currency sign or grouping: `1234.56`.
fn pounds(p: spw_model::Pence) -> String {
    let sign = if p.0 < 0 { "-" } else { "" };
    let abs = p.0.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn cuts(i: &BomItem) -> String {
    let mut parts: Vec<String> = i
        .cuts
        .iter()
        .map(|c| {
            format!(
                "{} x {} mm {} ({})",
                c.count, c.length_mm, c.label, c.end_cuts
            )
        })
        .collect();
    parts.extend(i.panes.iter().map(|p| {
        format!(
            "{} x {} x {} mm {}",
            p.count, p.width_mm, p.height_mm, p.label
        )
    }));
    parts.join("; ")
}

fn row(i: &BomItem) -> [String; 11] {
    [
        i.code.clone(),
        i.description.clone(),
        category(i.category).to_owned(),
        unit(i.quantity.unit()).to_owned(),
        format!("{:.3}", i.quantity.in_unit()),
        format!("{:.2}", i.waste.as_f64()),
        format!("{:.3}", i.quantity_with_waste()),
        format!("{:.2}", i.weight_kg),
        pounds(i.unit_price),
        pounds(i.cost),
        cuts(i),
    ]
}

/// The BOM as CSV (RFC 4180, comma separated, a header row, one row per BOM line).
pub fn bom_csv(bom: &Bom) -> String {
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(HEADER);
        for i in &bom.items {
            let _ = w.write_record(row(i));
        }
        let _ = w.flush();
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> DocError {
    DocError::Spreadsheet(e.to_string())
}

/// The BOM as an XLSX workbook with one sheet, [`BOM_SHEET`]: numbers as numbers, a bold frozen
/// header row and a totals row.
pub fn bom_xlsx(bom: &Bom) -> Result<Vec<u8>, DocError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let qty = Format::new().set_num_format("0.000");
    let two = Format::new().set_num_format("0.00");
    let money = Format::new().set_num_format("£#,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name(BOM_SHEET).map_err(xlsx_error)?;
    for (c, h) in HEADER.iter().enumerate() {
        let col = u16::try_from(c).map_err(|e| DocError::Spreadsheet(e.to_string()))?;
        ws.write_string_with_format(0, col, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (width, col) in [(20.0, 0u16), (44.0, 1), (10.0, 2), (6.0, 3), (60.0, 10)] {
        ws.set_column_width(col, width).map_err(xlsx_error)?;
    }
    for c in 4u16..10 {
        ws.set_column_width(c, 14.0).map_err(xlsx_error)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let mut r: u32 = 1;
    for i in &bom.items {
        ws.write_string(r, 0, &i.code).map_err(xlsx_error)?;
        ws.write_string(r, 1, &i.description).map_err(xlsx_error)?;
        ws.write_string(r, 2, category(i.category))
            .map_err(xlsx_error)?;
        ws.write_string(r, 3, unit(i.quantity.unit()))
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 4, i.quantity.in_unit(), &qty)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 5, i.waste.as_f64(), &two)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 6, i.quantity_with_waste(), &qty)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 7, i.weight_kg, &two)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 8, i.unit_price.as_pounds_f64(), &money)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 9, i.cost.as_pounds_f64(), &money)
            .map_err(xlsx_error)?;
        ws.write_string(r, 10, cuts(i)).map_err(xlsx_error)?;
        r += 1;
    }
    ws.write_string_with_format(r, 1, "Total", &bold)
        .map_err(xlsx_error)?;
    ws.write_number_with_format(r, 7, bom.total_weight_kg, &two)
        .map_err(xlsx_error)?;
    ws.write_number_with_format(r, 9, bom.material_cost.as_pounds_f64(), &money)
        .map_err(xlsx_error)?;
    wb.save_to_buffer().map_err(xlsx_error)
}
