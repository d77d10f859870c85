import { describe, expect, it } from "vitest";
import { actionFor, isMac, once } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe("shortcuts", () => {
  it("uses Ctrl off macOS", () => {
    expect(actionFor(key("z", { ctrlKey: true }), false)).toBe("undo");
    expect(actionFor(key("Z", { ctrlKey: true, shiftKey: true }), false)).toBe("redo");
    expect(actionFor(key("y", { ctrlKey: true }), false)).toBe("redo");
    expect(actionFor(key("s", { ctrlKey: true }), false)).toBe("save-door");
    expect(actionFor(key("e", { ctrlKey: true }), false)).toBe("export");
    expect(actionFor(key("=", { ctrlKey: true }), false)).toBe("zoom-in");
    expect(actionFor(key("0", { ctrlKey: true }), false)).toBe("zoom-fit");
    expect(actionFor(key("z", { metaKey: true }), false)).toBeNull();
  });

  it("uses Cmd on macOS", () => {
    expect(actionFor(key("z", { metaKey: true }), true)).toBe("undo");
    expect(actionFor(key("z", { metaKey: true, shiftKey: true }), true)).toBe("redo");
    expect(actionFor(key("z", { ctrlKey: true }), true)).toBeNull();
    expect(actionFor(key("y", { metaKey: true }), true)).toBeNull();
  });

  it("ignores plain keys and Alt chords", () => {
    expect(actionFor(key("z"), false)).toBeNull();
    expect(actionFor(key("a", { ctrlKey: true }), false)).toBeNull();
    expect(actionFor(key("z", { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it("detects macOS", () => {
    expect(isMac("MacIntel")).toBe(true);
    expect(isMac("Linux x86_64")).toBe(false);
  });

  it("drops a second delivery of one key press", () => {
    const fresh = once(100);
    expect(fresh("undo", 0)).toBe(true);
    expect(fresh("undo", 50)).toBe(false);
    expect(fresh("undo", 200)).toBe(true);
    expect(fresh("redo", 210)).toBe(true);
  });
});
