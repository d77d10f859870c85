//! The configurator's choices: read from the catalogue, plus the configuration schema's own
//! value sets (door type, opening, handing, threshold, ratings), named once here from the
//! model's types so the UI never lists them itself.

use crate::wire::{
    CatalogueChoices, Choice, FinishChoice, GlazingUnitChoice, LimitHints, RalChoice,
};
use spw_drawing::{IsoFormat, Scale, ViewKind};
use spw_model::catalogue::{Catalogue, ColourScheme};
use spw_model::config::GlazingType;

fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
    }
}

/// The fire ratings the configuration schema reads (BS 476-22 and EN 1634-1, up to 60 minutes).
pub const FIRE_RATINGS: [&str; 4] = ["FD30", "FD60", "EI30", "EI60"];

/// The view kinds, in drawing-set order.
pub const VIEWS: [ViewKind; 5] = [
    ViewKind::Elevation,
    ViewKind::Plan,
    ViewKind::Section,
    ViewKind::Detail,
    ViewKind::Isometric,
];

/// Every choice, from `cat`.
pub fn choices(cat: &Catalogue) -> CatalogueChoices {
    let listed = |items: Vec<(&String, &String)>| -> Vec<Choice> {
        items.into_iter().map(|(v, l)| choice(v, l)).collect()
    };
    CatalogueChoices {
        system: format!("{} {}", cat.system.name, cat.system.version),
        door_types: vec![
            choice("single", "Single leaf"),
            choice("double", "Double leaf"),
        ],
        opening_directions: vec![choice("inward", "Inward"), choice("outward", "Outward")],
        handings: vec![
            choice("left", "Left hinged (from outside)"),
            choice("right", "Right hinged (from outside)"),
        ],
        glazing_types: vec![
            choice(GlazingType::Double.as_str(), "Double glazed"),
            choice(GlazingType::Triple.as_str(), "Triple glazed"),
        ],
        double_thicknesses_mm: cat.glazing_thicknesses(GlazingType::Double),
        triple_thicknesses_mm: cat.glazing_thicknesses(GlazingType::Triple),
        glazing_units: cat
            .glazing_units
            .iter()
            .map(|u| GlazingUnitChoice {
                code: u.code.clone(),
                glazing_type: u.glazing_type.as_str().into(),
                thickness_mm: u.thickness_mm,
                build_up: u.build_up.clone(),
                ug: u.ug,
                fire_rating_minutes: u.fire_rating_minutes,
            })
            .collect(),
        spacers: listed(
            cat.spacers
                .iter()
                .map(|s| (&s.id, &s.description))
                .collect(),
        ),
        threshold_types: vec![
            choice("standard", "Standard (25 mm upstand)"),
            choice("low", "Low (15 mm, Approved Document M)"),
        ],
        finishes: cat
            .finishes
            .iter()
            .map(|f| FinishChoice {
                value: f.id.as_str().into(),
                label: f.description.clone(),
                colour_scheme: match f.colour {
                    ColourScheme::Ral => "ral",
                    ColourScheme::Anodised => "anodised",
                    ColourScheme::None => "none",
                }
                .into(),
                shades: f.colours.clone(),
            })
            .collect(),
        ral_colours: cat
            .ral
            .iter()
            .map(|r| RalChoice {
                code: r.code.clone(),
                name: r.name.clone(),
                hex: r.swatch().map(str::to_owned),
            })
            .collect(),
        hinges: listed(cat.hinges.iter().map(|h| (&h.id, &h.description)).collect()),
        locks: listed(cat.locks.iter().map(|h| (&h.id, &h.description)).collect()),
        handles: listed(
            cat.handles
                .iter()
                .map(|h| (&h.id, &h.description))
                .collect(),
        ),
        closers: listed(
            cat.closers
                .iter()
                .map(|h| (&h.id, &h.description))
                .collect(),
        ),
        security_ratings: vec![
            choice("none", "None"),
            choice("PAS24", "PAS 24:2022"),
            choice("SBD", "Secured by Design"),
        ],
        fire_ratings: FIRE_RATINGS
            .iter()
            .map(|r| choice(r, &format!("{r} ({} minutes)", &r[2..])))
            .collect(),
        limits: LimitHints {
            frame_width_min_mm: cat.limits.frame_width_min_mm,
            frame_width_max_mm: cat.limits.frame_width_max_mm,
            frame_height_min_mm: cat.limits.frame_height_min_mm,
            frame_height_max_mm: cat.limits.frame_height_max_mm,
            glazing_thickness_min_mm: cat.limits.glazing_thickness_min_mm,
            glazing_thickness_max_mm: cat.limits.glazing_thickness_max_mm,
        },
        sheets: [
            IsoFormat::A4,
            IsoFormat::A3,
            IsoFormat::A2,
            IsoFormat::A1,
            IsoFormat::A0,
        ]
        .iter()
        .flat_map(|f| {
            ["landscape", "portrait"].map(|o| {
                choice(
                    &format!("{}-{o}", f.as_str()),
                    &format!("{} {o}", f.as_str()),
                )
            })
        })
        .collect(),
        scales: std::iter::once(choice("fit", "Fit to sheet"))
            .chain(
                Scale::STANDARD
                    .iter()
                    .map(|s| choice(&s.label(), &s.label())),
            )
            .collect(),
        views: VIEWS
            .iter()
            .map(|v| {
                let s = v.as_str();
                let mut label = s.to_owned();
                if let Some(first) = label.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                choice(s, &label)
            })
            .collect(),
        formats: vec![
            choice("pdf", "PDF (one file, a page per sheet)"),
            choice("dxf", "DXF (AutoCAD 2013, a file per sheet)"),
            choice("svg", "SVG (a file per sheet)"),
            choice("png", "PNG preview (150 dpi, a file per sheet)"),
        ],
    }
}
