// Undo/redo of edits: a bounded stack of whole documents (doors are small), with typing in
// one field merged into one step.

export interface HistoryOptions {
  /** Most undo steps kept. */
  limit?: number;
  /** Edits to the same field closer together than this (ms) merge into one step. */
  mergeMs?: number;
}

export class History<T> {
  private past: { value: T; key: string | null; at: number }[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = -Infinity;
  private readonly limit: number;
  private readonly mergeMs: number;

  constructor(public present: T, opts: HistoryOptions = {}) {
    this.limit = opts.limit ?? 200;
    this.mergeMs = opts.mergeMs ?? 800;
  }

  /** Record a new present. `key` names the field edited; `now` is a timestamp in ms. */
  push(next: T, key: string | null = null, now = Date.now()): void {
    const merge = key !== null && key === this.lastKey && now - this.lastAt < this.mergeMs;
    if (!merge) {
      this.past.push({ value: this.present, key, at: now });
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  /** Replace everything (a new or opened document). */
  reset(value: T): void {
    this.past = [];
    this.future = [];
    this.present = value;
    this.lastKey = null;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): T | null {
    const prev = this.past.pop();
    if (!prev) return null;
    this.future.push(this.present);
    this.present = prev.value;
    this.lastKey = null;
    return this.present;
  }

  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push({ value: this.present, key: null, at: -Infinity });
    this.present = next;
    this.lastKey = null;
    return this.present;
  }
}
