//! Building the whole door: frame, threshold, leaves, meeting stile, regions and pieces.

use crate::hardware_layout::{hinge_centres, required_hinges};
use crate::leaf::{GlassPane, Leaf, LeafWeight, Side};
use crate::piece::{EndCut, Piece, PieceRole};
use crate::rect::Rect;
use crate::region::{Region, RegionKind};
use serde::Serialize;
use spw_model::catalogue::{
    Allowances, Bead, Catalogue, GlazingChoiceError, GlazingNeeds, GlazingUnit, HingeOption,
    Profile, ProfileRole,
};
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
    refuse_absurd_size(cfg)?;
    let s = Sizes::resolve(cfg, cat);
    let unit = choose_glazing_unit(cfg, cat)?;
    let bead = choose_bead(cfg, cat)?;
    let outline = frame_outline(&s)?;
    let zone = leaf_zone(&s)?;
    let outers = leaf_outlines(cfg, &s, &zone)?;
    let unhung = glaze_and_weigh_leaves(cfg, cat, &s, unit, bead, outers)?;
    let hinges = choose_hinges(cfg, cat, &unhung, zone.y1 - zone.y0)?;
    let leaves = hang_leaves(unhung, hinges.option, &cat.allowances, s.ls);
    let meeting_gap = meeting_gap(&leaves, &zone);
    let regions = regions(&s, &outline, &zone, meeting_gap, &leaves);
    let astragal = astragal(meeting_gap, &leaves, s.meeting_p);
    let pieces = pieces(&s, bead, &outline, &leaves, astragal);
    let gaskets = gasket_runs(&outline, &leaves, meeting_gap);
    let fixings = frame_fixings(&cat.allowances, &s);

    Ok(DoorGeometry {
        frame: outline.frame,
        aperture: outline.aperture,
        threshold: outline.threshold,
        leaves,
        meeting_gap,
        astragal,
        regions,
        pieces,
        glazing_unit_code: unit.code.clone(),
        bead_code: bead.code.clone(),
        threshold_code: s.threshold_p.code.clone(),
        hinge_option_id: hinges.option.id.clone(),
        hinges_derived: hinges.derived,
        hinges_per_leaf: hinges.option.per_leaf,
        hinges_required_per_leaf: hinges.required,
        gaskets,
        fixings,
    })
}

/// Refuses a frame larger than [`MAX_LENGTH_MM`] before any arithmetic on it.
fn refuse_absurd_size(cfg: &DoorConfiguration) -> Result<(), Vec<Issue>> {
    if cfg.frame_width_mm > MAX_LENGTH_MM || cfg.frame_height_mm > MAX_LENGTH_MM {
        return Err(geometry_issue(
            "frame_width",
            format!("a frame larger than {MAX_LENGTH_MM} mm cannot be built"),
        ));
    }
    Ok(())
}

/// The frame size, the profiles the door is made of, their sightlines and the fabrication
/// allowances, in mm.
struct Sizes<'c> {
    /// Frame width.
    w: i64,
    /// Frame height.
    h: i64,
    /// Frame profile (head and jambs).
    frame_p: &'c Profile,
    /// Leaf profile (stiles and rails).
    leaf_p: &'c Profile,
    /// Meeting-stile astragal profile.
    meeting_p: &'c Profile,
    /// Threshold profile of the chosen threshold type.
    threshold_p: &'c Profile,
    /// Frame sightline.
    fs: i64,
    /// Threshold sightline.
    ts: i64,
    /// Leaf sightline.
    ls: i64,
    /// Leaf-to-jamb clearance.
    edge: i64,
    /// Leaf-to-head clearance.
    head_gap: i64,
    /// Leaf-to-threshold clearance.
    thr_gap: i64,
    /// Gap between the leaves of a double door.
    meet_gap: i64,
    /// Glass edge cover under the leaf profile.
    cover: i64,
}

impl<'c> Sizes<'c> {
    /// Looks up the profiles and allowances for a door.
    fn resolve(cfg: &DoorConfiguration, cat: &'c Catalogue) -> Sizes<'c> {
        let a = &cat.allowances;
        let frame_p = cat.profile(ProfileRole::Frame);
        let leaf_p = cat.profile(ProfileRole::Leaf);
        let meeting_p = cat.profile(ProfileRole::MeetingStile);
        let threshold_p = cat.profile(match cfg.threshold_type {
            ThresholdType::Standard => ProfileRole::ThresholdStandard,
            ThresholdType::Low => ProfileRole::ThresholdLow,
        });
        Sizes {
            w: i64::from(cfg.frame_width_mm),
            h: i64::from(cfg.frame_height_mm),
            frame_p,
            leaf_p,
            meeting_p,
            threshold_p,
            fs: i64::from(frame_p.sightline_mm),
            ts: i64::from(threshold_p.sightline_mm),
            ls: i64::from(leaf_p.sightline_mm),
            edge: i64::from(a.edge_gap_mm),
            head_gap: i64::from(a.head_gap_mm),
            thr_gap: i64::from(a.threshold_gap_mm),
            meet_gap: i64::from(a.meeting_gap_mm),
            cover: i64::from(a.glass_edge_cover_mm),
        }
    }

    /// Smallest leaf side that leaves room between its stiles (or rails).
    fn min_leaf(&self) -> i64 {
        2 * self.ls + 1
    }

    /// The issue for a frame too small to hold `what`.
    fn too_small(&self, what: &str) -> Vec<Issue> {
        let (w, h, ls) = (self.w, self.h, self.ls);
        geometry_issue(
            "frame_width",
            format!(
                "a {w} × {h} mm frame is too small for {what}: each leaf needs more than {} mm for its {ls} mm stiles",
                2 * ls
            ),
        )
    }
}

/// Chooses the glazing unit: the named one, or the catalogue's pick for the type, thickness and
/// security and fire needs.
fn choose_glazing_unit<'c>(
    cfg: &DoorConfiguration,
    cat: &'c Catalogue,
) -> Result<&'c GlazingUnit, Vec<Issue>> {
    let needs = GlazingNeeds {
        laminated_inner: cfg.security_rating.needs_pas24(),
        fire_minutes: cfg.fire_rating.as_ref().map_or(0, |f| f.minutes),
    };
    cat.choose_glazing(
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
    })
}

/// Chooses the glazing bead that holds the glazing thickness.
fn choose_bead<'c>(cfg: &DoorConfiguration, cat: &'c Catalogue) -> Result<&'c Bead, Vec<Issue>> {
    cat.bead_for(cfg.glazing_thickness_mm).ok_or_else(|| {
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
    })
}

/// The frame outline, the opening inside it and the threshold between the jambs.
struct FrameOutline {
    /// Frame outline (overall size).
    frame: Rect,
    /// Opening inside frame and threshold.
    aperture: Rect,
    /// Threshold, between the jambs.
    threshold: Rect,
}

/// Draws the frame outline, its aperture and the threshold; refuses a frame with no opening.
fn frame_outline(s: &Sizes) -> Result<FrameOutline, Vec<Issue>> {
    let (w, h, fs, ts) = (s.w, s.h, s.fs, s.ts);
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
    Ok(FrameOutline {
        frame,
        aperture,
        threshold,
    })
}

/// The space the leaves fill: the aperture less the clearances to jambs, head and threshold.
struct LeafZone {
    /// Left edge of the leftmost leaf.
    x0: i64,
    /// Bottom edge of the leaves.
    y0: i64,
    /// Right edge of the rightmost leaf.
    x1: i64,
    /// Top edge of the leaves.
    y1: i64,
}

/// Works out the leaf zone; refuses a frame too low to hold a leaf.
fn leaf_zone(s: &Sizes) -> Result<LeafZone, Vec<Issue>> {
    let zone = LeafZone {
        x0: s.fs + s.edge,
        y0: s.ts + s.thr_gap,
        x1: s.w - s.fs - s.edge,
        y1: s.h - s.fs - s.head_gap,
    };
    if zone.y1 - zone.y0 < s.min_leaf() {
        let h = s.h;
        return Err(geometry_issue(
            "frame_height",
            format!("a {h} mm frame is too low to hold a leaf"),
        ));
    }
    Ok(zone)
}

/// Leaf outlines, left to right, with whether each is active and its hinge side. The active leaf
/// of a double door takes the odd millimetre.
fn leaf_outlines(
    cfg: &DoorConfiguration,
    s: &Sizes,
    zone: &LeafZone,
) -> Result<Vec<(Rect, bool, Side)>, Vec<Issue>> {
    let leaf_count = cfg.leaf_count();
    let available = zone.x1 - zone.x0 - if leaf_count == 2 { s.meet_gap } else { 0 };
    let min_leaf = s.min_leaf();
    let active_left = cfg.handing == Handing::Left;
    Ok(match cfg.door_type {
        DoorType::Single => {
            let r = Rect::new(zone.x0, zone.y0, zone.x1, zone.y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| s.too_small("a leaf"))?;
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
            let left = Rect::new(zone.x0, zone.y0, zone.x0 + left_w, zone.y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| s.too_small("two leaves"))?;
            let right = Rect::new(zone.x1 - right_w, zone.y0, zone.x1, zone.y1)
                .filter(|r| r.width() >= min_leaf)
                .ok_or_else(|| s.too_small("two leaves"))?;
            vec![
                (left, active_left, Side::Left),
                (right, !active_left, Side::Right),
            ]
        }
    })
}

/// A leaf before its hinges are chosen: glazed and weighed, without the hinges' weight.
struct UnhungLeaf {
    /// Outline.
    outer: Rect,
    /// Visible glass.
    daylight: Rect,
    /// The glass unit to order.
    glass: GlassPane,
    /// Whether it is the active leaf.
    active: bool,
    /// Side of its hinges.
    side: Side,
    /// Weight build-up, hinges not yet included.
    weight: LeafWeight,
}

/// Glazes each leaf (daylight opening and glass pane) and weighs it with its lock, handles and
/// astragal; refuses a leaf too small for its glass.
fn glaze_and_weigh_leaves(
    cfg: &DoorConfiguration,
    cat: &Catalogue,
    s: &Sizes,
    unit: &GlazingUnit,
    bead: &Bead,
    outers: Vec<(Rect, bool, Side)>,
) -> Result<Vec<UnhungLeaf>, Vec<Issue>> {
    let leaf_count = cfg.leaf_count();
    let (ls, cover) = (s.ls, s.cover);
    let bs = i64::from(bead.sightline_mm);
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

    let mut unhung = Vec::new();
    for (outer, active, side) in outers {
        let daylight = outer.inset(ls).ok_or_else(|| s.too_small("its glass"))?;
        let to_u32 = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
        let glass = GlassPane {
            width_mm: to_u32(daylight.width() + 2 * cover),
            height_mm: to_u32(daylight.height() + 2 * cover),
        };
        let bead_len = 2 * (daylight.width() + 2 * bs) + 2 * (daylight.height() + 2 * bs);
        let astragal_kg = if leaf_count == 2 && !active {
            outer.height() as f64 / 1000.0 * s.meeting_p.weight_kg_m
        } else {
            0.0
        };
        let m = |mm: i64| mm as f64 / 1000.0;
        let weight = LeafWeight {
            profiles_kg: m(outer.perimeter_mm()) * s.leaf_p.weight_kg_m,
            beads_kg: m(bead_len) * bead.weight_kg_m,
            glass_kg: glass.area_m2() * unit.weight_kg_m2(),
            gaskets_kg: m(outer.perimeter_mm() + 2 * daylight.perimeter_mm()) * gasket_kg_m,
            hardware_kg: lock_kg + handle_kg + astragal_kg,
        };
        unhung.push(UnhungLeaf {
            outer,
            daylight,
            glass,
            active,
            side,
            weight,
        });
    }
    Ok(unhung)
}

/// The hinge option a door gets.
struct HingeChoice<'c> {
    /// The option used.
    option: &'c HingeOption,
    /// Whether it was derived because none was chosen.
    derived: bool,
    /// Hinges per leaf the heaviest, tallest leaf needs with this option.
    required: u32,
}

/// Chooses the hinges: the chosen option, or the first catalogue option that carries the
/// heaviest leaf (else the one with most hinges per leaf).
fn choose_hinges<'c>(
    cfg: &DoorConfiguration,
    cat: &'c Catalogue,
    unhung: &[UnhungLeaf],
    leaf_height: i64,
) -> Result<HingeChoice<'c>, Vec<Issue>> {
    let chosen_hinges: Option<&HingeOption> =
        cfg.hardware.hinges.as_deref().and_then(|id| cat.hinge(id));
    let heaviest = unhung
        .iter()
        .map(|p| p.weight.total_kg())
        .fold(0.0, f64::max);
    let need_for = |opt: &HingeOption| {
        // Hinges add their own weight to the leaf they carry.
        let with_hinges = heaviest + f64::from(opt.per_leaf) * opt.weight_kg;
        required_hinges(leaf_height, with_hinges, opt.capacity_kg)
    };
    let (option, derived) = match chosen_hinges {
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
    Ok(HingeChoice {
        option,
        derived,
        required: need_for(option),
    })
}

/// Hangs each leaf: numbers it, places its hinges, lock and handle, and adds the hinges' weight.
fn hang_leaves(
    unhung: Vec<UnhungLeaf>,
    hinge_opt: &HingeOption,
    a: &Allowances,
    ls: i64,
) -> Vec<Leaf> {
    let mut leaves = Vec::new();
    for (i, p) in unhung.into_iter().enumerate() {
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
    leaves
}

/// The gap between the leaves of a double door.
fn meeting_gap(leaves: &[Leaf], zone: &LeafZone) -> Option<Rect> {
    if leaves.len() == 2 {
        Rect::new(leaves[0].outer.x1, zone.y0, leaves[1].outer.x0, zone.y1)
    } else {
        None
    }
}

/// Regions partitioning the frame outline, in order: frame members and clearances, threshold,
/// meeting gap, then each leaf's stiles, rails and glass.
fn regions(
    s: &Sizes,
    outline: &FrameOutline,
    zone: &LeafZone,
    meeting_gap: Option<Rect>,
    leaves: &[Leaf],
) -> Vec<Region> {
    let (w, h, fs, ts, ls) = (s.w, s.h, s.fs, s.ts, s.ls);
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
    push(RegionKind::Threshold, "threshold", Some(outline.threshold));
    push(
        RegionKind::Frame,
        "clearance (left)",
        Rect::new(fs, ts, zone.x0, h - fs),
    );
    push(
        RegionKind::Frame,
        "clearance (right)",
        Rect::new(zone.x1, ts, w - fs, h - fs),
    );
    push(
        RegionKind::Frame,
        "clearance (head)",
        Rect::new(zone.x0, zone.y1, zone.x1, h - fs),
    );
    push(
        RegionKind::Threshold,
        "clearance (threshold)",
        Rect::new(zone.x0, ts, zone.x1, zone.y0),
    );
    push(RegionKind::MeetingStile, "meeting gap", meeting_gap);
    let double = leaves.len() == 2;
    for leaf in leaves {
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
    regions
}

/// The meeting-stile astragal on the passive leaf, centred on the meeting gap.
fn astragal(meeting_gap: Option<Rect>, leaves: &[Leaf], meeting_p: &Profile) -> Option<Rect> {
    match (&meeting_gap, leaves.iter().find(|l| !l.active)) {
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
    }
}

/// Every profile piece to cut, in order: frame head and jambs, threshold, each leaf's stiles,
/// rails and beads, then the astragal.
fn pieces(
    s: &Sizes,
    bead: &Bead,
    outline: &FrameOutline,
    leaves: &[Leaf],
    astragal: Option<Rect>,
) -> Vec<Piece> {
    let bs = i64::from(bead.sightline_mm);
    let double = leaves.len() == 2;
    let len = |v: i64| u32::try_from(v).unwrap_or(0);
    let mut pieces = vec![
        Piece {
            label: "frame head".into(),
            profile_code: s.frame_p.code.clone(),
            role: PieceRole::Frame,
            length_mm: len(s.w),
            count: 1,
            ends: [EndCut::Mitre45, EndCut::Mitre45],
        },
        Piece {
            label: "frame jamb".into(),
            profile_code: s.frame_p.code.clone(),
            role: PieceRole::Frame,
            length_mm: len(s.h),
            count: 2,
            ends: [EndCut::Mitre45, EndCut::Square],
        },
        Piece {
            label: "threshold".into(),
            profile_code: s.threshold_p.code.clone(),
            role: PieceRole::Threshold,
            length_mm: len(outline.threshold.width()),
            count: 1,
            ends: [EndCut::Square, EndCut::Square],
        },
    ];
    for leaf in leaves {
        let name = if double {
            format!("leaf {} ", leaf.number)
        } else {
            "leaf ".to_owned()
        };
        let d = leaf.daylight;
        for (what, role, code, length) in [
            (
                "stile",
                PieceRole::Leaf,
                &s.leaf_p.code,
                leaf.outer.height(),
            ),
            ("rail", PieceRole::Leaf, &s.leaf_p.code, leaf.outer.width()),
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
            profile_code: s.meeting_p.code.clone(),
            role: PieceRole::MeetingStile,
            length_mm: len(ast.height()),
            count: 1,
            ends: [EndCut::Square, EndCut::Square],
        });
    }
    pieces
}

/// Gasket runs: frame seal round the aperture, leaf perimeters, glazing gaskets both sides and
/// the meeting-stile seal.
fn gasket_runs(outline: &FrameOutline, leaves: &[Leaf], meeting_gap: Option<Rect>) -> GasketRuns {
    GasketRuns {
        frame_mm: outline.aperture.perimeter_mm(),
        leaf_mm: leaves.iter().map(|l| l.outer.perimeter_mm()).sum(),
        glazing_mm: leaves.iter().map(|l| 2 * l.daylight.perimeter_mm()).sum(),
        meeting_mm: meeting_gap.map_or(0, |g| g.height()),
    }
}

/// Frame fixings along the jambs, the head and the threshold.
fn frame_fixings(a: &Allowances, s: &Sizes) -> FrameFixings {
    let corner = i64::from(a.fixing_corner_offset_mm);
    let centres = i64::from(a.fixing_max_centres_mm);
    FrameFixings {
        jamb_y_mm: fixings_along(0, s.h, corner, centres),
        head_x_mm: fixings_along(0, s.w, corner, centres),
        threshold_x_mm: fixings_along(s.fs, s.w - s.fs, corner, centres),
    }
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
