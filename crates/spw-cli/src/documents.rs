//! `spw datasheet`, `spw package` and the BOM spreadsheets: customer documents written once,
//! atomically, after they were made in full.

use crate::{Outcome, files, print_json, read_input, refused};
use anyhow::Result;
use serde::Serialize;
use spw_model::catalogue::Catalogue;
use std::path::Path;
use time::Date;

#[derive(Serialize)]
struct Written<'a> {
    path: String,
    bytes: usize,
    sha256: String,
    pages: usize,
    sections: &'a [spw_documents::Section],
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Print a document that could not be made, with its code (input at fault: exit code 1).
pub(crate) fn doc_failed(e: &spw_documents::DocError, json: bool) -> Result<Outcome> {
    if json {
        print_json(&serde_json::json!({"error": {"code": e.code(), "message": e.to_string()}}))?;
    } else {
        outln!("{e}");
    }
    Ok(Outcome::Invalid)
}

fn written(out: &Path, doc: &spw_documents::Document, json: bool) -> Result<Outcome> {
    if let Err(e) = files::write_atomic(out, &doc.pdf) {
        return crate::write_failed(&e, json);
    }
    let w = Written {
        path: out.display().to_string(),
        bytes: doc.pdf.len(),
        sha256: sha256(&doc.pdf),
        pages: doc.pages,
        sections: &doc.sections,
    };
    if json {
        print_json(&w)?;
    } else {
        outln!("{} ({} pages, {} bytes)", w.path, w.pages, w.bytes);
        for s in doc.top_sections() {
            outln!("  p.{:<3} {}", s.page, s.title);
        }
    }
    Ok(Outcome::Done)
}

/// Who and what a document is for, from the command line.
pub struct DocArgs {
    /// Document number.
    pub number: Option<String>,
    /// Revision letter.
    pub revision: String,
    /// Date.
    pub date: Date,
    /// Prepared by.
    pub prepared_by: String,
    /// Project.
    pub project: Option<String>,
    /// Customer.
    pub customer: Option<String>,
    /// Folder of edited document templates (any of `spw_documents::TEMPLATE_FILES`).
    pub templates: Option<std::path::PathBuf>,
}

/// The built-in templates, with any file found in `dir` used instead.
pub fn templates(dir: Option<&Path>) -> Result<spw_documents::Templates> {
    let mut t = spw_documents::Templates::builtin();
    if let Some(dir) = dir {
        if !dir.is_dir() {
            anyhow::bail!("--templates {} is not a folder", dir.display());
        }
        for (name, _) in spw_documents::TEMPLATE_FILES {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
                t.replace(name, text).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
    }
    Ok(t)
}

/// `spw datasheet FILE --out PATH`.
pub fn datasheet(
    cat: &Catalogue,
    file: &Path,
    out: &Path,
    args: DocArgs,
    json: bool,
) -> Result<Outcome> {
    let text = match read_input(file, json)? {
        Ok(t) => t,
        Err(o) => return Ok(o),
    };
    let e = spw_validation::evaluate_text(&text, cat);
    let Some((cfg, g, t)) = e.valid_parts() else {
        let (report, unreadable) = spw_app::validate(&text, cat);
        return refused(&spw_app::Refusal { unreadable, report }, json);
    };
    let bom = spw_bom::build(cfg, g, cat);
    let tpl = templates(args.templates.as_deref())?;
    let meta = spw_documents::DocMeta {
        document_number: args.number.unwrap_or_else(|| {
            format!(
                "{}-DS-{}",
                cat.system.product_code,
                args.date.to_string().replace('-', "")
            )
        }),
        revision: args.revision,
        date: args.date,
        prepared_by: args.prepared_by,
        project: args.project,
        customer: args.customer,
    };
    match spw_documents::datasheet_with(cfg, g, t, &bom, cat, &meta, &tpl) {
        Ok(doc) => written(out, &doc, json),
        Err(e) => doc_failed(&e, json),
    }
}

/// `spw package QUOTE.json --out PATH`.
pub fn package(
    cat: &Catalogue,
    file: &Path,
    out: &Path,
    args: DocArgs,
    json: bool,
) -> Result<Outcome> {
    let text = match read_input(file, json)? {
        Ok(t) => t,
        Err(o) => return Ok(o),
    };
    let tpl = templates(args.templates.as_deref())?;
    let quote = match spw_app::quote(&text, args.date, cat) {
        Ok(q) => q,
        Err(r) => return refused(&r, json),
    };
    let meta = spw_documents::DocMeta {
        document_number: args
            .number
            .or_else(|| quote.quote_number.clone())
            .unwrap_or_else(|| "DRAFT".into()),
        revision: args.revision,
        date: args.date,
        prepared_by: args.prepared_by,
        project: args.project.or_else(|| quote.project_name.clone()),
        customer: args.customer.or_else(|| Some(quote.customer_name.clone())),
    };
    let drawings = match spw_documents::quote_drawings(&quote, cat, &meta) {
        Ok(d) => d,
        Err(e) => return doc_failed(&e, json),
    };
    match spw_documents::quote_package_with(&quote, &drawings, cat, &meta, &tpl) {
        Ok(doc) => written(out, &doc, json),
        Err(e) => doc_failed(&e, json),
    }
}

/// `spw bom FILE --csv PATH --xlsx PATH`: the BOM as spreadsheets.
pub fn bom_sheets(
    cat: &Catalogue,
    text: &str,
    csv: Option<&Path>,
    xlsx: Option<&Path>,
) -> Result<Option<String>> {
    let e = spw_validation::evaluate_text(text, cat);
    let Some((cfg, g, _)) = e.valid_parts() else {
        return Ok(None);
    };
    let bom = spw_bom::build(cfg, g, cat);
    let csv_bytes = csv.map(|_| spw_documents::bom_csv(&bom));
    let xlsx_bytes = match xlsx {
        Some(_) => Some(spw_documents::bom_xlsx(&bom).map_err(|e| anyhow::anyhow!("{e}"))?),
        None => None,
    };
    // Both spreadsheets, or neither.
    let mut batch: Vec<(&Path, &[u8])> = Vec::new();
    if let (Some(p), Some(b)) = (csv, &csv_bytes) {
        batch.push((p, b.as_bytes()));
    }
    if let (Some(p), Some(b)) = (xlsx, &xlsx_bytes) {
        batch.push((p, b));
    }
    files::write_all(&batch)?;
    let said: Vec<String> = batch.iter().map(|(p, _)| p.display().to_string()).collect();
    Ok(Some(said.join(", ")))
}
