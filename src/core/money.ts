/**
 * Money is held as a whole number of pence (a safe integer up to about £90 trillion), so sums
 * are exact. Units are converted once, where a figure is read from a cell.
 */

/** A whole number of pence. */
export type Pence = number;

/** The units a sheet states its amounts in. */
export type MoneyUnit = "£" | "£000" | "£m";

/** Powers of ten from the unit to pounds. */
export const UNIT_EXPONENT: Readonly<Record<MoneyUnit, number>> = { "£": 0, "£000": 3, "£m": 6 };

/**
 * Shifts the decimal form of `value` by `exponent` places and rounds half away from zero to a
 * whole number. Works on the shortest round-trip decimal text of the double, so 1.005 shifted
 * by 2 is 101 (as Excel's ROUND gives), not 100 as 1.005 * 100 would.
 */
export function shiftRound(value: number, exponent: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (value === 0) return 0;
  const negative = value < 0;
  const text = Math.abs(value).toExponential(); // "d.ddddde±x": exact round-trip digits
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) throw new RangeError(`Cannot read ${value}`);
  const digits = m[1] + (m[2] ?? "");
  // The decimal point sits after the first digit, then moves by the exponent and the shift.
  const point = 1 + Number(m[3]) + exponent;
  let whole: string;
  let roundUp = false;
  if (point <= 0) {
    whole = "0";
    roundUp = point === 0 && digits[0] >= "5";
  } else if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
  } else {
    whole = digits.slice(0, point);
    roundUp = digits[point] >= "5";
  }
  const n = Number(whole) + (roundUp ? 1 : 0);
  return negative ? -n : n;
}

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

/** Pence times a rate (a fraction), rounded half away from zero to whole pence. */
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
