//! The product catalogue: profiles, glazing, hardware, finishes, prices and rules, loaded from
//! the TOML data files under `assets/catalogue/`.
//!
//! Loading is pure: the caller hands over each file's name and text ([`CatalogueSources`]); the
//! files shipped with the product are also compiled in ([`CatalogueSources::builtin`]) so the
//! core works with no folder at all. A file that does not parse, or a catalogue that contradicts
//! itself, gives every problem at once, each naming file, line and field.

mod glazing;
mod hardware;
mod pricing;
mod profile;
mod ral;
mod system;

pub use glazing::{BuildUp, GLASS_KG_PER_M2_PER_MM, GlazingUnit, Layer, PaneKind, Spacer};
pub use hardware::{CloserItem, HandleItem, HingeOption, LockItem, Sundries};
pub use pricing::{ColourScheme, Commercial, CuttingStock, FinishRule, Labour, LeadTime, Waste};
pub use profile::{Bead, Material, Profile, ProfileRole, SectionPart};
pub use ral::{RalColour, normalise_ral};
pub use system::{Accessibility, Allowances, Limits, SystemInfo};

use crate::config::{Finish, GlazingType};
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::fmt;

/// One catalogue file: its name (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// File name or path, as the user knows it.
    pub name: &'a str,
    /// Its contents.
    pub text: &'a str,
}

/// The catalogue's files.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueSources<'a> {
    /// `system.toml`.
    pub system: Source<'a>,
    /// `profiles.toml`.
    pub profiles: Source<'a>,
    /// `glazing.toml`.
    pub glazing: Source<'a>,
    /// `hardware.toml`.
    pub hardware: Source<'a>,
    /// `pricing.toml`.
    pub pricing: Source<'a>,
    /// `ral_classic.toml`.
    pub ral: Source<'a>,
}

/// The file names a catalogue folder holds, in [`CatalogueSources`] order.
pub const FILE_NAMES: [&str; 6] = [
    "system.toml",
    "profiles.toml",
    "glazing.toml",
    "hardware.toml",
    "pricing.toml",
    "ral_classic.toml",
];

impl CatalogueSources<'static> {
    /// The catalogue shipped with the product, compiled in from `assets/catalogue/`.
    pub fn builtin() -> Self {
        macro_rules! file {
            ($name:literal) => {
                Source {
                    name: $name,
                    text: include_str!(concat!("../../../../assets/catalogue/", $name)),
                }
            };
        }
        CatalogueSources {
            system: file!("system.toml"),
            profiles: file!("profiles.toml"),
            glazing: file!("glazing.toml"),
            hardware: file!("hardware.toml"),
            pricing: file!("pricing.toml"),
            ral: file!("ral_classic.toml"),
        }
    }
}

/// One problem found while loading a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueIssue {
    /// File name.
    pub file: String,
    /// Line (1-based), when known.
    pub line: Option<usize>,
    /// Field or entry concerned.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CatalogueIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}: {}", self.file, self.field, self.message),
            None => write!(f, "{}: {}: {}", self.file, self.field, self.message),
        }
    }
}

/// A catalogue that could not be loaded, with every problem found (code `ERR_CAT_001`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CatalogueError {
    /// The problems, in file order.
    pub issues: Vec<CatalogueIssue>,
}

impl CatalogueError {
    /// Machine code.
    pub const CODE: &'static str = "ERR_CAT_001";
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: the catalogue is not usable:", Self::CODE)?;
        for i in &self.issues {
            write!(f, "\n  {i}")?;
        }
        Ok(())
    }
}

/// The loaded, checked catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// System identity.
    pub system: SystemInfo,
    /// Product limits.
    pub limits: Limits,
    /// Fabrication allowances.
    pub allowances: Allowances,
    /// Accessibility figures.
    pub accessibility: Accessibility,
    /// Profiles.
    pub profiles: Vec<Profile>,
    /// Glazing beads, by thickness band.
    pub beads: Vec<Bead>,
    /// Glazing units.
    pub glazing_units: Vec<GlazingUnit>,
    /// Spacers.
    pub spacers: Vec<Spacer>,
    /// Hinge options.
    pub hinges: Vec<HingeOption>,
    /// Locks.
    pub locks: Vec<LockItem>,
    /// Handles.
    pub handles: Vec<HandleItem>,
    /// Closers.
    pub closers: Vec<CloserItem>,
    /// Sundries.
    pub sundries: Sundries,
    /// Finishes.
    pub finishes: Vec<FinishRule>,
    /// Labour.
    pub labour: Labour,
    /// Commercial terms.
    pub commercial: Commercial,
    /// Lead-time rules.
    pub lead_time: LeadTime,
    /// Waste allowances.
    pub waste: Waste,
    /// Bar stock and saw settings.
    pub cutting: CuttingStock,
    /// RAL Classic colours.
    pub ral: Vec<RalColour>,
    roles: [usize; 5],
}

const ROLES: [ProfileRole; 5] = [
    ProfileRole::Frame,
    ProfileRole::Leaf,
    ProfileRole::MeetingStile,
    ProfileRole::ThresholdStandard,
    ProfileRole::ThresholdLow,
];

/// Line of the first occurrence of `needle` in `text` (1-based).
fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle)
        .map(|at| text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
}

struct Checker<'a> {
    issues: Vec<CatalogueIssue>,
    source: Source<'a>,
}

impl<'a> Checker<'a> {
    fn parse<T: DeserializeOwned>(&mut self, source: Source<'a>) -> Option<T> {
        match toml::from_str::<T>(source.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map(|s| {
                    source.text[..s.start.min(source.text.len())]
                        .bytes()
                        .filter(|&b| b == b'\n')
                        .count()
                        + 1
                });
                let message = e.message().to_owned();
                let field = e
                    .span()
                    .and_then(|s| {
                        let line_start = source.text[..s.start.min(source.text.len())]
                            .rfind('\n')
                            .map_or(0, |p| p + 1);
                        source.text[line_start..]
                            .split(['=', '\n'])
                            .next()
                            .map(|k| k.trim().to_owned())
                    })
                    .unwrap_or_default();
                self.issues.push(CatalogueIssue {
                    file: source.name.to_owned(),
                    line,
                    field,
                    message,
                });
                None
            }
        }
    }

    fn on(&mut self, source: Source<'a>) {
        self.source = source;
    }

    /// Record a problem with the entry identified by `anchor` (a value written in the file).
    fn fail(&mut self, anchor: &str, field: impl Into<String>, message: impl Into<String>) {
        self.issues.push(CatalogueIssue {
            file: self.source.name.to_owned(),
            line: line_of(self.source.text, &format!("\"{anchor}\""))
                .or_else(|| line_of(self.source.text, anchor)),
            field: field.into(),
            message: message.into(),
        });
    }

    fn unique<'b>(&mut self, kind: &str, ids: impl IntoIterator<Item = &'b str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.fail(id, kind, format!("`{id}` is listed twice"));
            }
        }
    }
}

impl Catalogue {
    /// The catalogue shipped with the product.
    pub fn builtin() -> Result<Catalogue, CatalogueError> {
        Catalogue::load(&CatalogueSources::builtin())
    }

    /// Parse and check a catalogue from its files.
    pub fn load(src: &CatalogueSources<'_>) -> Result<Catalogue, CatalogueError> {
        let mut ck = Checker {
            issues: Vec::new(),
            source: src.system,
        };
        let Some(mut files) = parse_files(&mut ck, src) else {
            return Err(CatalogueError { issues: ck.issues });
        };
        let limits = &files.system.limits;

        ck.on(src.system);
        check_system(&mut ck, &files.system);

        ck.on(src.profiles);
        let roles = check_profile_roles(&mut ck, &files.profiles.profile);
        check_profiles(
            &mut ck,
            &files.profiles.profile,
            files.system.system.depth_mm,
        );
        check_beads(&mut ck, &files.profiles.bead, limits);

        ck.on(src.glazing);
        check_glazing_units(&mut ck, &mut files.glazing.unit, limits);
        check_spacers(&mut ck, &files.glazing.spacer);

        ck.on(src.hardware);
        check_hardware(&mut ck, &files.hardware);

        ck.on(src.pricing);
        check_finishes(&mut ck, &files.pricing.finish);
        check_pricing_figures(&mut ck, &files.pricing);

        ck.on(src.ral);
        check_ral(&mut ck, &files.ral);

        if !ck.issues.is_empty() {
            return Err(CatalogueError { issues: ck.issues });
        }
        Ok(assemble(files, roles))
    }

    /// The profile that plays `role` (the loader guarantees exactly one).
    pub fn profile(&self, role: ProfileRole) -> &Profile {
        let slot = ROLES.iter().position(|r| *r == role).unwrap_or(0);
        &self.profiles[self.roles[slot]]
    }

    /// The bead for a glazing thickness.
    pub fn bead_for(&self, glazing_mm: u32) -> Option<&Bead> {
        self.beads
            .iter()
            .find(|b| (b.glazing_min_mm..=b.glazing_max_mm).contains(&glazing_mm))
    }

    /// A spacer by id, or the default when `id` is `None`.
    pub fn spacer(&self, id: Option<&str>) -> Option<&Spacer> {
        match id {
            Some(id) => self.spacers.iter().find(|s| s.id == id),
            None => self.spacers.iter().find(|s| s.default),
        }
    }

    /// A glazing unit by code.
    pub fn glazing_unit(&self, code: &str) -> Option<&GlazingUnit> {
        self.glazing_units.iter().find(|u| u.code == code)
    }

    /// Units of a type and thickness, in catalogue order.
    pub fn glazing_units_of(
        &self,
        glazing_type: GlazingType,
        thickness_mm: u32,
    ) -> impl Iterator<Item = &GlazingUnit> {
        self.glazing_units
            .iter()
            .filter(move |u| u.glazing_type == glazing_type && u.thickness_mm == thickness_mm)
    }

    /// Thicknesses available for a glazing type, ascending.
    pub fn glazing_thicknesses(&self, glazing_type: GlazingType) -> Vec<u32> {
        let mut t: Vec<u32> = self
            .glazing_units
            .iter()
            .filter(|u| u.glazing_type == glazing_type)
            .map(|u| u.thickness_mm)
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    }

    /// The unit a door gets: the named one, or the first of its type and thickness that meets
    /// `needs`, or else the first of its type and thickness (rules then report what it lacks).
    pub fn choose_glazing(
        &self,
        glazing_type: GlazingType,
        thickness_mm: u32,
        named: Option<&str>,
        needs: GlazingNeeds,
    ) -> Result<&GlazingUnit, GlazingChoiceError> {
        if let Some(code) = named {
            let unit = self
                .glazing_unit(code)
                .ok_or_else(|| GlazingChoiceError::UnknownUnit(code.to_owned()))?;
            if unit.glazing_type != glazing_type || unit.thickness_mm != thickness_mm {
                return Err(GlazingChoiceError::NamedMismatch {
                    code: code.to_owned(),
                    glazing_type: unit.glazing_type,
                    thickness_mm: unit.thickness_mm,
                });
            }
            return Ok(unit);
        }
        let mut candidates = self.glazing_units_of(glazing_type, thickness_mm).peekable();
        let first = *candidates.peek().ok_or(GlazingChoiceError::NoUnit {
            glazing_type,
            thickness_mm,
        })?;
        Ok(candidates.find(|u| needs.met_by(u)).unwrap_or(first))
    }

    /// A hinge option by id.
    pub fn hinge(&self, id: &str) -> Option<&HingeOption> {
        self.hinges.iter().find(|h| h.id == id)
    }

    /// A lock by id.
    pub fn lock(&self, id: &str) -> Option<&LockItem> {
        self.locks.iter().find(|h| h.id == id)
    }

    /// A handle by id.
    pub fn handle(&self, id: &str) -> Option<&HandleItem> {
        self.handles.iter().find(|h| h.id == id)
    }

    /// A closer by id.
    pub fn closer(&self, id: &str) -> Option<&CloserItem> {
        self.closers.iter().find(|h| h.id == id)
    }

    /// The rule for a finish (the loader guarantees one per finish).
    pub fn finish(&self, finish: Finish) -> &FinishRule {
        self.finishes
            .iter()
            .find(|r| r.id == finish)
            .unwrap_or(&self.finishes[0])
    }

    /// A RAL Classic colour by code, written any usual way.
    pub fn ral(&self, code: &str) -> Option<&RalColour> {
        let code = normalise_ral(code)?;
        self.ral.iter().find(|c| c.code == code)
    }
}

fn role_name(role: ProfileRole) -> &'static str {
    match role {
        ProfileRole::Frame => "frame",
        ProfileRole::Leaf => "leaf",
        ProfileRole::MeetingStile => "meeting_stile",
        ProfileRole::ThresholdStandard => "threshold_standard",
        ProfileRole::ThresholdLow => "threshold_low",
    }
}

/// The six catalogue files, parsed but not yet checked.
struct Files {
    system: system::SystemFile,
    profiles: profile::ProfilesFile,
    glazing: glazing::GlazingFile,
    hardware: hardware::HardwareFile,
    pricing: pricing::PricingFile,
    ral: ral::RalFile,
}

/// Parse every file, recording each syntax problem; `None` when any file failed.
fn parse_files<'a>(ck: &mut Checker<'a>, src: &CatalogueSources<'a>) -> Option<Files> {
    let system: Option<system::SystemFile> = ck.parse(src.system);
    let profiles: Option<profile::ProfilesFile> = ck.parse(src.profiles);
    let glazing: Option<glazing::GlazingFile> = ck.parse(src.glazing);
    let hardware: Option<hardware::HardwareFile> = ck.parse(src.hardware);
    let pricing: Option<pricing::PricingFile> = ck.parse(src.pricing);
    let ral: Option<ral::RalFile> = ck.parse(src.ral);
    Some(Files {
        system: system?,
        profiles: profiles?,
        glazing: glazing?,
        hardware: hardware?,
        pricing: pricing?,
        ral: ral?,
    })
}

/// `system.toml`: limits are positive and ordered, fixing centres positive.
fn check_system(ck: &mut Checker<'_>, system: &system::SystemFile) {
    let l = &system.limits;
    if l.frame_width_min_mm == 0 || l.frame_width_min_mm > l.frame_width_max_mm {
        ck.fail(
            "frame_width_min_mm",
            "limits.frame_width_min_mm",
            "must be positive and at most frame_width_max_mm",
        );
    }
    if l.frame_height_min_mm == 0 || l.frame_height_min_mm > l.frame_height_max_mm {
        ck.fail(
            "frame_height_min_mm",
            "limits.frame_height_min_mm",
            "must be positive and at most frame_height_max_mm",
        );
    }
    if l.glazing_thickness_min_mm == 0 || l.glazing_thickness_min_mm > l.glazing_thickness_max_mm {
        ck.fail(
            "glazing_thickness_min_mm",
            "limits.glazing_thickness_min_mm",
            "must be positive and at most glazing_thickness_max_mm",
        );
    }
    if !(l.leaf_weight_max_kg > 0.0) {
        ck.fail(
            "leaf_weight_max_kg",
            "limits.leaf_weight_max_kg",
            "must be positive",
        );
    }
    if system.allowances.fixing_max_centres_mm == 0 {
        ck.fail(
            "fixing_max_centres_mm",
            "allowances.fixing_max_centres_mm",
            "must be positive",
        );
    }
}

/// `profiles.toml`: codes are unique and each role is played by exactly one profile; returns
/// the index of each role's profile, in [`ROLES`] order.
fn check_profile_roles(ck: &mut Checker<'_>, profiles: &[Profile]) -> [usize; 5] {
    ck.unique("profile.code", profiles.iter().map(|p| p.code.as_str()));
    let mut roles = [usize::MAX; 5];
    for (slot, role) in ROLES.iter().enumerate() {
        let found: Vec<usize> = profiles
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == *role)
            .map(|(i, _)| i)
            .collect();
        match found.as_slice() {
            [one] => roles[slot] = *one,
            [] => ck.fail(
                "[[profile]]",
                "profile.role",
                format!("no profile has role `{}`", role_name(*role)),
            ),
            [_, second, ..] => {
                let code = profiles[*second].code.clone();
                ck.fail(
                    &code,
                    "profile.role",
                    format!(
                        "role `{}` is given to more than one profile",
                        role_name(*role)
                    ),
                );
            }
        }
    }
    roles
}

/// Profiles ↔ system: each profile's figures are plausible, its depth is the system depth and
/// its section drawing lies within its depth and sightline.
fn check_profiles(ck: &mut Checker<'_>, profiles: &[Profile], system_depth_mm: u32) {
    for p in profiles {
        let f = |field: &str| format!("profile[{}].{field}", p.code);
        if p.sightline_mm == 0 {
            ck.fail(&p.code, f("sightline_mm"), "must be positive");
        }
        if p.depth_mm != system_depth_mm {
            ck.fail(
                &p.code,
                f("depth_mm"),
                format!(
                    "is {} but the system depth is {} mm",
                    p.depth_mm, system_depth_mm
                ),
            );
        }
        if !(p.weight_kg_m > 0.0 && p.weight_kg_m < 50.0) {
            ck.fail(&p.code, f("weight_kg_m"), "must be between 0 and 50 kg/m");
        }
        if !(p.uf > 0.0 && p.uf < 10.0) {
            ck.fail(&p.code, f("uf"), "must be between 0 and 10 W/m²K");
        }
        if !(p.finish_area_m2_per_m >= 0.0 && p.finish_area_m2_per_m < 5.0) {
            ck.fail(
                &p.code,
                f("finish_area_m2_per_m"),
                "must be between 0 and 5 m²/m",
            );
        }
        let is_threshold = matches!(
            p.role,
            ProfileRole::ThresholdStandard | ProfileRole::ThresholdLow
        );
        if is_threshold && p.upstand_mm.is_none() {
            ck.fail(&p.code, f("upstand_mm"), "a threshold needs its upstand");
        }
        for (i, part) in p.section.iter().enumerate() {
            let inside = part.outline.iter().all(|[x, y]| {
                (0.0..=f64::from(p.depth_mm)).contains(x)
                    && (0.0..=f64::from(p.sightline_mm)).contains(y)
            });
            if part.outline.len() < 3 {
                ck.fail(
                    &p.code,
                    f(&format!("section[{i}].outline")),
                    "needs at least three points",
                );
            } else if !inside {
                ck.fail(
                    &p.code,
                    f(&format!("section[{i}].outline")),
                    format!(
                        "must lie within 0..{} × 0..{} mm",
                        p.depth_mm, p.sightline_mm
                    ),
                );
            }
        }
    }
}

/// Beads ↔ system limits: codes are unique and the thickness bands follow on without gaps or
/// overlaps across the leaf's whole glazing capacity.
fn check_beads(ck: &mut Checker<'_>, beads: &[Bead], l: &Limits) {
    let mut bands: Vec<&Bead> = beads.iter().collect();
    bands.sort_by_key(|b| b.glazing_min_mm);
    ck.unique("bead.code", beads.iter().map(|b| b.code.as_str()));
    let mut next = l.glazing_thickness_min_mm;
    for b in &bands {
        if b.glazing_min_mm > b.glazing_max_mm || b.sightline_mm == 0 || !(b.weight_kg_m > 0.0) {
            ck.fail(
                &b.code,
                format!("bead[{}]", b.code),
                "needs glazing_min_mm ≤ glazing_max_mm, a sightline and a weight",
            );
        }
        if b.glazing_min_mm != next {
            ck.fail(
                &b.code,
                format!("bead[{}].glazing_min_mm", b.code),
                format!("bead bands must follow on without gaps or overlaps: expected {next} mm"),
            );
        }
        next = b.glazing_max_mm + 1;
    }
    if next != l.glazing_thickness_max_mm + 1 {
        ck.fail(
            "[[bead]]",
            "bead",
            format!(
                "bead bands must cover glazing up to {} mm",
                l.glazing_thickness_max_mm
            ),
        );
    }
}

/// Glazing units ↔ system limits: codes are unique, each build-up parses (and is stored on the
/// unit), adds up to the thickness and has the type's panes, Ug is plausible and the thickness
/// fits the leaf.
fn check_glazing_units(ck: &mut Checker<'_>, units: &mut [GlazingUnit], l: &Limits) {
    ck.unique("unit.code", units.iter().map(|u| u.code.as_str()));
    for u in units {
        let f = |field: &str| format!("unit[{}].{field}", u.code);
        match BuildUp::parse(&u.build_up) {
            Ok(b) => {
                let thickness = b.thickness_mm();
                if (thickness - f64::from(u.thickness_mm)).abs() > 0.5 {
                    ck.fail(
                        &u.code,
                        f("build_up"),
                        format!(
                            "`{}` adds up to {thickness:.1} mm, not {} mm",
                            u.build_up, u.thickness_mm
                        ),
                    );
                }
                if b.panes().count() != u.glazing_type.panes() {
                    ck.fail(
                        &u.code,
                        f("build_up"),
                        format!(
                            "a {} unit has {} panes, `{}` has {}",
                            u.glazing_type.as_str(),
                            u.glazing_type.panes(),
                            u.build_up,
                            b.panes().count()
                        ),
                    );
                }
                u.layers = Some(b);
            }
            Err(e) => ck.fail(&u.code, f("build_up"), e),
        }
        if !(u.ug > 0.0 && u.ug < 6.0) {
            ck.fail(&u.code, f("ug"), "must be between 0 and 6 W/m²K");
        }
        if u.thickness_mm < l.glazing_thickness_min_mm
            || u.thickness_mm > l.glazing_thickness_max_mm
        {
            ck.fail(
                &u.code,
                f("thickness_mm"),
                format!(
                    "must be within the leaf's glazing capacity {}–{} mm",
                    l.glazing_thickness_min_mm, l.glazing_thickness_max_mm
                ),
            );
        }
    }
}

/// Spacers: ids are unique, exactly one is the default and each Ψ is plausible.
fn check_spacers(ck: &mut Checker<'_>, spacers: &[Spacer]) {
    ck.unique("spacer.id", spacers.iter().map(|s| s.id.as_str()));
    if spacers.iter().filter(|s| s.default).count() != 1 {
        ck.fail(
            "[[spacer]]",
            "spacer.default",
            "exactly one spacer must be the default",
        );
    }
    for s in spacers {
        if !(0.0..=0.5).contains(&s.psi) {
            ck.fail(
                &s.id,
                format!("spacer[{}].psi", s.id),
                "must be between 0 and 0.5 W/(m·K)",
            );
        }
    }
}

/// `hardware.toml`: ids are unique per kind; hinges and closers state usable capacities.
fn check_hardware(ck: &mut Checker<'_>, hardware: &hardware::HardwareFile) {
    ck.unique("hinge.id", hardware.hinge.iter().map(|h| h.id.as_str()));
    ck.unique("lock.id", hardware.lock.iter().map(|h| h.id.as_str()));
    ck.unique("handle.id", hardware.handle.iter().map(|h| h.id.as_str()));
    ck.unique("closer.id", hardware.closer.iter().map(|h| h.id.as_str()));
    for h in &hardware.hinge {
        if h.per_leaf < 2 || !(h.capacity_kg > 0.0) {
            ck.fail(
                &h.id,
                format!("hinge[{}]", h.id),
                "needs at least 2 hinges per leaf and a positive capacity",
            );
        }
    }
    for c in &hardware.closer {
        if c.max_leaf_width_mm == 0 || !(c.max_leaf_mass_kg > 0.0) {
            ck.fail(
                &c.id,
                format!("closer[{}]", c.id),
                "needs a positive maximum leaf width and mass",
            );
        }
    }
}

/// Finishes: each finish has exactly one rule, and an anodised one lists its shades.
fn check_finishes(ck: &mut Checker<'_>, finishes: &[FinishRule]) {
    for finish in [Finish::PowderCoating, Finish::Anodised, Finish::Mill] {
        match finishes.iter().filter(|r| r.id == finish).count() {
            1 => {}
            0 => ck.fail(
                "[[finish]]",
                "finish.id",
                format!("finish `{}` is missing", finish.as_str()),
            ),
            _ => ck.fail(
                finish.as_str(),
                "finish.id",
                format!("finish `{}` is listed twice", finish.as_str()),
            ),
        }
    }
    for r in finishes {
        if r.colour == ColourScheme::Anodised && r.colours.is_empty() {
            ck.fail(
                r.id.as_str(),
                format!("finish[{}].colours", r.id.as_str()),
                "an anodised finish lists its shades",
            );
        }
    }
}

/// Pricing figures: labour hours, commercial and waste percentages, bar stock and lead-time
/// batch are within range.
fn check_pricing_figures(ck: &mut Checker<'_>, pricing: &pricing::PricingFile) {
    let lab = &pricing.labour;
    if [
        lab.hours_per_door,
        lab.hours_per_leaf,
        lab.hours_per_glass_m2,
        lab.hours_per_hardware_item,
    ]
    .iter()
    .any(|h| !(*h >= 0.0 && *h < 1000.0))
    {
        ck.fail("[labour]", "labour", "hours must be between 0 and 1000");
    }
    let com = &pricing.commercial;
    if !(0..10_000).contains(&com.profit_margin_percentage.0) {
        ck.fail(
            "profit_margin_percentage",
            "commercial.profit_margin_percentage",
            "must be at least 0 and below 100",
        );
    }
    if !(0..=10_000).contains(&com.overhead_percentage.0)
        || !(0..=10_000).contains(&com.tax_percentage.0)
    {
        ck.fail(
            "[commercial]",
            "commercial",
            "overhead and tax percentages must be between 0 and 100",
        );
    }
    let w = &pricing.waste;
    for (name, p) in [
        ("profiles_percentage", w.profiles_percentage),
        ("threshold_percentage", w.threshold_percentage),
        ("beads_percentage", w.beads_percentage),
        ("glazing_percentage", w.glazing_percentage),
        ("gasket_percentage", w.gasket_percentage),
    ] {
        if !(0..=10_000).contains(&p.0) {
            ck.fail(name, format!("waste.{name}"), "must be between 0 and 100");
        }
    }
    if pricing.cutting.stock_lengths_mm.is_empty() || pricing.cutting.stock_lengths_mm.contains(&0)
    {
        ck.fail(
            "stock_lengths_mm",
            "cutting.stock_lengths_mm",
            "lists at least one positive bar length",
        );
    }
    if pricing.lead_time.batch_doors == 0 {
        ck.fail("batch_doors", "lead_time.batch_doors", "must be positive");
    }
}

/// `ral_classic.toml`: codes are unique and written in the normal form ("RAL 7016").
fn check_ral(ck: &mut Checker<'_>, ral: &ral::RalFile) {
    ck.unique("colour.code", ral.colour.iter().map(|c| c.code.as_str()));
    for c in &ral.colour {
        if normalise_ral(&c.code).as_deref() != Some(c.code.as_str()) {
            ck.fail(
                &c.code,
                "colour.code",
                format!("`{}` is not written like \"RAL 7016\"", c.code),
            );
        }
    }
}

/// Move the checked files into the catalogue, with the role slots found by
/// [`check_profile_roles`].
fn assemble(files: Files, roles: [usize; 5]) -> Catalogue {
    let Files {
        system,
        profiles,
        glazing,
        hardware,
        pricing,
        ral,
    } = files;
    Catalogue {
        system: system.system,
        limits: system.limits,
        allowances: system.allowances,
        accessibility: system.accessibility,
        profiles: profiles.profile,
        beads: profiles.bead,
        glazing_units: glazing.unit,
        spacers: glazing.spacer,
        hinges: hardware.hinge,
        locks: hardware.lock,
        handles: hardware.handle,
        closers: hardware.closer,
        sundries: hardware.sundries,
        finishes: pricing.finish,
        labour: pricing.labour,
        commercial: pricing.commercial,
        lead_time: pricing.lead_time,
        waste: pricing.waste,
        cutting: pricing.cutting,
        ral: ral.colour,
        roles,
    }
}

/// What a door asks of its glass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GlazingNeeds {
    /// A laminated inner pane (PAS 24, Secured by Design).
    pub laminated_inner: bool,
    /// Fire resistance in minutes (0 for none).
    pub fire_minutes: u32,
}

impl GlazingNeeds {
    /// Whether a unit meets these needs.
    pub fn met_by(&self, unit: &GlazingUnit) -> bool {
        (!self.laminated_inner || unit.laminated()) && unit.fire_rating_minutes >= self.fire_minutes
    }
}

/// Why no glazing unit could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlazingChoiceError {
    /// The named unit is not in the catalogue.
    UnknownUnit(String),
    /// The named unit is of another type or thickness.
    NamedMismatch {
        /// Its code.
        code: String,
        /// Its type.
        glazing_type: GlazingType,
        /// Its thickness.
        thickness_mm: u32,
    },
    /// No unit of that type and thickness exists.
    NoUnit {
        /// Asked type.
        glazing_type: GlazingType,
        /// Asked thickness.
        thickness_mm: u32,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_loads() {
        let c = Catalogue::builtin().expect("builtin catalogue loads");
        assert_eq!(c.limits.frame_width_min_mm, 600);
        assert_eq!(c.limits.frame_width_max_mm, 2000);
        assert_eq!(c.limits.leaf_width_max_mm, 1000);
        assert_eq!(c.profile(ProfileRole::Frame).code, "SPW600e-FRAME-75");
        assert_eq!(
            c.profile(ProfileRole::ThresholdStandard).code,
            "HA176P-THRESHOLD"
        );
        assert!(
            c.ral("RAL 7016")
                .is_some_and(|r| r.name == "Anthracite grey")
        );
        assert!(c.ral("RAL 7017").is_none());
        assert_eq!(c.spacer(None).map(|s| s.id.as_str()), Some("warm_edge"));
        let tgu = c.glazing_unit("TGU-44-L").expect("unit");
        assert!(tgu.laminated());
        assert!((tgu.weight_kg_m2() - 36.0).abs() < 1e-9);
        for t in 28..=56 {
            assert!(c.bead_for(t).is_some(), "no bead for {t} mm");
        }
    }

    #[test]
    fn chooses_laminated_when_needed() {
        let c = Catalogue::builtin().expect("loads");
        let plain = c
            .choose_glazing(GlazingType::Double, 28, None, GlazingNeeds::default())
            .expect("unit");
        assert_eq!(plain.code, "DGU-28-T");
        let needs = GlazingNeeds {
            laminated_inner: true,
            fire_minutes: 0,
        };
        let lam = c
            .choose_glazing(GlazingType::Double, 28, None, needs)
            .expect("unit");
        assert_eq!(lam.code, "DGU-28-L");
        assert!(matches!(
            c.choose_glazing(GlazingType::Double, 44, None, needs),
            Err(GlazingChoiceError::NoUnit { .. })
        ));
    }

    fn with_profiles(text: &str) -> Result<Catalogue, CatalogueError> {
        let mut s = CatalogueSources::builtin();
        s.profiles = Source {
            name: "profiles.toml",
            text,
        };
        Catalogue::load(&s)
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let err =
            with_profiles("[[profile]]\ncode = \"X\"\nsightline_mm = sixty\n").expect_err("bad");
        assert_eq!(err.issues[0].file, "profiles.toml");
        assert_eq!(err.issues[0].line, Some(3));
        assert!(err.to_string().contains("ERR_CAT_001"));
    }

    #[test]
    fn inconsistency_names_file_line_and_field() {
        let text = CatalogueSources::builtin()
            .profiles
            .text
            .replacen("sightline_mm = 60", "sightline_mm = 0", 1)
            .replacen("depth_mm = 75", "depth_mm = 80", 1);
        let err = with_profiles(&text).expect_err("inconsistent");
        let fields: Vec<&str> = err.issues.iter().map(|i| i.field.as_str()).collect();
        assert!(
            fields.contains(&"profile[SPW600e-FRAME-75].sightline_mm"),
            "{fields:?}"
        );
        assert!(
            fields.contains(&"profile[SPW600e-FRAME-75].depth_mm"),
            "{fields:?}"
        );
        assert!(err.issues.iter().all(|i| i.line.is_some()));
    }

    #[test]
    fn glazing_build_up_must_add_up() {
        let mut s = CatalogueSources::builtin();
        let text = s
            .glazing
            .text
            .replacen("4T-16Ar-4T-13.6Ar-6.4L", "4T-16Ar-4T-10Ar-6.4L", 1);
        s.glazing = Source {
            name: "glazing.toml",
            text: &text,
        };
        let err = Catalogue::load(&s).expect_err("inconsistent");
        assert!(
            err.issues
                .iter()
                .any(|i| i.field == "unit[TGU-44-L].build_up"),
            "{err}"
        );
    }
}
