import fc from "fast-check";
import { analyseOvertime } from "../../../src/core/analysis/overtime";
import { DEFAULT_POLICY, Policy, applyOverrides } from "../../../src/core/policy";
import { M, makeData, officerBudget } from "./fixtures";

const withPolicy = (o: Record<string, unknown>): Policy => {
  const r = applyOverrides(DEFAULT_POLICY, o, { from: "file", file: "test.json" });
  expect(r.findings).toEqual([]);
  return r.policy;
};

/*
 * The worked example (officer pay shown without overtime; paybill = pay + overtime):
 *   year     pay      overtime  paybill  ratio  required maximum                  met
 *   2008/09  94.5m    5.5m      100m     5.5%   (baseline)
 *   2009/10  94.8m    5.2m      100m     5.2%   95% x 5.5m = 5.225m               yes
 *   2010/11  95.0m    5.0m      100m     5.0%   95% x 5.2m = 4.94m                no (5.0 > 4.94)
 *   2011/12  95.5m    4.5m      100m     4.5%   95% x 5.0m = 4.75m                yes
 *   2012/13  96.0m    4.0m      100m     4.0%   95% x 4.5m = 4.275m               yes (and <= 4%)
 *   2013/14  95.9m    4.1m      100m     4.1%   no rise: 4.0m (2012/13 was at 4%)  no
 */
const example = makeData({
  budget: officerBudget(
    { 2008: 94.5 * M, 2009: 94.8 * M, 2010: 95 * M, 2011: 95.5 * M, 2012: 96 * M, 2013: 95.9 * M },
    { 2008: 5.5 * M, 2009: 5.2 * M, 2010: 5 * M, 2011: 4.5 * M, 2012: 4 * M, 2013: 4.1 * M }
  ),
});

describe("overtime: the worked example", () => {
  const a = analyseOvertime(example, DEFAULT_POLICY);

  it("works out the ratio and status per year", () => {
    expect(a.byYear.map((y) => [y.year, y.paybill.value, y.ratio?.value, y.status])).toEqual([
      [2008, 100 * M * 100, 0.055, "above"],
      [2009, 100 * M * 100, 0.052, "above"],
      [2010, 100 * M * 100, 0.05, "above"],
      [2011, 100 * M * 100, 0.045, "above"],
      [2012, 100 * M * 100, 0.04, "atOrBelow"], // exactly 4% is "at or below"
      [2013, 100 * M * 100, 0.041, "above"],
    ]);
  });

  it("sets each year's required maximum and marks the years that miss it", () => {
    expect(
      a.requiredByYear.map((r) => [r.year, r.maximum.value / 100, r.rule, r.met, r.previousFrom])
    ).toEqual([
      [2009, 5_225_000, "cut", true, "figure"],
      [2010, 4_940_000, "cut", false, "figure"],
      [2011, 4_750_000, "cut", true, "figure"],
      [2012, 4_275_000, "cut", true, "figure"],
      [2013, 4_000_000, "noRise", false, "figure"],
    ]);
    expect(a.yearsMissed).toEqual([2010, 2013]);
    expect(
      a.findings.filter((f) => f.code === "OVERTIME_ABOVE_REQUIRED").map((f) => f.cell)
    ).toEqual([
      { sheet: "Budget", address: "E6" }, // 2010/11 overtime cell
      { sheet: "Budget", address: "H6" }, // 2013/14 overtime cell
    ]);
  });

  it("reports the first year at or below 4%, savings against the baseline and the national share", () => {
    expect(a.yearThresholdReached).toBe(2012);
    // The required cuts alone from 5.5m (x 0.95 a year), on each year's pay (paybill = pay + path):
    //   2012/13: 4.4798m / (96m + 4.4798m) = 4.46%; 2013/14: 4.2558m / 100.1558m = 4.25%;
    //   2014/15, pay held at 95.9m: 4.0430m / 99.9430m = 4.05%; 2015/16: 3.8409m / 99.7409m = 3.85%.
    // The force's own figures reach 4% in 2012/13; the required cuts alone only in 2015/16.
    expect(a.projectedYearThresholdReached).toBe(2015);
    expect(a.requiredCutsPath.map((p) => [p.year, p.overtime / 100, p.payHeld])).toEqual([
      [2009, 5_225_000, false],
      [2010, 4_963_750, false],
      [2011, 4_715_562.5, false],
      [2012, 4_479_784.38, false],
      [2013, 4_255_795.16, false],
      [2014, 4_043_005.4, true],
      [2015, 3_840_855.13, true],
    ]);
    // 5.5m - 4.1m in 2013/14
    expect(a.reductionByTarget?.value).toBe(1_400_000_00);
    // saving = 5.5m - year's overtime
    expect(a.savingsAgainstBaseline.map((s) => [s.year, s.saving.value / 100])).toEqual([
      [2009, 300_000],
      [2010, 500_000],
      [2011, 1_000_000],
      [2012, 1_500_000],
      [2013, 1_400_000],
    ]);
    // 5.5m x 70/413 = £932,203.389... -> £932,203.39
    expect(a.nationalShare?.value).toBe(93_220_339);
    expect(a.nationalShareFraction).toBeCloseTo(70 / 413, 12);
  });

  it("cites the cells each figure came from", () => {
    const y = a.byYear[0];
    expect(y.overtime.sources).toEqual([{ sheet: "Budget", address: "C6" }]);
    expect(y.paybill.sources).toEqual([
      { sheet: "Budget", address: "C5" },
      { sheet: "Budget", address: "C6" },
    ]);
    // 2010's maximum rests on 2009's overtime cell
    expect(a.requiredByYear[1].maximum.sources).toEqual([{ sheet: "Budget", address: "D6" }]);
  });

  it("is off track (red) with the rule that set it", () => {
    expect(a.rag.rag).toBe("red");
    expect(a.rag.words).toBe("off track");
    expect(a.rag.rule).toBe("two years above the required maximum: 2010/11 and 2013/14");
    expect(a.rag.paragraph).toBe("5.9-5.10");
  });
});

describe("overtime: projection, basis and settings", () => {
  it("projects the required path to the target year from the last figure", () => {
    // 2008/09: 6m on 100m (6%). No later figures.
    // Pay held at 94m: 2009: 5.7m / 99.7m = 5.72%; 2010: 5.415m; 2011: 5.14425m;
    // 2012: 4.8870375m / 98.887... = 4.94%; 2013: 4.642685625m -> 4.64268563m rounded to pence
    const d = makeData({ budget: officerBudget({ 2008: 94 * M }, { 2008: 6 * M }) });
    const a = analyseOvertime(d, DEFAULT_POLICY);
    expect(a.requiredByYear.map((r) => [r.year, r.maximum.value, r.previousFrom, r.met])).toEqual([
      [2009, 570_000_000, "figure", null],
      [2010, 541_500_000, "projected", null],
      [2011, 514_425_000, "projected", null],
      [2012, 488_703_750, "projected", null],
      [2013, 464_268_563, "projected", null], // 488,703,750 x 0.95 = 464,268,562.5 -> .5 rounds up
    ]);
    expect(a.yearThresholdReached).toBeNull();
    // 2013/14: 4.64m / (94m + 4.64m) = 4.7% > 4%: not reached by the target year. Going on with
    // pay held at 94m: 2014/15 4.48%, 2015/16 4.27%, 2016/17 3.98m / 97.98m = 4.06%,
    // 2017/18 3.78m / 97.78m = 3.87%.
    expect(a.projectedYearThresholdReached).toBe(2017);
    expect(a.rag.rag).toBe("amber");
  });

  it("switches to the whole-workforce paybill", () => {
    // officers: pay 90m + overtime 5m; staff: pay 30m + overtime 1m; PCSOs: pay 8m + 0 overtime
    // officers only: 5 / 95 = 5.263%; whole workforce: 6 / (128 + 6) = 6 / 134 = 4.478%
    const d = makeData({
      budget: [
        { key: "officerPay", amounts: { 2008: 90 * M } },
        { key: "officerOvertime", amounts: { 2008: 5 * M } },
        { key: "staffPay", amounts: { 2008: 30 * M } },
        { key: "staffOvertime", amounts: { 2008: 1 * M } },
        { key: "pcsoPay", amounts: { 2008: 8 * M } },
        { key: "pcsoOvertime", amounts: { 2008: 0 } },
      ],
    });
    expect(analyseOvertime(d, DEFAULT_POLICY).byYear[0].ratio?.value).toBeCloseTo(5 / 95, 12);
    const whole = analyseOvertime(d, withPolicy({ "overtime.basis": "wholeWorkforce" }));
    expect(whole.byYear[0].overtime.value).toBe(6 * M * 100);
    expect(whole.byYear[0].paybill.value).toBe(134 * M * 100);
    expect(whole.byYear[0].ratio?.value).toBeCloseTo(6 / 134, 12);
    expect(whole.byYear[0].overtime.sources).toHaveLength(3);
    // The national £70m is a cut in officer overtime (of £413m), so the share is 70/413 of the
    // officers' 5m (847,457.63), not of all 6m (1,016,949.15), whatever the ratio's basis.
    expect(whole.nationalShare?.value).toBe(84_745_763);
    expect(whole.nationalShare?.sources).toEqual(
      analyseOvertime(d, DEFAULT_POLICY).nationalShare?.sources
    );
  });

  it("measures against pay alone when the paybill excludes overtime, or when pay lines include it", () => {
    const d = makeData({ budget: officerBudget({ 2008: 100 * M }, { 2008: 5 * M }) });
    // 5 / 100 = 5% (paybill without overtime)
    expect(
      analyseOvertime(d, withPolicy({ "overtime.paybillIncludesOvertime": "no" })).byYear[0].ratio
        ?.value
    ).toBeCloseTo(0.05, 12);
    // pay line already holds overtime: paybill = 100m, ratio 5%
    expect(
      analyseOvertime(d, withPolicy({ "overtime.payLinesIncludeOvertime": true })).byYear[0].paybill
        .value
    ).toBe(100 * M * 100);
  });

  it("holds only highest spenders to the 5% cut when a highest-spender ratio is set", () => {
    // 4.5% is above 4% but not above a 5% highest-spender line: the next year must only not rise
    const d = makeData({
      budget: officerBudget({ 2008: 95.5 * M, 2009: 95.5 * M }, { 2008: 4.5 * M, 2009: 4.4 * M }),
    });
    const a = analyseOvertime(d, withPolicy({ "overtime.highestSpenderRatio": "5%" }));
    expect(a.byYear[0].highestSpender).toBe(false);
    expect(a.requiredByYear[0]).toMatchObject({ rule: "noRise", met: true });
    expect(a.requiredByYear[0].maximum.value).toBe(4.5 * M * 100);
    // default: every force above 4% cuts 5%: maximum 4.275m, and 4.4m misses it
    const b = analyseOvertime(d, DEFAULT_POLICY);
    expect(b.requiredByYear[0]).toMatchObject({ rule: "cut", met: false });
  });

  it("is on track (green) at or below the threshold with no year missed", () => {
    // 3.8% then 3.7%: no rise, both at or below 4%
    const d = makeData({
      budget: officerBudget({ 2008: 96.2 * M, 2009: 96.3 * M }, { 2008: 3.8 * M, 2009: 3.7 * M }),
    });
    const a = analyseOvertime(d, DEFAULT_POLICY);
    expect(a.yearThresholdReached).toBe(2008);
    expect(a.rag).toMatchObject({ rag: "green", words: "on track" });
  });
});

describe("overtime: bad input becomes findings", () => {
  const codes = (d: ReturnType<typeof makeData>) =>
    analyseOvertime(d, DEFAULT_POLICY).findings.map((f) => f.code);

  it("zero paybill", () => {
    const d = makeData({
      budget: officerBudget({ 2008: 0, 2009: 95 * M }, { 2008: 0, 2009: 5 * M }),
    });
    const a = analyseOvertime(d, DEFAULT_POLICY);
    const f = a.findings.find((x) => x.code === "ZERO_PAYBILL");
    expect(f).toMatchObject({ severity: "error", cell: { sheet: "Budget", address: "C5" } });
    expect(a.byYear[0]).toMatchObject({ ratio: null, status: "unknown" });
    expect(a.byYear[1].ratio?.value).toBeCloseTo(0.05, 12);
  });

  it("negative pay", () => {
    const d = makeData({ budget: officerBudget({ 2008: -95 * M }, { 2008: 5 * M }) });
    expect(codes(d)).toContain("NEGATIVE_PAY");
    expect(analyseOvertime(d, DEFAULT_POLICY).byYear[0].ratio).toBeNull();
  });

  it("overtime larger than pay", () => {
    const d = makeData({ budget: officerBudget({ 2008: 5 * M }, { 2008: 95 * M }) });
    const f = analyseOvertime(d, DEFAULT_POLICY).findings.find(
      (x) => x.code === "OVERTIME_EXCEEDS_PAY"
    );
    expect(f?.cell).toEqual({ sheet: "Budget", address: "C6" });
  });

  it("missing baseline year", () => {
    const d = makeData({
      budget: officerBudget({ 2009: 94 * M, 2010: 94 * M }, { 2009: 6 * M, 2010: 5.7 * M }),
    });
    const a = analyseOvertime(d, DEFAULT_POLICY);
    expect(a.findings.map((f) => f.code)).toContain("MISSING_BASELINE_YEAR");
    expect(a.nationalShare).toBeNull();
    expect(a.savingsAgainstBaseline).toEqual([]);
    // the path starts from the first year given: 95% x 6m = 5.7m, met exactly
    expect(a.requiredByYear[0]).toMatchObject({ year: 2010, met: true });
  });

  it("a year with overtime but no pay, and a workbook with no overtime at all", () => {
    const d = makeData({
      budget: [
        { key: "officerPay", amounts: { 2008: 95 * M } },
        { key: "officerOvertime", amounts: { 2008: 5 * M, 2009: 4 * M } },
      ],
    });
    expect(codes(d)).toContain("OVERTIME_YEAR_INCOMPLETE");
    const none = makeData({ budget: [{ key: "nonPay", amounts: { 2008: 1 } }] });
    const a = analyseOvertime(none, DEFAULT_POLICY);
    expect(a.findings.map((f) => f.code)).toEqual(["NO_OVERTIME_FIGURES"]);
    expect(a.rag.rag).toBe("none");
  });

  it("does not add subtotal rows into the figures", () => {
    const d = makeData({
      budget: [
        ...officerBudget({ 2008: 95 * M }, { 2008: 5 * M }),
        {
          key: "officerPay",
          label: "Total officer pay",
          isTotal: true,
          amounts: { 2008: 100 * M },
        },
      ],
    });
    expect(analyseOvertime(d, DEFAULT_POLICY).byYear[0].paybill.value).toBe(100 * M * 100);
  });
});

describe("overtime: properties", () => {
  const series = fc.array(
    fc.record({
      pay: fc.integer({ min: 1_000_000, max: 500_000_000 }),
      ot: fc.integer({ min: 0, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 8 }
  );

  it("the required path never rises while above the threshold, and never rises at all", () => {
    fc.assert(
      fc.property(series, fc.boolean(), (s, dropSome) => {
        const pay: Record<number, number> = {};
        const ot: Record<number, number> = {};
        s.forEach((v, i) => {
          if (dropSome && i % 3 === 2) return; // gaps are projected
          pay[2008 + i] = v.pay;
          ot[2008 + i] = v.ot;
        });
        if (!(2008 in pay)) return;
        const a = analyseOvertime(makeData({ budget: officerBudget(pay, ot) }), DEFAULT_POLICY);
        for (const r of a.requiredByYear) {
          // the maximum is never above the previous year's overtime
          expect(r.maximum.value).toBeLessThanOrEqual(r.previous);
          // a cut of 5% on 20p or more takes off at least a penny
          if (r.rule === "cut" && r.previous >= 20)
            expect(r.maximum.value).toBeLessThan(r.previous);
          if (r.rule === "noRise") expect(r.maximum.value).toBe(r.previous);
        }
        // along projected stretches the path itself is non-increasing
        for (let i = 1; i < a.requiredByYear.length; i++)
          if (a.requiredByYear[i].previousFrom === "projected")
            expect(a.requiredByYear[i].maximum.value).toBeLessThanOrEqual(
              a.requiredByYear[i - 1].maximum.value
            );
      })
    );
  });

  it("restating amounts in £000 gives identical results", () => {
    fc.assert(
      fc.property(series, (s) => {
        const pay: Record<number, number> = {};
        const ot: Record<number, number> = {};
        const payK: Record<number, number> = {};
        const otK: Record<number, number> = {};
        s.forEach((v, i) => {
          pay[2008 + i] = v.pay;
          ot[2008 + i] = v.ot;
          payK[2008 + i] = v.pay / 1000;
          otK[2008 + i] = v.ot / 1000;
        });
        const pounds = analyseOvertime(
          makeData({ budget: officerBudget(pay, ot) }),
          DEFAULT_POLICY
        );
        const thousands = analyseOvertime(
          makeData({ unit: "£000", budget: officerBudget(payK, otK) }),
          DEFAULT_POLICY
        );
        expect(thousands).toEqual(pounds);
      })
    );
  });
});
