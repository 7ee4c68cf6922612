import Ajv from "ajv";
import fc from "fast-check";
import schema from "../../../schema/analysis.schema.json";
import { analyse } from "../../../src/core/analysis/analyse";
import { indicatorEngine } from "../../../src/core/analysis/indicatorEngine";
import { analysisToJson, cellsJson } from "../../../src/core/analysis/json";
import { DEFAULT_POLICY } from "../../../src/core/policy";
import { DataSpec, M, fullSpec, makeData, officerBudget } from "./fixtures";

// ajv comes with the dev tooling (eslint, webpack); the schema uses draft-07 union types.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
const validate = ajv.compile(schema);

function decimals(n: number): number {
  const s = String(n);
  return s.includes(".") ? s.split(".")[1].length : 0;
}

describe("analyse", () => {
  const a = analyse(makeData(fullSpec), DEFAULT_POLICY, { indicatorEngine });

  it("runs every analysis and gathers the findings, errors first", () => {
    expect(a.force.value).toBe("Exampleshire Constabulary");
    expect(a.years).toEqual([2008, 2009, 2010]);
    expect(a.overtime.byYear).toHaveLength(3);
    expect(a.businessSupport.byYear).toHaveLength(2);
    expect(a.procurement.opportunities).toHaveLength(2);
    expect(a.savings.byArea).toHaveLength(9);
    expect(a.indicators[0].byYear.map((y) => y.value)).toEqual([5.5, 5.2, 5]);
    const codes = a.findings.map((f) => f.code);
    expect(codes).toContain("POLICY_UNKNOWN_KEY");
    expect(codes).toContain("PROCUREMENT_RATE_NEEDED");
    expect(codes).toContain("SAVINGS_AREA_MISSING");
    const sev = a.findings.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(sev).toEqual([...sev].sort((x, y) => x - y));
  });

  it("applies the Settings sheet's years and overrides, then a policy file's, which wins", () => {
    const d = makeData({
      ...fullSpec,
      baselineYear: 2009,
      overrides: { "overtime.threshold": "5%" },
    });
    const b = analyse(d, DEFAULT_POLICY, {
      policyFile: { name: "policy.json", overrides: { "overtime.threshold": 0.06 } },
    });
    expect(b.baselineYear).toBe(2009);
    expect(b.policy.overtime.threshold).toBe(0.06);
    expect(b.overridesApplied.map((o) => [o.key, o.value, o.from])).toEqual([
      ["years.baseline", 2009, "settings"],
      ["overtime.threshold", 0.05, "settings"],
      ["overtime.threshold", 0.06, "file"],
    ]);
    // 2009/10 is now the baseline: 5.2m x 70/413 = 881,355.93...
    expect(b.overtime.nationalShare?.value).toBe(88_135_593);
  });

  it("never throws, even on broken input, and says what it could not do", () => {
    const broken = makeData(fullSpec);
    const bad = {
      ...broken,
      workforce: { lines: null as unknown as [], years: [] },
    };
    const b = analyse(bad, DEFAULT_POLICY);
    expect(b.findings.map((f) => f.code)).toContain("ANALYSIS_FAILED");
    expect(b.overtime.byYear).toHaveLength(3); // the rest went on
  });

  it("does not repeat a finding detection already raised at the same cell", () => {
    const d = makeData({ budget: officerBudget({ 2008: -95 * M }, { 2008: 5 * M }) });
    const detected = {
      severity: "warning" as const,
      code: "NEGATIVE_PAY",
      message: "Officer pay is negative.",
      cell: { sheet: "Budget", address: "C5" },
    };
    const b = analyse({ ...d, findings: [detected] }, DEFAULT_POLICY);
    expect(b.findings.filter((f) => f.code === "NEGATIVE_PAY")).toEqual([detected]);
    // without detection's finding the analysis raises its own
    const c = analyse(d, DEFAULT_POLICY);
    expect(c.findings.filter((f) => f.code === "NEGATIVE_PAY")).toHaveLength(1);
    expect(c.findings.find((f) => f.code === "NEGATIVE_PAY")?.cell).toEqual(detected.cell);
  });

  it("names an unnamed force and raises a finding", () => {
    const b = analyse(makeData({}), DEFAULT_POLICY);
    expect(b.force.value).toBe("Unnamed force");
    expect(b.findings.map((f) => f.code)).toContain("FORCE_NAME_MISSING");
  });
});

describe("analysisToJson", () => {
  const a = analyse(makeData(fullSpec), DEFAULT_POLICY);
  const json = analysisToJson(a);

  it("matches the JSON Schema", () => {
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // and an empty workbook's analysis too
    expect(validate(analysisToJson(analyse(makeData({}), DEFAULT_POLICY)))).toBe(true);
    // and it does catch a wrong shape
    const { force: _force, ...noForce } = json;
    expect(validate(noForce)).toBe(false);
    expect(validate({ ...json, years: ["2008-09"] })).toBe(false);
  });

  it("writes money in pounds, ratios as fractions, years as 2008/09 and cells as Sheet!C7", () => {
    const ot = json.overtime as {
      byYear: Record<string, unknown>[];
      requiredByYear: Record<string, unknown>[];
    };
    expect(ot.byYear[0]).toMatchObject({
      year: "2008/09",
      overtime: 5_500_000,
      paybill: 100_000_000,
      ratio: 0.055,
      status: "above",
      cells: { overtime: ["Budget!C6"], paybill: ["Budget!C5:C6"] }, // pay C5 + overtime C6
    });
    expect(ot.requiredByYear[0]).toMatchObject({ year: "2009/10", maximum: 5_225_000, met: true });
    const pr = json.procurement as Record<string, unknown>;
    expect(pr.addressableSpend).toBe(1_700_000.5);
    expect(pr.onFrameworkSpend).toBe(500_000);
    expect((pr.opportunities as Record<string, unknown>[])[1]).toMatchObject({
      category: "vehicles",
      spend: 1_000_000.5,
      migrateBy: "2012-03-31",
      annualSaving: null,
      cell: "Procurement!A4",
    });
    expect((json.findings as Record<string, unknown>[]).every((f) => "cell" in f)).toBe(true);
  });

  it("never writes money with more than two decimals", () => {
    const walk = (v: unknown): number[] =>
      typeof v === "number"
        ? [v]
        : v && typeof v === "object"
          ? Object.values(v).flatMap(walk)
          : [];
    const sv = json.savings as Record<string, unknown>;
    for (const n of walk(sv.total)) expect(decimals(n)).toBeLessThanOrEqual(2);
    expect((sv.byArea as { cashable: { planned: number } }[])[4].cashable.planned).toBe(42_000.01);
  });

  it("merges runs of cells down a column into a range", () => {
    const refs = [2, 3, 4, 5, 9].map((r) => ({ sheet: "Ledger 2010", address: `D${r}` }));
    expect(cellsJson([...refs, { sheet: "Budget", address: "C7" }])).toEqual([
      "'Ledger 2010'!D2:D5",
      "'Ledger 2010'!D9",
      "Budget!C7",
    ]);
  });

  it("is the same whether amounts were given in pounds or in £000 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 3, maxLength: 3 }),
        (pay, ot) => {
          const pounds: DataSpec = {
            ...fullSpec,
            budget: officerBudget(
              { 2008: pay[0] + 1, 2009: pay[1] + 1, 2010: pay[2] + 1 },
              { 2008: ot[0], 2009: ot[1], 2010: ot[2] }
            ),
            procurement: [{ category: "bodyArmour", spend: ot[0] }],
            savings: [{ area: "overtime", year: 2009, planned: pay[0], actual: ot[1] }],
          };
          const k = (n: number) => n / 1000;
          const thousands: DataSpec = {
            ...pounds,
            unit: "£000",
            budget: officerBudget(
              { 2008: k(pay[0] + 1), 2009: k(pay[1] + 1), 2010: k(pay[2] + 1) },
              { 2008: k(ot[0]), 2009: k(ot[1]), 2010: k(ot[2]) }
            ),
            procurement: [{ category: "bodyArmour", spend: k(ot[0]) }],
            savings: [{ area: "overtime", year: 2009, planned: k(pay[0]), actual: k(ot[1]) }],
          };
          const x = analysisToJson(analyse(makeData(pounds), DEFAULT_POLICY));
          const y = analysisToJson(analyse(makeData(thousands), DEFAULT_POLICY));
          expect({ ...y, unit: null }).toEqual({ ...x, unit: null });
        }
      ),
      { numRuns: 50 }
    );
  });
});
