/**
 * Business support (5.46-5.51). The compliant workforce has, every year, 800 FTE in response
 * (700 officers + 100 PCSOs), 30 in HR and 30 in finance (business support), 40 in IT (excluded
 * from the ratio) and 100 in estates: 60 / 1,000 = 6.0%, below 7%.
 * Workforce rows: five per year from row 6, so 2013/14's HR row is 6 + 5 x 5 + 1 = row 32.
 */
import { checkOf, ofRule, outcome, places } from "./helpers";
import { compliantWorkforce, WorkforceRow, workbook, YEARS } from "./workbooks";

const withHr2013 = (staff: number): WorkforceRow[] =>
  compliantWorkforce().map((w) =>
    w.year === 2013 && w.fn === "Human resources" ? { ...w, staff } : w
  );

describe("SUPPORT_BELOW_THRESHOLD_BY_TARGET", () => {
  it("passes when 2013/14 is below 7%", () => {
    expect(outcome(checkOf(workbook()), "SUPPORT_BELOW_THRESHOLD_BY_TARGET")).toBe("pass");
  });

  it("fails at 2013/14's first support figure when it is 7% or more", () => {
    // HR 50 + finance 30 = 80 of 1,020: 7.8%.
    const r = checkOf(workbook({ workforce: withHr2013(50) }));
    const f = ofRule(r, "SUPPORT_BELOW_THRESHOLD_BY_TARGET");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("7.8%");
    expect(f[0].message).toContain("2013/14");
    expect(places(r, "SUPPORT_BELOW_THRESHOLD_BY_TARGET")).toEqual(["Workforce!E32"]);
  });

  it("treats exactly 7% as not below", () => {
    // HR 40 + finance 30 = 70 of 1,010 = 6.9%: below. With IT cut from 40 to 30 the workforce
    // is 1,000 and 70 / 1,000 = 7.0% exactly: not below.
    const below = checkOf(workbook({ workforce: withHr2013(40) }));
    expect(ofRule(below, "SUPPORT_BELOW_THRESHOLD_BY_TARGET")).toEqual([]);
    const exactly = withHr2013(40).map((w) =>
      w.year === 2013 && w.fn === "IT" ? { ...w, staff: 30 } : w
    );
    const r = checkOf(workbook({ workforce: exactly }));
    expect(ofRule(r, "SUPPORT_BELOW_THRESHOLD_BY_TARGET").map((f) => f.message)).toEqual([
      "Business support in 2013/14 is planned at 70.0 FTE, 7% of a workforce of 1,000.0; to be below 7% it must be under 70.0 FTE.",
    ]);
  });

  it("fails when the figures stop before 2013/14 above 7%", () => {
    const workforce = compliantWorkforce()
      .filter((w) => w.year <= 2011)
      .map((w) => (w.year === 2011 && w.fn === "Finance" ? { ...w, staff: 60 } : w));
    // 2011/12: 30 + 60 = 90 of 1,030 = 8.7%; its first support figure is HR's, row 6 + 5 x 3 + 1 = 22.
    const r = checkOf(workbook({ workforce }));
    const f = ofRule(r, "SUPPORT_BELOW_THRESHOLD_BY_TARGET");
    expect(f[0].message).toContain("stop at 2011/12");
    expect(places(r, "SUPPORT_BELOW_THRESHOLD_BY_TARGET")).toEqual(["Workforce!E22"]);
  });
});

describe("SUPPORT_FTE_MATCHES_WORKFORCE", () => {
  const withStated = (stated: (year: number) => number, label = "Total business support") => {
    const w = compliantWorkforce();
    for (const year of YEARS) w.push({ fn: label, year, total: stated(year) });
    return w;
  };
  // The stated rows follow the 30 function rows: 2008/09 on row 36 ... 2013/14 on row 41.

  it("passes when the stated support total equals HR + finance", () => {
    const r = checkOf(workbook({ workforce: withStated(() => 60) }));
    expect(outcome(r, "SUPPORT_FTE_MATCHES_WORKFORCE")).toBe("pass");
  });

  it("fails at the stated total that differs from the functions", () => {
    const r = checkOf(workbook({ workforce: withStated((y) => (y === 2011 ? 65 : 60)) }));
    const f = ofRule(r, "SUPPORT_FTE_MATCHES_WORKFORCE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(
      // The label does not say whether IT is in it, so it may be HR + finance (60) or those
      // and IT (100); 65 is neither, by more than half an FTE for each of 3 lines and the total.
      '"Total business support" shows 65.0 FTE for 2011/12, but the functions counted as business support add up to 60.0 FTE without IT and 100.0 FTE with it; rounding explains at most half of one FTE for each of its 3 lines and for the total itself (2 FTE).'
    );
    expect(places(r, "SUPPORT_FTE_MATCHES_WORKFORCE")).toEqual(["Workforce!H39"]);
  });

  it("compares a total that says it includes IT with support + IT", () => {
    // 30 + 30 + 40 (IT) = 100.
    const ok = checkOf(
      workbook({ workforce: withStated(() => 100, "Total business support including IT") })
    );
    expect(ofRule(ok, "SUPPORT_FTE_MATCHES_WORKFORCE")).toEqual([]);
    const wrong = checkOf(
      workbook({ workforce: withStated(() => 60, "Total business support including IT") })
    );
    expect(ofRule(wrong, "SUPPORT_FTE_MATCHES_WORKFORCE")).toHaveLength(6);
  });

  it("does not apply when the workbook states no support total", () => {
    expect(outcome(checkOf(workbook()), "SUPPORT_FTE_MATCHES_WORKFORCE")).toBe("notApplicable");
  });
});
