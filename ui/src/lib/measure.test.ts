import { describe, expect, it } from "vitest";
import { formatMm, paperDistance, realDistance, viewAt } from "./measure";
import type { ViewFrame } from "../generated/wire";

const frame = (kind: string, x: number, y: number, w: number, h: number, s: number): ViewFrame => ({
  kind, title: kind, scale_denominator: s, x, y, width: w, height: h,
});

describe("measure", () => {
  const frames = [frame("elevation", 20, 20, 187, 223.5, 10), frame("detail", 250, 20, 100, 100, 2)];

  it("uses the scale of the view the first point lies in", () => {
    // 187 mm of paper at 1:10 is the 1870 mm door.
    expect(realDistance(frames, { x: 20, y: 100 }, { x: 207, y: 100 })).toEqual({ mm: 1870, scale: 10 });
    const d = realDistance(frames, { x: 260, y: 30 }, { x: 263, y: 34 });
    expect(d?.scale).toBe(2);
    expect(d?.mm).toBeCloseTo(10);
  });

  it("picks the nearest view for a point outside every frame", () => {
    expect(viewAt(frames, { x: 240, y: 50 })?.kind).toBe("detail");
    expect(viewAt(frames, { x: 5, y: 5 })?.kind).toBe("elevation");
    expect(viewAt([], { x: 0, y: 0 })).toBeNull();
    expect(realDistance([], { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
  });

  it("paper distance is Euclidean", () => {
    expect(paperDistance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
  });

  it("formats whole millimetres above 100 and tenths below", () => {
    expect(formatMm(1869.6)).toBe("1870 mm");
    expect(formatMm(12.34)).toBe("12.3 mm");
  });
});
