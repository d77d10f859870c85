//! The desktop's own wire types: what the commands take and return beyond the `spw-app`
//! reports. Their TypeScript declarations are generated (`ts-rs`) into `ui/src/generated/`.

use serde::{Deserialize, Serialize};
use spw_app::{BomReport, ThermalReport, ValidationReport};
use spw_model::issue::Issue;
use ts_rs::TS;

/// Every failure a command reports: a machine code the UI matches on, a sentence for the
/// designer, and the coded issues when the door itself is the reason.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommandError {
    /// `ERR_VAL_002`, `ERR_DWG_001`, `ERR_APP_IO`, `ERR_APP_PANIC`, …
    pub code: String,
    /// What went wrong.
    pub message: String,
    /// The validation issues that stopped the operation (empty otherwise).
    pub issues: Vec<Issue>,
}

impl CommandError {
    /// An error without issues.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        CommandError {
            code: code.into(),
            message: message.into(),
            issues: Vec::new(),
        }
    }
}

/// The door as the designer edits it: the design plan's `door_configuration` JSON, field for
/// field (sent to the core as JSON text; the core reads and checks it). Numbers are `null`
/// while a field is empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DoorInput {
    /// `single` or `double`.
    #[serde(rename = "type")]
    pub door_type: String,
    /// `inward` or `outward`.
    pub opening_direction: String,
    /// `left` or `right`.
    pub handing: String,
    /// Frame width, mm.
    pub frame_width: Option<f64>,
    /// Frame height, mm.
    pub frame_height: Option<f64>,
    /// `double` or `triple`.
    pub glazing_type: String,
    /// Glazing unit thickness, mm.
    pub glazing_thickness: Option<f64>,
    /// A catalogue glazing unit code, or `null` for the rules' choice.
    pub glazing_unit: Option<String>,
    /// Ug from a glass certificate, W/m²K, or `null`.
    pub glazing_u_value: Option<f64>,
    /// Spacer id, or `null` for the catalogue default.
    pub spacer: Option<String>,
    /// `standard` or `low`.
    pub threshold_type: String,
    /// `powder_coating`, `anodised` or `mill`.
    pub finish: String,
    /// RAL code or anodising shade, or `null`.
    pub color: Option<String>,
    /// Hardware ids.
    pub hardware: HardwareInput,
    /// `PAS24`, `SBD` or `none`.
    pub security_rating: String,
    /// `FD30`, `FD60`, `EI30`, `EI60` or `null`.
    pub fire_rating: Option<String>,
    /// Rw in dB, or `null`.
    pub acoustic_rating: Option<f64>,
    /// Whether Approved Document M applies.
    pub accessible: bool,
}

/// Hardware ids, `null` for "not specified".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct HardwareInput {
    /// Hinge option id.
    pub hinges: Option<String>,
    /// Lock id.
    pub lock: Option<String>,
    /// Handle id.
    pub handles: Option<String>,
    /// Closer id.
    pub closer: Option<String>,
}

/// One choice of a list: the wire value and what the designer reads.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Choice {
    /// Wire value.
    pub value: String,
    /// Label.
    pub label: String,
}

/// A catalogue glazing unit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GlazingUnitChoice {
    /// Code, e.g. `TGU-44-L`.
    pub code: String,
    /// `double` or `triple`.
    pub glazing_type: String,
    /// Thickness, mm.
    pub thickness_mm: u32,
    /// Build-up.
    pub build_up: String,
    /// Ug, W/m²K.
    pub ug: f64,
    /// Fire resistance, minutes (0: none).
    pub fire_rating_minutes: u32,
}

/// A finish and how it takes a colour.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FinishChoice {
    /// `powder_coating`, `anodised`, `mill`.
    pub value: String,
    /// Description.
    pub label: String,
    /// `ral`, `anodised` or `none`.
    pub colour_scheme: String,
    /// Named shades (anodised).
    pub shades: Vec<String>,
}

/// A RAL Classic colour with its on-screen swatch.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RalChoice {
    /// `RAL 7016`.
    pub code: String,
    /// `Anthracite grey`.
    pub name: String,
    /// Approximate sRGB `#RRGGBB`, absent for shades a screen cannot show.
    pub hex: Option<String>,
}

/// Input hints from the catalogue's limits (the core still checks every value).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LimitHints {
    /// mm.
    pub frame_width_min_mm: u32,
    /// mm.
    pub frame_width_max_mm: u32,
    /// mm.
    pub frame_height_min_mm: u32,
    /// mm.
    pub frame_height_max_mm: u32,
    /// mm.
    pub glazing_thickness_min_mm: u32,
    /// mm.
    pub glazing_thickness_max_mm: u32,
}

/// Every choice the configurator offers, from the catalogue and the configuration schema.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CatalogueChoices {
    /// System name and catalogue version, e.g. `SPW600e 2025.1`.
    pub system: String,
    /// Door types.
    pub door_types: Vec<Choice>,
    /// Opening directions.
    pub opening_directions: Vec<Choice>,
    /// Handings.
    pub handings: Vec<Choice>,
    /// Glazing types.
    pub glazing_types: Vec<Choice>,
    /// Thicknesses offered for double glazing, mm.
    pub double_thicknesses_mm: Vec<u32>,
    /// Thicknesses offered for triple glazing, mm.
    pub triple_thicknesses_mm: Vec<u32>,
    /// Glazing units.
    pub glazing_units: Vec<GlazingUnitChoice>,
    /// Spacers.
    pub spacers: Vec<Choice>,
    /// Threshold types.
    pub threshold_types: Vec<Choice>,
    /// Finishes.
    pub finishes: Vec<FinishChoice>,
    /// RAL Classic colours.
    pub ral_colours: Vec<RalChoice>,
    /// Hinge options.
    pub hinges: Vec<Choice>,
    /// Locks.
    pub locks: Vec<Choice>,
    /// Handles.
    pub handles: Vec<Choice>,
    /// Closers.
    pub closers: Vec<Choice>,
    /// Security ratings.
    pub security_ratings: Vec<Choice>,
    /// Fire ratings.
    pub fire_ratings: Vec<Choice>,
    /// Limits as input hints.
    pub limits: LimitHints,
    /// Sheet sizes, e.g. `A3-landscape`.
    pub sheets: Vec<Choice>,
    /// Standard scales, e.g. `1:10`.
    pub scales: Vec<Choice>,
    /// View kinds.
    pub views: Vec<Choice>,
    /// Export formats.
    pub formats: Vec<Choice>,
}

/// The price of one door as a one-line quote (no discount).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PriceSummary {
    /// Before VAT, pence.
    #[ts(type = "number")]
    pub subtotal: i64,
    /// VAT, pence.
    #[ts(type = "number")]
    pub tax_amount: i64,
    /// With VAT, pence.
    #[ts(type = "number")]
    pub total: i64,
    /// VAT rate, %.
    pub tax_percentage: f64,
    /// ISO 4217.
    pub currency: String,
    /// Days to despatch.
    pub lead_time_days: u32,
}

/// Everything the live panel shows for the door being edited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DoorEvaluation {
    /// Every coded issue.
    pub validation: ValidationReport,
    /// U-value, when the door is valid.
    pub thermal: Option<ThermalReport>,
    /// Bill of materials, when the door is valid.
    pub bom: Option<BomReport>,
    /// Price, when the door is valid.
    pub price: Option<PriceSummary>,
    /// Time the core took, microseconds.
    pub core_us: u32,
}

/// What to preview.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct PreviewRequest {
    /// The door, as JSON text.
    pub door: String,
    /// View kind, e.g. `elevation`.
    pub view: String,
    /// Sheet, e.g. `A3-landscape`; the settings' default when absent.
    pub sheet: Option<String>,
    /// Scale, e.g. `1:10`; fitted when absent or `fit`.
    pub scale: Option<String>,
}

/// Where a view sits on its sheet and at what scale, for measuring.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ViewFrame {
    /// View kind.
    pub kind: String,
    /// View title.
    pub title: String,
    /// Scale denominator: 10 for 1:10.
    pub scale_denominator: u32,
    /// Paper bounds, mm, y down (SVG coordinates): left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A layer of the sheet: its SVG group id and name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LayerInfo {
    /// SVG group id, e.g. `layer-FRAME`.
    pub id: String,
    /// Layer name, e.g. `FRAME`.
    pub name: String,
    /// Colour, `#rrggbb`.
    pub colour: String,
}

/// One drawn sheet for the viewer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewSheet {
    /// The sheet as SVG (viewBox in paper mm), from `spw-svg`.
    pub svg: String,
    /// Drawing number.
    pub drawing_number: String,
    /// Revision letter.
    pub revision: String,
    /// Sheet width, mm.
    pub sheet_width_mm: f64,
    /// Sheet height, mm.
    pub sheet_height_mm: f64,
    /// Views on the sheet.
    pub views: Vec<ViewFrame>,
    /// Layers drawn on the sheet.
    pub layers: Vec<LayerInfo>,
    /// Warnings about the door (it is valid, or there would be no sheet).
    pub warnings: Vec<Issue>,
    /// Time the core took, microseconds.
    pub core_us: u32,
}

/// The configurator's one answer per edit: the panel's figures and the drawing, together, so
/// each keystroke costs one round trip and one repaint.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DoorDesign {
    /// Issues, U-value, weight and price.
    pub evaluation: DoorEvaluation,
    /// The sheet, when the door can be drawn.
    pub sheet: Option<PreviewSheet>,
    /// Why it cannot be drawn (the door's first error, coded), when it cannot.
    pub refusal: Option<CommandError>,
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct ExportRequest {
    /// The door, as JSON text.
    pub door: String,
    /// Formats: `dxf`, `svg`, `pdf`, `png`.
    pub formats: Vec<String>,
    /// View kinds, one sheet each.
    pub views: Vec<String>,
    /// Sheet, e.g. `A3-landscape`.
    pub sheet: String,
    /// Scale, e.g. `1:10`, or `fit`.
    pub scale: String,
    /// Folder the files go to.
    pub folder: String,
    /// Project name for the title block.
    pub project: String,
    /// Customer for the title block.
    pub customer: String,
}

/// Progress of an export, sent as the `export-progress` event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportProgress {
    /// Files written so far.
    pub done: u32,
    /// Files in the batch.
    pub total: u32,
    /// The file just written (empty while drawing).
    pub file: String,
}

/// A written file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportedFile {
    /// Full path.
    pub path: String,
    /// Format.
    pub format: String,
    /// Size, bytes.
    pub bytes: u32,
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportResult {
    /// Files written, in order.
    pub files: Vec<ExportedFile>,
}

/// A door file opened from disk.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OpenedDoor {
    /// Where it came from.
    pub path: String,
    /// Its JSON text.
    pub text: String,
}

/// Company details printed in the title block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CompanyDetails {
    /// Company name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Telephone.
    pub telephone: String,
    /// E-mail.
    pub email: String,
}

/// The designer's settings, stored as JSON in the OS config folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// Title block company details (empty fields keep the template's).
    pub company: CompanyDetails,
    /// Initials or name for "drawn by".
    pub drawn_by: String,
    /// Default sheet, e.g. `A3-landscape`.
    pub default_sheet: String,
    /// Default scale, `fit` or e.g. `1:10`.
    pub default_scale: String,
    /// A catalogue folder to use instead of the built-in catalogue (watched).
    pub catalogue_folder: Option<String>,
    /// A folder holding `title_block.toml` to use instead of the built-in one (watched).
    pub templates_folder: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company: CompanyDetails::default(),
            drawn_by: String::new(),
            default_sheet: "A3-landscape".into(),
            default_scale: "fit".into(),
            catalogue_folder: None,
            templates_folder: None,
        }
    }
}

/// Where the app keeps its files.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppPaths {
    /// The settings file.
    pub settings_file: String,
    /// Log folder (rotating daily files).
    pub log_folder: String,
    /// Data folder.
    pub data_folder: String,
}

/// Settings with the state of what they point at.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SettingsView {
    /// The settings.
    pub settings: Settings,
    /// Where files live.
    pub paths: AppPaths,
    /// Catalogue in use, e.g. `built-in` or the folder.
    pub catalogue_source: String,
    /// Title block in use.
    pub template_source: String,
    /// Why the configured catalogue or template folder is not in use, if it is not.
    pub load_error: Option<CommandError>,
}

/// Sent as the `sources-changed` event when a watched catalogue or template file changed and
/// was reloaded (or failed to).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourcesChanged {
    /// The file that changed.
    pub path: String,
    /// The reload error, when the edited file does not load.
    pub error: Option<CommandError>,
}

/// One line of a quote being edited: the door (JSON text, as the configurator holds it) and
/// how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteLineInput {
    /// The door configuration, as JSON text.
    pub door: String,
    /// Doors of this configuration.
    pub quantity: u32,
}

/// A quote request as the Quotes screen edits it (the fields of `examples/quote.json`); the
/// core reads and checks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuoteInput {
    /// Customer.
    pub customer_name: String,
    /// Project name, or empty.
    pub project_name: String,
    /// Project reference, or empty.
    pub project_reference: String,
    /// Discount, %.
    pub discount_percentage: f64,
    /// VAT, %.
    pub tax_percentage: f64,
    /// The lines.
    pub lines: Vec<QuoteLineInput>,
}

/// One priced line, as the core priced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PricedLine {
    /// 1-based.
    pub line_number: u32,
    /// What the door is.
    pub description: String,
    /// Doors.
    pub quantity: u32,
    /// One door before discount, pence.
    #[ts(type = "number")]
    pub unit_price: i64,
    /// Before discount, pence.
    #[ts(type = "number")]
    pub subtotal: i64,
    /// Line total with its share of discount and VAT, pence.
    #[ts(type = "number")]
    pub total: i64,
    /// Weight of the line, kg.
    pub estimated_weight_kg: f64,
    /// One door's U_D, W/m²K.
    pub overall_u_value: f64,
}

/// The totals of a quote, as the core priced it (`spw quote --json`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PricedQuote {
    /// Quote date.
    pub quote_date: String,
    /// Last valid day.
    pub valid_until: String,
    /// ISO 4217.
    pub currency: String,
    /// Before discount, pence.
    #[ts(type = "number")]
    pub subtotal: i64,
    /// Discount, %.
    pub discount_percentage: f64,
    /// Discount, pence.
    #[ts(type = "number")]
    pub discount_amount: i64,
    /// VAT, %.
    pub tax_percentage: f64,
    /// VAT, pence.
    #[ts(type = "number")]
    pub tax_amount: i64,
    /// To pay, pence.
    #[ts(type = "number")]
    pub total: i64,
    /// Weight, kg.
    pub estimated_weight_kg: f64,
    /// Days to despatch.
    pub estimated_lead_time_days: u32,
    /// Lines.
    pub lines: Vec<PricedLine>,
    /// Warnings about the doors (of live totals; a saved quote's report keeps its own).
    pub warnings: Vec<Issue>,
}

/// What to search for in the quote list.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct QuoteSearch {
    /// Words (typos and partial words allowed); empty lists every quote.
    pub text: String,
    /// Page, from 1.
    pub page: u32,
    /// Quotes per page.
    pub page_size: u32,
}

/// One quote in the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuoteRow {
    /// Number.
    pub quote_number: String,
    /// Latest revision.
    pub revision: u32,
    /// Status.
    pub status: String,
    /// Customer.
    pub customer_name: String,
    /// Project.
    pub project_name: Option<String>,
    /// Reference.
    pub project_reference: Option<String>,
    /// Total, pence.
    #[ts(type = "number")]
    pub total: i64,
    /// Currency.
    pub currency: String,
    /// Quote date.
    pub quote_date: String,
    /// Last change (UTC).
    pub updated_at: String,
}

/// A page of the quote list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuoteListPage {
    /// The quotes.
    pub items: Vec<QuoteRow>,
    /// 1-based page.
    pub page: u32,
    /// Pages in all.
    pub pages: u32,
    /// Quotes matching in all.
    pub total: u32,
    /// Words the search replaced (typos), as `typed → used`.
    pub corrections: Vec<String>,
}

/// A saved quote revision.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuoteRevisionInfo {
    /// 1, 2, …
    pub revision: u32,
    /// Total, pence.
    #[ts(type = "number")]
    pub total: i64,
    /// Whether it is the latest.
    pub is_latest: bool,
    /// Who saved it.
    pub created_by: String,
    /// When (UTC).
    pub created_at: String,
    /// Why, when given.
    pub note: Option<String>,
}

/// A status change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatusInfo {
    /// Quote revision at the time.
    pub revision: u32,
    /// Before (none when created).
    pub from_status: Option<String>,
    /// After.
    pub to_status: String,
    /// Why.
    pub reason: Option<String>,
    /// Who.
    pub changed_by: String,
    /// When (UTC).
    pub changed_at: String,
}

/// A document produced for a quote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocumentInfo {
    /// `package`, `datasheet`, …
    pub kind: String,
    /// Quote revision it was made from.
    pub quote_revision: u32,
    /// File name.
    pub file_name: String,
    /// Pages.
    pub pages: u32,
    /// Size, bytes.
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// Who.
    pub created_by: String,
    /// When (UTC).
    pub created_at: String,
}

/// A stored quote at one revision, as the Quotes screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuoteView {
    /// Number.
    pub quote_number: String,
    /// The revision shown.
    pub revision: u32,
    /// The latest revision.
    pub latest_revision: u32,
    /// Status.
    pub status: String,
    /// Row version: what a revision or status change must name.
    #[ts(type = "number")]
    pub version: i64,
    /// Customer number.
    pub customer_number: String,
    /// Project number.
    pub project_number: Option<String>,
    /// The request as saved.
    pub input: QuoteInput,
    /// The priced quote as saved.
    pub priced: PricedQuote,
    /// Every revision.
    pub revisions: Vec<QuoteRevisionInfo>,
    /// Status history.
    pub status_history: Vec<StatusInfo>,
    /// Statuses the quote may move to now (`QuoteStatus::next`).
    pub next_statuses: Vec<String>,
    /// Documents produced.
    pub documents: Vec<DocumentInfo>,
}

/// A quote opened or saved recently on this workstation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecentQuote {
    /// Number.
    pub quote_number: String,
    /// Customer.
    pub customer_name: String,
    /// Project (empty when none).
    pub project_name: String,
}

/// Saving a quote: a new one (no number) or a new revision of `number` made from `version`.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct SaveQuoteRequest {
    /// The quote to revise, or `null` for a new quote.
    pub number: Option<String>,
    /// The version the edit was loaded at.
    #[ts(type = "number | null")]
    pub version: Option<i64>,
    /// Why (kept with the revision).
    pub note: Option<String>,
    /// The request.
    pub input: QuoteInput,
}

/// A drawing of an issued drawing revision.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IssuedDrawing {
    /// Drawing number.
    pub drawing_number: String,
    /// Title.
    pub title: String,
    /// Formats stored.
    pub formats: Vec<String>,
}

/// A drawing revision of a quote line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DrawingRevisionInfo {
    /// Letter.
    pub revision: String,
    /// Quote line.
    pub line_number: u32,
    /// Quote revision it was drawn from.
    pub quote_revision: u32,
    /// What changed.
    pub note: String,
    /// Drawing date.
    pub date: String,
    /// When (UTC).
    pub issued_at: String,
    /// Who.
    pub issued_by: String,
    /// The drawings.
    pub drawings: Vec<IssuedDrawing>,
}

/// Which two revisions of a quote line to compare: quote revision numbers (`1`, `2`) or
/// drawing revision letters (`A`, `B`).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct CompareRequest {
    /// Quote number.
    pub number: String,
    /// Old revision.
    pub old: String,
    /// New revision.
    pub new: String,
    /// Line, from 1.
    pub line: u32,
}

/// A changed configuration field, values as text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldChangeInfo {
    /// Field path, e.g. `frame_width`.
    pub field: String,
    /// Old value.
    pub old: String,
    /// New value.
    pub new: String,
}

/// A changed BOM line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BomChangeInfo {
    /// Product code.
    pub code: String,
    /// Unit.
    pub unit: String,
    /// Old quantity.
    pub old_quantity: f64,
    /// New quantity.
    pub new_quantity: f64,
    /// Cost change, pence.
    #[ts(type = "number")]
    pub cost_delta: i64,
}

/// An old → new amount of money, pence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct MoneyDelta {
    /// Old.
    #[ts(type = "number")]
    pub old: i64,
    /// New.
    #[ts(type = "number")]
    pub new: i64,
    /// New − old.
    #[ts(type = "number")]
    pub delta: i64,
}

/// An old → new figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct FigureDelta {
    /// Old.
    pub old: f64,
    /// New.
    pub new: f64,
    /// New − old.
    pub delta: f64,
}

/// Entities added and removed on one layer of one view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LayerChangeInfo {
    /// View title.
    pub view: String,
    /// Layer.
    pub layer: String,
    /// Added.
    pub added: u32,
    /// Removed.
    pub removed: u32,
    /// Unchanged.
    pub unchanged: u32,
}

/// One sheet of both revisions: each side drawn, and the overlay (removed red, added green).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompareSheet {
    /// Drawing number (of the new side).
    pub drawing_number: String,
    /// Sheet width, mm.
    pub sheet_width_mm: f64,
    /// Sheet height, mm.
    pub sheet_height_mm: f64,
    /// The old revision's sheet (SVG), when it has this sheet.
    pub old_svg: Option<String>,
    /// The new revision's sheet (SVG).
    pub new_svg: String,
    /// The overlay (SVG).
    pub overlay_svg: String,
}

/// Two revisions compared by the core.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompareView {
    /// Old revision, as asked.
    pub old: String,
    /// New revision, as asked.
    pub new: String,
    /// Line.
    pub line: u32,
    /// Changed fields.
    pub fields: Vec<FieldChangeInfo>,
    /// Changed BOM lines.
    pub bom: Vec<BomChangeInfo>,
    /// One door's selling price before discount, pence.
    pub price: MoneyDelta,
    /// One door's material cost, pence.
    pub material_cost: MoneyDelta,
    /// Door weight, kg.
    pub weight_kg: FigureDelta,
    /// U_D, W/m²K.
    pub u_value: FigureDelta,
    /// Drawing changes per view and layer.
    pub drawing: Vec<LayerChangeInfo>,
    /// The sheets.
    pub sheets: Vec<CompareSheet>,
}

/// A produced quote technical package.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PackageResult {
    /// Where it was written.
    pub path: String,
    /// File name as kept in the store.
    pub file_name: String,
    /// Pages.
    pub pages: u32,
    /// Size, bytes.
    pub bytes: u32,
}
