/**
 * One severity per problem (issue 16 item 1): a problem the analysis reports and a check rule
 * also finds (overtime above the required path, a move planned late) has the rule's severity in
 * the analysis too, so the Data step, `vfm analyse` and the check count it alike; the severity
 * the check's settings kept in the workbook give a rule applies to both, in the pane's check as
 * in `vfm check`.
 */
import { runVfm } from "../../../src/core/run";
import { checkWorkbook } from "../../../src/core/check/check";
import { formatRef } from "../../../src/core/grid";
import { exampleshireFreeForm } from "../../../src/core/sample/exampleshire";
import { StoredSettings } from "../../../src/core/gateway";
import { SAVINGS_AREAS } from "../../../src/core/forceData";
import { areaStatus } from "../../../src/core/analysis/areaStatus";
import { draftStatement } from "../../../src/core/run";
import { RagBlock } from "../../../src/core/statement/model";

const at = (f: { cell?: { sheet: string; address: string } }) => (f.cell ? formatRef(f.cell) : "");

function overtimeCut(settings?: StoredSettings) {
  const result = runVfm(exampleshireFreeForm(), settings ? { settings } : {});
  const analysis = result.findings.filter((f) => f.code === "OVERTIME_ABOVE_REQUIRED");
  const check = checkWorkbook(result).findings.filter((f) => f.rule === "OVERTIME_ANNUAL_CUT");
  return { result, analysis, check };
}

describe("one severity per problem, in the analysis and the check", () => {
  it("overtime above the required path is an error in both, at the same cells", () => {
    // The sample's overtime: 2009/10 £5,480,000 > £5,600,000 x 95% = £5,320,000, and
    // 2011/12 £4,950,000 > £5,150,000 x 95% = £4,892,500: two years short of the 5% cut.
    const { analysis, check } = overtimeCut();
    expect(analysis.map(at)).toEqual(["'Budget 2010-14'!C7", "'Budget 2010-14'!E7"]);
    expect(check.map(at)).toEqual(analysis.map(at));
    expect(analysis.map((f) => f.severity)).toEqual(["error", "error"]);
    expect(check.map((f) => f.severity)).toEqual(["error", "error"]);
    expect(analysis.every((f) => f.rule === "OVERTIME_ANNUAL_CUT")).toBe(true);
  });

  it("every analysis finding that is a rule's problem has the check's severity for it", () => {
    const result = runVfm(exampleshireFreeForm());
    const report = checkWorkbook(result);
    for (const f of result.findings.filter((x) => x.rule)) {
      const same = report.findings.filter((c) => c.rule === f.rule && at(c) === at(f));
      for (const c of same) expect(c.severity).toBe(f.severity);
    }
  });

  it("a severity set in the check's settings applies to the analysis and to the pane's check", () => {
    const { analysis, check } = overtimeCut({
      check: { severity: { OVERTIME_ANNUAL_CUT: "warning" } },
    });
    expect(analysis.map((f) => f.severity)).toEqual(["warning", "warning"]);
    // checkWorkbook given no options reads the settings kept in the workbook, as vfm check does.
    expect(check.map((f) => f.severity)).toEqual(["warning", "warning"]);
  });

  it("a rule switched off leaves the analysis's finding as a note, counted as no problem", () => {
    const { analysis, check } = overtimeCut({
      check: { severity: { OVERTIME_ANNUAL_CUT: "off" } },
    });
    expect(analysis.map((f) => f.severity)).toEqual(["info", "info"]);
    expect(check).toEqual([]);
  });

  it("the variance threshold kept in the workbook applies when the check is given none", () => {
    // The sample's "Conferences, meetings and travel" saved £135,000 against £120,000 planned:
    // 12.5% above plan, over the default 10% but under 15%.
    const result = runVfm(exampleshireFreeForm(), {
      settings: { check: { varianceThreshold: 0.15 } },
    });
    const variance = checkWorkbook(result).findings.filter((f) => f.rule === "VARIANCE_EXPLAINED");
    expect(variance.map((f) => f.message).join(" ")).not.toContain("Conferences");
    const byDefault = checkWorkbook(runVfm(exampleshireFreeForm())).findings.filter(
      (f) => f.rule === "VARIANCE_EXPLAINED"
    );
    expect(byDefault.map((f) => f.message).join(" ")).toContain("Conferences");
  });
});

describe("one status per area, in the check as in the statement", () => {
  it("the check report gives each of the nine areas the core's one status, both tests where two", () => {
    const result = runVfm(exampleshireFreeForm());
    const report = checkWorkbook(result);
    expect(report.areas?.map((a) => a.area)).toEqual([...SAVINGS_AREAS]);
    for (const a of report.areas ?? []) expect(a).toEqual(areaStatus(result.analysis, a.area));
    // Support services: its savings plan is on track, business support is still at or above 7%
    // of the workforce in 2013/14: off track, the weaker of the two, both named.
    const support = report.areas!.find((a) => a.area === "supportServices")!;
    expect(support.words).toBe("off track");
    expect(support.rule).toMatch(
      /^The weaker of two tests\. Savings plan: on track, .* Business support against 7% of the workforce: off track, /
    );
    // The statement's section for the area shows the same status.
    const statement = draftStatement(result, { generatedAt: "2026-12-01T00:00:00Z" });
    const block = statement.sections
      .find((s) => s.id === "area-supportServices")!
      .blocks.find((b): b is RagBlock => b.kind === "rag")!;
    expect(block.status).toBe("offTrack");
  });
});
