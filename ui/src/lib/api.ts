// The one client through which the UI calls the desktop shell. Every command's name, argument
// and result type is here; the types are generated from the Rust wire types
// (src/generated/wire.ts). Failures arrive as a coded CommandError.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  CatalogueChoices,
  CommandError,
  CompareRequest,
  CompareView,
  DrawingRevisionInfo,
  PackageResult,
  PricedQuote,
  QuoteInput,
  QuoteListPage,
  QuoteSearch,
  QuoteView,
  RecentQuote,
  SaveQuoteRequest,
  DoorDesign,
  ExportProgress,
  ExportRequest,
  ExportResult,
  OpenedDoor,
  PreviewRequest,
  Settings,
  SettingsView,
  SourcesChanged,
} from "../generated/wire";

export type * from "../generated/wire";

/** Whether a thrown value is a CommandError from the shell. */
export function isCommandError(e: unknown): e is CommandError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Any thrown value as a CommandError (a plain JS error becomes ERR_UI). */
export function asCommandError(e: unknown): CommandError {
  if (isCommandError(e)) return e;
  return { code: "ERR_UI", message: e instanceof Error ? e.message : String(e), issues: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asCommandError(e);
  }
}

export const api = {
  catalogueChoices: () => call<CatalogueChoices>("catalogue_choices"),
  /** The panel's figures and the sheet on screen for the door as it stands, in one answer. */
  designDoor: (request: PreviewRequest) => call<DoorDesign>("design_door", { request }),
  exportDrawings: (request: ExportRequest) => call<ExportResult>("export_drawings", { request }),
  pickFolder: (title: string) => call<string | null>("pick_folder", { title }),
  openDoorFile: () => call<OpenedDoor | null>("open_door_file"),
  saveDoorFile: (text: string, path: string | null) =>
    call<string | null>("save_door_file", { text, path }),
  openInViewer: (path: string) => call<void>("open_in_viewer", { path }),
  getSettings: () => call<SettingsView>("get_settings"),
  saveSettings: (settings: Settings) => call<SettingsView>("save_settings", { settings }),
  newDoor: () => call<string>("new_door"),
  logUiError: (message: string, details: string) =>
    call<void>("log_ui_error", { message, details }),
  // Quotes and revisions (the workstation database).
  listQuotes: (search: QuoteSearch) => call<QuoteListPage>("list_quotes", { search }),
  priceQuote: (input: QuoteInput) => call<PricedQuote>("price_quote", { input }),
  getQuote: (number: string, revision: number | null) =>
    call<QuoteView>("get_quote", { number, revision }),
  /** The quotes opened or saved most recently on this workstation, newest first. */
  recentQuotes: () => call<RecentQuote[]>("recent_quotes"),
  saveQuote: (request: SaveQuoteRequest) => call<QuoteView>("save_quote", { request }),
  setQuoteStatus: (number: string, status: string, version: number, reason: string | null) =>
    call<QuoteView>("set_quote_status", { number, status, version, reason }),
  issueQuoteDrawings: (number: string) =>
    call<DrawingRevisionInfo[]>("issue_quote_drawings", { number }),
  quoteDrawingHistory: (number: string) =>
    call<DrawingRevisionInfo[]>("quote_drawing_history", { number }),
  compareRevisions: (request: CompareRequest) =>
    call<CompareView>("compare_revisions", { request }),
  producePackage: (number: string, revision: number | null, path: string | null) =>
    call<PackageResult | null>("produce_package", { number, revision, path }),
};

/** Events the shell sends. */
export const events = {
  menu: (f: (id: string) => void): Promise<UnlistenFn> =>
    listen<string>("menu", (e) => f(e.payload)),
  exportProgress: (f: (p: ExportProgress) => void): Promise<UnlistenFn> =>
    listen<ExportProgress>("export-progress", (e) => f(e.payload)),
  sourcesChanged: (f: (s: SourcesChanged) => void): Promise<UnlistenFn> =>
    listen<SourcesChanged>("sources-changed", (e) => f(e.payload)),
};
