/**
 * Rounding in published figures. A published total is worked out before rounding, so it can
 * differ from the sum of its rounded lines: Cambridgeshire's 31 March 2010 workforce is 2,752
 * FTE, but its lines as published add up to 2,753. A total agrees with its lines when it is
 * within half a unit for each line added, plus half a unit for the total itself, the unit being
 * the precision the figures are written to (whole FTE, 0.01 FTE, £1,000 ...).
 */
import { formatNumber, formatPounds } from "./format";
import { MoneyUnit, toPence } from "./money";

/** Half a unit per figure: the most rounding can move one figure. */
export const HALF_UNIT = 0.5;

/** The smallest FTE difference treated as real, whatever the rounding: sheets keep 2 decimals. */
export const FTE_NOISE = 0.05;

/** The decimal places a number is written to (up to 4; float noise beyond that is ignored). */
function decimals(v: number): number {
  for (let d = 0; d <= 4; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 4;
}

/** The precision FTE figures are written to: 1 for whole numbers, 0.01 for two decimals. */
export function fteUnit(values: readonly number[]): number {
  let d = 0;
  for (const v of values) d = Math.max(d, decimals(v));
  return 10 ** -d;
}

/**
 * The precision amounts in pence are written to: the largest power of ten (up to £1m) that
 * divides every non-zero amount, so a sheet in £000 has a unit of £1,000 (100,000 pence).
 */
export function penceUnit(values: readonly number[]): number {
  let unit = 100_000_000;
  for (const v of values) {
    if (v === 0) continue;
    while (unit > 1 && v % unit !== 0) unit /= 10;
  }
  return unit;
}

/**
 * The precision a money sheet's amounts are written to, in pence: its stated unit (£1, £1,000 on
 * a sheet in £000, £1m), or finer where its figures go below it (pennies on a sheet in pounds).
 * Amounts to the penny are exact (nothing is rounded below a penny), so the unit is then 0: a
 * force's own budget to the penny adds up exactly, and published figures in £000 agree within
 * half of £1,000 a line.
 */
export function sheetPenceUnit(values: readonly number[], unit: MoneyUnit = "£"): number {
  const u = Math.min(penceUnit(values), toPence(1, unit));
  return u <= 1 ? 0 : u;
}

/** The most a total of `count` rounded lines can differ from their sum, in the figures' unit. */
export function roundingTolerance(unit: number, count: number): number {
  return HALF_UNIT * unit * (count + 1);
}

/** True when a stated total agrees with the sum of `count` lines, within their rounding. */
export function withinRounding(stated: number, sum: number, count: number, unit: number): boolean {
  return Math.abs(stated - sum) <= roundingTolerance(unit, count) + 1e-9;
}

/** The tolerance in words, for findings: "within half an FTE per line (7.5 FTE for 14 lines)". */
export function toleranceWords(unit: number, count: number, what: "FTE" | "money"): string {
  const tol = roundingTolerance(unit, count);
  if (what === "FTE")
    return `half of ${unit === 1 ? "one FTE" : `${unit} FTE`} for each of its ${count} lines and for the total itself (${formatNumber(tol, 4, 0)} FTE)`;
  return `half of ${formatPounds(unit)} for each of its ${count} lines and for the total itself`;
}
