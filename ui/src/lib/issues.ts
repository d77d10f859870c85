// Placing the core's issues at the configurator's fields: an issue's `field` path
// (`frame_width`, `hardware.lock`, `lines[0].door_configuration.color`) names the field.
import type { Issue } from "../generated/wire";

/** The configurator's field ids, as the core names them. */
export const FIELDS = [
  "type",
  "opening_direction",
  "handing",
  "frame_width",
  "frame_height",
  "glazing_type",
  "glazing_thickness",
  "glazing_unit",
  "glazing_u_value",
  "spacer",
  "threshold_type",
  "finish",
  "color",
  "hardware.hinges",
  "hardware.lock",
  "hardware.handles",
  "hardware.closer",
  "security_rating",
  "fire_rating",
  "acoustic_rating",
  "accessible",
] as const;

export type FieldId = (typeof FIELDS)[number];

/** Derived values the core reports on (leaf size, weight, U-value) sit with the field they follow from. */
const DERIVED: Record<string, FieldId> = {
  leaf_width: "frame_width",
  leaf_height: "frame_height",
  leaf_count: "type",
  leaf_weight: "frame_width",
  overall_u_value: "glazing_type",
  door_type: "type",
  hardware: "hardware.hinges",
};

/** The field an issue belongs to, or null for issues about the whole door. */
export function fieldOf(issue: Issue): FieldId | null {
  let path = issue.field.replace(/^lines\[\d+\]\.door_configuration\.?/, "");
  if ((FIELDS as readonly string[]).includes(path)) return path as FieldId;
  // `hardware.lock.something` → `hardware.lock`; `frame_width_mm` style suffixes are not used.
  const parts = path.split(".");
  for (let n = parts.length - 1; n > 0; n--) {
    const p = parts.slice(0, n).join(".");
    if ((FIELDS as readonly string[]).includes(p)) return p as FieldId;
  }
  path = parts[0];
  return DERIVED[path] ?? null;
}

/** Issues grouped by field; `null` holds the rest. Errors first within a field. */
export function byField(issues: Issue[]): Map<FieldId | null, Issue[]> {
  const m = new Map<FieldId | null, Issue[]>();
  for (const i of issues) {
    const f = fieldOf(i);
    const list = m.get(f) ?? [];
    list.push(i);
    m.set(f, list);
  }
  for (const list of m.values()) {
    list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  }
  return m;
}

/** `min 600, max 2000` from an issue's limit value. */
export function describeLimit(limit: unknown): string {
  if (limit === null || limit === undefined) return "";
  if (Array.isArray(limit)) return `one of ${limit.join(", ")}`;
  if (typeof limit === "object") {
    return Object.entries(limit as Record<string, unknown>)
      .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(", ") : String(v)}`)
      .join(", ");
  }
  return String(limit);
}
