import fc from "fast-check";
import { analyseSavings } from "../../../src/core/analysis/savings";
import { SAVINGS_AREAS } from "../../../src/core/forceData";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { SavingsSpec, makeData } from "./fixtures";

/*
 * Worked example (pounds):
 *   area         type          year     planned   actual
 *   overtime     cashable      2010/11  300,000   280,000   variance -20,000 (-6.7%)
 *   overtime     cashable      2011/12  250,000   -         (no actual yet: no variance)
 *   overtime     non-cashable  2010/11  100,000   120,000   variance +20,000
 *   procurement  cashable      2010/11  200,000   140,000   variance -60,000 (-30%)
 * Overtime cashable: planned 550,000, actual 280,000, variance 280,000 - 300,000 = -20,000
 *   -> 6.7% short: within 10%, on track.
 * Procurement cashable: 30% short: more than 25%, off track.
 * Total cashable: planned 750,000, actual 420,000, variance 420,000 - 500,000 = -80,000 (-16%).
 */
const lines: SavingsSpec[] = [
  { area: "overtime", year: 2010, planned: 300_000, actual: 280_000, notes: "Rota review" },
  { area: "overtime", year: 2011, planned: 250_000 },
  { area: "overtime", type: "nonCashable", year: 2010, planned: 100_000, actual: 120_000 },
  { area: "procurement", year: 2010, planned: 200_000, actual: 140_000 },
];

describe("savings: the worked example", () => {
  const a = analyseSavings(makeData({ savings: lines }), DEFAULT_POLICY);
  const area = (k: string) => a.byArea.find((x) => x.area === k)!;

  it("totals each area, cashable and non-cashable apart, with the variance where actuals exist", () => {
    const ot = area("overtime");
    expect(ot.cashable.planned.value).toBe(550_000_00);
    expect(ot.cashable.actual?.value).toBe(280_000_00);
    expect(ot.cashable.variance?.value).toBe(-20_000_00);
    expect(ot.cashable.varianceRatio).toBeCloseTo(-20 / 300, 12);
    expect(ot.nonCashable.planned.value).toBe(100_000_00);
    expect(ot.nonCashable.variance?.value).toBe(20_000_00);
    expect(ot.notes).toEqual([{ text: "Rota review", cell: { sheet: "Savings", address: "A2" } }]);
    expect(ot.rag).toMatchObject({ rag: "green", words: "on track" });
    expect(area("procurement").rag).toMatchObject({ rag: "red", words: "off track" });
  });

  it("totals by year", () => {
    expect(
      a.byYear.map((y) => [
        y.year,
        y.cashable.planned.value / 100,
        y.cashable.actual?.value ?? null,
      ])
    ).toEqual([
      [2010, 500_000, 420_000_00],
      [2011, 250_000, null],
    ]);
    expect(a.total.cashable.variance?.value).toBe(-80_000_00);
    expect(a.total.cashable.varianceRatio).toBeCloseTo(-0.16, 12);
    expect(a.rag.rag).toBe("amber"); // 16% short: more than 10%, not more than 25%
  });

  it("lists every one of the nine areas and raises a finding for those with no plan", () => {
    expect(a.byArea.map((x) => x.area)).toEqual([...SAVINGS_AREAS]);
    expect(a.areasWithoutPlans).toHaveLength(7);
    expect(a.findings.filter((f) => f.code === "SAVINGS_AREA_MISSING")).toHaveLength(7);
    expect(area("deployment").rag.rag).toBe("none");
  });

  it("keeps lines with an unrecognised area out of the area totals, with a finding", () => {
    const b = analyseSavings(
      makeData({
        savings: [
          ...lines,
          { areaText: "Misc", year: 2010, planned: 5 },
          { areaText: "Misc", year: 2011, planned: 7 },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(b.unassigned.lineCount).toBe(2);
    expect(b.unassigned.cashable.planned.value).toBe(12_00);
    expect(b.total.cashable.planned.value).toBe(750_000_00);
    // one finding for the area text, at its first line
    expect(b.findings.filter((f) => f.code === "SAVINGS_AREA_UNKNOWN")).toHaveLength(1);
    expect(b.findings.find((f) => f.code === "SAVINGS_AREA_UNKNOWN")?.cell).toEqual({
      sheet: "Savings",
      address: "A6",
    });
  });
});

describe("savings: properties", () => {
  it("area totals and year totals both add up to the grand total, to the penny", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            area: fc.constantFrom(...SAVINGS_AREAS),
            type: fc.constantFrom("cashable" as const, "nonCashable" as const),
            year: fc.integer({ min: 2008, max: 2013 }),
            planned: fc.integer({ min: 0, max: 10_000_000_00 }),
            actual: fc.option(fc.integer({ min: 0, max: 10_000_000_00 }), { nil: undefined }),
          }),
          { maxLength: 30 }
        ),
        (ls) => {
          const spec = ls.map((l) => ({
            ...l,
            planned: l.planned / 100,
            actual: l.actual === undefined ? undefined : l.actual / 100,
          }));
          const a = analyseSavings(makeData({ savings: spec }), DEFAULT_POLICY);
          for (const type of ["cashable", "nonCashable"] as const) {
            const expected = ls.filter((l) => l.type === type).reduce((s, l) => s + l.planned, 0);
            expect(a.total[type].planned.value).toBe(expected);
            expect(a.byArea.reduce((s, x) => s + x[type].planned.value, 0)).toBe(expected);
            expect(a.byYear.reduce((s, x) => s + x[type].planned.value, 0)).toBe(expected);
            const actual = ls
              .filter((l) => l.type === type && l.actual !== undefined)
              .reduce((s, l) => s + (l.actual ?? 0), 0);
            expect(a.total[type].actual?.value ?? 0).toBe(actual);
          }
        }
      )
    );
  });
});

describe("savings: no plan at all", () => {
  it("raises one finding, not one per area", () => {
    const a = analyseSavings(makeData({}), DEFAULT_POLICY);
    expect(a.findings.map((f) => f.code)).toEqual(["NO_SAVINGS_PLAN"]);
    expect(a.areasWithoutPlans).toHaveLength(9);
    expect(a.rag.rag).toBe("none");
  });
});
