/**
 * The business-support and procurement scenarios: worked examples with the arithmetic shown.
 */
import fc from "fast-check";
import { analyse } from "../../../src/core/analysis/analyse";
import { ForceData } from "../../../src/core/forceData";
import { fteToRemove } from "../../../src/core/scenario/businessSupport";
import { savingInYear } from "../../../src/core/scenario/procurement";
import { runScenario } from "../../../src/core/scenario/scenario";
import { ScenarioLevers } from "../../../src/core/scenario/types";
import { M, makeData, officerBudget } from "../analysis/fixtures";

/** 1,000 FTE in 2009/10 of which 90 business support (9%); 950 + 85 planned in 2013/14. */
function force(): ForceData {
  return makeData({
    budget: officerBudget({ 2008: 50 * M, 2009: 51 * M }, { 2008: 2 * M, 2009: 1.9 * M }),
    workforce: [
      {
        label: "Operational",
        category: "operational",
        fte: { 2009: { total: 880 }, 2013: { total: 850 } },
      },
      { label: "IT", category: "it", fte: { 2009: { total: 30 }, 2013: { total: 30 } } },
      { label: "HR", category: "hr", fte: { 2009: { total: 50 }, 2013: { total: 45 } } },
      { label: "Finance", category: "finance", fte: { 2009: { total: 40 }, 2013: { total: 40 } } },
    ],
    averageSupportCost: 30_000,
    procurement: [
      { category: "bodyArmour", supplier: "A", spend: 200_000, contractEnd: "2011-03-31" },
      { category: "forensicDrugs", supplier: "B", spend: 500_000, contractEnd: "2010-09-30" },
      { category: "vehicles", supplier: "C", spend: 1_000_000, contractEnd: "2012-03-31" },
    ],
  });
}

const run = (data: ForceData, levers: ScenarioLevers) =>
  runScenario(data, analyse(data), { name: "test", levers });

describe("business support", () => {
  const data = force();

  it("removes posts by year, the workforce shrinking with them, and saves at the average cost", () => {
    const b = run(data, {
      businessSupport: {
        kind: "remove",
        removals: [
          { year: 2010, fte: 5 },
          { year: 2012, fte: 7.5 },
        ],
      },
    }).businessSupport!;
    expect(b.from).toBe(2009); // the latest workforce year not after the start (the baseline)
    const at = (y: number) => b.byYear.find((r) => r.year === y)!;
    // 2009/10 kept: 90 / 1,000 = 9%.
    expect(at(2009)).toMatchObject({
      supportFte: { value: 90 },
      totalFte: { value: 1000 },
      from: "kept",
    });
    // 2010/11: 90 - 5 = 85 of 910 + 85 = 995 (the rest held at 2009/10's 910): 8.54%.
    expect(at(2010)).toMatchObject({
      supportFte: { value: 85 },
      totalFte: { value: 995 },
      removedFte: 5,
    });
    // 2013/14: 90 - 12.5 = 77.5 of the workbook's 880 others + 77.5 = 957.5: 8.09%.
    expect(at(2013).totalFte.value).toBe(957.5);
    expect(at(2013).ratio!.value).toBeCloseTo(77.5 / 957.5, 12);
    // Saving: 12.5 FTE x £30,000 = £375,000 a year.
    expect(b.cashableSaving!.value).toBe(375_000_00);
    expect(at(2010).saving!.value).toBe(150_000_00);
    expect(b.cashableSaving!.sources).toEqual([{ sheet: "Settings", address: "B5" }]);
  });

  it("solves for the FTE to get below 7% by 2013/14, spread evenly, to the hundredth", () => {
    const b = run(data, { businessSupport: { kind: "reach", year: 2013 } }).businessSupport!;
    // (90 - R) / (970 - R) < 0.07  <=>  R > (90 - 67.9) / 0.93 = 23.763...; smallest: 23.77.
    const total = b.removeFte.reduce((a, r) => a + Math.round(r.fte * 100), 0) / 100;
    expect(total).toBe(23.77);
    // 2,377 hundredths over four years: 595, 594, 594, 594.
    expect(b.removeFte).toEqual([
      { year: 2010, fte: 5.95 },
      { year: 2011, fte: 5.94 },
      { year: 2012, fte: 5.94 },
      { year: 2013, fte: 5.94 },
    ]);
    const y2013 = b.byYear.find((r) => r.year === 2013)!;
    expect(y2013.status).toBe("atOrBelow");
    expect(b.yearShareReached).toBe(2013);
    // 23.76 would not do: (90 - 23.76) / (970 - 23.76) = 0.070003 >= 7%.
    expect((90 - 23.76) / (970 - 23.76)).toBeGreaterThanOrEqual(0.07);
    expect(b.cashableSaving!.value).toBe(Math.round(23.77 * 30_000 * 100));
  });

  it("the solved FTE is the smallest, in hundredths, that gets strictly below the share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 5_000_000 }),
        fc.integer({ min: 10_000, max: 50_000_000 }),
        fc.integer({ min: 100, max: 20_000 }),
        (support, rest, shareBp) => {
          const share = shareBp / 100_000;
          const total = support + rest;
          const h = fteToRemove(support, total, share);
          // FTE in ten-thousandths; h in hundredths (100 ten-thousandths each).
          if (support / total < share - 1e-9) expect(h).toBe(0);
          else if (h * 100 <= support) {
            expect((support - h * 100) / (total - h * 100)).toBeLessThan(share + 1e-12);
            expect((support - (h - 1) * 100) / (total - (h - 1) * 100)).toBeGreaterThanOrEqual(
              share - 1e-12
            );
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it("gives findings, not numbers, out of range", () => {
    const codes = (levers: ScenarioLevers) => {
      const r = run(data, levers);
      expect(r.businessSupport).toBeNull();
      return r.findings.map((f) => f.code);
    };
    expect(codes({ businessSupport: { kind: "reach", year: 2013, share: 0.12 } })).toContain(
      "SCENARIO_SHARE_NOT_A_REDUCTION"
    );
    expect(codes({ businessSupport: { kind: "reach", year: 2007 } })).toContain(
      "SCENARIO_YEAR_BEFORE_BASELINE"
    );
    expect(
      codes({ businessSupport: { kind: "remove", removals: [{ year: 2011, fte: 91 }] } })
    ).toContain("SCENARIO_FTE_OUT_OF_RANGE");
    expect(
      codes({ businessSupport: { kind: "remove", removals: [{ year: 2009, fte: 1 }] } })
    ).toContain("SCENARIO_YEAR_NOT_AFTER_START");
  });
});

describe("procurement", () => {
  const data = force();

  it("moves each contract when planned or due, saving pro rata by day in the year it moves", () => {
    const p = run(data, {}).procurement!;
    // Body armour 3% of £200,000 = £6,000 a year from 31 March 2011 (due: contract end).
    // Drugs 12% of £500,000 = £60,000 a year from 30 September 2010; vehicles have no rate.
    const at = (y: number) => p.byYear.find((r) => r.year === y)!.saving.value;
    // 2010/11 (365 days): drugs from 30 Sep: 183 days -> 60,000 x 183/365 = £30,082.19;
    // body armour from 31 March: 1 day -> 6,000 x 1/365 = £16.44. Total £30,098.63.
    expect(at(2010)).toBe(3_008_219 + 1_644);
    expect(at(2011)).toBe(6_600_000); // a full year of both: £66,000
    expect(p.annualSaving.value).toBe(6_600_000);
    expect(p.moves.find((m) => m.category === "vehicles")!.annualSaving).toBeNull();
    expect(run(data, {}).findings.find((f) => f.code === "SCENARIO_RATE_NEEDED")?.message).toMatch(
      /^No saving rate is known for vehicles?, so the scenario counts no saving for its contracts\.$/i
    );
  });

  it("takes a local estimate of a category's rate and a different move date", () => {
    const p = run(data, {
      procurement: {
        rates: { vehicles: 0.05 },
        moves: [{ cell: "Procurement!A2", date: "2011-04-01" }],
      },
    }).procurement!;
    // Vehicles 5% of £1,000,000 = £50,000 a year from 31 March 2012; body armour moved to
    // 1 April 2011 (a day late) saves nothing in 2010/11.
    const armour = p.moves.find((m) => m.category === "bodyArmour")!;
    expect(armour).toMatchObject({ moveDate: "2011-04-01", late: true });
    expect(p.byYear.find((r) => r.year === 2010)!.saving.value).toBe(3_008_219);
    expect(p.byCategory.find((c) => c.category === "vehicles")).toMatchObject({
      rate: 0.05,
      rateFrom: "scenario",
      annualSaving: { value: 5_000_000 },
    });
  });

  it("savingInYear: full years, part years and none", () => {
    expect(savingInYear(36_500, "2010-04-01", 2010)).toBe(36_500);
    expect(savingInYear(36_500, "2010-04-02", 2010)).toBe(36_400); // 364/365
    expect(savingInYear(36_500, "2011-04-01", 2010)).toBe(0);
    expect(savingInYear(36_600, "2011-10-01", 2011)).toBe(18_300); // 2011/12 has 366 days; 183 left
  });

  it("rejects a rate of 100% or more", () => {
    const r = run(data, { procurement: { rates: { vehicles: 1 } } });
    expect(r.procurement).toBeNull();
    expect(r.findings.map((f) => f.code)).toContain("SCENARIO_RATE_OUT_OF_RANGE");
  });
});
