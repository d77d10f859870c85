// Choosing two revisions to compare: quote revisions (1, 2, …) and drawing revisions (A, B, …)
// in one history; a third pick replaces the older pick, so the last two clicked are compared.

export interface RevisionEntry {
  /** `1`, `2` (quote revisions) or `A`, `B` (drawing revisions): what the compare command takes. */
  key: string;
  kind: "quote" | "drawing";
  /** When (UTC, as stored). */
  at: string;
  by: string;
  note: string;
}

/** The selection after clicking `key`: toggled off if picked, else added, keeping two. */
export function pick(selected: string[], key: string): string[] {
  if (selected.includes(key)) return selected.filter((k) => k !== key);
  return [...selected, key].slice(-2);
}

/** The two picks as (old, new) in history order, or null until two are picked. */
export function ordered(history: RevisionEntry[], selected: string[]): { old: string; new: string } | null {
  if (selected.length !== 2) return null;
  const pos = (k: string) => history.findIndex((h) => h.key === k);
  const [a, b] = [...selected].sort((x, y) => pos(x) - pos(y));
  return { old: a, new: b };
}

/** Quote and drawing revisions in one list, oldest first by time. */
export function merge(
  quote: { revision: number; created_at: string; created_by: string; note: string | null }[],
  drawings: { revision: string; issued_at: string; issued_by: string; note: string; line_number: number; quote_revision: number }[],
  line: number,
): RevisionEntry[] {
  const q: RevisionEntry[] = quote.map((r) => ({
    key: String(r.revision),
    kind: "quote",
    at: r.created_at,
    by: r.created_by,
    note: r.note ?? "",
  }));
  const d: RevisionEntry[] = drawings
    .filter((r) => r.line_number === line)
    .map((r) => ({
      key: r.revision,
      kind: "drawing",
      at: r.issued_at,
      by: r.issued_by,
      note: `drawn from quote revision ${r.quote_revision}${r.note ? ` — ${r.note}` : ""}`,
    }));
  return [...q, ...d].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind === "quote" ? -1 : 1));
}
