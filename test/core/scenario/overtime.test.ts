/**
 * The overtime scenario: worked examples with the arithmetic shown, and properties of the
 * solver and of the cut (fast-check).
 */
import fc from "fast-check";
import { analyse } from "../../../src/core/analysis/analyse";
import { ForceData } from "../../../src/core/forceData";
import { runScenario } from "../../../src/core/scenario/scenario";
import { M, makeData, officerBudget } from "../analysis/fixtures";

const K = 1000; // the issue's figures are in £000

/** Officer pay (without overtime) 98,400 rising to 107,300 (£000); overtime 6,150 in 2008/09. */
function issueExample(): ForceData {
  return makeData({
    budget: officerBudget(
      {
        2008: 98_400 * K,
        2009: 100_300 * K,
        2010: 102_200 * K,
        2011: 104_000 * K,
        2012: 105_900 * K,
        2013: 107_300 * K,
      },
      { 2008: 6_150 * K }
    ),
  });
}

/** Marks the given years of every budget line as actual (as a header "Actual 2008/09" would). */
function withActual(data: ForceData, years: number[]): ForceData {
  return {
    ...data,
    budget: {
      ...data.budget,
      lines: data.budget.lines.map((l) => ({
        ...l,
        basis: new Map(years.map((y) => [y, "actual" as const])),
      })),
    },
  };
}

const run = (data: ForceData, levers: Parameters<typeof runScenario>[2]["levers"]) =>
  runScenario(data, analyse(data), { name: "test", levers });

describe("the issue's worked example: 6,150 of overtime against 98,400 rising to 107,300", () => {
  const data = issueExample();

  it("solves for a yearly cut of 7.97%, the smallest in hundredths of a percent reaching 4% by 2012/13", () => {
    const r = run(data, { overtime: { kind: "reach", year: 2012 } });
    const o = r.overtime!;
    expect(o.from).toBe(2008); // no year marked actual: the cut applies from the baseline
    expect(o.fromReason).toBe("baseline");
    expect(o.yearlyCut).toBe(0.0797);
    // 6,150 x 0.9203^4 = 4,411.55 (£000) <= 4% of (105,900 + 4,411.55) = 4,412.46: reached.
    const y2012 = o.byYear.find((y) => y.year === 2012)!;
    expect(y2012.overtime.value / 100 / K).toBeCloseTo(6_150 * 0.9203 ** 4, 2);
    expect(y2012.status).toBe("atOrBelow");
    expect(o.yearThresholdReached).toBe(2012);
    // One hundredth less, 7.96%: 6,150 x 0.9204^4 = 4,413.55 > 4% of 110,313.55 = 4,412.54.
    const less = run(data, { overtime: { kind: "rate", rate: 0.0796 } }).overtime!;
    expect(less.byYear.find((y) => y.year === 2012)!.status).toBe("above");
    expect(less.yearThresholdReached).toBe(2013);
    // The exact break-even cut: (1 - c)^4 = 0.96 x ... -> 4,236 / 5,904, c = 7.965%.
    expect(1 - (4_236 / 5_904) ** 0.25).toBeCloseTo(0.07965, 5);
  });

  it("works every year in whole pence, from the year before", () => {
    const o = run(data, { overtime: { kind: "rate", rate: 0.0797 } }).overtime!;
    // 2009/10: 615,000,000p x 0.9203 = 565,984,500p; 2010/11: x 0.9203 = 520,875,535.35 -> ...535p
    expect(o.byYear.map((y) => y.overtime.value)).toEqual([
      615_000_000, 565_984_500, 520_875_535, 479_361_755, 441_156_623, 405_996_440,
    ]);
    expect(o.byYear[1].ratio!.value).toBeCloseTo(565_984_500 / (10_030_000_000 + 565_984_500), 12);
    expect(o.byYear.every((y) => y.payFrom === "workbook")).toBe(true);
  });

  it("cites the cells and settings it used", () => {
    const o = run(data, { overtime: { kind: "reach", year: 2012 } }).overtime!;
    expect(o.byYear[3].overtime.sources).toEqual([{ sheet: "Budget", address: "C6" }]);
    expect(o.byYear[3].overtime.formula).toBe("2010/11 overtime x (1 - 7.97%)");
    expect(o.byYear[3].paybill.sources).toEqual(
      expect.arrayContaining([{ sheet: "Budget", address: "F5" }])
    );
    expect(o.settings.map((s) => s.key)).toEqual(
      expect.arrayContaining([
        "overtime.threshold",
        "overtime.payGrowth",
        "scenario.overtime.reach",
      ])
    );
  });

  it("savings are the baseline less the year's figure, exactly", () => {
    const o = run(data, { overtime: { kind: "rate", rate: 0.05 } }).overtime!;
    // 2009/10: 615,000,000 x 0.95 = 584,250,000p, a saving of 30,750,000p (£307,500).
    expect(o.savingsAgainstBaseline[0]).toMatchObject({
      year: 2009,
      saving: { value: 30_750_000 },
    });
  });
});

describe("actual years keep their figures", () => {
  const data = withActual(
    makeData({
      budget: officerBudget(
        { 2008: 95 * M, 2009: 96 * M, 2010: 97 * M },
        { 2008: 5.5 * M, 2009: 5.4 * M, 2010: 5.3 * M }
      ),
    }),
    [2008, 2009]
  );

  it("applies the cut from the latest actual year, and from --from where chosen", () => {
    const o = run(data, { overtime: { kind: "rate", rate: 0.1 } }).overtime!;
    expect(o.from).toBe(2009);
    expect(o.fromReason).toBe("latestActual");
    // 2009/10 keeps its actual 5.4m; 2010/11 = 5.4m x 0.9 = 4.86m (the plan's 5.3m is replaced).
    expect(o.byYear.map((y) => [y.year, y.overtime.value / 100, y.overtimeFrom])).toEqual([
      [2008, 5_500_000, "kept"],
      [2009, 5_400_000, "kept"],
      [2010, 4_860_000, "modelled"],
      [2011, 4_374_000, "modelled"],
      [2012, 3_936_600, "modelled"],
      [2013, 3_542_940, "modelled"],
    ]);
    // Pay after 2010/11 is projected at the 2.5% setting: 97m x 1.025 = 99.425m.
    expect(o.byYear[3].pay.value / 100).toBe(99_425_000);
    expect(o.byYear[3].payFrom).toBe("projected");
    const chosen = run(data, { overtime: { kind: "rate", rate: 0.1 }, from: 2008 }).overtime!;
    expect(chosen.byYear[1].overtime.value / 100).toBe(4_950_000); // 5.5m x 0.9
  });

  it("uses the pay growth given for the scenario", () => {
    const o = run(data, { overtime: { kind: "rate", rate: 0.1 }, payGrowth: 0.01 }).overtime!;
    expect(o.byYear[3].pay.value / 100).toBe(97_970_000); // 97m x 1.01
  });

  it("gives findings, not numbers, for levers out of range", () => {
    const codes = (levers: Parameters<typeof run>[1]) => {
      const r = run(data, levers);
      return { overtime: r.overtime, codes: r.findings.map((f) => f.code) };
    };
    expect(codes({ overtime: { kind: "rate", rate: 1 } })).toMatchObject({
      overtime: null,
      codes: expect.arrayContaining(["SCENARIO_CUT_OUT_OF_RANGE"]),
    });
    expect(codes({ overtime: { kind: "rate", rate: -0.01 } }).overtime).toBeNull();
    expect(codes({ overtime: { kind: "amount", amount: 5_400_000_00 } }).overtime).toBeNull();
    expect(codes({ overtime: { kind: "reach", year: 2007 } })).toMatchObject({
      overtime: null,
      codes: expect.arrayContaining(["SCENARIO_YEAR_BEFORE_BASELINE"]),
    });
    expect(codes({ overtime: { kind: "reach", year: 2009 } })).toMatchObject({
      overtime: null,
      codes: expect.arrayContaining(["SCENARIO_REACH_NOT_POSSIBLE"]),
    });
    expect(codes({ from: 2006 }).codes).toContain("SCENARIO_FROM_BEFORE_BASELINE");
    expect(codes({ payGrowth: 1.5 }).codes).toContain("SCENARIO_PAY_GROWTH_OUT_OF_RANGE");
  });
});

describe("properties", () => {
  const arbData = fc
    .record({
      overtime: fc.integer({ min: 1_000_00, max: 20 * M * 100 }),
      pay: fc.integer({ min: 10 * M * 100, max: 200 * M * 100 }),
      growth: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ overtime, pay, growth }) => {
      const pays: Record<number, number> = { 2008: pay / 100 };
      let p = pay;
      growth.forEach((g, i) => {
        p = Math.round((p * (10_000 + g)) / 10_000);
        pays[2009 + i] = p / 100;
      });
      return makeData({ budget: officerBudget(pays, { 2008: overtime / 100 }) });
    });

  it("a larger cut never reaches the threshold later", () => {
    fc.assert(
      fc.property(
        arbData,
        fc.integer({ min: 0, max: 9998 }),
        fc.integer({ min: 1, max: 2000 }),
        (data, a, d) => {
          const b = Math.min(9999, a + d);
          const ra = run(data, { overtime: { kind: "rate", rate: a / 10_000 } }).overtime!;
          const rb = run(data, { overtime: { kind: "rate", rate: b / 10_000 } }).overtime!;
          const never = 9999;
          expect(rb.yearThresholdReached ?? never).toBeLessThanOrEqual(
            ra.yearThresholdReached ?? never
          );
        }
      ),
      { numRuns: 200 }
    );
  });

  it("solving for a year then applying the cut reaches it in that year and not the year before", () => {
    fc.assert(
      fc.property(arbData, fc.integer({ min: 2009, max: 2013 }), (data, year) => {
        const solved = run(data, { overtime: { kind: "reach", year } });
        const o = solved.overtime;
        if (!o || o.yearlyCut === 0) return; // already at or below, or not reachable at all
        const applied = run(data, { overtime: { kind: "rate", rate: o.yearlyCut! } }).overtime!;
        const at = (y: number) => applied.byYear.find((r) => r.year === y)!.status;
        expect(at(year)).toBe("atOrBelow");
        expect(at(year - 1)).toBe("above");
        // And one hundredth of a percent less does not reach it by then.
        const less = run(data, {
          overtime: { kind: "rate", rate: o.yearlyCut! - 0.0001 },
        }).overtime!;
        expect(less.byYear.filter((r) => r.year <= year).every((r) => r.status === "above")).toBe(
          true
        );
      }),
      { numRuns: 200 }
    );
  });

  it("savings are exactly the baseline less the year's figure", () => {
    fc.assert(
      fc.property(arbData, fc.integer({ min: 0, max: 9999 }), (data, k) => {
        const o = run(data, { overtime: { kind: "rate", rate: k / 10_000 } }).overtime!;
        const base = o.byYear[0].overtime.value;
        for (const s of o.savingsAgainstBaseline) {
          const y = o.byYear.find((r) => r.year === s.year)!;
          expect(s.saving.value).toBe(base - y.overtime.value);
          expect(Number.isInteger(s.saving.value)).toBe(true);
        }
      }),
      { numRuns: 200 }
    );
  });
});
