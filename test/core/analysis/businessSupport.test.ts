import fc from "fast-check";
import {
  analyseBusinessSupport,
  mostSupportUnder,
} from "../../../src/core/analysis/businessSupport";
import { DEFAULT_POLICY, applyOverrides } from "../../../src/core/policy";
import { M, WorkforceSpec, makeData } from "./fixtures";

/*
 * Worked example. Workforce FTE (officers / staff / PCSOs / specials):
 *                      2008/09                   2013/14
 *   Operational        2000 / 470 / 200 / 100     2000 / 485 / 200 / 100
 *   HR                 0 / 100                    0 / 95
 *   Finance            0 / 60                     0 / 55
 *   Administration     0 / 80                     0 / 75
 *   IT                 0 / 50                     0 / 50
 *   Estates            0 / 40                     0 / 40
 * Business support (HR + finance + administration; IT excluded, estates operational):
 *   2008/09: 100 + 60 + 80 = 240 of 3000 (specials excluded) = 8.0%
 *   2013/14:  95 + 55 + 75 = 225 of 3000 = 7.5%
 * 7% x 3000 = 210 FTE is exactly 7%, not under it (5.51), so the most support FTE under 7%,
 * counted in tenths of an FTE, is 209.9 (6.997%).
 * Excess in the target year: 225 - 209.9 = 15.1 FTE.
 * Saving at £30,000 a support post: 15.1 x 30,000 = £453,000.
 */
const workforce: WorkforceSpec[] = [
  {
    label: "Operational policing",
    category: "operational",
    fte: {
      2008: { officers: 2000, staff: 470, pcsos: 200, specials: 100 },
      2013: { officers: 2000, staff: 485, pcsos: 200, specials: 100 },
    },
  },
  { label: "Human resources", category: "hr", fte: { 2008: { staff: 100 }, 2013: { staff: 95 } } },
  { label: "Finance", category: "finance", fte: { 2008: { staff: 60 }, 2013: { staff: 55 } } },
  {
    label: "Administration",
    category: "administration",
    fte: { 2008: { staff: 80 }, 2013: { staff: 75 } },
  },
  { label: "IT", category: "it", fte: { 2008: { staff: 50 }, 2013: { staff: 50 } } },
  { label: "Estates", category: "estates", fte: { 2008: { staff: 40 }, 2013: { staff: 40 } } },
];

describe("business support: the worked example", () => {
  const a = analyseBusinessSupport(
    makeData({ workforce, averageSupportCost: 30_000 }),
    DEFAULT_POLICY
  );

  it("works out the share by year, IT excluded and specials left out", () => {
    expect(
      a.byYear.map((y) => [y.year, y.supportFte.value, y.excludedFte.value, y.totalFte.value])
    ).toEqual([
      [2008, 240, 50, 3000],
      [2013, 225, 50, 3000],
    ]);
    expect(a.byYear[0].ratio?.value).toBeCloseTo(0.08, 12);
    expect(a.byYear[1].ratio?.value).toBeCloseTo(0.075, 12);
    expect(a.byYear.map((y) => y.status)).toEqual(["above", "above"]);
  });

  it("measures the excess in the target year and prices it with the given average cost", () => {
    expect(a.assessedYear).toBe(2013);
    expect(a.assessedYearIsTarget).toBe(true);
    expect(a.excessFte?.value).toBe(15.1);
    expect(a.averageCost).toMatchObject({ value: 30_000 * 100, method: "input" });
    expect(a.averageCost?.sources).toEqual([{ sheet: "Settings", address: "B5" }]);
    expect(a.cashableSaving?.value).toBe(453_000 * 100);
  });

  it("draws a straight line in the share from 8% in 2008/09 to 7% in 2013/14", () => {
    // the share falls by (8% - 7%) / 5 = 0.2 points a year; 2010/11: 7.6% x 3000 = 228 FTE;
    // the target year's point is under 7%: 209.9 FTE, 209.9 / 3000 = 6.9967%
    expect(a.path.map((p) => [p.year, +(p.ratio * 100).toFixed(4), p.maximumSupportFte])).toEqual([
      [2008, 8, 240],
      [2009, 7.8, 234],
      [2010, 7.6, 228],
      [2011, 7.4, 222],
      [2012, 7.2, 216],
      [2013, 6.9967, 209.9],
    ]);
    // 2013/14 has 225 FTE against 209.9 on the line
    expect(a.path[5]).toMatchObject({ supportFte: 225, onPath: false });
    expect(a.rag).toMatchObject({ rag: "red", words: "off track", paragraph: "5.46-5.51" });
  });
});

describe("business support: under the threshold, not at it (5.51)", () => {
  it("counts the most support FTE under 7% in tenths of an FTE", () => {
    // 7% x 3,612.5 = 252.875 -> 252.8 (252.8 / 3,612.5 = 6.998%); 7% x 3,000 = 210 -> 209.9
    expect(mostSupportUnder(0.07, 3612.5)).toBe(252.8);
    expect(mostSupportUnder(0.07, 3000)).toBe(209.9);
    expect(mostSupportUnder(0.07, 3600)).toBe(251.9); // 252.00000000000003 in floating point
    expect(mostSupportUnder(0.07, 0)).toBe(0);
  });

  it("property: the result is under the threshold and one step more is not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 200_000 }), (tenths) => {
        const total = tenths / 10;
        const m = mostSupportUnder(0.07, total);
        expect(m / total).toBeLessThan(0.07);
        expect((m + 0.1) / total).toBeGreaterThanOrEqual(0.07 - 1e-12);
      })
    );
  });
});

describe("business support: cost, classification and years", () => {
  it("derives the average cost from staff pay / staff FTE when none is given, and says so", () => {
    // staff FTE 2013/14: 485 + 95 + 55 + 75 + 50 + 40 = 800; staff pay £24m -> £30,000 each
    const d = makeData({ workforce, budget: [{ key: "staffPay", amounts: { 2013: 24 * M } }] });
    const a = analyseBusinessSupport(d, DEFAULT_POLICY);
    expect(a.averageCost).toMatchObject({ value: 30_000 * 100, method: "staffPayPerStaffFte" });
    expect(a.cashableSaving?.value).toBe(453_000 * 100);
  });

  it("raises a finding when the cost cannot be found", () => {
    const a = analyseBusinessSupport(makeData({ workforce }), DEFAULT_POLICY);
    expect(a.cashableSaving).toBeNull();
    expect(a.findings.map((f) => f.code)).toContain("SUPPORT_COST_UNKNOWN");
  });

  it("follows a changed classification", () => {
    // Count estates as business support: 2013/14 = 225 + 40 = 265 -> 8.83%; excess 265 - 209.9 = 55.1
    const p = applyOverrides(DEFAULT_POLICY, {
      "businessSupport.classification.estates": "Business support",
    }).policy;
    const a = analyseBusinessSupport(makeData({ workforce }), p);
    expect(a.byYear[1].supportFte.value).toBe(265);
    expect(a.excessFte?.value).toBe(55.1);
    expect(a.classification.estates).toBe("businessSupport");
  });

  it("uses the latest year when the target year is missing, and says so", () => {
    const short = workforce.map((l) => ({ ...l, fte: { 2008: l.fte[2008] } }));
    const a = analyseBusinessSupport(makeData({ workforce: short }), DEFAULT_POLICY);
    expect(a.assessedYear).toBe(2008);
    expect(a.assessedYearIsTarget).toBe(false);
    expect(a.excessFte?.value).toBe(30.1); // 240 - 209.9 (the most FTE under 7% of 3000) = 30.1
    expect(a.findings.map((f) => f.code)).toContain("SUPPORT_TARGET_YEAR_MISSING");
  });

  it("uses the total column where the sheet has no worker-type split", () => {
    // HR 30 of 500 = 6%: below 7%, on track
    const d = makeData({
      workforce: [
        { label: "HR", category: "hr", fte: { 2013: { total: 30 } } },
        { label: "Response", category: "operational", fte: { 2013: { total: 470 } } },
      ],
    });
    const a = analyseBusinessSupport(d, DEFAULT_POLICY);
    expect(a.byYear[0].ratio?.value).toBeCloseTo(0.06, 12);
    expect(a.excessFte?.value).toBe(0);
    expect(a.rag.rag).toBe("green");
  });

  it("leaves total rows out of the sums (detection checks them against their lines)", () => {
    const d = makeData({
      workforce: [
        { label: "HR", category: "hr", fte: { 2013: { total: 30 } } },
        { label: "Dog section", fte: { 2013: { total: 470 } } },
        { label: "Total", isTotal: true, fte: { 2013: { total: 500 } } },
      ],
    });
    const a = analyseBusinessSupport(d, DEFAULT_POLICY);
    // 30 / 500 = 6%, not 30 / 1000; the unrecognised line counts as operational
    expect(a.byYear[0].totalFte.value).toBe(500);
    expect(a.byYear[0].ratio?.value).toBeCloseTo(0.06, 12);
  });

  it("no workforce figures", () => {
    const a = analyseBusinessSupport(makeData({}), DEFAULT_POLICY);
    expect(a.findings.map((f) => f.code)).toEqual(["NO_WORKFORCE_FIGURES"]);
    expect(a.rag.rag).toBe("none");
  });
});

describe("business support: properties", () => {
  it("support + excluded + operational FTE add up to the total, and the share is support / total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category: fc.constantFrom(
              "hr",
              "finance",
              "it",
              "estates",
              "operational",
              "legal" as const
            ),
            staff: fc.integer({ min: 0, max: 2000 }),
            officers: fc.integer({ min: 0, max: 2000 }),
          }),
          { minLength: 1, maxLength: 12 }
        ),
        (lines) => {
          const d = makeData({
            workforce: lines.map((l, i) => ({
              label: `Line ${i}`,
              category: l.category,
              fte: { 2013: { staff: l.staff, officers: l.officers } },
            })),
          });
          const y = analyseBusinessSupport(d, DEFAULT_POLICY).byYear[0];
          const total = lines.reduce((s, l) => s + l.staff + l.officers, 0);
          expect(y.totalFte.value).toBe(total);
          const support = lines
            .filter((l) => ["hr", "finance", "legal"].includes(l.category))
            .reduce((s, l) => s + l.staff + l.officers, 0);
          expect(y.supportFte.value).toBe(support);
          if (total > 0) expect(y.ratio?.value).toBeCloseTo(support / total, 12);
        }
      )
    );
  });
});
