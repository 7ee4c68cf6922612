import { CancelledError, GatewayError, Progress } from "../../src/core/gateway";
import { SheetGrid, WorkbookGrid, findSheet } from "../../src/core/grid";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { DEFAULT_READ_LIMITS } from "../../src/excel/readPlan";
import { FakeExcel, FakeWorkbookModel } from "../fakes/fakeExcel";
import { tallSheet, tenSheetWorkbook } from "./fixtures";

const FIVE_MB = 5 * 1024 * 1024;

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = findSheet(grid, name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("OfficeGateway.readWorkbook on a ten-sheet budget workbook", () => {
  const source = tenSheetWorkbook();
  const fake = FakeExcel.fromGrid(source);
  const gateway = new OfficeGateway(fake.run);
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await gateway.readWorkbook();
  });

  test("takes one Excel.run and two syncs: the sheets, then the data", () => {
    expect(fake.runs).toBe(1);
    expect(fake.syncCount).toBe(2);
    // The second request carries every sheet's cells: 220x7 + 120x7 + ... well over 5,000 cells.
    expect(fake.requests[1].cellsRead).toBeGreaterThan(5000);
    expect(fake.requests[1].responseBytes).toBeLessThan(DEFAULT_READ_LIMITS.maxRequestBytes);
  });

  test("every sheet comes back in workbook order with its values", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
    const overtime = sheet(grid, "Overtime");
    // Row 2 (index 1), 2008/09: (3 * 1000 + 1 * 37 + 0 * 11) / 100 = 30.37.
    expect(overtime.values[1][1]).toBe(30.37);
    expect(overtime.values[0]).toEqual([
      "Overtime (£000)",
      ...["2008/09", "2009/10", "2010/11"],
      "2011/12",
      "2012/13",
      "2013/14",
    ]);
    expect(overtime.numberFormats?.[1][1]).toBe("#,##0.00");
    // "General" is reported as undefined.
    expect(overtime.numberFormats?.[1][0]).toBeUndefined();
  });

  test("error values, dates and formulas", () => {
    const budget = sheet(grid, "Budget");
    expect(budget.values[3][2]).toEqual({ error: "#REF!" });
    expect(budget.values[4][2]).toEqual({ error: "#DIV/0!" });
    // A date-formatted serial comes back as the Date ExcelJS would give (midnight UTC).
    expect(budget.values[5][0]).toEqual(new Date(Date.UTC(2010, 2, 31)));
    expect(budget.formulas?.[6][6]).toBe("=SUM(B7:F7)");
    expect(budget.values[6][6]).toBe(123.45);
    // Only formula cells keep a formula.
    expect(budget.formulas?.[6][5]).toBeUndefined();
    expect(budget.formulas?.[7]).toEqual([]);
  });

  test("hidden rows, merges, visibility", () => {
    const budget = sheet(grid, "Budget");
    expect(budget.hiddenRows).toEqual([9, 10]);
    expect(budget.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(budget.values[0][1]).toBeNull();
    expect(sheet(grid, "Offset 'data'").visibility).toBe("hidden");
    expect(sheet(grid, "Overtime").visibility).toBe("visible");
  });

  test("a used range starting at C5 is anchored at A1", () => {
    const offset = sheet(grid, "Offset 'data'");
    expect(offset.values.length).toBe(30);
    expect(offset.values[3]).toEqual([]);
    expect(offset.values[4]).toEqual([null, null, "Item 4", 10]);
    expect(offset.values[29][3]).toBe(72.5);
  });

  test("sheets are the user's unless an ownership mark says otherwise", () => {
    expect(grid.sheets.every((s) => s.addinOwned === false)).toBe(true);
  });

  test("the grid equals the source, cell for cell", () => {
    for (const s of source.sheets) {
      const read = sheet(grid, s.name);
      for (let r = 0; r < s.values.length; r++)
        for (let c = 0; c < (s.values[r]?.length ?? 0); c++)
          expect([s.name, r, c, read.values[r]?.[c] ?? null]).toEqual([
            s.name,
            r,
            c,
            s.values[r][c] ?? null,
          ]);
    }
  });
});

describe("ownership marks", () => {
  test("a sheet with a mark is the add-in's; the very hidden settings sheet is read too", async () => {
    const fake = FakeExcel.fromGrid({
      sheets: [
        { name: "Budget", values: [["Pay", 1]] },
        { name: "VfM Statement", values: [["Statement"]], addinOwned: true },
      ],
    });
    const grid = await new OfficeGateway(fake.run).readWorkbook();
    expect(grid.sheets.map((s) => [s.name, s.addinOwned])).toEqual([
      ["Budget", false],
      ["VfM Statement", true],
    ]);
  });

  test("a mark left pointing at a deleted sheet (#REF!) marks nothing", async () => {
    const model = FakeWorkbookModel.fromGrid({
      sheets: [{ name: "VfM Statement", values: [["x"]] }],
    });
    model.names.push({ name: "_vfm_owned_statement_1", target: "=#REF!$A$1", visible: true });
    const grid = await new OfficeGateway(new FakeExcel(model).run).readWorkbook();
    expect(grid.sheets[0].addinOwned).toBe(false);
  });
});

describe("a 300,000-row sheet", () => {
  const rows = 300_000;
  const fake = FakeExcel.fromGrid({
    sheets: [tallSheet("Ledger", rows), { name: "Cover", values: [["Ledger 2010/11"]] }],
  });
  const gateway = new OfficeGateway(fake.run);
  let grid: WorkbookGrid;
  const progress: Progress[] = [];
  beforeAll(async () => {
    grid = await gateway.readWorkbook({ onProgress: (p) => progress.push(p) });
  }, 120_000);

  test("is read in chunks, every request under 5 MB", () => {
    // 300,000 x 8 cells at a planned 96 bytes a cell is 230 MB: far more than one request.
    const data = fake.requests.slice(1);
    expect(data.length).toBeGreaterThan(40);
    for (const r of fake.requests) {
      expect(r.responseBytes).toBeLessThan(FIVE_MB);
      expect(r.requestBytes).toBeLessThan(FIVE_MB);
      expect(r.cellsRead).toBeLessThan(5_000_000);
    }
    // Planned at 4 MB with 96 bytes a cell; this ledger really costs about 40 bytes a cell.
    const biggest = Math.max(...data.map((r) => r.responseBytes));
    expect(biggest).toBeLessThan(DEFAULT_READ_LIMITS.maxRequestBytes);
    expect(biggest).toBeGreaterThan(1_000_000);
  });

  test("no read was of a whole column or row: every cell read was in the used range", () => {
    const cells = fake.requests.reduce((n, r) => n + r.cellsRead, 0);
    // 300,000 x 8 ledger cells plus the cover's one cell, each read exactly once.
    expect(cells).toBe(rows * 8 + 1);
  });

  test("comes back whole", () => {
    const ledger = grid.sheets[0];
    expect(ledger.values.length).toBe(rows);
    expect(ledger.values[rows - 1]).toEqual(tallSheet("x", rows).values[rows - 1]);
    // Row 123,457 (index 123,456): a = (123456 % 997) * 3.25 = 825 * 3.25 = 2681.25.
    expect(ledger.values[123_456][2]).toBe(2681.25);
    expect(ledger.numberFormats?.[123_456][2]).toBe("#,##0.00");
  });

  test("reports progress per request, ending at the total", () => {
    const last = progress[progress.length - 1];
    expect(last.done).toBe(rows * 8 + 1);
    expect(last.total).toBe(rows * 8 + 1);
    const labelled = progress.filter((p) => /Ledger \(rows [\d,]+-[\d,]+\)/.test(p.label ?? ""));
    expect(labelled.length).toBe(fake.requests.length - 2);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
  });
});

describe("when Excel refuses a request as too large", () => {
  test("the chunk is retried at half the rows, and the rest planned smaller", async () => {
    // Excel here refuses anything over 1 MB although the gateway plans for 4 MB.
    const fake = FakeExcel.fromGrid(
      { sheets: [tallSheet("Ledger", 40_000)] },
      { maxResponseBytes: 1_000_000 }
    );
    const grid = await new OfficeGateway(fake.run).readWorkbook();
    const refused = fake.requests.filter((r) => r.failed === "ResponsePayloadSizeLimitExceeded");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    // After the refusals every request fits; the grid is complete.
    const ok = fake.requests.filter((r) => !r.failed);
    for (const r of ok) expect(r.responseBytes).toBeLessThanOrEqual(1_000_000);
    expect(grid.sheets[0].values.length).toBe(40_000);
    expect(grid.sheets[0].values[39_999]).toEqual(tallSheet("x", 40_000).values[39_999]);
  });

  test("a single row Excel will not hand over is a plain-English error naming the sheet", async () => {
    const fake = FakeExcel.fromGrid(
      { sheets: [{ name: "Wide", values: [["x".repeat(2000), "y".repeat(2000)]] }] },
      { maxResponseBytes: 1000 }
    );
    const err = await new OfficeGateway(fake.run).readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).message).toMatch(/too large for Excel/);
    expect((err as GatewayError).where).toBe("Wide!A1:B1");
  });
});

describe("cancelling", () => {
  test("stops between chunks with CancelledError", async () => {
    const fake = FakeExcel.fromGrid({ sheets: [tallSheet("Ledger", 100_000)] });
    const signal = { aborted: false };
    let seen = 0;
    const err = await new OfficeGateway(fake.run)
      .readWorkbook({
        cancel: signal,
        onProgress: (p) => {
          if (p.label?.startsWith("Ledger (rows")) {
            seen++;
            if (seen === 2) signal.aborted = true;
          }
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    // Sheets, first window, two chunk requests; then nothing more was asked of Excel.
    expect(fake.syncCount).toBe(4);
  });

  test("an already-cancelled read asks Excel nothing", async () => {
    const fake = FakeExcel.fromGrid({ sheets: [{ name: "A", values: [[1]] }] });
    await expect(
      new OfficeGateway(fake.run).readWorkbook({ cancel: { aborted: true } })
    ).rejects.toBeInstanceOf(CancelledError);
    expect(fake.syncCount).toBe(0);
  });
});

describe("hidden rows when columns are hidden too", () => {
  test("rows are judged by their visible columns", async () => {
    const model = FakeWorkbookModel.fromGrid(
      {
        sheets: [
          {
            name: "Budget",
            values: [
              ["a", 1, 2],
              ["b", 3, 4],
              ["c", 5, 6],
            ],
            hiddenRows: [1],
          },
        ],
      },
      { hiddenColumns: { Budget: [0] } }
    );
    const grid = await new OfficeGateway(new FakeExcel(model).run).readWorkbook();
    expect(grid.sheets[0].hiddenRows).toEqual([1]);
  });

  test("a sheet whose rows are all hidden reports them all", async () => {
    const fake = FakeExcel.fromGrid({
      sheets: [
        { name: "Gone", values: [[1], [2]], hiddenRows: [0, 1] },
        { name: "Shown", values: [[1]] },
      ],
    });
    const grid = await new OfficeGateway(fake.run).readWorkbook();
    expect(grid.sheets[0].hiddenRows).toEqual([0, 1]);
  });
});

describe("without ExcelApi 1.13", () => {
  test("merged areas are not asked for; everything else is read", async () => {
    const fake = FakeExcel.fromGrid(tenSheetWorkbook());
    const grid = await new OfficeGateway(fake.run, {
      supports: (_set, v) => v !== "1.13",
    }).readWorkbook();
    expect(findSheet(grid, "Budget")?.merges).toBeUndefined();
    expect(findSheet(grid, "Budget")?.hiddenRows).toEqual([9, 10]);
    expect(fake.syncCount).toBe(2);
  });
});

describe("an empty workbook", () => {
  test("reads as sheets without rows", async () => {
    const fake = FakeExcel.fromGrid({ sheets: [{ name: "Sheet1", values: [] }] });
    const grid = await new OfficeGateway(fake.run).readWorkbook();
    expect(grid.sheets).toEqual([
      { name: "Sheet1", values: [], visibility: "visible", addinOwned: false },
    ]);
    expect(fake.syncCount).toBe(2);
  });
});
