import { describe, expect, it } from "vitest";
import { SharedView } from "./sharedView";
import { fit, pan, zoomAbout, type Box } from "./viewport";

// Two viewers as the compare screen wires them: each follows the shared view and writes its
// own pan and zoom into it.
function viewer(shared: SharedView) {
  const v = { box: null as Box | null };
  shared.follow((b) => {
    if (b && b !== v.box) v.box = b;
  });
  return {
    get box() {
      return v.box;
    },
    set(b: Box) {
      v.box = b;
      if (shared.box !== b) shared.set(b);
    },
  };
}

describe("synchronised pan and zoom", () => {
  it("moves the other viewer with the one the designer drags or zooms", () => {
    const shared = new SharedView();
    const left = viewer(shared);
    const right = viewer(shared);
    left.set(fit(420, 297, 1.2));
    expect(right.box).toEqual(left.box);
    right.set(zoomAbout(right.box!, 2, 100, 100));
    expect(left.box).toEqual(right.box);
    expect(left.box!.w).toBeCloseTo(fit(420, 297, 1.2).w / 2);
    left.set(pan(left.box!, 50, -20, 800));
    expect(right.box).toEqual(left.box);
  });

  it("stops telling a viewer that no longer follows", () => {
    const shared = new SharedView();
    let seen = 0;
    const stop = shared.follow(() => seen++);
    shared.set({ x: 0, y: 0, w: 10, h: 10 });
    stop();
    shared.set({ x: 1, y: 0, w: 10, h: 10 });
    expect(seen).toBe(1);
    expect(shared.box).toEqual({ x: 1, y: 0, w: 10, h: 10 });
  });
});
