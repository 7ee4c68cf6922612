import { promises as fs } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { exampleshireFreeForm, exampleshireTemplate } from "../../src/core/sample/exampleshire";
import { SAMPLE_FILES, fittedWidths, sampleFiles } from "../../src/cli/makeSample";
import { xlsxToGrid } from "../../src/xlsx/read";
import { comparable } from "../gateway/contractSuite";

const assets = path.join(__dirname, "..", "..", "assets", "sample");

let generated: Map<string, Uint8Array>;
beforeAll(async () => {
  generated = new Map((await sampleFiles()).map((f) => [f.name, f.bytes]));
});

/**
 * A sheet as an .xlsx file holds it: a number with a date format is a date (ExcelJS reads it as a
 * Date, midnight UTC), while in memory the sample may keep the serial number, as Office.js gives it.
 */
function asInFile(sheet: SheetGrid): SheetGrid {
  const isDate = (f: string | undefined) => !!f && /^[^"]*[dmy]{2}/i.test(f) && !/[#0]/.test(f);
  return {
    ...sheet,
    values: sheet.values.map((row, r) =>
      row.map((v, c) =>
        typeof v === "number" && isDate(sheet.numberFormats?.[r]?.[c])
          ? // Serial 25,569 is 1 January 1970; a day is 86,400,000 ms.
            new Date(Math.round((v - 25569) * 86400000))
          : v
      )
    ),
  };
}

async function grid(bytes: Uint8Array): Promise<WorkbookGrid> {
  return (await xlsxToGrid(bytes)).workbook;
}

describe("the bundled sample workbooks", () => {
  test.each([
    [SAMPLE_FILES.template, exampleshireTemplate],
    [SAMPLE_FILES.freeForm, exampleshireFreeForm],
  ])(
    "%s holds exactly the sample's cells, formats, merges and hidden rows",
    async (name, source) => {
      const back = await grid(generated.get(name)!);
      expect(back.sheets.map(comparable)).toEqual(source().sheets.map(asInFile).map(comparable));
      expect(back.sheets.some((s) => s.addinOwned)).toBe(false);
    }
  );

  test("making the samples twice gives the same bytes (fixed dates inside and in the zip)", async () => {
    const again = await sampleFiles();
    for (const f of again)
      expect(Buffer.from(f.bytes).equals(Buffer.from(generated.get(f.name)!))).toBe(true);
  });

  test.each([SAMPLE_FILES.template, SAMPLE_FILES.freeForm])(
    "the committed assets/sample/%s is exactly what `npm run sample` makes now",
    async (name) => {
      const committed = await fs.readFile(path.join(assets, name)).catch(() => undefined);
      if (!committed) throw new Error(`assets/sample/${name} is missing: run \`npm run sample\`.`);
      const fresh = (await grid(generated.get(name)!)).sheets.map(comparable);
      const onDisk = (await grid(new Uint8Array(committed))).sheets.map(comparable);
      // When these fail, the sample data changed: run `npm run sample` and commit the files.
      expect(onDisk).toEqual(fresh);
      expect(Buffer.from(committed).equals(Buffer.from(generated.get(name)!))).toBe(true);
    }
  );

  test("the template form has its Excel tables over the data, a frozen header and set widths", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(generated.get(SAMPLE_FILES.template) as unknown as ExcelJS.Buffer);
    const budget = wb.getWorksheet("Budget")!;
    // A table read back keeps its range as `tableRef`.
    const tables = Object.values(
      (budget as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables
    );
    expect(tables).toHaveLength(1);
    // The header is on row 5 (TEMPLATE_LAYOUT.headerRow 4, zero-based); the table runs to the last row.
    expect(tables[0].table.tableRef).toMatch(new RegExp(`^A5:[A-Z]+${budget.actualRowCount}$`));
    expect(budget.views[0]).toMatchObject({ state: "frozen", ySplit: 5, xSplit: 1 });
    expect(budget.getColumn(1).width).toBeGreaterThan(10);
  });

  test("free-form column widths fit the cells, leaving merged titles out", () => {
    // Column A: "Overtime" (8 + 2 = 10); the merged title in A1 does not count; B: 12,345 -> 7 + 2.
    expect(
      fittedWidths({
        name: "S",
        values: [["A very long merged title that spans the sheet"], ["Overtime", 12345]],
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      })
    ).toEqual([10, 9]);
  });
});
