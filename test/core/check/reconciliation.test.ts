/**
 * The savings plan against the budget and the workforce (issue 14, item 3), on the sample and on
 * workbooks planted from it by code. The sample's overtime plan states each year's saving against
 * the year before (2010/11: 5,480,000 - 5,150,000 = 330,000, as planned); its support plan
 * against the 2008/09 baseline (2013/14: (348.5 - 280.5) x 32,500 = 2,210,000 against 2,000,000
 * planned, 9.5% apart): both reconcile within 15%.
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { ofRule, outcome, places } from "./helpers";
import { plantedPlanFlaws, sample } from "./planted";

const check = (wb: Parameters<typeof runVfm>[0], tolerance?: number) =>
  checkWorkbook(runVfm(wb), tolerance === undefined ? {} : { reconciliationTolerance: tolerance });
const flaws = plantedPlanFlaws();

describe("PLAN_RECONCILES_TO_BUDGET", () => {
  it("passes the sample, whose plan follows its budget and workforce", () => {
    expect(outcome(check(sample()), "PLAN_RECONCILES_TO_BUDGET")).toBe("pass");
  });

  it.each(Object.entries(flaws))("catches %s at its planned cell", (_name, flaw) => {
    expect(places(check(flaw.workbook), flaw.rule)).toEqual([flaw.at]);
  });

  it("names an overtime saving the budget does not show, with both readings of the fall", () => {
    const f = ofRule(check(flaws.overtimePlanTooLarge.workbook), "PLAN_RECONCILES_TO_BUDGET");
    expect(f.map((x) => x.message)).toEqual([
      "The savings plan's planned overtime saving for 2010/11 is £2,800,000 ('Savings plan'!E16), but the budget's overtime falls by £330,000 from 2009/10 (Budget!C7 to Budget!D7), or falls by £450,000 from the 2008/09 baseline (Budget!B7 to Budget!D7): the two differ by more than 15%.",
    ]);
    expect(f[0].severity).toBe("warning");
  });

  it("holds the plan of a year that has ended to the budget too, beyond a shortfall", () => {
    // The sample's own 2009/10 plan, £280,000, fell short to £120,000: |280,000 - 120,000| =
    // 160,000 is within 15% of 5,600,000 (840,000), left to the variance rule and its note.
    const f = ofRule(
      check(flaws.overtimePlanTooLargeInEndedYear.workbook),
      "PLAN_RECONCILES_TO_BUDGET"
    );
    expect(f.map((x) => x.message)).toEqual([
      "The savings plan's planned overtime saving for 2009/10, a year that has ended, is £2,800,000 ('Savings plan'!E15), but the budget's overtime falls by £120,000 from 2008/09 (Budget!B7 to Budget!C7): the plan is further from the budget than 15% of the whole overtime of 2008/09 (£5,600,000), more than a shortfall explains.",
    ]);
  });

  it("prices the fall in support FTE at the Settings sheet's average cost", () => {
    const f = ofRule(check(flaws.supportPlanTooLarge.workbook), "PLAN_RECONCILES_TO_BUDGET");
    expect(f).toHaveLength(1);
    // 320.5 - 304.5 = 16 FTE x 32,500 = 520,000; 348.5 - 304.5 = 44 FTE x 32,500 = 1,430,000.
    expect(f[0].message).toContain("support services saving for 2011/12 is £3,000,000");
    expect(f[0].message).toContain("falls by 16.0 FTE (£520,000 at £32,500 an FTE, Settings!B10)");
    expect(f[0].message).toContain(
      "falls by 44.0 FTE (£1,430,000 at £32,500 an FTE, Settings!B10)"
    );
  });

  it("uses the tolerance given: at 5% the sample's support plan no longer reconciles", () => {
    // 2013/14: |2,000,000 - 2,210,000| = 210,000, 9.5% of 2,210,000: above 5%, within 15%.
    const strict = ofRule(check(sample(), 0.05), "PLAN_RECONCILES_TO_BUDGET");
    expect(strict.map((x) => x.cell?.address)).toContain("E43");
    expect(ofRule(check(sample(), 0.15), "PLAN_RECONCILES_TO_BUDGET")).toEqual([]);
  });
});
