//! PNG export of a drawing sheet, for thumbnails and previews: the sheet's SVG rendered by
//! resvg at a chosen DPI, with the bundled DejaVu Sans Condensed as the only font, so the
//! pixels are the same on every machine.
//!
//! This exporter renders the SVG exporter's output rather than walking the drawing tree itself:
//! resvg is the rasteriser made for exactly that, and one vector description keeps the preview
//! and the PNG pixel-identical. It is the one exporter that builds on another.

use resvg::{tiny_skia, usvg};
use spw_drawing::Drawing;
use std::sync::Arc;

/// The bundled font.
pub const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");

/// Why a sheet could not be rendered (`ERR_DWG_001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PngError(pub String);

impl std::fmt::Display for PngError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ERR_DWG_001: {}", self.0)
    }
}

impl std::error::Error for PngError {}

/// Font and parser options, built once and reused for every render.
pub struct Renderer {
    options: usvg::Options<'static>,
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    /// A renderer with the bundled font as `sans-serif` and as the drawing's family.
    pub fn new() -> Renderer {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family(spw_svg::FONT_FAMILY);
        let options = usvg::Options {
            font_family: spw_svg::FONT_FAMILY.to_owned(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        };
        Renderer { options }
    }

    /// Render SVG text at `dpi`, returning PNG bytes.
    pub fn svg_to_png(&self, svg: &str, dpi: f64) -> Result<Vec<u8>, PngError> {
        if !(dpi.is_finite() && (10.0..=1200.0).contains(&dpi)) {
            return Err(PngError(format!("{dpi} dpi is outside 10–1200")));
        }
        let tree = usvg::Tree::from_str(svg, &self.options)
            .map_err(|e| PngError(format!("the sheet's SVG did not parse: {e}")))?;
        // usvg reports the sheet's size in CSS pixels (96 per inch); scale them to `dpi`.
        let size = tree.size();
        #[allow(clippy::cast_possible_truncation)] // 10–1200 dpi / 96 is a small ratio
        let s = (dpi / 96.0) as f32;
        let (w, h) = (size.width() * s, size.height() * s);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        // bounded by the dpi range and ISO sheet sizes
        let (wi, hi) = (w.ceil().max(1.0) as u32, h.ceil().max(1.0) as u32);
        let mut pixmap = tiny_skia::Pixmap::new(wi, hi)
            .ok_or_else(|| PngError(format!("cannot allocate a {wi} × {hi} image")))?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(s, s),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| PngError(format!("PNG encoding failed: {e}")))
    }

    /// Render sheet `index` of a drawing at `dpi`.
    pub fn sheet(&self, drawing: &Drawing, index: usize, dpi: f64) -> Result<Vec<u8>, PngError> {
        let svg = spw_svg::write_sheet(drawing, index).map_err(|e| PngError(e.to_string()))?;
        self.svg_to_png(&svg, dpi)
    }
}

/// Pixels of a PNG as (width, height, RGBA bytes), for comparing renders.
pub fn decode_rgba(png: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let p = tiny_skia::Pixmap::decode_png(png).ok()?;
    Some((p.width(), p.height(), p.data().to_vec()))
}

/// Compare two same-sized RGBA images: the number of pixels whose channels differ by more than
/// `tolerance`, and a PNG that shows them in red over a faded copy of `expected`.
pub fn diff_rgba(
    expected: &[u8],
    actual: &[u8],
    width: u32,
    height: u32,
    tolerance: u8,
) -> Option<(usize, Vec<u8>)> {
    if expected.len() != actual.len() || expected.len() != (width as usize) * (height as usize) * 4
    {
        return None;
    }
    let mut out = tiny_skia::Pixmap::new(width, height)?;
    let mut differing = 0;
    for ((e, a), o) in expected
        .chunks_exact(4)
        .zip(actual.chunks_exact(4))
        .zip(out.data_mut().chunks_exact_mut(4))
    {
        let differs = e.iter().zip(a).any(|(x, y)| x.abs_diff(*y) > tolerance);
        if differs {
            differing += 1;
            o.copy_from_slice(&[255, 0, 0, 255]);
        } else {
            let grey = 255 - (255 - e[0]) / 4;
            o.copy_from_slice(&[grey, grey, grey, 255]);
        }
    }
    Some((differing, out.encode_png().ok()?))
}
