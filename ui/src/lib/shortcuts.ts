// Keyboard shortcuts: Cmd on macOS, Ctrl elsewhere. The same action ids as the menu's.

export type Action =
  | "undo"
  | "redo"
  | "save-door"
  | "save-door-as"
  | "open-door"
  | "new-door"
  | "export"
  | "zoom-in"
  | "zoom-out"
  | "zoom-fit"
  | "screen-configurator"
  | "screen-drawings"
  | "screen-settings";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The action a key press asks for, or null. */
export function actionFor(e: KeyLike, mac: boolean): Action | null {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return null;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (k === "y" && !mac) return "redo";
  if (k === "s") return e.shiftKey ? "save-door-as" : "save-door";
  if (k === "o") return "open-door";
  if (k === "n") return "new-door";
  if (k === "e") return "export";
  if (k === "=" || k === "+") return "zoom-in";
  if (k === "-" || k === "_") return "zoom-out";
  if (k === "0") return "zoom-fit";
  if (k === "1") return "screen-configurator";
  if (k === "2") return "screen-drawings";
  if (k === ",") return "screen-settings";
  return null;
}

/** Label for a shortcut in tooltips, e.g. `Ctrl+Z` or `⌘Z`. */
export function label(key: string, mac: boolean, shift = false): string {
  return mac ? `${shift ? "⇧" : ""}⌘${key.toUpperCase()}` : `Ctrl+${shift ? "Shift+" : ""}${key.toUpperCase()}`;
}

/**
 * Drops a second delivery of the same action within `ms` — a menu accelerator and the page's
 * own key handler may both see one key press.
 */
export function once(ms = 120) {
  let last: { a: string; t: number } | null = null;
  return (a: string, now: number): boolean => {
    if (last && last.a === a && now - last.t < ms) return false;
    last = { a, t: now };
    return true;
  };
}

/** Id prefix of File › Open recent quote's items (the quote number follows). */
export const RECENT_QUOTE = "recent-quote:";
