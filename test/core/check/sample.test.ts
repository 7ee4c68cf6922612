/**
 * The bundled Exampleshire sample, checked as it ships. Its figures are chosen to show the
 * add-in's findings (issue 3: above 4% overtime and above 7% business support), so the check
 * finds, by design:
 * - OVERTIME_ANNUAL_CUT in 2009/10 (5,480 > 5,600 x 0.95 = 5,320, £000) and 2011/12
 *   (4,950 > 5,150 x 0.95 = 4,892.5);
 * - SUPPORT_BELOW_THRESHOLD_BY_TARGET: 280.5 of 3,612.5 FTE in 2013/14 is 7.8%;
 * - MIGRATION_DATE_PLANNED for the 13 legacy contracts without a planned move, and
 *   MIGRATION_DATE_IN_TIME for the three planned a day to three months late;
 * - VARIANCE_EXPLAINED for the three 2009/10 savings more than 10% off plan with no note.
 * Everything else passes: nine areas, actuals for the ended years, the baseline and target
 * years, and every total (the sample's totals are worked out from their lines).
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { CheckReport } from "../../../src/core/check/types";
import { exampleshireFreeForm, exampleshireTemplate } from "../../../src/core/sample/exampleshire";
import { places, outcome } from "./helpers";

const template = checkWorkbook(runVfm(exampleshireTemplate()));
const freeForm = checkWorkbook(runVfm(exampleshireFreeForm()));

const summary = (r: CheckReport) => r.findings.map((f) => `${f.severity} ${f.rule}`);

describe("the clean Exampleshire sample", () => {
  it("fails on its planted-by-design overtime, support and procurement findings", () => {
    expect(template.rag.rag).toBe("red");
    expect(template.rag.words).toBe("errors to put right");
    // Three moves planned for the day after their contracts end are in time (5.35(b)), not late.
    expect(template.counts).toMatchObject({ errors: 16, warnings: 3 });
    expect(places(template, "OVERTIME_ANNUAL_CUT")).toEqual(["Budget!C7", "Budget!E7"]);
    expect(places(template, "SUPPORT_BELOW_THRESHOLD_BY_TARGET")).toHaveLength(1);
    expect(places(template, "MIGRATION_DATE_PLANNED")).toHaveLength(13);
    // G6, G9 and G11 plan each move for the day after the contract ends: in time.
    expect(places(template, "MIGRATION_DATE_IN_TIME")).toEqual([]);
    expect(places(template, "VARIANCE_EXPLAINED")).toHaveLength(3);
  });

  it("passes every completeness and arithmetic rule", () => {
    for (const rule of [
      "AREAS_ADDRESSED",
      "PAST_YEARS_PLANNED_AND_ACTUAL",
      "OVERTIME_BASELINE_PRESENT",
      "TARGET_YEAR_COVERED",
      "OVERTIME_THRESHOLD_YEAR_PLANNED",
      "TOTALS_ADD_UP",
    ] as const)
      expect([rule, outcome(template, rule)]).toEqual([rule, "pass"]);
  });

  it("gives the same findings in the template and the free-form layouts", () => {
    expect(summary(freeForm)).toEqual(summary(template));
    // Messages agree too, except procurement's, which quote each layout's own category wording.
    const words = (r: CheckReport) =>
      r.findings.filter((f) => f.area !== "procurement").map((f) => f.message);
    expect(words(freeForm)).toEqual(words(template));
    // The cells differ: the free-form sheets have their own names and columns.
    expect(places(freeForm, "OVERTIME_ANNUAL_CUT")).toEqual([
      "'Budget 2010-14'!C7",
      "'Budget 2010-14'!E7",
    ]);
  });
});
