import fc from "fast-check";
import { applyRate, parseUnit, toPence } from "../../src/core/money";
import { shiftRound } from "../../src/core/rounding";

describe("exact money", () => {
  test("£1.005 is 101p, as Excel's ROUND(1.005,2) gives, although 1.005*100 = 100.49999...", () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(toPence(1.005)).toBe(101);
  });
  test("units convert once: 12.3456 £000 = £12,345.60 = 1,234,560p; 1.2 £m = 120,000,000p", () => {
    expect(toPence(12.3456, "£000")).toBe(1_234_560);
    expect(toPence(1.2, "£m")).toBe(120_000_000);
    expect(toPence(-0.5, "£")).toBe(-50);
  });
  test("a rate is applied to whole pence: 12% of £1,234.57 = £148.1484 -> 14,815p", () => {
    expect(applyRate(123_457, 0.12)).toBe(14_815);
  });
  test("any whole-pound amount restated in £000 gives the same pence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        (pounds) => toPence(pounds, "£") === toPence(pounds / 1000, "£000")
      )
    );
  });
  test("shiftRound rounds half away from zero", () => {
    expect(shiftRound(2.5, 0)).toBe(3);
    expect(shiftRound(-2.5, 0)).toBe(-3);
    expect(shiftRound(0.0049, 2)).toBe(0);
  });
  test("units are read from titles and headers", () => {
    expect(parseUnit("Revenue budget (£000)")).toBe("£000");
    expect(parseUnit("£'000")).toBe("£000");
    expect(parseUnit("Amounts in £m")).toBe("£m");
    expect(parseUnit("£ millions")).toBe("£m");
    expect(parseUnit("Amount (£)")).toBe("£");
    expect(parseUnit("Police officer pay")).toBeUndefined();
  });
});
