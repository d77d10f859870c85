// The measure tool's arithmetic: two points on the sheet (paper mm, SVG coordinates) to a real
// distance in millimetres through the scale of the view they lie in.
import type { ViewFrame } from "../generated/wire";

export interface Point {
  x: number;
  y: number;
}

/** The view whose frame holds `p` (nearest frame when none does; null on a sheet without views). */
export function viewAt(frames: ViewFrame[], p: Point): ViewFrame | null {
  let best: ViewFrame | null = null;
  let bestD = Infinity;
  for (const f of frames) {
    const dx = Math.max(f.x - p.x, 0, p.x - (f.x + f.width));
    const dy = Math.max(f.y - p.y, 0, p.y - (f.y + f.height));
    const d = Math.hypot(dx, dy);
    if (d < bestD) {
      best = f;
      bestD = d;
    }
  }
  return best;
}

/** Paper distance between two points, mm. */
export function paperDistance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Real distance in mm between two sheet points, at the scale of the view the first lies in. */
export function realDistance(frames: ViewFrame[], a: Point, b: Point): { mm: number; scale: number } | null {
  const v = viewAt(frames, a);
  if (!v) return null;
  return { mm: paperDistance(a, b) * v.scale_denominator, scale: v.scale_denominator };
}

/** `1234.5 mm` with sensible rounding for a drawing. */
export function formatMm(mm: number): string {
  return `${mm >= 100 ? Math.round(mm) : Math.round(mm * 10) / 10} mm`;
}
