/**
 * Consistency (5.53-5.54, 5.58): a statement sheet drafted by the add-in is compared, cell by
 * cell, with the statement drafted again from the workbook's data with the same renderer.
 */
import { draftStatement, runVfm } from "../../../src/core/run";
import { SheetGrid, WorkbookGrid, a1, formatRef } from "../../../src/core/grid";
import { MoneyUnit } from "../../../src/core/money";
import { renderStatementWritePlan } from "../../../src/render/excel";
import {
  checkWorkbookWithStatement,
  expectedStatementSheets,
} from "../../../src/core/check/expectation";
import { MAX_CELL_FINDINGS } from "../../../src/core/check/consistency";
import { sheetFromPlan } from "../../../src/xlsx/planSheets";
import { gridToXlsx } from "../../../src/xlsx/write";
import { xlsxToGrid } from "../../../src/xlsx/read";
import { ofRule, outcome } from "./helpers";
import { budgetOf, workbook } from "./workbooks";
import { exampleshirePeersSheet, SAMPLE_FORCE } from "../../../src/core/sample/peers";

/** The workbook with the add-in's statement and charts sheets, as drafted from its own data. */
function withStatement(wb: WorkbookGrid, unit?: MoneyUnit): WorkbookGrid {
  const result = runVfm(wb);
  const statement = draftStatement(result, {
    generatedAt: "2011-05-05T10:00:00Z",
    ...(unit ? { unit } : {}),
  });
  const plan = renderStatementWritePlan(statement);
  return { sheets: [...wb.sheets, ...plan.sheets.map((p) => sheetFromPlan(p, p.name).grid)] };
}

function edit(wb: WorkbookGrid, sheet: string, row: number, col: number, value: string | number) {
  return {
    sheets: wb.sheets.map((s): SheetGrid => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      while (values.length <= row) values.push([]);
      values[row][col] = value;
      return { ...s, values };
    }),
  };
}

const check = (wb: WorkbookGrid) =>
  checkWorkbookWithStatement(runVfm(wb), renderStatementWritePlan);

describe("STATEMENT_MATCHES_DATA", () => {
  it("does not apply to a workbook without a statement sheet", () => {
    expect(outcome(check(workbook()), "STATEMENT_MATCHES_DATA")).toBe("notApplicable");
  });

  it("passes a statement drafted from the workbook's own data", () => {
    const r = check(withStatement(workbook()));
    expect(ofRule(r, "STATEMENT_MATCHES_DATA")).toEqual([]);
    expect(outcome(r, "STATEMENT_MATCHES_DATA")).toBe("pass");
  });

  it("passes a statement drafted with the Authority and approval date kept in the add-in's settings", () => {
    const settings = {
      statement: { authority: "Testshire Police Authority", approved: "2011-03-31" },
    };
    const wb = workbook();
    const result = runVfm(wb, { settings });
    expect(result.statementSettings).toEqual({
      authority: "Testshire Police Authority",
      approved: "2011-03-31",
    });
    const statement = draftStatement(result, { generatedAt: "2011-05-05T10:00:00Z" });
    expect(statement.authority.name).toBe("Testshire Police Authority");
    expect(statement.approval).toMatchObject({ approved: true, dateText: "31 March 2011" });
    const plan = renderStatementWritePlan(statement);
    const written = {
      sheets: [...wb.sheets, ...plan.sheets.map((p) => sheetFromPlan(p, p.name).grid)],
    };
    // the check drafts again with the same settings: the foreword and the marks match
    const r = checkWorkbookWithStatement(runVfm(written, { settings }), renderStatementWritePlan);
    expect(ofRule(r, "STATEMENT_MATCHES_DATA")).toEqual([]);
    // a malformed date or a blank name in the settings is ignored, never printed
    expect(
      runVfm(wb, { settings: { statement: { authority: " ", approved: "31/03/2011" } } })
        .statementSettings
    ).toBeUndefined();
  });

  it("passes after a round trip through an .xlsx file", async () => {
    const wb = withStatement(workbook());
    const bytes = await gridToXlsx(wb);
    const read = await xlsxToGrid(bytes, "round-trip.xlsx");
    const r = check(read.workbook);
    expect(ofRule(r, "STATEMENT_MATCHES_DATA")).toEqual([]);
    expect(outcome(r, "STATEMENT_MATCHES_DATA")).toBe("pass");
  });

  it("passes a statement with its benchmarking section drafted from a peers sheet", () => {
    const wb = workbook({ force: SAMPLE_FORCE, extraSheets: [exampleshirePeersSheet()] });
    const drafted = withStatement(wb);
    const statement = drafted.sheets.find((s) => s.name === "VfM Statement")!;
    expect(statement.values.some((r) => r[0] === "Benchmarking")).toBe(true);
    expect(statement.values.flat().some((v) => typeof v === "string" && /quartile/i.test(v))).toBe(
      true
    );
    expect(ofRule(check(drafted), "STATEMENT_MATCHES_DATA")).toEqual([]);
  });

  it("finds the statement's unit: a statement drafted in £m passes", () => {
    const r = check(withStatement(workbook(), "£m"));
    expect(ofRule(r, "STATEMENT_MATCHES_DATA")).toEqual([]);
  });

  it("catches a figure edited by hand, at its cell, with what it is and where it comes from", () => {
    const wb = withStatement(workbook());
    const expected = expectedStatementSheets(runVfm(wb), renderStatementWritePlan)!.sheets[0];
    const figure = expected.cells.find(
      (c) => typeof c.value === "number" && c.value > 0 && c.sources && c.sources.length > 0
    )!;
    const r = check(
      edit(wb, "VfM Statement", figure.row, figure.col, (figure.value as number) + 1)
    );
    const f = ofRule(r, "STATEMENT_MATCHES_DATA");
    expect(f).toHaveLength(1);
    expect(f[0].cell).toEqual({ sheet: "VfM Statement", address: a1(figure.row, figure.col) });
    expect(f[0].message).toContain(figure.what!);
    expect(f[0].message).toContain(formatRef(figure.sources![0]));
    expect(f[0].message).toContain(
      `but the workbook's data give ${(figure.value as number).toLocaleString("en-GB")}`
    );
    expect(f[0].severity).toBe("error");
  });

  it("catches a status changed by hand", () => {
    const wb = withStatement(workbook());
    const sheet = wb.sheets.find((s) => s.name === "VfM Statement")!;
    const row = sheet.values.findIndex((r) => r[0] === "Status");
    const r = check(edit(wb, "VfM Statement", row, 1, "Off track"));
    expect(ofRule(r, "STATEMENT_MATCHES_DATA").map((f) => f.cell?.address)).toEqual([a1(row, 1)]);
  });

  it("catches text added inside the statement, but not in the closing sections", () => {
    const wb = withStatement(workbook());
    const r = check(edit(wb, "VfM Statement", 3, 5, "Approved by the treasurer"));
    expect(ofRule(r, "STATEMENT_MATCHES_DATA").map((f) => f.cell?.address)).toEqual(["F4"]);
  });

  it("ignores the drafted-on date", () => {
    const wb = withStatement(workbook());
    const r = check(edit(wb, "VfM Statement", 1, 0, "Drafted on another day."));
    expect(ofRule(r, "STATEMENT_MATCHES_DATA")).toEqual([]);
  });

  it("catches a statement left behind by data that changed since it was drafted", () => {
    // Drafted when overtime was 4m .. 3.095m; then every year's overtime after 2008/09 changed.
    const drafted = withStatement(workbook());
    const changed: WorkbookGrid = {
      sheets: drafted.sheets.map((s) =>
        s.name === "Budget"
          ? workbook({ budget: budgetOf([4e6, 3.9e6, 3.7e6, 3.65e6, 3.4e6, 3.2e6]) }).sheets[1]
          : s
      ),
    };
    const f = ofRule(check(changed), "STATEMENT_MATCHES_DATA");
    // Many cells move (the overtime table, the required path, the charts' figures): each sheet
    // says how many differ, then lists the first MAX_CELL_FINDINGS of them.
    expect(f[0].message).toMatch(
      /^There are \d+ cells on "VfM Statement" that differ from the statement drafted/
    );
    const perSheet = (sheet: string) => f.filter((x) => x.cell?.sheet === sheet).length;
    expect(perSheet("VfM Statement")).toBe(MAX_CELL_FINDINGS + 1);
    expect(
      perSheet("VfM Statement") + perSheet("VfM Charts") + perSheet("VfM Working Papers")
    ).toBe(f.length);
    expect(perSheet("VfM Working Papers")).toBeGreaterThan(0);
  });

  describe("the working papers' sheet", () => {
    const PAPERS = "VfM Working Papers";
    const drafted = withStatement(workbook());
    const papers = drafted.sheets.find((s) => s.name === PAPERS)!;
    const rowOf = (test: (v: string) => boolean) =>
      papers.values.findIndex((r) => typeof r[0] === "string" && test(r[0]));

    it("is compared with the papers drafted again on the day its drafting line gives", () => {
      const line = rowOf((v) => v.startsWith("Drafted on "));
      // withStatement drafted on 5 May 2011; the check drafts again on that day.
      expect(papers.values[line][0]).toMatch(/^Drafted on 5 May 2011 from the force's workbook/);
      expect(ofRule(check(drafted), "STATEMENT_MATCHES_DATA")).toEqual([]);
    });

    it('catches a "Drafted on" line replaced by an approval, in full', () => {
      const line = rowOf((v) => v.startsWith("Drafted on "));
      const approved = "Approved by the Police Authority on 30 June 2011.";
      const f = ofRule(check(edit(drafted, PAPERS, line, 0, approved)), "STATEMENT_MATCHES_DATA");
      expect(f.map((x) => x.cell?.address)).toEqual([a1(line, 0)]);
      expect(f[0].message).toContain(approved);
      expect(f[0].message).toContain("(the day it was drafted)");
    });

    it("catches an edited setting in the settings table", () => {
      const caption = rowOf((v) => v === "Policy settings used");
      const row = papers.values.findIndex(
        (r, i) => i > caption && r[0] === "Overtime threshold (share of paybill)"
      );
      expect(papers.values[row][1]).toBe("4%");
      const f = ofRule(check(edit(drafted, PAPERS, row, 1, "4.5%")), "STATEMENT_MATCHES_DATA");
      expect(f.map((x) => x.cell?.address)).toEqual([a1(row, 1)]);
      expect(f[0].message).toContain('"4.5%"');
    });

    it("catches a point to check deleted", () => {
      const caption = rowOf((v) => v === "Points to check");
      const item = caption + 1;
      expect(papers.values[item][0]).toMatch(/^(Error|Warning)$/);
      const gone = edit(edit(drafted, PAPERS, item, 0, ""), PAPERS, item, 1, "");
      const f = ofRule(check(gone), "STATEMENT_MATCHES_DATA");
      expect(f.map((x) => x.cell?.address)).toEqual([a1(item, 0), a1(item, 1)]);
      expect(f[0].message).toContain("is empty, where the statement drafted from the data shows");
    });
  });

  it("leaves a sheet of the user's with the same name alone", () => {
    const wb = withStatement(workbook());
    const userCopy: WorkbookGrid = {
      sheets: wb.sheets.map((s) => (s.addinOwned ? { ...s, addinOwned: false } : s)),
    };
    const edited = edit(userCopy, "VfM Statement", 3, 5, "My own note");
    expect(outcome(check(edited), "STATEMENT_MATCHES_DATA")).toBe("notApplicable");
  });
});
