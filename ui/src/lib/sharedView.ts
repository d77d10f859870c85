// One pan/zoom shared by several viewers (side by side compare): every viewer reads and writes
// the same viewBox, so panning or zooming one moves the others with it.
import type { Box } from "./viewport";

type Listener = (b: Box | null) => void;

export class SharedView {
  private current: Box | null = null;
  private listeners = new Set<Listener>();

  get box(): Box | null {
    return this.current;
  }

  /** Set the view; every viewer sharing it is told. */
  set(b: Box | null): void {
    this.current = b;
    for (const l of this.listeners) l(b);
  }

  /** Follow changes; returns the function that stops following. */
  follow(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
