//! Compiling a template with its data into a PDF, and reading back the pages and sections.

use crate::templates::Templates;
use crate::world::{DocWorld, file_id, font_available};
use crate::{DocError, DocMeta};
use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, NativeElement, Smart, StyleChain};
use typst::introspection::Introspector;
use typst::model::HeadingElem;
use typst::syntax::FileId;
use typst_layout::PagedDocument;

/// Where the generated data lives in the templates' world (`json("/data.json")`).
pub(crate) const DATA_FILE: &str = "/data.json";

/// A heading of a typeset document and the page it starts on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// Heading text.
    pub title: String,
    /// Heading level, 1 for the top.
    pub level: usize,
    /// 1-based page number.
    pub page: usize,
}

/// A typeset document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Every heading in order, with its page (the PDF's bookmarks).
    pub sections: Vec<Section>,
    /// Warnings typst raised while typesetting (the document was still made), for whoever
    /// edits the templates.
    pub warnings: Vec<String>,
}

impl Document {
    /// The top-level sections only.
    pub fn top_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.level == 1)
    }
}

fn template_error(world: &DocWorld, diags: &[SourceDiagnostic]) -> DocError {
    let Some(first) = diags.first() else {
        return DocError::Template {
            file: String::new(),
            line: None,
            message: "compilation failed without a diagnostic".into(),
        };
    };
    let id: Option<FileId> = first.span.id();
    let file = id
        .map(|id| id.vpath().get_without_slash().to_owned())
        .unwrap_or_default();
    let line = id.and_then(|id| {
        let range = world.range(first.span)?;
        let source = world.template(id)?;
        source.lines().byte_to_line(range.start).map(|l| l + 1)
    });
    let mut message = first.message.to_string();
    for hint in &first.hints {
        message.push_str("; hint: ");
        message.push_str(&hint.v);
    }
    if diags.len() > 1 {
        message.push_str(&format!(" (and {} more errors)", diags.len() - 1));
    }
    DocError::Template {
        file,
        line,
        message,
    }
}

/// Every string of the templates' data made [display-safe](spw_model::display_safe): a
/// customer name's control characters or bidirectional overrides reach the PDF (text and
/// metadata) as visible escapes, never as characters that reorder or hide what is printed.
pub(crate) fn display_safe_strings(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            if let std::borrow::Cow::Owned(safe) = spw_model::display_safe(s) {
                *s = safe;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(display_safe_strings),
        serde_json::Value::Object(members) => {
            members.values_mut().for_each(display_safe_strings);
        }
        _ => {}
    }
}

/// Compile `main` of `templates` with `data` as `/data.json` and `files` beside it.
pub(crate) fn render(
    templates: &Templates,
    main: &str,
    mut data: serde_json::Value,
    files: Vec<(String, Vec<u8>)>,
    meta: &DocMeta,
) -> Result<Document, DocError> {
    if !font_available() {
        return Err(DocError::Export(
            "the bundled font could not be read".into(),
        ));
    }
    let id = |path: &str| {
        file_id(path).ok_or_else(|| DocError::Input(format!("`{path}` is not a valid file path")))
    };
    let main_id = id(&format!("/{main}"))?;
    let mut sources = Vec::new();
    let mut binary = Vec::new();
    for (name, text) in templates.files() {
        let fid = id(&format!("/{name}"))?;
        if name.ends_with(".typ") {
            sources.push((fid, text.to_owned()));
        } else {
            binary.push((fid, text.as_bytes().to_vec()));
        }
    }
    display_safe_strings(&mut data);
    let json = serde_json::to_vec_pretty(&data)
        .map_err(|e| DocError::Input(format!("document data: {e}")))?;
    binary.push((id(DATA_FILE)?, json));
    for (path, bytes) in files {
        binary.push((id(&path)?, bytes));
    }
    let world = DocWorld::new(main_id, sources, binary, meta.date);
    if world.source(main_id).is_err() {
        return Err(DocError::Input(format!("no template `{main}`")));
    }

    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings = compiled
        .warnings
        .iter()
        .map(|w| w.message.to_string())
        .collect();
    let document = compiled
        .output
        .map_err(|diags| template_error(&world, &diags))?;

    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("{}-{}", meta.document_number, meta.revision)),
        creator: Smart::Custom(Some("SPW600e Designer".into())),
        timestamp: Datetime::from_ymd(
            meta.date.year(),
            u8::from(meta.date.month()),
            meta.date.day(),
        )
        .map(typst_pdf::Timestamp::new_utc),
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|diags| {
        DocError::Export(
            diags
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;

    let introspector = document.introspector();
    let sections = introspector
        .query(&HeadingElem::ELEM.select())
        .iter()
        .filter_map(|content| {
            let heading = content.to_packed::<HeadingElem>()?;
            let page = introspector.page(content.location()?)?;
            Some(Section {
                title: heading.body.plain_text().to_string(),
                level: heading.resolve_level(StyleChain::default()).get(),
                page: page.get(),
            })
        })
        .collect();
    Ok(Document {
        pdf,
        pages: document.pages().len(),
        sections,
        warnings,
    })
}
