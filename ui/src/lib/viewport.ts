// Pan and zoom of a sheet: a viewBox (paper mm) moved and scaled about a point.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MIN_W = 5; // mm of paper across at most zoom
export const ZOOM_STEP = 1.25;

/** The box showing the whole sheet in a viewport of aspect `aspect` (width / height), centred. */
export function fit(sheetW: number, sheetH: number, aspect: number, margin = 0.02): Box {
  const w0 = sheetW * (1 + 2 * margin);
  const h0 = sheetH * (1 + 2 * margin);
  const [w, h] = w0 / h0 > aspect ? [w0, w0 / aspect] : [h0 * aspect, h0];
  return { x: (sheetW - w) / 2, y: (sheetH - h) / 2, w, h };
}

/** Zoom by `factor` (>1 zooms in) keeping paper point (px, py) fixed on screen. */
export function zoomAbout(b: Box, factor: number, px: number, py: number, maxW = Infinity): Box {
  let w = b.w / factor;
  w = Math.min(Math.max(w, MIN_W), maxW);
  const f = b.w / w;
  const h = b.h / f;
  return { x: px - (px - b.x) / f, y: py - (py - b.y) / f, w, h };
}

/** Move by a screen drag of (dx, dy) pixels in a viewport `pxW` pixels wide. */
export function pan(b: Box, dx: number, dy: number, pxW: number): Box {
  const k = b.w / pxW;
  return { ...b, x: b.x - dx * k, y: b.y - dy * k };
}

export function toViewBox(b: Box): string {
  return `${b.x} ${b.y} ${b.w} ${b.h}`;
}
