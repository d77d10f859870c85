import { describe, expect, it } from "vitest";
import { doorText, numberValue, parseDoor, setField } from "./door";
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
