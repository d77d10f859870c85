import { describe, expect, it } from "vitest";
import { addLine, blankQuote, duplicateLine, money, moneyDelta, remember, removeLine, setDoor, setQuantity } from "./quoteLines";

const door = (w: number) => JSON.stringify({ type: "single", frame_width: w });

describe("quote lines", () => {
  it("adds, duplicates after, and removes lines", () => {
    let q = addLine(addLine(blankQuote(), door(900)), door(1000));
    expect(q.lines.map((l) => l.quantity)).toEqual([1, 1]);
    q = setQuantity(q, 0, "3");
    q = duplicateLine(q, 0);
    expect(q.lines.map((l) => [JSON.parse(l.door).frame_width, l.quantity])).toEqual([[900, 3], [900, 3], [1000, 1]]);
    q = removeLine(q, 1);
    expect(q.lines.map((l) => JSON.parse(l.door).frame_width)).toEqual([900, 1000]);
  });

  it("leaves the quote as it was for an out-of-range line or a quantity that is not a whole number", () => {
    const q = addLine(blankQuote(), door(900));
    expect(removeLine(q, 5)).toBe(q);
    expect(duplicateLine(q, -1)).toBe(q);
    expect(setQuantity(q, 0, "")).toBe(q);
    expect(setQuantity(q, 0, "1.5")).toBe(q);
    expect(setQuantity(q, 0, "-2")).toBe(q);
    expect(setQuantity(q, 3, "2")).toBe(q);
  });

  it("replaces a line's door without touching the others", () => {
    const q = setDoor(addLine(addLine(blankQuote(), door(900)), door(1000)), 1, door(1950));
    expect(q.lines.map((l) => JSON.parse(l.door).frame_width)).toEqual([900, 1950]);
  });

  it("does not change the quote it was given", () => {
    const q = addLine(blankQuote(), door(900));
    const before = JSON.stringify(q);
    duplicateLine(q, 0);
    setQuantity(q, 0, "7");
    removeLine(q, 0);
    expect(JSON.stringify(q)).toBe(before);
  });
});

describe("money display", () => {
  it("formats pence", () => {
    expect(money(1501172)).toBe("£15,011.72");
    expect(money(5)).toBe("£0.05");
    expect(money(-250)).toBe("−£2.50");
    expect(moneyDelta(1200)).toBe("+£12.00");
    expect(moneyDelta(-350)).toBe("−£3.50");
    expect(moneyDelta(0)).toBe("£0.00");
  });
});

describe("recent quotes", () => {
  it("keeps the newest first, once each, at most max", () => {
    expect(remember(["A", "B", "C"], "B")).toEqual(["B", "A", "C"]);
    expect(remember(["A", "B"], "C", 2)).toEqual(["C", "A"]);
  });
});
