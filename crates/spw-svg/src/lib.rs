//! SVG export of a drawing sheet: a walk over the resolved drawing tree. The sheet is the
//! `viewBox` in paper millimetres (y flipped once, at the root, so entity coordinates stay
//! y-up); each layer is a `<g id="layer-FRAME" class="layer">` group with its colour,
//! lineweight and dash pattern; text stays text, in the bundled font family.
//!
//! Hand-written rather than built with the `svg` crate: every element here is a fixed template
//! with numbers, and writing them directly keeps the output byte-stable and the hot path (the
//! live preview) free of an intermediate DOM.

use spw_drawing::{Align, Dimension, Drawing, Entity, HatchPattern, Point, Shape, Sheet, View};
use std::fmt::Write as _;

/// The font family the text asks for: the bundled `assets/fonts/DejaVuSansCondensed.ttf` is
/// family "DejaVu Sans" at condensed stretch.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Why a sheet could not be written (`ERR_DWG_003` is not used here: the only failure is a
/// missing sheet or a non-finite coordinate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SvgError {
    /// No such sheet.
    NoSheet(usize),
    /// A coordinate is NaN or infinite.
    NotFinite,
}

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SvgError::NoSheet(i) => write!(f, "ERR_DWG_001: the drawing has no sheet {i}"),
            SvgError::NotFinite => write!(f, "ERR_DWG_001: a coordinate is not a finite number"),
        }
    }
}

impl std::error::Error for SvgError {}

/// A number with at most 3 decimals, trailing zeros trimmed.
fn n(v: f64) -> String {
    let mut s = format!("{v:.3}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".into() } else { s }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

struct Writer<'a> {
    out: String,
    finite: bool,
    /// Model → paper for the current view (identity for paper entities).
    view: Option<&'a View>,
    /// The current layer's colour, for text fill.
    colour: String,
}

impl Writer<'_> {
    fn p(&mut self, p: Point) -> (String, String) {
        let q = match self.view {
            Some(v) => v.to_paper(p),
            None => p,
        };
        if !(q.x.is_finite() && q.y.is_finite()) {
            self.finite = false;
        }
        (n(q.x), n(q.y))
    }

    fn scale(&self) -> f64 {
        self.view.map_or(1.0, |v| v.scale.factor())
    }

    fn points(&mut self, pts: &[Point]) -> String {
        pts.iter()
            .map(|p| {
                let (x, y) = self.p(*p);
                format!("{x},{y}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn text(
        &mut self,
        at: Point,
        height: f64,
        value: &str,
        align: Align,
        rotation: f64,
        paper_at: bool,
    ) {
        let (x, y) = if paper_at {
            (n(at.x), n(at.y))
        } else {
            self.p(at)
        };
        let anchor = match align {
            Align::Left => "start",
            Align::Centre => "middle",
            Align::Right => "end",
        };
        // Text is drawn un-flipped: a local flip about its anchor.
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" font-size="{}" text-anchor="{anchor}" transform="translate({x} {y}) scale(1 -1) rotate({}) translate(-{x} -{y})" stroke="none" fill="{}">{}</text>"#,
            n(height),
            n(-rotation),
            self.colour,
            esc(value)
        );
        self.out.push('\n');
    }

    fn dimension(&mut self, d: &Dimension) {
        let to = |w: &mut Self, p: Point| w.view.map_or(p, |v| v.to_paper(p));
        let (a, b) = d.line_ends();
        let (pa, pb) = (to(self, a), to(self, b));
        let (p1, p2) = (to(self, d.p1), to(self, d.p2));
        // Extension lines: 1.5 mm gap from the object, 2 mm past the dimension line.
        for (from, on) in [(p1, pa), (p2, pb)] {
            let (dx, dy) = (on.x - from.x, on.y - from.y);
            let len = dx.hypot(dy);
            if len > 1e-9 {
                let (ux, uy) = (dx / len, dy / len);
                let s = Point::new(
                    from.x + ux * 1.5_f64.min(len),
                    from.y + uy * 1.5_f64.min(len),
                );
                let e = Point::new(on.x + ux * 2.0, on.y + uy * 2.0);
                let _ = writeln!(
                    self.out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
                    n(s.x),
                    n(s.y),
                    n(e.x),
                    n(e.y)
                );
            }
        }
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            n(pa.x),
            n(pa.y),
            n(pb.x),
            n(pb.y)
        );
        // Architectural ticks at both ends.
        for c in [pa, pb] {
            let _ = writeln!(
                self.out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="0.35"/>"#,
                n(c.x - 1.2),
                n(c.y - 1.2),
                n(c.x + 1.2),
                n(c.y + 1.2)
            );
        }
        let mid = Point::new((pa.x + pb.x) / 2.0, (pa.y + pb.y) / 2.0);
        let angle = d.angle_deg();
        let off = 1.0;
        let (ox, oy) = (
            -(angle.to_radians().sin()) * off,
            angle.to_radians().cos() * off,
        );
        self.text(
            Point::new(mid.x + ox, mid.y + oy),
            d.text_height,
            &d.text,
            Align::Centre,
            angle,
            true,
        );
    }

    fn entity(&mut self, e: &Entity) {
        match &e.shape {
            Shape::Line { a, b } => {
                let ((x1, y1), (x2, y2)) = (self.p(*a), self.p(*b));
                let _ = writeln!(
                    self.out,
                    r#"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>"#
                );
            }
            Shape::Polyline { points, closed } => {
                let pts = self.points(points);
                let tag = if *closed { "polygon" } else { "polyline" };
                let _ = writeln!(self.out, r#"<{tag} points="{pts}"/>"#);
            }
            Shape::Circle { centre, radius } => {
                let (cx, cy) = self.p(*centre);
                let _ = writeln!(
                    self.out,
                    r#"<circle cx="{cx}" cy="{cy}" r="{}"/>"#,
                    n(radius * self.scale())
                );
            }
            Shape::Arc {
                centre,
                radius,
                start_deg,
                end_deg,
            } => {
                let mut sweep = end_deg - start_deg;
                while sweep <= 0.0 {
                    sweep += 360.0;
                }
                let at = |deg: f64| {
                    Point::new(
                        centre.x + radius * deg.to_radians().cos(),
                        centre.y + radius * deg.to_radians().sin(),
                    )
                };
                let ((sx, sy), (ex, ey)) = (self.p(at(*start_deg)), self.p(at(start_deg + sweep)));
                let r = n(radius * self.scale());
                let large = if sweep > 180.0 { 1 } else { 0 };
                // y is flipped at the root, so counter-clockwise stays sweep-flag 1.
                let _ = writeln!(
                    self.out,
                    r#"<path d="M{sx} {sy} A{r} {r} 0 {large} 1 {ex} {ey}"/>"#
                );
            }
            Shape::Hatch { boundary, pattern } => {
                let pts = self.points(boundary);
                let fill = match pattern {
                    HatchPattern::Aluminium => "url(#hatch-aluminium)",
                    HatchPattern::Polyamide => "url(#hatch-polyamide)",
                    HatchPattern::Glass => "url(#hatch-glass)",
                    HatchPattern::Gasket => "#222222",
                };
                let _ = writeln!(
                    self.out,
                    r#"<polygon points="{pts}" fill="{fill}" stroke="none"/>"#
                );
            }
            Shape::Text {
                at,
                height,
                value,
                align,
                rotation_deg,
            } => self.text(*at, *height, value, *align, *rotation_deg, false),
            Shape::Dimension(d) => self.dimension(d),
        }
    }
}

const DEFS: &str = r##"<defs>
<pattern id="hatch-aluminium" patternUnits="userSpaceOnUse" width="2" height="2" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="2" stroke="#555555" stroke-width="0.15"/></pattern>
<pattern id="hatch-polyamide" patternUnits="userSpaceOnUse" width="1.5" height="1.5" patternTransform="rotate(45)"><path d="M0 0V1.5M0 0H1.5" stroke="#1a7a1a" stroke-width="0.12"/></pattern>
<pattern id="hatch-glass" patternUnits="userSpaceOnUse" width="3" height="3" patternTransform="rotate(60)"><line x1="0" y1="0" x2="0" y2="1.2" stroke="#5aa7bd" stroke-width="0.12"/></pattern>
</defs>
"##;

impl Writer<'_> {
    /// The document opening shared by sheets and overlays: root element in paper mm, title,
    /// hatch patterns, white paper and the y-up root group.
    fn open(size: (f64, f64), title: &str) -> Self {
        let (w, h) = size;
        let mut wr = Writer {
            out: String::with_capacity(64 * 1024),
            finite: true,
            view: None,
            colour: String::new(),
        };
        let _ = writeln!(
            wr.out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}mm" height="{}mm" viewBox="0 0 {} {}" font-family="{FONT_FAMILY}, sans-serif" font-stretch="condensed">"#,
            n(w),
            n(h),
            n(w),
            n(h)
        );
        let _ = writeln!(wr.out, "<title>{}</title>", esc(title));
        wr.out.push_str(DEFS);
        let _ = writeln!(
            wr.out,
            r##"<rect width="{}" height="{}" fill="#ffffff"/>"##,
            n(w),
            n(h)
        );
        let _ = writeln!(
            wr.out,
            r#"<g transform="matrix(1 0 0 -1 0 {})" fill="none" stroke-linecap="round" stroke-linejoin="round">"#,
            n(h)
        );
        wr
    }

    /// Close the root group and the document.
    fn close(mut self) -> Result<String, SvgError> {
        self.out.push_str("</g>\n</svg>\n");
        if self.finite {
            Ok(self.out)
        } else {
            Err(SvgError::NotFinite)
        }
    }
}

/// Write one sheet as SVG.
pub fn write_sheet(drawing: &Drawing, index: usize) -> Result<String, SvgError> {
    let sheet = drawing.sheets.get(index).ok_or(SvgError::NoSheet(index))?;
    render(drawing, sheet)
}

fn render(drawing: &Drawing, sheet: &Sheet) -> Result<String, SvgError> {
    let title = format!(
        "{} rev {} — {}",
        sheet.title.drawing_number, sheet.title.revision, sheet.title.title
    );
    let mut wr = Writer::open(sheet.size.mm(), &title);
    for layer in &drawing.layers {
        let name = layer.name;
        let paper: Vec<&Entity> = sheet.paper.iter().filter(|e| e.layer == name).collect();
        let in_views = sheet
            .views
            .iter()
            .any(|v| v.entities.iter().any(|e| e.layer == name));
        if paper.is_empty() && !in_views {
            continue;
        }
        let dash = layer.linetype.pattern_mm();
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(
                r#" stroke-dasharray="{}""#,
                dash.iter().map(|d| n(*d)).collect::<Vec<_>>().join(" ")
            )
        };
        let colour = layer.colour.hex();
        let _ = writeln!(
            wr.out,
            r#"<g id="layer-{}" class="layer layer-{}" stroke="{colour}" stroke-width="{}"{dash_attr}>"#,
            name.as_str(),
            name.as_str().to_ascii_lowercase(),
            n(layer.lineweight_mm)
        );
        wr.colour = colour.clone();
        wr.view = None;
        for e in paper {
            wr.entity(e);
        }
        for v in &sheet.views {
            let ents: Vec<&Entity> = v.entities.iter().filter(|e| e.layer == name).collect();
            if ents.is_empty() {
                continue;
            }
            let _ = writeln!(wr.out, r#"<g class="view view-{}">"#, v.kind.as_str());
            wr.view = Some(v);
            for e in ents {
                wr.entity(e);
            }
            wr.out.push_str("</g>\n");
        }
        wr.out.push_str("</g>\n");
    }
    wr.close()
}

/// An overlay of two revisions of a sheet for review: what is in both in grey, what the new
/// revision removed in red, what it added in green. Views are matched by title and the old
/// view's geometry is drawn through the new view's placement, so model coordinates coincide.
pub fn write_overlay(old: &Drawing, new: &Drawing, index: usize) -> Result<String, SvgError> {
    let sheet = new.sheets.get(index).ok_or(SvgError::NoSheet(index))?;
    let old_views: Vec<&View> = old.sheets.iter().flat_map(|s| &s.views).collect();
    let mut wr = Writer::open(
        sheet.size.mm(),
        &format!(
            "{} overlay: removed red, added green",
            sheet.title.drawing_number
        ),
    );
    let group = |wr: &mut Writer, id: &str, colour: &str, width: f64| {
        let _ = writeln!(
            wr.out,
            r#"<g id="{id}" class="overlay-{id}" stroke="{colour}" stroke-width="{}">"#,
            n(width)
        );
        wr.colour = colour.to_owned();
    };
    group(&mut wr, "unchanged", "#a0a0a0", 0.18);
    wr.view = None;
    for e in &sheet.paper {
        wr.entity(e);
    }
    let mut changes = Vec::new();
    for v in &sheet.views {
        wr.view = Some(v);
        match old_views.iter().find(|o| o.title == v.title) {
            Some(ov) => {
                let d = spw_drawing::revision::diff_view(ov, v);
                for e in &d.unchanged {
                    wr.entity(e);
                }
                changes.push((v, d.removed, d.added));
            }
            None => changes.push((v, Vec::new(), v.entities.iter().collect())),
        }
    }
    wr.out.push_str("</g>\n");
    group(&mut wr, "removed", "#d00000", 0.35);
    for (v, removed, _) in &changes {
        wr.view = Some(v);
        for e in removed {
            wr.entity(e);
        }
    }
    wr.out.push_str("</g>\n");
    group(&mut wr, "added", "#008a00", 0.35);
    for (v, _, added) in &changes {
        wr.view = Some(v);
        for e in added {
            wr.entity(e);
        }
    }
    wr.out.push_str("</g>\n");
    wr.close()
}

#[cfg(test)]
mod tests {
    use super::n;

    #[test]
    fn numbers() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.2500), "1.25");
        assert_eq!(n(-0.0001), "0");
        assert_eq!(n(1234.5678), "1234.568");
    }
}
