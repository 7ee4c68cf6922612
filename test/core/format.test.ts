/**
 * The one formatting module and its one rounding rule: half away from zero on the decimal value
 * read to 15 significant figures. (More money, FTE and date cases: statement/format.test.ts.)
 */
import fc from "fast-check";
import {
  formatAsWritten,
  formatBytes,
  formatCount,
  formatDate,
  formatFte,
  formatMoney,
  formatMoneyCell,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPolicyMoney,
  formatPolicyPercent,
  formatPounds,
  formatPoundsValue,
  formatYear,
  policyPercentFormat,
} from "../../src/core/format";
import { roundTo, roundedDigits, shiftRound } from "../../src/core/rounding";

describe("the rounding rule", () => {
  test("the issue's edge cases, with the exact strings", () => {
    // 0.0555 = 5.55% -> 5.6% (the double is 0.055499999..., the decimal 0.0555 is what counts)
    expect(formatPercent(0.0555)).toBe("5.6%");
    // 7.05% -> 7.1%
    expect(formatPercent(0.0705)).toBe("7.1%");
    // 4.55% -> 4.6%
    expect(formatPercent(0.0455)).toBe("4.6%");
    // -0.05% -> -0.1%: half away from zero, so away from zero on the negative side too
    expect(formatPercent(-0.0005)).toBe("-0.1%");
    // 0.0000001% -> 0.0%, and a figure that rounds to zero has no sign
    expect(formatPercent(1e-9)).toBe("0.0%");
    expect(formatPercent(-1e-9)).toBe("0.0%");
  });

  test("float noise in the 16th and 17th digits cannot tip a half", () => {
    // 0.3 - 0.2295 = 0.07049999999999998 in binary arithmetic; it is 0.0705
    expect(0.3 - 0.2295).toBe(0.07049999999999998);
    expect(formatPercent(0.3 - 0.2295)).toBe("7.1%");
    // 0.1 + 0.0555 - 0.1 = 0.055499999999999994; it is 0.0555
    expect(formatPercent(0.1 + 0.0555 - 0.1)).toBe("5.6%");
    // 0.29 x 50 = 14.499999999999998; it is 14.5, which rounds to 15
    expect(shiftRound(0.29 * 50, 0)).toBe(15);
    // a value really below the half stays below: 0.07049 -> 7.0%
    expect(formatPercent(0.07049)).toBe("7.0%");
    expect(formatPercent(0.070499999999)).toBe("7.0%");
  });

  test("the same rule gives the same text in findings, statement, CLI and pane", () => {
    // one function for a measured share wherever it is written
    for (const [v, text] of [
      [0.0555, "5.6%"],
      [0.0705, "7.1%"],
      [0.0455, "4.6%"],
      [0.04, "4.0%"],
    ] as const)
      expect(formatPercent(v)).toBe(text);
  });

  test("shiftRound and roundTo", () => {
    expect(shiftRound(1.005, 2)).toBe(101);
    expect(shiftRound(-2.5, 0)).toBe(-3);
    expect(shiftRound(2.4999, 0)).toBe(2);
    expect(shiftRound(-0.4, 0)).toBe(0);
    expect(Object.is(shiftRound(-0.4, 0), 0)).toBe(true);
    expect(shiftRound(999.5, 0)).toBe(1000);
    expect(shiftRound(123456789, -3)).toBe(123457);
    expect(roundTo(0.0705, 3)).toBe(0.071);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundedDigits(0.0555, 3)).toEqual({ negative: false, digits: "56" });
    expect(roundedDigits(-0.0005, 3)).toEqual({ negative: true, digits: "1" });
    // integers are exact at any size
    expect(roundedDigits(9_007_199_254_740_991, 0).digits).toBe("9007199254740991");
    expect(() => shiftRound(NaN, 0)).toThrow(RangeError);
  });

  test("property: within half a unit of the exact value, and half away from zero at ties", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        // n / 10^(d+1) has an exact decimal form ending in the digit n % 10
        const v = n / 10 ** (d + 1);
        const r = shiftRound(v, d);
        const last = Math.abs(n) % 10;
        const truncated = Math.trunc(Math.abs(n) / 10);
        expect(Math.abs(r)).toBe(last >= 5 ? truncated + 1 : truncated);
        if (r !== 0) expect(Math.sign(r)).toBe(Math.sign(n));
      })
    );
  });
});

describe("percentages", () => {
  test("policy figures as set, without trailing zeros", () => {
    expect(formatPolicyPercent(0.04)).toBe("4%");
    expect(formatPolicyPercent(0.07)).toBe("7%");
    expect(formatPolicyPercent(0.065)).toBe("6.5%");
    // an overridden threshold reads as set, not rounded to one place
    expect(formatPolicyPercent(0.0425)).toBe("4.25%");
    expect(formatPolicyPercent(0.0125)).toBe("1.25%");
    // 1 - 0.05 (the most allowed after a 5% cut)
    expect(formatPolicyPercent(1 - 0.05)).toBe("95%");
    // 1 - 0.07 = 0.9299999999999999 in binary
    expect(formatPolicyPercent(1 - 0.07)).toBe("93%");
    expect(policyPercentFormat(0.04)).toBe("0%");
    expect(policyPercentFormat(0.065)).toBe("0.0%");
    expect(policyPercentFormat(0.0425)).toBe("0.00%");
  });
  test("other decimal places and percentage points", () => {
    expect(formatPercent(0.12345, 2)).toBe("12.35%");
    expect(formatPercent(0.5, 0)).toBe("50%");
    expect(formatPercent(12.3456)).toBe("1,234.6%");
    expect(formatPoints(0.0055)).toBe("0.6 percentage points");
    expect(formatPoints(0.0005)).toBe("0.1 percentage points");
  });
});

describe("numbers and FTE", () => {
  test("fixed places, or trailing zeros dropped down to a minimum", () => {
    expect(formatNumber(2.456, 2)).toBe("2.46");
    expect(formatNumber(1234.5, 2, 0)).toBe("1,234.5");
    expect(formatNumber(1234, 2, 0)).toBe("1,234");
    expect(formatNumber(-0.001, 2)).toBe("0.00");
    expect(formatNumber(-1234567.891, 1)).toBe("-1,234,567.9");
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(-1234.5)).toBe("-1,235");
  });
  test("FTE: one place by default; findings may show two", () => {
    expect(formatFte(1234.56)).toBe("1,234.6");
    expect(formatFte(0.05)).toBe("0.1");
    expect(formatFte(-0.04)).toBe("0.0");
    // 212.35 to two places, trailing zeros kept down to one: 212.30 -> "212.3"
    expect(formatFte(212.35, 2, 1)).toBe("212.35");
    expect(formatFte(212.3, 2, 1)).toBe("212.3");
    expect(formatFte(212, 2, 1)).toBe("212.0");
    // FTE sums carry float noise: 0.1 + 0.2
    expect(formatFte(0.1 + 0.2, 2, 0)).toBe("0.3");
  });
  test("a number as the cell holds it", () => {
    expect(formatAsWritten(1234567.5)).toBe("1,234,567.5");
    expect(formatAsWritten(0.1 + 0.2)).toBe("0.3");
    expect(formatAsWritten(-12)).toBe("-12");
    expect(formatAsWritten(0.000123)).toBe("0.000123");
  });
  test("sizes", () => {
    expect(formatBytes(400 * 1024)).toBe("0.4 MB");
    expect(formatBytes(12 * 1024 * 1024)).toBe("12 MB");
    expect(formatBytes(1.5 * 1024 * 1024 * 1024)).toBe("1.5 GB");
  });
});

describe("money", () => {
  test("to the penny, as findings quote cells", () => {
    expect(formatPounds(522_500_000)).toBe("£5,225,000");
    expect(formatPounds(123_456)).toBe("£1,234.56");
    expect(formatPounds(123_450)).toBe("£1,234.50");
    expect(formatPounds(-5)).toBe("-£0.05");
    expect(formatPounds(0)).toBe("£0");
  });
  test("policy amounts: whole millions as £m", () => {
    expect(formatPolicyMoney(7_000_000_000)).toBe("£70m");
    expect(formatPolicyMoney(100_000_000_000)).toBe("£1,000m");
    expect(formatPolicyMoney(150_000_000)).toBe("£1,500,000");
    expect(formatPolicyMoney(1_234_500)).toBe("£12,345");
    expect(formatPolicyMoney(123_450)).toBe("£1,234.50");
  });
  test("plain pounds values (peer indicators such as cost per head)", () => {
    expect(formatPoundsValue(12.3456)).toBe("£12.35");
    expect(formatPoundsValue(-3.2)).toBe("-£3.20");
    expect(formatPoundsValue(1234.5, 2, 0)).toBe("£1,234.5");
  });
  test("half a unit rounds away from zero in every unit", () => {
    // £1,234.50 -> £1,235; -£1,234.50 -> -£1,235
    expect(formatMoney(123_450, "£")).toBe("£1,235");
    expect(formatMoney(-123_450, "£")).toBe("-£1,235");
    expect(formatMoneyCell(-123_450, "£")).toBe("(1,235)");
    // £5,005,000 = 5.005m -> 5.01 (not 5.00: the decimal, not the double, is rounded)
    expect(formatMoney(500_500_000, "£m")).toBe("£5.01m");
  });
});

describe("years and dates", () => {
  test("financial years", () => {
    expect(formatYear(2008)).toBe("2008/09");
    expect(formatYear(1999)).toBe("1999/00");
    expect(formatYear(2009)).toBe("2009/10");
  });
  test("dates", () => {
    expect(formatDate("2011-03-31")).toBe("31 March 2011");
    expect(formatDate("2012-02-29")).toBe("29 February 2012");
    expect(formatDate("2025-05-05T14:03:00Z")).toBe("5 May 2025");
    // not a calendar day: left as written
    expect(formatDate("2011-02-30")).toBe("2011-02-30");
    expect(formatDate("31/03/2011")).toBe("31/03/2011");
  });
});
