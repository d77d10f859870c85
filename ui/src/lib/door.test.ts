import { describe, expect, it } from "vitest";
import { doorText, nudged, numberValue, parseDoor, setField } from "./door";
import { fit, pan, zoomAbout } from "./viewport";
import { percentile } from "./perf";

const seed = JSON.stringify({
  type: "double", opening_direction: "outward", frame_width: 1870, frame_height: 2235, leaf_width: 935,
  leaf_weight: 65, glazing_thickness: 44, glazing_type: "triple", finish: "powder_coating", color: "RAL 7016",
  hardware: { lock: "multipoint_5_point" }, security_rating: "PAS24", fire_rating: null, project_note: "x",
});

describe("door document", () => {
  it("reads a file, dropping derived values and keeping unknown keys for the core to report", () => {
    const { door, extra } = parseDoor(seed);
    expect(door.type).toBe("double");
    expect(door.frame_width).toBe(1870);
    expect(door.hardware.lock).toBe("multipoint_5_point");
    expect(door.hardware.hinges).toBeNull();
    expect(extra).toEqual({ project_note: "x" });
    const back = JSON.parse(doorText(door, extra));
    expect(back.leaf_width).toBeUndefined();
    expect(back.project_note).toBe("x");
    expect(back.type).toBe("double");
  });

  it("sets fields by path without touching the original", () => {
    const { door } = parseDoor(seed);
    const d2 = setField(setField(door, "frame_width", 2600), "hardware.closer", "overhead_size_4");
    expect(d2.frame_width).toBe(2600);
    expect(d2.hardware.closer).toBe("overhead_size_4");
    expect(door.frame_width).toBe(1870);
    expect(door.hardware.closer).toBeNull();
  });

  it("number fields: empty is null, text is the number typed", () => {
    expect(numberValue("")).toBeNull();
    expect(numberValue(" 2600 ")).toBe(2600);
    expect(numberValue("12.5")).toBe(12.5);
    expect(numberValue("abc")).toBeNull();
  });
});

describe("viewport", () => {
  it("fits the sheet in the window's aspect", () => {
    const b = fit(420, 297, 2, 0);
    expect(b.h).toBeCloseTo(297);
    expect(b.w).toBeCloseTo(594);
    expect(b.x).toBeCloseTo(-87);
  });

  it("zooms about a fixed point", () => {
    const b = { x: 0, y: 0, w: 100, h: 50 };
    const z = zoomAbout(b, 2, 50, 25);
    expect(z).toEqual({ x: 25, y: 12.5, w: 50, h: 25 });
    // The fixed point keeps its relative place.
    const z2 = zoomAbout(b, 2, 0, 0);
    expect(z2.x).toBe(0);
  });

  it("pans by screen pixels", () => {
    expect(pan({ x: 0, y: 0, w: 100, h: 50 }, 10, -20, 1000)).toEqual({ x: -1, y: 2, w: 100, h: 50 });
  });
});

describe("percentile", () => {
  it("nearest rank", () => {
    const v = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(percentile(v, 95)).toBe(38);
    expect(percentile(v, 50)).toBe(20);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("nudged", () => {
  it("steps by the field's step, ten steps with Shift", () => {
    expect(nudged("1500", "ArrowUp", false, 1)).toBe("1501");
    expect(nudged("1500", "ArrowDown", false, 1)).toBe("1499");
    expect(nudged("1500", "ArrowUp", true, 1)).toBe("1510");
    expect(nudged("1500", "ArrowDown", true, 1)).toBe("1490");
  });

  it("keeps within min and max, as the browser's stepping does", () => {
    expect(nudged("2495", "ArrowUp", true, 1, 700, 2500)).toBe("2500");
    expect(nudged("2600", "ArrowDown", false, 1, 700, 2500)).toBe("2500");
    expect(nudged("705", "ArrowDown", true, 1, 700, 2500)).toBe("700");
  });

  it("counts an empty field from zero, so it lands on its minimum", () => {
    expect(nudged("", "ArrowUp", false, 1, 700, 2500)).toBe("700");
    expect(nudged("", "ArrowUp", false, 1)).toBe("1");
  });

  it("keeps decimal steps exact", () => {
    expect(nudged("1.2", "ArrowUp", false, 0.1)).toBe("1.3");
    expect(nudged("0.3", "ArrowDown", false, 0.1)).toBe("0.2");
    expect(nudged("1", "ArrowUp", true, 0.1)).toBe("2.0");
  });

  it("ignores other keys", () => {
    expect(nudged("1500", "a", false, 1)).toBeNull();
    expect(nudged("1500", "ArrowLeft", false, 1)).toBeNull();
  });
});
