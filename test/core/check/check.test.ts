/**
 * checkWorkbook as a whole: the RAG in words, counts, severity settings, ordering, rule
 * outcomes, and no exception reaching the caller.
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook, findingsByArea, CHECK_RAG_WORDS } from "../../../src/core/check/check";
import { CHECK_RULES } from "../../../src/core/check/rules";
import { CHECK_AREAS } from "../../../src/core/check/types";
import { ofRule } from "./helpers";
import { budgetOf, compliantSavings, SavingsRow, workbook } from "./workbooks";

// One error (2010/11 misses the 5% cut) and one warning (a 15% shortfall without a note).
const FAULTY_OVERTIME = [6e6, 5.7e6, 5.5e6, 5.2e6, 4.9e6, 3.9e6];
const faulty = workbook({
  budget: budgetOf(FAULTY_OVERTIME),
  savings: [
    // The plan's overtime lines follow this budget's overtime, so the plan reconciles to it.
    ...compliantSavings(FAULTY_OVERTIME),
    { initiative: "Fleet", area: "Procurement", year: 2010, planned: 100000, actual: 85000 },
  ] as SavingsRow[],
});

describe("checkWorkbook", () => {
  it("is green, in words, when every rule that applies is met", () => {
    const r = checkWorkbook(runVfm(workbook()));
    expect(r.rag).toMatchObject({ rag: "green", words: CHECK_RAG_WORDS.green });
    expect(r.counts.errors + r.counts.warnings).toBe(0);
    expect(r.force).toBe("Testshire Police");
  });

  it("is red with an error, amber with warnings only", () => {
    const result = runVfm(faulty);
    const r = checkWorkbook(result);
    expect(r.rag).toMatchObject({ rag: "red", words: "errors to put right" });
    expect(r.counts).toMatchObject({ errors: 1, warnings: 1 });
    expect(r.counts.byArea.overtime).toEqual({ errors: 1, warnings: 0 });
    expect(r.counts.byArea.arithmetic).toEqual({ errors: 0, warnings: 1 });
    const amber = checkWorkbook(result, { severityOverrides: { OVERTIME_ANNUAL_CUT: "warning" } });
    expect(amber.rag).toMatchObject({ rag: "amber", words: "warnings to review" });
    expect(amber.counts).toMatchObject({ errors: 0, warnings: 2 });
  });

  it("lists errors first, then in the catalogue's order", () => {
    const r = checkWorkbook(runVfm(faulty), {
      severityOverrides: { VARIANCE_EXPLAINED: "error" },
    });
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      "error OVERTIME_ANNUAL_CUT",
      "error VARIANCE_EXPLAINED",
    ]);
    const warn = checkWorkbook(runVfm(faulty), {
      severityOverrides: { OVERTIME_ANNUAL_CUT: "warning", VARIANCE_EXPLAINED: "error" },
    });
    expect(warn.findings.map((f) => f.rule)).toEqual(["VARIANCE_EXPLAINED", "OVERTIME_ANNUAL_CUT"]);
  });

  it("skips a rule switched off, and says so", () => {
    const r = checkWorkbook(runVfm(faulty), { severityOverrides: { OVERTIME_ANNUAL_CUT: "off" } });
    expect(ofRule(r, "OVERTIME_ANNUAL_CUT")).toEqual([]);
    expect(r.rules.find((x) => x.rule === "OVERTIME_ANNUAL_CUT")).toMatchObject({
      outcome: "off",
    });
  });

  it("gives every finding its rule's area and White Paper paragraph", () => {
    const r = checkWorkbook(runVfm(faulty));
    for (const f of r.findings) {
      const rule = CHECK_RULES.find((x) => x.code === f.rule)!;
      expect(f.area).toBe(rule.area);
      expect(f.paragraph).toBe(rule.paragraph);
    }
  });

  it("reports every rule of the catalogue once, with its outcome", () => {
    const r = checkWorkbook(runVfm(faulty));
    expect(r.rules.map((x) => x.rule)).toEqual(CHECK_RULES.map((x) => x.code));
    expect(r.rules.find((x) => x.rule === "OVERTIME_ANNUAL_CUT")?.outcome).toBe("fail");
    expect(r.rules.find((x) => x.rule === "TOTALS_ADD_UP")?.outcome).toBe("pass");
    for (const x of r.rules.filter((x) => x.outcome === "notApplicable"))
      expect(x.note).toMatch(/\w/);
  });

  it("groups findings by area in the areas' order", () => {
    const groups = findingsByArea(checkWorkbook(runVfm(faulty)));
    expect(groups.map((g) => g.area)).toEqual(["overtime", "arithmetic"]);
    expect(CHECK_AREAS.indexOf("overtime")).toBeLessThan(CHECK_AREAS.indexOf("arithmetic"));
  });

  it("never throws, even on a workbook with nothing in it", () => {
    const r = checkWorkbook(runVfm({ sheets: [] }));
    expect(r.rag.rag).toBe("red");
    expect(ofRule(r, "AREAS_ADDRESSED")).toHaveLength(9);
    expect(ofRule(r, "OVERTIME_BASELINE_PRESENT")).toHaveLength(1);
  });

  it("turns a rule group that fails unexpectedly into a note, and runs the others", () => {
    const result = runVfm(faulty);
    const broken = {
      ...result,
      analysis: { ...result.analysis, procurement: undefined as never },
    };
    const r = checkWorkbook(broken);
    expect(r.rules.find((x) => x.rule === "MIGRATION_DATE_PLANNED")).toMatchObject({
      outcome: "notApplicable",
    });
    expect(r.rules.find((x) => x.rule === "MIGRATION_DATE_PLANNED")?.note).toMatch(
      /unexpected problem/
    );
    expect(ofRule(r, "OVERTIME_ANNUAL_CUT")).toHaveLength(1);
  });

  it("records the date it checked as of", () => {
    expect(checkWorkbook(runVfm(workbook()), { today: "2011-06-30" }).checkedOn).toBe("2011-06-30");
  });
});
