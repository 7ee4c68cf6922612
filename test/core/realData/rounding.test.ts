/**
 * Rounding in published figures (core/tolerance.ts): a total agrees with its lines when it is
 * within half a unit for each line and for the total. Cambridgeshire's 31 March 2010 "Local
 * Policing" is 2,643 FTE, the sum of its 13 published functions 2,644: within the 7 FTE that
 * 13 whole-FTE lines and the total can be out by (0.5 x 14). A total 9 FTE out is not.
 */
import { checkWorkbook } from "../../../src/core/check/check";
import { WorkbookGrid } from "../../../src/core/grid";
import { runVfm } from "../../../src/core/run";
import { hmicForces } from "./hmicData";
import { forceWorkbook } from "./layouts";

const cambs = hmicForces().find((f) => f.force === "Cambridgeshire")!;

/** The workbook with Establishment's "Local Policing" figure set to `fte`, and its cell. */
function withLocalPolicing(fte: number): { wb: WorkbookGrid; cell: string } {
  const wb = forceWorkbook(cambs, "establishment", "published");
  const sheet = wb.sheets.find((s) => s.name === "Establishment")!;
  const row = sheet.values.findIndex((r) => r?.[0] === "Local Policing");
  const values = sheet.values.map((r, i) => (i === row ? [r![0], fte] : r));
  return {
    wb: { ...wb, sheets: wb.sheets.map((s) => (s === sheet ? { ...sheet, values } : s)) },
    cell: `Establishment!B${row + 1}`,
  };
}

const totals = (wb: WorkbookGrid) => {
  const r = runVfm(wb);
  return {
    check: checkWorkbook(r)
      .findings.filter((x) => x.rule === "TOTALS_ADD_UP")
      .map((x) => `${x.cell?.sheet}!${x.cell?.address}`),
    detect: r.findings.filter((x) => x.code === "FTE_TOTAL_MISMATCH").map((x) => x.message),
  };
};

test("the published figures, 2,643 against lines of 2,644, pass both detection and the check", () => {
  const sum = Object.entries(cambs.total)
    .filter(
      ([k]) =>
        !["Local Policing", "National Functions", "Not available for duty", "Total"].includes(k)
    )
    .reduce((a, [, v]) => a + v, 0);
  expect([cambs.total["Local Policing"], sum]).toEqual([2643, 2644]);
  expect(totals(withLocalPolicing(2643).wb)).toEqual({ check: [], detect: [] });
});

test("a total 7 FTE out is still rounding; 9 FTE out is reported, and the share is not trusted", () => {
  // 2,651 - 2,644 = 7 = 0.5 x (13 + 1); 2,653 - 2,644 = 9.
  const within = totals(withLocalPolicing(2651).wb);
  expect(within.check).toEqual([]);
  // Detection takes 2,651 as the subtotal, so it does flag the "Total" beneath it:
  // 2,651 + 24 + 86 = 2,761 against 2,752, more than the 2 FTE three lines allow.
  expect(within.detect).toEqual([
    "The total FTE for 2009/10 at Establishment!B19 is 2,752, but the lines above it add up to 2,761, more than the rounding of its lines explains (half a unit for each line and for the total).",
  ]);
  const { wb } = withLocalPolicing(2653);
  const t = totals(wb);
  expect(t.detect.length).toBeGreaterThan(0);
  // "Local Policing" no longer adds up, so it is read as a line of its own and the "Total"
  // (Establishment!B19: 2,752) agrees with no count of the lines: 2,644 + 2,653 + 24 + 86 = 5,407.
  expect(t.check).toEqual(["Establishment!B19"]);
  const y = runVfm(wb).analysis.businessSupport.byYear[0];
  expect(y.totalFte.value).toBe(5407);
  expect([y.confidence, y.status]).toEqual(["unconfirmed", "unknown"]);
  expect(y.doubts.map((d) => [d.cell.address, d.fte])).toEqual([["B19", 5407 - 2752]]);
});
