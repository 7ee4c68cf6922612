/**
 * Overtime (5.9-5.10). Officer pay is £96m in every year, so the paybill is £96m + overtime:
 * 4% of the paybill is reached when overtime is at most £4m (4 / (96 + 4) = 4%).
 * The overtime line is on row 7 of the budget sheet; years 2008/09..2013/14 are columns B..G.
 */
import { checkOf, ofRule, outcome, places } from "./helpers";
import { budgetOf, workbook } from "./workbooks";

describe("OVERTIME_ANNUAL_CUT", () => {
  it("passes when every year above 4% is cut by at least 5%", () => {
    // 6.0m (6.0 / 102 = 5.9%) -> 5.7m (exactly 95%) -> 5.4m (<= 5.415m) -> 5.1m (<= 5.13m)
    // -> 4.8m (<= 4.845m) -> 3.9m (3.9 / 99.9 = 3.9%).
    const r = checkOf(workbook({ budget: budgetOf([6e6, 5.7e6, 5.4e6, 5.1e6, 4.8e6, 3.9e6]) }));
    expect(ofRule(r, "OVERTIME_ANNUAL_CUT")).toEqual([]);
    expect(outcome(r, "OVERTIME_ANNUAL_CUT")).toBe("pass");
  });

  it("names every year that misses the 5% cut, each at its overtime cell", () => {
    // 2010/11: 5.5m > 5.7m x 0.95 = 5.415m (miss); 2011/12: 5.1m <= 5.5m x 0.95 = 5.225m;
    // 2012/13: 4.9m > 5.1m x 0.95 = 4.845m (miss); 2013/14: 3.9m <= 4.655m.
    const r = checkOf(workbook({ budget: budgetOf([6e6, 5.7e6, 5.5e6, 5.1e6, 4.9e6, 3.9e6]) }));
    const f = ofRule(r, "OVERTIME_ANNUAL_CUT");
    expect(places(r, "OVERTIME_ANNUAL_CUT")).toEqual(["Budget!D7", "Budget!F7"]);
    expect(f[0].message).toContain("2010/11");
    expect(f[0].message).toContain("£5,415,000");
    expect(f[1].message).toContain("2012/13");
    expect(f[1].message).toContain("£4,845,000");
    expect(f[0].severity).toBe("error");
    expect(f[0].paragraph).toBe("5.9-5.10");
  });
});

describe("OVERTIME_THRESHOLD_YEAR_PLANNED", () => {
  it("passes when a year up to 2013/14 comes down to 4%", () => {
    const r = checkOf(workbook({ budget: budgetOf([6e6, 5.7e6, 5.4e6, 5.1e6, 4.8e6, 3.9e6]) }));
    expect(outcome(r, "OVERTIME_THRESHOLD_YEAR_PLANNED")).toBe("pass");
  });

  it("fails at the target year's overtime when no year reaches 4%", () => {
    // 4.56m in 2013/14 is 4.56 / 100.56 = 4.5% of the paybill: still above 4%.
    const r = checkOf(workbook({ budget: budgetOf([6e6, 5.7e6, 5.4e6, 5.1e6, 4.8e6, 4.56e6]) }));
    expect(ofRule(r, "OVERTIME_ANNUAL_CUT")).toEqual([]);
    const f = ofRule(r, "OVERTIME_THRESHOLD_YEAR_PLANNED");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("4.5%");
    expect(places(r, "OVERTIME_THRESHOLD_YEAR_PLANNED")).toEqual(["Budget!G7"]);
  });

  it("does not apply to a force never above 4%", () => {
    const r = checkOf(workbook());
    expect(outcome(r, "OVERTIME_THRESHOLD_YEAR_PLANNED")).toBe("notApplicable");
  });
});

describe("OVERTIME_NO_RISE", () => {
  it("passes when overtime at or below 4% keeps falling", () => {
    const r = checkOf(workbook());
    expect(outcome(r, "OVERTIME_NO_RISE")).toBe("pass");
  });

  it("names the year overtime rises although it was at or below 4%", () => {
    // 2010/11: 3.61m (3.6%); 2011/12: 3.7m, a rise; 2012/13 back to 3.258m.
    const r = checkOf(
      workbook({ budget: budgetOf([4e6, 3.8e6, 3.61e6, 3.7e6, 3.258e6, 3.095e6]) })
    );
    const f = ofRule(r, "OVERTIME_NO_RISE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2011/12");
    expect(f[0].severity).toBe("warning");
    expect(places(r, "OVERTIME_NO_RISE")).toEqual(["Budget!E7"]);
  });
});
