// Generated from the Rust wire types by ts-rs (src-tauri/tests/typescript.rs).
// Do not edit: run `SPW_UPDATE_TS=1 cargo test -p spw-desktop --test typescript`.

export type IssueCode = "ERR_VAL_001" | "ERR_VAL_002" | "ERR_VAL_003" | "ERR_VAL_004" | "ERR_VAL_005" | "ERR_VAL_006" | "ERR_VAL_007" | "ERR_VAL_008" | "ERR_VAL_009";

export type Severity = "error" | "warning";

export type Position = { 
/**
 * Line, from 1.
 */
line: number, 
/**
 * Column, from 1.
 */
column: number, };

export type Issue = { 
/**
 * Machine code.
 */
code: IssueCode, 
/**
 * Path of the field concerned, e.g. `hardware.lock` or `lines[1].door_configuration.frame_width`.
 */
field: string, 
/**
 * A sentence for the designer.
 */
message: string, 
/**
 * The offending value, when there is one.
 */
value: unknown, 
/**
 * The limit or allowed set it breaks, when there is one.
 */
limit: unknown, 
/**
 * Error or warning.
 */
severity: Severity, 
/**
 * Position in the source text (syntax errors only).
 */
position?: Position, };

export type ValidationReport = { 
/**
 * No errors (warnings allowed).
 */
valid: boolean, 
/**
 * Every issue.
 */
issues: Array<Issue>, };

export type ThermalBreakdown = { 
/**
 * ΣAf, m².
 */
frame_area_m2: number, 
/**
 * ΣAg, m².
 */
glazing_area_m2: number, 
/**
 * ΣAp, m².
 */
panel_area_m2: number, 
/**
 * Σlg, m.
 */
edge_length_m: number, 
/**
 * ΣAf·Uf, W/K.
 */
frame_contribution: number, 
/**
 * ΣAg·Ug, W/K.
 */
glazing_contribution: number, 
/**
 * Σlg·ψg, W/K.
 */
edge_contribution: number, };

export type FramePartReport = { 
/**
 * Member.
 */
name: string, 
/**
 * Profile.
 */
profile_code: string, 
/**
 * Area, m².
 */
area_m2: number, 
/**
 * Uf.
 */
uf: number, 
/**
 * Af·Uf, W/K.
 */
contribution: number, };

export type ComplianceReport = { 
/**
 * Rule id.
 */
rule: string, 
/**
 * Maximum U_D.
 */
limit: number, 
/**
 * Verdict.
 */
pass: boolean, 
/**
 * What it applies to, with its source.
 */
description: string, };

export type ThermalReport = { 
/**
 * U_D, 2 decimals.
 */
overall_u_value: number, 
/**
 * Area-weighted Uf, 2 decimals.
 */
frame_u_value: number, 
/**
 * Ug used.
 */
glazing_u_value: number, 
/**
 * ψg used.
 */
psi_value: number, 
/**
 * `EN ISO 10077-1`.
 */
method: string, 
/**
 * Areas, perimeter and contributions (4 decimals).
 */
breakdown: ThermalBreakdown, 
/**
 * Each frame member's Uf and share.
 */
frame_parts: Array<FramePartReport>, 
/**
 * Approved Document L verdicts.
 */
compliance: Array<ComplianceReport>, 
/**
 * Indicative band.
 */
energy_rating: string, 
/**
 * How the band is derived.
 */
energy_rating_basis: string, 
/**
 * Spacer used.
 */
spacer: string, 
/**
 * Warnings about the configuration.
 */
warnings: Array<Issue>, };

export type CutReport = { 
/**
 * Member.
 */
label: string, 
/**
 * Length, mm.
 */
length_mm: number, 
/**
 * Pieces.
 */
count: number, 
/**
 * End cuts.
 */
end_cuts: string, };

export type PaneReport = { 
/**
 * Where.
 */
label: string, 
/**
 * Width, mm.
 */
width_mm: number, 
/**
 * Height, mm.
 */
height_mm: number, 
/**
 * Panes.
 */
count: number, };

export type BomItemReport = { 
/**
 * Product code.
 */
code: string, 
/**
 * Description.
 */
description: string, 
/**
 * Kind.
 */
category: string, 
/**
 * `m`, `m²`, `pcs`.
 */
unit: string, 
/**
 * Net quantity (3 decimals).
 */
quantity: number, 
/**
 * e.g. 1.1.
 */
waste_factor: number, 
/**
 * Quantity with waste (3 decimals).
 */
quantity_with_waste: number, 
/**
 * Net mass, kg (2 decimals).
 */
weight_kg: number, 
/**
 * Price per unit, pence.
 */
unit_price: number, 
/**
 * Cost with waste, pence.
 */
cost: number, 
/**
 * Profile cuts.
 */
cuts: Array<CutReport>, 
/**
 * Glass panes.
 */
panes: Array<PaneReport> | undefined, };

export type BomReport = { 
/**
 * Lines.
 */
items: Array<BomItemReport>, 
/**
 * Net mass of everything, kg.
 */
total_weight_kg: number, 
/**
 * Heaviest leaf, kg.
 */
leaf_weight_kg: number, 
/**
 * Material cost, pence.
 */
material_cost: number, 
/**
 * Warnings about the configuration.
 */
warnings: Array<Issue>, };

export type CommandError = { 
/**
 * `ERR_VAL_002`, `ERR_DWG_001`, `ERR_APP_IO`, `ERR_APP_PANIC`, …
 */
code: string, 
/**
 * What went wrong.
 */
message: string, 
/**
 * The validation issues that stopped the operation (empty otherwise).
 */
issues: Array<Issue>, };

export type DoorInput = { 
/**
 * `single` or `double`.
 */
type: string, 
/**
 * `inward` or `outward`.
 */
opening_direction: string, 
/**
 * `left` or `right`.
 */
handing: string, 
/**
 * Frame width, mm.
 */
frame_width: number | null, 
/**
 * Frame height, mm.
 */
frame_height: number | null, 
/**
 * `double` or `triple`.
 */
glazing_type: string, 
/**
 * Glazing unit thickness, mm.
 */
glazing_thickness: number | null, 
/**
 * A catalogue glazing unit code, or `null` for the rules' choice.
 */
glazing_unit: string | null, 
/**
 * Ug from a glass certificate, W/m²K, or `null`.
 */
glazing_u_value: number | null, 
/**
 * Spacer id, or `null` for the catalogue default.
 */
spacer: string | null, 
/**
 * `standard` or `low`.
 */
threshold_type: string, 
/**
 * `powder_coating`, `anodised` or `mill`.
 */
finish: string, 
/**
 * RAL code or anodising shade, or `null`.
 */
color: string | null, 
/**
 * Hardware ids.
 */
hardware: HardwareInput, 
/**
 * `PAS24`, `SBD` or `none`.
 */
security_rating: string, 
/**
 * `FD30`, `FD60`, `EI30`, `EI60` or `null`.
 */
fire_rating: string | null, 
/**
 * Rw in dB, or `null`.
 */
acoustic_rating: number | null, 
/**
 * Whether Approved Document M applies.
 */
accessible: boolean, };

export type HardwareInput = { 
/**
 * Hinge option id.
 */
hinges: string | null, 
/**
 * Lock id.
 */
lock: string | null, 
/**
 * Handle id.
 */
handles: string | null, 
/**
 * Closer id.
 */
closer: string | null, };

export type Choice = { 
/**
 * Wire value.
 */
value: string, 
/**
 * Label.
 */
label: string, };

export type GlazingUnitChoice = { 
/**
 * Code, e.g. `TGU-44-L`.
 */
code: string, 
/**
 * `double` or `triple`.
 */
glazing_type: string, 
/**
 * Thickness, mm.
 */
thickness_mm: number, 
/**
 * Build-up.
 */
build_up: string, 
/**
 * Ug, W/m²K.
 */
ug: number, 
/**
 * Fire resistance, minutes (0: none).
 */
fire_rating_minutes: number, };

export type FinishChoice = { 
/**
 * `powder_coating`, `anodised`, `mill`.
 */
value: string, 
/**
 * Description.
 */
label: string, 
/**
 * `ral`, `anodised` or `none`.
 */
colour_scheme: string, 
/**
 * Named shades (anodised).
 */
shades: Array<string>, };

export type RalChoice = { 
/**
 * `RAL 7016`.
 */
code: string, 
/**
 * `Anthracite grey`.
 */
name: string, 
/**
 * Approximate sRGB `#RRGGBB`, absent for shades a screen cannot show.
 */
hex: string | null, };

export type LimitHints = { 
/**
 * mm.
 */
frame_width_min_mm: number, 
/**
 * mm.
 */
frame_width_max_mm: number, 
/**
 * mm.
 */
frame_height_min_mm: number, 
/**
 * mm.
 */
frame_height_max_mm: number, 
/**
 * mm.
 */
glazing_thickness_min_mm: number, 
/**
 * mm.
 */
glazing_thickness_max_mm: number, };

export type CatalogueChoices = { 
/**
 * System name and catalogue version, e.g. `SPW600e 2025.1`.
 */
system: string, 
/**
 * Door types.
 */
door_types: Array<Choice>, 
/**
 * Opening directions.
 */
opening_directions: Array<Choice>, 
/**
 * Handings.
 */
handings: Array<Choice>, 
/**
 * Glazing types.
 */
glazing_types: Array<Choice>, 
/**
 * Thicknesses offered for double glazing, mm.
 */
double_thicknesses_mm: Array<number>, 
/**
 * Thicknesses offered for triple glazing, mm.
 */
triple_thicknesses_mm: Array<number>, 
/**
 * Glazing units.
 */
glazing_units: Array<GlazingUnitChoice>, 
/**
 * Spacers.
 */
spacers: Array<Choice>, 
/**
 * Threshold types.
 */
threshold_types: Array<Choice>, 
/**
 * Finishes.
 */
finishes: Array<FinishChoice>, 
/**
 * RAL Classic colours.
 */
ral_colours: Array<RalChoice>, 
/**
 * Hinge options.
 */
hinges: Array<Choice>, 
/**
 * Locks.
 */
locks: Array<Choice>, 
/**
 * Handles.
 */
handles: Array<Choice>, 
/**
 * Closers.
 */
closers: Array<Choice>, 
/**
 * Security ratings.
 */
security_ratings: Array<Choice>, 
/**
 * Fire ratings.
 */
fire_ratings: Array<Choice>, 
/**
 * Limits as input hints.
 */
limits: LimitHints, 
/**
 * Sheet sizes, e.g. `A3-landscape`.
 */
sheets: Array<Choice>, 
/**
 * Standard scales, e.g. `1:10`.
 */
scales: Array<Choice>, 
/**
 * View kinds.
 */
views: Array<Choice>, 
/**
 * Export formats.
 */
formats: Array<Choice>, };

export type PriceSummary = { 
/**
 * Before VAT, pence.
 */
subtotal: number, 
/**
 * VAT, pence.
 */
tax_amount: number, 
/**
 * With VAT, pence.
 */
total: number, 
/**
 * VAT rate, %.
 */
tax_percentage: number, 
/**
 * ISO 4217.
 */
currency: string, 
/**
 * Days to despatch.
 */
lead_time_days: number, };

export type DoorEvaluation = { 
/**
 * Every coded issue.
 */
validation: ValidationReport, 
/**
 * U-value, when the door is valid.
 */
thermal: ThermalReport | null, 
/**
 * Bill of materials, when the door is valid.
 */
bom: BomReport | null, 
/**
 * Price, when the door is valid.
 */
price: PriceSummary | null, 
/**
 * Time the core took, microseconds.
 */
core_us: number, };

export type PreviewRequest = { 
/**
 * The door, as JSON text.
 */
door: string, 
/**
 * View kind, e.g. `elevation`.
 */
view: string, 
/**
 * Sheet, e.g. `A3-landscape`; the settings' default when absent.
 */
sheet: string | null, 
/**
 * Scale, e.g. `1:10`; fitted when absent or `fit`.
 */
scale: string | null, };

export type ViewFrame = { 
/**
 * View kind.
 */
kind: string, 
/**
 * View title.
 */
title: string, 
/**
 * Scale denominator: 10 for 1:10.
 */
scale_denominator: number, 
/**
 * Paper bounds, mm, y down (SVG coordinates): left.
 */
x: number, 
/**
 * Top.
 */
y: number, 
/**
 * Width.
 */
width: number, 
/**
 * Height.
 */
height: number, };

export type LayerInfo = { 
/**
 * SVG group id, e.g. `layer-FRAME`.
 */
id: string, 
/**
 * Layer name, e.g. `FRAME`.
 */
name: string, 
/**
 * Colour, `#rrggbb`.
 */
colour: string, };

export type PreviewSheet = { 
/**
 * The sheet as SVG (viewBox in paper mm), from `spw-svg`.
 */
svg: string, 
/**
 * Drawing number.
 */
drawing_number: string, 
/**
 * Revision letter.
 */
revision: string, 
/**
 * Sheet width, mm.
 */
sheet_width_mm: number, 
/**
 * Sheet height, mm.
 */
sheet_height_mm: number, 
/**
 * Views on the sheet.
 */
views: Array<ViewFrame>, 
/**
 * Layers drawn on the sheet.
 */
layers: Array<LayerInfo>, 
/**
 * Warnings about the door (it is valid, or there would be no sheet).
 */
warnings: Array<Issue>, 
/**
 * Time the core took, microseconds.
 */
core_us: number, };

export type DoorDesign = { 
/**
 * Issues, U-value, weight and price.
 */
evaluation: DoorEvaluation, 
/**
 * The sheet, when the door can be drawn.
 */
sheet: PreviewSheet | null, 
/**
 * Why it cannot be drawn (the door's first error, coded), when it cannot.
 */
refusal: CommandError | null, };

export type ExportRequest = { 
/**
 * The door, as JSON text.
 */
door: string, 
/**
 * Formats: `dxf`, `svg`, `pdf`, `png`.
 */
formats: Array<string>, 
/**
 * View kinds, one sheet each.
 */
views: Array<string>, 
/**
 * Sheet, e.g. `A3-landscape`.
 */
sheet: string, 
/**
 * Scale, e.g. `1:10`, or `fit`.
 */
scale: string, 
/**
 * Folder the files go to.
 */
folder: string, 
/**
 * Project name for the title block.
 */
project: string, 
/**
 * Customer for the title block.
 */
customer: string, };

export type ExportProgress = { 
/**
 * Files written so far.
 */
done: number, 
/**
 * Files in the batch.
 */
total: number, 
/**
 * The file just written (empty while drawing).
 */
file: string, };

export type ExportedFile = { 
/**
 * Full path.
 */
path: string, 
/**
 * Format.
 */
format: string, 
/**
 * Size, bytes.
 */
bytes: number, };

export type ExportResult = { 
/**
 * Files written, in order.
 */
files: Array<ExportedFile>, };

export type OpenedDoor = { 
/**
 * Where it came from.
 */
path: string, 
/**
 * Its JSON text.
 */
text: string, };

export type CompanyDetails = { 
/**
 * Company name.
 */
name: string, 
/**
 * Address.
 */
address: string, 
/**
 * Telephone.
 */
telephone: string, 
/**
 * E-mail.
 */
email: string, };

export type Settings = { 
/**
 * Title block company details (empty fields keep the template's).
 */
company: CompanyDetails, 
/**
 * Initials or name for "drawn by".
 */
drawn_by: string, 
/**
 * Default sheet, e.g. `A3-landscape`.
 */
default_sheet: string, 
/**
 * Default scale, `fit` or e.g. `1:10`.
 */
default_scale: string, 
/**
 * A catalogue folder to use instead of the built-in catalogue (watched).
 */
catalogue_folder: string | null, 
/**
 * A folder holding `title_block.toml` to use instead of the built-in one (watched).
 */
templates_folder: string | null, };

export type AppPaths = { 
/**
 * The settings file.
 */
settings_file: string, 
/**
 * Log folder (rotating daily files).
 */
log_folder: string, 
/**
 * Data folder.
 */
data_folder: string, };

export type SettingsView = { 
/**
 * The settings.
 */
settings: Settings, 
/**
 * Where files live.
 */
paths: AppPaths, 
/**
 * Catalogue in use, e.g. `built-in` or the folder.
 */
catalogue_source: string, 
/**
 * Title block in use.
 */
template_source: string, 
/**
 * Why the configured catalogue or template folder is not in use, if it is not.
 */
load_error: CommandError | null, };

export type SourcesChanged = { 
/**
 * The file that changed.
 */
path: string, 
/**
 * The reload error, when the edited file does not load.
 */
error: CommandError | null, };

export type QuoteLineInput = { 
/**
 * The door configuration, as JSON text.
 */
door: string, 
/**
 * Doors of this configuration.
 */
quantity: number, };

export type QuoteInput = { 
/**
 * Customer.
 */
customer_name: string, 
/**
 * Project name, or empty.
 */
project_name: string, 
/**
 * Project reference, or empty.
 */
project_reference: string, 
/**
 * Discount, %.
 */
discount_percentage: number, 
/**
 * VAT, %.
 */
tax_percentage: number, 
/**
 * The lines.
 */
lines: Array<QuoteLineInput>, };

export type PricedLine = { 
/**
 * 1-based.
 */
line_number: number, 
/**
 * What the door is.
 */
description: string, 
/**
 * Doors.
 */
quantity: number, 
/**
 * One door before discount, pence.
 */
unit_price: number, 
/**
 * Before discount, pence.
 */
subtotal: number, 
/**
 * Line total with its share of discount and VAT, pence.
 */
total: number, 
/**
 * Weight of the line, kg.
 */
estimated_weight_kg: number, 
/**
 * One door's U_D, W/m²K.
 */
overall_u_value: number, };

export type PricedQuote = { 
/**
 * Quote date.
 */
quote_date: string, 
/**
 * Last valid day.
 */
valid_until: string, 
/**
 * ISO 4217.
 */
currency: string, 
/**
 * Before discount, pence.
 */
subtotal: number, 
/**
 * Discount, %.
 */
discount_percentage: number, 
/**
 * Discount, pence.
 */
discount_amount: number, 
/**
 * VAT, %.
 */
tax_percentage: number, 
/**
 * VAT, pence.
 */
tax_amount: number, 
/**
 * To pay, pence.
 */
total: number, 
/**
 * Weight, kg.
 */
estimated_weight_kg: number, 
/**
 * Days to despatch.
 */
estimated_lead_time_days: number, 
/**
 * Lines.
 */
lines: Array<PricedLine>, 
/**
 * Warnings about the doors (of live totals; a saved quote's report keeps its own).
 */
warnings: Array<Issue>, };

export type QuoteSearch = { 
/**
 * Words (typos and partial words allowed); empty lists every quote.
 */
text: string, 
/**
 * Page, from 1.
 */
page: number, 
/**
 * Quotes per page.
 */
page_size: number, };

export type QuoteRow = { 
/**
 * Number.
 */
quote_number: string, 
/**
 * Latest revision.
 */
revision: number, 
/**
 * Status.
 */
status: string, 
/**
 * Customer.
 */
customer_name: string, 
/**
 * Project.
 */
project_name: string | null, 
/**
 * Reference.
 */
project_reference: string | null, 
/**
 * Total, pence.
 */
total: number, 
/**
 * Currency.
 */
currency: string, 
/**
 * Quote date.
 */
quote_date: string, 
/**
 * Last change (UTC).
 */
updated_at: string, };

export type QuoteListPage = { 
/**
 * The quotes.
 */
items: Array<QuoteRow>, 
/**
 * 1-based page.
 */
page: number, 
/**
 * Pages in all.
 */
pages: number, 
/**
 * Quotes matching in all.
 */
total: number, 
/**
 * Words the search replaced (typos), as `typed → used`.
 */
corrections: Array<string>, };

export type QuoteRevisionInfo = { 
/**
 * 1, 2, …
 */
revision: number, 
/**
 * Total, pence.
 */
total: number, 
/**
 * Whether it is the latest.
 */
is_latest: boolean, 
/**
 * Who saved it.
 */
created_by: string, 
/**
 * When (UTC).
 */
created_at: string, 
/**
 * Why, when given.
 */
note: string | null, };

export type StatusInfo = { 
/**
 * Quote revision at the time.
 */
revision: number, 
/**
 * Before (none when created).
 */
from_status: string | null, 
/**
 * After.
 */
to_status: string, 
/**
 * Why.
 */
reason: string | null, 
/**
 * Who.
 */
changed_by: string, 
/**
 * When (UTC).
 */
changed_at: string, };

export type DocumentInfo = { 
/**
 * `package`, `datasheet`, …
 */
kind: string, 
/**
 * Quote revision it was made from.
 */
quote_revision: number, 
/**
 * File name.
 */
file_name: string, 
/**
 * Pages.
 */
pages: number, 
/**
 * Size, bytes.
 */
size_bytes: number, 
/**
 * Who.
 */
created_by: string, 
/**
 * When (UTC).
 */
created_at: string, };

export type QuoteView = { 
/**
 * Number.
 */
quote_number: string, 
/**
 * The revision shown.
 */
revision: number, 
/**
 * The latest revision.
 */
latest_revision: number, 
/**
 * Status.
 */
status: string, 
/**
 * Row version: what a revision or status change must name.
 */
version: number, 
/**
 * Customer number.
 */
customer_number: string, 
/**
 * Project number.
 */
project_number: string | null, 
/**
 * The request as saved.
 */
input: QuoteInput, 
/**
 * The priced quote as saved.
 */
priced: PricedQuote, 
/**
 * Every revision.
 */
revisions: Array<QuoteRevisionInfo>, 
/**
 * Status history.
 */
status_history: Array<StatusInfo>, 
/**
 * Statuses the quote may move to now (`QuoteStatus::next`).
 */
next_statuses: Array<string>, 
/**
 * Documents produced.
 */
documents: Array<DocumentInfo>, };

export type RecentQuote = { 
/**
 * Number.
 */
quote_number: string, 
/**
 * Customer.
 */
customer_name: string, 
/**
 * Project (empty when none).
 */
project_name: string, };

export type SaveQuoteRequest = { 
/**
 * The quote to revise, or `null` for a new quote.
 */
number: string | null, 
/**
 * The version the edit was loaded at.
 */
version: number | null, 
/**
 * Why (kept with the revision).
 */
note: string | null, 
/**
 * The request.
 */
input: QuoteInput, };

export type IssuedDrawing = { 
/**
 * Drawing number.
 */
drawing_number: string, 
/**
 * Title.
 */
title: string, 
/**
 * Formats stored.
 */
formats: Array<string>, };

export type DrawingRevisionInfo = { 
/**
 * Letter.
 */
revision: string, 
/**
 * Quote line.
 */
line_number: number, 
/**
 * Quote revision it was drawn from.
 */
quote_revision: number, 
/**
 * What changed.
 */
note: string, 
/**
 * Drawing date.
 */
date: string, 
/**
 * When (UTC).
 */
issued_at: string, 
/**
 * Who.
 */
issued_by: string, 
/**
 * The drawings.
 */
drawings: Array<IssuedDrawing>, };

export type CompareRequest = { 
/**
 * Quote number.
 */
number: string, 
/**
 * Old revision.
 */
old: string, 
/**
 * New revision.
 */
new: string, 
/**
 * Line, from 1.
 */
line: number, };

export type FieldChangeInfo = { 
/**
 * Field path, e.g. `frame_width`.
 */
field: string, 
/**
 * Old value.
 */
old: string, 
/**
 * New value.
 */
new: string, };

export type BomChangeInfo = { 
/**
 * Product code.
 */
code: string, 
/**
 * Unit.
 */
unit: string, 
/**
 * Old quantity.
 */
old_quantity: number, 
/**
 * New quantity.
 */
new_quantity: number, 
/**
 * Cost change, pence.
 */
cost_delta: number, };

export type MoneyDelta = { 
/**
 * Old.
 */
old: number, 
/**
 * New.
 */
new: number, 
/**
 * New − old.
 */
delta: number, };

export type FigureDelta = { 
/**
 * Old.
 */
old: number, 
/**
 * New.
 */
new: number, 
/**
 * New − old.
 */
delta: number, };

export type LayerChangeInfo = { 
/**
 * View title.
 */
view: string, 
/**
 * Layer.
 */
layer: string, 
/**
 * Added.
 */
added: number, 
/**
 * Removed.
 */
removed: number, 
/**
 * Unchanged.
 */
unchanged: number, };

export type CompareSheet = { 
/**
 * Drawing number (of the new side).
 */
drawing_number: string, 
/**
 * Sheet width, mm.
 */
sheet_width_mm: number, 
/**
 * Sheet height, mm.
 */
sheet_height_mm: number, 
/**
 * The old revision's sheet (SVG), when it has this sheet.
 */
old_svg: string | null, 
/**
 * The new revision's sheet (SVG).
 */
new_svg: string, 
/**
 * The overlay (SVG).
 */
overlay_svg: string, };

export type CompareView = { 
/**
 * Old revision, as asked.
 */
old: string, 
/**
 * New revision, as asked.
 */
new: string, 
/**
 * Line.
 */
line: number, 
/**
 * Changed fields.
 */
fields: Array<FieldChangeInfo>, 
/**
 * Changed BOM lines.
 */
bom: Array<BomChangeInfo>, 
/**
 * One door's selling price before discount, pence.
 */
price: MoneyDelta, 
/**
 * One door's material cost, pence.
 */
material_cost: MoneyDelta, 
/**
 * Door weight, kg.
 */
weight_kg: FigureDelta, 
/**
 * U_D, W/m²K.
 */
u_value: FigureDelta, 
/**
 * Drawing changes per view and layer.
 */
drawing: Array<LayerChangeInfo>, 
/**
 * The sheets.
 */
sheets: Array<CompareSheet>, };

export type PackageResult = { 
/**
 * Where it was written.
 */
path: string, 
/**
 * File name as kept in the store.
 */
file_name: string, 
/**
 * Pages.
 */
pages: number, 
/**
 * Size, bytes.
 */
bytes: number, };

