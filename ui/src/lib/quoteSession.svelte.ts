// The quote open on the Quotes screen, shared with the Revisions screen and with the
// configurator while one of its lines is being edited there.
import { design } from "./design.svelte";
import { setDoor } from "./quoteLines";
import type { QuoteInput, QuoteView } from "./api";

class QuoteSession {
  /** The stored quote, as loaded or last saved (null for a new, unsaved quote). */
  stored = $state<QuoteView | null>(null);
  /** The request being edited. */
  input = $state<QuoteInput | null>(null);
  /** Whether `input` differs from what is stored. */
  dirty = $state(false);
  /** The line whose door is open in the configurator. */
  editingLine = $state<number | null>(null);
  /** A quote asked for from outside the Quotes screen (File › Open recent quote). */
  requested = $state<string | null>(null);
  private openedText = "";

  /** Open line `i`'s door in the configurator. */
  editLine(i: number): void {
    const l = this.input?.lines[i];
    if (!l) return;
    design.open(l.door, null);
    this.openedText = design.text;
    this.editingLine = i;
  }

  /** Take the configurator's door back into its line (when it was changed there). */
  takeBack(): void {
    const i = this.editingLine;
    this.editingLine = null;
    if (i === null || !this.input) return;
    const text = design.text;
    if (text && text !== this.openedText) {
      this.input = setDoor(this.input, i, text);
      this.dirty = true;
    }
  }
}

export const quoteSession = new QuoteSession();
