/**
 * The two statistics the peers benchmarking needs, written out so the core does not load a
 * maths library for them (mathjs stays for the user's indicators, loaded only when a workbook
 * defines some). Both give exactly what mathjs gives: test/core/analysis/statistics.test.ts
 * compares them with mathjs's quantileSeq and mean over random data.
 */

/**
 * The p-th quantile (0..1) by linear interpolation between the nearest ranks: Excel's
 * PERCENTILE.INC and mathjs's quantileSeq. Index h = p * (n - 1); between x[floor(h)] and the
 * next value, weighted by the fraction of h, as mathjs works it out.
 */
export function quantileInc(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("No values to take a quantile of.");
  if (!(p >= 0 && p <= 1)) throw new Error(`The quantile ${p} is not between 0 and 1.`);
  const sorted = [...values].sort((a, b) => a - b);
  const index = p * (sorted.length - 1);
  const fraction = index % 1;
  if (fraction === 0) return sorted[index];
  const lower = Math.floor(index);
  return sorted[lower] * (1 - fraction) + sorted[lower + 1] * fraction;
}

/** The arithmetic mean, summed in order. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("No values to take the mean of.");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
