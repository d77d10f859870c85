//! The title block template (`templates/title_block.toml`) and the border, title block and
//! revision table it draws in paper space.

use crate::entity::{Align, Entity, Point};
use crate::layer::LayerName;
use crate::sheet::{SheetSize, TitleInfo};
use serde::Deserialize;

/// The template shipped with the product.
pub const BUILTIN: &str = include_str!("../../../templates/title_block.toml");

/// Company details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Telephone.
    pub telephone: String,
    /// Email.
    pub email: String,
}

/// Sheet margins.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetMargins {
    /// Border inset, mm.
    pub border_mm: f64,
    /// Left filing margin, mm.
    pub filing_margin_mm: f64,
}

/// Title block sizes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockLayout {
    /// Width, mm.
    pub width_mm: f64,
    /// Row height, mm.
    pub row_height_mm: f64,
    /// Label text height, mm.
    pub label_height_mm: f64,
    /// Value text height, mm.
    pub text_height_mm: f64,
    /// Title text height, mm.
    pub title_height_mm: f64,
    /// Revision table rows.
    pub revision_rows: usize,
    /// Standard note.
    pub notes: String,
}

/// A title block template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleBlockTemplate {
    /// Company.
    pub company: Company,
    /// Margins.
    pub sheet: SheetMargins,
    /// Block layout.
    pub block: BlockLayout,
}

/// A revision table row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RevisionRow {
    /// Letter.
    pub letter: String,
    /// Date.
    pub date: String,
    /// What changed.
    pub description: String,
    /// By whom.
    pub by: String,
}

impl TitleBlockTemplate {
    /// Parse a template; the error names the line and field.
    pub fn parse(text: &str) -> Result<TitleBlockTemplate, String> {
        let t: TitleBlockTemplate = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            format!(
                "title block template, line {}: {}",
                line.map_or("?".into(), |l| l.to_string()),
                e.message()
            )
        })?;
        let b = &t.block;
        if !(b.width_mm > 40.0
            && b.row_height_mm > 3.0
            && b.text_height_mm > 0.5
            && t.sheet.border_mm >= 0.0)
        {
            return Err("title block template: sizes are too small to draw".into());
        }
        Ok(t)
    }

    /// Height of the title block plus revision table, mm.
    pub fn height_mm(&self) -> f64 {
        self.block.row_height_mm * (6.0 + 1.0 + self.block.revision_rows as f64)
    }

    /// The drawing area inside the border: (x0, y0, x1, y1) paper mm.
    pub fn frame(&self, size: SheetSize) -> (f64, f64, f64, f64) {
        let (w, h) = size.mm();
        let b = self.sheet.border_mm;
        (b + self.sheet.filing_margin_mm, b, w - b, h - b)
    }

    /// The title block's left edge and top edge (revision table included), paper mm.
    pub fn block_corner(&self, size: SheetSize) -> (f64, f64) {
        let (_, y0, x1, _) = self.frame(size);
        (x1 - self.block.width_mm, y0 + self.height_mm())
    }

    /// Border, title block and revision table entities.
    pub fn draw(
        &self,
        size: SheetSize,
        info: &TitleInfo,
        scale: &str,
        revisions: &[RevisionRow],
    ) -> Vec<Entity> {
        let mut e = Vec::new();
        let (w, h) = size.mm();
        let (x0, y0, x1, y1) = self.frame(size);
        let l = LayerName::TitleBlock;
        e.push(Entity::rect(l, 0.0, 0.0, w, h));
        e.push(Entity::rect(l, x0, y0, x1, y1));
        let b = &self.block;
        let bx = x1 - b.width_mm;
        let rh = b.row_height_mm;
        let text = |e: &mut Vec<Entity>, x: f64, y: f64, label: &str, value: &str, hgt: f64| {
            e.push(Entity::text(
                l,
                Point::new(x + 1.2, y + rh - b.label_height_mm - 0.8),
                b.label_height_mm,
                label,
                Align::Left,
            ));
            e.push(Entity::text(
                l,
                Point::new(x + 1.2, y + 1.2),
                hgt,
                value,
                Align::Left,
            ));
        };
        // Rows from the bottom: sign-off; scale/size/date; number/revision; title; project/customer; company.
        let half = bx + b.width_mm / 2.0;
        let third = b.width_mm / 3.0;
        let rows = [
            vec![
                (bx, "DRAWN", info.drawn_by.as_str()),
                (half, "CHECKED", info.checked_by.as_str()),
            ],
            vec![
                (bx, "SCALE", scale),
                (bx + third, "SHEET", size.format.as_str()),
                (bx + 2.0 * third, "DATE", info.date.as_str()),
            ],
            vec![
                (bx, "DRAWING NUMBER", info.drawing_number.as_str()),
                (bx + 2.0 * third, "REVISION", info.revision.as_str()),
            ],
            vec![(bx, "TITLE", info.title.as_str())],
            vec![
                (bx, "PROJECT", info.project.as_str()),
                (half, "CUSTOMER", info.customer.as_str()),
            ],
        ];
        for (i, row) in rows.iter().enumerate() {
            let y = y0 + rh * i as f64;
            e.push(Entity::rect(l, bx, y, x1, y + rh));
            for (j, (x, label, value)) in row.iter().enumerate() {
                if j > 0 {
                    e.push(Entity::line(l, Point::new(*x, y), Point::new(*x, y + rh)));
                }
                let height = if *label == "DRAWING NUMBER" || *label == "TITLE" {
                    b.title_height_mm.min(rh - b.label_height_mm - 1.5)
                } else {
                    b.text_height_mm
                };
                text(&mut e, *x, y, label, value, height);
            }
        }
        // Company row.
        let y = y0 + rh * 5.0;
        e.push(Entity::rect(l, bx, y, x1, y + rh));
        e.push(Entity::text(
            l,
            Point::new(bx + 1.2, y + 1.6),
            b.title_height_mm.min(rh - 2.0),
            self.company.name.as_str(),
            Align::Left,
        ));
        e.push(Entity::text(
            l,
            Point::new(x1 - 1.2, y + rh - b.label_height_mm - 0.8),
            b.label_height_mm,
            format!("{}  ·  {}", self.company.address, self.company.telephone),
            Align::Right,
        ));
        e.push(Entity::text(
            l,
            Point::new(x1 - 1.2, y + 1.2),
            b.label_height_mm,
            format!("{}  ·  {}", self.company.email, b.notes),
            Align::Right,
        ));
        // Revision table above, latest at the bottom.
        let ry = y0 + rh * 6.0;
        let cols = [bx, bx + 12.0, bx + 36.0, x1 - 20.0];
        let header = ["REV", "DATE", "DESCRIPTION", "BY"];
        let shown: Vec<&RevisionRow> = revisions.iter().rev().take(b.revision_rows).collect();
        for r in 0..=b.revision_rows {
            let y = ry + rh * r as f64;
            e.push(Entity {
                layer: LayerName::Revision,
                shape: crate::Shape::Polyline {
                    points: vec![
                        Point::new(bx, y),
                        Point::new(x1, y),
                        Point::new(x1, y + rh),
                        Point::new(bx, y + rh),
                    ],
                    closed: true,
                },
            });
            for c in &cols[1..] {
                e.push(Entity::line(
                    LayerName::Revision,
                    Point::new(*c, y),
                    Point::new(*c, y + rh),
                ));
            }
            let values: [&str; 4] = if r == b.revision_rows {
                header
            } else if let Some(rev) = shown.get(b.revision_rows - 1 - r) {
                [
                    rev.letter.as_str(),
                    rev.date.as_str(),
                    rev.description.as_str(),
                    rev.by.as_str(),
                ]
            } else {
                continue;
            };
            for (c, v) in cols.iter().zip(values) {
                e.push(Entity::text(
                    LayerName::Revision,
                    Point::new(c + 1.2, y + 2.0),
                    b.label_height_mm.max(2.0),
                    v,
                    Align::Left,
                ));
            }
        }
        e
    }
}

/// The revision letter for a 0-based revision index: A…Z, then AA, AB, … (drawing revisions
/// skip no letters).
pub fn revision_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        n -= 1;
        s.push(b'A' + u8::try_from(n % 26).unwrap_or(0));
        n /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(revision_letter(0), "A");
        assert_eq!(revision_letter(25), "Z");
        assert_eq!(revision_letter(26), "AA");
        assert_eq!(revision_letter(27), "AB");
        assert_eq!(revision_letter(51), "AZ");
        assert_eq!(revision_letter(52), "BA");
    }

    #[test]
    fn builtin_template_parses() {
        let t = TitleBlockTemplate::parse(BUILTIN).expect("parses");
        assert_eq!(t.company.name, "SFG Aluminium Ltd");
        assert!(TitleBlockTemplate::parse("[company]\nname = 3").is_err());
    }
}
