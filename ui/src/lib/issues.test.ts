import { describe, expect, it } from "vitest";
import { byField, describeLimit, fieldOf } from "./issues";
import type { Issue } from "../generated/wire";

const issue = (field: string, severity: "error" | "warning" = "error", code: Issue["code"] = "ERR_VAL_002"): Issue => ({
  code, field, message: "m", value: null, limit: null, severity,
});

describe("issue placement", () => {
  it("puts an issue at the field the core names", () => {
    expect(fieldOf(issue("frame_width"))).toBe("frame_width");
    expect(fieldOf(issue("hardware.lock"))).toBe("hardware.lock");
    expect(fieldOf(issue("color"))).toBe("color");
  });

  it("reads a quote line's paths", () => {
    expect(fieldOf(issue("lines[2].door_configuration.frame_height"))).toBe("frame_height");
  });

  it("puts derived values with the field they follow from", () => {
    expect(fieldOf(issue("leaf_width"))).toBe("frame_width");
    expect(fieldOf(issue("leaf_weight"))).toBe("frame_width");
    expect(fieldOf(issue("leaf_count"))).toBe("type");
  });

  it("keeps issues about the whole door apart", () => {
    expect(fieldOf(issue(""))).toBeNull();
    expect(fieldOf(issue("mystery_field", "warning", "ERR_VAL_008"))).toBeNull();
  });

  it("groups by field, errors first", () => {
    const m = byField([issue("frame_width", "warning", "ERR_VAL_007"), issue("frame_width"), issue("")]);
    expect(m.get("frame_width")?.map((i) => i.severity)).toEqual(["error", "warning"]);
    expect(m.get(null)).toHaveLength(1);
  });

  it("describes limits", () => {
    expect(describeLimit({ min: 600, max: 2000 })).toBe("min 600, max 2000");
    expect(describeLimit(["FD30", "FD60"])).toBe("one of FD30, FD60");
    expect(describeLimit(75)).toBe("75");
    expect(describeLimit(null)).toBe("");
  });
});
