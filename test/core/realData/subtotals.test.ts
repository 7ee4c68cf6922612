/**
 * Unlabelled subtotals: a row whose figures are the sum of the lines above it, though its label
 * does not say "total", is not counted a second time. On every force's real 31 March 2010
 * figures, the ADR's "Local Policing" row (the sum of the 13 functions) is relabelled in words the
 * add-in does not know ("Police functions"): the business-support share must stay HMIC's
 * published (business support - IT/Communications) / total, confirmed, with a finding naming the
 * row. A row named as a known function is always a line; were it a subtotal after all, the stated
 * total then agrees with no count of the lines and the share is unconfirmed.
 */
import { WorkbookGrid } from "../../../src/core/grid";
import { runVfm } from "../../../src/core/run";
import { hmicForces, publishedSupportShare } from "./hmicData";
import { forceWorkbook, Layout, LAYOUTS } from "./layouts";

const forces = hmicForces();

/** The workbook with every "Local Policing" label (column A) written `label`, and its cells. */
function relabelled(wb: WorkbookGrid, label: string): { wb: WorkbookGrid; cells: string[] } {
  const cells: string[] = [];
  const sheets = wb.sheets.map((s) => ({
    ...s,
    values: s.values.map((r, i) => {
      if (r?.[0] !== "Local Policing") return r;
      cells.push(`${s.name}!A${i + 1}`);
      return [label, ...r.slice(1)];
    }),
  }));
  return { wb: { ...wb, sheets }, cells };
}

describe.each(LAYOUTS as Layout[])("layout %s", (layout) => {
  test("an unknown label that adds up the lines above it is their subtotal, every force", () => {
    for (const f of forces) {
      const { wb, cells } = relabelled(forceWorkbook(f, layout, "published"), "Police functions");
      expect(cells.length).toBeGreaterThan(0);
      const r = runVfm(wb);
      const y = r.analysis.businessSupport.byYear.find((b) => b.year === 2009)!;
      expect([f.force, y.confidence]).toEqual([f.force, "confirmed"]);
      if (layout !== "separateTables") {
        expect([f.force, y.ratio?.value]).toEqual([f.force, publishedSupportShare(f)]);
        expect(y.totalFte.value).toBe(f.total.Total);
      } else expect(Math.abs(y.totalFte.value - f.total.Total)).toBeLessThanOrEqual(8.5);
      const found = r.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL");
      expect([f.force, found.map((x) => `${x.cell?.sheet}!${x.cell?.address}`)]).toEqual([
        f.force,
        cells,
      ]);
      // Not also reported as a function the add-in could not classify.
      expect(r.findings.filter((x) => x.code === "CATEGORY_UNMAPPED")).toEqual([]);
    }
  });
});

test("the finding says which rows it adds up and how to say otherwise", () => {
  const cambs = forces.find((f) => f.force === "Cambridgeshire")!;
  const { wb } = relabelled(forceWorkbook(cambs, "establishment", "published"), "Police functions");
  const f = runVfm(wb).findings.find((x) => x.code === "UNLABELLED_SUBTOTAL")!;
  // Establishment: title, header, then the 13 functions on rows 3 to 15; "Police functions" row 16.
  expect(f.message).toBe(
    "Establishment!A16 is not labelled a total, but its figures are the sum of the 13 lines above it (rows 3 to 15), so it was read as their subtotal and not counted again."
  );
  expect(f.fix).toMatch(/choose its category in the Data step/);
});

test("the user's category for the row makes it a line of its own", () => {
  const cambs = forces.find((f) => f.force === "Cambridgeshire")!;
  const { wb, cells } = relabelled(
    forceWorkbook(cambs, "establishment", "published"),
    "Police functions"
  );
  const r = runVfm(wb, {
    settings: { detect: { functionCategories: { [cells[0]]: "operational" } } },
  });
  const y = r.analysis.businessSupport.byYear[0];
  // Now counted: 2,644 (13 functions) + 2,643 + 24 + 86 = 5,397 against a stated 2,752.
  expect(y.totalFte.value).toBe(5397);
  expect(y.confidence).toBe("unconfirmed");
  expect(r.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL")).toEqual([]);
});

test("a known function's name on a row that adds up the lines above it is a line, and the total then puts the share in doubt", () => {
  const cambs = forces.find((f) => f.force === "Cambridgeshire")!;
  // "Criminal justice arrangements" is a POA objective: a function the add-in knows, so the row
  // is counted (small figures add up by chance, so a known name is never taken for a subtotal).
  // The "Total" (Establishment!B19, 2,752) then agrees with no count of the lines:
  // 2,644 + 2,643 + 24 + 86 = 5,397.
  const { wb } = relabelled(
    forceWorkbook(cambs, "establishment", "published"),
    "Criminal justice arrangements"
  );
  const r = runVfm(wb);
  expect(r.findings.filter((x) => x.code === "UNLABELLED_SUBTOTAL")).toEqual([]);
  const y = r.analysis.businessSupport.byYear[0];
  expect([y.totalFte.value, y.confidence, y.status]).toEqual([5397, "unconfirmed", "unknown"]);
  expect(y.doubts.map((d) => `${d.cell.sheet}!${d.cell.address}`)).toEqual(["Establishment!B19"]);
  expect(y.doubts[0].correction).toMatch(/a subtotal needs "total" in its label/);
  // The lines are over the total by 5,397 - 2,752 = 2,645 FTE; the relabelled row holds 2,643,
  // within the rounding of the 16 lines counted (8.5 FTE): it is offered as the subtotal.
  const row = r.data.workforce.lines.find((l) => l.label === "Criminal justice arrangements")!;
  expect(y.doubts[0].subtotalCandidates).toEqual([
    { label: "Criminal justice arrangements", cell: row.labelCell },
  ]);
  // One click ("Read ... as a subtotal") records it; the share is then confirmed.
  const fixed = runVfm(wb, {
    settings: {
      detect: { subtotals: { [`${row.labelCell.sheet}!${row.labelCell.address}`]: true } },
    },
  }).analysis.businessSupport.byYear[0];
  expect([fixed.totalFte.value, fixed.confidence]).toEqual([2752, "confirmed"]);
  expect(fixed.ratio?.value).toBe(publishedSupportShare(cambs));
});
