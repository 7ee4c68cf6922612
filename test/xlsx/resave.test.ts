/**
 * The grid is the same whatever the writer (issue 18, item 2): both bundled samples, opened and
 * saved unchanged by each writer available here, give the analysis the original gives, figure
 * for figure, cell for cell, finding for finding:
 * - ExcelJS (the library that wrote them; load and save);
 * - openpyxl (Debian's python3-openpyxl: absolute part names, its own styles);
 * - LibreOffice headless (Debian's libreoffice-calc-nogui), as .xlsx, as .ods and as .xls;
 * - and as CSV, one sheet per file: the sample's budget sheet alone gives the same figures as
 *   that sheet alone from the .xlsx (CSV holds no hidden rows, so the finding saying a hidden
 *   row was read is the one difference).
 * `.ci/run` installs both Debian packages; without them this test fails rather than pass unseen.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import {
  analysisOf,
  libreOffice,
  openpyxlPython,
  resaveWithExcelJs,
  resaveWithOpenpyxl,
  saveWithLibreOffice,
  sheetAnalysisOf,
} from "../fakes/otherWriters";
import { runVfm } from "../../src/core";
import { readSpreadsheet } from "../../src/xlsx/read";

const SAMPLES = ["exampleshire-freeform.xlsx", "exampleshire.xlsx"];
const SAMPLE_DIR = path.join(__dirname, "..", "..", "assets", "sample");

let dir: string;
const original = new Map<string, string>();
const resaved = new Map<string, string>(); // "writer/sample" -> file

beforeAll(async () => {
  const soffice = libreOffice();
  const python = openpyxlPython();
  if (!soffice || !python)
    throw new Error(
      "This test needs LibreOffice and openpyxl: apt-get install -y libreoffice-calc-nogui python3-openpyxl (.ci/run does)."
    );
  dir = mkdtempSync(path.join(os.tmpdir(), "vfm-resave-"));
  const originals = SAMPLES.map((s) => {
    const file = path.join(dir, s);
    copyFileSync(path.join(SAMPLE_DIR, s), file);
    return file;
  });
  for (const file of originals) {
    const name = path.basename(file);
    original.set(name, await analysisOf(readFileSync(file), name));
    const exceljs = path.join(dir, "exceljs", name);
    mkdir(path.dirname(exceljs));
    writeFileSync(exceljs, await resaveWithExcelJs(readFileSync(file)));
    resaved.set(`ExcelJS/${name}`, exceljs);
    const openpyxl = path.join(dir, "openpyxl", name);
    mkdir(path.dirname(openpyxl));
    resaveWithOpenpyxl(python, file, openpyxl);
    resaved.set(`openpyxl/${name}`, openpyxl);
  }
  for (const format of ["xlsx", "ods", "xls"] as const) {
    const out = path.join(dir, `libreoffice-${format}`);
    for (const f of saveWithLibreOffice(soffice, originals, format, out))
      resaved.set(`LibreOffice .${format}/${path.basename(f).replace(/\.\w+$/, ".xlsx")}`, f);
  }
  const csvOut = path.join(dir, "libreoffice-csv");
  for (const f of saveWithLibreOffice(soffice, [originals[0]], "csv", csvOut))
    resaved.set(`csv/${path.basename(f)}`, f);
}, 600_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

function mkdir(d: string): void {
  mkdirSync(d, { recursive: true });
}

const WRITERS = [
  "ExcelJS",
  "openpyxl",
  "LibreOffice .xlsx",
  "LibreOffice .ods",
  "LibreOffice .xls",
];

describe("the bundled samples re-saved by other writers give identical analyses", () => {
  test.each(WRITERS.flatMap((w) => SAMPLES.map((s) => [w, s])))(
    "%s: %s",
    async (writer, sample) => {
      const file = resaved.get(`${writer}/${sample}`);
      expect(file).toBeDefined();
      const got = await analysisOf(readFileSync(file as string), path.basename(file as string));
      expect(got).toBe(original.get(sample));
      // And the analysis holds figures (the comparison is not of two empty results).
      expect(JSON.parse(got).analysis.overtime.byYear.length).toBeGreaterThan(0);
    }
  );

  test("CSV (LibreOffice, one sheet per file): the budget sheet gives the same figures as from the .xlsx", async () => {
    const csv = resaved.get("csv/exampleshire-freeform-Budget 2010-14.csv");
    expect(csv).toBeDefined();
    // Excel and LibreOffice name a CSV's one sheet after the file.
    const asSheet = path.join(dir, "Budget 2010-14.csv");
    copyFileSync(csv as string, asSheet);
    const xlsx = readFileSync(path.join(SAMPLE_DIR, SAMPLES[0]));
    const fromXlsx = await sheetAnalysisOf(xlsx, SAMPLES[0], "Budget 2010-14");
    expect(
      await sheetAnalysisOf(readFileSync(asSheet), "Budget 2010-14.csv", "Budget 2010-14")
    ).toBe(fromXlsx);
    expect(JSON.parse(fromXlsx).overtime.byYear.length).toBeGreaterThan(0);
    // The one thing left out of the comparison: the .xlsx's budget sheet has a hidden row.
    const { workbook } = await readSpreadsheet(xlsx, SAMPLES[0]);
    const budget = { sheets: workbook.sheets.filter((s) => s.name === "Budget 2010-14") };
    const codes = runVfm(budget).analysis.findings.map((f) => f.code);
    expect(codes).toContain("HIDDEN_ROWS_READ");
  });
});
