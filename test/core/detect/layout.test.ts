/**
 * A sheet whose hidden rows or merged areas Excel would not list (SheetGrid.layoutUnknown): its
 * figures are read all the same, and a finding names the sheet and says what that means. Only
 * sheets whose figures were read are named.
 */
import { detectForceData } from "../../../src/core/detect/detect";
import { SheetGrid } from "../../../src/core/grid";
import { sheetFromRows } from "../../../src/core/sample/gridBuilder";

const budget = (name: string, unknown?: SheetGrid["layoutUnknown"]): SheetGrid => ({
  ...sheetFromRows(name, [
    ["Revenue budget (£000)", "2009/10", "2010/11"],
    ["Police officer pay", 100_000, 101_000],
    ["Police officer overtime", 5_000, 4_800],
    ["Police staff pay", 40_000, 40_500],
  ]),
  ...(unknown ? { layoutUnknown: unknown } : {}),
});
const notes: SheetGrid = {
  ...sheetFromRows("Notes", [["Prepared by the finance team"]]),
  layoutUnknown: { hiddenRows: true, merges: true },
};

const codes = ["HIDDEN_ROWS_UNKNOWN", "MERGED_CELLS_UNKNOWN"];
const layoutFindings = (sheets: SheetGrid[]) =>
  detectForceData({ sheets }).findings.filter((f) => codes.includes(f.code));

test("hidden rows unknown on the budget sheet: a warning naming it, and its figures still read", () => {
  const data = detectForceData({ sheets: [budget("Budget", { hiddenRows: true }), notes] });
  const found = data.findings.filter((f) => codes.includes(f.code));
  expect(found).toEqual([
    expect.objectContaining({
      severity: "warning",
      code: "HIDDEN_ROWS_UNKNOWN",
      message:
        'Excel did not say which rows of sheet "Budget" are hidden, so every row there was read as visible: the figures of any hidden row count, and are not listed as hidden.',
      sheet: "Budget",
    }),
  ]);
  // 5,000 overtime in £000: 500,000,000 pence.
  const ot = data.budget.lines.find((l) => l.key === "officerOvertime");
  expect([...(ot?.amounts.values() ?? [])].map((a) => a.value)).toEqual([500_000_000, 480_000_000]);
});

test("merged cells unknown on two budget sheets: one finding naming both, for information", () => {
  const found = layoutFindings([
    budget("Budget 2009", { merges: true }),
    budget("Budget 2010", { merges: true, hiddenRows: true }),
  ]);
  expect(found.map((f) => [f.severity, f.code, f.sheet])).toEqual([
    ["warning", "HIDDEN_ROWS_UNKNOWN", "Budget 2010"],
    ["info", "MERGED_CELLS_UNKNOWN", "Budget 2009"],
  ]);
  expect(found[1].message).toBe(
    'Excel did not list the merged cells of sheets "Budget 2009" and "Budget 2010", so a heading merged across several columns was read in its first column only.'
  );
});

test("a sheet whose figures were not read, or a sheet Excel told everything about, is not named", () => {
  expect(layoutFindings([budget("Budget"), notes])).toEqual([]);
});
