import fc from "fast-check";
import { mean as mathMean, quantileSeq } from "mathjs";
import { mean, quantileInc } from "../../../src/core/analysis/statistics";

describe("statistics without a maths library", () => {
  test("worked examples: PERCENTILE.INC and the mean", () => {
    // Sorted 1, 2, 4, 10: the 25th percentile is at h = 0.25 * 3 = 0.75, between 1 and 2:
    // 1 * 0.25 + 2 * 0.75 = 1.75 (Excel's PERCENTILE.INC gives 1.75 too). The median (h = 1.5)
    // is 2 * 0.5 + 4 * 0.5 = 3; the 0th and 100th are the smallest and the largest.
    expect(quantileInc([10, 2, 4, 1], 0.25)).toBe(1.75);
    expect(quantileInc([10, 2, 4, 1], 0.5)).toBe(3);
    expect(quantileInc([10, 2, 4, 1], 0)).toBe(1);
    expect(quantileInc([10, 2, 4, 1], 1)).toBe(10);
    // (10 + 2 + 4 + 1) / 4 = 4.25.
    expect(mean([10, 2, 4, 1])).toBe(4.25);
    expect(() => quantileInc([], 0.5)).toThrow();
    expect(() => quantileInc([1], 1.5)).toThrow();
  });

  test("the same as mathjs's quantileSeq and mean, to the last bit (property)", () => {
    fc.assert(
      fc.property(
        // Figures as a peers sheet holds them: pounds and pence, ratios to four places.
        fc.array(
          fc.oneof(
            fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100),
            fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000)
          ),
          { minLength: 1, maxLength: 60 }
        ),
        // (mathjs refuses denormal fractions such as 5e-324; a percentile is a plain fraction)
        fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
        (values, p) => {
          expect(quantileInc(values, p)).toBe(quantileSeq([...values], p) as number);
          expect(mean(values)).toBe(mathMean([...values]) as number);
        }
      ),
      { numRuns: 500 }
    );
  });
});
