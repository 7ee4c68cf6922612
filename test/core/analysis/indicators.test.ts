import { analyse } from "../../../src/core/analysis/analyse";
import { INDICATOR_FUNCTIONS } from "../../../src/core/analysis/indicators";
import {
  checkIndicatorExpression,
  indicatorEngine,
  restrictedMath,
} from "../../../src/core/analysis/indicatorEngine";
import { definesIndicators, runVfm, withIndicatorEngine } from "../../../src/core/run";
import { exampleshireTemplate } from "../../../src/core/sample/exampleshire";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { M, makeData, officerBudget } from "./fixtures";

describe("the restricted mathjs instance", () => {
  const { math } = restrictedMath();

  it.each(["import", "createUnit", "evaluate", "parse", "simplify", "derivative"])(
    "refuses %s, called directly on the instance",
    (name) => {
      const fn = (math as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      expect(() => fn("1 + 1")).toThrow(`Function ${name} is disabled`);
    }
  );

  it.each([
    ["import({x: 1}, {override: true})", "import"],
    ['evaluate("1 + 1")', "evaluate"],
    ['createUnit("foo")', "createUnit"],
    ['parse("1")', "parse"],
    ['simplify("x + x")', "simplify"],
    ['derivative("x^2", "x")', "derivative"],
  ])("refuses %s inside an expression", (expr, name) => {
    const c = checkIndicatorExpression(expr);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.why).toContain(`the function ${name} is not allowed`);
  });

  it.each(["import", "createUnit", "evaluate", "parse", "simplify", "derivative"])(
    "refuses %s even if an expression got past the whitelist",
    (name) => {
      const node = restrictedMath().parse(`${name}("1")`);
      expect(() => node.compile().evaluate({})).toThrow(`Function ${name} is disabled`);
    }
  );

  it("has no trigonometry, units or complex numbers, and expressions reach only listed functions", () => {
    const run = (e: string) => () => restrictedMath().parse(e).compile().evaluate({});
    expect(run("cos(1)")).toThrow(/Undefined function cos/);
    expect(run("unit(1)")).toThrow(/Undefined function unit/);
    expect(run("median(1, 2, 9)")()).toBe(2);
    // the parser needs some matrix helpers (det comes with them); the whitelist keeps them out
    const det = checkIndicatorExpression("det([1])");
    expect(det.ok).toBe(false);
  });

  it("refuses assignments, function definitions, property access and unknown names", () => {
    const why = (e: string) => {
      const c = checkIndicatorExpression(e);
      return c.ok ? "accepted" : c.why;
    };
    expect(why("overtime = 1")).toContain("assignments");
    expect(why("f(x) = x")).toContain("defining functions");
    expect(why('overtime["constructor"]')).toContain("property access");
    expect(why("overtime.constructor")).toContain("property access");
    expect(why("a; b")).toContain("only one expression");
    expect(why("1:3")).toContain("ranges");
    expect(why("cos(overtime)")).toContain("the function cos is not allowed");
    expect(why("window")).toContain('"window" is not a known figure');
    expect(why("overtime / ")).toContain("cannot be read");
    expect(why("x".repeat(600))).toContain("longer than 500");
  });

  it("accepts arithmetic and statistics on the listed figures", () => {
    for (const e of [
      "overtime / paybill",
      "(officerOvertime + staffOvertime) / totalFte",
      "median(overtimeRatio, 0.04, supportRatio)",
      "round(mean(overtime, paybill) / 1000, 1)",
      "overtimeRatio > 0.04 ? 1 : 0",
      "quantileSeq([overtime, paybill, 3], 0.25)",
      "2 ^ 3 - year mod 4",
    ])
      expect(checkIndicatorExpression(e).ok).toBe(true);
    expect(INDICATOR_FUNCTIONS).toContain("median");
  });
});

describe("indicators from the Settings sheet", () => {
  // Officer overtime 5.5m on paybill 100m in 2008/09; 5.2m on 100m in 2009/10.
  const data = makeData({
    budget: officerBudget({ 2008: 94.5 * M, 2009: 94.8 * M }, { 2008: 5.5 * M, 2009: 5.2 * M }),
    workforce: [{ label: "Response", category: "operational", fte: { 2008: { officers: 1000 } } }],
    overrides: {
      "indicator.Overtime per officer": "officerOvertime / officersFte",
      "indicator: Overtime %": "round(overtimeRatio * 100, 2)",
      "indicator.Bad": "import({a: 1})",
    },
  });
  const a = analyse(data, DEFAULT_POLICY, { indicatorEngine });

  it("evaluates each indicator for every year, citing the cells it used", () => {
    const perOfficer = a.indicators.find((i) => i.name === "Overtime per officer")!;
    // 2008/09: 5,500,000 / 1000 officers = £5,500; 2009/10 has no workforce figure
    expect(perOfficer.byYear.map((y) => [y.year, y.value])).toEqual([
      [2008, 5500],
      [2009, null],
    ]);
    expect(perOfficer.byYear[0].sources).toEqual([
      { sheet: "Budget", address: "C6" },
      { sheet: "Workforce", address: "B5" },
    ]);
    expect(perOfficer.cell).toEqual({ sheet: "Settings", address: "B11" });
    const pct = a.indicators.find((i) => i.name === "Overtime %")!;
    // 5.5m / 100m = 5.5%; 5.2m / 100m = 5.2%
    expect(pct.byYear.map((y) => y.value)).toEqual([5.5, 5.2]);
  });

  it("refuses a blocked expression with a finding naming its cell", () => {
    const bad = a.indicators.find((i) => i.name === "Bad")!;
    expect(bad.error).toContain("import");
    const f = a.findings.find((x) => x.code === "INDICATOR_INVALID");
    expect(f?.cell).toEqual({ sheet: "Settings", address: "B13" });
    // the indicator rows are not mistaken for policy settings
    expect(a.findings.map((x) => x.code)).not.toContain("POLICY_UNKNOWN_KEY");
  });
});

describe("the formula engine is loaded only for workbooks that define indicators", () => {
  const withIndicator = (): ReturnType<typeof exampleshireTemplate> => {
    const wb = exampleshireTemplate();
    const settings = wb.sheets.find((s) => /settings/i.test(s.name));
    if (!settings) throw new Error("The sample has no Settings sheet.");
    const values = [
      ...settings.values,
      ["indicator.Overtime per officer", "officerOvertime / officersFte"],
    ];
    return { sheets: wb.sheets.map((s) => (s === settings ? { ...settings, values } : s)) };
  };

  it("an ordinary workbook needs no engine; one with an indicator key, or an override, does", () => {
    expect(definesIndicators(exampleshireTemplate())).toBe(false);
    expect(definesIndicators(withIndicator())).toBe(true);
    expect(
      definesIndicators(exampleshireTemplate(), {
        policyFile: {
          name: "p.json",
          overrides: { "indicator: Cost per FTE": "paybill / totalFte" },
        },
      })
    ).toBe(true);
  });

  it("withIndicatorEngine adds the engine only when needed, and the indicator is worked out", async () => {
    expect((await withIndicatorEngine(exampleshireTemplate())).indicatorEngine).toBeUndefined();
    const wb = withIndicator();
    const options = await withIndicatorEngine(wb);
    expect(options.indicatorEngine).toBeDefined();
    const result = runVfm(wb, options);
    const ind = result.analysis.indicators.find((i) => i.name === "Overtime per officer");
    expect(ind?.error).toBeUndefined();
    expect(ind?.byYear.some((y) => typeof y.value === "number")).toBe(true);
  });

  it("without the engine an indicator is reported as not worked out, never given a value", () => {
    const result = runVfm(withIndicator());
    const ind = result.analysis.indicators.find((i) => i.name === "Overtime per officer");
    expect(ind?.byYear).toEqual([]);
    expect(ind?.error).toMatch(/formula engine was not loaded/);
    expect(result.findings.some((f) => f.code === "INDICATOR_INVALID")).toBe(true);
  });
});
