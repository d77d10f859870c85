//! The bill of materials of one door, from its geometry: profiles by cut length and metres with
//! waste allowances, glass by pane and m², hinges, locks, handles, closers, gaskets, fixings, the
//! finish, weights and material cost.
//!
//! Quantities are kept exact (millimetres, mm², pieces) and costs are computed from them in
//! integer pence; metres and m² are only for reading. Every profile cut in the BOM is a piece of
//! the geometry, with the same length.

mod item;

pub use item::{BomItem, Category, Cut, Pane, Quantity, Unit};

use serde::Serialize;
use spw_geometry::{DoorGeometry, PieceRole};
use spw_model::catalogue::{Catalogue, ColourScheme};
use spw_model::config::DoorConfiguration;
use spw_model::{Pence, Percentage};
use std::collections::BTreeMap;

/// A door's bill of materials.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bom {
    /// Items, profiles first.
    pub items: Vec<BomItem>,
    /// Mass of everything, kg (net of waste).
    pub total_weight_kg: f64,
    /// Mass of the heaviest leaf, kg.
    pub leaf_weight_kg: f64,
    /// Material cost including finish, with waste.
    pub material_cost: Pence,
    /// Hardware items fitted (for labour).
    pub hardware_items: u32,
    /// Glass area, m² (for labour).
    pub glass_area_m2: f64,
}

impl Bom {
    /// Items of one category.
    pub fn items_of(&self, category: Category) -> impl Iterator<Item = &BomItem> {
        self.items.iter().filter(move |i| i.category == category)
    }
}

/// Build the BOM of a door.
pub fn build(cfg: &DoorConfiguration, g: &DoorGeometry, cat: &Catalogue) -> Bom {
    let mut items = Vec::new();
    let waste = &cat.waste;

    // Profiles, grouped by code in catalogue order, with each piece as a cut.
    let mut by_code: BTreeMap<usize, (String, Vec<&spw_geometry::Piece>)> = BTreeMap::new();
    for piece in &g.pieces {
        let order = cat
            .profiles
            .iter()
            .position(|p| p.code == piece.profile_code)
            .unwrap_or(usize::MAX - 1)
            .min(usize::MAX - 1);
        let order = if piece.role == PieceRole::Bead {
            order.saturating_add(1000)
        } else {
            order
        };
        by_code
            .entry(order)
            .or_insert_with(|| (piece.profile_code.clone(), Vec::new()))
            .1
            .push(piece);
    }
    let mut finish_area_m2 = 0.0;
    for (code, pieces) in by_code.into_values() {
        let total_mm: u64 = pieces.iter().map(|p| p.total_mm()).sum();
        let role = pieces[0].role;
        let (description, kg_m, price, finish_m2_m, w) = if role == PieceRole::Bead {
            let b = cat.beads.iter().find(|b| b.code == code);
            (
                b.map_or_else(|| code.clone(), |b| b.description.clone()),
                b.map_or(0.0, |b| b.weight_kg_m),
                b.map_or(Pence::ZERO, |b| b.price_per_m),
                0.0,
                waste.beads_percentage,
            )
        } else {
            let p = cat.profiles.iter().find(|p| p.code == code);
            let w = if role == PieceRole::Threshold {
                waste.threshold_percentage
            } else {
                waste.profiles_percentage
            };
            (
                p.map_or_else(|| code.clone(), |p| p.description.clone()),
                p.map_or(0.0, |p| p.weight_kg_m),
                p.map_or(Pence::ZERO, |p| p.price_per_m),
                p.map_or(0.0, |p| p.finish_area_m2_per_m),
                w,
            )
        };
        finish_area_m2 += total_mm as f64 / 1000.0 * finish_m2_m;
        let cuts = pieces
            .iter()
            .map(|p| Cut {
                label: p.label.clone(),
                length_mm: p.length_mm,
                count: p.count,
                end_cuts: p.end_cut_label(),
            })
            .collect();
        items.push(BomItem::new(
            code,
            description,
            Category::Profile,
            Quantity::LengthMm(total_mm),
            w,
            total_mm as f64 / 1000.0 * kg_m,
            price,
            cuts,
            Vec::new(),
        ));
    }

    // Glass.
    let unit = cat.glazing_unit(&g.glazing_unit_code);
    let mut panes: Vec<Pane> = Vec::new();
    for leaf in &g.leaves {
        match panes
            .iter_mut()
            .find(|p| p.width_mm == leaf.glass.width_mm && p.height_mm == leaf.glass.height_mm)
        {
            Some(p) => {
                p.count += 1;
                p.label = format!(
                    "{} and {} glass",
                    p.label.trim_end_matches(" glass"),
                    leaf.number
                );
            }
            None => panes.push(Pane {
                label: format!("leaf {} glass", leaf.number),
                width_mm: leaf.glass.width_mm,
                height_mm: leaf.glass.height_mm,
                count: 1,
            }),
        }
    }
    let glass_mm2: u64 = panes
        .iter()
        .map(|p| u64::from(p.width_mm) * u64::from(p.height_mm) * u64::from(p.count))
        .sum();
    let glass_area_m2 = glass_mm2 as f64 / 1e6;
    items.push(BomItem::new(
        format!("GLAZING-{}", cfg.glazing_thickness_mm),
        unit.map_or_else(
            || format!("Glazing unit {} mm", cfg.glazing_thickness_mm),
            |u| {
                format!(
                    "Glazing unit {}, {} {} mm, {}",
                    u.code,
                    u.glazing_type.as_str(),
                    u.thickness_mm,
                    u.build_up
                )
            },
        ),
        Category::Glazing,
        Quantity::AreaMm2(glass_mm2),
        waste.glazing_percentage,
        glass_area_m2 * unit.map_or(0.0, |u| u.weight_kg_m2()),
        unit.map_or(Pence::ZERO, |u| u.price_per_m2),
        Vec::new(),
        panes,
    ));

    // Hardware.
    let leaves = cfg.leaf_count();
    let mut hardware_items = 0;
    let mut piece_item = |items: &mut Vec<BomItem>,
                          code: &str,
                          description: &str,
                          count: u32,
                          kg: f64,
                          price: Pence,
                          category: Category| {
        if count > 0 {
            if category == Category::Hardware {
                hardware_items += count;
            }
            items.push(BomItem::new(
                code.to_owned(),
                description.to_owned(),
                category,
                Quantity::Count(count),
                Percentage(0),
                f64::from(count) * kg,
                price,
                Vec::new(),
                Vec::new(),
            ));
        }
    };
    if let Some(h) = cat.hinge(&g.hinge_option_id) {
        piece_item(
            &mut items,
            &h.code,
            &h.description,
            g.hinges_per_leaf * leaves,
            h.weight_kg,
            h.price,
            Category::Hardware,
        );
    }
    if let Some(l) = cfg.hardware.lock.as_deref().and_then(|id| cat.lock(id)) {
        piece_item(
            &mut items,
            &l.code,
            &l.description,
            leaves,
            l.weight_kg,
            l.price,
            Category::Hardware,
        );
    }
    if let Some(h) = cfg
        .hardware
        .handles
        .as_deref()
        .and_then(|id| cat.handle(id))
    {
        piece_item(
            &mut items,
            &h.code,
            &h.description,
            leaves,
            h.weight_kg,
            h.price,
            Category::Hardware,
        );
    }
    if let Some(c) = cfg.hardware.closer.as_deref().and_then(|id| cat.closer(id)) {
        piece_item(
            &mut items,
            &c.code,
            &c.description,
            leaves,
            c.weight_kg,
            c.price,
            Category::Hardware,
        );
        if leaves == 2 {
            let s = &cat.sundries;
            piece_item(
                &mut items,
                &s.selector_code,
                &s.selector_description,
                1,
                s.selector_weight_kg,
                s.selector_price,
                Category::Hardware,
            );
        }
    }

    // Gaskets and fixings.
    let s = &cat.sundries;
    let gasket_mm = u64::try_from(g.gaskets.total_mm()).unwrap_or(0);
    items.push(BomItem::new(
        s.gasket_code.clone(),
        s.gasket_description.clone(),
        Category::Sealing,
        Quantity::LengthMm(gasket_mm),
        waste.gasket_percentage,
        gasket_mm as f64 / 1000.0 * s.gasket_weight_kg_m,
        s.gasket_price_per_m,
        Vec::new(),
        Vec::new(),
    ));
    piece_item(
        &mut items,
        &s.fixing_code,
        &s.fixing_description,
        g.fixings.count(),
        s.fixing_weight_kg,
        s.fixing_price,
        Category::Fixing,
    );

    // Finish, charged on the developed surface of the finished profiles.
    let rule = cat.finish(cfg.finish);
    if rule.price_per_m2 > Pence::ZERO {
        let colour = match rule.colour {
            ColourScheme::Ral => cfg
                .color
                .as_deref()
                .and_then(|c| cat.ral(c))
                .map(|r| format!(" {} {}", r.code, r.name))
                .unwrap_or_default(),
            ColourScheme::Anodised => cfg
                .color
                .as_deref()
                .map(|c| format!(" {}", c.replace('_', " ")))
                .unwrap_or_default(),
            ColourScheme::None => String::new(),
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        // a door's surface in mm² is far below u64::MAX
        let area_mm2 = (finish_area_m2 * 1e6).round().max(0.0) as u64;
        items.push(BomItem::new(
            format!(
                "FINISH-{}",
                cfg.finish.as_str().to_ascii_uppercase().replace('_', "-")
            ),
            format!("{}{colour}", rule.description),
            Category::Finish,
            Quantity::AreaMm2(area_mm2),
            Percentage(0),
            0.0,
            rule.price_per_m2,
            Vec::new(),
            Vec::new(),
        ));
    }

    let total_weight_kg = items.iter().map(|i| i.weight_kg).sum();
    let material_cost = items.iter().map(|i| i.cost).sum();
    Bom {
        items,
        total_weight_kg,
        leaf_weight_kg: g.max_leaf_weight_kg(),
        material_cost,
        hardware_items,
        glass_area_m2,
    }
}
