/**
 * The reader over real files from other writers and in every format: spreadsheet libraries'
 * own test files (test/fixtures/writers, see its README for where each came from), HMIC's
 * published Value for Money data (.xls, .ods, .csv; test/fixtures/hmic-vfm, Open Government
 * Licence v3.0) and CSV text as people save it.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { readSpreadsheet } from "../../src/xlsx/read";
import { UnreadableWorkbookError } from "../../src/xlsx/inspect";
import { csvValue, decideDecimalMark, decodeText, guessSeparator } from "../../src/xlsx/csv";
import { odsLayoutOfText } from "../../src/xlsx/odsLayout";
import * as fc from "fast-check";
import { minimalXlsx, storedZip } from "./zipFixture";

const WRITERS = path.join(__dirname, "..", "fixtures", "writers");
const HMIC = path.join(__dirname, "..", "fixtures", "hmic-vfm");

async function readFixture(name: string, dir = WRITERS) {
  return readSpreadsheet(new Uint8Array(readFileSync(path.join(dir, name))), name);
}

function sheet(wb: WorkbookGrid, name?: string): SheetGrid {
  const s = name ? wb.sheets.find((x) => x.name === name) : wb.sheets[0];
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** CPU time of a function, in ms. */
async function cpuMs(fn: () => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

describe("odd writers' .xlsx, as their own test suites keep them", () => {
  test("ClosedXML: namespace-prefixed XML (<x:workbook>, <x:c>) with three merged ranges", async () => {
    // ClosedXML's MergeCells example merges row 1 of B2:D3 (B2:D2), column 1 of F2:G8 (F2:F8)
    // and B4:D6, then merges B8:D8 and unmerges it again.
    const { workbook, format } = await readFixture("closedxml-MergeCells.xlsx");
    expect(format).toBe("xlsx");
    const s = sheet(workbook, "Merge Cells");
    expect(s.values[1][1]).toBe("Merged Row(1) of Range (B2:D3)");
    expect(s.values[3][1]).toBe("Merged Range (B4:D6)");
    expect(s.values[1][5]).toBe("Merged Column(1) of Range (F2:G8)");
    expect(s.values[7][1]).toBe("Unmerged");
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 1, left: 5, bottom: 7, right: 5 },
      { top: 3, left: 1, bottom: 5, right: 3 },
    ]);
  });

  test("ClosedXML: columns 1-3 and rows 1-3 hidden, then column 2 and row 2 shown again", async () => {
    const s = sheet((await readFixture("closedxml-HideUnhide.xlsx")).workbook);
    expect(s.hiddenRows).toEqual([0, 2]);
    expect(s.hiddenColumns).toEqual([0, 2]);
  });

  test("ClosedXML: formulas keep their cached results and their text", async () => {
    const s = sheet((await readFixture("closedxml-FormulasWithEvaluation.xlsx")).workbook);
    // C2 = A2 + $B$2 = 1 + 2 = 3, saved by ClosedXML with its result.
    expect(s.values[1].slice(0, 3)).toEqual([1, 2, 3]);
    expect(s.formulas?.[1]?.[2]).toBe("=A2+$B$2");
  });

  test("ExcelJS's 1904.xlsx: a workbook in the 1904 date system (B4 is 1 January 1904)", async () => {
    const s = sheet((await readFixture("exceljs-1904.xlsx")).workbook, "Sheet1");
    expect(s.values[3][1]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  test("Google Sheets: the hidden row 2 and column B are kept", async () => {
    const s = sheet((await readFixture("exceljs-google-sheets.xlsx")).workbook);
    expect(s.values[0]).toEqual(["BEGIN", "HIDDEN", "VISIBLE"]);
    expect(s.hiddenRows).toEqual([1]);
    expect(s.hiddenColumns).toEqual([1]);
  });

  test("Apache POI: Strict Open XML (ISO 29500 namespaces) reads as the same sheets as its .ods twin", async () => {
    const strict = (await readFixture("poi-SampleSS.strict.xlsx")).workbook;
    const ods = (await readFixture("poi-SampleSS.ods")).workbook;
    expect(strict.sheets.map((s) => s.name)).toEqual(["First Sheet", "Sheet Number 2", "Sheet3"]);
    expect(ods.sheets.map((s) => s.name)).toEqual(strict.sheets.map((s) => s.name));
    for (const name of ["First Sheet", "Sheet Number 2"])
      expect(sheet(ods, name).values).toEqual(sheet(strict, name).values);
    // cb=sum is 1 + 10 + 2 = 13.
    expect(sheet(strict, "Sheet Number 2").values[6]).toEqual([1, 10, 2, 13]);
  });

  test("files that hang other readers read at once: 4 whole-column validations; 50,000 merges", async () => {
    // ExcelJS ran past 15 minutes on the first and took 12 minutes on the second.
    let read: Awaited<ReturnType<typeof readSpreadsheet>> | undefined;
    expect(
      await cpuMs(async () => (read = await readFixture("exceljs-test-issue-1842.xlsx")))
    ).toBeLessThan(5000);
    expect(read?.workbook.sheets).toHaveLength(1);
    expect(
      await cpuMs(async () => (read = await readFixture("poi-57893-many-merges.xlsx")))
    ).toBeLessThan(15000);
    expect(read?.workbook.sheets[0].merges).toHaveLength(50000);
  });
});

describe("the other formats", () => {
  test(".xlsb (Apache POI's testVarious.xlsb): values and number formats", async () => {
    const { workbook, format } = await readFixture("poi-testVarious.xlsb");
    expect(format).toBe("xlsb");
    const s = sheet(workbook, "mySheet1");
    expect(s.values[1]).toEqual(["integer", 13]);
    expect(s.values[4]).toEqual(["percent", 0.2]);
    expect(s.numberFormats?.[4]?.[1]).toBe("0%");
  });

  test(".xls in the 1904 date system (Apache POI's 1904DateWindowing.xls): 1 January 2000", async () => {
    const { workbook, format } = await readFixture("poi-1904DateWindowing.xls");
    expect(format).toBe("xls");
    expect(sheet(workbook).values[0]).toEqual([
      new Date(Date.UTC(2000, 0, 1)),
      new Date(Date.UTC(2000, 0, 1)),
    ]);
  });

  test.each([
    ["poi-password.xls", "an .xls with a password to open"],
    ["poi-protected_passtika.xlsx", "an encrypted .xlsx"],
  ])("%s (%s) is refused in one line as protected", async (name) => {
    const e = await readFixture(name).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UnreadableWorkbookError);
    expect((e as UnreadableWorkbookError).reason).toBe("encrypted");
    expect((e as Error).message).toMatch(/^The workbook is protected with a password to open/);
    expect((e as Error).message).not.toMatch(/\n/);
  });

  test("absolute part names as openpyxl writes them (/xl/workbook.xml) are read", async () => {
    const bytes = minimalXlsx('<row r="1"><c r="A1"><v>5200</v></c></row>', {
      absoluteNames: true,
    });
    const { workbook } = await readSpreadsheet(bytes, "openpyxl.xlsx");
    expect(workbook.sheets[0].values).toEqual([[5200]]);
  });
});

describe(".ods: what SheetJS leaves out, read from content.xml", () => {
  // openpyxl-hidden.xlsx (openpyxl 3.0.9) and the same workbook saved as .ods by LibreOffice
  // 7.4 headless: row 3 and column D of "Budget & plan" hidden, the sheet "Notes" hidden.
  test("hidden rows, hidden columns, a hidden sheet and a sheet name with & read as from the .xlsx", async () => {
    const ods = await readFixture("libreoffice-hidden.ods");
    const xlsx = await readFixture("openpyxl-hidden.xlsx");
    expect(ods.format).toBe("ods");
    const shape = (wb: WorkbookGrid) =>
      wb.sheets.map((s) => [s.name, s.visibility, s.hiddenRows ?? [], s.hiddenColumns ?? []]);
    expect(shape(ods.workbook)).toEqual([
      ["Budget & plan", "visible", [2], [3]],
      ["Notes", "hidden", [], []],
      ["Shown", "visible", [], []],
    ]);
    expect(shape(ods.workbook)).toEqual(shape(xlsx.workbook));
    expect(sheet(ods.workbook, "Budget & plan").values).toEqual(
      sheet(xlsx.workbook, "Budget & plan").values
    );
    expect(sheet(ods.workbook, "Budget & plan").values[3]).toEqual([
      "Police staff pay",
      400,
      390,
      "officers' <staff>",
    ]);
  });

  test("ClosedXML's HideUnhide, saved as .ods by LibreOffice: the same rows and columns hidden", async () => {
    const ods = await readFixture("libreoffice-HideUnhide.ods");
    const xlsx = await readFixture("closedxml-HideUnhide.xlsx");
    expect(sheet(ods.workbook).hiddenRows).toEqual([0, 2]);
    expect(sheet(ods.workbook).hiddenColumns).toEqual([0, 2]);
    expect(sheet(ods.workbook).hiddenRows).toEqual(sheet(xlsx.workbook).hiddenRows);
    expect(sheet(ods.workbook).hiddenColumns).toEqual(sheet(xlsx.workbook).hiddenColumns);
  });

  test("repeated rows and columns, rows hidden by a filter, groups, and 'hide the rest of the sheet'", async () => {
    const cell = (v: number) =>
      `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
    const row = (attrs: string, ...v: number[]) =>
      `<table:table-row${attrs}>${v.map(cell).join("")}</table:table-row>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">
<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Lines" table:style-name="ta1">
<table:table-header-columns><table:table-column/></table:table-header-columns>
<table:table-column table:visibility="collapse" table:number-columns-repeated="2"/>
<table:table-column/><table:table-column table:visibility="filter"/>
<table:table-header-rows>${row("", 1, 2, 3, 4, 5)}</table:table-header-rows>
${row(' table:number-rows-repeated="2"', 1, 1, 1, 1, 1)}
<table:table-row-group>${row(' table:visibility="collapse" table:number-rows-repeated="3"', 2, 2, 2, 2, 2)}</table:table-row-group>
${row(' table:visibility="filter"', 3, 3, 3, 3, 3)}
${row("", 4, 4, 4, 4, 4)}
<table:table-row table:visibility="collapse" table:number-rows-repeated="1048568"><table:table-cell/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`;
    const bytes = storedZip({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": content,
      "styles.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`,
      "META-INF/manifest.xml": `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    });
    const { workbook, format } = await readSpreadsheet(bytes, "lines.ods");
    expect(format).toBe("ods");
    const s = sheet(workbook, "Lines");
    // Rows: 0 header; 1-2 repeated; 3-5 hidden (repeated, in a group); 6 filtered; 7 shown;
    // then a million hidden rows holding nothing, listed only as far as the cells go (none).
    expect(s.values.map((r) => r[0])).toEqual([1, 1, 1, 2, 2, 2, 3, 4]);
    expect(s.hiddenRows).toEqual([3, 4, 5, 6]);
    // Columns: A header; B-C hidden (repeated); D shown; E filtered.
    expect(s.hiddenColumns).toEqual([1, 2, 4]);
    expect(s.visibility).toBe("visible");

    // content.xml arrives in pieces as it is decompressed: wherever the cuts fall (inside a
    // tag, an attribute, a name), the layout is the same.
    const whole = odsLayoutOfText([content]);
    expect(whole[0].hiddenRows).toEqual([
      [3, 4],
      [8, 1048568],
    ]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: content.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), content.length];
          const pieces = at.slice(1).map((end, i) => content.slice(at[i], end));
          expect(odsLayoutOfText(pieces)).toEqual(whole);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("HMIC's published Value for Money data", () => {
  test("the 2010 underlying data (.xls, Excel 97-2003): five sections, merged headers, £000 figures", async () => {
    const { workbook } = await readFixture(
      "value-for-money-2010-underlying-data-20100609.xls",
      HMIC
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Section 1. Income & Expenditure",
      "Section 2. Workforce (rates)",
      "Section 2. Workforce (volumes)",
      "Section 3. Offences",
      "Section 4. Outcomes & Sat.",
    ]);
    const s = sheet(workbook, "Section 1. Income & Expenditure");
    expect(s.values[0][2]).toBe("Workforce costs (£000)");
    expect(s.values[3].slice(0, 3)).toEqual(["Avon & Somerset", 1591900, 174236]);
    expect(s.numberFormats?.[3]?.[2]).toBe("#,##0");
    expect(s.merges?.length).toBe(49);
  });

  test("the 2016 POA data (.ods): forces across, cost lines down, £000 as published", async () => {
    const { workbook, format } = await readFixture("HMIC-VFM-2016-open-data-POA.ods", HMIC);
    expect(format).toBe("ods");
    const s = sheet(workbook, "1_Total_non-staff_costs");
    expect(s.values[0][0]).toBe(
      "POA - Total non-staff costs (excluding national policing functions), £000s"
    );
    expect(s.values[2].slice(0, 3)).toEqual(["All costs", "Avon and Somerset", "Bedfordshire"]);
    expect(s.values[4].slice(0, 3)).toEqual(["Injury & Ill Health Costs", 7075.5, 1471]);
    expect(s.numberFormats?.[4]?.[2]).toBe("#,##0");
  });

  test("the 2010-11 workforce data (.csv): thousands separators read as numbers", async () => {
    const { workbook, format } = await readFixture(
      "2010-11-value-for-money-profile-data-workforce-20110511.csv",
      HMIC
    );
    expect(format).toBe("csv");
    const s = sheet(workbook);
    expect(s.name).toBe("2010-11-value-for-money-profile");
    expect(s.values.length).toBe(44);
    // "1,595,200" in the file is a number with its thousands separators as its format.
    expect(s.values[1].slice(0, 5)).toEqual(["Avon & Somerset", null, 1595200, null, 3302]);
    expect(s.numberFormats?.[1]?.[2]).toBe("#,##0");
  });
});

describe("CSV text as people save it", () => {
  const csv = (text: string | Uint8Array, name = "budget.csv") =>
    readSpreadsheet(typeof text === "string" ? new TextEncoder().encode(text) : text, name);

  test("lines of empty fields (',,,' as LibreOffice saves a blank row) are blank rows", async () => {
    const { workbook } = await csv("Line,2010/11,2011/12\n,,\nPolice staff pay,42900,42700\n,,\n");
    expect(sheet(workbook).values).toEqual([
      ["Line", "2010/11", "2011/12"],
      [],
      ["Police staff pay", 42900, 42700],
    ]);
  });

  test("UTF-8 with a byte-order mark, quoted thousands, £, brackets, percentages", async () => {
    const text =
      "\uFEFFLine,2009/10,2010/11\r\n" +
      'Police officer overtime,"5,200","£5,480.50"\r\n' +
      'Non-pay,"(1,234)",-12\r\n' +
      "Share,5.8%,12.5%\r\n" +
      "Code,0123,2011-03-31\r\n";
    const s = sheet((await csv(text)).workbook);
    expect(s.name).toBe("budget");
    expect(s.values).toEqual([
      ["Line", "2009/10", "2010/11"],
      ["Police officer overtime", 5200, 5480.5],
      ["Non-pay", -1234, -12],
      // 5.8% is 0.058 exactly, not 5.8 / 100 = 0.057999999999999996.
      ["Share", 0.058, 0.125],
      ["Code", "0123", new Date(Date.UTC(2011, 2, 31))],
    ]);
    expect(s.numberFormats?.[1]).toEqual([undefined, "#,##0", "£#,##0.00"]);
    expect(s.numberFormats?.[3]).toEqual([undefined, "0.0%", "0.0%"]);
  });

  test("Windows-1252 (Excel's 'CSV' on a UK PC): £ is byte 0xA3", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("Line,Amount\nOvertime (\u00a3000),"),
      ...new TextEncoder().encode("5200\n"),
    ]);
    // Re-encode the £ as the single byte Windows-1252 uses.
    const latin = Uint8Array.from(
      Array.from(new TextDecoder().decode(bytes)).map((c) => c.charCodeAt(0))
    );
    expect(decodeText(latin).encoding).toBe("windows-1252");
    expect(sheet((await csv(latin)).workbook).values).toEqual([
      ["Line", "Amount"],
      ["Overtime (£000)", 5200],
    ]);
  });

  test("semicolons with decimal commas, as Excel saves CSV where the comma is the decimal mark", async () => {
    const text = "Line;2009/10;2010/11\nOvertime;5.200,50;5480,25\nStaff;1.234;98\n";
    expect(guessSeparator(text)).toBe(";");
    expect(sheet((await csv(text)).workbook).values).toEqual([
      ["Line", "2009/10", "2010/11"],
      ["Overtime", 5200.5, 5480.25],
      ["Staff", 1234, 98],
    ]);
  });

  test("semicolons with UK numbers: the file's own numbers decide the decimal mark", async () => {
    const rows = [["Overtime", "5,200.50", "0.25"]];
    expect(decideDecimalMark(rows, ";")).toBe(".");
    const text = "Line;2009/10\nOvertime;5,200.50\nRate;0.25\n";
    expect(sheet((await csv(text)).workbook).values).toEqual([
      ["Line", "2009/10"],
      ["Overtime", 5200.5],
      ["Rate", 0.25],
    ]);
  });

  test("Excel's sep= line and tabs; dates in day/month order stay text (never guessed)", async () => {
    expect(guessSeparator("sep=;\na,b;c\n")).toBe(";");
    expect(guessSeparator("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(csvValue("31/03/2011", ".")).toEqual({ value: "31/03/2011" });
    expect(csvValue("03/04/2011", ".")).toEqual({ value: "03/04/2011" });
    expect(csvValue("2011-02-30", ".")).toEqual({ value: "2011-02-30" });
    expect(csvValue("TRUE", ".")).toEqual({ value: true });
    expect(csvValue("1,23", ".")).toEqual({ value: "1,23" });
  });

  test("a text file with an .xlsx name is refused, with what to do", async () => {
    const e = await csv("Line,2008/09\n", "budget.xlsx").catch((err: unknown) => err);
    expect((e as UnreadableWorkbookError).reason).toBe("notSpreadsheet");
    expect((e as Error).message).toBe(
      "The file is named budget.xlsx but is not that kind of workbook: it holds text. If it is a CSV file, rename it to .csv and try again."
    );
  });
});

describe("bounds inside the reader", () => {
  test("a workbook with more cells than allowed is refused in one line", async () => {
    const text = Array.from({ length: 50 }, (_, i) => `Line ${i},${i}`).join("\n");
    const e = await readSpreadsheet(new TextEncoder().encode(text), "big.csv", {
      maxCells: 99,
    }).catch((err: unknown) => err);
    expect((e as UnreadableWorkbookError).reason).toBe("tooLarge");
    // 50 lines of 2 cells = 100 cells, one more than the 99 allowed.
    expect((e as Error).message).toBe(
      "The workbook is too large to read: it holds 100 cells, and at most 99 are read. Remove unused sheets or rows, or split it, and try again."
    );
  });
});
