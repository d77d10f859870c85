import { describe, expect, it } from "vitest";
import { History } from "./history";

describe("History", () => {
  it("undoes and redoes whole documents", () => {
    const h = new History({ w: 1 });
    h.push({ w: 2 }, "a", 0);
    h.push({ w: 3 }, "b", 10);
    expect(h.undo()).toEqual({ w: 2 });
    expect(h.undo()).toEqual({ w: 1 });
    expect(h.undo()).toBeNull();
    expect(h.redo()).toEqual({ w: 2 });
    expect(h.redo()).toEqual({ w: 3 });
    expect(h.redo()).toBeNull();
  });

  it("merges quick edits of one field into one step", () => {
    const h = new History("", { mergeMs: 500 });
    h.push("1", "w", 0);
    h.push("18", "w", 100);
    h.push("187", "w", 200);
    h.push("1870", "w", 300);
    expect(h.undo()).toBe("");
    expect(h.canUndo).toBe(false);
  });

  it("does not merge across fields or pauses", () => {
    const h = new History(0, { mergeMs: 500 });
    h.push(1, "w", 0);
    h.push(2, "h", 100);
    h.push(3, "h", 1000);
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBe(1);
  });

  it("a new edit clears redo", () => {
    const h = new History(0);
    h.push(1, "a", 0);
    h.undo();
    h.push(5, "b", 5000);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(0);
  });

  it("keeps at most `limit` steps", () => {
    const h = new History(0, { limit: 3 });
    for (let i = 1; i <= 10; i++) h.push(i, null, i * 1000);
    let n = 0;
    while (h.undo() !== null) n++;
    expect(n).toBe(3);
    expect(h.present).toBe(7);
  });
});
