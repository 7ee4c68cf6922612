/**
 * Exact arithmetic for the scenario model. Rates are taken as decimals to eight places (a rate
 * typed as 7.97% is 7970000 parts in 10^8), so a cut or a growth is a product of whole numbers
 * rounded once, half away from zero, to whole pence (mulDiv). Comparisons against a threshold are
 * made on whole numbers too, so "at or below 4%" never depends on float noise.
 */
import { mulDiv } from "../analysis/figures";
import { Pence } from "../money";
import { shiftRound } from "../rounding";

/** A rate's parts in 10^8. */
export const RATE_SCALE = 100_000_000;

export function rateParts(rate: number): number {
  return shiftRound(rate, 8);
}

/** pence x (1 - rate), rounded to whole pence. */
export function cutBy(pence: Pence, rate: number): Pence {
  return mulDiv(pence, RATE_SCALE - rateParts(rate), RATE_SCALE);
}

/** pence x (1 + rate), rounded to whole pence. */
export function growBy(pence: Pence, rate: number): Pence {
  return mulDiv(pence, RATE_SCALE + rateParts(rate), RATE_SCALE);
}

/** part / whole <= share, exactly (whole > 0). */
export function atOrBelowShare(part: number, whole: number, share: number): boolean {
  return (
    BigInt(Math.round(part)) * BigInt(RATE_SCALE) <=
    BigInt(rateParts(share)) * BigInt(Math.round(whole))
  );
}

/** FTE held to two decimals: hundredths of an FTE as a whole number. */
export function fteHundredths(fte: number): number {
  return shiftRound(fte, 2);
}

/** FTE (as the workbook gives it, up to four decimals) in ten-thousandths. */
export function fteTenThousandths(fte: number): number {
  return shiftRound(fte, 4);
}

/** part / whole < share, exactly, for FTE in ten-thousandths (whole > 0). */
export function belowShare(part: number, whole: number, share: number): boolean {
  return BigInt(part) * BigInt(RATE_SCALE) < BigInt(rateParts(share)) * BigInt(whole);
}

/** Days from an ISO date to another (b - a), both UTC midnight. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
