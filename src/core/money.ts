/**
 * Money is held as a whole number of pence (a safe integer up to about £90 trillion), so sums
 * are exact. Units are converted once, where a figure is read from a cell.
 */
import { shiftRound } from "./rounding";

/** A whole number of pence. */
export type Pence = number;

/** The units a sheet states its amounts in. */
export type MoneyUnit = "£" | "£000" | "£m";

/** Powers of ten from the unit to pounds. */
export const UNIT_EXPONENT: Readonly<Record<MoneyUnit, number>> = { "£": 0, "£000": 3, "£m": 6 };

/** An amount as written in a cell, in the given unit, to exact pence. */
export function toPence(value: number, unit: MoneyUnit = "£"): Pence {
  return shiftRound(value, UNIT_EXPONENT[unit] + 2);
}

/** Pence to pounds as a number with at most two decimals (for JSON and for cells). */
export function toPounds(pence: Pence): number {
  return pence / 100;
}

export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Pence times a rate or factor (a fraction, an FTE), rounded by the one rule (rounding.ts) to whole pence. */
export function applyRate(pence: Pence, rate: number): Pence {
  return shiftRound(pence * rate, 0);
}

/** Recognises a unit stated in text: "£000", "£'000", "£ thousands", "£k", "£m", "£ millions", "(£)". */
export function parseUnit(text: string): MoneyUnit | undefined {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  if (
    /£\s*'?000s?\b|£\s*'?000(?!\d)|£\s*thousands?|£\s*k\b|\bthousands of pounds\b|\bin thousands\b|\(000s?\)|\(£000\)|£000/.test(
      t
    )
  )
    return "£000";
  if (/£\s*m\b|£\s*millions?|£\s*mn\b|\bmillions of pounds\b|\bin millions\b|£m/.test(t))
    return "£m";
  if (/\(£\)|in pounds|£ sterling|\bgbp\b|pounds\b|^£$|amount \(£\)|\(£\s*\)/.test(t)) return "£";
  return undefined;
}
