/**
 * The arithmetic of benchmarking, as Excel does it, so a treasurer can reproduce every figure.
 *
 * Percentiles are mathjs quantileSeq with its default linear interpolation: the p-th percentile
 * of n sorted values sits at position p x (n - 1) (counting from 0), interpolating between the
 * two values either side. That is Excel's PERCENTILE.INC (and QUARTILE.INC), so a treasurer can
 * reproduce every quartile with =PERCENTILE.INC(range, 0.25).
 *
 * Ranks are "competition" ranks, as Excel's RANK.EQ gives: forces with equal values share the
 * better rank, and the next rank is skipped (1, 2, 2, 4).
 */
import { mean, quantileInc } from "./statistics";
import { Direction } from "../peersData";

export interface Percentiles {
  /** 25th, 50th and 75th percentiles, PERCENTILE.INC. */
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
}

/**
 * A derived figure to 12 significant digits, so binary noise (0.022250000000000006) does not
 * reach the user; every input figure in a sheet has far fewer digits than that.
 */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** PERCENTILE.INC of the values at p (0..1), by linear interpolation (statistics.ts). */
export function percentileInc(values: readonly number[], p: number): number {
  return clean(quantileInc(values, p));
}

/** The 25th, 50th and 75th percentiles. */
export function quartilePoints(values: readonly number[]): Percentiles {
  return {
    p25: percentileInc(values, 0.25),
    p50: percentileInc(values, 0.5),
    p75: percentileInc(values, 0.75),
  };
}

/** Arithmetic mean. */
export function meanOf(values: readonly number[]): number {
  return clean(mean(values));
}

/** Mean of values weighted by w (every w > 0). */
export function weightedMean(points: readonly { v: number; w: number }[]): number {
  const wsum = points.reduce((s, p) => s + p.w, 0);
  return clean(points.reduce((s, p) => s + p.v * p.w, 0) / wsum);
}

/** Competition rank (RANK.EQ): 1 + the number of values strictly better. */
export function competitionRank(
  value: number,
  values: readonly number[],
  direction: Direction
): number {
  let better = 0;
  for (const v of values) if (direction === "lowerIsBetter" ? v < value : v > value) better++;
  return better + 1;
}

/**
 * The quartile (1 = best) of a value given the quartile points, mirrored for higher-is-better.
 * The points are cleaned to 12 digits, so the value is compared cleaned too: the median force is
 * in the second quartile, as =value<=PERCENTILE.INC(range,0.5) says in Excel.
 */
export function quartileOf(raw: number, q: Percentiles, direction: Direction): 1 | 2 | 3 | 4 {
  const value = clean(raw);
  if (direction === "lowerIsBetter") {
    if (value <= q.p25) return 1;
    if (value <= q.p50) return 2;
    if (value <= q.p75) return 3;
    return 4;
  }
  if (value >= q.p75) return 1;
  if (value >= q.p50) return 2;
  if (value >= q.p25) return 3;
  return 4;
}
