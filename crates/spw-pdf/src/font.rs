//! The bundled text font: DejaVu Sans Condensed, embedded by krilla as a subset, and measured
//! here with its own metrics so text can be centred or right-aligned exactly.

use crate::PdfError;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The font file, bundled at the workspace root.
static FONT_DATA: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");

/// A font ready for drawing and measuring.
pub(crate) struct TextFont {
    /// The font as krilla embeds it.
    pub(crate) font: Font,
    /// The same font for character mapping and advance widths.
    measure: FontRef<'static>,
    /// Units per em.
    units_per_em: f32,
}

/// Text laid out as glyphs on one line.
pub(crate) struct ShapedText {
    /// The glyphs, advances in em.
    pub(crate) glyphs: Vec<KrillaGlyph>,
    /// Total advance, em.
    pub(crate) width_em: f64,
}

impl TextFont {
    /// The bundled font.
    pub(crate) fn bundled() -> Result<TextFont, PdfError> {
        let font = Font::new(FONT_DATA.into(), 0).ok_or(PdfError::Font)?;
        let measure = FontRef::new(FONT_DATA).map_err(|_| PdfError::Font)?;
        let metrics = measure.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em);
        if !(units_per_em > 0.0) {
            return Err(PdfError::Font);
        }
        Ok(TextFont {
            font,
            measure,
            units_per_em,
        })
    }

    /// Maps each character to its glyph with its advance; characters the font lacks show as
    /// its `.notdef` box, and control characters are left out.
    pub(crate) fn shape(&self, text: &str) -> ShapedText {
        let charmap = self.measure.charmap();
        let metrics = self
            .measure
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut glyphs = Vec::with_capacity(text.len());
        let mut width = 0.0_f64;
        for (i, ch) in text.char_indices() {
            if ch.is_control() {
                continue;
            }
            let gid = charmap.map(ch).unwrap_or_default();
            let advance = metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
            width += f64::from(advance);
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(gid.to_u32()),
                advance,
                0.0,
                0.0,
                0.0,
                i..i + ch.len_utf8(),
                None,
            ));
        }
        ShapedText {
            glyphs,
            width_em: width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_text() {
        let f = TextFont::bundled().expect("bundled font");
        let one = f.shape("0");
        let four = f.shape("0000");
        assert_eq!(one.glyphs.len(), 1);
        assert!(
            one.width_em > 0.4 && one.width_em < 0.7,
            "digit advance {}",
            one.width_em
        );
        assert!((four.width_em - 4.0 * one.width_em).abs() < 1e-9);
        assert!(f.shape("W").width_em > f.shape("i").width_em);
    }

    #[test]
    fn skips_control_characters_and_keeps_ranges() {
        let f = TextFont::bundled().expect("bundled font");
        let s = f.shape("a\tø");
        assert_eq!(s.glyphs.len(), 2);
        assert_eq!(s.glyphs[1].text_range, 2..4);
        assert_ne!(s.glyphs[1].glyph_id.to_u32(), 0, "DejaVu has ø");
    }
}
