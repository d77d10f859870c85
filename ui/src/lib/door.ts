// The door document as the configurator edits it (the design plan's door_configuration JSON).
import type { DoorInput } from "../generated/wire";

/** Read the JSON text of a door file into the editable form; unknown keys are kept. */
export function parseDoor(text: string): { door: DoorInput; extra: Record<string, unknown> } {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const door_type = (raw.type ?? raw.door_type ?? "single") as string;
  const hw = (raw.hardware ?? {}) as Record<string, unknown>;
  const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const door: DoorInput = {
    type: door_type,
    opening_direction: (str(raw.opening_direction) ?? "inward"),
    handing: str(raw.handing) ?? "left",
    frame_width: num(raw.frame_width),
    frame_height: num(raw.frame_height),
    glazing_type: str(raw.glazing_type) ?? "double",
    glazing_thickness: num(raw.glazing_thickness),
    glazing_unit: str(raw.glazing_unit),
    glazing_u_value: num(raw.glazing_u_value),
    spacer: str(raw.spacer),
    threshold_type: str(raw.threshold_type) ?? "standard",
    finish: str(raw.finish) ?? "powder_coating",
    color: str(raw.color),
    hardware: {
      hinges: str(hw.hinges),
      lock: str(hw.lock),
      handles: str(hw.handles),
      closer: str(hw.closer),
    },
    security_rating: str(raw.security_rating) ?? "none",
    fire_rating: str(raw.fire_rating),
    acoustic_rating: num(raw.acoustic_rating),
    accessible: raw.accessible === true,
  };
  // Derived values a file may state (leaf sizes, weight, U-value) are the core's to compute:
  // the editor does not carry them, so they never go stale as the designer edits.
  const derived = ["type", "door_type", "leaf_width", "leaf_height", "leaf_count", "leaf_weight", "overall_u_value"];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!(k in door) && !derived.includes(k)) extra[k] = v;
  }
  return { door, extra };
}

/** The JSON text the core reads. */
export function doorText(door: DoorInput, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, ...door });
}

/** Set one field by its path (`frame_width`, `hardware.lock`), returning a new door. */
export function setField(door: DoorInput, path: string, value: unknown): DoorInput {
  if (path.startsWith("hardware.")) {
    const k = path.slice("hardware.".length);
    return { ...door, hardware: { ...door.hardware, [k]: value } };
  }
  return { ...door, [path]: value } as DoorInput;
}

/** A number field's text as the JSON value: empty → null, otherwise the number typed. */
export function numberValue(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * ArrowUp / ArrowDown in a number field, as CAD tools nudge a dimension: by the field's step,
 * ten steps with Shift, kept within the field's min and max as the browser's own stepping is
 * (an empty field counts from zero, so it lands on its minimum).
 * Returns the new text, or null when the key is not a nudge.
 */
export function nudged(
  text: string,
  key: string,
  shift: boolean,
  step: number,
  min: number | null = null,
  max: number | null = null,
): string | null {
  const dir = key === "ArrowUp" ? 1 : key === "ArrowDown" ? -1 : 0;
  if (dir === 0 || !(step > 0)) return null;
  const decimals = (String(step).split(".")[1] ?? "").length;
  const start = numberValue(text) ?? 0;
  let v = start + dir * step * (shift ? 10 : 1);
  if (min !== null && v < min) v = min;
  if (max !== null && v > max) v = max;
  return v.toFixed(decimals);
}
