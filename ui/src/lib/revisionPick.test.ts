import { describe, expect, it } from "vitest";
import { merge, ordered, pick } from "./revisionPick";

const quote = [
  { revision: 1, created_at: "2026-12-01T10:00:00Z", created_by: "ann", note: null },
  { revision: 2, created_at: "2026-12-02T10:00:00Z", created_by: "bob", note: "wider" },
];
const drawings = [
  { revision: "A", issued_at: "2026-12-01T11:00:00Z", issued_by: "ann", note: "first issue", line_number: 1, quote_revision: 1 },
  { revision: "A", issued_at: "2026-12-01T11:00:00Z", issued_by: "ann", note: "first issue", line_number: 2, quote_revision: 1 },
];

describe("picking two revisions", () => {
  it("keeps the last two picks and toggles a picked one off", () => {
    let s: string[] = [];
    s = pick(s, "1");
    s = pick(s, "2");
    expect(s).toEqual(["1", "2"]);
    s = pick(s, "A");
    expect(s).toEqual(["2", "A"]);
    s = pick(s, "2");
    expect(s).toEqual(["A"]);
  });

  it("orders the pair old → new by history, whichever was clicked first", () => {
    const h = merge(quote, drawings, 1);
    expect(h.map((e) => e.key)).toEqual(["1", "A", "2"]);
    expect(ordered(h, ["2", "1"])).toEqual({ old: "1", new: "2" });
    expect(ordered(h, ["2", "A"])).toEqual({ old: "A", new: "2" });
    expect(ordered(h, ["2"])).toBeNull();
  });

  it("shows only the chosen line's drawing revisions", () => {
    expect(merge(quote, drawings, 2).filter((e) => e.kind === "drawing")).toHaveLength(1);
    expect(merge(quote, drawings, 3).filter((e) => e.kind === "drawing")).toHaveLength(0);
    expect(merge(quote, drawings, 1)[1].note).toContain("quote revision 1");
  });
});
