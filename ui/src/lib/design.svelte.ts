// The door being designed: the document, its undo history, and the core's answers about it
// (issues, U-value, weight, price, the previewed sheet), kept current as the designer types.
import { api, type CatalogueChoices, type CommandError, type DoorDesign, type DoorEvaluation, type DoorInput, type PreviewSheet } from "./api";
import { History } from "./history";
import { Latest } from "./latest";
import { doorText, parseDoor, setField } from "./door";
import { markInput, markPainted } from "./perf";
import { reportError } from "./errors.svelte";
import { tick } from "svelte";

interface PreviewInput {
  text: string;
  view: string;
  sheet: string | null;
  scale: string | null;
}

class Design {
  choices = $state<CatalogueChoices | null>(null);
  door = $state<DoorInput | null>(null);
  extra: Record<string, unknown> = {};
  path = $state<string | null>(null);
  dirty = $state(false);
  evaluation = $state<DoorEvaluation | null>(null);
  sheet = $state<PreviewSheet | null>(null);
  previewError = $state<CommandError | null>(null);
  view = $state("elevation");
  sheetSize = $state<string | null>(null);
  scale = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped whenever the sheet on screen is replaced (the viewer keeps its zoom otherwise). */
  sheetVersion = $state(0);

  private history: History<DoorInput> | null = null;
  private lastSent = NaN;
  private lastReceived = NaN;

  // One request per edit brings the panel's figures and the drawing together, so the window
  // repaints once per keystroke; edits made while one is in flight collapse into the next.
  private previewer = new Latest<PreviewInput, DoorDesign>(
    async (i) => {
      this.lastSent = performance.now();
      const d = await api.designDoor({ door: i.text, view: i.view, sheet: i.sheet, scale: i.scale });
      this.lastReceived = performance.now();
      return d;
    },
    async (d, _i, seqs) => {
      this.evaluation = d.evaluation;
      if (d.sheet) {
        this.sheet = d.sheet;
        this.previewError = null;
        this.sheetVersion++;
      } else {
        this.previewError = d.refusal;
      }
      await tick();
      markPainted(seqs, d.sheet?.core_us ?? NaN, this.lastReceived - this.lastSent, this.lastReceived, this.lastSent);
    },
    (e) => reportError(e),
  );

  get text(): string {
    return this.door ? doorText(this.door, this.extra) : "";
  }

  async load(): Promise<void> {
    this.choices = await api.catalogueChoices();
    this.open(await api.newDoor(), null);
  }

  /** Reload the catalogue's choices and redraw (a watched file changed). */
  async refreshSources(): Promise<void> {
    this.choices = await api.catalogueChoices();
    this.refresh();
  }

  /** Start from a door file's text. */
  open(text: string, path: string | null): void {
    const { door, extra } = parseDoor(text);
    this.door = door;
    this.extra = extra;
    this.path = path;
    this.dirty = false;
    this.history = new History(door);
    this.syncHistory();
    this.refresh();
  }

  /** Edit one field (path as the core names it); `at` is the input event's time stamp. */
  edit(field: string, value: unknown, at?: number): void {
    if (!this.door || !this.history) return;
    const next = setField(this.door, field, value);
    this.history.push(next, field, performance.now());
    this.door = next;
    this.dirty = true;
    this.syncHistory();
    this.refresh(true, at);
  }

  undo(): void {
    const d = this.history?.undo();
    if (d) {
      this.door = d;
      this.dirty = true;
      this.syncHistory();
      this.refresh(true);
    }
  }

  redo(): void {
    const d = this.history?.redo();
    if (d) {
      this.door = d;
      this.dirty = true;
      this.syncHistory();
      this.refresh(true);
    }
  }

  setView(view: string): void {
    this.view = view;
    this.refresh();
  }

  /** Ask the core again: issues and panel, and the sheet on screen. */
  refresh(fromInput = false, at?: number): void {
    if (!this.door) return;
    const text = this.text;
    if (fromInput) markInput(this.previewer.nextSeq, at);
    this.previewer.submit({ text, view: this.view, sheet: this.sheetSize, scale: this.scale });
  }

  private syncHistory(): void {
    this.canUndo = this.history?.canUndo ?? false;
    this.canRedo = this.history?.canRedo ?? false;
  }
}

export const design = new Design();
