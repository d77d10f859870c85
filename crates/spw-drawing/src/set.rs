//! The drawing set: one sheet per view kind, each with its views fitted at the largest standard
//! scale that fits beside the title block, its drawing number and revision.

use crate::entity::{Align, Entity, Point};
use crate::layer::LayerName;
use crate::sheet::{Drawing, Scale, Sheet, SheetSize, TitleInfo, View, ViewKind};
use crate::title_block::{RevisionRow, TitleBlockTemplate, revision_letter};
use crate::views::{self, SectionCut, ViewContent};
use spw_geometry::DoorGeometry;
use spw_model::catalogue::Catalogue;
use spw_model::config::DoorConfiguration;
use std::fmt;

/// Who and what the drawings are for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectInfo {
    /// Project.
    pub project: String,
    /// Customer.
    pub customer: String,
    /// Date, as printed (passed in: the core reads no clock).
    pub date: String,
    /// Drawn by.
    pub drawn_by: String,
    /// Checked by.
    pub checked_by: String,
}

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawingOptions {
    /// View kinds, one sheet each, in order.
    pub views: Vec<ViewKind>,
    /// Sheet size.
    pub sheet: SheetSize,
    /// Scale for elevation, plan and isometric; fitted when `None`.
    pub scale: Option<Scale>,
    /// Project details.
    pub info: ProjectInfo,
    /// 0-based revision index (0 = A).
    pub revision: u32,
    /// Earlier revisions for the revision table, oldest first (this one is added).
    pub history: Vec<RevisionRow>,
    /// What this revision changed.
    pub revision_note: String,
    /// Drawing number sequence, e.g. 1 → `SPW600e-ELV-001`.
    pub sequence: u32,
    /// Title block template.
    pub template: TitleBlockTemplate,
}

/// Why a drawing could not be made (`ERR_DWG_001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawingError {
    /// What went wrong.
    pub message: String,
}

impl DrawingError {
    /// Machine code.
    pub const CODE: &'static str = "ERR_DWG_001";
}

impl fmt::Display for DrawingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Self::CODE, self.message)
    }
}

impl std::error::Error for DrawingError {}

/// `SPW600e-ELV-001`.
pub fn drawing_number(system: &str, kind: ViewKind, sequence: u32) -> String {
    format!("{system}-{}-{sequence:03}", kind.code())
}

/// The sheets a view kind takes (most one, details two), each with its views, built at `scale`.
fn sheet_count(kind: ViewKind) -> usize {
    if kind == ViewKind::Detail { 2 } else { 1 }
}

fn contents(
    kind: ViewKind,
    page: usize,
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    scale: f64,
) -> Vec<ViewContent> {
    match (kind, page) {
        (ViewKind::Elevation, _) => vec![views::elevation(cfg, g, cat, scale)],
        (ViewKind::Plan, _) => vec![views::plan(cfg, g, cat, scale)],
        (ViewKind::Section, _) => [SectionCut::Head, SectionCut::Jamb, SectionCut::Sill]
            .iter()
            .map(|c| views::section(cfg, g, cat, *c, scale))
            .collect(),
        (ViewKind::Detail, 0) => views::detail_meeting_stile(cfg, g, cat, scale)
            .into_iter()
            .chain(std::iter::once(views::detail_threshold(cfg, g, cat, scale)))
            .collect(),
        (ViewKind::Detail, _) => vec![
            views::detail_hinge(cfg, g, cat, scale),
            views::detail_lock(cfg, g, cat, scale),
        ],
        (ViewKind::Isometric, _) => vec![views::isometric(g, f64::from(cat.system.depth_mm))],
    }
}

fn candidate_scales(kind: ViewKind) -> &'static [u32] {
    match kind {
        ViewKind::Elevation | ViewKind::Plan | ViewKind::Isometric => &[5, 10, 20, 50],
        ViewKind::Section => &[1, 2, 5],
        ViewKind::Detail => &[1, 2],
    }
}

const GAP_MM: f64 = 15.0;
const TITLE_SPACE_MM: f64 = 9.0;

struct Fitted {
    scale: Scale,
    region: (f64, f64, f64, f64),
    contents: Vec<ViewContent>,
    bounds: Vec<(Point, Point)>,
}

fn fit(
    kind: ViewKind,
    forced: Option<Scale>,
    regions: &[(f64, f64, f64, f64)],
    build: &dyn Fn(f64) -> Vec<ViewContent>,
) -> Result<Fitted, DrawingError> {
    let scales: Vec<u32> = match forced {
        Some(s)
            if matches!(
                kind,
                ViewKind::Elevation | ViewKind::Plan | ViewKind::Isometric
            ) =>
        {
            vec![s.0]
        }
        _ => candidate_scales(kind).to_vec(),
    };
    for s in &scales {
        let sf = f64::from(*s);
        let contents = build(sf);
        let bounds: Vec<(Point, Point)> = contents.iter().filter_map(|c| c.bounds(sf)).collect();
        if bounds.len() != contents.len() {
            continue;
        }
        let width: f64 = bounds
            .iter()
            .map(|(lo, hi)| (hi.x - lo.x) / sf)
            .sum::<f64>()
            + GAP_MM * (bounds.len() as f64 - 1.0);
        let height = bounds
            .iter()
            .map(|(lo, hi)| (hi.y - lo.y) / sf)
            .fold(0.0, f64::max)
            + TITLE_SPACE_MM;
        if let Some(region) = regions
            .iter()
            .find(|(x0, y0, x1, y1)| width <= x1 - x0 && height <= y1 - y0)
        {
            return Ok(Fitted {
                scale: Scale(*s),
                region: *region,
                contents,
                bounds,
            });
        }
    }
    Err(DrawingError {
        message: match forced {
            Some(s) => format!(
                "the {} does not fit the sheet at {}; choose a smaller scale or a larger sheet",
                kind.as_str(),
                s.label()
            ),
            None => format!(
                "the {} does not fit the sheet at any standard scale; choose a larger sheet",
                kind.as_str()
            ),
        },
    })
}

/// Build the drawing set of a door.
pub fn drawing_set(
    cfg: &DoorConfiguration,
    g: &DoorGeometry,
    cat: &Catalogue,
    opts: &DrawingOptions,
) -> Result<Drawing, DrawingError> {
    let t = &opts.template;
    let letter = revision_letter(opts.revision);
    let mut history = opts.history.clone();
    history.push(RevisionRow {
        letter: letter.clone(),
        date: opts.info.date.clone(),
        description: if opts.revision_note.is_empty() {
            "First issue".into()
        } else {
            opts.revision_note.clone()
        },
        by: opts.info.drawn_by.clone(),
    });
    let mut sheets = Vec::new();
    for (kind, page) in opts
        .views
        .iter()
        .flat_map(|k| (0..sheet_count(*k)).map(move |p| (k, p)))
    {
        let size = opts.sheet;
        let (fx0, fy0, fx1, fy1) = t.frame(size);
        let (bx, by) = t.block_corner(size);
        let m = 6.0;
        let regions = [
            (fx0 + m, by + m, fx1 - m, fy1 - m),
            (fx0 + m, fy0 + m, bx - m, fy1 - m),
        ];
        let fitted = fit(*kind, opts.scale, &regions, &|s| {
            contents(*kind, page, cfg, g, cat, s)
        })?;
        let sf = f64::from(fitted.scale.0);
        let (rx0, ry0, rx1, ry1) = fitted.region;
        let total: f64 = fitted
            .bounds
            .iter()
            .map(|(lo, hi)| (hi.x - lo.x) / sf)
            .sum::<f64>()
            + GAP_MM * (fitted.bounds.len() as f64 - 1.0);
        let mut cursor = rx0 + (rx1 - rx0 - total) / 2.0;
        let centre_y = (ry0 + TITLE_SPACE_MM + ry1) / 2.0;
        let mut placed = Vec::new();
        let mut paper = Vec::new();
        for (content, (lo, hi)) in fitted.contents.into_iter().zip(&fitted.bounds) {
            let w = (hi.x - lo.x) / sf;
            let placement = Point::new(cursor - lo.x / sf, centre_y - (lo.y + hi.y) / (2.0 * sf));
            let bottom = placement.y + lo.y / sf;
            paper.push(Entity::text(
                LayerName::Annotations,
                Point::new(cursor + w / 2.0, bottom - 7.0),
                3.5,
                format!("{}  {}", content.title, fitted.scale.label()),
                Align::Centre,
            ));
            placed.push(View {
                title: content.title,
                kind: *kind,
                scale: fitted.scale,
                placement,
                entities: content.entities,
            });
            cursor += w + GAP_MM;
        }
        let mut number = drawing_number(&cat.system.product_code, *kind, opts.sequence);
        if page > 0 {
            number = format!("{number}-{}", page + 1);
        }
        let title = format!(
            "SPW600e {} door {} × {} mm — {}",
            if cfg.leaf_count() == 2 {
                "double"
            } else {
                "single"
            },
            cfg.frame_width_mm,
            cfg.frame_height_mm,
            kind.as_str()
        );
        let info = TitleInfo {
            company: t.company.name.clone(),
            project: opts.info.project.clone(),
            customer: opts.info.customer.clone(),
            drawing_number: number,
            title,
            date: opts.info.date.clone(),
            drawn_by: opts.info.drawn_by.clone(),
            checked_by: opts.info.checked_by.clone(),
            revision: letter.clone(),
        };
        let scale_label = if placed.iter().all(|v| v.scale == fitted.scale) {
            fitted.scale.label()
        } else {
            "AS SHOWN".into()
        };
        paper.extend(t.draw(size, &info, &scale_label, &history));
        sheets.push(Sheet {
            size,
            title: info,
            views: placed,
            paper,
        });
    }
    Ok(Drawing {
        layers: Drawing::standard_layers(),
        sheets,
    })
}
