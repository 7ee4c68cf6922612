/**
 * The statement's write plan applied to a workbook through the in-memory gateway (the preview's,
 * which keeps the same rules as the Office.js gateway): the user's sheets stay exactly as they
 * were, a user sheet that happens to be called "VfM Statement" is left alone, a re-run replaces
 * only the add-in's own sheets, and the add-in's sheets do not feed back into the analysis.
 */
import { MemoryGateway } from "../../src/preview/memoryGateway";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { draftStatement, runVfm } from "../../src/core/run";
import { analysisToJson } from "../../src/core/analysis/json";
import {
  CHARTS_SHEET,
  PAPERS_SHEET,
  STATEMENT_SHEET,
  renderStatementWritePlan,
} from "../../src/render/excel";
import { SheetGrid, WorkbookGrid } from "../../src/core/grid";

// Rendering Word and Excel files takes a second or two, more on a busy machine.
jest.setTimeout(30_000);

const userSheet: SheetGrid = {
  name: STATEMENT_SHEET,
  values: [["My own notes"], ["=SUM(A1)", 42]],
  formulas: [[], [undefined, "=6*7"]],
  numberFormats: [[], [undefined, "0.00"]],
};

function userSheets(wb: WorkbookGrid) {
  return wb.sheets
    .filter((s) => !s.addinOwned)
    .map((s) => ({
      name: s.name,
      values: s.values,
      formulas: s.formulas ?? [],
      numberFormats: s.numberFormats ?? [],
    }));
}

test("a re-run replaces only the add-in's sheets and never touches the user's", async () => {
  const original = exampleshireFreeForm();
  const gateway = new MemoryGateway({ ...original, sheets: [...original.sheets, userSheet] });
  const before = userSheets(await gateway.readWorkbook());

  const draft = async () => {
    const r = runVfm(await gateway.readWorkbook());
    const s = draftStatement(r, { generatedAt: "2011-03-31" });
    return { r, plan: renderStatementWritePlan(s) };
  };

  const first = await draft();
  const w1 = await gateway.applyWritePlan(first.plan);
  // the user's own "VfM Statement" is kept; the add-in writes beside it
  expect(w1.sheets.map((d) => [d.planned, d.actual, d.replaces])).toEqual([
    [STATEMENT_SHEET, `${STATEMENT_SHEET} (2)`, false],
    [CHARTS_SHEET, CHARTS_SHEET, false],
    [PAPERS_SHEET, PAPERS_SHEET, false],
  ]);
  expect(w1.sheets[0].note).toContain("left untouched");

  const second = await draft();
  const w2 = await gateway.applyWritePlan(second.plan);
  expect(w2.sheets.map((d) => [d.actual, d.replaces])).toEqual([
    [`${STATEMENT_SHEET} (2)`, true],
    [CHARTS_SHEET, true],
    [PAPERS_SHEET, true],
  ]);

  const after = await gateway.readWorkbook();
  // the same values, formulas and formats in every sheet of the user's
  expect(userSheets(after)).toEqual(before);
  expect(after.sheets.map((s) => s.name)).toEqual([
    ...original.sheets.map((s) => s.name),
    STATEMENT_SHEET,
    `${STATEMENT_SHEET} (2)`,
    CHARTS_SHEET,
    PAPERS_SHEET,
  ]);
  // the add-in's own sheets are not read back as data: the analysis is unchanged
  expect(analysisToJson(second.r.analysis)).toEqual(analysisToJson(first.r.analysis));
});
