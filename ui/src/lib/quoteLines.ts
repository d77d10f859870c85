// Editing the lines of a quote on screen: add, duplicate, remove, set quantities. The lines
// are the request the core prices; nothing here prices or checks a door.
import type { QuoteInput, QuoteLineInput } from "./api";

/** A new line with `door` (JSON text), one door. */
export function addLine(q: QuoteInput, door: string): QuoteInput {
  return { ...q, lines: [...q.lines, { door, quantity: 1 }] };
}

/** A copy of line `i` inserted after it. */
export function duplicateLine(q: QuoteInput, i: number): QuoteInput {
  const l = q.lines[i];
  if (!l) return q;
  const lines = [...q.lines];
  lines.splice(i + 1, 0, { ...l });
  return { ...q, lines };
}

/** Line `i` removed. */
export function removeLine(q: QuoteInput, i: number): QuoteInput {
  if (i < 0 || i >= q.lines.length) return q;
  return { ...q, lines: q.lines.filter((_, k) => k !== i) };
}

/** Line `i` with `quantity` doors (a typed value; empty or not a whole number stays as it was). */
export function setQuantity(q: QuoteInput, i: number, typed: string): QuoteInput {
  const n = Number(typed.trim());
  if (!q.lines[i] || typed.trim() === "" || !Number.isInteger(n) || n < 0) return q;
  return { ...q, lines: q.lines.map((l, k): QuoteLineInput => (k === i ? { ...l, quantity: n } : l)) };
}

/** Line `i` with another door (the configurator's JSON text). */
export function setDoor(q: QuoteInput, i: number, door: string): QuoteInput {
  if (!q.lines[i]) return q;
  return { ...q, lines: q.lines.map((l, k) => (k === i ? { ...l, door } : l)) };
}

/** An empty quote for a customer (the core refuses what is missing, with its code). */
export function blankQuote(): QuoteInput {
  return {
    customer_name: "",
    project_name: "",
    project_reference: "",
    discount_percentage: 0,
    tax_percentage: 20,
    lines: [],
  };
}

/** Pence as money for display: £1,234.56. */
export function money(pence: number, currency = "GBP"): string {
  const sign = pence < 0 ? "−" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString("en-GB");
  const symbol = currency === "GBP" ? "£" : `${currency} `;
  return `${sign}${symbol}${pounds}.${String(abs % 100).padStart(2, "0")}`;
}

/** Pence as a signed change: +£12.00, −£3.50, £0.00. */
export function moneyDelta(pence: number, currency = "GBP"): string {
  return pence > 0 ? `+${money(pence, currency)}` : money(pence, currency);
}

/** The recently opened quote numbers, newest first, at most `max`. */
export function remember(recent: string[], number: string, max = 8): string[] {
  return [number, ...recent.filter((n) => n !== number)].slice(0, max);
}
