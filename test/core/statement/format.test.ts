import fc from "fast-check";
import { moneyFigure, percentFigure, refsText } from "../../../src/core/statement/format";
import {
  formatDate,
  formatFte,
  formatMoney,
  formatMoneyCell,
  formatPercent,
  formatPoints,
  formatPolicyPercent,
  moneyNumberFormat,
} from "../../../src/core/format";

describe("money in sentences", () => {
  test("whole pounds with separators", () => {
    // £5,225,000.00 = 522,500,000 pence
    expect(formatMoney(522_500_000, "£")).toBe("£5,225,000");
    // £1,234.50 rounds half away from zero to £1,235
    expect(formatMoney(123_450, "£")).toBe("£1,235");
  });
  test("thousands with a k", () => {
    // 522,500,000p = £5,225,000 = 5,225 thousand
    expect(formatMoney(522_500_000, "£000")).toBe("£5,225k");
    // £5,225,500 = 5,225.5 thousand -> 5,226 (half away from zero)
    expect(formatMoney(522_550_000, "£000")).toBe("£5,226k");
  });
  test("millions to two places, dropping .00 only", () => {
    // £5,225,000 = 5.225m -> 5.23 (half away from zero on the exact decimal, not 5.22)
    expect(formatMoney(522_500_000, "£m")).toBe("£5.23m");
    expect(formatMoney(54_500_000_000, "£m")).toBe("£545m");
    expect(formatMoney(52_000_000, "£m")).toBe("£0.52m");
    expect(formatMoney(50_000_000, "£m")).toBe("£0.50m");
  });
  test("a small amount is never shown as nothing", () => {
    // £400 in £000 would round to 0k: shown in pounds instead
    expect(formatMoney(40_000, "£000")).toBe("£400");
    // £2,000 in £m would round to 0.00m: shown in thousands instead
    expect(formatMoney(200_000, "£m")).toBe("£2k");
    // 40p
    expect(formatMoney(40, "£")).toBe("£0.40");
    expect(formatMoney(0, "£000")).toBe("£0");
  });
  test("negative amounts carry a minus sign", () => {
    expect(formatMoney(-26_500_000, "£000")).toBe("-£265k");
  });
});

describe("money in table cells", () => {
  test("in the unit of the column header, negatives in brackets", () => {
    expect(formatMoneyCell(522_500_000, "£000")).toBe("5,225");
    expect(formatMoneyCell(-26_500_000, "£000")).toBe("(265)");
    expect(formatMoneyCell(522_500_000, "£m")).toBe("5.23");
    expect(formatMoneyCell(522_500_000, "£")).toBe("5,225,000");
    // -£400 in £000 rounds to 0: no brackets round a zero
    expect(formatMoneyCell(-40_000, "£000")).toBe("0");
  });
  test("the Excel format shows the same digits from a value in pounds", () => {
    expect(moneyNumberFormat("£000")).toBe("#,##0,;(#,##0,)");
    expect(moneyNumberFormat("£m")).toBe("#,##0.00,,;(#,##0.00,,)");
    const f = moneyFigure(522_500_050, "£000", [{ sheet: "Budget", address: "C7" }]);
    // value in pounds (as vfm analyse --json writes money), text in £000
    expect(f.value).toBe(5_225_000.5);
    expect(f.text).toBe("5,225");
    expect(f.sources).toEqual([{ sheet: "Budget", address: "C7" }]);
  });
  test("property: the cell text is the amount in the unit, rounded half away from zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pence) => {
        const text = formatMoneyCell(pence, "£000");
        const negative = text.startsWith("(");
        const n = Number(text.replace(/[(),]/g, ""));
        const exact = Math.abs(pence) / 100_000; // thousands of pounds
        // within half a unit of the exact amount
        expect(Math.abs(n - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (n !== 0) expect(negative).toBe(pence < 0);
      })
    );
  });
});

describe("percentages, FTE, years and dates", () => {
  test("one decimal place, half away from zero on the decimal text", () => {
    expect(formatPercent(0.055)).toBe("5.5%");
    // 0.0455 -> 4.55% -> 4.6% (binary 0.0455*100 = 4.550000000000001, but the decimal is what counts)
    expect(formatPercent(0.0455)).toBe("4.6%");
    // 5,200 / 105,200 = 0.049429... -> 4.9%
    expect(formatPercent(5200 / 105200)).toBe("4.9%");
    expect(formatPercent(0.04)).toBe("4.0%");
    expect(formatPercent(1.234)).toBe("123.4%");
    expect(formatPercent(-0.012)).toBe("-1.2%");
  });
  test("thresholds as the White Paper writes them", () => {
    expect(formatPolicyPercent(0.04)).toBe("4%");
    expect(formatPolicyPercent(0.07)).toBe("7%");
    expect(formatPolicyPercent(0.065)).toBe("6.5%");
  });
  test("percentage points", () => {
    expect(formatPoints(0.006)).toBe("0.6 percentage points");
    expect(formatPoints(-0.01)).toBe("1.0 percentage point");
  });
  test("FTE to one place with separators", () => {
    expect(formatFte(2310)).toBe("2,310.0");
    expect(formatFte(53.3333)).toBe("53.3");
  });
  test("dates read from the ISO text, whatever the time zone", () => {
    expect(formatDate("2011-03-31")).toBe("31 March 2011");
    expect(formatDate("2011-04-01T00:30:00+01:00")).toBe("1 April 2011");
    expect(formatDate("not a date")).toBe("not a date");
  });
  test("a percent figure stores the fraction as the JSON does (ten decimals)", () => {
    // 215 / 2310 = 0.0930735930735...
    const f = percentFigure(215 / 2310);
    expect(f.value).toBe(0.0930735931);
    expect(f.text).toBe("9.3%");
    expect(f.numberFormat).toBe("0.0%");
  });
});

describe("cell references", () => {
  test("runs along a row or down a column are written as ranges", () => {
    const r = (address: string, sheet = "Budget") => ({ sheet, address });
    expect(refsText([r("C7"), r("D7"), r("E7")])).toBe("Budget!C7:E7");
    expect(refsText([r("C7"), r("C8"), r("E9")])).toBe("Budget!C7:C8, Budget!E9");
    expect(refsText([r("B2", "Savings plan"), r("B3", "Savings plan")])).toBe(
      "'Savings plan'!B2:B3"
    );
    // an L-shape is not a range
    expect(refsText([r("C7"), r("D7"), r("D8")])).toBe("Budget!C7:D7, Budget!D8");
  });
});
