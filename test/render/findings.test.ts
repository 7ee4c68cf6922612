/** The "VfM Findings" sheet: overall status in words, findings grouped by area, rules checked. */
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { SAVINGS_AREAS } from "../../src/core/forceData";
import { AREA_HEADINGS } from "../../src/core/statement/sections/areas";
import { runVfm } from "../../src/core/run";
import { checkWorkbook } from "../../src/core/check/check";
import { CheckReport } from "../../src/core/check/types";
import { CHECK_RULES } from "../../src/core/check/rules";
import { FINDINGS_SHEET, writeFindingsPlan } from "../../src/render/findings";
import { RAG_FILL } from "../../src/render/excel";
import { sheetFromPlan } from "../../src/xlsx/planSheets";
import { writePlanToXlsx } from "../../src/xlsx/write";
import { xlsxToGrid } from "../../src/xlsx/read";
import { CellValue } from "../../src/core/grid";
import { budgetOf, workbook } from "../core/check/workbooks";

const report = checkWorkbook(
  runVfm(workbook({ budget: budgetOf([6e6, 5.7e6, 5.5e6, 5.2e6, 4.9e6, 3.9e6]) })),
  { today: "2011-06-30" }
);

const rowsOf = (r: CheckReport) => {
  const plan = writeFindingsPlan(r);
  return { plan, values: sheetFromPlan(plan.sheets[0], FINDINGS_SHEET).grid.values };
};
const rowStarting = (values: CellValue[][], text: string) =>
  values.find((r) => r[0] === text) ?? [];

describe("writeFindingsPlan", () => {
  it("plans one add-in sheet, replacing the previous findings sheet", () => {
    const { plan } = rowsOf(report);
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0]).toMatchObject({
      name: "VfM Findings",
      role: "findings",
      mode: "replace",
    });
    expect(plan.activate).toBe("VfM Findings");
  });

  it("shows the overall status in words, with its colour as a second cue", () => {
    const { plan, values } = rowsOf(report);
    expect(values[0][0]).toBe("Inspector's check: Testshire Police");
    expect(values[1][0]).toContain("Checked on 30 June 2011");
    expect(rowStarting(values, "Overall status")[1]).toBe("Red: errors to put right");
    expect(rowStarting(values, "Errors")[1]).toBe(1);
    expect(rowStarting(values, "Warnings")[1]).toBe(0);
    const statusRow = values.findIndex((r) => r[0] === "Overall status");
    expect(
      plan.sheets[0].styles?.some(
        (s) =>
          s.range.top === statusRow && s.range.left === 1 && s.style.fill === RAG_FILL.offTrack.fill
      )
    ).toBe(true);
  });

  it("lists each finding under its area with rule, message, cell and paragraph", () => {
    const { values } = rowsOf(report);
    const sub = values.findIndex((r) => r[0] === "Overtime (1 error, 0 warnings)");
    expect(sub).toBeGreaterThan(0);
    const f = values[sub + 1];
    expect(f.slice(0, 3)).toEqual([
      "Overtime",
      "Error",
      // The rule by its title, as the pane words it; its code is for --json only.
      "Yearly cut while above 4%",
    ]);
    expect(f[3]).toContain("2010/11");
    expect(f[4]).toBe("Budget!D7");
    expect(f[5]).toBe("5.9-5.10");
  });

  it("lists every rule with its outcome", () => {
    const { values } = rowsOf(report);
    const head = values.findIndex((r) => r[0] === "Area" && r[1] === "Outcome");
    const rules = values.slice(head + 1, head + 1 + CHECK_RULES.length);
    expect(rules.map((r) => r[2])).toEqual(CHECK_RULES.map((r) => r.title));
    const cut = rules.find((r) => r[2] === "Yearly cut while above 4%")!;
    expect(cut[1]).toBe("Failed");
    expect(rules.find((r) => r[2] === "Statement sheet matches the data")![1]).toBe(
      "Not applicable"
    );
    // No internal code anywhere on the sheet.
    expect(
      values.flat().filter((v) => typeof v === "string" && /\b[A-Z]+_[A-Z_]+\b/.test(v))
    ).toEqual([]);
  });

  it("gives the nine areas' one status each, as the statement does, both tests where two", () => {
    const sample = checkWorkbook(runVfm(exampleshireFreeForm()));
    const { values } = rowsOf(sample);
    const head = values.findIndex((r) => r[0] === "The nine areas, as the statement gives them");
    expect(head).toBeGreaterThan(0);
    expect(values[head + 1].slice(0, 4)).toEqual(["Area", "Status", "Measured by", "Why"]);
    const rows = values.slice(head + 2, head + 11);
    expect(rows.map((r) => r[0])).toEqual(SAVINGS_AREAS.map((a) => AREA_HEADINGS[a]));
    const support = rows[SAVINGS_AREAS.indexOf("supportServices")];
    expect(support[1]).toBe("Off track");
    expect(support[2]).toBe(
      "The weaker of two tests: Savings plan and Business support against 7% of the workforce"
    );
    expect(support[3]).toBe(sample.areas!.find((a) => a.area === "supportServices")!.rule);
  });

  it("says so when there is nothing to report", () => {
    const { values } = rowsOf(checkWorkbook(runVfm(workbook())));
    expect(rowStarting(values, "Overall status")[1]).toBe("Green: no problems found");
    expect(values.some((r) => r[0] === "No findings: every rule that applies was met.")).toBe(true);
  });

  it("writes text that looks like a formula as literal text", async () => {
    const tricky: CheckReport = {
      ...report,
      force: '=HYPERLINK("http://example.invalid")',
      findings: [{ ...report.findings[0], message: "=SUM(A1:A9)", fix: "+44 20 7946 0000" }],
    };
    const read = await xlsxToGrid(await writePlanToXlsx(writeFindingsPlan(tricky)), "f.xlsx");
    const sheet = read.workbook.sheets[0];
    const cells = sheet.values.flat();
    expect(cells).toContain("=SUM(A1:A9)");
    expect(cells).toContain("+44 20 7946 0000");
    expect(sheet.formulas?.flat().filter((f) => f !== undefined) ?? []).toEqual([]);
  });
});

describe("a workbook holding the findings sheet", () => {
  it("checks the same again: the add-in's own sheet is not read as data", () => {
    const wb = workbook({ budget: budgetOf([6e6, 5.7e6, 5.5e6, 5.2e6, 4.9e6, 3.9e6]) });
    const first = checkWorkbook(runVfm(wb), { today: "2011-06-30" });
    const plan = writeFindingsPlan(first);
    const withSheet = {
      sheets: [...wb.sheets, sheetFromPlan(plan.sheets[0], FINDINGS_SHEET).grid],
    };
    const again = checkWorkbook(runVfm(withSheet), { today: "2011-06-30" });
    expect(again.findings).toEqual(first.findings);
    expect(runVfm(withSheet).data.sheetsUsed.map((s) => s.sheet)).not.toContain(FINDINGS_SHEET);
  });
});
