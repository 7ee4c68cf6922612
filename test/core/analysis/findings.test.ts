import { indicatorEngine } from "../../../src/core/analysis/indicatorEngine";
/**
 * The findings not already shown in the worked examples: each one raised on a small input built
 * for it, with the cell it points at.
 */
import { analyse } from "../../../src/core/analysis/analyse";
import { analyseBusinessSupport } from "../../../src/core/analysis/businessSupport";
import { analyseOvertime } from "../../../src/core/analysis/overtime";
import { analyseProcurement } from "../../../src/core/analysis/procurement";
import { analyseSavings } from "../../../src/core/analysis/savings";
import { DEFAULT_POLICY, applyOverrides } from "../../../src/core/policy";
import { M, makeData, officerBudget } from "./fixtures";

const codes = (fs: readonly { code: string }[]) => fs.map((f) => f.code);

describe("findings", () => {
  it("OVERTIME_COMPONENT_MISSING: a whole-workforce ratio without PCSO lines", () => {
    const p = applyOverrides(DEFAULT_POLICY, { "overtime.basis": "wholeWorkforce" }).policy;
    const d = makeData({
      budget: [
        ...officerBudget({ 2008: 95 * M }, { 2008: 5 * M }),
        { key: "staffPay", amounts: { 2008: 30 * M } },
        { key: "staffOvertime", amounts: { 2008: 1 * M } },
      ],
    });
    const a = analyseOvertime(d, p);
    const f = a.findings.find((x) => x.code === "OVERTIME_COMPONENT_MISSING");
    expect(f?.message).toBe(
      "No PCSO overtime or PCSO pay found for 2008/09; the whole-workforce ratio uses the lines that are there."
    );
    // (5 + 1) / (95 + 30 + 5 + 1) = 6 / 131
    expect(a.byYear[0].ratio?.value).toBeCloseTo(6 / 131, 12);
  });

  it("NEGATIVE_OVERTIME", () => {
    const a = analyseOvertime(
      makeData({ budget: officerBudget({ 2008: 95 * M }, { 2008: -5 }) }),
      DEFAULT_POLICY
    );
    expect(a.findings.find((f) => f.code === "NEGATIVE_OVERTIME")?.cell).toEqual({
      sheet: "Budget",
      address: "C6",
    });
  });

  it("ZERO_WORKFORCE", () => {
    const a = analyseBusinessSupport(
      makeData({ workforce: [{ label: "HR", category: "hr", fte: { 2013: { staff: 0 } } }] }),
      DEFAULT_POLICY
    );
    expect(codes(a.findings)).toContain("ZERO_WORKFORCE");
    expect(a.byYear[0].ratio).toBeNull();
  });

  it("SUPPORT_COST_NOT_POSITIVE falls back to staff pay / staff FTE", () => {
    const a = analyseBusinessSupport(
      makeData({
        averageSupportCost: 0,
        budget: [{ key: "staffPay", amounts: { 2013: 3 * M } }],
        workforce: [
          { label: "HR", category: "hr", fte: { 2013: { staff: 20 } } },
          { label: "Ops", category: "operational", fte: { 2013: { staff: 80 } } },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(codes(a.findings)).toContain("SUPPORT_COST_NOT_POSITIVE");
    // £3m / 100 staff FTE = £30,000
    expect(a.averageCost).toMatchObject({ value: 30_000_00, method: "staffPayPerStaffFte" });
  });

  it("NEGATIVE_SPEND, PROCUREMENT_ROUTE_UNKNOWN and NO_ADDRESSABLE_SPEND", () => {
    const a = analyseProcurement(
      makeData({
        procurement: [
          { category: "bodyArmour", spend: -500, route: "unknown", contractEnd: "2010-01-01" },
        ],
      }),
      DEFAULT_POLICY
    );
    expect(a.findings.find((f) => f.code === "NEGATIVE_SPEND")?.cell).toEqual({
      sheet: "Procurement",
      address: "C2",
    });
    expect(a.findings.find((f) => f.code === "PROCUREMENT_ROUTE_UNKNOWN")?.message).toMatch(
      /^There is one line in national-framework categories that does not say how it is bought/
    );
    const b = analyseProcurement(
      makeData({ procurement: [{ category: "other", categoryText: "Stationery", spend: 10 }] }),
      DEFAULT_POLICY
    );
    expect(codes(b.findings)).toEqual(["NO_ADDRESSABLE_SPEND"]);
  });

  it("lists at most 20 late migrations one by one, then sums up the rest", () => {
    const late = Array.from({ length: 25 }, () => ({
      category: "bodyArmour" as const,
      spend: 100,
      contractEnd: "2011-03-31",
      plannedMigration: "2012-03-31",
    }));
    const a = analyseProcurement(makeData({ procurement: late }), DEFAULT_POLICY);
    const f = a.findings.filter((x) => x.code === "MIGRATION_PLANNED_LATE");
    expect(f).toHaveLength(21);
    // A sentence never opens with a numeral.
    expect(f[20].message).toBe(
      "There are five more lines that plan to move later than their migrate-by date."
    );
    // 32 late lines: 20 listed, and the sentence for the other 12 still opens with a word
    const many = analyseProcurement(
      makeData({ procurement: Array.from({ length: 32 }, () => late[0]) }),
      DEFAULT_POLICY
    ).findings.filter((x) => x.code === "MIGRATION_PLANNED_LATE");
    expect(many[20].message).toBe(
      "There are 12 more lines that plan to move later than their migrate-by date."
    );
  });

  it("CONTRACT_END_MISSING and NEGATIVE_SPEND beyond 20: a sentence opens with a word, a date is in words", () => {
    const lines = Array.from({ length: 31 }, () => ({
      category: "bodyArmour" as const,
      spend: -100,
    }));
    const a = analyseProcurement(makeData({ procurement: lines }), DEFAULT_POLICY);
    // body armour's national approach is in place by 2010-04-01 (the policy's date)
    expect(a.findings.find((f) => f.code === "CONTRACT_END_MISSING")?.message).toBe(
      "There are 31 lines for Body armour with no contract end date, so they are due to migrate by the framework's date, 1 April 2010."
    );
    // 31 negative lines: 20 listed one by one, 31 - 20 = 11 summed up
    expect(a.findings.filter((f) => f.code === "NEGATIVE_SPEND").at(-1)?.message).toBe(
      "There are 11 more lines with negative spend."
    );
  });

  it("lists at most 20 lines with no planned move one by one, then sums up the rest", () => {
    const unplanned = Array.from({ length: 22 }, () => ({
      category: "bodyArmour" as const,
      categoryText: "Body armour",
      spend: 100,
      contractEnd: "2011-03-31",
    }));
    const a = analyseProcurement(makeData({ procurement: unplanned }), DEFAULT_POLICY);
    const f = a.findings.filter((x) => x.code === "MIGRATION_NOT_PLANNED");
    expect(f).toHaveLength(21);
    expect(f[0]).toMatchObject({ severity: "error", rule: "MIGRATION_DATE_PLANNED" });
    expect(f[0].message).toBe(
      '"Body armour" (£100 a year) is not yet bought through the national approach for Body armour and has no planned date to move onto it; it should move by 31 March 2011.'
    );
    expect(f[20].message).toBe(
      "There are two more lines with no planned date to move onto the national approach."
    );
  });

  it("SAVING_WITHOUT_PLAN", () => {
    const a = analyseSavings(
      makeData({ savings: [{ area: "overheads", year: 2010, actual: 5000 }] }),
      DEFAULT_POLICY
    );
    expect(a.findings.find((f) => f.code === "SAVING_WITHOUT_PLAN")?.cell).toEqual({
      sheet: "Savings",
      address: "F2",
    });
  });

  it("INDICATOR_NO_VALUE", () => {
    const a = analyse(
      makeData({
        budget: officerBudget({ 2008: 95 * M }, { 2008: 5 * M }),
        overrides: { "indicator.Per PCSO": "overtime / pcsosFte" },
      }),
      DEFAULT_POLICY,
      { indicatorEngine }
    );
    expect(a.findings.find((f) => f.code === "INDICATOR_NO_VALUE")?.cell).toEqual({
      sheet: "Settings",
      address: "B11",
    });
  });

  it("POLICY_RAG_ORDER and POLICY_ZERO_NATIONAL_BASELINE", () => {
    const r = applyOverrides(DEFAULT_POLICY, {
      "rag.savingsRedShortfall": "5%",
      "overtime.nationalBaseline": 0,
    });
    expect(codes(r.findings)).toEqual(["POLICY_RAG_ORDER", "POLICY_ZERO_NATIONAL_BASELINE"]);
    // with no national baseline there is no share, and no exception
    const a = analyseOvertime(
      makeData({ budget: officerBudget({ 2008: 95 * M }, { 2008: 5 * M }) }),
      r.policy
    );
    expect(a.nationalShare).toBeNull();
  });
});
