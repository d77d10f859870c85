//! `spw`: the SPW600e Designer command line. A thin front end over `spw-app`: it reads files,
//! takes today's date once, calls one operation, and prints a human table or `--json`.
//!
//! Exit codes: 0 done (warnings allowed), 1 the input is invalid (coded issues printed),
//! 2 the input could not be read or parsed.

#![allow(clippy::print_stdout)] // printing is this binary's job

#[macro_use]
mod output;
mod documents;
mod files;
mod render;
mod store;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use serde::Serialize;
use spw_app::{Refusal, ValidationReport};
use spw_model::catalogue::{Catalogue, CatalogueSources, FILE_NAMES, Source};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use time::Date;
use time::macros::format_description;

#[derive(Parser)]
#[command(
    name = "spw",
    version,
    about = "SPW600e Designer: configure, check, cost and cut SPW600e aluminium doors"
)]
struct Cli {
    /// Catalogue folder to use instead of the built-in one (system.toml, profiles.toml, …).
    #[arg(long, global = true, env = "SPW_CATALOGUE", value_name = "DIR")]
    catalogue: Option<PathBuf>,
    /// Title block template to use instead of the built-in `templates/title_block.toml`.
    #[arg(long, global = true, env = "SPW_TITLE_BLOCK", value_name = "FILE")]
    title_block: Option<PathBuf>,
    /// Workstation database (default: the per-user application data folder).
    #[arg(long, global = true, env = "SPW_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Who is working, for quotes, drawings and the audit log (default: the login name).
    #[arg(long, global = true, env = "SPW_USER", value_name = "NAME")]
    user: Option<String>,
    /// Their e-mail, for the audit log.
    #[arg(long, global = true, env = "SPW_USER_EMAIL", value_name = "EMAIL")]
    email: Option<String>,
    /// Replace output files that are read-only (other files are replaced anyway; a folder,
    /// link, FIFO or device at an output path is always refused).
    #[arg(long, global = true)]
    force: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a door configuration and list every issue.
    Validate {
        /// Door configuration (JSON).
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// U-value per EN ISO 10077-1 and Approved Document L compliance.
    Thermal {
        /// Door configuration (JSON).
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bill of materials with cut lengths, weights and material cost.
    Bom {
        /// Door configuration (JSON).
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also write the BOM as CSV to this file.
        #[arg(long, value_name = "PATH")]
        csv: Option<PathBuf>,
        /// Also write the BOM as an Excel workbook to this file.
        #[arg(long, value_name = "PATH")]
        xlsx: Option<PathBuf>,
    },
    /// Specification datasheet of a door configuration (PDF, ten sections).
    Datasheet {
        /// Door configuration (JSON).
        file: PathBuf,
        /// PDF to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        doc: DocFlags,
        /// Print JSON (pages and sections written).
        #[arg(long)]
        json: bool,
    },
    /// Quote technical package (PDF): cover, specification per line, drawings, BOM, finishes,
    /// compliance, installation, lead time, terms, priced summary.
    Package {
        /// Quote request (JSON).
        file: PathBuf,
        /// PDF to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        doc: DocFlags,
        /// Print JSON (pages and sections written).
        #[arg(long)]
        json: bool,
    },
    /// Price a quote request (customer, lines of door configurations × quantity, discount,
    /// VAT), or work with the quotes saved in the workstation database.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Quote {
        #[command(subcommand)]
        action: Option<store::QuoteAction>,
        /// Quote request (JSON) to price without saving.
        #[arg(required = true)]
        file: Option<PathBuf>,
        /// Quote date, YYYY-MM-DD (default: the quote's own `date`, else today).
        #[arg(long)]
        date: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Drawing sets: elevation, plan, sections, details and isometric sheets, exported.
    Draw {
        /// Door configurations (JSON); several make a batch.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Folder the drawings are written to.
        #[arg(long)]
        out: PathBuf,
        /// Views, comma separated: elevation, plan, section, detail, isometric.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "elevation,plan,section,detail,isometric"
        )]
        views: Vec<String>,
        /// Formats, comma separated: dxf, svg, pdf, png.
        #[arg(long, value_delimiter = ',', default_value = "dxf,svg,pdf,png")]
        formats: Vec<String>,
        /// Sheet size: A4…A0, optionally `-portrait`.
        #[arg(long, default_value = "A3")]
        sheet: String,
        /// Scale of elevation, plan and isometric, e.g. 1:10 (fitted to the sheet when absent).
        #[arg(long)]
        scale: Option<String>,
        /// Date printed in the title block, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Project name for the title block.
        #[arg(long, default_value = "")]
        project: String,
        /// Customer for the title block.
        #[arg(long, default_value = "")]
        customer: String,
        /// Drawn by, for the title block.
        #[arg(long, default_value = "")]
        drawn_by: String,
        /// Draw as the next revision of this earlier configuration: revision letter, table
        /// row and clouds around what changed.
        #[arg(long, value_name = "OLD.json")]
        revision_of: Option<PathBuf>,
        /// Print a JSON manifest of the files written.
        #[arg(long)]
        json: bool,
    },
    /// Compare two revisions: changed fields, BOM, price and weight deltas, drawing changes.
    Compare {
        /// Earlier configuration: a JSON file, or `NUMBER@REV` from the database (REV a quote
        /// revision number or a drawing revision letter).
        old: String,
        /// Later configuration: a JSON file or `NUMBER@REV`.
        new: String,
        /// Quote line to compare when comparing stored revisions.
        #[arg(long, default_value_t = 1)]
        line: u32,
        /// Write overlay sheets (SVG and PNG: removed red, added green) to this folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Drawing issues of saved quotes: issue the next revision, history, files.
    Drawing {
        #[command(subcommand)]
        action: store::DrawingAction,
    },
    /// Projects: list, export one to a portable file, import one.
    Project {
        #[command(subcommand)]
        action: store::ProjectAction,
    },
    /// Back the workstation database and its files up (safe while others write).
    Backup {
        /// Backup database file to write (its files go to PATH.files beside it).
        path: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The workstation database: check it, or say where it lives.
    Db {
        #[command(subcommand)]
        action: store::DbAction,
    },
    /// Cutting plan for profile bars: fewest bars, then least waste, with a proven lower bound.
    Cut {
        /// Cutting request (JSON: kerf_mm, end_trim_mm, min_remnant_mm, stock, remnants, pieces),
        /// or with `--quote` a quote request whose doors' profiles are all cut.
        file: PathBuf,
        /// FILE is a quote: cut every profile of its doors, grouped by profile and finish.
        #[arg(long)]
        quote: bool,
        /// Stop improving after this many milliseconds and return the best plan so far.
        #[arg(long, value_name = "N")]
        time_limit_ms: Option<u64>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Document details shared by `datasheet` and `package`.
#[derive(clap::Args)]
struct DocFlags {
    /// Document number (default: the quote number, else DRAFT; for datasheets SPW600e-DS-date).
    #[arg(long)]
    number: Option<String>,
    /// Revision letter.
    #[arg(long, default_value = "A")]
    revision: String,
    /// Document date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// Prepared by.
    #[arg(long, default_value = "")]
    prepared_by: String,
    /// Project.
    #[arg(long)]
    project: Option<String>,
    /// Customer.
    #[arg(long)]
    customer: Option<String>,
    /// Folder of edited document templates (datasheet.typ, quote-package.typ, house-style.typ,
    /// door-spec.typ, logo.svg); files not in it come from the built-in set.
    #[arg(long, env = "SPW_DOCUMENT_TEMPLATES", value_name = "DIR")]
    templates: Option<PathBuf>,
}

impl DocFlags {
    fn into_args(self) -> Result<documents::DocArgs> {
        let date = match self.date {
            Some(d) => parse_date("--date", &d)?,
            None => today(),
        };
        Ok(documents::DocArgs {
            number: self.number,
            revision: self.revision,
            date,
            prepared_by: self.prepared_by,
            project: self.project,
            customer: self.customer,
            templates: self.templates,
        })
    }
}

/// What a command ended with.
enum Outcome {
    Done,
    Invalid,
    Unreadable,
}

impl Outcome {
    fn code(&self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::Invalid => ExitCode::from(1),
            Outcome::Unreadable => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    files::set_force(cli.force);
    let code = match run(cli) {
        Ok(outcome) => outcome.code(),
        Err(e) => {
            let (code, message) = coded(&e);
            errln!("spw: {code}: {message}");
            ExitCode::from(2)
        }
    };
    output::flush();
    code
}

fn load_catalogue(dir: Option<&Path>) -> Result<Catalogue> {
    let Some(dir) = dir else {
        return Catalogue::builtin().context("loading the built-in catalogue");
    };
    let mut texts = Vec::new();
    for name in FILE_NAMES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading catalogue file {}", path.display()))?;
        texts.push((path.display().to_string(), text));
    }
    let s = |i: usize| Source {
        name: &texts[i].0,
        text: &texts[i].1,
    };
    let sources = CatalogueSources {
        system: s(0),
        profiles: s(1),
        glazing: s(2),
        hardware: s(3),
        pricing: s(4),
        ral: s(5),
    };
    Ok(Catalogue::load(&sources)?)
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    output::write_raw(&text);
    Ok(())
}

/// Read an input file; an unreadable file is reported like a parse failure (exit 2), in JSON
/// when asked. A file larger than `spw_app::MAX_INPUT_BYTES` is refused by its size before it
/// is read, and no more than that is ever read from a pipe; a byte order mark is dropped.
fn read_input(path: &Path, json: bool) -> Result<std::result::Result<String, Outcome>> {
    #[allow(clippy::result_large_err)] // one issue, returned once per file
    fn read_checked(path: &Path) -> std::result::Result<String, spw_model::Issue> {
        use std::io::Read as _;
        let name = path.display().to_string();
        let cannot = |e: std::io::Error| {
            spw_model::Issue::error(
                spw_model::IssueCode::Malformed,
                "",
                format!("cannot read {name}: {e}"),
            )
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        let meta = file.metadata().map_err(cannot)?;
        if meta.is_file() {
            spw_app::check_input_size(&name, meta.len())?;
        }
        let mut bytes = Vec::new();
        file.take(spw_app::MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        spw_app::input_text(&name, bytes)
    }
    match read_checked(path) {
        Ok(t) => Ok(Ok(t)),
        Err(issue) => {
            let report = ValidationReport::new(vec![issue]);
            if json {
                print_json(&report)?;
            } else {
                render::issues(&report.issues);
            }
            Ok(Err(Outcome::Unreadable))
        }
    }
}

fn refused(r: &Refusal, json: bool) -> Result<Outcome> {
    if json {
        print_json(&r.report)?;
    } else {
        outln!(
            "{}",
            if r.unreadable {
                "Could not read the input:"
            } else {
                "The input is not valid:"
            }
        );
        render::issues(&r.report.issues);
    }
    Ok(if r.unreadable {
        Outcome::Unreadable
    } else {
        Outcome::Invalid
    })
}

#[derive(Serialize)]
struct ManifestFile {
    format: spw_app::drawings::Format,
    path: String,
    bytes: usize,
    sha256: String,
}

#[derive(Serialize)]
struct ManifestDrawing {
    source: String,
    drawing_number: String,
    view: &'static str,
    revision: String,
    files: Vec<ManifestFile>,
}

#[derive(Serialize)]
struct Manifest {
    drawings: Vec<ManifestDrawing>,
}

/// An output file or folder could not be written: its code (`ERR_IO_001` writing failed,
/// `ERR_IO_002` the path was refused) and message, nothing of the batch left behind.
pub(crate) fn write_failed(e: &spw_files::WriteError, json: bool) -> Result<Outcome> {
    if json {
        print_json(&serde_json::json!({"error": {
            "code": e.code(),
            "message": e.to_string(),
            "path": e.path.display().to_string(),
        }}))?;
    } else {
        errln!("spw: {}: {e}; nothing was written", e.code());
    }
    Ok(Outcome::Unreadable)
}

pub(crate) fn usage(message: String, json: bool) -> Result<Outcome> {
    if json {
        print_json(&serde_json::json!({"error": {"code": "ERR_VAL_001", "message": message}}))?;
    } else {
        errln!("spw: ERR_VAL_001: {message}");
    }
    Ok(Outcome::Unreadable)
}

#[allow(clippy::too_many_arguments)]
fn draw(
    cat: &Catalogue,
    template: &spw_drawing::TitleBlockTemplate,
    files: &[PathBuf],
    out: &Path,
    views: &[String],
    formats: &[String],
    sheet: &str,
    scale: Option<&str>,
    date: Option<&str>,
    (project, customer, drawn_by): (String, String, String),
    revision_of: Option<&Path>,
    json: bool,
) -> Result<Outcome> {
    use sha2::Digest;
    let mut kinds = Vec::new();
    for v in views {
        match spw_app::drawings::parse_view(v) {
            Some(k) if !kinds.contains(&k) => kinds.push(k),
            Some(_) => {}
            None => {
                return usage(
                    format!(
                        "--views: `{v}` is not one of elevation, plan, section, detail, isometric"
                    ),
                    json,
                );
            }
        }
    }
    let mut fmts = Vec::new();
    for f in formats {
        match spw_app::drawings::Format::parse(f) {
            Some(x) if !fmts.contains(&x) => fmts.push(x),
            Some(_) => {}
            None => {
                return usage(
                    format!("--formats: `{f}` is not a supported format (dxf, svg, pdf, png)"),
                    json,
                );
            }
        }
    }
    let Some(sheet_size) = spw_app::drawings::parse_sheet(sheet) else {
        return usage(
            format!("--sheet: `{sheet}` is not A4…A0 (optionally -portrait or -landscape)"),
            json,
        );
    };
    let scale = match scale {
        None => None,
        Some(s) => match spw_app::drawings::parse_scale(s) {
            Some(x) => Some(x),
            None => {
                return usage(
                    format!("--scale: `{s}` is not one of 1:1, 1:2, 1:5, 1:10, 1:20, 1:50"),
                    json,
                );
            }
        },
    };
    let date = match date {
        Some(d) => match parse_date("--date", d) {
            Ok(d) => d,
            Err(e) => return usage(e.to_string(), json),
        },
        None => today(),
    };
    let mut options = spw_app::drawings::default_options(kinds);
    options.template = template.clone();
    options.sheet = sheet_size;
    options.scale = scale;
    options.info = spw_drawing::ProjectInfo {
        project,
        customer,
        date: date.to_string(),
        drawn_by,
        checked_by: String::new(),
    };

    let previous = match revision_of {
        None => None,
        Some(p) => match read_input(p, json)? {
            Ok(t) => Some(t),
            Err(o) => return Ok(o),
        },
    };
    // Make every drawing of the batch in memory first: nothing is written unless all succeed.
    let progress =
        (!json && files.len() > 1 && std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .then(|| indicatif::ProgressBar::new(files.len() as u64));
    let mut sets = Vec::new();
    for file in files {
        let text = match read_input(file, json)? {
            Ok(t) => t,
            Err(o) => return Ok(o),
        };
        let drawn = match &previous {
            Some(prev) => spw_app::drawings::draw_revision(&text, prev, &options, &fmts, cat),
            None => spw_app::drawings::draw(&text, &options, &fmts, cat),
        };
        match drawn {
            Ok(set) => sets.push((file.display().to_string(), set)),
            Err(spw_app::drawings::DrawFailure::Invalid(r)) => {
                if !json {
                    outln!("{}:", file.display());
                }
                return refused(&r, json);
            }
            Err(spw_app::drawings::DrawFailure::Drawing { code, message }) => {
                if json {
                    print_json(
                        &serde_json::json!({"error": {"code": code, "message": message, "file": file.display().to_string()}}),
                    )?;
                } else {
                    outln!("{}: {code}: {message}", file.display());
                }
                return Ok(Outcome::Invalid);
            }
        }
        if let Some(p) = &progress {
            p.inc(1);
        }
    }
    // Where each file goes; then the folders, then every file of every door as one batch.
    let batch = sets.len() > 1;
    let mut planned: Vec<(PathBuf, &spw_app::drawings::OutputFile, &str)> = Vec::new();
    for (i, (source, set)) in sets.iter().enumerate() {
        let dir = if batch {
            out.join(format!(
                "{:02}-{}",
                i + 1,
                Path::new(source)
                    .file_stem()
                    .map_or_else(|| "door".into(), |s| s.to_string_lossy().into_owned())
            ))
        } else {
            out.to_path_buf()
        };
        for f in &set.files {
            planned.push((dir.join(&f.file_name), f, source));
        }
    }
    let made = match files::make_folders(planned.iter().filter_map(|(p, _, _)| p.parent())) {
        Ok(made) => made,
        Err(e) => return write_failed(&e, json),
    };
    let batch_files: Vec<(&Path, &[u8])> = planned
        .iter()
        .map(|(p, f, _)| (p.as_path(), f.bytes.as_slice()))
        .collect();
    if let Err(e) = files::write_all(&batch_files) {
        files::remove_folders(&made);
        return write_failed(&e, json);
    }
    let mut manifest = Manifest {
        drawings: Vec::new(),
    };
    for (path, f, source) in &planned {
        let entry = ManifestFile {
            format: f.format,
            path: path.display().to_string(),
            bytes: f.bytes.len(),
            sha256: sha2::Sha256::digest(&f.bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        };
        match manifest
            .drawings
            .iter_mut()
            .find(|d| d.source == *source && d.drawing_number == f.drawing_number)
        {
            Some(d) => d.files.push(entry),
            None => manifest.drawings.push(ManifestDrawing {
                source: (*source).to_owned(),
                drawing_number: f.drawing_number.clone(),
                view: f.view.map_or("set", |v| v.as_str()),
                revision: f.revision.clone(),
                files: vec![entry],
            }),
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    if json {
        print_json(&manifest)?;
    } else {
        for d in &manifest.drawings {
            for f in &d.files {
                outln!(
                    "{} rev {}  {}  ({} bytes)",
                    d.drawing_number,
                    d.revision,
                    f.path,
                    f.bytes
                );
            }
        }
    }
    Ok(Outcome::Done)
}

#[allow(clippy::too_many_arguments)]
fn compare(
    cat: &Catalogue,
    template: &spw_drawing::TitleBlockTemplate,
    stores: &store::StoreArgs,
    old: &str,
    new: &str,
    line: u32,
    out: Option<&Path>,
    json: bool,
) -> Result<Outcome> {
    let (old_text, new_text) = match (
        store::compare_input(stores, old, line, json)?,
        store::compare_input(stores, new, line, json)?,
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(o), _) | (_, Err(o)) => return Ok(o),
    };
    let mut options = spw_app::drawings::default_options(vec![
        spw_drawing::ViewKind::Elevation,
        spw_drawing::ViewKind::Plan,
        spw_drawing::ViewKind::Section,
    ]);
    options.template = template.clone();
    let cmp = match spw_app::compare::compare(&old_text, &new_text, &options, cat) {
        Ok(c) => c,
        Err(spw_app::drawings::DrawFailure::Invalid(r)) => return refused(&r, json),
        Err(spw_app::drawings::DrawFailure::Drawing { code, message }) => {
            if json {
                print_json(&serde_json::json!({"error": {"code": code, "message": message}}))?;
            } else {
                outln!("{code}: {message}");
            }
            return Ok(Outcome::Invalid);
        }
    };
    let mut overlays = Vec::new();
    if let Some(dir) = out {
        let renderer = spw_png::Renderer::new();
        let mut made = Vec::new();
        for (i, sheet) in cmp.new_drawing.sheets.iter().enumerate() {
            let svg = spw_svg::write_overlay(&cmp.old_drawing, &cmp.new_drawing, i)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let png = renderer
                .svg_to_png(&svg, 150.0)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let base = format!("{}-compare", sheet.title.drawing_number);
            made.push((dir.join(format!("{base}.svg")), svg.into_bytes()));
            made.push((dir.join(format!("{base}.png")), png));
        }
        let folders = match files::make_folders([dir]) {
            Ok(f) => f,
            Err(e) => return write_failed(&e, json),
        };
        let batch: Vec<(&Path, &[u8])> = made
            .iter()
            .map(|(p, b)| (p.as_path(), b.as_slice()))
            .collect();
        if let Err(e) = files::write_all(&batch) {
            files::remove_folders(&folders);
            return write_failed(&e, json);
        }
        overlays.extend(made.iter().map(|(p, _)| p.display().to_string()));
    }
    if json {
        let mut v = serde_json::to_value(&cmp.report)?;
        v["overlays"] = serde_json::json!(overlays);
        print_json(&v)?;
    } else {
        render::compare(&cmp.report);
        for o in &overlays {
            outln!("overlay: {o}");
        }
    }
    Ok(Outcome::Done)
}

fn cut_refused(f: &spw_app::CutFailure, json: bool) -> Result<Outcome> {
    if json {
        print_json(f)?;
    } else {
        outln!("{}: {}", f.error.code, f.error.message);
    }
    Ok(Outcome::Invalid)
}

/// A command-line argument that cannot be used (`ERR_VAL_001`), e.g. a date that does not
/// exist.
#[derive(Debug)]
pub(crate) struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A `YYYY-MM-DD` argument as a calendar date.
pub(crate) fn parse_date(flag: &str, text: &str) -> std::result::Result<Date, UsageError> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).map_err(|e| {
        let why = match e {
            time::error::Parse::TryFromParsed(time::error::TryFromParsed::ComponentRange(c)) => {
                format!("there is no such day ({} out of range)", c.name())
            }
            _ => "expected YYYY-MM-DD".to_owned(),
        };
        UsageError(format!(
            "{flag} `{text}` is not a date: {why}, e.g. 2025-11-08"
        ))
    })
}

/// The code and one-line message of a failure that ended a command: the first coded error in
/// its chain decides the code; each cause is said once, not repeated by every layer.
fn coded(e: &anyhow::Error) -> (&'static str, String) {
    let mut code = None;
    for cause in e.chain() {
        let c = if let Some(w) = cause.downcast_ref::<spw_files::WriteError>() {
            Some(w.code())
        } else if let Some(s) = cause.downcast_ref::<spw_store::StoreError>() {
            Some(s.code())
        } else if let Some(d) = cause.downcast_ref::<spw_documents::DocError>() {
            Some(d.code())
        } else if cause.is::<spw_model::catalogue::CatalogueError>() {
            Some("ERR_CAT_001")
        } else if cause.is::<UsageError>() {
            Some("ERR_VAL_001")
        } else {
            None
        };
        if code.is_none() {
            code = c;
        }
    }
    let mut message = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    // A code the message already starts with (store errors say theirs) is not said twice.
    let code = code.unwrap_or("ERR_IO_001");
    let message = message
        .strip_prefix(code)
        .map_or(message.clone(), |m| m.trim_start_matches(": ").to_owned());
    (code, message)
}

pub(crate) fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

fn load_template(path: Option<&Path>) -> Result<spw_drawing::TitleBlockTemplate> {
    match path {
        None => Ok(spw_app::drawings::builtin_template()),
        Some(p) => {
            let text =
                std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
            spw_drawing::TitleBlockTemplate::parse(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))
        }
    }
}

fn run(cli: Cli) -> Result<Outcome> {
    let cat = load_catalogue(cli.catalogue.as_deref())?;
    let template = load_template(cli.title_block.as_deref())?;
    let stores = store::StoreArgs {
        db: cli.db,
        user: cli.user,
        email: cli.email,
    };
    match cli.command {
        Command::Validate { file, json } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            let (report, unreadable) = spw_app::validate(&text, &cat);
            if json {
                print_json(&report)?;
            } else {
                render::validation(&report);
            }
            Ok(if unreadable {
                Outcome::Unreadable
            } else if report.valid {
                Outcome::Done
            } else {
                Outcome::Invalid
            })
        }
        Command::Thermal { file, json } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            match spw_app::thermal(&text, &cat) {
                Ok(r) if json => print_json(&r).map(|()| Outcome::Done),
                Ok(r) => {
                    render::thermal(&r);
                    Ok(Outcome::Done)
                }
                Err(r) => refused(&r, json),
            }
        }
        Command::Bom {
            file,
            json,
            csv,
            xlsx,
        } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            match spw_app::bom(&text, &cat) {
                Ok(r) => {
                    let sheets = if csv.is_some() || xlsx.is_some() {
                        documents::bom_sheets(&cat, &text, csv.as_deref(), xlsx.as_deref())?
                    } else {
                        None
                    };
                    if json {
                        print_json(&r)?;
                    } else {
                        render::bom(&r);
                        if let Some(written) = sheets {
                            outln!("\n  written: {written}");
                        }
                    }
                    Ok(Outcome::Done)
                }
                Err(r) => refused(&r, json),
            }
        }
        Command::Datasheet {
            file,
            out,
            doc,
            json,
        } => documents::datasheet(&cat, &file, &out, doc.into_args()?, json),
        Command::Package {
            file,
            out,
            doc,
            json,
        } => documents::package(&cat, &file, &out, doc.into_args()?, json),
        Command::Draw {
            files,
            out,
            views,
            formats,
            sheet,
            scale,
            date,
            project,
            customer,
            drawn_by,
            revision_of,
            json,
        } => draw(
            &cat,
            &template,
            &files,
            &out,
            &views,
            &formats,
            &sheet,
            scale.as_deref(),
            date.as_deref(),
            (project, customer, drawn_by),
            revision_of.as_deref(),
            json,
        ),
        Command::Compare {
            old,
            new,
            line,
            out,
            json,
        } => compare(
            &cat,
            &template,
            &stores,
            &old,
            &new,
            line,
            out.as_deref(),
            json,
        ),
        Command::Drawing { action } => store::drawing(&stores, &cat, &template, action),
        Command::Project { action } => store::project(&stores, action),
        Command::Backup { path, json } => store::backup(&stores, &path, json),
        Command::Db { action } => store::db(&stores, action),
        Command::Quote {
            action: Some(action),
            ..
        } => store::quote(&stores, &cat, action),
        Command::Cut {
            file,
            quote,
            time_limit_ms,
            json,
        } => {
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            // The wall clock is read here, at the edge; the optimiser only sees a stop signal.
            let started = std::time::Instant::now();
            let limit = time_limit_ms.map(std::time::Duration::from_millis);
            let stop = move || limit.is_some_and(|l| started.elapsed() >= l);
            let stop_ref: Option<&dyn Fn() -> bool> =
                if limit.is_some() { Some(&stop) } else { None };
            let options = spw_app::SolveOptions::default();
            if quote {
                match spw_app::cut_quote(&text, &cat, &options, stop_ref) {
                    Ok(r) if json => print_json(&r).map(|()| Outcome::Done),
                    Ok(r) => {
                        for g in &r.groups {
                            outln!("== {} ({})", g.profile_code, g.finish);
                            outln!("{}", g.plan);
                        }
                        outln!(
                            "{} bars in all{}",
                            r.total_bars,
                            if r.optimal {
                                ", every group proven optimal"
                            } else {
                                ""
                            }
                        );
                        Ok(Outcome::Done)
                    }
                    Err(spw_app::QuoteCutError::Quote(r)) => refused(&r, json),
                    Err(spw_app::QuoteCutError::Cut(f)) => cut_refused(&f, json),
                }
            } else {
                match spw_app::cut(&text, &options, stop_ref) {
                    Ok(plan) if json => print_json(&plan).map(|()| Outcome::Done),
                    Ok(plan) => {
                        outln!("{plan}");
                        Ok(Outcome::Done)
                    }
                    Err(f) => cut_refused(&f, json),
                }
            }
        }
        Command::Quote {
            action: None,
            file,
            date,
            json,
        } => {
            let Some(file) = file else {
                return usage(
                    "spw quote: give a quote request FILE or a subcommand".into(),
                    json,
                );
            };
            let text = match read_input(&file, json)? {
                Ok(t) => t,
                Err(o) => return Ok(o),
            };
            let date = match date {
                Some(d) => match parse_date("--date", &d) {
                    Ok(d) => d,
                    Err(e) => return usage(e.to_string(), json),
                },
                None => today(),
            };
            match spw_app::quote(&text, date, &cat) {
                Ok(r) if json => print_json(&r).map(|()| Outcome::Done),
                Ok(r) => {
                    render::quote(&r);
                    Ok(Outcome::Done)
                }
                Err(r) => refused(&r, json),
            }
        }
    }
}
