/**
 * Reading hidden rows and merged areas through Microsoft's Excel client runtime (excel-web-16.00),
 * answered by the test host with Excel on the web's limits: the two area lists the reader asks
 * for (visible cells, merged areas) when their address comes back cut short, and when Excel
 * refuses them for one sheet.
 */
import { CellRange, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { runVfm } from "../../src/core/run";
import { exampleshireFreeForm } from "../../src/core/sample/exampleshire";
import { parseAreas } from "../../src/excel/address";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { ExcelRuntimeHost } from "../fakes/excelHost";

/**
 * `rows` ledger lines of four columns, every third row (2, 5, 8, ...) hidden: the visible cells
 * are runs of two rows, ceil(rows / 3) areas.
 */
function ledgerWithHiddenRows(rows: number): { grid: WorkbookGrid; hidden: number[] } {
  const values = Array.from({ length: rows }, (_, r) => [`Line ${r + 1}`, r * 10, r * 20, "x"]);
  const hidden = Array.from({ length: rows }, (_, r) => r).filter((r) => r % 3 === 2);
  return { grid: { sheets: [{ name: "Ledger", values, hiddenRows: hidden }] }, hidden };
}

/** Pairs of cells merged across (A:B, C:D, ...) on rows 0..rows-1, `perRow` pairs a row. */
function mergedPairs(rows: number, perRow: number): CellRange[] {
  const out: CellRange[] = [];
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < perRow; k++) out.push({ top: r, bottom: r, left: 2 * k, right: 2 * k + 1 });
  return out;
}

function sheetNamed(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("visible cells of a sheet with many hidden-row areas", () => {
  // 2,000 rows with every third hidden: 667 visible areas; "Ledger!A1:D2,Ledger!A4:D5,..." is
  // about 12,000 characters, and the host cuts it at 4,096.
  const { grid, hidden } = ledgerWithHiddenRows(2_000);

  test("the host really cuts the address short: it does not add up to areaCount", async () => {
    const host = ExcelRuntimeHost.fromGrid(grid, { maxAreasAddressChars: 4_096 });
    const got = await host.run(async (context) => {
      const ra = context.workbook.worksheets
        .getItem("Ledger")
        .getRange("A1:D2000")
        .getSpecialCells("Visible");
      ra.load("address,areaCount");
      await context.sync();
      return { address: ra.address, areaCount: ra.areaCount };
    });
    expect(got.areaCount).toBe(667);
    expect(got.address.length).toBe(4_096);
    expect(parseAreas(got.address).length).toBeLessThan(got.areaCount);
  });

  test.each([
    ["in the first window (two syncs, and one more for the areas)", {}],
    ["in chunks of about a thousand rows", { maxRequestBytes: 400_000 }],
  ])("%s: every hidden row is found, none taken for hidden", async (_label, limits) => {
    const cut = ExcelRuntimeHost.fromGrid(grid, { maxAreasAddressChars: 4_096 });
    const whole = ExcelRuntimeHost.fromGrid(grid);
    const fromCut = await new OfficeGateway(cut.run, { limits }).readWorkbook();
    const fromWhole = await new OfficeGateway(whole.run, { limits }).readWorkbook();
    expect(sheetNamed(fromCut, "Ledger").hiddenRows).toEqual(hidden);
    expect(sheetNamed(fromWhole, "Ledger").hiddenRows).toEqual(hidden);
    // The cut lists cost a request each time they were asked again; none failed.
    expect(cut.requests.length).toBeGreaterThan(whole.requests.length);
    expect(cut.requests.filter((r) => r.failed)).toEqual([]);
    expect(cut.largestResponseBytes).toBeLessThanOrEqual(5_000_000);
    expect(cut.unsupported).toEqual([]);
  });

  test("a list that was not cut costs no request more", async () => {
    const small = ledgerWithHiddenRows(30).grid;
    const host = ExcelRuntimeHost.fromGrid(small, { maxAreasAddressChars: 4_096 });
    const whole = ExcelRuntimeHost.fromGrid(small);
    const read = await new OfficeGateway(host.run).readWorkbook();
    await new OfficeGateway(whole.run).readWorkbook();
    expect(sheetNamed(read, "Ledger").hiddenRows).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    expect(host.requests.length).toBe(whole.requests.length);
  });
});

describe("one sheet's merged areas that Excel will not list", () => {
  // Excel lists at most 512 merged areas at a time (getMergedAreasOrNullObject fails beyond).
  const budget: SheetGrid = {
    name: "Budget",
    values: [
      ["Police Fund", null, 2010],
      ["Pay", 100, 200],
      ["Overtime", 5, 6],
    ],
    merges: [{ top: 0, bottom: 0, left: 0, right: 1 }],
    hiddenRows: [2],
  };

  test("a sheet with 600 merged areas: asked in halves, every one found; the other sheets as ever", async () => {
    const layout: SheetGrid = {
      name: "Layout",
      values: Array.from({ length: 200 }, (_, r) => [`Row ${r}`, null, "a", null, "b", null]),
      merges: mergedPairs(200, 3),
      hiddenRows: [7],
    };
    const host = ExcelRuntimeHost.fromGrid({ sheets: [budget, layout] });
    const read = await new OfficeGateway(host.run).readWorkbook();
    // Excel refused the request that asked for all 600 at once.
    expect(host.requests.some((r) => r.failed === "GeneralException")).toBe(true);
    expect(sheetNamed(read, "Layout").merges).toHaveLength(600);
    expect(sheetNamed(read, "Layout").hiddenRows).toEqual([7]);
    expect(sheetNamed(read, "Budget").merges).toEqual(budget.merges);
    expect(sheetNamed(read, "Budget").hiddenRows).toEqual([2]);
    expect(sheetNamed(read, "Budget").values).toEqual(budget.values);
    expect(host.unsupported).toEqual([]);
  });

  test("600 merged areas in one row, which no split can help: that sheet alone goes without them", async () => {
    // One row of 1,200 columns, merged in pairs: the strip right of the first window (columns
    // Q onwards) is one row with 592 merged areas. The budget after it is long enough to be read
    // in chunks too, with a hidden row and a merged heading beyond its first window.
    const wide: SheetGrid = {
      name: "Wide",
      values: [Array.from({ length: 1_200 }, (_, c) => (c % 2 === 0 ? `h${c}` : null))],
      merges: mergedPairs(1, 600),
    };
    const long: SheetGrid = {
      name: "Budget",
      values: Array.from({ length: 3_000 }, (_, r) => [`Line ${r}`, null, r]),
      merges: [{ top: 2_600, bottom: 2_600, left: 0, right: 1 }],
      hiddenRows: [2, 2_500],
    };
    const host = ExcelRuntimeHost.fromGrid({ sheets: [wide, long] });
    const read = await new OfficeGateway(host.run).readWorkbook();
    expect(host.requests.some((r) => r.failed === "GeneralException")).toBe(true);
    // The other sheet keeps its merges and hidden rows: before, one refusal turned them off for all.
    const b = sheetNamed(read, "Budget");
    expect(b.hiddenRows).toEqual([2, 2_500]);
    expect(b.merges).toEqual(long.merges);
    expect(b.values[2_999]).toEqual(["Line 2999", null, 2_999]);
    // The wide sheet's cells are all read; its merges only where Excel would list them (A:P).
    const w = sheetNamed(read, "Wide");
    expect(w.values[0].filter((v) => v !== null)).toHaveLength(600);
    expect(w.values[0][1198]).toBe("h1198");
    expect(w.merges).toEqual(mergedPairs(1, 8));
    // The grid says what was not found out, for that sheet alone.
    expect(w.layoutUnknown).toEqual({ merges: true });
    expect(b.layoutUnknown).toBeUndefined();
  });
});

describe("a host without merged areas (ExcelApi 1.12)", () => {
  test("the figures are read, every sheet says its merged cells are unknown, and the user is told which", async () => {
    const sample = exampleshireFreeForm();
    const host = ExcelRuntimeHost.fromGrid(sample, { excelApi: "1.12" });
    const gateway = new OfficeGateway(host.run, {
      supports: (set, version) => set === "ExcelApi" && Number(version.split(".")[1]) <= 12,
    });
    const read = await gateway.readWorkbook();
    // The gateway asked nothing the host lacks.
    expect(host.unsupported).toEqual([]);
    for (const s of read.sheets)
      expect([s.name, s.layoutUnknown]).toEqual([
        s.name,
        s.values.length > 0 ? { merges: true } : undefined,
      ]);
    const r = runVfm(read);
    expect(r.analysis.overtime.byYear.map((y) => y.ratio)).toEqual(
      runVfm(sample).analysis.overtime.byYear.map((y) => y.ratio)
    );
    const merged = r.findings.filter((f) => f.code === "MERGED_CELLS_UNKNOWN");
    expect(merged).toHaveLength(1);
    const named = r.data.sheetsUsed.map((u) => `"${u.sheet}"`);
    for (const n of named) expect(merged[0].message).toContain(n);
    expect(merged[0].severity).toBe("info");
    expect(r.findings.some((f) => f.code === "HIDDEN_ROWS_UNKNOWN")).toBe(false);
  });
});
