//! Building the whole door: frame, threshold, leaves, meeting stile, regions and pieces.

use crate::hardware_layout::{hinge_centres, required_hinges};
use crate::leaf::{GlassPane, Leaf, LeafWeight, Side};
use crate::piece::{EndCut, Piece, PieceRole};
use crate::rect::Rect;
use crate::region::{Region, RegionKind};
use serde::Serialize;
use spw_model::catalogue::{Catalogue, GlazingChoiceError, GlazingNeeds, HingeOption, ProfileRole};
use spw_model::config::{DoorConfiguration, DoorType, Handing, ThresholdType};
use spw_model::{Issue, IssueCode};

/// Largest frame dimension geometry accepts (well beyond the product limits, to refuse absurd
/// input before arithmetic could overflow).
pub const MAX_LENGTH_MM: u32 = 100_000;

/// Gasket lengths, mm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GasketRuns {
    /// Frame weather seal around the aperture.
    pub frame_mm: i64,
    /// Leaf perimeter seals.
    pub leaf_mm: i64,
    /// Inner and outer glazing gaskets.
    pub glazing_mm: i64,
    /// Meeting-stile seal (double doors).
    pub meeting_mm: i64,
}

impl GasketRuns {
    /// Total, mm.
    pub fn total_mm(&self) -> i64 {
        self.frame_mm + self.leaf_mm + self.glazing_mm + self.meeting_mm
    }
}

/// Frame fixings into the wall opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameFixings {
    /// Fixing heights on each jamb, mm above floor.
    pub jamb_y_mm: Vec<i64>,
    /// Fixing positions along the head, mm from the left.
    pub head_x_mm: Vec<i64>,
    /// Fixing positions along the threshold, mm from the left.
    pub threshold_x_mm: Vec<i64>,
}

impl FrameFixings {
    /// Number of fixings.
    pub fn count(&self) -> u32 {
        let n = 2 * self.jamb_y_mm.len() + self.head_x_mm.len() + self.threshold_x_mm.len();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// The resolved geometry of one door.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoorGeometry {
    /// Frame outline (overall size).
    pub frame: Rect,
    /// Opening inside frame and threshold.
    pub aperture: Rect,
    /// Threshold, between the jambs.
    pub threshold: Rect,
    /// Leaves, left to right seen from outside.
    pub leaves: Vec<Leaf>,
    /// Gap between the leaves of a double door.
    pub meeting_gap: Option<Rect>,
    /// Meeting-stile astragal on the passive leaf (outside face).
    pub astragal: Option<Rect>,
    /// Regions partitioning the frame outline.
    pub regions: Vec<Region>,
    /// Every profile piece to cut.
    pub pieces: Vec<Piece>,
    /// Glazing unit used.
    pub glazing_unit_code: String,
    /// Glazing bead used.
    pub bead_code: String,
    /// Threshold profile used.
    pub threshold_code: String,
    /// Hinge option used (chosen or derived).
    pub hinge_option_id: String,
    /// Whether the hinge option was derived because none was chosen.
    pub hinges_derived: bool,
    /// Hinges per leaf.
    pub hinges_per_leaf: u32,
    /// Hinges per leaf the heaviest, tallest leaf needs.
    pub hinges_required_per_leaf: u32,
    /// Gasket runs.
    pub gaskets: GasketRuns,
    /// Frame fixings.
    pub fixings: FrameFixings,
}

impl DoorGeometry {
    /// Area of the regions of a kind, mm².
    pub fn area_mm2(&self, kind: RegionKind) -> i64 {
        self.regions
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.rect.area_mm2())
            .sum()
    }

    /// Area of all regions, mm² (equals the frame outline).
    pub fn total_area_mm2(&self) -> i64 {
        self.regions.iter().map(|r| r.rect.area_mm2()).sum()
    }

    /// Visible glass perimeter lg, mm.
    pub fn glazing_perimeter_mm(&self) -> i64 {
        self.leaves.iter().map(|l| l.daylight.perimeter_mm()).sum()
    }

    /// The heaviest leaf's weight, kg.
    pub fn max_leaf_weight_kg(&self) -> f64 {
        self.leaves
            .iter()
            .map(|l| l.weight.total_kg())
            .fold(0.0, f64::max)
    }

    /// The active leaf.
    pub fn active_leaf(&self) -> &Leaf {
        self.leaves
            .iter()
            .find(|l| l.active)
            .unwrap_or(&self.leaves[0])
    }
}

fn fixings_along(start: i64, end: i64, corner: i64, centres: i64) -> Vec<i64> {
    let length = end - start;
    if length <= 0 {
        return Vec::new();
    }
    let corner = corner.clamp(0, length / 2);
    let first = start + corner;
    let last = end - corner;
    let span = last - first;
    if span <= 0 {
        return vec![first];
    }
    let gaps = (span + centres - 1) / centres.max(1);
    (0..=gaps).map(|i| first + span * i / gaps).collect()
}

fn geometry_issue(field: &str, message: String) -> Vec<Issue> {
    vec![Issue::error(IssueCode::DimensionLimit, field, message)]
}

/// Build the geometry of a door.
///
/// Fails with coded issues when the door cannot be built at all: a frame too small to hold its
/// leaves and glass, or no glazing unit for the asked type and thickness. Limits that a door can
/// be drawn beyond (leaf width, weight) are the validation rules' business, not refused here.
pub fn build(cfg: &DoorConfiguration, cat: &Catalogue) -> Result<DoorGeometry, Vec<Issue>> {
    if cfg.frame_width_mm > MAX_LENGTH_MM || cfg.frame_height_mm > MAX_LENGTH_MM {
        return Err(geometry_issue(
            "frame_width",
            format!("a frame larger than {MAX_LENGTH_MM} mm cannot be built"),
        ));
    }
    let a = &cat.allowances;
    let w = i64::from(cfg.frame_width_mm);
    let h = i64::from(cfg.frame_height_mm);
    let frame_p = cat.profile(ProfileRole::Frame);
    let leaf_p = cat.profile(ProfileRole::Leaf);
    let meeting_p = cat.profile(ProfileRole::MeetingStile);
    let threshold_p = cat.profile(match cfg.threshold_type {
        ThresholdType::Standard => ProfileRole::ThresholdStandard,
        ThresholdType::Low => ProfileRole::ThresholdLow,
    });
    let fs = i64::from(frame_p.sightline_mm);
    let ts = i64::from(threshold_p.sightline_mm);
    let ls = i64::from(leaf_p.sightline_mm);
    let edge = i64::from(a.edge_gap_mm);
    let head_gap = i64::from(a.head_gap_mm);
    let thr_gap = i64::from(a.threshold_gap_mm);
    let meet_gap = i64::from(a.meeting_gap_mm);
    let cover = i64::from(a.glass_edge_cover_mm);

    let needs = GlazingNeeds {
        laminated_inner: cfg.security_rating.needs_pas24(),
        fire_minutes: cfg.fire_rating.as_ref().map_or(0, |f| f.minutes),
    };
    let unit = cat
        .choose_glazing(
            cfg.glazing_type,
            cfg.glazing_thickness_mm,
            cfg.glazing_unit.as_deref(),
            needs,
        )
        .map_err(|e| {
            let issue = match e {
                GlazingChoiceError::UnknownUnit(code) => Issue::error(
                    IssueCode::Glazing,
                    "glazing_unit",
                    format!("glazing unit `{code}` is not in the catalogue"),
                )
                .value(code),
                GlazingChoiceError::NamedMismatch { code, glazing_type, thickness_mm } => Issue::error(
                    IssueCode::Glazing,
                    "glazing_unit",
                    format!(
                        "glazing unit `{code}` is a {thickness_mm} mm {} unit, but the door asks for {} mm {} glazing",
                        glazing_type.as_str(),
                        cfg.glazing_thickness_mm,
                        cfg.glazing_type.as_str()
                    ),
                )
                .value(code),
                GlazingChoiceError::NoUnit { glazing_type, thickness_mm } => {
                    let available = cat.glazing_thicknesses(glazing_type);
                    let list: Vec<String> = available.iter().map(u32::to_string).collect();
                    Issue::error(
                        IssueCode::Glazing,
                        "glazing_thickness",
                        format!(
                            "there is no {thickness_mm} mm {} glazing unit; {} units are {} mm",
                            glazing_type.as_str(),
                            glazing_type.as_str(),
                            list.join(", ")
                        ),
                    )
                    .value(thickness_mm)
                    .limit(available)
                }
            };
            vec![issue]
        })?;
    let bead = cat.bead_for(cfg.glazing_thickness_mm).ok_or_else(|| {
        vec![
            Issue::error(
                IssueCode::Glazing,
                "glazing_thickness",
                format!(
                    "no glazing bead holds a {} mm unit; the leaf takes {}–{} mm",
                    cfg.glazing_thickness_mm,
                    cat.limits.glazing_thickness_min_mm,
                    cat.limits.glazing_thickness_max_mm
                ),
            )
            .value(cfg.glazing_thickness_mm),
        ]
    })?;
    let bs = i64::from(bead.sightline_mm);

    let frame = Rect::new(0, 0, w, h)
        .ok_or_else(|| geometry_issue("frame_width", "the frame must have a size".into()))?;
    let aperture = Rect::new(fs, ts, w - fs, h - fs).ok_or_else(|| {
        geometry_issue(
            "frame_width",
            format!(
                "a {w} × {h} mm frame leaves no opening inside its {fs} mm frame and {ts} mm threshold"
            ),
        )
    })?;
    let threshold = Rect::new(fs, 0, w - fs, ts).ok_or_else(|| {
        geometry_issue(
            "frame_width",
            "the frame is too narrow for a threshold".into(),
        )
    })?;

    let leaf_y0 = ts + thr_gap;
    let leaf_y1 = h - fs - head_gap;
    let leaf_x0 = fs + edge;
    let leaf_x1 = w - fs - edge;
    let leaf_count = cfg.leaf_count();
    let available = leaf_x1 - leaf_x0 - if leaf_count == 2 { meet_gap } else { 0 };
    let min_leaf = 2 * ls + 1;
    let too_small = |what: &str| {
        geometry_issue(
            "frame_width",
            format!(
                "a {w} × {h} mm frame is too small for {what}: each leaf needs more than {} mm for its {ls} mm stiles",
                2 * ls
            ),
        )
    };
    if leaf_y1 - leaf_y0 < min_leaf {
        return Err(geometry_issue(
            "frame_height",
            format!("a {h} mm frame is too low to hold a leaf"),
        ));
    }

    // Leaf outlines, left to right. The active leaf of a double door takes the odd millimetre.
    let active_left = cfg.handing == Handing::Left;
    let outers: Vec<(Rect, bool, Side)> = match cfg.door_type {
        DoorType::Single => {
            let r = Rect::new(leaf_x0, leaf_y0, leaf_x1, leaf_y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| too_small("a leaf"))?;
            let side = if active_left { Side::Left } else { Side::Right };
            vec![(r, true, side)]
        }
        DoorType::Double => {
            let big = (available + 1) / 2;
            let small = available / 2;
            let (left_w, right_w) = if active_left {
                (big, small)
            } else {
                (small, big)
            };
            let left = Rect::new(leaf_x0, leaf_y0, leaf_x0 + left_w, leaf_y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| too_small("two leaves"))?;
            let right = Rect::new(leaf_x1 - right_w, leaf_y0, leaf_x1, leaf_y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| too_small("two leaves"))?;
            vec![
                (left, active_left, Side::Left),
                (right, !active_left, Side::Right),
            ]
        }
    };

    let chosen_hinges: Option<&HingeOption> =
        cfg.hardware.hinges.as_deref().and_then(|id| cat.hinge(id));
    let lock_kg = cfg
        .hardware
        .lock
        .as_deref()
        .and_then(|id| cat.lock(id))
        .map_or(0.0, |l| l.weight_kg);
    let handle_kg = cfg
        .hardware
        .handles
        .as_deref()
        .and_then(|id| cat.handle(id))
        .map_or(0.0, |l| l.weight_kg);
    let gasket_kg_m = cat.sundries.gasket_weight_kg_m;

    struct Pre {
        outer: Rect,
        daylight: Rect,
        glass: GlassPane,
        active: bool,
        side: Side,
        weight: LeafWeight,
    }
    let mut pre = Vec::new();
    for (outer, active, side) in outers {
        let daylight = outer.inset(ls).ok_or_else(|| too_small("its glass"))?;
        let to_u32 = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
        let glass = GlassPane {
            width_mm: to_u32(daylight.width() + 2 * cover),
            height_mm: to_u32(daylight.height() + 2 * cover),
        };
        let bead_len = 2 * (daylight.width() + 2 * bs) + 2 * (daylight.height() + 2 * bs);
        let astragal_kg = if leaf_count == 2 && !active {
            outer.height() as f64 / 1000.0 * meeting_p.weight_kg_m
        } else {
            0.0
        };
        let m = |mm: i64| mm as f64 / 1000.0;
        let weight = LeafWeight {
            profiles_kg: m(outer.perimeter_mm()) * leaf_p.weight_kg_m,
            beads_kg: m(bead_len) * bead.weight_kg_m,
            glass_kg: glass.area_m2() * unit.weight_kg_m2(),
            gaskets_kg: m(outer.perimeter_mm() + 2 * daylight.perimeter_mm()) * gasket_kg_m,
            hardware_kg: lock_kg + handle_kg + astragal_kg,
        };
        pre.push(Pre {
            outer,
            daylight,
            glass,
            active,
            side,
            weight,
        });
    }

    // Hinges: the chosen option, or the first catalogue option that carries the heaviest leaf.
    let leaf_height = leaf_y1 - leaf_y0;
    let heaviest = pre.iter().map(|p| p.weight.total_kg()).fold(0.0, f64::max);
    let need_for = |opt: &HingeOption| {
        // Hinges add their own weight to the leaf they carry.
        let with_hinges = heaviest + f64::from(opt.per_leaf) * opt.weight_kg;
        required_hinges(leaf_height, with_hinges, opt.capacity_kg)
    };
    let (hinge_opt, derived) = match chosen_hinges {
        Some(opt) => (opt, false),
        None => {
            let fits = cat.hinges.iter().find(|o| o.per_leaf >= need_for(o));
            let most = cat.hinges.iter().max_by_key(|o| o.per_leaf);
            match fits.or(most) {
                Some(o) => (o, true),
                None => {
                    return Err(vec![Issue::error(
                        IssueCode::HardwareSecurity,
                        "hardware.hinges",
                        "the catalogue has no hinges",
                    )]);
                }
            }
        }
    };
    let hinges_required = need_for(hinge_opt);

    let mut leaves = Vec::new();
    for (i, p) in pre.into_iter().enumerate() {
        let hinge_y_mm = hinge_centres(
            p.outer.y0,
            p.outer.y1,
            hinge_opt.per_leaf,
            i64::from(a.hinge_top_offset_mm),
            i64::from(a.hinge_bottom_offset_mm),
        );
        let lock_x = match p.side {
            Side::Left => p.outer.x1 - ls / 2,
            Side::Right => p.outer.x0 + ls / 2,
        };
        let handle_y = i64::from(a.handle_height_mm).clamp(p.outer.y0, p.outer.y1);
        let mut weight = p.weight;
        weight.hardware_kg += f64::from(hinge_opt.per_leaf) * hinge_opt.weight_kg;
        leaves.push(Leaf {
            number: u32::try_from(i + 1).unwrap_or(1),
            active: p.active,
            hinge_side: p.side,
            outer: p.outer,
            daylight: p.daylight,
            glass: p.glass,
            hinge_y_mm,
            lock_at_mm: (lock_x, handle_y),
            weight,
        });
    }

    // Regions: frame members and clearances, threshold, leaves, meeting stiles, glass.
    let mut regions = Vec::new();
    let mut push = |kind: RegionKind, label: &str, r: Option<Rect>| {
        if let Some(rect) = r {
            regions.push(Region {
                kind,
                label: label.to_owned(),
                rect,
            });
        }
    };
    push(RegionKind::Frame, "frame head", Rect::new(0, h - fs, w, h));
    push(
        RegionKind::Frame,
        "frame jamb (left)",
        Rect::new(0, 0, fs, h - fs),
    );
    push(
        RegionKind::Frame,
        "frame jamb (right)",
        Rect::new(w - fs, 0, w, h - fs),
    );
    push(RegionKind::Threshold, "threshold", Some(threshold));
    push(
        RegionKind::Frame,
        "clearance (left)",
        Rect::new(fs, ts, leaf_x0, h - fs),
    );
    push(
        RegionKind::Frame,
        "clearance (right)",
        Rect::new(leaf_x1, ts, w - fs, h - fs),
    );
    push(
        RegionKind::Frame,
        "clearance (head)",
        Rect::new(leaf_x0, leaf_y1, leaf_x1, h - fs),
    );
    push(
        RegionKind::Threshold,
        "clearance (threshold)",
        Rect::new(leaf_x0, ts, leaf_x1, leaf_y0),
    );
    let meeting_gap = if leaves.len() == 2 {
        Rect::new(leaves[0].outer.x1, leaf_y0, leaves[1].outer.x0, leaf_y1)
    } else {
        None
    };
    push(RegionKind::MeetingStile, "meeting gap", meeting_gap);
    let double = leaves.len() == 2;
    for leaf in &leaves {
        let o = leaf.outer;
        let n = leaf.number;
        let meeting_side_left = double && leaf.hinge_side == Side::Right;
        let meeting_side_right = double && leaf.hinge_side == Side::Left;
        let stile_kind = |meeting: bool| {
            if meeting {
                RegionKind::MeetingStile
            } else {
                RegionKind::Leaf
            }
        };
        push(
            stile_kind(meeting_side_left),
            &format!("leaf {n} stile (left)"),
            Rect::new(o.x0, o.y0, o.x0 + ls, o.y1),
        );
        push(
            stile_kind(meeting_side_right),
            &format!("leaf {n} stile (right)"),
            Rect::new(o.x1 - ls, o.y0, o.x1, o.y1),
        );
        push(
            RegionKind::Leaf,
            &format!("leaf {n} bottom rail"),
            Rect::new(o.x0 + ls, o.y0, o.x1 - ls, o.y0 + ls),
        );
        push(
            RegionKind::Leaf,
            &format!("leaf {n} top rail"),
            Rect::new(o.x0 + ls, o.y1 - ls, o.x1 - ls, o.y1),
        );
        push(
            RegionKind::Glazing,
            &format!("leaf {n} glass"),
            Some(leaf.daylight),
        );
    }
    let astragal = match (&meeting_gap, leaves.iter().find(|l| !l.active)) {
        (Some(gap), Some(_)) => {
            let half = i64::from(meeting_p.sightline_mm) / 2;
            let mid = (gap.x0 + gap.x1) / 2;
            Rect::new(
                mid - half,
                gap.y0,
                mid - half + i64::from(meeting_p.sightline_mm),
                gap.y1,
            )
        }
        _ => None,
    };

    // Pieces.
    let len = |v: i64| u32::try_from(v).unwrap_or(0);
    let mut pieces = vec![
        Piece {
            label: "frame head".into(),
            profile_code: frame_p.code.clone(),
            role: PieceRole::Frame,
            length_mm: len(w),
            count: 1,
            ends: [EndCut::Mitre45, EndCut::Mitre45],
        },
        Piece {
            label: "frame jamb".into(),
            profile_code: frame_p.code.clone(),
            role: PieceRole::Frame,
            length_mm: len(h),
            count: 2,
            ends: [EndCut::Mitre45, EndCut::Square],
        },
        Piece {
            label: "threshold".into(),
            profile_code: threshold_p.code.clone(),
            role: PieceRole::Threshold,
            length_mm: len(threshold.width()),
            count: 1,
            ends: [EndCut::Square, EndCut::Square],
        },
    ];
    for leaf in &leaves {
        let name = if double {
            format!("leaf {} ", leaf.number)
        } else {
            "leaf ".to_owned()
        };
        let d = leaf.daylight;
        for (what, role, code, length) in [
            ("stile", PieceRole::Leaf, &leaf_p.code, leaf.outer.height()),
            ("rail", PieceRole::Leaf, &leaf_p.code, leaf.outer.width()),
            (
                "bead (vertical)",
                PieceRole::Bead,
                &bead.code,
                d.height() + 2 * bs,
            ),
            (
                "bead (horizontal)",
                PieceRole::Bead,
                &bead.code,
                d.width() + 2 * bs,
            ),
        ] {
            pieces.push(Piece {
                label: format!("{name}{what}"),
                profile_code: code.clone(),
                role,
                length_mm: len(length),
                count: 2,
                ends: [EndCut::Mitre45, EndCut::Mitre45],
            });
        }
    }
    if let Some(ast) = astragal {
        pieces.push(Piece {
            label: "meeting stile astragal".into(),
            profile_code: meeting_p.code.clone(),
            role: PieceRole::MeetingStile,
            length_mm: len(ast.height()),
            count: 1,
            ends: [EndCut::Square, EndCut::Square],
        });
    }

    let gaskets = GasketRuns {
        frame_mm: aperture.perimeter_mm(),
        leaf_mm: leaves.iter().map(|l| l.outer.perimeter_mm()).sum(),
        glazing_mm: leaves.iter().map(|l| 2 * l.daylight.perimeter_mm()).sum(),
        meeting_mm: meeting_gap.map_or(0, |g| g.height()),
    };
    let corner = i64::from(a.fixing_corner_offset_mm);
    let centres = i64::from(a.fixing_max_centres_mm);
    let fixings = FrameFixings {
        jamb_y_mm: fixings_along(0, h, corner, centres),
        head_x_mm: fixings_along(0, w, corner, centres),
        threshold_x_mm: fixings_along(fs, w - fs, corner, centres),
    };

    Ok(DoorGeometry {
        frame,
        aperture,
        threshold,
        leaves,
        meeting_gap,
        astragal,
        regions,
        pieces,
        glazing_unit_code: unit.code.clone(),
        bead_code: bead.code.clone(),
        threshold_code: threshold_p.code.clone(),
        hinge_option_id: hinge_opt.id.clone(),
        hinges_derived: derived,
        hinges_per_leaf: hinge_opt.per_leaf,
        hinges_required_per_leaf: hinges_required,
        gaskets,
        fixings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixings_spacing() {
        let f = fixings_along(0, 2235, 150, 600);
        assert_eq!(f.first(), Some(&150));
        assert_eq!(f.last(), Some(&2085));
        assert!(f.windows(2).all(|p| p[1] - p[0] <= 600));
        assert_eq!(f.len(), 5);
    }
}
