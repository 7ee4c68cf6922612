import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { CellValue, SheetGrid, WorkbookGrid, findSheet } from "../../src/core/grid";
import { WritePlan } from "../../src/core/writePlan";
import { xlsxToGrid } from "../../src/xlsx/read";
import {
  UnreadableWorkbookError,
  countCells,
  estimateReadHeapBytes,
  inspectXlsx,
} from "../../src/xlsx/inspect";
import { gridToXlsx, writePlanToXlsx } from "../../src/xlsx/write";
import { minimalXlsx, storedZip } from "./zipFixture";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = findSheet(grid, name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** A free-form budget sheet with every shape ExcelJS hands over. */
async function budgetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget 2010");
  ws.getCell("A1").value = "Exampleshire Constabulary - revenue budget (£000)";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = {
    richText: [{ text: "Police officer " }, { text: "overtime", font: { bold: true } }],
  };
  ws.getCell("B2").value = 5200;
  ws.getCell("B2").numFmt = "#,##0";
  ws.getCell("C2").value = 5500;
  ws.getCell("A3").value = "Police officer pay";
  ws.getCell("B3").value = 98000;
  ws.getCell("C3").value = 99500;
  // A total as a formula, and a row of shared formulas (D2 is the master, D3 the follower).
  ws.getCell("A4").value = "Total";
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 103200 };
  ws.getCell("D2").value = {
    formula: "C2-B2",
    result: 300,
    shareType: "shared",
    ref: "D2:D3",
  } as ExcelJS.CellFormulaValue;
  ws.getCell("D3").value = { sharedFormula: "D2", result: 1500 };
  // Errors: typed in, and as a formula's result.
  ws.getCell("E2").value = { error: "#REF!" };
  ws.getCell("E3").value = { formula: "B3/0", result: { error: "#DIV/0!" } };
  // A snapshot date, a date typed with a custom format, and a plain decimal.
  ws.getCell("F2").value = new Date(Date.UTC(2010, 2, 31));
  ws.getCell("F3").value = 40268; // 31 March 2010 as an Excel serial number
  ws.getCell("F3").numFmt = "[$-809]d mmmm yyyy;@";
  ws.getCell("F4").value = 0.052;
  ws.getCell("F4").numFmt = "0.0%";
  ws.getCell("G2").value = { text: "Home Office guidance", hyperlink: "https://example.org/vfm" };
  ws.getCell("G3").value = "=SUM(A1)"; // typed as text in Excel (with a leading apostrophe)
  ws.getCell("G4").value = true;
  // A formula that gives "" (an empty cell to the user) and a typed empty string.
  ws.getCell("H2").value = { formula: 'IF(B2>0,"","x")', result: "" };
  ws.getCell("H3").value = "";
  // A hidden row of notes, and a formula whose result was never saved.
  ws.getCell("A6").value = "Note: excludes specials";
  ws.getRow(6).hidden = true;
  ws.getCell("B7").value = { formula: "B4*2" } as ExcelJS.CellFormulaValue;

  wb.addWorksheet("Workings", { state: "hidden" }).getCell("A1").value = "x";
  wb.addWorksheet("VfM Statement").getCell("A1").value = "Value for Money Statement";
  wb.addWorksheet("Old statement").getCell("A1").value = "Renamed copy";
  wb.definedNames.add("'VfM Statement'!$A$1", "_vfm_owned_statement_1");
  wb.definedNames.add("Workings!$A$1", "OrdinaryName");
  return bytesOf(wb);
}

describe("xlsxToGrid: the shapes ExcelJS hands over", () => {
  let grid: WorkbookGrid;
  let findings: Awaited<ReturnType<typeof xlsxToGrid>>["findings"];
  beforeAll(async () => {
    const read = await xlsxToGrid(await budgetWorkbook(), "budget.xlsx");
    grid = read.workbook;
    findings = read.findings;
  });

  test("sheets come in tab order with their visibility and the file name", () => {
    expect(grid.fileName).toBe("budget.xlsx");
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Budget 2010", "visible"],
      ["Workings", "hidden"],
      ["VfM Statement", "visible"],
      ["Old statement", "visible"],
    ]);
  });

  test("a merged title counts once: the master holds it, the rest of the range is null", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[0]).toEqual(["Exampleshire Constabulary - revenue budget (£000)"]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  test("rich text parts are joined into one string", () => {
    expect(sheet(grid, "Budget 2010").values[1][0]).toBe("Police officer overtime");
  });

  test("formulas give their result, and the formula text is kept as Excel shows it", () => {
    const s = sheet(grid, "Budget 2010");
    // B4 = SUM(B2:B3) = 5,200 + 98,000 = 103,200
    expect(s.values[3][1]).toBe(103200);
    expect(s.formulas?.[3]?.[1]).toBe("=SUM(B2:B3)");
    // Shared formula: D2 = C2-B2 = 5,500 - 5,200 = 300; D3 follows it as C3-B3 = 1,500.
    expect(s.values[1][3]).toBe(300);
    expect(s.values[2][3]).toBe(1500);
    expect(s.formulas?.[1]?.[3]).toBe("=C2-B2");
    expect(s.formulas?.[2]?.[3]).toBe("=C3-B3");
  });

  test("error values become ErrorValues, each with a finding naming its cell", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[1][4]).toEqual({ error: "#REF!" });
    expect(s.values[2][4]).toEqual({ error: "#DIV/0!" });
    const errors = findings.filter((f) => f.code === "CELL_ERROR_VALUE");
    expect(errors.map((f) => f.cell)).toEqual([
      { sheet: "Budget 2010", address: "E2" },
      { sheet: "Budget 2010", address: "E3" },
    ]);
    expect(errors[0].message).toContain("'Budget 2010'!E2 shows the error #REF!");
    expect(errors[1].message).toContain("division by zero");
  });

  test("a formula without a saved result reads as empty; with other results saved, no finding", () => {
    // ExcelJS cannot tell B7 (never calculated) from a formula that gives "" (H2): neither is flagged.
    const s = sheet(grid, "Budget 2010");
    expect(s.values[6]?.[1] ?? null).toBeNull();
    expect(s.formulas?.[6]?.[1]).toBe("=B4*2");
    expect(findings.filter((f) => f.code === "FORMULAS_NOT_CALCULATED")).toEqual([]);
  });

  test("dates arrive as Dates (also a serial number with a custom date format)", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[1][5]).toEqual(new Date(Date.UTC(2010, 2, 31)));
    // Serial 40268 counts days from 30 December 1899: it is 31 March 2010.
    expect(s.values[2][5]).toEqual(new Date(Date.UTC(2010, 2, 31)));
    expect(s.numberFormats?.[2]?.[5]).toBe("[$-809]d mmmm yyyy;@");
  });

  test("numbers keep their number formats; General is left out", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[3][5]).toBe(0.052);
    expect(s.numberFormats?.[3]?.[5]).toBe("0.0%");
    expect(s.numberFormats?.[1]?.[1]).toBe("#,##0");
    expect(s.numberFormats?.[1]?.[2]).toBeUndefined();
  });

  test("hyperlinks give their text; formula-looking text stays text; booleans stay booleans", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[1][6]).toBe("Home Office guidance");
    expect(s.values[2][6]).toBe("=SUM(A1)");
    expect(s.formulas?.[2]?.[6]).toBeUndefined();
    expect(s.values[3][6]).toBe(true);
  });

  test("an empty string is an empty cell, as Office.js reports it; its formula is kept", () => {
    const s = sheet(grid, "Budget 2010");
    expect(s.values[1][7] ?? null).toBeNull();
    expect(s.values[2][7] ?? null).toBeNull();
    expect(s.formulas?.[1]?.[7]).toBe('=IF(B2>0,"","x")');
  });

  test("hidden rows are listed (zero-based)", () => {
    expect(sheet(grid, "Budget 2010").hiddenRows).toEqual([5]);
    expect(sheet(grid, "Budget 2010").values[5]).toEqual(["Note: excludes specials"]);
  });

  test("only sheets with the add-in's ownership mark are the add-in's", () => {
    expect(grid.sheets.filter((s) => s.addinOwned).map((s) => s.name)).toEqual(["VfM Statement"]);
  });
});

describe("xlsxToGrid: cell shapes only other programs write (hand-made XML)", () => {
  test("a follower of a shared formula whose master is gone still gives its saved result", async () => {
    // B2 follows shared formula 0, which no cell defines: ExcelJS hands over {result: 4} alone.
    const bytes = minimalXlsx(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
    );
    const { workbook, findings } = await xlsxToGrid(bytes);
    expect(workbook.sheets[0].values).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(workbook.sheets[0].formulas?.[0]?.[1]).toBe("=A1*2");
    expect(findings).toEqual([]);
  });

  test('a formula giving "" as Excel saves it (t="str", empty <v>) is an empty cell, not a fault', async () => {
    const bytes = minimalXlsx(
      '<row r="1"><c r="A1"><v>5</v></c><c r="B1" t="str"><f>IF(A1&gt;0,"","x")</f><v></v></c>' +
        '<c r="C1"><f>A1*2</f><v>10</v></c></row>'
    );
    const { workbook, findings } = await xlsxToGrid(bytes);
    expect(workbook.sheets[0].values).toEqual([[5, null, 10]]);
    expect(workbook.sheets[0].formulas?.[0]).toEqual([undefined, '=IF(A1>0,"","x")', "=A1*2"]);
    expect(findings).toEqual([]);
  });

  test("inline strings and booleans as other programs write them", async () => {
    const bytes = minimalXlsx(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Overtime</t></is></c><c r="B1" t="b"><v>1</v></c>' +
        '<c r="C1" t="e"><v>#N/A</v></c></row>'
    );
    const { workbook, findings } = await xlsxToGrid(bytes);
    expect(workbook.sheets[0].values).toEqual([["Overtime", true, { error: "#N/A" }]]);
    expect(findings.map((f) => f.cell)).toEqual([{ sheet: "Sheet1", address: "C1" }]);
  });
});

describe("xlsxToGrid: a workbook saved without calculating", () => {
  test("every formula lacks a result: one finding, pointing at the first", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Pay", 98000]);
    ws.addRow(["Overtime", 5200]);
    ws.addRow(["Total", { formula: "SUM(B1:B2)" }]);
    ws.addRow(["Check", { formula: "B3*2" }]);
    const { workbook, findings } = await xlsxToGrid(await bytesOf(wb));
    expect(workbook.sheets[0].values[2]).toEqual(["Total"]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "FORMULAS_NOT_CALCULATED",
        cell: { sheet: "Budget", address: "B3" },
        message:
          "All 2 formulas in this workbook (from Budget!B3) have no saved result, so they read as empty. The file was probably written by a program that does not calculate.",
      }),
    ]);
  });
});

describe("xlsxToGrid: findings are capped per sheet", () => {
  test("30 error cells: the first 20 are listed and one finding counts the other 10", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lookups");
    for (let r = 1; r <= 30; r++) ws.getCell(r, 1).value = { error: "#N/A" };
    const { findings } = await xlsxToGrid(await bytesOf(wb));
    expect(findings.filter((f) => f.cell).length).toBe(20);
    const summary = findings.filter((f) => !f.cell);
    expect(summary).toHaveLength(1);
    expect(summary[0].message).toBe("Lookups shows 10 more error values besides those listed.");
  });
});

function utf16(text: string): number[] {
  return Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
}

describe("files that are not readable workbooks get a plain-English reason", () => {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["an empty file", new Uint8Array(0), "empty", /empty/],
    [
      "an encrypted workbook",
      new Uint8Array([...ole, ...new Array(500).fill(0), ...utf16("EncryptedPackage")]),
      "encrypted",
      /password/,
    ],
    [
      "an OLE file that holds no workbook stream",
      new Uint8Array([...ole, ...new Array(500).fill(0), ...utf16("Workbook")]),
      "corrupt",
      /Excel 97-2003 workbook \(\.xls\) could not be read: its contents are damaged/,
    ],
    [
      "a Word document",
      storedZip(["[Content_Types].xml", "word/document.xml"]),
      "otherDocument",
      /Word/,
    ],
    [
      "an .xlsb workbook with an empty workbook part",
      storedZip(["[Content_Types].xml", "xl/workbook.bin"]),
      "corrupt",
      /Excel binary workbook \(\.xlsb\) could not be read/,
    ],
    ["a zip that is not a workbook", storedZip(["readme.txt"]), "notSpreadsheet", /zip archive/],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n"), "otherDocument", /PDF/],
    [
      "binary bytes that are no spreadsheet",
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
      "notSpreadsheet",
      /neither a workbook/,
    ],
  ];
  test.each(cases)("%s", async (_what, bytes, reason, message) => {
    const error = await xlsxToGrid(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe(reason);
    expect((error as UnreadableWorkbookError).message).toMatch(message);
  });

  test("a truncated workbook is reported as damaged", async () => {
    const good = await budgetWorkbook();
    const error = await xlsxToGrid(good.slice(0, Math.floor(good.length / 2))).catch(
      (e: unknown) => e
    );
    expect((error as UnreadableWorkbookError).reason).toBe("corrupt");
    expect((error as Error).message).toMatch(/damaged or incomplete/);
  });

  test("a workbook whose parts are damaged inside the zip is reported as damaged", async () => {
    // Keep the zip structure but overwrite the middle of the compressed data.
    const good = await budgetWorkbook();
    const bad = good.slice();
    for (let i = 200; i < bad.length / 2; i++) bad[i] = 0x41;
    const error = await xlsxToGrid(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe("corrupt");
  });

  test("a workbook needing more memory than the budget is refused before reading", async () => {
    const bytes = await budgetWorkbook();
    const info = inspectXlsx(bytes);
    const need = estimateReadHeapBytes(info, await countCells(bytes, info));
    const error = await xlsxToGrid(bytes, "big.xlsx", {
      memoryBudgetBytes: need - 1,
      tooLargeAdvice: (n) => `Try ${Math.ceil(n / 1e6)} MB.`,
    }).catch((e: unknown) => e);
    expect((error as UnreadableWorkbookError).reason).toBe("tooLarge");
    expect((error as Error).message).toMatch(
      /^The workbook is too large to read with the memory available: the .* file holds 0\.0 million cells and needs about .* MB of memory, but .* MB is available\. Try \d+ MB\.$/
    );
    await expect(xlsxToGrid(bytes, "big.xlsx", { memoryBudgetBytes: need })).resolves.toBeDefined();
  });
});

describe("inspectXlsx", () => {
  test("sums the uncompressed sheet and shared-string parts from the zip directory", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ledger");
    for (let r = 1; r <= 2000; r++) ws.addRow([`PO-${r}`, "Vehicles", r * 1.5]);
    const bytes = await bytesOf(wb);
    const info = inspectXlsx(bytes);
    expect(info.fileBytes).toBe(bytes.length);
    expect(info.entries.some((e) => e.name === "xl/worksheets/sheet1.xml")).toBe(true);
    // 2,000 rows of three cells take far more than 2,000 x 3 x 10 bytes of XML once unpacked.
    expect(info.sheetXmlBytes).toBeGreaterThan(60000);
    expect(info.sheetXmlBytes).toBeGreaterThan(bytes.length);
    expect(info.sharedStringsBytes).toBeGreaterThan(0);
  });

  test("counts the cells without parsing: 2,000 rows x 3 cells = 6,000", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ledger");
    for (let r = 1; r <= 2000; r++) ws.addRow([`PO-${r}`, "Vehicles", r * 1.5]);
    wb.addWorksheet("Notes").getCell("B2").value = "<c> is not a cell";
    const bytes = await bytesOf(wb);
    const info = inspectXlsx(bytes);
    // 6,000 ledger cells + 1 note; the text "<c>" sits in shared strings, not in a sheet.
    expect(await countCells(bytes, info)).toBe(6001);
    // With the count, the estimate is 500 bytes a cell plus the XML and twice the file.
    expect(estimateReadHeapBytes(info, 6001)).toBe(
      500 * 6001 + info.sheetXmlBytes + info.sharedStringsBytes + 2 * bytes.length
    );
    // Without it, an upper bound of 24 heap bytes per byte of XML.
    expect(estimateReadHeapBytes(info)).toBe(
      24 * (info.sheetXmlBytes + info.sharedStringsBytes) + 2 * bytes.length
    );
  });
});

const printable = fc
  .string({ minLength: 1, maxLength: 20 })
  .map((s) => s.replace(/[^\x20-\x7e£éü]/g, "x"))
  .filter((s) => s.trim() === s && s.length > 0);
const plainValue: fc.Arbitrary<CellValue> = fc.oneof(
  printable,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.constant(null)
);

describe("gridToXlsx -> xlsxToGrid round trip", () => {
  test("values survive (property: any grid of text, numbers, booleans and blanks)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(plainValue, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (rows) => {
          const grid: WorkbookGrid = { sheets: [{ name: "Data", values: rows }] };
          const back = (await xlsxToGrid(await gridToXlsx(grid))).workbook.sheets[0];
          // Trailing blanks are not cells: compare with them trimmed.
          const trim = (r: CellValue[]) => {
            const out = [...r];
            while (out.length && out[out.length - 1] === null) out.pop();
            return out;
          };
          const expected = rows.map(trim);
          while (expected.length && expected[expected.length - 1].length === 0) expected.pop();
          expect(back.values).toEqual(expected);
        }
      ),
      { numRuns: 25 }
    );
  }, 30_000);

  test("formulas, formats, merges, hidden rows, visibility, dates, errors and ownership survive", async () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: "Budget",
          values: [
            ["Exampleshire (illustrative)"],
            ["Overtime", 5200, 5500],
            ["Pay", 98000, 99500],
            ["Total", 103200, 105000],
            ["As at", new Date(Date.UTC(2010, 2, 31)), { error: "#N/A" }],
            ["=not a formula", "+44 20 7946 0000", "@home"],
          ],
          numberFormats: [
            [],
            [undefined, "#,##0", "#,##0"],
            [],
            [undefined, "#,##0", "#,##0"],
            [undefined, "dd/mm/yyyy"],
          ],
          formulas: [[], [], [], [undefined, "=SUM(B2:B3)", "=SUM(C2:C3)"]],
          hiddenRows: [2],
          merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        },
        { name: "Old figures", values: [["kept"]], visibility: "hidden" },
        { name: "VfM Statement", values: [["Statement"]], addinOwned: true },
        {
          name: "_vfm_settings",
          values: [["Police VfM add-in settings", "1"]],
          visibility: "veryHidden",
          addinOwned: true,
        },
      ],
    };
    const back = (await xlsxToGrid(await gridToXlsx(grid))).workbook;
    const budget = sheet(back, "Budget");
    expect(budget.values).toEqual(grid.sheets[0].values);
    expect(budget.formulas?.[3]).toEqual([undefined, "=SUM(B2:B3)", "=SUM(C2:C3)"]);
    expect(budget.formulas?.[5] ?? []).toEqual([]);
    expect(budget.numberFormats?.[1]?.[1]).toBe("#,##0");
    expect(budget.numberFormats?.[4]?.[1]).toBe("dd/mm/yyyy");
    expect(budget.hiddenRows).toEqual([2]);
    expect(budget.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(back.sheets.map((s) => [s.name, s.visibility, !!s.addinOwned])).toEqual([
      ["Budget", "visible", false],
      ["Old figures", "hidden", false],
      ["VfM Statement", "visible", true],
      ["_vfm_settings", "veryHidden", true],
    ]);
  });

  test("a date without a number format is written in the UK form dd/mm/yyyy", async () => {
    const bytes = await gridToXlsx({
      sheets: [{ name: "Dates", values: [[new Date(Date.UTC(2010, 2, 31))]] }],
    });
    const ws = (await load(bytes)).getWorksheet("Dates")!;
    expect(ws.getCell("A1").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("A1").value).toEqual(new Date(Date.UTC(2010, 2, 31)));
  });

  test("a workbook with no visible sheet cannot be written (Excel would refuse to open it)", async () => {
    await expect(
      gridToXlsx({ sheets: [{ name: "Only", values: [[1]], visibility: "hidden" }] })
    ).rejects.toThrow(/visible sheet/);
  });
});

const statementPlan: WritePlan = {
  activate: "VfM Statement",
  sheets: [
    {
      name: "VfM Statement",
      role: "statement",
      mode: "replace",
      blocks: [
        {
          top: 0,
          left: 0,
          values: [
            ["Value for Money Statement 2010/11", null, null],
            ["Area", "Planned", "Actual"],
            ["Overtime", 1250000.5, 0.052],
            ["=SUM(A1:A2)", "+44 20 7946 0000", "-5 days"],
            ["@home", "2010/11", "00123"],
          ],
          numberFormats: [[], [], [undefined, "£#,##0.00", "0.0%"]],
        },
      ],
      styles: [
        { range: { top: 0, left: 0, bottom: 0, right: 2 }, style: { bold: true, fontSize: 14 } },
        {
          range: { top: 1, left: 0, bottom: 1, right: 2 },
          style: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF", borderBottom: "thin" },
        },
        {
          range: { top: 2, left: 1, bottom: 2, right: 1 },
          style: { horizontalAlignment: "right", wrapText: true, verticalAlignment: "center" },
        },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      columnWidths: [40, 14, 14],
      freeze: { rows: 2, columns: 0 },
      page: {
        orientation: "portrait",
        paper: "A4",
        printArea: { top: 0, left: 0, bottom: 4, right: 2 },
        fitToWidth: true,
      },
      tables: [{ name: "Savings plan", range: { top: 1, left: 0, bottom: 4, right: 2 } }],
      tabColor: "#1F4E79",
    },
    {
      name: "VfM Charts",
      role: "charts",
      mode: "replace",
      blocks: [
        {
          top: 0,
          left: 0,
          values: [
            ["Year", "Overtime %", "Threshold"],
            ["2008/09", 0.052, 0.04],
            ["2009/10", 0.049, 0.04],
          ],
          numberFormats: [[], [undefined, "0.0%", "0.0%"], [undefined, "0.0%", "0.0%"]],
        },
      ],
      charts: [
        {
          type: "line",
          title: "Overtime as a share of officer pay",
          dataRange: { top: 0, left: 0, bottom: 2, right: 2 },
          position: { top: 5, left: 0, bottom: 20, right: 6 },
          altText: "Line chart: overtime falls from 5.2% to 4.9% against a 4% line.",
        },
      ],
    },
  ],
};

describe("writePlanToXlsx: a new workbook holding only the plan's sheets", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writePlanToXlsx(statementPlan);
    wb = await load(bytes);
  });

  test("holds exactly the planned sheets, marked as the add-in's", async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["VfM Statement", "VfM Charts"]);
    const grid = (await xlsxToGrid(bytes)).workbook;
    expect(grid.sheets.every((s) => s.addinOwned)).toBe(true);
  });

  test("formula-looking and number-looking text stays literal text, never a formula", () => {
    const ws = wb.getWorksheet("VfM Statement")!;
    const texts = ["A4", "B4", "C4", "A5", "B5", "C5"].map((a) => ws.getCell(a));
    expect(texts.map((c) => c.value)).toEqual([
      "=SUM(A1:A2)",
      "+44 20 7946 0000",
      "-5 days",
      "@home",
      "2010/11",
      "00123",
    ]);
    expect(texts.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(texts.some((c) => c.formula)).toBe(false);
  });

  test("number formats, fonts, fills, borders and alignment are written", () => {
    const ws = wb.getWorksheet("VfM Statement")!;
    expect(ws.getCell("B3").value).toBe(1250000.5);
    expect(ws.getCell("B3").numFmt).toBe("£#,##0.00");
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("B2").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("B2").fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: "FF1F4E79" },
    });
    expect(ws.getCell("B2").border.bottom).toEqual({ style: "thin" });
    expect(ws.getCell("B3").alignment).toMatchObject({
      horizontal: "right",
      vertical: "middle",
      wrapText: true,
    });
  });

  test("merges, column widths, frozen header, A4 portrait with print area, tab colour, table", () => {
    const ws = wb.getWorksheet("VfM Statement")!;
    expect(ws.getCell("C1").isMerged).toBe(true);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([40, 14, 14]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    // paperSize 9 is A4 in the OOXML numbering.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      printArea: "A1:C5",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    // Table names may not hold spaces: "Savings plan" is written as "Savings_plan".
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "Savings_plan",
    ]);
  });

  test("a chart is recorded by its title, description and data range where it would sit", () => {
    const ws = wb.getWorksheet("VfM Charts")!;
    expect(ws.getCell("A6").value).toBe("Overtime as a share of officer pay");
    expect(ws.getCell("A7").value).toBe(
      "Line chart: overtime falls from 5.2% to 4.9% against a 4% line."
    );
    expect(String(ws.getCell("A8").value)).toMatch(/figures are in A1:C3/);
    // The chart's figures are on the sheet with their formats.
    expect(ws.getCell("B2").value).toBe(0.052);
    expect(ws.getCell("B2").numFmt).toBe("0.0%");
  });

  test("a plan Excel could not hold is refused in plain English", async () => {
    await expect(
      writePlanToXlsx({
        sheets: [{ name: "Bad/name", role: "statement", mode: "replace", blocks: [] }],
      })
    ).rejects.toThrow(/character Excel does not allow/);
    await expect(
      writePlanToXlsx({
        sheets: [
          {
            name: "Long",
            role: "statement",
            mode: "replace",
            blocks: [{ top: 0, left: 0, values: [["x".repeat(32768)]] }],
          },
        ],
      })
    ).rejects.toThrow(/longer than an Excel cell holds/);
  });
});
